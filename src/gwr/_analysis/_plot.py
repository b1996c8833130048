"""Pictures of the data, drawn with matplotlib (the optional extra ``china-gwr[plot]``).

Each picture is made in two steps, so that what is drawn can be checked without looking at pixels:

- a *chart* record holds the numbers to draw, read from the data (no matplotlib needed):
  :func:`series_chart` for an indicator's series, :func:`theme_chart` for the place of each
  task theme in the task lists;
- :func:`draw_series` and :func:`draw_themes` draw a chart on a matplotlib ``Axes``.

:meth:`gwr.Results.plot` does both for the rows of :func:`gwr.series`:
``gwr.series("gdp_growth").plot()``. matplotlib is imported only when something is drawn.

Labels are in English (indicator and theme names from the registries): matplotlib's own fonts
have no Chinese characters.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from .._model._errors import InvalidArgumentError, InvalidTypeError, MissingDependencyError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .._model._records import Report
    from ._results import Results
    from ._series import SeriesPoint

__all__ = [
    "SeriesChart",
    "SeriesLine",
    "ThemeChart",
    "draw_series",
    "draw_themes",
    "figure_size",
    "plot",
    "require_matplotlib",
    "series_chart",
    "theme_chart",
]

_ROLE_LABELS = {"target": "target", "outcome": "outcome", "measure": "stated in a measure"}
_ROLE_STYLES: dict[str, dict[str, Any]] = {
    "target": {"color": "C0", "marker": "o", "linestyle": "--"},
    "outcome": {"color": "C1", "marker": "s", "linestyle": "-"},
    "measure": {"color": "C2", "marker": "^", "linestyle": ":"},
}
_UNIT_NAMES = {"%": "%", "percentage_points": "percentage points", "persons": "persons"}
_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))
MISSING_LABEL = "no report"
"""The legend label of the years a chart has no report for."""


# --------------------------------------------------------------------------------------------
# Charts: the numbers to draw


@attrs.frozen
class SeriesLine:
    """One role of a series (targets, outcomes or measures): a value or a gap for each year.

    ``values[i]`` is the value for ``years[i]`` of the chart (the middle of a range), ``None``
    where there is none (a gap in the line); ``lows`` and ``highs`` are the bounds of a range,
    equal to the value where the value is no range. Values are in the chart's ``scale``.
    """

    role: str
    label: str
    values: tuple[float | None, ...]
    lows: tuple[float | None, ...]
    highs: tuple[float | None, ...]


@attrs.frozen
class SeriesChart:
    """What :func:`draw_series` draws: one indicator, target against outcome, year by year.

    ``years`` runs from the first to the last year with a row; ``missing`` are the years the
    series marks as having no report (:func:`gwr.series`, ``role="missing"``), drawn as shaded
    gaps. ``scale`` is the power of ten the values are divided by (``10**12`` for trillions);
    ``ylabel`` is the unit, so scaled (``trillion CNY``), and ``title`` names the indicator.
    """

    key: str
    title: str
    ylabel: str
    scale: Decimal
    years: tuple[int, ...]
    lines: tuple[SeriesLine, ...]
    missing: tuple[int, ...]

    def line(self, role: str) -> SeriesLine:
        """The line of ``role`` (``"target"``, ``"outcome"``, ``"measure"``).

        Raises:
            NotFoundError: the chart has no line of that role.
        """
        for line in self.lines:
            if line.role == role:
                return line
        from .._model._errors import NotFoundError

        raise NotFoundError(f"the chart of {self.key} has no {role} line", role, [line.role for line in self.lines])


def _chosen(points: Iterable[SeriesPoint]) -> dict[tuple[str, int], SeriesPoint]:
    """One point per role and year: the first stated (series order puts the Government Work
    Report first), else the first derived; qualitative points and missing rows have no value."""
    chosen: dict[tuple[str, int], SeriesPoint] = {}
    for point in points:
        if point.value is None or point.role == "missing":
            continue
        previous = chosen.get((point.role, point.year))
        if previous is None or (point.stated and not previous.stated):
            chosen[point.role, point.year] = point
    return chosen


def _scale(points: Iterable[SeriesPoint]) -> tuple[Decimal, str]:
    largest = max((abs(p.upper if p.upper is not None else p.value) for p in points if p.value is not None), default=0)
    for factor, word in _SCALES:
        if largest >= factor:
            return factor, word
    return Decimal(1), ""


def _bounds(point: SeriesPoint | None, factor: Decimal) -> tuple[float | None, float | None]:
    """The lower and upper bound of ``point``'s value in units of ``factor`` (None, None: no value)."""
    if point is None or point.value is None:
        return None, None
    upper = point.value if point.upper is None else point.upper
    return float(point.value / factor), float(upper / factor)


def series_chart(points: Iterable[SeriesPoint], *, since: int | None = None, until: int | None = None) -> SeriesChart:
    """The chart of one indicator's series: what :meth:`gwr.Results.plot` draws.

    Args:
        points: the rows of :func:`gwr.series` for one indicator.
        since: draw only the years from this one on.
        until: draw only the years up to this one.

    Returns:
        A :class:`SeriesChart`: a line for each role that has a value (targets, outcomes,
        measures), with one value per year (the first stated one), and the missing years.

    Raises:
        InvalidArgumentError: the rows hold no indicator, or more than one (draw one at a
            time: ``gwr.series("gdp_growth")``), or no number to draw in the years asked for.

    >>> import gwr
    >>> from gwr._analysis._plot import series_chart
    >>> recent = [p for p in gwr.series("gdp_growth", kind="gwr") if 2021 <= p.year <= 2025]
    >>> chart = series_chart(recent)
    >>> chart.title, chart.ylabel, chart.years
    ('GDP growth: target and outcome, 2021–2025', '%', (2021, 2022, 2023, 2024, 2025))
    >>> chart.line("target").values
    (6.0, 5.5, 5.0, 5.0, 5.0)
    >>> chart.line("outcome").values
    (8.1, 3.0, 5.2, 5.0, 5.0)
    """
    from .._data._lookup import indicator

    rows = list(points)
    for row in rows:
        if not getattr(type(row), "_series_row", False):
            raise InvalidTypeError(f"a series chart is drawn from the rows of gwr.series(), not {type(row).__name__}")
    keys = sorted({row.key for row in rows})
    if len(keys) != 1:
        which = "no indicator" if not keys else f"{len(keys)} indicators ({', '.join(keys[:4])}...)"
        raise InvalidArgumentError(
            f"a series chart draws one indicator; these rows hold {which}: draw one, e.g. gwr.series({'gdp_growth'!r})"
        )
    rows = [r for r in rows if (since is None or r.year >= since) and (until is None or r.year <= until)]
    chosen = _chosen(rows)
    if not chosen:
        span = "" if since is None and until is None else f" between {since or '...'} and {until or '...'}"
        raise InvalidArgumentError(f"the series of {keys[0]} has no number to draw{span} (only qualitative rows?)")
    registry = indicator(keys[0])
    all_years = [row.year for row in rows]
    years = tuple(range(min(all_years), max(all_years) + 1))
    factor, word = _scale(chosen.values())
    units = {p.unit for p in chosen.values() if p.unit is not None}
    unit = _UNIT_NAMES.get(next(iter(units)), next(iter(units))) if len(units) == 1 else ""
    lines = []
    for role in ("target", "outcome", "measure"):
        if not any(r == role for r, _ in chosen):
            continue
        bounds = [_bounds(chosen.get((role, year)), factor) for year in years]
        lows = tuple(low for low, _ in bounds)
        highs = tuple(high for _, high in bounds)
        values = tuple(None if low is None or high is None else (low + high) / 2 for low, high in bounds)
        lines.append(SeriesLine(role, _ROLE_LABELS[role], values, lows, highs))
    roles = [line.role for line in lines]
    what = "target and outcome" if {"target", "outcome"} <= set(roles) else ""
    period = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    title = f"{registry.name_en}: {what}, {period}" if what else f"{registry.name_en}, {period}"
    ylabel = " ".join(w for w in (word, unit) if w) or registry.name_en  # the title names the indicator
    missing = tuple(row.year for row in rows if row.role == "missing")
    return SeriesChart(registry.key, title, ylabel, factor, years, tuple(lines), missing)


@attrs.frozen
class ThemeChart:
    """What :func:`draw_themes` draws: where each task theme stands in the task list, by year.

    ``ranks[i][j]`` is the number of the first task of ``themes[i]`` (its primary theme) in the
    report of ``years[j]`` (1: the theme leads the list), ``None`` where no task has that
    theme or the year has no themed task list. ``missing`` are the years with no report.
    """

    themes: tuple[str, ...]
    labels: tuple[str, ...]
    years: tuple[int, ...]
    ranks: tuple[tuple[int | None, ...], ...]
    missing: tuple[int, ...]

    def leading(self) -> dict[int, str]:
        """The theme of the first task, for each year that has one.

        >>> import gwr
        >>> from gwr._analysis._plot import theme_chart
        >>> leading = theme_chart(gwr.reports()).leading()
        >>> [(year, leading[year]) for year in (2023, 2024, 2025, 2026)]
        [(2023, 'domestic_demand'), (2024, 'industry'), (2025, 'domestic_demand'), (2026, 'domestic_demand')]
        """
        found = {}
        for i, theme in enumerate(self.themes):
            for j, rank in enumerate(self.ranks[i]):
                if rank == 1:
                    found[self.years[j]] = theme
        return dict(sorted(found.items()))


def theme_chart(reports: Sequence[Report], *, kind: str = "gwr") -> ThemeChart:
    """The chart of task themes by year, from the numbered tasks of the reports of one kind.

    Args:
        reports: the reports to read (``gwr.reports()``).
        kind: which reports: ``"gwr"`` (the Government Work Reports) or ``"plan"``.

    Returns:
        A :class:`ThemeChart` with a row for each theme of the registry, a column for each year
        from the first report of ``kind`` with themed tasks to the last, and the years in between
        with no report of ``kind``.

    Raises:
        InvalidArgumentError: ``kind`` is unknown, or no report of ``kind`` has themed tasks.
    """
    from .._data._lookup import check_kind, themes

    check_kind(kind)
    chosen = sorted((r for r in reports if r.kind == kind), key=lambda r: r.year)
    themed = [report.year for report in chosen if any(task.theme for task in report.tasks)]
    if not themed:
        raise InvalidArgumentError(f"no {kind} report has numbered tasks with themes to draw")
    years = tuple(range(themed[0], themed[-1] + 1))
    by_year = {report.year: report for report in reversed(chosen)}  # the first report of a year
    registry = themes()
    ranks = []
    for theme in registry:
        row: list[int | None] = []
        for year in years:
            report = by_year.get(year)
            numbers = [] if report is None else [t.number for t in report.tasks if t.theme == theme.key]
            row.append(min(numbers) if numbers else None)
        ranks.append(tuple(row))
    missing = tuple(year for year in years if year not in by_year)
    return ThemeChart(tuple(t.key for t in registry), tuple(t.name_en for t in registry), years, tuple(ranks), missing)


# --------------------------------------------------------------------------------------------
# Drawing


def require_matplotlib() -> None:
    """Import matplotlib, or raise a MissingDependencyError that says how to install it.

    Raises:
        MissingDependencyError: matplotlib is not installed; also an :class:`ImportError`.
    """
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise MissingDependencyError(
            "plot() needs matplotlib, which is not installed; install it with "
            'pip install "china-gwr[plot]" (or pip install matplotlib)'
        ) from None


def figure_size(chart: SeriesChart | ThemeChart) -> tuple[float, float]:
    """A figure size (inches) that leaves room for every year of ``chart``."""
    if isinstance(chart, ThemeChart):
        return max(5.0, 0.3 * len(chart.years) + 3.5), 4.5
    return max(6.0, 0.22 * len(chart.years) + 2), 4.0


def _axes(ax: Axes | None, chart: SeriesChart | ThemeChart) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot

    new: Axes = matplotlib.pyplot.subplots(figsize=figure_size(chart), layout="constrained")[1]
    return new


def _nan(values: Sequence[float | None]) -> list[float]:
    return [math.nan if v is None else v for v in values]


def draw_series(chart: SeriesChart, ax: Axes | None = None) -> Axes:
    """Draw ``chart`` on ``ax`` (a new figure when ``None``) and return the Axes.

    Each role is a line with a marker per year and a gap where a year has no value; a range
    (6%-7%) is an error bar from its lower to its upper bound around its middle; a year with no
    report is a shaded band labelled ``no report``.
    """
    require_matplotlib()
    from matplotlib.ticker import MaxNLocator

    ax = _axes(ax, chart)
    for year in chart.missing:
        ax.axvspan(year - 0.5, year + 0.5, color="0.88", linewidth=0, zorder=0, label=MISSING_LABEL)
    years = list(chart.years)
    for line in chart.lines:
        style = _ROLE_STYLES[line.role]
        ax.plot(years, _nan(line.values), label=line.label, markersize=4, **style)
        ranged = [
            (year, value, low, high)
            for year, value, low, high in zip(years, line.values, line.lows, line.highs, strict=True)
            if value is not None and low is not None and high is not None and low != high
        ]
        if ranged:
            ax.errorbar(
                [r[0] for r in ranged],
                [r[1] for r in ranged],
                yerr=[[r[1] - r[2] for r in ranged], [r[3] - r[1] for r in ranged]],
                fmt="none",
                ecolor=style["color"],
                capsize=3,
                label=f"{line.label} range",
            )
    ax.set_title(chart.title)
    ax.set_xlabel("year")
    ax.set_ylabel(chart.ylabel)
    ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))  # one legend entry per label
    ax.legend(unique.values(), unique.keys(), loc="best", fontsize="small")
    return ax


def draw_themes(chart: ThemeChart, ax: Axes | None = None) -> Axes:
    """Draw ``chart`` on ``ax`` (a new figure when ``None``) and return the Axes.

    A cell per theme and year holds the number of the theme's first task, darker the nearer the
    top of the list; a year with no report is a hatched column.
    """
    require_matplotlib()
    from matplotlib.patches import Rectangle
    from matplotlib.ticker import MaxNLocator

    ax = _axes(ax, chart)
    highest = max((rank for row in chart.ranks for rank in row if rank is not None), default=1)
    grid = [_nan([None if r is None else float(r) for r in row]) for row in chart.ranks]
    extent = (chart.years[0] - 0.5, chart.years[-1] + 0.5, len(chart.themes) - 0.5, -0.5)
    ax.imshow(grid, cmap="YlGnBu_r", vmin=1, vmax=max(highest, 2) + 2, aspect="auto", extent=extent)
    for i, row in enumerate(chart.ranks):
        for j, rank in enumerate(row):
            if rank is not None:
                dark = rank <= max(2, highest // 3)
                ax.text(
                    chart.years[j],
                    i,
                    str(rank),
                    ha="center",
                    va="center",
                    fontsize=7,
                    color="white" if dark else "black",
                )
    for year in chart.missing:
        band = Rectangle((year - 0.5, -0.5), 1, len(chart.themes), fill=False, hatch="///", color="0.7", linewidth=0)
        ax.add_patch(band)
    ax.set_yticks(range(len(chart.themes)), chart.labels)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("year")
    ax.set_title("Place of each theme in the task list (1: first)")
    return ax


def plot(
    results: Results[SeriesPoint], ax: Axes | None = None, *, since: int | None = None, until: int | None = None
) -> Axes:
    """Draw ``results`` (the rows of :func:`gwr.series` for one indicator); see :meth:`gwr.Results.plot`."""
    return draw_series(series_chart(results, since=since, until=until), ax)
