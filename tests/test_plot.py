"""Missing years in a series, and the pictures: what is drawn is checked as data, never as pixels.

Synthetic data folders (:mod:`synthetic`) stand in for the decades of reports: reports cut from
the bundled ones under the years 3000, 3001..., some of them left out of the manifest to make
years with no report.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

import gwr
import synthetic
from gwr._analysis import _plot
from gwr._analysis._series import SeriesPoint
from gwr._data import _db
from gwr._data._db import Database

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# synthetic.make_data_folder(folder, 7) cuts, in turn, from gwr-2024, gwr-2025 and plan-2024:
# gwr-3000 gwr-3001 plan-3002 gwr-3003 gwr-3004 plan-3005 gwr-3006. Three are left out.
LEFT_OUT = ("gwr-3001", "plan-3002", "gwr-3004")


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def gappy_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gappy") / "data"
    ids = synthetic.make_data_folder(folder, 7)
    assert ids == ["gwr-3000", "gwr-3001", "plan-3002", "gwr-3003", "gwr-3004", "plan-3005", "gwr-3006"]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["reports"] = [entry for entry in manifest["reports"] if entry["id"] not in LEFT_OUT]
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture
def gappy(gappy_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The package reads the gappy folder: reports of 3000, 3003, 3005 (plan) and 3006."""
    monkeypatch.setattr(_db, "_default", Database(gappy_folder))
    return gappy_folder


# --------------------------------------------------------------------------------------------
# Missing years in a series


# the years with no national report in the corpus (the brief: none for 1961-63, 1965-74, 1976-77;
# 1991's work report is in no copy found, its plan report is plan-1991)
NO_REPORT = {*range(1961, 1964), *range(1965, 1975), 1976, 1977, 1991}


def test_bundled_series_show_the_years_without_a_report() -> None:
    missing = {p.year for p in gwr.series("gdp_growth") if p.role == "missing"}
    assert missing <= NO_REPORT
    # the corpus holds a report for every year of the GDP series' span (from 1992: 国民生产总值 before)
    assert not [year for year in missing if year >= 1992]
    assert 1970 in {p.year for p in gwr.series() if p.role == "missing"}  # inside the span of all series


def test_a_year_with_no_report_is_a_row(gappy: Path) -> None:
    assert [r.id for r in gwr.reports()] == ["gwr-3000", "gwr-3003", "plan-3005", "gwr-3006"]
    points = gwr.series("gdp_growth")
    missing = [p for p in points if p.role == "missing"]
    assert [p.year for p in missing] == [3001, 3002, 3004]
    for point in missing:
        assert (point.key, point.value, point.report, point.span, point.text) == ("gdp_growth", None, None, None, "")
        assert point.to_record()["source"] is None
    # each missing row comes first in its year, and the years stay in order
    years = [p.year for p in points]
    assert years == sorted(years)
    assert points[[p.year for p in points].index(3001)].role == "missing"
    # the rows of the reports there are are all still there, unchanged
    stated = [p for p in points if p.role != "missing"]
    assert {p.report for p in stated} == {"gwr-3000", "gwr-3003", "plan-3005", "gwr-3006"}
    table = str(points)
    assert table.count("missing") == 3
    assert "(no report for this year in the data)" in table


def test_missing_years_follow_the_kind(gappy: Path) -> None:
    # only Government Work Reports: 3005 has a plan report but no gwr report
    assert [p.year for p in gwr.series("gdp_growth", kind="gwr") if p.role == "missing"] == [3001, 3002, 3004, 3005]
    # one plan report: its series spans one year, with nothing missing
    assert not [p for p in gwr.series("gdp_growth", kind="plan") if p.role == "missing"]


def test_missing_years_for_every_indicator(gappy: Path) -> None:
    everything = gwr.series()
    keys_with_points = {p.key for p in everything if p.role != "missing"}
    for key in ("gdp_growth", "cpi_growth"):
        assert [p.year for p in everything if p.key == key and p.role == "missing"] == [3001, 3002, 3004]
    assert {p.key for p in everything if p.role == "missing"} <= keys_with_points
    assert len(everything.to_records()) == len(everything)


def test_missing_years_with_hand_made_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports of 1995 and 1997: the 1997 report states 1996's outcome, and 1996 is missing."""
    from gwr._data import _lookup as _api

    base = gwr.report(2024)
    early = [_moved(base, 1995), _moved(base, 1997)]
    monkeypatch.setattr(_api, "reports", lambda: tuple(early))
    points = gwr.series("gdp_growth")
    assert [(p.year, p.role, p.report) for p in points] == [
        (1994, "outcome", "gwr-1995"),
        (1995, "target", "gwr-1995"),
        (1996, "missing", None),
        (1996, "outcome", "gwr-1997"),
        (1997, "target", "gwr-1997"),
    ]


def _moved(report: gwr.Report, year: int) -> gwr.Report:
    import attrs

    shift = year - report.year
    return attrs.evolve(
        report,
        id=f"gwr-{year}",
        year=year,
        targets=tuple(attrs.evolve(t, year=t.year + shift) for t in report.targets),
        outcomes=tuple(attrs.evolve(o, year=o.year + shift) for o in report.outcomes),
        tasks=(),
        measures=(),
        outline=(),
    )


# --------------------------------------------------------------------------------------------
# Series charts


def _line(ax: object, label: str) -> tuple[list[float], list[float]]:
    for line in ax.lines:  # type: ignore[attr-defined]
        if line.get_label() == label:
            return [float(x) for x in line.get_xdata()], [float(y) for y in line.get_ydata()]
    raise AssertionError(f"no line {label!r}")


def _same(values: list[float], expected: list[float | None]) -> bool:
    return len(values) == len(expected) and all(
        math.isnan(v) if e is None else v == pytest.approx(e) for v, e in zip(values, expected, strict=True)
    )


def test_plot_gdp_growth_real_data() -> None:
    # 2023 report (corpus): 国内生产总值增长5%左右; 2024 report (003): 国内生产总值增长5%左右
    # (target), 2023 增长5.2% (outcome); 2025 summary (000): 2024 增长5%, 2025 target 5%左右
    ax = gwr.series("gdp_growth").plot(since=2023, until=2025)
    years, targets = _line(ax, "target")
    assert years == [2023, 2024, 2025]
    assert _same(targets, [5, 5, 5])
    assert _same(_line(ax, "outcome")[1], [5.2, 5, 5])  # 2026 (corpus): 2025 国内生产总值增长5%
    assert ax.get_title() == "GDP growth: target and outcome, 2023–2025"
    assert ax.get_ylabel() == "%"
    assert not [p for p in ax.patches]  # no missing year


def test_plot_draws_missing_years_as_gaps(gappy: Path) -> None:
    ax = gwr.series("gdp_growth").plot()
    years, targets = _line(ax, "target")
    assert years == list(range(2999, 3007))
    # targets: 5%左右 in 3000 (from 2024) and 3003, 3006; 3005 from the plan report; gaps elsewhere
    assert _same(targets, [None, 5, None, None, 5, None, 5, 5])
    bands = [(p.get_x(), p.get_x() + p.get_width()) for p in ax.patches]
    assert sorted(bands) == [(3000.5, 3001.5), (3001.5, 3002.5), (3003.5, 3004.5)]
    labels = ax.get_legend_handles_labels()[1]
    assert labels.count(_plot.MISSING_LABEL) == 3
    assert [t.get_text() for t in ax.get_legend().get_texts()].count(_plot.MISSING_LABEL) == 1


def test_plot_on_given_axes_and_years(gappy: Path) -> None:
    _, ax = plt.subplots()
    assert gwr.series("gdp_growth").plot(ax, since=3003, until=3005) is ax
    years, targets = _line(ax, "target")
    assert years == [3003, 3004, 3005]
    assert _same(targets, [5, None, 5])
    assert len(ax.patches) == 1


def test_plot_scales_large_values() -> None:
    chart = _plot.series_chart(gwr.series("local_special_bonds", measures=True), since=2023)
    # 003: 拟安排地方政府专项债券3.9万亿元、比上年增加1000亿元 (so 3.8万亿元 in 2023); the 2025
    # full text (corpus): 拟安排地方政府专项债券4.4万亿元
    assert chart.scale == Decimal(10) ** 12
    assert chart.ylabel == "trillion CNY"
    assert chart.line("measure").values == (3.8, 3.9, 4.4, 4.4)  # 2026 (corpus): 地方政府专项债券4.4万亿元
    assert chart.title == "Local government special-purpose bonds, 2023–2026"


def test_plot_draws_ranges_as_error_bars() -> None:
    def point(year: int, role: str, value: str, upper: str | None) -> SeriesPoint:
        return SeriesPoint(
            key="gdp_growth",
            year=year,
            value=Decimal(value),
            upper=None if upper is None else Decimal(upper),
            unit="%",
            qualifier="exact",
            change="increase",
            role=role,  # type: ignore[arg-type]
            report=f"gwr-{year}",
            stated=True,
            derivation=None,
            text="",
            span=None,
            quantity=None,
        )

    rows = [point(2000, "target", "7", None), point(2001, "target", "7", "8"), point(2001, "outcome", "8.3", None)]
    chart = _plot.series_chart(rows)
    target = chart.line("target")
    assert (target.values, target.lows, target.highs) == ((7.0, 7.5), (7.0, 7.0), (7.0, 8.0))
    ax = _plot.draw_series(chart)
    bars = [c for c in ax.containers if c.get_label() == "target range"]
    assert len(bars) == 1
    [segments] = [collection.get_segments() for collection in bars[0].lines[2]]
    assert [[tuple(map(float, xy)) for xy in segment] for segment in segments] == [[(2001.0, 7.0), (2001.0, 8.0)]]


def test_plot_refuses_what_it_cannot_draw() -> None:
    with pytest.raises(gwr.InvalidArgumentError, match="one indicator"):
        gwr.series().plot()
    with pytest.raises(gwr.InvalidArgumentError, match="no number to draw"):
        gwr.series("ecological_quality").plot()
    with pytest.raises(gwr.InvalidArgumentError, match="TargetChange"):
        gwr.compare(2024, 2025).plot()
    with pytest.raises(gwr.InvalidArgumentError, match="no number to draw between 1965"):
        gwr.series("gdp_growth").plot(since=1965, until=1974)  # no report in these years
    with pytest.raises(gwr.InvalidTypeError):
        _plot.series_chart([gwr.report(2024).targets[0]])  # type: ignore[list-item]


def test_plot_without_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # makes ``import matplotlib`` fail
    with pytest.raises(gwr.MissingDependencyError, match=r'pip install "china-gwr\[plot\]"') as caught:
        gwr.series("gdp_growth").plot()
    assert isinstance(caught.value, ImportError)
    # the chart itself needs no matplotlib
    assert _plot.series_chart(gwr.series("gdp_growth"), since=2023, until=2025).years == (2023, 2024, 2025)


# --------------------------------------------------------------------------------------------
# Theme charts


def test_theme_chart_real_data() -> None:
    chart = _plot.theme_chart(gwr.reports())
    # 2024 (003): （一）大力推进现代化产业体系建设 ... （三）着力扩大国内需求;
    # 2025 (000): task 1 is 大力提振消费 (domestic demand); 2023 (corpus): （一）着力扩大国内需求
    leading = chart.leading()
    assert (leading[2023], leading[2024], leading[2025]) == ("domestic_demand", "industry", "domestic_demand")
    # 2026 (corpus): （一）着力建设强大国内市场, domestic demand by the rule's words
    assert chart.ranks[chart.themes.index("domestic_demand")][-3:] == (3, 1, 1)
    assert 1970 in chart.missing
    assert 1991 in chart.missing
    ax = _plot.draw_themes(chart)
    [image] = ax.images
    grid = image.get_array()
    assert float(grid[chart.themes.index("domestic_demand")][-1]) == 1.0
    assert [t.get_text() for t in ax.get_yticklabels()] == [t.name_en for t in gwr.themes()]
    assert sum(1 for t in ax.texts) == sum(1 for row in chart.ranks for r in row if r is not None)


def test_theme_chart_with_missing_years(gappy: Path) -> None:
    chart = _plot.theme_chart(gwr.reports())
    assert chart.years == tuple(range(3000, 3007))
    assert chart.missing == (3001, 3002, 3004, 3005)
    assert all(row[1] is None for row in chart.ranks)  # 3001: no report
    ax = _plot.draw_themes(chart)
    assert sorted(p.get_x() for p in ax.patches) == [3000.5, 3001.5, 3003.5, 3004.5]
    with pytest.raises(gwr.InvalidArgumentError):
        _plot.theme_chart(gwr.reports(), kind="budget")
