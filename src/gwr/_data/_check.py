"""``gwr.check()``: prove that the bundled data says what its sources say."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from .._model._errors import GwrError

if TYPE_CHECKING:
    from .._model._records import Document, Quantity, Report, Section, Source, Span
    from ._db import Database


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
    """The outcome of :func:`gwr.check`: what it verified, and what it found wrong there.

    ``ok`` is true when no problem was found in what was verified: the reports it counts as
    ``verified``, their sources and the data files. A cited report whose text is not at hand is
    in ``unverified`` and was not checked: ``ok`` says nothing of it. ``counts`` says how many of
    each thing were checked (``rederived``: the reports whose text was read again).

    >>> import gwr
    >>> result = gwr.check()
    >>> result.ok, result.problems
    (True, ())
    >>> result.verified + len(result.unverified) == len(gwr.reports())
    True
    >>> print(result)
    ok: ... reports verified...; checked ... sources, ...
    """

    problems: tuple[Problem, ...]
    counts: Mapping[str, int]
    unverified: tuple[str, ...] = ()
    """The reports that could not be verified because the text they cite is not at hand (a
    cited report, checked without ``corpus``). They are not counted in ``counts``."""
    corpus: str | None = None
    """The corpus folder the cited reports were verified against, ``None`` where none was given."""

    @property
    def ok(self) -> bool:
        """True when nothing was found wrong in what was verified (not in ``unverified``)."""
        return not self.problems

    @property
    def verified(self) -> int:
        """How many reports were verified (their texts at hand)."""
        return self.counts.get("reports", 0)

    def __str__(self) -> str:
        verified = f"{self.verified} report{'' if self.verified == 1 else 's'} verified"
        if self.unverified:
            why = (
                "no corpus: check(corpus=...) or gwr check --corpus DIR verifies them"
                if self.corpus is None
                else f"their text is not in {self.corpus}"
            )
            verified += f", {len(self.unverified)} cited not verified ({why})"
        checked = ", ".join(f"{n} {what}" for what, n in self.counts.items())
        head = f"ok: {verified}; checked {checked}"
        lines = [head if self.ok else f"{len(self.problems)} problems ({verified}; checked {checked}):"]
        lines.extend(f"  {problem}" for problem in self.problems)
        if self.unverified:
            lines.append(f"not verified: {', '.join(self.unverified)}")
        return "\n".join(lines)


class _Checker:
    def __init__(self, db: Database, corpus: Path | None = None) -> None:
        self.db = db
        self.corpus = corpus
        self.problems: list[Problem] = []
        self.counts = {
            "sources": 0,
            "files": 0,
            "reports": 0,
            "items": 0,
            "spans": 0,
            "quantities": 0,
            "variants": 0,
        }
        self.texts: dict[str, str] = {}
        self.sources: dict[str, Source] = {}  # the source records of the texts at hand
        self.unavailable: set[str] = set()  # cited sources whose text is not at hand
        self.unverified: list[str] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def check_data_files(self) -> None:
        """Read every data file strictly, where the load path is loose (:mod:`gwr._data._converter`).

        The manifest's sources, the registries, each report's file and each variants file: an
        unknown key, a decimal stored as a number or spelt otherwise than the generator writes it,
        a key written twice, any value the loaded records would not write back as it is stored.
        A file that does not load at all is left to the checks that load it (they name it).
        """
        from collections.abc import Callable
        from functools import partial

        from .._model._records import Report, Source
        from . import _variants
        from ._converter import strict_problems

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
        from .._reading._normalize import NORMALIZATION_VERSION, PROFILES

        self.check_data_files()
        try:
            sources = self.db.sources()
            indicators = {i.key for i in self.db.indicators()}
            themes = {t.key for t in self.db.themes()}
            report_ids = self.db.report_ids()
        except GwrError as error:
            self.problem("data", str(error))
            return self.result()
        for source in sources:
            path = f"sources[{source.id}]"
            if not source.bundled:
                self.check_cited_source(path, source)
                continue
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
                self.sources[source.id] = source
            except GwrError as error:
                self.problem(path, str(error))
                continue
            if digest != source.sha256:
                self.problem(path, f"file {source.file} has sha256 {digest}, the manifest says {source.sha256}")
            for document in source.documents:
                if not 0 <= document.start <= document.end <= len(self.texts[source.id]):
                    self.problem(f"{path}.documents[{document.id}]", "range is outside the normalized text")
                self.check_box(f"{path}.documents[{document.id}]", document, source.documents)
        self.check_files()
        for report_id in report_ids:
            try:
                report = self.db.report(report_id)
            except GwrError as error:
                self.problem(f"reports[{report_id}]", str(error))
                continue
            self.check_one(report, indicators, themes)
        return self.result()

    def check_one(self, report: Report, indicators: set[str], themes: set[str], variants: bool = True) -> None:
        """Check one report (and the data's variants of it, where ``variants``), or list it as
        unverified when none of its witnesses is at hand."""
        if report.witnesses and all(w in self.unavailable for w in report.witnesses):
            self.unverified.append(report.id)
            return
        self.counts["reports"] += 1
        self.check_report(report, indicators, themes)
        self.check_meaning(report)
        self.check_english(report)
        if variants:
            self.check_variants(report)

    def check_meaning(self, report: Report) -> None:
        """Read the report's text again and compare what each fact means (:mod:`gwr._data._rederive`)."""
        from ._rederive import invariants, rederive, rule_themes

        try:
            registry = self.db.indicators()
            theme_registry = self.db.themes()
        except GwrError:
            return  # named by the checks that load the registry
        invariants(report, registry, self.problem)
        rule_themes(report, theme_registry, self.problem)
        primary = report.witnesses[0] if report.witnesses else None
        if primary is not None and primary in self.texts and primary in self.sources:
            self.counts["rederived"] = self.counts.get("rederived", 0) + 1
            rederive(report, self.sources[primary], self.texts[primary], registry, self.problem)

    def check_english(self, report: Report) -> None:
        """The official English of a report's facts, where it has any: every target, outcome,
        measure and task title has its record, and where the translation is at hand the rule
        (:mod:`gwr._reading._tmx`) reads it again and gives the same English, absences included."""
        from .._model._records import Measure, Outcome, Target, Task

        items = [
            (path, item) for path, item in report.iter_items() if isinstance(item, (Target, Outcome, Measure, Task))
        ]
        records = [item.english for _, item in items if item.english is not None]
        if not records:
            return
        for path, item in items:
            if item.english is None:
                self.problem(f"{report.id}.{path}", "no English record, where the report's other facts have one")
        translations = {span.source for e in records for span in (e.segment, e.words) if span is not None}
        if len(translations) > 1:
            self.problem(report.id, f"the English points into several translations: {', '.join(sorted(translations))}")
            return
        text = self.texts.get(next(iter(translations))) if translations else None
        if text is None:
            return  # cited, and not at hand (or nothing of it aligned): the spans are all there is
        from .._reading._tmx import read_tmx, with_english_items

        source_id = next(iter(translations))
        self.counts["english"] = self.counts.get("english", 0) + len(items)
        again = dict(with_english_items(report, read_tmx(text), text, source_id).iter_items())
        for path, item in items:
            expected = getattr(again.get(path), "english", None)
            if item.english != expected:
                said = (expected.text or expected.reason) if expected is not None else None
                self.problem(f"{report.id}.{path}.english", f"is not what the rule reads in {source_id}: {said!r}")

    def check_reports(self, reports: tuple[Report, ...]) -> CheckResult:
        """Check the given reports (made by :func:`gwr.read`, or from the data) and their sources."""
        try:
            indicators = {i.key for i in self.db.indicators()}
            themes = {t.key for t in self.db.themes()}
        except GwrError as error:
            self.problem("data", str(error))
            return self.result()
        # a report made by gwr.read owns its sources (their text with them)
        owned = {s.id: s for r in reports for s in r._sources}
        # the reports' witnesses, and the translations their English points into
        english = [
            span.source
            for r in reports
            for _, item in r.iter_items()
            if (e := getattr(item, "english", None)) is not None
            for span in (e.segment, e.words)
            if span is not None
        ]
        for witness in dict.fromkeys([*(w for r in reports for w in r.witnesses), *english]):
            own = owned.get(witness)
            if own is not None:
                self.counts["sources"] += 1
                self.check_source_text(f"sources[{witness}]", own, own.text.encode("utf-8"))
                continue
            try:
                source = next(s for s in self.db.sources() if s.id == witness)
            except (GwrError, StopIteration):
                continue  # reported by check_report as a witness that is not at hand
            if not source.bundled:
                self.check_cited_source(f"sources[{witness}]", source)
                continue
            self.counts["sources"] += 1
            try:
                self.check_source_text(f"sources[{witness}]", source, self.db.source_bytes(witness))
            except GwrError as error:
                self.problem(f"sources[{witness}]", str(error))
        for report in reports:
            self.check_one(report, indicators, themes, variants=self.is_the_datas(report))
        return self.result()

    def is_the_datas(self, report: Report) -> bool:
        """Whether ``report`` is the data's own report of its id (whose variants the data holds)."""
        try:
            return self.db.report_entry(report.id) is not None and self.db.report(report.id) == report
        except GwrError:
            return False

    def check_cited_source(self, path: str, source: Source) -> None:
        """A cited text is verified where the corpus holds it, else its reports are unverified."""
        file = self.corpus / source.file if self.corpus is not None and source.file else None
        if file is None or not file.is_file():
            self.unavailable.add(source.id)
            return
        self.counts["sources"] += 1
        self.check_source_text(path, source, file.read_bytes())

    def check_source_text(self, path: str, source: Source, raw: bytes) -> None:
        """The raw bytes must have the recorded sha256 (and length); their normalized text is kept."""
        import hashlib

        from .._reading._normalize import NORMALIZATION_VERSION, PROFILES, normalize

        digest = hashlib.sha256(raw).hexdigest()
        if digest != source.sha256:
            self.problem(path, f"file {source.file or source.id} has sha256 {digest}, the data says {source.sha256}")
            self.unavailable.add(source.id)
            return
        if source.profile not in PROFILES:
            self.problem(path, f"unknown normalization profile {source.profile!r}")
            return
        if source.profile_version != NORMALIZATION_VERSION:
            self.problem(path, f"normalized with profile version {source.profile_version}, not {NORMALIZATION_VERSION}")
        text = raw.decode("utf-8")
        if source.length is not None and len(text) != source.length:
            self.problem(path, f"text has {len(text)} code points, the data says {source.length}")
        self.texts[source.id] = normalize(text, source.profile).text
        self.sources[source.id] = source

    def check_files(self) -> None:
        """Each shipped data file must have the sha256 the manifest records for it.

        The generator records the digest of every file it writes besides the manifest
        (``indicators.json``, ``themes.json``, each report and variants file), so that an edit
        to an installed copy, even one the records would still load, is caught and named.
        """
        import hashlib

        files = self.db.manifest.get("files")
        if not isinstance(files, dict) or not all(
            isinstance(name, str) and isinstance(digest, str) for name, digest in files.items()
        ):
            self.problem("manifest.json", "records no sha256 of the data files (files: name → sha256)")
            return
        shipped = {"indicators.json", "themes.json"}
        for entry in self.db.report_entries():
            shipped.add(entry["file"])
            if isinstance(entry.get("variants"), str):
                shipped.add(entry["variants"])
        for name in sorted(shipped - set(files)):
            self.problem(f"files[{name}]", f"manifest.json records no sha256 for data file {name}")
        for name, digest in sorted(files.items()):
            self.counts["files"] += 1
            try:
                content = self.db.read_bytes(name)
            except GwrError as error:
                self.problem(f"files[{name}]", str(error))
                continue
            actual = hashlib.sha256(content).hexdigest()
            if actual != digest:
                self.problem(
                    f"files[{name}]",
                    f"data file {name} has sha256 {actual}, the manifest says {digest}: "
                    "it was edited after it was generated",
                )

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

    def check_region(self, report: Report) -> None:
        """A provincial report names a region of the registry, and only a provincial report does."""
        if report.kind != "provincial":
            if report.region is not None:
                self.problem(report.id, f"a {report.kind} report has region {report.region!r}")
            return
        if report.region is None:
            self.problem(report.id, "a provincial report has no region")
            return
        try:
            codes = {r.code for r in self.db.regions()}
        except GwrError as error:
            self.problem(report.id, str(error))
            return
        if report.region not in codes:
            self.problem(report.id, f"region {report.region!r} is not an ISO 3166-2:CN code of the region registry")
        elif report.id != f"provincial-{report.year}-{report.region}":
            self.problem(report.id, f"the id of a provincial report is provincial-{report.year}-{report.region}")

    def check_report(self, report: Report, indicators: set[str], themes: set[str]) -> None:
        from .._model._records import Measure, Outcome, Target, Task, Verdict

        for witness in report.witnesses:
            if witness not in self.texts and witness not in self.unavailable:
                self.problem(report.id, f"witness {witness!r} is not a known source")
        self.check_region(report)
        self.check_outline(
            f"{report.id}.outline", report.outline, nested=report.completeness != "cited", witnesses=report.witnesses
        )
        for item_path, item in report.iter_items():
            path = f"{report.id}.{item_path}"
            self.counts["items"] += 1
            self.check_span(path, item.span)
            self.check_witness_spans(path, item.span, item.witness_spans, report.witnesses)
            english = getattr(item, "english", None)
            if english is not None:
                for part in ("segment", "words"):
                    span = getattr(english, part)
                    if span is not None:
                        self.check_span(f"{path}.english.{part}", span)
                if english.words is not None and english.segment is not None:
                    inside = english.segment.start <= english.words.start <= english.words.end <= english.segment.end
                    if english.words.source != english.segment.source or not inside:
                        self.problem(f"{path}.english.words", "the words lie outside their segment")
                if english.words is None and not english.reason:
                    self.problem(f"{path}.english", "no English words and no reason why")
            if isinstance(item, (Target, Outcome)):
                if item.key is None and isinstance(item, Outcome):
                    self.problem(path, "an outcome needs an indicator key")
                elif item.key is not None and item.key not in indicators:
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
            elif isinstance(item, Verdict):
                if item.text != item.span.exact:
                    self.problem(path, f"text {item.text!r} is not its quote {item.span.exact!r}")
                for key in item.keys:
                    if key not in indicators:
                        self.problem(path, f"indicator key {key!r} is not in the registry")
                if item.year != report.year - 1:
                    self.problem(path, f"year {item.year}: the review of {report.id} judges {report.year - 1}")
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

    def check_witness_spans(
        self, path: str, span: Span, witness_spans: tuple[Span, ...], witnesses: tuple[str, ...]
    ) -> None:
        """Each witness span reads what the item's own span reads, in another witness of the report."""
        for k, other in enumerate(witness_spans):
            other_path = f"{path}.witness_spans[{k}]"
            self.check_span(other_path, other)
            if other.source == span.source or other.source not in witnesses:
                self.problem(other_path, f"source {other.source!r} is not another witness of the report")
            elif other.exact != span.exact:
                self.problem(other_path, f"reads {other.exact!r}, the item reads {span.exact!r}")

    def check_outline(
        self, path: str, sections: tuple[Section, ...], nested: bool = True, witnesses: tuple[str, ...] = ()
    ) -> None:
        """Spans and titles of every section; a child lies inside its parent where ``nested``
        (a cited report's sections span their headings only)."""
        for i, section in enumerate(sections):
            section_path = f"{path}[{i}]"
            self.check_span(section_path, section.span)
            if section.heading is not None:
                self.check_span(f"{section_path}.heading", section.heading)
            self.check_witness_spans(section_path, section.span, section.witness_spans, witnesses)
            if section.title is not None and not _title_in(section.title, section.span.exact):
                self.problem(section_path, f"title {section.title!r} is not in its quote")
            for child in section.children if nested else ():
                if child.span.source != section.span.source:
                    continue  # a passage that only another witness has
                if not section.span.start <= child.span.start <= child.span.end <= section.span.end:
                    self.problem(section_path, "a child section lies outside its parent")
                    break
            self.check_outline(f"{section_path}.children", section.children, nested, witnesses)

    def check_span(self, path: str, span: object) -> None:
        from .._model._provenance import span_problems
        from .._model._records import Span

        assert isinstance(span, Span)
        self.counts["spans"] += 1
        text = self.texts.get(span.source)
        if text is None:
            if span.source not in self.unavailable:
                self.problem(path, f"span points into source {span.source!r}, which is not known")
            return
        for message in span_problems(span, text):
            self.problem(path, message)

    def check_quantities(
        self, path: str, text: str, quantities: tuple[Quantity, ...], indicators: set[str], exhaustive: bool
    ) -> None:
        """Each stored quantity must be what the parser reads at its place in the item's text."""
        from .._reading._quantities import parse_quantities

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
            # the key and the meaning are the keying rule's (checked where the report is read again)
            meaning = {f: getattr(quantity, f) for f in ("indicator", "measure", "period", "scope")}
            if attrs.evolve(found, **meaning) != quantity:
                self.problem(qpath, f"stored {_describe(quantity)} but {quantity.text!r} reads {_describe(found)}")
        if exhaustive and len(quantities) != len(parsed):
            self.problem(path, f"holds {len(quantities)} quantities, its text has {len(parsed)}")

    def result(self) -> CheckResult:
        corpus = None if self.corpus is None else str(self.corpus)
        return CheckResult(tuple(self.problems), MappingProxyType(dict(self.counts)), tuple(self.unverified), corpus)


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


CORPUS_ENV = "GWR_CORPUS"
"""The environment variable naming the corpus folder that :func:`check` verifies cited reports against."""


def check(
    data: str | os.PathLike[str] | Report | Iterable[Report] | None = None,
    *,
    corpus: str | os.PathLike[str] | None = None,
) -> CheckResult:
    """Verify data against its sources: the bundled data, a copy of it, or reports you hold.

    Checks each source's sha256 and normalization profile version; the sha256 of every other
    shipped data file (``indicators.json``, ``themes.json``, each report and variants file)
    against the one the manifest records, naming the file that differs; each item's quote, prefix
    and suffix against the normalized source at its offsets; each quantity against what the
    parser reads at its place in its item's text (value, unit, qualifier, change); and every
    indicator key and theme against its registry.

    A *cited* report (``completeness="cited"``) points into a text the package does not bundle:
    it is verified where ``corpus`` (or the folder named by the ``GWR_CORPUS`` environment
    variable) holds its text, at the path its source records (``national/1999.txt``), with the
    recorded sha256. A cited report whose text is not at hand is listed in
    :attr:`CheckResult.unverified`, never counted as verified.

    Args:
        data: ``None`` for the installed package's data; a data folder to check instead (a copy,
            say); or a :class:`Report` or several (from :func:`gwr.read`, or from the data).
        corpus: the folder holding the cited texts (the one with ``corpus.json``).

    Returns:
        A :class:`CheckResult`; ``ok`` is true when nothing was found wrong. A data file that
        is missing, unreadable or malformed is a problem naming the file, not an exception.

    Raises:
        InvalidTypeError: ``data`` is none of these; ``corpus`` is not a str or :class:`os.PathLike`.
        InvalidArgumentError: a folder is empty or is not a folder.

    >>> import gwr
    >>> gwr.check().ok
    True
    """
    from .._model._records import Report
    from ._db import Database, _package_root, default

    corpus_dir = _corpus_folder(corpus)
    if data is None:
        return _Checker(Database(_package_root()), corpus_dir).run()
    if isinstance(data, (str, os.PathLike)):
        return _Checker(Database(_data_folder(data)), corpus_dir).run()
    if isinstance(data, Report):
        return _Checker(default(), corpus_dir).check_reports((data,))
    if isinstance(data, Iterable):
        reports = tuple(data)
        if all(isinstance(r, Report) for r in reports):
            return _Checker(default(), corpus_dir).check_reports(reports)
    from .._model._errors import InvalidTypeError

    raise InvalidTypeError(
        f"check takes a data folder (str or os.PathLike), a Report or several, not {type(data).__name__}"
    )


def _corpus_folder(corpus: object) -> Path | None:
    """The corpus folder: ``corpus``, else ``$GWR_CORPUS``, else none.

    Raises:
        InvalidArgumentError: the folder named is no corpus (it holds no ``corpus.json``).
    """
    from .._model._errors import InvalidArgumentError

    if corpus is None:
        named = os.environ.get(CORPUS_ENV)
        if not named:
            return None
        folder, how = Path(named), f"the folder {CORPUS_ENV} names"
    else:
        folder, how = _data_folder(corpus, "corpus folder"), "corpus"
    if not (folder / "corpus.json").is_file():
        raise InvalidArgumentError(
            f"{how}, {folder}, is not a corpus: it holds no corpus.json (the corpus is the folder with "
            "corpus.json, national/, provincial/...)"
        )
    return folder


def _data_folder(path: object, what: str = "gwr data folder") -> Path:
    """``path`` as a folder to check: a TypeError if it is no path, a ValueError if no folder."""
    from .._model._errors import InvalidArgumentError, InvalidTypeError

    if not isinstance(path, (str, os.PathLike)):
        raise InvalidTypeError(f"path is a folder (str or os.PathLike), not {type(path).__name__}")
    try:
        root = Path(path)
    except TypeError:
        raise InvalidTypeError(f"path is a folder (str or os.PathLike of str), not {path!r}") from None
    shown = str(root) if len(str(root)) <= 80 else f"{str(root)[:60]}... ({len(str(root))} characters)"
    if isinstance(path, str) and not path.strip():
        raise InvalidArgumentError(f"path is empty: name a {what}, or pass None for the bundled data")
    try:
        is_dir = root.is_dir()
    except OSError as error:
        raise InvalidArgumentError(f"{shown} is not a {what} ({error.strerror or error})") from None
    if not is_dir:
        raise InvalidArgumentError(f"{shown} is not a {what} (no such directory)")
    return root
