"""A report known only from a summary: the pieces of a scrambled layout, placed by quote.

The summary of the 2025 report (source 000) is text extracted from an infographic: its blocks
are out of order, task headings stand before or after their ● blocks, numbers are drawn twice or
not at all. No parser can put that back together, so the annotation file
``annotations/summaries/<report id>.toml`` (its header explains the format) says where each
piece is, by quote. This module finds every quote exactly once and builds:

* the **outline**: a :class:`~gwr.Section` of kind ``"block"`` per block, in the order the
  annotation lists them, then one per task (titled, numbered, with its heading as drawn) whose
  children are its ● blocks;
* the **tasks**: a :class:`~gwr.Task` per task, whose sub-tasks are its ● blocks, numbered from
  1 in order and titled by their heading; a task's span runs from its first ● block or its title
  (whichever comes first in the text) to the last;
* the **measures**: every sentence of a ● block (split after 。！？；, and at line ends) is a
  :class:`~gwr.Measure` of its sub-task; every sentence of a ``"text"`` block is a measure of the
  report; quantities inside a ``quantity_keys`` quote of the report annotation carry its key;
* the **outcomes**: the report annotation's ``outcomes``, each quoted inside a ``"text"`` block.

The pieces may not overlap, and together they must cover every character of the summary but
line breaks, so that nothing is left unplaced. What the summary does not state is not made up:
a target, outcome or task it does not have is simply absent from the report.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import attrs

from .._model._provenance import span_at
from .._model._records import Indicator, Measure, Outcome, Section, Span, Task
from .._reading._outline import Content, measure_at, outcome_at, sentences_of
from .annotations import AnnotationError, OutcomeNote, ReportNote, load

if TYPE_CHECKING:
    from collections.abc import Callable

    from .generate import Corpus

    _Measures = Callable[[int, int], tuple[Measure, ...]]

Role = Literal["text", "targets", "label", "repeat"]


@attrs.frozen
class BlockNote:
    """A block from ``quote`` to the end of ``to`` (the first after it; default: ``quote`` alone)."""

    quote: str
    role: Role
    to: str | None = None
    prefix: str | None = None
    title: str | None = None


@attrs.frozen
class SubtaskNote:
    """A ● block, placed by its heading: ``title`` is the text after ●; ``theme`` where it is
    not its task's own (a theme folded into another task)."""

    title: str
    prefix: str | None = None
    theme: str | None = None
    secondary_theme: str | None = None


@attrs.frozen
class SummaryTaskNote:
    """A task: its title as the report states it, its number as drawn, its themes, its ● blocks."""

    number: int
    title: str
    written: str
    theme: str
    subtasks: tuple[SubtaskNote, ...]
    written_after: str | None = None
    secondary_theme: str | None = None
    prefix: str | None = None


@attrs.frozen
class SummaryFile:
    document: str
    blocks: tuple[BlockNote, ...]
    tasks: tuple[SummaryTaskNote, ...]


@attrs.frozen
class _Piece:
    start: int
    end: int
    what: str


class _Layout:
    """The pieces placed in one document so far, and the finding of quotes in it."""

    def __init__(self, path: Path, source_id: str, text: str, start: int, end: int) -> None:
        self.path = path
        self.source_id = source_id
        self.text = text
        self.start = start
        self.end = end
        self.pieces: list[_Piece] = []

    def error(self, message: str) -> AnnotationError:
        return AnnotationError(f"{self.path}: {message}")

    def find(self, what: str, pattern: str, shown: str, prefix: str | None = None) -> re.Match[str]:
        """The one match of ``pattern`` in the document (after ``prefix``, where given)."""
        matches = list(re.compile(pattern).finditer(self.text, self.start, self.end))
        if prefix is not None:
            matches = [m for m in matches if self.text[: m.start()].endswith(prefix)]
        if len(matches) != 1:
            found = "not found" if not matches else f"found {len(matches)} times (give a prefix)"
            after = f" after prefix {prefix!r}" if prefix is not None else ""
            raise self.error(f"{what}: quote {shown!r}{after} {found} in document [{self.start}, {self.end})")
        return matches[0]

    def quote(self, what: str, quote: str, prefix: str | None = None) -> re.Match[str]:
        return self.find(what, re.escape(quote), quote, prefix)

    def title(self, what: str, title: str, prefix: str | None = None) -> re.Match[str]:
        """A title as the report states it, where a comma of it may be drawn as a line break."""
        pattern = "".join("[，\n]" if c == "，" else re.escape(c) for c in title)
        return self.find(what, pattern, title, prefix)

    def place(self, start: int, end: int, what: str) -> None:
        self.pieces.append(_Piece(start, end, what))

    def extend_blocks(self, starts: tuple[int, ...]) -> dict[int, int]:
        """Extend the pieces starting at ``starts`` (● headings) to the next piece; their ends."""
        ends = {}
        for index, piece in enumerate(self.pieces):
            if piece.start in starts:
                following = min((p.start for p in self.pieces if p.start > piece.start), default=self.end)
                end = piece.start + len(self.text[piece.start : following].rstrip())
                self.pieces[index] = attrs.evolve(piece, end=end)
                ends[piece.start] = end
        return ends

    def check_cover(self) -> None:
        """The pieces must not overlap and must cover every character but line breaks."""
        pieces = sorted(self.pieces, key=lambda p: (p.start, p.end))
        for first, second in itertools.pairwise(pieces):
            if second.start < first.end:
                raise self.error(f"{first.what} and {second.what} overlap at {second.start}")
        left: list[str] = []
        at = self.start
        for piece in [*pieces, _Piece(self.end, self.end, "end")]:
            gap = self.text[at : piece.start].strip()
            if gap:
                left.append(gap)
            at = max(at, piece.end)
        if left:
            raise self.error(f"text that no block, task heading or ● block places: {left[:5]}")

    def span(self, start: int, end: int) -> Span:
        return span_at(self.source_id, self.text, start, end)


@attrs.frozen
class _PlacedTask:
    note: SummaryTaskNote
    title: re.Match[str]
    heading_start: int  # where the heading as drawn starts (its number included, where it is adjacent)
    number: tuple[int, int] | None  # the number drawn apart from the heading
    subtasks: tuple[tuple[SubtaskNote, int], ...]  # each ● heading and where it starts


def build_summary(note: ReportNote, corpus: Corpus, path: Path, indicators: tuple[Indicator, ...] = ()) -> Content:
    """The outline, tasks, measures and outcomes of the report ``note`` from its summary file ``path``;
    a measure's quantities carry the keys the reader's rule finds (``indicators``), then those the
    annotation names by quote."""
    summary = load(path, SummaryFile)
    if note.completeness != "summary":
        raise AnnotationError(
            f"{path}: report {note.id} has a summary file but its completeness is {note.completeness!r}"
        )
    if note.tasks:
        raise AnnotationError(f"{path}: the tasks of a summary (and their themes) are given in the summary file only")
    source_id, document = corpus.document(summary.document)
    layout = _Layout(path, source_id, corpus.texts[source_id], document.start, document.end)
    blocks = [_place_block(layout, block) for block in summary.blocks]
    tasks = _place_tasks(layout, summary.tasks)
    ends = layout.extend_blocks(tuple(start for task in tasks for _, start in task.subtasks))
    layout.check_cover()
    _check_blocks(layout, summary.blocks, blocks, note)
    keys = _quantity_keys(layout, note)
    used: set[int] = set()

    def measures(start: int, end: int) -> tuple[Measure, ...]:
        return tuple(
            _measure(layout, s.start, s.end, keys, used, indicators)
            for s in sentences_of(source_id, layout.text, start, end)
        )

    report_measures = [
        m
        for block, (start, end) in zip(summary.blocks, blocks, strict=True)
        if block.role == "text"
        for m in measures(start, end)
    ]
    built = [_task(layout, placed, ends, measures) for placed in tasks]
    unused = [k.quote for i, k in enumerate(note.quantity_keys) if i not in used]
    if unused:
        raise AnnotationError(f"{path}: quantity keys whose quote is in no measure: {unused}")
    text_blocks = [(s, e) for b, (s, e) in zip(summary.blocks, blocks, strict=True) if b.role == "text"]
    outcomes = tuple(_outcome(layout, o, note, text_blocks) for o in note.outcomes)
    outline = [
        Section(kind="block", number=None, title=block.title, span=layout.span(start, end))
        for block, (start, end) in zip(summary.blocks, blocks, strict=True)
    ]
    return Content(
        outcomes=outcomes,
        tasks=tuple(task for task, _ in built),
        measures=tuple(report_measures),
        outline=(*outline, *(section for _, section in built)),
    )


def _place_block(layout: _Layout, block: BlockNote) -> tuple[int, int]:
    what = f"block {block.quote!r}"
    start = layout.quote(what, block.quote, block.prefix).start()
    end = start + len(block.quote)
    if block.to is not None:
        at = layout.text.find(block.to, start, layout.end)
        if at < 0 or at + len(block.to) < end:
            raise layout.error(f"{what}: its end {block.to!r} is not found after it")
        end = at + len(block.to)
    if block.title is not None and block.title not in layout.text[start:end]:
        raise layout.error(f"{what}: its title {block.title!r} is not in it")
    layout.place(start, end, what)
    return start, end


def _place_tasks(layout: _Layout, notes: tuple[SummaryTaskNote, ...]) -> list[_PlacedTask]:
    numbers = [t.number for t in notes]
    if numbers != list(range(1, len(notes) + 1)):
        raise layout.error(f"the tasks must be numbered 1, 2, 3... in the report's order, not {numbers}")
    placed = []
    for task in notes:
        what = f"task {task.number}"
        title = layout.title(what, task.title, task.prefix)
        heading_start = title.start()
        number = None
        if task.written and task.written not in (str(task.number), str(task.number) * 2):
            raise layout.error(f"{what}: the number is drawn as {task.written!r}, which does not read {task.number}")
        if task.written_after is not None:
            after = layout.quote(f"{what} written_after", task.written_after)
            at = after.end()
            if not task.written or layout.text[at : at + len(task.written)] != task.written:
                raise layout.error(f"{what}: {task.written!r} is not drawn right after {task.written_after!r}")
            number = (at, at + len(task.written))
            layout.place(*number, f"{what} number")
        elif task.written:
            heading_start -= len(task.written)
            drawn = layout.text[heading_start : title.start()]
            if drawn != task.written or layout.text[heading_start - 1].isdigit():
                raise layout.error(f"{what}: {task.written!r} is not drawn right before its title")
        elif layout.text[title.start() - 1].isdigit():
            raise layout.error(f"{what}: a number is drawn before its title, but `written` is empty")
        layout.place(heading_start, title.end(), f"{what} heading")
        subtasks = []
        for sub in task.subtasks:
            at = layout.quote(f"{what} ● {sub.title!r}", "●" + sub.title, sub.prefix).start()
            if layout.text[at + 1 + len(sub.title) : at + 2 + len(sub.title)] not in ("\n", ""):
                raise layout.error(f"{what} ● {sub.title!r}: the heading goes on after the title (not found as a line)")
            layout.place(at, at + 1 + len(sub.title), f"{what} ● {sub.title!r}")
            subtasks.append((sub, at))
        placed.append(_PlacedTask(task, title, heading_start, number, tuple(subtasks)))
    return placed


def _check_blocks(
    layout: _Layout, notes: tuple[BlockNote, ...], blocks: list[tuple[int, int]], note: ReportNote
) -> None:
    """A pull-quote must repeat text stated elsewhere; every target must stand in a targets block."""
    for block, (start, end) in zip(notes, blocks, strict=True):
        if block.role == "repeat":
            quote = layout.text[start:end]
            others = [
                m.start()
                for m in re.finditer(re.escape(quote), layout.text[layout.start : layout.end])
                if m.start() + layout.start != start
            ]
            if not others:
                raise layout.error(f"pull-quote {quote!r} repeats nothing: the summary states it nowhere else")
    targets = [layout.text[s:e] for b, (s, e) in zip(notes, blocks, strict=True) if b.role == "targets"]
    if note.targets is None:
        raise layout.error("a summary names its targets by quote ([targets]): it has no targets passage to find")
    for item in note.targets.items:
        if not any(item.quote in block for block in targets):
            raise layout.error(f"target {item.key} {item.quote!r} is in no block of role 'targets'")


def _quantity_keys(layout: _Layout, note: ReportNote) -> list[tuple[int, int, str]]:
    keys = []
    for key in note.quantity_keys:
        match = layout.quote(f"quantity key {key.key}", key.quote, key.prefix)
        keys.append((match.start(), match.end(), key.key))
    return keys


def _measure(
    layout: _Layout,
    start: int,
    end: int,
    keys: list[tuple[int, int, str]],
    used: set[int],
    indicators: tuple[Indicator, ...],
) -> Measure:
    from .._reading._targets import key_quantities

    measure = measure_at(layout.source_id, layout.text, start, end)
    quantities = list(
        key_quantities(measure.text, measure.quantities, indicators) if indicators else measure.quantities
    )
    for index, (key_start, key_end, key) in enumerate(keys):
        if not (start <= key_start and key_end <= end):
            continue
        hits = [i for i, q in enumerate(quantities) if key_start <= start + q.start and start + q.end <= key_end]
        if not hits:
            raise layout.error(f"quantity key {key}: no quantity in {layout.text[key_start:key_end]!r}")
        for i in hits:
            quantities[i] = attrs.evolve(quantities[i], indicator=key)
        used.add(index)
    return attrs.evolve(measure, quantities=tuple(quantities))


def _task(layout: _Layout, placed: _PlacedTask, ends: dict[int, int], measures: _Measures) -> tuple[Task, Section]:
    subtasks: list[Task] = []
    sections: list[Section] = []
    for number, (sub, start) in enumerate(placed.subtasks, 1):
        heading_end = start + 1 + len(sub.title)
        end = ends[start]
        items = measures(heading_end, end)
        if not items:
            raise layout.error(f"task {placed.note.number} ● {sub.title!r} holds no measure")
        span = layout.span(start, end)
        subtasks.append(
            Task(
                number=number,
                title=sub.title,
                theme=sub.theme,
                secondary_theme=sub.secondary_theme,
                subtasks=(),
                measures=items,
                span=span,
            )
        )
        sections.append(
            Section(kind="block", number=number, title=sub.title, span=span, heading=layout.span(start, heading_end))
        )
    title = placed.title
    starts = [title.start(), *(s.span.start for s in subtasks)]
    stops = [title.end(), *(s.span.end for s in subtasks)]
    task = Task(
        number=placed.note.number,
        title=placed.note.title,
        theme=placed.note.theme,
        secondary_theme=placed.note.secondary_theme,
        subtasks=tuple(subtasks),
        measures=(),
        span=layout.span(min(starts), max(stops)),
    )
    outer = [placed.heading_start, *starts] + ([placed.number[0]] if placed.number else [])
    outer_ends = [*stops] + ([placed.number[1]] if placed.number else [])
    section = Section(
        kind="block",
        number=placed.note.number,
        title=placed.note.title,
        span=layout.span(min(outer), max(outer_ends)),
        heading=layout.span(placed.heading_start, title.end()),
        children=tuple(sections),
    )
    return task, section


def _outcome(layout: _Layout, o: OutcomeNote, note: ReportNote, text_blocks: list[tuple[int, int]]) -> Outcome:
    match = layout.quote(f"outcome {o.key}", o.quote, o.prefix)
    if not any(s <= match.start() and match.end() <= e for s, e in text_blocks):
        raise layout.error(f"outcome {o.key} {o.quote!r} is in no block of role 'text'")
    year = o.year if o.year is not None else note.year - 1
    try:
        return outcome_at(layout.source_id, layout.text, match.start(), match.end(), o.key, year)
    except ValueError as error:
        raise layout.error(str(error)) from None
