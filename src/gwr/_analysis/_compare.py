"""Comparing reports: targets year on year, targets against outcomes, tasks in order.

Three questions, one call each, each answer carrying the records (and so the quotes) behind it:

- :func:`compare`: how did the main expected targets change from one report to another?
- :func:`attainment`: did a year meet its targets, by the outcomes a later report states?
- :func:`compare_tasks`: how did the order of the tasks change?

Each returns a :class:`Results`: an iterable, indexable collection of immutable rows that prints
as an aligned table and exports with :meth:`Results.to_records` and :meth:`Results.to_dataframe`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Literal

import attrs

from .._model._errors import InvalidTypeError, NotFoundError
from .._model._records import Change, Outcome, Qualifier, Quantity, Report, Span, Target, Task, Verdict

# Results and _Row (defined here before _results.py) stay importable from here: "as" re-exports them
from ._results import Lang, _grouped, _unit_suffix, check_lang, english_text, in_english, indicator_name, readable
from ._results import Results as Results
from ._results import _Row as _Row

if TYPE_CHECKING:
    from .._model._records import Reading

__all__ = [
    "ABOUT_TOLERANCE",
    "IN_STEP",
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

TaskDirection = Literal["up", "down", "same", "new", "dropped", "folded", "unfolded", "not_stated"]
"""How a task theme moved in the order of the tasks (see :func:`compare_tasks`)."""

IN_STEP: dict[str, str] = {"household_income_growth": "gdp_growth"}
"""Qualitative targets that outcomes decide: a target on the key (居民收入增长和经济增长同步,
household income growing in step with the economy) is met when the outcome on the key is at
least the outcome on the value for the same year (居民人均可支配收入实际增长5.1% against
国内生产总值增长5%: met, by 0.1 percentage points). See :func:`attainment`."""

ABOUT_TOLERANCE = Decimal("0.1")
"""How far an outcome may lie from a ``左右`` (``about``) target on a *level* indicator and still
meet it, as a share of the target's value: 10 %, so that 5%左右 is met by 4.5% to 5.5%."""


# --------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------


def _check_kind(kind: object) -> None:
    from .._data._lookup import check_kind

    check_kind(kind)


def _resolve(report: int | str | Report, kind: str, region: str | None = None) -> Report:
    """The report ``report`` names: a Report as it is, a year or id through :func:`gwr.report`."""
    from .._data._lookup import report as lookup

    _check_kind(kind)
    if isinstance(report, Report):
        return report
    if report is None:  # gwr.report() takes None for the newest; a comparison names both sides
        raise InvalidTypeError("a report is named by a year (int), an id (str) or a Report, not None")
    return lookup(report, kind=kind, region=region)


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
        f"{prefix}text_en": None if item is None else english_text(item.english),
        f"{prefix}value": None if quantity is None else quantity.value,
        f"{prefix}upper": None if quantity is None else quantity.upper,
        f"{prefix}unit": None if quantity is None else quantity.unit,
        f"{prefix}qualifier": None if item is None else item.qualifier,
        f"{prefix}change": None if quantity is None else quantity.change,
    }
    record.update(_span_record(prefix, None if item is None else item.span))
    return record


def _item_fields(prefix: str) -> tuple[str, ...]:
    names = ("text", "text_en", "value", "upper", "unit", "qualifier", "change", "source", "start", "end")
    return tuple(prefix + name for name in names)


def _sign(quantity: Quantity, sense: Change | None) -> int:
    """-1 where ``quantity`` is a change against ``sense`` (a fall where a rise is measured)."""
    directions = ("increase", "decrease")
    if quantity.change in directions and sense in directions and quantity.change != sense:
        return -1
    return 1


def measured(quantity: Quantity, sense: Change | None) -> Decimal:
    """The value of ``quantity`` as a signed number on its indicator's own scale.

    One sign convention for :func:`compare`, :func:`attainment` and :func:`gwr.series`: an
    indicator that its targets state as a change in one direction (``sense``: 增长 for GDP
    growth, 降低 for the reduction of energy intensity) measures changes in that direction as
    positive numbers and changes the other way as negative ones, so that 能耗降低2.5% is
    ``2.5`` and 能耗上升0.5% is ``-0.5``. Without a sense an increase is positive and a decrease
    negative. A level (no change) is its value.

    >>> from gwr._reading._quantities import parse_quantities
    >>> [cut] = parse_quantities("能耗降低2.5%")
    >>> measured(cut, "decrease"), measured(cut, None)
    (Decimal('2.5'), Decimal('-2.5'))
    """
    if sense is None:
        return -quantity.value if quantity.change == "decrease" else quantity.value
    return _sign(quantity, sense) * quantity.value


def indicator_sense(key: str, reports: Iterable[Report] | None = None) -> Change | None:
    """The direction the targets on ``key`` state (``decrease`` for 能耗降低), in ``reports``
    (every bundled report where none is given), or ``None`` where they state none."""
    if reports is None:
        from .._data._lookup import reports as bundled

        reports = bundled()
    for report in reports:
        for target in report.targets:
            if target.key == key and target.quantity is not None and target.quantity.change in ("increase", "decrease"):
                return target.quantity.change
    return None


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
        return self._cells_in("zh")

    def _cells_en(self) -> list[str]:
        return self._cells_in("en")

    def _cells_in(self, lang: Lang) -> list[str]:
        direction: str = self.direction
        if self.delta is not None and self.direction in ("up", "down"):
            direction = f"{direction} ({readable(self.delta, self.unit, signed=True, lang=lang)})"
        qualifier = ""
        if self.qualifier_changed and self.before is not None and self.after is not None:
            qualifier = f"{self.before.qualifier or 'none'} → {self.after.qualifier or 'none'}"

        def side(target: Target | None) -> str:
            if target is None:
                return "—"
            return target.text if lang == "zh" else in_english(target.text, target.english)

        return [indicator_name(self.key, lang), side(self.before), side(self.after), direction, qualifier]


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
        sense = _sense(before.quantity, after.quantity) or indicator_sense(key)
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


def compare(
    a: int | str | Report, b: int | str | Report, kind: str = "gwr", *, lang: str = "zh"
) -> Results[TargetChange]:
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
        lang: ``"en"`` shows the table in English: each target's official English (2008–2022;
            the Chinese marked ``[zh]`` where there is none) and English indicator names. The
            records hold both languages either way (``before_text_en``, ``after_text_en``).

    Returns:
        :class:`Results` of :class:`TargetChange` rows, indexable by indicator key.

    Raises:
        NotFoundError: no report for a year or id.
        InvalidArgumentError: ``kind`` is neither ``"gwr"`` nor ``"plan"``, or ``lang`` is
            neither ``"zh"`` nor ``"en"``.
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
    shown = check_lang(lang)
    before, after = _resolve(a, kind), _resolve(b, kind)
    # a target no indicator keys (key None) cannot be paired across reports, so it is left out
    # the main expected targets: the passage's (a target set elsewhere in the text is not compared)
    before_targets = [t for t in before.targets if t.in_passage]
    after_targets = [t for t in after.targets if t.in_passage]
    old = {t.key: t for t in reversed(before_targets) if t.key is not None}
    new = {t.key: t for t in reversed(after_targets) if t.key is not None}
    keys = list(dict.fromkeys(t.key for t in (*after_targets, *before_targets) if t.key is not None))
    rows = [_target_change(key, old.get(key), new.get(key), before, after) for key in keys]
    return Results(rows, TargetChange, f"{before.id} → {after.id}: main expected targets", lang=shown)


# --------------------------------------------------------------------------------------------
# attainment
# --------------------------------------------------------------------------------------------


@attrs.frozen
class Attainment(_Row):
    """One target of a year against the outcome a later report states (a row of :func:`attainment`).

    ``gap`` is the outcome minus the target, in ``unit``, measured the way the indicator is
    (a reduction as a positive number; the difference of two percentages is in
    ``percentage_points``). Where the outcome is a bound (降幅超过3%), so is the gap:
    ``gap_qualifier`` says how the true gap relates to ``gap`` (``more_than``: by more than 0.5),
    as a quantity's qualifier does; ``exact`` where the outcome states its number exactly.
    ``rule`` says in words how ``status`` was decided. ``report`` and ``outcome_report`` are the
    ids of the reports the two quotes come from. ``reference`` is the other outcome a
    qualitative target was decided against (the GDP growth that income growth kept in step with).

    ``verdict`` is what the later report itself says of the target, where it says it
    (全国没有实现年初确定的…能耗降低4%左右的目标), from ``verdict_report``. A verdict on the
    target's indicator decides ``status``; ``rule_status`` is then what the rule reads from
    target and outcome, and ``rule`` says where the two differ. A verdict on the main targets as
    a whole (主要目标任务圆满完成) is shown beside the rule's status, which it does not change.
    A target whose clause names no indicator of the registry has a row too (``key`` ``None``,
    ``no_outcome``): no outcome can be looked up for it.

    >>> import gwr
    >>> row = gwr.attainment(2024)["energy_intensity_reduction"]
    >>> row.outcome.text, row.status, row.gap, row.gap_qualifier
    ('单位国内生产总值能耗降幅超过3%', 'met', Decimal('0.5'), 'more_than')
    >>> row = gwr.attainment(2024)["household_income_growth"]
    >>> row.target.text, row.status, row.gap, row.reference.text
    ('居民收入增长和经济增长同步', 'met', Decimal('0.1'), '增长5%')
    """

    key: str | None
    year: int
    target: Target
    outcome: Outcome | None
    status: AttainmentStatus
    gap: Decimal | None
    unit: str | None
    rule: str
    report: str
    outcome_report: str | None
    gap_qualifier: Qualifier | None = None
    reference: Outcome | None = None
    verdict: Verdict | None = None
    verdict_report: str | None = None
    rule_status: AttainmentStatus | None = None

    _columns: ClassVar[tuple[str, ...]] = ("indicator", "target", "outcome", "status", "gap", "rule")
    _fields: ClassVar[tuple[str, ...]] = (
        "key",
        "year",
        "status",
        "gap",
        "gap_qualifier",
        "unit",
        "rule",
        "report",
        *_item_fields("target_"),
        "outcome_report",
        *_item_fields("outcome_"),
        *_item_fields("reference_"),
        "rule_status",
        "verdict_met",
        "verdict_text",
        "verdict_report",
    )
    _key_field: ClassVar[str | None] = "key"

    def to_record(self) -> dict[str, object]:
        """The row as a plain dict (the quotes of both sides with their spans included)."""
        record: dict[str, object] = {
            "key": self.key,
            "year": self.year,
            "status": self.status,
            "gap": self.gap,
            "gap_qualifier": self.gap_qualifier,
            "unit": self.unit,
            "rule": self.rule,
            "report": self.report,
        }
        record.update(_item_record("target_", self.target))
        record["outcome_report"] = self.outcome_report
        record.update(_item_record("outcome_", self.outcome))
        record.update(_item_record("reference_", self.reference))
        record["rule_status"] = self.rule_status
        record["verdict_met"] = None if self.verdict is None else self.verdict.met
        record["verdict_text"] = None if self.verdict is None else self.verdict.text
        record["verdict_report"] = self.verdict_report
        return record

    def _cells(self) -> list[str]:
        return self._cells_in("zh")

    def _cells_en(self) -> list[str]:
        return self._cells_in("en")

    def _cells_in(self, lang: Lang) -> list[str]:
        gap = "" if self.gap is None else readable(self.gap, self.unit, signed=True, lang=lang)
        if self.gap is not None and self.gap_qualifier in _BOUND_MARKS:
            gap = f"{_BOUND_MARKS[self.gap_qualifier]} {gap}"
        target = self.target.text if lang == "zh" else in_english(self.target.text, self.target.english)
        outcome = "—"
        if self.outcome is not None:
            said = self.outcome.text if lang == "zh" else in_english(self.outcome.text, self.outcome.english)
            outcome = f"{said} ({self.outcome_report})"
        return [indicator_name(self.key, lang), target, outcome, self.status, gap, self.rule]


_BOUND_MARKS = {"about": "≈", "at_least": "≥", "more_than": ">", "at_most": "≤", "less_than": "<"}

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


def _gap(interval: _Interval, bound: Decimal, got: Quantity, sign: int) -> tuple[Decimal, Qualifier]:
    """The outcome minus ``bound``, and how the true gap relates to it: a bound where the outcome is one."""
    low, low_open, high, high_open = interval
    if low is not None and high is None:
        return low - bound, "more_than" if low_open else "at_least"
    if high is not None and low is None:
        return high - bound, "less_than" if high_open else "at_most"
    return sign * _midpoint(got) - bound, "about" if got.qualifier == "about" or got.upper is not None else "exact"


_RATE = re.compile(r"涨幅|增幅|增速|降幅|上涨幅度|增长率")
"""Before a target's number: the number is a rate of change, though no verb says which way."""


def _judge(
    target: Target, outcome: Outcome, reading: Reading
) -> tuple[AttainmentStatus, Decimal | None, Qualifier | None, str]:
    wanted, got = target.quantity, outcome.quantity
    assert wanted is not None
    if got is None:
        return "indeterminate", None, None, "the outcome states no number"
    if got.unit != wanted.unit:
        return "indeterminate", None, None, f"the outcome is in {got.unit}, the target in {wanted.unit}"
    target_is_change = wanted.change in ("increase", "decrease")
    # 居民消费价格涨幅控制在3.5%左右: the number is a rise though no verb says so (涨幅, 增幅, 增速)
    names_a_rate = _RATE.search(target.text[: target.text.find(wanted.text)] if wanted.text in target.text else "")
    if not target_is_change and got.change in ("increase", "decrease") and not names_a_rate:
        return "indeterminate", None, None, "the target states a level, the outcome a change"
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
    gap, gap_qualifier = _gap(interval, bound, got, sign)
    status: AttainmentStatus = "met" if verdict else "missed" if verdict is False else "indeterminate"
    return status, gap, gap_qualifier, rule


def _in_step(
    target: Target, outcome: Outcome, candidates: list[Report]
) -> tuple[AttainmentStatus, Decimal | None, Qualifier | None, str, Outcome | None]:
    """Decide a target of :data:`IN_STEP` (the key's growth in step with another's)."""
    other_key = IN_STEP[target.key or ""]
    pace = attrs.evolve(target, key=other_key)
    found = _find_outcome(pace, candidates, numbered=True)
    reference = None if found is None else found[0]
    got = outcome.quantity
    if reference is None or reference.quantity is None or got is None:
        missing = "no number" if got is None else f"no outcome on {other_key} for {target.year}"
        return "indeterminate", None, None, f"in step with {other_key}, but {missing} to compare", reference
    pace_quantity = reference.quantity
    if got.unit != pace_quantity.unit or got.change != pace_quantity.change:
        return "indeterminate", None, None, f"in step with {other_key}, whose outcome is stated otherwise", reference
    interval = _outcome_interval(got, 1)
    other = _outcome_interval(pace_quantity, 1)
    low, high = other[0], other[2]
    if low is None or high is None or low != high:
        return "indeterminate", None, None, f"in step with {other_key}, whose outcome is a bound", reference
    verdict = _at_least(interval, low, False)
    unit = _unit_suffix(got.unit)
    rule = f"in step with {other_key}: met if outcome ≥ its outcome, {_grouped(low)}{unit} ({reference.text})"
    gap, gap_qualifier = _gap(interval, low, got, 1)
    status: AttainmentStatus = "met" if verdict else "missed" if verdict is False else "indeterminate"
    return status, gap, gap_qualifier, rule, reference


def _outcome_reports(year: int, outcomes_from: str | Report | None, region: str | None = None) -> list[Report]:
    """The later reports an outcome may come from: those of the same region (none: the nation's)."""
    from .._data._lookup import KINDS, reports

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


def _find_outcome(target: Target, candidates: list[Report], *, numbered: bool = False) -> tuple[Outcome, Report] | None:
    """The outcome on ``target``'s key and year in the first report that states one; one with a
    number first where the target has a number (or ``numbered`` asks for one)."""
    for report in candidates:
        found = [o for o in report.outcomes if o.key == target.key and o.year == target.year]
        if found:
            with_number = [o for o in found if o.quantity is not None]
            wants_number = numbered or target.quantity is not None or target.key in IN_STEP
            best = with_number[0] if with_number and wants_number else found[0]
            return best, report
    return None


def _find_verdict(target: Target, candidates: list[Report]) -> tuple[Verdict | None, str | None]:
    """What the first later report with a verdict on ``target``'s year says of it: a verdict on its
    indicator first, else one on the main targets as a whole."""
    for report in candidates:
        of_year = [v for v in report.verdicts if v.year == target.year]
        specific = next((v for v in of_year if target.key in v.keys), None)
        if specific is not None:
            return specific, report.id
        general = next((v for v in of_year if not v.keys), None)
        if general is not None:
            return general, report.id
    return None, None


def attainment(
    year: int | str | Report,
    kind: str = "gwr",
    outcomes_from: str | Report | None = None,
    *,
    region: str | None = None,
    lang: str = "zh",
) -> Results[Attainment]:
    """Each main target of a year's report against the outcome a later report states for that year.

    The outcome of a target is the first :class:`Outcome` on the same indicator key with
    ``year`` equal to the target's year, taken from the reports of later years, the nearest year
    first and a Government Work Report before a plan report; ``outcomes_from`` narrows that to one
    kind or one report.

    ``status`` is decided by the target's qualifier together with the indicator's
    :attr:`~gwr.Indicator.reading` in the registry:

    - ``qualitative``: the target states no number (国际收支保持基本平衡) and no outcome can
      decide it; the outcome, if a report states one, is still attached.
    - A qualitative target that outcomes can decide (:data:`IN_STEP`): 居民收入增长和经济增长同步
      (household income growing in step with the economy) is ``met`` where the outcome on
      household income growth is at least the outcome on GDP growth for the same year, taken
      the same way (居民人均可支配收入实际增长5.1% against 增长5%: met, ``gap`` 0.1 points),
      ``missed`` where it is less; the GDP outcome is the row's ``reference``. "In step" is read
      as "not slower", the reading the reports' own reviews give it.
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
    middle of a range on the outcome side), in the target's unit; where the outcome is a bound,
    so is the gap, and ``gap_qualifier`` says which way: 降幅超过3% against a 2.5% target is met
    by more than 0.5 points (``gap`` 0.5, ``gap_qualifier`` ``more_than``), never by exactly 0.5.

    Args:
        year: the year of the targets (``2024``), or a report id or :class:`Report`.
        kind: which report of that year holds the targets: ``"gwr"`` (default) or ``"plan"``.
        outcomes_from: where outcomes are taken from: ``None`` (any later report, Government
            Work Report first), a kind (``"gwr"``, ``"plan"``), a report id or a :class:`Report`.
        region: a province (``"CN-ZJ"``, ``"浙江"``, ``"Zhejiang"``): its report's targets against
            the outcomes its own later reports state (``kind`` is then ``"provincial"``).
        lang: ``"en"`` shows the table in English: the official English of target and outcome
            (2008–2022; the Chinese marked ``[zh]`` where there is none) and English indicator
            names. The records hold both languages either way (``target_text_en``...).

    Returns:
        :class:`Results` of :class:`Attainment` rows, one per target in the report's order,
        indexable by indicator key.

    Raises:
        NotFoundError: no report for that year and kind, or no report ``outcomes_from``.
        InvalidArgumentError: ``kind`` is neither ``"gwr"`` nor ``"plan"``, or ``lang`` is
            neither ``"zh"`` nor ``"en"``.
        InvalidTypeError: ``year`` or ``outcomes_from`` has a type gwr cannot use.

    >>> import gwr
    >>> rows = gwr.attainment(2024)
    >>> row = rows["cpi_growth"]
    >>> row.target.text, row.rule
    ('居民消费价格涨幅3%左右', ...)
    >>> rows["household_income_growth"].status
    'met'
    >>> rows["balance_of_payments"].status
    'qualitative'
    """
    shown = check_lang(lang)
    if region is not None and kind == "gwr":
        kind = "provincial"
    report = _resolve(year, kind, region)
    candidates = _outcome_reports(report.year, outcomes_from, report.region)
    from .._data._lookup import indicators

    readings: dict[str, Reading] = {i.key: i.reading for i in indicators()}
    rows = []
    for target in (t for t in report.targets if t.in_passage):  # the main expected targets
        if target.key is None:  # no indicator: nothing to look an outcome up by, but a row all the same
            rule = "the target names no indicator of the registry: no outcome can be looked up"
            rows.append(Attainment(None, target.year, target, None, "no_outcome", None, None, rule, report.id, None))
            continue
        found = _find_outcome(target, candidates)
        outcome, source = found if found is not None else (None, None)
        status: AttainmentStatus
        gap: Decimal | None = None
        gap_qualifier: Qualifier | None = None
        reference: Outcome | None = None
        if outcome is None and (target.quantity is not None or target.key in IN_STEP):
            status, rule = "no_outcome", f"no later report states an outcome for {target.year}"
        elif target.quantity is None and outcome is not None and target.key in IN_STEP:
            status, gap, gap_qualifier, rule, reference = _in_step(target, outcome, candidates)
        elif target.quantity is None or outcome is None:
            status, rule = "qualitative", "the target states no number"
        else:
            status, gap, gap_qualifier, rule = _judge(target, outcome, readings.get(target.key, "level"))
        unit: str | None = None
        if gap is not None:
            measured = target.quantity or (outcome.quantity if outcome is not None else None)
            unit = None if measured is None else _difference_unit(measured.unit)
        verdict, verdict_report = _find_verdict(target, candidates)
        rule_status: AttainmentStatus | None = None
        if verdict is not None and verdict.keys:  # the report's own word on this target decides
            said: AttainmentStatus = "met" if verdict.met else "missed"
            if said != status:
                rule += f"; the rule reads {status}, but {verdict_report} says: {verdict.text}"
            else:
                rule += f"; {verdict_report} says so: {verdict.text}"
            rule_status, status = status, said
        elif verdict is not None:
            rule += f"; {verdict_report} says of the main targets: {verdict.text}"
        rows.append(
            Attainment(
                key=target.key,
                year=target.year,
                target=target,
                outcome=outcome,
                status=status,
                gap=gap,
                unit=unit,
                rule=rule,
                report=report.id,
                outcome_report=None if source is None else source.id,
                gap_qualifier=gap_qualifier,
                reference=reference,
                verdict=verdict,
                verdict_report=verdict_report,
                rule_status=rule_status,
            )
        )
    origin = "any later report" if outcomes_from is None else str(getattr(outcomes_from, "id", outcomes_from))
    title = f"{report.id}: targets for {report.year} against outcomes ({origin})"
    return Results(rows, Attainment, title, lang=shown)


# --------------------------------------------------------------------------------------------
# compare_tasks
# --------------------------------------------------------------------------------------------


@attrs.frozen
class TaskMove(_Row):
    """One task theme in two reports (a row of :func:`compare_tasks`).

    ``before_position`` and ``after_position`` are the tasks' numbers (（一） is 1); ``shift`` is
    ``before_position - after_position``: positive where the theme moved toward the front.
    Where a side has no task with the theme as its primary theme, ``before_secondary`` /
    ``after_secondary`` is the number of a task there that holds it all the same (a theme folded
    into another task): as that task's secondary theme, or as the theme of one of its sub-tasks,
    whose number is then ``before_subtask`` / ``after_subtask``; else ``None``.

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
    before_subtask: int | None = None
    after_subtask: int | None = None

    _columns: ClassVar[tuple[str, ...]] = ("theme", "before", "after", "move")
    _fields: ClassVar[tuple[str, ...]] = (
        "theme",
        "direction",
        "shift",
        "before_report",
        "before_position",
        "before_title",
        "before_title_en",
        "before_source",
        "before_start",
        "before_end",
        "before_secondary",
        "before_subtask",
        "after_report",
        "after_position",
        "after_title",
        "after_title_en",
        "after_source",
        "after_start",
        "after_end",
        "after_secondary",
        "after_subtask",
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
            "before_title_en": None if self.before is None else english_text(self.before.english),
        }
        record.update(_span_record("before_", None if self.before is None else self.before.span))
        record["before_secondary"] = self.before_secondary
        record["before_subtask"] = self.before_subtask
        record["after_report"] = self.after_report
        record["after_position"] = self.after_position
        record["after_title"] = None if self.after is None else self.after.title
        record["after_title_en"] = None if self.after is None else english_text(self.after.english)
        record.update(_span_record("after_", None if self.after is None else self.after.span))
        record["after_secondary"] = self.after_secondary
        record["after_subtask"] = self.after_subtask
        return record

    def _cells(self) -> list[str]:
        return self._cells_in("zh")

    def _cells_en(self) -> list[str]:
        return self._cells_in("en")

    def _cells_in(self, lang: Lang) -> list[str]:
        def side(task: Task | None, holder: int | None, subtask: int | None) -> str:
            if task is not None:
                return f"{task.number}. {task.title if lang == 'zh' else in_english(task.title, task.english)}"
            if holder is None:
                return "—"
            if subtask is not None:
                return f"— (sub-task {subtask} of task {holder})"
            return f"— (secondary theme of task {holder})"

        move: str = self.direction
        if self.shift:
            move = f"{self.direction} ({self.before_position} → {self.after_position})"
        theme = self.theme
        if lang == "en":
            from .._data._lookup import themes

            theme = next((t.name_en for t in themes() if t.key == self.theme), self.theme)
        return [
            theme,
            side(self.before, self.before_secondary, self.before_subtask),
            side(self.after, self.after_secondary, self.after_subtask),
            move,
        ]


def _by_theme(report: Report) -> dict[str, list[Task]]:
    themes: dict[str, list[Task]] = {}
    for task in sorted(report.tasks, key=lambda t: t.number):
        if task.theme is not None:
            themes.setdefault(task.theme, []).append(task)
    return themes


def compare_tasks(
    a: int | str | Report, b: int | str | Report, kind: str = "gwr", *, lang: str = "zh"
) -> Results[TaskMove]:
    """Compare the order of the numbered tasks of two reports, theme by theme.

    One row per primary theme, in the order of ``b``'s tasks, then the themes only ``a`` has.
    Where a report has two tasks with the same primary theme, the first is paired with the
    first and the second with the second (two rows with the same theme). Tasks without a theme
    are left out. ``direction`` is ``up`` where the theme moved toward the front (third → first),
    ``down`` where it moved back, ``same``. Where only one report has a task of its own on the
    theme, the other is searched for a task that holds it all the same, as its secondary theme or
    as the theme of a sub-task (2025's 维护国家安全和社会稳定, sub-task 5 of task 10, holds
    ``security``): ``folded`` where ``b`` holds it inside another task, ``unfolded`` where ``a``
    did and ``b`` gives it a task of its own. Otherwise ``new`` / ``dropped`` where only ``b`` /
    only ``a`` has it, and ``not_stated`` where the report without it is known only from a summary.

    Args:
        a: the earlier report: a year (``2024``), a report id (``"plan-2024"``) or a :class:`Report`.
        b: the later report, the same way.
        kind: the kind of report a year stands for: ``"gwr"`` (default) or ``"plan"``.
        lang: ``"en"`` shows each task's title in its official English (2008–2022; the Chinese
            marked ``[zh]`` where there is none); the records hold both (``before_title_en``...).

    Returns:
        :class:`Results` of :class:`TaskMove` rows, indexable by theme.

    Raises:
        NotFoundError: no report for a year or id, or a report has no tasks in the data.
        InvalidArgumentError: ``kind`` is neither ``"gwr"`` nor ``"plan"``, or ``lang`` is
            neither ``"zh"`` nor ``"en"``.
        InvalidTypeError: a report is given as something other than an int, str or Report.

    >>> import gwr
    >>> row = gwr.compare_tasks("plan-2024", 2025)["security"]
    >>> row.before_position, row.direction, row.after_secondary, row.after_subtask
    (9, 'folded', 10, 5)
    >>> gwr.compare_tasks(2024, 1970)
    Traceback (most recent call last):
    gwr.NotFoundError: no report 'gwr-1970'...
    """
    shown = check_lang(lang)
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
    return Results(rows, TaskMove, f"{before.id} → {after.id}: tasks by theme", lang=shown)


def _order_of_after(row: TaskMove) -> tuple[int, int]:
    if row.after_position is not None:
        return (0, row.after_position)
    return (1, row.before_position or 0)


def _task_move(theme: str, before: Task | None, after: Task | None, a: Report, b: Report) -> TaskMove:
    direction: TaskDirection
    shift: int | None = None
    held_before = (None, None) if before is not None else _holder(a, theme)
    held_after = (None, None) if after is not None else _holder(b, theme)
    if before is None:
        direction = "unfolded" if held_before[0] is not None else _missing(a) or "new"
    elif after is None:
        direction = "folded" if held_after[0] is not None else _missing(b) or "dropped"
    else:
        shift = before.number - after.number
        direction = "up" if shift > 0 else "down" if shift < 0 else "same"
    return TaskMove(
        before_secondary=held_before[0],
        after_secondary=held_after[0],
        before_subtask=held_before[1],
        after_subtask=held_after[1],
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


def _holder(report: Report, theme: str) -> tuple[int | None, int | None]:
    """The task of ``report`` that holds ``theme`` without it being its primary theme, and the
    sub-task that does (``None`` where the task has it as its secondary theme): ``(None, None)``
    where no task does. A secondary theme comes before a sub-task's theme."""
    tasks = sorted(report.tasks, key=lambda t: t.number)
    for task in tasks:
        if task.secondary_theme == theme:
            return task.number, None
    for task in tasks:
        for subtask in task.subtasks:
            if theme in (subtask.theme, subtask.secondary_theme):
                return task.number, subtask.number
    return None, None
