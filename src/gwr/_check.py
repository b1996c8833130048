"""``gwr.check()``: prove that the bundled data says what its sources say."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from ._errors import GwrError

if TYPE_CHECKING:
    from ._db import Database
    from ._model import Document, Quantity, Report, Section


@attrs.frozen
class Problem:
    """One thing :func:`gwr.check` found wrong: where (``path``) and what (``message``).

    >>> from gwr import Problem
    >>> print(Problem("gwr-2025.targets[0]", "text is not its quote"))
    gwr-2025.targets[0]: text is not its quote
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@attrs.frozen
class CheckResult:
    """The outcome of :func:`gwr.check`: ``ok`` when ``problems`` is empty; ``counts`` says what was checked.

    >>> import gwr
    >>> result = gwr.check()
    >>> result.ok, result.problems
    (True, ())
    >>> print(result)
    ok: checked 5 sources, ...
    """

    problems: tuple[Problem, ...]
    counts: Mapping[str, int]

    @property
    def ok(self) -> bool:
        """True when nothing was found wrong."""
        return not self.problems

    def __str__(self) -> str:
        checked = ", ".join(f"{n} {what}" for what, n in self.counts.items())
        if self.ok:
            return f"ok: checked {checked}"
        lines = [f"{len(self.problems)} problems (checked {checked}):"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)


class _Checker:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.problems: list[Problem] = []
        self.counts = {"sources": 0, "reports": 0, "items": 0, "spans": 0, "quantities": 0, "variants": 0}

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def check_data_files(self) -> None:
        """Read every data file strictly, where the load path is loose (:mod:`gwr._converter`).

        The manifest's sources, the registries, each report's file and each variants file: an
        unknown key, a decimal stored as a number or spelt otherwise than the generator writes it,
        a key written twice, any value the loaded records would not write back as it is stored.
        A file that does not load at all is left to the checks that load it (they name it).
        """
        from collections.abc import Callable
        from functools import partial

        from . import _variants
        from ._converter import strict_problems
        from ._model import Report, Source

        def strictly(name: str, owner: str, tp: object, load: Callable[[], object], at: str = "") -> None:
            try:
                loaded = load()
                data = self.db.read_bytes(name)
            except GwrError:
                return
            for path, message in strict_problems(data, tp, loaded, at):
                if owner and path:
                    path = owner + path if path.startswith("[") else f"{owner}.{path}"
                self.problem(path or owner or name, f"{message} (in {name})")

        strictly("manifest.json", "", tuple[Source, ...], self.db.sources, at="sources")
        for name in self.db.registry_files():  # indicators.json, loaded by db.indicators()...
            stem = name.removesuffix(".json")
            load = getattr(self.db, stem, None)
            try:
                loaded = load() if callable(load) else None
            except GwrError:
                continue
            if callable(load) and isinstance(loaded, tuple) and loaded:
                strictly(name, stem, tuple[type(loaded[0]), ...], load)  # type: ignore[misc]
        try:
            entries = self.db.report_entries()
        except GwrError:
            return
        for entry in entries:
            report_id = entry["id"]
            strictly(entry["file"], report_id, Report, partial(self.db.report, report_id))
            if isinstance(entry.get("variants"), str):
                load = partial(_variants.load, self.db, report_id)
                strictly(entry["variants"], f"{report_id}.variants", tuple[_variants.Variant, ...], load)

    def run(self) -> CheckResult:
        from ._normalize import NORMALIZATION_VERSION, PROFILES

        self.check_data_files()
        try:
            sources = self.db.sources()
            indicators = {i.key for i in self.db.indicators()}
            themes = {t.key for t in self.db.themes()}
            report_ids = self.db.report_ids()
        except GwrError as error:
            self.problem("data", str(error))
            return self.result()
        self.texts: dict[str, str] = {}
        for source in sources:
            path = f"sources[{source.id}]"
            self.counts["sources"] += 1
            if source.profile not in PROFILES:
                self.problem(path, f"unknown normalization profile {source.profile!r}")
                continue
            if source.profile_version != NORMALIZATION_VERSION:
                self.problem(
                    path, f"normalized with profile version {source.profile_version}, not {NORMALIZATION_VERSION}"
                )
            try:
                digest = self.db.sha256(source.id)
                self.texts[source.id] = self.db.normalized(source.id).text
            except GwrError as error:
                self.problem(path, str(error))
                continue
            if digest != source.sha256:
                self.problem(path, f"file {source.file} has sha256 {digest}, the manifest says {source.sha256}")
            for document in source.documents:
                if not 0 <= document.start <= document.end <= len(self.texts[source.id]):
                    self.problem(f"{path}.documents[{document.id}]", "range is outside the normalized text")
                self.check_box(f"{path}.documents[{document.id}]", document, source.documents)
        for report_id in report_ids:
            try:
                report = self.db.report(report_id)
            except GwrError as error:
                self.problem(f"reports[{report_id}]", str(error))
                continue
            self.counts["reports"] += 1
            self.check_report(report, indicators, themes)
            self.check_variants(report)
        return self.result()

    def check_variants(self, report: Report) -> None:
        """Each variant's spans must be its witnesses' text; its readings must differ."""
        from . import _variants

        try:
            variants = _variants.load(self.db, report.id)
        except GwrError as error:
            self.problem(f"{report.id}.variants", str(error))
            return
        for i, variant in enumerate(variants):
            path = f"{report.id}.variants[{i}]"
            self.counts["variants"] += 1
            if variant.report != report.id:
                self.problem(path, f"belongs to report {variant.report!r}")
            sources = [span.source for span in variant.spans]
            if len(sources) < 2 or len(set(sources)) != len(sources):
                self.problem(path, f"needs two or more different witnesses, not {sources}")
            for span in variant.spans:
                self.check_span(f"{path}.spans[{span.source}]", span)
                if span.source not in report.witnesses:
                    self.problem(path, f"source {span.source!r} is not a witness of {report.id}")
            readings = [span.exact for span in variant.spans]
            if len(set(readings)) < 2 and variant.kind != "transposition":
                self.problem(path, "its witnesses read the same")
            if (variant.kind == "omission") != ("" in readings):
                self.problem(path, f"a {variant.kind} variant has an empty reading if and only if it is an omission")

    def check_report(self, report: Report, indicators: set[str], themes: set[str]) -> None:
        from ._model import Measure, Outcome, Target, Task

        for witness in report.witnesses:
            if witness not in self.texts:
                self.problem(report.id, f"witness {witness!r} is not a bundled source")
        self.check_outline(f"{report.id}.outline", report.outline)
        for item_path, item in report.iter_items():
            path = f"{report.id}.{item_path}"
            self.counts["items"] += 1
            self.check_span(path, item.span)
            if isinstance(item, (Target, Outcome)):
                if item.key not in indicators:
                    self.problem(path, f"indicator key {item.key!r} is not in the registry")
                if item.text != item.span.exact:
                    self.problem(path, f"text {item.text!r} is not its quote {item.span.exact!r}")
                quantities = (item.quantity,) if item.quantity is not None else ()
                self.check_quantities(path, item.text, quantities, indicators, exhaustive=False)
                qualifier = item.quantity.qualifier if item.quantity is not None else None
                if item.qualifier != qualifier:
                    self.problem(path, f"qualifier {item.qualifier!r} is not its quantity's {qualifier!r}")
                if isinstance(item, Target) and item.rationale_span is not None:
                    self.check_span(f"{path}.rationale", item.rationale_span)
                    if item.rationale != item.rationale_span.exact:
                        self.problem(f"{path}.rationale", "rationale is not its quote")
            elif isinstance(item, Measure):
                if item.text != item.span.exact:
                    self.problem(path, f"text {item.text!r} is not its quote {item.span.exact!r}")
                self.check_quantities(path, item.text, item.quantities, indicators, exhaustive=True)
            elif isinstance(item, Task):
                for theme in (item.theme, item.secondary_theme):
                    if theme is not None and theme not in themes:
                        self.problem(path, f"theme {theme!r} is not in the registry")
                if not _title_in(item.title, item.span.exact):
                    self.problem(path, f"title {item.title!r} is not in its quote")

    def check_box(self, path: str, document: Document, documents: tuple[Document, ...]) -> None:
        """A box that repeats a document of its source lies inside the document before it."""
        if document.repeats is None:
            return
        if document.repeats == document.id or all(d.id != document.repeats for d in documents):
            self.problem(path, f"repeats {document.repeats!r}, which is no other document of the source")
        before = [d for d in documents[: documents.index(document)] if d.repeats is None]
        if not before or not before[-1].start <= document.start <= document.end <= before[-1].end:
            self.problem(path, "a box does not lie inside the document before it")

    def check_outline(self, path: str, sections: tuple[Section, ...]) -> None:
        for i, section in enumerate(sections):
            section_path = f"{path}[{i}]"
            self.check_span(section_path, section.span)
            if section.heading is not None:
                self.check_span(f"{section_path}.heading", section.heading)
            if section.title is not None and not _title_in(section.title, section.span.exact):
                self.problem(section_path, f"title {section.title!r} is not in its quote")
            for child in section.children:
                if child.span.source != section.span.source:
                    continue  # a passage that only another witness has
                if not section.span.start <= child.span.start <= child.span.end <= section.span.end:
                    self.problem(section_path, "a child section lies outside its parent")
                    break
            self.check_outline(f"{section_path}.children", section.children)

    def check_span(self, path: str, span: object) -> None:
        from ._model import Span
        from ._provenance import span_problems

        assert isinstance(span, Span)
        self.counts["spans"] += 1
        text = self.texts.get(span.source)
        if text is None:
            self.problem(path, f"span points into source {span.source!r}, which is not bundled")
            return
        for message in span_problems(span, text):
            self.problem(path, message)

    def check_quantities(
        self, path: str, text: str, quantities: tuple[Quantity, ...], indicators: set[str], exhaustive: bool
    ) -> None:
        """Each stored quantity must be what the parser reads at its place in the item's text."""
        from ._quantities import parse_quantities

        parsed = {(q.start, q.end): q for q in parse_quantities(text)}
        for i, quantity in enumerate(quantities):
            self.counts["quantities"] += 1
            qpath = f"{path}.quantities[{i}]" if exhaustive else f"{path}.quantity"
            if text[quantity.start : quantity.end] != quantity.text:
                self.problem(
                    qpath, f"text {quantity.text!r} is not at [{quantity.start}, {quantity.end}) of the item's text"
                )
                continue
            found = parsed.get((quantity.start, quantity.end))
            if found is None:
                self.problem(qpath, f"the parser finds no quantity {quantity.text!r} in the item's text")
                continue
            if quantity.indicator is not None and quantity.indicator not in indicators:
                self.problem(qpath, f"indicator key {quantity.indicator!r} is not in the registry")
            if attrs.evolve(found, indicator=quantity.indicator) != quantity:
                self.problem(qpath, f"stored {_describe(quantity)} but {quantity.text!r} reads {_describe(found)}")
        if exhaustive and len(quantities) != len(parsed):
            self.problem(path, f"holds {len(quantities)} quantities, its text has {len(parsed)}")

    def result(self) -> CheckResult:
        return CheckResult(tuple(self.problems), MappingProxyType(dict(self.counts)))


def _title_in(title: str, quote: str) -> bool:
    """Whether ``title`` is in ``quote``, where a heading set on two lines (an infographic's
    task heading) reads with the comma of the title at its line break."""
    return title in quote or title in quote.replace("\n", "，")


def _describe(quantity: Quantity) -> str:
    parts = [f"value {quantity.value}", f"unit {quantity.unit}", f"qualifier {quantity.qualifier}"]
    if quantity.upper is not None:
        parts.append(f"upper {quantity.upper}")
    if quantity.change is not None:
        parts.append(f"change {quantity.change}")
    if quantity.relative_to is not None:
        parts.append(f"relative to {quantity.relative_to}")
    return ", ".join(parts)


def check(path: str | os.PathLike[str] | None = None) -> CheckResult:
    """Verify the bundled data against the bundled sources.

    Checks each source's sha256 and normalization profile version; each item's quote, prefix
    and suffix against the normalized source at its offsets; each quantity against what the
    parser reads at its place in its item's text (value, unit, qualifier, change); and every
    indicator key and theme against its registry.

    Args:
        path: a data folder to check instead of the installed package's (a copy, say).

    Returns:
        A :class:`CheckResult`; ``ok`` is true when nothing was found wrong. A data file that
        is missing, unreadable or malformed is a problem naming the file, not an exception.

    Raises:
        InvalidTypeError: ``path`` is not a str or :class:`os.PathLike`.
        InvalidArgumentError: ``path`` is empty or is not a folder.

    >>> import gwr
    >>> gwr.check().ok
    True
    """
    from ._db import Database, _package_root

    if path is None:
        return _Checker(Database(_package_root())).run()
    return _Checker(Database(_data_folder(path))).run()


def _data_folder(path: object) -> Path:
    """``path`` as a folder to check: a TypeError if it is no path, a ValueError if no folder."""
    from ._errors import InvalidArgumentError, InvalidTypeError

    if not isinstance(path, (str, os.PathLike)):
        raise InvalidTypeError(f"path is a folder (str or os.PathLike), not {type(path).__name__}")
    try:
        root = Path(path)
    except TypeError:
        raise InvalidTypeError(f"path is a folder (str or os.PathLike of str), not {path!r}") from None
    shown = str(root) if len(str(root)) <= 80 else f"{str(root)[:60]}... ({len(str(root))} characters)"
    if isinstance(path, str) and not path.strip():
        raise InvalidArgumentError("path is empty: name a gwr data folder, or pass None for the bundled data")
    try:
        is_dir = root.is_dir()
    except OSError as error:
        raise InvalidArgumentError(f"{shown} is not a gwr data folder ({error.strerror or error})") from None
    if not is_dir:
        raise InvalidArgumentError(f"{shown} is not a gwr data folder (no such directory)")
    return root
