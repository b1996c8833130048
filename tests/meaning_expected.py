"""The hand-read expectations of tests/expected/meaning, compared with a report's facts.

Shared by ``tests/test_meaning_expected.py`` and ``benchmarks/meaning.py``. An expected fact is
*found* where the report holds an item with its key, year and value (an outcome for an outcome,
a target for a target, any keyed figure for a figure); a negative is *wrongly keyed* where an
item whose quote lies inside the negative's text, at the negative's place (the quote's context
holds the negative's words), has its value and carries the key it must not.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import gwr
from gwr._model._records import Measure, Quantity, Report, Span

FOLDER = Path(__file__).parent / "expected" / "meaning"
FILES = sorted(FOLDER.glob("*/*.toml"))


def load(path: Path) -> dict[str, object]:
    with path.open("rb") as f:
        return tomllib.load(f)


def report_of(expected: dict[str, object], via: str = "data", corpus: Path | None = None) -> Report:
    """The report the file is about: from the data, or (``via="read"``) what :func:`gwr.read`
    makes of the corpus text."""
    year = expected["year"]
    assert isinstance(year, int)
    provincial = expected["kind"] == "provincial"
    if via == "read":
        assert corpus is not None
        text = (corpus / str(expected["file"])).read_text(encoding="utf-8")
        region = str(expected["region"]) if provincial else None
        return gwr.read(text, kind="provincial" if provincial else "gwr", year=year, region=region)
    if provincial:
        return gwr.report(year, kind="provincial", region=str(expected["region"]))
    return gwr.report(year)


def _plain(text: str) -> str:
    return "".join(text.split()).translate({0xFF05: "%", 0x200B: None})


@dataclass
class Tally:
    """Found / expected per kind of fact, and the negatives wrongly keyed, of one report."""

    name: str
    found: dict[str, int] = field(default_factory=dict)
    expected: dict[str, int] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    negatives: int = 0


def _keyed(report: Report) -> Iterator[tuple[str, int, Quantity, str, str]]:
    """Every keyed figure of ``report``: (key, year, quantity, quote, the quote in its context)."""
    for target in report.targets:
        if target.key is not None and target.quantity is not None:
            yield target.key, target.year, target.quantity, target.text, _context(target.span)
    for outcome in report.outcomes:
        if outcome.quantity is not None:
            yield outcome.key, outcome.year, outcome.quantity, outcome.text, _context(outcome.span)
    for _, item in report.iter_items():
        if isinstance(item, Measure):
            for quantity in item.quantities:
                if quantity.indicator is not None:
                    yield quantity.indicator, report.year, quantity, item.text, _context(item.span)


def _context(span: Span) -> str:
    return _plain(span.prefix + span.exact + span.suffix)


def _value(quantity: Quantity) -> Decimal:
    return -quantity.value if quantity.change == "decrease" and quantity.unit == "%" else quantity.value


_KG = {"kg": Decimal(1), "jin": Decimal("0.5"), "dan": Decimal(50), "t": Decimal(1000)}
_SHARE = {"%": Decimal(10), "permille": Decimal(1)}


def _same(entry: dict[str, object], quantity: Quantity | None) -> bool:
    if quantity is None or "value" not in entry:
        return quantity is None and "value" not in entry
    value = Decimal(str(entry["value"]))
    unit = str(entry.get("unit", ""))
    if unit in _KG and quantity.unit in _KG:  # 4564亿公斤 read as tonnes: the same mass
        return quantity.value * _KG[quantity.unit] == value * _KG[unit]
    if unit in _SHARE and quantity.unit in _SHARE:  # 人口自然增长率为1％ against 10‰: the same rate
        return abs(_value(quantity)) * _SHARE[quantity.unit] == abs(value) * _SHARE[unit]
    return quantity.value == abs(value) or _value(quantity) == value


def compare(path: Path, via: str = "data", corpus: Path | None = None) -> Tally:
    """The report's facts (from the data, or ``via="read"``) against the expectations of ``path``."""
    expected = load(path)
    report = report_of(expected, via, corpus)
    tally = Tally(f"{path.parent.name}/{path.stem}")
    default_year = {"outcomes": report.year - 1, "targets": report.year, "figures": report.year}
    for kind in ("outcomes", "targets", "figures"):
        entries = expected.get(kind, [])
        assert isinstance(entries, list)
        for entry in entries:
            year = entry.get("year", default_year[kind])
            tally.expected[kind] = tally.expected.get(kind, 0) + 1
            if kind == "outcomes":
                hit = any(
                    o.key == entry["key"] and o.year == year and _same(entry, o.quantity) for o in report.outcomes
                )
            elif kind == "targets":
                hit = any(t.key == entry["key"] and t.year == year and _same(entry, t.quantity) for t in report.targets)
            else:
                hit = any(k == entry["key"] and _same(entry, q) for k, _, q, _, _ in _keyed(report))
            if hit:
                tally.found[kind] = tally.found.get(kind, 0) + 1
            else:
                tally.missed.append(f"{kind}: {entry['key']} {entry.get('value')} {entry['text']}")
    for entry in expected.get("negatives", []):  # type: ignore[union-attr]
        tally.negatives += 1
        text = _plain(str(entry["text"]))
        for key, _, quantity, quote, context in _keyed(report):
            if key != entry["key"] or not _same(entry, quantity):
                continue
            # the negative's words where the item stands (not the same words elsewhere: 城镇新增就业
            # 40万人以上, the target, inside 每年城镇新增就业40万人以上, a span of the review)
            here = text in context or context in text
            if _plain(quantity.text) in text and (_plain(quote) in text or text in _plain(quote)) and here:
                tally.wrong.append(f"{entry['key']} {entry.get('value')} {entry['text']} ({entry.get('why', '')})")
                break
    return tally
