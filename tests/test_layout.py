"""The layout reader: where the report is in a text and what its header states.

Every expectation below (the closing sentence, year, date, meeting, speaker) was read by hand
from the raw corpus files in ``../shared/corpus`` (found through ``GWR_CORPUS``); the corpus
tests skip when it is absent.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import require_corpus
from gwr._reading._layout import Layout, Stated, find_layout
from gwr._reading._normalize import normalize


class Expected(NamedTuple):
    closing: str  # how the report's last sentence ends
    year: int | None
    date: str | None = None
    speaker: str | None = None
    meeting: str | None = None
    title: str | None = None
    source_note: str | None = None


NATIONAL = {
    1954: Expected("一定能够盡到自己的責任，把我們國家的各項事業推向新的更大的勝利。", None),
    1956: Expected("共同为实现1956年的国家预算而奋斗！", 1956, meeting="第一届全国人民代表大会第三次会议"),
    1957: Expected(
        "世界上没有任何力量可以阻挡我们伟大的社会主义事业胜利前进。",
        1957,
        "1957-06-26",
        "周恩来",
        "第一届全国人民代表大会第四次会議",
        "政府工作报告",
    ),
    1959: Expected("我们伟大的祖国——中华人民共和国建立的十周年！", None, meeting="第二届全国人民代表大会第一次会议"),
    1964: Expected("为争取世界和平、民族解放、人民民主和社会主义事业的新胜利而奋斗。", None),
    1975: Expected("在毛主席革命路线指引下，团结起来，争取更大的胜利！", None),
    1978: Expected("伟大的中华人民共和国万岁！\n伟大的、光荣的、正确的中国共产党万岁！", None),
    1982: Expected("我们的伟大祖国一定会一年比一年兴旺发达、繁荣富强起来。", None),
    1985: Expected("我们的形势就一定会蒸蒸日上，我们实现四化的宏伟目标就一定能够实现！", 1985),
    1988: Expected("团结奋斗，沿着有中国特色的社会主义道路奋勇前进。", None),
    1993: Expected("为夺取社会主义现代化建设事业的新胜利而努力奋斗！", None),
    1998: Expected("一定能够把我国的社会主义现代化事业全面推向二十一世纪！", 1998),
    2003: Expected(
        "一定能够把中国特色社会主义事业不断推向前进，从胜利走向更大的胜利!",
        None,
        meeting="第十届全国人民代表大会第一次会议",
    ),
    2007: Expected("奋力把改革开放和社会主义现代化事业推向前进！", 2007),
    2012: Expected("扎实工作，奋力开创社会主义现代化建设新局面！", 2012),
    2015: Expected("实现中华民族伟大复兴的中国梦作出新的更大贡献！", 2015),
    2017: Expected(
        "实现中华民族伟大复兴的中国梦而不懈奋斗！",
        2017,
        "2017-03-05",
        "李克强",
        "第十二届全国人民代表大会第五次会议",
        "政府工作报告",
    ),
    2021: Expected(
        "实现中华民族伟大复兴的中国梦不懈奋斗！",
        2021,
        "2021-03-05",
        "李克强",
        "第十三届全国人民代表大会第四次会议",
        "政府工作报告",
    ),
    2024: Expected(
        "为以中国式现代化全面推进强国建设、民族复兴伟业不懈奋斗！",
        2024,
        "2024-03-05",
        "李强",
        "第十四届全国人民代表大会第二次会议",
        "政府工作报告",
    ),
    2025: Expected("确保“十四五”规划圆满收官，为以中国式现代化全面推进强国建设、民族复兴伟业不懈奋斗！", 2025),
}

PROVINCIAL = {
    "guangxi": Expected(
        "努力实现“十四五”规划顺利收官，奋力谱写中国式现代化广西篇章!",
        2025,
        "2025-01-13",
        "蓝天立",
        "广西壮族自治区第十四届人民代表大会第三次会议",
        "2025年广西政府工作报告",
        "广西日报",
    ),
    "guizhou": Expected(
        "奋力谱写中国式现代化贵州篇章，为推进强国建设、民族复兴伟业作出新的更大贡献！",
        2025,
        "2025-01-19",
        "李炳军",
        "贵州省第十四届人民代表大会第三次会议",
        "2025年贵州省政府工作报告",
        "贵州日报",
    ),
    "hainan": Expected(
        "以推动高质量发展、加快建设自由贸易港的扎实成效，奋力谱写中国式现代化海南篇章！",
        2025,
        "2025-01-14",
        "刘小明",
        "海南省第七届人民代表大会第四次会议",
        "2025年海南省政府工作报告",
        "海南日报",
    ),
    "henan": Expected(
        "奋力谱写中国式现代化河南篇章，为强国建设、民族复兴伟业作出新的更大贡献！",
        2025,
        "2025-01-18",
        "王凯",
        "河南省第十四届人民代表大会第三次会议",
        "2025年河南省政府工作报告",
    ),
    "jiangxi": Expected(  # 附件 and a glossary follow the closing
        "为以中国式现代化全面推进强国建设、民族复兴伟业作出新的更大贡献！",
        2025,
        "2025-01-17",
        "叶建春",
        "江西省第十四届人民代表大会第三次会议",
        "2025年江西省政府工作报告",
        "江西省人民政府",
    ),
    "jilin": Expected(
        "全力完成今年经济社会发展目标任务，推动吉林高质量发展明显进位。",
        2025,
        "2025-01-14",
        "胡玉亭",
        "吉林省第十四届人民代表大会第四次会议",
        "2025年吉林省政府工作报告",
        "吉林省政府网",
    ),
    "ningxia": Expected(
        "为加快建设美丽新宁夏、谱写中国式现代化宁夏篇章不懈奋斗！",
        2025,
        "2025-01-19",
        "张雨浦",
        "宁夏回族自治区第十三届人民代表大会第三次会议",
        "2025年宁夏政府工作报告",
        "青海日报",  # sic: the compiler's line says so
    ),
    "qinghai": Expected(
        "以忠诚之志、感恩之心、担当之为，奋力谱写中国式现代化青海篇章!",
        2025,
        "2025-01-19",
        "罗东川",
        "青海省第十四届人民代表大会第三次会议",
        "2025年青海省政府工作报告",
        "青海日报",
    ),
    "xizang": Expected(
        "真抓实干、紧抓快干、埋头苦干，以优异成绩迎接自治区成立60周年!",
        2025,
        "2025-01-19",
        "嘎玛泽登",
        "西藏自治区第十二届人民代表大会第三次会议",
        "2025年西藏政府工作报告",
        "西藏日报",
    ),
    "yunnan": Expected(  # a glossary (名词解释) and a list of projects (附件) follow the closing
        "以实干实绩不断谱写更新更美的中国式现代化云南篇章！",
        2025,
        "2025-01-18",
        "王予波",
        "云南省第十四届人民代表大会第三次会议",
        "2025年云南省政府工作报告",
        "北京日报",
    ),
    "zhejiang": Expected(
        "奋力谱写中国式现代化浙江新篇章，为强国建设、民族复兴伟业作出更大贡献！",
        2025,
        "2025-01-14",
        "刘捷",
        "浙江省第十四届人民代表大会第三次会议",
        "2025年浙江省政府工作报告",
        "浙江日报",
    ),
}


def _corpus() -> Path:
    return require_corpus()


@cache
def _normalized(name: str) -> str:
    return normalize((_corpus() / name).read_text(encoding="utf-8"), "auto").text


def _value(text: str, stated: Stated[str] | Stated[int] | None) -> object:
    if stated is None:
        return None
    assert 0 <= stated.start < stated.end <= len(text)
    return stated.value


def _check(text: str, layout: Layout, expected: Expected) -> None:
    report = text[layout.start : layout.end]
    assert report.endswith(expected.closing)
    rest = text[layout.end :]
    assert "各位代表" not in rest
    assert layout.start <= layout.speech_start < layout.end
    assert text[layout.speech_start :].startswith(("各位代表", text[:2]))
    assert _value(text, layout.year) == expected.year
    assert _value(text, layout.date) == expected.date
    assert _value(text, layout.speaker) == expected.speaker
    assert _value(text, layout.meeting) == expected.meeting
    assert _value(text, layout.title) == expected.title
    assert _value(text, layout.source_note) == expected.source_note
    for stated in (layout.speaker, layout.meeting, layout.title, layout.source_note):
        if stated is not None:  # these are quoted as written
            assert text[stated.start : stated.end] == stated.value
    if layout.date is not None:
        year, month, day = (int(part) for part in layout.date.value.split("-"))
        assert text[layout.date.start : layout.date.end] == f"{year}年{month}月{day}日"


@pytest.mark.parametrize("year", sorted(NATIONAL))
def test_national_reports(year: int) -> None:
    text = _normalized(f"national/{year}.txt")
    _check(text, find_layout(text), NATIONAL[year])


@pytest.mark.parametrize("region", sorted(PROVINCIAL))
def test_provincial_reports(region: str) -> None:
    text = _normalized(f"provincial/2025/{region}.txt")
    _check(text, find_layout(text), PROVINCIAL[region])


def test_the_year_is_read_where_the_text_states_it() -> None:
    text = _normalized("national/2025.txt")
    year = find_layout(text).year
    assert year is not None
    assert text[year.start : year.end] == "2024"
    text = _normalized("national/1985.txt")
    year = find_layout(text).year
    assert year is not None
    assert text[year.start - 5 : year.end + 1] == "刚刚过去的1984年"


def test_a_meeting_named_in_passing_is_not_the_meeting() -> None:
    # 1981 opens with 从去年9月第五届全国人民代表大会第三次会议到现在: the previous session
    assert find_layout(_normalized("national/1981.txt")).meeting is None
    text = _normalized("national/1955.txt")  # 向第一届全国人民代表大会第二次会议提出…
    assert _value(text, find_layout(text).meeting) == "第一届全国人民代表大会第二次会议"


def test_the_header_and_the_trailer_are_outside_the_speech() -> None:
    text = _normalized("national/1956.txt")
    layout = find_layout(text)
    assert text[layout.end :].lstrip("\n").startswith("字库未存字注释：")  # a transcriber's note
    text = _normalized("provincial/2025/yunnan.txt")
    layout = find_layout(text)
    assert text[layout.speech_start :].startswith("各位代表：\n")
    assert text[layout.end :].lstrip("\n").startswith("名词解释\n1.“两重”")


def test_a_glossary_without_a_heading_after_the_closing() -> None:
    text = (
        "各位代表：\n今年任务很重。\n各位代表！\n让我们共同奋斗！\n1.“两重”：国家重大战略实施。\n2.“两新”：设备更新。"
    )
    layout = find_layout(text)
    assert text[layout.start : layout.end].endswith("让我们共同奋斗！")


def test_an_empty_or_headless_text() -> None:
    assert find_layout("") == Layout(0, 0, 0)
    layout = find_layout("五年来，我国各族人民在中国共产党的领导下取得了伟大成就。")
    assert (layout.start, layout.speech_start, layout.title, layout.year) == (0, 0, None, None)


@given(
    text=st.text(
        alphabet=st.sampled_from(list("各位代表：！。\n报告年月日2025省长李强在第一届全国人民大会次会议上来源附件")),
        max_size=80,
    )
)
@settings(max_examples=300, deadline=None)
def test_any_text_gives_a_layout_inside_it(text: str) -> None:
    layout = find_layout(text)
    assert 0 <= layout.start <= layout.speech_start <= layout.end <= len(text)
    for stated in (layout.title, layout.year, layout.date, layout.meeting, layout.speaker, layout.source_note):
        if stated is not None:
            assert 0 <= stated.start < stated.end <= len(text)


def test_a_copy_without_the_salutation_and_with_a_web_page_trailer() -> None:
    text = normalize(
        "北京市人民政府工作报告\n——2025年1月14日在北京市第十六届人民代表大会第三次会议上\n北京市市长　殷勇\n"
        "一、2024年工作回顾\n过去一年，我们坚持稳中求进。\n让我们团结奋斗！\n（责任编辑：王某）",
        "auto",
    ).text
    layout = find_layout(text)
    assert text[layout.speech_start :].startswith("一、2024年工作回顾")
    assert text[layout.start : layout.end].endswith("让我们团结奋斗！")
    assert _value(text, layout.title) == "北京市人民政府工作报告"
    assert (_value(text, layout.speaker), _value(text, layout.date)) == ("殷勇", "2025-01-14")
    assert _value(text, layout.meeting) == "北京市第十六届人民代表大会第三次会议"


def test_a_date_in_chinese_numerals() -> None:
    text = normalize(
        "政府工作报告\n二〇二五年一月十九日在上海市第十六届人民代表大会第三次会议上\n"
        "上海市市长 龚正\n各位代表：\n现在我报告工作。",
        "auto",
    ).text
    layout = find_layout(text)
    assert (_value(text, layout.year), _value(text, layout.date)) == (2025, "2025-01-19")
    assert layout.date is not None
    assert text[layout.date.start : layout.date.end] == "二〇二五年一月十九日"
