"""The rules for targets and outcomes outside the common layouts, one passage each.

Each passage is quoted from a corpus text (the year is the report's); what it must give is read
from the passage by hand: which figure is the year's, of what, and which must carry no key.
"""

from __future__ import annotations

import gwr
from gwr._reading._quantities import parse_quantities
from gwr._reading._targets import find_outcomes, find_targets, key_of

REGISTRY = gwr.indicators()


def _outcomes(text: str, year: int) -> list[tuple[str, str | None]]:
    found = find_outcomes(text, "t", year=year, indicators=REGISTRY)
    return [(o.key, str(o.quantity.value) if o.quantity else None) for o in found]


def _targets(text: str, year: int) -> list[tuple[str | None, str | None, bool]]:
    found = find_targets(text, "t", year=year, indicators=REGISTRY)
    return [(t.key, str(t.quantity.value) if t.quantity else None, t.in_passage) for t in found]


# --------------------------------------------------------------------------------------------
# Targets


def test_qualitative_targets_set_for_the_year_in_words() -> None:
    # 1999: three figures for the year, and the rest in words in the parts on its work
    text = (
        "今年的经济增长预期为7%左右。今年中央财政预算赤字1503亿元。力争今年农村贫困人口再减少1000万以上。"
        "继续增加农业投入，促进农业和农村经济全面发展，努力增加农民收入。"
        "这对于实现今年经济的持续增长，保持国际收支平衡和人民币汇率稳定，至关重要。"
    )
    found = _targets(text, 1999)
    assert ("rural_income_growth", None, False) in found
    assert ("balance_of_payments", None, False) in found
    # a verb before a name narrows nothing: 逐步减少财政赤字 is on the deficit
    assert key_of("逐步减少财政赤字", REGISTRY) == "deficit"


def test_no_qualitative_target_from_a_share_a_fund_or_a_relation() -> None:
    text = (
        "今年的经济增长预期为7%左右。今年中央财政预算赤字1503亿元。力争今年农村贫困人口再减少1000万以上。"
        "逐步提高居民收入在国民收入分配中的比重。适当增加粮食风险基金、再就业和解困资金。"
        "把控制社会总需求和控制人口增长结合起来。"
    )
    keys = {key for key, _, in_passage in _targets(text, 1999) if not in_passage}
    assert keys == set()


def test_subjects_that_share_one_figure_each_get_it() -> None:
    # 2017: 今年广义货币M2和社会融资规模余额预期增长均为12%左右 (a target of each, outside the passage)
    text = (
        "今年发展的主要预期目标是：国内生产总值增长6.5%左右；居民消费价格涨幅3%左右；城镇新增就业1100万人以上。"
        "\n货币政策要保持稳健中性。今年广义货币M2和社会融资规模余额预期增长均为12%左右。"
    )
    outside = [(k, v) for k, v, in_passage in _targets(text, 2017) if not in_passage]
    assert outside == [("m2_growth", "12"), ("total_social_financing_growth", "12")]


def test_every_figure_of_a_key_in_the_sentence_that_sets_it() -> None:
    # 2016: both pairs of pollutants, in one sentence after the passage
    text = (
        "今年发展的主要预期目标是：国内生产总值增长6.5%－7%；居民消费价格涨幅3%左右；城镇新增就业1000万人以上。"
        "\n今年化学需氧量、氨氮排放量要分别下降2%，二氧化硫、氮氧化物排放量分别下降3%，"
        "重点地区细颗粒物（PM2.5）浓度继续下降。"
    )
    outside = [(k, v) for k, v, in_passage in _targets(text, 2016) if not in_passage]
    assert outside == [("pollutant_emissions_reduction", "2"), ("pollutant_emissions_reduction", "3")]


def test_a_listed_plan_runs_over_its_headed_paragraphs() -> None:
    # 1980: the plan for 1981, a paragraph per heading, some with no indicator of the registry
    text = (
        "根据上述要求，1981年国民经济计划主要指标安排如下：\n"
        "工农业总产值，比1980年预计增长5.5%。\n"
        "机械工业，拖拉机9.75万台，汽车16万辆。\n"
        "交通运输业，铁路货运量10.6亿吨。\n"
        "对外贸易，进出口总额559亿元，比1980年预计增加42亿元。\n"
        "劳动就业，在城镇安排600万人。\n"
    )
    keyed = [(k, v) for k, v, _ in _targets(text, 1980) if k is not None]
    assert ("foreign_trade", "55900000000") in keyed
    assert ("urban_new_jobs", "6000000") in keyed
    assert all(t.year == 1981 for t in find_targets(text, "t", year=1980, indicators=REGISTRY))


def test_a_list_of_plan_figures_in_words_is_split_at_its_commas() -> None:
    # 1959: 提出了钢产量一千八百万吨、煤产量三亿八千万吨、粮食产量一万零五百亿斤、棉花产量一亿担的四项指标
    text = (
        "在一九五八年十一月召开的中国共产党第八届中央委员会第六次全体会议上，曾经讨论了一九五九年发展国民经济的"
        "主要任务和方针，提出了钢产量一千八百万吨、煤产量三亿八千万吨、粮食产量一万零五百亿斤、棉花产量一亿担的四项指标。"
    )
    assert [(k, v) for k, v, _ in _targets(text, 1959)] == [
        ("steel_output", "18000000"),
        ("coal_output", "380000000"),
        ("grain_output", "1050000000000"),
        ("cotton_output", "100000000"),
    ]
    (cotton,) = [q for q in parse_quantities("棉花产量一亿担") if q.unit == "dan"]
    assert cotton.value == 100000000


# --------------------------------------------------------------------------------------------
# Outcomes


def test_the_level_a_look_back_reaches_is_the_years() -> None:
    # 1986: the review of the sixth plan; the levels reached are 1985's
    text = (
        "在过去的五年中，我国若干关系国计民生的重要产品的产量大幅度增长。从一九八○年至一九八五年，"
        "我国原煤产量由六亿二千万吨增加到八亿五千万吨，原油由一亿零六百万吨增加到一亿二千五百万吨，"
        "发电量由三千亿度增加到四千零七十三亿度，钢由三千七百万吨增加到四千六百六十六万吨。"
    )
    assert _outcomes(text, 1986) == [
        ("coal_output", "850000000"),
        ("crude_oil_output", "125000000"),
        ("electricity_output", "407300000000"),
        ("steel_output", "46660000"),
    ]


def test_a_plan_of_the_future_is_no_look_back() -> None:
    # 1982: the sixth plan's figures for 1985, not 1981's
    text = (
        "第六个五年计划规定，一九八五年工农业总产值达到八千七百一十亿元，比一九八○年的七千一百五十九亿元增加一千五百五十一亿元。"
        "其中，农业总产值由二千一百八十七亿元增加到二千六百六十亿元，工业总产值由四千九百七十二亿元增加到六千零五十亿元。"
    )
    assert _outcomes(text, 1982) == []


def test_a_sum_or_a_level_held_over_five_years_is_no_years_level() -> None:
    # Tianjin 2026 and the 2023 report: a paragraph that looks back over five years
    assert _outcomes("五年来，全面深化改革开放纵深推进。上市公司增至88家，实际使用外资263亿美元。", 2026) == []
    assert _outcomes("过去五年，我国经济实力明显跃升。外汇储备稳定在3万亿美元以上。", 2023) == []
    assert _outcomes("过去五年，我国经济实力明显跃升。国内生产总值增加到121万亿元。", 2023) == [
        ("gdp", "121000000000000")
    ]


def test_capacities_regions_and_parts_are_no_outcomes() -> None:
    # 1958: capacity added; 1959: four regions' growth; Gansu 2026: investment less property
    assert (
        _outcomes(
            "一九五七年新增加的工业生产能力（按年产量计算），仅中央各部所属的企业就有：发电量三十二亿五千万度。", 1958
        )
        == []
    )
    assert (
        _outcomes(
            "据统计，内蒙古、新疆、广西、宁夏四个自治区，一九五八年工业总产值比一九五七年增长百分之八十八。", 1959
        )
        == []
    )
    assert _outcomes("扣除房地产开发投资后，固定资产投资增长2.7%。", 2026) == []
    assert _outcomes("省管企业净资产增长8.9%、研发投入增长34.4%。", 2025) == []


def test_the_year_named_before_a_clause_is_its_year() -> None:
    # 1959: 一九五七年's figures at 1957 prices, then 1958's
    text = (
        "这样，一九五七年的工农业总产值就应当是一千二百四十一亿元，工业和手工业总产值是七百零四亿元。"
        "一九五八年我国工农业总产值达到了二千零五十亿元，比一九五七年的一千二百四十一亿元增长百分之六十五。"
    )
    assert _outcomes(text, 1959) == [("gross_output", "205000000000"), ("gross_output_growth", "65")]


def test_a_product_list_that_leaves_out_its_head_noun() -> None:
    # 1992: 主要工业产品产量继续增加，原煤达到10.9亿吨，…; 工业生产增长较快，总产值比上年增长百分之十四点二
    text = (
        "主要工业产品产量继续增加，原煤达到10.9亿吨，石油达到1.39亿吨，钢突破7000万吨。"
        "工业生产增长较快，总产值比上年增长百分之十四点二。"
    )
    assert _outcomes(text, 1992) == [
        ("coal_output", "1090000000"),
        ("crude_oil_output", "139000000"),
        ("steel_output", "70000000"),
        ("industrial_output_growth", "14.2"),
    ]
    # but 轻工业's 总产值 is no industry's
    assert _outcomes("轻工业，总产值比上年增长8%。", 1981) == []


def test_a_rate_a_span_reaches_is_the_years_and_a_restated_target_is_none() -> None:
    # 1996: 零售物价涨幅从21.7%回落到14.8%; 1997: …物价涨幅要从14.8%降到10%左右，实际回落到6.1%
    assert _outcomes("国内生产总值比上年增长10.2%，零售物价涨幅从21.7%回落到14.8%。", 1996) == [
        ("gdp_growth", "10.2"),
        ("retail_price_growth", "14.8"),
    ]
    text = "物价涨幅要从14.8%降到10%左右，实际回落到6.1%。"
    assert _outcomes(text, 1997) == [("retail_price_growth", "6.1")]


def test_an_earlier_base_speaks_for_the_list_after_it() -> None:
    # 1975: every figure compares 1974 with 1964, stated once at the head of the list
    text = (
        "工业总产值一九七四年预计比一九六四年增长一点九倍，主要产品的产量都有大幅度增长，"
        "钢增长一点二倍，原煤增长百分之九十一。"
    )
    assert _outcomes(text, 1975) == []
    # 1982: 一九八一年比一九八○年，… is the year's change
    assert _outcomes("一九八一年比一九八○年，原煤增长百分之零点二。", 1982) == [("coal_output_growth", "0.2")]


def test_the_parts_of_a_list_after_fenbie() -> None:
    # Jiangsu 2026: 城乡居民人均可支配收入分别达6.9万元、3.4万元，增长4.2%、5.3%
    text = "城乡居民人均可支配收入分别达6.9万元、3.4万元，增长4.2%、5.3%。"
    assert _outcomes(text, 2026) == [
        ("urban_income", "69000"),
        ("rural_income", "34000"),
        ("urban_income_growth", "4.2"),
        ("rural_income_growth", "5.3"),
    ]
    # Gansu 2026: the last part's head noun completes the others (原煤产量, 原油产量)
    text = (
        "今年发展的主要预期目标是：地区生产总值增长5%以上；城镇调查失业率5.5%左右；居民消费价格涨幅2%左右。"
        "\n争取后安、公婆泉、钱阳山等煤矿项目核准，原煤、原油、天然气产量分别达到7000万吨、1280万吨、10亿立方米。"
    )
    outside = [(k, v) for k, v, in_passage in _targets(text, 2026) if not in_passage and k is not None]
    assert outside == [("coal_output", "70000000"), ("crude_oil_output", "12800000")]


def test_subjects_tied_to_another_indicator_or_to_last_year() -> None:
    passage = "今年发展主要预期目标是：国内生产总值增长6%－6.5%；城镇新增就业1100万人以上；居民消费价格涨幅3%左右。\n"
    # 2019: each subject of …要与国内生产总值名义增速相匹配 is a qualitative target
    text = (
        passage + "广义货币M2和社会融资规模增速要与国内生产总值名义增速相匹配，以更好满足经济运行保持在合理区间的需要。"
    )
    outside = [k for k, v, in_passage in _targets(text, 2019) if not in_passage]
    assert outside == ["m2_growth", "total_social_financing_growth"]
    # 2020: a tie to the year before is each subject's own
    text = passage + "综合运用降准降息、再贷款等手段，引导广义货币供应量和社会融资规模增速明显高于去年。"
    outside = [k for k, v, in_passage in _targets(text, 2020) if not in_passage]
    assert outside == ["m2_growth", "total_social_financing_growth"]
    # but 居民收入增长和经济增长同步 is one target, on income
    assert [k for k, _, _ in _targets("今年要努力实现居民收入增长和经济增长同步。", 2014)] == []


def test_two_targets_of_one_clause_in_a_listed_statement() -> None:
    # 2020: the targets a line each after 今年要…; one clause names two indicators side by side
    text = (
        "今年要优先稳就业保民生，坚决打赢脱贫攻坚战，努力实现全面建成小康社会目标任务；\n"
        "城镇新增就业900万人以上，城镇调查失业率6%左右；\n"
        "单位国内生产总值能耗和主要污染物排放量继续下降，\n努力完成“十三五”规划目标任务。"
    )
    keys = [k for k, _, _ in _targets(text, 2020)]
    assert "energy_intensity_reduction" in keys
    assert "pollutant_emissions_reduction" in keys
