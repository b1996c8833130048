"""Generate the bundled JSON from the sources and the annotation files, deterministically."""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from .._data._converter import converter
from .._data._variants import Variant
from .._model._provenance import span_at
from .._model._records import Document, Indicator, Region, Report, Source, Target, Theme, Verdict
from .._reading._normalize import NORMALIZATION_VERSION, normalize
from .._reading._outline import Content
from .._reading._quantities import parse_quantities
from .._reading._themes import annotated
from .annotations import (
    AnnotationError,
    IndicatorsFile,
    RegionsFile,
    ReportNote,
    SourceNote,
    SourcesFile,
    TargetNote,
    TargetsNote,
    ThemesFile,
    find_quote,
    load,
)
from .cited import CORPUS_ENV, build_cited, corpus_folder, seed_witnesses, with_corpus_witness
from .variants import build_variants

FORMAT_VERSION = 1
DATA = Path("src/gwr/data")
ANNOTATIONS = Path("annotations")
_CLAUSE_BREAK = re.compile(r"[；，。：\n]+")
_REGION_CODE = re.compile(r"CN-[A-Z]{2}")


class Corpus:
    """The normalized texts of the bundled sources, with their documents."""

    def __init__(self, sources: tuple[Source, ...], texts: dict[str, str]) -> None:
        self.sources = sources
        self.texts = texts

    def document(self, document_id: str) -> tuple[str, Document]:
        """The source id and the document ``document_id``."""
        for source in self.sources:
            for document in source.documents:
                if document.id == document_id:
                    return source.id, document
        known = [d.id for s in self.sources for d in s.documents]
        raise AnnotationError(f"no document {document_id!r}; documents are {known}")

    def find_one(self, source_id: str, quote: str, start: int, end: int, what: str) -> int:
        """The offset of the one occurrence of ``quote`` in ``[start, end)`` of ``source_id``."""
        return find_quote(self.texts[source_id], quote, start, end, f"{what} (source {source_id})")


def build_sources(root: Path) -> tuple[tuple[Source, ...], dict[str, str]]:
    """Read every source named in annotations/sources.toml; locate its documents."""
    notes = load(root / ANNOTATIONS / "sources.toml", SourcesFile)
    sources: list[Source] = []
    texts: dict[str, str] = {}
    for note in notes.sources:
        raw = (root / DATA / "sources" / note.file).read_bytes()
        text = normalize(raw.decode("utf-8"), note.profile).text
        starts: list[int] = []
        for doc in note.documents:
            hits = [m.start() for m in re.finditer(re.escape(doc.starts_with), text)]
            if len(hits) != 1:
                raise AnnotationError(
                    f"sources.toml: document {doc.id} start {doc.starts_with!r} occurs {len(hits)} times"
                )
            starts.append(hits[0])
        if starts != sorted(starts):
            raise AnnotationError(f"sources.toml: the documents of source {note.id} are not in the order of the text")
        ends = _document_ends(note, text, starts)
        documents = tuple(
            Document(id=d.id, title=d.title, kind=d.kind, date=d.date, start=s, end=e, repeats=d.repeats)
            for d, s, e in zip(note.documents, starts, ends, strict=True)
        )
        sources.append(
            Source(
                id=note.id,
                file=note.file,
                title=note.title,
                publisher=note.publisher,
                date=note.date,
                sha256=hashlib.sha256(raw).hexdigest(),
                profile=note.profile,
                profile_version=NORMALIZATION_VERSION,
                description=note.description,
                documents=documents,
            )
        )
        texts[note.id] = text
    return tuple(sources), texts


def _document_ends(note: SourceNote, text: str, starts: list[int]) -> list[int]:
    """Where each document of ``note`` ends: at the start of the next document that is not a box
    (or at the end of the text); a box (a document that ``repeats`` another) ends where its
    ``ends_before`` quote starts, inside the document around it."""
    ends = []
    ids = [d.id for d in note.documents]
    for index, (doc, start) in enumerate(zip(note.documents, starts, strict=True)):
        if doc.repeats is None:
            later = [s for d, s in zip(note.documents[index + 1 :], starts[index + 1 :], strict=True) if not d.repeats]
            ends.append(later[0] if later else len(text))
            continue
        where = f"sources.toml: box {doc.id}"
        if doc.repeats not in ids or doc.repeats == doc.id:
            raise AnnotationError(f"{where} repeats {doc.repeats!r}, which is no other document of source {note.id}")
        if doc.ends_before is None:
            raise AnnotationError(f"{where} needs ends_before: the quote that follows it")
        end = text.find(doc.ends_before, start)
        if end < 0:
            raise AnnotationError(f"{where}: ends_before {doc.ends_before!r} not found after its start")
        ends.append(end)
    for index, doc in enumerate(note.documents):
        if doc.repeats is not None:
            around = [i for i in range(index) if note.documents[i].repeats is None]
            if not around or ends[index] > ends[around[-1]]:
                raise AnnotationError(f"sources.toml: box {doc.id} does not lie inside the document before it")
        elif doc.ends_before is not None:
            raise AnnotationError(f"sources.toml: document {doc.id} has ends_before, which only a box may have")
    return ends


def build_targets(
    passage: TargetsNote, note: ReportNote, corpus: Corpus, path: Path, indicators: tuple[Indicator, ...] = ()
) -> tuple[Target, ...]:
    """Anchor each annotated target in the report's target passage; all of it must be claimed."""
    source_id, document = corpus.document(passage.document)
    text = corpus.texts[source_id]
    start = corpus.find_one(source_id, passage.from_, document.start, document.end, f"{path} targets.from")
    body_start = start + len(passage.from_)
    end = text.find(passage.to, body_start, document.end)
    if end < 0:
        raise AnnotationError(f"{path}: targets.to {passage.to!r} not found after targets.from")
    targets = [_target(note, item, corpus, source_id, body_start, end, path, indicators) for item in passage.items]
    _require_claimed(text, body_start, end, targets, path)
    return tuple(targets)


def _target(
    note: ReportNote,
    item: TargetNote,
    corpus: Corpus,
    source_id: str,
    start: int,
    end: int,
    path: Path,
    indicators: tuple[Indicator, ...],
) -> Target:
    text = corpus.texts[source_id]
    at = corpus.find_one(source_id, item.quote, start, end, f"{path} target {item.key}")
    span = span_at(source_id, text, at, at + len(item.quote))
    quantities = parse_quantities(item.quote)
    if len(quantities) > 1:
        raise AnnotationError(f"{path}: target {item.key} quote {item.quote!r} states {len(quantities)} quantities")
    quantity = quantities[0] if quantities else None
    if quantity is not None:
        quantity = attrs.evolve(quantity, indicator=item.key)
        if indicators:  # the key is the annotation's; what the figure means, the rule's
            from .._reading._targets import meaning_in

            quantity = meaning_in(item.quote, quantity, item.key, indicators, year=note.year)
    rationale = rationale_span = None
    if item.rationale_from is not None:
        line_end = text.find("\n", span.end)
        line_end = len(text) if line_end < 0 else line_end
        begin = corpus.find_one(
            source_id, item.rationale_from, span.end, line_end, f"{path} target {item.key} rationale"
        )
        further = text.find("。关于", begin, line_end)
        finish = further + 1 if further >= 0 else line_end
        rationale_span = span_at(source_id, text, begin, finish)
        rationale = rationale_span.exact
    return Target(
        key=item.key,
        year=note.year,
        text=item.quote,
        quantity=quantity,
        qualifier=quantity.qualifier if quantity is not None else None,
        span=span,
        rationale=rationale,
        rationale_span=rationale_span,
    )


def _require_claimed(text: str, start: int, end: int, targets: list[Target], path: Path) -> None:
    """Every clause that states a target must be claimed by one.

    Where the passage lists its targets as "——" bullets (the plan report), only the bullets'
    first sentences state targets; the rest is introduction and rationale.
    """
    claimed = [(t.span.start, t.span.end) for t in targets]
    lines = text[start:end].split("\n")
    bulleted = any(line.startswith("——") for line in lines)
    offset = start
    for line in lines:
        line_start, offset = offset, offset + len(line) + 1
        if bulleted and not line.startswith("——"):
            continue
        statement = line.split("。", 1)[0] if bulleted else line
        for clause in _CLAUSE_BREAK.split(statement):
            clause = clause.strip("—")
            if not clause:
                continue
            at = text.find(clause, line_start, end)
            if not any(s <= at and at + len(clause) <= e for s, e in claimed):
                raise AnnotationError(f"{path}: the target passage states {clause!r}, which no target claims")


def build_report(note: ReportNote, corpus: Corpus, path: Path, root: Path, indicators: tuple[Indicator, ...]) -> Report:
    """The report described by the annotation ``note``.

    A report known from a summary is laid out by its summary annotation file
    (``annotations/summaries/<id>.toml``, read by :mod:`gwr.build.summary`).
    """
    source_id, document = corpus.document(note.document)
    for quote in note.header:
        corpus.find_one(source_id, quote, document.start, document.end, f"{path} header")
    unknown = [w for w in note.witnesses if w not in corpus.texts]
    if unknown:
        raise AnnotationError(f"{path}: unknown witnesses {unknown}")
    if note.targets is not None:  # named by quote: a summary has no targets passage to find
        targets = build_targets(note.targets, note, corpus, path, indicators)
    else:  # found by the reader's rule, as gwr.read finds them
        from .._reading._targets import find_targets

        text = corpus.texts[source_id]
        targets = find_targets(
            text, source_id, year=note.year, start=document.start, end=document.end, indicators=indicators
        )
    content = Content()
    if note.fulltext is not None:
        from .fulltext import build_fulltext

        ranges = {d.id: (s.id, d.start, d.end) for s in corpus.sources for d in s.documents}
        content = build_fulltext(note, corpus.texts, ranges, targets, path, indicators)
    summary_path = root / ANNOTATIONS / "summaries" / f"{note.id}.toml"
    if summary_path.exists():
        from .summary import build_summary

        content = build_summary(note, corpus, summary_path, indicators)
    verdicts: tuple[Verdict, ...] = ()
    if note.completeness == "full":  # the review's own verdicts on last year's targets, by the reader's rule
        from .._reading._layout import find_layout
        from .._reading._read import read_facts

        text = corpus.texts[source_id]
        layout = find_layout(text[document.start : document.end])
        start, end = document.start + layout.start, document.start + layout.end
        verdicts = read_facts(text, source_id, year=note.year, start=start, end=end, indicators=indicators).verdicts
    return Report(
        id=note.id,
        kind=note.kind,
        year=note.year,
        title=note.title,
        date=note.date,
        meeting=note.meeting,
        speaker=note.speaker,
        completeness=note.completeness,
        witnesses=note.witnesses,
        targets=targets,
        outcomes=content.outcomes,
        tasks=annotated(content.tasks),
        measures=content.measures,
        outline=content.outline,
        verdicts=verdicts,
    )


def build_regions(path: Path) -> tuple[Region, ...]:
    """The region registry from ``path``: codes well formed, and no code, slug or name twice."""
    notes = load(path, RegionsFile).regions
    regions = tuple(
        Region(
            code=n.code,
            name_zh=n.name_zh,
            short_zh=n.short_zh,
            name_en=n.name_en,
            slug=n.slug,
            level=n.level,
            aliases=n.aliases,
        )
        for n in notes
    )
    seen: dict[str, str] = {}
    for region in regions:
        if not _REGION_CODE.fullmatch(region.code):
            raise AnnotationError(f"{path}: {region.code!r} is not an ISO 3166-2:CN code (CN-XX)")
        if not region.name_zh.startswith(region.short_zh):
            raise AnnotationError(f"{path}: {region.code} short name {region.short_zh!r} does not begin its full name")
        names = {region.code, region.name_zh, region.short_zh, region.name_en, region.slug, *region.aliases}
        for name in names:
            folded = name.casefold()
            if folded in seen and seen[folded] != region.code:
                raise AnnotationError(f"{path}: {name!r} names both {seen[folded]} and {region.code}")
            seen[folded] = region.code
    return regions


def _dump(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def generate(root: Path) -> dict[str, bytes]:
    """Every generated file under src/gwr/data, by path relative to it."""
    annotations = root / ANNOTATIONS
    sources, texts = build_sources(root)
    indicators = tuple(
        Indicator(
            key=n.key,
            name_zh=n.name_zh,
            name_en=n.name_en,
            unit=n.unit,
            reading=n.reading,
            description=n.description,
            names=n.names,
            measure=n.measure,
            bounds=None if n.bounds is None else (Decimal(n.bounds[0]), Decimal(n.bounds[1])),
        )
        for n in load(annotations / "indicators.toml", IndicatorsFile).indicators
    )
    themes = tuple(
        Theme(key=n.key, name_zh=n.name_zh, name_en=n.name_en, words=n.words)
        for n in load(annotations / "themes.toml", ThemesFile).themes
    )
    regions = build_regions(annotations / "regions.toml")
    outputs: dict[str, bytes] = {
        "indicators.json": _dump(converter.unstructure(indicators)),
        "themes.json": _dump(converter.unstructure(themes)),
        "regions.json": _dump(converter.unstructure(regions)),
    }
    corpus_dir = corpus_folder(root)
    if corpus_dir is None:
        raise AnnotationError(
            f"the corpus is not found: set {CORPUS_ENV} to the folder holding corpus.json "
            "(by default ../shared/corpus beside the checkout); the cited reports are generated from it"
        )
    # the corpus copies of the seed years are further witnesses of gwr-2024 and gwr-2025
    witnesses = seed_witnesses(corpus_dir, indicators, themes)
    corpus = Corpus(
        (*sources, *(w.source for w in witnesses.values())),
        {**texts, **{w.source.id: w.text for w in witnesses.values()}},
    )
    entries = []
    report_paths = sorted((annotations / "reports").glob("*.toml"))
    for report_path in report_paths:
        note = load(report_path, ReportNote)
        report = build_report(note, corpus, report_path.relative_to(root), root, indicators)
        variants: list[Variant] = []
        witness = witnesses.get(report.year) if report.kind == "gwr" else None
        if witness is not None:
            report, variants = with_corpus_witness(report, witness, corpus.texts)
        if (annotations / "variants" / f"{report.id}.toml").exists():  # a report with two witnesses of a part
            variants = [*build_variants(report, corpus, root), *variants]
        name = f"reports/{report.id}.json"
        outputs[name] = _dump(converter.unstructure(report))
        entry: dict[str, str | int] = {"id": report.id, "kind": report.kind, "year": report.year, "file": name}
        if len(report.witnesses) > 1:
            variants_name = f"variants/{report.id}.json"
            outputs[variants_name] = _dump(converter.unstructure(tuple(variants)))
            entry["variants"] = variants_name
        entries.append(entry)
    cited_sources = [w.source for w in witnesses.values()]
    slugs = {region.slug: region.code for region in regions}
    for cited in build_cited(root, corpus_dir, indicators, slugs, themes):
        report = cited.report
        name = f"reports/{report.id}.json"
        outputs[name] = _dump(converter.unstructure(report))
        cited_entry: dict[str, str | int] = {"id": report.id, "kind": report.kind, "year": report.year, "file": name}
        if report.region is not None:
            cited_entry["region"] = report.region
        if len(report.witnesses) > 1:
            variants_name = f"variants/{report.id}.json"
            outputs[variants_name] = _dump(converter.unstructure(cited.variants))
            cited_entry["variants"] = variants_name
        entries.append(cited_entry)
        cited_sources.extend(cited.sources)
    sources = (*sources, *cited_sources)
    cited_notes = {p.stem for p in (annotations / "cited").glob("*.toml")}
    orphans = sorted(cited_notes - {str(e["id"]) for e in entries})
    if orphans:
        raise AnnotationError(f"annotations/cited: files for reports the corpus does not hold: {orphans}")
    unknown = sorted(
        p.name for p in (annotations / "variants").glob("*.toml") if p.stem not in {e["id"] for e in entries}
    )
    if unknown:
        raise AnnotationError(f"annotations/variants: files for reports that do not exist: {unknown}")
    inputs = [
        annotations / "sources.toml",
        annotations / "indicators.toml",
        annotations / "themes.toml",
        annotations / "regions.toml",
        *report_paths,
        *sorted(annotations.glob("*/*.toml")),
    ]
    inputs = sorted(set(inputs))
    outputs["manifest.json"] = _dump(
        {
            "format": FORMAT_VERSION,
            "generated_by": "python -m gwr.build",
            "normalization_version": NORMALIZATION_VERSION,
            "annotations": {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in inputs},
            # every other shipped data file, so that check() catches an edit to an installed copy
            "files": {name: hashlib.sha256(content).hexdigest() for name, content in sorted(outputs.items())},
            "sources": converter.unstructure(sources),
            "reports": entries,
        }
    )
    return outputs


def write(root: Path, outputs: dict[str, bytes]) -> list[str]:
    """Write ``outputs`` under the data folder, removing stale generated files; return what changed."""
    data = root / DATA
    changed = []
    for name, content in sorted(outputs.items()):
        target = data / name
        if not target.exists() or target.read_bytes() != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            changed.append(name)
    for stale in sorted([*(data / "reports").glob("*.json"), *(data / "variants").glob("*.json")]):
        name = f"{stale.parent.name}/{stale.name}"
        if name not in outputs:
            stale.unlink()
            changed.append(f"{name} (removed)")
    return changed
