"""check() proves what a fact means, not only where its quote is (issue 21).

Each test edits a data file as a user might, records the edited file's digest in the manifest
(so that the digest check alone cannot catch it), and expects a problem that names the item and
the field. The facts edited were read by hand: gwr-2024's CPI target is 居民消费价格涨幅3%左右
(003), its GDP outcome for 2023 is 增长5.2%; gwr-1999's GDP target is 今年的经济增长预期为7%左右
(the corpus's 1999 text).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

import gwr


def _edit(folder: Path, report_id: str, change: Any) -> None:
    """Apply ``change`` to the report's JSON and record the new file's digest in the manifest."""
    name = f"reports/{report_id}.json"
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    content = (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    path.write_bytes(content)
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"][name] = hashlib.sha256(content).hexdigest()
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _index(data: dict[str, Any], key: str, field: str = "targets") -> int:
    return next(i for i, item in enumerate(data[field]) if item["key"] == key)


def _problems(folder: Path, corpus: Path | None = None) -> list[str]:
    result = gwr.check(folder, corpus=corpus)
    assert not result.ok
    return [str(p) for p in result.problems]


def test_a_target_year_changed(data_copy: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["targets"][_index(data, "cpi_growth")]["year"] = 2023

    _edit(data_copy, "gwr-2024", change)
    problems = _problems(data_copy)
    assert any("gwr-2024.targets[" in p and "year 2023" in p for p in problems), problems


def test_a_target_key_changed(data_copy: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        target = data["targets"][_index(data, "cpi_growth")]
        target["key"] = "retail_price_growth"
        target["quantity"]["indicator"] = "retail_price_growth"

    _edit(data_copy, "gwr-2024", change)
    problems = _problems(data_copy)
    assert any("key 'retail_price_growth', the text reads 'cpi_growth'" in p for p in problems), problems


def test_a_target_deleted(data_copy: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        del data["targets"][_index(data, "cpi_growth")]

    _edit(data_copy, "gwr-2024", change)
    problems = _problems(data_copy)
    assert any(p.startswith("gwr-2024.targets: the text states '居民消费价格涨幅3%左右'") for p in problems), problems


def test_an_outcome_year_changed(data_copy: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["outcomes"][_index(data, "gdp_growth", "outcomes")]["year"] = 2022

    _edit(data_copy, "gwr-2024", change)
    problems = _problems(data_copy)
    assert any("gwr-2024.outcomes[" in p and "year 2022" in p for p in problems), problems


def test_a_value_changed(data_copy: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["targets"][_index(data, "gdp_growth")]["quantity"]["value"] = "6"

    _edit(data_copy, "gwr-2024", change)
    assert any("gwr-2024.targets[" in p for p in _problems(data_copy))


def test_a_measure_key_changed(data_copy: Path) -> None:
    # 003: 今年中央预算内投资拟安排7000亿元 states central budget investment
    def change(data: dict[str, Any]) -> None:
        for task in data["tasks"]:
            for sub in task["subtasks"]:
                for measure in sub["measures"]:
                    for quantity in measure["quantities"]:
                        if quantity["indicator"] == "central_budget_investment":
                            quantity["indicator"] = "local_special_bonds"

    _edit(data_copy, "gwr-2024", change)
    problems = _problems(data_copy)
    assert any("key 'local_special_bonds', the text states 'central_budget_investment'" in p for p in problems)


def test_a_cited_report_changed_is_caught_with_the_corpus(
    data_copy: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def change(data: dict[str, Any]) -> None:
        data["targets"][_index(data, "gdp_growth")]["key"] = "gnp_growth"
        del data["outcomes"][0]

    _edit(data_copy, "gwr-1999", change)
    problems = _problems(data_copy, corpus)
    assert any(p.startswith("gwr-1999.targets[") and "key 'gnp_growth'" in p for p in problems), problems
    assert any(p.startswith("gwr-1999.outcomes: the text states") for p in problems), problems
    # without the corpus the cited report cannot be read again: it is listed as not verified
    monkeypatch.delenv("GWR_CORPUS", raising=False)
    unchecked = gwr.check(data_copy)
    assert "gwr-1999" in unchecked.unverified


def test_the_whole_data_is_read_again(corpus: Path) -> None:
    result = gwr.check(corpus=corpus)
    assert result.ok, str(result)
    assert result.counts["rederived"] == result.counts["reports"] == len(gwr.reports())


def test_a_unit_that_does_not_fit_its_indicator(data_copy: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["targets"][_index(data, "grain_output")]["key"] = "gdp_growth"

    _edit(data_copy, "gwr-2024", change)
    problems = _problems(data_copy)
    assert any("unit 'jin' does not fit indicator 'gdp_growth'" in p for p in problems), problems


@pytest.mark.parametrize("folder", ["empty", "no_corpus_json"])
def test_a_folder_that_is_not_a_corpus_is_an_error(tmp_path: Path, folder: str) -> None:
    bogus = tmp_path / folder
    bogus.mkdir()
    if folder == "no_corpus_json":
        (bogus / "national").mkdir()
    with pytest.raises(gwr.InvalidArgumentError, match=r"corpus\.json"):
        gwr.check(corpus=bogus)
