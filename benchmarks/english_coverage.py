"""How much of the official English the data holds, and how much of it a person's reading confirms.

    python benchmarks/english_coverage.py

For each kind of fact of the national reports 2008–2022 (the years the corpus has a translation
memory of): how many carry the English words of their clause, how many only the aligned segment
(the words could not be told apart with certainty), and how many no English at all (no single
segment holds the clause), with the reasons counted. Then the hand-read pairs of
``tests/expected/english_pairs.json``: how many the rule gives exactly, how many it leaves absent,
and how many it gives otherwise (a wrong sentence: the goal is none).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import gwr

YEARS = range(2008, 2023)
KINDS: dict[str, type] = {"targets": gwr.Target, "outcomes": gwr.Outcome, "measures": gwr.Measure, "tasks": gwr.Task}
PAIRS = Path(__file__).resolve().parents[1] / "tests" / "expected" / "english_pairs.json"


def facts(kind: type) -> list[Any]:
    return [item for y in YEARS for _, item in gwr.report(y).iter_items() if isinstance(item, kind)]


def coverage() -> None:
    print(f"{'facts':<10} {'total':>6} {'words':>6} {'segment':>8} {'absent':>7}")
    reasons: Counter[str] = Counter()
    for name, kind in KINDS.items():
        found = facts(kind)
        words = sum(f.english.words is not None for f in found)
        segment = sum(f.english.words is None and f.english.segment is not None for f in found)
        absent = sum(f.english.segment is None for f in found)
        print(
            f"{name:<10} {len(found):>6} {words:>6} {segment:>8} {absent:>7}   ({100 * words / len(found):.0f}% words)"
        )
        reasons.update(re.sub(r"\d+", "N", f.english.reason) for f in found if f.english.words is None)
    print("\nwhy the words are absent:")
    for reason, count in reasons.most_common():
        print(f"  {count:>4}  {reason}")


def agreement() -> None:
    pairs = json.loads(PAIRS.read_text("utf-8"))
    tally: Counter[str] = Counter()
    for year, found in pairs.items():
        report = gwr.report(int(year))
        for name, kind in KINDS.items():
            items = [item for _, item in report.iter_items() if isinstance(item, kind)]
            for pair in found.get(name, []):
                same = [i for i in items if (i.title if kind is gwr.Task else i.text) == pair["zh"]]
                if not same and name == "targets":
                    same = [i for i in items if i.text in pair["zh"] or pair["zh"] in i.text]
                if not same:
                    tally["no such fact in the data"] += 1
                    continue
                got = same[0].english.text
                if got == pair["en"]:
                    tally["as read"] += 1
                elif got is None:
                    tally["absent (with a reason)"] += 1
                else:
                    tally["otherwise"] += 1
    print(f"\nhand-read pairs ({PAIRS.name}): " + ", ".join(f"{n} {k}" for k, n in tally.most_common()))


if __name__ == "__main__":
    coverage()
    agreement()
