"""Flat views of one report: every target, outcome, measure or quantity as a row, and a task's text.

- :meth:`gwr.Report.table` (implemented by :func:`report_table`): a :class:`~gwr.Results` of
  :class:`Item` rows, each with where it sits in the report (its path, task number and
  sub-task) and the quote and span behind it, ready for ``to_records()`` / ``to_dataframe()``.
- :meth:`gwr.Task.passages` (:func:`task_passages`): the task's text as spans in reading order,
  with the passages only a second witness has set in where that witness has them.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Literal

import attrs

from .._model._errors import InvalidArgumentError, InvalidTypeError
from .._model._records import English, Measure, Outcome, Quantity, Report, Span, Target, Task
from ._results import Lang, Results, _Row, english_text, in_english, indicator_name, readable

if TYPE_CHECKING:
    from .._model._records import Qualifier

__all__ = ["TABLES", "Item", "ItemKind", "report_table", "task_passages"]

ItemKind = Literal["target", "outcome", "measure", "quantity"]
"""What an :class:`Item` row is."""

TABLES: dict[str, ItemKind] = {
    "targets": "target",
    "outcomes": "outcome",
    "measures": "measure",
    "quantities": "quantity",
}
"""The tables :meth:`gwr.Report.table` gives, each named by the plural of its rows' kind."""


@attrs.frozen
class Item(_Row):
    """One target, outcome, measure or quantity of a report, with where it sits (a row of
    :meth:`Report.table`).

    ``path`` names the item inside the report the way :meth:`Report.iter_items` does
    (``tasks[2].subtasks[1].measures[1]``; a quantity adds ``.quantities[0]``, or ``.quantity``
    for a target's or outcome's own). ``task`` is the number of the task it belongs to and
    ``subtask`` the position of its sub-task under that task, counted from 1 (``"2"``, or
    ``"2.1"`` for a sub-task of a sub-task), with the sub-task's ``subtask_title``; all three are
    ``None`` outside the tasks. ``text`` is the item as written; ``span`` locates ``text`` in its
    source (for a quantity: the number itself), and ``quote`` is the whole clause it was read
    from (for a quantity: its measure, target or outcome; otherwise ``span``). ``english`` is the
    official English of the item (for a quantity: of the clause it is read from), 2008–2022:
    ``text_en`` and the ``en_`` span of its words in the translation in the records.

    >>> import gwr
    >>> rows = gwr.report(2024).table("quantities")
    >>> row = next(r for r in rows if r.text == "7000亿元")
    >>> row.task, row.subtask, row.subtask_title, row.key
    (3, '2', '积极扩大有效投资', 'central_budget_investment')
    >>> row.value, row.unit, row.quote.exact
    (Decimal('700000000000'), 'CNY', '今年中央预算内投资拟安排7000亿元。')
    >>> gwr.source(row.span.source).normalized[row.span.start : row.span.end]
    '7000亿元'
    """

    report: str
    kind: ItemKind
    path: str
    task: int | None
    subtask: str | None
    subtask_title: str | None
    key: str | None
    year: int | None
    text: str
    quantity: Quantity | None
    qualifier: Qualifier | None
    quantities: int
    span: Span
    quote: Span
    english: English | None = None

    _columns: ClassVar[tuple[str, ...]] = ("kind", "where", "key", "value", "text")
    _columns_en: ClassVar[tuple[str, ...] | None] = ("kind", "where", "indicator", "value", "official English")
    _fields: ClassVar[tuple[str, ...]] = (
        "report",
        "kind",
        "path",
        "task",
        "subtask",
        "subtask_title",
        "key",
        "year",
        "text",
        "text_en",
        "value",
        "upper",
        "unit",
        "qualifier",
        "change",
        "relative_to",
        "quantities",
        "source",
        "start",
        "end",
        "quote",
        "quote_start",
        "quote_end",
        "en_source",
        "en_start",
        "en_end",
    )

    @property
    def value(self) -> Decimal | None:
        """The exact number (``quantity.value``), or ``None`` where the item states none."""
        return None if self.quantity is None else self.quantity.value

    @property
    def unit(self) -> str | None:
        """The unit code of the number, or ``None``."""
        return None if self.quantity is None else self.quantity.unit

    @property
    def text_en(self) -> str | None:
        """The official English of the item (of a quantity's clause), or ``None`` where the data has none."""
        return english_text(self.english)

    def to_record(self) -> dict[str, object]:
        """The row as a plain dict: where it sits, the number, the spans of text and quote, and the
        official English with the span of its words in the translation (``en_source``...)."""
        quantity = self.quantity
        words = None if self.english is None else self.english.words
        return {
            "report": self.report,
            "kind": self.kind,
            "path": self.path,
            "task": self.task,
            "subtask": self.subtask,
            "subtask_title": self.subtask_title,
            "key": self.key,
            "year": self.year,
            "text": self.text,
            "text_en": self.text_en,
            "value": None if quantity is None else quantity.value,
            "upper": None if quantity is None else quantity.upper,
            "unit": None if quantity is None else quantity.unit,
            "qualifier": self.qualifier,
            "change": None if quantity is None else quantity.change,
            "relative_to": None if quantity is None else quantity.relative_to,
            "quantities": self.quantities,
            "source": self.span.source,
            "start": self.span.start,
            "end": self.span.end,
            "quote": self.quote.exact,
            "quote_start": self.quote.start,
            "quote_end": self.quote.end,
            "en_source": None if words is None else words.source,
            "en_start": None if words is None else words.start,
            "en_end": None if words is None else words.end,
        }

    def _cells_en(self) -> list[str]:
        text = in_english(self.quote.exact if self.kind == "quantity" else self.text, self.english)
        if self.kind == "quantity":
            text = f"{self.text} in: {text}"
        text = text if len(text) <= 100 else text[:99] + "…"
        key = "" if self.key is None else indicator_name(self.key)
        return [self.kind, self._where(), key, self._value("en"), text]

    def _cells(self) -> list[str]:
        text = self.text if len(self.text) <= 60 else self.text[:59] + "…"
        return [self.kind, self._where(), self.key or "", self._value("zh"), text]

    def _where(self) -> str:
        where = "" if self.task is None else f"task {self.task}"
        if self.subtask is not None:
            where += f".{self.subtask}"
        return where or self.path

    def _value(self, lang: Lang) -> str:
        quantity = self.quantity
        value = ""
        if quantity is not None:
            value = readable(quantity.value, None if quantity.upper is not None else quantity.unit, lang=lang)
            if quantity.upper is not None:
                value += "–" + readable(quantity.upper, quantity.unit, lang=lang)
            if quantity.change in ("increase", "decrease"):
                value = ("+" if quantity.change == "increase" else "−") + value
        elif self.kind == "measure":
            value = f"({self.quantities} quantit{'y' if self.quantities == 1 else 'ies'})"
        return value


_Place = tuple[str, int | None, str | None, str | None]
"""Where an item sits: (path, task number, sub-task position, sub-task title)."""


def _measures(report: Report) -> Iterator[tuple[_Place, Measure]]:
    for i, measure in enumerate(report.measures):
        yield (f"measures[{i}]", None, None, None), measure
    for t, task in enumerate(report.tasks):
        yield from _task_measures(f"tasks[{t}]", task, task.number, None, None)


def _task_measures(
    path: str, task: Task, number: int, position: str | None, title: str | None
) -> Iterator[tuple[_Place, Measure]]:
    for j, measure in enumerate(task.measures):
        yield (f"{path}.measures[{j}]", number, position, title), measure
    for k, subtask in enumerate(task.subtasks):
        below = str(k + 1) if position is None else f"{position}.{k + 1}"
        yield from _task_measures(f"{path}.subtasks[{k}]", subtask, number, below, subtask.title)


def _quantity_span(item: Target | Outcome | Measure, quantity: Quantity) -> Span:
    """The span of ``quantity`` itself in its source (``quantity.start`` counts in the item's text)."""
    span = item.span
    start, end = span.start + quantity.start, span.start + quantity.end
    exact = span.exact[quantity.start : quantity.end]
    # prefix and suffix as far as the item's own quote reaches them (the clause is what is quoted)
    prefix = (span.prefix + span.exact[: quantity.start])[-16:]
    suffix = (span.exact[quantity.end :] + span.suffix)[:16]
    return Span(source=span.source, start=start, end=end, exact=exact, prefix=prefix, suffix=suffix)


def _quantity_row(report: Report, place: _Place, item: Target | Outcome | Measure, quantity: Quantity) -> Item:
    path, task, subtask, title = place
    year = item.year if isinstance(item, (Target, Outcome)) else None
    key = quantity.indicator
    if key is None and isinstance(item, (Target, Outcome)) and item.quantity is quantity:
        key = item.key
    return Item(
        report=report.id,
        kind="quantity",
        path=path,
        task=task,
        subtask=subtask,
        subtask_title=title,
        key=key,
        year=year,
        text=quantity.text,
        quantity=quantity,
        qualifier=quantity.qualifier,
        quantities=1,
        span=_quantity_span(item, quantity),
        quote=item.span,
        english=item.english,
    )


def _rows(report: Report, kind: ItemKind) -> Iterator[Item]:
    none: _Place = ("", None, None, None)
    if kind in ("target", "outcome"):
        items: tuple[Target | Outcome, ...] = report.targets if kind == "target" else report.outcomes
        for i, item in enumerate(items):
            yield Item(
                report=report.id,
                kind=kind,
                path=f"{kind}s[{i}]",
                task=None,
                subtask=None,
                subtask_title=None,
                key=item.key,
                year=item.year,
                text=item.text,
                quantity=item.quantity,
                qualifier=item.qualifier,
                quantities=0 if item.quantity is None else 1,
                span=item.span,
                quote=item.span,
                english=item.english,
            )
        return
    if kind == "measure":
        for (path, task, subtask, title), measure in _measures(report):
            yield Item(
                report=report.id,
                kind="measure",
                path=path,
                task=task,
                subtask=subtask,
                subtask_title=title,
                key=None,
                year=None,
                text=measure.text,
                quantity=None,
                qualifier=None,
                quantities=len(measure.quantities),
                span=measure.span,
                quote=measure.span,
                english=measure.english,
            )
        return
    plain_items: tuple[tuple[str, tuple[Target | Outcome, ...]], ...] = (
        ("targets", report.targets),
        ("outcomes", report.outcomes),
    )
    for name, plain in plain_items:
        for i, plain_item in enumerate(plain):
            if plain_item.quantity is not None:
                place = (f"{name}[{i}].quantity", *none[1:])
                yield _quantity_row(report, place, plain_item, plain_item.quantity)
    for (path, task, subtask, title), measure in _measures(report):
        for q, quantity in enumerate(measure.quantities):
            yield _quantity_row(report, (f"{path}.quantities[{q}]", task, subtask, title), measure, quantity)


def report_table(report: Report, what: str, lang: Lang = "zh") -> Results[Item]:
    """The implementation of :meth:`gwr.Report.table`."""
    if not isinstance(what, str):
        raise InvalidTypeError(f"a table is named by a str ({', '.join(TABLES)}), not {type(what).__name__}")
    kind = TABLES.get(what.strip().lower())
    if kind is None:
        raise InvalidArgumentError(f"no table {what!r}; the tables are {', '.join(repr(t) for t in TABLES)}")
    rows = list(_rows(report, kind))
    title = f"{report.id}: {len(rows)} {kind if len(rows) == 1 else what.strip().lower()}"
    return Results(rows, Item, title, lang=lang)


# --------------------------------------------------------------------------------------------
# A task's text across witnesses
# --------------------------------------------------------------------------------------------


def _pieces(task: Task) -> Iterator[tuple[Span, bool]]:
    """The task's measures and sub-tasks in reading order, each with whether it is a whole unit
    (a sub-task taken as a unit because it comes from another source than the task)."""
    for measure in task.measures:
        yield measure.span, False
    for subtask in task.subtasks:
        if subtask.span.source != task.span.source:
            yield subtask.span, True
            continue
        yield subtask.span, False
        yield from _pieces(subtask)


def task_passages(task: Task) -> tuple[Span, ...]:
    """The implementation of :meth:`gwr.Task.passages`."""
    from .._data import _db
    from .._model._provenance import span_at

    primary = task.span.source
    text = _db.default().normalized(primary).text
    # a figure cited from a text that is not bundled (gwr-2025's full text) is a fact, not a passage
    cited = {s.id for s in _db.default().sources() if not s.bundled}
    pieces = [piece for piece in _pieces(task) if piece[0].source not in cited]
    # each passage of another witness goes in before the next passage of the task's own source
    # (the generator merged it there), or at the end of the task
    inserts: list[tuple[int, Span]] = []
    pending: list[Span] = []
    for span, _ in pieces:
        if span.source == primary:
            inserts.extend((span.start, other) for other in pending)
            pending = []
        else:
            pending.append(span)
    inserts.extend((task.span.end, other) for other in pending)
    passages: list[Span] = []
    cursor = task.span.start
    for at, other in inserts:
        at = max(cursor, min(at, task.span.end))
        if at > cursor:
            passages.append(span_at(primary, text, cursor, at))
            cursor = at
        previous = passages[-1] if passages else None
        if previous is not None and previous.source == other.source and _adjacent(previous, other):
            other_text = _db.default().normalized(other.source).text
            passages[-1] = span_at(other.source, other_text, previous.start, other.end)
        else:
            passages.append(other)
    if cursor < task.span.end or not passages:
        passages.append(span_at(primary, text, cursor, task.span.end))
    return tuple(passages)


def _adjacent(first: Span, second: Span) -> bool:
    """Whether ``second`` follows ``first`` in their source with nothing but whitespace between."""
    if second.start < first.end:
        return False
    from .._data import _db

    return not _db.default().normalized(first.source).text[first.end : second.start].strip()
