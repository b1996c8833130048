"""The official English of a fact, from a TMX file aligning the report's sentences.

A translation memory (TMX 1.4) pairs each Chinese segment of a report with its official English
segment. :func:`english_of` finds the English of one fact (a target, a task's title):

1. the aligned unit whose Chinese segment holds the fact's words (exactly one; none, or several,
   and the English is absent with that reason);
2. within the English segment, the words for the fact: the whole segment where the Chinese
   segment holds one fact; where it holds several (国内生产总值增长7.5%；城镇新增就业900万人以上…),
   the segment's pieces between commas and semicolons, paired with the facts in order when the
   counts agree, else the one piece that states the fact's percentage;
3. a percentage the fact states must be in its English words (7.5% or 7.5 percent), else the
   words are absent, with the reason: a merged or shifted segment never gives a wrong sentence;
4. a heading (a task's title) is its segment's first sentence, where the alignment merged the
   next sentence into it.

Offsets count in the raw TMX text (profile ``verbatim``), so a span's quote is the file's text
as it is, XML escapes included; :attr:`gwr.English.text` reads it unescaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import attrs

from .._model._provenance import span_at
from .._model._records import English, Quantity

_UNIT = re.compile(
    r'<tuv xml:lang="zh-CN"><seg>(?P<zh>.*?)</seg></tuv>\s*<tuv xml:lang="en-US"><seg>(?P<en>.*?)</seg></tuv>',
    re.S,
)
_PIECE = re.compile(r"[^,;]+")
_LEAD = re.compile(r"\s*(?:--|—|-|\(?[0-9]+\)|[0-9]+\.|\([a-z]\))?\s*(?:and\s+)?", re.I)
_NUMERAL = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|[0-9]+[.、])")
_TRAIL = re.compile(r"[\s,;.:]+$")
_SEAM = re.compile(r"(?<=[a-z])(?:\.\s+|\s{2,})(?=[A-Z])")
"""Where a second sentence starts in a segment: a full stop, or the two spaces of a merge."""


@attrs.frozen
class Unit:
    """One aligned pair: the Chinese segment (unescaped, spaces removed) and where the English
    segment's content is in the raw TMX text."""

    zh: str
    en_start: int
    en_end: int


def read_tmx(raw: str) -> list[Unit]:
    """The aligned units of a TMX file's text, in order."""
    return [Unit(re.sub(r"\s+", "", html.unescape(m["zh"])), m.start("en"), m.end("en")) for m in _UNIT.finditer(raw)]


def _number_forms(quantity: Quantity | None) -> tuple[str, ...]:
    if quantity is None or quantity.unit != "%":
        return ()
    value = f"{quantity.value:f}".rstrip("0").rstrip(".") if "." in f"{quantity.value:f}" else f"{quantity.value}"
    return (f"{value}%", f"{value} percent", f"{value} per cent")


_PERCENT = re.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?\s*(?:%|percent|per cent)")


def _states(words: str, forms: tuple[str, ...]) -> bool:
    """Whether ``words`` state the percentage (one of ``forms``) and no other: a piece holding two
    is two clauses merged."""
    found = _PERCENT.findall(words)
    return len(found) == 1 and any(found[0] == form or found[0].replace(" ", "") == form for form in forms)


def _pieces(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of the segment ``raw[start:end]`` between commas and semicolons, trimmed."""
    found = []
    for m in _PIECE.finditer(raw, start, end):
        s, e = m.start(), m.end()
        lead = _LEAD.match(raw, s, e)
        s = lead.end() if lead else s
        trail = _TRAIL.search(raw, s, e)
        e = trail.start() if trail else e
        if e > s:
            found.append((s, e))
    return found


def _whole(raw: str, start: int, end: int) -> tuple[int, int]:
    lead = _LEAD.match(raw, start, end)
    s = lead.end() if lead else start
    trail = _TRAIL.search(raw, s, end)
    return s, (trail.start() if trail else end)


def english_of(
    words: str,
    quantity: Quantity | None,
    siblings: Sequence[str],
    units: Sequence[Unit],
    raw: str,
    source_id: str,
    *,
    heading: bool = False,
) -> English:
    """The official English of the fact whose Chinese ``words`` are given (with its ``quantity``),
    among the facts ``siblings`` of the same kind (the report's targets, in order).

    >>> raw = ('<tu><tuv xml:lang="zh-CN"><seg>国内生产总值增长7.5%；居民消费价格涨幅控制在4%左右。</seg></tuv>'
    ...        '<tuv xml:lang="en-US"><seg>to increase GDP by 7.5%, and hold increases in the CPI to around 4%.'
    ...        '</seg></tuv></tu>')
    >>> clauses = ["国内生产总值增长7.5%", "居民消费价格涨幅控制在4%左右"]
    >>> english = english_of(clauses[1], None, clauses, read_tmx(raw), raw, "t")
    >>> english.text
    'hold increases in the CPI to around 4%'
    """
    key = re.sub(r"\s+", "", words)
    holding = [u for u in units if key and key in u.zh]
    if len(holding) > 1:  # the words recur: the segment that opens with them (a heading), else the one
        # that holds most of the fact's siblings (the targets passage)
        opening = [u for u in holding if _NUMERAL.sub("", u.zh).startswith(key)]
        if len(opening) == 1:
            holding = opening
        else:
            keys = [re.sub(r"\s+", "", s) for s in siblings]
            most = max(sum(k in u.zh for k in keys) for u in holding)
            holding = [u for u in holding if sum(k in u.zh for k in keys) == most]
    if len(holding) != 1:
        reason = "no aligned segment holds the clause" if not holding else "several aligned segments hold the clause"
        return English(segment=None, words=None, reason=reason)
    unit = holding[0]
    segment = span_at(source_id, raw, unit.en_start, unit.en_end)
    inside = sorted((unit.zh.find(re.sub(r"\s+", "", s)), s) for s in siblings if re.sub(r"\s+", "", s) in unit.zh)
    order = [s for _, s in inside]
    forms = _number_forms(quantity)
    if len(order) <= 1:
        s, e = _whole(raw, unit.en_start, unit.en_end)
        if heading and (seam := _SEAM.search(raw, s, e)):
            e = seam.start()  # a heading is its segment's first sentence (the next one merged into it)
    else:
        pieces = _pieces(raw, unit.en_start, unit.en_end)
        if len(pieces) == len(order) and words in order:
            s, e = pieces[order.index(words)]
        else:
            stating = [p for p in pieces if forms and _states(raw[p[0] : p[1]], forms)]
            if len(stating) != 1:
                return English(
                    segment=segment,
                    words=None,
                    reason=f"the segment's {len(pieces)} English pieces do not pair with its {len(order)} clauses",
                )
            s, e = stating[0]
    if forms and not _states(raw[s:e], forms):
        return English(segment=segment, words=None, reason="the English words do not state the clause's number")
    return English(segment=segment, words=span_at(source_id, raw, s, e))


__all__ = ["Unit", "english_of", "read_tmx"]
