"""The one parser for full texts: Government Work Reports and NDRC plan reports alike.

A full text is read as a stream of paragraphs (lines of the normalized text), each split
into sentences. The rules, in the order they are tried on a paragraph:

* Before the first part, every line down to the first ``各位代表：`` is a **heading** (the title,
  date, speaker lines).
* ``一、...`` (short, no full stop): a **part** heading.
* ``各位代表！`` / ``各位代表：`` once the last part has had an area: a **closing** passage
  (a top-level part without a number); elsewhere a **heading** inside the current section.
* ``（一）...`` : an **area**; its first sentence is its heading. In the report's task part an
  area is a :class:`~gwr.Task`.
* ``一是...``, or ``——...`` inside a part: an **item** of the current area (or part); its first
  sentence is its heading.
* In the task part, inside an area that has no ``一是`` items, every paragraph is a **sub-area**
  item whose first sentence is its heading (the Government Work Report's layout).
* A paragraph that the annotation lists in ``part_paragraphs`` returns to the part level.
* Any other paragraph inside an area with ``一是`` items continues the current item; elsewhere
  it is a **paragraph** of the current section.

Every sentence that is not a heading becomes a :class:`~gwr.Measure` with its quantities:
under the innermost task where there is one, otherwise in ``Report.measures``. Sentences that
state a target or belong to a target's rationale are left to the target.

A second witness of a part (002 for part three of the 2024 report) is merged sentence by
sentence: a sentence only it has is taken from it, and its paragraph breaks count too, except
a break after a one-sentence paragraph (a heading set on a line of its own).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path

import attrs

from .._model import Measure, Outcome, Section, SectionKind, Span, Target, Task
from .._provenance import span_at
from .annotations import AnnotationError, FullTextNote, OutcomeNote, ReportNote, find_quote
from .content import Content, measure_at, outcome_at

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_PART = re.compile(r"([一二三四五六七八九十]+)、")
_AREA = re.compile(r"（([一二三四五六七八九十]+)）")
_ITEM = re.compile(r"([一二三四五六七八九十]+)是")
_BULLET = re.compile(r"——")
_CLOSING = re.compile(r"各位代表[！：]$")
_SENTENCE = re.compile(r"[^。！？；]+(?:[。！？；]+[”’」』）]*)?|[。！？；]+")
_KEY_DROP = re.compile(r"[\W_]+")


def chinese_number(numeral: str) -> int:
    """The value of a Chinese numeral up to 99 (十一 → 11, 二十 → 20)."""
    if "十" not in numeral:
        return _NUMERALS[numeral]
    tens, _, units = numeral.partition("十")
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[units] if units else 0)


@attrs.frozen
class Sentence:
    source: str
    start: int
    end: int
    text: str
    opens_paragraph: bool


@attrs.define
class _Node:
    kind: SectionKind
    number: int | None
    title: str | None
    heading: Sentence | None
    sentences: list[Sentence] = attrs.Factory(list)
    children: list[_Node] = attrs.Factory(list)
    is_task: bool = False


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


def _key(sentence: Sentence) -> str:
    return _KEY_DROP.sub("", sentence.text)


def merge(primary: list[Sentence], witness: list[Sentence]) -> list[Sentence]:
    """The union of two witnesses of the same passage, in order, primary first.

    Sentences both have come from ``primary``; sentences only ``witness`` has come from it.
    Paragraph breaks come from both, except a witness's break after a one-sentence paragraph.
    """
    witness_breaks = _effective_breaks(witness)
    matcher = difflib.SequenceMatcher(None, [_key(s) for s in primary], [_key(s) for s in witness], autojunk=False)
    merged: list[Sentence] = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            for a, b in zip(range(a1, a2), range(b1, b2), strict=True):
                sentence = primary[a]
                if b in witness_breaks and not sentence.opens_paragraph:
                    sentence = attrs.evolve(sentence, opens_paragraph=True)
                merged.append(sentence)
        elif tag == "insert":
            merged.extend(witness[b1:b2])
        else:  # "delete" or "replace": the primary's reading stands; variants are recorded apart
            merged.extend(primary[a1:a2])
    return merged


def _effective_breaks(sentences: list[Sentence]) -> set[int]:
    breaks = set()
    paragraph_length = 0
    for i, sentence in enumerate(sentences):
        if sentence.opens_paragraph:
            if i and paragraph_length > 1:
                breaks.add(i)
            paragraph_length = 0
        paragraph_length += 1
    return breaks


def _paragraphs(sentences: list[Sentence]) -> Iterator[list[Sentence]]:
    paragraph: list[Sentence] = []
    for sentence in sentences:
        if sentence.opens_paragraph and paragraph:
            yield paragraph
            paragraph = []
        paragraph.append(sentence)
    if paragraph:
        yield paragraph


def _title(heading: str, marker: re.Match[str] | None) -> str:
    title = heading[marker.end() :] if marker else heading
    return title.rstrip("。！？；：")


class _Outline:
    """Builds the section tree from paragraphs by the rules in the module docstring."""

    def __init__(self, note: FullTextNote, paragraphs: list[list[Sentence]]) -> None:
        self.note = note
        self.paragraphs = paragraphs
        self.root = _Node("part", None, None, None)
        self.part: _Node | None = None
        self.area: _Node | None = None
        self.item: _Node | None = None
        self.area_seen_in_part = False
        self.preamble_done = False

    def container(self) -> _Node:
        return self.item or self.area or self.part or self.root

    def open(self, parent: _Node, node: _Node) -> _Node:
        parent.children.append(node)
        return node

    def area_has_items(self, index: int) -> bool:
        for paragraph in self.paragraphs[index + 1 :]:
            text = paragraph[0].text
            if _AREA.match(text) or _PART.match(text) or _CLOSING.match(text):
                return False
            if _ITEM.match(text):
                return True
        return False

    def build(self) -> list[_Node]:
        sub_areas = False
        last_part = max((chinese_number(m.group(1)) for p in self.paragraphs if (m := _is_part(p))), default=0)
        for index, paragraph in enumerate(self.paragraphs):
            first = paragraph[0]
            text = "".join(s.text for s in paragraph)
            if part := _is_part(paragraph):
                part_number = chinese_number(part.group(1))
                self.part = self.open(self.root, _Node("part", part_number, _title(text, part), first))
                self.part.sentences.extend(paragraph)
                self.area = self.item = None
                self.area_seen_in_part = False
                continue
            if self.part is None and not self.preamble_done:
                # the title lines before the first part, down to the first "各位代表"
                node = self.open(self.root, _Node("heading", None, text, first))
                node.sentences.extend(paragraph)
                self.preamble_done = bool(_CLOSING.match(text))
                continue
            if _CLOSING.match(text):
                in_last_part = self.part is not None and self.part.number in (last_part, None)
                if in_last_part and self.area_seen_in_part:
                    self.part = self.open(self.root, _Node("part", None, text, first))
                    self.part.sentences.extend(paragraph)
                    self.area = self.item = None
                else:
                    node = self.open(
                        self.item or self.area or self.part or self.root, _Node("heading", None, text, first)
                    )
                    node.sentences.extend(paragraph)
                continue
            if area := _AREA.match(first.text):
                parent = self.part or self.root
                is_task = parent.number == self.note.task_part
                self.area = self.open(
                    parent,
                    _Node("area", chinese_number(area.group(1)), _title(first.text, area), first, is_task=is_task),
                )
                self.area.sentences.extend(paragraph)
                self.item = None
                self.area_seen_in_part = True
                sub_areas = is_task and not self.area_has_items(index)
                continue
            if any(text.startswith(quote) for quote in self.note.part_paragraphs):
                self.area = self.item = None
                node = self.open(self.part or self.root, _Node("paragraph", None, None, None))
                node.sentences.extend(paragraph)
                continue
            item = _ITEM.match(first.text)
            bullet = _BULLET.match(first.text) if self.part is not None else None
            if item or bullet or (sub_areas and self.area is not None):
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
                continue
            if self.item is not None and self.area is not None:
                self.item.sentences.extend(paragraph)  # a paragraph continuing the item
                continue
            node = self.open(self.container(), _Node("paragraph", None, None, None))
            node.sentences.extend(paragraph)
        return self.root.children


def _is_part(paragraph: list[Sentence]) -> re.Match[str] | None:
    text = "".join(s.text for s in paragraph)
    match = _PART.match(text)
    if match and len(paragraph) == 1 and "。" not in text and len(text) < 60:
        return match
    return None


class FullTextBuilder:
    """Turns the section tree into the report's outline, tasks, measures and outcomes."""

    def __init__(self, texts: dict[str, str], targets: tuple[Target, ...], keys: list[tuple[Span, str]]) -> None:
        self.texts = texts
        self.subtask_themes: dict[int, dict[int, tuple[str, str | None]]] = {}
        self.taken = [(t.span.source, t.span.start, t.span.end) for t in targets]
        self.taken += [
            (t.rationale_span.source, t.rationale_span.start, t.rationale_span.end)
            for t in targets
            if t.rationale_span is not None
        ]
        self.keys = keys
        self.used_keys: set[int] = set()
        self.report_measures: list[Measure] = []

    def is_taken(self, sentence: Sentence) -> bool:
        return any(
            source == sentence.source and start < sentence.end and sentence.start < end
            for source, start, end in self.taken
        )

    def measure(self, sentence: Sentence) -> Measure:
        text = self.texts[sentence.source]
        measure = measure_at(sentence.source, text, sentence.start, sentence.end)
        quantities = list(measure.quantities)
        for index, (span, key) in enumerate(self.keys):
            if span.source != sentence.source or not (sentence.start <= span.start and span.end <= sentence.end):
                continue
            hits = [
                i
                for i, q in enumerate(quantities)
                if span.start <= sentence.start + q.start and sentence.start + q.end <= span.end
            ]
            if not hits:
                raise AnnotationError(f"quantity key {key}: no quantity in {span.exact!r}")
            for i in hits:
                quantities[i] = attrs.evolve(quantities[i], indicator=key)
            self.used_keys.add(index)
        return attrs.evolve(measure, quantities=tuple(quantities))

    def span_of(self, node: _Node) -> Span:
        sentences = list(_all_sentences(node))
        source = (node.heading or sentences[0]).source
        own = [s for s in sentences if s.source == source]
        return span_at(source, self.texts[source], min(s.start for s in own), max(s.end for s in own))

    def measures_of(self, node: _Node) -> list[Measure]:
        if node.kind == "heading":
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

    def task(
        self,
        node: _Node,
        themes: dict[int, tuple[str, str | None]],
        subtask_themes: dict[int, tuple[str, str | None]] | None = None,
    ) -> Task:
        subtasks = [self.task(c, subtask_themes or {}) for c in node.children if c.kind == "item"]
        measures = self.measures_of(node)
        for child in node.children:
            if child.kind != "item":
                measures.extend(m for s in _all_sentences(child) if not self.is_taken(s) for m in [self.measure(s)])
        theme, secondary = themes.get(node.number or 0, (None, None))
        return Task(
            number=node.number or 0,
            title=node.title or "",
            theme=theme,
            secondary_theme=secondary,
            subtasks=tuple(subtasks),
            measures=tuple(measures),
            span=self.span_of(node),
        )

    def collect(self, nodes: list[_Node], themes: dict[int, tuple[str, str | None]]) -> list[Task]:
        tasks = []
        for node in nodes:
            if node.is_task and node.kind == "area":
                tasks.append(self.task(node, themes, self.subtask_themes.get(node.number or 0)))
                continue
            self.report_measures.extend(self.measures_of(node))
            tasks.extend(self.collect(node.children, themes))
        return tasks


def _all_sentences(node: _Node) -> Iterator[Sentence]:
    yield from node.sentences
    for child in node.children:
        yield from _all_sentences(child)


def build_fulltext(
    note: ReportNote,
    texts: dict[str, str],
    ranges: dict[str, tuple[str, int, int]],
    targets: tuple[Target, ...],
    path: Path,
) -> Content:
    """The outline, tasks, measures and outcomes of the full text described by ``note``.

    ``ranges`` maps a document id to its source id and range in the normalized text.
    """
    full = note.fulltext
    if full is None:
        raise AnnotationError(f"{path}: no [fulltext] section")
    source_id, start, end = ranges[full.document]
    text = texts[source_id]
    sentences = sentences_of(source_id, text, start, end)
    for witness in full.merge:
        w_source, w_start, w_end = ranges[witness.document]
        w_from = find_quote(texts[w_source], witness.from_, w_start, w_end, f"{path} merge.from")
        w_to = find_quote(texts[w_source], witness.to, w_from, w_end, f"{path} merge.to") if witness.to else w_end
        p_from = find_quote(text, witness.primary_from, start, end, f"{path} merge.primary_from")
        head = [s for s in sentences if s.start < p_from]
        tail = [s for s in sentences if s.start >= p_from]
        sentences = head + merge(tail, sentences_of(w_source, texts[w_source], w_from, w_to))
    keys = []
    for key_note in note.quantity_keys:
        at = find_quote(text, key_note.quote, start, end, f"{path} quantity key {key_note.key}", key_note.prefix)
        keys.append((span_at(source_id, text, at, at + len(key_note.quote)), key_note.key))
    builder = FullTextBuilder(texts, targets, keys)
    nodes = _Outline(full, list(_paragraphs(sentences))).build()
    themes = {t.number: (t.theme, t.secondary_theme) for t in note.tasks}
    builder.subtask_themes = {
        t.number: {s.number: (s.theme, s.secondary_theme) for s in t.subtasks} for t in note.tasks if t.subtasks
    }
    tasks = builder.collect(nodes, themes)
    numbered = {(t.number, s.number) for t in tasks for s in t.subtasks}
    stray = sorted((t.number, s.number) for t in note.tasks for s in t.subtasks if (t.number, s.number) not in numbered)
    if stray:
        raise AnnotationError(f"{path}: themes for sub-tasks (task, sub-task) that do not exist: {stray}")
    missing_themes = sorted(t.number for t in tasks if t.theme is None)
    if missing_themes:
        raise AnnotationError(f"{path}: tasks {missing_themes} have no theme")
    unused = [note.quantity_keys[i].quote for i in range(len(keys)) if i not in builder.used_keys]
    if unused:
        raise AnnotationError(f"{path}: quantity keys whose quote is in no measure: {unused}")
    outcomes = tuple(_outcome(o, note, text, source_id, start, end, path) for o in note.outcomes)
    return Content(
        outcomes=outcomes,
        tasks=tuple(tasks),
        measures=tuple(builder.report_measures),
        outline=tuple(builder.section(n) for n in nodes),
    )


def _outcome(o: OutcomeNote, note: ReportNote, text: str, source_id: str, start: int, end: int, path: Path) -> Outcome:
    at = find_quote(text, o.quote, start, end, f"{path} outcome {o.key}", o.prefix)
    year = o.year if o.year is not None else note.year - 1
    try:
        return outcome_at(source_id, text, at, at + len(o.quote), o.key, year)
    except ValueError as error:
        raise AnnotationError(f"{path}: {error}") from None
