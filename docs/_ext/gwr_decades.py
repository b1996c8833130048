"""Sphinx extension: the pages about the decades of reports, generated from the data at build time.

* ``gwr-coverage``: a table of every year from ``:from:`` (1954, the first Government Work
  Report) to the last year the data has a national report for: each report of the year with
  its completeness (``full``, ``summary``, ``cited``) and what it holds (targets, outcomes,
  tasks, measures), and ``missing`` for a year with no report. The years come from the data
  (``gwr.reports()``), never from a list written here; the directive's content only says, for
  the years that need it, what a text filed under that year is (``1955: report on the First
  Five-Year Plan``).
* ``gwr-chart``: a picture drawn from the data with :mod:`gwr._analysis._plot` and written as SVG under
  ``_generated/charts/``: ``series KEY`` (``:kind:``, ``:since:``, ``:until:``) draws an
  indicator's target against its outcome, ``themes`` (``:kind:``) where each task theme stands
  in the task list, year by year. The content, if any, is the caption.

Charts are labelled in English: matplotlib's fonts have no Chinese characters, and the docs ship
no font. Both directives mark their page as generated, so it is read again on every build.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import attrs
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import gwr

logger = logging.getLogger(__name__)

KIND_NAMES = {"gwr": "Government Work Report", "plan": "NDRC plan report"}
"""What each national kind of report is, in the coverage table."""

NATIONAL = tuple(KIND_NAMES)


# --------------------------------------------------------------------------------------------
# Coverage


@attrs.frozen
class CoverageRow:
    """One row of the coverage table: a report of a year, or a year with none (``report=None``)."""

    year: int
    report: str | None
    completeness: str
    kind: str | None
    title: str
    note: str
    targets: int
    outcomes: int
    tasks: int
    measures: int
    sources: tuple[tuple[str, str | None], ...]  # (source id, URL of the text it transcribes)
    facts: int = 0  # the report's items and headed sections
    witnessed: int = 0  # of them, those a second witness has too (a witness span)
    variants: int = 0


def coverage_rows(reports: Sequence[gwr.Report], first: int, notes: dict[int, str] | None = None) -> list[CoverageRow]:
    """The coverage table: every year from ``first`` to the last year with a national report.

    A year gets a row for each national report of it (Government Work Report first) and a
    ``missing`` row when it has none. ``notes`` says what the text filed under a year is, where
    it is not what its kind suggests; a note goes with the year's first row.
    """
    notes = notes or {}
    national = sorted((r for r in reports if r.kind in NATIONAL), key=lambda r: (r.year, NATIONAL.index(r.kind), r.id))
    last = max([r.year for r in national], default=first)
    urls = {source.id: source.url for source in gwr.sources()}
    rows = []
    for year in range(first, last + 1):
        of_year = [r for r in national if r.year == year]
        if not of_year:
            rows.append(CoverageRow(year, None, "missing", None, "", notes.get(year, ""), 0, 0, 0, 0, ()))
            continue
        for index, report in enumerate(of_year):
            note = notes.get(year, "") if index == 0 else ""
            facts = [item for _, item in report.iter_items()] + list(_headed(report.outline))
            rows.append(
                CoverageRow(
                    year=year,
                    report=report.id,
                    completeness=report.completeness,
                    kind=report.kind,
                    title=report.title,
                    note=note,
                    targets=sum(1 for t in report.targets if t.in_passage),  # the main expected targets
                    outcomes=len(report.outcomes),
                    tasks=len(report.tasks),
                    measures=sum(1 for _, item in report.iter_items() if isinstance(item, gwr.Measure)),
                    sources=tuple((s, urls.get(s)) for s in report.witnesses),
                    facts=len(facts),
                    witnessed=sum(1 for fact in facts if fact.witness_spans),
                    variants=len(gwr.variants(report)),
                )
            )
    return rows


def _headed(sections: Sequence[gwr.Section]) -> Iterator[gwr.Section]:
    for section in sections:
        if section.heading is not None:
            yield section
        yield from _headed(section.children)


def _witnessed(row: CoverageRow) -> str:
    """``2768 of 2839 · 1 variant`` for a cited report with a second transcription, else ``–``."""
    if row.completeness != "cited" or len(row.sources) < 2:
        return "–"
    variants = f" · {row.variants} variant{'s' if row.variants != 1 else ''}" if row.variants else ""
    return f"{row.witnessed} of {row.facts}{variants}"


def coverage_summary(rows: Sequence[CoverageRow]) -> str:
    """One sentence: how many years have a Government Work Report, by completeness."""
    years = sorted({row.year for row in rows})
    reports = [row for row in rows if row.kind == "gwr"]
    by_completeness: dict[str, int] = {}
    for row in reports:
        by_completeness[row.completeness] = by_completeness.get(row.completeness, 0) + 1
    with_report = {row.year for row in reports}
    missing = [year for year in years if year not in with_report]
    counted = ", ".join(f"{n} {what}" for what, n in sorted(by_completeness.items()))
    others = sorted({row.report for row in rows if row.kind not in (None, "gwr")} - {None})
    sentence = (
        f"{len(with_report)} of the {len(years)} years from {years[0]} to {years[-1]} have a Government Work "
        f"Report in the data ({counted or 'none'}); {len(missing)} have none"
        f"{': ' + _ranges(missing) if missing else ''}."
    )
    if others:
        sentence += f" Other national reports: {', '.join(str(o) for o in others)}."
    return sentence


def _ranges(years: Sequence[int]) -> str:
    """``1961–1963, 1965, 1989–1991``: runs of consecutive years."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


def _count(n: int) -> str:
    return str(n) if n else "–"


class GwrCoverage(SphinxDirective):
    """``{gwr-coverage}`` with ``:from: YEAR`` and ``YEAR: what the text of that year is`` lines."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"from": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        from gwr_docs import build_table  # the table builder of the other gwr extension

        self.env.__dict__.setdefault("gwr_generated_docs", set()).add(self.env.docname)
        first = self.options.get("from")
        if first is None:
            raise self.error("gwr-coverage: give the first year, as :from: 1954")
        notes: dict[int, str] = {}
        for line in self.content:
            if not line.strip():
                continue
            match = re.match(r"^(\d{4}):\s*(.+)$", line.strip())
            if match is None:
                raise self.error(f"gwr-coverage: expected 'YEAR: what the text is', got {line!r}")
            notes[int(match[1])] = match[2]
        rows = coverage_rows(gwr.reports(), first, notes)
        for year in sorted(set(notes) - {row.year for row in rows}):
            logger.warning(
                "gwr-coverage: a note on %s, which is outside the years of the table (%s–%s)",
                year,
                rows[0].year,
                rows[-1].year,
                location=self.get_location(),
            )
        table_rows = []
        for row in rows:
            if row.report is None:
                what: list[nodes.Node] = [nodes.Text("no report in the data")]
                if row.note:  # what the text filed under the year is, though the data lacks it
                    what += [nodes.Text(". The text filed under this year: "), nodes.emphasis(row.note, row.note)]
            else:
                what = [nodes.Text(f"{KIND_NAMES.get(row.kind or '', row.kind)}: {row.title}")]
                if row.note:
                    what += [nodes.Text(". "), nodes.emphasis(row.note, row.note)]
            table_rows.append(
                [
                    str(row.year),
                    row.report or "",
                    row.completeness,
                    what,
                    _count(row.targets),
                    _count(row.outcomes),
                    _count(row.tasks),
                    _count(row.measures),
                    _witnessed(row),
                    _sources(row.sources),
                ]
            )
        header = [
            "year",
            "report",
            "completeness",
            "what it is",
            "targets",
            "outcomes",
            "tasks",
            "measures",
            "in two witnesses",
            "text",
        ]
        table = build_table(header, table_rows, literal_columns=(1, 2))
        summary = nodes.paragraph()
        summary += nodes.Text(coverage_summary(rows))
        provincial = sorted((r for r in gwr.reports() if r.kind not in NATIONAL), key=lambda r: (r.year, r.id))
        out: list[nodes.Node] = [summary, table]
        if provincial:
            note = nodes.paragraph()
            listed = ", ".join(f"{r.region or r.id} ({r.year}, {r.completeness})" for r in provincial)
            note += nodes.Text(f"The data also holds {len(provincial)} reports of provinces: {listed}.")
            out.append(note)
        return out


def _sources(sources: tuple[tuple[str, str | None], ...]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for i, (source, url) in enumerate(sources):
        if i:
            out.append(nodes.Text(", "))
        literal = nodes.literal(source, source)
        if url:
            reference = nodes.reference("", "", refuri=url)
            reference += literal
            out.append(reference)
        else:
            out.append(literal)
    return out


# --------------------------------------------------------------------------------------------
# Charts


def chart_svg(chart: Any) -> bytes:
    """``chart`` (a series or theme chart of :mod:`gwr._analysis._plot`) drawn as SVG, the same bytes on
    every build of the same data (no date, a fixed id salt)."""
    import matplotlib
    from matplotlib.figure import Figure

    from gwr._analysis import _plot

    with matplotlib.rc_context({"svg.hashsalt": "gwr", "svg.fonttype": "path"}):
        figure = Figure(figsize=_plot.figure_size(chart), layout="constrained")
        ax = figure.add_subplot()
        if isinstance(chart, _plot.ThemeChart):
            _plot.draw_themes(chart, ax)
        else:
            _plot.draw_series(chart, ax)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def make_chart(what: str, key: str | None, kind: str | None, since: int | None, until: int | None) -> Any:
    """The chart record a ``gwr-chart`` directive asks for."""
    from gwr._analysis import _plot

    if what == "themes":
        return _plot.theme_chart(gwr.reports(), kind=kind or "gwr")
    if key is None:
        raise gwr.InvalidArgumentError("gwr-chart series needs an indicator key: series gdp_growth")
    return _plot.series_chart(gwr.series(key, kind=kind), since=since, until=until)


class GwrChart(SphinxDirective):
    """``{gwr-chart} series KEY`` or ``{gwr-chart} themes``: a chart drawn from the data."""

    required_arguments = 1
    optional_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "kind": directives.unchanged,
        "since": directives.positive_int,
        "until": directives.positive_int,
        "alt": directives.unchanged,
    }
    FOLDER = "_generated/charts"

    def run(self) -> list[nodes.Node]:
        self.env.__dict__.setdefault("gwr_generated_docs", set()).add(self.env.docname)
        what = self.arguments[0]
        if what not in ("series", "themes"):
            raise self.error(f"gwr-chart: draws 'series KEY' or 'themes', not {what!r}")
        key = self.arguments[1] if len(self.arguments) > 1 else None
        kind = self.options.get("kind")
        try:
            chart = make_chart(what, key, kind, self.options.get("since"), self.options.get("until"))
            svg = chart_svg(chart)
        except (gwr.GwrError, ImportError) as error:
            raise self.error(f"gwr-chart {what} {key or ''}: {error}") from None
        name = "-".join(str(p) for p in (what, key, kind, self.options.get("since"), self.options.get("until")) if p)
        path = Path(self.env.srcdir) / self.FOLDER / f"{name}.svg"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or hashlib.sha256(path.read_bytes()).digest() != hashlib.sha256(svg).digest():
            path.write_bytes(svg)
        alt = self.options.get("alt") or getattr(chart, "title", "") or "chart of the task themes by year"
        figure = nodes.figure(classes=["gwr-chart"])
        figure += nodes.image(uri=f"/{self.FOLDER}/{name}.svg", alt=alt)
        if self.content:
            caption_text = " ".join(line.strip() for line in self.content)
            parsed, messages = self.state.inline_text(caption_text, self.lineno)
            caption = nodes.caption(caption_text, "", *parsed)
            figure += caption
            return [figure, *messages]
        return [figure]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("gwr-coverage", GwrCoverage)
    app.add_directive("gwr-chart", GwrChart)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["CoverageRow", "chart_svg", "coverage_rows", "coverage_summary", "make_chart", "setup"]
