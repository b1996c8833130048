"""Full texts described by an annotation file: the reader's rules plus what no rule knows.

The outline, tasks and measures come from the runtime reader (:mod:`gwr._reading._outline`, the same
rules :func:`gwr.read` applies to any text). This module adds what only an annotation can say:
the task themes, the keys of quantities, paragraphs that return to the part level, and the merge
of a second witness of a part (002 for part three of the 2024 report), sentence by sentence: a
sentence only the witness has is taken from it, and its paragraph breaks count too, except a
break after a one-sentence paragraph (a heading set on a line of its own).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import attrs

from .._model._provenance import span_at
from .._model._records import Indicator, Measure, Outcome, Span, Target
from .._reading._outline import Content, Sentence, TaskLayout, outcome_at, read_body, sentences_of
from .._reading._read import part_periods, period_at
from .._reading._targets import meaning_in, names_consumer_prices
from .annotations import AnnotationError, OutcomeNote, ReportNote, find_quote

_KEY_DROP = re.compile(r"[\W_]+")


def _key(sentence: Sentence) -> str:
    return _KEY_DROP.sub("", sentence.text)


def merge(primary: list[Sentence], witness: list[Sentence]) -> list[Sentence]:
    """The union of two witnesses of the same passage, in order, primary first.

    Sentences both have come from ``primary``; sentences only ``witness`` has come from it.
    Paragraph breaks come from both, except a witness's break after a one-sentence paragraph.
    """
    witness_breaks = _effective_breaks(witness)
    matcher = difflib.SequenceMatcher(None, [_key(s) for s in primary], [_key(s) for s in witness], autojunk=False)
    merged: list[Sentence] = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            for a, b in zip(range(a1, a2), range(b1, b2), strict=True):
                sentence = primary[a]
                if b in witness_breaks and not sentence.opens_paragraph:
                    sentence = attrs.evolve(sentence, opens_paragraph=True)
                merged.append(sentence)
        elif tag == "insert":
            merged.extend(witness[b1:b2])
        else:  # "delete" or "replace": the primary's reading stands; variants are recorded apart
            merged.extend(primary[a1:a2])
    return merged


def _effective_breaks(sentences: list[Sentence]) -> set[int]:
    breaks = set()
    paragraph_length = 0
    for i, sentence in enumerate(sentences):
        if sentence.opens_paragraph:
            if i and paragraph_length > 1:
                breaks.add(i)
            paragraph_length = 0
        paragraph_length += 1
    return breaks


class _AnnotatedKeys:
    """Gives a measure's quantities the keys the reader's rule finds (:func:`gwr._reading._targets.key_quantities`),
    then those the annotation names by quote, where no rule can know them."""

    def __init__(
        self,
        keys: list[tuple[Span, str]],
        indicators: tuple[Indicator, ...],
        *,
        year: int,
        text: str,
        source: str,
        parts: list[tuple[int, str | None]],
    ) -> None:
        self.parts = parts
        self.keys = keys
        self.text = text
        self.source = source
        self.indicators = indicators
        self.year = year
        self.consumer_prices = names_consumer_prices(text)
        self.used: set[int] = set()

    def __call__(self, sentence: Sentence, measure: Measure) -> Measure:
        from .._reading._targets import key_quantities

        own = measure.span.source == self.source
        quantities = list(
            key_quantities(
                measure.text,
                measure.quantities,
                self.indicators,
                year=self.year,
                consumer_prices=self.consumer_prices,
                look_back=period_at(self.text, measure.span.start, self.year, self.parts) if own else None,
            )
        )
        for index, (span, key) in enumerate(self.keys):
            if span.source != sentence.source or not (sentence.start <= span.start and span.end <= sentence.end):
                continue
            hits = [
                i
                for i, q in enumerate(quantities)
                if span.start <= sentence.start + q.start and sentence.start + q.end <= span.end
            ]
            if not hits:
                raise AnnotationError(f"quantity key {key}: no quantity in {span.exact!r}")
            for i in hits:
                quantities[i] = attrs.evolve(quantities[i], indicator=key)
            self.used.add(index)
        return attrs.evolve(measure, quantities=tuple(quantities))


def build_fulltext(
    note: ReportNote,
    texts: dict[str, str],
    ranges: dict[str, tuple[str, int, int]],
    targets: tuple[Target, ...],
    path: Path,
    indicators: tuple[Indicator, ...],
) -> Content:
    """The outline, tasks, measures and outcomes of the full text described by ``note``.

    ``ranges`` maps a document id to its source id and range in the normalized text.
    """
    full = note.fulltext
    if full is None:
        raise AnnotationError(f"{path}: no [fulltext] section")
    source_id, start, end = ranges[full.document]
    text = texts[source_id]
    sentences = sentences_of(source_id, text, start, end)
    for witness in full.merge:
        w_source, w_start, w_end = ranges[witness.document]
        w_from = find_quote(texts[w_source], witness.from_, w_start, w_end, f"{path} merge.from")
        w_to = find_quote(texts[w_source], witness.to, w_from, w_end, f"{path} merge.to") if witness.to else w_end
        p_from = find_quote(text, witness.primary_from, start, end, f"{path} merge.primary_from")
        head = [s for s in sentences if s.start < p_from]
        tail = [s for s in sentences if s.start >= p_from]
        sentences = head + merge(tail, sentences_of(w_source, texts[w_source], w_from, w_to))
    keys = []
    for key_note in note.quantity_keys:
        at = find_quote(text, key_note.quote, start, end, f"{path} quantity key {key_note.key}", key_note.prefix)
        keys.append((span_at(source_id, text, at, at + len(key_note.quote)), key_note.key))
    keyer = _AnnotatedKeys(
        keys,
        indicators,
        year=note.year,
        text=text,
        source=source_id,
        parts=part_periods(sentences, note.year, source_id),
    )
    themes: dict[int, tuple[str | None, str | None]] = {t.number: (t.theme, t.secondary_theme) for t in note.tasks}
    subtask_themes: dict[int, dict[int, tuple[str | None, str | None]]] = {
        t.number: {s.number: (s.theme, s.secondary_theme) for s in t.subtasks} for t in note.tasks if t.subtasks
    }
    layout = None if full.task_part is None else TaskLayout(area_part=full.task_part)
    body = read_body(
        texts,
        sentences,
        targets=targets,
        layout=layout,
        keyer=keyer,
        themes=themes,
        subtask_themes=subtask_themes,
        part_paragraphs=full.part_paragraphs,
    )
    tasks = body.tasks
    numbered = {(t.number, s.number) for t in tasks for s in t.subtasks}
    stray = sorted((t.number, s.number) for t in note.tasks for s in t.subtasks if (t.number, s.number) not in numbered)
    if stray:
        raise AnnotationError(f"{path}: themes for sub-tasks (task, sub-task) that do not exist: {stray}")
    missing_themes = sorted(t.number for t in body.tasks if t.theme is None)
    if missing_themes:
        raise AnnotationError(f"{path}: tasks {missing_themes} have no theme")
    unused = [note.quantity_keys[i].quote for i in range(len(keys)) if i not in keyer.used]
    if unused:
        raise AnnotationError(f"{path}: quantity keys whose quote is in no measure: {unused}")
    outcomes = tuple(_outcome(o, note, text, source_id, start, end, path, indicators) for o in note.outcomes)
    return attrs.evolve(body, outcomes=outcomes)


def _outcome(
    o: OutcomeNote,
    note: ReportNote,
    text: str,
    source_id: str,
    start: int,
    end: int,
    path: Path,
    indicators: tuple[Indicator, ...],
) -> Outcome:
    at = find_quote(text, o.quote, start, end, f"{path} outcome {o.key}", o.prefix)
    year = o.year if o.year is not None else note.year - 1
    try:
        outcome = outcome_at(source_id, text, at, at + len(o.quote), o.key, year)
    except ValueError as error:
        raise AnnotationError(f"{path}: {error}") from None
    if outcome.quantity is None:
        return outcome
    # the key is the annotation's; what the figure means, the rule's
    meant = meaning_in(outcome.text, outcome.quantity, o.key, indicators, year=note.year)
    return attrs.evolve(outcome, quantity=meant)
