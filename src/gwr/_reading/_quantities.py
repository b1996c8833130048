"""The quantity parser: every number in a report's text, exact, with its unit and qualifier.

:func:`parse_quantities` reads the quantities of a (normalized) text and returns them as
:class:`~gwr.Quantity` records, in text order::

    >>> from gwr._reading._quantities import parse_quantities
    >>> [q] = parse_quantities("国内生产总值增长5%左右")
    >>> q.value, q.unit, q.qualifier, q.change, q.text
    (Decimal('5'), '%', 'about', 'increase', '5%左右')
    >>> [q] = parse_quantities("粮食产量1.3万亿斤以上")
    >>> q.value, q.unit, q.qualifier
    (Decimal('1300000000000'), 'jin', 'at_least')

What a quantity is
------------------

A number (Arabic ``1.3``, with or without thousands separators: ``1,200``, ``33，212``; Chinese
``两``, ``十一``, ``一万``, with decimals after 点 or 點: ``百分之四十一点七`` is ``41.7`` ``%``;
``一半`` and ``半数``, which are ``50`` ``%``), an optional magnitude
(万 = 10^4, 亿 = 10^8, 万亿 = 10^12), optional approximation marks (多, 余: ``250余万``,
``6600多万``), a unit from :data:`UNITS` (optionally compound: ``元/月``, ``微克/立方米``) and an
optional trailing qualifier (左右, 以上, 以内, 以下; 多 at the end of a clause: ``1倍多``).
An Arabic number with a magnitude but no unit is a count: in the unit of the noun it counts where
:data:`COUNT_NOUNS` knows it (``6600多万纳税人`` is ``persons``, as ``1244万人`` is), else
``count``. An Arabic number with neither is not a quantity (list markers, dates, ``20242024``).

Negative numbers
    A minus sign (``-``, ``－``, ``−``, or ``负``: see :data:`NEGATIVE_SIGNS`) is never dropped.
    Since ``value`` is never negative, a negative number is read as a change the other way: with
    no verb of change it is a ``decrease`` (``-0.3%``, ``负0.3%``), after an increase verb a
    ``decrease`` (``增长-2.1%``), after a decrease verb an ``increase`` (``下降-5%``); the sign is
    part of ``text``. A dash right after a number or unit is a range (``6.5%－7%``), not a sign.

Per what
    An amount of money or a mass whose clause says what it is per, before the amount
    (:data:`PER_MARKERS`), carries it as denominators of its unit: ``月最低标准提高20元`` is
    ``CNY/month``, ``每人每年320元`` ``CNY/person/year``, ``亩产389.7公斤`` ``kg/mu``. A unit
    written with its denominator (``20元/月``) is read as written.

``text``, ``start`` and ``end``
    ``text`` is the leading qualifier word if there is one (近, 超过, 约, 突破, 跃上 ... see
    :data:`QUALIFIERS`), the number, magnitude, approximation marks, unit and trailing qualifier,
    exactly as written: ``近30%``, ``1.3万亿斤以上``, ``超过四成``. It never includes the verb
    (增长), the comparison (比上年) or a following noun. ``text == input[start:end]``; whitespace
    inside the phrase (``1170 万``, a line break in ``134.9万亿⏎元``) is kept in ``text`` and is
    otherwise ignored, as it is between a verb and its number (``增长 5%``).

``value`` and ``upper``
    The number in base units, exactly (:class:`~decimal.Decimal`, never a float, never
    negative): ``1.3万亿斤`` → ``1300000000000`` ``jin``; ``亿千瓦`` → 10^8 ``kW``; shares in tenths
    become percent (``四成`` → ``40`` ``%``). A range (``5%—6%``, ``2—3倍``, ``5-6万亿元``) has its
    lower bound in ``value`` and its upper bound in ``upper``; a missing unit or magnitude on the
    lower bound is taken from the upper one; in words the upper end of a percentage drops its
    百分之 (``百分之八至九``, ``百分之二到三``: 8-9 and 2-3 ``%``). A fraction ``1/3`` or
    ``三分之一`` is ``value=1, unit="parts_per_3"`` (``百分之五`` is ``5 %``).

``qualifier``
    See :data:`QUALIFIERS`. A leading word wins over an approximation mark, which wins over a
    trailing word. ``近`` before a number of years, months or days (``近5年``) means "the last
    five years" and is no qualifier. ``上`` before a round Chinese numeral (``上千万家庭``,
    ``上亿人``) is ``at_least``; a bare magnitude after a qualifier is one of it (``突破万亿元``).
    A share (``%``, ``一半``, a fraction, ``倍``) keeps the qualifier word (of two characters or
    more, or 约 before 为/占/是) that stands before the whole it is a share of, the whole linked
    to it by 的 (``超过总装机的50%``, ``不到原定计划的一半``, ``约占职工总数的四分之一``) or
    standing right before 一半 (``超过全球一半``), and the word before a verb of change
    (``至少降低30%``). ``text`` is then the number alone. Without such a link the word is a verb
    of its own: ``超过年度计划百分之四点一`` exceeds the plan *by* 4.1 %, exactly.
    A trailing word after the last figure of a list of bare figures in one unit (joined by 、,
    和, 及, 与) qualifies every figure of the list, as Chinese reads it: the word closes the
    frame the whole list stands in (``分别控制在5%和3%以内``: both at most; ``分别增长5%、6.5%左右``:
    both about; ``分别稳定在800亿斤、60亿斤、160亿斤以上``). A figure with a word or mark of
    its own (``3.5%以上、7%左右``) keeps it. ``text`` is the figure alone.

``change`` and ``relative_to``
    A verb of change directly before the number (optionally with a leading qualifier in between)
    makes the quantity a change with a direction (:data:`CHANGES`): ``增长5%`` → ``increase``,
    ``下降0.2个百分点`` → ``decrease``. Rate nouns count too (``涨幅3%`` → ``increase``,
    ``降幅超过3%`` → ``decrease``). A verb followed by 到/至 (``提高到66.2%``, ``上升至87.2%``),
    or 达到/为/保持在, states a level: ``change`` is ``None``. ``比上年``, ``比2023年年初预算``,
    ``较上年末`` before the verb give ``relative_to`` (``上年``, ``2023年年初预算``, ``上年末``);
    ``同比`` gives ``上年同期``, ``环比`` gives ``上期``. A quantity followed in the same sentence
    by ``与…持平`` (``赤字率拟按3%安排，与2023年年初预算持平``) keeps its level as ``value``
    with ``change="unchanged"`` and ``relative_to`` set. A quantity that follows another one after
    、/和/及/与/或 with no verb of its own shares that one's change and comparison
    (``分别增长8.9%、7.7%``), and a number without a unit shares the next one's unit
    (``分别下降0.2个和0.1个百分点``). An age (``提高3岁以下婴幼儿照护…标准``) is an attribute of
    what follows and never a change.

What is deliberately not a quantity
-----------------------------------

- years and dates: a four-digit number before 年 (``2035年``, ``2023年年初``), year ranges
  (``2021－2035年``), ``3月``, ``5日`` (month and day are no units; ``3个月`` is);
- ordinals (``第二轮``, ``第十一次``), anniversaries (``75周年``), session numbers (``二次会议``);
- names with Latin letters next to the digits (``5G``, ``6G``, ``C919``, ``M2``, ``PM2.5``) and
  names with Chinese numerals (``嫦娥六号``, ``十四五``, ``九二共识``: not valid numbers or not
  followed by a unit);
- versions (``3.0版``) and tenors (``1年期``, ``5年期``);
- numbers in the names of programmes: a number (of years, of jin, of yuan...) that starts a
  word ending in a programme head of :data:`PROGRAMME_HEADS` (``三年行动计划``, ``十年禁渔``,
  ``千亿斤粮食产能提升行动``, ``建军一百年奋斗目标``) is part of the name, as ``十四五`` is. A
  number that counts the programmes is a quantity (``12个都市圈规划``, ``102项重大工程``);
- Chinese numerals are read conservatively, only where they are clearly a quantity: with a
  magnitude (``一万亿元``), as a share in tenths (``四成``), or before 次, 年, 倍, 个百分点,
  百分点, 个月, 天, 岁. A bare ``一`` (``一件事``, ``一年来``, ``一次性``), numerals before 个
  (``两个毫不动摇``), ``二次``/``三次`` (``三次分配``, ``三次产业``) and numerals that start with
  百/千/万/亿 (``百万青年``, ``千亿斤粮食产能提升行动``, ``万物``) are not quantities, except
  after a qualifier (``超百亿元``, ``上千万家庭``, ``突破万亿元``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

import attrs

from .._model._records import Change, Qualifier, Quantity

__all__ = [
    "CHANGES",
    "COUNT_NOUNS",
    "MAGNITUDES",
    "NEGATIVE_SIGNS",
    "PER_MARKERS",
    "PER_UNITS",
    "PROGRAMME_HEADS",
    "QUALIFIERS",
    "UNITS",
    "Unit",
    "cn_to_int",
    "parse_quantities",
]


class Unit(NamedTuple):
    """A unit code and its English description (``Unit("CNY", "yuan (renminbi)")``)."""

    code: str
    description: str


UNITS: dict[str, Unit] = {
    # shares
    "%": Unit("%", "percent"),
    "％": Unit("%", "percent"),
    "个百分点": Unit("percentage_points", "percentage points"),
    "百分点": Unit("percentage_points", "percentage points"),
    "个基点": Unit("basis_points", "basis points"),
    "基点": Unit("basis_points", "basis points"),
    "‰": Unit("permille", "per mille"),
    "成": Unit("%", "tenths (一成 = 10 percent), given in percent"),
    "倍": Unit("fold", "times as much (a multiple)"),
    # money
    "元": Unit("CNY", "yuan (renminbi)"),
    "美元": Unit("USD", "US dollars"),
    "欧元": Unit("EUR", "euros"),
    "港元": Unit("HKD", "Hong Kong dollars"),
    "人民币": Unit("CNY", "yuan (renminbi)"),
    # mass, area, length, volume, energy
    "斤": Unit("jin", "jin (500 grams)"),
    "担": Unit("dan", "dan (50 kilograms; 100 jin)"),
    "公斤": Unit("kg", "kilograms"),
    "千克": Unit("kg", "kilograms"),
    "吨": Unit("t", "tonnes"),
    "吨标准煤": Unit("tce", "tonnes of standard coal equivalent"),
    "微克": Unit("ug", "micrograms"),
    "亩": Unit("mu", "mu (1/15 hectare)"),
    "公顷": Unit("ha", "hectares"),
    "平方公里": Unit("km2", "square kilometres"),
    "平方千米": Unit("km2", "square kilometres"),
    "平方米": Unit("m2", "square metres"),
    "公里": Unit("km", "kilometres"),
    "千米": Unit("km", "kilometres"),
    "米": Unit("m", "metres"),
    "立方米": Unit("m3", "cubic metres"),
    "千瓦": Unit("kW", "kilowatts"),
    "千瓦时": Unit("kWh", "kilowatt-hours"),
    "千瓦小时": Unit("kWh", "kilowatt-hours"),
    "度": Unit("kWh", "kilowatt-hours (度, after 万 or 亿 only: 三千亿度)"),
    "瓩": Unit("kW", "kilowatts (瓩, the older form of 千瓦)"),
    "大卡": Unit("kcal", "kilocalories"),
    "千卡": Unit("kcal", "kilocalories"),
    "兆瓦": Unit("MW", "megawatts"),
    "吉瓦": Unit("GW", "gigawatts"),
    "标箱": Unit("TEU", "twenty-foot equivalent units (containers)"),
    # people and organisations
    "人": Unit("persons", "persons"),
    "名": Unit("persons", "persons"),
    "位": Unit("persons", "persons"),
    "人次": Unit("person_times", "person-times (visits, trips)"),
    "户": Unit("households", "households"),
    "家庭": Unit("households", "households (families)"),
    "家": Unit("entities", "enterprises, institutions (家)"),
    "所": Unit("institutions", "schools, hospitals (所)"),
    # things
    "个": Unit("count", "a count of the things named after it (个)"),
    "项": Unit("items", "items, projects, measures (项)"),
    "件": Unit("pieces", "pieces, cases, documents (件)"),
    "条": Unit("count", "a count of lines, routes, rules (条)"),
    "部": Unit("count", "a count of laws, works (部)"),
    "座": Unit("count", "a count of buildings, structures (座)"),
    "处": Unit("count", "a count of sites (处)"),
    "种": Unit("count", "a count of kinds (种)"),
    "台": Unit("machines", "machines, sets of equipment (台)"),
    "套": Unit("sets", "sets (套)"),
    "辆": Unit("vehicles", "vehicles"),
    "列": Unit("trains", "trains (列)"),
    "艘": Unit("ships", "ships"),
    "架": Unit("aircraft", "aircraft"),
    # time
    "次": Unit("times", "times, occurrences"),
    "年": Unit("years", "years (a duration)"),
    "个月": Unit("months", "months (a duration)"),
    "天": Unit("days", "days (a duration)"),
    "小时": Unit("hours", "hours"),
    "岁": Unit("years_of_age", "years of age"),
    "周岁": Unit("years_of_age", "years of age"),
}
"""Chinese unit (as written after the number and magnitude) → :class:`Unit`. A number with a
magnitude but no unit has unit ``count``."""

PER_UNITS: dict[str, Unit] = {
    "月": Unit("month", "per month"),
    "年": Unit("year", "per year"),
    "人": Unit("person", "per person"),
    "天": Unit("day", "per day"),
    "日": Unit("day", "per day"),
    "小时": Unit("h", "per hour"),
    "吨": Unit("t", "per tonne"),
    "斤": Unit("jin", "per jin"),
    "公斤": Unit("kg", "per kilogram"),
    "亩": Unit("mu", "per mu"),
    "户": Unit("household", "per household"),
    "平方米": Unit("m2", "per square metre"),
    "立方米": Unit("m3", "per cubic metre"),
    "千瓦时": Unit("kWh", "per kilowatt-hour"),
}
"""Denominators of compound units: ``元/月`` → ``CNY/month``, ``微克/立方米`` → ``ug/m3``."""

MAGNITUDES: dict[str, int] = {"万亿": 10**12, "亿": 10**8, "万": 10**4}
"""Magnitudes after an Arabic number (``1.3万亿``); Chinese numerals carry their own."""

QUALIFIERS: dict[str, Qualifier] = {
    # before the number
    "约": "about",
    "大约": "about",
    "大概": "about",
    "近": "less_than",
    "接近": "less_than",
    "将近": "less_than",
    "不到": "less_than",
    "不足": "less_than",
    "低于": "less_than",
    "超过": "more_than",
    "超": "more_than",
    "突破": "more_than",
    "逾": "more_than",
    "高于": "more_than",
    "不超过": "at_most",
    "不高于": "at_most",
    "不多于": "at_most",
    "至少": "at_least",
    "不低于": "at_least",
    "不少于": "at_least",
    "跃上": "at_least",
    "迈上": "at_least",
    "跨上": "at_least",
    "站上": "at_least",
    "登上": "at_least",
    "跨过": "at_least",
    "上": "at_least",
    # inside the number
    "多": "more_than",
    "余": "more_than",
    # after the number and unit
    "左右": "about",
    "上下": "about",
    "以上": "at_least",
    "以内": "at_most",
    "以下": "at_most",
}
"""Qualifier words → qualifier. No word means ``exact``. ``上`` counts only before a round
Chinese numeral (``上千万家庭``, ``上亿人``: "reaching", at least), never in ``成千上万``."""

_LEADING_QUALIFIERS = [w for w in QUALIFIERS if w not in {"多", "余", "左右", "上下", "以上", "以内", "以下", "上"}]
_STEPS = {"跃上", "迈上", "跨上", "站上", "登上", "跨过"}
"""Steps reached (迈上100万亿元台阶, 跨过3万亿元): the level is at least the figure."""
_APART_QUALIFIERS = [w for w in _LEADING_QUALIFIERS if len(w) > 1 and w not in _STEPS]
"""Qualifier words that still qualify a share when the whole it is a share of stands between
them and the number (``超过总装机的50%``, ``不到原定计划的一半``, ``超过全球一半``) or a verb of
change does (``至少降低30%``); 约 does before 为/占/是 (``约占职工总数的四分之一``)."""
_TRAILING_QUALIFIERS = ["左右", "上下", "以上", "以内", "以下"]

CHANGES: dict[str, Change] = {
    "增长": "increase",
    "增加": "increase",
    "提高": "increase",
    "提升": "increase",
    "上涨": "increase",
    "上升": "increase",
    "上调": "increase",
    "扩大": "increase",
    "延长": "increase",
    "加快": "increase",
    "多增": "increase",
    "回升": "increase",
    "递增": "increase",
    "增长率": "increase",
    "增速": "increase",
    "增幅": "increase",
    "涨幅": "increase",
    "降低": "decrease",
    "下降": "decrease",
    "减少": "decrease",
    "下调": "decrease",
    "缩小": "decrease",
    "缩短": "decrease",
    "缩减": "decrease",
    "压减": "decrease",
    "压缩": "decrease",
    "递减": "decrease",
    "回落": "decrease",
    "放缓": "decrease",
    "收窄": "decrease",
    "少增": "decrease",
    "降幅": "decrease",
    "跌幅": "decrease",
    "持平": "unchanged",
}
"""Words of change directly before a number (or ``持平`` after it) → direction."""

NEGATIVE_SIGNS = ("-", "－", "−", "负")
"""Signs that make a number negative (``-0.3%``, ``增长-2.1%``, ``负0.3%``). A value is never
negative: a negative number reads as a change in the opposite direction (see the module
documentation). ``-`` after a number or unit is a range dash (``5-6万亿元``), not a sign."""

COUNT_NOUNS: dict[str, Unit] = {
    "纳税人": Unit("persons", "persons"),
    "群众": Unit("persons", "persons"),
    "人口": Unit("persons", "persons"),
    "人员": Unit("persons", "persons"),
    "人才": Unit("persons", "persons"),
    "学生": Unit("persons", "persons"),
    "毕业生": Unit("persons", "persons"),
    "农民工": Unit("persons", "persons"),
    "农民": Unit("persons", "persons"),
    "职工": Unit("persons", "persons"),
    "工人": Unit("persons", "persons"),
    "居民": Unit("persons", "persons"),
    "老人": Unit("persons", "persons"),
    "儿童": Unit("persons", "persons"),
    "患者": Unit("persons", "persons"),
    "医生": Unit("persons", "persons"),
    "教师": Unit("persons", "persons"),
    "干部": Unit("persons", "persons"),
    "青年": Unit("persons", "persons"),
    "劳动力": Unit("persons", "persons"),
    "农户": Unit("households", "households"),
    "企业": Unit("entities", "enterprises, institutions (家)"),
    "市场主体": Unit("entities", "enterprises, institutions (家)"),
    "经营主体": Unit("entities", "enterprises, institutions (家)"),
}
"""A number with a magnitude and no unit (``6600多万``) that the noun it counts follows, within
the next six characters of its clause (``6600多万纳税人``, ``250余万农村低收入群众``), is in that
noun's unit, as ``1244万人`` is: ``persons``; else its unit is ``count``."""

PER_MARKERS: dict[str, tuple[str, ...]] = {
    "每人": ("person",),
    "人均": ("person",),
    "按人口平均": ("person",),
    "每户": ("household",),
    "户均": ("household",),
    "每亩": ("mu",),
    "亩均": ("mu",),
    "亩产": ("mu",),
    "每年": ("year",),
    "年收入": ("year",),
    "年人均": ("year", "person"),
    "人均年": ("person", "year"),
    "每月": ("month",),
    "按月": ("month",),
    "月均": ("month",),
    "月人均": ("month", "person"),
    "人均月": ("person", "month"),
    "月最低": ("month",),
    "月标准": ("month",),
    "月工资": ("month",),
    "月收入": ("month",),
}
"""Words in the clause before an amount of money or a mass that say what it is per: who bears it
(``每人``, ``户均``, ``亩产``) and the period (``每月``, ``月最低标准``, ``年收入``). The amount's
unit gets them as denominators, bearer first, then the last period named:
``基础养老金月最低标准提高20元`` → ``CNY/month``; ``每人每年320元`` → ``CNY/person/year``;
``户均年收入增长约2000元`` → ``CNY/household/year``; ``亩产389.7公斤`` → ``kg/mu``."""

PROGRAMME_HEADS = ("行动", "计划", "规划", "工程", "攻坚", "方案", "禁渔", "奋斗目标")
"""Words that end the name of a programme. A number whose unit measures something other than
the programmes themselves (a duration, a mass, money: ``十年禁渔``, ``三年行动``,
``千亿斤粮食产能提升行动``) followed, within its word, by one of them is part of the name and no
quantity; a number that counts the programmes (``12个都市圈规划``, ``102项重大工程``) is one."""

# --------------------------------------------------------------------------------------------
# Number grammar

_CN_DIGITS = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
_CN_SECTION = re.compile(
    r"(?:(?P<q>[一二两三四五六七八九])?(?P<qk>千))?"
    r"(?P<z1>[零〇])?(?:(?P<b>[一二两三四五六七八九])?(?P<bk>百))?"
    r"(?P<z2>[零〇])?(?:(?P<s>[一二三四五六七八九])?(?P<sk>十))?"
    r"(?P<g>[一二两三四五六七八九])?"
)


def _cn_section(s: str, *, leading: bool) -> int | None:
    """Parse a section below 10000 (``三千零五``, ``十五``); ``None`` if not well formed.

    A bare 十/百/千 (no digit before it) is only read at the start of a numeral (十五, 百亿).
    """
    m = _CN_SECTION.fullmatch(s) if s else None
    if m is None:
        return None
    value = 0
    first = True
    for digit, mark, factor in (("q", "qk", 1000), ("b", "bk", 100), ("s", "sk", 10)):
        if m[mark]:
            if not m[digit] and not (leading and first):
                return None
            value += (_CN_DIGITS[m[digit]] if m[digit] else 1) * factor
            first = False
    if m["g"]:
        value += _CN_DIGITS[m["g"]]
    return value or None


def _cn_below_yi(s: str, *, leading: bool) -> int | None:
    if "万" in s:
        head, _, tail = s.partition("万")
        high = _cn_section(head, leading=leading)
        if high is None or "万" in tail:
            return None
        if not tail:
            return high * 10**4
        low = _cn_section(tail.removeprefix("零").removeprefix("〇"), leading=False)
        return None if low is None else high * 10**4 + low
    return _cn_section(s, leading=leading)


def cn_to_int(s: str) -> int | None:
    """The value of a Chinese numeral (``两``, ``十一``, ``三千零五``, ``一万亿``); ``None`` if ``s``
    is not a well-formed numeral (``十四五``, ``九二``).

    >>> cn_to_int("一万亿"), cn_to_int("十五"), cn_to_int("两千三百"), cn_to_int("十四五")
    (1000000000000, 15, 2300, None)
    """
    if not s:
        return None
    if "亿" in s:
        head, _, tail = s.partition("亿")
        high = _cn_below_yi(head, leading=True)
        if high is None or "亿" in tail:
            return None
        if not tail:
            return high * 10**8
        low = _cn_below_yi(tail.removeprefix("零").removeprefix("〇"), leading=False)
        return None if low is None else high * 10**8 + low
    return _cn_below_yi(s, leading=True)


# --------------------------------------------------------------------------------------------
# Scanning

_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)} | {"％": "%", "．": ".", "／": "/"}


_FOLD_TABLE = str.maketrans(_FOLD)
_FOLDED = re.compile("[" + "".join(_FOLD) + "]")
_SPACE_RUN = re.compile(r"\s+")
_MIDDLE_DOT = re.compile(r"(?<=[0-9])[·・](?=[0-9]+(?:%|‰|万|亿|元|倍|个百分点|吨|斤|公斤|美元|千瓦|亩|公里))")
"""A middle dot between digits before a unit is a decimal point (19·5%, 4·3%: the 1990s copies);
elsewhere it separates (5·12汶川地震)."""


def _compact(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace (full-width digits folded) and, per character, its offset.

    A run of whitespace between two ASCII letters or digits is kept as one space, so that two
    numbers never run together (``2023 2024``); a final sentinel maps the end. Folding keeps
    every offset (one character for one); only whitespace is dropped, run by run.
    """
    n = len(text)
    folded = text.translate(_FOLD_TABLE) if _FOLDED.search(text) else text
    if "·" in folded or "・" in folded:
        folded = _MIDDLE_DOT.sub(".", folded)  # 19·5%: a middle dot as the decimal point, one for one
    if not _SPACE_RUN.search(folded):
        return folded, list(range(n + 1))
    pieces: list[str] = []
    index: list[int] = []
    at = 0
    for run in _SPACE_RUN.finditer(folded):
        start, end = run.span()
        if start > at:
            pieces.append(folded[at:start])
            index.extend(range(at, start))
        if index and end < n and _ascii_alnum(folded[start - 1]) and _ascii_alnum(folded[end]):
            pieces.append(" ")
            index.append(start)
        at = end
    if at < n:
        pieces.append(folded[at:])
        index.extend(range(at, n))
    index.append(n)
    return "".join(pieces), index


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == ".")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNIT_RE = _alternation(UNITS)
_PER_RE = _alternation(PER_UNITS)
_ARABIC = r"(?<![0-9.])(?<![0-9][,，])(?:[0-9]{1,3}(?:[,，][0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?(?![0-9]|\.[0-9])"
"""An Arabic number; thousands separators (``1,200``, ``12,000,000``, ``4，900``) are part of it."""
_CN_RUN = f"[{_CN_CHARS}]+"
_CN_NUMBER = f"{_CN_RUN}(?:[点點][零〇一二三四五六七八九]+)?"
"""A Chinese numeral, with decimals after 点 (``四十一点七``, ``三十六點九``)."""
_APPROX = r"[多余](?!额|元化|样|渠道|措)"
_CN_PERCENT_RANGE = re.compile(
    rf"(?:至|到|－|—|-)(?:百分之)?(?P<upper>{_CN_NUMBER})(?![{_CN_CHARS}年月日个倍分])"
    rf"(?P<post>{_alternation(['左右', '上下', '以上', '以内', '以下'])})?"
)
"""The upper end of a percentage range in words after its lower end (百分之八【至九】)."""

_PHRASE = re.compile(
    rf"(?:(?P<den>{_ARABIC}|{_CN_RUN})分之(?P<nom>{_ARABIC}|{_CN_NUMBER})"
    rf"|(?P<fn>{_ARABIC})/(?P<fd>[0-9]+)(?![0-9./])"
    rf"|(?P<half>一半|半数)"
    rf"|(?P<num>{_ARABIC}|{_CN_NUMBER}))"
    rf"(?P<a1>{_APPROX})?"
    rf"(?P<mag>万亿|亿|万)?"
    rf"(?P<rest>(?<=[0-9]亿)零?(?:[0-9]{{1,4}}[十百千]?|[零〇一二两三四五六七八九十百千]{{1,8}})万)?"
    rf"(?P<a2>{_APPROX})?"
    rf"(?:(?P<unit>{_UNIT_RE})(?:/(?P<per>{_PER_RE}))?)?"
    rf"(?P<post>{_alternation(_TRAILING_QUALIFIERS)}|多(?=[，,。；;、：:）)”\s]|$))?"
)

_LEADING_RE = re.compile(rf"(?P<word>{_alternation(_LEADING_QUALIFIERS)})了?$")
_APART_RE = re.compile(
    rf"(?:(?P<word>{_alternation(_APART_QUALIFIERS)})了?|(?P<about>约)(?=[为占是]))"
    r"(?P<whole>[\u4e00-\u9fff]{1,8}?)(?P<of>的)?$"
)
_NOT_IN_WHOLE = re.compile(r"[0-9零〇一二两三四五六七八九十百千万亿，,。；;]")
_VERB_RE = re.compile(
    rf"(?:(?:比|较)(?P<rel>[^比较，,。；;：:、！？!?]{{1,16}}?))?"
    rf"(?P<tongbi>同比|环比)?(?:分别|均|都|再|又|也|累计|年均|平均)*"
    rf"(?P<verb>{_alternation([w for w in CHANGES if w != '持平'])})了?$"
)
_REL_OK = re.compile(r"(?:年|年末|年初|年底|预算|同期|水平|末|初|季度|月)$")
_FLAT_RE = re.compile(
    r"[^，,。；;！？!?]{0,8}?[，,]?(?:与|同|和|较|比)(?P<rel>[^，,。；;！？!?]{1,16}?)(?:基本)?持平(?![稳衡台均])"
)
_LIST_SEPS = {"、", "和", "及", "与", "或", "、和"}
_RANGE_SEPS = {"—", "–", "－", "-", "~", "～", "至", "到", "——"}
_PLAN_AFTER_YEARS = ("行动", "计划", "规划", "攻坚", "方案", "专项", "奋斗")
_PROGRAMME_RE = re.compile(rf"[\u4e00-\u9fff]{{0,8}}?(?:{_alternation(PROGRAMME_HEADS)})(?!债)")
_NOT_IN_NAME = re.compile(
    r"[的是在要来内间中后前按以可获得被把将对向从于与和及或第]"
    r"|用于|支持|实施|开展|推进|推动|启动|执行|安排|带动|实现|投入|落实|部署|组织|制定|出台|印发|发布|达到|增长|增加|提高"
)
"""Words that end the number's word (a verb, a preposition, 年来/年内/年间): a programme head after
them is not in it (``两年来基本建设计划``, ``今后五年要在统一规划``, ``连续两年荣获…工程金奖``)."""
_NOT_IN_NAMES = {"%", "percentage_points", "permille", "basis_points", "fold"}
"""Shares are never part of a programme's name (``90%以上可以按计划实现``)."""
_COUNTING_UNITS = {"count", "items", "pieces", "sets", "entities", "institutions", "machines", "times"}
"""Units that count things: such a number before a programme head counts programmes."""
_NUMBER_END = set("0123456789%‰万亿多余") | {w[-1] for w in UNITS} | {w[-1] for w in PER_UNITS}
"""After one of these, ``-`` is a range dash (``5-6``, ``6.5%－7%``, ``20元－30元``), not a sign."""
_SHARE_UNITS = {"%", "permille"}
_PER_MARKER_RE = re.compile(_alternation(PER_MARKERS))
_PER_BASES = {"CNY", "USD", "EUR", "HKD", "jin", "kg", "t"}
"""Units that take the denominators of :data:`PER_MARKERS`."""
_CLAUSE_START = re.compile(r"[，,。；;：:、！？!?（(“\"]")
_CN_UNITS_OK = {"次", "年", "成", "倍", "个百分点", "百分点", "个月", "天", "岁", "周岁"}
_SHARE_FOLLOW = re.compile(r"(?:以上|左右|以下|以内|多|的|[，,。；;、：:）)”\"！？!?]|$)")
_UNIT_NOT_BEFORE: dict[str, tuple[str, ...]] = {
    "位": ("居", "于", "列", "次", "置"),
    "列": ("入", "为", "出", "举"),
    "处": ("理", "置", "于", "罚"),
    "种": ("植", "养", "业", "子", "粮"),
    "所": ("有", "以", "在", "得", "属", "需", "谓"),
    "天": ("然", "津", "气", "宫", "空"),
    "家": ("乡", "园", "属", "长", "政", "族"),
    "人": ("民",),
}
"""A unit word directly followed by one of these starts another word (位居, 天然气): no unit."""
_NOT_AFTER = {"近": "最附邻亲靠贴就", "约": "节制契签公条预合集简俭相纽", "超": "赶"}
"""A leading qualifier word is part of another word after these characters (最近, 节约, 赶超)."""
_YEAR_RANGE_TAIL = re.compile(r"(?:—|–|－|-|~|～|至|到)[0-9]{4}年")
_CN_TIMES_BAD = ("会议", "全会", "全体", "产业", "分配", "集体", "创业")


@attrs.define
class _Raw:
    """A number phrase found in the compact text, before context is read."""

    cs: int
    ce: int
    value: Decimal | None
    unit: str | None
    unit_word: str
    has_mag: bool
    mag: int
    approx: bool
    post: str | None
    upper: Decimal | None = None
    drop: bool = False
    negative: bool = False
    lead: tuple[int, Qualifier] | None = None
    """A leading qualifier read with the number (``上`` of ``上千万``): where it starts, what it says."""


def _decimal(s: str) -> Decimal | None:
    if s[0].isdigit():
        return Decimal(s.replace(",", "").replace("，", ""))
    whole, mark, fraction = s.replace("點", "点").partition("点")
    if mark:  # 四十一点七: the decimals are digits, one by one
        head = cn_to_int(whole) if whole not in ("零", "〇") else 0
        if head is None or any(d not in _CN_DIGITS or d == "两" for d in fraction):
            return None
        return Decimal(f"{head}.{''.join(str(_CN_DIGITS[d]) for d in fraction)}")
    n = cn_to_int(s)
    if n is None and s in MAGNITUDES:
        n = MAGNITUDES[s]  # a bare magnitude after a qualifier: 突破万亿元, 上亿人
    return None if n is None else Decimal(n)


def _clean(d: Decimal, power: int = 0) -> Decimal:
    """``d × 10**power``, exactly (no context rounding), without exponent or trailing zeros.

    >>> _clean(Decimal("1.3"), 12), _clean(Decimal("3.0")), _clean(Decimal("0.50"))
    (Decimal('1300000000000'), Decimal('3'), Decimal('0.5'))
    """
    sign, digits, exp = d.as_tuple()
    assert isinstance(exp, int)
    exp += power
    while exp < 0 and len(digits) > 1 and digits[-1] == 0:
        digits, exp = digits[:-1], exp + 1
    if exp > 0:
        digits, exp = digits + (0,) * exp, 0
    return Decimal((sign, digits, exp))


def _scan(c: str) -> list[_Raw]:
    found: list[_Raw] = []
    pos = 0
    while True:
        m = _PHRASE.search(c, pos)
        if m is None:
            break
        raw = _read(c, m)
        pos = max(m.end() if raw is None else raw.ce, m.start() + 1)
        if raw is not None:
            found.append(raw)
    return found


def _negative(c: str, start: int) -> int | None:
    """Where the minus sign of the number at ``start`` stands, if it has one (see :data:`NEGATIVE_SIGNS`)."""
    at = start - 1
    while at >= 0 and c[at] == " ":
        at -= 1
    if at < 0 or c[at] not in NEGATIVE_SIGNS:
        return None
    if c[at] != "负" and at > 0 and c[at - 1] in _NUMBER_END:
        return None  # a range dash: 5-6万亿元, 6.5%－7%
    return at


def _read(c: str, m: re.Match[str]) -> _Raw | None:
    before = c[max(0, m.start() - 2) : m.start()]
    if before.endswith("第"):
        return None
    if m["half"] is not None:  # 一半, 半数: half of a whole, 50 %
        end = m.end("half")
        post = next((w for w in _TRAILING_QUALIFIERS if c.startswith(w, end)), None)
        return _Raw(m.start(), end + len(post or ""), Decimal(50), "%", "一半", False, 1, False, post)
    after = c[m.end() : m.end() + 4]
    unit_word = m["unit"] or ""
    per = m["per"]
    if unit_word and c.startswith(_UNIT_NOT_BEFORE.get(unit_word, ()), m.end("unit")) and not m["post"]:
        unit_word, per = "", None
    if unit_word == "度" and not m["mag"] and not (m["num"] or "").endswith(("万", "亿")):
        unit_word, per = "", None  # 30度, 一度: no electricity (三千亿度 is)
    approx = bool(m["a1"] or m["a2"])
    post = m["post"]

    if m["den"] is not None or m["fn"] is not None:  # a fraction
        if m["den"] is not None:
            den, nom = _decimal(m["den"]), _decimal(m["nom"])
        else:
            den, nom = Decimal(m["fd"]), Decimal(m["fn"])
            if before.endswith("/"):
                return None
        if den is None or nom is None or den == 0:
            return None
        if unit_word or m["mag"] or approx:
            return None  # 三分之一个 … keep it simple: fractions stand alone
        code = {Decimal(100): "%", Decimal(1000): "permille"}.get(den, f"parts_per_{_clean(den)}")
        end = m.end("nom") if m["den"] is not None else m.end("fd")
        if post:
            end = m.end()
        fraction = _Raw(m.start(), end, _clean(nom), code, "", False, 1, False, post)
        tail = _CN_PERCENT_RANGE.match(c, end) if m["den"] is not None and not post and code == "%" else None
        upper = _decimal(tail["upper"]) if tail is not None else None
        if tail is not None and upper is not None and fraction.value is not None and upper > fraction.value:
            # 百分之八至九, 百分之二到三: a range in words, the upper end without its 百分之
            fraction.upper, fraction.ce, fraction.post = _clean(upper), tail.end(), tail["post"]
        sign = _negative(c, m.start())
        if sign is not None:  # 负百分之零点三
            fraction.negative, fraction.cs = True, sign
        return fraction

    num = m["num"]
    arabic = num[0].isdigit()
    lead: tuple[int, Qualifier] | None = None
    if arabic:
        value = Decimal(num.replace(",", "").replace("，", ""))
        if m["rest"]:  # 1亿3千万人: the ten-thousands after the hundred millions
            rest = m["rest"][:-1].lstrip("零")
            digits = rest.rstrip("十百千")
            section: Decimal | None = None
            if digits.isdigit():  # 3000万, 3千万
                section = Decimal(digits) * {"十": 10, "百": 100, "千": 1000}.get(rest[len(digits) :], 1)
            else:
                section = _decimal(rest)
            if section is None:
                return None
            value += section / Decimal(10**4)
        prev = c[max(0, m.start() - 2) : m.start()].rstrip(" ")[-1:]
        nxt = c[m.end("num") : m.end("num") + 1]
        if (prev.isascii() and prev.isalpha()) or (nxt.isascii() and nxt.isalpha()) or nxt == "+" or prev == "+":
            return None  # 5G, C919, M2, PM2.5, 1+8
    else:
        if m["mag"] and not m["a1"]:
            return None  # a Chinese run cannot be followed by a magnitude it did not take (三百多亿元 can)
        leading = _LEADING_RE.search(c, max(0, m.start() - 5), m.start()) is not None
        if before.endswith("上") and num[0] in "百千万亿" and c[max(0, m.start() - 3) : m.start() - 1] != "成千":
            lead, leading = (m.start() - 1, "at_least"), True  # 上千万家庭: reaching ten million
        parsed = _decimal(num)
        if parsed is None or (num in MAGNITUDES and not leading):
            return None
        if m["mag"]:
            # 三百多亿元; 四亿零七百多万吨: the magnitude after 多 is its last section's (4亿 + 700多万)
            of = MAGNITUDES[m["mag"]]
            sections = [i for i, ch in enumerate(num) if ch in "万亿" and MAGNITUDES[ch] > of]
            if sections:
                high, low = _decimal(num[: sections[-1] + 1]), _decimal(num[sections[-1] + 1 :].lstrip("零〇"))
                if high is None or low is None:
                    return None
                parsed = high / Decimal(of) + low
        value = parsed
        big = "万" in num or "亿" in num or bool(m["mag"])
        if num[0] in "百千万亿" and not leading:
            return None
        if num[0] in "零〇":
            return None
        if num == "一" and not big:
            return None
        if not big and unit_word not in _CN_UNITS_OK and lead is None:
            return None
        if unit_word == "次" and (num in {"二", "三"} or after.startswith(_CN_TIMES_BAD)):
            return None

    mag = MAGNITUDES[m["mag"]] if m["mag"] else 1
    if unit_word == "年":
        if arabic and not m["mag"] and len(num) == 4 and num.isdigit():
            return None  # a year: 2035年
        if after.startswith("期") or after.startswith(_PLAN_AFTER_YEARS):
            return None  # tenor 1年期, plan name 三年行动计划
    if unit_word == "个月" and after.startswith("期"):
        return None
    if unit_word == "成" and not _SHARE_FOLLOW.match(c, m.end("unit")):
        return None  # 成为, 成果 …
    if unit_word == "位" and not arabic:
        return None

    unit: str | None
    if unit_word:
        info = UNITS[unit_word]
        unit = info.code + (f"/{PER_UNITS[per].code}" if per else "")
        if unit_word == "成":
            value = _clean(value, 1)
        elif per is None and info.code in _PER_BASES:
            unit += _per_suffix(c, m.start())
    else:
        unit = None
        if arabic and len(num) == 4 and _YEAR_RANGE_TAIL.match(c, m.end()):
            return None  # the first year of a range: 2021－2035年
        if m["mag"] or _big_chinese(num):
            unit = _counted(c, m.end())
    named = unit is None or unit.split("/")[0] not in _COUNTING_UNITS | _NOT_IN_NAMES
    if named and not post and _in_name(c, m.end()):
        return None  # 十年禁渔, 千亿斤粮食产能提升行动: a programme's name
    raw = _Raw(m.start(), m.end(), _clean(value, len(str(mag)) - 1), unit, unit_word, bool(m["mag"]), mag, approx, post)
    raw.lead = lead
    sign = _negative(c, m.start())
    if sign is not None and lead is None:
        raw.negative, raw.cs = True, sign
    return raw


def _big_chinese(num: str) -> bool:
    """Whether ``num`` is a Chinese numeral with a magnitude of its own (一万亿, 千万)."""
    return not num[0].isdigit() and ("万" in num or "亿" in num)


def _in_name(c: str, end: int) -> bool:
    """Whether the word that the number ending at ``end`` starts names a programme (see :data:`PROGRAMME_HEADS`)."""
    found = _PROGRAMME_RE.match(c, end)
    return found is not None and _NOT_IN_NAME.search(found.group()) is None


def _counted(c: str, end: int) -> str | None:
    """The unit of a count from the noun it counts (see :data:`COUNT_NOUNS`), else ``None``."""
    window = c[end : end + 8]
    stop = _CLAUSE_START.search(window)
    window = window[: stop.start()] if stop else window
    best: tuple[int, str] | None = None
    for noun, unit in COUNT_NOUNS.items():
        at = window.find(noun)
        if 0 <= at <= 6 and (best is None or at < best[0]):
            best = (at, unit.code)
    return None if best is None else best[1]


def _per_suffix(c: str, start: int) -> str:
    """The denominators the clause before ``start`` names for an amount (see :data:`PER_MARKERS`)."""
    clause_start = 0
    for found in _CLAUSE_START.finditer(c, max(0, start - 40), start):
        clause_start = found.end()
    bearer: str | None = None
    period: str | None = None
    for found in _PER_MARKER_RE.finditer(c, max(clause_start, start - 40), start):
        for part in PER_MARKERS[found.group()]:
            if part in ("month", "year"):
                period = part
            elif bearer is None:
                bearer = part
    return "".join(f"/{part}" for part in (bearer, period) if part is not None)


def _link(c: str, raws: list[_Raw]) -> list[_Raw]:
    """Share units along lists (``0.2个和0.1个百分点``) and merge ranges (``5%—6%``)."""
    for i in range(len(raws) - 2, -1, -1):
        a, b = raws[i], raws[i + 1]
        gap = c[a.ce : b.cs]
        signed = a.negative or b.negative
        if (
            gap in _RANGE_SEPS
            and b.unit is not None
            and (a.unit is None or a.unit == b.unit)
            and a.post is None
            and not signed
        ):
            value = a.value
            if a.unit is None and not a.has_mag and b.has_mag and value is not None:
                value = _clean(value, len(str(b.mag)) - 1)
            if value is not None and b.value is not None and value <= b.value:
                raws[i] = attrs.evolve(b, cs=a.cs, value=value, upper=b.value, approx=a.approx or b.approx, unit=b.unit)
                raws[i + 1].drop = True
                continue
        shares = a.unit is None or (a.unit_word == "个" and b.unit_word in {"个百分点", "个基点"})
        if gap in _LIST_SEPS and b.unit is not None and a.post is None and shares:
            a.unit = b.unit
            a.unit_word = b.unit_word
        if gap in _LIST_SEPS and a.unit is not None and b.unit is not None and a.unit.startswith(b.unit + "/"):
            b.unit = a.unit  # 人均可支配收入分别达6.9万元、3.4万元: a list shares its denominators
        if gap in _LIST_SEPS and b.post is not None and a.post is None and not a.approx and a.unit == b.unit:
            # 分别控制在5%和3%以内, 分别增长5%、6.5%左右: the word after the last figure of a list
            # of bare figures qualifies every figure of it (as 以内 closes the frame 控制在…以内)
            a.post = b.post
    return [r for r in raws if not r.drop and r.value is not None and (r.unit is not None or r.has_mag)]


def _leading(c: str, r: _Raw, unit: str) -> tuple[int, Qualifier | None]:
    """Where the quantity ``r`` starts with its leading qualifier word, and what that says.

    The word stands right before the number (``超过3%``, ``近30%``), or, for a share, before the
    whole it is a share of (``超过总装机的50%``, ``超过全球一半``): the quantity then starts at its
    number, since the whole is not part of it.
    """
    if r.lead is not None:
        return r.lead
    if r.negative:
        return r.cs, None
    lead = _LEADING_RE.search(c, max(0, r.cs - 5), r.cs)
    if lead is not None:
        word = lead["word"]
        ahead = c[max(0, lead.start() - 1) : lead.start()]
        recent = word == "近" and unit in {"years", "months", "days"}  # 近5年: the last five years
        if not recent and not (ahead and ahead in _NOT_AFTER.get(word, "")):
            return lead.start(), QUALIFIERS[word]
    if unit in _SHARE_UNITS or unit == "fold" or unit.startswith("parts_per_"):
        apart = _APART_RE.search(c, max(0, r.cs - 14), r.cs)
        between = "" if apart is None else apart["whole"] + (apart["of"] or "")
        linked = apart is not None and (
            apart["of"] is not None  # 超过总装机的50%: a share of the whole
            or r.unit_word == "一半"  # 超过全球一半
            or between in CHANGES  # 至少降低30%: the qualifier of the change
        )
        if apart is not None and linked and not _NOT_IN_WHOLE.search(between):
            word = apart["word"] or "约"
            ahead = c[max(0, apart.start() - 1) : apart.start()]
            if not (ahead and ahead in _NOT_AFTER.get(word, "")):
                return r.cs, QUALIFIERS[word]
    return r.cs, None


def parse_quantities(text: str) -> tuple[Quantity, ...]:
    """Every quantity in ``text``, in order of position (see the module documentation).

    ``text`` is normalized text (full-width digits and ``％`` folded); whitespace inside a phrase
    is tolerated. Never raises on any string.

    >>> [(str(q.value), q.unit, q.change, q.relative_to) for q in parse_quantities("比上年年初预算增加1800亿元")]
    [('180000000000', 'CNY', 'increase', '上年年初预算')]
    >>> [(str(q.value), q.unit, q.change) for q in parse_quantities("分别下降0.2个和0.1个百分点")]
    [('0.2', 'percentage_points', 'decrease'), ('0.1', 'percentage_points', 'decrease')]
    """
    if not isinstance(text, str):
        from .._model._errors import InvalidTypeError

        raise InvalidTypeError(f"parse_quantities reads a str, not {type(text).__name__}")
    c, index = _compact(text)
    raws = _link(c, _scan(c))
    out: list[Quantity] = []
    prev_end = -1
    prev_change: Change | None = None
    prev_rel: str | None = None
    for r in raws:
        assert r.value is not None
        unit = r.unit if r.unit is not None else "count"
        qs, qualifier = _leading(c, r, unit)
        if qualifier is None and r.approx:
            qualifier = "more_than"
        if qualifier is None and r.post:
            qualifier = QUALIFIERS[r.post]
        # change and comparison
        change: Change | None = None
        rel: str | None = None
        v = _VERB_RE.search(c, max(0, qs - 40), qs) if unit != "years_of_age" else None
        if v is not None:
            change = CHANGES[v["verb"]]
            if change == "increase" and c[max(0, v.start("verb") - 1) : v.start("verb")] == "负":
                change = "decrease"  # 负增长3%: growth below zero, a fall
            if v["rel"] and _REL_OK.search(v["rel"]):
                rel = v["rel"]
            elif v["tongbi"]:
                rel = "上年同期" if v["tongbi"] == "同比" else "上期"
        elif prev_end >= 0 and c[prev_end:qs] in _LIST_SEPS:
            change, rel = prev_change, prev_rel
        if change is None:
            flat = _FLAT_RE.match(c, r.ce)
            if flat is not None and _REL_OK.search(flat["rel"]):
                change, rel = "unchanged", flat["rel"]
        stated = change
        if r.negative:  # 增长-2.1% is a fall of 2.1%, -0.3% a fall of 0.3%
            change = "increase" if change == "decrease" else "decrease"
        start, end = index[qs], index[r.ce - 1] + 1
        out.append(
            Quantity(
                value=r.value,
                unit=unit,
                text=text[start:end],
                start=start,
                end=end,
                qualifier=qualifier or "exact",
                upper=r.upper,
                change=change,
                relative_to=rel,
            )
        )
        prev_end, prev_change, prev_rel = r.ce, stated, rel
    return tuple(out)
