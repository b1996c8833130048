"""Properties of the converter: every public record survives unstructure → structure unchanged.

Strategies are derived from each record's ``attrs`` fields and annotations, so a field added to
the model is covered without touching this file. Decimals are exact ``Decimal`` values (never
floats); strings are any Unicode.
"""

from __future__ import annotations

import json
import types
import typing
from decimal import Decimal
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gwr
from gwr._converter import converter
from gwr._db import Database, package_data
from gwr._structure import StructureError, structure

PUBLIC_RECORDS = [
    gwr.Span,
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
DATA_MODULES = ("gwr._model", "gwr._variants")  # the records the converter reads from the data

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
    fields = {f.alias: strategy(hints[f.name]) for f in attrs.fields(cls) if f.init}
    return st.builds(cls, **fields)


def _plain_cattrs() -> cattrs.Converter:
    """cattrs with gwr's rules for leaves but its own code for records: a second opinion."""
    plain = cattrs.Converter(forbid_extra_keys=True)
    plain.register_unstructure_hook(Decimal, str)
    plain.register_structure_hook(Decimal, lambda value, _: Decimal(value))
    return plain


PLAIN = _plain_cattrs()
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEWER = settings(SETTINGS, max_examples=25)


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
        assert converter.structure(data, cls) == value
        assert structure(json.loads(json.dumps(data, ensure_ascii=False)), cls) == value  # through JSON text
        assert PLAIN.structure(data, cls) == value  # plain cattrs reads the same data the same way
        assert PLAIN.unstructure(value) == data

    round_trip()


@pytest.mark.parametrize("cls", PUBLIC_RECORDS, ids=lambda c: c.__name__)
def test_extra_keys_are_rejected(cls: type) -> None:
    @FEWER
    @given(strategy(cls), st.text(min_size=1, max_size=8))
    def extra(value: Any, key: str) -> None:
        data = converter.unstructure(value)
        if key in data:
            return
        data[key] = "x"
        with pytest.raises(StructureError, match="unknown key"):
            converter.structure(data, cls)

    extra()


@pytest.mark.parametrize("cls", PUBLIC_RECORDS, ids=lambda c: c.__name__)
def test_missing_keys_are_rejected(cls: type) -> None:
    required = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]

    @FEWER
    @given(strategy(cls), st.sampled_from(required))
    def missing(value: Any, key: str) -> None:
        data = converter.unstructure(value)
        del data[key]
        with pytest.raises(StructureError, match=f"missing key {key!r}"):
            converter.structure(data, cls)

    missing()


@SETTINGS
@given(strategy(gwr.Quantity), st.floats(allow_nan=True, allow_infinity=True) | st.integers())
def test_a_decimal_never_comes_from_a_number(quantity: gwr.Quantity, number: float) -> None:
    data = converter.unstructure(quantity)
    data["value"] = number
    with pytest.raises(StructureError, match="decimal must be stored as a string") as info:
        converter.structure(data, gwr.Quantity)
    assert info.value.path == "value"


@SETTINGS
@given(st.sampled_from(["5.", " 5", "5 ", "1_000", "1e3", "+5", "NaN", "Infinity", "-inf", "", "五", "0x10"]))
def test_a_decimal_string_must_be_canonical_and_finite(text: str) -> None:
    with pytest.raises(StructureError):
        structure(text, Decimal)


@SETTINGS
@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_every_finite_decimal_round_trips_exactly(value: Decimal) -> None:
    back = structure(str(value), Decimal)
    assert back == value
    assert str(back) == str(value)  # the same digits and exponent, not only the same number


@pytest.mark.parametrize(
    ("field", "bad", "expected"),
    [
        ("start", True, "an integer"),
        ("start", 1.0, "an integer"),
        ("start", "1", "an integer"),
        ("source", 3, "a string"),
        ("source", None, "a string"),
        ("exact", ["a"], "a string"),
    ],
)
def test_leaves_are_typed_strictly(field: str, bad: object, expected: str) -> None:
    data = {"source": "000", "start": 0, "end": 1, "exact": "a", "prefix": "", "suffix": ""}
    data[field] = bad
    with pytest.raises(StructureError, match=expected) as info:
        structure(data, gwr.Span)
    assert info.value.path == field


def test_literals_are_checked() -> None:
    data = converter.unstructure(gwr.report(2024).targets[0].quantity)
    data["qualifier"] = "roughly"
    with pytest.raises(StructureError, match="'exact' or 'about'") as info:
        converter.structure(data, gwr.Quantity)
    assert info.value.path == "qualifier"


def test_errors_name_the_path() -> None:
    data = converter.unstructure(gwr.report(2024))
    data["targets"][3]["quantity"]["value"] = 5.5
    with pytest.raises(StructureError) as info:
        structure(data, gwr.Report)
    assert info.value.path == "targets[3].quantity.value"


def test_an_array_is_not_any_iterable() -> None:
    data = converter.unstructure(gwr.report(2024))
    data["witnesses"] = "003"  # plain cattrs would read this as ('0', '0', '3')
    with pytest.raises(StructureError, match="an array"):
        structure(data, gwr.Report)


def test_bundled_data_round_trips() -> None:
    db = Database(str(package_data()))
    for report_id in db.report_ids():
        report = db.report(report_id)
        data = converter.unstructure(report)
        assert json.loads(db.read_bytes(f"reports/{report_id}.json")) == data  # the file is exactly this
        assert PLAIN.structure(data, gwr.Report) == report
