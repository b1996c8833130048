"""A thousand reports: one loads alone, reading only its own file; all of them load.

The synthetic folders come from :mod:`synthetic` (reports cut from the bundled ones). Timings
are measured by ``benchmarks/scale.py``; here they are only sanity bounds, generous enough for a
slow, busy machine.
"""

from __future__ import annotations

import builtins
import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

import gwr
import synthetic
from gwr._data._db import Database, _decoder

COUNT = 1000


@pytest.fixture(scope="module")
def thousand(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("thousand") / "data"
    ids = synthetic.make_data_folder(folder, COUNT, size=0.3)
    return folder, ids


def test_the_folder_has_a_thousand_reports(thousand: tuple[Path, list[str]]) -> None:
    folder, ids = thousand
    assert len(ids) == len(set(ids)) == COUNT
    assert len(list((folder / "reports").glob("*.json"))) == COUNT
    assert Database(folder).report_ids() == ids


def test_one_report_reads_only_its_own_file(thousand: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    folder, ids = thousand
    wanted = ids[COUNT // 2]
    opened: list[str] = []
    real_open = builtins.open

    def recording_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, os.PathLike)) and str(folder) in os.fspath(file):
            opened.append(Path(os.fspath(file)).relative_to(folder).as_posix())
        return real_open(file, *args, **kwargs)

    db = Database(folder)
    monkeypatch.setattr(builtins, "open", recording_open)
    start = time.perf_counter()
    report = db.report(wanted)
    elapsed = time.perf_counter() - start
    monkeypatch.undo()
    assert report.id == wanted
    assert opened == ["manifest.json", f"reports/{wanted}.json"]
    assert list(db._reports) == [wanted]  # nothing else was parsed
    assert elapsed < 2, f"{elapsed:.2f} s for one report"


def test_the_report_loaded_alone_is_the_report_loaded_with_all(thousand: tuple[Path, list[str]]) -> None:
    folder, ids = thousand
    alone = Database(folder).report(ids[7])
    db = Database(folder)
    everything = [db.report(report_id) for report_id in ids]
    assert everything[7] == alone
    assert [r.id for r in everything] == ids


def test_all_thousand_load(thousand: tuple[Path, list[str]]) -> None:
    folder, ids = thousand
    db = Database(folder)
    start = time.perf_counter()
    reports = [db.report(report_id) for report_id in ids]
    elapsed = time.perf_counter() - start
    assert {r.kind for r in reports} == {"gwr", "plan"}
    assert all(r.year == synthetic.FIRST_YEAR + i for i, r in enumerate(reports))
    assert all(t.year == r.year for r in reports for t in r.targets if r.kind == "gwr")
    assert sum(len(r.measures) for r in reports) > COUNT  # not empty shells
    assert len(db.sources()) == len(gwr.sources())
    assert elapsed < 120, f"{elapsed:.1f} s for {COUNT} reports"


def test_synthetic_reports_pass_check(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    synthetic.make_data_folder(folder, 12, seed=1)
    result = gwr.check(folder)
    assert result.ok, str(result)
    assert result.counts["reports"] == 12


def test_the_generator_builds_many_reports(tmp_path: Path) -> None:
    from gwr.build.generate import generate

    copies = synthetic.make_annotation_root(tmp_path, 6)
    outputs = generate(tmp_path)
    built = {n.removeprefix("reports/").removesuffix(".json") for n in outputs if n.startswith("reports/")}
    assert set(copies) <= built
    # the rest are the reports cited from the corpus
    assert all(json.loads(outputs[f"reports/{i}.json"])["completeness"] == "cited" for i in built - set(copies))
    for report_id, original_id in copies.items():
        report = _decoder(gwr.Report).decode(outputs[f"reports/{report_id}.json"])
        original = gwr.report(original_id)
        assert (report.id, report.kind) == (report_id, original.kind)
        # the main targets; those set outside the passage are read by the year they name
        # (2024年赤字率按3%安排 is no target of a copy dated 3000)
        assert [t.text for t in report.targets if t.in_passage] == [t.text for t in original.targets if t.in_passage]
        # a copy has no corpus witness: the original's figures cited from one are not in it
        own = [m.span for m in original.measures if gwr.source(m.span.source).bundled]
        assert [m.span for m in report.measures] == own
