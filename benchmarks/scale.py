"""How gwr grows with the number of reports: 100, 300 and 1,000 synthetic reports.

Run from the repository root, with gwr installed (``pip install -e .``)::

    python benchmarks/scale.py                       # 100, 300, 1000 reports
    python benchmarks/scale.py --counts 100 1000 3000 --generator-counts 30 100

For each count it measures (medians of ``--repeat`` rounds, in this process, code warm):

- **write**: making the synthetic data folder (tests/synthetic.py: reports cut from the bundled
  ones, unstructured by the converter, written as JSON like the generator writes them);
- **full load**: every report into a fresh ``Database`` (read the file, decode it with msgspec
  straight into the records), next to ``json.loads`` of the same bytes;
- **one report**: the first load of one report from a fresh ``Database`` over that folder, which
  must stay flat: it reads the manifest and that report's file, nothing else. The manifest lists
  every report, so its share grows with the count (about a microsecond a report); the report's
  own share does not (the same report in every folder).

``run.py`` measures the same one-report load in fresh interpreters, next to its other figures.

And the generator itself (``gwr.build.generate.generate``) on ``--generator-counts`` copies of
the bundled report annotations (each copy builds a whole report from its source text).
Timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import synthetic
from gwr._data._db import Database


def timed(function: Callable[[], object], repeat: int) -> float:
    """The median time of ``repeat`` calls of ``function``, in seconds."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def load_all(folder: Path) -> None:
    db = Database(folder)
    for report_id in db.report_ids():
        db.report(report_id)
    db.sources()
    db.indicators()
    db.themes()


def folder_bytes(folder: Path) -> list[bytes]:
    names = ["manifest.json", "indicators.json", "themes.json"]
    names += [e["file"] for e in json.loads((folder / "manifest.json").read_bytes())["reports"]]
    return [(folder / name).read_bytes() for name in names]


def measure_folder(count: int, repeat: int, size: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        start = time.perf_counter()
        ids = synthetic.make_data_folder(folder, count, size=size)
        write = time.perf_counter() - start
        blobs = folder_bytes(folder)
        # The same seed makes the first reports of every folder alike: the report loaded alone is
        # the same in each, so its time shows what the folder's size adds.
        wanted = ids[min(50, len(ids) - 1)]

        def one() -> None:
            Database(folder).report(wanted)

        def manifest() -> None:
            Database(folder).manifest  # noqa: B018  (reads and checks the manifest)

        def parse() -> list[object]:  # keeps what it parsed, as a load keeps its records
            return [json.loads(blob) for blob in blobs]

        load_all(folder)  # warm: code imported, files in the OS cache
        return {
            "count": count,
            "mib": sum(map(len, blobs)) / 2**20,
            "write": write,
            "load": timed(lambda: load_all(folder), repeat),
            "json": timed(parse, repeat),
            "one": timed(one, max(repeat, 15)),
            "manifest": timed(manifest, max(repeat, 15)),
        }


def measure_generator(count: int) -> dict[str, float]:
    from gwr.build.generate import generate

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        synthetic.make_annotation_root(root, count)
        gc.collect()
        start = time.perf_counter()
        outputs = generate(root)
        elapsed = time.perf_counter() - start
        size = sum(len(v) for v in outputs.values()) / 2**20
        del outputs
        return {"count": count, "generate": elapsed, "mib": size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--generator-counts", type=int, nargs="+", default=[30, 100, 300])
    parser.add_argument("--repeat", type=int, default=5, help="rounds per measurement (default 5)")
    parser.add_argument("--size", type=float, default=1.0, help="how much of a bundled report each keeps")
    parser.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    args = parser.parse_args()
    ms = 1000.0

    rows = [measure_folder(n, args.repeat, args.size) for n in args.counts]
    header = [
        "reports",
        "data (MiB)",
        "write (s)",
        "full load (s)",
        "per report (ms)",
        "json.loads (s)",
        "load ÷ json.loads",
        "one report (ms)",
        "of which manifest (ms)",
    ]
    table = [
        [
            f"{r['count']:.0f}",
            f"{r['mib']:.1f}",
            f"{r['write']:.2f}",
            f"{r['load']:.3f}",
            f"{r['load'] / r['count'] * ms:.2f}",
            f"{r['json']:.3f}",
            f"{r['load'] / r['json']:.2f}×",
            f"{r['one'] * ms:.2f}",
            f"{r['manifest'] * ms:.2f}",
        ]
        for r in rows
    ]
    generator = [measure_generator(n) for n in args.generator_counts]
    gen_header = ["reports", "output (MiB)", "generate (s)", "per report (ms)"]
    gen_table = [
        [f"{g['count']:.0f}", f"{g['mib']:.1f}", f"{g['generate']:.2f}", f"{g['generate'] / g['count'] * ms:.1f}"]
        for g in generator
    ]
    print(f"gwr scale benchmark: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, medians of {args.repeat}\n")
    for title, head, body in (
        ("synthetic data folders (tests/synthetic.py)", header, table),
        ("the generator on copies of the bundled annotations", gen_header, gen_table),
    ):
        print(title)
        if args.markdown:
            print("\n| " + " | ".join(head) + " |\n|" + " --- |" * len(head))
            print("\n".join("| " + " | ".join(row) + " |" for row in body))
        else:
            widths = [max(len(h), *(len(row[i]) for row in body)) for i, h in enumerate(head)]
            print("  ".join(h.rjust(w) for h, w in zip(head, widths, strict=True)))
            for row in body:
                print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
        print()


if __name__ == "__main__":
    main()
