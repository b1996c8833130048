"""Structuring the bundled JSON into records: strict, fast, and without importing cattrs.

This is the hot path of every first load, so it is kept out of cattrs (whose import and hook
generation cost more than loading a report). For each record class it compiles one function
from the class's ``attrs`` fields and type annotations, as cattrs does, with the same rules as
the converter in :mod:`gwr._converter` (which uses these very functions as its structure hooks,
so there is one set of rules):

- an object must be a JSON object (``dict``) whose keys are field names; an unknown key
  (a typo, a stray field) or a missing required key is an error;
- a ``str`` must be a string, an ``int`` an integer (not a bool, not a float), a ``bool`` a
  boolean; a :class:`~decimal.Decimal` must be stored as a string in canonical form
  (``"5"``, ``"0.2"``, ``"7E+11"``), so no value ever passes through a float;
- a ``Literal`` must be one of its values; a ``tuple[X, ...]`` must be a JSON array.

A type this module does not know is handed to the cattrs converter (imported then), so a new
kind of field still loads strictly, only slower. Errors are :class:`StructureError` with the
path to the offending value (``targets[3].quantity.value``).
"""

from __future__ import annotations

import sys
import threading
import types
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import attrs

T = TypeVar("T")

Structure = Callable[[Any], Any]


class StructureError(ValueError):
    """Data that does not fit a record type; ``path`` says where (outermost first)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.steps: list[str | int] = []  # innermost first, while the error travels outwards

    @property
    def path(self) -> str:
        """Where the bad value is, as ``targets[3].quantity.value`` (empty at the top)."""
        out = ""
        for step in reversed(self.steps):
            out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
        return out

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.steps else self.message


def _describe(value: object) -> str:
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{type(value).__name__} {shown}"


def _expected(what: str, value: object) -> StructureError:
    return StructureError(f"expected {what}, not {_describe(value)}")


def _decimal(value: Any) -> Decimal:
    if value.__class__ is not str:
        raise StructureError(f"a decimal must be stored as a string, not {_describe(value)}")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise StructureError(f"{value!r} is not a decimal number") from None
    if not number.is_finite() or str(number) != value:
        raise StructureError(f"{value!r} is not a finite decimal in canonical form")
    return number


def _tuple(convert: Structure, value: Any) -> tuple[Any, ...]:
    if value.__class__ is not list:
        raise _expected("an array", value)
    try:
        return tuple([convert(item) for item in value])
    except StructureError:
        for index, item in enumerate(value):  # find which item failed, to name it
            try:
                convert(item)
            except StructureError as error:
                error.steps.append(index)
                raise error from None
        raise


def _str_tuple(value: Any) -> tuple[str, ...]:
    if value.__class__ is not list:
        raise _expected("an array", value)
    for index, item in enumerate(value):
        if item.__class__ is not str:
            error = _expected("a string", item)
            error.steps.append(index)
            raise error
    return tuple(value)


def _via_cattrs(cls: Any) -> Structure:
    def structure(value: Any) -> Any:
        from ._converter import converter

        try:
            return converter.structure(value, cls)
        except StructureError:
            raise
        except Exception as error:
            raise StructureError(str(error)) from None

    return structure


_lock = threading.RLock()
_cache: dict[Any, Structure] = {}
_ids: dict[Any, str] = {}
# The globals of every generated function: helpers, record classes, and the structure function
# of each record class under ``_f<id>`` (looked up at call time, so records may nest and recurse).
_namespace: dict[str, Any] = {
    "StructureError": StructureError,
    "_expected": _expected,
    "_extra": None,  # set below
    "_decimal": _decimal,
    "_tuple": _tuple,
    "_str_tuple": _str_tuple,
    "_MISSING": object(),
}


def structurer(tp: Any) -> Structure:
    """The function that turns JSON data into a value of type ``tp`` (built once, then cached)."""
    found = _cache.get(tp)
    if found is None:
        with _lock:
            found = _cache.get(tp)
            if found is None:
                found = _build_class(tp) if attrs.has(tp) else _build_plain(tp)
                _cache[tp] = found
    return found


def structure(data: Any, tp: type[T]) -> T:
    """Turn JSON data into a value of type ``tp``, strictly; raises :class:`StructureError`."""
    result: T = structurer(tp)(data)
    return result


def _bind(value: Any) -> str:
    """Put ``value`` in the generated code's globals under a fresh name, and return the name."""
    name = f"_g{len(_namespace)}"
    _namespace[name] = value
    return name


def _id(cls: Any) -> str:
    """The id of a record class; ``_f<id>`` is its structure function once built."""
    key = _ids.get(cls)
    if key is None:
        key = _ids[cls] = str(len(_ids))
        _namespace[f"_f{key}"] = _Pending(cls)
    return key


class _Pending:
    """Stands in for the structure function of a record class not built yet."""

    def __init__(self, cls: Any) -> None:
        self.cls = cls

    def __call__(self, value: Any) -> Any:
        return structurer(self.cls)(value)


def _optional(tp: Any) -> Any:
    """``X`` if ``tp`` is ``X | None``, else ``None``."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = typing.get_args(tp)
        if len(args) == 2 and type(None) in args:
            return args[0] if args[1] is type(None) else args[1]
    return None


def _checks(tp: Any, var: str, indent: str) -> str:
    """Statements that check ``var`` in place, for types stored as themselves; "" for others."""
    if tp is str:
        return f"{indent}if {var}.__class__ is not str: raise _expected('a string', {var})\n"
    if tp is int:
        return f"{indent}if {var}.__class__ is not int: raise _expected('an integer', {var})\n"
    if tp is bool:
        return f"{indent}if {var}.__class__ is not bool: raise _expected('true or false', {var})\n"
    if typing.get_origin(tp) is typing.Literal:
        values = typing.get_args(tp)
        if values and all(type(v) is str for v in values):
            allowed = _bind(frozenset(values))
            shown = repr(" or ".join(repr(v) for v in values))
            return f"{indent}if {var}.__class__ is not str or {var} not in {allowed}: raise _expected({shown}, {var})\n"
    inner = _optional(tp)
    if inner is not None:
        inner_checks = _checks(inner, var, indent + "    ")
        if inner_checks:
            return f"{indent}if {var} is not None:\n{inner_checks}"
    return ""


def _expression(tp: Any, var: str) -> str:
    """An expression that turns ``var`` into ``tp`` (for types that :func:`_checks` does not cover)."""
    if tp is Decimal:
        return f"_decimal({var})"
    if attrs.has(tp):
        return f"_f{_id(tp)}({var})"
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            if args[0] is str:
                return f"_str_tuple({var})"
            item = f"_f{_id(args[0])}" if attrs.has(args[0]) else _bind(structurer(args[0]))
            return f"_tuple({item}, {var})"
    inner = _optional(tp)
    if inner is not None:
        return f"(None if {var} is None else {_expression(inner, var)})"
    return f"{_bind(_via_cattrs(tp))}({var})"


def _build_plain(tp: Any) -> Structure:
    """The structure function of a type that is not a record (a tuple of records, say)."""
    checks = _checks(tp, "value", "    ")
    body = f"{checks}    return value\n" if checks else f"    return {_expression(tp, 'value')}\n"
    local: dict[str, Any] = {}
    exec(compile(f"def structure(value):\n{body}", f"<gwr structure {tp!r}>", "exec"), _namespace, local)
    function: Structure = local["structure"]
    return function


def _field_types(cls: type, fields: list[attrs.Attribute[Any]]) -> dict[str, Any]:
    """The types of ``fields``, with string annotations evaluated in the class's module.

    One ``eval`` per class rather than :func:`typing.get_type_hints`, which compiles every
    annotation on its own (most of the cost of a first load, before this).
    """
    strings = [f.type for f in fields]
    module = sys.modules.get(cls.__module__)
    if module is not None and all(isinstance(s, str) for s in strings):
        source = "(" + "".join(f"({s}),\n" for s in strings) + ")"
        try:
            values = eval(source, dict(vars(module)), {cls.__name__: cls})  # the module's own annotations
        except Exception:
            pass
        else:
            return dict(zip((f.name for f in fields), values, strict=True))
    return typing.get_type_hints(cls)


def _build_class(cls: type) -> Structure:
    """Compile the structure function of record class ``cls``."""
    fields = [f for f in attrs.fields(cls) if f.init]
    hints = _field_types(cls, fields)
    key = _id(cls)
    allowed = _bind(frozenset(f.name for f in fields))
    lines = [
        "def structure(d):",
        "    if d.__class__ is not dict: raise _expected('an object', d)",
        f"    if not {allowed}.issuperset(d): raise _extra({allowed}, d)",
        "    k = None",
        "    try:",
    ]
    positional: list[str] = []
    keywords: list[str] = []
    for index, field in enumerate(fields):
        var = f"v{index}"
        tp = hints.get(field.name, Any)
        lines.append(f"        k = {field.name!r}")
        indent = "        "
        if field.default is attrs.NOTHING:
            lines.append(f"        {var} = d[{field.name!r}]")
        else:
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                if default.takes_self:
                    return _via_cattrs(cls)
                fallback = f"{_bind(default.factory)}()"
            else:
                fallback = _bind(default)
            lines.append(f"        {var} = d.get({field.name!r}, _MISSING)")
            lines.append(f"        if {var} is _MISSING: {var} = {fallback}")
            lines.append("        else:")
            indent = "            "
        checks = _checks(tp, var, indent)
        lines.append(checks.rstrip("\n") if checks else f"{indent}{var} = {_expression(tp, var)}")
        if field.kw_only:
            keywords.append(f"{field.alias}={var}")
        else:
            positional.append(var)
    lines += [
        "    except KeyError:",
        "        if k in d: raise",
        "        raise StructureError(f'missing key {k!r}') from None",
        "    except StructureError as error:",
        "        error.steps.append(k)",
        "        raise error from None",
        f"    return {_bind(cls)}({', '.join(positional + keywords)})",
    ]
    local: dict[str, Any] = {}
    exec(compile("\n".join(lines) + "\n", f"<gwr structure {cls.__qualname__}>", "exec"), _namespace, local)
    function: Structure = local["structure"]
    _namespace[f"_f{key}"] = function
    return function


def _extra(allowed: frozenset[str], data: dict[str, Any]) -> StructureError:
    extra = sorted(str(k) for k in data if k not in allowed)
    return StructureError(
        f"unknown key{'s' if len(extra) > 1 else ''} {', '.join(repr(k) for k in extra)}"
        f" (the keys are {', '.join(sorted(allowed))})"
    )


_namespace["_extra"] = _extra
