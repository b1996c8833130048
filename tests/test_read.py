"""gwr.read: any report text, no annotation; every span verified against the text given.

Expectations are read by hand from the texts: 003 (the 2024 report, line 77: the targets), the
corpus's provincial/2025/zhejiang.txt (header and targets passage, as in
tests/expected/provincial/zhejiang.toml) and national/1954.txt (a text that does not state its
year).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import gwr
from gwr.__main__ import main


def _report_2024_text() -> str:
    text = gwr.source("003").text
    return text[text.index("政府工作报告\n") : text.index("教育部部长")]


def test_read_the_2024_report_from_its_text() -> None:
    report = gwr.read(_report_2024_text())
    assert (report.id, report.kind, report.year, report.completeness) == ("gwr-2024", "gwr", 2024, "full")
    assert (report.date, report.speaker) == ("2024-03-05", "李强")
    assert report.meeting == "第十四届全国人民代表大会第二次会议"
    assert [(t.key, t.text) for t in report.targets if t.in_passage] == [
        ("gdp_growth", "国内生产总值增长5%左右"),
        ("urban_new_jobs", "城镇新增就业1200万人以上"),
        ("urban_unemployment_rate", "城镇调查失业率5.5%左右"),
        ("cpi_growth", "居民消费价格涨幅3%左右"),
        ("household_income_growth", "居民收入增长和经济增长同步"),
        ("balance_of_payments", "国际收支保持基本平衡"),
        ("grain_output", "粮食产量1.3万亿斤以上"),
        ("energy_intensity_reduction", "单位国内生产总值能耗降低2.5%左右"),
        ("ecological_quality", "生态环境质量持续改善"),
    ]
    assert report.target("grain_output").quantity is not None
    assert report.target("grain_output").quantity.value == Decimal("1300000000000")
    # （一）…（十）of part three, as 003 numbers them
    assert [t.number for t in report.tasks] == list(range(1, 11))
    assert report.task(3).title == "着力扩大国内需求，推动经济实现良性循环"
    assert [s.title for s in report.task(3).subtasks] == ["促进消费稳定增长", "积极扩大有效投资"]
    gdp = next(o for o in report.outcomes if o.key == "gdp_growth")
    assert (gdp.year, gdp.quantity.value if gdp.quantity else None) == (2023, Decimal("5.2"))
    # every span points into the text given, which gwr.source() holds for the process
    source = gwr.source(report.witnesses[0])
    assert source.id.startswith("read-")
    assert not source.bundled
    assert source.normalized[report.target("cpi_growth").span.start : report.target("cpi_growth").span.end] == (
        "居民消费价格涨幅3%左右"
    )
    result = gwr.check(report)
    assert result.ok, str(result)
    assert result.counts["reports"] == 1


def test_check_catches_a_read_report_that_was_changed() -> None:
    report = gwr.read(_report_2024_text())
    target = report.targets[0]
    changed = attrs.evolve(report, targets=(attrs.evolve(target, text="国内生产总值增长6%左右"), *report.targets[1:]))
    result = gwr.check(changed)
    assert not result.ok
    assert any(p.path == "gwr-2024.targets[0]" for p in result.problems)


def test_read_a_provincial_report(corpus: Path) -> None:
    text = (corpus / "provincial" / "2025" / "zhejiang.txt").read_text(encoding="utf-8")
    report = gwr.read(text, kind="provincial", region="CN-ZJ")
    assert (report.id, report.year, report.region) == ("provincial-2025-CN-ZJ", 2025, "CN-ZJ")
    assert (report.date, report.speaker) == ("2025-01-14", "刘捷")
    assert report.target("gdp_growth").text == "生产总值增长5.5%左右"
    assert report.target("urban_unemployment_rate").qualifier == "at_most"
    assert len(report.tasks) == 11
    assert gwr.check(report).ok


def test_the_year_is_read_or_required(corpus: Path) -> None:
    text = (corpus / "national" / "1954.txt").read_text(encoding="utf-8")
    with pytest.raises(gwr.InvalidArgumentError, match="year="):
        gwr.read(text)
    report = gwr.read(text, year=1954)
    assert report.id == "gwr-1954"
    assert gwr.check(report).ok


def test_read_refuses_bad_input() -> None:
    with pytest.raises(gwr.InvalidTypeError):
        gwr.read(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(gwr.InvalidArgumentError, match="empty"):
        gwr.read("  \n")
    with pytest.raises(gwr.InvalidArgumentError, match="'gwr', 'plan', 'provincial'"):
        gwr.read("各位代表：", kind="budget")
    with pytest.raises(gwr.InvalidArgumentError, match="region"):
        gwr.read("各位代表：", kind="provincial", year=2025)
    with pytest.raises(gwr.InvalidArgumentError, match="provincial reports only"):
        gwr.read("各位代表：", year=2025, region="CN-ZJ")
    with pytest.raises(gwr.InvalidTypeError):
        gwr.read("各位代表：", year="2025")  # type: ignore[arg-type]
    with pytest.raises(gwr.InvalidArgumentError):
        gwr.read("各位代表：", kind="provincial", year=2025, region="Atlantis")


def test_cli_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "report.txt"
    path.write_text(_report_2024_text(), encoding="utf-8")
    assert main(["read", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("gwr-2024: 政府工作报告 (2024-03-05; 李强)")
    assert "国内生产总值增长5%左右" in out
    assert main(["read", str(path), "--json"]) == 0
    assert '"id": "gwr-2024"' in capsys.readouterr().out
    assert main(["read", str(tmp_path / "missing.txt")]) == 1
    assert "cannot read" in capsys.readouterr().err
    assert main(["read", str(path), "--kind", "provincial"]) == 1
    assert "region" in capsys.readouterr().err
