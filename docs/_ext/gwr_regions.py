"""Sphinx extension: the provinces page, generated from the installed package at build time.

Directives:

* ``{gwr-regions}``: the registry of the 31 provincial-level divisions, with the reports the
  package holds for each;
* ``{gwr-region-targets} YEAR``: the main targets of every provincial report of ``YEAR`` on the
  indicators the national report also targets, with the nation's on the first row;
* ``{gwr-region-chart} YEAR KEY``: a chart of each province's target on ``KEY`` against the
  national one (matplotlib, the ``plot`` extra), written under ``_generated/``.

Where the package holds no provincial report of the year, the directives say so in a paragraph
instead of failing the build: provincial reports arrive in the data over time.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from docutils import nodes
from gwr_docs import build_table
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import gwr

logger = logging.getLogger(__name__)

SYMBOLS = {"exact": "", "about": "≈", "at_least": "≥", "more_than": ">", "at_most": "≤", "less_than": "<"}
"""How a qualifier is marked in a chart (the chart's font has no Chinese: ≈ stands for 左右)."""


def _mark_generated(directive: SphinxDirective) -> None:
    """Have the page read again on every build (the data may change though the page did not)."""
    directive.env.__dict__.setdefault("gwr_generated_docs", set()).add(directive.env.docname)


def _none_yet(year: int) -> list[nodes.Node]:
    text = (
        f"No provincial report of {year} is in the package yet: this part of the page fills in by itself "
        "once the data holds them."
    )
    return [nodes.paragraph(text, text, classes=["gwr-none-yet"])]


def _figure_text(item: gwr.Target | gwr.Outcome | None) -> str:
    if item is None:
        return "—"
    return item.quantity.text if item.quantity is not None else item.text


class GwrRegions(SphinxDirective):
    """``{gwr-regions}``: the region registry as a table."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        _mark_generated(self)
        held: dict[str, list[str]] = {}
        for report in gwr.reports(kind="provincial"):
            held.setdefault(report.region or "", []).append(str(report.year))
        rows = [
            [r.code, r.name_zh, r.name_en, r.slug, r.level.replace("_", " "), ", ".join(held.get(r.code, [])) or "—"]
            for r in gwr.regions()
        ]
        header = ["code", "中文", "English", "slug", "level", "reports"]
        return [build_table(header, rows, literal_columns=(0, 3))]


class GwrRegionTargets(SphinxDirective):
    """``{gwr-region-targets} YEAR``: each province's main targets beside the nation's."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        _mark_generated(self)
        year = int(self.arguments[0])
        order = {r.code: n for n, r in enumerate(gwr.regions())}
        provincial = sorted(gwr.reports(kind="provincial", year=year), key=lambda r: order.get(r.region or "", 99))
        if not provincial:
            return _none_yet(year)
        national = gwr.reports(kind="gwr", year=year)
        keys = [t.key for t in national[0].targets if t.key is not None] if national else []
        stated = {t.key for report in provincial for t in report.targets}
        keys = [key for key in keys if key in stated]
        names = {i.key: i.name_en for i in gwr.indicators()}
        short = {r.code: r.short_zh for r in gwr.regions()}
        rows: list[list[Any]] = []
        if national:
            rows.append(["全国", national[0].id, *(_figure_text(_first(national[0], key)) for key in keys), ""])
        for report in provincial:
            others = sum(t.key not in keys for t in report.targets)
            cells = [_figure_text(_first(report, key)) for key in keys]
            rows.append([short.get(report.region or "", report.region or ""), report.id, *cells, str(others)])
        header = ["region", "report", *(names.get(key, key) for key in keys), "other targets"]
        return [build_table(header, rows, literal_columns=(1,))]


class GwrRegionAttainment(SphinxDirective):
    """``{gwr-region-attainment} YEAR KEY``: each province's target of YEAR on KEY against the
    outcome its own next report states (:func:`gwr.attainment` with ``region=``)."""

    required_arguments = 2
    has_content = False

    def run(self) -> list[nodes.Node]:
        _mark_generated(self)
        year, key = int(self.arguments[0]), self.arguments[1]
        later = {r.region for r in gwr.reports(kind="provincial", year=year + 1)}
        provincial = [r for r in gwr.reports(kind="provincial", year=year) if r.region in later]
        if not provincial:
            return _none_yet(year + 1)
        short = {r.code: r.short_zh for r in gwr.regions()}
        rows: list[list[Any]] = []
        statuses: dict[str, int] = {}
        for report in provincial:
            try:
                row = gwr.attainment(report)[key]
            except LookupError:
                continue  # no target on the indicator
            statuses[row.status] = statuses.get(row.status, 0) + 1
            gap = "" if row.gap is None else f"{row.gap:+f}".rstrip("0").rstrip(".") + " pp"
            rows.append(
                [
                    short.get(report.region or "", report.region or ""),
                    row.target.text,
                    row.outcome.text if row.outcome is not None else "—",
                    row.outcome_report or "",
                    row.status,
                    gap,
                ]
            )
        order = {"met": 0, "missed": 1}
        rows.sort(key=lambda cells: (order.get(cells[4], 2), cells[0]))
        counted = ", ".join(f"{n} {status.replace('_', ' ')}" for status, n in sorted(statuses.items()))
        text = (
            f"{len(rows)} provinces have a {year} report and a {year + 1} report in the package: {counted}. "
            f"The outcome is the one the province's {year + 1} report states for {year}."
        )
        header = ["region", f"{year} target", f"{year} outcome", "stated in", "status", "gap"]
        return [nodes.paragraph(text, text), build_table(header, rows, literal_columns=(3, 4))]


def _first(report: gwr.Report, key: str) -> gwr.Target | None:
    return next((t for t in report.targets if t.key == key), None)


class GwrRegionChart(SphinxDirective):
    """``{gwr-region-chart} YEAR KEY``: each province's target on KEY against the national one."""

    required_arguments = 2
    has_content = False

    def run(self) -> list[nodes.Node]:
        _mark_generated(self)
        year, key = int(self.arguments[0]), self.arguments[1]
        if not gwr.reports(kind="provincial", year=year):
            return _none_yet(year)
        rows = gwr.compare_regions(year, key)
        try:
            import matplotlib
        except ImportError:
            text = "The chart needs matplotlib (pip install 'china-gwr[plot]'), which is not installed."
            return [nodes.paragraph(text, text)]
        matplotlib.use("Agg")
        name = f"regions-{year}-{key}.png"
        folder = Path(self.env.srcdir) / "_generated"
        folder.mkdir(exist_ok=True)
        drawn = draw_chart(rows, folder / name)
        if not drawn:
            text = f"No province states a number on {key} in {year} that compares with the national target."
            return [nodes.paragraph(text, text)]
        left_out = [f"{row.region_name} ({row.direction.replace('_', ' ')})" for row in rows if row not in drawn]
        caption = (
            f"Each province's {year} target on {key} (bars) against the national target (line); "
            "≈ marks 左右, ≥ 以上, ≤ 以内; a range is drawn at its middle with its ends as a whisker."
        )
        if left_out:
            caption += " Not drawn: " + ", ".join(left_out) + "."
        uri = f"/_generated/{name}"  # a leading slash: relative to the documentation's root
        figure = nodes.figure()
        figure += nodes.image(uri=uri, alt=f"{year} provincial targets on {key} against the national target")
        figure += nodes.caption(caption, caption)
        return [figure]


def draw_chart(rows: gwr.Results[gwr.RegionComparison], path: Path) -> list[gwr.RegionComparison]:
    """Draw the rows of :func:`gwr.compare_regions` that have a comparable number; return them."""
    import matplotlib.pyplot as plt

    drawn = [r for r in rows if r.direction in ("above", "same", "below") and r.figure and r.figure.quantity]
    if not drawn:
        return []
    english = {r.code: r.name_en for r in gwr.regions()}
    colours = {"above": "#2b6cb0", "same": "#718096", "below": "#c05621"}
    ordered = list(reversed(drawn))  # highest first from the top
    values = [float(_middle(row.figure.quantity)) for row in ordered]  # type: ignore[union-attr]
    figure, axes = plt.subplots(figsize=(7, 0.42 * len(ordered) + 1.4))
    positions = list(range(len(ordered)))
    axes.barh(positions, values, color=[colours[r.direction] for r in ordered], height=0.6)
    ends = []
    for position, row, value in zip(positions, ordered, values, strict=True):
        quantity = row.figure.quantity  # type: ignore[union-attr]
        label = SYMBOLS.get(row.qualifier or "exact", "") + _plain(quantity.value)
        end = value
        if quantity.upper is not None:  # a range: its ends as a whisker around the middle
            low, high = float(quantity.value), float(quantity.upper)
            axes.errorbar(
                [value], [position], xerr=[[value - low], [high - value]], fmt="none", ecolor="#1a202c", capsize=4
            )
            label += "–" + _plain(quantity.upper)
            end = high
        ends.append(end)
        axes.text(end + 0.08, position, label + ("%" if quantity.unit == "%" else ""), va="center")
    axes.set_yticks(positions, [f"{english.get(r.region, r.region)} ({r.region})" for r in ordered])
    national = drawn[0].national
    if national is not None and national.quantity is not None:
        level = float(_middle(national.quantity))
        marker = SYMBOLS.get(national.qualifier or "exact", "")
        axes.axvline(level, color="#1a202c", linestyle="--", linewidth=1.2)
        upper = "" if national.quantity.upper is None else "–" + _plain(national.quantity.upper)
        label = f" national {marker}{_plain(national.quantity.value)}{upper}%"
        axes.text(level, len(ordered) - 0.4, label, va="bottom")
    axes.set_xlim(0, max([*ends, 0.0]) * 1.18 + 0.5)
    axes.set_xlabel(f"{drawn[0].key} target, {drawn[0].year} (%)")
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    figure.savefig(path, dpi=110, metadata={"Software": None})
    plt.close(figure)
    return drawn


def _middle(quantity: gwr.Quantity) -> Decimal:
    return quantity.value if quantity.upper is None else (quantity.value + quantity.upper) / 2


def _plain(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("gwr-regions", GwrRegions)
    app.add_directive("gwr-region-targets", GwrRegionTargets)
    app.add_directive("gwr-region-chart", GwrRegionChart)
    app.add_directive("gwr-region-attainment", GwrRegionAttainment)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["draw_chart", "setup"]
