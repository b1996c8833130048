"""The layout of a report text: where the report is in it, and what its header states.

A report text as users hold it is rarely the report alone. A copy from Wikisource ends with a
licence trailer (本作品是中华人民共和国的法律…); a provincial copy starts with a compiler's
``来源：…`` line and may end with a glossary (名词解释) or a list of projects (附件) appended after
the closing; a national copy often starts at 各位代表 with the title, the date and the speaker
dropped. :func:`find_layout` reads a *normalized* text (one paragraph a line, see
:mod:`gwr._reading._normalize`) and finds

- the range of the report: ``start`` (its first title line, or the salutation when the text
  starts there), ``speech_start`` (the salutation 各位代表 that opens the speech, after the
  header) and ``end`` (the end of the closing, before any trailer);
- what the header states, each value with its span in the text, or ``None`` where the text does
  not state it: the title, the year, the date, the meeting, the speaker, and the compiler's
  ``来源`` (source) line.

>>> text = (
...     "2025年浙江省政府工作报告\\n来源：浙江日报\\n"
...     "——2025年1月14日在浙江省第十四届人民代表大会第三次会议上\\n省长王浩\\n"
...     "各位代表：\\n现在，我代表省人民政府向大会报告工作。\\n让我们共同奋斗！\\n"
...     "名词解释\\n1.“两重”：国家重大战略实施和重点领域安全能力建设。"
... )
>>> layout = find_layout(text)
>>> text[layout.start : layout.end].splitlines()[-1]
'让我们共同奋斗！'
>>> layout.year.value, text[layout.year.start : layout.year.end]
(2025, '2025')
>>> layout.date.value, layout.speaker.value, layout.source_note.value
('2025-01-14', '王浩', '浙江日报')
>>> layout.meeting.value
'浙江省第十四届人民代表大会第三次会议'
"""

from __future__ import annotations

import re
from typing import Generic, TypeVar

import attrs

T = TypeVar("T")

__all__ = ["Layout", "Stated", "find_layout"]


@attrs.frozen
class Stated(Generic[T]):
    """A value the text states, with the span ``[start, end)`` of the words that state it."""

    value: T
    start: int
    end: int


@attrs.frozen
class Layout:
    """Where the report is in a normalized text, and what its header states.

    ``start`` and ``end`` delimit the report (header included, trailers and appendices left out);
    ``speech_start`` is where the speech opens (the 各位代表 salutation, else ``start``). Each
    header value is ``None`` where the text does not state it; ``speaker_office`` is the office
    the header names the speaker by (国务院总理, 市长), apart from the name. ``appendices`` are
    the ranges ``[start, end)`` of what follows the closing as part of the report: a glossary
    (名词解释), an attachment (附件), notes (注释), a numbered list with no heading; page furniture
    and licence trailers are not appendices.
    """

    start: int
    speech_start: int
    end: int
    title: Stated[str] | None = None
    year: Stated[int] | None = None
    date: Stated[str] | None = None
    meeting: Stated[str] | None = None
    speaker: Stated[str] | None = None
    source_note: Stated[str] | None = None
    speaker_office: Stated[str] | None = None
    appendices: tuple[tuple[int, int], ...] = ()


_HAN = "\u3400-\u9fff"
_NUMERALS = "〇零一二三四五六七八九十"
_SALUTATION = re.compile(r"各位代表(?:[：:！!，,、]|$)")
_BARE_SALUTATION = re.compile(r"各位代表[：:！!，,、]?")
_HEADER_SEARCH_LINES = 12
_HEADER_LINE_LENGTH = 120
# a copy from a web page: the salutation may come after page furniture (下载 打印 【字号】...), a
# 来源 and a 时间 line and a photo caption; so far in, through short lines and no part heading
_PAGE_SEARCH_LINES = 40
_PAGE_LINE_LENGTH = 200
_PAGE_HEADER_LENGTH = 1500
_PART_HEADING = re.compile(rf"[{_NUMERALS}]+、")
_TITLE_LENGTH = 40

# Lines from which on the text is no longer the report: licence trailers, notes added by the
# compiler or the transcriber, appendices after the closing.
_TRAILER = re.compile(
    r"本作品|注：中文维基文库|Public domain"  # Wikisource's licence trailer
    r"|来源[：:]|附件|附：|附表|名词解释|名词注释|注释[：:]?$|字库未存字注释"
    r"|《政府工作报告》.{0,12}(?:名词|注释|解释)"
    r"|[（(【\[]?(?:责任编辑|编辑[：:]|校对|审核|原标题|（完）|\(完\)|打印|关闭窗口|分享到|扫一扫|纠错)"  # web pages
)
_LIST_ITEM = re.compile(r"[0-9]+[.．、]|[（(][0-9]+[）)]")
_SENTENCE_END = "。！？!?”…"

_DATE = re.compile(
    rf"(?P<year>[0-9]{{4}}|[{_NUMERALS}]{{4}})年(?P<month>[0-9]{{1,2}}|[{_NUMERALS}]{{1,3}})月"
    rf"(?P<day>[0-9]{{1,2}}|[{_NUMERALS}]{{1,3}})日"
)
_MEETING = re.compile(rf"第?[{_NUMERALS}]+届(?:全国)?人民代表大会第[{_NUMERALS}]+次(?:全体)?会[议議]")
_MEETING_IN_HEADER = re.compile(rf"在(?P<meeting>[^在\n]{{0,16}}?{_MEETING.pattern})")
_MEETING_ADDRESSED = re.compile(rf"[向在](?P<meeting>{_MEETING.pattern})")
_TITLE = re.compile(r"工作报告|报告")
_TITLE_END = re.compile(r"报告(?:[（(][^（()）]{1,8}[)）])?$")
_DELIVERED = re.compile(r"(?<!工)作了?(?:政府)?(?:工作)?报告")
_OFFICE = (
    r"国务院副总理|副总理|国务院代总理|国务院总理|代理总理|代总理|总理|代理省长|代省长|省长|代理市长|代市长|市长|"
    r"代理主席|代主席|人民政府主席|政府主席|主席"
)
# an office may hold a second one (国务院副总理兼国家计划委员会主任李富春, 副总理兼财政部长李先念)
_SECOND_OFFICE = rf"兼[{_HAN}]{{1,12}}?(?:主任|部长|委员长)"
_SPEAKER = re.compile(
    rf"(?P<office>(?:自治区)?(?:{_OFFICE})(?:{_SECOND_OFFICE})?)(?P<name>[{_HAN}·]{{2,12}}?)(?:同志)?(?=在|作|的|$)"
)
# the name before the office (2025年1月15日龚正市长在…): after a date, a dash or the line's start
_SPEAKER_BEFORE = re.compile(rf"(?:^|(?<=[日—\s]))(?P<name>[{_HAN}·]{{2,4}}?)(?:同志)?(?P<office>{_OFFICE})(?=在|作)")
_NAME_LINE = re.compile(rf"[{_HAN}·]{{2,5}}")
_SOURCE_NOTE = re.compile(r"来源[：:](?P<value>.+?)(?=[0-9]{4}年|——|$)")
_YEAR_IN_TITLE = re.compile(r"(?P<year>[0-9]{4})年")
_REVIEW_HEADING = re.compile(
    rf"(?m)^(?:[{_NUMERALS}]+、)?(?P<year>[0-9]{{4}})年(?:[{_HAN}]{{0,6}}的?)?(?:工作)?(?:的)?回顾"
)
_YEAR_PASSED = re.compile(r"(?:刚刚过去的|过去的)(?P<year>[0-9]{4})年")
_TASKS_HEADING = re.compile(
    rf"(?m)^[{_NUMERALS}]+、(?:关于|对)?(?P<year>[0-9]{{4}})年的?"
    r"(?:政府工作|主要任务|工作|经济社会发展|国家预算|重点工作|目标任务)"
)
_TARGETS_YEAR = re.compile(r"(?m)(?P<year>[0-9]{4})年(?:国民经济和社会发展|经济社会发展|发展)的?主要(?:预期)?目标")


def _lines(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every line of ``text``, end excluding the line break."""
    spans = []
    at = 0
    for line in text.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def _chinese_number(digits: str) -> int:
    """``2025`` or ``二〇二五`` (digit by digit) or ``十九`` (a number up to 99) as an int."""
    if digits.isdigit() and digits.isascii():
        return int(digits)
    values = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    if "十" not in digits:
        return int("".join(str(values[c]) for c in digits))
    tens, _, units = digits.partition("十")
    return (values[tens] if tens else 1) * 10 + (values[units] if units else 0)


def find_layout(text: str) -> Layout:
    """Find the report in a normalized text and what its header states.

    The header is the run of short lines before the salutation 各位代表 that opens the speech
    (when the text has one near its start); the report ends at the last line that ends a
    sentence before the first trailer line after the speech (a licence, a ``来源`` line, 附件,
    名词解释...) or before a numbered list that follows the last 各位代表 paragraph.

    >>> layout = find_layout("各位代表：\\n一、2024年工作回顾\\n过去一年很不平凡。\\n本作品是中华人民共和国的法律")
    >>> layout.start, layout.speech_start, layout.year.value, layout.title, layout.speaker
    (0, 0, 2025, None, None)
    """
    lines = _lines(text)
    speech = _speech_line(text, lines)
    header = _from_title([(s, e) for s, e in lines[:speech] if s < e], text)
    start = header[0][0] if header else lines[speech][0]
    speech_start = lines[speech][0]
    end = _end(text, lines, speech)
    title = _title(text, header)
    date, meeting, (speaker, office), source_note = _header_facts(text, header)
    if meeting is None:
        meeting = _meeting_in_opening(text, lines, speech)
    year = _year(text, title, date, speech_start, end)
    return Layout(
        start=start,
        speech_start=speech_start,
        end=max(end, speech_start),
        title=title,
        year=year,
        date=date,
        meeting=meeting,
        speaker=speaker,
        source_note=source_note,
        speaker_office=office,
        appendices=_appendices(text, lines, speech, end),
    )


def _speech_line(text: str, lines: list[tuple[int, int]]) -> int:
    """The index of the line that opens the speech: a salutation among the first lines, all of
    them short header lines; else the first line after the lines that read as a header (a
    title, a ``来源`` line, a date or meeting line, a speaker), as in a copy without 各位代表."""
    for index, (s, e) in enumerate(lines[:_HEADER_SEARCH_LINES]):
        line = text[s:e]
        if _SALUTATION.match(line):
            return index
        if e - s > _HEADER_LINE_LENGTH:
            break
    for index, (s, e) in enumerate(lines[:_PAGE_SEARCH_LINES]):
        line = text[s:e]
        if _SALUTATION.match(line):
            return index
        if e - s > _PAGE_LINE_LENGTH or s > _PAGE_HEADER_LENGTH or _PART_HEADING.match(line):
            break
    index = 0
    while index < min(len(lines) - 1, _HEADER_SEARCH_LINES) and _is_header_line(text[slice(*lines[index])]):
        index += 1
    return index


def _from_title(header: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The header from its title line on (the last line before the speech that reads as the
    report's title): the lines before it are the page the report was copied from (a breadcrumb,
    下载 打印 全屏, a title repeated in the page's heading), not the report."""
    titles = [i for i, (s, e) in enumerate(header) if _is_title_line(text[s:e])]
    return header[titles[-1] :] if titles else header


def _is_title_line(line: str) -> bool:
    """A line that is a report's title: short, ending with 报告 (or 报告（摘要）), naming no speaker
    who delivers it (a photo caption: 省长刘小涛代表省人民政府向大会作政府工作报告), no date, no meeting."""
    return (
        len(line) <= _TITLE_LENGTH
        and bool(_TITLE_END.search(line))
        and not _DELIVERED.search(line)
        and not line.startswith(("——", "来源", "(", "（"))
        and not _DATE.search(line)
        and not _MEETING.search(line)
    )


def _is_header_line(line: str) -> bool:
    return (
        not line
        or (len(line) <= _TITLE_LENGTH and bool(_TITLE.search(line)) and not line.endswith(tuple(_SENTENCE_END)))
        or bool(_SOURCE_NOTE.match(line))
        or (len(line) <= _HEADER_LINE_LENGTH and bool(_DATE.search(line)) and bool(_MEETING.search(line)))
        or (len(line) <= _TITLE_LENGTH and _speaker(line, 0) is not None)
    )


def _end(text: str, lines: list[tuple[int, int]], speech: int) -> int:
    stop = next(
        (i for i in range(speech + 1, len(lines)) if _TRAILER.match(text[lines[i][0] : lines[i][1]])), len(lines)
    )
    stop = _before_appended_list(text, lines, speech, stop)
    for index in range(stop - 1, speech - 1, -1):
        s, e = lines[index]
        if text[s:e].endswith(tuple(_SENTENCE_END)):
            return e
    return lines[stop - 1][1] if stop > 0 else 0


def _before_appended_list(text: str, lines: list[tuple[int, int]], speech: int, stop: int) -> int:
    """Where a numbered list appended after the closing begins (a glossary or a list of projects
    with no heading), else ``stop``: the closing is the first paragraph that ends with an
    exclamation at or after the last 各位代表 salutation."""
    salutations = [i for i in range(speech + 1, stop) if _SALUTATION.match(text[lines[i][0] : lines[i][1]])]
    if not salutations:
        return stop
    for index in range(salutations[-1], stop):
        s, e = lines[index]
        line = text[s:e]
        if line.endswith(("！", "!")) and not _BARE_SALUTATION.fullmatch(line):
            return next((i for i in range(index + 1, stop) if _LIST_ITEM.match(text[lines[i][0] : lines[i][1]])), stop)
    return stop


_APPENDIX = re.compile(r"附件|附：|附表|名词解释|名词注释|注释[：:]?$|《政府工作报告》.{0,12}(?:名词|注释|解释)")
"""A line that opens an appendix after the closing (a glossary, an attachment, notes)."""
_FURNITURE = re.compile(
    r"本作品|注：中文维基文库|Public domain|相关报道|相关文档|相关新闻|扫一扫|分享到|责任编辑|编辑[：:]|校对|"
    r"审核|原标题|（完）|\(完\)|打印|关闭窗口|纠错|字库未存字注释"
)
"""A line after the report that is page furniture or a licence, never an appendix."""


def _appendices(text: str, lines: list[tuple[int, int]], speech: int, end: int) -> tuple[tuple[int, int], ...]:
    """The ranges of the appendices after the report's ``end``: from a line that opens one
    (名词解释, 附件…), or from a numbered list right after the closing, to the next such line (once
    the appendix has had an entry), page furniture or the end of the text.

    >>> text = "各位代表：\\n让我们共同奋斗！\\n名词解释\\n1.“两重”：重大战略。\\n2.“两新”：设备更新。\\n相关报道："
    >>> [text[s:e] for s, e in find_layout(text).appendices]
    ['名词解释\\n1.“两重”：重大战略。\\n2.“两新”：设备更新。']
    """
    after = [i for i, (s, e) in enumerate(lines) if s >= end and i > speech and e > s]
    found: list[tuple[int, int]] = []
    start: int | None = None
    entries = 0
    last = None
    for index in after:
        s, e = lines[index]
        line = text[s:e].strip()
        if _FURNITURE.match(line):
            break
        opens = bool(_APPENDIX.match(line))
        if start is None:
            if not (opens or _LIST_ITEM.match(line)):
                break  # not an appendix: whatever follows is no part of the report
            start, entries = s, 0 if opens else 1
        elif opens and entries:
            found.append((start, lines[last][1] if last is not None else e))
            start, entries = s, 0
        elif not opens:
            entries += 1
        last = index
    if start is not None and last is not None and entries:
        found.append((start, lines[last][1]))
    return tuple(found)


def _title(text: str, header: list[tuple[int, int]]) -> Stated[str] | None:
    for s, e in header:
        if _is_title_line(text[s:e]):
            return Stated(text[s:e], s, e)
    for s, e in header:
        line = text[s:e]
        if (
            _TITLE.search(line)
            and not line.startswith(("——", "来源"))
            and not _DATE.search(line)
            and not _MEETING.search(line)
        ):
            return Stated(line, s, e)
    return None


_Speaker = tuple[Stated[str] | None, Stated[str] | None]
"""The speaker's name and office, each ``None`` where the header does not state it."""


def _header_facts(
    text: str, header: list[tuple[int, int]]
) -> tuple[Stated[str] | None, Stated[str] | None, _Speaker, Stated[str] | None]:
    date = meeting = source_note = None
    for s, e in header:
        line = text[s:e]
        if source_note is None and (m := _SOURCE_NOTE.match(line)):
            source_note = Stated(m["value"], s + m.start("value"), s + m.end("value"))
        if date is None and (d := _DATE.search(line)):
            try:
                year, month, day = (_chinese_number(d[k]) for k in ("year", "month", "day"))
            except (KeyError, ValueError):
                pass
            else:
                if 1 <= month <= 12 and 1 <= day <= 31:
                    date = Stated(f"{year:04d}-{month:02d}-{day:02d}", s + d.start(), s + d.end())
        if meeting is None and (m := _MEETING_IN_HEADER.search(line)):
            meeting = Stated(m["meeting"], s + m.start("meeting"), s + m.end("meeting"))
    # the speaker named with an office (省长 王浩) anywhere in the header, else a line that is a name alone
    speaker = next((found for s, e in header if (found := _speaker(text[s:e], s, bare=False))), None)
    if speaker is None:
        speaker = next((found for s, e in header if (found := _speaker(text[s:e], s))), None)
    return date, meeting, speaker or (None, None), source_note


def _stated(match: re.Match[str], group: str, at: int) -> Stated[str]:
    return Stated(match[group], at + match.start(group), at + match.end(group))


def _speaker(line: str, at: int, *, bare: bool = True) -> _Speaker | None:
    """The speaker a header line names, without office or honorific (殷勇, not 北京市市长 殷勇同志),
    and the office apart, as the line writes it (北京市市长; 国务院总理 of 国务院总理李强; 市长 of
    龚正市长).

    >>> shanghai = "2025年1月15日龚正市长在上海市第十六届人民代表大会第三次会议的政府工作报告"
    >>> lines = ("北京市市长殷勇同志作政府工作报告", shanghai, "国务院总理李强")
    >>> [(n.value, o.value) for n, o in (_speaker(line, 0) for line in lines)]
    [('殷勇', '北京市市长'), ('龚正', '市长'), ('李强', '国务院总理')]
    >>> name, office = _speaker("周恩来", 0)
    >>> name.value, office
    ('周恩来', None)
    """
    for m in _SPEAKER.finditer(line):
        if m.end() == len(line) or line.startswith(("在", "作", "的"), m.end()):
            left = _office_start(line, m.start("office"))
            return _stated(m, "name", at), Stated(line[left : m.end("office")], at + left, at + m.end("office"))
    if before := _SPEAKER_BEFORE.search(line):
        return _stated(before, "name", at), _stated(before, "office", at)
    if bare and _NAME_LINE.fullmatch(line) and not _TITLE.search(line) and not _SALUTATION.match(line):
        return Stated(line, at, at + len(line)), None
    return None


_HAN_CHAR = re.compile(rf"[{_HAN}]")


def _office_start(line: str, start: int) -> int:
    """Where the office before a name starts, as the header writes it: the words of the
    government it holds office in (四川省人民政府省长, 广东省省长, 国务院总理), after the date
    or the meeting the line names first.

    >>> line = "2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长殷勇同志作政府工作报告"
    >>> line[_office_start(line, line.index("市长殷")) : line.index("殷")]
    '北京市市长'
    """
    left = start
    while left > 0 and _HAN_CHAR.match(line[left - 1]):
        left -= 1
    for match in re.finditer(r"会议上|会上", line[left:start]):
        left_at = left + match.end()
        if left_at <= start:
            left = max(left, left_at)
    while left < start and line[left] in "年月日在":
        left += 1
    return left


def _meeting_in_opening(text: str, lines: list[tuple[int, int]], speech: int) -> Stated[str] | None:
    """The meeting the first paragraph of the speech addresses (向第一届全国人民代表大会第二次会议
    提出…); a meeting named otherwise (从去年9月第五届…会议到现在) is another one."""
    for s, e in lines[speech : speech + 2]:
        if m := _MEETING_ADDRESSED.search(text, s, e):
            return Stated(m["meeting"], m.start("meeting"), m.end("meeting"))
    return None


def _year(
    text: str, title: Stated[str] | None, date: Stated[str] | None, speech_start: int, end: int
) -> Stated[int] | None:
    if title is not None and (m := _YEAR_IN_TITLE.search(text, title.start, title.end)):
        if "草案" in title.value:  # 关于2023年…计划执行情况与2024年…计划草案的报告: the draft's year
            m = list(_YEAR_IN_TITLE.finditer(text, title.start, title.end))[-1]
        return Stated(int(m["year"]), m.start("year"), m.end("year"))
    if date is not None:
        return Stated(int(date.value[:4]), date.start, date.start + 4)
    if m := _REVIEW_HEADING.search(text, speech_start, end):
        return Stated(int(m["year"]) + 1, m.start("year"), m.end("year"))
    if m := _TASKS_HEADING.search(text, speech_start, end) or _TARGETS_YEAR.search(text, speech_start, end):
        return Stated(int(m["year"]), m.start("year"), m.end("year"))
    opening = text.find("\n", text.find("\n", speech_start) + 1)
    if m := _YEAR_PASSED.search(text, speech_start, opening if opening > 0 else end):
        return Stated(int(m["year"]) + 1, m.start("year"), m.end("year"))
    return None
