"""Sub-areas, tasks, leads, closings and appendices per report, against the hand-read outlines
of tests/expected/outline/ (read by a person from the text, never from the reader's output).

    GWR_CORPUS=../shared/corpus python benchmarks/outline_subareas.py [-v]

For each report: the tasks found/expected, the sub-areas' precision (found sub-areas that the
person lists) and recall (listed sub-areas found), the leads, the closing passages and the
appendices found, and the speaker and office; then the totals over all files. ``-v`` also
lists what is missing and what is extra. Matching is described in ``tests/outline_expected.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from corpus import corpus_folder
from outline_expected import Comparison, Counts, compare, expectation_files


def _ratio(counts: Counts) -> str:
    return f"{counts.matched}/{counts.expected}"


def main() -> int:
    verbose = "-v" in sys.argv
    root = corpus_folder()
    if root is None:
        print("no corpus: set GWR_CORPUS to the corpus folder")
        return 1
    header = (
        f"{'report':16} {'tasks':>7} {'sub-areas P':>12} {'R':>6} {'(matched/found/expected)':>24}"
        f" {'leads':>7} {'closings':>9} {'appendices':>10}  speaker, office"
    )
    print(header)
    results: list[Comparison] = []
    for path in expectation_files():
        result = compare(root, path)
        results.append(result)
        sub = result.subareas
        speaker = "ok" if result.speaker[0] == result.speaker[1] else f"{result.speaker[1]} (not {result.speaker[0]})"
        office = "ok" if result.office[0] == result.office[1] else f"{result.office[1]} (not {result.office[0]})"
        print(
            f"{result.name:16} {_ratio(result.tasks):>7} {sub.precision:>12.1%} {sub.recall:>6.1%}"
            f" {f'{sub.matched}/{sub.found}/{sub.expected}':>24} {_ratio(result.leads):>7}"
            f" {_ratio(result.closings):>9} {_ratio(result.appendices):>10}  {speaker}, {office}"
        )
        if verbose:
            for what, counts in (
                ("task", result.tasks),
                ("sub-area", result.subareas),
                ("lead", result.leads),
                ("closing", result.closings),
                ("appendix", result.appendices),
            ):
                for item in counts.missing:
                    print(f"    missing {what}: {item}")
                for item in counts.extra:
                    print(f"    extra {what}: {item}")
    total = Counts(
        sum(r.subareas.found for r in results),
        sum(r.subareas.expected for r in results),
        sum(r.subareas.matched for r in results),
    )
    tasks = sum(r.tasks.matched for r in results), sum(r.tasks.expected for r in results)
    closings = sum(r.closings.matched for r in results), sum(r.closings.expected for r in results)
    leads = sum(r.leads.matched for r in results), sum(r.leads.expected for r in results)
    print(
        f"{'total':16} {f'{tasks[0]}/{tasks[1]}':>7} {total.precision:>12.1%} {total.recall:>6.1%}"
        f" {f'{total.matched}/{total.found}/{total.expected}':>24} {f'{leads[0]}/{leads[1]}':>7}"
        f" {f'{closings[0]}/{closings[1]}':>9}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
