"""The house: the runtime in layers with no import cycle, and a read report that owns its text."""

from __future__ import annotations

import gc
import pickle
import subprocess
import sys
import weakref
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import gwr

ROOT = Path(__file__).resolve().parents[1]


def test_the_runtime_is_in_layer_subpackages() -> None:
    package = ROOT / "src" / "gwr"
    layers = {p.name for p in package.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}
    assert {"_model", "_reading", "_data", "_analysis", "build"} <= layers
    # no module of the runtime lies beside __init__ but the command line and the root's own
    assert sorted(p.name for p in package.glob("*.py")) == ["__init__.py", "__main__.py", "_cli.py"]


def test_import_contracts_are_kept() -> None:
    """import-linter's layers and acyclic-siblings contracts (pyproject.toml), function-level imports counted."""
    pytest.importorskip("importlinter")
    result = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_the_model_imports_nothing_above_it() -> None:
    """Counting imports inside functions, the model reaches into no layer above it."""
    pytest.importorskip("importlinter")
    grimp = pytest.importorskip("grimp")
    graph = grimp.build_graph("gwr", exclude_type_checking_imports=True)
    # the model imports nothing above it, counting imports inside functions
    above = ("gwr._reading", "gwr._data", "gwr._analysis", "gwr._cli", "gwr.build")
    for module in sorted(m for m in graph.modules if m.startswith("gwr._model")):
        imported = graph.find_modules_directly_imported_by(module)
        assert not [m for m in imported if m.startswith(above)], module
    assert not graph.find_illegal_dependencies_for_layers(
        layers=("gwr._analysis", "gwr._data", "gwr._reading", "gwr._model")
    )


def _report_2024_text() -> str:
    text = gwr.source("003").text
    return text[text.index("政府工作报告\n") : text.index("教育部部长")]


def _check_in_this_process(data: bytes) -> tuple[bool, int, str]:
    report = pickle.loads(data)
    result = gwr.check(report)
    return result.ok, result.counts["reports"], report.target("cpi_growth").text


def test_a_read_report_pickles_with_its_text_and_is_checked_in_another_process() -> None:
    report = gwr.read(_report_2024_text())
    data = pickle.dumps(report)
    copy = pickle.loads(data)
    assert copy == report
    assert copy._sources[0].normalized == report._sources[0].normalized
    with ProcessPoolExecutor(max_workers=1) as pool:
        ok, checked, cpi = pool.submit(_check_in_this_process, data).result()
    assert (ok, checked, cpi) == (True, 1, "居民消费价格涨幅3%左右")


def test_a_changed_read_report_fails_its_check_in_another_process() -> None:
    import attrs

    report = gwr.read(_report_2024_text())
    target = report.targets[0]
    changed = attrs.evolve(report, targets=(attrs.evolve(target, text="国内生产总值增长6%左右"), *report.targets[1:]))
    with ProcessPoolExecutor(max_workers=1) as pool:
        ok, _, _ = pool.submit(_check_in_this_process, pickle.dumps(changed)).result()
    assert not ok


def test_reading_keeps_nothing_once_the_report_is_gone() -> None:
    report = gwr.read(_report_2024_text())
    source = report._sources[0]
    source_id = source.id
    assert gwr.source(source_id) is source  # found while the report lives
    gone = weakref.ref(source)
    del report, source
    gc.collect()
    assert gone() is None  # no registry holds the text
    with pytest.raises(gwr.NotFoundError):
        gwr.source(source_id)


def test_a_bundled_source_pickles_without_its_database() -> None:
    source = gwr.source("002")
    data = pickle.dumps(source)
    assert len(data) < 10_000  # the text stays in the package: the copy reaches it there
    assert pickle.loads(data).normalized == source.normalized
