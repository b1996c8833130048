"""Cited reports: the facts of the corpus texts, each with its clause, never the prose around them.

The corpus (``../shared/corpus`` beside the checkout, or the folder named by ``GWR_CORPUS``)
lists its texts in ``corpus.json`` with kind, year, region, title, URL and sha256. Each text is
read by the runtime reader (:func:`gwr._read.read_normalized`, the rules :func:`gwr.read`
applies), and the report is cut down to what a cited report ships:

* its targets and outcomes, each the clause that states it;
* its outline of parts, areas, items and closing passages, each section's span its heading
  only (paragraphs, which have no heading, are left out);
* its tasks and sub-tasks with their numbers, titles and themes, each task's span its heading
  sentence; of the measures only those with a keyed quantity (deficit ratio, bonds, investment...),
  under the task that holds them or the report.

``annotations/cited/<report id>.toml`` says what no rule knows: the themes of the numbered tasks,
and what a text is when it is not a premier's work report. A text with no annotation file is
cited all the same, its tasks without themes: adding a text to the corpus and running the
generator is all it takes to add a year.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

import attrs

from .._model import Document, Indicator, Measure, Report, ReportKind, Section, Source, Span, Task
from .._normalize import NORMALIZATION_VERSION, normalize
from .._provenance import span_at
from .._read import NOT_STATED, READ_PROFILE, read_normalized
from .annotations import AnnotationError, CitedNote, load

CORPUS_ENV = "GWR_CORPUS"
_SENTENCE_END = re.compile(r"[。！？；]+[”’」』）]*")
_SEED_YEARS = {2024, 2025}  # gwr-2024 and gwr-2025 are built from the bundled seeds


def corpus_folder(root: Path) -> Path | None:
    """The corpus folder: ``$GWR_CORPUS``, else ``../shared/corpus`` beside the checkout."""
    named = os.environ.get(CORPUS_ENV)
    folder = Path(named) if named else root.resolve().parent / "shared" / "corpus"
    return folder if (folder / "corpus.json").is_file() else None


def build_cited(
    root: Path,
    corpus: Path,
    indicators: tuple[Indicator, ...],
    slugs: dict[str, str],
) -> list[tuple[Report, Source]]:
    """Every report the corpus lists (but the seed years), as a cited report with its source."""
    entries = json.loads((corpus / "corpus.json").read_text(encoding="utf-8"))
    built = []
    for entry in entries:
        kind: ReportKind = "gwr" if entry["kind"] == "national" else "provincial"
        year = int(entry["year"])
        if kind == "gwr" and year in _SEED_YEARS:
            continue
        region = None
        if kind == "provincial":
            region = slugs.get(entry["region"])
            if region is None:
                raise AnnotationError(f"corpus.json: region {entry['region']!r} is not in annotations/regions.toml")
        built.append(_cite(root, corpus, entry, kind, year, region, indicators))
    return built


def _cite(
    root: Path,
    corpus: Path,
    entry: dict[str, Any],
    kind: ReportKind,
    year: int,
    region: str | None,
    indicators: tuple[Indicator, ...],
) -> tuple[Report, Source]:
    raw_bytes = (corpus / entry["file"]).read_bytes()
    digest = hashlib.sha256(raw_bytes).hexdigest()
    if digest != entry["sha256"]:
        raise AnnotationError(f"corpus file {entry['file']} has sha256 {digest}, corpus.json says {entry['sha256']}")
    raw = raw_bytes.decode("utf-8")
    text = normalize(raw, READ_PROFILE).text
    source_id = entry["file"].removesuffix(".txt").replace("/", "-")
    report_id = f"{kind}-{year}" if region is None else f"{kind}-{year}-{region}"
    note_path = root / "annotations" / "cited" / f"{report_id}.toml"
    note = load(note_path, CitedNote) if note_path.exists() else CitedNote()
    themes: dict[int, tuple[str | None, str | None]] = {t.number: (t.theme, t.secondary_theme) for t in note.tasks}
    full = read_normalized(text, source_id, kind=kind, year=year, region=region, indicators=indicators, themes=themes)
    unknown = sorted(set(themes) - {t.number for t in full.tasks})
    if unknown:
        raise AnnotationError(f"{note_path}: themes for tasks {unknown}, which the report does not number")
    cited = _cut(full, text)
    report = attrs.evolve(
        cited,
        title=note.title or (entry["title"] if full.title == NOT_STATED else full.title),
        completeness="cited",
        description=note.description,
    )
    source = Source(
        id=source_id,
        file=entry["file"],
        title=entry["title"],
        publisher=note.publisher or _publisher(entry),
        date=report.date,
        sha256=digest,
        profile=READ_PROFILE,
        profile_version=NORMALIZATION_VERSION,
        description=f"Cited, not bundled: {entry['title']}, transcribed from {entry.get('url') or entry['from']}.",
        documents=(
            Document(id=report.id, title=report.title, kind="report", date=report.date, start=0, end=len(text)),
        ),
        url=entry.get("url"),
        length=len(raw),
        bundled=False,
    )
    return report, source


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
