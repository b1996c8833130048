"""The outline (issue 22): the year's tasks in every layout, sub-areas as a reader lists them,
leads, closing passages, appendices, speakers and offices.

Three kinds of evidence, none of it the reader's own output:

- the outlines a person read from six corpus texts (``tests/expected/outline/``, see its README),
  against which :func:`gwr.read` is measured (``benchmarks/outline_subareas.py`` prints it);
- the task titles read by hand from the provincial reports of 2025 (``tests/expected/provincial/``)
  and, here, from the old layouts (1978–1988, 1998): each quoted title is checked to be a heading
  of its text, so that a typo fails as a bad expectation, not as a reader bug;
- made-up texts for each rule.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import gwr
from corpus import require_corpus
from gwr._reading._outline import is_heading, sentences_of
from outline_expected import compare, expectation_files, load

ROOT = Path(__file__).resolve().parent.parent
PROVINCIAL = sorted((ROOT / "tests" / "expected" / "provincial").glob("*.toml"))
OUTLINES = expectation_files()


def _read(file: str, year: int) -> gwr.Report:
    return gwr.read((require_corpus() / file).read_text(encoding="utf-8"), year=year)


# --------------------------------------------------------------------------------------------
# the hand-read outlines
# --------------------------------------------------------------------------------------------


def test_there_are_six_outlines_of_different_layouts() -> None:
    assert len(OUTLINES) >= 6
    notes = {load(path)["note"] for path in OUTLINES}
    assert len(notes) == len(OUTLINES)


@pytest.mark.parametrize("path", OUTLINES, ids=[p.stem for p in OUTLINES])
def test_outline_expectations_quote_their_text(path: Path) -> None:
    spec = load(path)
    assert set(spec) <= {
        "file",
        "year",
        "read_by",
        "speaker",
        "speaker_office",
        "note",
        "tasks",
        "closing",
        "appendices",
    }
    text = (require_corpus() / spec["file"]).read_text(encoding="utf-8")
    for task in spec.get("tasks", []):
        assert set(task) <= {"title", "lead", "subareas"}
        for quote in [task["title"], task.get("lead", ""), *task.get("subareas", [])]:
            assert quote in text, quote
    for item in [*spec.get("closing", []), *spec.get("appendices", [])]:
        assert next(iter(item.values())) in text


@pytest.mark.parametrize("path", OUTLINES, ids=[p.stem for p in OUTLINES])
def test_the_reader_meets_the_hand_read_outline(path: Path) -> None:
    result = compare(require_corpus(), path)
    assert result.tasks.matched == result.tasks.expected == result.tasks.found, result.tasks
    assert result.subareas.recall >= 0.95, result.subareas.missing
    assert result.subareas.precision >= 0.85, result.subareas.extra
    assert result.leads.matched == result.leads.expected, result.leads.missing
    assert result.closings.matched == result.closings.expected, result.closings
    assert result.appendices.matched == result.appendices.expected == result.appendices.found, result.appendices
    assert result.speaker[0] == result.speaker[1]
    assert result.office[0] == result.office[1]


def test_sub_areas_over_all_the_outlines() -> None:
    results = [compare(require_corpus(), path) for path in OUTLINES]
    matched = sum(r.subareas.matched for r in results)
    assert matched / sum(r.subareas.found for r in results) >= 0.95
    assert matched / sum(r.subareas.expected for r in results) >= 0.98


# --------------------------------------------------------------------------------------------
# task titles read by hand
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PROVINCIAL, ids=[p.stem for p in PROVINCIAL])
def test_provincial_tasks_as_read_by_hand(path: Path) -> None:
    """The held-out task titles of the provinces of 2025 (Guangxi, Qinghai and Xizang among them:
    half-width (一), unnumbered parts) are the reader's, in order."""
    spec = tomllib.loads(path.read_text(encoding="utf-8"))
    report = _read(spec["file"], spec["year"])
    assert [t.title for t in report.tasks] == spec["tasks"]


OLD_LAYOUTS = {
    # 1983: 今后五年的主要任务 under unnumbered part headings, its areas （一）…（五）
    (1983, "national/1983.txt"): [
        "关于经济建设",
        "关于经济体制改革",
        "关于教育科技文化建设",
        "关于政法工作",
        "关于外交工作",
    ],
    # 1998: 二、关于1998年政府工作的建议, 第一，…第八，
    (1998, "national/1998.txt"): [
        "进一步稳定和加强农业",
        "国有企业改革要取得新的突破",
        "继续加强和改善宏观调控",
        "进一步提高对外开放水平",
        "积极发展科技教育文化事业",
        "努力改善城乡人民的物质文化生活",
        "积极推进政府机构改革",
        "推进祖国和平统一大业",
    ],
    # 1978: the parts after 一、三年来的斗争和新时期的总任务 (not the nine farming measures of 第一，)
    (1978, "national/1978.txt"): [
        "把揭批“四人帮”的斗争进行到底",
        "加快社会主义经济建设",
        "繁荣社会主义科学教育文化事业",
        "加强政权建设，加强各族人民的大团结",
        "国际形势和我国对外政策",
    ],
    # 1984: 关于国内建设, 一、…五、; 关于外交工作 is a part of its own
    (1984, "national/1984.txt"): [
        "认真地有步骤地改革城市经济中普遍存在的吃“大锅饭”的弊端，更好地调动企业和职工的积极性",
        "改革建筑业和基本建设的管理体制，大力提高投资效益",
        "改革流通体制，疏通流通渠道，做到货畅其流",
        "积极办好经济特区和进一步开放沿海城市，打开对外经济技术交流的新局面",
        "更加重视知识和知识分子的作用，加强智力开发，不断提高职工队伍的素质",
    ],
}


@pytest.mark.parametrize(("key", "titles"), sorted(OLD_LAYOUTS.items()), ids=[str(k[0]) for k in sorted(OLD_LAYOUTS)])
def test_old_layouts_give_their_tasks(key: tuple[int, str], titles: list[str]) -> None:
    year, file = key
    text = (require_corpus() / file).read_text(encoding="utf-8")
    for title in titles:
        assert re.search(
            rf"(?m)^\s*(?:[（(]?[一二三四五六七八九十]+[、）)]|第[一二三四五六七八九十]+，)?{re.escape(title)}", text
        )
    assert [t.title for t in _read(file, year).tasks] == titles


def test_1988_gives_its_ten_main_tasks() -> None:
    report = _read("national/1988.txt", 1988)
    assert len(report.tasks) == 10  # 国务院要在今后五年里努力实现以下的十项主要任务
    assert report.tasks[0].title.startswith("大力发展农业生产和加强基础工业")
    assert report.tasks[-1].title == "随着经济建设的发展，进一步加强国防建设"


def test_1987_gives_its_parts_after_the_review() -> None:
    tasks = _read("national/1987.txt", 1987).tasks
    assert [t.title for t in tasks][::2] == ["坚持长期稳定发展经济的方针", "巩固和发展安定团结的政治局面"]
    assert tasks[1].title.startswith("深入改革经济体制和扩大对外开放")  # a heading run into its paragraph


def test_1984_keeps_foreign_affairs_out_of_task_5() -> None:
    report = _read("national/1984.txt", 1984)
    assert "关于外交工作" not in report.task(5).span.exact
    assert [s.title for s in report.outline if s.kind == "closing"][:2] == ["关于外交工作", "结束语"]


def test_a_report_without_a_task_list_says_so() -> None:
    report = _read("national/1985.txt", 1985)
    assert report.tasks == ()
    assert "no task list: the reader found no numbered tasks" in report.warnings
    assert any(w.startswith("the year's tasks: the text numbers no list") for w in report.warnings)
    assert gwr.report(1985).warnings == report.warnings[1:]  # the data says so too


@pytest.mark.parametrize(
    ("file", "count", "first"),
    [
        ("provincial/2025/sichuan.txt", 9, "全方位扩大内需，稳住经济大盘"),  # unnumbered parts
        ("provincial/2025/gansu.txt", 8, "聚焦全方位扩大内需，着力提消费促投资"),  # 一是… lines
        ("provincial/2025/xinjiang.txt", 10, "加快重点领域和关键环节改革，不断激发经济发展内生动力和活力"),  # (一)
        ("provincial/2026/gansu.txt", 8, "放大促消费扩投资政策效应"),  # a web page, unnumbered parts
    ],
)
def test_provincial_layouts_that_gave_no_tasks(file: str, count: int, first: str) -> None:
    report = _read(file, int(file.split("/")[1]))
    assert (len(report.tasks), report.tasks[0].title) == (count, first)
    assert report.warnings == ()


def test_the_2026_national_last_task_has_its_four_sub_areas() -> None:
    report = _read("national/2026.txt", 2026)
    assert [s.title for s in report.task(10).subtasks] == [
        "着力稳定房地产市场",
        "积极有序化解地方政府债务风险",
        "积极稳妥化解金融领域风险",
        "维护国家安全和社会稳定",
    ]
    closing = [s for s in report.outline if s.kind == "closing"]
    assert closing[0].heading is not None
    assert closing[0].heading.exact.startswith("新的形势和任务")
    assert all(not s.title.startswith("各位代表") for t in report.tasks for s in t.subtasks)


# --------------------------------------------------------------------------------------------
# the rules, on made-up texts
# --------------------------------------------------------------------------------------------


def _paragraph(text: str) -> list[gwr._reading._outline.Sentence]:
    return sentences_of("x", text, 0, len(text))


@pytest.mark.parametrize(
    ("paragraph", "heading"),
    [
        ("促进消费稳定增长。要综合施策，释放消费潜力。", True),
        ("推动自由贸易港政策红利加速释放。", True),  # a heading on a line of its own
        ("要守好安全生产底线。紧紧扭住重预防、强基础。", True),
        ("稳定发展农业生产，多渠道增加农民收入。提高粮食最低收购价。", True),
        ("就业是最基本的民生。要突出就业优先导向。", False),  # a copula: a statement
        ("今年改革的重点任务是：深化财税金融体制改革。", False),  # a framing sentence
        ("新的形势和任务，对政府工作提出了更高要求。我们要……", False),
        ("我们要强化法治政府建设，深入推进依法行政。", False),
        ("推进城市更新立法，完成投资220亿元。", False),  # a figure: a measure
        ("稳增长和调结构相辅相成。", False),
        ("〔注〕这里列举的各年粮食总产量，都扣除了大豆的产量。", False),
        ("各位代表！蓝图已经绘就。", False),
        ("（4）对全国科技人员，建立分级管理制度。", False),
        ("以汽车、钢铁、造船、水泥等行业为重点，控制增量，优化存量，推动企业兼并重组，提高产业集中度。", False),
    ],
)
def test_a_heading_is_a_title_not_a_statement(paragraph: str, heading: bool) -> None:
    assert is_heading(_paragraph(paragraph)) is heading


MADE_UP = """示例省政府工作报告
——2030年1月10日在示例省第一届人民代表大会第一次会议上
示例省人民政府省长 张三
各位代表：
2029年工作回顾
过去一年，全省地区生产总值增长5.8%。
2030年工作安排
今年全省经济社会发展的主要预期目标是：地区生产总值增长6%左右。
(一)扩大有效需求
坚持内需主导，统筹促消费和扩投资，增强经济发展动力。
促进消费增长。实施提振消费专项行动。
消费是经济增长的主引擎。要更好发挥消费的基础性作用。
〔注〕消费数据为初步统计。
扩大有效投资。发行地方政府专项债券800亿元。
(二)发展新质生产力
推进科技创新。建设一批创新平台。
加快产业升级。改造提升传统产业。
(三)保障和改善民生
稳定和扩大就业。城镇新增就业60万人。
新形势新任务对政府工作提出新的更高要求。我们要加强政府自身建设。
我们要支持国防和军队现代化建设。
各位代表！让我们团结奋斗！
名词解释
1.“两重”：国家重大战略实施和重点领域安全能力建设。
2.“两新”：大规模设备更新和消费品以旧换新。
相关报道：
"""


def test_a_made_up_report_reads_as_a_reader_lists_it() -> None:
    report = gwr.read(MADE_UP, kind="provincial", region="CN-BJ")
    assert (report.speaker, report.speaker_office) == ("张三", "示例省人民政府省长")
    assert [t.title for t in report.tasks] == ["扩大有效需求", "发展新质生产力", "保障和改善民生"]
    first = report.task(1)
    assert first.lead is not None
    assert first.lead.exact.startswith("坚持内需主导")
    assert [s.title for s in first.subtasks] == ["促进消费增长", "扩大有效投资"]  # no statement, no note
    assert "消费是经济增长的主引擎" in first.subtasks[0].span.exact  # a paragraph continuing its sub-area
    assert [s.title for s in report.task(3).subtasks] == ["稳定和扩大就业"]  # the closing is not a sub-task
    kinds = [(s.kind, s.title) for s in report.outline if s.kind in ("closing", "appendix")]
    assert [k for k, _ in kinds] == ["closing", "closing", "closing", "appendix"]
    appendix = report.outline[-1]
    assert (appendix.title, [c.title for c in appendix.children]) == ("名词解释", ["“两重”", "“两新”"])
    assert "相关报道" not in appendix.span.exact
    source = gwr.source(report.witnesses[0])
    assert [d.kind for d in source.documents] == ["report", "appendix"]
    assert gwr.check(report).ok


def test_no_task_list_in_a_made_up_text_is_said() -> None:
    text = "政府工作报告\n各位代表：\n一、2029年工作回顾\n过去一年，经济平稳。\n让我们团结奋斗！\n"
    report = gwr.read(text, year=2030)
    assert report.tasks == ()
    assert "no task list: the reader found no numbered tasks" in report.warnings


# --------------------------------------------------------------------------------------------
# the data
# --------------------------------------------------------------------------------------------


def test_cited_reports_ship_their_appendices_and_no_leads() -> None:
    for report_id, titles in {
        "provincial-2025-CN-SC": ["名词解释"],
        "provincial-2025-CN-GD": ["2025年省十件民生实事", "名词解释"],
    }.items():
        report = gwr.report(report_id)
        appendices = [s for s in report.outline if s.kind == "appendix"]
        assert [s.title for s in appendices] == titles
        assert all(s.heading is not None and s.span == s.heading for s in appendices)  # the heading only
        assert all(t.lead is None for t in report.tasks)
        assert not any(t.title in ("名词解释", "附件") for t in report.tasks)
    assert gwr.report("provincial-2025-CN-SC").speaker_office == "四川省人民政府省长"


def test_a_glossary_is_searchable_where_the_corpus_is_at_hand() -> None:
    hits = gwr.search("两重", corpus=require_corpus(), kinds="appendix")
    assert "provincial-2025-CN-SC-appendix-1" in {h.document for h in hits}
    assert all(h.report is not None and h.document.startswith(h.report) for h in hits)
    assert not gwr.search("两重", kinds="report", documents="gwr-2024").title.endswith("appendix")
    assert all(h.document != "provincial-2025-CN-SC-appendix-1" for h in gwr.search("两重"))  # not at hand
