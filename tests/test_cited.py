"""Cited reports: facts of the corpus texts with their clauses, verified where the text is at hand.

Expectations are read by hand from the corpus: national/2019.txt (line 67: 今年经济社会发展的主要
预期目标是：国内生产总值增长6%－6.5%；城镇新增就业1100万人以上，城镇调查失业率5.5%左右，城镇登记
失业率4.5%以内；居民消费价格涨幅3%左右；… and line 12: 国内生产总值增长6.6%).
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import gwr
from gwr.build.generate import generate

REPO = Path(__file__).resolve().parents[1]


def test_a_cited_national_report() -> None:
    report = gwr.report(2019)
    assert (report.completeness, report.kind, report.witnesses) == ("cited", "gwr", ("national-2019",))
    gdp = report.target("gdp_growth")
    assert gdp.text == "国内生产总值增长6%－6.5%"
    assert gdp.quantity is not None
    assert (gdp.quantity.value, gdp.quantity.upper, gdp.quantity.unit) == (Decimal("6"), Decimal("6.5"), "%")
    jobs = report.target("urban_new_jobs")
    assert (jobs.text, jobs.qualifier) == ("城镇新增就业1100万人以上", "at_least")
    assert jobs.quantity is not None
    assert jobs.quantity.value == Decimal("11000000")
    assert report.target("urban_unemployment_rate").text == "城镇调查失业率5.5%左右"
    assert report.target("cpi_growth").text == "居民消费价格涨幅3%左右"
    outcome = next(o for o in report.outcomes if o.key == "gdp_growth")
    assert (outcome.year, outcome.quantity.value if outcome.quantity else None) == (2018, Decimal("6.6"))
    source = gwr.source("national-2019")
    assert (source.bundled, source.file) == (False, "national/2019.txt")
    assert source.url is not None
    assert source.url.startswith("https://zh.wikisource.org/")
    with pytest.raises(gwr.NotFoundError, match="cited, not bundled"):
        source.normalized  # noqa: B018


def test_what_a_corpus_entry_is_when_it_is_not_a_work_report() -> None:
    budget = gwr.report(1956)
    assert budget.title == "关于1955年国家决算和1956年国家预算的报告"
    assert "budget" in budget.description
    assert gwr.report(2019).description == ""


def test_cited_reports_ship_facts_not_prose() -> None:
    for report in gwr.reports():
        if report.completeness != "cited":
            continue
        source = gwr.source(report.witnesses[0])
        assert source.length is not None
        for _, item in report.iter_items():
            if isinstance(item, gwr.Measure):  # only the keyed figures
                assert any(q.indicator for q in item.quantities), item.text
        stack = list(report.outline)
        while stack:
            section = stack.pop()
            assert section.heading == section.span  # a section is cited by its heading only
            assert section.kind != "paragraph"
            stack.extend(section.children)
        quoted = {(s.start, s.end) for _, item in report.iter_items() for s in [item.span]}
        assert sum(end - start for start, end in quoted) < 0.5 * source.length, report.id


def test_check_verifies_cited_reports_only_with_their_texts(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with_texts = gwr.check(corpus=corpus)
    assert with_texts.ok, str(with_texts)
    assert with_texts.unverified == ()
    monkeypatch.delenv("GWR_CORPUS", raising=False)
    without = gwr.check()
    assert without.ok
    cited = [r.id for r in gwr.reports() if r.completeness == "cited"]
    assert sorted(without.unverified) == sorted(cited)
    assert without.counts["reports"] == len(gwr.reports()) - len(cited)
    assert "not verified" in str(without)
    assert "gwr-2019" in str(without)


def test_check_names_a_cited_text_that_changed(corpus: Path, tmp_path: Path) -> None:
    copy = tmp_path / "corpus"
    shutil.copytree(corpus, copy)
    path = copy / "national" / "2019.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("6%－6.5%", "7%－7.5%"), encoding="utf-8")
    result = gwr.check(corpus=copy)
    assert not result.ok
    assert any(p.path == "sources[national-2019]" and "sha256" in p.message for p in result.problems)


def test_a_year_is_added_by_adding_its_text(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A corpus without 2019, then with it: the generator alone adds the year."""
    root = tmp_path / "repo"
    shutil.copytree(REPO / "annotations", root / "annotations")
    shutil.copytree(REPO / "src" / "gwr" / "data" / "sources", root / "src" / "gwr" / "data" / "sources")
    (root / "annotations" / "cited" / "gwr-2019.toml").unlink(missing_ok=True)  # themes: optional
    smaller = tmp_path / "corpus"
    shutil.copytree(corpus, smaller)
    entries = json.loads((smaller / "corpus.json").read_text(encoding="utf-8"))
    kept = [e for e in entries if e["file"] != "national/2019.txt"]
    (smaller / "corpus.json").write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("GWR_CORPUS", str(smaller))
    assert "reports/gwr-2019.json" not in generate(root)
    (smaller / "corpus.json").write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    outputs = generate(root)
    report = json.loads(outputs["reports/gwr-2019.json"])
    assert report["completeness"] == "cited"
    assert [t["text"] for t in report["targets"]][:2] == ["国内生产总值增长6%－6.5%", "城镇新增就业1100万人以上"]
    manifest = json.loads(outputs["manifest.json"])
    assert any(s["id"] == "national-2019" and s["bundled"] is False for s in manifest["sources"])
