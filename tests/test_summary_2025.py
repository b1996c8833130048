"""The 2025 report, built from the infographic summary in source 000.

Every expectation here was read by hand from the raw text of 000 (● headings and their blocks,
the numbered task headings drawn before or after them, the review and target blocks).
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import gwr
from gwr.build.annotations import AnnotationError
from gwr.build.generate import generate

REPORT = gwr.report(2025)

# (number, title as the report states it, theme), in the report's order.
TASKS = [
    (1, "大力提振消费、提高投资效益，全方位扩大国内需求", "domestic_demand"),
    (2, "因地制宜发展新质生产力，加快建设现代化产业体系", "industry"),
    (3, "深入实施科教兴国战略，提升国家创新体系整体效能", "science_education"),
    (4, "推动标志性改革举措加快落地，更好发挥经济体制改革牵引作用", "reform"),
    (5, "扩大高水平对外开放，积极稳外贸稳外资", "opening_up"),
    (6, "有效防范化解重点领域风险，牢牢守住不发生系统性风险底线", "risk"),
    (7, "着力抓好“三农”工作，深入推进乡村全面振兴", "agriculture"),
    (8, "推进新型城镇化和区域协调发展，进一步优化发展空间格局", "urban_regional"),
    (9, "协同推进降碳减污扩绿增长，加快经济社会发展全面绿色转型", "green"),
    (10, "加大保障和改善民生力度，提升社会治理效能", "livelihood"),
]

# Each task's ● sub-tasks, in order, with how many sentences (measures) each block holds.
SUBTASKS = {
    1: [("实施提振消费专项行动", 3), ("积极扩大有效投资", 4)],
    2: [("培育壮大新兴产业、未来产业", 4), ("推动传统产业改造提升", 2), ("激发数字经济创新活力", 2)],
    3: [("加快建设高质量教育体系", 2), ("推进高水平科技自立自强", 2), ("全面提高人才队伍质量", 3)],
    4: [("有效激发各类经营主体活力", 3), ("纵深推进全国统一大市场建设", 3), ("深化财税金融体制改革", 3)],
    5: [
        ("稳定对外贸易发展", 3),
        ("大力鼓励外商投资", 3),
        ("推动高质量共建“一带一路”走深走实", 2),
        ("深化多双边和区域经济合作", 1),
    ],
    6: [("持续用力推动房地产市场止跌回稳", 3), ("稳妥化解地方政府债务风险", 3), ("积极防范金融领域风险", 3)],
    7: [("持续增强粮食等重要农产品稳产保供能力", 3), ("毫不松懈巩固拓展脱贫攻坚成果", 2), ("扎实推进农村改革发展", 2)],
    8: [("深入实施新型城镇化战略行动", 3), ("加大区域战略实施力度", 3)],
    9: [("加强污染防治和生态建设", 3), ("加快发展绿色低碳经济", 3), ("积极稳妥推进碳达峰碳中和", 3)],
    10: [
        ("更大力度稳定和扩大就业", 3),
        ("强化基本医疗卫生服务", 4),
        ("完善社会保障和服务政策", 4),
        ("加强精神文明建设", 1),
        ("维护国家安全和社会稳定", 1),
    ],
}

# Where given measures sit: (measure text, task number, sub-task number).
PLACES = [
    ("制定实施教育强国建设三年行动计划。", 3, 1),
    ("建设一流产业技术工人队伍。", 3, 3),
    ("安排超长期特别国债3000亿元支持消费品以旧换新。", 1, 1),
    ("今年中央预算内投资拟安排7350亿元。", 1, 2),
    ("深入推进战略性新兴产业融合集群发展。", 2, 1),
    ("建立未来产业投入增长机制，培育生物制造、量子科技、具身智能、6G等未来产业。", 2, 1),
    ("高质量完成国有企业改革深化提升行动，加快建立国有企业履行战略使命评价制度。", 4, 1),
    ("加大稳外贸政策力度，支持企业稳订单拓市场。", 5, 1),
    ("拓宽保障性住房再贷款使用范围。", 6, 1),
    ("深化东西部协作、定点帮扶、消费帮扶。", 7, 2),
    ("巩固和完善农村基本经营制度，有序推进第二轮土地承包到期后再延长30年试点，扩大整省试点范围。", 7, 3),
    ("持续推进城市更新和城镇老旧小区改造。", 8, 1),
    ("开展煤电低碳化改造试点示范。", 9, 3),
    ("加快构建技能导向的薪酬分配制度。", 10, 1),
    ("城乡居民基础养老金最低标准再提高20元，适当提高退休人员基本养老金。", 10, 3),
    ("全面贯彻总体国家安全观，完善维护国家安全体制机制，推进国家安全体系和能力现代化。", 10, 5),
]

# The 2024 results the summary states: (key, text, value, unit, qualifier, change).
OUTCOMES = [
    ("gdp", "国内生产总值达到134.9万亿元", "134900000000000", "CNY", "exact", None),
    ("gdp_growth", "增长5%", "5", "%", "exact", "increase"),
    ("urban_new_jobs", "城镇新增就业1256万人", "12560000", "persons", "exact", None),
    ("urban_unemployment_rate", "城镇调查失业率平均为5.1%", "5.1", "%", "exact", None),
    ("cpi_growth", "居民消费价格上涨0.2%", "0.2", "%", "exact", "increase"),
    ("balance_of_payments", "国际收支基本平衡", None, None, None, None),
    ("forex_reserves", "外汇储备超过3.2万亿美元", "3200000000000", "USD", "more_than", None),
    ("household_income_growth", "居民人均可支配收入实际增长5.1%", "5.1", "%", "exact", "increase"),
    ("grain_output", "粮食产量首次跃上1.4万亿斤新台阶", "1400000000000", "jin", "at_least", None),
    ("energy_intensity_reduction", "单位国内生产总值能耗降幅超过3%", "3", "%", "more_than", "decrease"),
    ("ecological_quality", "生态环境质量有新改善", None, None, None, None),
]


def _measure(text: str) -> tuple[gwr.Task, gwr.Task, gwr.Measure]:
    for task in REPORT.tasks:
        for subtask in task.subtasks:
            for measure in subtask.measures:
                if measure.text == text:
                    return task, subtask, measure
    raise AssertionError(f"no measure {text!r}")


def test_known_from_a_summary() -> None:
    assert REPORT.completeness == "summary"
    # the summary (000), and the full text of the corpus as a cited witness
    assert REPORT.witnesses == ("000", "national-2025")


def test_ten_tasks_in_order_with_titles_and_themes() -> None:
    assert [(t.number, t.title, t.theme) for t in REPORT.tasks] == TASKS
    assert all(t.secondary_theme is None for t in REPORT.tasks)
    assert REPORT.task(10).title == "加大保障和改善民生力度，提升社会治理效能"


def test_subtasks_in_order() -> None:
    for task in REPORT.tasks:
        expected = SUBTASKS[task.number]
        assert [(s.title, len(s.measures)) for s in task.subtasks] == expected, task.number
        assert [s.number for s in task.subtasks] == list(range(1, len(expected) + 1))
        assert all(s.subtasks == () for s in task.subtasks)
        # a ● block has a theme only where it is not its task's: 维护国家安全和社会稳定 under 民生
        themed = [(s.number, s.theme) for s in task.subtasks if s.theme is not None]
        assert themed == ([(5, "security")] if task.number == 10 else [])
        # the summary states nothing under a task but its ● blocks; the full text's keyed figures
        # are cited under the task that states them
        assert [m for m in task.measures if m.span.source == "000"] == []
        assert all(any(q.indicator for q in m.quantities) for m in task.measures)


@pytest.mark.parametrize(("text", "task_number", "subtask_number"), PLACES)
def test_where_measures_sit(text: str, task_number: int, subtask_number: int) -> None:
    task, subtask, measure = _measure(text)
    assert (task.number, subtask.number) == (task_number, subtask_number)
    assert subtask.span.start <= measure.span.start < measure.span.end <= subtask.span.end


def test_every_measure_is_one_sentence_of_its_block() -> None:
    text = gwr.source("000").normalized
    for task in REPORT.tasks:
        for subtask in task.subtasks:
            assert subtask.span.exact.startswith("●" + subtask.title)
            for measure in subtask.measures:
                assert measure.text == text[measure.span.start : measure.span.end]
                assert measure.text.endswith("。")
                assert "。" not in measure.text[:-1]
                assert "\n" not in measure.text
                assert "●" not in measure.text


def test_measure_quantities() -> None:
    _, _, measure = _measure("安排超长期特别国债3000亿元支持消费品以旧换新。")
    [quantity] = measure.quantities
    assert (quantity.value, quantity.unit, quantity.indicator) == (Decimal("300000000000"), "CNY", None)
    _, _, measure = _measure("今年中央预算内投资拟安排7350亿元。")
    [quantity] = measure.quantities
    assert (quantity.value, quantity.unit, quantity.indicator) == (
        Decimal("735000000000"),
        "CNY",
        "central_budget_investment",
    )
    _, _, measure = _measure("城乡居民基础养老金最低标准再提高20元，适当提高退休人员基本养老金。")
    [quantity] = measure.quantities
    assert (quantity.value, quantity.unit, quantity.change) == (Decimal("20"), "CNY", "increase")


def test_task_spans_quote_the_title_without_its_drawn_number() -> None:
    for task in REPORT.tasks:
        assert task.title.replace("，", "\n") in task.span.exact or task.title in task.span.exact
        assert not task.span.exact[0].isdigit(), task.number  # "1010", "88" are the heading's, not the task's
    # headings drawn after their blocks: the task starts with its first ● block
    assert REPORT.task(3).span.exact.startswith("●加快建设高质量教育体系")
    assert REPORT.task(3).span.exact.endswith("深入实施科教兴国战略\n提升国家创新体系整体效能")
    # headings drawn before: the task starts with its title
    assert REPORT.task(10).span.exact.startswith("加大保障和改善民生力度\n提升社会治理效能")


def test_outline_blocks_then_tasks() -> None:
    outline = REPORT.outline
    assert all(section.kind == "block" for section in outline)
    tasks = [s for s in outline if s.number is not None]
    assert [(s.number, s.title) for s in tasks] == [(n, title) for n, title, _ in TASKS]
    assert outline[-10:] == tuple(tasks)
    headings = {s.number: s.heading.exact for s in tasks if s.heading is not None}
    assert headings[10] == "1010加大保障和改善民生力度\n提升社会治理效能"  # the number as drawn, twice
    assert headings[2] == "22因地制宜发展新质生产力，加快建设现代化产业体系"
    assert headings[6] == "有效防范化解重点领域风险\n牢牢守住不发生系统性风险底线"  # no number drawn
    # task 4's number is glued to the end of task 2's heading ("…现代化产业体系44")
    assert headings[4] == "推动标志性改革举措加快落地\n更好发挥经济体制改革牵引作用"
    assert tasks[3].span.exact.startswith("44\n●有效激发各类经营主体活力")
    for section, task in zip(tasks, REPORT.tasks, strict=True):
        assert [(c.number, c.title) for c in section.children] == [(s.number, s.title) for s in task.subtasks]
    first = [s.span.exact[:10] for s in outline[:4]]
    assert first == ["20242024", "一年来，面对外部压力", "的态势巩固延续稳", "经济规模稳步扩大，国"]


def test_outline_reaches_every_passage() -> None:
    text = gwr.source("000").normalized
    document = gwr.source("000").document("gwr-2025-summary")
    covered = [False] * len(text)

    def mark(sections: tuple[gwr.Section, ...]) -> None:
        for section in sections:
            covered[section.span.start : section.span.end] = [True] * (section.span.end - section.span.start)
            mark(section.children)

    mark(REPORT.outline)
    left = "".join(c for i, c in enumerate(text[document.start : document.end], document.start) if not covered[i])
    assert left.strip() == ""


def test_outcomes_of_2024() -> None:
    got = []
    for outcome in REPORT.outcomes:
        assert outcome.year == 2024
        assert outcome.span.source == "000"
        quantity = outcome.quantity
        got.append(
            (
                outcome.key,
                outcome.text,
                str(quantity.value) if quantity else None,
                quantity.unit if quantity else None,
                outcome.qualifier,
                quantity.change if quantity else None,
            )
        )
    assert got == OUTCOMES


def test_what_the_summary_does_not_state_is_absent() -> None:
    keys = {o.key for o in REPORT.outcomes}
    assert "deficit_ratio" not in keys
    assert "local_special_bonds" not in keys
    assert {t.key for t in REPORT.targets} == {t.key for t in gwr.report(2024).targets if t.in_passage}


def test_report_measures_are_the_prose_of_the_summary() -> None:
    texts = [m.text for m in REPORT.measures]
    assert texts[0].startswith("一年来，面对外部压力加大")
    # sentences end at 。！？ and ；, as in the full texts
    assert "单位国内生产总值能耗降幅超过3%；" in texts
    assert "可再生能源新增装机3.7亿千瓦。" in texts
    assert any(t.startswith("国务院总理李强5日在政府工作报告中指出") for t in texts)
    # labels, pull-quotes, headings and targets are no measures
    for text in texts:
        assert "20242024" not in text
        assert "今年今年" not in text
        assert not text.startswith(("培育生物制造", "持续推进“人工智能+”行动", "国内生产总值增长5%左右"))


def test_wrapped_narrow_columns_are_joined_and_two_line_headings_kept() -> None:
    text = gwr.source("000").normalized
    assert "\n安排超长期特别国债3000亿元支持消费品以旧换新。\n" in text
    assert "\n综合施策推动粮食等重要农产品价格保持在合理水平。\n" in text
    assert "\n11大力提振消费、提高投资效益，全方位扩大国内需求\n" in text
    assert "\n3深入实施科教兴国战略\n提升国家创新体系整体效能\n产业升级有新进展" in text
    assert "\n推动标志性改革举措加快落地\n更好发挥经济体制改革牵引作用\n" in text
    assert "体系44\n●有效激发各类经营主体活力\n" in text


def test_check_is_clean() -> None:
    result = gwr.check()
    assert result.ok, "\n".join(map(str, result.problems))


# --- the generator refuses an annotation it cannot place ------------------------------------


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of the annotations and bundled sources: what the generator reads."""
    root = Path(__file__).resolve().parent.parent
    shutil.copytree(root / "annotations", tmp_path / "annotations")
    shutil.copytree(root / "src" / "gwr" / "data" / "sources", tmp_path / "src" / "gwr" / "data" / "sources")
    return tmp_path


def _replace(checkout: Path, old: str, new: str) -> None:
    path = checkout / "annotations" / "summaries" / "gwr-2025.toml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_copy_generates_the_bundled_report(checkout: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    outputs = generate(checkout)
    assert outputs["reports/gwr-2025.json"] == (root / "src/gwr/data/reports/gwr-2025.json").read_bytes()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('title = "加强精神文明建设"', 'title = "加强精神文明"', "not found"),
        (
            'quote = "城镇新增就业1256万人"\nprefix = "持续推进“人工智能+”行动"\n',
            'quote = "城镇新增就业1256万人"\n',
            "found 2 times",
        ),
        ('written = "1010"', 'written = "10"', "not drawn right before its title"),
        ('written = "88"', 'written = "8888"', "does not read 8"),
        ('[[blocks]]\nquote = "今年今年"\nrole = "label"\n', "", "no block, task heading or ● block places"),
        ('title = "积极扩大有效投资"', 'title = "持续用力推动房地产市场止跌回稳"', "found 2 times|overlap"),
    ],
)
def test_an_unplaceable_quote_is_an_error(checkout: Path, old: str, new: str, message: str) -> None:
    _replace(checkout, old, new)
    with pytest.raises(AnnotationError, match=message):
        generate(checkout)
