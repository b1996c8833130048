"""What :func:`gwr.check` proves beyond the quotes: that each fact means what the reader reads.

A quote at its offsets and a number that equals what its quote says can still carry the wrong
key or the wrong year, or a target can be dropped: an edit to a data file (with its digest
updated) that changes ``cpi_growth`` to ``retail_price_growth`` passes every check of spans and
numbers. So :func:`gwr.check` reads the report's text again, with the same reader the generator
used, wherever the text is at hand, and compares what it finds with what the data says:

* **Targets**, in every report whose targets the reader finds by rule (``full`` and ``cited``;
  a ``summary`` is laid out by annotation): the same targets at the same places, each with the
  same key, year, text, quantity (value, unit, qualifier, range, change), qualifier and
  rationale; a target the text states and the data lacks is a problem too.
* **Outcomes**, in a cited report or one made by :func:`gwr.read`: the same both ways. In a
  bundled report, where an annotation chose the outcomes, each outcome the reader also finds at
  its place must agree with it field by field.
* **Verdicts** (what the review says of last year's targets), in every report read again: the
  same verdicts at the same places, with the same indicators, year and reading.
* **Themes by rule**: a task the rule themed has the theme the words of its title give.
* **Keys of the measures' quantities**: each quantity the reader's rule keys carries that key;
  in a cited report, a quantity the rule leaves unkeyed carries none.

And, whatever the reader says, invariants of the data: a target is for its report's year and
an outcome for the year before (the year the review part reviews); a keyed quantity's unit fits
its indicator's (a share is no amount); a report has one target per key unless its text states
two.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .._model._records import (
    Document,
    Indicator,
    Measure,
    Outcome,
    Quantity,
    Report,
    Source,
    Target,
    Task,
    Theme,
    Verdict,
)
from .._reading._layout import find_layout
from .._reading._meaning import fits
from .._reading._quantities import parse_quantities
from .._reading._read import part_periods, period_at, read_facts
from .._reading._targets import key_quantities, names_consumer_prices, unit_fits
from .._reading._themes import theme_of

Problem = Callable[[str, str], None]

_QUANTITY_FIELDS = (
    "value",
    "unit",
    "qualifier",
    "upper",
    "change",
    "relative_to",
    "indicator",
    "measure",
    "period",
    "scope",
)


def _range(report: Report, source: Source, text: str) -> tuple[int, int]:
    """The report's range in ``text``: the document of ``source`` that holds its first fact, as
    the layout reads it (the whole text where the source is one report)."""
    first = next(
        (item.span.start for _, item in report.iter_items() if item.span.source == source.id),
        0,
    )
    documents = [d for d in source.documents if d.start <= first < d.end] or [
        Document(id=report.id, title="", kind="report", date="", start=0, end=len(text))
    ]
    document = documents[-1]
    layout = find_layout(text[document.start : document.end])
    return document.start + layout.start, document.start + layout.end


def _quantity_difference(shipped: Quantity | None, found: Quantity | None) -> str | None:
    if shipped is None or found is None:
        return None if shipped is found else f"quantity {shipped!r}, the text reads {found!r}"
    for field in _QUANTITY_FIELDS:
        if getattr(shipped, field) != getattr(found, field):
            return f"quantity {field} {getattr(shipped, field)!r}, the text reads {getattr(found, field)!r}"
    return None


def _difference(shipped: Target | Outcome, found: Target | Outcome) -> str | None:
    """The first field in which ``shipped`` is not what the reader finds at its place."""
    for field in ("key", "year", "text", "qualifier"):
        if getattr(shipped, field) != getattr(found, field):
            return f"{field} {getattr(shipped, field)!r}, the text reads {getattr(found, field)!r}"
    if isinstance(shipped, Target) and isinstance(found, Target) and shipped.rationale != found.rationale:
        return "rationale is not the one the text gives"
    return _quantity_difference(shipped.quantity, found.quantity)


def _compare(
    problem: Problem,
    path: str,
    shipped: Sequence[Target | Outcome],
    found: Sequence[Target | Outcome],
    source_id: str,
    *,
    both_ways: bool,
) -> None:
    at: dict[tuple[int, int], list[Target | Outcome]] = {}
    for item in found:
        at.setdefault((item.span.start, item.span.end), []).append(item)
    unmatched: list[tuple[int, Target | Outcome]] = []
    for i, item in enumerate(shipped):
        if item.span.source != source_id:
            continue  # from another witness of the report
        here = at.get((item.span.start, item.span.end), [])
        match = next((f for f in here if f.key == item.key), here[0] if here else None)
        if match is None:
            unmatched.append((i, item))
            continue
        here.remove(match)
        difference = _difference(item, match)
        if difference is not None:
            problem(f"{path}[{i}]", difference)
    for i, item in unmatched:
        if not both_ways:
            continue
        # the same fact elsewhere (a span moved): said once, of the item
        elsewhere = next((f for left in at.values() for f in left if f.key == item.key and f.text == item.text), None)
        if elsewhere is not None:
            at[(elsewhere.span.start, elsewhere.span.end)].remove(elsewhere)
            problem(f"{path}[{i}]", f"read again, the text states it at [{elsewhere.span.start}, {elsewhere.span.end})")
        else:
            problem(f"{path}[{i}]", "read again, the text states no such fact here")
    if both_ways:
        for left in at.values():
            for item in left:
                problem(path, f"the text states {item.text!r} ({item.key or 'no key'}), which the data lacks")


def rederive(report: Report, source: Source, text: str, indicators: Sequence[Indicator], problem: Problem) -> None:
    """Read ``report``'s main witness ``source`` (normalized ``text``) again and compare."""
    if report.completeness == "summary":
        return
    start, end = _range(report, source, text)
    facts = read_facts(text, source.id, year=report.year, start=start, end=end, indicators=indicators)
    by_rule = report.completeness == "cited" or not source.bundled
    # the passage's targets both ways; those set elsewhere in the text both ways where the report
    # is read by rule (an annotated report names its targets: the passage's)
    main = tuple(t for t in report.targets if t.in_passage)
    found_main = tuple(t for t in facts.targets if t.in_passage)
    _compare(problem, f"{report.id}.targets", main, found_main, source.id, both_ways=True)
    elsewhere = tuple(t for t in report.targets if not t.in_passage)
    found_elsewhere = tuple(t for t in facts.targets if not t.in_passage)
    _compare(problem, f"{report.id}.targets", elsewhere, found_elsewhere, source.id, both_ways=by_rule)
    prices = names_consumer_prices(text)
    parts = part_periods(facts.sentences, report.year)
    _compare(problem, f"{report.id}.outcomes", report.outcomes, facts.outcomes, source.id, both_ways=by_rule)
    _compare_verdicts(problem, report, facts.verdicts, source.id)
    for path, item in report.iter_items():
        if isinstance(item, Measure):
            back = period_at(text, item.span.start, report.year, parts) if item.span.source == source.id else None
            _rekey(
                problem,
                f"{report.id}.{path}",
                item,
                indicators,
                strict=by_rule,
                year=report.year,
                prices=prices,
                back=back,
            )


def _compare_verdicts(problem: Problem, report: Report, found: Sequence[Verdict], source_id: str) -> None:
    """The report's verdicts from ``source_id`` are those the reader finds there, field by field."""
    read = {(v.span.start, v.span.end): v for v in found}
    for i, verdict in enumerate(report.verdicts):
        if verdict.span.source != source_id:
            continue
        match = read.pop((verdict.span.start, verdict.span.end), None)
        if match is None:
            problem(f"{report.id}.verdicts[{i}]", "read again, the text gives no such verdict here")
            continue
        for field in ("keys", "year", "met", "text"):
            if getattr(verdict, field) != getattr(match, field):
                problem(
                    f"{report.id}.verdicts[{i}]",
                    f"{field} {getattr(verdict, field)!r}, the text reads {getattr(match, field)!r}",
                )
    for verdict in read.values():
        problem(f"{report.id}.verdicts", f"the text gives the verdict {verdict.text!r}, which the data lacks")


def _rekey(
    problem: Problem,
    path: str,
    measure: Measure,
    indicators: Sequence[Indicator],
    *,
    strict: bool,
    year: int,
    prices: bool,
    back: str | None,
) -> None:
    """Each quantity keyed as the rule keys it (an annotation may key more in a bundled report),
    and meaning what the rule reads it to mean."""
    keyed = key_quantities(
        measure.text, parse_quantities(measure.text), indicators, year=year, consumer_prices=prices, look_back=back
    )
    for i, (shipped, found) in enumerate(zip(measure.quantities, keyed, strict=False)):
        for field in ("measure", "period", "scope"):
            if getattr(shipped, field) != getattr(found, field):
                problem(
                    f"{path}.quantities[{i}]",
                    f"{field} {getattr(shipped, field)!r}, the text reads {getattr(found, field)!r}",
                )
        if found.indicator is not None and shipped.indicator != found.indicator:
            problem(f"{path}.quantities[{i}]", f"key {shipped.indicator!r}, the text states {found.indicator!r}")
        elif strict and found.indicator is None and shipped.indicator is not None:
            problem(f"{path}.quantities[{i}]", f"key {shipped.indicator!r}, which the text does not state")


def rule_themes(report: Report, themes: Sequence[Theme], problem: Problem) -> None:
    """A task themed by rule has the theme the words of its title give (an annotation's themes are
    the annotation's: the manifest records its digest)."""
    for path, item in report.iter_items():
        if isinstance(item, Task) and item.theme_source == "rule":
            theme = theme_of(item.title, themes)
            if item.theme != theme:
                problem(f"{report.id}.{path}", f"theme {item.theme!r}, the rule gives {theme!r}")


def invariants(report: Report, indicators: Sequence[Indicator], problem: Problem) -> None:
    """What holds of every report whatever the reader says: a target is of the report's year (or
    of the next year's plan), an outcome of the year before; a keyed figure's unit fits its
    indicator, it means what the indicator measures (the aggregate, of the year: no scope, no
    period, a measure the indicator takes) and its value lies in the indicator's bounds."""
    units = {i.key: i.unit for i in indicators}
    registry = {i.key: i for i in indicators}
    keys: dict[str, int] = {}
    for i, target in enumerate(report.targets):
        if target.year not in (report.year, report.year + 1):
            problem(
                f"{report.id}.targets[{i}]",
                f"year {target.year}: a target of {report.id} is for {report.year} (or the next year's plan)",
            )
        if target.key is not None:
            keys[target.key] = keys.get(target.key, 0) + 1
            _unit(problem, f"{report.id}.targets[{i}]", target.key, target.quantity, units)
            _meaning(problem, f"{report.id}.targets[{i}]", target.key, target.quantity, registry)
    for key, count in keys.items():
        if count > 1 and report.completeness == "summary":
            problem(f"{report.id}.targets", f"{count} targets on {key}: a report has one per key")
    for i, outcome in enumerate(report.outcomes):
        if outcome.year != report.year - 1:
            problem(
                f"{report.id}.outcomes[{i}]",
                f"year {outcome.year}: the review of {report.id} states the results of {report.year - 1}",
            )
        _unit(problem, f"{report.id}.outcomes[{i}]", outcome.key, outcome.quantity, units)
        _meaning(problem, f"{report.id}.outcomes[{i}]", outcome.key, outcome.quantity, registry)
    for path, item in report.iter_items():
        if isinstance(item, Measure):
            for j, quantity in enumerate(item.quantities):
                if quantity.indicator is not None:
                    _unit(problem, f"{report.id}.{path}.quantities[{j}]", quantity.indicator, quantity, units)
                    _meaning(problem, f"{report.id}.{path}.quantities[{j}]", quantity.indicator, quantity, registry)


def _meaning(problem: Problem, path: str, key: str, quantity: Quantity | None, registry: dict[str, Indicator]) -> None:
    indicator = registry.get(key)
    if quantity is None or indicator is None:
        return
    if quantity.measure is not None and not fits(indicator.measure, quantity):
        what = f"measure {quantity.measure!r}, period {quantity.period!r}, scope {quantity.scope!r}"
        problem(path, f"{what} does not fit indicator {key!r} ({indicator.measure})")
    if indicator.bounds is not None and unit_fits(indicator.unit, quantity.unit) and quantity.unit == indicator.unit:
        low, high = indicator.bounds[0], indicator.bounds[-1]
        if quantity.value.is_finite() and not low <= quantity.value <= high:  # NaN: named by the strict reading
            problem(path, f"value {quantity.value} is outside the bounds of {key!r} ({low} to {high})")


def _unit(problem: Problem, path: str, key: str, quantity: Quantity | None, units: dict[str, str | None]) -> None:
    if quantity is None or key not in units:
        return
    if not unit_fits(units[key], quantity.unit):
        problem(path, f"unit {quantity.unit!r} does not fit indicator {key!r} ({units[key]})")
