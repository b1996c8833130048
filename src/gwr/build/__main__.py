"""``python -m gwr.build [--root DIR] [--check]``: regenerate src/gwr/data from the sources."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .annotations import AnnotationError
from .generate import DATA, generate, write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gwr.build", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository checkout (default: .)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the data would change")
    args = parser.parse_args(argv)
    root: Path = args.root
    if not (root / "annotations").is_dir() or not (root / DATA / "sources").is_dir():
        print(f"error: {root} is not a gwr checkout (needs annotations/ and {DATA}/sources/)", file=sys.stderr)
        return 2
    try:
        outputs = generate(root)
    except AnnotationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.check:
        stale = [
            n
            for n, c in sorted(outputs.items())
            if not (root / DATA / n).is_file() or (root / DATA / n).read_bytes() != c
        ]
        for name in stale:
            print(f"out of date: {DATA / name}")
        return 1 if stale else 0
    for name in write(root, outputs):
        print(f"wrote {DATA / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
