"""The provincial reports cited from the corpus against the nation: checked by hand.

Each province's 2025 GDP growth target is read from ``tests/expected/provincial/<slug>.toml``
(read by a person from the corpus text); the national target of 2025 is 国内生产总值增长5%左右
(000). The direction is the province's figure against 5.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

import gwr

EXPECTED = sorted((Path(__file__).parent / "expected" / "provincial").glob("*.toml"))


def _expected_gdp(path: Path) -> tuple[str, dict[str, str]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    gdp = next(t for t in data["targets"] if t["key"] == "gdp_growth")
    return data["region"], gdp


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_each_province_beside_the_national_gdp_target(path: Path) -> None:
    region, gdp = _expected_gdp(path)
    # the province's first GDP clause is its target (a stretch figure, 力争达到8%, may follow)
    first = gwr.report(2025, kind="provincial", region=region).target("gdp_growth")
    rows = [row for row in gwr.compare_regions(2025, "gdp_growth") if row.region == region and row.figure == first]
    assert len(rows) == 1, f"no row for {region}"
    row = rows[0]
    assert row.figure is not None
    assert row.figure.quantity is not None
    assert row.figure.quantity.value == Decimal(gdp["value"])
    assert row.figure.qualifier == gdp["qualifier"]
    assert gdp["text"].replace("％", "%") in row.figure.text or row.figure.text in gdp["text"]
    assert row.national is not None
    assert row.national.text == "国内生产总值增长5%左右"
    value = Decimal(gdp["value"])
    expected = "above" if value > 5 else "same" if value == 5 else "below"
    assert row.direction == expected
    assert row.difference == value - 5


def test_every_corpus_province_is_compared() -> None:
    regions = {_expected_gdp(path)[0] for path in EXPECTED}
    assert regions <= {row.region for row in gwr.compare_regions(2025, "gdp_growth")}
    assert len(regions) == 16


def test_provincial_report_by_name() -> None:
    report = gwr.report(2025, kind="provincial", region="浙江")
    assert report.id == "provincial-2025-CN-ZJ"
    assert report.completeness == "cited"
    # zhejiang.toml, read by hand: 生产总值增长5.5%左右
    assert report.target("gdp_growth").text == "生产总值增长5.5%左右"
