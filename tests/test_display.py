"""What a notebook user sees: one-line records, Results as tables, readable numbers, flat tables.

Expectations about the texts are read from the sources: 2024 task 3 is 着力扩大国内需求，推动经济
实现良性循环 with the sub-tasks 促进消费稳定增长 and 积极扩大有效投资 (003); 今年中央预算内投资拟安排
7000亿元。 is a measure of the second; the sentence 减轻中小学教师非教学负担。 is in the newspaper's
copy of part three (002) and not in the full text (003).
"""

from __future__ import annotations

import html
import re
from decimal import Decimal

import attrs
import pytest

import gwr
from gwr._analysis._results import MAX_ROWS_SHOWN, readable

# --------------------------------------------------------------------------------------------
# Records print in one line
# --------------------------------------------------------------------------------------------


def _records() -> list[object]:
    report = gwr.report(2024)
    task = report.task(3)
    return [
        report,
        gwr.report("plan-2024"),
        gwr.report(2025),
        task,
        task.subtasks[1],
        task.subtasks[1].measures[1],
        report.targets[0],
        report.targets[0].span,
        report.targets[0].quantity,
        report.outcomes[0],
        report.outline[0],
        gwr.source("003"),
        gwr.indicator("cpi_growth"),
        gwr.themes()[0],
        gwr.variants(2024)[0],
    ]


@pytest.mark.parametrize("record", _records(), ids=lambda r: type(r).__name__)
def test_records_print_in_one_short_line(record: object) -> None:
    text = repr(record)
    assert "\n" not in text
    assert len(text) <= 200, text


def test_report_repr_names_id_kind_year_completeness_and_counts() -> None:
    report = gwr.report(2024)
    measures = sum(1 for _, item in report.iter_items() if isinstance(item, gwr.Measure))
    # 11 targets: the nine of the passage, and 赤字率拟按3%安排，赤字规模4.06万亿元 set in the fiscal policy
    assert repr(report) == (
        f"<Report gwr-2024: gwr 2024, full; 11 targets, {len(report.outcomes)} outcomes, 10 tasks, {measures} measures>"
    )
    assert repr(gwr.report(2025)).startswith("<Report gwr-2025: gwr 2025, summary; 9 targets")


def test_task_measure_and_quantity_reprs() -> None:
    task = gwr.report(2024).task(3)
    assert repr(task).startswith("<Task 3 domestic_demand '着力扩大国内需求，推动经济实现良性循环' (2 sub-tasks, ")
    measure = task.subtasks[1].measures[1]
    assert repr(measure).startswith("<Measure '今年中央预算内投资拟安排7000亿元。' (1 quantity) at 003:")
    quantity = gwr.report(2024).target("grain_output").quantity
    assert repr(quantity) == "<Quantity 1300000000000 jin, at_least, grain_output: '1.3万亿斤以上'>"


def test_records_keep_attrs_equality_and_hashing() -> None:
    for record in _records():
        if not attrs.has(type(record)):
            continue
        copy = attrs.evolve(record)  # type: ignore[misc]
        assert copy == record
        assert hash(copy) == hash(record)
    target = gwr.report(2024).target("cpi_growth")
    assert attrs.evolve(target, text="x") != target


# --------------------------------------------------------------------------------------------
# Results: length, slices, tables
# --------------------------------------------------------------------------------------------


def test_results_length_index_key_and_slice() -> None:
    changes = gwr.compare(2024, 2025)
    assert len(changes) == 9
    assert changes[0].key == "gdp_growth"
    assert changes[-1].key == "ecological_quality"
    assert changes["cpi_growth"].direction == "down"
    first = changes[:3]
    assert isinstance(first, gwr.Results)
    assert [row.key for row in first] == [row.key for row in list(changes)[:3]]
    assert first.title.endswith("(rows 1-3 of 9)")
    assert first["urban_unemployment_rate"] is changes["urban_unemployment_rate"]
    assert [row.key for row in changes[::4]] == [changes[0].key, changes[4].key, changes[8].key]
    assert len(changes[20:]) == 0
    assert changes[:] == changes
    with pytest.raises(IndexError, match="there are 9 rows"):
        changes[9]
    with pytest.raises(TypeError):
        changes[1.5]  # type: ignore[call-overload]


def test_results_html_is_a_table_with_every_cell_escaped() -> None:
    changes = gwr.compare(2024, 2025)
    page = changes._repr_html_()
    assert page.startswith('<table class="gwr-results">')
    assert page.count("<tr>") == 1 + len(changes)
    assert '<th style="text-align:left">indicator</th>' in page  # left-aligned, as in the text table
    assert "粮食产量1.4万亿斤左右" in page
    assert "at_least → about" in page
    hits = gwr.search("<script>")  # nothing found, still a table
    assert "&lt;script&gt;" in hits._repr_html_()
    assert "<script>" not in hits._repr_html_()
    # a cell holding markup is escaped, the title too
    span = gwr.Span(source="x", start=0, end=3, exact="<b>", prefix="", suffix="")
    row = gwr.Hit(document="doc & co", report=None, span=span, context="<b>bold</b> & 'quoted'")
    page = gwr.Results([row], gwr.Hit, "a <title>")._repr_html_()
    assert "<b>" not in page
    assert html.escape("<b>bold</b> & 'quoted'") in page
    assert "doc &amp; co" in page
    assert "a &lt;title&gt; (1 row)" in page


def test_long_results_show_their_ends() -> None:
    measures = gwr.report(2024).table("measures")
    assert len(measures) > MAX_ROWS_SHOWN
    text = repr(measures)
    assert text.startswith(f"<Results: {len(measures)} Item rows>")
    assert f"({len(measures) - MAX_ROWS_SHOWN} rows not shown" in text
    page = measures._repr_html_()
    assert page.count("<tr>") == 1 + MAX_ROWS_SHOWN + 1
    assert f"{len(measures) - MAX_ROWS_SHOWN} rows not shown" in page
    assert len(str(measures).splitlines()) == len(measures) + 3  # print() shows every row


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        ("100000000000", "jin", "1000亿斤"),
        ("1400000000000", "jin", "1.4万亿斤"),
        ("700000000000", "CNY", "7000亿元"),
        ("1000000000000", "CNY", "1万亿元"),
        ("12000000", "persons", "1200万人"),
        ("12560000", "persons", "1256万人"),
        ("5.2", "%", "5.2%"),
        ("0.5", "percentage_points", "0.5 pp"),
        ("9999", "CNY", "9,999元"),
        ("10000", "count", "1万"),
        ("3", "fold", "3倍"),
        ("2", "basis_points", "2 basis_points"),
        ("126000000000000", "CNY", "126万亿元"),
    ],
)
def test_readable_numbers(value: str, unit: str, shown: str) -> None:
    assert readable(Decimal(value), unit) == shown


def test_tables_are_readable_and_records_exact() -> None:
    changes = gwr.compare(2024, 2025)
    assert "up (+1000亿斤)" in str(changes)  # 1.3万亿斤以上 → 1.4万亿斤左右
    assert "100,000,000,000" not in str(changes)
    assert changes["grain_output"].to_record()["delta"] == Decimal("100000000000")
    points = gwr.series("grain_output", measures=True)
    assert "1.4万亿斤" in str(points)
    assert points.to_records()[-1]["value"] == Decimal("1400000000000")


# --------------------------------------------------------------------------------------------
# Flat tables of a report
# --------------------------------------------------------------------------------------------


def _task_measures(task: gwr.Task) -> list[gwr.Measure]:
    found = list(task.measures)
    for subtask in task.subtasks:
        found += _task_measures(subtask)
    return found


def test_every_measure_of_a_report_in_one_call() -> None:
    report = gwr.report(2024)
    rows = report.table("measures")
    every = [item for _, item in report.iter_items() if isinstance(item, gwr.Measure)]
    assert len(rows) == len(every)
    assert {row.path for row in rows} == {p for p, item in report.iter_items() if isinstance(item, gwr.Measure)}
    in_tasks = [row for row in rows if row.task is not None]
    assert len(in_tasks) == sum(len(_task_measures(task)) for task in report.tasks)
    row = next(row for row in rows if row.text == "今年中央预算内投资拟安排7000亿元。")
    assert (row.task, row.subtask, row.subtask_title) == (3, "2", "积极扩大有效投资")
    assert row.quantities == 1
    assert row.span == row.quote
    assert row.kind == "measure"


def test_every_quantity_with_its_own_span_and_its_quote() -> None:
    report = gwr.report(2024)
    rows = report.table("quantities")
    expected = sum(len(m.quantities) for m in report.table("measures").rows for m in [_measure(report, m.path)])
    expected += sum(1 for t in (*report.targets, *report.outcomes) if t.quantity is not None)
    assert len(rows) == expected
    for row in rows:
        text = gwr.source(row.span.source).normalized
        assert text[row.span.start : row.span.end] == row.text == row.span.exact
        assert text[row.quote.start : row.quote.end] == row.quote.exact
        assert row.quote.start <= row.span.start < row.span.end <= row.quote.end
        assert row.span.prefix == text[max(0, row.span.start - 16) : row.span.start]
        assert row.span.suffix == text[row.span.end : row.span.end + 16]
    grain = next(row for row in rows if row.path.startswith("targets[") and row.key == "grain_output")
    assert (grain.text, grain.value, grain.unit, grain.year) == ("1.3万亿斤以上", Decimal("1300000000000"), "jin", 2024)


def _measure(report: gwr.Report, path: str) -> gwr.Measure:
    return next(item for p, item in report.iter_items() if p == path)  # type: ignore[return-value]


def test_report_tables_export_with_quote_and_span_columns() -> None:
    pytest.importorskip("pandas")
    for what in ("targets", "outcomes", "measures", "quantities"):
        table = gwr.report(2024).table(what)
        frame = table.to_dataframe()
        assert len(frame) == len(table)
        assert {"quote", "source", "start", "end", "task", "subtask", "path"} <= set(frame.columns)
        records = table.to_records()
        assert list(records[0]) == list(table.columns)
    targets = gwr.report(2025).table("targets").to_records()
    cpi = next(r for r in targets if r["key"] == "cpi_growth")
    assert (cpi["text"], cpi["value"], cpi["quote"], cpi["source"]) == (
        "居民消费价格涨幅2%左右",
        Decimal("2"),
        "居民消费价格涨幅2%左右",
        "000",
    )


@pytest.mark.parametrize(("what", "error"), [("budget", ValueError), (3, TypeError)])
def test_report_table_names_its_tables(what: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="targets") as caught:
        gwr.report(2024).table(what)  # type: ignore[arg-type]
    assert isinstance(caught.value, gwr.GwrError)


# --------------------------------------------------------------------------------------------
# A task's text across witnesses
# --------------------------------------------------------------------------------------------


def test_a_task_text_includes_what_only_the_second_witness_has() -> None:
    task = gwr.report(2024).task(2)
    passages = task.passages()
    assert [p.source for p in passages] == ["003", "002", "003"]
    for span in passages:
        assert gwr.source(span.source).normalized[span.start : span.end] == span.exact
    text = task.full_text()
    assert "减轻中小学教师非教学负担。" not in task.span.exact
    assert "减轻中小学教师非教学负担。" in text
    # in the order of the newspaper's copy: after 推进大中小学思想政治教育一体化建设。 and before
    # 实施高等教育综合改革试点
    assert re.search("思想政治教育一体化建设。开展基础教育扩优提质行动.*减轻中小学教师非教学负担。", text)
    assert text.index("大力提高职业教育质量。") < text.index("实施高等教育综合改革试点")
    assert len(text) == len(task.span.exact) + len(passages[1].exact)


def test_a_task_with_one_witness_is_its_span() -> None:
    task = gwr.report(2024).task(3)
    assert task.passages() == (task.span,)
    assert task.full_text() == task.span.exact
    summary_task = gwr.report(2025).tasks[0]
    assert summary_task.full_text() == summary_task.span.exact


def test_a_derived_value_reads_readably_in_the_table_and_exactly_in_the_record() -> None:
    # 赤字规模4.06万亿元，比上年年初预算增加1800亿元 (003): the 2023 deficit was 3.88万亿元
    points = gwr.series("deficit", measures=True)
    derived = next(p for p in points if not p.stated and p.report == "gwr-2024")
    assert derived.value == Decimal("3880000000000")
    assert derived.derivation is not None
    assert derived.derivation.endswith("= 3,880,000,000,000 CNY")  # the record: exact, grouped
    row = next(line for line in str(points).splitlines() if "gwr-2024" in line and "derived" in line)
    assert "4.06万亿元" in row
    assert "− 1800亿元" in row
    assert "= 3.88万亿元" in row
    assert "3,880,000,000,000" not in row
