"""What a report says of last year's targets: met, or not.

A report's review sometimes judges the targets of the year before itself: 全国没有实现年初确定的
单位国内生产总值能耗降低4%左右…的目标 (2007, of 2006), 节能减排、物价调控目标没有完成 (2012, of
2011), 进出口总额出现下降，预期增长目标未能实现 (2016, of 2015), or of them all: 全年经济社会发展主要
目标任务圆满完成. :func:`find_verdicts` finds these in the review part, by rule:

* a clause that says a target (目标, 预期, 要求, 任务) was not met (没有完成, 未完成, 没有实现, 未能
  实现, 未实现, 没有达到, 未达到) or was met (完成, 实现, 达到) is a verdict;
* it speaks of the indicators its clause names (the registry's names, and the topic words of a
  verdict: 物价 for the price targets, 节能 for energy intensity, 减排 for emissions); a clause
  naming none speaks of what the sentence named before it (…进出口总额出现下降，预期增长目标未能
  实现); a met verdict on the main targets (主要目标任务, 主要预期目标) with no indicator speaks of
  them all (``keys`` empty);
* a clause on several years (五年, “十二五”, 规划, 以来, 5年过渡期) judges those years, not the
  last one, and a target still ahead (我们要实现…的战略目标) is not judged: neither is a verdict.

A verdict is never a figure: :func:`gwr.attainment` shows it beside the rule's reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._model._provenance import span_at
from .._model._records import Indicator, Verdict
from ._targets import _index, _name_in, matching_form

_MISSED = re.compile(r"(?:没有|未能|未)(?:如期|全部|按期)?(?:完成|实现|达到)")
_MET = re.compile(r"(?:全面|顺利|圆满|胜利|较好|超额|如期)?(?:完成|实现|达到)")
_TARGET_WORD = re.compile(r"目标|预期(?!寿命)|要求|(?:年度|全年)任务|下达(?:的)?任务")
"""What a verdict judges: a target (目标, 预期, 要求), the year's tasks (年度任务, 国家下达的任务); a
task of work (完成退役军人接收安置任务) is no target."""
_MAIN_TARGETS = re.compile(r"主要(?:预期)?目标|经济社会发展(?:主要)?目标|^(?:全年|年度)目标")
"""The main targets as a whole: 主要目标任务, 经济社会发展目标, or a clause that opens on 全年目标
(全年目标任务较好完成); a programme's 年度目标 (…合作项目事项完成年度目标) is not."""
_NO_SUBJECT = re.compile(r"^(?:虽然|但是?|均|都|也|并|且)?(?:预期|目标|没有|未能|未|超额|全面|顺利|基本)")
"""A verdict's clause that names nothing itself (预期增长目标未能实现) speaks of what the clause
before it named (进出口总额出现下降)."""
_SEVERAL_YEARS = re.compile(
    r"本世纪末|到[0-9]{4}年|翻[一两]番|五年|[“\"]?十[一二三四五六七八九]五|规划|以来|[两二三四五0-9]年(?:来|间|过渡期)|过渡期"
)
_TOPICS: dict[str, tuple[str, ...]] = {
    "物价": ("cpi_growth", "retail_price_growth"),
    "节能": ("energy_intensity_reduction",),
    "能耗": ("energy_intensity_reduction",),
    "减排": ("pollutant_emissions_reduction",),
    "就业": ("urban_new_jobs", "urban_unemployment_rate"),
    "进出口": ("foreign_trade_growth",),
}
"""The words a verdict names a target by where the registry's names are longer (物价调控目标)."""
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
_CLAUSE = re.compile(r"[^，；：,;:。！？\n]+")
_AHEAD = re.compile(r"(?<![主重需])要|将|力争|争取|确保|为了|为(?=实现|完成)|努力|必须|坚决|翻")
"""Before the verdict's word: a target still ahead (我们要实现…的战略目标), not one judged."""


def _keys(form: str, indicators: Sequence[Indicator]) -> tuple[str, ...]:
    """The indicators ``form`` names: every name of the registry in it, and the topic words."""
    index = _index(indicators)
    keys: list[str] = []
    rest = form
    while True:
        name = _name_in(rest, index)
        if name is None:
            break
        key = index.keys[name]
        if key not in keys:
            keys.append(key)
        rest = rest.replace(name, "", 1)
    for word, topic_keys in _TOPICS.items():
        if word in form:
            keys.extend(k for k in topic_keys if k not in keys)
    # a target on a level is set as its growth (地区生产总值…未达到年初目标: the growth target)
    growth = [f"{k}_growth" if f"{k}_growth" in index.units else k for k in keys]
    return tuple(dict.fromkeys(growth))


def find_verdicts(
    text: str, source_id: str, *, year: int, start: int, end: int, indicators: Sequence[Indicator]
) -> tuple[Verdict, ...]:
    """The verdicts the review in ``text[start:end]`` gives on the targets of ``year - 1``.

    >>> import gwr
    >>> text = "但是，全国没有实现年初确定的单位国内生产总值能耗降低4%左右的目标。"
    >>> [(v.keys, v.year, v.met) for v in find_verdicts(text, "x", year=2007, start=0, end=len(text),
    ...                                                 indicators=gwr.indicators())]
    [(('energy_intensity_reduction',), 2006, False)]
    """
    verdicts: list[Verdict] = []
    for sentence in _SENTENCE.finditer(text, start, end):
        before = ""  # what the sentence named before the verdict's clause
        for clause in _CLAUSE.finditer(text, *sentence.span()):
            words = clause.group()
            missed = _MISSED.search(words)
            met = None if missed else _MET.search(words)
            said = missed or met
            judged = said and _TARGET_WORD.search(words) and not _AHEAD.search(words, 0, said.start())
            if said and judged and not _SEVERAL_YEARS.search(words):
                main = _MAIN_TARGETS.search(words) is not None
                keys = _keys(matching_form(words), indicators)
                if not keys and not main and _NO_SUBJECT.match(words):
                    keys = _keys(matching_form(before), indicators)
                if "增长目标" in words and any(k.endswith("_growth") for k in keys):
                    keys = tuple(k for k in keys if k.endswith("_growth"))  # 预期增长目标: the growth, not the level
                if keys or (met and main):
                    span = span_at(source_id, text, clause.start(), clause.end())
                    verdicts.append(Verdict(keys=keys, year=year - 1, met=missed is None, text=span.exact, span=span))
            before += words
    return tuple(verdicts)
