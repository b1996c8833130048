"""The related documents (speeches, press conference, summaries) and the boxes that repeat them.

Read by hand from the sources: 003 holds two speeches, the full 2024 report and a press
conference; at the top of the first speech, under its headline, a box of eight ■ paragraphs
repeats the speech's own sentences. 001's news summary has an infographic set into it that
repeats the summary.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import gwr

# (source, document id, kind, repeats, what its normalized text starts with)
DOCUMENTS = [
    ("000", "gwr-2025-summary", "report_summary", None, "●加快建设高质量教育体系"),
    ("001", "gwr-2024-news-summary", "news_summary", None, "李强在十四届全国人大二次会议上所作的《政府工作报告》摘要"),
    ("001", "gwr-2024-news-summary-infographic", "infographic", "gwr-2024-news-summary", "2024年\n政府工作报告\n"),
    ("002", "gwr-2024-part-three", "report_part", None, "三、2024年政府工作任务"),
    ("003", "speech-2024-01-31", "speech", None, "习近平在中共中央政治局第十一次集体\n学习时强调"),
    ("003", "speech-2024-01-31-key-points", "key_points", "speech-2024-01-31", "■必须牢记高质量发展是新时代的硬道理"),
    ("003", "speech-2024-03-05", "speech", None, "习近平在参加江苏代表团审议时强调\n因地制宜发展新质生产力"),
    ("003", "gwr-2024-full", "report", None, "政府工作报告\n——2024年3月5日"),
    ("003", "press-2024-03-09", "press_conference", None, "民生主题记者会上，教育部部长怀进鹏答问全记录"),
    ("004", "plan-2024-full", "report", None, "关于2023年国民经济和社会发展计划执行情况"),
]  # fmt: skip


def test_every_document() -> None:
    got = []
    for source in (s for s in gwr.sources() if s.bundled):
        for document in source.documents:
            got.append(
                (
                    source.id,
                    document.id,
                    document.kind,
                    document.repeats,
                    source.normalized[document.start : document.end][: len(DOCUMENTS[len(got)][4])],
                )
            )
    assert got == DOCUMENTS


def test_the_key_points_box_of_the_first_speech() -> None:
    source = gwr.source("003")
    speech = source.document("speech-2024-01-31")
    box = source.document("speech-2024-01-31-key-points")
    text = source.normalized
    # the box lies inside the speech, between its headline and its dateline
    assert speech.start < box.start < box.end < speech.end
    assert (
        text[speech.start : box.start]
        == "习近平在中共中央政治局第十一次集体\n学习时强调\n加快发展新质生产力扎实推进高质量发展\n"
    )
    assert text[box.end :].startswith(
        "新华社北京2月1日电中共中央政治局1月31日下午就扎实推进高质量发展进行第十一次集体学习。"
    )
    paragraphs = text[box.start : box.end].strip("\n").split("\n")
    # raw lines 4-12: eight ■ paragraphs, the first broken over two lines
    assert len(paragraphs) == 9
    assert sum(p.startswith("■") for p in paragraphs) == 8
    # it repeats the speech: every sentence of the box is one of the speech's own
    body = text[box.end : speech.end]
    for sentence in re.findall(r"[^。■\n]+。", text[box.start : box.end]):
        assert sentence in body, sentence


def test_the_infographic_of_the_news_summary() -> None:
    source = gwr.source("001")
    summary = source.document("gwr-2024-news-summary")
    box = source.document("gwr-2024-news-summary-infographic")
    text = source.normalized
    assert summary.start < box.start < box.end < summary.end
    opening = "过去一年，是全面贯彻党的二十大精神的开局之年，是本届政府依法履职的第一年。"
    assert text[box.start : box.end].count(opening) == 1
    assert text[summary.start : box.start].count(opening) == 1  # stated before, in the summary
    assert text[box.end :].startswith("一年来强化生态环境保护治理加快发展方式绿色转型")


def test_speeches_press_conference_and_summary_are_searchable_documents() -> None:
    kinds = {d.id: d.kind for s in gwr.sources() if s.bundled for d in s.documents}
    assert kinds["speech-2024-03-05"] == "speech"
    assert kinds["press-2024-03-09"] == "press_conference"
    assert kinds["gwr-2024-news-summary"] == "news_summary"
    text = gwr.source("003").normalized
    press = gwr.source("003").document("press-2024-03-09")
    assert text[press.start : press.end].rstrip().endswith("谢谢您的提问。")
    jiangsu = gwr.source("003").document("speech-2024-03-05")
    assert "因地制宜发展新质生产力" in text[jiangsu.start : jiangsu.end]


def test_documents_tile_their_source_but_for_boxes() -> None:
    for source in (s for s in gwr.sources() if s.bundled):
        tops = [d for d in source.documents if d.repeats is None]
        assert tops[0].start == 0
        assert tops[-1].end == len(source.normalized)
        for before, after in itertools.pairwise(tops):
            assert before.end == after.start


def test_a_box_outside_its_document_is_a_problem(data_copy: Path) -> None:
    path = data_copy / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    source = next(s for s in manifest["sources"] if s["id"] == "003")
    box = next(d for d in source["documents"] if d["id"] == "speech-2024-01-31-key-points")
    box["end"] = 4000  # past the speech's end
    box["repeats"] = "speech-2024-01-32"
    path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    problems = [str(p) for p in gwr.check(data_copy).problems]
    where = "sources[003].documents[speech-2024-01-31-key-points]"
    assert f"{where}: a box does not lie inside the document before it" in problems
    assert f"{where}: repeats 'speech-2024-01-32', which is no other document of the source" in problems
