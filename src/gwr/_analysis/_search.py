"""Finding words: search across documents, and counts per document.

- :func:`search`: every place a phrase occurs in the bundled documents (reports, speeches, the
  press conference, summaries), each with its document, :class:`~gwr.Span` and context; with
  ``lang="en"``, in the official English the data holds (the aligned segments of the facts of
  2008–2022), each span into its translation.
- :func:`count`: how often a phrase occurs, per document.

An indicator's values across the years are :func:`gwr.series` (:mod:`gwr._analysis._series`).
"""

from __future__ import annotations

import functools
import hashlib
import html
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import ClassVar

import attrs

from .._model._errors import InvalidArgumentError, InvalidTypeError
from .._model._provenance import span_at
from .._model._records import Document, Source, Span
from ._results import Lang, Results, _Row, check_lang

__all__ = ["Hit", "PhraseCount", "count", "search"]


# --------------------------------------------------------------------------------------------
# search and count
# --------------------------------------------------------------------------------------------


@attrs.frozen
class Hit(_Row):
    """One occurrence of a phrase (a row of :func:`search`).

    ``span`` locates the match in the normalized text of source ``span.source`` (the match may
    run over a line break, which ``span.exact`` keeps); ``context`` is the text around it with
    whitespace runs shown as one space. ``report`` is the id of the report the document belongs
    to, where it belongs to one. ``repeated`` is true in a document the data marks as
    repeating another (a ■ key-points box that repeats its speech); a hit inside such a box
    belongs to the box, not to the speech around it. ``also`` holds the spans of the same passage
    in the report's other witnesses (the newspaper copy of part three, the news summary of part
    one), whose hits :func:`search` folded into this one.

    A hit of ``search(..., lang="en")`` has ``lang`` ``"en"``: ``span`` is in the translation
    (``document`` is its id, ``translations-2012``), ``text`` and ``context`` are the English
    as it reads (XML escapes read), and ``path`` names the fact whose aligned segment holds it
    (``targets[0]``, ``tasks[2].subtasks[1]``; the first, where several share the segment).

    >>> import gwr
    >>> hit = gwr.search("人工智能+")[0]
    >>> hit.document, hit.report, hit.span.source, hit.span.exact
    ('gwr-2025-summary', 'gwr-2025', '000', '人工智能+')
    >>> hit = gwr.search("人工智能+", documents="gwr-2024")[0]
    >>> hit.document, hit.span.source, [(span.source, span.exact) for span in hit.also]
    ('gwr-2024-full', '003', [('002', '人工智能+')])
    """

    document: str
    report: str | None
    span: Span
    context: str
    repeated: bool = False
    also: tuple[Span, ...] = ()
    lang: Lang = "zh"
    path: str | None = None

    _columns: ClassVar[tuple[str, ...]] = ("document", "source", "start", "context")
    _columns_en: ClassVar[tuple[str, ...] | None] = ("report", "fact", "source", "start", "context")
    _fields: ClassVar[tuple[str, ...]] = (
        "document",
        "report",
        "source",
        "start",
        "end",
        "exact",
        "text",
        "context",
        "repeated",
        "also",
        "lang",
        "path",
    )

    @property
    def text(self) -> str:
        """The words found as they read (``span.exact`` with a translation's XML escapes read)."""
        return html.unescape(self.span.exact) if self.lang == "en" else self.span.exact

    def to_record(self) -> dict[str, object]:
        """The hit as a plain dict."""
        return {
            "document": self.document,
            "report": self.report,
            "source": self.span.source,
            "start": self.span.start,
            "end": self.span.end,
            "exact": self.span.exact,
            "text": self.text,
            "context": self.context,
            "repeated": self.repeated,
            "also": " ".join(f"{span.source}:{span.start}-{span.end}" for span in self.also) or None,
            "lang": self.lang,
            "path": self.path,
        }

    def _cells_en(self) -> list[str]:
        return [self.report or self.document, self.path or "", self.span.source, str(self.span.start), self.context]

    def _cells(self) -> list[str]:
        mark = " (repeated)" if self.repeated else ""
        source = self.span.source + "".join(f" (also {span.source})" for span in self.also)
        return [self.document + mark, source, str(self.span.start), self.context]


@attrs.frozen
class PhraseCount(_Row):
    """How often a phrase occurs in one document (a row of :func:`count`).

    ``count`` leaves out occurrences inside passages marked as repeated unless
    :func:`count` was asked to include them; ``repeated`` is how many occurrences are inside
    such passages either way.

    >>> import gwr
    >>> row = gwr.count("新质生产力")["gwr-2024-full"]
    >>> row.count, row.kind, row.source
    (1, 'report', '003')
    """

    document: str
    report: str | None
    source: str
    title: str
    kind: str
    count: int
    repeated: int = 0

    _columns: ClassVar[tuple[str, ...]] = ("document", "kind", "count", "repeated", "title")
    _fields: ClassVar[tuple[str, ...]] = ("document", "report", "source", "title", "kind", "count", "repeated")
    _key_field: ClassVar[str | None] = "document"

    def to_record(self) -> dict[str, object]:
        """The count as a plain dict."""
        return {field: getattr(self, field) for field in self._fields}

    def _cells(self) -> list[str]:
        return [self.document, self.kind, str(self.count), str(self.repeated), self.title]


_WIDE = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def _pattern(text: str) -> re.Pattern[str]:
    """A pattern for ``text`` that allows whitespace between characters and either width."""
    pieces = []
    for char in text:
        if char.isspace():
            continue
        variants = {char, unicodedata.normalize("NFKC", char)}
        variants |= {_WIDE[v] for v in list(variants) if v in _WIDE}
        escaped = sorted(re.escape(v) for v in variants if len(v) == 1)
        pieces.append(escaped[0] if len(escaped) == 1 else "[" + "".join(escaped) + "]")
    return re.compile(r"\s*".join(pieces), re.IGNORECASE)


def _phrase(text: object) -> str:
    if not isinstance(text, str):
        raise InvalidTypeError(f"the text to search for is a str, not {type(text).__name__}")
    if not text.strip():
        raise InvalidArgumentError("the text to search for is empty")
    return text


def _report_of(document: Document, report_ids: list[str]) -> str | None:
    for report_id in report_ids:
        if document.id == report_id or document.id.startswith(report_id + "-"):
            return report_id
    return None


def _nested_ranges(source: Source, document: Document) -> list[tuple[int, int]]:
    """The ranges of the documents that lie inside ``document`` (a box inside its speech).

    A hit there belongs to the inner document, not to ``document``.
    """
    return [
        (other.start, other.end)
        for other in source.documents
        if other is not document
        and document.start <= other.start
        and other.end <= document.end
        and (other.start, other.end) != (document.start, document.end)
    ]


@functools.lru_cache(maxsize=4)
def _cited_at_hand(folder: str) -> tuple[Source, ...]:
    """The cited sources whose text the corpus ``folder`` holds with the recorded sha256, each
    with its text (normalized when first searched)."""
    import attrs

    from .._data._lookup import sources
    from .._reading._own import OwnText

    found = []
    for source in sources():
        if source.bundled or not source.file:
            continue
        path = Path(folder) / source.file
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(raw).hexdigest() == source.sha256:
            found.append(attrs.evolve(source, texts=OwnText(raw.decode("utf-8"), source.profile)))
    return tuple(found)


def _searched_sources(corpus: str | os.PathLike[str] | None) -> list[Source]:
    """The bundled sources, and the cited ones whose text ``corpus`` holds."""
    from .._data._check import _corpus_folder
    from .._data._lookup import sources

    found = [s for s in sources() if s.bundled]
    if corpus is not None:
        folder = _corpus_folder(corpus)
        assert folder is not None
        found.extend(_cited_at_hand(str(folder.resolve())))
    return found


def _selected(
    documents: str | Iterable[str] | None,
    kinds: str | Iterable[str] | None,
    corpus: str | os.PathLike[str] | None = None,
) -> Iterator[tuple[Source, Document, str | None]]:
    from .._data._db import default

    report_ids = default().report_ids()
    wanted_documents = _names(documents, "documents")
    wanted_kinds = _names(kinds, "kinds")
    all_sources = _searched_sources(corpus)  # a cited text only where the corpus holds it
    every = [(s, d, _report_of(d, report_ids)) for s in all_sources for d in s.documents]
    if wanted_documents is not None:
        known = {d.id for _, d, _ in every} | {r for _, _, r in every if r is not None}
        unknown = [name for name in wanted_documents if name not in known]
        if unknown:
            from .._model._errors import NotFoundError

            raise NotFoundError(f"no document or report {unknown[0]!r}", unknown[0], sorted(known))
    if wanted_kinds is not None:
        kinds_known = {d.kind for _, d, _ in every}
        unknown = sorted(wanted_kinds - kinds_known)
        if unknown:
            from .._model._errors import NotFoundError

            raise NotFoundError(f"no document kind {unknown[0]!r}", unknown[0], sorted(kinds_known))
    for source, document, report in every:
        if wanted_documents is not None and document.id not in wanted_documents and report not in wanted_documents:
            continue
        if wanted_kinds is not None and document.kind not in wanted_kinds:
            continue
        yield source, document, report


def _names(value: str | Iterable[str] | None, what: str) -> set[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return {value}
    if not isinstance(value, Iterable):
        raise InvalidTypeError(f"{what} are named by a str id or an iterable of them, not {type(value).__name__}")
    names = set(value)
    if not all(isinstance(name, str) for name in names):
        raise InvalidTypeError(f"{what} are named by str ids")
    return names


def _context(text: str, start: int, end: int, low: int, high: int, width: int) -> str:
    before = text[max(low, start - width) : start]
    after = text[end : min(high, end + width)]
    return " ".join((before + text[start:end] + after).split())


def _matches(
    text: str,
    documents: str | Iterable[str] | None,
    kinds: str | Iterable[str] | None,
    corpus: str | os.PathLike[str] | None = None,
) -> Iterator[tuple[Source, Document, str | None, str, re.Match[str], bool]]:
    phrase = _phrase(text)
    selected = list(_selected(documents, kinds, corpus))
    longest = max((d.end - d.start for _, d, _ in selected), default=0)
    if sum(1 for c in phrase if not c.isspace()) > longest:
        return  # longer than any document: no hit, and no pattern worth building
    pattern = _pattern(phrase)
    for source, document, report in selected:
        normalized = source.normalized
        nested = _nested_ranges(source, document)
        repeated = document.repeats is not None
        for match in pattern.finditer(normalized, document.start, document.end):
            if any(low <= match.start() < high for low, high in nested):
                continue  # counted in the inner document
            yield source, document, report, normalized, match, repeated


def search(
    text: str,
    *,
    documents: str | Iterable[str] | None = None,
    kinds: str | Iterable[str] | None = None,
    context: int = 20,
    include_repeated: bool = True,
    merge_witnesses: bool = True,
    corpus: str | os.PathLike[str] | None = None,
    lang: str = "zh",
) -> Results[Hit]:
    """Find every occurrence of ``text`` in the bundled documents (and the cited texts at hand),
    or in the official English.

    The search runs over the normalized text of every document of every source (the reports,
    the speeches, the press conference, the summaries), in source order; with ``corpus``, over
    the cited texts that folder holds too (each verified by its sha256), the documents of a
    cited report included: its text and its appendices (a glossary, 名词解释, is a document of
    kind ``appendix``, ``<report id>-appendix-1``). Whitespace is ignored
    (a phrase broken by a line break is found, and spaces in ``text`` are optional), as are the
    case of Latin letters and the width of ASCII characters (``+`` finds ``＋``).

    Args:
        text: the phrase to find (``"新质生产力"``, ``"人工智能+"``).
        documents: only these documents: document ids (``"speech-2024-03-05"``) or report ids
            (``"gwr-2024"`` stands for every document of that report), one or several.
        kinds: only documents of these kinds (``"report"``, ``"speech"``, ``"press_conference"``...).
        context: how many characters of context to show on each side of a hit.
        include_repeated: whether to keep hits inside passages marked as repeating another
            (they are kept, and flagged ``repeated``, by default).
        merge_witnesses: whether to show a passage of a report once where several witnesses
            of the report have it (by default): the hit in the report's primary witness (its
            full text) is kept, and the others' spans go to its :attr:`Hit.also`. A hit is the
            same passage where the witness reads the same ten characters (punctuation and
            spacing aside) on at least one side of the phrase. A passage only a second witness
            has stays a hit of its own.
        corpus: a corpus folder (the one with ``corpus.json``): search the cited texts it holds
            as well, where their sha256 is the one recorded; by default only the bundled texts.
        lang: ``"en"`` searches the official English instead: the aligned English segment of
            every fact that has one (the targets, outcomes, measures and task titles of the
            reports 2008–2022), case and spacing aside. The translations themselves are cited,
            not bundled, so the English between the facts is not searched. ``documents`` then
            names reports (``"gwr-2012"``) or translations (``"translations-2012"``), ``kinds``
            ``"translation"``; each hit's span is in the translation file.

    Returns:
        :class:`Results` of :class:`Hit` rows, in source and text order; the title says how
        many hits of second witnesses were folded into the primary witness's.

    Raises:
        InvalidArgumentError: ``text`` is empty, ``context`` is negative, ``lang`` is neither
            ``"zh"`` nor ``"en"`` (also a :class:`ValueError`), or ``corpus`` holds no
            ``corpus.json``.
        InvalidTypeError: ``text`` or ``lang`` is not a str.
        NotFoundError: a document or report in ``documents``, or a kind in ``kinds``, does not exist.

    >>> import gwr
    >>> hits = gwr.search("新质生产力", documents="gwr-2024-full")
    >>> hits[0].document, hits[0].span.exact
    ('gwr-2024-full', '新质生产力')
    >>> source = gwr.source(hits[0].span.source)
    >>> source.normalized[hits[0].span.start : hits[0].span.end]
    '新质生产力'
    >>> print(gwr.search("人工智能+", documents="gwr-2024").title)
    '人工智能+': 1 hit (1 more in a second witness of the same report, shown once)
    >>> hit = gwr.search("urban jobs", lang="en", documents="gwr-2013")[0]
    >>> hit.report, hit.span.source, hit.text, hit.path
    ('gwr-2013', 'translations-2013', 'urban jobs', 'outcomes[2]')
    """
    if isinstance(context, bool) or not isinstance(context, int):
        raise InvalidTypeError(f"context is a number of characters (int), not {type(context).__name__}")
    if context < 0:
        raise InvalidArgumentError(f"context must not be negative, not {context}")
    if check_lang(lang) == "en":
        return _search_english(text, documents, kinds, context)
    hits = []
    keys: list[tuple[str, str]] = []
    for source, document, report, normalized, match, repeated in _matches(text, documents, kinds, corpus):
        if repeated and not include_repeated:
            continue
        start, end = match.span()
        hits.append(
            Hit(
                document=document.id,
                report=report,
                span=span_at(source.id, normalized, start, end),
                context=_context(normalized, start, end, document.start, document.end, context),
                repeated=repeated,
            )
        )
        keys.append(_sides(normalized, start, end, document.start, document.end))
    folded = 0
    if merge_witnesses:
        hits, folded = _fold_witnesses(hits, keys)
    title = f"{text!r}: {len(hits)} hit{'' if len(hits) == 1 else 's'}"
    if folded:
        title += f" ({folded} more in a second witness of the same report, shown once)"
    return Results(hits, Hit, title)


# --------------------------------------------------------------------------------------------
# In the official English
# --------------------------------------------------------------------------------------------

_TRANSLATION = "translation"
"""The kind of document a hit in the official English is in."""


def _english_pattern(text: str) -> re.Pattern[str]:
    """A pattern for English ``text``: its words in order with any spacing between, any case,
    either apostrophe (' or ’)."""
    words = [re.sub("['’]", lambda _: "['’]", re.escape(word)) for word in text.split()]
    return re.compile(r"\s+".join(words), re.IGNORECASE)


def _unescaped(raw: str) -> tuple[str, list[int]]:
    """``raw`` with its XML escapes read, and for each character (and the end) its offset in ``raw``."""
    text: list[str] = []
    where: list[int] = []
    at = 0
    for m in re.finditer(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);", raw):
        for i in range(at, m.start()):
            text.append(raw[i])
            where.append(i)
        read = html.unescape(m.group())
        text.extend(read)
        where.extend([m.start()] * len(read))
        at = m.end()
    for i in range(at, len(raw)):
        text.append(raw[i])
        where.append(i)
    where.append(len(raw))
    return "".join(text), where


def _english_segments(
    documents: str | Iterable[str] | None, kinds: str | Iterable[str] | None
) -> Iterator[tuple[str, str, Span]]:
    """(report id, path of the first fact, segment) of each aligned English segment the data holds, once."""
    from .._data._lookup import reports

    every = list(reports())
    wanted_documents = _names(documents, "documents")
    wanted_kinds = _names(kinds, "kinds")
    segments: dict[tuple[str, int, int], tuple[str, str, Span]] = {}
    for report in every:
        for path, item in report.iter_items():
            english = getattr(item, "english", None)
            if english is not None and english.segment is not None:
                segment = english.segment
                segments.setdefault((segment.source, segment.start, segment.end), (report.id, path, segment))
    known = {r for r, _, _ in segments.values()} | {s.source for _, _, s in segments.values()}
    if wanted_documents is not None:
        unknown = sorted(wanted_documents - known)
        if unknown:
            from .._model._errors import NotFoundError

            raise NotFoundError(
                f"no report or translation {unknown[0]!r} with official English", unknown[0], sorted(known)
            )
    if wanted_kinds is not None and wanted_kinds != {_TRANSLATION}:
        from .._model._errors import NotFoundError

        unknown = sorted(wanted_kinds - {_TRANSLATION})
        raise NotFoundError(f"no document kind {unknown[0]!r} in the official English", unknown[0], [_TRANSLATION])
    for key in sorted(segments):
        report_id, path, segment = segments[key]
        if wanted_documents is None or report_id in wanted_documents or segment.source in wanted_documents:
            yield report_id, path, segment


def _search_english(
    text: str, documents: str | Iterable[str] | None, kinds: str | Iterable[str] | None, context: int
) -> Results[Hit]:
    phrase = _phrase(text)
    pattern = _english_pattern(phrase)
    hits = []
    for report_id, path, segment in _english_segments(documents, kinds):
        read, where = _unescaped(segment.exact)
        for match in pattern.finditer(read):
            start, end = where[match.start()], where[match.end()]
            raw = segment.exact
            span = Span(
                source=segment.source,
                start=segment.start + start,
                end=segment.start + end,
                exact=raw[start:end],
                prefix=raw[max(0, start - 16) : start],  # as far as the segment reaches: its text is cited
                suffix=raw[end : end + 16],
            )
            hits.append(
                Hit(
                    document=segment.source,
                    report=report_id,
                    span=span,
                    context=_context(read, match.start(), match.end(), 0, len(read), context),
                    lang="en",
                    path=path,
                )
            )
    title = f"{text!r} in the official English: {len(hits)} hit{'' if len(hits) == 1 else 's'}"
    return Results(hits, Hit, title, lang="en")


_SIDE = 10
"""Characters (punctuation and spacing aside) on one side of a hit that identify its passage."""


def _sides(text: str, start: int, end: int, low: int, high: int) -> tuple[str, str]:
    """The ``_SIDE`` word characters before and after ``text[start:end]`` within ``[low, high)``."""
    before = _WORD_DROP.sub("", text[max(low, start - 4 * _SIDE) : start])[-_SIDE:]
    after = _WORD_DROP.sub("", text[end : min(high, end + 4 * _SIDE)])[:_SIDE]
    return before, after


_WORD_DROP = re.compile(r"[\W_]+")


def _fold_witnesses(hits: list[Hit], keys: list[tuple[str, str]]) -> tuple[list[Hit], int]:
    """Fold each hit of a report's second witness into the primary witness's hit of the same passage."""
    from .._data._db import default

    db = default()
    primaries: dict[str, str] = {}
    for report_id in {hit.report for hit in hits if hit.report is not None}:
        witnesses = db.report(report_id).witnesses
        if len(witnesses) > 1:
            primaries[report_id] = witnesses[0]
    # the primary witness's hits of each report, by the words on either side of them
    by_side: dict[tuple[str, int, str], list[int]] = {}
    for j, candidate in enumerate(hits):
        if candidate.report is not None and primaries.get(candidate.report) == candidate.span.source:
            for side, words in enumerate(keys[j]):
                if len(words) == _SIDE:
                    by_side.setdefault((candidate.report, side, words), []).append(j)
    also: dict[int, list[Span]] = {}
    dropped: set[int] = set()
    for i, hit in enumerate(hits):
        primary = primaries.get(hit.report or "")
        if hit.report is None or primary is None or hit.span.source == primary:
            continue
        before, after = keys[i]
        candidates = sorted({*by_side.get((hit.report, 0, before), ()), *by_side.get((hit.report, 1, after), ())})
        best, best_score = None, 0
        for j in candidates:
            if any(span.source == hit.span.source for span in also.get(j, ())):
                continue  # each primary hit takes one hit of each witness
            their_before, their_after = keys[j]
            score = (len(before) == _SIDE and before == their_before) + (len(after) == _SIDE and after == their_after)
            if score > best_score:
                best, best_score = j, score
        if best is not None:
            also.setdefault(best, []).append(hit.span)
            dropped.add(i)
    kept = [
        attrs.evolve(hit, also=tuple(also[i])) if i in also else hit for i, hit in enumerate(hits) if i not in dropped
    ]
    return kept, len(dropped)


def count(
    phrase: str,
    *,
    documents: str | Iterable[str] | None = None,
    kinds: str | Iterable[str] | None = None,
    include_repeated: bool = False,
    corpus: str | os.PathLike[str] | None = None,
) -> Results[PhraseCount]:
    """Count the occurrences of ``phrase`` in each bundled document.

    Matching is as in :func:`search`. Every selected document gets a row, those without the
    phrase too (with ``count`` 0). Occurrences inside passages the data marks as repeating
    another (a ■ key-points box that repeats its speech) are left out of ``count`` unless
    ``include_repeated`` is true; ``repeated`` says how many there are.

    Args:
        phrase: the phrase to count.
        documents: only these documents or reports (ids), as in :func:`search`.
        kinds: only documents of these kinds, as in :func:`search`.
        include_repeated: count occurrences inside repeated passages too.
        corpus: a corpus folder: count in the cited texts it holds as well, as :func:`search` does.

    Returns:
        :class:`Results` of :class:`PhraseCount` rows, in source order, indexable by document id.

    Raises:
        InvalidArgumentError: ``phrase`` is empty.
        InvalidTypeError: ``phrase`` is not a str.
        NotFoundError: a document or report in ``documents``, or a kind in ``kinds``, does not exist.

    >>> import gwr
    >>> counts = gwr.count("新质生产力")
    >>> counts["gwr-2024-full"].count > 0
    True
    >>> every = gwr.search("新质生产力", include_repeated=False, merge_witnesses=False)
    >>> sum(row.count for row in counts) == len(every)
    True
    """
    totals: dict[str, list[int]] = {}
    for _, document, _, _, _, in_repeat in _matches(phrase, documents, kinds, corpus):
        tally = totals.setdefault(document.id, [0, 0])
        tally[1 if in_repeat else 0] += 1
    rows = []
    for source, document, report in _selected(documents, kinds, corpus):
        plain, repeated = totals.get(document.id, [0, 0])
        rows.append(
            PhraseCount(
                document=document.id,
                report=report,
                source=source.id,
                title=document.title,
                kind=document.kind,
                count=plain + repeated if include_repeated else plain,
                repeated=repeated,
            )
        )
    return Results(rows, PhraseCount, f"{phrase!r} per document")
