"""Found / expected / wrongly keyed per report, against the hand-read meanings of figures.

    python benchmarks/meaning.py [-v] [--read]

The expectations are tests/expected/meaning/*/*.toml (read by a person from the corpus texts);
the facts are the bundled data's (which the generator reads with the same rules), or with
``--read`` what gwr.read makes of each corpus text (GWR_CORPUS, else ../shared/corpus).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from corpus import corpus_folder
from meaning_expected import FILES, compare


def main() -> None:
    verbose = "-v" in sys.argv
    via = "read" if "--read" in sys.argv else "data"
    corpus = corpus_folder()
    if via == "read" and corpus is None:
        print("no corpus: set GWR_CORPUS to the corpus folder")
        return
    totals: dict[str, list[int]] = {}
    wrong = negatives = 0
    print(f"{'report':<26}{'outcomes':>10}{'targets':>10}{'figures':>10}{'wrong/neg':>11}")
    for path in FILES:
        tally = compare(path, via, corpus)
        cells = []
        for kind in ("outcomes", "targets", "figures"):
            f, e = tally.found.get(kind, 0), tally.expected.get(kind, 0)
            totals.setdefault(kind, [0, 0])
            totals[kind][0] += f
            totals[kind][1] += e
            cells.append(f"{f}/{e}" if e else "-")
        wrong += len(tally.wrong)
        negatives += tally.negatives
        print(f"{tally.name:<26}{cells[0]:>10}{cells[1]:>10}{cells[2]:>10}{len(tally.wrong):>5}/{tally.negatives:<5}")
        if verbose:
            for line in tally.missed:
                print("    missed", line)
            for line in tally.wrong:
                print("    WRONG ", line)
    cells = [
        f"{f}/{e} ({100 * f / e:.0f}%)" if e else "-"
        for f, e in (totals[k] for k in ("outcomes", "targets", "figures"))
    ]
    print(f"{'all':<26}" + "  ".join(cells) + f"  wrongly keyed {wrong}/{negatives}")


if __name__ == "__main__":
    main()
