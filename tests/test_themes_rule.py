"""Themes by rule (issue 22): a task's theme from the words of its title, where no annotation gives one.

The expectations are the annotated themes (``annotations/cited/``, read by a person) and task
titles read from the texts: 2024's task 3 着力扩大国内需求，推动经济实现良性循环 is domestic demand,
2026's task 9 加快推动全面绿色转型 is green development.
"""

from __future__ import annotations

from collections.abc import Iterator

import gwr
from gwr._reading._themes import theme_of


def _annotated(tasks: tuple[gwr.Task, ...]) -> Iterator[gwr.Task]:
    for task in tasks:
        if task.theme_source == "annotation":
            yield task
        yield from _annotated(task.subtasks)


def test_the_rule_agrees_with_the_annotations() -> None:
    themes = gwr.themes()
    tasks = [t for r in gwr.reports() for t in _annotated(r.tasks)]
    assert len(tasks) > 300
    agree = sum(theme_of(t.title, themes) in (t.theme, t.secondary_theme) for t in tasks)
    assert agree >= 0.9 * len(tasks)


def test_an_unannotated_report_is_themed_by_rule() -> None:
    report = gwr.report(2026)
    assert all(t.theme_source == "rule" for t in report.tasks)
    assert report.task(9).title == "加快推动全面绿色转型"
    assert report.task(9).theme == "green"


def test_a_read_report_is_themed_and_compared() -> None:
    text = gwr.source("003").text
    report = gwr.read(text[text.index("政府工作报告\n") : text.index("教育部部长")])
    assert report.task(3).theme == "domestic_demand"
    assert report.task(3).theme_source == "rule"
    moves = gwr.compare_tasks(2024, report)
    assert moves["domestic_demand"].direction == "same"


def test_an_annotation_decides_where_it_is_given() -> None:
    task = gwr.report(2024).task(3)
    assert (task.theme, task.theme_source) == ("domestic_demand", "annotation")


def test_a_title_with_no_theme_word_has_no_theme() -> None:
    assert theme_of("各位代表", gwr.themes()) is None
