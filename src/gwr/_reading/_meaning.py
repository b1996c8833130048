"""What a figure means: what it measures, over what period, and of what scope.

A figure of a report carries an indicator's key only where all three fit the indicator
(:func:`fits`); the reader decides them from the words around the figure, the same way in every
report:

**Measure** (:data:`gwr.Measurement`). A figure in percentage points is a change in ``points``. A
percentage is a ``share`` where its clause says it is one between the name and the figure
(比重, 占比, 比例, 份额, 占…); otherwise a ``growth`` rate where the indicator its clause
states is one (经济增速5%, 涨幅回落到2.6%); otherwise a ``level`` where the clause says it is
reached (提高到89.3%, 下降到10.06‰), a ``growth`` rate where the text states a change (增长,
下降), and a ``level`` where it states none (失业率5.5%). An
amount is an ``increment`` where the text states a change of it (比上年增加5000亿元, 增产74亿斤),
a ``per_capita`` level where its name is narrowed to a head (人均国内生产总值), otherwise a
``level``.

**Period** (:attr:`gwr.Quantity.period`). The words that put the figure over a span of years: an
average (年均, 平均每年), a total (累计, 合计), a look back (五年来, 这五年, 过去五年, 连续三年,
“十四五”以来, 党的十八大以来, “六五”期间), a span between years (2000年至2005年), a base
earlier than the year before (比2002年增长65.5% in 2008's review), a horizon later than the
report's year (到2035年), a doubling (翻一番), a part of the year (上半年, 前三季度, 1—11月).
A look back speaks for its clause and the clauses
after it in the sentence, until a clause names the year again (去年, 今年, 全年, 2024年); the
report's own year and the year before are no span (2024年以来, 今年以来, 一年来, 比上年). ``None``:
the figure is of the year.

**Scope** (:attr:`gwr.Quantity.scope`). The part of the aggregate the clause narrows the
indicator's name to: the Han characters right before the name, after the last word that only
determines or introduces it (全国, 全省, 全年, 实现, 其中, 的): 轻工业总产值 (of 工业总产值),
网上零售额, 地方财政赤字, 跨境电商进出口, 县域经济增长, 深圳地区生产总值, and 人均 for a
per-head growth rate. ``None``: the aggregate itself.

:func:`fits` then asks: the aggregate (no scope), the year (no period), and a measure the
indicator takes (:attr:`gwr.Indicator.measure`): a ``growth`` indicator growth rates only; a
``share`` indicator shares and levels; an ``increment`` indicator (new jobs, poverty reduction)
increments and levels; a ``level`` indicator levels only.
"""

from __future__ import annotations

import re

from .._model._records import Measurement, Quantity

_YEAR = r"(?:[0-9]{4}|[〇一二三四五六七八九零]{4})"
_FEW = r"[两二三四五六七八九十0-9]{1,2}"
_SPAN = re.compile(
    r"年均|平均每年|每年平均|年平均|累计|合计|共计|总计"
    rf"|(?:过去|这|近|前|最近|今后|未来)的?{_FEW}年(?:来|间|中|内|里|以来)?"
    rf"|{_FEW}年(?:来|间|中|里|以来)|多年来|连续{_FEW}年"
    r"|“?(?:十[一二三四五六七八九]?|[六七八九])五”?(?:期间|时期|以来|计划期间|规划期间)"
    r"|第[一二三四五六七八九十]+个五年计划(?:期间)?|五年计划期间"
    r"|翻(?:了)?[一两二三四]?番"
    r"|上半年|下半年|前三季度|第?[一二三四]季度|[0-9一二三四五六七八九十]{1,2}(?:—|－|-|至|到)[0-9一二三四五六七八九十]{1,2}月"
    rf"|(?P<from>{_YEAR})年?(?:至|到|—|–|－|-|~)(?P<to>{_YEAR})年"
    rf"|(?:从|由)(?P<since>{_YEAR})年"
    rf"|到(?P<by>{_YEAR})年"
    rf"|比(?P<base>{_YEAR})年"
    rf"|(?:同|与|和|跟)(?P<against>{_YEAR})年(?:相比|比较)"
    r"|(?P<since_words>[^，,。；;、：:\s]{1,10})以来"
    r"|(?<![第个一二三四五六七八九十])[两三四五六七八九十]年(?!规划|计划|级|制|期|前|后|以前|以后|行动)"
    rf"|(?P<at>{_YEAR})年(?!以来|[至到—–－~-])"
)
_ANCHOR = re.compile(rf"(?:刚刚过去的|过去的)?(?:去年|今年|全年|当年|上年|一年来|{_YEAR}年(?![至到—–－~-]))")


_DIGITS = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0"}


def year_in_words(year: int) -> str:
    """``year`` in Chinese digits one by one, as the older reports write it (1956 → 一九五六)."""
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(year))


def _year(words: str) -> int:
    """A year written in digits (2002) or in Chinese digits one by one (一九八〇)."""
    return int("".join(_DIGITS.get(c, c) for c in words))


def span_in(text: str, start: int, end: int, year: int | None) -> tuple[str | None, int]:
    """The words in ``text[start:end]`` that put a figure after them over a span of years, and
    where the last of them ends (``(None, -1)`` where there are none). ``year`` is the report's
    year (``None``: not known, so that no year is taken for its own)."""
    found: str | None = None
    at = -1
    for match in _SPAN.finditer(text, start, end):
        if not _spans(match, year):
            continue
        found, at = match.group(), match.end()
    return found, at


def _spans(match: re.Match[str], year: int | None) -> bool:
    own = set() if year is None else {year, year - 1}
    if match["by"] is not None:
        return _year(match["by"]) not in own
    if match["at"] is not None:
        return year is not None and _year(match["at"]) not in own  # 2015年国内生产总值将超过55万亿元
    if match["base"] is not None or match["against"] is not None:
        base = _year(match["base"] or match["against"])
        return year is None or base < year - 2
    if match["since"] is not None:
        since = _year(match["since"])
        return since not in own
    if match["since_words"] is not None:
        words = match["since_words"]
        own_words = ("今年", "去年", "一年", "年初", "上年", *(f"{y}年" for y in own))
        return not words.endswith(own_words)
    return True


_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
_FIRST_CLAUSE = re.compile(r"[^，,；;：:。！？\n]+")


def look_back(text: str, at: int, year: int | None) -> str | None:
    """The span a paragraph's opening words put the sentence at ``at`` in (五年来，…; “十二五”时期，…):
    the opening sentence's first clause names it, or a later sentence's that opens on a look back
    (…收官之年。过去五年，…), and it holds until a sentence opens on the year again (去年…, 今年…,
    2024年…)."""
    start = text.rfind("\n", 0, at) + 1
    sentence_start = max(text.rfind(c, start, at) for c in "。！？") + 1
    carried: str | None = None
    for n, sentence in enumerate(_SENTENCE.finditer(text, start, at)):
        begin = sentence.start() + len(sentence.group()) - len(sentence.group().lstrip())
        if n == 0:
            first = _FIRST_CLAUSE.match(text, begin)
            if first is not None:
                carried, _ = span_in(text, first.start(), first.end(), year)
        elif _ANCHOR.match(text, begin):
            carried = None
        else:
            # 2015年是“十二五”收官之年。过去五年，…: a later sentence that opens on a look back
            first = _FIRST_CLAUSE.match(text, begin)
            if first is not None and not _FIGURE.search(text, first.start(), first.end()):
                own, _ = span_in(text, first.start(), first.end(), year)
                if own is not None and not _OWN_CLAUSE.search(own):
                    carried = own
    if start < sentence_start < at:
        # a piece of a longer sentence (a measure after a ；): the sentence's opening speaks for it
        # (1986年同1978年相比，国民生产总值由…；国民收入由…增加到7790亿元，…增长94.9%)
        first = _FIRST_CLAUSE.match(text, sentence_start)
        if first is not None and first.end() < at:
            opening, _ = span_in(text, first.start(), first.end(), year)
            carried = opening or carried
    return carried


_OWN_CLAUSE = re.compile(
    r"^(?:年均|平均每年|每年平均|年平均|累计|合计|共计|总计|连续|翻|比)"
    r"|^(?:[0-9]{4}|[〇一二三四五六七八九零]{4})年$"
)
"""Spans that speak for their own clause only (年均增长, 累计完成, 连续6年增产, 比2002年, 2015年…),
not for the clauses after it the way a look back does (五年来，…; 今年上半年，…; 从2020年到2025年，…)."""


_SUMMED = re.compile(r"累计|合计|共计|总计")
_ARABIC_DIGIT = re.compile(r"[0-9]")
_FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?[%万亿元吨斤人]|百分之|[十百千万亿][元吨斤人]|倍")


def periods(
    clauses: list[tuple[int, int]], text: str, year: int | None, carried: str | None = None
) -> list[tuple[str | None, str | None]]:
    """For each clause ``text[start:end]`` of one sentence: the span carried into it from the
    clauses before (and from the paragraph's opening, ``carried``), and the span its own words
    open (for the figures after them)."""
    result: list[tuple[str | None, str | None]] = []
    for start, end in clauses:
        if _ANCHOR.match(text, start):
            carried = None
        own, own_end = span_in(text, start, end, year)
        result.append((carried, own))
        figure = _FIGURE.search(text, start, end)
        if own is not None and figure is not None and own_end > figure.start():
            continue  # 粮食总产达615.6亿斤、创近5年新高: words after the figure speak for none after it
        # a clause of its comparison or its sum alone (比上年，…; 近三年累计，…) speaks for the clauses after it
        compared = own is not None and own.startswith(("比", "同", "与", "和", "跟"))
        summed = own is not None and _SUMMED.search(own) is not None and end - start <= 8
        alone = (
            (compared or summed) and not _FIGURE.search(text, start, end) and not _ARABIC_DIGIT.search(text, start, end)
        )
        if own is not None and (not _OWN_CLAUSE.search(own) or alone):
            carried = own  # 五年来，…; 一九五七年比一九五二年，…: a clause of its span alone speaks for the rest
    return result


_SHARE = re.compile(r"比重|占比|比例|份额|之比|贡献率|占")
_REACHED = re.compile(r"(?:到|至)了?$")
_INCREMENT = re.compile(
    r"(?:增产|减产|多增|少增|净增|增量|绝对数)(?:了|是|为|却是)?$|比[^，,。；;]{0,12}?[多少]$|(?<![至最])[多少]$"
)


def measure_of(
    quantity: Quantity,
    before: str,
    takes: str | None,
    *,
    per_capita: bool,
    flow: bool = False,
    compared: bool = False,
    of_whole: bool = False,
) -> Measurement:
    """What ``quantity`` measures, from the clause's words ``before`` it (the indicator's name
    left out) and what the indicator its clause states measures (``takes``: a growth rate is
    what a figure in % under a growth indicator's name is, 经济增速5%, 涨幅回落到2.6%). Where the
    indicator is a ``flow`` (its name states one: 农村贫困人口减少, 城镇新增就业), its figure is the
    flow's level unless ``compared`` with another (比去年多100万人: an increment). A percentage
    ``of_whole`` (原定计划的101%, 74.6%的规模工业增加值) is a share."""
    if quantity.unit == "percentage_points":
        return "points"
    if quantity.unit in ("%", "permille"):
        if of_whole or _SHARE.search(before):
            return "share"
        if takes == "growth":
            return "growth"
        if _REACHED.search(before):
            return "level"  # 下降到10.06‰, 提高到89.3%: the level reached
        return "growth" if quantity.change in ("increase", "decrease") else "level"
    if quantity.change in ("increase", "decrease") or _INCREMENT.search(before):
        if flow and quantity.relative_to is None and not compared:
            return "level"  # 农村贫困人口减少1289万人: the flow its name states, not a change of it
        if flow and quantity.relative_to in _YEAR_BEFORE and not _INCREMENT.search(before):
            return "level"  # 农村贫困人口比上年减少245万人: the year's flow, by its own verb
        return "increment"
    return "per_capita" if per_capita else "level"


_YEAR_BEFORE = frozenset({"上年", "去年", "上一年"})
FLOW = re.compile(r"减少|增加|新增|转移|减排|脱贫")
"""Words in an indicator's name that make it a flow (农村贫困人口减少, 农村劳动力转移就业)."""


_TAKES: dict[str, frozenset[str]] = {
    "growth": frozenset({"growth"}),
    "share": frozenset({"share", "level"}),
    "increment": frozenset({"increment", "level"}),
    "level": frozenset({"level"}),
    "per_capita": frozenset({"per_capita"}),
    "points": frozenset({"points"}),
}


def fits(indicator_measure: str, quantity: Quantity) -> bool:
    """Whether ``quantity`` may carry the key of an indicator that takes ``indicator_measure``:
    of the aggregate, of the year, and measuring what the indicator measures."""
    if quantity.scope is not None or quantity.period is not None:
        return False
    return quantity.measure is None or quantity.measure in _TAKES.get(indicator_measure, frozenset())
