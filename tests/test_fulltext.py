"""The full texts of the 2024 Government Work Report and the 2024 plan report, checked by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

import gwr
from gwr._reading._outline import Sentence, chinese_number
from gwr.build.fulltext import merge


def test_gwr_2024_tasks_in_order() -> None:
    # 003 lines 86-125: the ten （一）…（十） tasks of part three
    tasks = gwr.report(2024).tasks
    assert [t.number for t in tasks] == list(range(1, 11))
    assert tasks[0].title == "大力推进现代化产业体系建设，加快发展新质生产力"
    assert tasks[2].title == "着力扩大国内需求，推动经济实现良性循环"
    assert tasks[9].title == "切实保障和改善民生，加强和创新社会治理"
    assert [t.theme for t in tasks] == [
        "industry",
        "science_education",
        "domestic_demand",
        "reform",
        "opening_up",
        "risk",
        "agriculture",
        "urban_regional",
        "green",
        "livelihood",
    ]
    assert tasks[5].secondary_theme == "security"


def test_gwr_2024_subtasks_titled_by_their_first_sentence() -> None:
    tasks = gwr.report(2024).tasks
    assert [s.title for s in tasks[0].subtasks] == [
        "推动产业链供应链优化升级",
        "积极培育新兴产业和未来产业",
        "深入推进数字经济创新发展",
    ]
    assert [s.title for s in tasks[2].subtasks] == ["促进消费稳定增长", "积极扩大有效投资"]
    # 003 runs this sub-area into the one before it; 002 keeps it apart
    assert [s.title for s in tasks[6].subtasks] == [
        "加强粮食和重要农产品稳产保供",
        "毫不放松巩固拓展脱贫攻坚成果",
        "稳步推进农村改革发展",
    ]
    assert [s.title for s in tasks[9].subtasks] == [
        "多措并举稳就业促增收",
        "提高医疗卫生服务能力",
        "加强社会保障和服务",
        "丰富人民群众精神文化生活",
        "维护国家安全和社会稳定",
    ]
    # 002 sets "加快推动高水平科技自立自强。" on a line of its own: a heading, not a paragraph
    assert len(tasks[1].subtasks) == 3


def test_gwr_2024_measures_sit_where_the_text_puts_them() -> None:
    tasks = gwr.report(2024).tasks
    investment = tasks[2].subtasks[1]
    measure = next(m for m in investment.measures if "中央预算内投资" in m.text)
    assert measure.text == "今年中央预算内投资拟安排7000亿元。"
    [quantity] = measure.quantities
    assert (quantity.value, quantity.unit, quantity.indicator) == (
        Decimal("700000000000"),
        "CNY",
        "central_budget_investment",
    )
    health = tasks[9].subtasks[1]
    assert "居民医保人均财政补助标准提高30元。" in [m.text for m in health.measures]


def test_passage_only_the_newspaper_has_points_into_it() -> None:
    # 003 lacks these sentences of "加强高质量教育体系建设"; 002 has them
    education = gwr.report(2024).tasks[1].subtasks[0]
    texts = {m.text: m.span.source for m in education.measures}
    assert texts["减轻中小学教师非教学负担。"] == "002"
    assert texts["制定实施教育强国建设规划纲要。"] == "003"
    assert [m.text for m in education.measures].index("减轻中小学教师非教学负担。") == 4


def test_gwr_2024_policy_orientation_quantities() -> None:
    report = gwr.report(2024)
    keyed = {q.indicator: q for m in report.measures for q in m.quantities if q.indicator}
    assert keyed["deficit_ratio"].value == Decimal("3")
    assert keyed["local_special_bonds"].value in (Decimal("3900000000000"), Decimal("100000000000"))
    fiscal = next(m for m in report.measures if m.text.startswith("赤字率拟按3%安排"))
    assert [(q.value, q.unit, q.change, q.indicator) for q in fiscal.quantities] == [
        (Decimal("3"), "%", None, "deficit_ratio"),
        (Decimal("4060000000000"), "CNY", None, "deficit"),
        (Decimal("180000000000"), "CNY", "increase", None),  # 比上年年初预算增加1800亿元: the increment, no level
    ]
    assert [q.measure for q in fiscal.quantities] == ["level", "level", "increment"]
    assert fiscal.quantities[2].relative_to == "上年年初预算"
    bonds = next(m for m in report.measures if "今年先发行1万亿元" in m.text)
    assert bonds.quantities[-1].indicator == "ultra_long_special_treasury_bonds"


def test_gwr_2024_outcomes_for_2023() -> None:
    outcomes = {o.key: o for o in gwr.report(2024).outcomes}
    assert {o.year for o in outcomes.values()} == {2023}
    assert outcomes["gdp"].quantity is not None
    assert outcomes["gdp"].quantity.value == Decimal("126000000000000")
    assert outcomes["gdp"].qualifier == "more_than"
    assert outcomes["gdp_growth"].quantity is not None
    assert outcomes["gdp_growth"].quantity.value == Decimal("5.2")
    assert outcomes["urban_unemployment_rate"].text == "城镇调查失业率平均为5.2%"
    assert outcomes["grain_output"].quantity is not None
    assert outcomes["grain_output"].quantity.value == Decimal("1390000000000")
    assert outcomes["balance_of_payments"].quantity is None


def test_gwr_2024_outline() -> None:
    outline = gwr.report(2024).outline
    parts = [s for s in outline if s.kind == "part"]
    assert [(p.number, p.title) for p in parts[:3]] == [
        (1, "2023年工作回顾"),
        (2, "2024年经济社会发展总体要求和政策取向"),
        (3, "2024年政府工作任务"),
    ]
    # three closing passages, each opened by "各位代表！": a salutation, not a title
    closings = [s for s in outline if s.kind == "closing"]
    assert len(parts) == 3
    assert [(c.number, c.title) for c in closings] == [(None, None)] * 3
    assert [c.heading.exact for c in closings if c.heading] == ["各位代表！"] * 3
    assert closings[0].children[0].span.exact.startswith("新征程新使命，对政府工作提出了新的更高要求")
    review = parts[0]
    # the last bullet holds its own paragraph only; the look-back paragraph and the lead-in
    # (一年来……主要做了以下工作。) belong to the part, as do the diplomacy, thanks and
    # difficulties paragraphs after 六是
    last_bullet = next(c for c in review.children if c.title == "民生保障有力有效")
    assert last_bullet.span.exact.endswith("加强城镇老旧小区改造和保障性住房供给，惠及上千万家庭。")
    assert not last_bullet.children
    paragraphs = [c.span.exact for c in review.children if c.kind == "paragraph"]
    assert any(p.startswith("回顾过去一年，多重困难挑战交织叠加") for p in paragraphs)
    assert (
        "一年来，我们深入学习贯彻党的二十大和二十届二中全会精神，按照党中央决策部署，主要做了以下工作。" in paragraphs
    )
    assert any(p.startswith("一年来，中国特色大国外交全面推进") for p in paragraphs)
    assert any(p.startswith("在肯定成绩的同时，我们也清醒看到面临的困难和挑战") for p in paragraphs)
    sixth = next(c for c in review.children if c.kind == "item" and c.number == 6)
    assert "中国特色大国外交" not in sixth.span.exact
    assert [c.heading.exact for c in review.children if c.kind == "heading" and c.heading] == ["各位代表！"]
    bullets = [c.title for c in review.children if c.kind == "item" and c.number is None]
    assert bullets[0] == "经济总体回升向好"
    assert len(bullets) == 7
    work = [c for c in review.children if c.kind == "item" and c.number is not None]
    assert [c.number for c in work] == [1, 2, 3, 4, 5, 6]
    assert work[0].title == "加大宏观调控力度，推动经济运行持续好转"
    areas = [c for c in parts[2].children if c.kind == "area"]
    assert len(areas) == 10
    assert outline[0].kind == "heading"
    assert outline[0].title == "政府工作报告"


def test_plan_2024_tasks_and_items() -> None:
    plan = gwr.report(2024, kind="plan")
    assert [t.number for t in plan.tasks] == list(range(1, 11))
    assert plan.tasks[0].title == "以科技创新引领现代化产业体系建设，加快形成新质生产力"
    assert [s.title for s in plan.tasks[1].subtasks] == ["促进消费稳定增长", "积极扩大有效投资"]
    assert [s.number for s in plan.tasks[0].subtasks] == [1, 2, 3, 4, 5, 6]
    assert plan.tasks[8].subtasks[5].title == "巩固提升国防动员能力"
    investment = plan.tasks[1].subtasks[1]
    measure = next(m for m in investment.measures if "中央预算内投资7000亿元" in m.text)
    assert [(q.value, q.change, q.indicator) for q in measure.quantities] == [
        (Decimal("700000000000"), None, "central_budget_investment"),
        (Decimal("20000000000"), "increase", None),  # 比上年增加200亿元: the increment carries no level's key
    ]
    # "西部地区产业优化布局..." continues item 一是 of area (八) of part one
    part_one = next(s for s in plan.outline if s.kind == "part" and s.number == 1)
    area_eight = [c for c in part_one.children if c.kind == "area"][7]
    assert area_eight.children[0].title == "区域发展协调性增强"
    assert "西部地区产业优化布局和转型升级统筹推进" in area_eight.children[0].span.exact


def test_plan_2024_execution_areas_and_outcomes() -> None:
    plan = gwr.report(2024, kind="plan")
    part_one = next(s for s in plan.outline if s.kind == "part" and s.number == 1)
    areas = [c for c in part_one.children if c.kind == "area"]
    assert len(areas) == 11  # （一）…（十一）
    assert areas[10].title == "切实办好民生实事，基本民生保障有力"
    outcomes = {o.key: o for o in plan.outcomes}
    assert outcomes["forex_reserves"].quantity is not None
    assert outcomes["forex_reserves"].quantity.value == Decimal("3237977000000")
    assert outcomes["forex_reserves"].quantity.unit == "USD"
    assert outcomes["gdp"].quantity is not None
    assert outcomes["gdp"].quantity.value == Decimal("126060000000000")
    assert outcomes["energy_intensity_reduction"].quantity is None
    # the part-level paragraph after the last area is not part of item 五是
    assert part_one.children[-1].kind == "paragraph"


def test_plan_targets_sentences_are_left_to_the_targets() -> None:
    plan = gwr.report(2024, kind="plan")
    texts = [m.text for m in plan.measures]
    assert not any(t.startswith("——国内生产总值增长5%左右") for t in texts)
    assert not any(t.startswith("主要考虑：从客观需要看") for t in texts)


@pytest.mark.parametrize(("numeral", "value"), [("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23)])
def test_chinese_number(numeral: str, value: int) -> None:
    assert chinese_number(numeral) == value


def _sentences(source: str, *paragraphs: list[str]) -> list[Sentence]:
    result, at = [], 0
    for paragraph in paragraphs:
        for i, text in enumerate(paragraph):
            result.append(Sentence(source, at, at + len(text), text, i == 0))
            at += len(text)
    return result


def test_merge_takes_the_union_and_both_witnesses_breaks() -> None:
    primary = _sentences("a", ["甲。", "乙。", "丁。", "戊。"])
    witness = _sentences("b", ["甲。", "乙。", "丙。"], ["丁。", "戊。"])
    merged = merge(primary, witness)
    assert [(s.text, s.source, s.opens_paragraph) for s in merged] == [
        ("甲。", "a", True),
        ("乙。", "a", False),
        ("丙。", "b", False),
        ("丁。", "a", True),
        ("戊。", "a", False),
    ]


def test_merge_ignores_a_break_after_a_heading_line() -> None:
    primary = _sentences("a", ["标题。", "正文。", "更多。"])
    witness = _sentences("b", ["标题。"], ["正文。", "更多。"])
    assert [s.opens_paragraph for s in merge(primary, witness)] == [True, False, False]
