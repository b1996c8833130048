"""Second witnesses of the cited reports: each fact located in the other transcription too.

``witnesses.json`` of the corpus lists further copies of the corpus texts: second transcriptions
(``kind: witness``, ``of`` the file they witness) and translations (another issue). For a cited
report with a second transcription, :func:`attest` looks for every fact it ships (targets,
outcomes, keyed measures, task and section headings) in the witness's normalized text:

* the fact's exact words near the same place (its relative position in the text, within
  :data:`WINDOW` of the witness's length; among several, the one with the same words before it):
  the fact gains a witness span there;
* else, where the words just before and just after the fact are found there, with a different
  reading between them: a ``wording`` :class:`~gwr.Variant` for the targets and outcomes (the
  text as delivered against the text as adopted);
* else nothing: the witness may be abridged (2026's second copy is the body only), and a passage
  it leaves out is not a variant.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import attrs

from .._data._variants import Variant
from .._model._provenance import span_at
from .._model._records import Measure, Outcome, Report, Section, Span, Target, Task, Verdict

WINDOW = 0.12
"""How far (a share of the witness's length) from the same relative place a fact may be found."""
ANCHOR = 8
"""How many characters before and after a fact anchor a variant reading."""
_LONGEST_READING = 3
"""A variant reading is at most this many times as long as the fact's own words (plus the anchors)."""


def corpus_copies(corpus: Path, kind: str, file_format: str | None = None) -> dict[str, dict[str, Any]]:
    """The further copies of ``kind`` (``witness``, ``translation``) that ``witnesses.json`` lists,
    of ``file_format`` where one is named, by the corpus file they are copies of."""
    path = corpus / "witnesses.json"
    if not path.is_file():
        return {}
    entries = json.loads(path.read_text(encoding="utf-8"))
    return {
        str(e["of"]): e
        for e in entries
        if e.get("kind") == kind and (file_format is None or e.get("format") == file_format)
    }


_DASHES = str.maketrans({c: "-" for c in "－—–―~～"})


def _folded(text: str) -> str:
    """``text`` with its range dashes as ``-`` and full-width forms as ASCII: typography, not wording."""
    return unicodedata.normalize("NFKC", text).translate(_DASHES)


def _near(positions: list[int], expected: float, window: float) -> list[int]:
    return [p for p in positions if abs(p - expected) <= window]


def _occurrences(text: str, words: str) -> list[int]:
    found = []
    at = text.find(words)
    while at >= 0:
        found.append(at)
        at = text.find(words, at + 1)
    return found


class _Attester:
    def __init__(self, report: Report, text: str, witness: str, witness_id: str) -> None:
        self.report = report
        self.text = text
        self.witness = witness
        self.witness_id = witness_id
        self.scale = len(witness) / max(len(text), 1)
        self.window = WINDOW * len(witness)
        self.variants: list[Variant] = []
        self.parts = sorted(
            (s.span.start, s.number) for s in report.outline if s.kind == "part" and s.number is not None
        )

    def locate(self, span: Span) -> Span | None:
        """The same words at the same place in the witness, if it has them there."""
        words = span.exact
        if not words.strip():
            return None
        candidates = _near(_occurrences(self.witness, words), span.start * self.scale, self.window)
        if len(candidates) > 1:  # the same words twice near: the one with the same words before it
            before = self.text[max(0, span.start - ANCHOR) : span.start]
            candidates = [p for p in candidates if self.witness[max(0, p - len(before)) : p] == before]
        if len(candidates) != 1:
            return None
        start = candidates[0]
        return span_at(self.witness_id, self.witness, start, start + len(words))

    def reading(self, span: Span) -> Span | None:
        """What the witness reads between the words around ``span``, where it reads otherwise."""
        before = self.text[max(0, span.start - ANCHOR) : span.start]
        after = self.text[span.end : span.end + ANCHOR]
        if len(before) < ANCHOR or len(after) < ANCHOR:
            return None
        starts = _near(_occurrences(self.witness, before), span.start * self.scale, self.window)
        if len(starts) != 1:
            return None
        start = starts[0] + len(before)
        limit = start + _LONGEST_READING * len(span.exact) + 2 * ANCHOR
        end = self.witness.find(after, start, limit)
        if end < 0 or self.witness.find(after, end + 1, limit) >= 0:
            return None
        found = self.witness[start:end]
        if _folded(found) == _folded(span.exact) or not found.strip() or "\n" in found:
            return None  # the same reading, or one that differs in a range dash or a character's width only
        return span_at(self.witness_id, self.witness, start, end)

    def part_of(self, span: Span) -> int:
        """The number of the part (一、…) the span lies in; 0 in a report with no parts."""
        number = 0
        for start, part in self.parts:
            if start <= span.start:
                number = part
        return number

    def fact(self, item: Target | Outcome) -> Target | Outcome:
        found = self.locate(item.span)
        if found is not None:
            return attrs.evolve(item, witness_spans=(*item.witness_spans, found))
        other = self.reading(item.span)
        if other is not None:
            self.variants.append(Variant(self.report.id, self.part_of(item.span), "wording", (item.span, other)))
        return item

    def verdict(self, verdict: Verdict) -> Verdict:
        found = self.locate(verdict.span)
        return verdict if found is None else attrs.evolve(verdict, witness_spans=(*verdict.witness_spans, found))

    def measure(self, measure: Measure) -> Measure:
        found = self.locate(measure.span)
        return measure if found is None else attrs.evolve(measure, witness_spans=(*measure.witness_spans, found))

    def task(self, task: Task) -> Task:
        found = self.locate(task.span)
        return attrs.evolve(
            task,
            subtasks=tuple(self.task(t) for t in task.subtasks),
            measures=tuple(self.measure(m) for m in task.measures),
            witness_spans=task.witness_spans if found is None else (*task.witness_spans, found),
        )

    def section(self, section: Section) -> Section:
        found = self.locate(section.span)
        return attrs.evolve(
            section,
            children=tuple(self.section(c) for c in section.children),
            witness_spans=section.witness_spans if found is None else (*section.witness_spans, found),
        )


def attest(report: Report, text: str, witness: str, witness_id: str) -> tuple[Report, list[Variant]]:
    """``report`` (cited from ``text``) with each fact located in ``witness`` (the normalized text
    of source ``witness_id``) where it reads the same, and the variants where it reads otherwise."""
    attester = _Attester(report, text, witness, witness_id)
    attested = attrs.evolve(
        report,
        targets=tuple(attester.fact(t) for t in report.targets),  # type: ignore[misc]
        outcomes=tuple(attester.fact(o) for o in report.outcomes),  # type: ignore[misc]
        verdicts=tuple(attester.verdict(v) for v in report.verdicts),
        measures=tuple(attester.measure(m) for m in report.measures),
        tasks=tuple(attester.task(t) for t in report.tasks),
        outline=tuple(attester.section(s) for s in report.outline),
        witnesses=(*report.witnesses, witness_id),
    )
    variants = sorted(attester.variants, key=lambda v: v.spans[0].start)
    return attested, variants
