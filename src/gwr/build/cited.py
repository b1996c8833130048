"""Cited reports: the facts of the corpus texts, each with its clause, never the prose around them.

The corpus (``../shared/corpus`` beside the checkout, or the folder named by ``GWR_CORPUS``)
lists its texts in ``corpus.json`` with kind, year, region, title, URL and sha256. Each text is
read by the runtime reader (:func:`gwr._reading._read.read_normalized`, the rules :func:`gwr.read`
applies), and the report is cut down to what a cited report ships:

* its targets and outcomes, each the clause that states it;
* its outline of parts, areas, items and closing passages, each section's span its heading
  only (paragraphs, which have no heading, are left out);
* its tasks and sub-tasks with their numbers, titles and themes, each task's span its heading
  sentence; of the measures only those with a keyed quantity (deficit ratio, bonds, investment...),
  under the task that holds them or the report.

``annotations/cited/<report id>.toml`` says what no rule knows: the themes of the numbered tasks,
and what a text is when it is not a premier's work report. A text with no annotation file is
cited all the same, its tasks themed by rule (the words of the theme registry): adding a text
to the corpus and running the generator is all it takes to add a year.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

import attrs

from .._data._variants import Variant
from .._model._provenance import span_at
from .._model._records import (
    Document,
    Indicator,
    Measure,
    Outcome,
    Report,
    ReportKind,
    Section,
    Source,
    Span,
    Target,
    Task,
    Theme,
)
from .._reading._layout import find_layout
from .._reading._normalize import NORMALIZATION_VERSION, normalize
from .._reading._read import NOT_STATED, READ_PROFILE, appendix_documents, read_normalized
from .annotations import AnnotationError, CitedNote, load
from .english import with_english
from .witnesses import attest, corpus_copies

CORPUS_ENV = "GWR_CORPUS"
_SENTENCE_END = re.compile(r"[。！？；]+[”’」』）]*")
SEED_YEARS: dict[ReportKind, tuple[int, ...]] = {"gwr": (2024, 2025), "plan": (2024,)}
"""gwr-2024, gwr-2025 and plan-2024 are built from the bundled seeds; the corpus copies of the
national two are further witnesses."""
_KINDS: dict[str, ReportKind] = {"national": "gwr", "plan": "plan", "provincial": "provincial"}
"""The kinds ``corpus.json`` lists, and the report kind each is."""


def corpus_folder(root: Path) -> Path | None:
    """The corpus folder: ``$GWR_CORPUS``, else ``../shared/corpus`` beside the checkout."""
    named = os.environ.get(CORPUS_ENV)
    folder = Path(named) if named else root.resolve().parent / "shared" / "corpus"
    return folder if (folder / "corpus.json").is_file() else None


@attrs.frozen
class Cited:
    """A cited report, its sources (the corpus text, then its second transcription where the
    corpus has one) and the variants between them."""

    report: Report
    sources: tuple[Source, ...]
    variants: tuple[Variant, ...] = ()


def build_cited(
    root: Path,
    corpus: Path,
    indicators: tuple[Indicator, ...],
    slugs: dict[str, str],
    themes: tuple[Theme, ...] = (),
) -> list[Cited]:
    """Every report the corpus lists (but the seed years), as a cited report with its sources."""
    entries = json.loads((corpus / "corpus.json").read_text(encoding="utf-8"))
    second = corpus_copies(corpus, "witness")
    translations = corpus_copies(corpus, "translation", "tmx")
    built = []
    for entry in entries:
        kind = _KINDS.get(entry["kind"])
        if kind is None:
            raise AnnotationError(
                f"corpus.json: {entry['file']} has kind {entry['kind']!r}, not one of {', '.join(map(repr, _KINDS))}"
            )
        year = int(entry["year"])
        if year in SEED_YEARS.get(kind, ()):
            continue
        region = None
        if kind == "provincial":
            region = slugs.get(entry["region"])
            if region is None:
                raise AnnotationError(f"corpus.json: region {entry['region']!r} is not in annotations/regions.toml")
        report, source, text = _cite(root, corpus, entry, kind, year, region, indicators, themes)
        english: tuple[Source, ...] = ()
        translation = translations.get(str(entry["file"]))
        if translation is not None:
            report, translated = with_english(corpus, translation, report)
            english = (translated,)
        witness_entry = second.get(str(entry["file"]))
        if witness_entry is None:
            built.append(Cited(report, (source, *english)))
            continue
        cited = _with_second_witness(corpus, entry, witness_entry, report, source, text)
        built.append(attrs.evolve(cited, sources=(*cited.sources, *english)))
    return built


def _with_second_witness(
    corpus: Path, entry: dict[str, Any], witness_entry: dict[str, Any], report: Report, source: Source, main_text: str
) -> Cited:
    """``report`` with its facts located in the second transcription too, the header facts the
    main text does not state taken from the witness's header, and the variants between the two."""
    raw, digest = _read_checked(corpus, witness_entry)
    text = normalize(raw, READ_PROFILE).text
    witness_id = _source_id(witness_entry)
    report, variants = attest(report, main_text, text, witness_id)
    layout = find_layout(text)
    # the header facts the main text does not state, from the witness's header
    if report.date == NOT_STATED and layout.date is not None:
        report = attrs.evolve(report, date=layout.date.value)
    if report.meeting == NOT_STATED and layout.meeting is not None:
        report = attrs.evolve(report, meeting=layout.meeting.value)
    if report.speaker == NOT_STATED and layout.speaker is not None:
        office = layout.speaker_office.value if layout.speaker_office is not None else None
        report = attrs.evolve(report, speaker=layout.speaker.value, speaker_office=office)
    document = Document(
        id=f"{report.id}-witness",
        title=f"{entry['title']} (second transcription)",
        kind="report",
        date=report.date,
        start=layout.start,
        end=layout.end,
    )
    title = f"{entry['title']}, a second transcription"
    witness_source = _source({**witness_entry, "title": title}, raw, digest, report.date, (document,))
    return Cited(report, (source, witness_source), tuple(variants))


@attrs.frozen
class Witness:
    """The corpus copy of a seed year's report: its source, normalized text and full reading."""

    source: Source
    text: str
    report: Report


def seed_witnesses(
    corpus: Path, indicators: tuple[Indicator, ...], themes: tuple[Theme, ...] = ()
) -> dict[int, Witness]:
    """The corpus copies of the seed years' national reports, read whole (nothing is cut here:
    what of them a report ships is decided where they are merged)."""
    entries = json.loads((corpus / "corpus.json").read_text(encoding="utf-8"))
    witnesses = {}
    for entry in entries:
        if entry["kind"] != "national" or int(entry["year"]) not in SEED_YEARS["gwr"]:
            continue
        year = int(entry["year"])
        raw, digest = _read_checked(corpus, entry)
        text = normalize(raw, READ_PROFILE).text
        source_id = _source_id(entry)
        report = read_normalized(
            text, source_id, kind="gwr", year=year, region=None, indicators=indicators, theme_registry=themes
        )
        layout = find_layout(text)
        document = Document(
            id=f"gwr-{year}-corpus",
            title=entry["title"],
            kind="report",
            date=report.date,
            start=layout.start,
            end=layout.end,
        )
        source = _source(entry, raw, digest, NOT_STATED if report.date == NOT_STATED else report.date, (document,))
        witnesses[year] = Witness(source, text, report)
    return witnesses


def with_corpus_witness(report: Report, witness: Witness, texts: dict[str, str]) -> tuple[Report, list[Variant]]:
    """``report`` (built from the seeds) with the corpus copy of its text as a further witness.

    A summary (gwr-2025) gains from the full text what it lacks, as cited facts: the keyed figures
    of the report (fiscal and policy figures) and of each task, by task number where both number
    them alike. Every target and outcome of the summary is compared with the full text's on the
    same key: a different reading is a ``wording`` variant, never resolved silently. A full text
    (gwr-2024) gains the witness only; its variants are found part by part by
    :mod:`gwr.build.variants` from ``annotations/variants/<id>.toml``.
    """
    report = attrs.evolve(report, witnesses=(*report.witnesses, witness.source.id))
    if report.completeness != "summary":
        return report, []
    full = _cut(witness.report, witness.text)
    full_tasks = {t.number: t for t in full.tasks}
    if [t.title for t in report.tasks] != [
        full_tasks[t.number].title if t.number in full_tasks else None for t in report.tasks
    ]:
        raise AnnotationError(f"{report.id}: the summary's tasks are not the full text's, task by task")
    tasks = tuple(_with_full_task(t, full_tasks[t.number]) for t in report.tasks)
    report = attrs.evolve(
        report, tasks=tasks, measures=(*report.measures, *full.measures), verdicts=(*report.verdicts, *full.verdicts)
    )
    variants = []
    pairs: list[tuple[Target | Outcome, Target | Outcome | None, int]] = [
        *((t, {x.key: x for x in reversed(full.targets)}.get(t.key), 2) for t in report.targets),
        *((o, {x.key: x for x in reversed(full.outcomes)}.get(o.key), 1) for o in report.outcomes),
    ]
    for mine, theirs, part in pairs:
        if theirs is not None and _words(mine.text) != _words(theirs.text):
            variants.append(Variant(report=report.id, part=part, kind="wording", spans=(mine.span, theirs.span)))
    return report, variants


def _words(text: str) -> str:
    """The words of ``text``: what two witnesses must share to read alike (punctuation aside)."""
    return "".join(c for c in text if c.isalnum() or c == "%")


def _with_full_task(task: Task, full: Task) -> Task:
    """The summary's ``task`` with the keyed figures of the full text's same task, each under the
    sub-task that holds it where the summary has that sub-task (same number, same title), else
    under the task."""
    by_number = {s.number: s for s in full.subtasks}
    matched = {s.number for s in task.subtasks if s.number in by_number and by_number[s.number].title == s.title}
    subtasks = tuple(
        attrs.evolve(s, measures=_joined(s.measures, _all_measures(by_number[s.number]))) if s.number in matched else s
        for s in task.subtasks
    )
    rest = (*full.measures, *(m for s in full.subtasks if s.number not in matched for m in _all_measures(s)))
    return attrs.evolve(task, subtasks=subtasks, measures=_joined(task.measures, rest))


def _joined(mine: tuple[Measure, ...], theirs: tuple[Measure, ...]) -> tuple[Measure, ...]:
    """The summary's measures, each with the full text's span where the full text reads it word for
    word (found in two witnesses), then the full text's other measures."""
    spans = {m.span.exact: m.span for m in theirs}
    joined = [
        attrs.evolve(m, witness_spans=(*m.witness_spans, spans[m.span.exact])) if m.span.exact in spans else m
        for m in mine
    ]
    return (*joined, *(m for m in theirs if m.span.exact not in {x.span.exact for x in mine}))


def _all_measures(task: Task) -> tuple[Measure, ...]:
    return (*task.measures, *(m for sub in task.subtasks for m in _all_measures(sub)))


def _read_checked(corpus: Path, entry: dict[str, Any]) -> tuple[str, str]:
    raw_bytes = (corpus / entry["file"]).read_bytes()
    digest = hashlib.sha256(raw_bytes).hexdigest()
    if digest != entry["sha256"]:
        raise AnnotationError(f"corpus file {entry['file']} has sha256 {digest}, corpus.json says {entry['sha256']}")
    return raw_bytes.decode("utf-8"), digest


def _source_id(entry: dict[str, Any]) -> str:
    return str(entry["file"]).removesuffix(".txt").replace("/", "-")


def _source(
    entry: dict[str, Any],
    raw: str,
    digest: str,
    date: str,
    documents: tuple[Document, ...],
    publisher: str | None = None,
) -> Source:
    return Source(
        id=_source_id(entry),
        file=entry["file"],
        title=entry["title"],
        publisher=publisher or _publisher(entry),
        date=date,
        sha256=digest,
        profile=READ_PROFILE,
        profile_version=NORMALIZATION_VERSION,
        description=f"Cited, not bundled: {entry['title']}, transcribed from {entry.get('url') or entry['from']}."
        + (f" {entry['note'][0].upper()}{entry['note'][1:]}." if entry.get("note") else ""),
        documents=documents,
        url=entry.get("url"),
        length=len(raw),
        bundled=False,
    )


def _cite(
    root: Path,
    corpus: Path,
    entry: dict[str, Any],
    kind: ReportKind,
    year: int,
    region: str | None,
    indicators: tuple[Indicator, ...],
    themes: tuple[Theme, ...] = (),
) -> tuple[Report, Source, str]:
    raw, digest = _read_checked(corpus, entry)
    text = normalize(raw, READ_PROFILE).text
    source_id = _source_id(entry)
    report_id = f"{kind}-{year}" if region is None else f"{kind}-{year}-{region}"
    note_path = root / "annotations" / "cited" / f"{report_id}.toml"
    note = load(note_path, CitedNote) if note_path.exists() else CitedNote()
    task_themes: dict[int, tuple[str | None, str | None]] = {t.number: (t.theme, t.secondary_theme) for t in note.tasks}
    subtask_themes: dict[int, dict[int, tuple[str | None, str | None]]] = {
        t.number: {s.number: (s.theme, s.secondary_theme) for s in t.subtasks} for t in note.tasks if t.subtasks
    }
    full = read_normalized(
        text,
        source_id,
        kind=kind,
        year=year,
        region=region,
        indicators=indicators,
        themes=task_themes,
        subtask_themes=subtask_themes,
        theme_registry=themes,
    )
    numbered = {(t.number, s.number) for t in full.tasks for s in t.subtasks}
    unknown = [str(n) for n in sorted(set(task_themes) - {t.number for t in full.tasks})]
    unknown += [
        f"{t.number}.{s.number}" for t in note.tasks for s in t.subtasks if (t.number, s.number) not in numbered
    ]
    if unknown:
        raise AnnotationError(f"{note_path}: themes for tasks {unknown}, which the report does not number")
    cited = _cut(full, text)
    report = attrs.evolve(
        cited,
        title=note.title or (entry["title"] if full.title == NOT_STATED else full.title),
        completeness="cited",
        description=note.description,
    )
    document = Document(id=report.id, title=report.title, kind="report", date=report.date, start=0, end=len(text))
    documents = (document, *appendix_documents(full, report.date))
    source = _source(entry, raw, digest, report.date, documents, note.publisher)
    return report, source, text


def _publisher(entry: dict[str, Any]) -> str:
    return "Wikisource" if "wikisource.org" in (entry.get("url") or "") else "not stated"


def _heading(span: Span, text: str) -> Span:
    """The span of the first sentence of ``span`` (its heading)."""
    match = _SENTENCE_END.search(text, span.start, span.end)
    end = match.end() if match else span.end
    line_end = text.find("\n", span.start, end)
    return span_at(span.source, text, span.start, line_end if line_end >= 0 else end)


def _keyed(measures: tuple[Measure, ...]) -> tuple[Measure, ...]:
    return tuple(m for m in measures if any(q.indicator is not None for q in m.quantities))


def _cut_task(task: Task, text: str) -> Task:
    return attrs.evolve(
        task,
        subtasks=tuple(_cut_task(t, text) for t in task.subtasks),
        measures=_keyed(task.measures),
        span=_heading(task.span, text),
        lead=None,  # prose: a cited report ships none
    )


def _cut_section(section: Section) -> Section | None:
    if section.heading is None:
        return None  # a paragraph: prose, not a fact
    children = tuple(c for c in (_cut_section(child) for child in section.children) if c is not None)
    return attrs.evolve(section, span=section.heading, children=children)


def _cut(report: Report, text: str) -> Report:
    outline = tuple(s for s in (_cut_section(section) for section in report.outline) if s is not None)
    return attrs.evolve(
        report,
        tasks=tuple(_cut_task(t, text) for t in report.tasks),
        measures=_keyed(report.measures),
        outline=outline,
    )
