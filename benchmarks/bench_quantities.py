"""Throughput of :func:`gwr.parse_quantities`: phrases (sentences and clauses) per second.

The five source texts are split into phrases at 。 and ；, and every phrase is parsed, several
rounds; the best round counts. Run from the repository root::

    PYTHONPATH=src python benchmarks/bench_quantities.py
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from gwr._reading._quantities import parse_quantities

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "src" / "gwr" / "data" / "sources"
SEEDS = Path("/work/shared/seeds")
_FOLD = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)} | {"％": "%"})


def phrases() -> list[str]:
    folder = BUNDLED if BUNDLED.is_dir() and any(BUNDLED.glob("*.txt")) else SEEDS
    out: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8").translate(_FOLD)
        out.extend(p for p in re.split(r"[。；]", text) if p.strip())
    return out


def main(rounds: int = 5) -> None:
    items = phrases()
    chars = sum(map(len, items))
    best = float("inf")
    found = 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        found = sum(len(parse_quantities(p)) for p in items)
        best = min(best, time.perf_counter() - t0)
    print(f"{len(items)} phrases ({chars} characters, {found} quantities) in {best * 1000:.1f} ms")
    print(f"{len(items) / best:,.0f} phrases/s, {chars / best / 1e6:.2f} M characters/s")


if __name__ == "__main__":
    main()
