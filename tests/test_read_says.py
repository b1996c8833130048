"""gwr.read says what it could not read (issue 21), and takes no bad argument.

The texts: the 2024 report in source 003 (its title line 政府工作报告 to the press conference that
follows it), the plan report 004 (titled 关于2023年国民经济和社会发展计划执行情况与2024年国民经济和
社会发展计划草案的报告: the draft plan of 2024), and the corpus's Zhejiang 2025 report (titled
2025年浙江省政府工作报告).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import gwr
from corpus import require_corpus


def _report_2024() -> str:
    text = gwr.source("003").text
    start = text.index("政府工作报告\n")
    return text[start : text.index("教育部部长")]


def test_a_whole_report_is_full_without_warnings() -> None:
    report = gwr.read(_report_2024())
    assert (report.kind, report.completeness, report.warnings) == ("gwr", "full", ())


def test_noise_is_an_error() -> None:
    random.seed(7)
    noise = "".join(chr(random.randint(0x4E00, 0x9FFF)) for _ in range(20_000))
    with pytest.raises(gwr.InvalidArgumentError, match="no report structure"):
        gwr.read(noise, year=2024)


def test_a_news_item_is_an_error() -> None:
    news = (
        "新华社北京3月5日电 国务院总理李强5日在政府工作报告中说，今年国内生产总值预计增长5%左右。"
        "分析人士认为，2023年经济增长5.2%，预计今年居民消费价格涨幅3%左右。"
    )
    with pytest.raises(gwr.InvalidArgumentError, match="no report structure"):
        gwr.read(news, year=2024)


@pytest.mark.parametrize("share", [0.3, 0.5, 0.8])
def test_half_a_report_is_partial(share: float) -> None:
    text = _report_2024()
    report = gwr.read(text[: int(len(text) * share)])
    assert report.completeness == "partial"
    assert "the text stops before the report's closing (it may be cut short)" in report.warnings


def test_a_repeated_report_says_so() -> None:
    report = gwr.read(_report_2024() * 200)
    assert any(w.startswith("the text repeats: its opening paragraph occurs 200 times") for w in report.warnings)
    assert [t.key for t in report.targets] == [t.key for t in gwr.read(_report_2024()).targets]


def test_the_plan_report_is_read_as_a_plan_of_2024() -> None:
    report = gwr.read(gwr.source("004").text)
    assert (report.id, report.kind) == ("plan-2024", "plan")


def test_a_provincial_text_without_kind_is_provincial() -> None:
    text = (require_corpus() / "provincial" / "2025" / "zhejiang.txt").read_text(encoding="utf-8")
    report = gwr.read(text)
    assert (report.id, report.kind, report.region) == ("provincial-2025-CN-ZJ", "provincial", "CN-ZJ")
    as_national = gwr.read(text, kind="gwr")
    assert "kind 'gwr' was given; the text reads as 'provincial'" in as_national.warnings
    elsewhere = gwr.read(text, region="CN-JS")
    assert "region CN-JS was given; the text names CN-ZJ" in elsewhere.warnings


def test_a_year_the_text_contradicts_is_a_warning() -> None:
    report = gwr.read(_report_2024(), year=2023)
    assert "year 2023 was given; the text says 2024" in report.warnings


def test_no_task_list_is_a_warning() -> None:
    text = "政府工作报告\n各位代表：\n过去一年，国内生产总值增长5.2%。\n让我们团结奋斗！\n"
    report = gwr.read(text, year=2024)
    assert "no task list: the reader found no numbered tasks" in report.warnings
    assert "no targets passage: the reader found no main expected targets" in report.warnings


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"year": 0}, "year must be from 1949 to 2100, not 0"),
        ({"year": 3000}, "year must be from 1949 to 2100"),
        ({"region": "CN-ZZ"}, "region CN-ZZ is no provincial-level division"),
        ({"region": "Zhejiang"}, "ISO 3166-2:CN code"),
        ({"kind": "budget"}, "kind must be one of"),
    ],
)
def test_bad_arguments(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(gwr.InvalidArgumentError, match=message) as caught:
        gwr.read(_report_2024(), **arguments)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError)


def test_the_command_line_says_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gwr.__main__ import main

    path = tmp_path / "half.txt"
    path.write_text(_report_2024()[:5000], encoding="utf-8")
    assert main(["read", str(path)]) == 0
    out = capsys.readouterr().out
    assert "(partial)" in out
    assert "warning: the text stops before the report's closing" in out
    assert "not stated (not stated" not in out
    assert main(["read", str(path), "--year", "0"]) == 1
    assert capsys.readouterr().err.strip() == "gwr: error: year must be from 1949 to 2100, not 0"
