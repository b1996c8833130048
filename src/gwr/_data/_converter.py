"""The one cattrs converter: it writes the records as the bundled JSON, and reads it back strictly.

The generator writes every data file with :meth:`converter.unstructure <cattrs.Converter.unstructure>`
(a decimal as its string, ``"7E+11"``, so that no value ever passes through a float). Loading
does not use this module: msgspec decodes the files straight into the records (see
:mod:`gwr._data._db`), fast but looser on two points. :func:`strict_problems` is the strict reading
that :func:`gwr.check` adds for those points, type-driven like the records themselves:

- an unknown key (a typo, a stray field) is an error (``forbid_extra_keys``);
- a decimal must be a string in canonical form (``"5"``, ``"0.2"``, ``"7E+11"``), finite; a
  JSON number (``5``, ``5.0``) or another spelling (``"5.0e0"``, ``" 5"``, ``"NaN"``) is an error;
- a string must be a string, an integer an integer (not a bool, not a float), a boolean a
  boolean, a tuple a JSON array; a key appears once in an object;
- and the file must be exactly what the converter writes for the record that was loaded from it
  (a round trip), which is what the generator wrote.

Each problem names the path to the value (``targets[3].quantity.value``).
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override


def _describe(value: object) -> str:
    shown = repr(value)
    return f"{type(value).__name__} {shown if len(shown) <= 60 else shown[:57] + '...'}"


def _structure_decimal(value: Any, _: type) -> Decimal:
    if value.__class__ is not str:
        raise ValueError(f"a decimal must be stored as a string, not {_describe(value)}")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a decimal number") from None
    if not number.is_finite() or str(number) != value:
        raise ValueError(f"{value!r} is not a finite decimal in canonical form")
    return number


def _strictly(cls: type, what: str) -> Any:
    def structure(value: Any, _: type) -> Any:
        if value.__class__ is not cls:
            raise ValueError(f"expected {what}, not {_describe(value)}")
        return value

    return structure


def _is_variadic_tuple(tp: Any) -> bool:
    args: tuple[Any, ...] = getattr(tp, "__args__", ())
    return getattr(tp, "__origin__", None) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(str, _strictly(str, "a string"))
    converter.register_structure_hook(int, _strictly(int, "an integer"))
    converter.register_structure_hook(bool, _strictly(bool, "true or false"))

    def tuple_factory(tp: Any) -> Any:
        item_type = tp.__args__[0]
        items = converter.get_structure_hook(item_type)

        def structure(value: Any, _: type) -> tuple[Any, ...]:
            if value.__class__ is not list:  # cattrs alone would read "003" as ("0", "0", "3")
                raise ValueError(f"expected an array, not {_describe(value)}")
            errors: list[Exception] = []
            out = []
            for index, item in enumerate(value):
                try:
                    out.append(items(item, item_type))
                except Exception as error:  # noted as cattrs notes it, for the path
                    note = IterableValidationNote(f"Structuring {tp} @ index {index}", index, item_type)
                    error.__notes__ = [*getattr(error, "__notes__", []), note]
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
            return tuple(out)

        return structure

    converter.register_structure_hook_factory(_is_variadic_tuple, tuple_factory)

    # a field whose name starts with _ is runtime state (where a source's text is, the sources a
    # read report owns), never data: it is neither written nor read
    def private(cls: type) -> dict[str, Any]:
        return {a.name: override(omit=True) for a in attrs.fields(cls) if a.name.startswith("_")}

    def has_private(cls: Any) -> bool:
        return attrs.has(cls) and any(a.name.startswith("_") for a in attrs.fields(cls))

    converter.register_unstructure_hook_factory(
        has_private, lambda cls: make_dict_unstructure_fn(cls, converter, **private(cls))
    )
    converter.register_structure_hook_factory(
        has_private,
        lambda cls: make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True, **private(cls)),
    )
    return converter


converter = _make()


def _message(error: BaseException, _: Any = None) -> str:
    if isinstance(error, ForbiddenExtraKeysError):
        extra = sorted(error.extra_fields)
        return f"unknown key{'s' if len(extra) > 1 else ''} {', '.join(repr(k) for k in extra)}"
    if isinstance(error, KeyError):
        return "missing key"
    return str(error)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        twice = sorted({key for key, _ in pairs if sum(k == key for k, _ in pairs) > 1})
        raise ValueError(f"an object holds the key {', '.join(map(repr, twice))} twice")
    return found


def strict_problems(data: bytes, tp: Any, loaded: object, at: str = "") -> list[tuple[str, str]]:
    """What the strict reading finds wrong in ``data`` (a file's bytes, or the part ``at`` of them
    for a value of type ``tp``), which loaded as ``loaded``: (path, message) pairs, empty if none.

    ``at`` is a key of the file's top-level object (``sources`` in ``manifest.json``).
    """
    try:
        parsed = json.loads(data, object_pairs_hook=_unique_keys)
    except ValueError as error:
        return [("", str(error))]
    if at:
        parsed = parsed[at] if isinstance(parsed, dict) and at in parsed else None
    try:
        strict = converter.structure(parsed, tp)
    except (ClassValidationError, IterableValidationError) as error:
        problems = []
        for line in cattrs.transform_error(error, path="$", format_exception=_message):
            message, _, path = line.rpartition(" @ $")
            problems.append((_join(at, path), message))
        return problems
    except Exception as error:  # a leaf at the top (a tuple that is not an array)
        return [(at, _message(error))]
    if strict != loaded:
        return [(at, "the strict reading and the loaded records differ")]
    written = converter.unstructure(loaded)
    difference = _first_difference(parsed, written)
    if difference is not None:
        path, message = difference
        return [(_join(at, path), message)]
    return []


def _join(at: str, path: str) -> str:
    if not at or not path:
        return at or path.lstrip(".")
    return at + path if path.startswith("[") else f"{at}.{path.lstrip('.')}"


def _first_difference(stored: Any, written: Any, path: str = "") -> tuple[str, str] | None:
    """Where ``stored`` (what the file holds) first differs from ``written`` (what the converter
    writes for the records loaded from it), and how."""
    if isinstance(stored, dict) and isinstance(written, dict):
        for key in written:
            if key not in stored:
                return f"{path}.{key}", "missing key (the generator writes every field)"
            found = _first_difference(stored[key], written[key], f"{path}.{key}")
            if found is not None:
                return found
        extra = [key for key in stored if key not in written]
        if extra:
            return path, f"unknown key {extra[0]!r}"
        return None
    if isinstance(stored, list) and isinstance(written, list) and len(stored) == len(written):
        for index, (a, b) in enumerate(zip(stored, written, strict=True)):
            found = _first_difference(a, b, f"{path}[{index}]")
            if found is not None:
                return found
        return None
    if type(stored) is type(written) and stored == written:
        return None
    return path, f"stored {_describe(stored)}, the records write {_describe(written)}"


__all__ = ["converter", "strict_problems"]
