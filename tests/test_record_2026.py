"""2026 and the rest of the record: the newest reports, the provinces of two years, second witnesses.

Every expectation here was read from the corpus texts by a person: ``tests/expected/national_2026.json``
(the 2026 report: its targets, fiscal figures, 2025 outcomes, header and tasks) and
``tests/expected/provincial_attainment_2025.json`` (each province's 2025 GDP target in its 2025
report and the 2025 outcome its 2026 report states, with the reader's verdict), and the header
facts of the second transcriptions below, from ``witnesses/national/<year>.txt``.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import gwr
from corpus import require_corpus

EXPECTED = Path(__file__).parent / "expected"
NATIONAL_2026: dict[str, Any] = json.loads((EXPECTED / "national_2026.json").read_text(encoding="utf-8"))
PROVINCES_2025: list[dict[str, Any]] = json.loads(
    (EXPECTED / "provincial_attainment_2025.json").read_text(encoding="utf-8")
)


# --------------------------------------------------------------------------------------------
# The 2026 report


def test_the_newest_report_is_2026() -> None:
    assert gwr.report().id == "gwr-2026"
    assert gwr.report(kind="provincial", region="浙江").id == "provincial-2026-CN-ZJ"
    assert gwr.report(kind="plan").id == "plan-2024"


@pytest.mark.parametrize("expected", NATIONAL_2026["targets"], ids=lambda t: t["key"] or t["quote"])
def test_2026_targets_read_by_hand(expected: dict[str, Any]) -> None:
    target = gwr.report(2026).target(expected["key"])
    assert target.text == expected["quote"]
    if expected["value"] is None:
        assert target.quantity is None
        return
    assert target.quantity is not None
    assert target.quantity.value == Decimal(expected["value"])
    assert target.quantity.unit == expected["unit"]
    upper = expected.get("upper")
    assert target.quantity.upper == (None if upper is None else Decimal(upper))


def test_2026_targets_are_all_there_and_no_more() -> None:
    keys = [t["key"] for t in NATIONAL_2026["targets"]]
    assert [t.key for t in gwr.report(2026).targets if t.in_passage] == keys
    # and two set later in the text, as read from it: 今年赤字率拟按4%左右安排，赤字规模5.89万亿元
    assert [(t.key, t.text) for t in gwr.report(2026).targets if not t.in_passage] == [
        ("deficit_ratio", "今年赤字率拟按4%左右安排"),
        ("deficit", "赤字规模5.89万亿元"),
    ]
    assert "energy_intensity_reduction" not in keys  # replaced by CO₂ intensity


FISCAL_KEYS = {  # the headline fiscal figures, by the quote read by hand, and the key each states
    "赤字率拟按4%左右安排": "deficit_ratio",
    "赤字规模5.89万亿元": "deficit",
    "拟发行超长期特别国债1.3万亿元": "ultra_long_special_treasury_bonds",
    "拟发行特别国债3000亿元": "special_treasury_bonds",
    "拟安排地方政府专项债券4.4万亿元": "local_special_bonds",
    "今年拟安排中央预算内投资7550亿元": "central_budget_investment",
}


@pytest.mark.parametrize(("quote", "key"), sorted(FISCAL_KEYS.items()))
def test_2026_fiscal_figures_read_by_hand(quote: str, key: str) -> None:
    expected = next(f for f in NATIONAL_2026["fiscal"] if f["quote"] in quote or quote in f["quote"])
    found = [
        q
        for _, item in gwr.report(2026).iter_items()
        if isinstance(item, gwr.Measure) and quote in item.text
        for q in item.quantities
        if q.value == Decimal(expected["value"]) and q.unit == expected["unit"]
    ]
    assert [q.indicator for q in found] == [key]


@pytest.mark.parametrize(
    "expected", [o for o in NATIONAL_2026["outcomes_2025"] if o["key"] and o["value"]], ids=lambda o: o["key"]
)
def test_2025_outcomes_in_the_2026_report(expected: dict[str, Any]) -> None:
    outcome = next(o for o in gwr.report(2026).outcomes if o.key == expected["key"])
    assert outcome.year == 2025
    assert expected["quote"].endswith(outcome.text) or outcome.text in expected["quote"]
    assert outcome.quantity is not None
    assert outcome.quantity.value == Decimal(expected["value"])


def test_2026_header_and_tasks() -> None:
    report = gwr.report(2026)
    header = NATIONAL_2026["header"]
    assert (report.date, report.meeting, report.speaker) == (header["date"], header["meeting"], header["speaker"])
    assert [(t.number, t.title) for t in report.tasks] == [(t["number"], t["title"]) for t in NATIONAL_2026["tasks"]]


def test_2026_against_2025() -> None:
    rows = gwr.compare(2025, 2026)
    assert rows["gdp_growth"].before.text == "国内生产总值增长5%左右"
    assert rows["gdp_growth"].after.text == "经济增长4.5%－5%"
    assert rows["cpi_growth"].after.text == "居民消费价格涨幅2%左右"


# --------------------------------------------------------------------------------------------
# Coverage


def test_coverage_of_the_record() -> None:
    national = gwr.reports(kind="gwr")
    # 57 national years: 1954–2026 less 1961–63, 1965–74, 1976–77 and 1991
    assert len(national) == 57
    assert {r.year for r in national} == set(range(1954, 2027)) - {
        *range(1961, 1964),
        *range(1965, 1975),
        1976,
        1977,
        1991,
    }
    assert [r.id for r in gwr.reports(kind="plan")] == ["plan-1991", "plan-2024"]
    assert len(gwr.reports(kind="provincial", year=2025)) == 31
    assert len(gwr.reports(kind="provincial", year=2026)) == 21
    assert "Ninth Five-Year Plan" in gwr.report(1996).description or "九五" in gwr.report(1996).title


# --------------------------------------------------------------------------------------------
# Provinces: 2025 targets against the outcomes the 2026 reports state


@pytest.mark.parametrize("expected", PROVINCES_2025, ids=lambda e: e["slug"])
def test_provincial_attainment_2025(expected: dict[str, Any]) -> None:
    code = next(r.code for r in gwr.regions() if r.slug == expected["slug"])
    row = gwr.attainment(2025, region=code)["gdp_growth"]
    assert row.report == f"provincial-2025-{code}"
    assert row.target.quantity is not None
    assert row.target.quantity.value == Decimal(expected["target_value"])
    assert row.outcome is not None
    assert row.outcome_report == f"provincial-2026-{code}"
    assert row.outcome.quantity is not None
    assert row.outcome.quantity.value == Decimal(expected["outcome_value"])
    assert row.status == expected["verdict"]


def test_provinces_met_and_missed() -> None:
    verdicts = [e["verdict"] for e in PROVINCES_2025]
    assert (verdicts.count("met"), verdicts.count("missed")) == (9, 12)


def test_2026_provincial_targets_beside_the_nation() -> None:
    rows = gwr.compare_regions(2026, "gdp_growth")
    assert len(rows) == 21
    assert all(row.national is not None and row.national.text == "经济增长4.5%－5%" for row in rows)


# --------------------------------------------------------------------------------------------
# Second witnesses

# read from the header lines of witnesses/national/<year>.txt (the main copies drop them)
WITNESS_HEADERS = {
    1955: ("1955-07-05", "李富春"),  # 国务院副总理兼国家计划委员会主任李富春
    1956: ("1956-06-15", "李先念"),  # 副总理兼财政部长李先念
    1958: ("1958-02-03", "薄一波"),  # 国务院副总理兼国家经济委员会主任薄一波
    1980: ("1980-08-30", "姚依林"),  # 国务院副总理兼国家计划委员会主任姚依林
    1999: ("1999-03-05", "朱镕基"),
    2010: ("2010-03-05", "温家宝"),
}


@pytest.mark.parametrize(("year", "expected"), sorted(WITNESS_HEADERS.items()))
def test_date_and_speaker_from_the_second_witness(year: int, expected: tuple[str, str]) -> None:
    report = gwr.report(year)
    assert (report.date, report.speaker) == expected
    assert report.witnesses == (f"national-{year}", f"witnesses-national-{year}")


def test_dates_and_speakers_stated_for_most_national_reports() -> None:
    national = gwr.reports(kind="gwr")
    stated = [r for r in national if r.date != "not stated" and r.speaker != "not stated"]
    assert len(stated) >= 0.95 * len(national)


def test_facts_are_found_in_the_second_witness() -> None:
    report = gwr.report(2010)
    target = report.target("gdp_growth")
    [other] = target.witness_spans
    assert other.source == "witnesses-national-2010"
    assert other.exact == target.span.exact
    facts = [item for _, item in report.iter_items()]
    assert sum(1 for f in facts if f.witness_spans) >= 0.9 * len(facts)


def test_a_figure_the_witnesses_read_differently_is_a_variant() -> None:
    # 2006 (main copy): 城镇新增就业人口970万人; its second transcription: 城镇新增就业970万人
    [variant] = [v for v in gwr.variants(2006) if "970万人" in v.readings["national-2006"]]
    assert variant.readings == {
        "national-2006": "城镇新增就业人口970万人",
        "witnesses-national-2006": "城镇新增就业970万人",
    }
    outcome = next(o for o in gwr.report(2006).outcomes if o.key == "urban_new_jobs")
    assert outcome.witness_spans == ()  # not the same words there: the variant says how


def test_a_dash_is_no_variant() -> None:
    # 2016: 国内生产总值增长6.5%－7% in one copy, 6.5%-7% in the other: typography, not wording
    assert not [v for v in gwr.variants(2016) if "6.5%" in v.readings.get("national-2016", "")]


def test_check_verifies_the_witness_spans() -> None:
    corpus = require_corpus()
    report = gwr.report(2010)
    result = gwr.check(report, corpus=corpus)
    assert result.ok, str(result)
    target = report.target("gdp_growth")
    [other] = target.witness_spans
    moved = attrs.evolve(other, start=other.start + 1, end=other.end + 1)
    changed = attrs.evolve(
        report,
        targets=tuple(attrs.evolve(t, witness_spans=(moved,)) if t is target else t for t in report.targets),
    )
    problems = gwr.check(changed, corpus=corpus).problems
    assert any(".witness_spans[0]" in p.path for p in problems)
