"""Provinces: the region registry, provincial reports by kind and region, and compare_regions.

No provincial report is bundled on this branch yet, so the reports here are synthetic: written
into a copy of the data folder, which stands in for the package's data during a test. The
national side is the real gwr-2025 report (GDP growth 5%左右, CPI 2%左右, energy intensity down
3%左右; outcomes for 2024: GDP up 5%, CPI up 0.2%).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

import gwr
from corpus import require_corpus
from gwr.__main__ import main
from gwr._data import _db
from synthetic import add_reports, provincial_report, synthetic_outcome, synthetic_target

ROOT = Path(__file__).resolve().parent.parent

ISO_CODES = [
    *("CN-BJ", "CN-TJ", "CN-HE", "CN-SX", "CN-NM", "CN-LN", "CN-JL", "CN-HL", "CN-SH", "CN-JS", "CN-ZJ"),
    *("CN-AH", "CN-FJ", "CN-JX", "CN-SD", "CN-HA", "CN-HB", "CN-HN", "CN-GD", "CN-GX", "CN-HI", "CN-CQ"),
    *("CN-SC", "CN-GZ", "CN-YN", "CN-XZ", "CN-SN", "CN-GS", "CN-QH", "CN-NX", "CN-XJ"),
]


# -- the registry --------------------------------------------------------------------------------


def test_the_registry_holds_the_31_divisions_in_statistical_order() -> None:
    regions = gwr.regions()
    assert [r.code for r in regions] == ISO_CODES
    assert len({r.slug for r in regions}) == 31
    assert {r.code for r in regions if r.level == "municipality"} == {"CN-BJ", "CN-TJ", "CN-SH", "CN-CQ"}
    assert {r.code for r in regions if r.level == "autonomous_region"} == {"CN-NM", "CN-GX", "CN-XZ", "CN-NX", "CN-XJ"}
    assert sum(r.level == "province" for r in regions) == 22
    for region in regions:
        suffix = {"province": "省", "municipality": "市", "autonomous_region": "自治区"}[region.level]
        assert region.name_zh.endswith(suffix)
        assert region.name_zh.startswith(region.short_zh)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("CN-ZJ", "CN-ZJ"),
        ("cn-zj", "CN-ZJ"),
        ("ZJ", "CN-ZJ"),
        ("浙江省", "CN-ZJ"),
        ("浙江", "CN-ZJ"),
        ("Zhejiang", "CN-ZJ"),
        ("  ZHEJIANG ", "CN-ZJ"),
        ("内蒙古", "CN-NM"),
        ("Inner Mongolia", "CN-NM"),
        ("inner  mongolia", "CN-NM"),
        ("neimenggu", "CN-NM"),
        ("广西壮族自治区", "CN-GX"),
        ("Tibet", "CN-XZ"),
        ("Xizang", "CN-XZ"),
        ("Shaanxi", "CN-SN"),
        ("陕西", "CN-SN"),
        ("Shanxi", "CN-SX"),
        ("山西", "CN-SX"),
        ("Henan", "CN-HA"),
        ("Hainan", "CN-HI"),
        ("Hunan", "CN-HN"),
        ("重庆", "CN-CQ"),
    ],
)
def test_region_by_any_name(name: str, code: str) -> None:
    assert gwr.region(name).code == code


def test_unknown_region_names_what_exists() -> None:
    with pytest.raises(gwr.NotFoundError) as caught:
        gwr.region("Zhejaing")
    assert isinstance(caught.value, LookupError)
    assert "did you mean 'Zhejiang'" in str(caught.value)
    assert "CN-BJ" in caught.value.available
    assert "北京" in caught.value.available
    with pytest.raises(TypeError):
        gwr.region(33)  # type: ignore[arg-type]


def test_every_corpus_region_is_in_the_registry() -> None:
    """The corpus names each province by slug and short Chinese name: both must agree with the registry."""
    corpus = require_corpus()
    entries = [e for e in json.loads((corpus / "corpus.json").read_text(encoding="utf-8")) if e["kind"] == "provincial"]
    assert len(entries) >= 16
    for entry in entries:
        region = gwr.region(entry["region"])
        assert region.slug == entry["region"]
        assert region.short_zh == entry["region_zh"]


# -- provincial reports in a data folder ---------------------------------------------------------


def _national_targets() -> dict[str, str]:
    return {t.key: t.text for t in gwr.report(2025).targets if t.key is not None}


PROVINCES = [
    provincial_report(
        "CN-ZJ",
        2025,
        targets=[
            synthetic_target("gdp_growth", "生产总值增长5.5%左右"),
            synthetic_target("urban_unemployment_rate", "城镇调查失业率控制在5%以内"),
            synthetic_target("cpi_growth", "居民消费价格涨幅2%左右"),
            synthetic_target("household_income_growth", "居民可支配收入与经济增长基本同步"),
        ],
        outcomes=[synthetic_outcome("gdp_growth", "全省生产总值增长5.5%")],
    ),
    provincial_report(
        "CN-GX",
        2025,
        targets=[
            synthetic_target("gdp_growth", "全区地区生产总值增长5%左右"),
            synthetic_target("urban_new_jobs", "城镇新增就业32万人以上"),
            synthetic_target("energy_intensity_reduction", "按照国家要求坚决完成节能减排降碳任务"),
        ],
        outcomes=[synthetic_outcome("gdp_growth", "全区地区生产总值增长4.2%左右")],
    ),
    provincial_report(
        "CN-LN",
        2025,
        targets=[synthetic_target("gdp_growth", "地区生产总值增长5%以上")],
        outcomes=[synthetic_outcome("cpi_growth", "居民消费价格上涨0.2%")],
    ),
    provincial_report(
        "CN-QH",
        2025,
        targets=[synthetic_target("gdp_growth", "地区生产总值增长4.5%左右")],
        outcomes=[
            synthetic_outcome("gdp_growth", "全省生产总值增长2.7%"),
            synthetic_outcome("cpi_growth", "居民消费价格上涨0.5%"),
        ],
    ),
    provincial_report(
        "CN-XZ",
        2025,
        targets=[synthetic_target("gdp_growth", "地区生产总值增长7%以上、力争达到8%")],
    ),
    provincial_report(
        "CN-NX",
        2025,
        targets=[
            synthetic_target("gdp_growth", "地区生产总值增长5%—6%"),
            synthetic_target("energy_intensity_reduction", "单位地区生产总值能耗降低3.5%左右"),
            synthetic_target("retail_sales_growth", "社会消费品零售总额增长5%左右"),
        ],
        outcomes=[synthetic_outcome("cpi_growth", "居民消费价格下降0.3%")],
    ),
    provincial_report("CN-JL", 2025, targets=[synthetic_target("grain_output", "粮食产量880亿斤以上")]),
    provincial_report(
        "CN-ZJ",
        2024,
        targets=[synthetic_target("gdp_growth", "生产总值增长5.5%左右", year=2024)],
    ),
]


@pytest.fixture
def provinces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The package's bundled reports (the cited ones taken out) with the synthetic provincial
    reports added, standing in for the package's data."""
    folder = tmp_path / "data"
    shutil.copytree(str(_db.package_data()), folder)
    add_reports(folder, PROVINCES, without_cited=True)
    monkeypatch.setattr(_db, "_default", _db.Database(folder))
    return folder


def test_report_by_kind_and_region(provinces: Path) -> None:
    zhejiang = gwr.report(2025, kind="provincial", region="CN-ZJ")
    assert (zhejiang.id, zhejiang.kind, zhejiang.region) == ("provincial-2025-CN-ZJ", "provincial", "CN-ZJ")
    for name in ("浙江", "浙江省", "Zhejiang", "zj"):
        assert gwr.report(2025, kind="provincial", region=name) is zhejiang
    assert gwr.report("provincial-2025-CN-ZJ") is zhejiang
    assert gwr.report("2025", kind="provincial", region="CN-ZJ") is zhejiang
    assert gwr.report(2024, kind="provincial", region="CN-ZJ").year == 2024


def test_report_errors_name_what_exists(provinces: Path) -> None:
    with pytest.raises(gwr.InvalidArgumentError, match="needs a region") as missing:
        gwr.report(2025, kind="provincial")
    assert "CN-ZJ" in str(missing.value)
    assert "CN-GX" in str(missing.value)
    with pytest.raises(gwr.InvalidArgumentError, match="only for provincial reports"):
        gwr.report(2025, region="CN-ZJ")
    with pytest.raises(gwr.NotFoundError, match="no region 'Atlantis'"):
        gwr.report(2025, kind="provincial", region="Atlantis")
    with pytest.raises(gwr.NotFoundError, match=r"no provincial report of 2025 for CN-BJ \(北京市\)") as absent:
        gwr.report(2025, kind="provincial", region="北京")
    assert "provincial-2025-CN-ZJ" in absent.value.available
    with pytest.raises(gwr.NotFoundError, match="no provincial report of 2023"):
        gwr.report(2023, kind="provincial", region="CN-ZJ")
    with pytest.raises(TypeError):
        gwr.report(2025, kind="provincial", region=33)  # type: ignore[arg-type]


def test_reports_filter_by_kind_region_and_year(provinces: Path) -> None:
    ids = [r.id for r in gwr.reports()]
    assert ids[:2] == ["gwr-2024", "plan-2024"]
    assert ids.index("gwr-2025") < ids.index("provincial-2025-CN-GX")
    assert [r.id for r in gwr.reports(kind="gwr")] == ["gwr-2024", "gwr-2025"]
    assert [r.id for r in gwr.reports(region="浙江")] == ["provincial-2024-CN-ZJ", "provincial-2025-CN-ZJ"]
    assert [r.id for r in gwr.reports(region="CN-ZJ", year=2025)] == ["provincial-2025-CN-ZJ"]
    assert len(gwr.reports(kind="provincial", year=2025)) == 7
    assert [r.id for r in gwr.reports(year=2024, kind="provincial")] == ["provincial-2024-CN-ZJ"]
    assert gwr.reports(region="北京") == ()
    with pytest.raises(gwr.InvalidArgumentError):
        gwr.reports(kind="gwr", region="CN-ZJ")
    with pytest.raises(gwr.InvalidArgumentError):
        gwr.reports(kind="budget")
    with pytest.raises(gwr.NotFoundError):
        gwr.reports(region="Atlantis")
    with pytest.raises(TypeError):
        gwr.reports(year="2025")  # type: ignore[arg-type]


def test_compare_regions_gdp_growth(provinces: Path) -> None:
    assert _national_targets()["gdp_growth"] == "国内生产总值增长5%左右"
    rows = gwr.compare_regions(2025, "gdp_growth")
    assert len(rows) == 7
    by_region = {row.region: row for row in rows}
    zhejiang = rows["CN-ZJ"]
    assert (zhejiang.direction, zhejiang.difference, zhejiang.unit) == ("above", Decimal("0.5"), "percentage_points")
    assert zhejiang.figure is not None
    assert zhejiang.figure.text == "生产总值增长5.5%左右"
    assert zhejiang.national is not None
    assert zhejiang.national.text == "国内生产总值增长5%左右"
    assert (zhejiang.value, zhejiang.upper, zhejiang.qualifier) == (Decimal("5.5"), None, "about")
    assert zhejiang.report == "provincial-2025-CN-ZJ"
    assert zhejiang.national_report == "gwr-2025"
    assert zhejiang.region_name == "浙江"
    assert zhejiang.year == 2025
    assert zhejiang.role == "target"
    assert not zhejiang.qualifier_differs
    assert (by_region["CN-GX"].direction, by_region["CN-GX"].difference) == ("same", Decimal(0))
    # 以上 against 左右: the same number, the qualifiers differ, and the row says so
    liaoning = by_region["CN-LN"]
    assert (liaoning.direction, liaoning.qualifier_differs, liaoning.qualifier) == ("same", True, "at_least")
    assert (by_region["CN-QH"].direction, by_region["CN-QH"].difference) == ("below", Decimal("-0.5"))
    # a stretch goal beside the target does not count: 7%以上、力争达到8% compares as 7
    assert (by_region["CN-XZ"].direction, by_region["CN-XZ"].difference) == ("above", Decimal(2))
    # a range compares by its middle: 5%—6% is 5.5
    ningxia = by_region["CN-NX"]
    assert (ningxia.value, ningxia.upper, ningxia.difference) == (Decimal(5), Decimal(6), Decimal("0.5"))
    assert by_region["CN-JL"].direction == "not_stated"
    assert by_region["CN-JL"].figure is None
    # sorted: highest target first, ties in registry order, not stated last
    assert [row.region for row in rows] == ["CN-XZ", "CN-ZJ", "CN-NX", "CN-LN", "CN-GX", "CN-QH", "CN-JL"]


def test_compare_regions_reading_rules(provinces: Path) -> None:
    energy = gwr.compare_regions(2025, "energy_intensity_reduction")
    # two reductions: 3.5% against 3% is a larger cut, above the nation's
    assert (energy["CN-NX"].direction, energy["CN-NX"].difference) == ("above", Decimal("0.5"))
    assert energy["CN-GX"].direction == "qualitative"
    assert energy["CN-GX"].difference is None
    # totals are not comparable with the nation's: 32万 new jobs are not "below" 1200万
    jobs = gwr.compare_regions(2025, "urban_new_jobs")
    assert jobs["CN-GX"].direction == "incomparable"
    assert jobs["CN-GX"].national is not None
    grain = gwr.compare_regions(2025, "grain_output")
    assert grain["CN-JL"].direction == "incomparable"
    # the ceiling 5%以内 against 5.5%左右 is below the nation's
    unemployment = gwr.compare_regions(2025, "urban_unemployment_rate")
    assert (unemployment["CN-ZJ"].direction, unemployment["CN-ZJ"].difference) == ("below", Decimal("-0.5"))
    assert unemployment["CN-ZJ"].qualifier_differs
    income = gwr.compare_regions(2025, "household_income_growth")
    assert income["CN-ZJ"].direction == "qualitative"
    # a key only provinces use: the nation states nothing on it
    retail = gwr.compare_regions(2025, "retail_sales_growth")
    assert retail["CN-NX"].direction == "incomparable"
    assert retail["CN-NX"].national is None
    assert [row.direction for row in retail][1:] == ["not_stated"] * 6
    # an indicator by its name
    assert gwr.compare_regions(2025, "GDP growth")["CN-ZJ"].key == "gdp_growth"


def test_compare_regions_outcomes(provinces: Path) -> None:
    rows = gwr.compare_regions(2025, "gdp_growth", role="outcome")
    assert rows["CN-ZJ"].national is not None
    assert rows["CN-ZJ"].national.text == "增长5%"
    assert rows["CN-ZJ"].year == 2024
    assert rows["CN-ZJ"].role == "outcome"
    assert (rows["CN-ZJ"].direction, rows["CN-ZJ"].difference) == ("above", Decimal("0.5"))
    assert (rows["CN-GX"].direction, rows["CN-GX"].qualifier_differs) == ("below", True)
    assert (rows["CN-QH"].direction, rows["CN-QH"].difference) == ("below", Decimal("-2.3"))
    assert rows["CN-NX"].direction == "not_stated"
    cpi = gwr.compare_regions(2025, "cpi_growth", role="outcome")
    assert cpi["CN-LN"].direction == "same"
    assert (cpi["CN-QH"].direction, cpi["CN-QH"].difference) == ("above", Decimal("0.3"))
    # a fall where the nation's rose: -0.3 against +0.2
    assert (cpi["CN-NX"].direction, cpi["CN-NX"].difference) == ("below", Decimal("-0.5"))


def test_compare_regions_exports(provinces: Path) -> None:
    rows = gwr.compare_regions(2025, "gdp_growth")
    records = rows.to_records()
    assert list(records[0]) == list(gwr.RegionComparison._fields)
    first = records[0]
    assert (first["region"], first["text"], first["value"], first["national_value"]) == (
        "CN-XZ",
        "地区生产总值增长7%以上、力争达到8%",
        Decimal(7),
        Decimal(5),
    )
    assert first["figure_unit"] == "%"
    assert first["national_unit"] == "%"
    assert first["unit"] == "percentage_points"
    table = str(rows)
    assert "gdp_growth: provincial targets for 2025 (7 reports of 2025) against gwr-2025" in table
    assert "above (+2 pp)" in table
    assert "below (-0.5 pp)" in table
    assert "at_least / about" in table
    pandas = pytest.importorskip("pandas")
    frame = rows.to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) == 7


def test_compare_regions_bad_input(provinces: Path) -> None:
    with pytest.raises(gwr.InvalidArgumentError, match="role must be"):
        gwr.compare_regions(2025, "gdp_growth", role="result")  # type: ignore[arg-type]
    with pytest.raises(gwr.InvalidArgumentError, match="kind must be 'provincial'"):
        gwr.compare_regions(2025, "gdp_growth", kind="gwr")
    with pytest.raises(gwr.NotFoundError, match="no indicator"):
        gwr.compare_regions(2025, "gdp_grwoth")
    with pytest.raises(TypeError):
        gwr.compare_regions("2025", "gdp_growth")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gwr.compare_regions(2025, None)  # type: ignore[arg-type]
    empty = gwr.compare_regions(2023, "gdp_growth")
    assert len(empty) == 0
    assert "no national report" in empty.title


def test_compare_regions_without_provincial_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data"
    shutil.copytree(str(_db.package_data()), folder)
    add_reports(folder, [], without_cited=True)
    monkeypatch.setattr(_db, "_default", _db.Database(folder))
    rows = gwr.compare_regions(2025, "gdp_growth")
    assert len(rows) == 0
    assert "(no rows)" in str(rows)


def test_attainment_of_a_province_takes_its_own_outcomes(provinces: Path) -> None:
    """A province's 2024 target is judged by the outcome its own 2025 report states, not the nation's."""
    rows = gwr.attainment("provincial-2024-CN-ZJ")
    row = rows["gdp_growth"]
    assert row.outcome is not None
    assert row.outcome.text == "全省生产总值增长5.5%"
    assert row.outcome_report == "provincial-2025-CN-ZJ"
    assert row.status == "met"
    national = gwr.attainment(2024)["gdp_growth"]
    assert national.outcome_report == "gwr-2025"


def test_check_rejects_an_unknown_region(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(str(_db.package_data()), folder)
    bad = provincial_report("CN-ZZ", 2025, targets=[synthetic_target("gdp_growth", "生产总值增长5.5%左右")])
    add_reports(folder, [bad])
    messages = [str(p) for p in gwr.check(folder).problems]
    assert any("region 'CN-ZZ' is not an ISO 3166-2:CN code" in m for m in messages), messages


# -- the command line ---------------------------------------------------------------------------


def test_cli_regions(provinces: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["regions", "2025", "gdp_growth"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("gdp_growth: provincial targets for 2025")
    assert any(line.startswith("CN-ZJ") and "above (+0.5 pp)" in line for line in lines)
    assert main(["regions", "2025", "gdp_growth", "--outcomes", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[0]["role"] == "outcome"
    assert records[0]["year"] == 2024
    assert {r["region"]: r["difference"] for r in records}["CN-ZJ"] == "0.5"
    assert main(["regions", "2025", "no_such_indicator"]) == 1
    assert "no indicator" in capsys.readouterr().err
    assert main(["regions", "twenty", "gdp_growth"]) == 2


def test_cli_reports_by_region(provinces: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reports", "--kind", "provincial", "--region", "浙江"]) == 0
    out = capsys.readouterr().out
    assert "provincial-2025-CN-ZJ" in out
    assert "CN-GX" not in out
    assert main(["targets", "2025", "--kind", "provincial", "--region", "Zhejiang"]) == 0
    assert "生产总值增长5.5%左右" in capsys.readouterr().out
    assert main(["targets", "2025", "--kind", "provincial"]) == 1
    assert "needs a region" in capsys.readouterr().err


def test_docs_chart(provinces: Path, tmp_path: Path) -> None:
    """The docs' chart draws each comparable province (and leaves out the others)."""
    pytest.importorskip("matplotlib")
    pytest.importorskip("sphinx")
    import sys

    sys.path.insert(0, str(ROOT / "docs" / "_ext"))
    try:
        from gwr_regions import draw_chart
    finally:
        sys.path.remove(str(ROOT / "docs" / "_ext"))
    image = tmp_path / "chart.png"
    drawn = draw_chart(gwr.compare_regions(2025, "gdp_growth"), image)
    assert [row.region for row in drawn] == ["CN-XZ", "CN-ZJ", "CN-NX", "CN-LN", "CN-GX", "CN-QH"]
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert draw_chart(gwr.compare_regions(2025, "urban_new_jobs"), tmp_path / "none.png") == []
    assert not (tmp_path / "none.png").exists()
