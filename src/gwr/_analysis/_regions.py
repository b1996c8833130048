"""Provinces against the nation: each province's target (or outcome) beside the national one.

:func:`compare_regions` answers the question researchers ask every spring: where do the
provinces set their targets against the centre's (above, the same, below; 以上 against 左右), and
how did each fare last year against the nation? Each row carries both records, and so both
quotes with their spans.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Literal

import attrs

from .._model._errors import InvalidArgumentError, InvalidTypeError, NotFoundError
from .._model._records import Outcome, Quantity, Report, Target
from ._results import Results, _number, _Row

__all__ = ["RATE_UNITS", "RegionComparison", "RegionDirection", "Role", "compare_regions"]

RegionDirection = Literal["above", "same", "below", "qualitative", "not_stated", "incomparable"]
"""Where a province's figure stands against the nation's (see :func:`compare_regions`)."""

Role = Literal["target", "outcome"]
"""What is compared: the targets a year's reports set, or the outcomes they state for the year before."""

RATE_UNITS = frozenset({"%", "percentage_points"})
"""Units in which a province's number and the nation's measure the same thing (a growth rate, a
ratio), so that one can be above the other. A total (persons, jin, CNY) cannot: 30万 new jobs in
a province are not "below" 1200万 in the nation. A unit per something (``CNY/month``) is also
comparable."""


def _comparable(quantity: Quantity) -> Decimal:
    """The number a figure is compared by: the middle of a range, else its value."""
    return quantity.value if quantity.upper is None else (quantity.value + quantity.upper) / 2


def _signed(quantity: Quantity, sense: str | None) -> Decimal:
    """The comparable number, negative where the figure moves against ``sense`` (下降 where 增长 is measured)."""
    value = _comparable(quantity)
    moves = ("increase", "decrease")
    if quantity.change in moves and sense in moves and quantity.change != sense:
        return -value
    return value


@attrs.frozen
class RegionComparison(_Row):
    """One province's figure on an indicator beside the nation's (a row of :func:`compare_regions`).

    ``figure`` is the province's :class:`~gwr.Target` (or :class:`~gwr.Outcome` where ``role``
    is ``"outcome"``), ``None`` where its report states none; ``national`` is the nation's, from
    the Government Work Report of the same year. ``difference`` is the province's comparable
    number minus the nation's (the middle of a range; in ``percentage_points`` for two
    percentages), ``None`` unless ``direction`` is ``above``, ``same`` or ``below``.

    >>> import gwr
    >>> from gwr._analysis._regions import RegionComparison
    >>> [f.name for f in RegionComparison.__attrs_attrs__][:6]
    ['region', 'region_name', 'key', 'year', 'role', 'figure']
    """

    region: str
    region_name: str
    key: str
    year: int
    role: Role
    figure: Target | Outcome | None
    national: Target | Outcome | None
    direction: RegionDirection
    difference: Decimal | None
    unit: str | None
    qualifier_differs: bool
    report: str
    national_report: str | None

    _columns: ClassVar[tuple[str, ...]] = ("region", "name", "figure", "nation", "direction", "qualifiers")
    _fields: ClassVar[tuple[str, ...]] = (
        "region",
        "region_name",
        "key",
        "year",
        "role",
        "direction",
        "difference",
        "unit",
        "qualifier_differs",
        "report",
        "text",
        "value",
        "upper",
        "figure_unit",
        "qualifier",
        "change",
        "source",
        "start",
        "end",
        "national_report",
        "national_text",
        "national_value",
        "national_upper",
        "national_unit",
        "national_qualifier",
        "national_change",
        "national_source",
        "national_start",
        "national_end",
    )
    _key_field: ClassVar[str | None] = "region"

    @property
    def value(self) -> Decimal | None:
        """The province's number (the lower end of a range), ``None`` where it states none."""
        return None if self.figure is None or self.figure.quantity is None else self.figure.quantity.value

    @property
    def upper(self) -> Decimal | None:
        """The upper end of the province's range, ``None`` where it is not a range."""
        return None if self.figure is None or self.figure.quantity is None else self.figure.quantity.upper

    @property
    def qualifier(self) -> str | None:
        """The province's qualifier (``about`` for 左右, ``at_least`` for 以上...)."""
        return None if self.figure is None else self.figure.qualifier

    @property
    def text(self) -> str | None:
        """The province's figure as written."""
        return None if self.figure is None else self.figure.text

    def to_record(self) -> dict[str, object]:
        """The row as a plain dict, both quotes with their spans included."""
        record: dict[str, object] = {
            "region": self.region,
            "region_name": self.region_name,
            "key": self.key,
            "year": self.year,
            "role": self.role,
            "direction": self.direction,
            "difference": self.difference,
            "unit": self.unit,
            "qualifier_differs": self.qualifier_differs,
            "report": self.report,
        }
        record.update(_item_record("", self.figure, unit_name="figure_unit"))
        record["national_report"] = self.national_report
        record.update(_item_record("national_", self.national, unit_name="national_unit"))
        return record

    def _cells(self) -> list[str]:
        direction: str = self.direction
        if self.difference is not None and self.direction != "same":
            sign = "+" if self.difference > 0 else "-"
            suffix = " pp" if self.unit == "percentage_points" else f" {self.unit}" if self.unit else ""
            direction = f"{direction} ({sign}{_number(abs(self.difference))}{suffix})"
        qualifiers = ""
        if self.qualifier_differs and self.figure is not None and self.national is not None:
            qualifiers = f"{self.figure.qualifier or 'none'} / {self.national.qualifier or 'none'}"
        return [
            self.region,
            self.region_name,
            "—" if self.figure is None else self.figure.text,
            "—" if self.national is None else self.national.text,
            direction,
            qualifiers,
        ]


def _item_record(prefix: str, item: Target | Outcome | None, unit_name: str) -> dict[str, object]:
    quantity = None if item is None else item.quantity
    span = None if item is None else item.span
    return {
        f"{prefix}text": None if item is None else item.text,
        f"{prefix}value": None if quantity is None else quantity.value,
        f"{prefix}upper": None if quantity is None else quantity.upper,
        unit_name: None if quantity is None else quantity.unit,
        f"{prefix}qualifier": None if item is None else item.qualifier,
        f"{prefix}change": None if quantity is None else quantity.change,
        f"{prefix}source": None if span is None else span.source,
        f"{prefix}start": None if span is None else span.start,
        f"{prefix}end": None if span is None else span.end,
    }


def _figures(report: Report | None, key: str, role: Role, year: int) -> list[Target | Outcome]:
    """The report's targets on ``key`` (for ``year``), or its outcomes on ``key`` for ``year``."""
    if report is None:
        return []
    if role == "target":
        return [t for t in report.targets if t.key == key]
    found: list[Target | Outcome] = [o for o in report.outcomes if o.key == key and o.year == year]
    with_number = [o for o in found if o.quantity is not None]  # a stated number before a restatement
    return with_number + [o for o in found if o.quantity is None]


def _comparison(
    figure: Target | Outcome | None, national: Target | Outcome | None
) -> tuple[RegionDirection, Decimal | None, str | None]:
    if figure is None:
        return "not_stated", None, None
    if figure.quantity is None or (national is not None and national.quantity is None):
        return "qualitative", None, None
    if national is None or national.quantity is None:
        return "incomparable", None, None
    mine, theirs = figure.quantity, national.quantity
    if mine.unit != theirs.unit or not (mine.unit in RATE_UNITS or "/" in mine.unit):
        return "incomparable", None, None
    sense = next((q.change for q in (theirs, mine) if q.change in ("increase", "decrease")), None)
    difference = _signed(mine, sense) - _signed(theirs, sense)
    unit = "percentage_points" if mine.unit == "%" else mine.unit
    direction: RegionDirection = "above" if difference > 0 else "below" if difference < 0 else "same"
    return direction, difference, unit


_ORDER: dict[str, int] = {"above": 0, "same": 0, "below": 0, "qualitative": 1, "incomparable": 2, "not_stated": 3}


def compare_regions(
    year: int, key: str, *, kind: str = "provincial", role: Role = "target"
) -> Results[RegionComparison]:
    """Each province's target on an indicator beside the national target of the same year.

    One row per provincial report of ``year`` (and one per further target on ``key`` where a
    report states two, as 城镇和农村居民收入分别增长…), beside the target the national Government
    Work Report of ``year`` sets on ``key``. With ``role="outcome"`` the rows hold instead the
    outcome each province's ``year`` report states for the year before (2024, for 2025) beside
    the outcome the national ``year`` report states for that year.

    ``direction`` compares the two numbers:

    - ``above``, ``same``, ``below``: both state a number in the same unit, a rate (``%``) or
      a unit per something, and the province's comparable number is above, equal to or below the
      nation's. The comparable number of a range is its middle (4.5%-5% compares as 4.75%); the
      qualifier does not move it: 5%以上 against 5%左右 is ``same``, 5.5%左右 against 5%左右 is
      ``above``, with both qualifiers shown (``qualifier_differs`` says they differ). A figure
      that is a fall where the other is a rise counts as negative; two reductions (能耗降低3.5%
      against 降低3%) compare as reductions: 3.5 is ``above``, a larger cut.
    - ``qualitative``: either side states no number (居民收入增长与经济增长同步).
    - ``incomparable``: the nation states nothing on ``key`` (or there is no national report of
      ``year``), the units differ, or the figures are totals, not rates: a province's 30万 new
      jobs are not "below" the nation's 1200万 (see :data:`RATE_UNITS`).
    - ``not_stated``: the province's report states nothing on ``key``.

    Rows are sorted by the province's comparable number, highest first (rows with a number), then
    qualitative, incomparable and not stated rows, each in the registry's order of regions.

    Args:
        year: the year of the reports (``2025``).
        key: an indicator key (``"gdp_growth"``) or a name :func:`gwr.indicator` takes; a key
            that only provincial reports use may be given as it is.
        kind: the kind of sub-national report: ``"provincial"`` (the only one there is).
        role: ``"target"`` (default) or ``"outcome"`` (the previous year's outcomes).

    Returns:
        :class:`Results` of :class:`RegionComparison` rows, indexable by region code
        (``results["CN-ZJ"]``).

    Raises:
        NotFoundError: ``key`` names no indicator and no provincial report of ``year`` uses it.
        InvalidArgumentError: ``kind`` is not ``"provincial"`` or ``role`` is unknown.
        InvalidTypeError: ``year`` is not an int, or ``key`` not a str.

    >>> import gwr
    >>> gwr.compare_regions(2025, "gdp_growth", role="result")
    Traceback (most recent call last):
    gwr.InvalidArgumentError: role must be 'target' or 'outcome', not 'result'
    """
    from .._data._lookup import reports
    from .._data._regions import regions

    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidTypeError(f"year is an int (2025), not {type(year).__name__}")
    if not isinstance(key, str):
        raise InvalidTypeError(f"an indicator is named by a str, not {type(key).__name__}")
    if not isinstance(kind, str):
        raise InvalidTypeError(f"kind is a str ('provincial'), not {type(kind).__name__}")
    if kind != "provincial":
        raise InvalidArgumentError(
            f"compare_regions compares provincial reports: kind must be 'provincial', not {kind!r}"
        )
    if role not in ("target", "outcome"):
        raise InvalidArgumentError(f"role must be 'target' or 'outcome', not {role!r}")
    provincial = reports(kind="provincial", year=year)
    key = _resolve_key(key, provincial)
    national_reports = reports(kind="gwr", year=year)
    national_report = national_reports[0] if national_reports else None
    figure_year = year if role == "target" else year - 1
    national_figures = _figures(national_report, key, role, figure_year)
    national = national_figures[0] if national_figures else None
    names = {r.code: r.short_zh for r in regions()}
    position = {code: n for n, code in enumerate(names)}
    rows: list[RegionComparison] = []
    for report in provincial:
        code = report.region or ""
        figures: list[Target | Outcome | None] = [*_figures(report, key, role, figure_year)] or [None]
        for figure in figures:
            direction, difference, unit = _comparison(figure, national)
            differs = figure is not None and national is not None and figure.qualifier != national.qualifier
            rows.append(
                RegionComparison(
                    region=code,
                    region_name=names.get(code, code),
                    key=key,
                    year=figure_year,
                    role=role,
                    figure=figure,
                    national=national,
                    direction=direction,
                    difference=difference,
                    unit=unit,
                    qualifier_differs=differs,
                    report=report.id,
                    national_report=None if national_report is None else national_report.id,
                )
            )

    def order(row: RegionComparison) -> tuple[int, Decimal, int]:
        number = Decimal(0)
        if row.direction in ("above", "same", "below") and row.figure is not None and row.figure.quantity is not None:
            number = -_comparable(row.figure.quantity)
        return (_ORDER[row.direction], number, position.get(row.region, len(position)))

    rows.sort(key=order)
    nation = "no national report" if national_report is None else national_report.id
    what = "targets" if role == "target" else "outcomes"
    title = f"{key}: provincial {what} for {figure_year} ({len(provincial)} reports of {year}) against {nation}"
    return Results(rows, RegionComparison, title)


def _resolve_key(key: str, provincial: tuple[Report, ...]) -> str:
    """The indicator key ``key`` names, or ``key`` itself where only provincial reports use it."""
    from .._data._lookup import indicator as lookup

    try:
        return lookup(key).key
    except NotFoundError:
        used = {t.key for report in provincial for t in report.targets}
        used |= {o.key for report in provincial for o in report.outcomes}
        if key in used:
            return key
        raise
