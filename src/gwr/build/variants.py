"""Finding the variants between a report's witnesses, at build time.

``annotations/variants/<report id>.toml`` names, for each part that two witnesses hold, the
range of each in its document (the report's full text is the primary witness) and what the
second witness says in its own words (``ignore``: a news agency's datelines and headlines,
which are not the report's text). A box set into a witness that repeats it (an infographic) is
left out. Both ranges are compared as the report's words only: whitespace, punctuation and
symbols are ignored, so extraction damage and punctuation are never variants.

1. Each witness is cut into sentences (after 。！？； and at line ends). Sentences that read the
   same (in their words) are paired in order; then each sentence left over in the second witness
   is paired with the most similar leftover sentence of the primary (at least
   :data:`SIMILAR` alike), wherever it stands, so that a passage the second witness moved is
   still compared.
2. In a pair, every run of words that differs is widened to its clause (between the marks
   ，。；：！？、 or a line end); differing runs in one clause make one variant, ``wording``
   (an ``omission`` where one witness lacks whole clauses).
3. Paired sentences that stand in another order in the second witness (off the longest run of
   pairs in the same order in both) make a ``transposition``: the passage, where each has it.
4. A sentence that only the second witness has is an ``omission`` of the primary, unless the
   primary has its words (cut into sentences differently). A sentence that only the primary has
   is an ``omission`` of the second witness where that witness is complete for the part; an
   abridged witness (a news summary) leaves passages out, which is no variant.
5. In an abridged witness, a pair that differs only in whole clauses the witness leaves out is
   no variant either. A sentence cut off inside a clause (001's 自觉依法接受监 against 003's
   自觉依法接受监督。) is a truncation: a ``wording`` variant, as a word cut short before a full
   stop is (001's 全面提高政府履职能。).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from .._data._variants import Variant
from .._model._provenance import span_at
from .._model._records import Document, Report
from .._reading._outline import sentences_of
from .annotations import AnnotationError, find_quote, load

if TYPE_CHECKING:
    from .generate import Corpus

SIMILAR = 0.6
"""How alike (difflib's ratio of their words) two sentences must be to be compared."""

_CLAUSE_MARKS = "，。；：！？、\n"


@attrs.frozen
class WitnessNote:
    """Part ``part`` as witnessed by ``document`` against the primary's ``primary`` document.

    Each range runs from its ``*_starts`` quote (default: the document's start) up to its
    ``*_ends_before`` quote (default: the document's end). ``abridged``: the witness leaves
    passages out (a news summary). ``ignore`` / ``primary_ignore``: regular expressions for
    text that is not the report's (a dateline, a headline, an item marker the other lacks).
    """

    part: int
    primary: str
    witness: str
    abridged: bool
    primary_starts: str | None = None
    primary_ends_before: str | None = None
    witness_starts: str | None = None
    witness_ends_before: str | None = None
    ignore: tuple[str, ...] = ()
    primary_ignore: tuple[str, ...] = ()


@attrs.frozen
class VariantsFile:
    witnesses: tuple[WitnessNote, ...]


@attrs.frozen
class _Sentence:
    start: int
    end: int
    key: str  # the report's words: no whitespace, punctuation, symbols or ignored text
    offsets: tuple[int, ...]  # where each character of ``key`` is in the text


@attrs.frozen
class _Witness:
    source: str
    text: str
    start: int
    end: int
    sentences: tuple[_Sentence, ...]

    @property
    def words(self) -> str:
        return "".join(s.key for s in self.sentences)


def build_variants(report: Report, corpus: Corpus, root: Path) -> tuple[Variant, ...]:
    """The variants of ``report``, from ``annotations/variants/<report id>.toml`` (none without one)."""
    path = root / "annotations" / "variants" / f"{report.id}.toml"
    if not path.exists():
        return ()
    notes = load(path, VariantsFile)
    found: list[Variant] = []
    for note in notes.witnesses:
        primary = _witness(
            corpus, note.primary, note.primary_starts, note.primary_ends_before, note.primary_ignore, path
        )
        second = _witness(corpus, note.witness, note.witness_starts, note.witness_ends_before, note.ignore, path)
        strangers = [w.source for w in (primary, second) if w.source not in report.witnesses]
        if strangers:
            raise AnnotationError(f"{path}: sources {strangers} are not witnesses of {report.id}")
        found.extend(compare(report.id, note.part, primary, second, abridged=note.abridged))
    return tuple(sorted(found, key=lambda v: (v.part, v.spans[0].start, v.spans[0].end)))


def _witness(
    corpus: Corpus, document_id: str, starts: str | None, ends_before: str | None, ignore: tuple[str, ...], path: Path
) -> _Witness:
    source_id, document = corpus.document(document_id)
    text = corpus.texts[source_id]
    start, end = document.start, document.end
    if starts is not None:
        start = find_quote(text, starts, start, end, f"{path}: {document_id} starts")
    if ends_before is not None:
        end = find_quote(text, ends_before, start, end, f"{path}: {document_id} ends_before")
    masked = bytearray(len(text))
    for box in _boxes(corpus, source_id, document):
        masked[box.start : box.end] = b"\x01" * (box.end - box.start)
    for pattern in ignore:
        try:
            compiled = re.compile(pattern, re.MULTILINE)
        except re.error as error:
            raise AnnotationError(f"{path}: ignore pattern {pattern!r}: {error}") from None
        hits = list(compiled.finditer(text, start, end))
        if not hits:
            raise AnnotationError(f"{path}: ignore pattern {pattern!r} matches nothing in {document_id}")
        for hit in hits:
            masked[hit.start() : hit.end()] = b"\x01" * (hit.end() - hit.start())
    sentences: list[_Sentence] = []
    broken = False  # whether the last sentence runs on over a line break
    for sentence in sentences_of(source_id, text, start, end):
        offsets = tuple(i for i in range(sentence.start, sentence.end) if not masked[i] and _is_word(text[i]))
        if not offsets:
            broken = False
            continue
        if broken:  # a sentence broken by a line break (extraction damage) is one sentence
            last = sentences.pop()
            offsets = last.offsets + offsets
            sentence = attrs.evolve(sentence, start=last.start)
        key = "".join(text[i] for i in offsets)
        sentences.append(_Sentence(sentence.start, sentence.end, key, offsets))
        broken = not text[sentence.start : sentence.end].rstrip("”’」』）").endswith(tuple("。！？；"))
    return _Witness(source_id, text, start, end, tuple(sentences))


def _boxes(corpus: Corpus, source_id: str, document: Document) -> list[Document]:
    """The documents set inside ``document`` that repeat another (left out of the comparison)."""
    source = next(s for s in corpus.sources if s.id == source_id)
    return [
        d
        for d in source.documents
        if d.repeats is not None and d.id != document.id and document.start <= d.start and d.end <= document.end
    ]


def _is_word(char: str) -> bool:
    return unicodedata.category(char)[0] not in "PSZC"


def compare(report_id: str, part: int, primary: _Witness, second: _Witness, *, abridged: bool) -> list[Variant]:
    """The variants between ``primary`` and ``second`` (see the module docstring)."""
    pairs = _pairs(primary, second)
    paired_primary = {p for p, _ in pairs}
    paired_second = {s for _, s in pairs}
    found: list[Variant] = []
    for p, s in pairs:
        found.extend(_pair_variants(report_id, part, primary, second, p, s, abridged))
    for moved in _moved(pairs):
        (first_p, first_s), (last_p, last_s) = moved[0], moved[-1]
        spans = (
            span_at(primary.source, primary.text, primary.sentences[first_p].start, primary.sentences[last_p].end),
            span_at(second.source, second.text, second.sentences[first_s].start, second.sentences[last_s].end),
        )
        found.append(Variant(report=report_id, part=part, kind="transposition", spans=spans))
    primary_words, second_words = primary.words, second.words
    for run in _runs(sorted(set(range(len(second.sentences))) - paired_second)):
        sentences = [second.sentences[i] for i in run]
        if "".join(s.key for s in sentences) in primary_words:
            continue  # the primary has these words, cut into sentences differently
        at = _insertion_point(primary, pairs, run[0])
        spans = (
            span_at(primary.source, primary.text, at, at),
            span_at(second.source, second.text, sentences[0].start, sentences[-1].end),
        )
        found.append(Variant(report=report_id, part=part, kind="omission", spans=spans))
    if not abridged:
        for run in _runs(sorted(set(range(len(primary.sentences))) - paired_primary)):
            sentences = [primary.sentences[i] for i in run]
            if "".join(s.key for s in sentences) in second_words:
                continue
            at = _insertion_point(second, [(s, p) for p, s in pairs], run[0])
            spans = (
                span_at(primary.source, primary.text, sentences[0].start, sentences[-1].end),
                span_at(second.source, second.text, at, at),
            )
            found.append(Variant(report=report_id, part=part, kind="omission", spans=spans))
    return found


def _pairs(primary: _Witness, second: _Witness) -> list[tuple[int, int]]:
    """Pairs (primary index, second index) of sentences that witness the same passage."""
    keys_p = [s.key for s in primary.sentences]
    keys_s = [s.key for s in second.sentences]
    matcher = difflib.SequenceMatcher(None, keys_p, keys_s, autojunk=False)
    pairs: list[tuple[int, int]] = []
    for block in matcher.get_matching_blocks():
        pairs.extend((block.a + k, block.b + k) for k in range(block.size))
    left_p = sorted(set(range(len(keys_p))) - {p for p, _ in pairs})
    left_s = sorted(set(range(len(keys_s))) - {s for _, s in pairs})
    candidates = []
    for s in left_s:
        for p in left_p:
            alike = difflib.SequenceMatcher(None, keys_p[p], keys_s[s], autojunk=False)
            if alike.real_quick_ratio() >= SIMILAR and alike.quick_ratio() >= SIMILAR:
                ratio = alike.ratio()
                if ratio >= SIMILAR:
                    candidates.append((-ratio, p, s))
    taken_p: set[int] = set()
    taken_s: set[int] = set()
    for _, p, s in sorted(candidates):
        if p not in taken_p and s not in taken_s:
            pairs.append((p, s))
            taken_p.add(p)
            taken_s.add(s)
    return sorted(pairs)


def _moved(pairs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Runs of pairs that stand elsewhere in the second witness than in the primary: those off
    the longest run of pairs in the same order in both, grouped where they follow each other."""
    kept = _longest_increasing([s for _, s in pairs])
    runs: list[list[tuple[int, int]]] = []
    for index, pair in enumerate(pairs):
        if index in kept:
            continue
        if runs and runs[-1][-1] == pairs[index - 1] and pairs[index - 1][1] < pair[1]:
            runs[-1].append(pair)
        else:
            runs.append([pair])
    return runs


def _longest_increasing(values: list[int]) -> set[int]:
    """The indexes of a longest strictly increasing subsequence of ``values``."""
    tails: list[int] = []  # tails[k]: index of the smallest last value of an increasing run of length k + 1
    before: list[int | None] = []
    for index, value in enumerate(values):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if values[tails[middle]] < value:
                low = middle + 1
            else:
                high = middle
        before.append(tails[low - 1] if low else None)
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    kept: set[int] = set()
    at = tails[-1] if tails else None
    while at is not None:
        kept.add(at)
        at = before[at]
    return kept


def _runs(indexes: list[int]) -> list[list[int]]:
    """Consecutive runs of ``indexes`` (sorted)."""
    runs: list[list[int]] = []
    for index in indexes:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _insertion_point(witness: _Witness, pairs: list[tuple[int, int]], index: int) -> int:
    """Where in ``witness`` the passage before other-witness sentence ``index`` would stand: the
    start of the sentence paired with the next paired sentence after it (or the range's end)."""
    following = sorted((other, mine) for mine, other in pairs if other > index)
    if following:
        return witness.sentences[following[0][1]].start
    return witness.end


def _pair_variants(
    report_id: str, part: int, primary: _Witness, second: _Witness, p: int, s: int, abridged: bool
) -> list[Variant]:
    a, b = primary.sentences[p], second.sentences[s]
    if a.key == b.key:
        return []
    matcher = difflib.SequenceMatcher(None, a.key, b.key, autojunk=False)
    groups: list[_Group] = []  # each differing run, widened to its clause in each witness
    for op in matcher.get_opcodes():
        tag, i1, i2, j1, j2 = op
        if tag == "equal":
            continue
        range_a = _clause(primary.text, a, _range(a, i1, i2))
        range_b = _clause(second.text, b, _range(b, j1, j2))
        # where one witness lacks whole clauses of the other, it has nothing there: a point
        if i1 == i2 and _whole_clauses(b, j1, j2, range_b):
            range_a = _range(a, i1, i2)
        if j1 == j2 and _whole_clauses(a, i1, i2, range_a):
            range_b = _range(b, j1, j2)
        if groups and (_overlaps(groups[-1].primary, range_a) or _overlaps(groups[-1].second, range_b)):
            last = groups[-1]
            last.primary, last.second = _union(last.primary, range_a), _union(last.second, range_b)
            last.ops.append(op)
        else:
            groups.append(_Group(range_a, range_b, [op]))
    variants = []
    for group in groups:
        if abridged and _left_out(a, group):
            continue
        spans = (
            span_at(primary.source, primary.text, *group.primary),
            span_at(second.source, second.text, *group.second),
        )
        lacking = any(span.start == span.end for span in spans)
        variants.append(Variant(report=report_id, part=part, kind="omission" if lacking else "wording", spans=spans))
    return variants


@attrs.define
class _Group:
    """Differing runs of a pair of sentences that make one variant, with the clauses they are in."""

    primary: tuple[int, int]
    second: tuple[int, int]
    ops: list[tuple[str, int, int, int, int]]


def _range(sentence: _Sentence, i1: int, i2: int) -> tuple[int, int]:
    """The text range of ``sentence.key[i1:i2]`` (an empty range where the run is empty)."""
    if i1 < i2:
        return sentence.offsets[i1], sentence.offsets[i2 - 1] + 1
    at = sentence.offsets[i1] if i1 < len(sentence.offsets) else sentence.offsets[-1] + 1
    return at, at


def _clause(text: str, sentence: _Sentence, where: tuple[int, int]) -> tuple[int, int]:
    """``where`` widened to the clause(s) around it, inside ``sentence``."""
    start, end = where
    while start > sentence.start and text[start - 1] not in _CLAUSE_MARKS:
        start -= 1
    while end < sentence.end and text[end] not in _CLAUSE_MARKS:
        end += 1
    return start, end


def _whole_clauses(sentence: _Sentence, i1: int, i2: int, clauses: tuple[int, int]) -> bool:
    """Whether the words ``sentence.key[i1:i2]`` are all the words of the ``clauses`` range."""
    inside = [k for k, at in enumerate(sentence.offsets) if clauses[0] <= at < clauses[1]]
    return bool(inside) and all(i1 <= k < i2 for k in inside)


def _overlaps(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return (one[0] < other[1] and other[0] < one[1]) or one == other


def _union(one: tuple[int, int], other: tuple[int, int]) -> tuple[int, int]:
    return min(one[0], other[0]), max(one[1], other[1])


def _left_out(a: _Sentence, group: _Group) -> bool:
    """Whether an abridged witness only leaves words out here: whole clauses.

    A witness cut off inside a clause (001's 自觉依法接受监, where 003 reads 自觉依法接受监督。)
    has lost words, not left a passage out: that is a truncation, recorded as a ``wording``
    variant like any other (as 001's 全面提高政府履职能 is), whether or not a full stop follows.
    """
    if any(tag != "delete" for tag, *_ in group.ops):
        return False
    removed = {i for _, i1, i2, _, _ in group.ops for i in range(i1, i2)}
    clause_words = [k for k, at in enumerate(a.offsets) if group.primary[0] <= at < group.primary[1]]
    return bool(clause_words) and all(k in removed for k in clause_words)  # whole clauses left out
