"""Properties of the two readings: every public record survives a write and a read unchanged.

A record is written by the converter (as the generator writes it), then read by the fast load
path (msgspec, :mod:`gwr._data._db`) and by the strict reading of :func:`gwr.check`
(:mod:`gwr._data._converter`), and by plain cattrs as a second opinion. Where the fast path is looser
(an unknown key, a decimal stored as a number), the strict reading names what is wrong.

Strategies are derived from each record's ``attrs`` fields and annotations, so a field added to
the model is covered without touching this file. Decimals are exact ``Decimal`` values (never
floats); strings are any Unicode.
"""

from __future__ import annotations

import json
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import cattrs
import msgspec
import pytest
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gwr
from gwr._data._converter import converter, strict_problems
from gwr._data._db import Database, _decoder, package_data

PUBLIC_RECORDS = [
    gwr.Span,
    gwr.English,
    gwr.Verdict,
    gwr.Quantity,
    gwr.Target,
    gwr.Outcome,
    gwr.Measure,
    gwr.Task,
    gwr.Section,
    gwr.Report,
    gwr.Source,
    gwr.Document,
    gwr.Indicator,
    gwr.Theme,
    gwr.Region,
]
if hasattr(gwr, "Variant"):
    PUBLIC_RECORDS.append(gwr.Variant)
DATA_MODULES = ("gwr._model._records", "gwr._data._variants")  # the records the converter reads from the data

_strategies: dict[Any, st.SearchStrategy[Any]] = {}


def strategy(tp: Any) -> st.SearchStrategy[Any]:
    """A strategy for values of type ``tp`` as the model declares it."""
    if tp in _strategies:
        return _strategies[tp]
    if attrs.has(tp):
        _strategies[tp] = st.deferred(lambda: _record(tp))
        return _strategies[tp]
    if tp is str:
        return st.text(max_size=12)
    if tp is int:
        return st.integers()
    if tp is bool:
        return st.booleans()
    if tp is Decimal:
        return st.decimals(allow_nan=False, allow_infinity=False)
    if tp is type(None):
        return st.none()
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Literal:
        return st.sampled_from(args)
    if origin is typing.Union or origin is types.UnionType:
        return st.one_of([strategy(a) for a in args])
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return st.lists(strategy(args[0]), max_size=2).map(tuple)
    if origin is tuple:
        return st.tuples(*(strategy(a) for a in args))
    if origin is dict:
        return st.dictionaries(strategy(args[0]), strategy(args[1]), max_size=2)
    raise NotImplementedError(f"no strategy for {tp!r}: add one to tests/test_roundtrip.py")


def _record(cls: type) -> st.SearchStrategy[Any]:
    hints = typing.get_type_hints(cls)
    # a field named with _ is runtime state (where a source's text is), never data: left at its default
    fields = {f.alias: strategy(hints[f.name]) for f in attrs.fields(cls) if f.init and not f.name.startswith("_")}
    return st.builds(cls, **fields)


def _plain_cattrs() -> cattrs.Converter:
    """cattrs with gwr's rules for leaves but its own code for records: a second opinion."""
    plain = cattrs.Converter(forbid_extra_keys=True)
    plain.register_unstructure_hook(Decimal, str)
    plain.register_structure_hook(Decimal, lambda value, _: Decimal(value))

    # the one rule of the format beyond the records' fields: a field named with _ is not data
    def has_private(cls: Any) -> bool:
        return attrs.has(cls) and any(a.name.startswith("_") for a in attrs.fields(cls))

    def private(cls: Any) -> dict[str, Any]:
        return {a.name: override(omit=True) for a in attrs.fields(cls) if a.name.startswith("_")}

    plain.register_unstructure_hook_factory(has_private, lambda c: make_dict_unstructure_fn(c, plain, **private(c)))
    plain.register_structure_hook_factory(
        has_private, lambda c: make_dict_structure_fn(c, plain, _cattrs_forbid_extra_keys=True, **private(c))
    )
    return plain


PLAIN = _plain_cattrs()
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = settings(SETTINGS, max_examples=25)


def _bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


def _fast(data: Any, tp: Any) -> Any:
    """The fast load path's reading of ``data`` written as JSON."""
    return _decoder(tp).decode(_bytes(data))


def test_every_public_record_is_covered() -> None:
    public = {getattr(gwr, name) for name in gwr.__all__}
    records = {obj for obj in public if isinstance(obj, type) and attrs.has(obj) and obj.__module__ in DATA_MODULES}
    assert records <= set(PUBLIC_RECORDS), f"add to PUBLIC_RECORDS: {records - set(PUBLIC_RECORDS)}"


@pytest.mark.parametrize("cls", PUBLIC_RECORDS, ids=lambda c: c.__name__)
def test_round_trip(cls: type) -> None:
    @SETTINGS
    @given(strategy(cls))
    def round_trip(value: Any) -> None:
        data = converter.unstructure(value)
        assert _fast(data, cls) == value  # the load path, through JSON text
        assert converter.structure(data, cls) == value  # the strict reading
        assert strict_problems(_bytes(data), cls, value) == []
        assert PLAIN.structure(data, cls) == value  # plain cattrs reads the same data the same way
        assert PLAIN.unstructure(value) == data

    round_trip()


@pytest.mark.parametrize("cls", PUBLIC_RECORDS, ids=lambda c: c.__name__)
def test_an_extra_key_loads_and_the_strict_reading_names_it(cls: type) -> None:
    @FEWER
    @given(strategy(cls), st.text(min_size=1, max_size=8))
    def extra(value: Any, key: str) -> None:
        data = converter.unstructure(value)
        if key in data:
            return
        data[key] = "x"
        assert _fast(data, cls) == value  # msgspec ignores unknown keys
        assert strict_problems(_bytes(data), cls, value) == [("", f"unknown key {key!r}")]

    extra()


@pytest.mark.parametrize("cls", PUBLIC_RECORDS, ids=lambda c: c.__name__)
def test_missing_keys_are_rejected(cls: type) -> None:
    required = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]

    @FEWER
    @given(strategy(cls), st.sampled_from(required))
    def missing(value: Any, key: str) -> None:
        data = converter.unstructure(value)
        del data[key]
        with pytest.raises(msgspec.ValidationError, match=f"missing required field `{key}`"):
            _fast(data, cls)
        assert strict_problems(_bytes(data), cls, value) == [(key, "missing key")]

    missing()


def test_a_missing_key_with_a_default_loads_and_the_strict_reading_names_it() -> None:
    data = converter.unstructure(gwr.report(2025))
    del data["outline"]
    loaded = _fast(data, gwr.Report)
    assert loaded.outline == ()
    assert strict_problems(_bytes(data), gwr.Report, loaded) == [
        ("outline", "missing key (the generator writes every field)")
    ]


@SETTINGS
@given(strategy(gwr.Quantity), st.floats(allow_nan=False, allow_infinity=False) | st.integers())
def test_a_decimal_stored_as_a_number_is_named(quantity: gwr.Quantity, number: float) -> None:
    data = converter.unstructure(quantity)
    data["value"] = number
    loaded = _fast(data, gwr.Quantity)  # msgspec reads a number as a decimal, exactly
    assert loaded.value == Decimal(json.dumps(number))
    ((path, message),) = strict_problems(_bytes(data), gwr.Quantity, loaded)
    assert path == "value"
    assert "decimal must be stored as a string" in message


@SETTINGS
@given(st.sampled_from(["5.", " 5", "5 ", "1_000", "1e3", "+5", "NaN", "Infinity", "-inf", "", "五", "0x10", "5.0e0"]))
def test_a_decimal_string_must_be_canonical_and_finite(text: str) -> None:
    with pytest.raises(cattrs.BaseValidationError):
        converter.structure({"value": text, "unit": "%", "text": "", "start": 0, "end": 1}, gwr.Quantity)


@SETTINGS
@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_every_finite_decimal_round_trips_exactly(value: Decimal) -> None:
    for back in (_fast(str(value), Decimal), converter.structure(str(value), Decimal)):
        assert back == value
        assert str(back) == str(value)  # the same digits and exponent, not only the same number


@pytest.mark.parametrize(
    ("field", "bad", "fast", "strict"),
    [
        ("start", True, "Expected `int`, got `bool`", "expected an integer"),
        ("start", 1.0, "Expected `int`, got `float`", "expected an integer"),
        ("start", "1", "Expected `int`, got `str`", "expected an integer"),
        ("source", 3, "Expected `str`, got `int`", "expected a string"),
        ("source", None, "Expected `str`, got `null`", "expected a string"),
        ("exact", ["a"], "Expected `str`, got `array`", "expected a string"),
    ],
)
def test_leaves_are_typed_strictly(field: str, bad: object, fast: str, strict: str, tmp_path: Path) -> None:
    data = {"source": "000", "start": 0, "end": 1, "exact": "a", "prefix": "", "suffix": ""}
    data[field] = bad
    (tmp_path / "span.json").write_bytes(_bytes(data))
    with pytest.raises(gwr.DataError, match=f"span.json does not match the Span schema at {field}: {fast}"):
        Database(tmp_path).decode("span.json", gwr.Span)
    with pytest.raises(cattrs.BaseValidationError) as info:
        converter.structure(data, gwr.Span)
    assert strict in str(info.value.exceptions[0])


def test_literals_are_checked(tmp_path: Path) -> None:
    data = converter.unstructure(gwr.report(2024).targets[0].quantity)
    data["qualifier"] = "roughly"
    (tmp_path / "q.json").write_bytes(_bytes(data))
    with pytest.raises(gwr.DataError, match="at qualifier: Invalid enum value 'roughly'"):
        Database(tmp_path).decode("q.json", gwr.Quantity)
    with pytest.raises(cattrs.BaseValidationError):
        converter.structure(data, gwr.Quantity)


def test_errors_name_the_path(tmp_path: Path) -> None:
    data = converter.unstructure(gwr.report(2024))
    data["targets"][3]["span"]["start"] = "3"
    data["targets"][6]["quantity"]["value"] = 5.5
    (tmp_path / "r.json").write_bytes(_bytes(data))
    with pytest.raises(gwr.DataError, match=r"at targets\[3\]\.span\.start: Expected `int`, got `str`"):
        Database(tmp_path).decode("r.json", gwr.Report)
    problems = strict_problems(_bytes(data), gwr.Report, gwr.report(2024))
    assert [path for path, _ in problems] == ["targets[3].span.start", "targets[6].quantity.value"]


def test_an_array_is_not_any_iterable() -> None:
    data = converter.unstructure(gwr.report(2024))
    data["witnesses"] = "003"  # plain cattrs would read this as ('0', '0', '3')
    with pytest.raises(msgspec.ValidationError, match=r"Expected `array`, got `str` - at `\$.witnesses`"):
        _fast(data, gwr.Report)
    assert strict_problems(_bytes(data), gwr.Report, gwr.report(2024)) == [
        ("witnesses", "expected an array, not str '003'")
    ]


def test_a_key_written_twice_is_named() -> None:
    text = _bytes(converter.unstructure(gwr.report(2025).targets[0].span))
    twice = text.replace(b'"exact":', b'"exact": "x", "exact":', 1)
    assert strict_problems(twice, gwr.Span, gwr.report(2025).targets[0].span) == [
        ("", "an object holds the key 'exact' twice")
    ]


def test_bundled_data_round_trips() -> None:
    db = Database(str(package_data()))
    for report_id in db.report_ids():
        report = db.report(report_id)
        data = converter.unstructure(report)
        assert json.loads(db.read_bytes(f"reports/{report_id}.json")) == data  # the file is exactly this
        assert PLAIN.structure(data, gwr.Report) == report
