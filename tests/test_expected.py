"""The hand-read expectation files (tests/expected/) are well formed and quote their texts.

These tests do not run the reader: they keep the expectations themselves honest, so that a typo
in a file fails here rather than as a reader bug. Quotes are checked against the corpus
(``GWR_CORPUS``, else ``<repo root>/../shared/corpus``); those checks skip without it.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import gwr
from corpus import corpus_folder

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "expected" / "provincial"
FILES = sorted(EXPECTED.glob("*.toml"))

TOP = {"region", "year", "file", "date", "speaker", "passage_start", "passage_end", "tasks", "targets", "outcomes"}
ITEM = {"key", "year", "text", "value", "upper", "unit", "qualifier", "change", "stretch", "note"}
QUALIFIERS = {"exact", "about", "at_least", "more_than", "at_most", "less_than"}
UNITS = {"%", "persons", "jin", "t", "mu", "person_times", "CNY"}
NUMERALS = "一二三四五六七八九十"


def corpus() -> Path | None:
    return corpus_folder()


def load(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _numeral(number: int) -> str:
    return NUMERALS[number - 1] if number <= 10 else "十" + NUMERALS[number - 11]


def test_there_are_at_least_ten_provinces() -> None:
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_file_is_well_formed(path: Path) -> None:
    data = load(path)
    assert set(data) <= TOP, set(data) - TOP
    region = gwr.region(data["region"])
    assert region.code == data["region"]
    assert region.slug == path.stem, "a file is named by its region's slug"
    assert data["file"] == f"provincial/{data['year']}/{path.stem}.txt"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", data["date"])
    assert data["tasks"], "every provincial report of 2025 numbers its tasks"
    assert data["targets"]
    for item in [*data["targets"], *data.get("outcomes", [])]:
        assert set(item) <= ITEM, set(item) - ITEM
        assert re.fullmatch(r"[a-z][a-z0-9_]*", item["key"])
        if "value" in item:
            assert Decimal(item["value"]) >= 0
            assert item["unit"] in UNITS
            assert item["qualifier"] in QUALIFIERS
        else:
            assert not {"unit", "qualifier", "upper", "change"} & set(item), "a qualitative item has no number"
        assert item.get("change") in (None, "increase", "decrease")
    for outcome in data.get("outcomes", []):
        assert outcome["year"] == data["year"] - 1


def test_registry_keys_carry_the_registry_unit() -> None:
    """Where a file uses a registry key, the unit is the registry's or one of its dimension
    (t for grain in jin, person_times for persons), as the reader's unit_fits has it."""
    from gwr._reading._targets import unit_fits

    units = {i.key: i.unit for i in gwr.indicators()}
    for path in FILES:
        for item in load(path)["targets"]:
            if item["key"] in units and "unit" in item:
                assert unit_fits(units[item["key"]], item["unit"]), (path.stem, item["key"], item["unit"])


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_quotes_are_in_the_text(path: Path) -> None:
    root = corpus()
    if root is None:
        pytest.skip("the corpus is not at hand (set GWR_CORPUS)")
    data = load(path)
    text = (root / data["file"]).read_text(encoding="utf-8")
    start = text.find(data["passage_start"])
    assert start >= 0, data["passage_start"]
    end = text.find(data["passage_end"], start)
    assert end >= 0, data["passage_end"]
    passage = text[start + len(data["passage_start"]) : end + len(data["passage_end"])]
    for target in data["targets"]:
        assert target["text"] in passage, target["text"]
        if "value" in target:
            assert _figure_of(target) in target["text"].replace("％", "%"), target
    review = text[:start]  # the outcomes are stated in the review of the year before
    for outcome in data.get("outcomes", []):
        assert outcome["text"] in review, outcome["text"]
    lines = text[end:].split("\n")
    position = 0
    for number, title in enumerate(data["tasks"], 1):
        heading = re.compile(rf"^[\s\u3000\u2003]*[（(]{_numeral(number)}[）)]{re.escape(title)}(。|$)")
        found = [i for i, line in enumerate(lines) if i >= position and heading.match(line)]
        assert found, f"task {number} {title!r} is not a heading after the targets passage"
        position = found[0]


def _figure_of(item: dict[str, Any]) -> str:
    """The figure as a text writes it, from the expected value: ``"5.5"`` ``%`` → ``5.5%``."""
    value = Decimal(item["value"])
    unit = item["unit"]
    if unit == "%":
        return f"{item['value']}%"
    for scale, word in ((Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万")):
        if value >= scale:
            number = value / scale
            text = f"{number:f}".rstrip("0").rstrip(".") if "." in f"{number:f}" else f"{number:f}"
            return text + word
    return f"{value:f}"
