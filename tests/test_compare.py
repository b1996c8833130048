"""compare, attainment, compare_tasks and their result collection.

Real-data expectations are read by hand from the sources (000 for 2025, 003 for the 2024
report, 004 for the plan report). Where the data a test needs is not bundled yet, the test
skips with the reason; synthetic reports built here cover the rules whatever the data holds.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from typing import Literal

import pytest

import gwr
from gwr._analysis import _compare
from gwr._analysis._table import display_width
from gwr._data import _lookup as _api

# --------------------------------------------------------------------------------------------
# Synthetic records
# --------------------------------------------------------------------------------------------


def _span(text: str) -> gwr.Span:
    return gwr.Span(source="test", start=0, end=len(text), exact=text, prefix="", suffix="")


def _quantity(text: str, key: str) -> gwr.Quantity | None:
    found = gwr.parse_quantities(text)
    if not found:
        return None
    import attrs

    return attrs.evolve(found[0], indicator=key)


def target(key: str, text: str, year: int = 2024) -> gwr.Target:
    quantity = _quantity(text, key)
    return gwr.Target(
        key=key,
        year=year,
        text=text,
        quantity=quantity,
        qualifier=None if quantity is None else quantity.qualifier,
        span=_span(text),
    )


def outcome(key: str, text: str, year: int = 2024) -> gwr.Outcome:
    quantity = _quantity(text, key)
    return gwr.Outcome(
        key=key,
        year=year,
        text=text,
        quantity=quantity,
        qualifier=None if quantity is None else quantity.qualifier,
        span=_span(text),
    )


def task(number: int, theme: str | None, secondary: str | None = None) -> gwr.Task:
    title = f"task {number} ({theme})"
    return gwr.Task(
        number=number,
        title=title,
        theme=theme,
        secondary_theme=secondary,
        subtasks=(),
        measures=(),
        span=_span(title),
    )


def make_report(
    year: int,
    *,
    kind: Literal["gwr", "plan"] = "gwr",
    completeness: Literal["full", "summary"] = "full",
    targets: tuple[gwr.Target, ...] = (),
    outcomes: tuple[gwr.Outcome, ...] = (),
    tasks: tuple[gwr.Task, ...] = (),
    measures: tuple[gwr.Measure, ...] = (),
) -> gwr.Report:
    return gwr.Report(
        id=f"{kind}-{year}",
        kind=kind,
        year=year,
        title="test report",
        date=f"{year}-03-05",
        meeting="",
        speaker="",
        completeness=completeness,
        witnesses=("test",),
        targets=targets,
        outcomes=outcomes,
        tasks=tasks,
        measures=measures,
    )


def _has_outcomes(year: int) -> bool:
    return any(o.year == year for r in gwr.reports() if r.year > year for o in r.outcomes)


# --------------------------------------------------------------------------------------------
# compare: real targets, read by hand
# --------------------------------------------------------------------------------------------


def test_compare_2024_2025_by_hand() -> None:
    changes = gwr.compare(2024, 2025)
    assert len(changes) == 9
    assert {row.key for row in changes} == {t.key for t in gwr.report(2025).targets}

    cpi = changes["cpi_growth"]  # 3%左右 → 2%左右
    assert (cpi.before.text, cpi.after.text) == ("居民消费价格涨幅3%左右", "居民消费价格涨幅2%左右")  # type: ignore[union-attr]
    assert cpi.direction == "down"
    assert cpi.delta == Decimal("-1")
    assert cpi.unit == "percentage_points"
    assert not cpi.qualifier_changed

    grain = changes["grain_output"]  # 1.3万亿斤以上 → 1.4万亿斤左右
    assert grain.direction == "up"
    assert grain.qualifier_changed
    assert (grain.before.qualifier, grain.after.qualifier) == ("at_least", "about")  # type: ignore[union-attr]
    assert grain.delta == Decimal("100000000000")
    assert grain.unit == "jin"

    energy = changes["energy_intensity_reduction"]  # 降低2.5%左右 → 降低3%左右: a bigger reduction
    assert energy.direction == "up"
    assert energy.delta == Decimal("0.5")

    for key in ("gdp_growth", "urban_new_jobs", "urban_unemployment_rate"):
        assert changes[key].direction == "same", key
        assert changes[key].delta == 0
        assert not changes[key].qualifier_changed
    for key in ("household_income_growth", "balance_of_payments", "ecological_quality"):
        assert changes[key].direction == "qualitative", key
        assert changes[key].delta is None


def test_compare_gwr_and_plan_of_one_year() -> None:
    changes = gwr.compare("gwr-2024", "plan-2024")
    assert [r.direction for r in changes if r.before and r.before.quantity] == ["same"] * 6
    assert {r.before_report for r in changes} == {"gwr-2024"}
    assert {r.after_report for r in changes} == {"plan-2024"}
    # a year with kind="plan" is the plan report
    assert gwr.compare(2024, "gwr-2025", kind="plan")[0].before_report == "plan-2024"


def test_compare_takes_years_ids_and_reports() -> None:
    by_year = gwr.compare(2024, 2025)
    assert gwr.compare("gwr-2024", "gwr-2025") == by_year
    assert gwr.compare("2024", "2025") == by_year
    assert gwr.compare(gwr.report(2024), gwr.report(2025)) == by_year


def test_compare_bad_input() -> None:
    with pytest.raises(gwr.NotFoundError, match="gwr-1970"):
        gwr.compare(1970, 2025)  # no report of 1970: no session met
    with pytest.raises(gwr.InvalidArgumentError, match="kind"):
        gwr.compare(2024, 2025, kind="budget")
    with pytest.raises(gwr.InvalidArgumentError):
        gwr.compare(gwr.report(2024), gwr.report(2025), kind="budget")
    with pytest.raises(gwr.InvalidTypeError):
        gwr.compare(2024.0, 2025)  # type: ignore[arg-type]


def test_compare_new_dropped_not_stated() -> None:
    gdp = target("gdp_growth", "国内生产总值增长5%左右")
    jobs = target("urban_new_jobs", "城镇新增就业1200万人以上")
    full_a = make_report(2024, targets=(gdp, jobs))
    full_b = make_report(2025, targets=(target("gdp_growth", "国内生产总值增长5%左右", 2025),))
    assert gwr.compare(full_a, full_b)["urban_new_jobs"].direction == "dropped"
    assert gwr.compare(full_b, full_a)["urban_new_jobs"].direction == "new"
    summary_b = make_report(2025, completeness="summary", targets=full_b.targets)
    row = gwr.compare(full_a, summary_b)["urban_new_jobs"]
    assert row.direction == "not_stated"
    assert row.after is None
    assert not row.qualifier_changed
    summary_a = make_report(2024, completeness="summary", targets=(gdp,))
    assert gwr.compare(summary_a, make_report(2025, targets=(gdp, jobs)))["urban_new_jobs"].direction == "not_stated"


def test_compare_signs_ranges_and_units() -> None:
    a = make_report(
        2024,
        targets=(
            target("cpi_growth", "居民消费价格涨幅3%左右"),
            target("gdp_growth", "国内生产总值增长5%—6%"),
            target("grain_output", "粮食产量1.3万亿斤以上"),
            target("ecological_quality", "生态环境质量持续改善"),
        ),
    )
    b = make_report(
        2025,
        targets=(
            target("cpi_growth", "居民消费价格下降1%", 2025),
            target("gdp_growth", "国内生产总值增长5.5%左右", 2025),
            target("grain_output", "粮食产量增长1%", 2025),
            target("ecological_quality", "单位国内生产总值能耗降低3%", 2025),
        ),
    )
    changes = gwr.compare(a, b)
    assert changes["cpi_growth"].direction == "down"  # a rise of 3% → a fall of 1%: −4 points
    assert changes["cpi_growth"].delta == Decimal("-4")
    assert changes["gdp_growth"].direction == "same"  # the middle of 5%—6% is 5.5%
    assert changes["gdp_growth"].qualifier_changed
    assert changes["grain_output"].direction == "incomparable"  # jin against %
    assert changes["ecological_quality"].direction == "qualitative"


# --------------------------------------------------------------------------------------------
# The result collection
# --------------------------------------------------------------------------------------------


def test_results_behave_like_a_collection() -> None:
    changes = gwr.compare(2024, 2025)
    assert list(changes) == list(changes.rows)
    assert changes[0] is changes.rows[0]
    assert changes[-1].key == changes.rows[-1].key
    assert bool(changes)
    with pytest.raises(gwr.NotFoundError, match="did you mean 'gdp_growth'"):
        changes["gdp"]
    with pytest.raises(gwr.InvalidTypeError):
        changes[1.5]  # type: ignore[call-overload]
    assert "TargetChange" in repr(changes)


def test_records_are_plain_and_carry_the_quotes() -> None:
    records = gwr.compare(2024, 2025).to_records()
    cpi = next(r for r in records if r["key"] == "cpi_growth")
    assert cpi["before_text"] == "居民消费价格涨幅3%左右"
    assert cpi["after_text"] == "居民消费价格涨幅2%左右"
    assert cpi["after_value"] == Decimal("2")
    assert cpi["after_source"] == "000"
    source = gwr.source("000").normalized
    assert source[cpi["after_start"] : cpi["after_end"]] == cpi["after_text"]  # type: ignore[misc]
    assert all(list(r) == list(records[0]) for r in records)
    assert list(records[0]) == list(_compare.TargetChange._fields)


def test_table_aligns_chinese_text() -> None:
    changes = gwr.compare(2024, 2025)
    lines = str(changes).splitlines()
    assert lines[0] == "gwr-2024 → gwr-2025: main expected targets"
    header, _rule, *body = lines[1:]
    assert header.split() == ["indicator", "before", "after", "direction", "qualifier"]
    columns = [display_width(line[: line.rindex(row.after.text)]) for line, row in zip(body, changes, strict=True)]  # type: ignore[union-attr]
    assert len(set(columns)) == 1
    assert display_width(header[: header.index("after")]) == columns[0]
    assert "at_least → about" in str(changes)
    assert "down (-1 pp)" in str(changes)


def test_to_dataframe_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes ``import pandas`` fail
    with pytest.raises(gwr.MissingDependencyError, match=r"china-gwr\[pandas\]") as caught:
        gwr.compare(2024, 2025).to_dataframe()
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, gwr.GwrError)


def test_to_dataframe_with_pandas() -> None:
    pytest.importorskip("pandas")
    frame = gwr.compare(2024, 2025).to_dataframe()
    assert list(frame.columns) == list(_compare.TargetChange._fields)
    assert len(frame) == 9
    row = frame[frame["key"] == "cpi_growth"].iloc[0]
    assert row["direction"] == "down"
    assert row["delta"] == -1.0
    empty = _compare.Results([], _compare.TargetChange).to_dataframe()
    assert list(empty.columns) == list(_compare.TargetChange._fields)


# --------------------------------------------------------------------------------------------
# attainment: the rules, on synthetic reports
# --------------------------------------------------------------------------------------------


def _attain(target_text: str, key: str, outcome_text: str | None) -> gwr.Attainment:
    goals = make_report(2024, targets=(target(key, target_text),))
    outcomes = () if outcome_text is None else (outcome(key, outcome_text),)
    later = make_report(2025, outcomes=outcomes)
    return gwr.attainment(goals, outcomes_from=later)[key]


@pytest.mark.parametrize(
    ("key", "target_text", "outcome_text", "status", "gap"),
    [
        # floor (registry): GDP growth 5%左右 is met by 5% and more
        ("gdp_growth", "国内生产总值增长5%左右", "国内生产总值增长5%", "met", "0"),
        ("gdp_growth", "国内生产总值增长5%左右", "国内生产总值增长5.2%", "met", "0.2"),
        ("gdp_growth", "国内生产总值增长5%左右", "国内生产总值增长4.9%", "missed", "-0.1"),
        # ceiling (registry): CPI 3%左右 is met by any rise up to 3%, and by a fall
        ("cpi_growth", "居民消费价格涨幅3%左右", "居民消费价格上涨0.2%", "met", "-2.8"),
        ("cpi_growth", "居民消费价格涨幅3%左右", "居民消费价格上涨3.5%", "missed", "0.5"),
        ("cpi_growth", "居民消费价格涨幅3%左右", "居民消费价格下降0.3%", "met", "-3.3"),
        ("urban_unemployment_rate", "城镇调查失业率5.5%左右", "城镇调查失业率平均为5.1%", "met", "-0.4"),
        ("urban_unemployment_rate", "城镇调查失业率5.5%左右", "城镇调查失业率平均为5.6%", "missed", "0.1"),
        # 以上: a floor by its qualifier
        ("urban_new_jobs", "城镇新增就业1200万人以上", "城镇新增就业1256万人", "met", "560000"),
        ("urban_new_jobs", "城镇新增就业1200万人以上", "城镇新增就业1100万人", "missed", "-1000000"),
        ("grain_output", "粮食产量1.3万亿斤以上", "粮食产量首次超过1.4万亿斤", "met", "100000000000"),
        ("grain_output", "粮食产量1.3万亿斤以上", "粮食产量1.3万亿斤", "met", "0"),
        # a reduction is compared as a reduction
        ("energy_intensity_reduction", "单位国内生产总值能耗降低2.5%左右", "能耗降幅超过3%", "met", "0.5"),
        ("energy_intensity_reduction", "单位国内生产总值能耗降低2.5%左右", "能耗降低2%", "missed", "-0.5"),
        ("energy_intensity_reduction", "单位国内生产总值能耗降低2.5%左右", "能耗上升0.5%", "missed", "-3.0"),
        # a bound that straddles the target settles nothing
        ("energy_intensity_reduction", "单位国内生产总值能耗降低2.5%左右", "能耗降低近3%", "indeterminate", "0.5"),
        # 不超过: a ceiling by its qualifier, whatever the registry says
        ("gdp_growth", "国内生产总值增长不超过6%", "国内生产总值增长5.2%", "met", "-0.8"),
    ],
)
def test_attainment_rules(key: str, target_text: str, outcome_text: str, status: str, gap: str) -> None:
    row = _attain(target_text, key, outcome_text)
    assert row.status == status, row.rule
    assert row.gap == Decimal(gap)
    assert row.outcome is not None
    assert row.outcome.text == outcome_text
    assert row.outcome_report == "gwr-2025"


def test_attainment_level_reading_and_tolerance() -> None:
    # a key the registry does not know is read as a level
    assert _attain("某指标5%左右", "made_up", "某指标为5.4%").status == "met"
    assert _attain("某指标5%左右", "made_up", "某指标为4.5%").status == "met"
    assert _attain("某指标5%左右", "made_up", "某指标为5.6%").status == "missed"
    assert _attain("某指标5%左右", "made_up", "某指标为4.4%").status == "missed"
    assert _attain("某指标5%", "made_up", "某指标为5%").status == "met"
    assert _attain("某指标5%", "made_up", "某指标为5.1%").status == "missed"
    assert _attain("某指标5%—6%", "made_up", "某指标为5.6%").status == "met"
    assert _attain("某指标5%—6%", "made_up", "某指标为6.5%").status == "missed"
    assert _attain("某指标5%左右", "made_up", "某指标超过5%").status == "indeterminate"
    row = _attain("某指标5%左右", "made_up", "某指标为5.4%")
    assert "4.5%" in row.rule
    assert "5.5%" in row.rule


def test_attainment_qualitative_no_outcome_and_mismatches() -> None:
    row = _attain("国际收支保持基本平衡", "balance_of_payments", "国际收支基本平衡")
    assert row.status == "qualitative"
    assert row.outcome is not None  # attached all the same
    assert row.gap is None
    assert _attain("国内生产总值增长5%左右", "gdp_growth", None).status == "no_outcome"
    assert _attain("国内生产总值增长5%左右", "gdp_growth", None).outcome is None
    # another unit, a change against a level, no number
    assert _attain("粮食产量1.3万亿斤以上", "grain_output", "粮食产量增长1.3%").status == "indeterminate"
    assert _attain("粮食产量1.3万亿斤以上", "grain_output", "粮食产量比上年增加100亿斤").status == "indeterminate"
    assert _attain("国内生产总值增长5%左右", "gdp_growth", "经济稳中有进").status == "indeterminate"


def _in_step(income: str | None, gdp: str | None, year: int = 2024) -> gwr.Attainment:
    goals = make_report(2024, targets=(target("household_income_growth", "居民收入增长和经济增长同步"),))
    outcomes = []
    if income is not None:
        outcomes.append(outcome("household_income_growth", income, year=year))
    if gdp is not None:
        outcomes.append(outcome("gdp_growth", gdp, year=year))
    later = make_report(2025, outcomes=tuple(outcomes))
    return gwr.attainment(goals, outcomes_from=later)["household_income_growth"]


@pytest.mark.parametrize(
    ("income", "gdp", "status", "gap", "gap_qualifier"),
    [
        # 2024, read from 000: income 实际增长5.1%, GDP 增长5%
        ("居民人均可支配收入实际增长5.1%", "增长5%", "met", "0.1", "exact"),
        # 2023, read from 003: income 增长6.1%, GDP 增长5.2%
        ("居民人均可支配收入增长6.1%", "增长5.2%", "met", "0.9", "exact"),
        ("居民人均可支配收入实际增长5%", "国内生产总值增长5%", "met", "0", "exact"),
        ("居民人均可支配收入实际增长4.8%", "国内生产总值增长5.2%", "missed", "-0.4", "exact"),
        ("居民人均可支配收入实际增长超过5%", "国内生产总值增长5%", "met", "0", "more_than"),
        ("居民人均可支配收入实际增长近5%", "国内生产总值增长5%", "missed", "0", "less_than"),
        ("居民人均可支配收入实际增长近5.2%", "国内生产总值增长5%", "indeterminate", "0.2", "less_than"),
    ],
)
def test_attainment_in_step_is_decided_by_both_outcomes(
    income: str, gdp: str, status: str, gap: str, gap_qualifier: str
) -> None:
    row = _in_step(income, gdp)
    assert row.status == status, row.rule
    assert row.gap == Decimal(gap)
    assert row.gap_qualifier == gap_qualifier
    assert row.unit == "percentage_points"
    assert row.reference is not None
    assert row.reference.key == "gdp_growth"
    assert "gdp_growth" in row.rule


def test_attainment_in_step_without_both_outcomes() -> None:
    assert _in_step(None, "国内生产总值增长5%").status == "no_outcome"
    row = _in_step("居民人均可支配收入实际增长5.1%", None)
    assert (row.status, row.gap, row.reference) == ("indeterminate", None, None)
    assert "no outcome on gdp_growth" in row.rule
    assert _in_step("居民收入稳步增长", "国内生产总值增长5%").status == "indeterminate"
    # outcomes of another year decide nothing
    assert _in_step("居民人均可支配收入实际增长5.1%", "增长5%", year=2023).status == "no_outcome"


@pytest.mark.parametrize(
    ("key", "target_text", "outcome_text", "gap", "gap_qualifier", "shown"),
    [
        # read from 000 against 003: 降幅超过3% against 2.5%: met by more than 0.5 points
        (
            "energy_intensity_reduction",
            "单位国内生产总值能耗降低2.5%左右",
            "能耗降幅超过3%",
            "0.5",
            "more_than",
            "> +0.5 pp",
        ),
        # 首次跃上1.4万亿斤 against 1.3万亿斤以上: by at least 100 000 000 000 jin
        (
            "grain_output",
            "粮食产量1.3万亿斤以上",
            "粮食产量首次跃上1.4万亿斤新台阶",
            "100000000000",
            "at_least",
            "≥ +1000亿斤",
        ),
        (
            "energy_intensity_reduction",
            "单位国内生产总值能耗降低2.5%左右",
            "能耗降低近3%",
            "0.5",
            "less_than",
            "< +0.5 pp",
        ),
        ("cpi_growth", "居民消费价格涨幅3%左右", "居民消费价格上涨不超过2%", "-1", "at_most", "≤ -1 pp"),
        ("gdp_growth", "国内生产总值增长5%左右", "国内生产总值增长约5.2%", "0.2", "about", "≈ +0.2 pp"),
        ("gdp_growth", "国内生产总值增长5%左右", "国内生产总值增长5.2%", "0.2", "exact", "+0.2 pp"),
        # a rise where a reduction is measured: the bound turns round
        (
            "energy_intensity_reduction",
            "单位国内生产总值能耗降低2.5%左右",
            "能耗上升超过1%",
            "-3.5",
            "less_than",
            "< -3.5 pp",
        ),
    ],
)
def test_attainment_gap_of_a_bound_is_a_bound(
    key: str, target_text: str, outcome_text: str, gap: str, gap_qualifier: str, shown: str
) -> None:
    row = _attain(target_text, key, outcome_text)
    assert (row.gap, row.gap_qualifier) == (Decimal(gap), gap_qualifier)
    assert row.to_record()["gap_qualifier"] == gap_qualifier
    assert shown in str(gwr.Results([row], gwr.Attainment))


def test_attainment_outcome_of_the_target_year_only() -> None:
    goals = make_report(2024, targets=(target("gdp_growth", "国内生产总值增长5%左右"),))
    later = make_report(2025, outcomes=(outcome("gdp_growth", "国内生产总值增长5.2%", year=2023),))
    assert gwr.attainment(goals, outcomes_from=later)["gdp_growth"].status == "no_outcome"


def test_attainment_prefers_the_government_work_report(monkeypatch: pytest.MonkeyPatch) -> None:
    goals = make_report(2024, targets=(target("gdp_growth", "国内生产总值增长5%左右"),))
    plan = make_report(2025, kind="plan", outcomes=(outcome("gdp_growth", "国内生产总值增长4.9%"),))
    main = make_report(2025, outcomes=(outcome("gdp_growth", "国内生产总值增长5%"),))
    monkeypatch.setattr(_api, "reports", lambda: (goals, plan, main))
    default = gwr.attainment(goals)["gdp_growth"]
    assert (default.outcome_report, default.status) == ("gwr-2025", "met")
    other = gwr.attainment(goals, outcomes_from="plan")["gdp_growth"]
    assert (other.outcome_report, other.status) == ("plan-2025", "missed")
    assert gwr.attainment(goals, outcomes_from=plan)["gdp_growth"].outcome_report == "plan-2025"
    # a Government Work Report without that outcome falls back to the plan report
    monkeypatch.setattr(_api, "reports", lambda: (goals, plan, make_report(2025)))
    assert gwr.attainment(goals)["gdp_growth"].outcome_report == "plan-2025"


def test_attainment_records_and_table() -> None:
    goals = make_report(2024, targets=(target("cpi_growth", "居民消费价格涨幅3%左右"),))
    later = make_report(2025, outcomes=(outcome("cpi_growth", "居民消费价格上涨0.2%"),))
    results = gwr.attainment(goals, outcomes_from=later)
    [record] = results.to_records()
    assert record["status"] == "met"
    assert record["gap"] == Decimal("-2.8")
    assert record["unit"] == "percentage_points"
    assert record["target_text"] == "居民消费价格涨幅3%左右"
    assert record["outcome_text"] == "居民消费价格上涨0.2%"
    assert list(record) == list(_compare.Attainment._fields)
    table = str(results)
    assert "ceiling" in table
    assert "-2.8 pp" in table


def test_attainment_bad_input() -> None:
    with pytest.raises(gwr.NotFoundError):
        gwr.attainment(1970)
    with pytest.raises(gwr.InvalidArgumentError):
        gwr.attainment(2024, kind="budget")
    with pytest.raises(gwr.NotFoundError, match="gwr-2030"):
        gwr.attainment(2024, outcomes_from="gwr-2030")
    with pytest.raises(gwr.InvalidTypeError):
        gwr.attainment(2024, outcomes_from=2025)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# attainment: real data
# --------------------------------------------------------------------------------------------


def test_attainment_2024_real_targets() -> None:
    rows = gwr.attainment(2024)
    assert [r.key for r in rows] == [t.key for t in gwr.report(2024).targets if t.in_passage]
    for key in ("balance_of_payments", "ecological_quality"):
        assert rows[key].status == "qualitative"
    # 居民收入增长和经济增长同步, decided by 000: 居民人均可支配收入实际增长5.1% against 增长5%
    income = rows["household_income_growth"]
    assert (income.status, income.gap, income.gap_qualifier, income.unit) == (
        "met",
        Decimal("0.1"),
        "exact",
        "percentage_points",
    )
    assert income.outcome is not None
    assert income.outcome.text == "居民人均可支配收入实际增长5.1%"
    assert income.reference is not None
    assert (income.reference.text, income.reference.span.source) == ("增长5%", "000")
    assert gwr.attainment(2024, kind="plan")[0].report == "plan-2024"
    # the plan report words it otherwise (004: 居民人均可支配收入增长与经济增长同步): the same rule
    plan = gwr.attainment("plan-2024")["household_income_growth"]
    assert plan.target.text == "居民人均可支配收入增长与经济增长同步"
    assert (plan.status, plan.gap, plan.outcome_report) == ("met", Decimal("0.1"), "gwr-2025")


def test_attainment_2024_by_hand() -> None:
    rows = gwr.attainment(2024)
    # read from source 000: 增长5%, 1256万人, 5.1%, 上涨0.2%, 跃上1.4万亿斤, 能耗降幅超过3%
    expected = {
        "gdp_growth": ("met", Decimal("0")),
        "urban_new_jobs": ("met", Decimal("560000")),
        "urban_unemployment_rate": ("met", Decimal("-0.4")),
        "cpi_growth": ("met", Decimal("-2.8")),
        "grain_output": ("met", Decimal("100000000000")),
        "energy_intensity_reduction": ("met", Decimal("0.5")),
    }
    for key, (status, gap) in expected.items():
        row = rows[key]
        assert (row.status, row.gap) == (status, gap), (key, row.rule)
        assert row.outcome_report == "gwr-2025"
    # 跃上1.4万亿斤 and 降幅超过3% are bounds, and so are their gaps
    bounds = {key: rows[key].gap_qualifier for key in expected}
    assert bounds == {
        "gdp_growth": "exact",
        "urban_new_jobs": "exact",
        "urban_unemployment_rate": "exact",
        "cpi_growth": "exact",
        "grain_output": "at_least",
        "energy_intensity_reduction": "more_than",
    }


# --------------------------------------------------------------------------------------------
# compare_tasks
# --------------------------------------------------------------------------------------------


def test_compare_tasks_synthetic() -> None:
    a = make_report(
        2024,
        tasks=(
            task(1, "industry"),
            task(2, "science_education"),
            task(3, "domestic_demand"),
            task(4, "risk", "security"),
        ),
    )
    b = make_report(
        2025,
        tasks=(task(1, "domestic_demand"), task(2, "industry"), task(3, "security"), task(4, "green"), task(5, None)),
    )
    moves = gwr.compare_tasks(a, b)
    assert [m.theme for m in moves] == ["domestic_demand", "industry", "security", "green", "science_education", "risk"]
    demand = moves["domestic_demand"]
    assert (demand.before_position, demand.after_position, demand.direction, demand.shift) == (3, 1, "up", 2)
    assert moves["industry"].direction == "down"
    assert moves["industry"].shift == -1
    assert moves["security"].direction == "unfolded"  # folded into task 4 before, a task of its own after
    assert moves["security"].before_secondary == 4
    assert moves["science_education"].direction == "dropped"
    assert moves["risk"].after is None
    assert "up (3 → 1)" in str(moves)
    assert "secondary theme of task 4" in str(moves)
    record = moves.to_records()[0]
    assert (record["theme"], record["before_title"], record["after_position"]) == (
        "domestic_demand",
        "task 3 (domestic_demand)",
        1,
    )
    assert list(record) == list(_compare.TaskMove._fields)


def _with_subtask(number: int, theme: str, subtask_theme: str | None, sub_number: int = 2) -> gwr.Task:
    import attrs

    sub = attrs.evolve(task(sub_number, None), theme=subtask_theme, title="sub-task")
    return attrs.evolve(task(number, theme), subtasks=(attrs.evolve(task(1, None), title="first"), sub))


def test_compare_tasks_finds_themes_in_sub_tasks() -> None:
    a = make_report(2024, tasks=(task(1, "livelihood"), task(2, "security")))
    b = make_report(2025, completeness="summary", tasks=(_with_subtask(1, "livelihood", "security"),))
    moves = gwr.compare_tasks(a, b)
    security = moves["security"]
    assert (security.direction, security.before_position, security.after_secondary, security.after_subtask) == (
        "folded",
        2,
        1,
        2,
    )
    assert "— (sub-task 2 of task 1)" in str(moves)
    back = gwr.compare_tasks(b, make_report(2026, tasks=(task(1, "livelihood"), task(2, "security"))))["security"]
    assert (back.direction, back.before_secondary, back.before_subtask, back.after_position) == ("unfolded", 1, 2, 2)
    record = moves.to_records()[-1]
    assert (record["after_secondary"], record["after_subtask"]) == (1, 2)
    # without a sub-task on the theme, a summary says nothing, a full report drops it
    plain = make_report(2025, completeness="summary", tasks=(_with_subtask(1, "livelihood", None),))
    assert gwr.compare_tasks(a, plain)["security"].direction == "not_stated"
    full = make_report(2025, tasks=(_with_subtask(1, "livelihood", None),))
    assert gwr.compare_tasks(a, full)["security"].direction == "dropped"


def test_compare_tasks_security_in_2025_by_hand() -> None:
    # 004: （九）强化重点领域安全能力建设; 000: task 10's ● 维护国家安全和社会稳定
    security = gwr.compare_tasks("plan-2024", 2025)["security"]
    assert (security.before_position, security.direction) == (9, "folded")
    assert (security.after_secondary, security.after_subtask) == (10, 5)
    holder = gwr.report(2025).task(10).subtasks[4]
    assert (holder.title, holder.theme) == ("维护国家安全和社会稳定", "security")
    # 003: （十）… sub-task 5 维护国家安全和社会稳定, and task 6's 加强重点领域安全能力建设
    report = gwr.report(2024)
    assert [(s.number, s.title) for s in report.task(10).subtasks if s.theme == "security"] == [
        (5, "维护国家安全和社会稳定")
    ]
    assert [s.title for s in report.task(6).subtasks if s.theme == "security"] == ["加强重点领域安全能力建设"]
    # sub-tasks on their task's own theme carry none
    assert all(s.theme is None for t in report.tasks if t.number not in (6, 10) for s in t.subtasks)


def test_compare_tasks_summary_and_duplicates() -> None:
    a = make_report(2024, tasks=(task(1, "industry"), task(2, "reform"), task(3, "reform")))
    b = make_report(2025, completeness="summary", tasks=(task(1, "reform"),))
    moves = gwr.compare_tasks(a, b)
    reform = [m for m in moves if m.theme == "reform"]
    assert [(m.before_position, m.after_position) for m in reform] == [(2, 1), (3, None)]
    assert reform[1].direction == "not_stated"
    assert moves["industry"].direction == "not_stated"


def test_compare_tasks_needs_tasks() -> None:
    with pytest.raises(gwr.NotFoundError, match="no tasks"):
        gwr.compare_tasks(make_report(2024), make_report(2025, tasks=(task(1, "industry"),)))
    with pytest.raises(gwr.NotFoundError):
        gwr.compare_tasks(2024, 1970)


def test_compare_tasks_gwr_and_plan_2024() -> None:
    moves = gwr.compare_tasks("gwr-2024", "plan-2024")
    # 003: （三）着力扩大国内需求 ; 004: （二）着力扩大国内需求
    demand = moves["domestic_demand"]
    assert (demand.before_position, demand.after_position, demand.direction) == (3, 2, "up")
    assert moves["livelihood"].direction == "same"
    assert moves["industry"].before_position == 1


def test_compare_tasks_2024_2025_by_hand() -> None:
    moves = gwr.compare_tasks(2024, 2025)
    # 2025 (000): （一）大力提振消费…全方位扩大国内需求, （二）因地制宜发展新质生产力…
    demand = moves["domestic_demand"]
    assert (demand.before_position, demand.after_position, demand.direction, demand.shift) == (3, 1, "up", 2)
    assert moves["industry"].direction == "down"
    assert moves["livelihood"].after_position == 10


def test_report_task_lookup() -> None:
    report = gwr.report(2024)
    assert report.task(3).title == "着力扩大国内需求，推动经济实现良性循环"  # 003: （三）
    assert report.task(3).theme == "domestic_demand"
    with pytest.raises(gwr.NotFoundError, match="has no task 11") as caught:
        report.task(11)
    assert caught.value.available == tuple(str(n) for n in range(1, 11))
    with pytest.raises(gwr.InvalidTypeError):
        report.task("3")  # type: ignore[arg-type]
    with pytest.raises(gwr.NotFoundError, match=r"has no task 1$"):
        make_report(2030).task(1)
