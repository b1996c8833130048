"""Sphinx extension: the parts of the gwr docs that are generated from the package itself.

Nothing here is written by hand twice. At build time it

* writes ``_generated/api.md``: one autodoc entry for every name in ``gwr.__all__``, grouped
  by what it is, so that a name added to the public API appears in the reference at once;
* provides the ``gwr-table`` directive, which renders a registry of the installed package as a
  table: ``indicators``, ``themes``, ``units``, ``per-units``, ``magnitudes``, ``qualifiers``,
  ``changes``, ``readings``, ``sources``, ``profiles``;
* provides the ``gwr-fields`` directive, which renders every field of one record type (name,
  type and default read from the class) next to the description written in the directive's
  content, one ``name: description`` line per field.

A field without a description, a description of a field that does not exist, and a public
record type without a ``gwr-fields`` table are build warnings, so that ``sphinx -W`` fails
when the docs fall behind the code.
"""

from __future__ import annotations

import importlib
import inspect
import re
import typing
from pathlib import Path
from typing import Any, ClassVar

import attrs
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import gwr

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------
# What the public API holds


def public_objects() -> dict[str, Any]:
    """Every name in ``gwr.__all__`` with the object it names."""
    return {name: getattr(gwr, name) for name in gwr.__all__}


def _attrs_classes_in(annotation: Any) -> list[type]:
    """The attrs classes an annotation mentions (``tuple[Task, ...]``, ``Quantity | None``)."""
    if isinstance(annotation, type) and attrs.has(annotation):
        return [annotation]
    found: list[type] = []
    for arg in typing.get_args(annotation):
        found.extend(_attrs_classes_in(arg))
    return found


def record_types() -> list[type]:
    """The public record types: attrs classes in ``gwr.__all__`` and every attrs class their
    fields refer to (``Section`` through ``Report.outline``), in a stable order."""
    queue = [obj for obj in public_objects().values() if isinstance(obj, type) and attrs.has(obj)]
    seen: list[type] = []
    while queue:
        cls = queue.pop(0)
        if cls in seen:
            continue
        seen.append(cls)
        try:
            hints = typing.get_type_hints(cls)
        except Exception:  # an annotation that cannot be resolved: no nested types to find
            hints = {}
        for field in attrs.fields(cls):
            queue.extend(_attrs_classes_in(hints.get(field.name)))
    return seen


def _public_path(cls: type) -> str:
    """``gwr.Report`` where the class is exported, else its defining module's path."""
    if getattr(gwr, cls.__name__, None) is cls:
        return f"gwr.{cls.__name__}"
    return f"{cls.__module__}.{cls.__qualname__}"


# --------------------------------------------------------------------------------------------
# The API reference page

# Where a known name goes; a name not listed here goes to a group chosen by what it is.
GROUPS: list[tuple[str, str, list[str]]] = [
    (
        "Looking things up",
        "Reports, sources and registries, each loaded on first use.",
        ["reports", "report", "sources", "source", "indicators", "indicator", "themes", "regions", "region"],
    ),
    (
        "Comparing, searching and series",
        "Answers that span reports, each carrying the quotes behind it.",
        [
            "compare",
            "attainment",
            "compare_tasks",
            "compare_regions",
            "search",
            "count",
            "series",
            "Results",
            "TargetChange",
            "Attainment",
            "TaskMove",
            "RegionComparison",
            "Hit",
            "PhraseCount",
            "SeriesPoint",
            "SeriesYear",
        ],
    ),
    (
        "Checking the data",
        "Prove that the bundled data says what its sources say.",
        ["check", "CheckResult", "Problem"],
    ),
    (
        "Witnesses and variants",
        "Where two witnesses of the same passage of a report read differently.",
        ["variants", "Variant"],
    ),
    ("Parsing quantities", "The parser that reads every number in the texts.", ["parse_quantities"]),
    (
        "Records",
        "The typed, immutable records a report is made of. The [data dictionary](data.md) explains every field.",
        [
            "Report",
            "Target",
            "Outcome",
            "Verdict",
            "English",
            "Task",
            "Measure",
            "Quantity",
            "Span",
            "Section",
            "Source",
            "Document",
            "Indicator",
            "Theme",
            "Region",
        ],
    ),
    (
        "Errors",
        "Every error gwr raises is a `GwrError` and also the matching builtin "
        "(`LookupError`, `ValueError`, `TypeError`, `RuntimeError`, `ImportError`), so either can be caught.",
        [
            "GwrError",
            "NotFoundError",
            "InvalidArgumentError",
            "InvalidTypeError",
            "DataError",
            "MissingDependencyError",
        ],
    ),
]


def _entry(name: str, obj: Any) -> str:
    """The autodoc directive for one public name (reStructuredText: autodoc writes rST)."""
    path = f"gwr.{name}"
    if isinstance(obj, type) and issubclass(obj, BaseException):
        directive = f".. autoexception:: {path}\n   :show-inheritance:"
    elif isinstance(obj, type) and attrs.has(obj):
        # the fields of a record have no docstrings: list them with their types all the same
        directive = f".. autoclass:: {path}\n   :members:\n   :undoc-members:"
    elif isinstance(obj, type):
        directive = f".. autoclass:: {path}\n   :members:"
    elif callable(obj):
        directive = f".. autofunction:: {path}"
    else:
        directive = f".. autodata:: {path}"
    return f"```{{eval-rst}}\n{directive}\n```\n"


def api_markdown() -> str:
    """The body of the API reference: every public name, grouped."""
    objects = public_objects()
    placed: set[str] = set()
    groups: list[tuple[str, str, list[str]]] = []
    for title, intro, names in GROUPS:
        present = [n for n in names if n in objects]
        placed.update(present)
        groups.append((title, intro, present))
    rest = [n for n in objects if n not in placed]
    extra = {
        "More functions": [n for n in rest if not isinstance(objects[n], type) and callable(objects[n])],
        "More types": [n for n in rest if isinstance(objects[n], type) and not issubclass(objects[n], BaseException)],
        "More errors": [n for n in rest if isinstance(objects[n], type) and issubclass(objects[n], BaseException)],
        "Other names": [n for n in rest if not isinstance(objects[n], type) and not callable(objects[n])],
    }
    groups.extend((title, "", sorted(names)) for title, names in extra.items())
    lines = [
        "<!-- Generated by docs/_ext/gwr_docs.py from gwr.__all__ at build time: do not edit. -->",
        "",
    ]
    for title, intro, names in groups:
        if not names:
            continue
        lines += [f"## {title}", ""]
        if intro:
            lines += [intro, ""]
        for name in names:
            lines.append(_entry(name, objects[name]))
    return "\n".join(lines)


def write_generated(app: Sphinx) -> None:
    """Write ``_generated/api.md`` under the source folder (only when its text changes)."""
    folder = Path(app.srcdir) / "_generated"
    folder.mkdir(exist_ok=True)
    target = folder / "api.md"
    text = api_markdown()
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Tables


def _cell(content: str | nodes.Node | list[nodes.Node], literal: bool = False) -> nodes.entry:
    entry = nodes.entry()
    paragraph = nodes.paragraph()
    if isinstance(content, str):
        if literal and content:
            paragraph += nodes.literal(content, content)
        else:
            paragraph += nodes.Text(content)
    elif isinstance(content, list):
        paragraph.extend(content)
    else:
        paragraph += content
    entry += paragraph
    return entry


def build_table(header: list[str], rows: list[list[Any]], literal_columns: tuple[int, ...] = ()) -> nodes.table:
    """A docutils table; cells in ``literal_columns`` are set as code."""
    table = nodes.table(classes=["gwr-table"])
    group = nodes.tgroup(cols=len(header))
    table += group
    for _ in header:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for title in header:
        row += _cell(title)
    head += row
    body = nodes.tbody()
    group += body
    for values in rows:
        row = nodes.row()
        for i, value in enumerate(values):
            row += _cell(value, literal=i in literal_columns)
        body += row
    return table


QUALIFIER_MEANINGS = {
    "exact": "The number as stated, with no qualifying word.",
    "about": "Approximately the number (左右, 约): a target read as a level, give or take.",
    "at_least": "The number or more (以上, 至少, 跃上): a floor.",
    "more_than": "More than the number (超过, 突破, 逾, and 多/余 inside a number such as 250余万).",
    "at_most": "The number or less (以内, 以下, 不超过): a ceiling.",
    "less_than": "Less than the number (近, 不到, 不足): nearly but not quite.",
}

CHANGE_MEANINGS = {
    "increase": "The quantity is a rise by the number (增长5%, 提高0.5个百分点).",
    "decrease": "The quantity is a fall by the number (下降0.2个百分点); the value stays positive.",
    "unchanged": "The quantity is a level said to equal an earlier one (与上年持平).",
}

READING_MEANINGS = {
    "floor": "The outcome should reach the target: met when the outcome is at or above it.",
    "ceiling": "The outcome should not exceed the target: met when the outcome is at or below it.",
    "level": "The outcome should be about the target.",
    "qualitative": "The target states no number (居民收入增长和经济增长同步); attainment is not computed.",
}


def _words_by(mapping: dict[str, Any], key: Any) -> dict[Any, list[str]]:
    grouped: dict[Any, list[str]] = {}
    for word, value in mapping.items():
        grouped.setdefault(key(value), []).append(word)
    return grouped


def _literal_list(words: list[str]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for i, word in enumerate(words):
        if i:
            out.append(nodes.Text(", "))
        out.append(nodes.literal(word, word))
    return out


class GwrTable(SphinxDirective):
    """``{gwr-table} NAME``: a registry of the installed package, as a table."""

    required_arguments = 1
    has_content = False

    TABLES: ClassVar[tuple[str, ...]] = (
        "indicators",
        "themes",
        "units",
        "per-units",
        "per-markers",
        "count-nouns",
        "programme-heads",
        "negative-signs",
        "magnitudes",
        "qualifiers",
        "changes",
        "readings",
        "sources",
        "profiles",
    )

    def run(self) -> list[nodes.Node]:
        self.env.__dict__.setdefault("gwr_generated_docs", set()).add(self.env.docname)
        name = self.arguments[0]
        if name not in self.TABLES:
            raise self.error(f"gwr-table: unknown table {name!r}; tables are {', '.join(self.TABLES)}")
        return [getattr(self, "table_" + name.replace("-", "_"))()]

    def table_indicators(self) -> nodes.Node:
        rows = [
            [i.key, i.name_zh, i.name_en, i.unit or "", i.reading, i.description, _literal_list(list(i.names))]
            for i in gwr.indicators()
        ]
        return build_table(
            ["key", "中文", "English", "unit", "reading", "description", "stated as"], rows, literal_columns=(0, 3, 4)
        )

    def table_themes(self) -> nodes.Node:
        rows = [[t.key, t.name_zh, t.name_en] for t in gwr.themes()]
        return build_table(["key", "中文", "English"], rows, literal_columns=(0,))

    def table_units(self) -> nodes.Node:
        from gwr._reading._quantities import UNITS

        grouped = _words_by(UNITS, lambda u: (u.code, u.description))
        rows = [[code, description, _literal_list(words)] for (code, description), words in grouped.items()]
        return build_table(["unit", "meaning", "written as"], rows, literal_columns=(0,))

    def table_per_units(self) -> nodes.Node:
        from gwr._reading._quantities import PER_UNITS

        rows = [
            [f"…/{u.code}", u.description, nodes.literal(f"…/{word}", f"…/{word}")] for word, u in PER_UNITS.items()
        ]
        return build_table(["unit suffix", "meaning", "written as"], rows, literal_columns=(0,))

    def table_per_markers(self) -> nodes.Node:
        from gwr._reading._quantities import PER_MARKERS

        rows = [["/".join(parts), nodes.literal(word, word)] for word, parts in PER_MARKERS.items()]
        return build_table(["per", "written before the amount as"], rows, literal_columns=(0,))

    def table_count_nouns(self) -> nodes.Node:
        from gwr._reading._quantities import COUNT_NOUNS

        grouped = _words_by(COUNT_NOUNS, lambda u: u.code)
        rows = [[code, _literal_list(words)] for code, words in grouped.items()]
        return build_table(["unit", "nouns counted"], rows, literal_columns=(0,))

    def table_programme_heads(self) -> nodes.Node:
        from gwr._reading._quantities import PROGRAMME_HEADS

        rows = [[nodes.literal(word, word)] for word in PROGRAMME_HEADS]
        return build_table(["a programme's name ends in"], rows)

    def table_negative_signs(self) -> nodes.Node:
        from gwr._reading._quantities import NEGATIVE_SIGNS

        rows = [[nodes.literal(sign, sign), f"U+{ord(sign):04X}"] for sign in NEGATIVE_SIGNS]
        return build_table(["sign", "code point"], rows)

    def table_magnitudes(self) -> nodes.Node:
        from gwr._reading._quantities import MAGNITUDES

        rows = [[word, f"{value:,}".replace(",", " ")] for word, value in MAGNITUDES.items()]
        return build_table(["written as", "multiplies by"], rows, literal_columns=(0,))

    def table_qualifiers(self) -> nodes.Node:
        from gwr._model._records import Qualifier
        from gwr._reading._quantities import QUALIFIERS

        grouped = _words_by(QUALIFIERS, lambda q: q)
        rows = []
        for qualifier in typing.get_args(Qualifier):
            meaning = QUALIFIER_MEANINGS.get(qualifier)
            if meaning is None:
                logger.warning(
                    "gwr-table: qualifier %r has no meaning in docs/_ext/gwr_docs.py",
                    qualifier,
                    location=self.get_location(),
                )
                meaning = ""
            words = grouped.get(qualifier, [])
            rows.append([qualifier, meaning, _literal_list(words) if words else "(no word)"])
        return build_table(["qualifier", "meaning", "written as"], rows, literal_columns=(0,))

    def table_changes(self) -> nodes.Node:
        from gwr._model._records import Change
        from gwr._reading._quantities import CHANGES

        grouped = _words_by(CHANGES, lambda c: c)
        rows = []
        for change in typing.get_args(Change):
            meaning = CHANGE_MEANINGS.get(change)
            if meaning is None:
                logger.warning(
                    "gwr-table: change %r has no meaning in docs/_ext/gwr_docs.py", change, location=self.get_location()
                )
                meaning = ""
            words = grouped.get(change, [])
            rows.append([change, meaning, _literal_list(words) if words else "(持平, after 与…)"])
        return build_table(["change", "meaning", "written as"], rows, literal_columns=(0,))

    def table_readings(self) -> nodes.Node:
        from gwr._model._records import Reading

        rows = []
        for reading in typing.get_args(Reading):
            meaning = READING_MEANINGS.get(reading)
            if meaning is None:
                logger.warning(
                    "gwr-table: reading %r has no meaning in docs/_ext/gwr_docs.py",
                    reading,
                    location=self.get_location(),
                )
                meaning = ""
            keys = [i.key for i in gwr.indicators() if i.reading == reading]
            rows.append([reading, meaning, _literal_list(keys)])
        return build_table(["reading", "meaning", "indicators read this way"], rows, literal_columns=(0,))

    def table_sources(self) -> nodes.Node:
        rows = []
        for source in gwr.sources():
            if not source.bundled:
                continue  # a cited text: listed by year on the coverage page, with its address
            documents = "; ".join(f"{d.id} ({d.kind}, {d.date})" for d in source.documents)
            rows.append([source.id, source.title, source.publisher, source.date, source.profile, documents])
        return build_table(["id", "title", "publisher", "date", "profile", "documents"], rows, literal_columns=(0, 4))

    def table_profiles(self) -> nodes.Node:
        """The normalization profiles, described by the docstring of ``gwr._reading._normalize``."""
        from gwr._reading import _normalize

        described = {
            m["name"]: " ".join(line.strip() for line in m["body"].splitlines())
            for m in re.finditer(r"^``(?P<name>\w+)``[^\n]*\n(?P<body>(?:    .*\n)+)", _normalize.__doc__ or "", re.M)
        }
        used: dict[str, list[str]] = {}
        cited: dict[str, int] = {}
        for source in gwr.sources():
            if source.bundled:
                used.setdefault(source.profile, []).append(source.id)
            else:
                cited[source.profile] = cited.get(source.profile, 0) + 1
        for profile, count in cited.items():
            used.setdefault(profile, []).append(f"the {count} cited texts")
        rows = []
        for name in _normalize.PROFILES:
            text = described.get(name)
            if text is None:
                logger.warning(
                    "gwr-table: profile %r is not described in the docstring of gwr._reading._normalize",
                    name,
                    location=self.get_location(),
                )
                text = ""

            def constant(match: re.Match[str]) -> str:
                value = getattr(_normalize, match[1].rpartition(".")[2], None)
                return f"`{match[1]}` ({value})" if isinstance(value, int) else f"`{match[1]}`"

            text = re.sub(r":\w+:`~?([^`]+)`", constant, text).replace("``", "`")  # rST -> MyST inline
            parsed, messages = self.state.inline_text(text, self.lineno)
            rows.append([name, ", ".join(used.get(name, [])) or "(none)", [*parsed, *messages]])
        return build_table(["profile", "sources", "the damage it undoes"], rows, literal_columns=(0,))


# --------------------------------------------------------------------------------------------
# Field tables


def _default_text(field: attrs.Attribute) -> str:  # type: ignore[type-arg]
    if field.default is attrs.NOTHING:
        return ""
    return repr(field.default)


def _annotation_text(annotation: Any) -> str:
    if isinstance(annotation, str):
        return annotation
    return inspect.formatannotation(annotation)


def _public_properties(cls: type) -> dict[str, property]:
    return {
        name: value for name, value in vars(cls).items() if isinstance(value, property) and not name.startswith("_")
    }


class GwrFields(SphinxDirective):
    """``{gwr-fields} gwr.Report`` with ``name: description`` lines: every field of a record type."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"no-properties": directives.flag}

    def run(self) -> list[nodes.Node]:
        self.env.__dict__.setdefault("gwr_generated_docs", set()).add(self.env.docname)
        path = self.arguments[0]
        cls = _resolve(path)
        if cls is None or not attrs.has(cls):
            raise self.error(f"gwr-fields: {path} is not an attrs record type")
        descriptions: dict[str, tuple[str, int]] = {}
        current: str | None = None
        for offset, line in enumerate(self.content):
            lineno = self.content_offset + offset + 1
            if line[:1].isspace() and current is not None:
                text, start = descriptions[current]
                descriptions[current] = (text + " " + line.strip(), start)
                continue
            if not line.strip():
                continue
            name, sep, text = line.partition(":")
            if not sep or not name.strip().isidentifier():
                raise self.error(f"gwr-fields {path}: expected 'field: description', got {line!r}")
            current = name.strip()
            descriptions[current] = (text.strip(), lineno)

        rows: list[list[Any]] = []
        names: list[str] = []
        for field in attrs.fields(cls):
            if field.name.startswith("_"):
                continue  # runtime state (where a source's text is), never data: not in the dictionary
            names.append(field.name)
            rows.append(
                [
                    field.name,
                    _annotation_text(field.type),
                    _default_text(field),
                    self._describe(path, field.name, descriptions),
                ]
            )
        if "no-properties" not in self.options:
            for name, prop in _public_properties(cls).items():
                names.append(name)
                returns = inspect.signature(prop.fget).return_annotation if prop.fget else inspect.Signature.empty
                type_text = "" if returns is inspect.Signature.empty else _annotation_text(returns)
                rows.append([name, type_text, "(property)", self._describe(path, name, descriptions)])
        for extra in sorted(set(descriptions) - set(names)):
            logger.warning(
                "gwr-fields %s: describes %r, which is not a field of the class (fields: %s)",
                path,
                extra,
                ", ".join(names),
                location=(self.env.docname, descriptions[extra][1]),
            )
        documented = self.env.__dict__.setdefault("gwr_documented_types", {})
        documented.setdefault(self.env.docname, set()).add(f"{cls.__module__}.{cls.__qualname__}")
        return [build_table(["field", "type", "default", "meaning"], rows, literal_columns=(0, 1, 2))]

    def _describe(self, path: str, name: str, descriptions: dict[str, tuple[str, int]]) -> list[nodes.Node]:
        if name not in descriptions:
            logger.warning("gwr-fields %s: field %r has no description", path, name, location=self.get_location())
            return [nodes.Text("")]
        text, lineno = descriptions[name]
        parsed, messages = self.state.inline_text(text, lineno)
        return [*parsed, *messages]


def _resolve(path: str) -> type | None:
    module_name, _, name = path.rpartition(".")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    obj = getattr(module, name, None)
    return obj if isinstance(obj, type) else None


def _purge(app: Sphinx, env: Any, docname: str) -> None:
    env.__dict__.get("gwr_documented_types", {}).pop(docname, None)
    env.__dict__.get("gwr_generated_docs", set()).discard(docname)


def _merge(app: Sphinx, env: Any, docnames: set[str], other: Any) -> None:
    mine = env.__dict__.setdefault("gwr_documented_types", {})
    for docname, names in other.__dict__.get("gwr_documented_types", {}).items():
        if docname in docnames:
            mine[docname] = names
    generated = env.__dict__.setdefault("gwr_generated_docs", set())
    generated |= other.__dict__.get("gwr_generated_docs", set()) & docnames


def _check_coverage(app: Sphinx, env: Any) -> None:
    """Every public record type must have a ``gwr-fields`` table somewhere."""
    documented = set().union(*env.__dict__.get("gwr_documented_types", {}).values())
    for cls in record_types():
        if f"{cls.__module__}.{cls.__qualname__}" not in documented:
            logger.warning(
                "data dictionary: the public record type %s has no gwr-fields table (add one to docs/data.md)",
                _public_path(cls),
            )


_FIELDS_BLOCK = re.compile(r"^```\{gwr-fields\}\s+(?P<path>\S+)\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)


def _myst_to_rst(text: str) -> str:
    """The inline MyST of a field description as reStructuredText, for autodoc."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)  # [words](link) -> words
    text = re.sub(r"\{([\w:]+)\}`([^`]+)`", r":\1:`\2`", text)  # {py:func}`x` -> :py:func:`x`
    return re.sub(r"(?<![:`])`([^`]+)`(?!`)", r"``\1``", text)  # `x` -> ``x``


def read_field_descriptions(srcdir: Path) -> dict[tuple[type, str], str]:
    """The descriptions written in the pages' ``gwr-fields`` blocks, by (class, field name)."""
    found: dict[tuple[type, str], str] = {}
    for page in sorted(srcdir.glob("*.md")):
        for block in _FIELDS_BLOCK.finditer(page.read_text(encoding="utf-8")):
            cls = _resolve(block["path"])
            if cls is None:
                continue
            name = None
            for line in block["body"].splitlines():
                if line[:1].isspace() and name is not None:
                    found[cls, name] += " " + line.strip()
                elif ":" in line and not line.startswith(":"):
                    name, _, text = line.partition(":")
                    name = name.strip()
                    found[cls, name] = text.strip()
    return found


def _describe_fields(app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    """Give each record field in the reference the description the data dictionary has."""
    if what != "attribute" or lines:
        return
    owner_path, _, field = name.rpartition(".")
    owner = _resolve(owner_path)
    if owner is None:
        return
    descriptions = app.env.__dict__.setdefault("gwr_field_descriptions", None)
    if descriptions is None:
        descriptions = read_field_descriptions(Path(app.srcdir))
        app.env.__dict__["gwr_field_descriptions"] = descriptions
    text = descriptions.get((owner, field))
    if text:
        lines[:] = [_myst_to_rst(text), ""]


def _forget_descriptions(app: Sphinx) -> None:
    app.env.__dict__["gwr_field_descriptions"] = None


def _reread_generated(app: Sphinx, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Pages built from the installed package are read again on every build: the package may
    have changed though no page did (the reference, and the pages with ``gwr-*`` tables)."""
    generated = set(env.__dict__.get("gwr_generated_docs", set())) | {"api"}
    return sorted(generated & set(env.found_docs) - removed)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", write_generated)
    app.connect("builder-inited", _forget_descriptions)
    app.connect("autodoc-process-docstring", _describe_fields)
    app.connect("env-get-outdated", _reread_generated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-check-consistency", _check_coverage)
    app.add_directive("gwr-table", GwrTable)
    app.add_directive("gwr-fields", GwrFields)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


__all__ = ["api_markdown", "record_types", "setup"]
