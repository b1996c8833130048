"""Comparing reports: targets year on year, targets against outcomes, tasks in order.

Three questions, one call each, each answer carrying the records (and so the quotes) behind it:

- :func:`compare`: how did the main expected targets change from one report to another?
- :func:`attainment`: did a year meet its targets, by the outcomes a later report states?
- :func:`compare_tasks`: how did the order of the tasks change?

Each returns a :class:`Results`: an iterable, indexable collection of immutable rows that prints
as an aligned table and exports with :meth:`Results.to_records` and :meth:`Results.to_dataframe`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Literal

import attrs

from ._errors import InvalidTypeError, NotFoundError
from ._model import Change, Outcome, Quantity, Report, Span, Target, Task

# Results and _Row (defined here before _results.py) stay importable from here: "as" re-exports them
from ._results import Results as Results
from ._results import _grouped, _unit_suffix, readable
from ._results import _Row as _Row

if TYPE_CHECKING:
    from ._model import Reading

__all__ = [
    "ABOUT_TOLERANCE",
    "Attainment",
    "AttainmentStatus",
    "Direction",
    "Results",
    "TargetChange",
    "TaskDirection",
    "TaskMove",
    "attainment",
    "compare",
    "compare_tasks",
]

Direction = Literal["up", "down", "same", "new", "dropped", "qualitative", "not_stated", "incomparable"]
"""How a target changed from one report to the other (see :func:`compare`)."""

AttainmentStatus = Literal["met", "missed", "qualitative", "no_outcome", "indeterminate"]
"""Whether a target was met (see :func:`attainment`)."""

TaskDirection = Literal["up", "down", "same", "new", "dropped", "not_stated"]
"""How a task theme moved in the order of the tasks (see :func:`compare_tasks`)."""

ABOUT_TOLERANCE = Decimal("0.1")
"""How far an outcome may lie from a ``左右`` (``about``) target on a *level* indicator and still
meet it, as a share of the target's value: 10 %, so that 5%左右 is met by 4.5% to 5.5%."""


# --------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------


def _check_kind(kind: object) -> None:
    from ._api import check_kind

    check_kind(kind)


def _resolve(report: int | str | Report, kind: str) -> Report:
    """The report ``report`` names: a Report as it is, a year or id through :func:`gwr.report`."""
    from ._api import report as lookup

    _check_kind(kind)
    if isinstance(report, Report):
        return report
    return lookup(report, kind=kind)


def _difference_unit(unit: str) -> str:
    """The unit of a difference of two values in ``unit``: percent minus percent is points."""
    return "percentage_points" if unit == "%" else unit


def _span_record(prefix: str, span: Span | None) -> dict[str, object]:
    return {
        f"{prefix}source": None if span is None else span.source,
        f"{prefix}start": None if span is None else span.start,
        f"{prefix}end": None if span is None else span.end,
    }


def _item_record(prefix: str, item: Target | Outcome | None) -> dict[str, object]:
    quantity = None if item is None else item.quantity
    record: dict[str, object] = {
        f"{prefix}text": None if item is None else item.text,
        f"{prefix}value": None if quantity is None else quantity.value,
        f"{prefix}upper": None if quantity is None else quantity.upper,
        f"{prefix}unit": None if quantity is None else quantity.unit,
        f"{prefix}qualifier": None if item is None else item.qualifier,
        f"{prefix}change": None if quantity is None else quantity.change,
    }
    record.update(_span_record(prefix, None if item is None else item.span))
    return record


def _item_fields(prefix: str) -> tuple[str, ...]:
    names = ("text", "value", "upper", "unit", "qualifier", "change", "source", "start", "end")
    return tuple(prefix + name for name in names)


def _sign(quantity: Quantity, sense: Change | None) -> int:
    """-1 where ``quantity`` is a change against ``sense`` (a fall where a rise is measured)."""
    directions = ("increase", "decrease")
    if quantity.change in directions and sense in directions and quantity.change != sense:
        return -1
    return 1


def _midpoint(quantity: Quantity) -> Decimal:
    return quantity.value if quantity.upper is None else (quantity.value + quantity.upper) / 2


def _sense(*quantities: Quantity | None) -> Change | None:
    for quantity in quantities:
        if quantity is not None and quantity.change in ("increase", "decrease"):
            return quantity.change
    return None


# --------------------------------------------------------------------------------------------
# compare
# --------------------------------------------------------------------------------------------


@attrs.frozen
class TargetChange(_Row):
    """One indicator of the main targets, in two reports (a row of :func:`compare`).

    ``before`` and ``after`` are the targets (``None`` where a report has none on ``key``);
    ``delta`` is the change of the number, ``after`` minus ``before``, in ``unit`` (the middle
    of a range is used; the difference of two percentages is in ``percentage_points``), ``None``
    unless both state a number in the same unit.

    >>> import gwr
    >>> row = gwr.compare(2024, 2025)["grain_output"]
    >>> row.before.text, row.after.text, row.direction, row.qualifier_changed
    ('粮食产量1.3万亿斤以上', '粮食产量1.4万亿斤左右', 'up', True)
    """

    key: str
    before: Target | None
    after: Target | None
    direction: Direction
    qualifier_changed: bool
    delta: Decimal | None
    unit: str | None
    before_report: str
    after_report: str

    _columns: ClassVar[tuple[str, ...]] = ("indicator", "before", "after", "direction", "qualifier")
    _fields: ClassVar[tuple[str, ...]] = (
        "key",
        "direction",
        "qualifier_changed",
        "delta",
        "unit",
        "before_report",
        *_item_fields("before_"),
        "after_report",
        *_item_fields("after_"),
    )
    _key_field: ClassVar[str | None] = "key"

    def to_record(self) -> dict[str, object]:
        """The row as a plain dict (both quotes with their spans included)."""
        record: dict[str, object] = {
            "key": self.key,
            "direction": self.direction,
            "qualifier_changed": self.qualifier_changed,
            "delta": self.delta,
            "unit": self.unit,
            "before_report": self.before_report,
        }
        record.update(_item_record("before_", self.before))
        record["after_report"] = self.after_report
        record.update(_item_record("after_", self.after))
        return record

    def _cells(self) -> list[str]:
        direction: str = self.direction
        if self.delta is not None and self.direction in ("up", "down"):
            direction = f"{direction} ({readable(self.delta, self.unit, signed=True)})"
        qualifier = ""
        if self.qualifier_changed and self.before is not None and self.after is not None:
            qualifier = f"{self.before.qualifier or 'none'} → {self.after.qualifier or 'none'}"
        return [
            self.key,
            "—" if self.before is None else self.before.text,
            "—" if self.after is None else self.after.text,
            direction,
            qualifier,
        ]


def _missing(report: Report) -> Literal["not_stated"] | None:
    return "not_stated" if report.completeness == "summary" else None


def _target_change(key: str, before: Target | None, after: Target | None, a: Report, b: Report) -> TargetChange:
    direction: Direction
    delta: Decimal | None = None
    unit: str | None = None
    if before is None:
        direction = _missing(a) or "new"
    elif after is None:
        direction = _missing(b) or "dropped"
    elif before.quantity is None or after.quantity is None:
        direction = "qualitative"
    elif before.quantity.unit != after.quantity.unit:
        direction = "incomparable"
    else:
        sense = _sense(before.quantity, after.quantity)
        old = _sign(before.quantity, sense) * _midpoint(before.quantity)
        new = _sign(after.quantity, sense) * _midpoint(after.quantity)
        delta = new - old
        unit = _difference_unit(after.quantity.unit)
        direction = "up" if delta > 0 else "down" if delta < 0 else "same"
    qualifier_changed = before is not None and after is not None and before.qualifier != after.qualifier
    return TargetChange(
        key=key,
        before=before,
        after=after,
        direction=direction,
        qualifier_changed=qualifier_changed,
        delta=delta,
        unit=unit,
        before_report=a.id,
        after_report=b.id,
    )


def compare(a: int | str | Report, b: int | str | Report, kind: str = "gwr") -> Results[TargetChange]:
    """Compare the main expected targets of two reports, indicator by indicator.

    One row per indicator that either report targets, in the order of ``b``'s targets, then
    those only ``a`` has. ``direction`` is:

    - ``up``, ``down`` or ``same``: both state a number in the same unit, and the number went up,
      down or stayed (the middle of a range counts). The number is compared as the indicator
      measures it: a reduction target (能耗降低2.5%左右 → 3%左右) going from 2.5 to 3 is ``up``;
      a change in the opposite direction (下降 where the other says 增长) counts as negative.
    - ``new`` / ``dropped``: only ``b`` / only ``a`` has the target, and the report without it is
      known in full.
    - ``not_stated``: the report without the target is known only from a summary
      (``completeness == "summary"``), so its absence says nothing.
    - ``qualitative``: at least one side states the target without a number.
    - ``incomparable``: both state a number, in different units.

    ``qualifier_changed`` is true where both state the target with different qualifiers
    (以上 → 左右 is ``at_least`` → ``about``).

    Args:
        a: the earlier report: a year (``2024``), a report id (``"plan-2024"``) or a :class:`Report`.
        b: the later report, the same way.
        kind: the kind of report a year stands for: ``"gwr"`` (default) or ``"plan"``.

    Returns:
        :class:`Results` of :class:`TargetChange` rows, indexable by indicator key.

    Raises:
        NotFoundError: no report for a year or id.
        InvalidArgumentError: ``kind`` is neither ``"gwr"`` nor ``"plan"``.
        InvalidTypeError: a report is given as something other than an int, str or Report.

    >>> import gwr
    >>> changes = gwr.compare(2024, 2025)
    >>> row = changes["cpi_growth"]
    >>> row.before.text, row.after.text, row.direction, row.delta
    ('居民消费价格涨幅3%左右', '居民消费价格涨幅2%左右', 'down', Decimal('-1'))
    >>> grain = changes["grain_output"]
    >>> grain.direction, grain.qualifier_changed, grain.before.qualifier, grain.after.qualifier
    ('up', True, 'at_least', 'about')
    >>> changes["energy_intensity_reduction"].direction
    'up'
    """
    before, after = _resolve(a, kind), _resolve(b, kind)
    # a target no indicator keys (key None) cannot be paired across reports, so it is left out
    old = {t.key: t for t in reversed(before.targets) if t.key is not None}
    new = {t.key: t for t in reversed(after.targets) if t.key is not None}
    keys = list(dict.fromkeys(t.key for t in (*after.targets, *before.targets) if t.key is not None))
    rows = [_target_change(key, old.get(key), new.get(key), before, after) for key in keys]
    return Results(rows, TargetChange, f"{before.id} → {after.id}: main expected targets")


# --------------------------------------------------------------------------------------------
# attainment
# --------------------------------------------------------------------------------------------


@attrs.frozen
class Attainment(_Row):
    """One target of a year against the outcome a later report states (a row of :func:`attainment`).

    ``gap`` is the outcome minus the target, in ``unit``, measured the way the indicator is
    (a reduction as a positive number; the difference of two percentages is in
    ``percentage_points``); ``rule`` says in words how ``status`` was decided.
    ``report`` and ``outcome_report`` are the ids of the reports the two quotes come from.

    >>> import gwr
    >>> row = gwr.attainment(2024)["household_income_growth"]
    >>> row.target.text, row.status, row.rule
    ('居民收入增长和经济增长同步', 'qualitative', 'the target states no number')
    """

    key: str
    year: int
    target: Target
    outcome: Outcome | None
    status: AttainmentStatus
    gap: Decimal | None
    unit: str | None
    rule: str
    report: str
    outcome_report: str | None

    _columns: ClassVar[tuple[str, ...]] = ("indicator", "target", "outcome", "status", "gap", "rule")
    _fields: ClassVar[tuple[str, ...]] = (
        "key",
        "year",
        "status",
        "gap",
        "unit",
        "rule",
        "report",
        *_item_fields("target_"),
        "outcome_report",
        *_item_fields("outcome_"),
    )
    _key_field: ClassVar[str | None] = "key"

    def to_record(self) -> dict[str, object]:
        """The row as a plain dict (the quotes of both sides with their spans included)."""
        record: dict[str, object] = {
            "key": self.key,
            "year": self.year,
            "status": self.status,
            "gap": self.gap,
            "unit": self.unit,
            "rule": self.rule,
            "report": self.report,
        }
        record.update(_item_record("target_", self.target))
        record["outcome_report"] = self.outcome_report
        record.update(_item_record("outcome_", self.outcome))
        return record

    def _cells(self) -> list[str]:
        gap = "" if self.gap is None else readable(self.gap, self.unit, signed=True)
        outcome = "—" if self.outcome is None else f"{self.outcome.text} ({self.outcome_report})"
        return [self.key, self.target.text, outcome, self.status, gap, self.rule]


_Interval = tuple[Decimal | None, bool, Decimal | None, bool]
"""(low, low is open, high, high is open); ``None`` is unbounded."""


def _outcome_interval(quantity: Quantity, sign: int) -> _Interval:
    value, upper = quantity.value, quantity.upper
    interval: _Interval
    if upper is not None:
        interval = (value, False, upper, False)
    elif quantity.qualifier == "at_least":
        interval = (value, False, None, False)
    elif quantity.qualifier == "more_than":
        interval = (value, True, None, False)
    elif quantity.qualifier == "at_most":
        interval = (None, False, value, False)
    elif quantity.qualifier == "less_than":
        interval = (None, False, value, True)
    else:  # exact, about: the number as stated
        interval = (value, False, value, False)
    if sign < 0:
        low, low_open, high, high_open = interval
        interval = (None if high is None else -high, high_open, None if low is None else -low, low_open)
    return interval


def _at_least(interval: _Interval, bound: Decimal, strict: bool) -> bool | None:
    """Whether every value in ``interval`` is >= ``bound`` (> if strict): True, False (none is) or None."""
    low, low_open, high, high_open = interval
    if low is not None and (low > bound or (low == bound and (not strict or low_open))):
        return True
    if high is not None and (high < bound or (high == bound and (strict or high_open))):
        return False
    return None


def _at_most(interval: _Interval, bound: Decimal, strict: bool) -> bool | None:
    low, low_open, high, high_open = interval
    flipped: _Interval = (None if high is None else -high, high_open, None if low is None else -low, low_open)
    return _at_least(flipped, -bound, strict)


def _judge(target: Target, outcome: Outcome, reading: Reading) -> tuple[AttainmentStatus, Decimal | None, str]:
    wanted, got = target.quantity, outcome.quantity
    assert wanted is not None
    if got is None:
        return "indeterminate", None, "the outcome states no number"
    if got.unit != wanted.unit:
        return "indeterminate", None, f"the outcome is in {got.unit}, the target in {wanted.unit}"
    target_is_change = wanted.change in ("increase", "decrease")
    if not target_is_change and got.change in ("increase", "decrease"):
        return "indeterminate", None, "the target states a level, the outcome a change"
    sign = _sign(got, wanted.change)
    interval = _outcome_interval(got, sign)
    unit = _unit_suffix(wanted.unit)
    qualifier = wanted.qualifier
    if qualifier in ("at_least", "more_than"):
        mode, why = "floor", f"{qualifier} target"
    elif qualifier in ("at_most", "less_than"):
        mode, why = "ceiling", f"{qualifier} target"
    elif reading in ("floor", "ceiling"):
        mode, why = reading, f"registry reads {target.key} as a {reading}"
    else:
        mode, why = "level", f"{qualifier} target on a level"
    strict = qualifier in ("more_than", "less_than")
    verdict: bool | None
    if mode == "floor":
        bound = wanted.value
        verdict = _at_least(interval, bound, strict)
        rule = f"floor ({why}): met if outcome {'>' if strict else '≥'} {_grouped(bound)}{unit}"
    elif mode == "ceiling":
        bound = wanted.upper if wanted.upper is not None else wanted.value
        verdict = _at_most(interval, bound, strict)
        rule = f"ceiling ({why}): met if outcome {'<' if strict else '≤'} {_grouped(bound)}{unit}"
    else:
        low, high = wanted.value, wanted.upper if wanted.upper is not None else wanted.value
        if wanted.upper is None and qualifier == "about":
            slack = abs(wanted.value) * ABOUT_TOLERANCE
            low, high = low - slack, high + slack
        bound = _midpoint(wanted)
        above, below = _at_least(interval, low, False), _at_most(interval, high, False)
        if above is False or below is False:
            verdict = False
        elif above and below:
            verdict = True
        else:
            verdict = None
        rule = f"level ({why}): met if {_grouped(low)}{unit} ≤ outcome ≤ {_grouped(high)}{unit}"
    gap = sign * _midpoint(got) - bound
    status: AttainmentStatus = "met" if verdict else "missed" if verdict is False else "indeterminate"
    return status, gap, rule


def _outcome_reports(year: int, outcomes_from: str | Report | None, region: str | None = None) -> list[Report]:
    """The later reports an outcome may come from: those of the same region (none: the nation's)."""
    from ._api import KINDS, reports

    if isinstance(outcomes_from, Report):
        return [outcomes_from]
    if outcomes_from is not None and not isinstance(outcomes_from, str):
        raise InvalidTypeError(
            f"outcomes_from is a kind ('gwr', 'plan'), a report id or a Report, not {type(outcomes_from).__name__}"
        )
    if outcomes_from is not None and outcomes_from not in KINDS:
        return [_resolve(outcomes_from, "gwr")]
    later = [
        r
        for r in reports()
        if r.year > year and r.region == region and (outcomes_from is None or r.kind == outcomes_from)
    ]
    return sorted(later, key=lambda r: (r.year, KINDS.index(r.kind)))


def _find_outcome(target: Target, candidates: list[Report]) -> tuple[Outcome, Report] | None:
    for report in candidates:
        found = [o for o in report.outcomes if o.key == target.key and o.year == target.year]
        if found:
            with_number = [o for o in found if o.quantity is not None]
            best = with_number[0] if with_number and target.quantity is not None else found[0]
            return best, report
    return None


def attainment(
    year: int | str | Report, kind: str = "gwr", outcomes_from: str | Report | None = None
) -> Results[Attainment]:
    """Each main target of a year's report against the outcome a later report states for that year.

    The outcome of a target is the first :class:`Outcome` on the same indicator key with
    ``year`` equal to the target's year, taken from the reports of later years, the nearest year
    first and a Government Work Report before a plan report; ``outcomes_from`` narrows that to one
    kind or one report.

    ``status`` is decided by the target's qualifier together with the indicator's
    :attr:`~gwr.Indicator.reading` in the registry:

    - ``qualitative``: the target states no number (居民收入增长和经济增长同步); the outcome, if
      a report states one, is still attached.
    - ``no_outcome``: no later report states an outcome for that indicator and year.
    - A target qualified 以上/至少 (``at_least``) is a floor, 超过 (``more_than``) a strict floor;
      以内/以下/不超过 (``at_most``) a ceiling, 不到/近 (``less_than``) a strict ceiling, whatever
      the registry says.
    - Otherwise (左右 or no qualifier) the registry decides. A **floor** (GDP growth, new urban
      jobs, grain output, the reduction of energy intensity) is ``met`` if the outcome is at least
      the target's value: 5%左右 is met by 5.0%. A **ceiling** (CPI, the unemployment rate) is
      ``met`` if the outcome is at most the target's value (the upper end of a range): 3%左右 is
      met by 0.2%. A **level** is ``met`` if the outcome lies within the range, or, for 左右,
      within :data:`ABOUT_TOLERANCE` (10 %) of the value either side; an exact level must be hit.
    - Anything else is ``missed``; ``indeterminate`` where the outcome cannot settle it: it is
      given as a bound that straddles the target (近3% against 2.5%), in another unit, or as a
      change where the target is a level.

    Numbers are compared the way the indicator measures them: a CPI target (涨幅3%) and its
    outcome (上涨0.2%) are both rises; a reduction target (能耗降低2.5%) and its outcome (降幅
    超过3%) are both reductions, and an outcome moving the other way (上升, 下降) counts as a
    negative number. An outcome with a qualifier is a bound: 超过3% is more than 3. ``gap`` is the
    outcome's number minus the target's (the floor, the ceiling, or the middle of a level; the
    middle of a range on the outcome side), in the target's unit.

    Args:
        year: the year of the targets (``2024``), or a report id or :class:`Report`.
        kind: which report of that year holds the targets: ``"gwr"`` (default) or ``"plan"``.
        outcomes_from: where outcomes are taken from: ``None`` (any later report, Government
            Work Report first), a kind (``"gwr"``, ``"plan"``), a report id or a :class:`Report`.

    Returns:
        :class:`Results` of :class:`Attainment` rows, one per target in the report's order,
        indexable by indicator key.

    Raises:
        NotFoundError: no report for that year and kind, or no report ``outcomes_from``.
        InvalidArgumentError: ``kind`` is neither ``"gwr"`` nor ``"plan"``.
        InvalidTypeError: ``year`` or ``outcomes_from`` has a type gwr cannot use.

    >>> import gwr
    >>> rows = gwr.attainment(2024)
    >>> row = rows["cpi_growth"]
    >>> row.target.text, row.rule
    ('居民消费价格涨幅3%左右', ...)
    >>> rows["household_income_growth"].status
    'qualitative'
    """
    report = _resolve(year, kind)
    candidates = _outcome_reports(report.year, outcomes_from, report.region)
    from ._api import indicators

    readings: dict[str, Reading] = {i.key: i.reading for i in indicators()}
    rows = []
    for target in report.targets:
        if target.key is None:  # no indicator: nothing to look an outcome up by
            continue
        found = _find_outcome(target, candidates)
        outcome, source = found if found is not None else (None, None)
        status: AttainmentStatus
        gap: Decimal | None = None
        if target.quantity is None:
            status, rule = "qualitative", "the target states no number"
        elif outcome is None:
            status, rule = "no_outcome", f"no later report states an outcome for {target.year}"
        else:
            status, gap, rule = _judge(target, outcome, readings.get(target.key, "level"))
        rows.append(
            Attainment(
                key=target.key,
                year=target.year,
                target=target,
                outcome=outcome,
                status=status,
                gap=gap,
                unit=None if gap is None or target.quantity is None else _difference_unit(target.quantity.unit),
                rule=rule,
                report=report.id,
                outcome_report=None if source is None else source.id,
            )
        )
    origin = "any later report" if outcomes_from is None else str(getattr(outcomes_from, "id", outcomes_from))
    return Results(rows, Attainment, f"{report.id}: targets for {report.year} against outcomes ({origin})")


# --------------------------------------------------------------------------------------------
# compare_tasks
# --------------------------------------------------------------------------------------------


@attrs.frozen
class TaskMove(_Row):
    """One task theme in two reports (a row of :func:`compare_tasks`).

    ``before_position`` and ``after_position`` are the tasks' numbers (（一） is 1); ``shift`` is
    ``before_position - after_position``: positive where the theme moved toward the front.
    Where a side has no task with the theme as its primary theme, ``before_secondary`` /
    ``after_secondary`` is the number of a task there that has it as its secondary theme (a
    theme folded into another task), else ``None``.

    >>> import gwr
    >>> row = gwr.compare_tasks("gwr-2024", "plan-2024")["domestic_demand"]
    >>> row.before_position, row.after_position, row.direction, row.shift
    (3, 2, 'up', 1)
    """

    theme: str
    before: Task | None
    after: Task | None
    before_position: int | None
    after_position: int | None
    direction: TaskDirection
    shift: int | None
    before_report: str
    after_report: str
    before_secondary: int | None = None
    after_secondary: int | None = None

    _columns: ClassVar[tuple[str, ...]] = ("theme", "before", "after", "move")
    _fields: ClassVar[tuple[str, ...]] = (
        "theme",
        "direction",
        "shift",
        "before_report",
        "before_position",
        "before_title",
        "before_source",
        "before_start",
        "before_end",
        "before_secondary",
        "after_report",
        "after_position",
        "after_title",
        "after_source",
        "after_start",
        "after_end",
        "after_secondary",
    )
    _key_field: ClassVar[str | None] = "theme"

    def to_record(self) -> dict[str, object]:
        """The row as a plain dict (both task titles with their spans included)."""
        record: dict[str, object] = {
            "theme": self.theme,
            "direction": self.direction,
            "shift": self.shift,
            "before_report": self.before_report,
            "before_position": self.before_position,
            "before_title": None if self.before is None else self.before.title,
        }
        record.update(_span_record("before_", None if self.before is None else self.before.span))
        record["before_secondary"] = self.before_secondary
        record["after_report"] = self.after_report
        record["after_position"] = self.after_position
        record["after_title"] = None if self.after is None else self.after.title
        record.update(_span_record("after_", None if self.after is None else self.after.span))
        record["after_secondary"] = self.after_secondary
        return record

    def _cells(self) -> list[str]:
        def side(task: Task | None, secondary: int | None) -> str:
            if task is not None:
                return f"{task.number}. {task.title}"
            return "—" if secondary is None else f"— (secondary theme of task {secondary})"

        move: str = self.direction
        if self.shift:
            move = f"{self.direction} ({self.before_position} → {self.after_position})"
        return [self.theme, side(self.before, self.before_secondary), side(self.after, self.after_secondary), move]


def _by_theme(report: Report) -> dict[str, list[Task]]:
    themes: dict[str, list[Task]] = {}
    for task in sorted(report.tasks, key=lambda t: t.number):
        if task.theme is not None:
            themes.setdefault(task.theme, []).append(task)
    return themes


def compare_tasks(a: int | str | Report, b: int | str | Report, kind: str = "gwr") -> Results[TaskMove]:
    """Compare the order of the numbered tasks of two reports, theme by theme.

    One row per primary theme, in the order of ``b``'s tasks, then the themes only ``a`` has.
    Where a report has two tasks with the same primary theme, the first is paired with the
    first and the second with the second (two rows with the same theme). Tasks without a theme
    are left out. ``direction`` is ``up`` where the theme moved toward the front (third → first),
    ``down`` where it moved back, ``same``; ``new`` / ``dropped`` where only ``b`` / only ``a`` has
    it, and ``not_stated`` where the report without it is known only from a summary.

    Args:
        a: the earlier report: a year (``2024``), a report id (``"plan-2024"``) or a :class:`Report`.
        b: the later report, the same way.
        kind: the kind of report a year stands for: ``"gwr"`` (default) or ``"plan"``.

    Returns:
        :class:`Results` of :class:`TaskMove` rows, indexable by theme.

    Raises:
        NotFoundError: no report for a year or id, or a report has no tasks in the data.
        InvalidArgumentError: ``kind`` is neither ``"gwr"`` nor ``"plan"``.
        InvalidTypeError: a report is given as something other than an int, str or Report.

    >>> import gwr
    >>> gwr.compare_tasks(2024, 2019)
    Traceback (most recent call last):
    gwr._errors.NotFoundError: no report 'gwr-2019'...
    """
    before, after = _resolve(a, kind), _resolve(b, kind)
    for report in (before, after):
        if not report.tasks:
            raise NotFoundError(f"{report.id} has no tasks in the bundled data", report.id)
    old, new = _by_theme(before), _by_theme(after)
    themes = list(dict.fromkeys([*new, *old]))
    rows = []
    for theme in themes:
        olds, news = old.get(theme, []), new.get(theme, [])
        for i in range(max(len(olds), len(news))):
            first = olds[i] if i < len(olds) else None
            second = news[i] if i < len(news) else None
            rows.append(_task_move(theme, first, second, before, after))
    rows.sort(key=_order_of_after)
    return Results(rows, TaskMove, f"{before.id} → {after.id}: tasks by theme")


def _order_of_after(row: TaskMove) -> tuple[int, int]:
    if row.after_position is not None:
        return (0, row.after_position)
    return (1, row.before_position or 0)


def _task_move(theme: str, before: Task | None, after: Task | None, a: Report, b: Report) -> TaskMove:
    direction: TaskDirection
    shift: int | None = None
    if before is None:
        direction = _missing(a) or "new"
    elif after is None:
        direction = _missing(b) or "dropped"
    else:
        shift = before.number - after.number
        direction = "up" if shift > 0 else "down" if shift < 0 else "same"
    return TaskMove(
        before_secondary=None if before is not None else _secondary(a, theme),
        after_secondary=None if after is not None else _secondary(b, theme),
        theme=theme,
        before=before,
        after=after,
        before_position=None if before is None else before.number,
        after_position=None if after is None else after.number,
        direction=direction,
        shift=shift,
        before_report=a.id,
        after_report=b.id,
    )


def _secondary(report: Report, theme: str) -> int | None:
    for task in sorted(report.tasks, key=lambda t: t.number):
        if task.secondary_theme == theme:
            return task.number
    return None
