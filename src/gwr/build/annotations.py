"""The annotation files: what no parser can know, anchored by quote, never by offset.

Each file is TOML, read into the attrs classes below with a strict converter, so that a
misspelt key fails loudly with the file's name.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, Literal, TypeVar

import attrs
import cattrs

T = TypeVar("T")


@attrs.frozen
class DocumentNote:
    """A document of a source, from the quote it starts with to the next document's start.

    A box set inside another document (a key-points box, an infographic) names the document it
    ``repeats`` and ends where ``ends_before`` starts; the document around it runs on past it.
    """

    id: str
    title: str
    kind: str
    date: str
    starts_with: str
    repeats: str | None = None
    ends_before: str | None = None


@attrs.frozen
class SourceNote:
    id: str
    file: str
    title: str
    publisher: str
    date: str
    profile: str
    description: str
    documents: tuple[DocumentNote, ...]


@attrs.frozen
class SourcesFile:
    sources: tuple[SourceNote, ...]


@attrs.frozen
class IndicatorNote:
    key: str
    name_zh: str
    name_en: str
    reading: Literal["floor", "ceiling", "level", "qualitative"]
    description: str
    unit: str | None = None
    names: tuple[str, ...] = ()
    measure: Literal["level", "per_capita", "growth", "share", "points", "increment"] = "level"
    bounds: tuple[str, ...] | None = None


@attrs.frozen
class IndicatorsFile:
    indicators: tuple[IndicatorNote, ...]


@attrs.frozen
class ThemeNote:
    key: str
    name_zh: str
    name_en: str
    words: tuple[str, ...] = ()


@attrs.frozen
class ThemesFile:
    themes: tuple[ThemeNote, ...]


@attrs.frozen
class RegionNote:
    code: str
    name_zh: str
    short_zh: str
    name_en: str
    slug: str
    level: Literal["province", "autonomous_region", "municipality"]
    aliases: tuple[str, ...] = ()


@attrs.frozen
class RegionsFile:
    regions: tuple[RegionNote, ...]


@attrs.frozen
class TargetNote:
    """One main target: its indicator key and the quote that states it."""

    key: str
    quote: str
    rationale_from: str | None = None


@attrs.frozen
class TargetsNote:
    """Where a report's targets are: the passage from ``from_`` up to ``to`` in ``document``."""

    document: str
    from_: str
    to: str
    items: tuple[TargetNote, ...]


@attrs.frozen
class MergeNote:
    """A second witness of part of a full text: ``document`` from ``from_`` up to ``to`` (or its
    end) reads the same passage as the primary document from ``primary_from`` to its end."""

    document: str
    from_: str
    primary_from: str
    to: str | None = None


@attrs.frozen
class FullTextNote:
    """How to read a full text: its document, which part holds the tasks, and what no rule knows."""

    document: str
    task_part: int | None = None
    part_paragraphs: tuple[str, ...] = ()
    merge: tuple[MergeNote, ...] = ()


@attrs.frozen
class OutcomeNote:
    """A result the report states for an earlier year (``year``; default: the year before)."""

    key: str
    quote: str
    prefix: str | None = None
    year: int | None = None


@attrs.frozen
class QuantityKeyNote:
    """The indicator that the quantities inside ``quote`` state."""

    key: str
    quote: str
    prefix: str | None = None


@attrs.frozen
class SubtaskThemeNote:
    """The theme of sub-task ``number`` of a task, given only where it is not the task's own (a
    theme folded into another task: 维护国家安全和社会稳定 under 民生 holds ``security``)."""

    number: int
    theme: str
    secondary_theme: str | None = None


@attrs.frozen
class TaskThemeNote:
    """The theme (and secondary theme) of task ``number``, and those of its sub-tasks that differ."""

    number: int
    theme: str
    secondary_theme: str | None = None
    subtasks: tuple[SubtaskThemeNote, ...] = ()


@attrs.frozen
class CitedNote:
    """What no rule knows about a cited corpus text (``annotations/cited/<report id>.toml``).

    ``title`` replaces the corpus title where the text is not what the corpus calls it;
    ``description`` says what the text is when it is not a premier's work report.
    """

    title: str | None = None
    description: str = ""
    publisher: str | None = None
    tasks: tuple[TaskThemeNote, ...] = ()


@attrs.frozen
class ReportNote:
    id: str
    kind: Literal["gwr", "plan"]
    year: int
    title: str
    date: str
    meeting: str
    speaker: str
    completeness: Literal["full", "summary"]
    witnesses: tuple[str, ...]
    header: tuple[str, ...]
    document: str
    targets: TargetsNote | None = None
    fulltext: FullTextNote | None = None
    outcomes: tuple[OutcomeNote, ...] = ()
    quantity_keys: tuple[QuantityKeyNote, ...] = ()
    tasks: tuple[TaskThemeNote, ...] = ()


def _converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    override = cattrs.gen.make_dict_structure_fn(
        TargetsNote, converter, from_=cattrs.gen.override(rename="from"), _cattrs_forbid_extra_keys=True
    )
    converter.register_structure_hook(TargetsNote, override)
    converter.register_structure_hook(
        MergeNote,
        cattrs.gen.make_dict_structure_fn(
            MergeNote, converter, from_=cattrs.gen.override(rename="from"), _cattrs_forbid_extra_keys=True
        ),
    )
    return converter


_CONVERTER = _converter()


class AnnotationError(Exception):
    """An annotation file is malformed, or one of its quotes cannot be anchored."""


def find_quote(text: str, quote: str, start: int, end: int, what: str, prefix: str | None = None) -> int:
    """The offset of the one occurrence of ``quote`` in ``text[start:end]``.

    Annotations anchor by quote, never by offset; where a quote repeats, ``prefix`` (the text
    just before it) picks one. Anything but exactly one occurrence is an :class:`AnnotationError`
    naming ``what``.
    """
    hits = [start + m.start() for m in re.finditer(re.escape(quote), text[start:end])]
    if prefix:
        hits = [h for h in hits if text[:h].endswith(prefix)]
    if len(hits) != 1:
        found = "not found" if not hits else f"found {len(hits)} times (give a prefix)"
        raise AnnotationError(f"{what}: quote {quote!r} {found} in [{start}, {end})")
    return hits[0]


def load(path: Path, cls: type[T]) -> T:
    """Read the TOML file ``path`` into ``cls``, failing with the file's name."""
    try:
        data: Any = tomllib.loads(path.read_text(encoding="utf-8"))
        return _CONVERTER.structure(data, cls)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise AnnotationError(f"{path}: {error}") from None
    except Exception as error:
        messages = (
            "; ".join(cattrs.transform_error(error)) if isinstance(error, cattrs.BaseValidationError) else str(error)
        )
        raise AnnotationError(f"{path}: {messages}") from None
