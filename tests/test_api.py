"""The public API: lookups, errors that name what exists, immutability."""

from __future__ import annotations

import subprocess
import sys

import attrs
import pytest

import gwr


def test_reports_in_order() -> None:
    ids = [r.id for r in gwr.reports()]
    # by year, then kind: the bundled reports of 2024 and 2025 close the list of national ones
    assert ids.index("gwr-2024") < ids.index("plan-2024") < ids.index("gwr-2025")
    national = [r.year for r in gwr.reports() if r.kind == "gwr"]
    assert national == sorted(national)
    assert national[0] == 1954
    assert [r.id for r in gwr.reports() if r.completeness != "cited"] == ["gwr-2024", "plan-2024", "gwr-2025"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [((2024,), "gwr-2024"), (("gwr-2025",), "gwr-2025"), ((2024, "plan"), "plan-2024"), (("2025",), "gwr-2025")],
)
def test_report_lookup(args: tuple[object, ...], expected: str) -> None:
    assert gwr.report(*args).id == expected  # type: ignore[arg-type]


def test_unknown_year_names_the_reports() -> None:
    # no report for 1970: no session met from 1965 to 1974 (the brief)
    with pytest.raises(gwr.NotFoundError, match="gwr-2024") as caught:
        gwr.report(1970)
    assert "gwr-2021" in caught.value.available
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, gwr.GwrError)
    assert "gwr-2025" in caught.value.available


def test_unknown_plan_year() -> None:
    with pytest.raises(LookupError, match="plan-2024"):
        gwr.report(2025, kind="plan")


def test_bad_kind_and_type() -> None:
    with pytest.raises(ValueError, match="'gwr', 'plan'"):
        gwr.report(2024, kind="budget")
    with pytest.raises(TypeError, match="year"):
        gwr.report(2024.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gwr.report(True)


def test_unknown_target_names_the_keys() -> None:
    with pytest.raises(gwr.NotFoundError, match="gdp_growth") as caught:
        gwr.report(2024).target("gdp")
    assert "did you mean 'gdp_growth'" in str(caught.value)


def test_indicator_lookup() -> None:
    assert gwr.indicator("gdp_growth").name_zh == "国内生产总值增长"
    assert gwr.indicator("  gdp   GROWTH ").key == "gdp_growth"
    assert gwr.indicator("粮食产量").reading == "floor"
    with pytest.raises(gwr.NotFoundError, match="Grain output"):
        gwr.indicator("grain outptu")


def test_records_are_immutable() -> None:
    report = gwr.report(2024)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.year = 2023  # type: ignore[misc]
    assert isinstance(report.targets, tuple)


def test_sources_and_documents() -> None:
    source = gwr.source("003")
    assert [d.id for d in source.documents] == [
        "speech-2024-01-31",
        "speech-2024-01-31-key-points",
        "speech-2024-03-05",
        "gwr-2024-full",
        "press-2024-03-09",
    ]
    report_doc = source.document("gwr-2024-full")
    assert source.normalized[report_doc.start :].startswith(
        "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上"
    )
    assert source.normalized[: report_doc.end].endswith("民族复兴伟业不懈奋斗！\n")
    with pytest.raises(gwr.NotFoundError, match="gwr-2024-full"):
        source.document("gwr-2024")
    with pytest.raises(gwr.NotFoundError, match="'000'"):
        gwr.source("005")


def test_raw_offsets_lead_back_to_the_raw_text() -> None:
    target = gwr.report(2024).target("gdp_growth")
    source = gwr.source(target.span.source)
    start, end = source.to_raw(target.span.start, target.span.end)
    assert source.text[start:end] == "国内生产总值增长5%左右"
    assert gwr.source("000").text.count("国内生产总值增长5％左右") == 1


def test_sha256_matches_manifest() -> None:
    import hashlib

    for source in (s for s in gwr.sources() if s.bundled):
        assert hashlib.sha256(source.text.encode("utf-8")).hexdigest() == source.sha256


def test_import_is_light_and_generator_is_never_imported() -> None:
    code = (
        "import sys, gwr; heavy = [m for m in ('cattrs', 'json', 'gwr.build', 'gwr._data._db') if m in sys.modules]; "
        "gwr.reports(); gwr.check(); print(heavy, 'gwr.build' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["[]", "False"]
