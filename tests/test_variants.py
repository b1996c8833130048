"""Variants between the witnesses of the 2024 report, against readings found by hand.

Each expected variant below was read side by side in the sources: 003 (the full text) with 002
(the newspaper's part three) and with 001 (the news agency's summary of part one).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gwr
from gwr._model._records import Document, Source
from gwr._reading._normalize import normalize
from gwr.build.generate import Corpus
from gwr.build.variants import WitnessNote, _witness, compare

# (part, kind, what 003 reads, what the other witness reads), in the order of 003.
EXPECTED = [
    (1, "wording", "地方层面有序展开", "001", "地方层面有序推进"),
    (1, "wording", "全年新增装机超过全球一半", "001", "全年新增装机超过全年的半"),
    (1, "wording", "清理一批妨碍公平竞争的政策规定", "001", "清理一批妨碍公平竞争的政策措施"),
    (1, "wording", "加强生态环保督察", "001", "加强生态环境保护督察"),
    (1, "wording", "国家助学贷款提标降息惠及1100多万学生", "001", "国家助学贷款指标降息惠及1100多万学生"),
    (1, "wording", "大力提升治理效能", "001", "大力提升治督效能"),
    (1, "wording", "全面提高政府履职能力", "001", "全面提高政府履职能"),
    # 001 breaks off inside a word, with no full stop: a truncation, as 履职能 is
    (1, "wording", "自觉依法接受监督", "001", "自觉依法接受监"),
    (1, "wording", "习近平主席等党和国家领导人出访多国", "001", "习近平主席等党和国家领导人出席多国"),
    (1, "wording", "东亚合作领导人系列会议等重大多双边活动", "001", "东亚合作领导人系列会议等重大双边活动"),
    (1, "wording", "部分中小企业和个体工商户经营困难", "001", "部分中小企业经营困难"),
]
# 002 has three sentences of part three that the full text lacks.
OMITTED_BY_003 = (
    "开展基础教育扩优提质行动，加快义务教育优质均衡发展和城乡一体化，改善农村寄宿制学校办学条件，"
    "持续深化“双减”，推动学前教育普惠发展，加强县域普通高中建设。减轻中小学教师非教学负担。"
    "办好特殊教育、继续教育，引导规范民办教育发展，大力提高职业教育质量。"
)

VARIANTS = gwr.variants(2024)


def test_the_variants_found() -> None:
    wording = [
        (v.part, v.kind, v.readings["003"], *next((s, r) for s, r in v.readings.items() if s != "003"))
        for v in VARIANTS
        if v.kind == "wording"
    ]
    assert wording == EXPECTED  # fmt: skip
    # the passage 003 lacks, against 002 and against the corpus copy (national-2024)
    assert [v.kind for v in VARIANTS].count("omission") == 2
    assert [v.kind for v in VARIANTS].count("transposition") == 1
    assert len(VARIANTS) == 14


def test_a_passage_the_full_text_lacks() -> None:
    variant, corpus_copy = [v for v in VARIANTS if v.kind == "omission"]
    assert corpus_copy.part == 3
    assert corpus_copy.readings == {"003": "", "national-2024": OMITTED_BY_003}
    assert variant.part == 3
    assert variant.readings == {"003": "", "002": OMITTED_BY_003}
    where = variant.span("003")
    assert where.start == where.end
    assert where.prefix.endswith("思想政治教育一体化建设。")
    assert where.suffix.startswith("实施高等教育综合改革试点")
    assert variant.span("002").prefix.endswith("思想政治教育一体化建设。")


def test_a_passage_the_summary_moved() -> None:
    [variant] = [v for v in VARIANTS if v.kind == "transposition"]
    assert variant.part == 1
    full, summary = variant.span("003"), variant.span("001")
    assert full.exact.startswith("坚持把政治建设摆在首位，全面提高政府履职能力。")
    assert full.exact.endswith("自觉依法接受监督。")
    assert summary.exact.startswith("坚持把政治建设摆在首位，全面提高政府履职能。")
    assert full.suffix.startswith("认真办理人大代表建议")  # in 003 before the rest of the item
    assert summary.prefix.endswith("扎实做好信访工作。")  # in 001 after it


def test_locations_point_into_the_witnesses() -> None:
    for variant in VARIANTS:
        assert variant.report == "gwr-2024"
        assert variant.witnesses[0] == "003"
        assert set(variant.witnesses) in ({"003", "001"}, {"003", "002"}, {"003", "national-2024"})
        assert variant.part == (1 if "001" in variant.witnesses else 3)
        for span in variant.spans:
            if not gwr.source(span.source).bundled:
                continue  # a cited text: check(corpus=...) verifies it
            text = gwr.source(span.source).normalized
            assert text[span.start : span.end] == span.exact == variant.readings[span.source]
    full = gwr.source("003").document("gwr-2024-full")
    assert all(full.start <= v.span("003").start <= full.end for v in VARIANTS)


def test_no_variant_is_damage_or_abridgement() -> None:
    for variant in VARIANTS:
        readings = list(variant.readings.values())
        assert len(set(readings)) == 2
        assert variant.readings.get("001") != ""  # the summary leaving a passage out is no variant
        for reading in readings:
            assert " " not in reading
            assert "\n" not in reading or variant.kind != "wording"
    # nothing from 001's own headlines and datelines, nor from its infographic box
    box = gwr.source("001").document("gwr-2024-news-summary-infographic")
    for variant in VARIANTS:
        if "001" in variant.witnesses:
            assert "新华社" not in variant.readings["001"]
            assert not box.start <= variant.span("001").start < box.end


def test_ways_to_name_the_report() -> None:
    assert gwr.variants("gwr-2024") == VARIANTS
    assert gwr.variants(gwr.report(2024)) == VARIANTS
    assert gwr.variants("2024") == VARIANTS
    assert gwr.variants(2025) == ()
    assert gwr.variants("plan-2024") == ()
    assert gwr.variants(1999) == ()  # a cited report: one witness, no variants
    with pytest.raises(gwr.NotFoundError, match="gwr-1970"):
        gwr.variants(1970)
    with pytest.raises(gwr.InvalidTypeError):
        gwr.variants(2024.0)  # type: ignore[arg-type]
    with pytest.raises(gwr.NotFoundError, match="004"):
        VARIANTS[0].span("004")


def test_variants_are_checked(data_copy: Path) -> None:
    path = data_copy / "variants" / "gwr-2024.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data[0]["spans"][1]["exact"] = "地方层面有序展开"
    data[1]["spans"][0]["start"] += 1
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = gwr.check(data_copy)
    messages = [str(p) for p in result.problems]
    assert any(m.startswith("gwr-2024.variants[0].spans[001]: exact") for m in messages), messages
    assert any(m.startswith("gwr-2024.variants[0]: its witnesses read the same") for m in messages), messages
    assert any(m.startswith("gwr-2024.variants[1].spans[003]") for m in messages), messages
    # gwr-2024's variants, and those of the cited reports with a second witness where it is at hand
    checked = [r for r in gwr.reports() if r.id not in result.unverified]
    assert result.counts["variants"] == sum(len(gwr.variants(r)) for r in checked)
    assert len(gwr.variants(2024)) == len(VARIANTS)


def test_a_missing_variants_file_is_a_problem(data_copy: Path) -> None:
    (data_copy / "variants" / "gwr-2024.json").unlink()
    result = gwr.check(data_copy)
    assert any(p.path == "gwr-2024.variants" for p in result.problems)


# --- the rules, on small texts --------------------------------------------------------------


def _compare(
    primary: str, second: str, *, abridged: bool, ignore: tuple[str, ...] = (), primary_ignore: tuple[str, ...] = ()
) -> list[gwr.Variant]:
    def source(source_id: str, text: str) -> Source:
        document = Document(id=f"doc-{source_id}", title="", kind="report", date="", start=0, end=len(text))
        return Source(source_id, "", "", "", "", "", "one_per_line", 2, "", (document,))

    primary, second = normalize(primary, "one_per_line").text, normalize(second, "one_per_line").text
    corpus = Corpus((source("P", primary), source("S", second)), {"P": primary, "S": second})
    note = WitnessNote(
        part=1, primary="doc-P", witness="doc-S", abridged=abridged, ignore=ignore, primary_ignore=primary_ignore
    )
    first = _witness(corpus, note.primary, None, None, note.primary_ignore, Path("x"))
    other = _witness(corpus, note.witness, None, None, note.ignore, Path("x"))
    return compare("r", 1, first, other, abridged=abridged)


FULL = (
    "一是加大宏观调控力度，推动经济运行持续好转。全年新增税费优惠超过2.2万亿元。两次降低存款准备金率。\n二是深化改革。"
)


def test_damage_and_punctuation_are_no_variants() -> None:
    damaged = (
        "一是加大宏观调控力度 推动经济运行持续好转。全年新增税费优惠超过２.２万亿元；"
        "两次降低存款准备金率。\n二是深化\n改革。"
    )
    assert _compare(FULL, damaged, abridged=False) == []


def test_a_summary_leaving_out_sentences_and_clauses_is_no_variant() -> None:
    summary = "加大宏观调控力度。两次降低存款准备金率。"
    assert _compare(FULL, summary, abridged=True, primary_ignore=("^[一二]是",)) == []
    # a complete witness lacking passages: a clause, and two sentences
    variants = _compare(FULL, summary, abridged=False, primary_ignore=("^[一二]是",))
    assert [(v.kind, v.readings["P"], v.readings["S"]) for v in variants] == [
        ("omission", "推动经济运行持续好转", ""),
        ("omission", "全年新增税费优惠超过2.2万亿元。", ""),
        ("omission", "二是深化改革。", ""),
    ]


def test_a_different_word_is_a_variant() -> None:
    summary = "一是加大宏观调控力度，推动经济运行持续向好。"
    [variant] = _compare(FULL, summary, abridged=True)
    assert variant.kind == "wording"
    assert variant.readings == {"P": "推动经济运行持续好转", "S": "推动经济运行持续向好"}


def test_a_passage_only_the_second_witness_has_is_a_variant() -> None:
    longer = FULL.replace("两次降低存款准备金率。", "两次降低存款准备金率。两次下调政策利率。")
    [variant] = _compare(FULL, longer, abridged=True)
    assert variant.kind == "omission"
    assert variant.readings == {"P": "", "S": "两次下调政策利率。"}


def test_a_witness_cut_off_inside_a_clause_is_a_variant() -> None:
    # cut off inside a word with no full stop (001's 自觉依法接受监), and before a full stop
    # (001's 全面提高政府履职能。): both truncations, both recorded
    cut = "一是加大宏观调控力度，推动经济运行持续好"
    [variant] = _compare(FULL, cut, abridged=True)
    assert (variant.kind, variant.readings) == ("wording", {"P": "推动经济运行持续好转", "S": "推动经济运行持续好"})
    stopped = "一是加大宏观调控力度，推动经济运行持续好。"
    [variant] = _compare(FULL, stopped, abridged=True)
    assert (variant.kind, variant.readings) == ("wording", {"P": "推动经济运行持续好转", "S": "推动经济运行持续好"})
    # cut off at a clause boundary: whole clauses left out, which a summary may do
    assert _compare(FULL, "一是加大宏观调控力度，", abridged=True) == []
