"""How often the theme rule agrees with the themes a person annotated.

    python benchmarks/themes_agreement.py

Every task and sub-task of the data whose theme an annotation gives (``annotations/cited/``, the
summary and full-text annotations) is themed again by the rule (:func:`gwr._reading._themes.theme_of`,
the registry's words over the title), and counted as agreeing where the rule's theme is the
annotated primary or secondary theme. The words were chosen reading these titles, so the figure is
the agreement on the data the words were tuned on, not on unseen reports. Goal (issue 22): 90%.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import gwr
from gwr._reading._themes import theme_of


def annotated(tasks: tuple[gwr.Task, ...]) -> Iterator[gwr.Task]:
    for task in tasks:
        if task.theme_source == "annotation":
            yield task
        yield from annotated(task.subtasks)


def main() -> None:
    themes = gwr.themes()
    agree = primary = total = 0
    missed: Counter[tuple[str | None, str | None]] = Counter()
    for report in gwr.reports():
        for task in annotated(report.tasks):
            total += 1
            got = theme_of(task.title, themes)
            primary += got == task.theme
            if got in (task.theme, task.secondary_theme):
                agree += 1
            else:
                missed[(task.theme, got)] += 1
    print(f"annotated tasks and sub-tasks: {total}")
    print(f"rule agrees with the primary or secondary theme: {agree} ({agree / total:.1%}); goal 90%")
    print(f"rule agrees with the primary theme: {primary} ({primary / total:.1%})")
    for (wanted, got), n in missed.most_common(10):
        print(f"  annotated {wanted}, rule {got}: {n}")


if __name__ == "__main__":
    main()
