"""Bad input to every public function, as a new user would try it.

Each mistake gives a :class:`gwr.GwrError` that is also the matching builtin: a wrong type is a
``TypeError``, a bad value a ``ValueError``, something that does not exist a ``LookupError``
whose message names what does. Messages stay short even for a huge argument, and come fast.
Records are immutable, and a first load from many threads at once loads once.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gwr
from gwr._data import _db

HUGE = "国" * 1_000_000
WRONG_TYPES = [None, 2024.0, b"2024", ["gwr-2024"], object()]


def expect(builtin: type[Exception], function: Callable[..., Any], *args: Any, **kwargs: Any) -> str:
    """Call ``function``; it must raise a GwrError that is also ``builtin``; return the message."""
    start = time.perf_counter()
    with pytest.raises(gwr.GwrError) as info:
        function(*args, **kwargs)
    elapsed = time.perf_counter() - start
    assert isinstance(info.value, builtin), f"{type(info.value).__name__} is not a {builtin.__name__}"
    message = str(info.value)
    assert message, "an error without a message"
    assert len(message) < 3000, f"a message of {len(message)} characters"
    assert elapsed < 5, f"{elapsed:.1f} s to refuse bad input"
    return message


# -- report -----------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [t for t in [*WRONG_TYPES, True] if t is not None])  # None: the newest report
def test_report_of_a_wrong_type(bad: object) -> None:
    message = expect(TypeError, gwr.report, bad)
    assert "int" in message
    assert "str" in message


@pytest.mark.parametrize("bad", [1970, 2027, -1, 0, 10**30, "1970", "gwr-1970", "plan-2025", "", "   ", "GWR-2024"])
def test_report_that_does_not_exist(bad: object) -> None:
    message = expect(LookupError, gwr.report, bad)
    assert "gwr-2024" in message
    assert "plan-2024" in message


def test_report_lookup_error_suggests() -> None:
    error = expect(LookupError, gwr.report, "gwr-2042")
    assert "did you mean " in error
    assert "'gwr-2024'" in error


def test_report_huge_string() -> None:
    message = expect(LookupError, gwr.report, HUGE)
    assert "1000000 characters" in message
    assert "gwr-2025" in message


@pytest.mark.parametrize("bad", [3, None, b"gwr", ("gwr",)])
def test_report_kind_of_a_wrong_type(bad: object) -> None:
    expect(TypeError, gwr.report, 2024, bad)


@pytest.mark.parametrize("bad", ["GWR", "", "npc", "plan ", HUGE])
def test_report_unknown_kind(bad: str) -> None:
    message = expect(ValueError, gwr.report, 2024, bad)
    assert "'gwr'" in message
    assert "'plan'" in message


def test_report_accepts_what_it_documents() -> None:
    assert gwr.report(2024).id == "gwr-2024"
    assert gwr.report("2024").id == "gwr-2024"
    assert gwr.report(" gwr-2024 ").id == "gwr-2024"
    assert gwr.report(2024, kind="plan").id == "plan-2024"
    assert gwr.report("plan-2024", kind="gwr").id == "plan-2024"  # an id carries its kind


# -- source, indicator ------------------------------------------------------------------------


@pytest.mark.parametrize("function", [gwr.source, gwr.indicator], ids=["source", "indicator"])
@pytest.mark.parametrize("bad", [*WRONG_TYPES, 3, True])
def test_named_lookups_of_a_wrong_type(function: Callable[[Any], Any], bad: object) -> None:
    expect(TypeError, function, bad)


@pytest.mark.parametrize("bad", ["", "5", "03", "999", HUGE])
def test_source_that_does_not_exist(bad: str) -> None:
    message = expect(LookupError, gwr.source, bad)
    assert "'000'" in message
    assert "'004'" in message


@pytest.mark.parametrize("bad", ["", "GNI", "gdp growth rate", "cpi", HUGE])
def test_indicator_that_does_not_exist(bad: str) -> None:
    message = expect(LookupError, gwr.indicator, bad)
    assert "gdp_growth" in message


# -- records ----------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [*WRONG_TYPES, 3])
def test_target_of_a_wrong_type(bad: object) -> None:
    expect(TypeError, gwr.report(2024).target, bad)


@pytest.mark.parametrize("bad", ["", "gdp", "GDP growth", HUGE])
def test_target_that_does_not_exist(bad: str) -> None:
    message = expect(LookupError, gwr.report(2025).target, bad)
    assert "cpi_growth" in message


@pytest.mark.parametrize("bad", [None, "1", 1.0, True])
def test_task_of_a_wrong_type(bad: object) -> None:
    expect(TypeError, gwr.report(2024).task, bad)


@pytest.mark.parametrize("bad", [0, -1, 11, 10**30])
def test_task_that_does_not_exist(bad: int) -> None:
    message = expect(LookupError, gwr.report(2024).task, bad)
    assert "'1'" in message
    assert "'10'" in message


@pytest.mark.parametrize("bad", [None, 3, b"x"])
def test_document_of_a_wrong_type(bad: object) -> None:
    expect(TypeError, gwr.source("003").document, bad)


@pytest.mark.parametrize("bad", ["", "gwr-2024", HUGE])
def test_document_that_does_not_exist(bad: str) -> None:
    message = expect(LookupError, gwr.source("003").document, bad)
    assert "gwr-2024-full" in message


@pytest.mark.parametrize("args", [(None, 3), ("1", 2), (1.0, 2), (True, 2), (0, None)])
def test_to_raw_of_a_wrong_type(args: tuple[Any, Any]) -> None:
    expect(TypeError, gwr.source("003").to_raw, *args)


@pytest.mark.parametrize("args", [(-1, 3), (5, 2), (0, 10**9), (10**9, 10**9)])
def test_to_raw_outside_the_text(args: tuple[int, int]) -> None:
    message = expect(ValueError, gwr.source("003").to_raw, *args)
    assert "length" in message


# -- check ------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [3, b"/tmp", ["/tmp"], object()])
def test_check_of_a_wrong_type(bad: object) -> None:
    expect(TypeError, gwr.check, bad)


@pytest.mark.parametrize("bad", ["", "  ", "/no/such/folder", "x" * 100_000])
def test_check_of_no_folder(bad: str) -> None:
    message = expect(ValueError, gwr.check, bad)
    assert "folder" in message or "empty" in message


def test_check_of_a_file(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text("{}", encoding="utf-8")
    expect(ValueError, gwr.check, path)


def test_check_of_a_folder_without_data(tmp_path: Path) -> None:
    result = gwr.check(tmp_path)
    assert not result.ok
    assert "manifest.json" in str(result)


# -- parse_quantities -------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [*WRONG_TYPES, 5, 5.0])
def test_parse_quantities_of_a_wrong_type(bad: object) -> None:
    expect(TypeError, gwr.parse_quantities, bad)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_quantities_never_raises_on_a_str(text: str) -> None:
    for quantity in gwr.parse_quantities(text):
        assert isinstance(quantity, gwr.Quantity)
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert quantity.value >= 0


_NUMBERISH = st.text(
    alphabet="0123456789.%％万亿元个百分点左右以上以下约近超过增长下降一二三四五十百千两 \n，。", max_size=40
)


@settings(max_examples=300, deadline=None)
@given(_NUMBERISH)
def test_parse_quantities_never_raises_on_number_like_text(text: str) -> None:
    for quantity in gwr.parse_quantities(text):
        assert quantity.text == text[quantity.start : quantity.end]


def test_parse_quantities_of_empty_and_huge_strings() -> None:
    assert gwr.parse_quantities("") == ()
    assert gwr.parse_quantities(" \n ") == ()
    start = time.perf_counter()
    quantities = gwr.parse_quantities("增长5%左右，" * 20_000)
    assert len(quantities) == 20_000
    assert time.perf_counter() - start < 30  # linear, not quadratic


# -- the helpers of issue 6 -------------------------------------------------------------------


@pytest.mark.parametrize("function", ["compare", "compare_tasks"])
def test_compare_bad_reports(function: str) -> None:
    compare = getattr(gwr, function)
    expect(TypeError, compare, 2024, None)
    expect(TypeError, compare, 2024.0, 2025)
    assert "gwr-2024" in expect(LookupError, compare, 2024, 1970)
    assert "gwr-2024" in expect(LookupError, compare, "", 2025)
    assert "characters" in expect(LookupError, compare, HUGE, 2025)
    expect(ValueError, compare, 2024, 2025, "x")


def test_attainment_bad_input() -> None:
    expect(TypeError, gwr.attainment, None)
    expect(TypeError, gwr.attainment, 2024, "gwr", 3)
    assert "gwr-2024" in expect(LookupError, gwr.attainment, 1970)
    assert "gwr-2024" in expect(LookupError, gwr.attainment, 2024, "gwr", "nope")
    expect(ValueError, gwr.attainment, 2024, "x")


@pytest.mark.parametrize("function", ["search", "count"])
def test_search_bad_input(function: str) -> None:
    find = getattr(gwr, function)
    for bad in [None, 3, b"x"]:
        expect(TypeError, find, bad)
    for empty in ["", "  \n"]:
        expect(ValueError, find, empty)
    assert "gwr-2024" in expect(LookupError, find, "新质生产力", documents="nope")
    assert "speech" in expect(LookupError, find, "新质生产力", kinds="nope")
    assert len(find("国" * 10_000)) == (0 if function == "search" else len(find("新质生产力")))


def test_search_bad_context() -> None:
    expect(TypeError, gwr.search, "新质生产力", context="3")
    expect(ValueError, gwr.search, "新质生产力", context=-1)


def test_series_bad_input() -> None:
    expect(TypeError, gwr.series, 3)
    assert "gdp_growth" in expect(LookupError, gwr.series, "nope")
    assert "gdp_growth" in expect(LookupError, gwr.series, HUGE)
    expect(ValueError, gwr.series, "gdp_growth", kind="x")


# -- a kind or a document selection of the wrong type is a TypeError everywhere


@pytest.mark.parametrize("function", ["compare", "compare_tasks", "attainment", "series"])
def test_kind_of_a_wrong_type_everywhere(function: str) -> None:
    helper = getattr(gwr, function)
    if function == "series":
        expect(TypeError, helper, "gdp_growth", kind=3)
    elif function == "attainment":
        expect(TypeError, helper, 2024, 3)
    else:
        expect(TypeError, helper, 2024, 2025, 3)


def test_search_documents_of_a_wrong_type() -> None:
    expect(TypeError, gwr.search, "新质生产力", documents=3)


# -- immutability -----------------------------------------------------------------------------


def _records() -> list[object]:
    report = gwr.report(2024)
    task = report.tasks[0]
    section = report.outline[0]
    source = gwr.source("003")
    return [
        report,
        report.targets[0],
        report.targets[0].quantity,
        report.targets[0].span,
        report.outcomes[0],
        report.measures[0],
        task,
        section,
        source,
        source.documents[0],
        gwr.indicators()[0],
        gwr.themes()[0],
        gwr.check(),
        gwr.Problem("path", "message"),
        gwr.variants(2024)[0],
        gwr.compare(2024, 2025)[0],
        gwr.compare_tasks(2024, 2025)[0],
        gwr.attainment(2024)[0],
        gwr.search("新质生产力")[0],
        gwr.count("新质生产力")[0],
        gwr.series("gdp_growth")[0],
    ]


@pytest.mark.parametrize("record", _records(), ids=lambda r: type(r).__name__)
def test_records_are_immutable(record: object) -> None:
    name = attrs.fields(type(record))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, name, None)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        delattr(record, name)
    with pytest.raises((AttributeError, TypeError)):
        record.new_attribute = 1  # type: ignore[attr-defined]
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        assert not isinstance(value, (list, set, bytearray)), f"{type(record).__name__}.{field.name} is mutable"


def test_collections_are_tuples() -> None:
    for value in (gwr.reports(), gwr.sources(), gwr.indicators(), gwr.themes(), gwr.report(2024).targets):
        assert isinstance(value, tuple)


def test_records_are_hashable_values() -> None:
    target = gwr.report(2024).target("cpi_growth")
    assert hash(target) == hash(attrs.evolve(target))
    assert target == attrs.evolve(target)
    assert {target: 1}[attrs.evolve(target)] == 1


# -- a first load from many threads at once ---------------------------------------------------


def _counting(db: _db.Database, monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Count (and slow down) every file the database reads, so that threads pile up."""
    reads: Counter[str] = Counter()
    real = db.read_bytes

    def read_bytes(name: str) -> bytes:
        reads[name] += 1
        time.sleep(0.02)
        return real(name)

    monkeypatch.setattr(db, "read_bytes", read_bytes)
    return reads


def _at_once(function: Callable[[], object], threads: int = 16) -> list[object]:
    barrier = threading.Barrier(threads)
    results: list[object] = [None] * threads
    errors: list[BaseException] = []

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = function()
        except BaseException as error:
            errors.append(error)

    workers = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not errors, errors
    return results


def test_first_load_from_many_threads_loads_once(monkeypatch: pytest.MonkeyPatch) -> None:
    db = _db.Database(_db._package_root())
    reads = _counting(db, monkeypatch)
    results = _at_once(lambda: db.report("gwr-2024"))
    assert all(r is results[0] for r in results)
    assert reads == Counter({"manifest.json": 1, "reports/gwr-2024.json": 1})
    for load, name in ((db.indicators, "indicators.json"), (db.themes, "themes.json")):
        registry = _at_once(load)
        assert all(r is registry[0] for r in registry)
        assert reads[name] == 1
    sources = _at_once(db.sources)
    assert all(r is sources[0] for r in sources)
    assert reads["manifest.json"] == 1


def test_public_api_from_many_threads_loads_once(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = _db.Database(_db._package_root())
    reads = _counting(fresh, monkeypatch)
    monkeypatch.setattr(_db, "_default", fresh)
    results = _at_once(lambda: gwr.report(2024, kind="plan").target("gdp_growth"))
    assert all(r is results[0] for r in results)
    assert reads == Counter({"manifest.json": 1, "reports/plan-2024.json": 1})
    everything = _at_once(gwr.reports, threads=8)
    assert all(r == everything[0] for r in everything)
    assert all(count == 1 for count in reads.values()), reads


def test_the_default_database_is_created_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_db, "_default", None)
    databases = _at_once(_db.default)
    assert all(d is databases[0] for d in databases)


def test_check_result_is_read_only() -> None:
    result = gwr.check()
    with pytest.raises(TypeError):
        result.counts["sources"] = 0  # type: ignore[index]


def test_a_phrase_longer_than_every_document_finds_nothing_quickly() -> None:
    import time

    started = time.perf_counter()
    assert len(gwr.search("国" * 1_000_000)) == 0
    assert gwr.count("国" * 1_000_000)["gwr-2024-full"].count == 0
    assert time.perf_counter() - started < 5
