"""Held-out phrases of each class of error the reading of the data found (issue 14), read by hand.

Each class has the case that was found and other members of the class, found by grepping the
bundled sources and the corpus of national reports (short quotes only); the expectations are
read from the text, not from the parser's output. Forms the texts do not have (a minus sign) are
written the way other Chinese statistical texts write them. The last tests run each rule over
the whole corpus, where it is at hand.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus import require_corpus
from gwr._reading._quantities import parse_quantities

Row = tuple[str, str, str, str | None, str]  # value, unit, qualifier, change, text

CLASSES: dict[str, list[tuple[str, list[Row]]]] = {
    # a minus sign is never dropped: a negative number reads as the opposite change
    "negative": [
        ("居民消费价格增长-0.3%", [("0.3", "%", "exact", "decrease", "-0.3%")]),
        ("工业生产者出厂价格同比增长－2.1％", [("2.1", "%", "exact", "decrease", "－2.1％")]),
        ("核心CPI为−0.3%", [("0.3", "%", "exact", "decrease", "−0.3%")]),
        ("出口增速负0.3%", [("0.3", "%", "exact", "decrease", "负0.3%")]),
        ("利润下降-5%", [("5", "%", "exact", "increase", "-5%")]),
        ("物价指数为负百分之零点三", [("0.3", "%", "exact", "decrease", "负百分之零点三")]),
        ("价格指数为 - 0.3 %", [("0.3", "%", "exact", "decrease", "- 0.3 %")]),
        ("增长−1.5个百分点", [("1.5", "percentage_points", "exact", "decrease", "−1.5个百分点")]),
        ("投资1,000-2,000元", [("1000", "CNY", "exact", None, "1,000-2,000元")]),
        # a dash after a number or unit is a range, not a sign (2016, 2019)
        ("国内生产总值增长6.5%－7%", [("6.5", "%", "exact", "increase", "6.5%－7%")]),
        ("国内生产总值增长6%－6.5%", [("6", "%", "exact", "increase", "6%－6.5%")]),
        ("新型隐身战机歼-35A惊艳亮相", []),
    ],
    # thousands separators, ASCII and full-width (1956, 1980 and others)
    "thousands": [
        ("第一个五年期间铁路共新建8,500公里", [("8500", "km", "exact", None, "8,500公里")]),
        ("我们派出留学生6,435人", [("6435", "persons", "exact", None, "6,435人")]),
        (
            "粮食产量33，212万吨，比上年增加2，737万吨",
            [
                ("332120000", "t", "exact", None, "33，212万吨"),
                ("27370000", "t", "exact", "increase", "2，737万吨"),
            ],
        ),
        (
            "两年共增产粮食4，900多万吨",
            [("2", "years", "exact", None, "两年"), ("49000000", "t", "more_than", None, "4，900多万吨")],
        ),
        ("用于积累的部分为1，120亿元", [("112000000000", "CNY", "exact", None, "1，120亿元")]),
        ("到今年上半年有6，600个左右", [("6600", "count", "about", None, "6，600个左右")]),
        ("城镇新增就业1,200万人以上", [("12000000", "persons", "at_least", None, "1,200万人以上")]),
        ("城镇新增就业12,000,000人", [("12000000", "persons", "exact", None, "12,000,000人")]),
        ("城镇新增就业１，２００万人", [("12000000", "persons", "exact", None, "１，２００万人")]),
        ("帮助我国建设的功率为7,000瓩的重水型原子反应堆", [("7000", "kW", "exact", None, "7,000瓩")]),
        ("按每公斤发热量7，000大卡的标准煤计算", [("7000", "kcal", "exact", None, "7，000大卡")]),
        # Chinese decimals after 点 (1955, 1958; 點 in the traditional text of 1954)
        ("比一九五二年大约增长百分之四十一点七", [("41.7", "%", "about", "increase", "百分之四十一点七")]),
        ("平均每年遞增百分之三十六點九", [("36.9", "%", "exact", None, "百分之三十六點九")]),
        ("平均每年递增百分之九点二", [("9.2", "%", "exact", "increase", "百分之九点二")]),
        ("增长三点五倍", [("3.5", "fold", "exact", "increase", "三点五倍")]),
    ],
    # a qualifier apart from its number: before the whole a share is of
    "qualifier_apart": [
        ("可再生能源发电装机首次超过总装机的50%", [("50", "%", "more_than", None, "50%")]),
        ("一九五四年完成的工作量还不到原定计划的一半", [("50", "%", "less_than", None, "一半")]),
        ("目前约为国家预算收入的一半", [("50", "%", "about", None, "一半")]),
        ("文盲大约占人口的70%以上", [("70", "%", "about", None, "70%以上")]),
        ("移动网络流量资费年内至少降低30%", [("30", "%", "at_least", "decrease", "30%")]),
        ("比重达到46.1%，首次超过第二产业", [("46.1", "%", "exact", None, "46.1%")]),
        ("近年来占全国的30%", [("30", "%", "exact", None, "30%")]),
        ("管理机构人员约占职工总数的四分之一", [("1", "parts_per_4", "about", None, "四分之一")]),
        ("这种增加将以最多不超过正税的２２％为限", [("22", "%", "at_most", None, "２２％")]),
        ("学校在校学生已接近高中阶段学生人数的百分之五十", [("50", "%", "less_than", None, "百分之五十")]),
        # no link (的, 一半, a verb of change): 超过 is a verb, the plan exceeded *by* 4.1 %
        ("超过原定的年度计划百分之四点一", [("4.1", "%", "exact", None, "百分之四点一")]),
        ("超过年度计划百分之十", [("10", "%", "exact", None, "百分之十")]),
        ("大概每年有1/3的大学生就业", [("1", "parts_per_3", "exact", None, "1/3")]),
    ],
    # 一半 is 50 %
    "half": [
        ("全年新增装机超过全球一半", [("50", "%", "more_than", None, "一半")]),
        ("超过一半人口居住在城镇", [("50", "%", "more_than", None, "超过一半")]),
        ("把外商投资限制类条目缩减一半", [("50", "%", "exact", "decrease", "一半")]),
        ("地方政府定价项目减少一半以上", [("50", "%", "at_least", "decrease", "一半以上")]),
        ("货物通关时间压缩一半以上", [("50", "%", "at_least", "decrease", "一半以上")]),
    ],
    # 上 + a round Chinese numeral: reaching it, at least
    "reaching": [
        ("惠及上千万家庭", [("10000000", "households", "at_least", None, "上千万家庭")]),
        ("每年有上千万农村人口转移到城镇", [("10000000", "persons", "at_least", None, "上千万")]),
        ("我国有上亿市场主体", [("100000000", "entities", "at_least", None, "上亿")]),
        (
            "4200多万套，上亿人出棚进楼",
            [
                ("42000000", "sets", "more_than", None, "4200多万套"),
                ("100000000", "persons", "at_least", None, "上亿人"),
            ],
        ),
        ("工业部门试制成功上千种重要的新产品", [("1000", "count", "at_least", None, "上千种")]),
        (
            "总额首次突破万亿元，达到11377亿元",
            [
                ("1000000000000", "CNY", "more_than", None, "突破万亿元"),
                ("1137700000000", "CNY", "exact", None, "11377亿元"),
            ],
        ),
        ("成千上万", []),
    ],
    # a count is in the unit of the noun it counts, as 1244万人 is
    "counts": [
        ("6600多万纳税人受益", [("66000000", "persons", "more_than", None, "6600多万")]),
        ("城镇新增就业1244万人", [("12440000", "persons", "exact", None, "1244万人")]),
        ("国家助学贷款提标降息惠及1100多万学生", [("11000000", "persons", "more_than", None, "1100多万")]),
        ("全年累计吸纳带动250余万农村低收入群众", [("2500000", "persons", "more_than", None, "250余万")]),
        ("上百万赤脚医生成长起来", [("1000000", "persons", "at_least", None, "上百万")]),
        ("脱贫人口务工规模超过3300万", [("33000000", "count", "more_than", None, "超过3300万")]),
    ],
    # a number inside a programme's name is part of the name
    "programme_names": [
        ("持续推进长江十年禁渔", []),
        ("实施新一轮千亿斤粮食产能提升行动", []),
        ("制定实施教育强国建设三年行动计划", []),
        ("实施农村人居环境整治提升五年行动", []),
        ("开展百万就业见习岗位募集计划", []),
        ("启动新的三年棚改攻坚计划", []),
        ("实施“外资三年外贸五年倍增计划”", []),
        # a number outside the name: a time phrase, a verb, a share before the head
        ("两年来基本建设计划，每年都接近完成", [("2", "years", "exact", None, "两年")]),
        ("五年内工业生产计划的完成", [("5", "years", "exact", None, "五年")]),
        ("今后五年要在统一规划的基础上", [("5", "years", "exact", None, "五年")]),
        ("我区连续两年荣获国家测绘工程金奖", [("2", "years", "exact", None, "两年")]),
        ("９０％以上可以按计划实现", [("90", "%", "at_least", None, "９０％以上")]),
        # a number that counts the programmes is a quantity
        ("12个都市圈规划已出台实施", [("12", "count", "exact", None, "12个")]),
        ("24个省级国土空间规划已经批复", [("24", "count", "exact", None, "24个")]),
    ],
    # what an amount is per: its bearer and its period
    "per_period": [
        ("城乡居民基础养老金月最低标准提高20元", [("20", "CNY/month", "exact", "increase", "20元")]),
        (
            "城乡居民基础养老金最低标准从每月70元提高到88元",
            [("70", "CNY/month", "exact", None, "70元"), ("88", "CNY/month", "exact", None, "88元")],
        ),
        (
            "财政补助标准由每人每年320元提高到380元",
            [("320", "CNY/person/year", "exact", None, "320元"), ("380", "CNY/person/year", "exact", None, "380元")],
        ),
        (
            "退休人员基本养老金从2004年人均每月700元提高到现在的1721元",
            [
                ("700", "CNY/person/month", "exact", None, "700元"),
                ("1721", "CNY/person/month", "exact", None, "1721元"),
            ],
        ),
        ("国家助学贷款每人每年最高额度增加4000元", [("4000", "CNY/person/year", "exact", "increase", "4000元")]),
        ("户均年收入增长约2000元", [("2000", "CNY/household/year", "about", "increase", "约2000元")]),
        ("粮食平均亩产389.7公斤", [("389.7", "kg/mu", "exact", None, "389.7公斤")]),
        ("城乡居民基础养老金最低标准再提高20元", [("20", "CNY", "exact", "increase", "20元")]),
        ("安排超长期特别国债3000亿元", [("300000000000", "CNY", "exact", None, "3000亿元")]),
    ],
}

CASES = [(name, phrase, rows) for name, cases in CLASSES.items() for phrase, rows in cases]


@pytest.mark.parametrize(("kind", "phrase", "expected"), CASES, ids=[f"{c[0]}-{c[1][:16]}" for c in CASES])
def test_held_out(kind: str, phrase: str, expected: list[Row]) -> None:
    found = parse_quantities(phrase)
    assert [(str(q.value), q.unit, q.qualifier, q.change, q.text) for q in found] == expected
    for q in found:
        assert phrase[q.start : q.end] == q.text


def _corpus() -> Path:
    return require_corpus()


def _texts() -> list[tuple[str, str]]:
    root = _corpus()
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted((root / "national").glob("*.txt"))]


def _covered(text: str, start: int, end: int) -> bool:
    """Whether one quantity of the sentence around ``[start, end)`` covers that range."""
    low = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
    high = min(i for i in (text.find("。", end), text.find("\n", end), len(text)) if i >= 0)
    return any(q.start + low <= start and end <= q.end + low for q in parse_quantities(text[low:high]))


def test_no_number_with_thousands_separators_is_read_in_part() -> None:
    seen = 0
    for name, text in _texts():
        for found in re.finditer(r"(?<![0-9.,，])[0-9]{1,3}(?:[,，][0-9]{3})+(?![0-9])", text):
            seen += 1
            assert _covered(text, found.start(), found.end()), f"{name}: {found.group()!r}"
    assert seen >= 20  # 1956 and 1980 write them


def test_every_half_is_fifty_percent() -> None:
    seen = 0
    for name, text in _texts():
        for found in re.finditer("一半", text):
            low = max(0, found.start() - 30)
            sentence = text[low : found.end() + 5]
            quantities = [q for q in parse_quantities(sentence) if q.start + low <= found.start() < q.end + low]
            assert [(q.value, q.unit) for q in quantities] == [(50, "%")], f"{name}: {sentence!r}"
            seen += 1
    assert seen >= 15


def test_no_minus_sign_is_dropped() -> None:
    for name, text in _texts():
        for found in re.finditer(r"(?<![0-9%％万亿\w])[-－−][0-9０-９]", text):
            context = text[max(0, found.start() - 10) : found.end() + 10]
            if re.match(r"[0-9]+[A-Za-z]", text[found.start() + 1 : found.start() + 6]):
                continue  # a name: 歼-35A
            quantities = parse_quantities(context)
            assert any(q.text.startswith(found.group()[0]) for q in quantities), f"{name}: {context!r}"


def test_no_chinese_decimal_loses_its_decimals() -> None:
    seen = 0
    for name, text in _texts():
        for found in re.finditer(r"百分之[一二三四五六七八九十零〇]+[点點][零〇一二三四五六七八九]+", text):
            seen += 1
            assert _covered(text, found.start(), found.end()), f"{name}: {found.group()!r}"
    assert seen >= 100  # the reports of the 1950s to the 1990s write percentages in words
