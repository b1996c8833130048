"""The structure functions: precompiled in gwr/_hooks.py, fresh, and the same as those compiled at run time."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import gwr
from gwr import _structure
from gwr._db import Database, package_data


def test_precompiled_hooks_are_fresh() -> None:
    path = Path(_structure.__file__).with_name("_hooks.py")
    assert path.read_text(encoding="utf-8") == _structure.precompiled_source(), (
        "src/gwr/_hooks.py is stale: run python -m gwr._structure"
    )


def test_every_record_class_is_precompiled() -> None:
    from gwr import _hooks

    assert {_structure.slot(cls) for cls in _structure.record_classes()} == set(_hooks.HOOKS)


def _compiled_here() -> dict[str, Any]:
    """The structure functions of every record class, compiled now into a namespace of their own."""
    namespace: dict[str, Any] = dict(_structure.HELPERS)
    for cls in _structure.record_classes():
        code = _structure.generate(cls)
        assert code is not None, cls
        source, constants = code
        namespace.update({k: v for k, v in constants.items() if not isinstance(v, _structure._Pending)})
        exec(compile(source, f"<test {cls.__name__}>", "exec"), namespace)
    assert not any(isinstance(v, _structure._Pending) for v in namespace.values())
    return namespace


def test_compiled_at_run_time_reads_the_data_alike() -> None:
    namespace = _compiled_here()
    db = Database(str(package_data()))
    for report_id in db.report_ids():
        data = db.read_json(f"reports/{report_id}.json")
        assert namespace[_structure.slot(gwr.Report)](data) == db.report(report_id)
    for source, data in zip(db.sources(), db.manifest["sources"], strict=True):
        assert namespace[_structure.slot(gwr.Source)](data) == source


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_stale_precompiled_function_is_not_used() -> None:
    out = _run(
        """
        import gwr._hooks as hooks
        module, name, _ = hooks.HOOKS["_f_gwr__model_Span"]
        hooks.HOOKS["_f_gwr__model_Span"] = (module, name, "stale")
        import gwr
        from gwr import _structure
        assert gwr.report(2024).target("cpi_growth").span.exact == "居民消费价格涨幅3%左右"
        span = _structure._namespace["_f_gwr__model_Span"]
        target = _structure._namespace["_f_gwr__model_Target"]
        print(span.__code__.co_filename, target.__code__.co_filename.endswith("_hooks.py"))
        """
    )
    assert out == "<gwr structure Span> True"


def test_loading_works_without_precompiled_functions() -> None:
    out = _run(
        """
        import sys
        sys.modules["gwr._hooks"] = None  # as if it were never generated
        import gwr
        from gwr import _structure
        report = gwr.report(2025)
        print(report.target("cpi_growth").text, _structure._namespace["_f_gwr__model_Report"].__code__.co_filename)
        """
    )
    assert out == "居民消费价格涨幅2%左右 <gwr structure Report>"
