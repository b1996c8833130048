"""Themes by rule: a task's theme from the words of its title.

The theme registry (``themes.json``, from ``annotations/themes.toml``) gives each theme the words
that mark it (内需, 消费, 有效投资 for domestic demand; 生态, 绿色, 低碳 for green development).
A task's theme is the theme whose words occur most often in its title; a tie goes to the theme
whose word comes first in the title; a title with none of the words has no theme. Where an
annotation themes a report's tasks (the numbered task lists of the corpus, read by a person),
the annotation decides and the rule is not applied: ``Task.theme_source`` says which decided.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .._model._records import Task, Theme


def theme_of(title: str, themes: Sequence[Theme]) -> str | None:
    """The theme the words of ``title`` mark, or ``None``.

    >>> import gwr
    >>> theme_of("着力扩大国内需求，推动经济实现良性循环", gwr.themes())
    'domestic_demand'
    >>> theme_of("加强生态文明建设，推进绿色低碳发展", gwr.themes()), theme_of("各位代表", gwr.themes())
    ('green', None)
    """
    best: tuple[int, int] | None = None  # (count, -first position)
    chosen = None
    for theme in themes:
        count = sum(title.count(word) for word in theme.words)
        if not count:
            continue
        first = min(title.find(word) for word in theme.words if word in title)
        score = (count, -first)
        if best is None or score > best:
            best, chosen = score, theme.key
    return chosen


def themed(tasks: tuple[Task, ...], themes: Sequence[Theme]) -> tuple[Task, ...]:
    """``tasks`` and their sub-tasks, each themed by the rule (``theme_source="rule"``)."""
    return tuple(
        attrs.evolve(
            task,
            theme=theme_of(task.title, themes),
            secondary_theme=None,
            theme_source="rule",
            subtasks=themed(task.subtasks, themes),
        )
        for task in tasks
    )


def annotated(tasks: tuple[Task, ...]) -> tuple[Task, ...]:
    """``tasks`` and their sub-tasks, marked as themed by annotation where they have a theme."""
    return tuple(
        attrs.evolve(
            task,
            theme_source="annotation" if task.theme is not None else None,
            subtasks=annotated(task.subtasks),
        )
        for task in tasks
    )
