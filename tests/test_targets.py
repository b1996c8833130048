"""The main targets, against values read by hand from the sources."""

from __future__ import annotations

from decimal import Decimal

import pytest

import gwr

# (report id, key, text, value, unit, qualifier, change), read from 003 line 77, 004's
# "（二）主要预期目标" bullets and 000's "主要预期目标" block.
EXPECTED = [
    ("gwr-2024", "gdp_growth", "国内生产总值增长5%左右", "5", "%", "about", "increase"),
    ("gwr-2024", "urban_new_jobs", "城镇新增就业1200万人以上", "12000000", "persons", "at_least", None),
    ("gwr-2024", "urban_unemployment_rate", "城镇调查失业率5.5%左右", "5.5", "%", "about", None),
    ("gwr-2024", "cpi_growth", "居民消费价格涨幅3%左右", "3", "%", "about", "increase"),
    ("gwr-2024", "grain_output", "粮食产量1.3万亿斤以上", "1300000000000", "jin", "at_least", None),
    ("gwr-2024", "energy_intensity_reduction", "单位国内生产总值能耗降低2.5%左右", "2.5", "%", "about", "decrease"),
    ("gwr-2025", "gdp_growth", "国内生产总值增长5%左右", "5", "%", "about", "increase"),
    ("gwr-2025", "cpi_growth", "居民消费价格涨幅2%左右", "2", "%", "about", "increase"),
    ("gwr-2025", "grain_output", "粮食产量1.4万亿斤左右", "1400000000000", "jin", "about", None),
    ("gwr-2025", "energy_intensity_reduction", "单位国内生产总值能耗降低3%左右", "3", "%", "about", "decrease"),
    ("gwr-2025", "urban_new_jobs", "城镇新增就业1200万人以上", "12000000", "persons", "at_least", None),
    ("plan-2024", "urban_unemployment_rate", "全国城镇调查失业率5.5%左右", "5.5", "%", "about", None),
    ("plan-2024", "cpi_growth", "居民消费价格（CPI）涨幅3%左右", "3", "%", "about", "increase"),
    ("plan-2024", "energy_intensity_reduction", "单位国内生产总值能耗下降2.5%左右", "2.5", "%", "about", "decrease"),
]

MAIN_KEYS = [
    "gdp_growth",
    "urban_new_jobs",
    "urban_unemployment_rate",
    "cpi_growth",
    "household_income_growth",
    "balance_of_payments",
    "grain_output",
    "energy_intensity_reduction",
    "ecological_quality",
]
QUALITATIVE = ["household_income_growth", "balance_of_payments", "ecological_quality"]


@pytest.mark.parametrize(("report_id", "key", "text", "value", "unit", "qualifier", "change"), EXPECTED)
def test_target_values(
    report_id: str, key: str, text: str, value: str, unit: str, qualifier: str, change: str | None
) -> None:
    target = gwr.report(report_id).target(key)
    assert target.text == text
    assert target.quantity is not None
    assert target.quantity.value == Decimal(value)
    assert target.quantity.unit == unit
    assert target.qualifier == qualifier == target.quantity.qualifier
    assert target.quantity.change == change
    assert target.quantity.indicator == key
    assert target.span.exact == text


@pytest.mark.parametrize("report_id", ["gwr-2024", "gwr-2025", "plan-2024"])
def test_every_report_has_the_nine_main_targets(report_id: str) -> None:
    report = gwr.report(report_id)
    keys = {t.key for t in report.targets if t.in_passage}
    assert keys == set(MAIN_KEYS)
    for key in QUALITATIVE:
        target = report.target(key)
        assert target.quantity is None
        assert target.qualifier is None


def test_target_order_follows_the_text() -> None:
    assert [t.key for t in gwr.report(2024).targets][:4] == [
        "gdp_growth",
        "urban_new_jobs",
        "urban_unemployment_rate",
        "cpi_growth",
    ]
    # the 2025 summary lists unemployment before new jobs
    assert [t.key for t in gwr.report(2025).targets][1:3] == ["urban_unemployment_rate", "urban_new_jobs"]


def test_spans_point_into_the_right_witness() -> None:
    assert {t.span.source for t in gwr.report(2024).targets} == {"003"}
    assert {t.span.source for t in gwr.report(2025).targets} == {"000"}
    assert {t.span.source for t in gwr.report(2024, kind="plan").targets} == {"004"}
    target = gwr.report(2024).target("grain_output")
    assert gwr.source("003").normalized[target.span.start : target.span.end] == "粮食产量1.3万亿斤以上"
    assert target.span.suffix.startswith("；单位国内生产总值能耗降低")


def test_plan_rationales() -> None:
    plan = gwr.report(2024, kind="plan")
    gdp = plan.target("gdp_growth")
    assert gdp.rationale is not None
    assert gdp.rationale.startswith("主要考虑：从客观需要看，我国仍是发展中国家")
    assert gdp.rationale.endswith("需要我们共同努力。")
    jobs = plan.target("urban_new_jobs").rationale
    assert jobs is not None
    assert jobs.startswith("关于城镇新增就业：主要考虑是，2024年新成长劳动力规模仍然较大")
    assert jobs.endswith("又体现了稳就业工作的力度和决心。")
    unemployment = plan.target("urban_unemployment_rate").rationale
    assert unemployment is not None
    assert unemployment.startswith("关于城镇调查失业率：")
    assert unemployment.endswith("体现了就业优先的政策导向。")
    assert plan.target("ecological_quality").rationale is None
    assert all(t.rationale is None for t in gwr.report(2024).targets)


def test_report_metadata() -> None:
    report = gwr.report(2024)
    assert (report.kind, report.year, report.date, report.speaker) == ("gwr", 2024, "2024-03-05", "李强")
    assert report.meeting == "第十四届全国人民代表大会第二次会议"
    assert report.completeness == "full"
    summary = gwr.report(2025)
    assert summary.completeness == "summary"
    assert summary.meeting == "not stated"
    plan = gwr.report("plan-2024")
    assert plan.speaker == "国家发展和改革委员会"
