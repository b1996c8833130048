"""The targets reader (gwr._reading._targets): targets, outcomes and keyed figures found in any text.

Expectations are read by hand from the texts: the seed reports against the bundled data (checked
by a person), short passages quoted from the corpus, and the files of tests/expected/.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import gwr
from corpus import require_corpus
from gwr._reading._targets import find_outcomes, find_targets, key_of, key_quantities, matching_form, unit_fits
from targets_expected import describe, expectation_files, load, read_report

REGISTRY = gwr.indicators()
ROOT = Path(__file__).resolve().parents[1]


def _targets(text: str, year: int = 2024) -> list[tuple[str | None, str, str | None, str | None]]:
    found = find_targets(text, "t", year=year, indicators=REGISTRY)
    return [(t.key, t.text, str(t.quantity.value) if t.quantity else None, t.qualifier) for t in found]


# --------------------------------------------------------------------------------------------
# The registry


def test_registry_keeps_its_first_keys_in_order() -> None:
    keys = [i.key for i in REGISTRY]
    assert keys[:9] == [
        "gdp_growth",
        "urban_new_jobs",
        "urban_unemployment_rate",
        "cpi_growth",
        "household_income_growth",
        "balance_of_payments",
        "grain_output",
        "energy_intensity_reduction",
        "ecological_quality",
    ]
    for key in ("gdp", "deficit_ratio", "local_special_bonds", "central_budget_investment", "gnp_growth", "m2_growth"):
        assert key in keys
    assert len(keys) == len(set(keys))


def test_every_indicator_has_names_and_no_name_states_two_indicators() -> None:
    owner: dict[str, str] = {}
    for indicator in REGISTRY:
        assert indicator.names, indicator.key
        assert indicator.name_en
        assert indicator.name_zh
        for name in (*indicator.names, indicator.name_zh):
            form = matching_form(name)
            assert owner.setdefault(form, indicator.key) == indicator.key, (name, owner[form], indicator.key)


# --------------------------------------------------------------------------------------------
# key_of: one rule, the longest name wins


@pytest.mark.parametrize(
    ("clause", "key"),
    [
        ("国内生产总值增长5%左右", "gdp_growth"),
        ("全区地区生产总值增长5%左右", "gdp_growth"),  # guangxi 2025
        ("生产总值增长5.5%左右", "gdp_growth"),  # zhejiang 2025
        ("经济增长5.5%左右", "gdp_growth"),  # henan 2025
        ("经济增长速度8%", "gdp_growth"),  # 1998
        ("国内生产总值超过126万亿元", "gdp"),
        ("国民生产总值增长百分之六", "gnp_growth"),  # 1992: its own series
        ("居民消费价格（CPI）涨幅3%左右", "cpi_growth"),
        ("居民消费价格总水平涨幅控制在4%", "cpi_growth"),
        ("商品零售价格涨幅控制在3%以内", "retail_price_growth"),
        ("城镇登记失业率4.5%以内", "registered_unemployment_rate"),
        ("城镇调查失业率5.5%左右", "urban_unemployment_rate"),
        ("居民收入增长和经济增长同步", "household_income_growth"),  # longer than 经济增长
        ("城镇居民人均可支配收入增长5%", "urban_income_growth"),
        ("单位GDP能耗下降2%左右", "energy_intensity_reduction"),
        ("单位国内生产总值能耗降低2.5%左右", "energy_intensity_reduction"),
        ("一般公共预算收入同口径增长4%以上", "fiscal_revenue_growth"),
        ("规上工业增加值增长7%左右", "industrial_value_added_growth"),
        ("社会消费品零售总额增长6%左右", "retail_sales_growth"),
        ("社会消费品零售总额达到47.15万亿元", "retail_sales"),
        ("农村贫困人口减少1000万以上", "poverty_reduction"),
        ("宏观杠杆率基本稳定", "macro_leverage_ratio"),
        ("今年中央预算内投资拟安排7000亿元", "central_budget_investment"),
        ("从今年开始拟连续几年发行超长期特别国债", "ultra_long_special_treasury_bonds"),
        ("脱贫地区农村居民收入增长8.4%", "poverty_area_rural_income_growth"),
        ("一九五四年計劃的基本建設投資總額", "fixed_asset_investment"),  # traditional characters
        ("一九五四年計劃的工業基本建設投資總額", None),  # industry's part of it: not the aggregate
        ("服务业增加值占国内生产总值比重", "tertiary_industry_growth"),  # a share of GDP is not GDP
        ("对世界经济增长的贡献率超过30%", None),  # 2018: a contribution to the world's growth
        ("糖料蔗种植面积稳定在1100万亩以上", "sugarcane_area"),  # guangxi 2025
        ("节能减排和碳排放强度下降完成国家下达任务", "co2_intensity_reduction"),  # the longest name
        ("发展的协调性进一步增强", None),
    ],
)
def test_key_of(clause: str, key: str | None) -> None:
    assert key_of(clause, REGISTRY) == key


def test_key_of_refuses_what_is_not_a_clause() -> None:
    with pytest.raises(TypeError):
        key_of(5, REGISTRY)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        key_of("国内生产总值", ["gdp"])  # type: ignore[list-item]


def test_unit_fits() -> None:
    assert [unit_fits("jin", "t"), unit_fits("persons", "count"), unit_fits("%", "percentage_points")] == [True] * 3
    assert [unit_fits("CNY", "%"), unit_fits(None, "%"), unit_fits("CNY", "CNY/month")] == [False] * 3


# --------------------------------------------------------------------------------------------
# find_targets on short passages quoted from the corpus


def test_a_passage_that_breaks_after_its_colon() -> None:
    # 2010: 今年经济社会发展的主要预期目标是：⏎国内生产总值增长8%左右；…
    text = (
        "各位代表！\n今年经济社会发展的主要预期目标是：\n"
        "国内生产总值增长8%左右；居民消费价格涨幅3%左右；国际收支状况改善。\n这里要着重说明。"
    )
    assert _targets(text, 2010) == [
        ("gdp_growth", "国内生产总值增长8%左右", "8", "about"),
        ("cpi_growth", "居民消费价格涨幅3%左右", "3", "about"),
        ("balance_of_payments", "国际收支状况改善", None, None),
    ]


def test_a_passage_over_two_sentences_stops_at_the_talk_about_it() -> None:
    # 2015: …居民收入增长与经济发展同步。能耗强度下降3.1%以上，主要污染物排放继续减少。⏎经济增长预期7%左右…
    text = (
        "今年经济社会发展的主要预期目标是：国内生产总值增长7%左右，国际收支基本平衡。"
        "能耗强度下降3.1%以上，主要污染物排放继续减少。上述主要预期目标，考虑了需要和可能。"
    )
    assert [t[0] for t in _targets(text, 2015)] == [
        "gdp_growth",
        "balance_of_payments",
        "energy_intensity_reduction",
        "pollutant_emissions_reduction",
    ]


def test_two_figures_after_fenbie_give_two_targets() -> None:
    # hainan 2025; xizang 2025; guizhou 2025
    text = (
        "今年经济社会发展主要预期目标是：城镇和农村常住居民人均可支配收入分别增长6.5%左右、7.5%左右，"
        "城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内，"
        "其中一、二、三产增加值分别增长3.5%以上、7%左右、5%以上。"
    )
    found = find_targets(text, "t", year=2025, indicators=REGISTRY)
    assert [(t.key, str(t.quantity.value) if t.quantity else None) for t in found] == [
        ("urban_income_growth", "6.5"),
        ("rural_income_growth", "7.5"),
        ("urban_unemployment_rate", "5"),
        ("cpi_growth", "3"),
        ("primary_industry_growth", "3.5"),
        ("secondary_industry_growth", "7"),
        ("tertiary_industry_growth", "5"),
    ]
    assert found[0].span == found[1].span
    # the word after the last figure of a list of bare figures qualifies every figure of it
    assert [t.qualifier for t in found[2:4]] == ["at_most", "at_most"]
    assert found[0].text == "城镇和农村常住居民人均可支配收入分别增长6.5%左右、7.5%左右"
    second = found[1].quantity
    assert second is not None
    assert found[1].text[second.start : second.end] == "7.5%左右"
    # 城乡 stands for 城镇 and 农村
    passage = "主要预期目标是：城乡居民人均可支配收入分别增长5%和7%左右。"
    [urban, rural] = find_targets(passage, "t", year=2025, indicators=REGISTRY)
    assert (urban.key, rural.key, rural.qualifier) == ("urban_income_growth", "rural_income_growth", "about")


def test_unknown_clauses_are_kept_and_framing_is_not_a_target() -> None:
    # guangxi 2025; qinghai 2025; 2013; 2007
    text = (
        "主要预期目标是：在优化结构、提高效益的基础上，地区生产总值增长4.5%左右，力争更好结果；"
        "糖料蔗种植面积稳定在1100万亩以上；发展的协调性进一步增强；城镇新增就业6万人以上、城镇调查失业率5.5%左右。"
    )
    assert _targets(text, 2025) == [
        ("gdp_growth", "地区生产总值增长4.5%左右", "4.5", "about"),
        ("sugarcane_area", "糖料蔗种植面积稳定在1100万亩以上", "11000000", "at_least"),
        (None, "发展的协调性进一步增强", None, None),
        ("urban_new_jobs", "城镇新增就业6万人以上", "60000", "at_least"),
        ("urban_unemployment_rate", "城镇调查失业率5.5%左右", "5.5", "about"),
    ]


def test_a_figure_striven_for_beside_the_target_is_no_target_of_its_own() -> None:
    # xizang 2025
    text = "主要预期目标是：地区生产总值增长7%以上、力争达到8%，全社会固定资产投资增长15%以上、力争达到20%。"
    assert _targets(text, 2025) == [
        ("gdp_growth", "地区生产总值增长7%以上、力争达到8%", "7", "at_least"),
        ("fixed_asset_investment_growth", "全社会固定资产投资增长15%以上、力争达到20%", "15", "at_least"),
    ]


def test_indicators_named_side_by_side_are_each_a_target() -> None:
    # 2023; qinghai 2025; hainan 2025; 2018 (one target: a relation between the two)
    text = (
        "主要预期目标是：单位国内生产总值能耗和主要污染物排放量继续下降，"
        "全面完成“十四五”期间能耗强度下降和主要污染物总量减排目标，"
        "节能减排和碳排放强度下降完成国家下达任务；居民收入增长和经济增长基本同步。"
    )
    assert [(t.key, t.text[:6]) for t in find_targets(text, "t", year=2025, indicators=REGISTRY)] == [
        ("energy_intensity_reduction", "单位国内生产"),
        ("pollutant_emissions_reduction", "单位国内生产"),
        ("energy_intensity_reduction", "全面完成“十"),
        ("pollutant_emissions_reduction", "全面完成“十"),
        ("energy_emission_tasks", "节能减排和碳"),
        ("co2_intensity_reduction", "节能减排和碳"),
        ("household_income_growth", "居民收入增长"),
    ]


def _outcomes(text: str, year: int) -> list[tuple[str | None, str | None, str]]:
    found = find_outcomes(text, "t", year=year, indicators=REGISTRY)
    return [(o.key, str(o.quantity.value) if o.quantity else None, o.text) for o in found]


def test_a_look_back_over_five_years_speaks_for_its_paragraph() -> None:
    # 2018: 五年来，… then 刚刚过去的2017年，…
    text = (
        "五年来，人民生活持续改善。贫困人口减少6800多万。城镇新增就业6600万人以上，实现了比较充分就业。\n"
        "刚刚过去的2017年，主要目标任务全面完成。国内生产总值增长6.9%；城镇新增就业1351万人。"
    )
    assert _outcomes(text, 2018) == [
        ("gdp_growth", "6.9", "国内生产总值增长6.9%"),
        ("urban_new_jobs", "13510000", "城镇新增就业1351万人"),
    ]
    # 2011: 这五年，… (a paragraph on the plan period: its flows are not the year's)
    assert _outcomes("这五年，人民生活明显改善。城镇新增就业5771万人，转移农业劳动力4500万人。", 2011) == []


def test_a_look_back_inside_a_sentence_speaks_from_where_it_stands() -> None:
    # 2009: the growth stands before 连续五年 in its sentence; 连续五年增产 speaks for its own
    # clause only, and the total after it is 2008's (read by hand: 总产量10570亿斤, the record of 2008)
    text = "国内生产总值超过30万亿元，比上年增长9%；物价总水平涨幅得到控制；粮食连续五年增产，总产量10570亿斤。"
    assert [(k, v) for k, v, _ in _outcomes(text, 2009)] == [
        ("gdp", "30000000000000"),
        ("gdp_growth", "9"),
        ("grain_output", "1057000000000"),
    ]


def test_growth_since_an_earlier_year_and_this_years_figures_are_no_outcomes() -> None:
    # 2008: 比2002年增长65.5% spans five years; 1956: a projection for the year itself
    assert _outcomes("2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%。", 2008) == [
        ("gdp", "24660000000000", "国内生产总值达到24.66万亿元")
    ]
    assert _outcomes("1956年工业生产总值比1955年将增长19.7%。", 1956) == []
    # a base of a comparison one year before the year reviewed is the year's change
    assert _outcomes("一九五三年全国基本建设投资总额比一九五二年增加了百分之九十六。", 1954) == [
        ("fixed_asset_investment_growth", "96", "一九五三年全国基本建设投资总额比一九五二年增加了百分之九十六")
    ]
    # 1954's own sentence is of industrial capital construction, a part of the aggregate
    assert _outcomes("一九五三年全國完成的工業基本建設投資總額比較一九五二年增加了百分之九十六。", 1954) == []


def test_numbers_in_words_of_the_1990s() -> None:
    # 1993: 今年国民生产总值计划增长百分之八，是留有余地的。
    assert _targets("今年国民生产总值计划增长百分之八，是留有余地的。", 1993) == [
        ("gnp_growth", "今年国民生产总值计划增长百分之八", "8", "exact")
    ]
    # 1995: the clause that names the indicator and the one that states its figure make one target
    [target] = find_targets("今年经济增长速度的宏观调控目标，定为百分之八至九。", "t", year=1995, indicators=REGISTRY)
    assert (target.key, target.text) == ("gdp_growth", "今年经济增长速度的宏观调控目标，定为百分之八至九")
    assert target.quantity is not None
    assert target.text[target.quantity.start : target.quantity.end] == "百分之八至九"
    assert (target.quantity.value, target.quantity.upper) == (Decimal(8), Decimal(9))  # a range in words


def test_five_year_goals_and_last_years_figures_are_not_this_years_targets() -> None:
    text = (
        "《纲要》提出今后五年经济和社会发展的主要目标是：国内生产总值年均增长7%左右。\n"
        "去年国内生产总值增长8.8%。\n今年经济增长预期目标为7%左右，这是必要的。"
    )
    assert _targets(text, 2003) == [("gdp_growth", "今年经济增长预期目标为7%左右", "7", "about")]


def test_find_targets_refuses_bad_arguments() -> None:
    with pytest.raises(TypeError):
        find_targets(b"text", "t", year=2024, indicators=REGISTRY)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_targets("text", "t", year="2024", indicators=REGISTRY)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="outside the text"):
        find_targets("text", "t", year=2024, start=3, end=99, indicators=REGISTRY)
    assert find_targets("", "t", year=2024, indicators=REGISTRY) == ()


# --------------------------------------------------------------------------------------------
# The seed reports: what the reader finds is what the bundled data (checked by hand) holds


def _document(source_id: str, document_id: str) -> tuple[str, int, int]:
    source = gwr.source(source_id)
    document = source.document(document_id)
    return source.normalized, document.start, document.end


def test_gwr_2024_targets_are_the_bundled_ones() -> None:
    text, start, end = _document("003", "gwr-2024-full")
    found = find_targets(text, "003", year=2024, start=start, end=end, indicators=REGISTRY)
    assert found == gwr.report("gwr-2024").targets


def test_plan_2024_targets_and_rationales_are_the_bundled_ones() -> None:
    # the plan's layout: —— bullets, each a statement and its 主要考虑; 关于城镇新增就业：… splits one
    text, start, end = _document("004", "plan-2024-full")
    found = find_targets(text, "004", year=2024, start=start, end=end, indicators=REGISTRY)
    bundled = gwr.report("plan-2024").targets
    assert found == bundled
    assert (found[1].rationale or "").startswith("关于城镇新增就业：")
    assert (found[2].rationale or "").startswith("关于城镇调查失业率：")
    assert (found[8].key, found[8].rationale) == ("ecological_quality", None)


@pytest.mark.parametrize(
    ("report_id", "source_id", "document_id"),
    [("gwr-2024", "003", "gwr-2024-full"), ("plan-2024", "004", "plan-2024-full")],
)
def test_seed_outcomes_include_the_bundled_ones(report_id: str, source_id: str, document_id: str) -> None:
    text, start, _ = _document(source_id, document_id)
    found = find_outcomes(text, source_id, year=2024, start=start, indicators=REGISTRY)
    outcomes = gwr.report(report_id).outcomes
    bundled = [o for o in outcomes if o.quantity is not None or o.key != "energy_intensity_reduction"]
    # plan-2024 states 2023's energy intensity only as 下降…不及预期, with no figure: the bundled data
    # keeps it as an outcome without a quantity, which the rule (a figure, or a qualitative indicator)
    # leaves out
    assert [o for o in bundled if o not in found] == []
    assert len({o.key for o in found}) == len(found)


def test_figures_after_the_indicators_they_follow() -> None:
    # 2006: 城镇居民人均可支配收入达到10493元，农村居民人均纯收入达到3255元，扣除价格因素，分别增长9.6%和6.2%
    text = (
        "全年国内生产总值达到18.23万亿元，比上年增长9.9%。"
        "城镇居民人均可支配收入达到10493元，农村居民人均纯收入达到3255元，扣除价格因素，分别增长9.6%和6.2%。"
        "粮食总产量达到9680亿斤，又增产291亿斤。"
    )
    found = find_outcomes(text, "t", year=2006, indicators=REGISTRY)
    assert [(o.key, o.year, str(o.quantity.value) if o.quantity else None) for o in found] == [
        ("gdp", 2005, "18230000000000"),
        ("gdp_growth", 2005, "9.9"),
        ("urban_income", 2005, "10493"),  # the levels of income per head, then their growth
        ("rural_income", 2005, "3255"),
        ("urban_income_growth", 2005, "9.6"),
        ("rural_income_growth", 2005, "6.2"),
        ("grain_output", 2005, "968000000000"),
    ]


def test_review_figures_are_outcomes_of_last_year() -> None:
    # plan-2024, the 2023 execution: 全国一般公共预算支出27.46万亿元; M2 and social financing 分别
    text, start, _ = _document("004", "plan-2024-full")
    found = {o.key: o for o in find_outcomes(text, "004", year=2024, start=start, indicators=REGISTRY)}
    spending = found["general_budget_expenditure"]
    assert (spending.year, spending.text) == (2023, "全国一般公共预算支出27.46万亿元")
    assert spending.quantity is not None
    assert spending.quantity.value == Decimal("27460000000000")
    assert found["m2_growth"].quantity.value == Decimal("9.7")  # type: ignore[union-attr]
    assert found["total_social_financing_growth"].quantity.value == Decimal("9.5")  # type: ignore[union-attr]


# --------------------------------------------------------------------------------------------
# key_quantities: the annotated quantity keys are found by the rule


def _quantity_keys() -> list[tuple[str, str, str]]:
    cases = []
    for path in sorted((ROOT / "annotations" / "reports").glob("*.toml")):
        note = tomllib.loads(path.read_text(encoding="utf-8"))
        cases += [(note["id"], item["key"], item["quote"]) for item in note.get("quantity_keys", [])]
    return cases


@pytest.mark.parametrize(("report_id", "key", "quote"), _quantity_keys())
def test_key_quantities_finds_the_annotated_keys(report_id: str, key: str, quote: str) -> None:
    measures = [m for _, m in gwr.report(report_id).iter_items() if isinstance(m, gwr.Measure) and quote in m.text]
    assert measures, quote
    for measure in measures:
        bare = [attrs.evolve(q, indicator=None) for q in measure.quantities]
        keyed = key_quantities(measure.text, bare, REGISTRY)
        at = measure.text.index(quote)
        inside = [q for q in keyed if at <= q.start and q.end <= at + len(quote)]
        assert inside
        assert all(q.indicator == key for q in inside), [(q.text, q.indicator) for q in inside]


@pytest.mark.parametrize(
    ("sentence", "keys"),
    [
        ("经济增长预期目标为5%左右，考虑了促进就业增收等需要。", ["gdp_growth"]),
        ("安排新增地方政府专项债券3.8万亿元，加大对重点领域的支持力度。", ["local_special_bonds"]),
        ("国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。", ["gdp", "gdp_growth"]),
        ("中央预算内投资拟安排7000亿元，支持1000个项目。", ["central_budget_investment", None]),
        ("惠及1000多万纳税人。", [None]),
    ],
)
def test_key_quantities_one_rule(sentence: str, keys: list[str | None]) -> None:
    from gwr._reading._quantities import parse_quantities

    assert [q.indicator for q in key_quantities(sentence, parse_quantities(sentence), REGISTRY)] == keys


# --------------------------------------------------------------------------------------------
# The hand-read expectations of tests/expected/ (needs the corpus)

KNOWN_MISSES: dict[str, set[str]] = {
    # a target with no figure and no indicator: the statement rule of the older layouts takes
    # keyed figures only
    "national/1992": {"货币发行和新增信贷规模与去年大体持平"},
    # 或者更多一些 is no qualifier parse_quantities knows
    "national/1998": {"今年全社会固定资产投资预定增长10%或者更多一些"},
    # no indicator names these; the statement rule takes keyed figures only
    "national/1979": {"今年计划在全民所有制和集体所有制单位安排七百多万人就业", "节约煤和电百分之二到三"},
}
"""Expected items the reader misses today, each with its reason: a fix makes the test fail, so
that the list shrinks."""


def _specs() -> list[tuple[str, Path]]:
    return [(p.relative_to(p.parents[1]).with_suffix("").as_posix(), p) for p in expectation_files()]


@pytest.mark.parametrize(("name", "path"), _specs(), ids=[name for name, _ in _specs()])
def test_expectations_read_by_hand(name: str, path: Path) -> None:
    root = require_corpus()
    spec = load(path)
    targets, outcomes, _ = read_report(root, spec)
    missing = {item["text"] for item in targets.missing + outcomes.missing}
    if name.startswith("national/"):
        assert missing == KNOWN_MISSES.get(name, set()), [describe(m) for m in targets.missing + outcomes.missing]
    else:  # provincial files, read by another engineer: most of what they hold must be found
        assert targets.recall >= 0.8, [describe(m) for m in targets.missing]
    if spec.get("complete"):
        # a known miss misread is found as an extra of the same clause: that is the miss, not an extra
        known = KNOWN_MISSES.get(name, set())
        extra = [e for e in targets.extra if e.text not in known]
        assert extra == [], [describe(e) for e in extra]
        assert outcomes.extra == [], [describe(e) for e in outcomes.extra]


def test_the_expectations_cover_the_eras() -> None:
    years = sorted(load(p)["year"] for p in expectation_files() if "national" in p.parts)
    assert len(years) >= 14
    assert sum(y < 1990 for y in years) >= 3
    assert sum(1990 <= y < 2005 for y in years) >= 4
