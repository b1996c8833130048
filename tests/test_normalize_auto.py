"""The ``auto`` normalization profile: properties over damaged text, and real corpus snippets.

The corpus expectations were read by hand from the raw files of ``../shared/corpus`` (found
through ``GWR_CORPUS``); the tests that need it skip when it is absent.
"""

from __future__ import annotations

import itertools
import json
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gwr
from corpus import require_corpus
from gwr._reading._normalize import normalize

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CJK_PUNCTUATION = "。，、；：？！“”（）《》—…●■－"
MARKUP = re.compile(r"\[bookmark: [^\]]*\]")

# Text made of the damage the corpus shows: zero-width characters (alone on a line, too),
# every kind of space and line break, full-width digits and points, spaced digits, inline
# elements broken onto their own lines, bare heading numbers, salutations, the targets lead-in,
# range dashes, wiki and HTML markup.
damaged = st.lists(
    st.one_of(
        st.sampled_from(list("国内生产总值增长左右以上城镇新增就业萬億斤們")),
        st.sampled_from(list(CJK_PUNCTUATION)),
        st.sampled_from([*"0123456789", "０", "１", "９", "．", "％", "1 9 9 8 ", "8 ．8 ％", "5.5"]),
        st.sampled_from(["PM", "M", "PM\n2.5\n", "M\n2\n", "Public domain", "R&D"]),
        st.sampled_from([" ", "\u3000", "\u2003", "\xa0", "\t", "\u3000\u3000"]),
        st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n", "\r", "\u2028", "\n\u3000\u3000\n"]),
        st.sampled_from(["\u200b", "\n\u200b\n", "\n\u200b\n\n", "\u200d", "\ufeff"]),
        st.sampled_from(["[bookmark: _GoBack]", "'''", "'", "PM_2.5", "<sub>", "</sub>"]),
        st.sampled_from(["（一）", "一、", "第一，", "一是", "各位代表：", "各位代表！", "主要预期目标是："]),
        st.sampled_from(["－", "—", "-", "至", "《", "》", "政府工作报\n告"]),
    ),
    max_size=60,
).map("".join)
# A text wrapped at a column width (PDF extraction), and a long text on one line whose spaces
# separate paragraphs.
wrapped = st.lists(
    st.sampled_from(
        [
            "党中央对今年工作作出了全面部",
            "署，我们要深入贯彻落实，紧紧抓住主要",
            "矛盾，着力突破瓶颈制约，扎实做好各项",
            "工作。",
            "三、2024年政府工作任务",
            "（一）大力推进现代化产业体系建",
            "各位代表！",
            "",
        ]
    ),
    max_size=40,
).map("\n".join)
one_line = st.lists(
    st.sampled_from(["国内生产总值增长5%左右。", " ", "M 2 ）", "PM 2.5 控制", "各位代表：", "（一）", "\u3000"]),
    min_size=100,
    max_size=300,
).map("".join)
any_text = st.one_of(damaged, wrapped, one_line, st.text(max_size=60))


def _kept(text: str) -> list[str]:
    return [c for c in text if HAN.match(c) or c in CJK_PUNCTUATION]


@given(raw=any_text)
@settings(max_examples=500, deadline=None)
def test_idempotent(raw: str) -> None:
    once = normalize(raw, "auto").text
    assert normalize(once, "auto").text == once


@given(raw=any_text)
@settings(max_examples=500, deadline=None)
def test_chinese_characters_and_punctuation_kept_in_order(raw: str) -> None:
    assert _kept(normalize(raw, "auto").text) == _kept(MARKUP.sub("", raw))


@given(raw=any_text)
@settings(max_examples=500, deadline=None)
def test_offset_map_is_strictly_increasing_and_lands_on_the_same_characters(raw: str) -> None:
    result = normalize(raw, "auto")
    assert len(result.raw_offsets) == len(result.text)
    assert all(a < b for a, b in itertools.pairwise(result.raw_offsets))
    for char, at in zip(result.text, result.raw_offsets, strict=True):
        original = raw[at]
        if char in "\n ":
            assert original.isspace()
        elif char != original:
            assert ord(original) - 0xFEE0 == ord(char)  # full-width folding only


@given(raw=damaged)
@settings(max_examples=200, deadline=None)
def test_to_raw_covers_the_same_characters(raw: str) -> None:
    result = normalize(raw, "auto")
    for start in range(0, len(result.text), 3):
        end = min(len(result.text), start + 5)
        raw_start, raw_end = result.to_raw(start, end)
        assert _kept(raw[raw_start:raw_end]) == _kept(result.text[start:end])
        assert raw_end <= result.raw_length


@given(raw=any_text)
@settings(max_examples=300, deadline=None)
def test_a_paragraph_is_a_line(raw: str) -> None:
    text = normalize(raw, "auto").text
    assert "\n\n" not in text
    assert "\r" not in text
    assert not text.startswith("\n")
    assert not text.endswith("\n")
    assert not any(line != line.strip(" ") for line in text.split("\n"))
    assert not re.search("[\u200b\u200c\u200d\u2060\ufeff\u3000\u2003\xa0\t０-９％]", text)


def test_synthetic_damage() -> None:
    cases = {
        "第一行\r\n第二行\r\n": "第一行\n第二行",
        "政府工作报\n告\n各位代表：\n现在。\n一\n今年。": "政府工作报告\n各位代表：\n现在。\n一\n今年。",
        "社会财产沒\n\u200b\n有遭到損坏。\n\n\u200b\n　　过去": "社会财产沒有遭到損坏。\n过去",
        "细颗粒物（PM\n2.5\n）浓度": "细颗粒物（PM2.5）浓度",
        "广义货币M\n2\n增长": "广义货币M2增长",
        "本届政府从1 9 9 3 年3 月就职，增长8 ．8 ％": "本届政府从1993年3月就职，增长8.8%",
        "3．10种有色金属\n增长１１．１％": "3．10种有色金属\n增长11.1%",
        "'''——改革开放进一步深化。'''": "——改革开放进一步深化。",
        "PM_2.5浓度<sub>x</sub>": "PM2.5浓度x",
        "增长6.5%－7%，5—6倍，2-3年，5至6个": "增长6.5%－7%，5—6倍，2-3年，5至6个",
        "\u3000\u3000一、2024年工作回顾\u2003\n来源：青海日报\xa0\xa0\xa0": "一、2024年工作回顾\n来源：青海日报",
    }
    for raw, expected in cases.items():
        assert normalize(raw, "auto").text == expected, raw


def test_header_lines_stay_apart_in_a_text_whose_paragraphs_blank_lines_separate() -> None:
    raw = (
        "2025年某省政府工作报告\n来源：某日报\n——2025年1月14日在某省第十四届人民代表大会第三次会议上\n"
        "省长 某某\n\n各位代表：\n\n现在，我代表省人民政府向大会\n报告工作。\n\n一、2024年工作回顾\n\n"
        "过去一年很不平凡。\n\n我们做了以下工作。\n\n二、2025年工作安排\n\n今年任务很重。\n\n"
    )
    assert normalize(raw, "auto").text.split("\n")[:6] == [
        "2025年某省政府工作报告",
        "来源：某日报",
        "——2025年1月14日在某省第十四届人民代表大会第三次会议上",
        "省长某某",
        "各位代表：",
        "现在，我代表省人民政府向大会报告工作。",
    ]


def test_a_text_wrapped_at_a_column_width_is_joined_into_paragraphs() -> None:
    raw = "\n\n".join(
        [
            "三、2024年政府工作任务",
            "党中央对今年工作作出了全面部",
            "署，我们要深入贯彻落实，紧紧抓住主要",
            "矛盾，着力突破瓶颈制约，扎实做好各项",
            "工作。",
            "（一）大力推进现代化产业体系建",
            "设，加快发展新质生产力。充分发挥创",
            "新主导作用，以科技创新推动产业创新，",
            "加快推进新型工业化，提高全要素生产",
            "率，不断塑造发展新动能新优势，促进社",
            "会生产力实现新的跃升。",
        ]
    )
    assert normalize(raw, "auto").text.split("\n") == [
        "三、2024年政府工作任务",
        "党中央对今年工作作出了全面部署，我们要深入贯彻落实，紧紧抓住主要矛盾，着力突破瓶颈制约，扎实做好各项工作。",
        "（一）大力推进现代化产业体系建设，加快发展新质生产力。充分发挥创新主导作用，以科技创新推动产业创新，"
        "加快推进新型工业化，提高全要素生产率，不断塑造发展新动能新优势，促进社会生产力实现新的跃升。",
    ]


def test_the_seed_sources_read_as_their_own_profiles_read_them() -> None:
    # auto knows no source by name; measured against the profile written for each source
    for source_id, share in (("003", 1.0), ("004", 1.0), ("002", 0.85), ("001", 0.7)):
        source = gwr.source(source_id)
        auto = normalize(source.text, "auto").text
        assert auto.replace("\n", "") == source.normalized.replace("\n", "")
        expected = [line for line in source.normalized.split("\n") if line]
        same = set(auto.split("\n"))
        assert sum(1 for line in expected if line in same) >= share * len(expected), source_id


# --------------------------------------------------------------------------------------------
# the corpus


def _corpus() -> Path:
    return require_corpus()


@cache
def _normalized(name: str) -> str:
    return normalize((_corpus() / name).read_text(encoding="utf-8"), "auto").text


def _corpus_files() -> list[str]:
    try:
        return [entry["file"] for entry in json.loads((_corpus() / "corpus.json").read_text(encoding="utf-8"))]
    except pytest.skip.Exception:
        return []


@pytest.mark.parametrize("name", _corpus_files() or ["(corpus absent)"])
def test_every_corpus_file_normalizes_idempotently_with_an_exact_map(name: str) -> None:
    raw = (_corpus() / name).read_text(encoding="utf-8")
    result = normalize(raw, "auto")
    assert normalize(result.text, "auto").text == result.text
    assert _kept(result.text) == _kept(raw)
    for char, at in zip(result.text, result.raw_offsets, strict=True):
        assert char == raw[at] or raw[at].isspace() or ord(raw[at]) - 0xFEE0 == ord(char)
    assert "\n\n" not in result.text


def test_links_broken_onto_their_own_lines_are_joined_and_traditional_characters_kept() -> None:
    text = _normalized("national/1954.txt")
    assert "在聽了劉少奇同志關於憲法草案的報告並進行了三天的討論以後" in text
    assert "通過了我們國家的根本法——中華人民共和國憲法，接着，又通過了幾個重要的法律。" in text
    assert "美國參加簽訂的「開羅宣言」和「波茨坦公告」都肯定台灣是中國的領土" in text


def test_inline_names_with_digits_are_joined() -> None:
    text = _normalized("national/2014.txt")
    assert "广义货币M2增长13.6%，符合调控要求。" in text
    assert "以细颗粒物（PM2.5）和可吸入颗粒物（PM10）治理为突破口" in text
    assert "今年广义货币M2预期增长13%左右。" in text
    assert "PM2.5浓度控制在30" in _normalized("provincial/2025/ningxia.txt")  # PM_2.5 in the raw text


def test_a_split_title_and_the_header_lines_of_2017() -> None:
    text = _normalized("national/2017.txt")
    assert text.startswith(
        "政府工作报告\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n国务院总理李克强\n"
        "各位代表：\n现在，我代表国务院，向大会报告政府工作，"
    )
    assert "国内生产总值达到74.4万亿元，增长6.7%，名列世界前茅" in text  # a U+200B line inside
    assert "新增第四代移动通信用户3.4亿、光缆线路550多万公里。" in text
    assert _normalized("national/2024.txt").startswith(
        "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理李强\n各位代表："
    )  # 国务院总理\u3000\n李\u3000强 in the raw text


def test_zero_width_lines_inside_a_sentence_are_joined_and_between_paragraphs_kept() -> None:
    text = _normalized("national/1957.txt")
    assert "在这样一个大革命的过程里，社会财产沒有遭到損坏，社会秩序沒有發生混乱" in text
    assert "1956年末增加到二千四百万人，其中有私营企业转为国营" in text  # U+200B then a blank line
    assert "\n过去进行的五大运动，" in text
    assert "\u200b" not in text
    assert "各位代表：\n现在，我代表国务院" in _normalized("national/2015.txt")  # U+200D after the colon


def test_indents_of_every_width_are_removed() -> None:
    assert "\n中华人民共和国国务院向第一届全国人民代表大会第二次会议提出关于发展国民经济" in _normalized(
        "national/1955.txt"
    )
    assert "\n一、2024年工作回顾\n" in _normalized("provincial/2025/liaoning.txt")  # U+2003 indents
    assert "\n来源：青海日报\n" in _normalized("provincial/2025/ningxia.txt")  # trailing NBSPs
    assert "\n省长胡玉亭\n" in _normalized("provincial/2025/jilin.txt")  # U+3000 between title and name
    assert "美丽中国。\n推动生态环境综合治理。深入实施" in _normalized("national/2024.txt")  # a U+2003 line


def test_full_width_digits_percent_and_decimal_points_fold() -> None:
    assert "\n一、1955年国家决算\n1955年国家决算的收支总数如下：" in _normalized("national/1956.txt")
    assert "平均每年增长11.1%。" in _normalized("national/1988.txt")
    assert "地区生产总值增长5.5%左右" in _normalized("provincial/2025/jilin.txt")
    assert "\n3．10种有色金属：铜、铅" in _normalized("provincial/2025/yunnan.txt")  # a list number stays


def test_digits_spaced_apart_in_1998() -> None:
    text = _normalized("national/1998.txt")
    assert "本届政府从1993年3月就职，到现在已经五年了" in text
    assert "去年经济增长8.8%，商品零售价格涨幅为0.8%" in text
    assert "1997年国内生产总值达到74772亿元" in text
    assert "今年国民经济宏观调控的主要目标是：经济增长速度8%，" in text


def test_the_targets_passage_after_a_break_reads_as_one_paragraph() -> None:
    assert "\n今年经济社会发展的主要预期目标是：国内生产总值增长8%左右；城镇新增就业900万人" in _normalized(
        "national/2010.txt"
    )
    assert "\n今年国民经济和社会发展的主要预期目标是：国内生产总值增长8%左右；" in _normalized("national/2011.txt")
    assert "\n今年经济社会发展的主要预期目标是：国内生产总值增长7.5%；" in _normalized("national/2012.txt")


def test_range_dashes_stay_as_written() -> None:
    assert "国内生产总值增长6.5%－7%" in _normalized("national/2016.txt")
    assert "国内生产总值增长6%－6.5%" in _normalized("national/2019.txt")


def test_stray_wiki_markup_is_removed() -> None:
    text = _normalized("national/2007.txt")
    assert "'" not in text
    assert "\n——改革开放进一步深化。" in text


def test_salutations_stay_on_their_own_line_and_bare_heading_numbers_join() -> None:
    assert _normalized("national/2007.txt").startswith("各位代表：\n现在，我代表国务院，向大会作政府工作报告")
    assert "\n一、我国人民已经推翻了帝国主义者在中国的统治" in _normalized("national/1955.txt")
    assert "\n第一，在工商业方面，我们基本上用生产" in _normalized("national/1959.txt")
    assert "\n一是依法打击危害人民生命财产" in _normalized("national/1994.txt")


def test_one_paragraph_a_line_files_keep_their_lines() -> None:
    raw = (_corpus() / "provincial/2025/zhejiang.txt").read_text(encoding="utf-8")
    text = _normalized("provincial/2025/zhejiang.txt")
    assert text.count("\n") == len([line for line in raw.splitlines() if line.strip()]) - 1
    assert text.startswith("2025年浙江省政府工作报告\n来源：浙江日报\n2025年1月14日在浙江省")
