"""gwr.check(): clean on the bundled data, and it catches every kind of tampering."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import gwr


def _edit(path: Path, change: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _messages(result: gwr.CheckResult) -> str:
    return "\n".join(str(p) for p in result.problems)


def test_bundled_data_is_clean() -> None:
    result = gwr.check()
    assert result.ok, _messages(result)
    # with the corpus at hand (tests/conftest.py), the cited texts are verified too
    assert result.unverified == ()
    assert result.counts["sources"] == len(gwr.sources())
    assert result.counts["reports"] == len(gwr.reports())
    stored = 0
    for report in gwr.reports():
        for _, item in report.iter_items():
            if isinstance(item, gwr.Measure):
                stored += len(item.quantities)
            elif isinstance(item, (gwr.Target, gwr.Outcome)) and item.quantity is not None:
                stored += 1
    assert result.counts["quantities"] == stored
    assert stored > 200


def test_the_copy_is_clean(data_copy: Path) -> None:
    assert gwr.check(data_copy).ok


def test_changed_quote_is_caught(data_copy: Path) -> None:
    def change(report: dict[str, Any]) -> None:
        report["targets"][0]["span"]["exact"] = "国内生产总值增长6%左右"

    _edit(data_copy / "reports" / "gwr-2024.json", change)
    result = gwr.check(data_copy)
    assert not result.ok
    assert any(p.path == "gwr-2024.targets[0]" and "exact" in p.message for p in result.problems), _messages(result)


def test_changed_offset_is_caught(data_copy: Path) -> None:
    def change(report: dict[str, Any]) -> None:
        report["targets"][2]["span"]["start"] += 1

    _edit(data_copy / "reports" / "plan-2024.json", change)
    result = gwr.check(data_copy)
    paths = [p.path for p in result.problems if p.path != "files[reports/plan-2024.json]"]
    assert paths == ["plan-2024.targets[2]"] * len(paths)
    assert paths


def test_changed_value_is_caught(data_copy: Path) -> None:
    def change(report: dict[str, Any]) -> None:
        report["targets"][6]["quantity"]["value"] = "1400000000000"

    _edit(data_copy / "reports" / "gwr-2024.json", change)
    result = gwr.check(data_copy)
    assert any(p.path == "gwr-2024.targets[6].quantity" and "value 1400000000000" in p.message for p in result.problems)


def test_changed_unit_is_caught(data_copy: Path) -> None:
    def change(report: dict[str, Any]) -> None:
        report["targets"][0]["quantity"]["unit"] = "percentage_points"

    _edit(data_copy / "reports" / "gwr-2025.json", change)
    result = gwr.check(data_copy)
    assert any(p.path == "gwr-2025.targets[0].quantity" and "percentage_points" in p.message for p in result.problems)


def test_changed_source_byte_is_caught(data_copy: Path) -> None:
    path = data_copy / "sources" / "003_f4d9d96fe4767659.txt"
    raw = path.read_bytes()
    at = raw.index("1.3万亿斤以上".encode())
    path.write_bytes(raw[:at] + b"1.4" + raw[at + 3 :])
    result = gwr.check(data_copy)
    paths = {p.path for p in result.problems}
    assert "sources[003]" in paths
    assert "gwr-2024.targets[6]" in paths  # the target quoting the changed bytes


def test_unknown_indicator_key_is_caught(data_copy: Path) -> None:
    def change(report: dict[str, Any]) -> None:
        report["targets"][1]["key"] = "jobs"

    _edit(data_copy / "reports" / "gwr-2024.json", change)
    result = gwr.check(data_copy)
    assert any(p.path == "gwr-2024.targets[1]" and "'jobs'" in p.message for p in result.problems)


def test_extra_key_in_data_is_a_clear_problem(data_copy: Path) -> None:
    def change(report: dict[str, Any]) -> None:
        report["targets"][0]["valeu"] = "5"

    _edit(data_copy / "reports" / "gwr-2024.json", change)
    result = gwr.check(data_copy)
    assert any("reports/gwr-2024.json" in p.message for p in result.problems), _messages(result)


def test_missing_file_is_named(data_copy: Path) -> None:
    (data_copy / "reports" / "plan-2024.json").unlink()
    result = gwr.check(data_copy)
    assert any("reports/plan-2024.json" in p.message for p in result.problems)


def test_not_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(gwr.InvalidArgumentError, match="not a gwr data folder"):
        gwr.check(tmp_path / "nowhere")


# Every kind of shipped data file is protected by the sha256 the manifest records for it: an edit
# that still loads (a changed English name, a reordered theme, one changed reading) is caught,
# and the problem names the file.
SHIPPED = [
    ("indicators.json", lambda data: data[0].update(name_en="Growth of GDP")),
    ("indicators.json", lambda data: data[2].update(reading="floor")),
    ("themes.json", lambda data: data[0].update(name_zh="扩大内需")),
    ("themes.json", lambda data: data.reverse()),
    ("reports/gwr-2024.json", lambda data: data.update(title=data["title"] + "（修订）")),
    ("reports/gwr-2025.json", lambda data: data.update(meeting="十四届全国人大三次会议 ")),
    ("reports/plan-2024.json", lambda data: data.update(speaker="郑栅洁")),
    ("variants/gwr-2024.json", lambda data: data.pop()),
]


@pytest.mark.parametrize(("name", "change"), SHIPPED, ids=[f"{n}-{i}" for i, (n, _) in enumerate(SHIPPED)])
def test_edited_data_file_is_caught_and_named(data_copy: Path, name: str, change: Any) -> None:
    _edit(data_copy / name, change)
    result = gwr.check(data_copy)
    problems = [p for p in result.problems if p.path == f"files[{name}]"]
    assert problems, _messages(result)
    assert name in problems[0].message
    assert "sha256" in problems[0].message


def test_every_shipped_file_is_in_the_manifest(data_copy: Path) -> None:
    manifest = json.loads((data_copy / "manifest.json").read_text(encoding="utf-8"))
    shipped = {p.relative_to(data_copy).as_posix() for p in data_copy.rglob("*.json")} - {"manifest.json"}
    assert set(manifest["files"]) == shipped
    assert {"indicators.json", "themes.json", "variants/gwr-2024.json"} <= shipped


def test_a_file_the_manifest_does_not_hash_is_named(data_copy: Path) -> None:
    _edit(data_copy / "manifest.json", lambda manifest: manifest["files"].pop("themes.json"))
    result = gwr.check(data_copy)
    assert any(p.path == "files[themes.json]" and "no sha256" in p.message for p in result.problems)


def test_a_manifest_without_file_digests_is_a_problem(data_copy: Path) -> None:
    _edit(data_copy / "manifest.json", lambda manifest: manifest.pop("files"))
    result = gwr.check(data_copy)
    assert any(p.path == "manifest.json" and "sha256" in p.message for p in result.problems)


def test_a_removed_data_file_is_named(data_copy: Path) -> None:
    (data_copy / "themes.json").unlink()
    result = gwr.check(data_copy)
    assert any("themes.json" in p.message for p in result.problems), _messages(result)
