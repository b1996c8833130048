"""The reader: turns the normalized text of a report into its outline, tasks and measures.

A text is read as a stream of paragraphs (lines of the normalized text), each split into
sentences. The rules hold for every era and kind of report (national, plan, provincial); none
names a report or a phrase only one report uses.

**Headings.** A paragraph may open with a number in one of the numbering styles the reports
use: ``一、`` (a part, or a list), ``（一）`` or ``(一)`` (an area), ``第一，`` (an ordinal),
``一是`` / ``一要`` (an item). Its first sentence is its heading. A short line that is no
sentence and has no number (``2025年工作安排建议``, ``关于外交工作``, ``结束语``) is an
*unnumbered* heading. Before the first part, every short line that is not a sentence, down to
the first salutation (``各位代表：``), is a header line (the title, date, speaker lines).

**Parts.** The parts of a report are its ``一、`` headings numbered in sequence (a ``一、`` list
inside a part does not continue the sequence; a part heading run into its first paragraph, a
damaged ``三、`` between ``二、`` and ``四、``, still counts), or, where the first unnumbered
heading comes before the first ``一、`` heading, its unnumbered headings (1983's
过去五年的回顾 / 今后五年的主要任务 / 结束语; a province's 2024年工作回顾 / 2025年工作安排); an
unnumbered ``结束语`` ends the last part either way.

**Lists.** Under a part, numbered paragraphs form lists: a number continues the list of its
style whose last number is one less (back up through any list opened inside it), a ``一`` opens a
new list (inside the current one, or in place of one of the same style), any other number is
no heading. A list's members head sections that run to the next member.

**The task list** is found by its structure, in the part after the targets passage: where the
report states no targets, after the part that reviews the past (回顾, 过去, 形势, 年来, 总结)::

1. where two parts or more after the targets each hold a list (2005, 2007: 三、四、五、 each
   with its own （一）…), those parts are the tasks and their lists their sub-tasks;
2. else the longest list of ``（一）`` areas (two or more; three with no targets) in the rest of
   the part that holds the targets or in a later part (the first on a tie): the Government Work
   Report's layout;
3. else, where two parts or more come after the targets (three with no targets: 1978, 1987,
   2000–2002), those parts (2015, the 1990s: the part holding the targets too, unless its title
   frames the year's work: 总体部署, 总体要求, 政策取向, 建议...);
4. else the first list of three or more members, of any style, in the rest of the part that
   holds the targets, else in the one later part: ``第一，…第八，`` (1998), ``一、…十、`` (1984,
   1988), ``一是…八是`` heading lines (Gansu).

Parts whose title says they are closing passages (结束语, 自身建设, 外交, 国际形势) count for
none of these. A report where none applies has no task list, and says why
(:attr:`TaskLayout.note`): never a wrong list.

**Inside a task.** The task's heading is its first sentence; the rest of its text up to its
first sub-task is its **lead** (:attr:`gwr.Task.lead`): the rest of the heading's paragraph, and
the paragraphs before the first sub-area (the first paragraph of a part that is a task; after a
heading on a line of its own, a first paragraph whose sentence runs over clauses, 坚持…，…). Its
sub-tasks are the members of the first list under it where that list starts before any sub-area
heading (the plan report's ``一是`` items, the parts' （一） areas) and is no list of clauses of one
sentence (第一，…；第二，…；); otherwise each paragraph whose first sentence is a
heading is a sub-area (the Government Work Report's layout). A first sentence is a heading
where it is short (30 characters at most), ends with a full stop or stands alone, and reads as
a title rather than a statement: no colon (a framing sentence: 今年改革的重点任务是：), no copula
(就业是最基本的民生), no perfective 了, no verb or adverb that states (在于, 关乎, 相辅相成, 很, 日益),
no figure (a measure: 完成投资220亿元), no subject or discourse opener (我们, 今年, 当前, 同时, 这,
各级…, 在…，, …以来，), no strong modal (必须, 应当, 将), and 要 only in a short heading without a
comma (要守好安全生产底线). A numbered list item (（1）, 1.) is no sub-area heading. A
paragraph that is no sub-area continues the sub-area before it (or the lead, before the first);
a note (``〔注〕``) is never a sub-task.

**After the last task.** The last task ends at the next part, at a paragraph that opens with
the salutation (各位代表), at an unnumbered heading, or, once it has had a sub-area, at a
paragraph that is no sub-area and turns to the closing passages' subjects (政府自身建设,
对政府工作提出…要求, 国防, 一国两制, 港澳, 台湾, 外交) where the task's title does not. From
there the text is **closing** sections (one from each salutation on), whose heading paragraphs
are items, never tasks.

Every sentence that is not a heading becomes a :class:`~gwr.Measure` with its quantities: under
the innermost task where there is one, otherwise in ``Report.measures``. Sentences that state a
target, or belong to a target's rationale, are left to the target.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence

import attrs

from .._model._provenance import span_at
from .._model._records import Measure, Outcome, Section, SectionKind, Span, Target, Task
from ._quantities import parse_quantities

_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_N = "一二三四五六七八九十"
_PART = re.compile(rf"([{_N}]+)、")
_AREA = re.compile(rf"[（(]([{_N}]+)[）)]")
_ORDINAL = re.compile(rf"第([{_N}]+)[，、,]")
_ITEM = re.compile(rf"([{_N}]+)[是要](?![求素点件害闻])")
_BULLET = re.compile(r"——")
_SALUTATION = re.compile(r"各位代表[！：!:]$")
"""A paragraph that is the salutation alone."""
_ADDRESS = re.compile(r"各位代表(?:[！：，、!:,]|$)")
"""A paragraph that opens with the salutation (各位代表！…, 各位代表，…)."""
_NOTE = re.compile(r"[〔［【\[（(]注[〕］】\]）)]")
_LIST_NUMBER = re.compile(r"[0-9]+[.．、]|[（(［\[][0-9]+[）)］\]]")
_SENTENCE = re.compile(r"[^。！？；!?]+(?:[。！？；!?]+[”’」』）]*)?|[。！？；!?]+")
_PART_MAX_LENGTH = 60
_UNNUMBERED_MAX_LENGTH = 30
_UNNUMBERED_DROP = re.compile(r"[。！？；：!?;:，,]")
_END_PART = re.compile(r"结\s*束\s*语")
_CLOSING_PART = re.compile(r"结\s*束\s*语|自身建设|外交|国际形势")
"""Words of a part's title that make it a closing passage, not the year's work."""
_REVIEW = re.compile(r"回顾|过去|形势|年来|以来|总结")
"""Words of a first part's title that make it a review of the past."""
_FRAMING = re.compile(r"总体部署|总体要求|政策取向|预期目标|总体思路|建议|奋斗目标|指导方针")
"""Words of a part's title that frame the year's work rather than name a task of it."""
_PARTS_AS_TASKS = 5
"""With no targets and no review part, a text of this many parts or more gives its tasks as its
parts (2002)."""
_LIST_MIN = 3
"""The fewest members a list needs to be a task list."""
_AREAS_MIN = 2
"""The fewest （一） areas after the targets that are a task list (three with no targets)."""
_SPREAD_MIN = 2
"""The fewest members each part's list needs for the parts to be the tasks (2005, 2007)."""

_HEADING_MAX_LENGTH = 30
_HEADING_MODAL_MAX_LENGTH = 15
_OPENER = re.compile(
    r"(?:我们|我国|我省|我区|我市|全省|全区|全市|全国|今年|明年|去年|当前|目前|现在|近年来|近几年|过去|"
    rf"[{_N}两几]+年来|同时|此外|另外|与此同时|这|那|其中|各级|各地|各部门|各位|政府|国务院|中国|"
    r"新的一年|新形势|根据|为了|为此|随着|面对|如果|只有|因此|所以|但|总之|总的|在[^，]*，|[^，]*以来，)"
)
"""Openers of a statement: a subject, a time, a discourse word, a frame before a comma."""
_COPULA = re.compile(rf"(?<![{_N}])是(?!否)")
_PERFECTIVE = re.compile(r"了(?!解)|吗|呢")
_PREDICATE = re.compile(
    r"在于|重在|贵在|惟在|唯在|关乎|事关|关系到|意味着|处于|相辅相成|至关重要|刻不容缓|不可或缺|"
    r"，这|很|非常|十分|极大|极为|日益|越来越"
)
"""Verbs that make a sentence a statement about its subject (关键在于…, 稳增长和调结构相辅相成)."""
_MODAL = re.compile(r"(?:^|[^重主需纲摘首只不必])要(?![求素点件害闻])")
_STRONG_MODAL = re.compile(r"必须|应当|应该|(?<![需必])需要|(?<![即必])将(?![来军])")
_CLOSING_TOPIC = re.compile(
    r"自身建设|对政府工作提出|国防和军队|国防动员|一国两制|港澳|香港|澳门|台湾|两岸|外交|对外政策|和平发展道路"
)
"""Subjects of the closing passages after the tasks (government, defence, Hong Kong and Macao,
Taiwan, foreign policy)."""


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
    """The body of a report beyond its targets: outcomes, tasks, measures and outline.

    ``note`` says why the report has no task list, where it has none (``None`` otherwise).
    """

    outcomes: tuple[Outcome, ...] = ()
    tasks: tuple[Task, ...] = ()
    measures: tuple[Measure, ...] = ()
    outline: tuple[Section, ...] = ()
    note: str | None = None


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


# --------------------------------------------------------------------------------------------
# paragraphs: numbers, headings
# --------------------------------------------------------------------------------------------


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
    """The ``一、`` of a short heading line (one sentence, no full stop, not a clause of a list)."""
    text = _text(paragraph)
    match = _PART.match(text)
    if (
        match
        and len(paragraph) == 1
        and "。" not in text
        and len(text) < _PART_MAX_LENGTH
        and not text.rstrip().endswith(("；", ";", "，", ","))
    ):
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


def _unnumbered(paragraph: list[Sentence]) -> bool:
    """A short line with no number that is no sentence (2025年工作安排建议, 关于外交工作, 结束语)."""
    text = _text(paragraph).strip()
    return (
        2 <= len(text) <= _UNNUMBERED_MAX_LENGTH
        and not _UNNUMBERED_DROP.search(text)
        and not any(p.match(text) for p in (_PART, _AREA, _ORDINAL, _ITEM, _LIST_NUMBER, _NOTE))
        and not text.startswith("各位代表")
        and any(c not in _N for c in text)
    )


def _list_marker(paragraph: list[Sentence]) -> tuple[str, int, re.Match[str]] | None:
    """The numbering style and number a paragraph opens with: ``area`` (（一）), ``ordinal``
    (第一，), ``item`` (一是), ``part`` (a short ``一、`` line); ``None`` for any other."""
    first = paragraph[0].text
    for style, pattern in (("area", _AREA), ("ordinal", _ORDINAL), ("item", _ITEM)):
        if match := pattern.match(first):
            return style, chinese_number(match.group(1)), match
    if match := _part_marker(paragraph):
        return "part", chinese_number(match.group(1)), match
    return None


def _statement(sentence: str) -> bool:
    """Whether a short first sentence reads as a statement rather than a title."""
    if _OPENER.match(sentence) or _COPULA.search(sentence.replace("实事求是", "")) or _PERFECTIVE.search(sentence):
        return True
    if _PREDICATE.search(sentence) or _STRONG_MODAL.search(sentence) or parse_quantities(sentence):
        return True  # a figure makes a measure, not a title (完成投资220亿元)
    return bool(_MODAL.search(sentence)) and (len(sentence) > _HEADING_MODAL_MAX_LENGTH or "，" in sentence)


def is_heading(paragraph: Sequence[Sentence]) -> bool:
    """Whether a paragraph's first sentence is a sub-area heading (see the module docstring).

    >>> def paragraph(text):
    ...     return sentences_of("x", text, 0, len(text))
    >>> is_heading(paragraph("促进消费稳定增长。要综合施策，释放消费潜力。"))
    True
    >>> is_heading(paragraph("就业是最基本的民生。要突出就业优先导向。"))
    False
    >>> is_heading(paragraph("今年改革的重点任务是：深化财税金融体制改革。"))
    False
    >>> is_heading(paragraph("新的形势和任务，对政府工作提出了更高要求。我们要……"))
    False
    """
    if not paragraph:
        return False
    text = paragraph[0].text.strip()
    if _NOTE.match(text) or _ADDRESS.match(text) or _LIST_NUMBER.match(text):
        return False
    if not text.endswith("。") and (len(paragraph) > 1 or text.endswith(("！", "？", "；", "!", "?", ";"))):
        return False
    sentence = text.rstrip("。")
    if not sentence or len(sentence) > _HEADING_MAX_LENGTH or "：" in sentence or ":" in sentence:
        return False
    return not _statement(sentence)


# --------------------------------------------------------------------------------------------
# structure: parts and lists
# --------------------------------------------------------------------------------------------


@attrs.frozen
class _Part:
    index: int
    number: int | None
    title: str
    marker: re.Match[str] | None = None


@attrs.define
class _List:
    style: str
    parent: int | None
    """The paragraph (index) of the list member this list is inside, ``None`` at the top."""
    members: list[int] = attrs.Factory(list)


def _body_start(paragraph_list: Sequence[list[Sentence]]) -> int:
    """The first paragraph after the header lines (down to and with the first salutation)."""
    for index, paragraph in enumerate(paragraph_list):
        text = _text(paragraph)
        if _SALUTATION.match(text):
            return index + 1
        if _part_marker(paragraph) or not _is_title_line(paragraph):
            return index
    return len(paragraph_list)


def _numbered_parts(paragraph_list: Sequence[list[Sentence]], start: int) -> list[_Part]:
    """The ``一、`` parts in sequence, a heading run into its paragraph taken where the next
    number follows as a heading line (三、… between 二、 and 四、)."""
    lines = {i: m for i, m in part_headings(paragraph_list).items() if i >= start}
    found: list[_Part] = []
    last: int | None = None
    for index in range(start, len(paragraph_list)):
        paragraph = paragraph_list[index]
        marker = lines.get(index) or _part_marker(paragraph)
        if marker is not None:
            number = chinese_number(marker.group(1))
            if last is None or number == last + 1:
                found.append(_Part(index, number, _title(_text(paragraph), marker), marker))
                last = number
            continue
        run_in = _PART.match(paragraph[0].text)
        if run_in is None or last is None or chinese_number(run_in.group(1)) != last + 1:
            continue
        later = any(
            (m := _part_marker(p)) is not None and chinese_number(m.group(1)) == last + 2
            for p in paragraph_list[index + 1 :]
        )
        if later:
            clause = paragraph[0].text[run_in.end() :].split("，", 1)[0]
            found.append(_Part(index, last + 1, clause.rstrip("。！？；："), run_in))
            last += 1
    return found


def _parts(paragraph_list: Sequence[list[Sentence]]) -> list[_Part]:
    """The parts of the report (see the module docstring)."""
    start = _body_start(paragraph_list)
    unnumbered = [
        _Part(i, None, _text(paragraph_list[i]).strip())
        for i in range(start, len(paragraph_list) - 1)
        if _unnumbered(paragraph_list[i])
        and not (i > start and (_part_marker(paragraph_list[i - 1]) or _unnumbered(paragraph_list[i - 1])))
    ]
    numbered = _numbered_parts(paragraph_list, start)
    if unnumbered and (not numbered or unnumbered[0].index < numbered[0].index):
        return unnumbered
    ends = [p for p in unnumbered if _END_PART.fullmatch(p.title)]
    return sorted([*numbered, *ends], key=lambda p: p.index)


def _lists(paragraph_list: Sequence[list[Sentence]], start: int, end: int, skip: frozenset[int]) -> list[_List]:
    """The numbered lists of paragraphs ``[start, end)`` (see the module docstring)."""
    lists: list[_List] = []
    stack: list[tuple[str, int, int, int]] = []  # (style, number, list, member paragraph)
    for index in range(start, end):
        if index in skip:
            continue
        marker = _list_marker(paragraph_list[index])
        if marker is None:
            continue
        style, number, _ = marker
        at = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == style), None)
        if at is not None and stack[at][1] == number - 1:
            which = stack[at][2]
            del stack[at:]
        elif number == 1:
            if at is not None:
                del stack[at:]
            while stack and _flat(lists[stack[-1][2]]) and index > stack[-1][3] + 1:
                stack.pop()  # a list of one-paragraph members holds nothing after its last member
            lists.append(_List(style, stack[-1][3] if stack else None))
            which = len(lists) - 1
        else:
            continue
        lists[which].members.append(index)
        stack.append((style, number, which, index))
    return lists


def _flat(found: _List) -> bool:
    """Whether a list's members are consecutive paragraphs (each member one paragraph)."""
    members = found.members
    return len(members) > 1 and all(b == a + 1 for a, b in itertools.pairwise(members))


@attrs.frozen
class TaskLayout:
    """Where a report's tasks are.

    ``heads`` are the paragraphs (by index) that head the tasks; ``part_tasks`` says that they
    are parts (a part is a task) rather than areas or list members; ``end`` is the paragraph
    where the last task ends (the closing begins), ``None`` for the end of the text; ``note``
    says why there is no task list, where there is none. ``area_part`` and ``task_parts`` say it
    by part number instead (an annotation's ``task_part``): the areas of that part, or those
    parts, are the tasks.
    """

    area_part: int | None = None
    task_parts: tuple[int, ...] = ()
    heads: tuple[int, ...] = ()
    part_tasks: bool = False
    end: int | None = None
    note: str | None = None


def _paragraph_at(paragraph_list: Sequence[list[Sentence]], offset: int) -> int:
    """The index of the paragraph that holds ``offset``."""
    found = 0
    for index, paragraph in enumerate(paragraph_list):
        if paragraph[0].start <= offset:
            found = index
        else:
            break
    return found


def task_layout(paragraph_list: Sequence[list[Sentence]], targets_at: int | None) -> TaskLayout:
    """Find the task list by the rules in the module docstring.

    ``targets_at`` is the offset where the targets passage starts, where one was found.
    """
    parts = _parts(paragraph_list)
    total = len(paragraph_list)
    body = _body_start(paragraph_list)
    skip = frozenset(p.index for p in parts)

    def part_end(index: int) -> int:
        return next((p.index for p in parts if p.index > index), total)

    def top_lists(start: int, end: int) -> list[_List]:
        # the lists at the top of a range, but those that end before the targets (a part that
        # holds the targets may list its review before them)
        found = _lists(paragraph_list, start, end, skip)
        return [lst for lst in found if lst.parent is None and lst.members[-1] > at]

    holder: _Part | None = None
    if targets_at is not None:
        at = _paragraph_at(paragraph_list, targets_at)
        holding = [p for p in parts if p.index <= at]
        holder = holding[-1] if holding else None
        later = [p for p in parts if p.index > at]
        rest = (holder.index + 1 if holder else body, part_end(at))
        minimum_parts = 2
    else:
        first_work = 1 if parts and _REVIEW.search(parts[0].title) else 0
        later = parts[first_work:]
        rest = (body, parts[0].index) if parts else (body, total)
        at = rest[0] - 1
        # with no targets, parts are the tasks after a review part, or where there are five or more
        minimum_parts = 3 if first_work else _PARTS_AS_TASKS
    work = [p for p in later if not _CLOSING_PART.search(p.title)]

    def parts_as_tasks() -> TaskLayout:
        members = [p for p in later if not _END_PART.fullmatch(p.title)]
        if targets_at is None:
            members = [p for p in members if not _FRAMING.search(p.title)]
        elif (
            holder is not None
            and holder.number is not None
            and not _FRAMING.search(holder.title)
            and holder.index != parts[0].index
        ):
            members = [holder, *members]
        heads = tuple(p.index for p in members)
        return TaskLayout(heads=heads, part_tasks=True, end=_last_end(paragraph_list, heads[-1], parts, True))

    ranges = [rest, *((p.index + 1, part_end(p.index)) for p in work)]
    spread = [
        p for p in work if any(len(lst.members) >= _SPREAD_MIN for lst in top_lists(p.index + 1, part_end(p.index)))
    ]
    if len(spread) >= 2 and targets_at is not None:
        return parts_as_tasks()
    areas = [lst for start, end in ranges for lst in top_lists(start, end) if lst.style == "area"]
    fewest = _AREAS_MIN if targets_at is not None else _LIST_MIN
    areas = [lst for lst in areas if len(lst.members) >= fewest]
    if areas:
        best = max(areas, key=lambda lst: len(lst.members))  # the first on a tie
        return _list_layout(paragraph_list, best, parts)
    if len(work) >= minimum_parts:
        return parts_as_tasks()
    for start, end in [rest, *((p.index + 1, part_end(p.index)) for p in work[:1])]:
        found = [lst for lst in top_lists(start, end) if len(lst.members) >= _LIST_MIN]
        if found:
            return _list_layout(paragraph_list, found[0], parts)
    if targets_at is not None:
        where = "after its targets"
    elif parts and _REVIEW.search(parts[0].title):
        where = "after its review of the past"
    else:
        where = "(it states no targets and reviews no past year in a part of its own)"
    return TaskLayout(
        note=f"the year's tasks: the text numbers no list of them {where}: no （一）… areas, no 一、, "
        "第一，or 一是 list of three or more, no parts that are tasks"
    )


def _list_layout(paragraph_list: Sequence[list[Sentence]], found: _List, parts: Sequence[_Part]) -> TaskLayout:
    heads = tuple(found.members)
    end = _last_end(paragraph_list, heads[-1], parts, False)
    if _flat(found):
        end = min(end, heads[-1] + 1)  # one paragraph a task: the last one ends with its paragraph
    return TaskLayout(heads=heads, end=end)


def _last_end(paragraph_list: Sequence[list[Sentence]], head: int, parts: Sequence[_Part], is_part: bool) -> int:
    """Where the last task (headed at ``head``) ends: the rules in the module docstring."""
    hard = next((p.index for p in parts if p.index > head), len(paragraph_list))
    title = paragraph_list[head][0].text
    seen = False
    topical = bool(_CLOSING_TOPIC.search(title))  # a last task on those subjects (1983: 关于外交工作)
    for index in range(head + 1, hard):
        paragraph = paragraph_list[index]
        text = _text(paragraph)
        if _ADDRESS.match(text) or (_unnumbered(paragraph) and not is_part):
            return index
        if is_heading(paragraph) or _list_marker(paragraph) is not None:
            seen = True
            continue
        first = paragraph[0].text
        if seen and not topical and _CLOSING_TOPIC.search(first):
            return index
    return hard


def _resolved(paragraph_list: Sequence[list[Sentence]], layout: TaskLayout) -> TaskLayout:
    """``layout`` with its heads, where it names its tasks by part number (an annotation)."""
    if layout.heads or (layout.area_part is None and not layout.task_parts):
        return layout
    parts = _parts(paragraph_list)
    if layout.task_parts:
        heads = tuple(p.index for p in parts if p.number in layout.task_parts)
        return attrs.evolve(layout, heads=heads, part_tasks=True, end=_last_end(paragraph_list, heads[-1], parts, True))
    part = next((p for p in parts if p.number == layout.area_part), None)
    if part is None:
        return attrs.evolve(layout, note=f"no task list: the text has no part {layout.area_part}")
    end = next((p.index for p in parts if p.index > part.index), len(paragraph_list))
    found = [lst for lst in _lists(paragraph_list, part.index + 1, end, frozenset()) if lst.style == "area"]
    top = [lst for lst in found if lst.parent is None]
    if not top:
        return attrs.evolve(layout, note=f"no task list: part {layout.area_part} has no areas")
    return attrs.evolve(_list_layout(paragraph_list, top[0], parts), area_part=layout.area_part)


# --------------------------------------------------------------------------------------------
# the section tree
# --------------------------------------------------------------------------------------------


@attrs.define
class _Node:
    kind: SectionKind
    number: int | None
    title: str | None
    heading: Sentence | None
    sentences: list[Sentence] = attrs.Factory(list)
    children: list[_Node] = attrs.Factory(list)
    is_task: bool = False
    is_subtask: bool = False
    note: bool = False
    lead: list[Sentence] = attrs.Factory(list)


class _Outline:
    """Builds the section tree from paragraphs by the rules in the module docstring."""

    def __init__(
        self, paragraph_list: list[list[Sentence]], layout: TaskLayout, part_paragraphs: Sequence[str]
    ) -> None:
        self.paragraphs = paragraph_list
        self.layout = layout
        self.part_paragraphs = tuple(part_paragraphs)
        self.parts = {p.index: p for p in _parts(paragraph_list)}
        self.heads = set(layout.heads)
        self.end = layout.end if layout.end is not None else len(paragraph_list)
        self.last_head = max(layout.heads, default=-1)
        self.root = _Node("part", None, None, None)
        self.part: _Node | None = None
        self.area: _Node | None = None  # an area that is no task
        self.item: _Node | None = None
        self.task: _Node | None = None
        self.subtask: _Node | None = None
        self.closing: _Node | None = None
        self.members: set[int] = set()  # the paragraphs that head the current task's sub-tasks
        self.items_continue = False
        self.preamble_done = False
        self.body_seen = False
        self.last_part: _Node | None = None
        self.closing_how = ""
        self.closing_body = False
        self.closing_topic: str | None = None

    def open(self, parent: _Node, node: _Node) -> _Node:
        parent.children.append(node)
        return node

    def container(self) -> _Node:
        return self.closing or self.item or self.area or self.part or self.root

    def area_has_items(self, index: int) -> bool:
        for later in range(index + 1, len(self.paragraphs)):
            paragraph = self.paragraphs[later]
            text = paragraph[0].text
            if _AREA.match(text) or later in self.parts or _ADDRESS.match(_text(paragraph)) or later in self.heads:
                return False
            if _ITEM.match(text):
                return True
        return False

    def task_end(self, head: int) -> int:
        if head == self.last_head:
            return self.end
        return min([h for h in self.heads if h > head] + [len(self.paragraphs)])

    def subtask_members(self, head: int) -> set[int]:
        """The heads of the task's sub-tasks, where they are a list's members (see the module
        docstring); empty where its sub-areas are headed paragraphs."""
        end = min(self.task_end(head), next((i for i in self.parts if i > head), len(self.paragraphs)))
        lists = [lst for lst in _lists(self.paragraphs, head + 1, end, frozenset()) if lst.parent is None]
        if not lists:
            return set()
        members = lists[0].members
        if any(
            is_heading(self.paragraphs[i])
            for i in range(head + 1, members[0])
            if _list_marker(self.paragraphs[i]) is None
        ):
            return set()
        if all(_text(self.paragraphs[i]).rstrip().endswith(("；", ";")) for i in members[:-1]):
            return set()  # clauses of one sentence (第一，…；第二，…；), no sub-tasks
        return set(members)

    def build(self) -> list[_Node]:
        for index, paragraph in enumerate(self.paragraphs):
            self.read(index, paragraph)
        return self.root.children

    def read(self, index: int, paragraph: list[Sentence]) -> None:
        first = paragraph[0]
        text = _text(paragraph)
        if part := self.parts.get(index):
            is_task = self.layout.part_tasks and index in self.heads
            if not is_task and index > self.last_head >= 0:
                # a part after the task list is a closing passage (加强政府自身建设, 关于外交工作, 结束语)
                self.open_closing(paragraph, "part", number=part.number, title=part.title)
                return
            self.part = self.open(self.root, _Node("part", part.number, part.title, first, is_task=is_task))
            self.part.sentences.extend(paragraph)
            self.body_seen = False
            if index == max(self.parts):
                self.last_part = self.part
            self.area = self.item = self.closing = self.subtask = None
            self.task = self.part if is_task else None
            if is_task:
                self.members = self.subtask_members(index)
            return
        if self.part is None and not self.preamble_done and _is_title_line(paragraph):
            salutation = bool(_SALUTATION.match(text))
            node = self.open(self.root, _Node("heading", None, None if salutation else text, first))
            node.sentences.extend(paragraph)
            self.preamble_done = salutation
            return
        self.preamble_done = True
        if self.opens_closing(index, paragraph):
            if _SALUTATION.match(text) and self.closing is not None and not self.closing_body:
                node = self.open(self.closing, _Node("heading", None, None, first))  # 结束语 / 各位代表：
                node.sentences.extend(paragraph)
                return
            self.open_closing(paragraph, "salutation" if _ADDRESS.match(text) else "topic")
            return
        if not _SALUTATION.match(text):
            self.body_seen = True
        if self.task is not None and index >= self.task_end(self.heads_of(self.task)):
            self.task = self.subtask = None
            self.item = None
        if index in self.heads and not self.layout.part_tasks:
            marker = _list_marker(paragraph)
            match = marker[2] if marker else None
            number = marker[1] if marker else None
            parent = self.part or self.root
            self.task = self.open(parent, _Node("area", number, _title(first.text, match), first, is_task=True))
            self.task.sentences.extend(paragraph)
            self.task.lead.extend(paragraph[1:])
            self.subtask = self.area = self.item = None
            self.members = self.subtask_members(index)
            return
        if self.task is not None:
            self.read_in_task(index, paragraph)
            return
        if _SALUTATION.match(text):
            node = self.open(self.area or self.part or self.root, _Node("heading", None, None, first))
            node.sentences.extend(paragraph)
            self.item = None
            return
        if self.closing is not None:
            self.read_in_closing(paragraph)
            return
        if area := _AREA.match(first.text):
            parent = self.part or self.root
            self.area = self.open(parent, _Node("area", chinese_number(area.group(1)), _title(first.text, area), first))
            self.area.sentences.extend(paragraph)
            self.item = None
            self.items_continue = self.area_has_items(index)
            return
        if self.part_paragraphs and text.startswith(self.part_paragraphs):
            self.area = self.item = None
            self.paragraph(self.part or self.root, paragraph)
            return
        item = _ITEM.match(first.text) or _ORDINAL.match(first.text) or _part_marker(paragraph)
        bullet = _BULLET.match(first.text) if self.part is not None else None
        if item or bullet:
            parent = self.area or self.part or self.root
            number = chinese_number(item.group(1)) if item else None
            self.item = self.open(parent, _Node("item", number, _title(first.text, item or bullet), first))
            self.item.sentences.extend(paragraph)
            return
        if self.item is not None and self.area is not None and self.items_continue:
            self.item.sentences.extend(paragraph)  # a paragraph continuing the 一是 item
            return
        self.item = None
        self.paragraph(self.area or self.part or self.root, paragraph)

    def open_closing(
        self, paragraph: list[Sentence], how: str, *, number: int | None = None, title: str | None = None
    ) -> None:
        """Open a closing section at ``paragraph``: after a part heading (``part``), a salutation
        (``salutation``), or where the last task ends or a new closing subject begins (``topic``)."""
        self.closing = self.open(self.root, _Node("closing", number, title, paragraph[0]))
        self.closing.sentences.extend(paragraph)
        self.area = self.item = self.task = self.subtask = None
        self.part = None
        self.closing_how = how
        self.closing_body = how == "topic" or (how == "salutation" and not _SALUTATION.match(_text(paragraph)))
        self.closing_topic = _topic(paragraph[0].text) if how == "topic" else None

    def opens_closing(self, index: int, paragraph: list[Sentence]) -> bool:
        """Whether the paragraph opens a closing section: where the last task ends, or at a
        salutation after it; with no task list, at a salutation alone in the last part, once the
        part has had a passage."""
        text = _text(paragraph)
        address = bool(_ADDRESS.match(text))
        if self.last_head >= 0:
            return index == self.end or (address and (index > self.last_head or self.closing is not None))
        if self.closing is not None:
            return address
        last = max(self.parts, default=None)
        in_last = self.part is None or self.part.number is None or (last is not None and self.part is self.last_part)
        return bool(_SALUTATION.match(text)) and in_last and self.body_seen

    def heads_of(self, task: _Node) -> int:
        assert task.heading is not None
        return next(i for i in self.heads if self.paragraphs[i][0] is task.heading)

    def paragraph(self, parent: _Node, paragraph: list[Sentence]) -> _Node:
        note = bool(_NOTE.match(paragraph[0].text))
        node = self.open(parent, _Node("paragraph", None, None, None, note=note))
        node.sentences.extend(paragraph)
        return node

    def read_in_task(self, index: int, paragraph: list[Sentence]) -> None:
        assert self.task is not None
        first = paragraph[0]
        text = _text(paragraph)
        if self.part_paragraphs and text.startswith(self.part_paragraphs):
            self.task = self.subtask = None
            self.paragraph(self.part or self.root, paragraph)
            return
        if self.members:
            heads = index in self.members
        elif self.task.kind == "part" and not self.task.children:
            heads = False  # a part that is a task opens with its lead (2015, the 1990s)
        elif not self.task.children and len(self.task.sentences) == 1 and "，" in first.text:
            heads = False  # after a heading on a line of its own, a sentence of clauses leads the task
        else:
            heads = is_heading(paragraph) and not _SALUTATION.match(text)
        if heads:
            marker = _list_marker(paragraph) if self.members else None
            match = marker[2] if marker else None
            kind: SectionKind = "area" if marker and marker[0] == "area" else "item"
            number = marker[1] if marker else sum(1 for c in self.task.children if c.is_subtask) + 1
            self.subtask = self.open(
                self.task, _Node(kind, number, _title(first.text, match), first, is_task=True, is_subtask=True)
            )
            self.subtask.sentences.extend(paragraph)
            return
        if _SALUTATION.match(text):
            node = self.open(self.subtask or self.task, _Node("heading", None, None, first))
            node.sentences.extend(paragraph)
            return
        if _NOTE.match(first.text):
            self.paragraph(self.subtask or self.task, paragraph)
            return
        if self.subtask is not None:
            self.subtask.sentences.extend(paragraph)  # a paragraph continuing the sub-area
            return
        node = self.paragraph(self.task, paragraph)
        if not node.note:
            self.task.lead.extend(paragraph)

    def read_in_closing(self, paragraph: list[Sentence]) -> None:
        assert self.closing is not None
        first = paragraph[0]
        topic = _topic(first.text)
        if self.closing_how == "topic" and topic is not None and topic != self.closing_topic:
            self.open_closing(paragraph, "topic")  # where no salutation divides them, one passage a subject
            return
        self.closing_body = True
        marker = _list_marker(paragraph)
        if marker is not None or is_heading(paragraph):
            match = marker[2] if marker else None
            number = marker[1] if marker else None
            self.item = self.open(self.closing, _Node("item", number, _title(first.text, match), first))
            self.item.sentences.extend(paragraph)
            return
        if self.item is not None:
            self.item.sentences.extend(paragraph)
            return
        self.paragraph(self.closing, paragraph)


_TOPICS = {
    "government": re.compile(r"对政府工作提出|自身建设|政府建设|法治政府|依法行政"),
    "ethnic": re.compile(r"民族|宗教|侨务"),
    "defence": re.compile(r"国防|军队|强军"),
    "hong_kong_macao": re.compile(r"一国两制|港澳|香港|澳门"),
    "taiwan": re.compile(r"台湾|两岸"),
    "foreign": re.compile(r"外交|对外政策|和平发展道路"),
}
"""The subjects of the closing passages, by the words of a passage's first sentence."""


def _topic(sentence: str) -> str | None:
    """The closing subject a sentence names first, ``None`` for none."""
    found = [(m.start(), key) for key, pattern in _TOPICS.items() if (m := pattern.search(sentence))]
    return min(found)[1] if found else None


def _all_sentences(node: _Node) -> Iterator[Sentence]:
    yield from node.sentences
    for child in node.children:
        yield from _all_sentences(child)


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

    def lead_of(self, node: _Node) -> Span | None:
        if node.heading is None:
            return None
        source = node.heading.source
        own = [s for s in node.lead if s.source == source and s.text.strip()]
        if not own:
            return None
        return span_at(source, self.texts[source], min(s.start for s in own), max(s.end for s in own))

    def measures_of(self, node: _Node) -> list[Measure]:
        if node.kind == "heading" or node.note or (node.kind == "closing" and not node.sentences[1:]):
            return []
        return [self.measure(s) for s in node.sentences if s is not node.heading and not self.is_taken(s)]

    def all_measures(self, node: _Node) -> Iterator[Measure]:
        yield from self.measures_of(node)
        for child in node.children:
            yield from self.all_measures(child)

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
        subtasks = [self.task(c, c.number or 0, own_subtasks) for c in node.children if c.is_subtask]
        measures = self.measures_of(node)
        for child in node.children:
            if not child.is_subtask:
                measures.extend(self.all_measures(child))
        theme, secondary = themes.get(number, (None, None))
        return Task(
            number=number,
            title=node.title or "",
            theme=theme,
            secondary_theme=secondary,
            subtasks=tuple(subtasks),
            measures=tuple(measures),
            span=self.span_of(node),
            lead=self.lead_of(node),
        )

    def collect(self, nodes: list[_Node]) -> list[Task]:
        tasks = []
        for node in nodes:
            if node.is_task and not node.is_subtask:
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
    sub-tasks whose theme is not the task's; a paragraph that starts with one of
    ``part_paragraphs`` returns to the part level (what only an annotation can say).
    """
    paragraph_list = paragraphs(sentences)
    # a target set outside the passage stays a measure of its task too (its sentence may state more)
    targets = [t for t in targets if t.in_passage]
    if layout is None:
        targets_at = min((t.span.start for t in targets), default=None)
        layout = task_layout(paragraph_list, targets_at)
    layout = _resolved(paragraph_list, layout)
    taken = [t.span for t in targets] + [t.rationale_span for t in targets if t.rationale_span is not None]
    builder = _Builder(texts, taken, keyer, themes or {}, subtask_themes or {})
    nodes = _Outline(paragraph_list, layout, part_paragraphs).build()
    tasks = builder.collect(nodes)
    return Content(
        tasks=tuple(tasks),
        measures=tuple(builder.report_measures),
        outline=tuple(builder.section(n) for n in nodes),
        note=None if tasks else (layout.note or "no task list: the reader found no numbered tasks"),
    )


# --------------------------------------------------------------------------------------------
# appendices
# --------------------------------------------------------------------------------------------

_LABEL = re.compile(r"^附件\s*[0-9一二三四五六七八九十]*\s*[：:]?")
"""An attachment's label (附件1), which is not its title."""
_ENTRY = re.compile(rf"(?:([0-9]+)[.．、]|[（(［\[]([0-9]+)[）)］\]]|([{_N}]+)、)\s*")
"""The number that opens an appendix entry: 1. / （1） / ［1］ / 一、."""


def appendix_sections(source_id: str, text: str, ranges: Sequence[tuple[int, int]]) -> tuple[Section, ...]:
    """The appendices after a report's closing (``ranges``, see :class:`gwr._reading._layout.Layout`)
    as ``appendix`` sections: titled by their first heading line (名词解释, 附件1), with a
    ``heading`` section for each further heading line and an ``item`` for each numbered entry,
    titled by the term it explains (the words before its colon) or by its first sentence.

    >>> text = "名词解释\\n1.“两重”：国家重大战略实施和重点领域安全能力建设。\\n2.“两新”：大规模设备更新。"
    >>> (section,) = appendix_sections("x", text, [(0, len(text))])
    >>> section.kind, section.title, [(c.kind, c.number, c.title) for c in section.children]
    ('appendix', '名词解释', [('item', 1, '“两重”'), ('item', 2, '“两新”')])
    """
    return tuple(_appendix(source_id, text, start, end) for start, end in ranges)


def _appendix(source_id: str, text: str, start: int, end: int) -> Section:
    lines: list[tuple[int, int]] = []
    at = start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            left = at + line.index(stripped)
            lines.append((left, left + len(stripped)))
        at += len(line) + 1
    title: tuple[int, int] | None = None
    children: list[Section] = []
    entry: list[int] = []  # start, heading end, end of the current entry

    def close() -> None:
        if entry:
            s, heading_end, e, number = entry
            exact = text[s:heading_end]
            marker = _ENTRY.match(exact)
            words = exact[marker.end() :] if marker else exact
            children.append(
                Section(
                    kind="item",
                    number=number or None,
                    title=words.rstrip("。！？；：:") or None,
                    span=span_at(source_id, text, s, e),
                    heading=span_at(source_id, text, s, heading_end),
                )
            )
            entry.clear()

    for s, e in lines:
        line = text[s:e]
        marker = _ENTRY.match(line)
        if marker:
            close()
            number = next((g for g in marker.groups() if g), "")
            value = int(number) if number.isdigit() else chinese_number(number)
            rest = line[marker.end() :]
            colon = re.search(r"[：:]", rest)
            sentence = _SENTENCE.match(rest)
            stop = colon.end() if colon else (sentence.end() if sentence else len(rest))
            entry.extend([s, s + marker.end() + stop, e, value])
        elif entry:
            entry[2] = e  # a line continuing the entry (a glossary's definition under its term)
        elif title is None and not re.search(r"[。！？；]", line):
            title = (s, e)
        elif title is not None and _LABEL.fullmatch(text[title[0] : title[1]]) and not children:
            title = (title[0], e)  # 附件1 / 2025年省十件民生实事: the label and the title
        elif not re.search(r"[。！？；]", line):
            children.append(
                Section(
                    kind="heading",
                    number=None,
                    title=line,
                    span=span_at(source_id, text, s, e),
                    heading=span_at(source_id, text, s, e),
                )
            )
        else:
            children.append(Section(kind="paragraph", number=None, title=None, span=span_at(source_id, text, s, e)))
    close()
    words = _LABEL.sub("", text[title[0] : title[1]]).strip() if title else ""
    return Section(
        kind="appendix",
        number=None,
        title=words or None,
        span=span_at(source_id, text, start, end),
        heading=span_at(source_id, text, *title) if title else None,
        children=tuple(children),
    )
