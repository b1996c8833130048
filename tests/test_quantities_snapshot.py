"""Snapshot of every quantity the parser finds in the five bundled source texts.

The snapshot (``tests/snapshots/quantities.txt``) is a reviewed file: each line is one quantity,
tab-separated: source, value, upper, unit, qualifier, change, relative_to, text, context (the text
with up to 12 characters either side, the quantity in 【】, line breaks as ⏎). Any change in what
the parser finds shows up as a diff of this file in review.

Regenerate after a reviewed parser change with::

    GWR_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_quantities_snapshot.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import gwr
from gwr._reading._quantities import parse_quantities

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "quantities.txt"


def _context(text: str, start: int, end: int) -> str:
    snippet = f"{text[max(0, start - 12) : start]}【{text[start:end]}】{text[end : end + 12]}"
    return re.sub(r"\s*\n\s*", "⏎", snippet)


def render() -> str:
    lines: list[str] = []
    for source in (s for s in gwr.sources() if s.bundled):
        text = source.normalized
        for q in parse_quantities(text):
            assert text[q.start : q.end] == q.text
            fields = [
                Path(source.file).stem,
                str(q.value),
                "" if q.upper is None else str(q.upper),
                q.unit,
                q.qualifier,
                q.change or "",
                q.relative_to or "",
                q.text.replace("\n", "⏎"),
                _context(text, q.start, q.end),
            ]
            lines.append("\t".join(fields))
    header = "source\tvalue\tupper\tunit\tqualifier\tchange\trelative_to\ttext\tcontext"
    return "\n".join([header, *lines]) + "\n"


def test_quantities_snapshot() -> None:
    current = render()
    if os.environ.get("GWR_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(current, encoding="utf-8")
    expected = SNAPSHOT.read_text(encoding="utf-8")
    if current != expected:
        import difflib

        diff = "\n".join(
            difflib.unified_diff(expected.splitlines(), current.splitlines(), "snapshot", "parser", lineterm="", n=0)
        )
        raise AssertionError(f"quantities differ from {SNAPSHOT.name} (GWR_UPDATE_SNAPSHOTS=1 to accept):\n{diff}")
