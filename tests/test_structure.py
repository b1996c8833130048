"""The load path: msgspec decodes the bundled JSON straight into the records, type-driven.

The fast path and the strict reading of :func:`gwr.check` (:mod:`gwr._data._converter`) must read every
bundled file alike; a record type the loader has never seen loads with no code of its own; a
first lookup imports neither cattrs nor the strict reading.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
from decimal import Decimal
from pathlib import Path
from typing import Literal

import attrs
import pytest

import gwr
from gwr._data import _db
from gwr._data._converter import converter, strict_problems
from gwr._data._db import Database, package_data


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_fast_and_strict_readings_agree_on_every_bundled_file() -> None:
    db = Database(str(package_data()))
    for entry in db.report_entries():
        report = db.report(entry["id"])
        data = db.read_bytes(entry["file"])
        assert converter.structure(json.loads(data), gwr.Report) == report
        assert strict_problems(data, gwr.Report, report) == []
    assert converter.structure(db.manifest["sources"], tuple[gwr.Source, ...]) == db.sources()
    assert strict_problems(db.read_bytes("manifest.json"), tuple[gwr.Source, ...], db.sources(), at="sources") == []
    for name, cls, loaded in (
        ("indicators.json", gwr.Indicator, db.indicators()),
        ("themes.json", gwr.Theme, db.themes()),
    ):
        assert strict_problems(db.read_bytes(name), tuple[cls, ...], loaded) == []


def test_decimals_are_exact_and_keep_their_spelling() -> None:
    report = gwr.report(2024)
    text = Database(str(package_data())).read_bytes("reports/gwr-2024.json").decode()
    stored = json.loads(text, parse_float=lambda _: pytest.fail("a decimal stored as a number"))
    del stored  # every decimal in the file is a string
    values = [q.value for _, item in report.iter_items() for q in getattr(item, "quantities", ())]
    assert all(type(v) is Decimal for v in values)
    assert all(f'"value": "{v}"' in text for v in values)  # as spelt in the file, digit for digit
    assert Decimal("700000000000") in values  # 今年中央预算内投资拟安排7000亿元
    assert Decimal("1.3E+12") == gwr.report(2024).target("grain_output").quantity.value  # 1.3万亿斤


@attrs.frozen
class _Leaf:
    amount: Decimal
    kind: Literal["a", "b"] = "a"


@attrs.frozen
class _Tree:
    name: str
    leaves: tuple[_Leaf, ...]
    parent: _Tree | None = None
    note: str | None = None


def test_a_record_type_the_loader_has_never_seen_loads_with_no_code_of_its_own(tmp_path: Path) -> None:
    tree = _Tree("x", (_Leaf(Decimal("1.5")), _Leaf(Decimal("7E+11"), "b")), _Tree("p", ()))
    (tmp_path / "tree.json").write_text(json.dumps(converter.unstructure(tree)), encoding="utf-8")
    assert Database(tmp_path).decode("tree.json", _Tree) == tree
    (tmp_path / "bad.json").write_text('{"name": "x", "leaves": [{"amount": "1", "kind": "c"}]}', encoding="utf-8")
    with pytest.raises(gwr.DataError, match=r"bad.json does not match the _Tree schema at leaves\[0\].kind"):
        Database(tmp_path).decode("bad.json", _Tree)


def test_a_first_lookup_imports_neither_cattrs_nor_the_strict_reading() -> None:
    out = _run(
        """
        import sys
        import gwr
        before = {m for m in ("msgspec", "attrs", "cattrs") if m in sys.modules}
        gwr.report(2025).target("cpi_growth")
        after = sorted(m for m in ("msgspec", "attrs", "cattrs", "json", "gwr._data._converter") if m in sys.modules)
        print(sorted(before), after)
        """
    )
    assert out == "[] ['attrs', 'msgspec']"


def test_one_decoder_per_type_made_once_from_many_threads(tmp_path: Path) -> None:
    @attrs.frozen
    class Fresh:  # a type no decoder was made for yet
        value: Decimal

    (tmp_path / "f.json").write_text('{"value": "2"}', encoding="utf-8")
    barrier = threading.Barrier(8)
    found: list[object] = []

    def decode() -> None:
        barrier.wait()
        found.append(Database(tmp_path).decode("f.json", Fresh))

    threads = [threading.Thread(target=decode) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert found == [Fresh(Decimal("2"))] * 8
    assert _db._decoders[Fresh] is _db._decoder(Fresh)
