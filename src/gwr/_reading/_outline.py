"""The reader: turns the normalized text of a report into its outline, tasks and measures.

A text is read as a stream of paragraphs (lines of the normalized text), each split into
sentences. The rules, in the order they are tried on a paragraph, hold for every era and kind
of report (national, plan, provincial):

* Before the first part, every short line that is not a sentence, down to the first salutation
  (``各位代表：``), is a **heading** (the title, date, speaker lines); the first sentence ends
  the header (an abstract that starts with its text has none).
* ``一、...`` (short, no full stop), numbered in sequence: a **part** heading (a ``一、`` list
  inside a part does not continue the sequence and is read as items).
* A salutation (``各位代表！`` / ``各位代表：``) once the last part has had an area or item: a
  **closing** passage (the government-building, defence, Hong Kong/Macao/Taiwan and foreign-policy
  passages after the tasks); elsewhere a **heading** of the current section, without a title (a
  salutation is not a title).
* ``（一）...``: an **area**; its first sentence is its heading. In the task part an area is a
  :class:`~gwr.Task`.
* ``一是...``, or ``——...`` inside a part: an **item** of the current area (or part); its first
  sentence is its heading. An item is one paragraph, except inside an area whose items are
  ``一是`` items, where the paragraphs after an item continue it.
* In the task part, inside an area that has no ``一是`` items, every paragraph is a
  **sub-area** item whose first sentence is its heading (the Government Work Report's layout).
* Any other paragraph is a **paragraph** of the current area or part.

The **task part** is the part with the most areas after the targets passage (the first such
part on a tie; with no targets found, the first part after the review that has areas). A report
with no such part but with parts after the one holding its targets (the 2015 layout, and the
1990s') gives its tasks as those parts: each part is a task and each of its paragraphs a sub-task
titled by its lead sentence; with no targets found, a text of five parts or more numbered from 一、
(2000-2002) gives its tasks as its parts, less a first part that reviews the past (回顾); and where
the areas after the targets spread over two parts or more after the one holding the targets
(2005, 2007: 三、四、五、 each with its own （一）…), the parts after the targets are the tasks and
their areas sub-tasks. The part
holding the targets is a task too unless its title frames the year's work (总体部署, 总体要求,
政策取向, 建议, 奋斗目标: 2015's 二、2015年工作总体部署 is not a task, 1993's
二、争取国民经济再上一个新台阶 is).

Every sentence that is not a heading becomes a :class:`~gwr.Measure` with its quantities: under
the innermost task where there is one, otherwise in ``Report.measures``. Sentences that state a
target, or belong to a target's rationale, are left to the target.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

import attrs

from .._model._provenance import span_at
from .._model._records import Measure, Outcome, Section, SectionKind, Span, Target, Task
from ._quantities import parse_quantities

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_PART = re.compile(r"([一二三四五六七八九十]+)、")
_AREA = re.compile(r"（([一二三四五六七八九十]+)）")
_ITEM = re.compile(r"([一二三四五六七八九十]+)是")
_BULLET = re.compile(r"——")
_SALUTATION = re.compile(r"各位代表[！：!:]$")
_SENTENCE = re.compile(r"[^。！？；]+(?:[。！？；]+[”’」』）]*)?|[。！？；]+")
_PART_MAX_LENGTH = 60
_PARTS_AS_TASKS = 5
"""With no targets found and no areas, a text of this many parts or more (numbered from 一、) gives
its tasks as its parts, less a first part that reviews the past (回顾)."""
_REVIEW = re.compile(r"回顾")


def chinese_number(numeral: str) -> int:
    """The value of a Chinese numeral up to 99 (十一 → 11, 二十 → 20)."""
    if "十" not in numeral:
        return _NUMERALS[numeral]
    tens, _, units = numeral.partition("十")
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[units] if units else 0)


@attrs.frozen
class Sentence:
    """A sentence of a source's normalized text; ``opens_paragraph`` where it starts a line."""

    source: str
    start: int
    end: int
    text: str
    opens_paragraph: bool


@attrs.frozen
class Content:
    """The body of a report beyond its targets: outcomes, tasks, measures and outline."""

    outcomes: tuple[Outcome, ...] = ()
    tasks: tuple[Task, ...] = ()
    measures: tuple[Measure, ...] = ()
    outline: tuple[Section, ...] = ()


QuantityKeyer = Callable[[Sentence, Measure], Measure]
"""Gives the quantities of a measure the indicator keys they state (the identity where none)."""


def sentences_of(source_id: str, text: str, start: int, end: int) -> list[Sentence]:
    """The sentences of ``text[start:end]``, marking those that open a paragraph (a line)."""
    result = []
    line_start = start
    for line in text[start:end].split("\n"):
        first = True
        for match in _SENTENCE.finditer(line):
            s, e = line_start + match.start(), line_start + match.end()
            result.append(Sentence(source_id, s, e, text[s:e], first))
            first = False
        line_start += len(line) + 1
    return result


def paragraphs(sentences: Sequence[Sentence]) -> list[list[Sentence]]:
    """The sentences grouped by paragraph."""
    result: list[list[Sentence]] = []
    for sentence in sentences:
        if sentence.opens_paragraph or not result:
            result.append([])
        result[-1].append(sentence)
    return result


def measure_at(source_id: str, text: str, start: int, end: int) -> Measure:
    """The measure quoting ``text[start:end]`` of source ``source_id``, with every quantity in it."""
    span = span_at(source_id, text, start, end)
    return Measure(text=span.exact, quantities=parse_quantities(span.exact), span=span)


def outcome_at(source_id: str, text: str, start: int, end: int, key: str, year: int) -> Outcome:
    """The outcome on indicator ``key`` for ``year`` quoting ``text[start:end]``.

    The quote states at most one quantity; it becomes the outcome's quantity.

    Raises:
        ValueError: the quote states more than one quantity.
    """
    span = span_at(source_id, text, start, end)
    quantities = parse_quantities(span.exact)
    if len(quantities) > 1:
        raise ValueError(f"outcome {key} quote {span.exact!r} states {len(quantities)} quantities; quote one")
    quantity = attrs.evolve(quantities[0], indicator=key) if quantities else None
    return Outcome(
        key=key,
        year=year,
        text=span.exact,
        quantity=quantity,
        qualifier=quantity.qualifier if quantity is not None else None,
        span=span,
    )


@attrs.define
class _Node:
    kind: SectionKind
    number: int | None
    title: str | None
    heading: Sentence | None
    sentences: list[Sentence] = attrs.Factory(list)
    children: list[_Node] = attrs.Factory(list)
    is_task: bool = False


def _title(heading: str, marker: re.Match[str] | None) -> str:
    title = heading[marker.end() :] if marker else heading
    return title.rstrip("。！？；：")


def _text(paragraph: list[Sentence]) -> str:
    return "".join(s.text for s in paragraph)


def _is_title_line(paragraph: list[Sentence]) -> bool:
    """A line of a report's header: short and not a sentence (a title, a date line, a speaker)."""
    text = _text(paragraph)
    return len(text) < _PART_MAX_LENGTH and "。" not in text


def _part_marker(paragraph: list[Sentence]) -> re.Match[str] | None:
    text = _text(paragraph)
    match = _PART.match(text)
    if match and len(paragraph) == 1 and "。" not in text and len(text) < _PART_MAX_LENGTH:
        return match
    return None


def part_headings(paragraph_list: Sequence[list[Sentence]]) -> dict[int, re.Match[str]]:
    """The paragraphs (by index) that open a part: a short ``一、`` line, numbered in sequence.

    The first such line opens the sequence; a later one is a part only where it continues it
    (二、 after 一、): a ``一、`` list inside a part (the ten principles of 1981) is not a part.
    """
    found: dict[int, re.Match[str]] = {}
    last: int | None = None
    for index, paragraph in enumerate(paragraph_list):
        marker = _part_marker(paragraph)
        if marker is None:
            continue
        number = chinese_number(marker.group(1))
        if last is None or number == last + 1:
            found[index] = marker
            last = number
    return found


_FRAMING = re.compile(r"总体部署|总体要求|政策取向|预期目标|总体思路|建议|奋斗目标|指导方针")
"""Words of a part's title that frame the year's work rather than name a task of it."""


@attrs.frozen
class TaskLayout:
    """Where a report's tasks are: the part whose areas are tasks, or the parts that are tasks."""

    area_part: int | None = None
    task_parts: tuple[int, ...] = ()


def task_layout(paragraph_list: Sequence[list[Sentence]], targets_at: int | None) -> TaskLayout:
    """Find the task part by the rule in the module docstring.

    ``targets_at`` is the offset where the targets passage starts, where one was found.
    """
    headings = part_headings(paragraph_list)
    parts: list[tuple[int, int, str]] = []  # (number, offset, title)
    areas: list[tuple[int, int]] = []  # (part number, offset)
    for index, paragraph in enumerate(paragraph_list):
        if index in headings:
            marker = headings[index]
            parts.append((chinese_number(marker.group(1)), paragraph[0].start, _title(_text(paragraph), marker)))
        elif parts and _AREA.match(paragraph[0].text):
            areas.append((parts[-1][0], paragraph[0].start))
    if targets_at is not None:
        after: dict[int, int] = {}
        for part, offset in areas:
            if offset > targets_at:
                after[part] = after.get(part, 0) + 1
        holding = [(number, title) for number, offset, title in parts if offset <= targets_at]
        holder = holding[-1][0] if holding else None
        spread = [part for part, count in after.items() if count >= 2 and part != holder]
        if len(spread) >= 2 and holder not in after:
            # 2005, 2007: the year's work in parts 三、四、五…, each with its own （一） areas
            return TaskLayout(task_parts=tuple(number for number, offset, _ in parts if offset > targets_at))
        if after:
            return TaskLayout(area_part=max(after, key=lambda part: after[part]))
        if holding:
            later = [number for number, offset, _ in parts if offset > targets_at]
            if len(later) >= 2:
                # the part that holds the targets is a task too, unless its title frames the year
                # (2015: 二、2015年工作总体部署); 1993: 二、争取国民经济再上一个新台阶 is one
                number, title = holding[-1]
                first = [] if _FRAMING.search(title) or number == parts[0][0] else [number]
                return TaskLayout(task_parts=(*first, *later))
        return TaskLayout()
    later_areas = [part for part, _ in areas if part != (parts[0][0] if parts else None)]
    if later_areas:
        return TaskLayout(area_part=later_areas[0])
    if len(parts) >= _PARTS_AS_TASKS and parts[0][0] == 1:
        # 2000, 2001: 一、the review (回顾), then 二、…十、the year's work; 2002: every part is work
        reviewed = _REVIEW.search(parts[0][2]) is not None
        work = parts[1 if reviewed else 0 :]
        return TaskLayout(task_parts=tuple(number for number, _, title in work if not _FRAMING.search(title)))
    return TaskLayout()


class _Outline:
    """Builds the section tree from paragraphs by the rules in the module docstring."""

    def __init__(
        self, paragraph_list: list[list[Sentence]], layout: TaskLayout, part_paragraphs: Sequence[str]
    ) -> None:
        self.paragraphs = paragraph_list
        self.layout = layout
        self.part_paragraphs = tuple(part_paragraphs)
        self.root = _Node("part", None, None, None)
        self.part: _Node | None = None
        self.area: _Node | None = None
        self.item: _Node | None = None
        self.body_seen_in_part = False
        self.preamble_done = False
        self.items_continue = False
        self.sub_areas = False
        self.headings: dict[int, re.Match[str]] = {}

    def open(self, parent: _Node, node: _Node) -> _Node:
        parent.children.append(node)
        return node

    def part_has_areas(self, index: int) -> bool:
        for later, paragraph in enumerate(self.paragraphs[index + 1 :], start=index + 1):
            if later in self.headings:
                return False
            if _AREA.match(paragraph[0].text):
                return True
        return False

    def area_has_items(self, index: int) -> bool:
        for later, paragraph in enumerate(self.paragraphs[index + 1 :], start=index + 1):
            text = paragraph[0].text
            if _AREA.match(text) or later in self.headings or _SALUTATION.match(_text(paragraph)):
                return False
            if _ITEM.match(text):
                return True
        return False

    def build(self) -> list[_Node]:
        headings = part_headings(self.paragraphs)
        last_part = max((chinese_number(m.group(1)) for m in headings.values()), default=0)
        self.headings = headings
        for index, paragraph in enumerate(self.paragraphs):
            first = paragraph[0]
            text = _text(paragraph)
            if part := headings.get(index):
                part_number = chinese_number(part.group(1))
                is_task = part_number in self.layout.task_parts
                self.part = self.open(self.root, _Node("part", part_number, _title(text, part), first, is_task=is_task))
                self.part.sentences.extend(paragraph)
                self.area = self.item = None
                self.body_seen_in_part = False
                # a part that is a task: its （一） areas are its sub-tasks where it has them (2005),
                # else each paragraph is one, titled by its lead sentence (2015)
                self.sub_areas = is_task and not self.part_has_areas(index)
                continue
            if self.part is None and not self.preamble_done and _is_title_line(paragraph):
                salutation = bool(_SALUTATION.match(text))
                node = self.open(self.root, _Node("heading", None, None if salutation else text, first))
                node.sentences.extend(paragraph)
                self.preamble_done = salutation
                continue
            self.preamble_done = True
            if _SALUTATION.match(text):
                in_last_part = self.part is None or self.part.number in (last_part, None)
                if in_last_part and (self.body_seen_in_part or self.part is None or self.part.number is None):
                    self.part = self.open(self.root, _Node("closing", None, None, first))
                    self.part.sentences.extend(paragraph)
                    self.area = self.item = None
                    self.sub_areas = False
                else:
                    node = self.open(self.area or self.part or self.root, _Node("heading", None, None, first))
                    node.sentences.extend(paragraph)
                    self.item = None
                continue
            if area := _AREA.match(first.text):
                parent = self.part or self.root
                is_task = (
                    parent.kind == "part" and parent.number is not None and parent.number == (self.layout.area_part)
                )
                self.area = self.open(
                    parent,
                    _Node("area", chinese_number(area.group(1)), _title(first.text, area), first, is_task=is_task),
                )
                self.area.sentences.extend(paragraph)
                self.item = None
                self.body_seen_in_part = True
                self.items_continue = self.area_has_items(index)
                self.sub_areas = is_task and not self.items_continue
                continue
            if self.part_paragraphs and text.startswith(self.part_paragraphs):
                self.area = self.item = None
                node = self.open(self.part or self.root, _Node("paragraph", None, None, None))
                node.sentences.extend(paragraph)
                continue
            item = _ITEM.match(first.text) or _part_marker(paragraph)  # 一是, or a 一、 list in a part
            bullet = _BULLET.match(first.text) if self.part is not None else None
            in_task_part = self.part is not None and self.part.is_task
            if item or bullet or (self.sub_areas and (self.area is not None or in_task_part)):
                parent = self.area or self.part or self.root
                if item:
                    number: int | None = chinese_number(item.group(1))
                elif bullet:
                    number = None
                else:
                    number = sum(1 for c in parent.children if c.kind == "item") + 1
                marker = item or bullet
                self.item = self.open(
                    parent, _Node("item", number, _title(first.text, marker), first, is_task=parent.is_task)
                )
                self.item.sentences.extend(paragraph)
                self.body_seen_in_part = True
                continue
            if self.item is not None and self.area is not None and self.items_continue:
                self.item.sentences.extend(paragraph)  # a paragraph continuing the 一是 item
                continue
            self.item = None
            node = self.open(self.area or self.part or self.root, _Node("paragraph", None, None, None))
            node.sentences.extend(paragraph)
        return self.root.children


def _all_sentences(node: _Node) -> Iterator[Sentence]:
    yield from node.sentences
    for child in node.children:
        yield from _all_sentences(child)


_SUBTASKS = ("item", "area")
"""The sections under a task that are its sub-tasks: items, and the areas of a part that is a task."""


class _Builder:
    """Turns the section tree into the report's outline, tasks and measures."""

    def __init__(
        self,
        texts: dict[str, str],
        taken: Sequence[Span],
        keyer: QuantityKeyer | None,
        themes: dict[int, tuple[str | None, str | None]],
        subtask_themes: dict[int, dict[int, tuple[str | None, str | None]]],
    ) -> None:
        self.texts = texts
        self.subtask_themes = subtask_themes
        self.taken = [(s.source, s.start, s.end) for s in taken]
        self.keyer = keyer
        self.themes = themes
        self.report_measures: list[Measure] = []
        self.task_count = 0

    def is_taken(self, sentence: Sentence) -> bool:
        return any(
            source == sentence.source and start < sentence.end and sentence.start < end
            for source, start, end in self.taken
        )

    def measure(self, sentence: Sentence) -> Measure:
        measure = measure_at(sentence.source, self.texts[sentence.source], sentence.start, sentence.end)
        return self.keyer(sentence, measure) if self.keyer is not None else measure

    def span_of(self, node: _Node) -> Span:
        sentences = list(_all_sentences(node))
        source = (node.heading or sentences[0]).source
        own = [s for s in sentences if s.source == source]
        return span_at(source, self.texts[source], min(s.start for s in own), max(s.end for s in own))

    def measures_of(self, node: _Node) -> list[Measure]:
        if node.kind == "heading" or (node.kind == "closing" and not node.sentences[1:]):
            return []
        return [self.measure(s) for s in node.sentences if s is not node.heading and not self.is_taken(s)]

    def section(self, node: _Node) -> Section:
        heading = None
        if node.heading is not None:
            heading = span_at(
                node.heading.source, self.texts[node.heading.source], node.heading.start, node.heading.end
            )
        return Section(
            kind=node.kind,
            number=node.number,
            title=node.title,
            span=self.span_of(node),
            heading=heading,
            children=tuple(self.section(c) for c in node.children),
        )

    def task(self, node: _Node, number: int, themes: dict[int, tuple[str | None, str | None]]) -> Task:
        """The task ``number`` of ``node``; ``themes`` maps its number (among its siblings) to its theme."""
        own_subtasks = self.subtask_themes.get(number, {}) if themes is self.themes else {}
        subtasks = [self.task(c, c.number or 0, own_subtasks) for c in node.children if c.kind in _SUBTASKS]
        measures = self.measures_of(node)
        for child in node.children:
            if child.kind not in _SUBTASKS:
                measures.extend(self.measure(s) for s in _all_sentences(child) if not self.is_taken(s))
        theme, secondary = themes.get(number, (None, None))
        return Task(
            number=number,
            title=node.title or "",
            theme=theme,
            secondary_theme=secondary,
            subtasks=tuple(subtasks),
            measures=tuple(measures),
            span=self.span_of(node),
        )

    def collect(self, nodes: list[_Node]) -> list[Task]:
        tasks = []
        for node in nodes:
            if node.is_task and node.kind in ("area", "part"):
                self.task_count += 1
                number = node.number if node.kind == "area" and node.number is not None else self.task_count
                tasks.append(self.task(node, number, self.themes))
                continue
            self.report_measures.extend(self.measures_of(node))
            tasks.extend(self.collect(node.children))
        return tasks


def read_body(
    texts: dict[str, str],
    sentences: list[Sentence],
    *,
    targets: Sequence[Target] = (),
    layout: TaskLayout | None = None,
    keyer: QuantityKeyer | None = None,
    themes: dict[int, tuple[str | None, str | None]] | None = None,
    subtask_themes: dict[int, dict[int, tuple[str | None, str | None]]] | None = None,
    part_paragraphs: Sequence[str] = (),
) -> Content:
    """The outline, tasks and measures of a report whose text is ``sentences``.

    ``texts`` maps each source id the sentences come from to its normalized text (a report may
    merge two witnesses). ``targets`` are left out of the measures, with their rationales;
    ``layout`` says where the tasks are (found by :func:`task_layout` when ``None``); ``keyer``
    keys the quantities of each measure; ``themes`` maps a task number to its theme and
    secondary theme, and ``subtask_themes`` a task number to the themes of those of its
    sub-tasks whose theme is not the task's; a paragraph that starts with one of ``part_paragraphs`` returns to the
    part level (what only an annotation can say).
    """
    paragraph_list = paragraphs(sentences)
    if layout is None:
        targets_at = min((t.span.start for t in targets), default=None)
        layout = task_layout(paragraph_list, targets_at)
    taken = [t.span for t in targets] + [t.rationale_span for t in targets if t.rationale_span is not None]
    builder = _Builder(texts, taken, keyer, themes or {}, subtask_themes or {})
    nodes = _Outline(paragraph_list, layout, part_paragraphs).build()
    tasks = builder.collect(nodes)
    return Content(
        tasks=tuple(tasks),
        measures=tuple(builder.report_measures),
        outline=tuple(builder.section(n) for n in nodes),
    )
