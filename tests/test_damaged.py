"""A damaged installation: edited, truncated or missing data files in a copy of the data folder.

Every kind of damage gives either a clear :class:`gwr.DataError` naming the file when it is
loaded, or a problem from :func:`gwr.check` naming the file or the item: never numbers that are
silently wrong. The load path (msgspec) lets an unknown key and a decimal stored as a number
through; :func:`gwr.check` reads every data file strictly and names them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import gwr
from gwr._data._db import Database

REPORT = "reports/gwr-2024.json"


def _edit(folder: Path, name: str, change: Callable[[Any], object]) -> None:
    """Change the parsed JSON of ``name`` in place and write it back."""
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _load_error(folder: Path, load: Callable[[Database], object]) -> str:
    with pytest.raises(gwr.DataError) as info:
        load(Database(folder))
    assert isinstance(info.value, RuntimeError)
    return str(info.value)


def _problems(folder: Path) -> str:
    result = gwr.check(folder)
    assert not result.ok
    return "\n".join(str(p) for p in result.problems)


def _load_report(db: Database) -> object:
    return db.report("gwr-2024")


def _load_everything(db: Database) -> object:
    return [db.report(i) for i in db.report_ids()], db.sources(), db.indicators(), db.themes()


# -- edited values load, and check() names the item ----------------------------------------------


def test_a_changed_value_is_named_by_check(data_copy: Path) -> None:
    def change(report: dict[str, Any]) -> None:
        report["targets"][0]["quantity"]["value"] = "6"  # 5%左右 made 6%

    _edit(data_copy, REPORT, change)
    assert Database(data_copy).report("gwr-2024").targets[0].quantity.value == 6  # loads: the file is well-formed
    problems = _problems(data_copy)
    assert "gwr-2024.targets[0].quantity: stored value 6" in problems


def test_a_changed_measure_quantity_is_named_by_check(data_copy: Path) -> None:
    paths = []

    def change(report: dict[str, Any]) -> None:
        for i, measure in enumerate(report["measures"]):
            if measure["quantities"]:
                measure["quantities"][0]["value"] = str(int(float(measure["quantities"][0]["value"]) + 1))
                paths.append(f"gwr-2024.measures[{i}].quantities[0]")
                return

    _edit(data_copy, REPORT, change)
    assert paths, "no measure with a quantity"
    assert paths[0] in _problems(data_copy)


def test_a_changed_qualifier_is_named_by_check(data_copy: Path) -> None:
    def change(report: dict[str, Any]) -> None:
        report["targets"][0]["quantity"]["qualifier"] = "at_least"
        report["targets"][0]["qualifier"] = "at_least"

    _edit(data_copy, REPORT, change)
    assert "gwr-2024.targets[0]" in _problems(data_copy)


def test_a_changed_year_in_a_report_is_a_load_error(data_copy: Path) -> None:
    _edit(data_copy, REPORT, lambda report: report.update(year=2023))
    message = _load_error(data_copy, _load_report)
    assert REPORT in message
    assert "year 2023" in message
    assert "manifest.json" in message
    assert REPORT in _problems(data_copy)


def test_a_report_that_is_not_an_object(data_copy: Path) -> None:
    path = data_copy / REPORT
    path.write_bytes(b"[" + path.read_bytes() + b"]")
    assert "Expected `object`, got `array`" in _load_error(data_copy, _load_report)


def test_a_report_file_holding_another_report(data_copy: Path) -> None:
    (data_copy / REPORT).write_bytes((data_copy / "reports" / "gwr-2025.json").read_bytes())
    message = _load_error(data_copy, _load_report)
    assert REPORT in message
    assert "gwr-2025" in message


def test_a_changed_indicator_unit_is_named_by_check(data_copy: Path) -> None:
    def change(report: dict[str, Any]) -> None:
        report["targets"][0]["quantity"]["unit"] = "percentage_points"

    _edit(data_copy, REPORT, change)
    assert "gwr-2024.targets[0].quantity" in _problems(data_copy)


# -- malformed files: a DataError naming the file, at load and from check() ---------------------


def test_a_truncated_report(data_copy: Path) -> None:
    path = data_copy / REPORT
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    message = _load_error(data_copy, _load_report)
    assert REPORT in message
    assert "not valid JSON" in message
    assert REPORT in _problems(data_copy)
    assert Database(data_copy).report("gwr-2025").id == "gwr-2025"  # the others still load


def test_an_empty_report(data_copy: Path) -> None:
    (data_copy / REPORT).write_bytes(b"")
    assert REPORT in _load_error(data_copy, _load_report)


def test_a_report_that_is_not_utf8(data_copy: Path) -> None:
    path = data_copy / REPORT
    path.write_bytes(path.read_bytes().replace("国内生产总值".encode(), "国内生产总值".encode("gb18030"), 1))
    message = _load_error(data_copy, _load_report)
    assert REPORT in message


def test_a_missing_report(data_copy: Path) -> None:
    (data_copy / REPORT).unlink()
    message = _load_error(data_copy, _load_report)
    assert REPORT in message
    assert "cannot be read" in message
    assert REPORT in _problems(data_copy)


@pytest.mark.parametrize(
    ("where", "change", "words"),
    [
        ("a missing key", lambda r: r["targets"][1]["span"].pop("exact"), "targets[1].span: Object missing required"),
        ("a string for an offset", lambda r: r["targets"][2]["span"].update(start="3"), "targets[2].span.start"),
        ("a bool for an offset", lambda r: r["targets"][2]["span"].update(end=True), "Expected `int`, got `bool`"),
        ("an unknown qualifier", lambda r: r["targets"][0].update(qualifier="roughly"), "targets[0].qualifier"),
        ("an unknown kind", lambda r: r.update(kind="npc"), "at kind: Invalid enum value 'npc'"),
        ("an object for a list", lambda r: r.update(targets={}), "targets: Expected `array`, got `object`"),
        ("null for a list", lambda r: r.update(measures=None), "measures: Expected `array`, got `null`"),
        ("a string for a list", lambda r: r.update(witnesses="003"), "witnesses: Expected `array`, got `str`"),
    ],
)
def test_a_malformed_report(data_copy: Path, where: str, change: Callable[[Any], Any], words: str) -> None:
    _edit(data_copy, REPORT, change)
    message = _load_error(data_copy, _load_report)
    assert REPORT in message
    assert "does not match the Report schema" in message
    assert words in message, message
    assert REPORT in _problems(data_copy)


# -- what the load path lets through: check() reads every file strictly and names it ------------


@pytest.mark.parametrize(
    ("where", "change", "path", "words"),
    [
        (
            "a float for a decimal",
            lambda r: r["targets"][0]["quantity"].update(value=5.0),
            "targets[0].quantity.value",
            "a decimal must be stored as a string, not float 5.0",
        ),
        (
            "an int for a decimal",
            lambda r: r["targets"][0]["quantity"].update(value=5),
            "targets[0].quantity.value",
            "a decimal must be stored as a string, not int 5",
        ),
        (
            "a decimal not in canonical form",
            lambda r: r["targets"][0]["quantity"].update(value="5.0e0"),
            "targets[0].quantity.value",
            "'5.0e0' is not a finite decimal in canonical form",
        ),
        (
            "a decimal that is not a number",
            lambda r: r["targets"][0]["quantity"].update(value="NaN"),
            "targets[0].quantity.value",
            "'NaN' is not a finite decimal in canonical form",
        ),
        (
            "a decimal with a space",
            lambda r: r["targets"][0]["quantity"].update(value=" 5"),
            "targets[0].quantity.value",
            "' 5' is not a finite decimal in canonical form",
        ),
        ("an extra key", lambda r: r["targets"][1].update(valeu="5"), "targets[1]", "unknown key 'valeu'"),
        ("an extra key at the top", lambda r: r.update(notes=[]), "", "unknown key 'notes'"),
        ("a missing key with a default", lambda r: r.pop("outline"), "outline", "missing key"),
    ],
)
def test_what_loads_but_is_not_as_written_is_named_by_check(
    data_copy: Path, where: str, change: Callable[[Any], Any], path: str, words: str
) -> None:
    _edit(data_copy, REPORT, change)
    Database(data_copy).report("gwr-2024")  # the load path lets it through
    problems = _problems(data_copy)
    assert f"gwr-2024{'.' if path else ''}{path}: {words}" in problems, problems
    assert f"(in {REPORT})" in problems


def test_a_key_written_twice_is_named_by_check(data_copy: Path) -> None:
    path = data_copy / REPORT
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"speaker":', '"speaker": "x", "speaker":', 1), encoding="utf-8")
    assert Database(data_copy).report("gwr-2024").speaker == "李强"  # the last one wins on load
    assert f"gwr-2024: an object holds the key 'speaker' twice (in {REPORT})" in _problems(data_copy)


@pytest.mark.parametrize(
    ("name", "change", "path"),
    [
        ("indicators.json", lambda d: d[0].update(nmae="x"), "indicators[0]: unknown key 'nmae'"),
        ("themes.json", lambda d: d[2].update(name_fr="x"), "themes[2]: unknown key 'name_fr'"),
        ("manifest.json", lambda d: d["sources"][1].update(sha="x"), "sources[1]: unknown key 'sha'"),
        (
            "manifest.json",
            lambda d: d["sources"][0]["documents"][0].update(page=1),
            "sources[0].documents[0]: unknown key 'page'",
        ),
        ("variants/gwr-2024.json", lambda d: d[0].update(note="x"), "gwr-2024.variants[0]: unknown key 'note'"),
        (
            "variants/gwr-2024.json",
            lambda d: d[0]["spans"][0].update(extra=1),
            "gwr-2024.variants[0].spans[0]: unknown key 'extra'",
        ),
    ],
)
def test_every_kind_of_data_file_is_read_strictly_by_check(
    data_copy: Path, name: str, change: Callable[[Any], Any], path: str
) -> None:
    _edit(data_copy, name, change)
    problems = _problems(data_copy)
    assert path in problems, problems
    assert f"(in {name})" in problems


@pytest.mark.parametrize("name", ["indicators.json", "themes.json"])
def test_a_damaged_registry(data_copy: Path, name: str) -> None:
    _edit(data_copy, name, lambda entries: entries[0].update(key=7))
    message = _load_error(data_copy, _load_everything)
    assert name in message
    assert "[0].key" in message
    assert name in _problems(data_copy)


@pytest.mark.parametrize("name", ["indicators.json", "themes.json", "manifest.json"])
def test_a_missing_registry_or_manifest(data_copy: Path, name: str) -> None:
    (data_copy / name).unlink()
    assert name in _load_error(data_copy, _load_everything)
    assert name in _problems(data_copy)


def test_a_truncated_manifest(data_copy: Path) -> None:
    path = data_copy / "manifest.json"
    path.write_bytes(path.read_bytes()[:100])
    assert "manifest.json" in _load_error(data_copy, _load_report)
    assert "manifest.json" in _problems(data_copy)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda m: m.update(format=2), "not format 1"),
        (lambda m: m.pop("reports"), "no list of reports"),
        (lambda m: m["reports"][0].pop("file"), "reports[0] must have"),
        (lambda m: m["reports"][0].update(year="2024"), "reports[0] must have"),
        (lambda m: m["reports"].append(dict(m["reports"][0])), "twice"),
        (lambda m: m["sources"][0].update(sha256=None), "Source schema at sources[0].sha256"),
    ],
)
def test_a_malformed_manifest(data_copy: Path, change: Callable[[Any], Any], words: str) -> None:
    _edit(data_copy, "manifest.json", change)
    message = _load_error(data_copy, _load_everything)
    assert "manifest.json" in message
    assert words in message, message
    assert "manifest.json" in _problems(data_copy)


def test_a_manifest_entry_pointing_nowhere(data_copy: Path) -> None:
    def change(manifest: dict[str, Any]) -> None:
        for entry in manifest["reports"]:
            if entry["id"] == "gwr-2024":
                entry["file"] = "reports/gwr-2024-old.json"

    _edit(data_copy, "manifest.json", change)
    assert "reports/gwr-2024-old.json" in _load_error(data_copy, _load_report)


# -- sources: check() names the file --------------------------------------------------------------


def _source_file(folder: Path, source_id: str) -> Path:
    manifest = json.loads((folder / "manifest.json").read_bytes())
    (name,) = (s["file"] for s in manifest["sources"] if s["id"] == source_id)
    return folder / "sources" / name


def test_a_missing_source(data_copy: Path) -> None:
    path = _source_file(data_copy, "003")
    path.unlink()
    problems = _problems(data_copy)
    assert f"sources/{path.name}" in problems
    assert "gwr-2024" in problems  # the report quoting it cannot be proved


def test_a_source_with_one_byte_changed(data_copy: Path) -> None:
    path = _source_file(data_copy, "000")
    raw = path.read_bytes()
    at = raw.index("2％左右".encode())
    path.write_bytes(raw[:at] + b"3" + raw[at + 1 :])
    problems = _problems(data_copy)
    assert path.name in problems
    assert "sha256" in problems
    assert "gwr-2025.targets" in problems  # the target quoting the changed byte


def test_a_source_that_is_not_utf8(data_copy: Path) -> None:
    path = _source_file(data_copy, "001")
    path.write_bytes(b"\xff\xfe" + path.read_bytes())
    problems = _problems(data_copy)
    assert "sources[001]" in problems
    assert "UTF-8" in problems


def test_an_extra_file_changes_nothing(data_copy: Path) -> None:
    (data_copy / "reports" / "notes.json").write_text("{not json", encoding="utf-8")
    (data_copy / "sources" / "extra.txt").write_text("x", encoding="utf-8")
    (data_copy / "notes.json").write_text("{not json", encoding="utf-8")  # no registry of that name
    assert gwr.check(data_copy).ok


def test_the_installed_data_is_untouched() -> None:
    assert gwr.check().ok
