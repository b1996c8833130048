"""An indicator's values across reports, by year: :func:`series`.

Targets, outcomes and the quantities of measures keyed to the indicator, stated or derived from
a stated change, with a ``missing`` row for each year in between whose report the data lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, ClassVar, Literal, overload

import attrs

from .._model._errors import InvalidArgumentError
from .._model._records import Change, English, Measure, Outcome, Qualifier, Quantity, Report, Span, Target
from . import _plot
from ._compare import indicator_sense, measured
from ._results import (
    Lang,
    Results,
    _grouped,
    _Row,
    _unit_suffix,
    check_lang,
    english_text,
    in_english,
    indicator_name,
    readable,
)

__all__ = ["Role", "SeriesPoint", "SeriesYear", "series"]

Role = Literal["target", "outcome", "measure", "missing"]
"""What kind of item a value of a series was read from; ``missing`` marks a year with no report
(see :func:`series`)."""


# --------------------------------------------------------------------------------------------
# series
# --------------------------------------------------------------------------------------------


@attrs.frozen
class SeriesPoint(_Row):
    """One value of an indicator for one year (a row of :func:`series`).

    ``stated`` is true where the text states the value; false where it is derived from a stated
    change (比上年增加1000亿元). A derived value is marked as such, never as ``exact``: its
    ``qualifier`` is ``None`` (it is not written anywhere, so nothing qualifies it), ``derivation``
    shows the arithmetic with the quotes, and ``derived_from`` holds the stated quantities it was
    derived from (the level, then the change). ``text`` and ``span`` are the item the value was
    read from (the target, outcome or measure); ``quantity`` is the quantity as the text states
    it (for a derived value: the level it was derived from). A qualitative target is a point
    without a ``value``. A row with ``role="missing"`` is a year
    with no report in the data: it has no value, ``report``, ``text`` or ``span``.

    ``value`` and ``change`` are as the text states them; ``measured`` is the value as a signed
    number on the indicator's own scale, the convention :func:`gwr.compare` and
    :func:`gwr.attainment` use too (see :func:`gwr._analysis._compare.measured`): a reduction target
    (能耗降低2.5%) is ``2.5`` on the reduction of energy intensity, a rise there ``-0.5``.
    ``english`` is the official English of the item (2008–2022), ``text_en`` in the records.

    >>> import gwr
    >>> point = next(p for p in gwr.series("gdp_growth") if p.year == 2023 and p.role == "outcome")
    >>> point.year, point.role, point.report, point.value, point.stated
    (2023, 'outcome', 'gwr-2024', Decimal('5.2'), True)
    >>> cut = next(p for p in gwr.series("energy_intensity_reduction") if p.report == "gwr-2024")
    >>> cut.text, cut.value, cut.change, cut.measured
    ('单位国内生产总值能耗降低2.5%左右', Decimal('2.5'), 'decrease', Decimal('2.5'))
    """

    key: str
    year: int
    value: Decimal | None
    upper: Decimal | None
    unit: str | None
    qualifier: Qualifier | None
    change: Change | None
    role: Role
    report: str | None
    stated: bool
    derivation: str | None
    text: str
    span: Span | None
    quantity: Quantity | None
    measured: Decimal | None = None
    derived_from: tuple[Quantity, ...] = ()
    english: English | None = None

    _series_row: ClassVar[bool] = True
    _columns: ClassVar[tuple[str, ...]] = ("indicator", "year", "value", "qualifier", "role", "report", "how", "text")
    _columns_en: ClassVar[tuple[str, ...] | None] = (
        "indicator",
        "year",
        "value",
        "qualifier",
        "role",
        "report",
        "how",
        "official English",
    )
    _fields: ClassVar[tuple[str, ...]] = (
        "key",
        "year",
        "value",
        "upper",
        "unit",
        "qualifier",
        "change",
        "role",
        "report",
        "measured",
        "stated",
        "derivation",
        "derived_from",
        "text",
        "text_en",
        "source",
        "start",
        "end",
    )

    @classmethod
    def _plot(cls, results: Results[Any], ax: Any, since: int | None, until: int | None) -> Any:
        return _plot.plot(results, ax, since=since, until=until)

    def to_record(self) -> dict[str, object]:
        """The point as a plain dict (the quote and its span included)."""
        return {
            "key": self.key,
            "year": self.year,
            "value": self.value,
            "upper": self.upper,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "change": self.change,
            "role": self.role,
            "report": self.report,
            "measured": self.measured,
            "stated": self.stated,
            "derivation": self.derivation,
            "derived_from": " | ".join(q.text for q in self.derived_from) or None,
            "text": self.text,
            "text_en": english_text(self.english),
            "source": None if self.span is None else self.span.source,
            "start": None if self.span is None else self.span.start,
            "end": None if self.span is None else self.span.end,
        }

    def _cells(self) -> list[str]:
        return self._cells_in("zh")

    def _cells_en(self) -> list[str]:
        return self._cells_in("en")

    def _cells_in(self, lang: Lang) -> list[str]:
        name = indicator_name(self.key, lang)
        if self.role == "missing":
            return [name, str(self.year), "", "", "missing", "", "", "(no report for this year in the data)"]
        if self.value is None:
            value = "qualitative"
        else:
            if self.upper is None:
                value = readable(self.value, self.unit, lang=lang)
            else:
                value = readable(self.value, None, lang=lang) + "–" + readable(self.upper, self.unit, lang=lang)
            if self.measured is not None and self.measured < 0:
                value = "−" + value  # against the indicator's direction: one sign convention with compare
            elif self.measured is None and self.change in ("increase", "decrease"):
                value = ("+" if self.change == "increase" else "−") + value
        how = "stated" if self.stated else f"derived: {_readable_numbers(self.derivation or '')}"
        qualifier = self.qualifier or ("derived" if not self.stated else "")
        text = self.text if lang == "zh" else in_english(self.text, self.english)
        return [name, str(self.year), value, qualifier, self.role, self.report or "", how, text]


_GROUPED_WITH_UNIT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)? ([A-Za-z_]+(?:/[A-Za-z_0-9]+)?)")


def _readable_numbers(text: str) -> str:
    """``text`` with every grouped number and unit code (``3,800,000,000,000 CNY``) written readably (3.8万亿元)."""

    def one(match: re.Match[str]) -> str:
        return readable(Decimal(match[1].replace(",", "") + (match[2] or "")), match[3])

    return _GROUPED_WITH_UNIT.sub(one, text)


_PREVIOUS = ("上年", "去年", "上年同期", "上年末", "上一年")
_YEAR = re.compile(r"(\d{4})年")
_REVIEW = re.compile(r"回顾")


def _reference_year(relative_to: str | None, year: int) -> int | None:
    """The year a stated change is relative to (``上年`` is the year before), or None."""
    if relative_to is None:
        return None
    if relative_to in _PREVIOUS or relative_to.startswith(("上年", "去年")):
        return year - 1
    found = _YEAR.match(relative_to)
    return int(found.group(1)) if found else None


def _derivable(level: Quantity, change: Quantity) -> bool:
    if level.upper is not None or change.upper is not None or level.change not in (None, "unchanged"):
        return False
    return change.unit == level.unit or (level.unit == "%" and change.unit == "percentage_points")


def _derive(level: Quantity, change: Quantity, year: int) -> tuple[int, Decimal, str] | None:
    """The value of ``key`` in the year ``change`` is relative to, from ``level`` and ``change``."""
    reference = _reference_year(change.relative_to, year)
    if reference is None or reference == year or not _derivable(level, change):
        return None
    if change.change == "increase":
        value, op = level.value - change.value, "−"
    elif change.change == "decrease":
        value, op = level.value + change.value, "+"
    else:
        return None
    if value < 0:
        return None
    unit = _unit_suffix(level.unit)
    approximate = level.qualifier != "exact" or change.qualifier != "exact"
    derivation = (
        f"{_grouped(level.value)}{unit} ({level.text}) {op} {_grouped(change.value)}{_unit_suffix(change.unit)} "
        f"(比{change.relative_to}{'增加' if change.change == 'increase' else '减少'}{change.text}) "
        f"= {'about ' if approximate else ''}{_grouped(value)}{unit}"
    )
    return reference, value, derivation


def _point(
    key: str,
    year: int,
    quantity: Quantity | None,
    role: Role,
    report: Report,
    item: Target | Outcome | Measure,
    *,
    qualifier: Qualifier | None = None,
    sense: Change | None = None,
) -> SeriesPoint:
    return SeriesPoint(
        key=key,
        year=year,
        value=None if quantity is None else quantity.value,
        upper=None if quantity is None else quantity.upper,
        unit=None if quantity is None else quantity.unit,
        qualifier=qualifier if quantity is None else quantity.qualifier,
        change=None if quantity is None else quantity.change,
        role=role,
        report=report.id,
        stated=True,
        derivation=None,
        text=item.text,
        span=item.span,
        quantity=quantity,
        measured=None if quantity is None else measured(quantity, sense),
        english=item.english,
    )


def _walk(
    key: str,
    year: int,
    quantities: Iterable[Quantity],
    role: Role,
    report: Report,
    item: Target | Outcome | Measure,
    sense: Change | None = None,
) -> Iterator[SeriesPoint]:
    """The points of ``key`` in one item: its keyed quantities, and values derived from them.

    A change (增加, 减少) right after a level of ``key`` in the same item, with nothing between
    them but text, is a change of that level: it gives the value of the year it is relative to
    (where it can be derived exactly) and is no point of its own. Any other quantity ends the level.
    """
    level: Quantity | None = None
    for quantity in quantities:
        if quantity.indicator == key and quantity.change in (None, "unchanged"):
            level = quantity
            yield _point(key, year, quantity, role, report, item, sense=sense)
            reference = _reference_year(quantity.relative_to, year)
            if quantity.change == "unchanged" and reference is not None and reference != year:
                unit = _unit_suffix(quantity.unit)
                yield attrs.evolve(
                    _point(key, reference, quantity, role, report, item, sense=sense),
                    change=None,
                    qualifier=None,
                    stated=False,
                    derivation=f"{_grouped(quantity.value)}{unit} ({quantity.text}), 与{quantity.relative_to}持平",
                    derived_from=(quantity,),
                )
            continue
        is_change = quantity.change in ("increase", "decrease") and quantity.relative_to is not None
        if level is not None and is_change and quantity.indicator in (None, key):
            derived = _derive(level, quantity, year)
            if derived is not None:
                reference, value, derivation = derived
                yield SeriesPoint(
                    key=key,
                    year=reference,
                    value=value,
                    upper=None,
                    unit=level.unit,
                    qualifier=None,
                    change=None,
                    role=role,
                    report=report.id,
                    stated=False,
                    derivation=derivation,
                    text=item.text,
                    span=item.span,
                    quantity=level,
                    measured=value,
                    derived_from=(level, quantity),
                    english=item.english,
                )
        elif quantity.indicator == key:
            yield _point(key, year, quantity, role, report, item, sense=sense)
        level = None


def _keyed(item: Target | Outcome) -> tuple[Quantity, ...]:
    """The quantities in the text of a target or outcome, its own keyed to its indicator."""
    from .._reading._quantities import parse_quantities

    own = item.quantity
    if own is None:
        return ()
    own = own if own.indicator == item.key else attrs.evolve(own, indicator=item.key)
    found = []
    for quantity in parse_quantities(item.text):
        if (quantity.start, quantity.end) == (own.start, own.end):
            quantity = own
        elif quantity.indicator == item.key:
            quantity = attrs.evolve(quantity, indicator=None)
        found.append(quantity)
    return tuple(found) if own in found else (own,)


def _part_years(report: Report) -> list[tuple[int, list[tuple[str, int, int]]]]:
    """The parts of a report's outline that say which year they are about, with the ranges of
    every section under them (in any witness) and of the text up to the next part.

    A part's title names its year (2023年工作回顾), or reviews the past without naming it
    (过去一年工作回顾, 一年来的工作回顾: the year before the report's). The range up to the next
    part is what dates a figure in a cited report, whose sections span their headings only.
    """
    sections = [s for s in report.outline if s.kind in ("part", "closing")]
    parts = []
    for index, section in enumerate(sections):
        found = _YEAR.match(section.title or "") if section.kind == "part" else None
        if found is not None:
            year = int(found.group(1))
        elif section.kind == "part" and _REVIEW.search(section.title or ""):
            year = report.year - 1
        else:
            continue
        ranges: list[tuple[str, int, int]] = []
        stack = [section]
        while stack:
            node = stack.pop()
            ranges.append((node.span.source, node.span.start, node.span.end))
            stack.extend(node.children)
        later = [s.span.start for s in sections[index + 1 :] if s.span.source == section.span.source]
        ranges.append((section.span.source, section.span.start, later[0] if later else section.span.end))
        parts.append((year, ranges))
    return parts


def _year_of(span: Span, parts: list[tuple[int, list[tuple[str, int, int]]]]) -> int | None:
    """The year a passage is about, from the part of the outline that holds it (None if none)."""
    for year, ranges in parts:
        for source, start, end in ranges:
            if source == span.source and start <= span.start and span.end <= end:
                return year
    return None


def _report_points(report: Report, keys: set[str] | None, senses: dict[str, Change | None]) -> Iterator[SeriesPoint]:
    items: list[tuple[Target | Outcome, Role]] = [(t, "target") for t in report.targets]
    items += [(o, "outcome") for o in report.outcomes]
    for item, role in items:
        if item.key is not None and (keys is None or item.key in keys):
            if item.quantity is None:
                yield _point(item.key, item.year, None, role, report, item, qualifier=item.qualifier)
            else:
                sense = senses.get(item.key)
                yield from _walk(item.key, item.year, _keyed(item), role, report, item, sense)
    parts = _part_years(report)
    for _, found in report.iter_items():
        if not isinstance(found, Measure):
            continue
        year = getattr(found, "year", None) or _year_of(found.span, parts) or report.year
        measure_keys = {q.indicator for q in found.quantities if q.indicator is not None}
        for key in sorted(measure_keys if keys is None else measure_keys & keys):
            yield from _walk(key, year, found.quantities, "measure", report, found, senses.get(key))


def _with_missing_years(
    points: list[SeriesPoint], from_reports: Sequence[Report], order: dict[str, int]
) -> list[SeriesPoint]:
    """``points`` (sorted) with a ``missing`` row for each year of a key's span that has no report.

    A key's span runs from the year of the first national report (``gwr`` or ``plan``) that
    gives one of its points to the year of the last. A year in it without a national report
    among ``from_reports`` (the reports the series was drawn from) gets a row of its own, first
    in its year, so that a gap in the data is never a gap in the table.
    """
    from .._data._lookup import KINDS

    national = [r for r in from_reports if r.kind in KINDS and r.kind != "provincial"]
    report_years = {r.year for r in national}
    year_of = {r.id: r.year for r in national}
    spans: dict[str, tuple[int, int]] = {}
    for point in points:
        year = year_of.get(point.report or "")
        if year is not None:
            first, last = spans.get(point.key, (year, year))
            spans[point.key] = (min(first, year), max(last, year))
    missing = [
        SeriesPoint(
            key=key,
            year=year,
            value=None,
            upper=None,
            unit=None,
            qualifier=None,
            change=None,
            role="missing",
            report=None,
            stated=False,
            derivation=None,
            text="",
            span=None,
            quantity=None,
        )
        for key, (first, last) in spans.items()
        for year in range(first, last + 1)
        if year not in report_years
    ]
    if not missing:
        return points
    # a stable sort on the leading fields of the order ``points`` is in keeps that order
    return sorted([*points, *missing], key=lambda p: (order.get(p.key, len(order)), p.key, p.year, p.role != "missing"))


@overload
def series(
    key: str | None = None,
    *,
    kind: str | None = None,
    region: str | None = None,
    measures: bool = False,
    wide: Literal[False] = False,
    lang: str = "zh",
) -> Results[SeriesPoint]: ...


@overload
def series(
    key: str | None = None,
    *,
    kind: str | None = None,
    region: str | None = None,
    measures: bool = False,
    wide: Literal[True],
    lang: str = "zh",
) -> Results[SeriesYear]: ...


def series(
    key: str | None = None,
    *,
    kind: str | None = None,
    region: str | None = None,
    measures: bool = False,
    wide: bool = False,
    lang: str = "zh",
) -> Results[SeriesPoint] | Results[SeriesYear]:
    """An indicator's values across the reports, by year: stated, and derived from stated changes.

    By default the points are one target and one outcome a year, the ones a chart shows: the
    target of the year's Government Work Report (the plan report's where the year has none) and
    the first outcome stated for the year (by the next year's report first). ``measures=True``
    gives every point instead: every report's target and outcome, and the quantities of
    measures keyed to the indicator. ``wide=True`` gives a row a year (:class:`SeriesYear`:
    target, outcome and the attainment status side by side), to plot or export in one call.

    With ``measures=True`` the points are the targets on the indicator (for the year they target), the outcomes (for
    the year they report on) and the quantities of measures keyed to it (``Quantity.indicator``;
    for the year the part of the report that holds the measure names, as 2023年工作回顾 names
    2023, and otherwise the report's year). A level followed in the same item by a change relative to an earlier
    year (拟安排7000亿元，比上年增加1000亿元) also gives the value of that earlier year,
    ``stated=False``, with the arithmetic in ``derivation`` (7000亿元 − 1000亿元 = 6000亿元); a
    level 与2023年年初预算持平 gives the same value for 2023. A derived value has no
    ``qualifier`` (it is derived, not written: never ``exact``), ``stated`` false, and
    ``derived_from`` the stated quantities; the derivation says ``about`` where either number it
    comes from is not exact.

    ``measured`` signs each value as the indicator measures it, the same way :func:`gwr.compare`
    and :func:`gwr.attainment` do: where the indicator's targets state a direction (降低 for the
    reduction of energy intensity), a change that way is positive and one the other way negative,
    so a reduction target (能耗降低2.5%) reads ``2.5`` here as it does in ``compare``.

    A year the data has no report for is never skipped silently: between the first and the last
    report an indicator's points come from, each year without a national report (of the
    ``kind`` asked for; ``gwr`` or ``plan`` when ``kind`` is ``None``) is a row of its own with
    ``role="missing"`` and no value, report, text or span (1996 and 2020 have no Government
    Work Report in the corpus the data is built from). Leave such rows out with
    ``[p for p in points if p.role != "missing"]``.

    Args:
        key: the indicator: a key (``"gdp_growth"``), or an English or Chinese name as
            :func:`gwr.indicator` takes them. ``None`` gives every indicator (a tidy table of all
            targets, outcomes and keyed quantities, as ``python -m gwr export`` writes it).
        kind: only reports of this kind (``"gwr"``, ``"plan"`` or ``"provincial"``); ``None`` for
            the national reports (``gwr`` and ``plan``): a province's figures are not the nation's.
        region: only the provincial reports of this province (an ISO 3166-2:CN code, or a Chinese
            or English name as :func:`gwr.region` takes them); implies ``kind="provincial"``.
        measures: every point of every report, the values of measures included (default: one
            target and one outcome a year).
        wide: a row a year, target beside outcome (:class:`SeriesYear`).
        lang: ``"en"`` shows the table in English: the official English of each item (2008–2022;
            the Chinese marked ``[zh]`` where there is none) and English indicator names. The
            records hold both languages either way (``text_en``).

    Returns:
        :class:`Results` of :class:`SeriesPoint` rows, ordered by indicator (registry order), year,
        report (Government Work Report first) and role (a missing year first, then targets,
        outcomes, measures).

    Raises:
        NotFoundError: no indicator has that name; the message names the closest ones.
        InvalidArgumentError: ``kind`` is not a kind of report, ``region`` is given with a
            national kind, or ``lang`` is neither ``"zh"`` nor ``"en"``.

    >>> import gwr
    >>> rows = gwr.series("gdp_growth", wide=True)
    >>> [(r.year, r.target_text, r.outcome_text, r.status) for r in rows if r.year == 2022]
    [(2022, '国内生产总值增长5.5%左右', '全年国内生产总值增长3%', 'missed')]
    >>> rows[-1].year, rows[-1].target_text, rows[-1].status
    (2026, '经济增长4.5%－5%', 'no_outcome')
    >>> points = gwr.series("CPI growth", kind="gwr", measures=True)
    >>> [(p.year, str(p.value)) for p in points if p.role == "target" and p.year >= 2021]
    [(2021, '3'), (2022, '3'), (2023, '3'), (2024, '3'), (2025, '2'), (2026, '2')]
    >>> retail = gwr.series("retail_price_growth", kind="gwr")  # the 物价 of the reports before 2002
    >>> [(p.year, p.role, p.report) for p in retail if p.year == 1991]  # the corpus has no 1991 report
    [(1991, 'missing', None), (1991, 'outcome', 'gwr-1992')]
    >>> [p.text for p in points if p.year == 2020][1:]
    ['居民消费价格上涨2.5%', '加强生活必需品保供稳价，居民消费价格上涨2.5%。']
    """
    from .._data._lookup import KINDS, check_kind, indicator, indicators, reports

    shown = check_lang(lang)
    if kind is not None:
        check_kind(kind)
    code = None
    if region is not None:
        from .._data._regions import region as find_region

        if kind not in (None, "provincial"):
            raise InvalidArgumentError(f"region is for provincial reports; kind {kind!r} is national")
        code, kind = find_region(region).code, "provincial"
    keys = None if key is None else {indicator(key).key}
    order = {i.key: n for n, i in enumerate(indicators())}
    kinds = ("gwr", "plan") if kind is None else (kind,)
    all_reports = [r for r in reports() if r.kind in kinds and (code is None or r.region == code)]
    position = {r.id: (KINDS.index(r.kind), n) for n, r in enumerate(all_reports)}
    roles = {"target": 0, "outcome": 1, "measure": 2}
    senses = {k: indicator_sense(k, reports()) for k in (order if keys is None else keys)}
    points = [p for r in all_reports for p in _report_points(r, keys, senses)]
    points.sort(key=lambda p: (order.get(p.key, len(order)), p.key, p.year, position[p.report or ""], roles[p.role]))
    if not measures:
        points = _one_a_year(points)
    points = _with_missing_years(points, all_reports, order)
    what = "every indicator" if keys is None else next(iter(keys))
    if wide:
        return Results(_wide(points), SeriesYear, f"{what}: target and outcome by year", lang=shown)
    return Results(points, SeriesPoint, f"{what}: values by year", lang=shown)


def _one_a_year(points: list[SeriesPoint]) -> list[SeriesPoint]:
    """The first stated target and the first stated outcome of each indicator and year (the
    points are in report order: the Government Work Report first, the nearest report first)."""
    kept: list[SeriesPoint] = []
    seen: set[tuple[str, int, str]] = set()
    for point in points:
        if point.role not in ("target", "outcome") or not point.stated:
            continue
        slot = (point.key, point.year, point.role)
        if slot not in seen:
            seen.add(slot)
            kept.append(point)
    return kept


@attrs.frozen
class SeriesYear(_Row):
    """One year of an indicator: its target beside its outcome (a row of ``series(key, wide=True)``).

    ``status`` is :func:`gwr.attainment`'s for the target (``no_outcome`` where no later report
    states one yet, ``None`` where the year has no target); ``missing`` rows (a year with no
    report) have no values.

    >>> import gwr
    >>> row = next(r for r in gwr.series("gdp_growth", wide=True) if r.year == 2023)
    >>> row.target_text, row.outcome_text, row.status
    ('国内生产总值增长5%左右', '增长5.2%', 'met')
    """

    key: str
    year: int
    target: Decimal | None
    target_upper: Decimal | None
    target_qualifier: Qualifier | None
    target_text: str | None
    target_report: str | None
    outcome: Decimal | None
    outcome_text: str | None
    outcome_report: str | None
    unit: str | None
    status: str | None
    missing: bool = False
    target_english: English | None = None
    outcome_english: English | None = None

    _columns: ClassVar[tuple[str, ...]] = ("indicator", "year", "target", "outcome", "status")
    _fields: ClassVar[tuple[str, ...]] = (
        "key",
        "year",
        "target",
        "target_upper",
        "target_qualifier",
        "target_text",
        "target_text_en",
        "target_report",
        "outcome",
        "outcome_text",
        "outcome_text_en",
        "outcome_report",
        "unit",
        "status",
        "missing",
    )

    @property
    def target_text_en(self) -> str | None:
        """The official English of the target, or ``None``."""
        return english_text(self.target_english)

    @property
    def outcome_text_en(self) -> str | None:
        """The official English of the outcome, or ``None``."""
        return english_text(self.outcome_english)

    def to_record(self) -> dict[str, object]:
        """The row as a plain dict."""
        return {name: getattr(self, name) for name in self._fields}

    def _cells(self) -> list[str]:
        if self.missing:
            return [self.key, str(self.year), "(no report)", "", ""]
        return [self.key, str(self.year), self.target_text or "—", self.outcome_text or "—", self.status or ""]

    def _cells_en(self) -> list[str]:
        name = indicator_name(self.key)
        if self.missing:
            return [name, str(self.year), "(no report)", "", ""]
        target = "—" if self.target_text is None else in_english(self.target_text, self.target_english)
        outcome = "—" if self.outcome_text is None else in_english(self.outcome_text, self.outcome_english)
        return [name, str(self.year), target, outcome, self.status or ""]


def _wide(points: list[SeriesPoint]) -> list[SeriesYear]:
    from ._compare import attainment

    by_year: dict[tuple[str, int], dict[str, SeriesPoint]] = {}
    for point in points:
        by_year.setdefault((point.key, point.year), {}).setdefault(point.role, point)
    statuses: dict[tuple[str, str], str] = {}
    rows = []
    for (key, year), roles in by_year.items():
        target, outcome = roles.get("target"), roles.get("outcome")
        if "missing" in roles and target is None and outcome is None:
            rows.append(SeriesYear(key, year, None, None, None, None, None, None, None, None, None, None, True))
            continue
        status = None
        if target is not None and target.report is not None:
            if (target.report, key) not in statuses:
                for row in attainment(target.report):
                    if row.key is not None:
                        statuses.setdefault((target.report, row.key), row.status)
            status = statuses.get((target.report, key))
        rows.append(
            SeriesYear(
                key=key,
                year=year,
                target=None if target is None else target.value,
                target_upper=None if target is None else target.upper,
                target_qualifier=None if target is None else target.qualifier,
                target_text=None if target is None else target.text,
                target_report=None if target is None else target.report,
                outcome=None if outcome is None else outcome.value,
                outcome_text=None if outcome is None else outcome.text,
                outcome_report=None if outcome is None else outcome.report,
                unit=(target or outcome).unit if (target or outcome) is not None else None,  # type: ignore[union-attr]
                status=status,
                target_english=None if target is None else target.english,
                outcome_english=None if outcome is None else outcome.english,
            )
        )
    return rows
