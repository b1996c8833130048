"""Structuring the bundled JSON into records: strict, fast, and without importing cattrs.

This is the hot path of every first load, so it is kept out of cattrs (whose import and hook
generation cost more than loading a report). For each record class it generates one function
from the class's ``attrs`` fields and annotations, as cattrs does, with the same rules as the
converter in :mod:`gwr._converter` (which uses these very functions as its structure hooks, so
there is one set of rules):

- an object must be a JSON object (``dict``) whose keys are field names; an unknown key
  (a typo, a stray field) or a missing required key is an error;
- a ``str`` must be a string, an ``int`` an integer (not a bool, not a float), a ``bool`` a
  boolean; a :class:`~decimal.Decimal` must be stored as a string in canonical form
  (``"5"``, ``"0.2"``, ``"7E+11"``), so no value ever passes through a float;
- a ``Literal`` must be one of its values; a ``tuple[X, ...]`` must be a JSON array.

A type this module does not know is handed to the cattrs converter (imported then), so a new
kind of field still loads strictly, only slower. Errors are :class:`StructureError` with the
path to the offending value (``targets[3].quantity.value``).

The functions are also shipped precompiled, in :mod:`gwr._hooks` (written by ``python -m
gwr._structure``), because compiling them costs more than loading a small report. A precompiled
function is used only while the fields and annotations of its class still match the fingerprint
it was generated for; otherwise the function is compiled at run time, as if there were none.
"""

from __future__ import annotations

import binascii
import builtins
import inspect
import re
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

CODEGEN_VERSION = 1
"""Bump when the generated code changes for the same fields, so that precompiled code is stale."""


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


# -- the helpers the generated code calls -------------------------------------------------------


def _describe(value: object) -> str:
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{type(value).__name__} {shown}"


def _expected(what: str, value: object) -> StructureError:
    return StructureError(f"expected {what}, not {_describe(value)}")


def _extra(allowed: frozenset[str], data: dict[str, Any]) -> StructureError:
    extra = sorted(str(k) for k in data if k not in allowed)
    return StructureError(
        f"unknown key{'s' if len(extra) > 1 else ''} {', '.join(repr(k) for k in extra)}"
        f" (the keys are {', '.join(sorted(allowed))})"
    )


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


def _typed_tuple(cls: type, what: str, value: Any) -> tuple[Any, ...]:
    if value.__class__ is not list:
        raise _expected("an array", value)
    for index, item in enumerate(value):
        if item.__class__ is not cls:
            error = _expected(what, item)
            error.steps.append(index)
            raise error
    return tuple(value)


def _str_tuple(value: Any) -> tuple[str, ...]:
    return _typed_tuple(str, "a string", value)


def _int_tuple(value: Any) -> tuple[int, ...]:
    return _typed_tuple(int, "an integer", value)


def _str(value: Any) -> str:
    if value.__class__ is not str:
        raise _expected("a string", value)
    return value


def _int(value: Any) -> int:
    if value.__class__ is not int:
        raise _expected("an integer", value)
    return value


def _bool(value: Any) -> bool:
    if value.__class__ is not bool:
        raise _expected("true or false", value)
    return value


def _via_cattrs(tp: Any) -> Structure:
    def structure(value: Any) -> Any:
        from ._converter import converter

        try:
            return converter.structure(value, tp)
        except StructureError:
            raise
        except Exception as error:
            raise StructureError(str(error)) from None

    return structure


def _cattrs_record(cls: type) -> Structure:
    """cattrs's own structure function of a record class the generated code cannot handle."""
    import cattrs.gen

    from ._converter import converter

    generated: Callable[[Any, type], Any] = cattrs.gen.make_dict_structure_fn(
        cls, converter, _cattrs_forbid_extra_keys=True
    )

    def structure(value: Any) -> Any:
        try:
            return generated(value, cls)
        except StructureError:
            raise
        except Exception as error:
            raise StructureError(str(error)) from None

    return structure


_MISSING = object()
"""What ``dict.get`` returns for a key the data leaves out (so that ``None`` can be a value)."""

HELPERS: dict[str, Any] = {
    "StructureError": StructureError,
    "_expected": _expected,
    "_extra": _extra,
    "_decimal": _decimal,
    "_tuple": _tuple,
    "_str_tuple": _str_tuple,
    "_int_tuple": _int_tuple,
    "_MISSING": _MISSING,
}
"""The names the generated code uses, besides the slots and constants of the record classes."""


# -- the structure function of each type --------------------------------------------------------


class _Pending:
    """Stands in for the structure function of a record class until it is chosen."""

    def __init__(self, module: str, qualname: str) -> None:
        self.module = module
        self.qualname = qualname
        self.function: Structure | None = None

    def __call__(self, value: Any) -> Any:
        if self.function is None:
            import importlib

            cls: Any = importlib.import_module(self.module)
            for part in self.qualname.split("."):
                cls = getattr(cls, part)
            self.function = structurer(cls)
        return self.function(value)


def _load_precompiled() -> tuple[dict[str, Any], dict[str, tuple[str, Structure]]]:
    """The globals of the generated code, and the precompiled functions with their fingerprints.

    The generated functions, precompiled or compiled here, share one namespace: the helpers, and
    for each record class its structure function under its slot name (looked up at call time, so
    records may nest and recurse), its class and its constants under names prefixed with the slot.
    A precompiled function stays out of it until its class is checked against its fingerprint.
    """
    try:
        from . import _hooks
    except ImportError:  # not generated
        return dict(HELPERS), {}
    namespace = vars(_hooks)
    found: dict[str, tuple[str, Structure]] = {}
    for name, (module, qualname, recorded) in getattr(_hooks, "HOOKS", {}).items():
        function = namespace.get(name)
        if callable(function):
            found[name] = (recorded, function)
            namespace[name] = _Pending(module, qualname)
    namespace.update(HELPERS)
    return namespace, found


_lock = threading.RLock()
_cache: dict[Any, Structure] = {}
_namespace, _precompiled = _load_precompiled()


def structurer(tp: Any) -> Structure:
    """The function that turns JSON data into a value of type ``tp`` (built once, then cached)."""
    found = _cache.get(tp)
    if found is None:
        with _lock:
            found = _cache.get(tp)
            if found is None:
                found = _record_function(tp) if attrs.has(tp) else _plain_function(tp)
                _cache[tp] = found
    return found


def structure(data: Any, tp: type[T]) -> T:
    """Turn JSON data into a value of type ``tp``, strictly; raises :class:`StructureError`."""
    result: T = structurer(tp)(data)
    return result


def _plain_function(tp: Any) -> Structure:
    """The structure function of a type that is not a record (a tuple of records, a leaf)."""
    leaves: dict[Any, Structure] = {str: _str, int: _int, bool: _bool, Decimal: _decimal}
    if tp in leaves:
        return leaves[tp]
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = args[0]
            if item is str:
                return _str_tuple
            if item is int:
                return _int_tuple
            convert = structurer(item)
            return lambda value: _tuple(convert, value)
    inner = _optional(tp)
    if inner is not None:
        convert = structurer(inner)
        return lambda value: None if value is None else convert(value)
    return _via_cattrs(tp)


def slot(cls: type) -> str:
    """The global name of the structure function of record class ``cls``."""
    return "_f_" + re.sub(r"\W", "_", f"{cls.__module__}.{cls.__qualname__}")


def _record_function(cls: type) -> Structure:
    """The precompiled function of ``cls`` if it is still right, else one compiled now."""
    name = slot(cls)
    precompiled = _precompiled.get(name)
    if precompiled is not None and precompiled[0] == fingerprint(cls):
        function = precompiled[1]
        _namespace[f"{name}_cls"] = cls
    else:
        code = generate(cls)
        if code is None:
            function = _cattrs_record(cls)
        else:
            source, constants = code
            for key, value in constants.items():  # a function chosen already stays
                if not (isinstance(value, _Pending) and key in _namespace):
                    _namespace[key] = value
            local: dict[str, Any] = {}
            exec(compile(source, f"<gwr structure {cls.__qualname__}>", "exec"), _namespace, local)
            function = local[name]
    _namespace[name] = function
    return function


def _optional(tp: Any) -> Any:
    """``X`` if ``tp`` is ``X | None``, else ``None``."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = typing.get_args(tp)
        if len(args) == 2 and type(None) in args:
            return args[0] if args[1] is type(None) else args[1]
    return None


# -- generating the code ----------------------------------------------------------------------


def fingerprint(cls: type) -> str:
    """What the generated code of ``cls`` depends on: its fields and what their annotations name.

    Built from the annotation strings and the objects their names stand for in the class's
    module (``Qualifier`` → its ``Literal``), without evaluating anything.
    """
    module = vars(sys.modules[cls.__module__]) if cls.__module__ in sys.modules else {}
    # The annotations as written: cattrs resolves ``field.type`` in place once it has seen a class.
    written: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        written.update(inspect.get_annotations(base))
    fields = []
    for field in attrs.fields(cls):
        annotation = written.get(field.name, field.type)
        if isinstance(annotation, str):
            unquoted = re.sub(r"'[^']*'|\"[^\"]*\"", "", annotation)
            names = sorted(set(re.findall(r"[A-Za-z_]\w*", unquoted)))
            meaning = [(n, _stable_repr(module.get(n, getattr(builtins, n, None)))) for n in names]
            described: object = (annotation, meaning)
        else:
            described = repr(annotation)
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            shown = f"factory {default.factory!r} {default.takes_self}"
        else:
            shown = repr(default)
        fields.append((field.name, field.alias, field.init, field.kw_only, described, shown))
    described_class = repr((CODEGEN_VERSION, cls.__module__, cls.__qualname__, fields))
    return f"{binascii.crc32(described_class.encode()):08x}-{len(described_class)}"


def _stable_repr(value: object) -> str:
    """A description of ``value`` that is the same on every machine (no paths, no addresses)."""
    if isinstance(value, types.ModuleType):
        return f"module {value.__name__}"
    if isinstance(value, type):
        return f"class {value.__module__}.{value.__qualname__}"
    return re.sub(r" at 0x[0-9a-f]+", "", repr(value))


def _field_types(cls: type, fields: list[attrs.Attribute[Any]]) -> dict[str, Any]:
    """The types of ``fields``, with string annotations evaluated in the class's module.

    One ``eval`` per class rather than :func:`typing.get_type_hints`, which compiles every
    annotation on its own.
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


class _Unsupported(Exception):
    """A field whose type the generated code cannot handle (cattrs handles it then)."""


class _Writer:
    """The code of one record class's structure function, with the constants it names."""

    def __init__(self, cls: type) -> None:
        self.prefix = slot(cls)
        self.constants: dict[str, Any] = {f"{self.prefix}_cls": cls}
        self.records: list[type] = []  # the record classes whose functions the code calls

    def record(self, cls: type) -> str:
        self.records.append(cls)
        return slot(cls)

    def constant(self, label: str, value: Any) -> str:
        name = f"{self.prefix}_{label}"
        self.constants[name] = value
        return name

    def checks(self, tp: Any, var: str, indent: str, label: str) -> str:
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
                allowed = self.constant(f"{label}_values", frozenset(values))
                shown = repr(" or ".join(repr(v) for v in values))
                return (
                    f"{indent}if {var}.__class__ is not str or {var} not in {allowed}: "
                    f"raise _expected({shown}, {var})\n"
                )
        inner = _optional(tp)
        if inner is not None:
            inner_checks = self.checks(inner, var, indent + "    ", label)
            if inner_checks:
                return f"{indent}if {var} is not None:\n{inner_checks}"
        return ""

    def expression(self, tp: Any, var: str) -> str:
        """An expression that turns ``var`` into ``tp`` (for types :meth:`checks` does not cover)."""
        if tp is Decimal:
            return f"_decimal({var})"
        if attrs.has(tp):
            return f"{self.record(tp)}({var})"
        if typing.get_origin(tp) is tuple:
            args = typing.get_args(tp)
            if len(args) == 2 and args[1] is Ellipsis:
                item = args[0]
                if item is str:
                    return f"_str_tuple({var})"
                if item is int:
                    return f"_int_tuple({var})"
                if item is Decimal:
                    return f"_tuple(_decimal, {var})"
                if attrs.has(item):
                    return f"_tuple({self.record(item)}, {var})"
        inner = _optional(tp)
        if inner is not None:
            return f"(None if {var} is None else {self.expression(inner, var)})"
        raise _Unsupported(repr(tp))


def generate(cls: type) -> tuple[str, dict[str, Any]] | None:
    """The source of the structure function of ``cls`` (named by :func:`slot`) and its constants.

    The constants include, under their slots, a stand-in for the function of each record class
    the code calls. ``None`` if a field has a type the generated code does not handle.
    """
    fields = [f for f in attrs.fields(cls) if f.init]
    hints = _field_types(cls, fields)
    writer = _Writer(cls)
    name = writer.prefix
    keys = writer.constant("keys", frozenset(f.name for f in fields))
    lines = [
        f"def {name}(d):",
        "    if d.__class__ is not dict: raise _expected('an object', d)",
        f"    if not {keys}.issuperset(d): raise _extra({keys}, d)",
        "    k = None",
        "    try:",
    ]
    positional: list[str] = []
    keywords: list[str] = []
    try:
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
                        return None
                    fallback = f"{writer.constant(f'{index}_factory', default.factory)}()"
                else:
                    fallback = writer.constant(f"{index}_default", default)
                lines.append(f"        {var} = d.get({field.name!r}, _MISSING)")
                lines.append(f"        if {var} is _MISSING: {var} = {fallback}")
                lines.append("        else:")
                indent = "            "
            checks = writer.checks(tp, var, indent, str(index))
            lines.append(checks.rstrip("\n") if checks else f"{indent}{var} = {writer.expression(tp, var)}")
            if field.kw_only:
                keywords.append(f"{field.alias}={var}")
            else:
                positional.append(var)
    except _Unsupported:
        return None
    lines += [
        "    except KeyError:",
        "        if k in d: raise",
        "        raise StructureError(f'missing key {k!r}') from None",
        "    except StructureError as error:",
        "        error.steps.append(k)",
        "        raise error from None",
        f"    return {name}_cls({', '.join(positional + keywords)})",
    ]
    for record in writer.records:
        writer.constants.setdefault(slot(record), _Pending(record.__module__, record.__qualname__))
    return "\n".join(lines) + "\n", writer.constants


# -- the precompiled module ---------------------------------------------------------------------


def _literal(value: Any) -> str | None:
    """Python source that evaluates to ``value``, deterministically; ``None`` if there is none."""
    if value is None or isinstance(value, (bool, int, str)):
        return repr(value)
    if isinstance(value, tuple) and all(_literal(v) is not None for v in value):
        return repr(value)
    if isinstance(value, frozenset) and all(isinstance(v, str) for v in value):
        return f"frozenset({sorted(value)!r})"
    return None


def record_classes() -> list[type]:
    """Every record class the bundled data holds, from the top-level ones down."""
    from . import _model

    roots: list[type] = [_model.Report, _model.Source, _model.Indicator, _model.Theme, _model.Region]
    try:
        from . import _variants
    except ImportError:
        pass
    else:
        roots.append(_variants.Variant)
    found: list[type] = []

    def visit(cls: type) -> None:
        if cls in found:
            return
        found.append(cls)
        fields = [f for f in attrs.fields(cls) if f.init]
        for tp in _field_types(cls, fields).values():
            for inner in _types_in(tp):
                if attrs.has(inner):
                    visit(inner)

    for root in roots:
        visit(root)
    return found


def _types_in(tp: Any) -> list[Any]:
    return [tp, *(inner for arg in typing.get_args(tp) for inner in _types_in(arg))]


def precompiled_source() -> str:
    """The source of :mod:`gwr._hooks`: the structure function of every record class."""
    parts = [
        '"""Precompiled structure functions of the record classes: see :mod:`gwr._structure`.',
        "",
        "Generated by ``python -m gwr._structure``; do not edit. :mod:`gwr._structure` provides the",
        "names these functions use, and uses a function only while its class still matches the",
        "fingerprint recorded for it.",
        '"""',
        "",
        "# ruff: noqa",
        "# mypy: ignore-errors",
        "",
        "HOOKS = {  # the structure function of each record class: its class, and its fingerprint",
    ]
    bodies: list[str] = []
    for cls in record_classes():
        code = generate(cls)
        if code is None:
            continue
        source, constants = code
        assignments = []
        for name, value in constants.items():
            if name == f"{slot(cls)}_cls" or isinstance(value, _Pending):
                continue  # the class and the functions it calls are bound at run time
            shown = _literal(value)
            if shown is None:
                break
            assignments.append(f"{name} = {shown}")
        else:
            parts.append(f"    {slot(cls)!r}: {(cls.__module__, cls.__qualname__, fingerprint(cls))!r},")
            bodies.append("\n".join(assignments) + "\n\n\n" + source)
    parts.append("}")
    return "\n".join(parts) + "\n\n\n" + "\n\n".join(bodies)


def _main(argv: list[str]) -> int:
    from pathlib import Path

    path = Path(__file__).with_name("_hooks.py")
    wanted = precompiled_source()
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if "--check" in argv:
        if current != wanted:
            print(f"{path} is stale: run python -m gwr._structure", file=sys.stderr)
            return 1
        return 0
    if current != wanted:
        path.write_text(wanted, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
