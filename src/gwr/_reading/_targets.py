"""Targets, outcomes and keyed figures in any report text, with no annotation.

The reading layer's part of the reader that knows about indicators. Four functions:

:func:`key_of`
    The one keying rule: which indicator of the registry a clause states.
:func:`find_targets`
    The main expected targets of a report: its targets passage, split into clauses, one
    :class:`~gwr.Target` per clause (two for a clause with two figures after 分别).
:func:`find_outcomes`
    The results of the year before that the review part states, keyed the same way.
:func:`key_quantities`
    The quantities of a measure sentence, each carrying the key of the indicator its clause
    states (经济增长预期目标为5%左右 → ``gdp_growth``; 中央预算内投资拟安排7000亿元 →
    ``central_budget_investment``).

The keying rule
---------------

A clause is first reduced to its *matching form*: whitespace, zero-width characters and
parenthesised Latin abbreviations (（CPI）, （GDP）) are dropped; so are words that qualify a
figure without naming what it measures (comparisons such as 比上年 or 比2023年年初预算, and
同比, 实际, 名义, 按可比价格计算, 预计, 计划, 预期目标, 预期, 全年, 年均, 平均, 力争, 同口径,
保持(在), 控制(在), 拟, 首次); and words of change are folded (增速, 增幅, 增长率, 增长速度, 涨幅,
上涨, 正增长 → 增长, and 的增长 → 增长: 工农业总产值的增长速度; 降幅, 降低 → 下降; 按人口平均的 and
平均每人 → 人均; a note in parentheses is dropped: 粮食（不包括大豆）的产量). Every name of every
indicator (:attr:`Indicator.names` and :attr:`Indicator.name_zh`) is reduced the same way. The
clause states the indicator whose name occurs in its matching form; where several names occur,
**the longest name wins** (the first one in the clause on a tie), so 城镇居民人均可支配收入
wins over 居民人均可支配收入, 单位国内生产总值能耗 over 国内生产总值, and 居民收入增长 over
经济增长 in 居民收入增长和经济增长同步. A growth indicator is named with its verb (国内生产总值增长 →
``gdp_growth``) and the level with the bare noun (国内生产总值 → ``gdp``), so the same rule
tells a level from a growth rate.

A clause that names no indicator but follows one that does in the same sentence (增长5.2% after
国内生产总值超过126万亿元; 今年先发行1万亿元 after 发行超长期特别国债) is read with that
clause's name before it. A quantity carries a key only where its unit fits the indicator's unit
(a share for ``%``, money for ``CNY``, a mass for ``jin``, people or a count for ``persons``).

Where the targets are
---------------------

The targets passage opens with a phrase such as 主要预期目标是： / 主要预期目标为： / 预期目标是，
/ 宏观调控的主要目标是： / 主要预期目标建议为： (national reports since 2005, provincial reports,
the 1998 report). It runs to the end of its paragraph (or, where the colon ends the line, over
the next paragraph), and on over the following sentences of that paragraph while each of them
states a keyed clause and does not speak about the targets (上述, 这里, 目标...). In the NDRC
plan report the targets are —— bullets after a sentence ending in 主要预期目标。: each bullet's
first sentence states the targets and the rest is their rationale (主要考虑), split among them
where it says 关于城镇新增就业：… 关于城镇调查失业率：…. Where a report states fewer than three
keyed targets in such a passage (the reports of 1954-2004), single statements are taken too: a
sentence about this year (今年, 本年, or the year itself) that speaks of a plan or a target
(计划, 预期, 目标, 要求) and states a keyed figure, and the following sentences of its paragraph
that state keyed figures. Passages about five-year plans (五年, “十五”, 规划, 纲要, 时期) are
not the year's targets.

After the passage (or, in the older layouts, after the first statement of the plan) the text
sets more of the year's figures in its parts on the work (:func:`_outside_targets`) and, in the
older reports above all, the rest in words (:func:`_qualitative_targets`: 努力增加农民收入,
逐步减少财政赤字); these are targets with ``in_passage`` false.

Every clause of the passage that states a target is a :class:`~gwr.Target`, keyed or not
(``key=None``); clauses that only frame the targets (在…的基础上, 力争更好结果) are not targets.
A figure striven for beside a target (地区生产总值增长7%以上、力争达到8%) is no target of its
own: the target's quote runs over it. A clause with two figures after 分别 gives two targets;
so does a clause with no figure that
names two indicators side by side (单位国内生产总值能耗和主要污染物排放量继续下降;
完成能耗强度下降和主要污染物总量减排目标), unless it relates them to each other
(居民收入增长和经济增长同步 is one target on income). A word after the last figure of a list
of bare figures (分别控制在5%和3%以内) qualifies every figure of it: the quantity parser reads
it so (see :mod:`gwr._reading._quantities`), since a stored quantity must be what the parser reads.

Which year an outcome is of
---------------------------

The review of a report states the year before, and in the first report of a government's term
(2003, 2008, 2013, 2018, 2023) or of a five-year plan (2001, 2006, 2011, 2016, 2021) five years
too. A look back over several years (五年来, 这五年, 过去五年, …以来, “十一五”) that opens a
paragraph speaks for the whole paragraph: its changes and flows (growth rates, new jobs) are
not the year's, its levels at the end of the period are; a sentence that opens on the year again
(刚刚过去的2017年，…; 去年…) ends it, and a sentence on the year itself that names the period it
closes (2025年是“十四五”收官之年，…地区生产总值增长5%) is the year's. Inside a sentence a look
back speaks for its clause and the clauses after it, not those before (…，比上年增长9%；…；
粮食连续五年增产: the growth is the year's). A change since an earlier year than the one before
it (比2002年增长65.5% in 2008) is not the year's change; a clause on the report's own year
(今年…, 1956年…将达到) or on another past year (从1979年的…) is no outcome of the year before,
nor is a figure against the plan (超过年度计划百分之四点一).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

import attrs

from .._model._errors import InvalidArgumentError, InvalidTypeError
from .._model._provenance import span_at
from .._model._records import Indicator, Measurement, Outcome, Quantity, Target
from ._meaning import FLOW, fits, look_back, measure_of, periods, span_in, year_in_words
from ._quantities import parse_quantities

__all__ = ["find_outcomes", "find_targets", "key_of", "key_quantities", "matching_form", "unit_fits"]

# --------------------------------------------------------------------------------------------
# The matching form and the registry index

_DROP = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+|[（(][A-Za-z0-9.&\s\u200b]*[）)]|（[\u3400-\u9fff]{1,10}）")
"""Spaces, and what a name's parentheses add to it: a Latin abbreviation (（CPI）), a note
(粮食（不包括大豆）的产量)."""
_PER_HEAD = re.compile(r"按人口平均(?:计算)?的?|平均每人(?:全年)?的?")
"""The older wordings of 人均 (农民按人口平均的纯收入, 农民平均每人的纯收入)."""
_FILLER = re.compile(
    r"比(?:上年末|上年同期|上年|去年|前年|[0-9〇零一二三四五六七八九]{2,4}年(?:预计|年初预算|年初|同期)?)"
    r"|同比|按可比价格计算|扣除价格因素|实际|名义|预计|计划|预期目标|预期|全年|年均|平均每年|平均值|平均"
    r"|力争|同口径|保持在|保持|控制在|控制|拟|首次"
)
_FOLDS = (
    ("增长速度", "增长"),
    ("增长率", "增长"),
    ("正增长", "增长"),
    ("上涨幅度", "增长"),
    ("增速", "增长"),
    ("增幅", "增长"),
    ("涨幅", "增长"),
    ("上涨", "增长"),
    ("降幅", "下降"),
    ("降低", "下降"),
)
_FOLD = re.compile("|".join(re.escape(a) for a, _ in _FOLDS))
_FOLD_TO = dict(_FOLDS)


_TRADITIONAL = str.maketrans(
    "國內產産總長際價漲業資財預計劃經濟鎮糧費貸貨幣進額稅發農貿對調買實節單現設億萬噸點數間區關與會個務動勞環鄉專債門項級儲備匯構標準增",
    "国内产产总长际价涨业资财预计划经济镇粮费贷货币进额税发农贸对调买实节单现设亿万吨点数间区关与会个务动劳环乡专债门项级储备汇构标准增",
)
"""Traditional forms of the characters of the registry's names (the 1954 report is in
traditional characters); matching folds them to the simplified forms."""


def matching_form(text: str) -> str:
    """The form of ``text`` that names are matched in (see the module documentation).

    >>> matching_form("居民消费价格（CPI）上涨0.2%")
    '居民消费价格增长0.2%'
    >>> matching_form("一般公共预算收入同口径增长4%以上")
    '一般公共预算收入增长4%以上'
    """
    text = _DROP.sub("", text).translate(_TRADITIONAL)
    text = _FILLER.sub("", _PER_HEAD.sub("人均", text))
    return _FOLD.sub(lambda m: _FOLD_TO[m.group()], text).replace("的增长", "增长")


_DIMENSIONS: dict[str, str] = {
    "%": "share",
    "percentage_points": "share",
    "permille": "share",
    "basis_points": "share",
    "CNY": "money",
    "USD": "money",
    "EUR": "money",
    "HKD": "money",
    "jin": "mass",
    "dan": "mass",
    "kg": "mass",
    "t": "mass",
    "persons": "people",
    "person_times": "people",
    "households": "people",
    "count": "people",
    "ug/m3": "concentration",
}


def unit_fits(indicator_unit: str | None, quantity_unit: str) -> bool:
    """Whether a quantity in ``quantity_unit`` can state an indicator measured in ``indicator_unit``.

    >>> unit_fits("jin", "t"), unit_fits("%", "percentage_points"), unit_fits("CNY", "%")
    (True, True, False)
    """
    if indicator_unit is None:
        return False
    if indicator_unit == quantity_unit:
        return True
    dimension = _DIMENSIONS.get(indicator_unit)
    return dimension is not None and dimension == _DIMENSIONS.get(quantity_unit)


@attrs.frozen
class _Index:
    pattern: re.Pattern[str]
    keys: dict[str, str]
    units: dict[str, str | None]
    changes: frozenset[str]
    """Keys of indicators that are themselves a change (增长, 新增, 减少, a rate in %)."""
    flows: frozenset[str]
    """Keys of indicators whose name states a flow (:data:`gwr._reading._meaning.FLOW`)."""
    readings: dict[str, str]
    """How each indicator's target is read (:attr:`Indicator.reading`)."""
    measures: dict[str, Measurement]
    """What a figure must measure to carry each key (:attr:`Indicator.measure`)."""


_CHANGE_WORDS = r"增长|新增|增加|减少|降低|下降|涨幅|转移|开工|改造"
_CACHE: list[tuple[Sequence[Indicator], _Index]] = []


def _index(indicators: Sequence[Indicator]) -> _Index:
    for registry, index in _CACHE:
        if registry is indicators:
            return index
    if isinstance(indicators, (str, bytes)) or not all(isinstance(i, Indicator) for i in indicators):
        raise InvalidTypeError("indicators must be a sequence of gwr.Indicator (gwr.indicators())")
    keys: dict[str, str] = {}
    for indicator in indicators:
        for name in (*indicator.names, indicator.name_zh):
            form = matching_form(name)
            if form:
                keys.setdefault(form, indicator.key)  # a name two indicators share: the first keeps it
    ordered = sorted(keys, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(n) for n in ordered)) if ordered else re.compile(r"(?!)")
    changes = frozenset(i.key for i in indicators if i.unit == "%" or re.search(_CHANGE_WORDS, i.name_zh))
    measures = {i.key: i.measure for i in indicators}
    flows = frozenset(i.key for i in indicators if FLOW.search(i.name_zh))
    readings = {i.key: str(i.reading) for i in indicators}
    index = _Index(pattern, keys, {i.key: i.unit for i in indicators}, changes, flows, readings, measures)
    _CACHE[:] = [*_CACHE[-3:], (indicators, index)]
    return index


_SHARE_AFTER = ("的比重", "比重", "中的比重", "中所占", "所占", "的比例", "中的比例", "的贡献", "贡献", "之比")
_SHARE_BEFORE = re.compile(r"占(?:全[省区市国])?$")
"""Just before a name: 占 (…占全省经济总量比重) makes it the base of a share."""
_OTHER_ECONOMY = ("世界", "全球", "国际")
_COMPARED_TO = re.compile(r"(?:高于|低于|快于|慢于|跑赢|超过|不低于|不高于)$")
"""Just before a name: what another figure is compared to (全员劳动生产率增速高于地区生产总值增速:
the clause states labour productivity, with GDP growth as its base)."""


def _named(form: str, index: _Index) -> tuple[str, int] | None:
    """The longest name in ``form`` and where it starts, leaving out a name that only says what a
    share is of (占国内生产总值的比重: the clause states a share, not the indicator), what a
    contribution is to (对世界经济增长的贡献率), another economy's (世界经济增长), what another
    figure is compared to, and a Latin name inside a longer one (M2 in PM2.5)."""
    best: tuple[str, int] | None = None
    for match in index.pattern.finditer(form):
        name = match.group()
        before = form[max(0, match.start() - 2) : match.start()]
        if _SHARE_BEFORE.search(form, 0, match.start()) or before in _OTHER_ECONOMY:
            continue  # a share of it (占全省…), or the world's
        if match.start() > 0 and _COMPARED_TO.search(form, 0, match.start()):
            continue  # the base another figure is compared to (…增速高于地区生产总值增速)
        if form.startswith(_SHARE_AFTER, match.end()):
            continue  # a share of it (…比重, …之比), or a contribution to it
        if _LATIN_INSIDE.match(form[match.start() - 1 : match.start()] + name[:1]) or _LATIN_INSIDE.match(
            name[-1:] + form[match.end() : match.end() + 1]
        ):
            continue  # M2 in PM2.5, CPI in a longer Latin word
        if best is None or len(name) > len(best[0]):
            best = (name, match.start())
    return best


_JOINED_NOUN = re.compile(r"(?:和|与|及|以及)[\u3400-\u9fff“”]{2,12}?(?=[0-9零〇一二两三四五六七八九])")
"""After a name, another noun joined to it right before the figure (利用外资和对外直接投资38亿美元):
the figure is of both together."""
_LISTED_WITH = re.compile(r"(?:、[^，。；、0-9]{1,12}){1,6}等")
_EACH = re.compile(r"分别|(?<![人平])均|都")
_VERB_IN = re.compile(r"增长|下降|增加|减少|提高|达到|达|为|超过|突破")
_DIGIT_RUNS = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_HEAD_AFTER = re.compile(r"方面|领域|部门|用水量|用地|占用")
"""Right after a name, a noun it only modifies (对外贸易方面的支出, 万元国内生产总值用水量)."""
_LATIN_INSIDE = re.compile(r"[A-Za-z0-9.][A-Za-z0-9.]")


def _name_in(form: str, index: _Index) -> str | None:
    """The longest name in ``form`` (see :func:`_named`)."""
    found = _named(form, index)
    return None if found is None else found[0]


_HAN_RUN = re.compile(r"[\u3400-\u9fff]+$")
_UNIT_HEAD = re.compile(r"[十百千万亿]*(?:美元|元|吨|斤|公斤|人|户|个|项|家|所|套|年|月|日|倍)?")
"""The unit of a number a name follows (1万亿元抗疫特别国债): no part of the name's scope."""
_NOT_A_PART = re.compile(
    r"实现|完成|达到|安排|发行|预计|初步核算|核算|其中|以及|同比|全年|今年|去年|上年|当年|本年|明年|年度|年末|年底"
    r"|我[国省区市]|全[国省区市疆岛县州盟旗]|全社会|全部|中国|国内|整个|城乡|货物贸易|货物|[〇一二三四五六七八九零]{4}年"
    r"|争取|用好|带动|促进|推动|积极|新增|继续|进一步|仍然|仍|要求|计划|预定|预期|力争|确保|保证|努力|已经|主要"
    r"|增加|减少|提高|降低|控制|保持|稳定|扩大|缩小|维持|逐步|适当|千方百计"
    r"|[的是在要对向从于与和及或把将被为了使让由比较占即年月再又还也都已拟]"
)
"""Words before a name that determine or introduce it (全国, 全年, 实现, 其中, 的) rather than narrow it."""


_POSSESSOR = re.compile(r"[\u3400-\u9fff](?:企业|企業|部门|部門|行业|行業|单位|單位|合作社|工厂|工廠|系统|系統)$")
"""Before 的 and a name: a kind of unit whose part of the aggregate it is (公私合营企业的工业总产值)."""


def _scope(form: str, at: int, name: str) -> tuple[str | None, bool]:
    """What narrows the name at ``form[at:]`` to a part of its aggregate: the Han characters
    right before it after the last word that only determines or introduces it (轻 of
    轻工业总产值, 网上 of 网上零售额, 地方 of 地方财政赤字, 跨境电商, 县域, a city's name), with the
    name (``轻工业总产值``); and whether the part is per head (人均国内生产总值)."""
    run = _HAN_RUN.search(form, 0, at)
    if run is None:
        return None, False
    words = run.group()
    if run.start() > 0 and form[run.start() - 1].isdigit():
        # a number's unit or year before it: 2024年地区生产总值, 551万农村贫困人口, 1979年轻工业,
        # 1万亿元抗疫特别国债
        unit = _UNIT_HEAD.match(words)
        words = words[(unit.end() if unit is not None else 0) or 1 :]
    cut = previous = 0
    last = ""
    for stop in _NOT_A_PART.finditer(words):
        previous, cut, last = cut, stop.end(), stop.group()
        if stop.group() in ("和", "及", "与") and name.startswith(words[: stop.start()][-2:]):
            return None, False  # 工业和手工业总产值: the aggregate with a part joined to it
    modifier = words[cut:]
    if not modifier and last == "的" and _POSSESSOR.search(words, previous, cut - 1):
        modifier = words[previous : cut - 1]  # 公私合营企业的工业总产值: the firms' part of it
    per_capita = modifier.endswith("人均") and not name.startswith("人均")
    if per_capita:
        modifier = modifier[: -len("人均")]
    return (modifier + _CHANGE_END.sub("", name) if modifier else None), per_capita


_CHANGE_END = re.compile(r"(?:增长|增速|增幅|涨幅|下降|降低|减少)$")


def _may_name(sentence: str, index: _Index) -> bool:
    """Whether a clause of ``sentence`` may state an indicator: a quick test over the whole
    sentence (a name in it, or 分别, whose subjects name indicators only when completed:
    粮食、油料、蔬菜产量分别… → 粮食产量; or a head noun after its product's clause)."""
    return (
        "分别" in sentence
        or _AFTER_PRODUCT.search(sentence) is not None
        or _HEAD_NOUN_IN.search(sentence) is not None
        or index.pattern.search(matching_form(sentence)) is not None
    )


_AFTER_PRODUCT = re.compile(r"[、，,](?:总产量|产量|总产值|总产)[由从达为增比0-9零〇一二两三四五六七八九十]")
"""A head noun whose product the clause before names (粮食播种面积1266.6万亩、产量514.4万吨)."""


def key_of(clause: str, indicators: Sequence[Indicator]) -> str | None:
    """The key of the indicator that ``clause`` states, or ``None`` (the rule: module documentation).

    >>> import gwr
    >>> registry = gwr.indicators()
    >>> key_of("国内生产总值增长5%左右", registry), key_of("国内生产总值超过126万亿元", registry)
    ('gdp_growth', 'gdp')
    >>> key_of("居民消费价格（CPI）涨幅3%左右", registry)
    'cpi_growth'
    >>> key_of("城镇居民人均可支配收入增长5%", registry), key_of("发展的协调性进一步增强", registry)
    ('urban_income_growth', None)
    """
    if not isinstance(clause, str):
        raise InvalidTypeError(f"key_of reads a clause (str), not {type(clause).__name__}")
    index = _index(indicators)
    form = matching_form(clause)
    found = _named(form, index)
    if found is None or _scope(form, found[1], found[0])[0] is not None:
        return None  # names none, or a part of it (海洋生产总值, 轻工业总产值)
    return index.keys[found[0]]


# --------------------------------------------------------------------------------------------
# Clauses

_CLAUSE = re.compile(r"(?:[^，；。：！？,;:!?\n]|(?<=[0-9])[，,](?=[0-9]{3}(?![0-9])))+")
"""A clause: up to a separator; a comma between a digit and three digits is a thousands
separator inside a number (1，753亿元, 27，203，319，000元: the 1950s and 1980 copies), not one."""
_LEAD = re.compile(r"^(?:[—\-－]{2,}|其中|同时|并且|并)+")
_FRAMING = re.compile(r"^在.*(?:基础上|前提下|条件下)$|(?:争取|力争|努力实现)更好(?:的)?结果|^同时$")
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")


@attrs.frozen
class _Clause:
    start: int  # in the text the clauses were cut from
    end: int
    text: str
    enumerated: bool = False
    """Whether it was cut from the clause before it at a 、 (…增长8.9%、研发投入增长34.4%)."""


def _clauses(text: str, start: int, end: int) -> Iterator[_Clause]:
    """The clauses of ``text[start:end]``: split at ，；。： and line ends, and at a 、 between two
    pieces that each state a figure (城镇新增就业47万人左右、城镇调查失业率5.5%左右) unless the
    second starts with its figure (分别增长3.5%以上、7%左右); leading bullets and connectives
    (——, 其中, 同时) are cut off."""
    for match in _CLAUSE.finditer(text, start, end):
        s, e = match.span()
        cuts = [s]
        if "、" in match.group():
            commas = [s + m.start() for m in _ENUMERATION.finditer(match.group())]
            for n, at in enumerate(commas):
                right_end = commas[n + 1] if n + 1 < len(commas) else e
                left, right = text[cuts[-1] : at], text[at + 1 : right_end]
                if _DIGIT.search(left) and _DIGIT.search(right) and not _DIGIT.match(right):
                    cuts.append(at)
        cuts.append(e)
        for a, b in itertools.pairwise(cuts):
            piece = text[a:b]
            enumerated = piece.startswith("、")
            if enumerated:
                a, piece = a + 1, piece[1:]
            lead = _LEAD.match(piece)
            if lead:
                a, piece = a + lead.end(), piece[lead.end() :]
            stripped = piece.strip()
            if not stripped:
                continue
            a += len(piece) - len(piece.lstrip())
            yield _Clause(a, a + len(stripped), stripped, enumerated)


_ENUMERATION = re.compile("、")
_DIGIT = re.compile(
    r"[0-9]+(?:\.[0-9]+)?(?![0-9]|\.[0-9]|年)|百分之|[零〇一二两三四五六七八九十百千万亿]{2,}[吨斤担元人亩台辆套件个]"
)


@attrs.frozen
class _Keyed:
    """A clause with its key, the name it was keyed by and its quantities."""

    clause: _Clause
    key: str | None
    name: str | None
    quantities: tuple[Quantity, ...]
    inherited: bool = False
    subjects: tuple[str, ...] = ()
    """The keys of the clauses before it in its sentence that name an indicator, in order."""
    scope: str | None = None
    """The part of the aggregate its name is narrowed to (:func:`_scope`)."""
    per_capita: bool = False


def _key_clauses(
    clauses: Sequence[_Clause], index: _Index, parsed: Sequence[Quantity] | None = None, *, lazy: bool = False
) -> list[_Keyed]:
    """Key each clause; a clause naming nothing is read after the last name of its sentence.

    Each clause's quantities (offsets in the clause) are parsed from the clause, or, where
    ``parsed`` gives the quantities already parsed from the text the clauses were cut from, taken
    from those by position (the parser is not run twice over a measure). Where ``lazy``, a clause
    that can carry no key (it names nothing and follows no name) is not parsed: its quantities
    are of no use to the outcomes.
    """
    keyed: list[_Keyed] = []
    subject: str | None = None
    subject_scope: tuple[str | None, bool] = (None, False)
    subjects: list[str] = []
    head_noun: str | None = None  # the head noun of the last name with one (产量 of 原煤产量)
    previous: str | None = None  # the clause before, in the sentence
    excluding: str | None = None  # a clause that leaves a part out of what follows (扣除…后)
    owner: str | None = None  # the firms a list of figures is of (省管企业…、…)
    for clause in clauses:
        form = matching_form(clause.text)
        found = _named(form, index)
        name = found[0] if found is not None else None
        scope = _scope(form, found[1], found[0]) if found is not None else (None, False)
        head = _HEAD_AFTER.match(form, found[1] + len(found[0])) if found is not None else None
        if found is not None and head is not None and scope[0] is None:
            scope = (found[0] + head.group(), scope[1])  # 对外贸易方面的支出, 国内生产总值用水量: another noun
        joined = _JOINED_NOUN.match(form, found[1] + len(found[0])) if found is not None else None
        if joined is not None and (scope[0] is not None or _EACH.search(form) or _VERB_IN.search(joined.group())):
            joined = None
        if found is not None and joined is not None and len(_DIGIT_RUNS.findall(form)) <= 1:
            scope = (found[0] + joined.group(), scope[1])  # 利用外资和对外直接投资38亿美元: the two together
        listed = _LISTED_WITH.match(form, found[1] + len(found[0])) if found is not None else None
        if found is not None and listed is not None and scope[0] is None:
            # 中央预算内投资、国债、政府专项债券等用于投资的资金超1200亿元: the sum of the kinds listed
            scope = (found[0] + listed.group(), scope[1])
        if found is not None and form.startswith("等", found[1] + len(found[0])):
            # 超长期特别国债等各类中央支持资金2083亿元: a figure of the kind it exemplifies
            scope = (found[0] + "等", scope[1])
        quantities: tuple[Quantity, ...] = ()
        if parsed is not None:
            quantities = tuple(_shift(q, -clause.start) for q in parsed if clause.start <= q.start < clause.end)
        elif (
            not lazy
            or name is not None
            or subject is not None
            or _HEAD_ONLY.match(clause.text)
            or (head_noun is not None and _ELIDED.match(clause.text))
        ) and _MAY_HAVE_NUMBER.search(clause.text):
            quantities = parse_quantities(clause.text)
        inherited = False
        if name is None and subject is not None and quantities and _CONTINUES.match(clause.text):
            name = _name_in(subject + form, index)
            key = index.keys[name] if name else None
            fits = any(unit_fits(index.units.get(_twin(key, q, index) or ""), q.unit) for q in quantities)
            # 保持2300万省外劳动力…在浙稳定就业: a headcount of a noun of its own, no figure of the name's
            counted = any(
                q.unit in ("persons", "count") and _COUNTED_NOUN.match(clause.text, q.end) for q in quantities
            )
            inherited = name is not None and fits and not counted
            if not inherited:
                name = None
            else:
                scope = subject_scope
        if name is None and (subject is not None or previous is not None) and quantities:
            # 原煤产量由六亿二千万吨增加到八亿五千万吨，原油由…，钢由…: a list of products that
            # leaves out the head noun its first one names (原油产量, 钢产量); 粮食播种面积…、产量
            # 514.4万吨, 粮食生产再获丰收，总产达到557亿斤: a head noun that leaves out its product
            noun = _ELIDED.match(clause.text)
            bare = _HEAD_ONLY.match(clause.text)
            if head_noun is not None and noun is not None:
                name = _name_in(matching_form(noun["noun"] + head_noun), index)
            elif bare is not None:
                name = _product_name(clause.text, [subject or "", previous or ""], index)
            fits = name is not None and any(unit_fits(index.units.get(index.keys[name]), q.unit) for q in quantities)
            name = name if fits else None
        if found is not None and owner is not None and clause.enumerated and scope[0] is None:
            scope = (owner + found[0], scope[1])  # 省管企业净资产增长8.9%、研发投入增长34.4%: the firms'
        if not clause.enumerated:
            owner = None
        if (unit := _UNIT_SUBJECT.match(clause.text)) is not None and found is None:
            owner = unit.group()
        if found is not None and excluding is not None and scope[0] is None:
            scope = (excluding + found[0], scope[1])  # 扣除房地产开发投资后，固定资产投资增长2.7%: a part
        if _EXCLUDING.match(clause.text) and not quantities:
            excluding = clause.text
        if name is None and not inherited and quantities and subject is not None and _OWN_NOUN.match(clause.text):
            # 开行中欧班列2286列、增长7.7%: a noun of its own, whose figure no name before it states
            key_before = index.keys.get(subject)
            if not any(unit_fits(index.units.get(_twin(key_before, q, index) or ""), q.unit) for q in quantities):
                subject = None
        if name is None and not inherited and quantities and _OWN_SUBJECT.match(clause.text):
            subject = None  # 新增“险资入甘”落地资金213.4亿元、增长46.7%: a noun of its own ends the chain
        key = index.keys[name] if name else None
        keyed.append(_Keyed(clause, key, name, quantities, inherited, tuple(subjects), scope[0], scope[1]))
        previous = clause.text
        if name is None and (head := _HEAD_NOUN_IN.search(clause.text)) is not None:
            head_noun = head.group()  # 主要工业产品产量继续增加，原煤达到10.9亿吨: the head the list leaves out
        if name is not None and not inherited:
            subject, subject_scope = name, scope
            head = _HEAD_NOUN.search(name)
            head_noun = head.group() if head is not None else head_noun
            if key is not None and (not subjects or subjects[-1] != key):
                subjects.append(key)
        if "分别" in clause.text and len(quantities) >= 2:
            # 城乡居民人均可支配收入分别达6.9万元、3.4万元，增长4.2%、5.3%: the subjects its parts name
            parts = [k for k, _ in _respectively(keyed[-1], index) or [] if k is not None]
            if len(set(parts)) == len(parts) >= 2:
                subjects[-1:] = parts
    return keyed


_CONTINUES = re.compile(
    r"^(?:(?:全年|今年|当年|去年|上年|[0-9]{4}年|其中|同比|实际|名义|分别|再|先|又|即|也|规模|总量|总额|计划|预计|可以"
    r"|(?:扣除|考虑)[^，。；]{0,8}因素|按[^，。；]{0,8}计算|比[^，。；]{0,20}?)\s*)*"
    r"(?:增长|下降|增加|减少|提高|降低|上涨|上升|回落|扩大|达到|达|为|定为|定在|拟定为|拟安排|安排|发行|超过|突破|占"
    r"|控制在|力争|争取|保持|跃上|增产|减产)"
)
"""How a clause that reads its figure after the previous clause's name begins: with a verb
(增长5.2%, 定为百分之八至九, 力争达到8%), after a time or comparison (今年先发行1万亿元,
规模比2023年增加1000亿元, 考虑价格下降因素比上年实际增长9.3%). A clause with a noun of its own
(产业投资增长7%) does not."""

_MAY_HAVE_NUMBER = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿]")
_UNIT_SUBJECT = re.compile(r"^[\u3400-\u9fff]{1,8}?(?:企业|企業|国企|央企|部门|行业|单位)(?=[\u3400-\u9fff])")
"""A clause that opens on the firms or units its figures are of (省管企业净资产增长8.9%)."""
_EXCLUDING = re.compile(r"^(?:在)?(?:扣除|剔除|不含|不包括)(?!价格|物价)[^，；。]{2,20}(?:后|以后|外)?$")
"""A clause that leaves a part out of the figures after it (扣除房地产开发投资后); not 扣除价格因素."""
_HEAD_NOUN = re.compile(r"(?:总产量|产量|总产值|产值)$")
_HEAD_NOUN_IN = re.compile(r"(?<=[\u3400-\u9fff])(?:总产量|产量)(?=继续|都|均|大幅|稳定|[增提])")
_ELIDED = re.compile(
    r"^(?P<noun>[\u3400-\u9fff]{1,4}?)(?=由|从|达到|达|为|增加|增长|增产|减产|突破|超过|[0-9零〇一二两三四五六七八九十])"
)
"""A clause that opens on a product's bare name before its figure (钢由三千七百万吨…, 棉花4000万担)."""
_HEAD_ONLY = re.compile(r"(?:总产量|产量|总产值|总产)(?=由|从|达到|达|为|增加|增长|比|[0-9零〇一二两三四五六七八九十])")
_HAN_PAIR = re.compile(r"(?=([\u3400-\u9fff]{2}))")


_ENDS_ON_A_WORD = re.compile(rf"(?:{_NOT_A_PART.pattern}|[^\u3400-\u9fff])$")


def _product_name(clause: str, before: list[str], index: _Index) -> str | None:
    """The name a clause that opens on a bare head noun states with the product a clause before
    names (粮食播种面积…、产量514.4万吨; 工业生产增长较快，总产值比上年增长…; 粮食连续五年增产，总产量…):
    the first two characters there that, put before the clause, make a name."""
    for words in before:
        for pair in _HAN_PAIR.finditer(words[:16]):
            opening = words[: pair.start()]
            if opening and not _ENDS_ON_A_WORD.search(opening):
                continue  # 工业 inside 轻工业: no product of its own
            name = _name_in(matching_form(pair.group(1) + clause), index)
            if name is not None and name.startswith(pair.group(1)):
                return name
    return None


_COUNTED_NOUN = re.compile(r"[\u3400-\u9fff]{2,}")
_OWN_NOUN = re.compile(r"^[\u3400-\u9fff“”]{3,}[0-9零〇一二两三四五六七八九十百千万亿]")
_OWN_SUBJECT = re.compile(r"^(?:新增|完成|实现|其中)?[“”\u3400-\u9fff]{3,}?(?:资金|金额|规模|总额|额|量|数)")
"""A clause that opens on a noun of its own before its figure (新增“险资入甘”落地资金213.4亿元):
the clauses after it read their figures after that noun, not after an earlier name."""


def _twin(key: str | None, quantity: Quantity | None, index: _Index) -> str | None:
    """A level indicator stated as a percentage change is its growth twin (国内生产总值比上年…
    增长5.2% after its level: ``gdp`` → ``gdp_growth``), and a growth indicator stated as an
    amount its level twin (国内生产总值增长5%，总量达到140.19万亿元: ``gdp_growth`` → ``gdp``), where
    the registry has one."""
    if key is None or quantity is None:
        return key
    if quantity.unit != "%":
        level = key.removesuffix("_growth")
        fits = level != key and level in index.units and unit_fits(index.units[level], quantity.unit)
        return level if fits and not unit_fits(index.units.get(key), quantity.unit) else key
    if unit_fits(index.units.get(key), "%"):
        return key
    twin = f"{key}_growth"
    return twin if twin in index.units else key


def _fit(quantity: Quantity, key: str | None, index: _Index) -> Quantity:
    """``quantity`` keyed to ``key`` where its unit fits. A bare count keeps the unit the parser
    reads (``count``: 农村贫困人口减少1000万以上), so that check() re-reads it as stored; the key
    says what it counts."""
    unit = index.units.get(key) if key is not None else None
    if key is None or not unit_fits(unit, quantity.unit):
        return quantity
    return attrs.evolve(quantity, indicator=key)


def _shift(quantity: Quantity, by: int) -> Quantity:
    return attrs.evolve(quantity, start=quantity.start + by, end=quantity.end + by)


_JOINED = re.compile(r"[0-9%％](?:和|、|及)[0-9]")
_BOTH = re.compile(r"(?<![人平])均|都")
"""Before a clause's one figure, after its subjects: the figure is each one's (…均为12%左右)."""


def _respectively(keyed: _Keyed, index: _Index) -> list[tuple[str | None, Quantity]] | None:
    """The figures of a clause with 分别 and two or more figures, each with its own key; or of a
    clause whose subjects share its one figure (…和…均为12%左右, …都增长10%): the figure for each.

    The subject before 分别 is split at 、/和/及/与; a short part naming nothing borrows the rest
    of the last part (城镇和农村常住居民人均可支配收入 → 城镇常住居民人均可支配收入). A subject
    with 城乡 and two figures stands for 城镇 and 农村. Where the clause names no subject of its own
    (…，扣除价格因素，分别增长9.6%和6.2%; …，实际增长9.8%和8.5%), its figures go to the last
    indicators named before it in the sentence, in order.
    """
    text = keyed.clause.text
    count = len(keyed.quantities)
    both = _BOTH.search(text, 0, keyed.quantities[0].start) if count == 1 else None
    if both is not None:
        # 广义货币M2和社会融资规模余额预期增长均为12%左右: one figure for each subject
        names = [_name_in(matching_form(p), index) for p in _COORDINATION.split(text[: both.start()]) if p]
        keys = list(dict.fromkeys(index.keys[n] for n in names if n))
        if len(keys) >= 2 and all(names):
            return [(key, keyed.quantities[0]) for key in keys]
    at = text.find("分别")
    several = count >= 2 and (keyed.key is None or keyed.inherited) and bool(_JOINED.search(text))
    if count >= 2 and at < 0 and not several and _JOINED.search(text):
        # 城镇居民人均可支配收入和农村居民人均纯收入实际增长8.4％和11.4％: as many subjects as figures,
        # side by side, without 分别
        parts = [p for p in re.split(r"[、和及与]", text[: keyed.quantities[0].start]) if p]
        names = [_name_in(matching_form(p), index) for p in parts]
        if len(parts) == count and all(names):
            return [(index.keys[n], q) for n, q in zip(names, keyed.quantities, strict=True) if n]
    if count < 2 or (at < 0 and not several):
        return None
    subject = text[: max(at, 0)]
    if _name_in(matching_form(subject), index) is None and len(keyed.subjects) >= count:
        # 城镇居民…10493元，农村居民…3255元，扣除价格因素，分别增长9.6%和6.2%
        return list(zip(keyed.subjects[-count:], keyed.quantities, strict=True))
    if at < 0:
        return None
    subject = text[:at]
    parts = [p for p in re.split(r"[、和及与]", subject) if p]
    if len(parts) == 1 and "城乡" in subject and len(keyed.quantities) == 2:
        parts = [subject.replace("城乡", "城镇", 1), subject.replace("城乡", "农村", 1)]
    if len(parts) != len(keyed.quantities):
        return [(keyed.key, q) for q in keyed.quantities]
    last = parts[-1]
    head = _HEAD_NOUN_AT.search(last)
    result = []
    for part, quantity in zip(parts, keyed.quantities, strict=True):
        name = _name_in(matching_form(part), index)
        if name is None and len(part) < len(last):
            # 城镇和农村…: the rest of the last part; 一、二、三产业增加值: 第一产业增加值; 原煤、原油、
            # 天然气产量: the last part's head noun (原煤产量)
            tries = [part + last[len(part) :], "第" + part + last[len(part) :]]
            tries += [part + last[head.start() :]] if head is not None else []
            name = next((n for t in tries if (n := _name_in(matching_form(t), index)) is not None), None)
        result.append((index.keys[name] if name else keyed.key, quantity))
    return result


_HEAD_NOUN_AT = re.compile(r"(?:总产量|产量|增加值|总产值|产值)")


_RELATION = re.compile(r"同步|协调|相适应|相协调|相匹配|匹配|一致|持平|相当|挂钩|衔接|快于|高于|低于|慢于")
_COORDINATION = re.compile(r"[、和及与]")
_THAN_LAST_YEAR = re.compile(r"(?:高于|低于|快于|慢于)(?:去年|上年)")
"""A relation to the year before, not to another indicator (…增速明显高于去年): each subject's own."""
_PARTNER = re.compile(r"要?(?:与|同)(?=[^、和及与]*(?:同步|协调|相适应|相协调|相匹配|匹配|一致|持平|相当|挂钩|衔接))")


def _side_by_side(keyed: _Keyed, index: _Index) -> list[tuple[str | None, Quantity | None]] | None:
    """A clause with no figure that names several indicators side by side states each of them
    (单位国内生产总值能耗和主要污染物排放量继续下降; 全面完成能耗强度下降和主要污染物总量减排目标;
    节能减排和碳排放强度下降完成国家下达任务): one qualitative target per indicator, in the order
    named. Not where the clause relates them to each other (居民收入增长和经济增长同步: one
    target on income). ``None`` where it names fewer than two."""
    text = keyed.clause.text
    if _RELATION.search(text) and not _THAN_LAST_YEAR.search(text):
        partner = _PARTNER.search(text)
        if partner is None:
            return None  # 居民收入增长和经济增长同步: the first relative to the second
        text = text[: partner.start()]  # 广义货币M2和社会融资规模增速要与…相匹配: each of the subjects
    keys: list[str] = []
    for part in _COORDINATION.split(text):
        name = _name_in(matching_form(part), index)
        if name is not None and index.keys[name] not in keys:
            keys.append(index.keys[name])
    return [(key, None) for key in keys] if len(keys) >= 2 else None


_STRIVE = re.compile(r"^(?:并|且|同时)?(?:力争|争取|努力)")


def _stretches(keyed: list[_Keyed], at: int, targets: list[Target], text: str) -> bool:
    """Whether clause ``at`` states a figure striven for beside the target of the clause before
    it (…增长7%以上、力争达到8%): it opens with 力争/争取, reads its figure after the name of the
    clause before (which stated the target just found), and only 、 or ，stands between them."""
    item = keyed[at]
    if not (at and item.inherited and item.quantities and _STRIVE.match(item.clause.text) and targets):
        return False
    previous = keyed[at - 1]
    last = targets[-1]
    return (
        previous.key is not None
        and bool(previous.quantities)
        and last.key is not None
        and last.span.end == previous.clause.end
        and text[previous.clause.end : item.clause.start] in ("、", "，", ",")
    )


_FROM_TO = re.compile(r"[从由][^，,。；;]*?到")


def _targets_of(keyed: list[_Keyed], source_id: str, text: str, year: int, index: _Index) -> list[Target]:
    targets: list[Target] = []
    prices = names_consumer_prices(text)
    for i, item in enumerate(keyed):
        if _FRAMING.search(item.clause.text) and not item.quantities:
            continue  # 在…的基础上, 力争更好结果: framing (地区生产总值增长5%左右、努力争取更好结果 is a target)
        if _stretches(keyed, i, targets, text):
            # 地区生产总值增长7%以上、力争达到8%: the figure striven for beside the target is no
            # target of its own; the target's quote runs over it
            last = targets[-1]
            span = span_at(source_id, text, last.span.start, item.clause.end)
            targets[-1] = attrs.evolve(last, text=span.exact, span=span)
            continue
        start = item.clause.start
        quantities = item.quantities
        if (
            item.inherited
            and i
            and not keyed[i - 1].quantities
            and keyed[i - 1].key is not None
            and len(text[keyed[i - 1].clause.end : item.clause.start]) <= 2
        ):
            # 经济增长速度的宏观调控目标，定为百分之八至九: the target is both clauses
            previous = keyed[i - 1].clause
            if targets and targets[-1].span.start == previous.start:
                targets.pop()
            quantities = tuple(_shift(q, item.clause.start - previous.start) for q in quantities)
            start = previous.start
        span = span_at(source_id, text, start, item.clause.end)
        pairs: list[tuple[str | None, Quantity | None]] | None
        pairs = list(_respectively(item, index) or []) or None
        if pairs is None and not quantities:
            pairs = _side_by_side(item, index)
        if pairs is None:
            unit = index.units.get(item.key) if item.key else None
            fitting = [q for q in quantities if unit_fits(unit, q.unit) and not _BASE.search(span.exact[: q.start])]
            reached = _FROM_TO.search(span.exact)
            if reached is not None:
                # 由今年预计的3%提高到4%: the target is the figure reached, not the one it starts from
                fitting.sort(key=lambda q: q.start < reached.end())
            others = [q for q in quantities if not _BASE.search(span.exact[: q.start])]
            candidates: list[Quantity | None] = [*fitting, *others, None]
            chosen = candidates[0]
            pairs = [(_twin(item.key, chosen, index), chosen)]
        else:
            pairs = [(k, _shift(q, item.clause.start - start) if q else None) for k, q in pairs]
        for key, quantity in pairs:
            if quantity is not None:
                key = _twin(key, quantity, index)
                quantity = _meant(item, quantity, span.exact, item.clause.start - start, None, year, index, key)
                key = _kept(key, item, quantity, index, prices)
                quantity = _fit(quantity, key, index)
            else:
                key = _kept(key, item, None, index, prices)
            targets.append(
                Target(
                    key=key,
                    year=year,
                    text=span.exact,
                    quantity=quantity,
                    qualifier=quantity.qualifier if quantity is not None else None,
                    span=span,
                )
            )
    return targets


# --------------------------------------------------------------------------------------------
# The targets passage

_INTRO = re.compile(
    r"(?:主要预期目标|预期目标|主要目标|调控的目标)(?:建议)?(?:是|为)\s*(?:[：:]|[，,])"
    r"|主要预期目标。(?=\s*\n\s*(?:——|--|－－))"
    r"|(?P<listed>主要指标(?:安排|规定)?如下[。：:])(?=\s*\n)"
)
_FIVE_YEAR = re.compile(r"(?<![〇一二三四五六七八九零0-9])五年|“十|十[一二三四五]五|规划|纲要|时期|期间|远景|今后")
_ABOUT_TARGETS = re.compile(r"目标|^(?:这里|上述|总的考虑|提出|实现|要|今年要|加强|确定|为实现|综合)")
_BULLET = re.compile(r"\s*(?:——|--|－－)")
_RATIONALE_PART = re.compile(r"关于([^：:。，]{1,24})[：:]")
_THIS_YEAR_WORDS = re.compile(
    r"计划|計劃|預計|預期|预期|预定|預定|目标|目標|要求|力争|力爭|争取|爭取|拟定|擬定|预算|預算|安排|将|將|决定|決定|指标|指標"
)


def _line_end(text: str, at: int, end: int) -> int:
    stop = text.find("\n", at, end)
    return end if stop < 0 else stop


def _sentence_start(text: str, at: int, start: int) -> int:
    cut = max(text.rfind("。", start, at), text.rfind("\n", start, at), text.rfind("！", start, at))
    return max(start, cut + 1)


def _passage_targets(
    text: str, source_id: str, year: int, at: int, intro_end: int, end: int, index: _Index
) -> list[Target]:
    """The targets of the passage whose opening phrase ends at ``intro_end``."""
    line_end = _line_end(text, intro_end, end)
    year = _plan_year(text[_sentence_start(text, at, 0) : intro_end], year)
    if _LISTED.search(text, at, intro_end):
        return _listed_targets(text, source_id, year, line_end, end, index)
    if text[at:intro_end].endswith("。"):
        return _bullet_targets(text, source_id, year, line_end, end, index)
    body = intro_end
    if not text[intro_end:line_end].strip():  # the list starts on the next line
        body = line_end + 1
        line_end = _line_end(text, body, end)
    targets: list[Target] = []
    for n, match in enumerate(_SENTENCE.finditer(text, body, line_end)):
        keyed = _key_clauses(list(_clauses(text, *match.span())), index)
        if n and (not any(k.key for k in keyed) or _ABOUT_TARGETS.search(match.group().strip())):
            break
        targets += _targets_of(keyed, source_id, text, year, index)
    return targets


_LISTED = re.compile(r"如下[。：:]$")


def _plan_year(sentence: str, year: int, default: int | None = None) -> int:
    """The year a passage's opening sentence sets the plan for: the report's, or the next where
        the sentence names it and not the report's own (根据上述要求，1981年国民经济计划主要指标安排如下:
        the 1980 report sets 1981's plan; 1982年的计划，要求…由今年预计的3%提高到4% in the report of 1981:
    the year it names first)."""
    named = [
        (m.start(), y)
        for y, pattern in ((year + 1, _year_pattern(year + 1, own=False)), (year, _year_pattern(year)))
        for m in pattern.finditer(sentence)
        if sentence[max(0, m.start() - 1) : m.start()] != "比"  # 比一九六四年: a base, not the plan's year
    ]
    if not named:
        return year if default is None else default  # 计划草案拟定，…: the plan year named before
    return min(named)[1]


_LIST_HEADING = re.compile(r"\s*[\u3400-\u9fff、]{2,8}[，,]")
"""The heading of a paragraph of a listed plan (农业，; 劳动就业，; 教育、…)."""


def _listed_targets(text: str, source_id: str, year: int, line_end: int, end: int, index: _Index) -> list[Target]:
    """The older plan reports' layout: 主要指标安排如下, then a paragraph per heading (工农业总产值，
    比1980年预计增长5.5％…; 农业，粮食产量…), while each states a keyed figure."""
    targets: list[Target] = []
    at = line_end + 1
    misses = 0
    while at < end and misses < 2:
        stop = _line_end(text, at, end)
        if not text[at:stop].strip():
            at = stop + 1
            continue
        keyed = _key_clauses(list(_clauses(text, at, stop)), index)
        found = [t for t in _targets_of(keyed, source_id, text, year, index) if t.quantity is not None]
        # a paragraph under a heading of its own (机械工业，拖拉机9.75万台…) is still the list
        headed = _LIST_HEADING.match(text, at, stop) is not None and _MAY_HAVE_NUMBER.search(text, at, stop)
        misses = 0 if headed or any(t.key is not None for t in found) else misses + 1
        targets += found if misses == 0 else []
        at = stop + 1
    return targets


def _bullet_targets(text: str, source_id: str, year: int, line_end: int, end: int, index: _Index) -> list[Target]:
    """The plan report's layout: —— bullets, each a statement and its rationale (主要考虑)."""
    targets: list[Target] = []
    at = line_end + 1
    while at < end and _BULLET.match(text, at):
        stop = _line_end(text, at, end)
        statement_end = text.find("。", at, stop)
        statement_end = stop if statement_end < 0 else statement_end
        keyed = _key_clauses(list(_clauses(text, at, statement_end)), index)
        found = _targets_of(keyed, source_id, text, year, index)
        rationale_start = statement_end + 1
        if found and rationale_start < stop:
            found = _with_rationales(found, text, source_id, rationale_start, stop, index)
        targets += found
        at = stop + 1
    return targets


def _with_rationales(
    found: list[Target], text: str, source_id: str, start: int, stop: int, index: _Index
) -> list[Target]:
    parts = list(_RATIONALE_PART.finditer(text, start, stop))
    if not parts or parts[0].start() != start:
        span = span_at(source_id, text, start, stop)
        return [attrs.evolve(found[0], rationale=span.exact, rationale_span=span), *found[1:]]
    result = list(found)
    taken: set[int] = set()
    for n, part in enumerate(parts):
        finish = parts[n + 1].start() if n + 1 < len(parts) else stop
        span = span_at(source_id, text, part.start(), finish)
        name = _name_in(matching_form(part.group(1)), index)
        key = index.keys[name] if name else None
        choice = next((i for i, t in enumerate(result) if t.key == key and i not in taken), None)
        if choice is None:
            choice = next((i for i in range(len(result)) if i not in taken), None)
        if choice is None:
            break
        taken.add(choice)
        result[choice] = attrs.evolve(result[choice], rationale=span.exact, rationale_span=span)
    return result


def _year_pattern(year: int, *, own: bool = True) -> re.Pattern[str]:
    """The words naming ``year`` (with 今年, 本年 where it is the report's ``own``; 明年 where not)."""
    words = "今年|本年" if own else "明年"
    return re.compile(rf"{words}|{year}年|{year_in_words(year)}年")


_RUNNING_SENTENCE = re.compile(r"[^。！？]+[。！？]?")
_CONTINUED = "；，、：;,:"


def _logical_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The lines of ``text[start:end]``, a line that ends inside its sentence (in ；，、：, as
    where each clause of a list stands on a line of its own) joined to the next."""
    begin: int | None = None
    for match in re.finditer(r"[^\n]+", text[start:end]):
        if begin is None:
            begin = start + match.start()
        if not match.group().rstrip().endswith(tuple(_CONTINUED)):
            yield begin, start + match.end()
            begin = None
    if begin is not None:
        yield begin, end


_REVIEW_AGAIN = re.compile(
    r"\s*(?:[一二三四五六七八九十]+、)?[^，。\n]{0,16}工作回顾|\s*(?:过去一年|过去的一年|刚刚过去的)"
)
_ESTIMATED = re.compile(r"年(?:全年)?预计|年初步(?:预计|核算)")
_FIGURE_IN = re.compile(r"[0-9]|百分之|[零〇一二两三四五六七八九十百千][万亿]")
_STRIVES = re.compile(r"\s*(?:力争|确保|争取)")
_SETS = re.compile(r"预期|要|拟|力争|确保|争取|目标|控制在|稳定在|再")


def _outside_targets(
    text: str,
    source_id: str,
    year: int,
    start: int,
    end: int,
    index: _Index,
    stated: set[str | None],
    qualitative: set[str | None] | None,
) -> list[Target]:
    """The targets the text sets for the year after its targets passage, in the part on the
    year's work (2014's tasks: 今年进出口总额预期增长7.5%左右, 今年能源消耗强度要降低3.9%以上; 2017's
    今年再减少农村贫困人口1000万以上; Hubei 2025: …社会消费品零售总额增长7％左右): a clause with a word
    that sets a figure (预期, 要, 拟, 力争, 确保, 控制在...) or a target's qualifier (左右, 以上, 不少于...)
    and a keyed figure of the year (no span: :mod:`gwr._reading._meaning`) of an indicator read as
    a floor or a ceiling (or a rate, M2) that the passage does not state; not in a sentence on a
    past year or on a five-year plan. The first of each key not in ``stated``; ``in_passage`` is
    false. Then, unless ``qualitative`` is ``None``, the qualitative targets
    (:func:`_qualitative_targets`) on keys in neither ``stated`` nor ``qualitative``."""
    this_year = _year_pattern(year)
    found: list[Target] = []
    have = set(stated)
    taken: dict[str, int] = {}  # where the paragraph that sets each key starts
    for match in _SENTENCE.finditer(text, start, end):
        sentence = match.group()
        paragraph = text.rfind("\n", 0, match.start()) + 1
        if paragraph == match.start() and _REVIEW_AGAIN.match(sentence):
            break  # a review again (the text repeats, or a part on the year before): no more targets
        named = this_year.search(sentence)
        opening = named.start() if named is not None else 0
        if not _FIGURE_IN.search(sentence):
            continue  # no figure: no target (a quick test before the clauses)
        if not _may_name(sentence, index):
            continue
        if _FIVE_YEAR.search(sentence) or _PAST.search(_BASE_WORDS.sub("", sentence[: max(opening, 1)])):
            continue
        first = _CLAUSE.match(sentence.lstrip())
        if first is not None and _past_year(_BASE_MENTION.sub("", first.group()), year):
            continue  # 一九八一年比一九八○年，原煤增长…: a sentence on a past year
        if first is not None and _ESTIMATED.search(first.group()):
            continue  # 一九八二年预计比一九八一年，…: the year's result estimated, no target
        if look_back(text, match.start(), year) is not None:
            continue  # in a paragraph that looks back over years (“十五”时期，…)
        keyed = _key_clauses(list(_clauses(text, *match.span())), index)
        for item in keyed:
            key = item.key or ""
            if not key and "分别" in item.clause.text:
                # 原煤、原油、天然气产量分别达到7000万吨、1280万吨、10亿立方米: the keys its parts name
                key = next((k for k, _ in _respectively(item, index) or [] if k is not None), "")
            reading = index.readings.get(key)
            rate = reading == "level" and index.units.get(key) == "%"  # 广义货币供应量预期增长13%左右
            # a level with a target's qualifier in a sentence on the year (全年进出口总额9000亿元以上)
            on_year = named is not None or item.clause.text.startswith("全年")
            bounded = on_year and any(q.qualifier in ("at_least", "at_most", "about") for q in item.quantities)
            # the first paragraph of each key; in it, every figure of the key (今年化学需氧量、氨氮排放量
            # 要分别下降2%，二氧化硫、氮氧化物排放量分别下降3%)
            again = key in have and taken.get(key) != paragraph
            if again or not item.quantities or not (reading in ("floor", "ceiling") or rate or bounded):
                continue
            if item.clause.start < match.start() + opening:
                continue
            # the year's part speaks of the year: a word that sets a figure, or a target's qualifier,
            # or the sentence opens on the year (今年赤字率提高到3%)
            sets = (
                _SETS.search(item.clause.text)
                or any(q.qualifier != "exact" for q in item.quantities)
                or (named is not None and named.start() == 0)
                or _STRIVES.match(sentence) is not None  # 力争新增规模以上企业1000家，…，工业增加值增长6.5％
                # a floor or a ceiling the passage does not state at all (…，城镇新增就业50万人、…)
                or (key not in stated and reading in ("floor", "ceiling"))
            )
            if not sets:
                continue
            if _past_year(item.clause.text, year) or _PAST.search(item.clause.text):
                continue
            for target in _targets_of([item], source_id, text, year, index):
                if target.key is None or target.quantity is None:
                    continue
                if target.key in have and taken.get(target.key) != paragraph:
                    continue
                if target.quantity.indicator is None:
                    continue  # its meaning does not fit the key: a part, a span, a share
                if any(t.key == target.key and t.quantity == target.quantity for t in found):
                    continue
                found.append(attrs.evolve(target, in_passage=False))
                have.add(target.key)
                taken[target.key] = paragraph
    if qualitative is None:
        return found
    return found + _qualitative_targets(text, source_id, year, start, end, index, have | qualitative)


def _first_plan_sentence(text: str, year: int, start: int, end: int) -> int:
    """Where the first sentence on the year's plan starts (the year named, with a word of a plan
    or a target: 今年计划…, 使1989年物价上涨幅度明显低于1988年…要求), or ``end``."""
    this_year = _year_pattern(year)
    for match in _SENTENCE.finditer(text, start, end):
        if this_year.search(match.group()) and _THIS_YEAR_WORDS.search(match.group()):
            return match.start()
    return end


_INTENT = re.compile(
    r"^(?:今年)?(?:要|并|还要|同时|必须)?"
    r"(?:努力|争取|力争|力求|逐步|促进|实现|保持|使|把|继续|适当|确保|切实|千方百计|务使|务必|做到|引导)"
)
"""How a clause that sets a qualitative target for the year opens (努力增加农民收入, 逐步减少财政赤字,
促进国际收支基本平衡, 使1989年物价上涨幅度明显低于1988年)."""
_INTENT_IN = re.compile(
    r"(?:^|[，；、,;：:\s])(?:今年)?(?:要|并|还要|同时|必须)?"
    r"(?:努力|争取|力争|力求|逐步|促进|实现|保持|使|把|继续|适当|确保|切实|千方百计|务使|务必|做到|引导)"
    r"|要(?:与|同|和|继续|保持|稳定|实现)"
)
_MUST = re.compile(r"^[^，；]{2,16}?要(?:与|同|和|继续|保持|稳定|实现)")
"""A subject, then 要 and what it is to be (广义货币M2和社会融资规模增速要与…相匹配)."""
_CHANGE_STATE = re.compile(
    r"增加|减少|增长|增速|增收|下降|降低|提高|控制|稳定|维持|好收成|低于|高于|缩小|扩大|不突破|不超过"
)
"""What a qualitative target says of its indicator: a change or its holding (平衡 only for an
indicator that is itself qualitative: 国际收支基本平衡, not 经济总量的平衡 or 进出口基本平衡)."""
_NOT_ITS_OWN = re.compile(r"比重|比例|占比|份额|结合|资金|基金|经费|贷款|结构|挂钩|衔接")
"""A clause on a share of the indicator, on money for it or on its tie to another (逐步提高
居民收入在国民收入分配中的比重; 适当增加…再就业和解困资金; 把控制社会总需求和控制人口增长结合起来). A
clause that relates it to another (…增速要与国内生产总值名义增速相匹配) is a target on it."""


def _qualitative_targets(
    text: str, source_id: str, year: int, start: int, end: int, index: _Index, have: set[str | None]
) -> list[Target]:
    """The qualitative targets the text sets for the year after its targets (or its plan's
    statement), on indicators it sets no figure for: a clause that opens on a word of intent
    (:data:`_INTENT`), names an indicator with a word of change or state (:data:`_CHANGE_STATE`)
    and states no figure
    (逐步减少财政赤字; 促进国际收支基本平衡; 稳定粮食播种面积和产量); not in a sentence on a past
    year or a five-year plan. The first of each key; ``in_passage`` is false."""
    found: list[Target] = []
    have = set(have)
    for match in _SENTENCE.finditer(text, start, end):
        sentence = match.group()
        if not _INTENT_IN.search(sentence):
            continue  # no clause opens on a word of intent (a quick test before the names)
        if not _may_name(sentence, index) or _FIVE_YEAR.search(sentence):
            continue
        if _PAST.match(sentence.lstrip()):
            continue  # 去年，我们…: a sentence on the past
        for item in _key_clauses(list(_clauses(text, *match.span())), index):
            clause = item.clause.text
            if item.key is None or item.key in have or item.inherited or item.quantities or item.scope:
                continue
            # what it says of the indicator, outside its name (经济增长速度 says nothing of itself)
            rest = clause if item.key in index.flows else clause.replace(item.name or "", "、")
            says = _CHANGE_STATE.search(rest) or (index.readings.get(item.key) == "qualitative" and "平衡" in rest)
            intends = _INTENT.match(clause) or _MUST.search(clause)
            if not (intends and says) or len(clause) > 30 or _NOT_ITS_OWN.search(clause):
                continue
            if (
                _past_year(clause, year)
                or _FRAMING.search(clause)
                or _PAST.search(_BASE_WORDS.sub("", _THAN_LAST_YEAR.sub("", clause)))
            ):
                continue
            for target in _targets_of([item], source_id, text, year, index):
                if target.key is not None and target.key not in have and target.quantity is None:
                    found.append(attrs.evolve(target, in_passage=False))
                    have.add(target.key)
    return found


_BASE_WORDS = re.compile(r"比(?:上年|去年|上一年)")
"""比上年 in a clause of this year's plan is the base of its change, not a look back."""


_FIRST_FIGURE = re.compile(r"(?<![0-9])[0-9](?![0-9]{3}年)|百分之|[一二两三四五六七八九十][十百千万亿]")


def _plan_clause(sentence: str, this_year: re.Pattern[str], next_year: re.Pattern[str]) -> str | None:
    """The sentence up to the end of the first clause that names the plan's year before a figure
    of its own (一九五三年…增加了百分之九十六，一九五四年計劃的…又比一九五三年增加百分之二十八), or
    ``None``: a sentence that names a later year only after its figures (…提前两年达到…一九八五年指标)
    states no plan."""
    for clause in re.finditer(r"[^，；：,;:]+", sentence):
        named = this_year.search(clause.group()) or next_year.search(clause.group())
        if named is None or _COMPARING.search(clause.group(), 0, named.start()):
            continue  # 比五年计划原定1957年3，856亿斤的水平: a base, not the plan's year
        if _FIRST_FIGURE.search(clause.group(), named.end()) is not None:
            return sentence[: clause.end()]
        if _FIRST_FIGURE.search(sentence, 0, clause.start()) is None:
            return sentence[: clause.end()]  # 1982年的计划，要求…: named before the sentence's figures
    return None


_COMPARING = re.compile(r"比|原定|同|与")


def _statement_targets(text: str, source_id: str, year: int, start: int, end: int, index: _Index) -> list[Target]:
    """Single statements of this year's targets (the older layouts): see the module documentation."""
    this_year = _year_pattern(year)
    next_year = _year_pattern(year + 1, own=False)
    targets: list[Target] = []
    plan_year = year
    for line_start, line_end in _logical_lines(text, start, end):
        line = text[line_start:line_end]
        if not (this_year.search(line) or next_year.search(line)):
            continue
        following = False
        for match in _RUNNING_SENTENCE.finditer(line):
            sentence = match.group()
            s = line_start + match.start()
            # the year a sentence states the plan of is named before its first figure (一九八三年，…
            # 提前两年达到…第六个五年计划规定的一九八五年指标: a review that names a later year after)
            figure = _FIRST_FIGURE.search(sentence)
            head = sentence[: figure.start()] if figure is not None else sentence
            stated = _plan_clause(sentence, this_year, next_year)
            opens = bool(stated is not None and _THIS_YEAR_WORDS.search(sentence))
            if opens and stated is not None:
                plan_year = _plan_year(stated, year, plan_year)
            # a sentence on a five-year plan names it before its figures; one that compares the
            # year's figure with the plan's after it (…，比五年计划原定1957年3，856亿斤的水平) is the year's
            if _FIVE_YEAR.search(head):
                following = False
                continue
            if not (opens or following):
                continue
            keyed = _key_clauses(list(_clauses(text, s, s + len(sentence))), index)
            # a sentence of this year's targets that lists them a line each (今年要…目标任务；\n城镇新增
            # 就业900万人以上…；\n进出口促稳提质，国际收支基本平衡；…): every keyed clause is a target
            listed = opens and "\n" in sentence.strip()
            keyed = [k for k in keyed if (k.key is not None and (k.quantities or listed)) or _has_keyed_next(keyed, k)]
            keyed = [
                k
                for k in keyed
                if not _past_year(k.clause.text, plan_year) and not _PAST.search(_BASE_WORDS.sub("", k.clause.text))
            ]
            found = [
                t
                for t in _targets_of(keyed, source_id, text, plan_year, index)
                if (t.quantity and (t.quantity.indicator or t.quantity.scope)) or (listed and t.key is not None)
            ]
            targets += found
            following = following or bool(found)
    return targets


_BASE = re.compile(r"比[^，。；]{0,12}的$")
_PAST = re.compile(r"去年|上年|上一年|过去|過去|已经|已經|实际达到|实际完成")
_YEAR_MENTION = re.compile(
    r"(?<!比)(?<!比较)(?<!比較)(?<!低于)(?<!高于)(?<!於)(?:(?P<arabic>1[89][0-9]{2}|20[0-9]{2})|(?P<chinese>[一][九][〇零一二三四五六七八九]{2}))年"
)


def _past_year(clause: str, year: int) -> bool:
    """Whether ``clause`` speaks of a year other than ``year`` (not as the base of a comparison)."""
    digits = "〇一二三四五六七八九"
    for match in _YEAR_MENTION.finditer(clause):
        if match["arabic"]:
            mentioned = int(match["arabic"])
        else:
            mentioned = int("".join(str(digits.index(c) if c != "零" else 0) for c in match["chinese"]))
        if mentioned != year:
            return True
    return False


def _listed_base(before: Sequence[_Keyed], text: str, year: int) -> str | None:
    """The base of a change since an earlier year than the one before ``year`` that a clause of
    ``before`` states, where only commas stand between it and the clause after ``before``."""
    for item in reversed(before):
        if "；" in text[item.clause.end : item.clause.end + 1] or ";" in text[item.clause.end : item.clause.end + 1]:
            return None
        for quantity in item.quantities:
            if _other_base(quantity.relative_to, year):
                return quantity.relative_to
    return None


def _other_base(relative_to: str | None, year: int) -> bool:
    """Whether a change relative to ``relative_to`` spans more than the year before ``year``
    (比2002年 in the 2008 report; 比上年 and 比2006年 do not)."""
    if relative_to is None:
        return False
    return _past_year(relative_to, year - 2)


def _has_keyed_next(keyed: list[_Keyed], item: _Keyed) -> bool:
    """Whether the clause after ``item`` reads its figure after ``item``'s name (and has none)."""
    at = keyed.index(item)
    return (
        item.key is not None
        and not item.quantities
        and at + 1 < len(keyed)
        and keyed[at + 1].inherited
        and bool(keyed[at + 1].quantities)
    )


def _check(text: object, source_id: object, year: object, start: object, end: object) -> tuple[str, int, int]:
    if not isinstance(text, str):
        raise InvalidTypeError(f"the text is a str, not {type(text).__name__}")
    if not isinstance(source_id, str):
        raise InvalidTypeError(f"source_id is a str, not {type(source_id).__name__}")
    for name, value in (("year", year), ("start", start)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidTypeError(f"{name} is an int, not {type(value).__name__}")
    if end is not None and (isinstance(end, bool) or not isinstance(end, int)):
        raise InvalidTypeError(f"end is an int or None, not {type(end).__name__}")
    stop = len(text) if end is None else end
    assert isinstance(start, int)
    if not 0 <= start <= stop <= len(text):
        raise InvalidArgumentError(f"range [{start}, {stop}) is outside the text (length {len(text)})")
    return text, start, stop


def _passage(text: str, source_id: str, year: int, start: int, end: int, index: _Index) -> tuple[int, list[Target]]:
    """The best targets passage: its opening offset and its targets (``-1`` where none)."""
    best: tuple[int, list[Target]] = (-1, [])
    best_count = 0
    for match in _INTRO.finditer(text, start, end):
        opening = text[_sentence_start(text, match.start(), start) : match.start()]
        if _FIVE_YEAR.search(re.split(r"[，,]", opening)[-1]):
            continue
        found = _passage_targets(text, source_id, year, match.start(), match.end(), end, index)
        count = sum(1 for t in found if t.key is not None)
        if count > best_count:
            best, best_count = (match.start(), found), count
    return best


def find_targets(
    text: str,
    source_id: str,
    *,
    year: int,
    start: int = 0,
    end: int | None = None,
    indicators: Sequence[Indicator],
) -> tuple[Target, ...]:
    """The main expected targets stated in ``text[start:end]`` (the rules: module documentation).

    ``text`` is a normalized text and ``source_id`` the id its spans name; ``year`` is the
    report's year, the year the targets are for, except where a passage sets the next year's plan
    (1981年国民经济计划主要指标安排如下 in the report of 1980): its targets are dated to that year.
    Every target's span points into ``text``; a clause no indicator states has ``key=None``.
    The targets the text sets for the year elsewhere, with a figure or in words, follow with
    ``in_passage`` false. Raises :class:`~gwr.InvalidTypeError` or :class:`~gwr.InvalidArgumentError` on bad
    arguments, never on any text.

    >>> import gwr
    >>> text = "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。"
    >>> found = find_targets(text, "x", year=2024, indicators=gwr.indicators())
    >>> [(t.key, t.text, str(t.quantity.value)) for t in found]
    [('gdp_growth', '国内生产总值增长5%左右', '5'), ('urban_new_jobs', '城镇新增就业1200万人以上', '12000000')]
    """
    text, start, stop = _check(text, source_id, year, start, end)
    index = _index(indicators)
    _, targets = _passage(text, source_id, year, start, stop, index)
    if sum(1 for t in targets if t.key is not None) >= 3:
        after = max(t.span.end for t in targets)
        # a key the passage sets with no figure (主要污染物排放量继续下降) may get its figure later
        # (今年二氧化硫、氮氧化物排放量要分别下降3%)
        figures = {t.key for t in targets if t.quantity is not None}
        targets += _outside_targets(text, source_id, year, after, stop, index, figures, {t.key for t in targets})
    else:
        seen = {(t.span.start, t.key) for t in targets}
        passage = list(targets)  # (two targets of one clause, 能耗和主要污染物排放量继续下降, both stay)
        for target in _statement_targets(text, source_id, year, start, stop, index):
            if (target.span.start, target.key) not in seen and not any(
                t.span.start <= target.span.start < t.span.end for t in passage
            ):
                targets.append(target)
                seen.add((target.span.start, target.key))
        targets.sort(key=lambda t: t.span.start)
        if not targets:
            # no figure for the year (2002): its qualitative targets from the first sentence on its plan
            opening = _first_plan_sentence(text, year, start, stop)
            targets += _qualitative_targets(text, source_id, year, opening, stop, index, set())
        else:
            # the older layouts set the year's other figures in the parts on its work (1994: 努力
            # 把全年零售物价上涨幅度控制在百分之十以内), after the statement of the plan, and its
            # qualitative targets from the first sentence on the year's plan
            plan = targets[0].year
            stated = {t.key for t in targets}
            outside = _outside_targets(text, source_id, plan, targets[0].span.end, stop, index, stated, None)
            opening = min(targets[0].span.start, _first_plan_sentence(text, plan, start, stop))
            stated |= {t.key for t in outside}
            targets += outside + _qualitative_targets(text, source_id, plan, opening, stop, index, stated)
    return tuple(targets)


# --------------------------------------------------------------------------------------------
# Outcomes

_MULTI_YEAR = re.compile(
    r"年均|年平均|平均每年|每年|累计|连续|(?<![〇一二三四五六七八九零0-9])五年|多年|[从由].{0,30}(?:增加|提高|上升|下降|降|扩大|减少)?到|以来|翻"
)
_INCREMENT = re.compile(r"增产|减产|增加|减少|多增|少增")
_MULTI_YEAR_SENTENCE = re.compile(
    r"前[两二三四五]年|(?<![〇一二三四五六七八九零0-9])(?<!连续)五年(?!行动|计划|計划|計劃|规划|規劃)|“十[一二三四五]五”|以来"
)
_VERSUS_PLAN = re.compile(r"(?:超过|超额完成|完成)[^，。；]{0,8}计划")
_RESTATED = re.compile(r"(?:没有|未能|未)(?:如期|全部|按期)?(?:完成|实现|达到)|年初确定|预期目标|(?:要|计划)(?:从|由)")
"""In a clause of the review: the year's target restated (年初确定的, 预期目标, 物价涨幅要从14.8%降到10%左右)
or judged (没有实现): its figure is the target's, not the outcome's."""
_MISSED = re.compile(r"(?:没有|未能|未)(?:如期|全部|按期)?(?:完成|实现|达到)")
"""In a sentence: a target judged missed (全国没有实现年初确定的…能耗降低4%左右、主要污染物排放总量减少2%的
目标): every figure of it up to the judgement's end is the target's, not an outcome."""
_AVERAGED = re.compile(r"年均|平均每年|每年平均|年平均")
_REACHES = re.compile(
    r"达到|达|突破|超过|超|增加到|提高到|上升到|增长到|增至|升至|提升至|提升到|跃上|迈上|跨上|登上|站上|跨越|跨过|[为是]$|到$"
)
"""In a look back over several years, before a level: the level the period reached (…增加到121万亿元)."""
_HELD = re.compile(r"稳定在|保持在|始终")
_RAISED_TO = re.compile(r"(?:增加|提高|上升|增长|扩大)到")


def _other_year_before(before: str, clause: str, year: int) -> bool:
    """Whether the last year named in its sentence before ``clause`` (not as a base: 比…, 按…不变价格,
    在…的基础上) is another than ``year``, the clause naming none of its own."""
    if _year_named(clause, year):
        return False
    last = None
    for match in _YEAR_MENTION.finditer(_BASE_MENTION.sub("", _ON_THE_BASIS.sub("", before))):
        last = match
    return last is not None and _past_year(last.group(), year)


def _year_named(clause: str, year: int) -> bool:
    return f"{year}年" in clause or f"{year_in_words(year)}年" in clause


_ON_THE_BASIS = re.compile(r"在[^。；]*?的基础上")
_PART_OF = re.compile(r"\s*其中[，,]")
_BASE_MENTION = re.compile(
    r"(?:比|较|同|与|按)[^，。；]{0,4}?[0-9〇零一二三四五六七八九]{4}年(?:的|不变价格|价格)?"
    r"|[0-9〇零一二三四五六七八九]{4}年不变价格"
)
_FORECAST = re.compile(r"可能|有望")
"""In a clause of the review: what may yet come (积累率可能进一步降到30％左右), no result."""


def _opens_on(this_year: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """Whether the sentence part ``text[start:end]`` before a clause names the report's own year,
    not as a base (根据1980年计划，…): the clause after it is on that year."""
    return any(text[max(start, m.start() - 1) : m.start()] != "比" for m in this_year.finditer(text, start, end))


_CAPACITY = re.compile(r"能力[^。；]{0,30}[：:]")
"""Before a clause in its sentence: the figures after it are capacities (一九五七年新增加的工业生产能力
（按年产量计算），…就有：采煤…，发电量…)."""
_QUALITATIVE_STATE = re.compile(r"平衡|改善|好转|稳定|同步")


def _bound_in(outcomes: list[Outcome], key: str, sentence_start: int) -> bool:
    """Whether the outcome on ``key`` is a bound (突破, 超过, 以上) stated in the sentence at
    ``sentence_start``: an exact figure later in the sentence replaces it."""
    found = next((o for o in outcomes if o.key == key), None)
    return (
        found is not None
        and found.span.start >= sentence_start
        and found.quantity is not None
        and found.quantity.qualifier in ("more_than", "at_least")
    )


def find_outcomes(
    text: str,
    source_id: str,
    *,
    year: int,
    start: int = 0,
    end: int | None = None,
    indicators: Sequence[Indicator],
) -> tuple[Outcome, ...]:
    """The results for ``year - 1`` that the review part in ``text[start:end]`` states.

    Where ``end`` is ``None`` the review is taken to end where the targets passage opens (or at
    the end of the text). Every keyed clause whose figure fits its indicator's unit is an outcome,
    the first one of each key (a figure over several years -- 年均, 累计, 从…到…, a look back
    on 五年 or “十一五”: see "Which year an outcome is of" in the module documentation -- is not,
    nor is a change of a level: 粮食…又增产291亿斤);
    a clause on a qualitative indicator (国际收支基本平衡) is one without a figure. The budget
    figures of the review (全国一般公共预算支出27.46万亿元) are outcomes like any other.

    >>> import gwr
    >>> text = "国内生产总值超过126万亿元，增长5.2%。城镇新增就业1244万人。"
    >>> for outcome in find_outcomes(text, "x", year=2024, indicators=gwr.indicators()):
    ...     print(outcome.key, outcome.text, outcome.year)
    gdp 国内生产总值超过126万亿元 2023
    gdp_growth 增长5.2% 2023
    urban_new_jobs 城镇新增就业1244万人 2023
    """
    text, start, stop = _check(text, source_id, year, start, end)
    index = _index(indicators)
    if end is None:
        at, _ = _passage(text, source_id, year, start, stop, index)
        if at >= 0:
            stop = _sentence_start(text, at, start)
    outcomes: list[Outcome] = []
    seen: set[str] = set()
    chinese = year_in_words(year - 1)
    last_year = re.compile(rf"^\W*(?:刚刚过去的|过去的)?(?:{year - 1}年|{chinese}年|去年|过去一年|一年来)")
    several_years = False  # the paragraph looks back over several years
    this_year = _year_pattern(year)
    consumer_prices = names_consumer_prices(text)
    other_year = False  # the sentence before states the figures of another year (在一九五七年达到了…)
    for match in _SENTENCE.finditer(text, start, stop):
        sentence = match.group()
        if _PART_OF.match(sentence) and other_year:
            continue  # 其中，工业总产值达到了…: a part of the figures before, of the same other year
        other_year = _past_year(_BASE_MENTION.sub("", sentence), year - 1)
        marker = _MULTI_YEAR_SENTENCE.search(sentence)
        first_clause = _CLAUSE.match(sentence)
        # 2025年是“十四五”收官之年，…: a sentence on the year itself names the period it closes,
        # which is no look back; one later in the sentence still is
        if marker and first_clause and last_year.match(sentence) and marker.start() < first_clause.end():
            marker = _MULTI_YEAR_SENTENCE.search(sentence, first_clause.end())
        opening = marker is not None and first_clause is not None and marker.start() < first_clause.end()
        if match.start() == start or text[match.start() - 1] == "\n":
            if not (_BULLET.match(sentence) and several_years):
                several_years = opening  # 五年来，…: the look back speaks for its whole paragraph
            # (——…实现新跃升。: a bullet is an item of the look back before it)
        elif last_year.match(sentence):
            several_years = False  # 刚刚过去的2017年，…: the year itself again
        elif opening and marker is not None and not sentence[: marker.start()].strip(" 　"):
            several_years = True  # 各位代表！2025年是…收官之年。五年来，…: from here on
        # a look back inside a sentence speaks for its clause and those after it
        # (…，比上年增长9%；…；粮食连续五年增产，…: the growth is the year's)
        cut = match.start() + marker.start() if marker is not None else match.end()
        if not (_MAY_HAVE_NUMBER.search(sentence) or _QUALITATIVE_STATE.search(sentence)):
            continue  # states no figure and no qualitative state: no outcome
        if not _may_name(sentence, index):
            continue  # names no indicator: no clause of it can state an outcome
        keyed = _key_clauses(list(_clauses(text, *match.span())), index, lazy=True)
        carried = periods([(k.clause.start, k.clause.end) for k in keyed], text, year)
        # 内蒙古、新疆、广西、宁夏四个自治区，一九五八年工业总产值…: the regions', not the whole's
        places = _places(sentence)
        regional = match.start() + places.end() if places is not None else stop
        for n, (item, (since, _)) in enumerate(zip(keyed, carried, strict=True)):
            # a run of years after the figure is of something else (迈上14万亿元新台阶、连续36年居全国首位)
            upto = item.quantities[0].end if item.quantities else len(item.clause.text)
            if item.key is None or item.clause.end > cut or _MULTI_YEAR.search(item.clause.text, 0, upto):
                continue
            if item.clause.start >= regional:
                continue
            # a span from one year to another speaks of the year it reaches (使钢产量由一九五七年的
            # 五百三十五万吨增长到一千一百零八万吨; 增加到了一九五九年的五千四百零一亿斤)
            spanned = _FROM_TO.search(item.clause.text)
            named = item.clause.text[spanned.end() :] if spanned is not None else item.clause.text
            if this_year.search(item.clause.text) or _past_year(named, year - 1):
                continue  # 今年我们要力争…, 1956年…预计将达到…, 从1979年的…: not last year's
            if _other_year_before(text[match.start() : item.clause.start], item.clause.text, year - 1):
                continue  # 这样，一九五七年的工农业总产值就应当是…，工业和手工业总产值是…: that year's
            if _opens_on(this_year, text, match.start(), item.clause.start) or _FORECAST.search(item.clause.text):
                continue  # 根据1980年计划，积累率可能进一步降到30％左右: the year's, or a forecast
            if _VERSUS_PLAN.search(item.clause.text):
                continue  # 超过年度计划百分之四点一: a figure against the plan, not a change
            if _CAPACITY.search(text, match.start(), item.clause.start):
                continue  # 新增加的工业生产能力…：…发电量三十二亿五千万度: a capacity, not the output
            if _RESTATED.search(item.clause.text) or _MISSED.search(text, match.start(), item.clause.end):
                continue  # 全国没有实现年初确定的…能耗降低4%左右的目标: the target again, judged (a verdict)
            pairs: list[tuple[str | None, Quantity | None]] = []
            reached = _FROM_TO.search(item.clause.text)
            if reached is not None:
                # 财政收入从3.16万亿元增加到8.31万亿元: the level reached is the year's, the one it
                # starts from an earlier year's; a change over the span is no outcome, but a rate
                # reached is the rate of the year (零售物价涨幅从21.7%回落到14.8%)
                if item.key in index.changes and index.units.get(item.key) not in ("%", "permille"):
                    continue
                after: list[tuple[str | None, Quantity | None]] = [
                    (item.key, q) for q in item.quantities if q.start >= reached.end()
                ]
                pairs = after[:1]
            # not the base a change is from (比一九五七年的一千二百四十一亿元增长百分之六十五)
            own = [q for q in item.quantities if not _BASE.search(item.clause.text[: q.start])]
            pairs += [] if pairs else _respectively(item, index) or [(item.key, q) for q in own[:1]]
            pairs = pairs or [(item.key, None)]
            for key, candidate in pairs:
                if key is not None and candidate is not None and not unit_fits(index.units.get(key), candidate.unit):
                    key = _twin(key, candidate, index)
                if key is None or (key in seen and not _bound_in(outcomes, key, match.start())):
                    continue
                if several_years and key in index.changes:
                    continue  # 这五年，…城镇新增就业5771万人: a change over the years looked back on
                if key in index.flows and any(_AVERAGED.search(k.clause.text) for k in keyed[:n]):
                    continue  # …人均可支配收入年均增长6%，城镇新增就业超690万人: the sentence is on the years
                if (
                    several_years
                    and candidate is not None
                    and candidate.qualifier not in ("more_than", "at_least")
                    and not _REACHES.search(item.clause.text[: candidate.start])
                ):
                    continue  # 五年来，…实际使用外资263亿美元: a sum over the years, not a level reached
                if several_years and _HELD.search(item.clause.text):
                    continue  # 五年来，…外汇储备稳定在3万亿美元以上: held over the years, no year's level
                base = candidate.relative_to if candidate is not None else None
                if base is None and item.inherited and n and keyed[n - 1].quantities:
                    base = keyed[n - 1].quantities[0].relative_to  # …比一九七八年减少一百多亿元，减少近百分之十
                if base is None and candidate is not None:
                    # 工业总产值一九七四年预计比一九六四年增长一点九倍，…，原煤增长百分之九十一: the
                    # earlier base of a clause before speaks for the list after it, up to a ；
                    base = _listed_base(keyed[:n], text, year)
                if candidate is not None and _other_base(base, year):
                    continue  # 比2002年增长65.5%: a change since an earlier year, not over the year
                unit = index.units.get(key)
                quantity = candidate if candidate is not None and unit_fits(unit, candidate.unit) else None
                # (the level reached after 由…增加到 in a look back is no change; in a plan it is no
                # outcome: 第六个五年计划规定，…其中，农业总产值由二千一百八十七亿元增加到…; nor after
                # 增加到 alone: 五年来，…国内生产总值增加到121万亿元)
                reached = reached or _RAISED_TO.search(item.clause.text)
                # (or from the year before it: 由一九五七年的五百三十五万吨增长到一千一百零八万吨 in 1959)
                # (or to the year before, by name: 由一九七八年的三百五十五亿元增加到一九八二年的七百七十二亿元)
                from_before = reached is not None and (
                    _year_named(item.clause.text[: reached.end()], year - 2)
                    or _year_named(item.clause.text[reached.end() :], year - 1)
                )
                looked_back = reached is not None and (several_years or since is not None or from_before)
                changed = (
                    quantity is not None
                    and not (looked_back and reached is not None and quantity.start >= reached.end())
                    and (
                        quantity.change in ("increase", "decrease")
                        or _INCREMENT.search(item.clause.text[: quantity.start])
                    )
                )
                if changed and key not in index.changes:
                    continue  # 粮食…又增产291亿斤: a change of a level is not its outcome
                if quantity is None and candidate is None:
                    quantity = next((q for q in item.quantities if unit_fits(unit, q.unit)), None)
                if quantity is None:
                    qualitative = unit is None and not item.quantities and len(item.clause.text) <= 20
                    if not (qualitative and _QUALITATIVE_STATE.search(item.clause.text)):
                        continue
                if quantity is not None:
                    quantity = _meant(item, quantity, item.clause.text, 0, since, year, index, key)
                    if from_before and reached is not None and quantity.start >= reached.end():
                        quantity = attrs.evolve(quantity, period=since)  # 由一九五七年的…: the start's year
                    kept = _kept(key, item, quantity, index, consumer_prices)
                    if kept is None or (kept != key and kept in seen):
                        continue  # 轻工业总产值增长9.6%, 比重上升到51.6%: not what the key measures
                    key = kept
                    quantity = _fit(quantity, key, index)
                if key in seen:
                    if quantity is None or quantity.qualifier != "exact":
                        continue
                    # 钢产量突破6000万吨，达到6124万吨: the exact figure after the threshold crossed
                    outcomes = [o for o in outcomes if o.key != key]
                span = span_at(source_id, text, item.clause.start, item.clause.end)
                outcomes.append(
                    Outcome(
                        key=key,
                        year=year - 1,
                        text=span.exact,
                        quantity=quantity,
                        qualifier=quantity.qualifier if quantity is not None else None,
                        span=span,
                    )
                )
                seen.add(key)
    return tuple(outcomes)


# --------------------------------------------------------------------------------------------
# Keyed quantities of measures


def key_quantities(
    sentence_text: str,
    quantities: Sequence[Quantity],
    indicators: Sequence[Indicator],
    *,
    year: int | None = None,
    consumer_prices: bool = True,
    look_back: str | None = None,
) -> tuple[Quantity, ...]:
    """``quantities`` (parsed from ``sentence_text``, offsets in it) with what each means (its
    :attr:`~gwr.Quantity.measure`, :attr:`~gwr.Quantity.period` and :attr:`~gwr.Quantity.scope`,
    see :mod:`gwr._reading._meaning`) and the key of the indicator its clause states, where the
    quantity's unit and meaning fit it; others unchanged. ``year`` is the report's year (a
    figure of it or of the year before is no span); where ``consumer_prices`` is false (the
    report never names 居民消费价格), a bare 物价 names the retail price index; ``look_back`` is
    the span the sentence's paragraph opens on (:func:`gwr._reading._meaning.look_back`).

    >>> import gwr
    >>> from gwr._reading._quantities import parse_quantities
    >>> sentence = "今年中央预算内投资拟安排7000亿元，比上年增加200亿元。"
    >>> keyed = key_quantities(sentence, parse_quantities(sentence), gwr.indicators())
    >>> [(q.text, q.indicator, q.measure) for q in keyed]
    [('7000亿元', 'central_budget_investment', 'level'), ('200亿元', None, 'increment')]
    """
    if not isinstance(sentence_text, str):
        raise InvalidTypeError(f"key_quantities reads a sentence (str), not {type(sentence_text).__name__}")
    if not quantities:
        return tuple(quantities)
    index = _index(indicators)
    if not _may_name(sentence_text, index):
        return tuple(quantities)  # names no indicator: nothing to key
    keyed = _key_clauses(list(_clauses(sentence_text, 0, len(sentence_text))), index, quantities)
    spans = periods([(k.clause.start, k.clause.end) for k in keyed], sentence_text, year, look_back)
    restated = _MISSED.search(sentence_text) is not None
    places = _places(sentence_text)
    result = []
    for quantity in quantities:
        at = next((i for i, k in enumerate(keyed) if k.clause.start <= quantity.start < k.clause.end), None)
        if at is None:
            result.append(quantity)
            continue
        owner = keyed[at]
        key = owner.key
        if (pairs := _respectively(owner, index)) is not None:
            offset = owner.clause.start
            key = next((k for k, q in pairs if q.start + offset == quantity.start), key)
        key = _twin(key, quantity, index)
        if _ALLOCATED.match(sentence_text, quantity.end, owner.clause.end):
            key = None  # 安排超长期特别国债3000亿元支持消费品以旧换新: a use of the funds, not their total
        if restated:
            key = None  # 没有实现年初确定的…能耗降低4%左右的目标: the target again, judged (a verdict)
        if quantity.indicator is not None:
            result.append(quantity)
            continue
        meant = _meant(owner, quantity, sentence_text, owner.clause.start, spans[at][0], year, index, key)
        if places is not None and places.end() <= owner.clause.start and meant.scope is None:
            meant = attrs.evolve(meant, scope=places.group())  # 内蒙古、新疆、广西、宁夏四个自治区，…: theirs
        key = _kept(key, owner, meant, index, consumer_prices)
        result.append(_fit(meant, key, index))
    return tuple(result)


def _meant(
    item: _Keyed,
    quantity: Quantity,
    text: str,
    clause_start: int,
    carried: str | None,
    year: int | None,
    index: _Index,
    key: str | None,
) -> Quantity:
    """``quantity`` (offsets in ``text``; its clause starts at ``clause_start``) with what it
    measures, its period and its scope (none for a rate or share: it names its own coverage)."""
    rate = key is not None and index.units.get(key) == "%" and index.measures.get(key) != "growth"
    before = text[clause_start : quantity.start]
    own, _ = span_in(text, clause_start, quantity.start, year)
    if item.name is not None:
        before = matching_form(before).replace(item.name, "")
    takes = index.measures.get(key) if key is not None else None
    # 原定计划的101%, 国家财政收入的60%左右 (of what comes before); 全省74.6%的规模工业增加值 (of what
    # follows): a share
    of_whole = quantity.change is None and (
        _OF.search(text, clause_start, quantity.start) is not None or _OF_WHAT.match(text, quantity.end) is not None
    )
    compared = "比" in text[clause_start : quantity.start]
    flow = key is not None and key in index.flows
    measure = measure_of(
        quantity, before, takes, per_capita=item.per_capita, flow=flow, compared=compared, of_whole=of_whole
    )
    scope = item.scope
    if rate:
        scope = None  # a rate or share is of its own coverage (地级及以上城市空气质量优良天数比例)
    if item.per_capita and measure != "per_capita" and scope is None:
        scope = "人均"
    attribute = _ATTRIBUTE.match(text, quantity.end) or _STANDARD.match(text, quantity.end)
    if attribute is not None and scope is None:
        # 超千亿元镇, 千亿元级产业集群, 2300元…作为新的国家扶贫标准: a threshold of a kind, no level
        scope = quantity.text + attribute.group()
    start_of = _FROM_TO.search(text, clause_start)
    if own is None and start_of is not None and start_of.start() < quantity.start < start_of.end():
        own = start_of.group()  # 从3.16万亿元增加到…: the level the span starts from, of an earlier year
    return attrs.evolve(quantity, measure=measure, period=own or carried, scope=scope)


_ATTRIBUTE = re.compile(r"级?(?:镇|县|市|区|城市|企业|园区|集群|产业|项目|行业|大省)")
_STANDARD = re.compile(r"[^，,；;。]{0,24}?(?:标准|贫困线)")


def meaning_in(
    clause: str, quantity: Quantity, key: str | None, indicators: Sequence[Indicator], *, year: int | None = None
) -> Quantity:
    """``quantity`` (offsets in ``clause``) with what it means, read from ``clause`` alone as the
    statement of ``key`` (an annotated outcome's quote: its key is the annotation's, its meaning
    the rule's)."""
    index = _index(indicators)
    item = _key_clauses([_Clause(0, len(clause), clause)], index, (quantity,))[0]
    return _meant(item, quantity, clause, 0, None, year, index, key)


_OF = re.compile(r"的$")
_OF_WHAT = re.compile(r"的(?!(?:较[高低])?水平|目标|增长|增速|速度|幅度|区间|范围|预期|要求)")
_RETAIL_PRICES = re.compile(r"居民消费|消费价格|CPI")


def _kept(key: str | None, item: _Keyed, quantity: Quantity | None, index: _Index, consumer_prices: bool) -> str | None:
    """``key`` where ``quantity`` means what its indicator measures (any key for no figure), else
    ``None``; the bare 物价 of a report that never names the consumer price index is the retail
    price index."""
    if key is None:
        return None
    if key == "cpi_growth" and not consumer_prices and item.name and not _RETAIL_PRICES.search(item.name):
        key = "retail_price_growth" if "retail_price_growth" in index.units else key
    return key if quantity is None or fits(index.measures.get(key, "level"), quantity) else None


_PLACES: list[re.Pattern[str]] = []


def _places(sentence: str) -> re.Match[str] | None:
    """The regions a sentence opens on as its subject (内蒙古、新疆、广西、宁夏四个自治区，…; 东部地区，…):
    the figures after it are theirs, not the nation's or the province's."""
    if not _PLACES:
        from ._vocabulary import regions

        names = sorted({n for r in regions() for n in (r.short_zh, r.name_zh, *r.aliases)}, key=len, reverse=True)
        one = "|".join(re.escape(n) for n in names)
        _PLACES.append(
            re.compile(
                rf"^(?:据统计，)?(?:(?:{one})(?:、(?:{one}))*(?:等)?[一二三四五六七八九十0-9]*个?(?:省|自治区|直辖市|省区|省份|地区)?"
                r"|(?:东部|中部|西部|东北)(?:地区)?)(?=[，,])"
            )
        )
    return _PLACES[0].match(sentence)


def names_consumer_prices(text: str) -> bool:
    """Whether ``text`` names the consumer price index (居民消费价格, CPI): where it does not, as
    in the reports before 2002, a bare 物价 (物价涨幅, 物价上涨幅度) is the retail price index."""
    return "居民消费价格" in text or "CPI" in text


_ALLOCATED = re.compile(r"[^，；。]{0,12}?(?:支持|用于)")
"""After an amount: what it is spent on (…2500亿元支持消费品以旧换新, 8000亿元…资金用于“两重”建设):
the amount is an allocation of the funds it names, not their level."""
