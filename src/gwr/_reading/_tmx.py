"""The official English of a fact, from a TMX file aligning the report's sentences.

A translation memory (TMX 1.4) pairs each Chinese segment of a report with its official English
segment. :func:`english_of` finds the English of one fact (a target, an outcome, a measure, a
task's title), by one rule for all of them:

1. **The segment**: the aligned unit whose Chinese segment holds the fact's words, exactly one.
   Where several do, the one whose text around the words is the fact's own context (the
   ``prefix`` and ``suffix`` of its span), else the one that opens with the words (a heading),
   else the one holding most of the fact's siblings (the targets passage). None, or several
   still, and the English is absent with that reason; so it is where the words run over two
   or more units (the alignment cut the sentence).
2. **The words**, within the English segment: the whole segment where the fact is the whole
   Chinese segment; else the pieces of the English that answer the fact's Chinese clauses.
   The Chinese is cut into sentences (at 。！？；) and, finer, clauses (at ，：too); the
   English into sentences (at . ! ? ;) and clauses (at commas too). A short opener
   (今年，/ This year, / At the same time,) belongs to the clause after it. At the coarsest
   cut at which the fact is whole clauses, clause and piece are paired: a clause stating
   figures (a percentage, a sum of money, a number of people) is paired with the one piece
   stating the same figures and no others (an *anchor*); the clauses between two anchors (or
   an anchor and an end of the segment) pair in order with the pieces between them when the
   counts agree, and an anchor's piece is its clause's alone only where the clauses beside it
   can each have a piece of their own (not more clauses than pieces on either side). A fact
   some of whose clauses pair with no piece has no words at that cut; the finer cut is tried.
3. **The figures**: the words must state each percentage, sum of money and (from ten
   thousand) number of people the fact states (7.5% as 7.5% or 7.5 percent, 7000亿元 as 700
   billion yuan, 1221万人 as 12.21 million), and no percentage or amount the fact does not
   state: a merged or shifted segment never gives a wrong sentence. A figure in a unit the
   translation converts (斤 into tons, 亩 into hectares) is not compared, and the English may
   state it in its own unit.
4. A heading (a task's title) is its segment's first sentence, where the alignment merged the
   next sentence into it.

Offsets count in the raw TMX text (profile ``verbatim``), so a span's quote is the file's text
as it is, XML escapes included; :attr:`gwr.English.text` reads it unescaped.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal

import attrs

from .._model._provenance import span_at
from .._model._records import English, Measure, Report, Span, Task
from ._quantities import parse_quantities

_UNIT = re.compile(
    r'<tuv xml:lang="zh-CN"><seg>(?P<zh>.*?)</seg></tuv>\s*<tuv xml:lang="en-US"><seg>(?P<en>.*?)</seg></tuv>',
    re.S,
)
_LEAD = re.compile(r"\s*(?:--|—|-|\(?[0-9]+\)|[0-9]+\.(?![0-9])|\([a-z]\))?\s*(?:and\s+)?", re.I)
_NUMERAL = re.compile(
    r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、是]|第[一二三四五六七八九十]+[，,]|[0-9]+[.、])"
)
"""A Chinese item's number: （一）, 一、, 一是, 第一，, 1."""
_TRAIL = re.compile(r"[\s,;.:—–]+$")
_SEAM = re.compile(r"(?<=[a-z])(?:\.\s+|\s{2,})(?=[A-Z])")
"""Where a second sentence starts in a segment: a full stop, or the two spaces of a merge."""

_EN_SENTENCE = re.compile(r"(?<!\.[A-Z])(?<!\bNo)[.!?;](?=\s|$)|(?<=[a-z])\.(?=[A-Z])|(?<=[a-z.])\s{2,}(?=[A-Z])")
"""Where an English sentence ends: a full stop, ! ? or ; before a space (U.S. and No. aside),
a full stop with the space lost at a merge, or the two spaces of a merge."""
_EN_CLAUSE = re.compile(_EN_SENTENCE.pattern + r"|,(?=\s)|:(?=\s|$)|—|\s[–-]\s")
"""Where an English clause ends: a sentence end, a comma or a colon before a space (never the
comma inside 1,000), or a dash (not the one of a range, 6–6.5)."""
_ZH_SENTENCE = "。!?;"
"""Where a Chinese sentence ends (in the folded text: ！？； are ! ? ;)."""
_ZH_CLAUSE = _ZH_SENTENCE + ",:"
_ZH_CLOSING = "”’」』)）"
_ZH_FILLER = re.compile(r"[\s。!?;,:、”’」』()（）“‘「『—…]*")
_ZH_OPENER = re.compile(
    r"(?:今年|去年|明年|当年|全年|同时|与此同时|其中|此外|另外|目前|当前|近年来|多年来|这五年|过去一年|过去五年"
    r"|[0-9]{4}年(?:[0-9]{1,2}月)?|为此|因此|对此|总之|总的看|综合看|首先|其次|再次|最后|特别是|尤其是|一方面|另一方面)"
)
"""A Chinese opener: a time or a connective (今年，同时，其中，) that belongs to the clause after it."""
_EN_OPENER = re.compile(
    r"(?:in|at|for|as|on|of|to|with|by|since|after|over|under|during|from|this|last|next|meanwhile|moreover|however"
    r"|therefore|besides|furthermore|additionally|also|first|second|third|fourth|fifth|finally|overall|altogether"
    r"|specifically|similarly|likewise|instead|thus|hence|then|now|today|currently|consequently|accordingly"
    r"|nevertheless|nonetheless|regarding|again)\b(?:\s+(?:[A-Za-z]+|[12][0-9]{3})){0,3}",
    re.I,
)
"""An English opener at the start of a sentence: a phrase of at most four words led by a
preposition, a time word or a connective (This year, At the same time, In 2012, As a result,)
that belongs to the piece after it."""
_EN_AFTERWORD = re.compile(r"respectively", re.I)
"""An English piece that belongs to the piece before it."""

_SCALES = {"thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9}
_SCALES["trillion"] = Decimal(10) ** 12
_UNITS_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_TEENS = ("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_NUMBERS = {word: Decimal(n) for n, word in enumerate(_UNITS_WORDS + _TEENS)}
_WORD_NUMBERS |= {word: Decimal(10 * n) for n, word in enumerate(_TENS, 2)}
_WORD_NUMBERS |= {"a": Decimal(1), "a hundred": Decimal(100), "one hundred": Decimal(100)}
"""Numbers the English writes in words before a scale word (ten million, one trillion yuan)."""
_NUMBER = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
_AMOUNT = re.compile(
    rf"(?P<currency>US\s?\$|HK\$|\$|RMB|€)?\s*(?<![\w.])(?P<number>{_NUMBER}|"
    + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
    + r")(?![\w.%])(?:\s|-)*(?P<scale>thousand|million|billion|trillion)?(?![\w])"
    r"(?P<unit>\s*(?:-\s*)?(?:yuan|euros?|US dollars|dollars))?",
    re.I,
)
_MONEY_UNITS = ("CNY", "USD", "EUR", "HKD")
_PERCENT_UNITS = ("%", "percentage_points")
_CONVERTED_UNITS = ("jin", "mu", "fold", "basis_points", "permille")
"""Units a translation states in its own units (斤 as tons, 亩 as hectares, 倍 as a percentage),
so that the English number is not the Chinese one."""
_COUNTED_FROM = Decimal(10000)
"""A number of people or things is compared from ten thousand on: the English writes it with a
scale word or a thousands comma (12.21 million, 17,175); smaller numbers it may write in words."""


@attrs.frozen
class Unit:
    """One aligned pair: the Chinese segment (unescaped, width-folded, spaces removed) and where
    the English segment's content is in the raw TMX text."""

    zh: str
    en_start: int
    en_end: int


def squash(text: str) -> str:
    """Chinese text as the alignment compares it: escapes read, widths folded (％ is %, ，is ,),
    whitespace removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", html.unescape(text)))


def read_tmx(raw: str) -> list[Unit]:
    """The aligned units of a TMX file's text, in order."""
    return [Unit(squash(m["zh"]), m.start("en"), m.end("en")) for m in _UNIT.finditer(raw)]


# --------------------------------------------------------------------------------------------
# Figures: what a clause states, in Chinese and in English
# --------------------------------------------------------------------------------------------


@attrs.frozen
class Figures:
    """The figures a text states: ``percents`` (percentages and points), ``amounts`` (sums of
    money, numbers of people and things), and for Chinese text ``loose``, how many figures it
    states in a unit the translation converts or at a size the English may write in words."""

    percents: tuple[Decimal, ...] = ()
    amounts: tuple[Decimal, ...] = ()
    loose: tuple[Decimal, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.percents or self.amounts)


def chinese_figures(text: str) -> Figures:
    """The figures a Chinese clause states, as the English must state them."""
    percents: list[Decimal] = []
    amounts: list[Decimal] = []
    loose: list[Decimal] = []
    for q in parse_quantities(text):
        values = [q.value] if q.upper is None else [q.value, q.upper]
        base = q.unit.split("/", 1)[0]
        if base in _PERCENT_UNITS:
            percents += values
        elif base in _CONVERTED_UNITS:
            loose += values
        elif base in _MONEY_UNITS or all(v >= _COUNTED_FROM for v in values):
            amounts += values
        else:
            loose += values
    return Figures(tuple(percents), tuple(amounts), tuple(loose))


def _decimal(number: str) -> Decimal:
    word = _WORD_NUMBERS.get(number.lower())
    return word if word is not None else Decimal(number.replace(",", ""))


def english_figures(text: str) -> Figures:
    """The figures an English text states: each percentage (a range's two ends), and each
    amount written with a currency, a scale word or a thousands comma (US$1.52 trillion, 12.21
    million, ten million, 17,175 yuan); a bare small number (52 counties, 2035) is none.

    >>> figures = english_figures("a deficit of 1.05 trillion yuan, up 6-6.5 percent, and ten million jobs")
    >>> [str(v) for v in figures.percents], [str(v) for v in figures.amounts]
    (['6', '6.5'], ['1050000000000', '10000000'])
    """
    percents: list[Decimal] = []
    spans: list[tuple[int, int]] = []
    for m in re.finditer(rf"(?<![\w.])(?P<value>{_NUMBER})(?P<tail>\s*%|(?:\s|-)per\s?cent)", text, re.I):
        percents.append(_decimal(m["value"]))
        spans.append(m.span())
        # a range written once (6-6.5 percent, 6 to 6.5%): its first end, just before
        before = re.search(rf"(?<![\w.])(?P<value>{_NUMBER})\s*(?:–|—|-|to)\s*$", text[: m.start()])
        if before is not None and not re.search(r"(?:%|per\s?cent)\s*(?:–|—|-|to)\s*$", text[: m.start()]):
            percents.insert(len(percents) - 1, _decimal(before["value"]))
            spans.append(before.span())
    amounts: list[Decimal] = []
    for m in _AMOUNT.finditer(text):
        if any(s <= m.start("number") < e for s, e in spans):
            continue
        number, scale = m["number"], m["scale"]
        marked = bool(m["currency"] or scale or m["unit"] or "," in number)
        if not marked or (number.lower() in _WORD_NUMBERS and not scale):
            continue
        value = _decimal(number) * (_SCALES[scale.lower()] if scale else 1)
        amounts.append(value.quantize(Decimal(1)) if value == value.to_integral_value() else value)
    return Figures(tuple(percents), tuple(amounts))


def _states(english: Figures, chinese: Figures) -> bool:
    """Whether English figures state the Chinese ones and no others (a figure of the Chinese
    in a converted unit may stand for one English figure of its own)."""
    spare = len(chinese.loose)
    for got, wanted in ((english.percents, chinese.percents), (english.amounts, chinese.amounts)):
        left = list(got)
        for value in wanted:
            if value not in left:
                return False
            left.remove(value)
        others = [v for v in left if v not in wanted and v not in chinese.loose]
        spare -= len(others)
    return spare >= 0


# --------------------------------------------------------------------------------------------
# Clauses and pieces
# --------------------------------------------------------------------------------------------


def _zh_clauses(zh: str, stops: str) -> list[tuple[int, int]]:
    """The clauses of a Chinese segment, cut after each of ``stops`` (closing quotes go with the
    clause before); an opener (今年，同时，其中，) joins the clause after it."""
    cuts: list[tuple[int, int]] = []
    start = 0
    i = 0
    while i < len(zh):
        if zh[i] in stops:
            end = i + 1
            while end < len(zh) and (zh[end] in _ZH_CLOSING or zh[end] in stops):
                end += 1
            cuts.append((start, end))
            start = i = end
            continue
        i += 1
    if start < len(zh):
        cuts.append((start, len(zh)))
    clauses: list[tuple[int, int]] = []
    pending: int | None = None
    for n, (s, e) in enumerate(cuts):
        own = s
        if pending is not None:
            s, pending = pending, None
        opener = _ZH_OPENER.fullmatch(zh[own:e].rstrip(_ZH_CLAUSE + _ZH_CLOSING)) is not None
        if opener and zh[own:e].rstrip(_ZH_CLOSING)[-1:] not in _ZH_SENTENCE and n < len(cuts) - 1:
            pending = s
            continue
        clauses.append((s, e))
    return clauses


def _trimmed(raw: str, start: int, end: int) -> tuple[int, int]:
    lead = _LEAD.match(raw, start, end)
    s = lead.end() if lead else start
    trail = _TRAIL.search(raw, s, end)
    return s, (trail.start() if trail else end)


def _en_pieces(raw: str, start: int, end: int, cut: re.Pattern[str]) -> list[tuple[int, int]]:
    """The pieces of the English segment ``raw[start:end]``, cut at ``cut``, trimmed; an opener at
    the start of a sentence (This year, At the same time,) joins the piece after it, and
    ``respectively`` the piece before it."""
    bounds: list[tuple[int, int, bool]] = []  # start, end, whether the piece ends a sentence
    at = start
    for m in cut.finditer(raw, start, end):
        bounds.append((at, m.end(), _EN_SENTENCE.fullmatch(raw, m.start(), m.end()) is not None))
        at = m.end()
    if raw[at:end].strip():
        bounds.append((at, end, True))
    pieces: list[tuple[int, int]] = []
    sentence_start = True
    pending: int | None = None
    for n, (s, e, ends) in enumerate(bounds):
        ts, te = _trimmed(raw, s, e)
        if te <= ts:
            continue
        own = raw[ts:te]
        if pending is not None:
            ts, pending = pending, None
        if sentence_start and not ends and n < len(bounds) - 1 and _EN_OPENER.fullmatch(own):
            pending, sentence_start = ts, False
            continue
        if pieces and _EN_AFTERWORD.fullmatch(own):
            pieces[-1] = (pieces[-1][0], te)
        else:
            pieces.append((ts, te))
        sentence_start = ends
    return pieces


_BLOCK = 3
"""The most clauses, or pieces, one block of an alignment joins (Chinese clauses one English piece
states together, or pieces one clause is translated into)."""

_Block = tuple[int, int, int, int]
"""Clauses ``[0]..[1]`` and pieces ``[2]..[3]`` (inclusive) that state the same figures."""


def _joined(figures: Sequence[Figures]) -> Figures:
    return Figures(
        tuple(v for f in figures for v in f.percents),
        tuple(v for f in figures for v in f.amounts),
        tuple(v for f in figures for v in f.loose),
    )


def _anchors(zh_figures: list[Figures], en_figures: list[Figures]) -> list[_Block]:
    """The blocks where Chinese clauses and English pieces state the same figures, in order: from
    each clause stating figures, the smallest block (fewest clauses and pieces, each stating a
    figure) that exactly one run of pieces after the last block answers."""
    blocks: list[_Block] = []
    i, k_min = 0, 0
    while i < len(zh_figures):
        found: _Block | None = None
        for size in range(2, 2 * _BLOCK + 1) if zh_figures[i] else ():
            candidates: list[_Block] = []
            for r in range(1, min(_BLOCK, size - 1) + 1):
                m = size - r
                if m > _BLOCK or i + r > len(zh_figures) or not all(zh_figures[i : i + r]):
                    continue
                wanted = _joined(zh_figures[i : i + r])
                for k in range(k_min, len(en_figures) - m + 1):
                    if all(en_figures[k : k + m]) and _states(_joined(en_figures[k : k + m]), wanted):
                        candidates.append((i, i + r - 1, k, k + m - 1))
            if candidates:
                found = candidates[0] if len(candidates) == 1 else None
                break
        if found is None:
            i += 1
            continue
        blocks.append(found)
        i, k_min = found[1] + 1, found[3] + 1
    return blocks


def _pair(
    zh: str, clauses: list[tuple[int, int]], raw: str, pieces: list[tuple[int, int]]
) -> dict[int, tuple[int, int]]:
    """The pieces (first, last) each clause pairs with, for the clauses that pair (see the module
    documentation)."""
    zh_figures = [chinese_figures(zh[s:e]) for s, e in clauses]
    en_figures = [english_figures(html.unescape(raw[s:e])) for s, e in pieces]
    anchors = _anchors(zh_figures, en_figures)
    bounds: list[_Block] = [(-1, -1, -1, -1), *anchors, (len(clauses), len(clauses), len(pieces), len(pieces))]
    paired: dict[int, tuple[int, int]] = {}
    for before, after in itertools.pairwise(bounds):
        zh_gap, en_gap = after[0] - before[1] - 1, after[2] - before[3] - 1
        if zh_gap == en_gap:  # the clauses between two anchors pair in order with the pieces there
            paired.update({before[1] + 1 + n: (before[3] + 1 + n,) * 2 for n in range(zh_gap)})
    for n, block in enumerate(bounds[1:-1], 1):
        before, after = bounds[n - 1], bounds[n + 1]
        # an anchor's pieces are its clauses' alone where the clauses beside it can each have a
        # piece of their own
        if block[0] - before[1] <= block[2] - before[3] and after[0] - block[1] <= after[2] - block[3]:
            paired.update({i: (block[2], block[3]) for i in range(block[0], block[1] + 1)})
    return paired


def _narrowed(
    raw: str, pieces: list[tuple[int, int]], first: int, last: int, figures: Figures
) -> tuple[int, int] | None:
    """Within pieces ``first``..``last``, the one run (fewest pieces) that states ``figures`` and
    no others, or ``None``."""
    for m in range(1, last - first + 1):
        runs = [
            (k, k + m - 1)
            for k in range(first, last - m + 2)
            if _states(english_figures(html.unescape(raw[pieces[k][0] : pieces[k + m - 1][1]])), figures)
        ]
        if runs:
            return runs[0] if len(runs) == 1 else None
    return None


def _run(clauses: list[tuple[int, int]], zh: str, a: int, b: int) -> tuple[int, int, bool]:
    """The clauses the fact at ``zh[a:b]`` lies in (first, last), and whether it is they, whole."""
    first = next(n for n, (s, e) in enumerate(clauses) if e > a)
    last = next(n for n, (s, e) in enumerate(clauses) if e >= b)
    outside = _NUMERAL.sub("", zh[clauses[first][0] : a]) + zh[b : clauses[last][1]]
    return first, last, _ZH_FILLER.fullmatch(outside) is not None


# --------------------------------------------------------------------------------------------
# The rule
# --------------------------------------------------------------------------------------------


def _context_score(zh: str, key: str, context: tuple[str, str]) -> tuple[int, int]:
    """How far the text around ``key`` in ``zh`` agrees with the fact's context (the best place)."""
    before, after = squash(context[0]), squash(context[1])
    best, best_at = 0, -1
    at = zh.find(key)
    while at >= 0:
        left = 0
        while left < min(len(before), at) and before[-1 - left] == zh[at - 1 - left]:
            left += 1
        right = 0
        tail = zh[at + len(key) :]
        while right < min(len(after), len(tail)) and after[right] == tail[right]:
            right += 1
        if best_at < 0 or left + right > best:
            best, best_at = left + right, at
        at = zh.find(key, at + 1)
    return best, best_at


def _running_over(key: str, units: Sequence[Unit]) -> int:
    """Over how many consecutive units the words ``key`` run where no one unit holds them (0: none)."""
    starts: list[int] = []
    joined: list[str] = []
    length = 0
    for unit in units:
        starts.append(length)
        joined.append(unit.zh)
        length += len(unit.zh)
    at = "".join(joined).find(key)
    if at < 0:
        return 0
    first = bisect.bisect_right(starts, at) - 1
    last = bisect.bisect_right(starts, at + len(key) - 1) - 1
    return last - first + 1


def english_of(
    words: str,
    siblings: Sequence[str],
    units: Sequence[Unit],
    raw: str,
    source_id: str,
    *,
    heading: bool = False,
    context: tuple[str, str] = ("", ""),
) -> English:
    """The official English of the fact whose Chinese ``words`` are given, among the facts
    ``siblings`` of the same kind (the report's targets, or outcomes, or measures, in order);
    ``context`` is the text just before and after the words in the report (its span's prefix
    and suffix), which tells apart segments that hold the same words.

    >>> raw = ('<tu><tuv xml:lang="zh-CN"><seg>国内生产总值增长7.5%；居民消费价格涨幅控制在4%左右。</seg></tuv>'
    ...        '<tuv xml:lang="en-US"><seg>to increase GDP by 7.5%, and hold increases in the CPI to around 4%.'
    ...        '</seg></tuv></tu>')
    >>> clauses = ["国内生产总值增长7.5%", "居民消费价格涨幅控制在4%左右"]
    >>> english = english_of(clauses[1], clauses, read_tmx(raw), raw, "t")
    >>> english.text
    'hold increases in the CPI to around 4%'
    """
    key = squash(words)
    holding = [u for u in units if key and key in u.zh]
    if len(holding) > 1 and any(context):  # the words recur: the segment with the fact's context
        scores = [_context_score(u.zh, key, context)[0] for u in holding]
        if sum(score == max(scores) for score in scores) == 1:
            holding = [holding[scores.index(max(scores))]]
    if len(holding) > 1:  # else the segment that opens with them (a heading), else the one
        # that holds most of the fact's siblings (the targets passage)
        opening = [u for u in holding if _NUMERAL.sub("", u.zh).startswith(key)]
        if len(opening) == 1:
            holding = opening
        else:
            keys = [squash(s) for s in siblings]
            most = max(sum(k in u.zh for k in keys) for u in holding)
            holding = [u for u in holding if sum(k in u.zh for k in keys) == most]
    if len(holding) != 1:
        if holding:
            return English(segment=None, words=None, reason="several aligned segments hold the clause")
        over = _running_over(key, units) if key else 0
        reason = f"the clause runs over {over} aligned segments" if over > 1 else "no aligned segment holds the clause"
        return English(segment=None, words=None, reason=reason)
    unit = holding[0]
    segment = span_at(source_id, raw, unit.en_start, unit.en_end)
    a = _context_score(unit.zh, key, context)[1]
    b = a + len(key)
    outside = _NUMERAL.sub("", unit.zh[:a]) + unit.zh[b:]
    figures = chinese_figures(key)
    failed = "the English words do not state the clause's figures"
    if _ZH_FILLER.fullmatch(outside):  # the fact is the whole segment
        s, e = _trimmed(raw, unit.en_start, unit.en_end)
        if heading and (seam := _SEAM.search(raw, s, e)):
            e = seam.start()  # a heading is its segment's first sentence
        if not _states(english_figures(html.unescape(raw[s:e])), figures):
            return English(segment=segment, words=None, reason=failed)
        return English(segment=segment, words=span_at(source_id, raw, s, e))
    reason = "the segment's English pieces do not pair with its clauses"
    for zh_stops, en_cut in ((_ZH_SENTENCE, _EN_SENTENCE), (_ZH_CLAUSE, _EN_CLAUSE)):
        clauses = _zh_clauses(unit.zh, zh_stops)
        first, last, whole = _run(clauses, unit.zh, a, b)
        if not whole and zh_stops == _ZH_SENTENCE:
            continue  # the fact is part of a sentence: the clauses tell
        pieces = _en_pieces(raw, unit.en_start, unit.en_end, en_cut)
        paired = _pair(unit.zh, clauses, raw, pieces)
        if not all(n in paired for n in range(first, last + 1)):
            reason = f"the segment's {len(pieces)} English pieces do not pair with its {len(clauses)} clauses"
            continue
        k0, k1 = paired[first][0], paired[last][1]
        if not whole and figures and k1 > k0:  # the fact is part of its clause: its own pieces
            k0, k1 = _narrowed(raw, pieces, k0, k1, figures) or (k0, k1)
        s, e = pieces[k0][0], pieces[k1][1]
        if _states(english_figures(html.unescape(raw[s:e])), figures):
            return English(segment=segment, words=span_at(source_id, raw, s, e))
        reason = failed  # the finer cut may tell the clause from its neighbours
    return English(segment=segment, words=None, reason=reason)


def _english(
    words: str, span: Span, siblings: Sequence[str], units: Sequence[Unit], raw: str, source_id: str
) -> English:
    return english_of(words, siblings, units, raw, source_id, context=(span.prefix, span.suffix))


def with_english_items(report: Report, units: Sequence[Unit], raw: str, source_id: str) -> Report:
    """``report`` with the official English of each target, outcome and measure and each task and
    sub-task title, from the translation whose aligned ``units`` :func:`read_tmx` read from ``raw``
    (the text of source ``source_id``)."""

    def measures(items: tuple[Measure, ...]) -> tuple[Measure, ...]:
        return tuple(attrs.evolve(m, english=_english(m.text, m.span, every, units, raw, source_id)) for m in items)

    def task(item: Task) -> Task:
        at = max(item.span.exact.find(item.title), 0)  # the title within its heading (一是…。)
        context = (item.span.prefix + item.span.exact[:at], item.span.exact[at + len(item.title) :] + item.span.suffix)
        english = english_of(item.title, [item.title], units, raw, source_id, heading=True, context=context)
        subtasks = tuple(task(t) for t in item.subtasks)
        return attrs.evolve(item, english=english, measures=measures(item.measures), subtasks=subtasks)

    every = [m.text for _, m in report.iter_items() if isinstance(m, Measure)]
    targets = [t.text for t in report.targets]
    outcomes = [o.text for o in report.outcomes]
    return attrs.evolve(
        report,
        targets=tuple(
            attrs.evolve(t, english=_english(t.text, t.span, targets, units, raw, source_id)) for t in report.targets
        ),
        outcomes=tuple(
            attrs.evolve(o, english=_english(o.text, o.span, outcomes, units, raw, source_id)) for o in report.outcomes
        ),
        measures=measures(report.measures),
        tasks=tuple(task(t) for t in report.tasks),
    )


__all__ = [
    "Figures",
    "Unit",
    "chinese_figures",
    "english_figures",
    "english_of",
    "read_tmx",
    "squash",
    "with_english_items",
]
