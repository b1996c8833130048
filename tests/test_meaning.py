"""What a figure means (gwr._reading._meaning): measure, period and scope, and the key they allow.

Each case is a sentence of the kind the issue lists (a share keyed as growth, a part as its
aggregate, a five-year figure as last year's...), with what a reader of Chinese reads in it.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gwr
from gwr._reading._meaning import periods, span_in
from gwr._reading._quantities import parse_quantities
from gwr._reading._targets import find_outcomes, key_quantities

REGISTRY = gwr.indicators()


def keyed(sentence: str, year: int = 2024) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    found = key_quantities(sentence, parse_quantities(sentence), REGISTRY, year=year)
    return [(q.text, q.indicator, q.measure, q.period, q.scope) for q in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a share is no growth rate
        ("服务业增加值占国内生产总值比重上升到51.6%。", [("51.6%", None, "share", None, None)]),
        ("实物商品网上零售额占社会消费品零售总额比重为26.8%。", [("26.8%", None, "share", None, None)]),
        # a part is not its aggregate
        ("轻工业总产值比上年增长9.6%。", [("9.6%", None, "growth", None, "轻工业总产值")]),
        ("跨境电商进出口增长180%。", [("180%", None, "growth", None, "跨境电商进出口")]),
        ("其中中央财政收入增长5%。", [("5%", None, "growth", None, "中央财政收入")]),
        # …and a part the registry names is its own indicator
        ("其中地方财政赤字3000亿元。", [("3000亿元", "local_fiscal_deficit", "level", None, None)]),
        ("县域经济增速高于全省0.4个百分点。", [("0.4个百分点", None, "points", None, "县域经济")]),
        # per head is not the total
        ("人均国内生产总值达到9.5万元。", [("9.5万元", None, "per_capita", None, None)]),
        # an increment is not a level
        (
            "拟安排地方政府专项债券4.4万亿元，比上年增加5000亿元。",
            [
                ("4.4万亿元", "local_special_bonds", "level", None, None),
                ("5000亿元", None, "increment", None, None),
            ],
        ),
        # a span is not the year
        (
            "五年来，国内生产总值年均增长6.5%。",
            [("五年", None, "level", None, None), ("6.5%", None, "growth", "年均", None)],
        ),
        (
            "国内生产总值达到18.2万亿元，比2000年增长57.3%。",
            [
                ("18.2万亿元", "gdp", "level", None, None),
                ("57.3%", None, "growth", "比2000年", None),
            ],
        ),
        # and the year is the year: 全年, 实现, 其中 only determine the name
        (
            "全年实现国内生产总值126万亿元，增长5%。",
            [
                ("126万亿元", "gdp", "level", None, None),
                ("5%", "gdp_growth", "growth", None, None),
            ],
        ),
    ],
)
def test_what_a_figure_means(
    sentence: str, expected: list[tuple[str, str | None, str | None, str | None, str | None]]
) -> None:
    assert keyed(sentence) == expected


def test_pm25_is_not_m2() -> None:
    assert all(
        q.indicator != "m2_growth"
        for q in key_quantities("PM2.5浓度下降2.7%。", parse_quantities("PM2.5浓度下降2.7%。"), REGISTRY)
    )


def test_a_look_back_speaks_for_the_clauses_after_it_until_the_year_again() -> None:
    sentence = "从2020年到2025年，城镇新增就业累计6000万人；去年城镇新增就业1256万人。"
    assert [
        (q.text, q.indicator) for q in key_quantities(sentence, parse_quantities(sentence), REGISTRY, year=2026)
    ] == [
        ("6000万人", None),
        ("1256万人", "urban_new_jobs"),
    ]


def test_a_figure_over_the_year_only_speaks_for_its_clause() -> None:
    # 粮食产量…实现连续6年增产；城镇新增就业1102万人 (2010): the run of years is the harvest's only
    text = "粮食产量5.31亿吨，实现连续6年增产；城镇新增就业1102万人。"
    found = {o.key: o for o in find_outcomes(text, "t", year=2010, indicators=REGISTRY)}
    assert found["urban_new_jobs"].quantity is not None
    assert found["urban_new_jobs"].quantity.value == 11020000


def test_the_retail_price_index_of_a_report_that_names_no_cpi() -> None:
    text = "去年全国零售物价上涨幅度为百分之十三。"
    [outcome] = find_outcomes(text, "t", year=1995, indicators=REGISTRY)
    assert outcome.key == "retail_price_growth"
    text = "居民消费价格上涨2%。物价涨幅为百分之二。"
    assert [o.key for o in find_outcomes(text, "t", year=2010, indicators=REGISTRY)] == ["cpi_growth"]


def test_a_missed_target_in_the_review_is_no_outcome() -> None:
    text = "全国没有实现年初确定的单位国内生产总值能耗降低4%左右、主要污染物排放总量减少2%的目标。"
    assert find_outcomes(text, "t", year=2007, indicators=REGISTRY) == ()


def test_middle_dot_decimals_negative_growth_and_steps() -> None:
    [q] = parse_quantities("全社会固定资产投资增长14·1%")
    assert (str(q.value), q.text) == ("14.1", "14·1%")
    [q] = parse_quantities("出口负增长3%")
    assert (str(q.value), q.change) == ("3", "decrease")
    [q] = parse_quantities("经济总量迈上100万亿元台阶")
    assert q.qualifier == "at_least"
    assert parse_quantities("5·12汶川特大地震") == ()


def test_the_next_years_plan_is_dated_to_it() -> None:
    text = "根据上述要求，1981年国民经济计划主要指标安排如下。\n工农业总产值，比1980年预计增长5.5％。\n"
    targets = gwr._reading._targets.find_targets(text, "t", year=1980, indicators=REGISTRY)
    assert [(t.key, t.year, str(t.quantity.value) if t.quantity else None) for t in targets] == [
        ("gross_output_growth", 1981, "5.5")
    ]


_FRAGMENTS = st.sampled_from(
    [
        "国内生产总值",
        "增长",
        "5.2%",
        "年均",
        "五年来，",
        "轻工业总产值",
        "比重",
        "达到",
        "126万亿元",
        "，",
        "；",
        "人均",
        "比2002年",
        "城镇新增就业",
        "1200万人",
        "跨境电商",
        "进出口",
        "去年",
        "占",
    ]
)


@given(st.lists(_FRAGMENTS, min_size=1, max_size=12).map("".join))
def test_a_keyed_figure_is_always_of_the_aggregate_and_the_year(sentence: str) -> None:
    for quantity in key_quantities(sentence, parse_quantities(sentence), REGISTRY, year=2024):
        if quantity.indicator is not None:
            assert quantity.scope is None
            assert quantity.period is None
            assert sentence[quantity.start : quantity.end] == quantity.text


@given(st.text(max_size=60), st.integers(min_value=1949, max_value=2100))
def test_spans_never_fail_and_stay_in_the_text(text: str, year: int) -> None:
    found, at = span_in(text, 0, len(text), year)
    assert found is None or (found in text and 0 < at <= len(text))
    clauses = [(0, len(text) // 2), (len(text) // 2, len(text))]
    assert len(periods(clauses, text, year)) == 2
