"""Attainment follows what the next report says; the default series is one a person can chart (issue 21).

Read by hand from the corpus texts: the 2007 report says 但是，全国没有实现年初确定的单位国内生产总值
能耗降低4%左右、主要污染物排放总量减少2%的目标 (of 2006); the 2012 report 节能减排、物价调控目标没有
完成 (of 2011); the 2016 report 去年我国进出口总额出现下降，预期增长目标未能实现 (of 2015); the 2024
report (003) 全年经济社会发展主要目标任务圆满完成 (of 2023). The 2006 report's GDP target is
国内生产总值增长8%左右, and the 2007 report states 2006's growth as 比上年增长10.7%.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import gwr


@pytest.mark.parametrize(
    ("year", "key", "said_by", "words"),
    [
        (2006, "energy_intensity_reduction", "gwr-2007", "全国没有实现年初确定的单位国内生产总值能耗降低4%左右"),
        (2011, "cpi_growth", "gwr-2012", "节能减排、物价调控目标没有完成"),
        (2015, "foreign_trade_growth", "gwr-2016", "预期增长目标未能实现"),
    ],
)
def test_a_target_the_next_report_says_was_missed(year: int, key: str, said_by: str, words: str) -> None:
    row = gwr.attainment(year)[key]
    assert row.status == "missed"
    assert row.verdict is not None
    assert row.verdict.met is False
    assert words in row.verdict.text
    assert row.verdict_report == said_by
    assert said_by in row.rule


def test_where_the_rule_and_the_report_differ_the_row_says_so() -> None:
    row = gwr.attainment(2006)["energy_intensity_reduction"]
    assert row.rule_status is not None
    assert row.rule_status != "missed"
    assert f"the rule reads {row.rule_status}, but gwr-2007 says" in row.rule


def test_a_verdict_on_the_main_targets_is_shown_beside() -> None:
    rows = gwr.attainment(2023)
    gdp = rows["gdp_growth"]
    assert gdp.verdict is not None
    assert gdp.verdict.keys == ()
    assert gdp.verdict.met
    assert gdp.verdict.text == "全年经济社会发展主要目标任务圆满完成"
    assert gdp.rule_status is None  # the rule decides: a verdict on all the targets does not
    assert all(row.verdict == gdp.verdict for row in rows if row.key is not None)


def test_the_verdict_is_no_figure() -> None:
    report = gwr.report(2007)
    [verdict] = [v for v in report.verdicts if not v.met]
    assert verdict.year == 2006
    assert all(o.span != verdict.span for o in report.outcomes)
    assert not any("没有实现" in o.text for o in report.outcomes)


def test_a_target_without_a_key_gets_a_row() -> None:
    # 2013 (corpus): 发展的协调性进一步增强 is a target the registry has no indicator for
    report = gwr.report(2013)
    unkeyed = [t for t in report.targets if t.key is None]
    assert unkeyed
    rows = gwr.attainment(2013)
    assert len(rows) == len([t for t in report.targets if t.in_passage])  # the main expected targets
    row = next(r for r in rows if r.target == unkeyed[0])
    assert (row.key, row.status) == (None, "no_outcome")


def test_a_ceiling_stated_as_a_rise_is_judged() -> None:
    # 2014: 居民消费价格涨幅控制在3.5%左右; the 2015 report: 居民消费价格上涨2%
    row = gwr.attainment(2014)["cpi_growth"]
    assert (row.target.text, row.status) == ("居民消费价格涨幅控制在3.5%左右", "met")


def test_the_default_series_is_one_target_and_one_outcome_a_year() -> None:
    points = gwr.series("gdp_growth")
    assert {p.role for p in points} <= {"target", "outcome", "missing"}
    slots = [(p.year, p.role) for p in points]
    assert len(slots) == len(set(slots))
    by_slot = {(p.year, p.role): p for p in points}
    assert by_slot[2006, "target"].value == Decimal("8")
    assert by_slot[2006, "outcome"].value == Decimal("10.7")
    assert by_slot[2024, "target"].report == "gwr-2024"  # the Government Work Report's, not the plan's
    every = gwr.series("gdp_growth", measures=True)
    assert len(every) > len(points)
    assert any(p.role == "measure" for p in every)


def test_the_wide_series_sets_target_beside_outcome() -> None:
    rows = gwr.series("gdp_growth", wide=True)
    row = next(r for r in rows if r.year == 2022)
    # 2022: 国内生产总值增长5.5%左右; the 2023 report: 全年国内生产总值增长3%
    assert (row.target, row.outcome, row.status) == (Decimal("5.5"), Decimal("3"), "missed")
    assert len({r.year for r in rows}) == len(rows)
    record = rows.to_records()[0]
    assert list(record) == list(gwr.SeriesYear._fields)
