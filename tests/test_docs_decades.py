"""The generated pages about the decades (docs/_ext/gwr_decades.py): the coverage table and the charts.

They are built from whatever the data holds: the installed data (the bundled reports and the
cited reports of the corpus), and a synthetic folder with gaps (:mod:`synthetic`) whose years are
its own. The notes on the coverage page, which say what a text filed under a year is, are checked
against the corpus texts.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

import gwr
import synthetic
from corpus import require_corpus
from gwr._data import _db
from gwr._data._db import Database

pytest.importorskip("sphinx")
pytest.importorskip("myst_parser")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parent.parent
EXT = ROOT / "docs" / "_ext"
COVERAGE_PAGE = ROOT / "docs" / "coverage.md"


@pytest.fixture(scope="module")
def decades() -> Iterator[object]:
    sys.path.insert(0, str(EXT))
    try:
        import gwr_decades

        yield gwr_decades
    finally:
        sys.path.remove(str(EXT))


@pytest.fixture(scope="module")
def gappy_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Reports of 3000, 3003, 3005 (a plan report only) and 3006; none for 3001, 3002, 3004."""
    folder = tmp_path_factory.mktemp("gappy") / "data"
    # cut from the reports whose texts are bundled, in manifest order (gwr-2024, gwr-2025,
    # plan-2024), so that 3002 and 3005 are plan reports
    bases = [b for b in synthetic.bundled_reports() if b["completeness"] != "cited"]
    assert [b["id"] for b in bases] == ["gwr-2024", "gwr-2025", "plan-2024"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(synthetic, "bundled_reports", lambda: bases)
        synthetic.make_data_folder(folder, 7)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["reports"] = [e for e in manifest["reports"] if e["id"] not in ("gwr-3001", "plan-3002", "gwr-3004")]
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture
def gappy(gappy_folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(_db, "_default", Database(gappy_folder))
    return gappy_folder


def _notes() -> dict[int, str]:
    text = COVERAGE_PAGE.read_text(encoding="utf-8")
    block = re.search(r"^```\{gwr-coverage\}\n(?P<body>.*?)^```", text, re.M | re.S)
    assert block is not None
    return {int(m[1]): m[2] for m in re.finditer(r"^(\d{4}): (.+)$", block["body"], re.M)}


# --------------------------------------------------------------------------------------------
# The coverage table


# The years the corpus has no Government Work Report for, as the brief lists them: 1961–63,
# 1965–74, 1976–77 (no session met or the report was never published in full), 1991 (in no
# copy found: the corpus holds that year's plan report instead).
NO_REPORT = [*range(1961, 1964), *range(1965, 1975), 1976, 1977]


def test_coverage_of_the_installed_data(decades: object) -> None:
    rows = decades.coverage_rows(gwr.reports(), 1954)  # type: ignore[attr-defined]
    # 1991: the plan report only; 2024: gwr and plan
    assert [r.year for r in rows] == [*range(1954, 2024), 2024, 2024, 2025, 2026]
    assert [r.year for r in rows if r.completeness == "missing"] == NO_REPORT
    assert [r.report for r in rows if r.year == 1991] == ["plan-1991"]
    assert {r.completeness for r in rows if r.year < 2024} == {"cited", "missing"}
    by_id = {r.report: r for r in rows if r.report}
    # 003: the 2024 report's nine main expected targets and ten numbered tasks
    assert (by_id["gwr-2024"].completeness, by_id["gwr-2024"].targets, by_id["gwr-2024"].tasks) == ("full", 9, 10)
    assert by_id["gwr-2025"].completeness == "summary"
    assert by_id["plan-2024"].kind == "plan"
    assert by_id["gwr-2024"].sources[0] == ("003", None)
    # a cited report links the page its text transcribes (Wikisource, for the national corpus)
    # its second transcription beside it, from a copy of the government's pages (no URL recorded)
    (source, url), (witness, _) = by_id["gwr-1999"].sources
    assert witness == "witnesses-national-1999"
    assert source == "national-1999"
    assert url is not None
    assert url.startswith("https://zh.wikisource.org/")
    summary = decades.coverage_summary(rows)  # type: ignore[attr-defined]
    assert summary.startswith("57 of the 73 years from 1954 to 2026 have a Government Work Report")
    assert "(55 cited, 1 full, 1 summary)" in summary
    assert "16 have none: 1961–1963, 1965–1974, 1976–1977, 1991." in summary


def test_coverage_reads_the_years_from_the_data(decades: object, gappy: Path) -> None:
    rows = decades.coverage_rows(gwr.reports(), 2998, {3001: "a note", 3003: "another"})  # type: ignore[attr-defined]
    assert [(r.year, r.report or r.completeness) for r in rows] == [
        (2998, "missing"),
        (2999, "missing"),
        (3000, "gwr-3000"),
        (3001, "missing"),
        (3002, "missing"),
        (3003, "gwr-3003"),
        (3004, "missing"),
        (3005, "plan-3005"),
        (3006, "gwr-3006"),
    ]
    assert [(r.year, r.note) for r in rows if r.note] == [(3001, "a note"), (3003, "another")]
    summary = decades.coverage_summary(rows)  # type: ignore[attr-defined]
    assert "3 of the 9 years from 2998 to 3006" in summary
    assert "6 have none: 2998–2999, 3001–3002, 3004–3005." in summary


def test_coverage_notes_say_what_the_corpus_texts_are() -> None:
    """Each note quotes the title a text gives itself in its opening lines."""
    corpus = require_corpus()
    entries = {e["year"]: e for e in json.loads((corpus / "corpus.json").read_text(encoding="utf-8"))}
    notes = _notes()
    assert sorted(notes) == [1955, 1956, 1958, 1960, 1964, 1982, 1986]
    for year, note in notes.items():
        entry = entries[year]
        assert entry["kind"] == "national"
        if year == 1964:
            continue  # an abstract: see below
        assert note.startswith("Not a work report")
        opening = unicodedata.normalize("NFKC", (corpus / entry["file"]).read_text(encoding="utf-8")[:600])
        title = re.search(r"关于.+的报告", note)
        assert title is not None, f"the note on {year} quotes no title"
        assert unicodedata.normalize("NFKC", title[0]) in opening, f"{year}: {title[0]!r} is not in {entry['file']}"
    assert entries[1964]["title"].endswith("（摘要）")
    assert (corpus / entries[1964]["file"]).read_text(encoding="utf-8").startswith("五年来")


# --------------------------------------------------------------------------------------------
# The charts


def test_chart_svg_is_the_same_on_every_build(decades: object) -> None:
    chart = decades.make_chart("series", "gdp_growth", "gwr", 1992, None)  # type: ignore[attr-defined]
    assert chart.years[0] >= 1992
    assert chart.years[-1] == 2026
    assert chart.missing == ()  # the corpus holds every year since 1992 (a missing one is shaded, never bridged)
    first = decades.chart_svg(chart)  # type: ignore[attr-defined]
    assert first.startswith(b"<?xml")
    assert b"<svg" in first
    assert decades.chart_svg(chart) == first  # type: ignore[attr-defined]


def _build(tmp_path: Path, page: str) -> Path:
    from sphinx.cmd.build import build_main

    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(EXT)!r})\n"
        "extensions = ['myst_parser', 'gwr_decades']\nsource_suffix = {'.md': 'markdown'}\n",
        encoding="utf-8",
    )
    (source / "index.md").write_text(page, encoding="utf-8")
    out = tmp_path / "html"
    status = build_main(["-W", "-q", "-b", "html", str(source), str(out)])
    assert status == 0
    return out


PAGE = """# Decades

```{gwr-coverage}
:from: 2998
3001: the note on 3001
```

```{gwr-chart} series gdp_growth
:since: 2999
Target against outcome.
```

```{gwr-chart} themes
```
"""


def test_pages_build_with_gaps_in_the_data(gappy: Path, tmp_path: Path) -> None:
    out = _build(tmp_path, PAGE)
    html = (out / "index.html").read_text(encoding="utf-8")
    assert html.count(">missing<") == 5  # 2998, 2999, 3001, 3002, 3004 (3005 has a plan report)
    assert "the note on 3001" in html
    images = sorted(p.name for p in (out / "_images").iterdir())
    assert images == ["series-gdp_growth-2999.svg", "themes.svg"]
    assert "Target against outcome." in html


def test_pages_build_with_the_bundled_data(tmp_path: Path) -> None:
    page = PAGE.replace(":from: 2998\n3001: the note on 3001", ":from: 1990").replace(":since: 2999", ":since: 1990")
    out = _build(tmp_path, page)
    html = (out / "index.html").read_text(encoding="utf-8")
    assert html.count(">missing<") == 0  # 1991 has the plan report; 1990 and 1992 on are cited reports
    for report in ("plan-1991", "gwr-2021", "gwr-2023", "gwr-2024", "plan-2024", "gwr-2025", "gwr-2026"):
        assert report in html
    assert ">cited<" in html
