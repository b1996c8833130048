"""Found/expected targets and outcomes per report, against the hand-read files of tests/expected/.

    GWR_CORPUS=../shared/corpus python benchmarks/targets_recall.py [-v]

``-v`` also lists what is missing and what is extra. Then a speed check: the targets and
outcomes finders over the whole national corpus, in characters per second, beside
``parse_quantities`` over the same texts.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import gwr
from gwr._reading._quantities import parse_quantities
from gwr._reading._targets import find_outcomes, find_targets
from targets_expected import corpus_root, describe, expectation_files, load, read_report, read_text


def main() -> int:
    verbose = "-v" in sys.argv
    root = corpus_root()
    if root is None:
        print("no corpus: set GWR_CORPUS to the corpus folder")
        return 1
    totals = [0, 0, 0, 0, 0, 0]
    print(f"{'report':28} {'targets found/expected (extra)':>32} {'outcomes found/expected':>25}")
    for path in expectation_files():
        spec = load(path)
        targets, outcomes, _ = read_report(root, spec)
        name = path.relative_to(path.parents[1]).with_suffix("").as_posix()
        extra = len(targets.extra) if spec.get("complete") else "-"
        print(
            f"{name:28} {len(targets.matched):>20}/{len(targets.expected):<3} ({extra})"
            f" {len(outcomes.matched):>18}/{len(outcomes.expected):<3}"
        )
        totals[0] += len(targets.matched)
        totals[1] += len(targets.expected)
        totals[2] += len(outcomes.matched)
        totals[3] += len(outcomes.expected)
        if spec.get("complete"):
            totals[4] += len(targets.extra)
            totals[5] += len(targets.found)
        if verbose:
            for item in targets.missing + outcomes.missing:
                print(f"    missing  {describe(item)}")
            for extra_item in targets.extra if spec.get("complete") else []:
                print(f"    extra    {describe(extra_item)}")
    print(
        f"{'total':28} {totals[0]:>20}/{totals[1]:<3} ({totals[4]} extra of {totals[5]} found in complete files)"
        f" {totals[2]:>8}/{totals[3]:<3}"
    )
    speed(root)
    return 0


def speed(root: Path) -> None:
    texts = [read_text(root, f"national/{p.name}") for p in sorted((root / "national").glob("*.txt"))]
    year_of = [int(p.stem) for p in sorted((root / "national").glob("*.txt"))]
    registry = gwr.indicators()
    chars = sum(map(len, texts))
    find_targets(texts[-1], "c", year=year_of[-1], indicators=registry)  # warm the caches
    best_reader = best_quantities = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        for text, year in zip(texts, year_of, strict=True):
            find_targets(text, "c", year=year, indicators=registry)
            find_outcomes(text, "c", year=year, indicators=registry)
        best_reader = min(best_reader, time.perf_counter() - began)
        began = time.perf_counter()
        for text in texts:
            parse_quantities(text)
        best_quantities = min(best_quantities, time.perf_counter() - began)
    print(
        f"speed: {len(texts)} national texts, {chars} characters: find_targets+find_outcomes "
        f"{chars / best_reader / 1e6:.2f} M chars/s ({best_reader:.3f} s); parse_quantities "
        f"{chars / best_quantities / 1e6:.2f} M chars/s ({best_quantities:.3f} s); "
        f"ratio {best_reader / best_quantities:.2f}x"
    )


if __name__ == "__main__":
    raise SystemExit(main())
