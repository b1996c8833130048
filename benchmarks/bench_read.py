"""Speed of the general reader over the whole national corpus, beside ``parse_quantities``.

    GWR_CORPUS=../shared/corpus python benchmarks/bench_read.py [--rounds N] [--profile]

Every national text of the corpus is normalized once (profile ``auto``, as :func:`gwr.read`
does; not timed), then read with :func:`gwr._reading._read.read_normalized` (layout, targets, outcomes,
outline, tasks, measures and their keyed quantities) and, over the same normalized texts,
parsed with :func:`gwr.parse_quantities`. The best of ``--rounds`` rounds counts for each.
The goal (issue 11): at least 1 M characters per second, at most 3x ``parse_quantities``.
``--profile`` prints the functions that take the reader's time (cProfile, one round).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from pathlib import Path

import gwr
from gwr._reading._normalize import normalize
from gwr._reading._quantities import parse_quantities
from gwr._reading._read import read_normalized


def corpus_root() -> Path:
    configured = os.environ.get("GWR_CORPUS")
    root = Path(configured) if configured else Path(__file__).resolve().parents[2] / "shared" / "corpus"
    if not (root / "corpus.json").exists():
        sys.exit("no corpus: set GWR_CORPUS to the corpus folder")
    return root


def national_texts(root: Path) -> list[tuple[int, str]]:
    """(year, normalized text) of every national text that corpus.json lists, in its order."""
    entries = json.loads((root / "corpus.json").read_text(encoding="utf-8"))
    return [
        (int(entry["year"]), normalize((root / entry["file"]).read_text(encoding="utf-8"), "auto").text)
        for entry in entries
        if entry["kind"] == "national"
    ]


def read_all(texts: list[tuple[int, str]], registry: tuple[gwr.Indicator, ...]) -> None:
    for year, text in texts:
        read_normalized(text, f"bench-{year}", kind="gwr", year=year, region=None, indicators=registry)


def parse_all(texts: list[tuple[int, str]]) -> None:
    for _, text in texts:
        parse_quantities(text)


def best_of(rounds: int, work: object, *args: object) -> float:
    assert callable(work)
    best = float("inf")
    for _ in range(rounds):
        began = time.perf_counter()
        work(*args)
        best = min(best, time.perf_counter() - began)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    texts = national_texts(corpus_root())
    registry = gwr.indicators()
    chars = sum(len(text) for _, text in texts)
    read_all(texts[-1:], registry)  # warm the caches (registry index, compiled patterns)
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(read_all, texts, registry)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    reader = best_of(args.rounds, read_all, texts, registry)
    quantities = best_of(args.rounds, parse_all, texts)
    print(f"{len(texts)} national texts, {chars:,} characters (normalized), best of {args.rounds} rounds")
    print(f"read_normalized   {chars / reader / 1e6:6.2f} M chars/s  ({reader:.3f} s)")
    print(f"parse_quantities  {chars / quantities / 1e6:6.2f} M chars/s  ({quantities:.3f} s)")
    ratio = reader / quantities
    goal = chars / reader >= 1e6 and ratio <= 3
    verdict = "met" if goal else "NOT met"
    print(f"ratio             {ratio:6.2f}x parse_quantities  (goal: >= 1 M chars/s and <= 3x: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
