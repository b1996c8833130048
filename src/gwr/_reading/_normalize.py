"""Normalization profiles: one pure function per kind of extraction damage.

Every profile turns a source's raw text into its *normalized* text, the text that spans count
in. A profile only removes or replaces layout characters (spaces, line breaks, stray markup) and
folds full-width digits, Latin letters and ``％`` to ASCII; it never changes, drops or reorders a
Chinese character. It also returns, for every normalized character, the offset of the raw
character it came from, so that a span in the normalized text maps back to the raw bytes.

Profiles, with the damage they undo:

``infographic`` (000)
    Text extracted from a graphic layout in columns of several widths: lines are wrapped at
    their column's width, and line breaks (single, or a blank line) are the only block
    separators. A line that does not end a sentence is joined to the next (never to a ●
    heading or a 【】 label) when it is at least :data:`INFOGRAPHIC_WRAP_WIDTH` long (a wide
    column); at a single line break, when it has a comma inside it or ends with 、 (a narrow
    column, or a wrapped heading); and when it opens a paragraph that goes on to end a sentence
    before the next blank line and does not start with a digit (a task number) -- a paragraph
    opens after a line that ends a sentence, or after a blank line if the break is a single
    one. Other line breaks are kept, so that a heading set on two lines stays two lines.
``news`` (001)
    Blank lines separate paragraphs; a few paragraphs are broken in the middle of a sentence
    (a body line that does not end a sentence followed by one that is not a heading): those
    are joined.
``letterspaced_pdf`` (002)
    Newspaper PDF extraction: spaces between letters, and every layout line followed by a
    blank line. Layout lines are joined; a paragraph ends where a line ends a sentence and is
    shorter than :data:`PDF_COLUMN_WIDTH`, after a short part heading (三、...), and where the
    next line starts with a heading number. Paragraph breaks become single line breaks.
``one_per_line`` (003)
    One paragraph per line, indented with ideographic spaces; blank lines between documents.
``space_separated`` (004)
    The whole report on one line; a space is the only paragraph separator. A space after a
    non-ASCII character and before anything but closing punctuation becomes a line break;
    other spaces (``M 2 ）``, ``PM 2.5 控制``) are removed.
``auto`` (any other text: the corpus, a file a user holds)
    Reads the damage from the text itself, so that one profile serves every copy. Paragraphs
    are separated either by blank lines (the Wikisource copies) or by line breaks (Word files,
    one paragraph a line): whichever separates more lines decides. Where blank lines separate
    paragraphs, a single line break inside one is an inline element broken onto its own line
    (a link, ``国务院总理`` / ``李克强``) and is joined, except next to a
    salutation (``各位代表：``), between two English words, and between header lines (after a
    title ending in 报告; before a ``来源`` line, a date line or a speaker line). In both kinds of text a break is
    joined where the text plainly goes on: the next line opens with closing punctuation
    (``，。、）》”``), the line ends with an opening bracket (``《“（``), a name with digits is
    broken (``PM`` / ``2.5``, ``M`` / ``2``), a lone last character (``政府工作报`` / ``告``)
    follows a line that has not ended, the line is a bare heading number (``一、``,
    ``（一）``, ``第一，``, ``一是``), the line ends the targets lead-in (``主要预期目标是：``), or
    a line holding only zero-width characters (U+200B) breaks a sentence that has not ended.
    Zero-width characters are removed; every other space character (U+3000, U+2003, NBSP, tab)
    is a space, so indents go and digits spaced apart join (``1 9 9 8 年``); CRLF and every
    other line separator become a line break and blank lines are dropped: a paragraph is a
    line. Wiki quotes (``'''``), subscript underscores (``PM_2.5``) and stray HTML tags are
    markup. ``．`` between digits (``１１．１％``) folds to a decimal point, except after a list
    number that opens a line (``3．10种``). Range dashes (``－``, ``—``, ``-``, ``至``) and
    traditional characters stay as written. Two more layouts are recognized by their shape: a
    long text on one line, where a space after a Chinese character separates paragraphs (as
    in ``space_separated``), and a text wrapped at a column width, where most lines stop
    mid-sentence at about one length (as in ``letterspaced_pdf``): a line that reaches the
    width goes on in the next, a shorter one ends its paragraph. Markdown marks (``**``, a
    heading's ``# ``) are markup too.
``verbatim`` (a translation memory: ``translations/<year>.tmx`` of the corpus)
    Nothing is changed: the offsets of the official English count in the file's text as it is.

Every profile but ``verbatim`` also removes ``[bookmark: ...]`` markup, trims each line and removes spaces
inside Chinese text. Profiles are idempotent: normalizing a normalized text changes nothing.
"""

from __future__ import annotations

import functools
import itertools
import re
from array import array
from collections.abc import Callable, Sequence

import attrs

from .._model._errors import InvalidArgumentError

NORMALIZATION_VERSION = 3
"""Bumped whenever any profile's output changes."""

INFOGRAPHIC_WRAP_WIDTH = 20
PDF_COLUMN_WIDTH = 16

_SENTENCE_END = "。！？：；”…"
_HEADING_START = re.compile(r"[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、")
_PART_HEADING = re.compile(r"[一二三四五六七八九十]+、")
_MARKUP = re.compile(r"\[bookmark: [^\]]*\]")
_FULL_WIDTH = {
    chr(c): chr(c - 0xFEE0) for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
}
_FULL_WIDTH["％"] = "%"
_SPACE_LIKE = {"\u3000": " ", "\xa0": " ", "\t": " ", "\r": ""}


@attrs.frozen
class Normalized:
    """A normalized text and, for each of its characters, the raw offset it came from."""

    text: str
    raw_offsets: Sequence[int] = attrs.field(hash=False)
    """The raw offset of each character (an ``array`` of unsigned integers: 4 bytes a character)."""
    raw_length: int

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalized range ``[start, end)`` to the raw range it was read from."""
        if not 0 <= start <= end <= len(self.text):
            raise InvalidArgumentError(
                f"range [{start}, {end}) is outside the normalized text (length {len(self.text)})"
            )
        if start == end:
            raw = self.raw_offsets[start] if start < len(self.raw_offsets) else self.raw_length
            return raw, raw
        return self.raw_offsets[start], self.raw_offsets[end - 1] + 1


class _Text:
    """Characters with their raw offsets; edits keep the offsets of what they keep."""

    def __init__(self, raw: str) -> None:
        self.chars = raw
        # 4 bytes a character (a list of ints would take 36): a big text's map stays small
        self.offsets = array("I", range(len(raw)))

    def sub(self, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str]) -> None:
        """Replace each match by a string no longer than the match.

        The i-th replacement character takes the raw offset of the i-th matched character,
        so offsets stay strictly increasing.
        """
        matches = list(pattern.finditer(self.chars))
        if not matches:
            return
        pieces: list[str] = []
        offsets = array("I")
        last = 0
        for match in matches:
            start, end = match.span()
            new = replace(match)
            if len(new) > end - start:
                raise AssertionError("a normalization step may not lengthen the text")
            pieces.append(self.chars[last:start])
            offsets.extend(self.offsets[last:start])
            pieces.append(new)
            offsets.extend(self.offsets[start : start + len(new)])
            last = end
        pieces.append(self.chars[last:])
        offsets.extend(self.offsets[last:])
        self.chars = "".join(pieces)
        self.offsets = offsets


_MAP_CHARS = re.compile("[" + re.escape("".join(_FULL_WIDTH) + "".join(_SPACE_LIKE)) + "]")
_LINE_EDGE_SPACES = re.compile(r"^ +| +$", re.MULTILINE)
_INNER_SPACES = re.compile(r"(?<=\S) +(?=\S)")
_ASCII_WORD = re.compile(r"[A-Za-z]")


def _common(text: _Text) -> None:
    text.sub(_MARKUP, lambda m: "")
    text.sub(_MAP_CHARS, lambda m: _FULL_WIDTH.get(m.group(), _SPACE_LIKE.get(m.group(), "")))
    text.sub(_LINE_EDGE_SPACES, lambda m: "")


def _remove_inner_spaces(text: _Text) -> None:
    """Remove spaces inside a line, except between two Latin letters (English words)."""
    source = text.chars

    def keep_or_drop(m: re.Match[str]) -> str:
        before, after = source[m.start() - 1], source[m.end()]
        return " " if _ASCII_WORD.match(before) and _ASCII_WORD.match(after) else ""

    text.sub(_INNER_SPACES, keep_or_drop)


def _join_lines(
    text: _Text, separator: re.Pattern[str], join: Callable[[str, str, str], bool], keep: Callable[[str], str]
) -> None:
    """Decide, at each ``separator`` match, whether the text around it is one line or two.

    ``join(line, piece, next_piece)`` sees the line so far (all pieces joined since the last
    kept break, up to its last line break), the last piece before the separator and the
    first line after it; a kept separator is replaced by ``keep(separator)``.
    """
    source = text.chars
    matches = list(separator.finditer(source))
    decisions: dict[int, str] = {}
    line = source[: matches[0].start()] if matches else ""
    for i, match in enumerate(matches):
        piece_start = matches[i - 1].end() if i else 0
        piece = source[piece_start : match.start()]
        next_piece = source[match.end() : matches[i + 1].start() if i + 1 < len(matches) else len(source)]
        next_line = next_piece.split("\n", 1)[0]
        if line and next_line and join(_last_line(line), _last_line(piece), next_line):
            decisions[match.start()] = ""
            line += next_piece
        else:
            decisions[match.start()] = keep(match.group())
            line = next_piece
    text.sub(separator, lambda m: decisions[m.start()])


def _last_line(text: str) -> str:
    return text.rsplit("\n", 1)[-1]


def _infographic(text: _Text) -> None:
    _common(text)
    _remove_inner_spaces(text)
    text.sub(re.compile(r"\A\n+|\n+\Z"), lambda m: "")
    text.sub(re.compile(r"\n{3,}"), lambda m: "\n\n")
    while _join_infographic_wraps(text):  # until nothing joins, so that the profile is idempotent
        pass


_LINE_BREAKS = re.compile(r"\n+")
_BODY_SENTENCE_END = re.compile("[。；！？]")
_NOT_CONTINUED_BY = ("●", "【")


def _infographic_wrapped(line: str, opens: str, separator: str, text: str, at: int) -> bool:
    """Whether ``line`` (as joined so far) goes on after ``separator``, which ends at ``at`` in
    ``text``; ``opens`` says what ``line`` follows: a blank line or the start (``"block"``), a
    line that ends a sentence (``"sentence"``) or one that does not (``"line"``)."""
    if line.endswith(tuple(_SENTENCE_END)) or text.startswith(_NOT_CONTINUED_BY, at):
        return False
    if len(line) >= INFOGRAPHIC_WRAP_WIDTH:
        return True
    if separator == "\n" and (line.endswith("、") or any(c in line[:-1] for c in "，、；")):
        return True
    opens_paragraph = opens == "sentence" or (opens == "block" and separator == "\n")
    return (
        opens_paragraph
        and not line[:1].isdigit()
        and not line.startswith(_NOT_CONTINUED_BY)
        and bool(_BODY_SENTENCE_END.search(text, at, _end_of_block(text, at)))
    )


def _end_of_block(text: str, at: int) -> int:
    end = text.find("\n\n", at)
    return len(text) if end < 0 else end


def _join_infographic_wraps(text: _Text) -> bool:
    """One pass of joining wrapped lines (see the module docstring); whether any was joined."""
    source = text.chars
    matches = list(_LINE_BREAKS.finditer(source))
    decisions: dict[int, str] = {}
    line = source[: matches[0].start()] if matches else ""
    opens = "block"
    for i, match in enumerate(matches):
        following = matches[i + 1].start() if i + 1 < len(matches) else len(source)
        next_piece = source[match.end() : following]
        separator = match.group()
        if line and next_piece and _infographic_wrapped(line, opens, separator, source, match.end()):
            decisions[match.start()] = ""
            line += next_piece
            continue
        decisions[match.start()] = separator
        ends_sentence = line.endswith(tuple(_SENTENCE_END))
        opens = "block" if len(separator) > 1 else "sentence" if ends_sentence else "line"
        line = next_piece
    if all(decisions.values()):
        return False
    text.sub(_LINE_BREAKS, lambda m: decisions[m.start()])
    return True


def _news(text: _Text) -> None:
    _common(text)
    _remove_inner_spaces(text)
    text.sub(re.compile(r"\A\n+|\n+\Z"), lambda m: "")

    def broken_paragraph(line: str, piece: str, next_line: str) -> bool:
        is_body = len(line) >= 20 and "，" in line and not line.endswith(tuple(_SENTENCE_END))
        next_is_heading = "，" not in next_line and len(next_line) < 40
        return is_body and not next_is_heading

    _join_lines(text, re.compile(r"\n{2,}"), broken_paragraph, lambda sep: "\n\n")


def _letterspaced_pdf(text: _Text) -> None:
    _common(text)
    _remove_inner_spaces(text)
    text.sub(re.compile(r"\A\n+|\n+\Z"), lambda m: "")

    def same_paragraph(line: str, piece: str, next_line: str) -> bool:
        ends_short_sentence = piece.endswith(tuple(_SENTENCE_END)) and len(piece) < PDF_COLUMN_WIDTH
        is_heading = bool(_PART_HEADING.match(piece)) and len(piece) < PDF_COLUMN_WIDTH
        return not ends_short_sentence and not is_heading and not _HEADING_START.match(next_line)

    _join_lines(text, re.compile(r"\n{2,}"), same_paragraph, lambda sep: "\n")


def _one_per_line(text: _Text) -> None:
    _common(text)
    _remove_inner_spaces(text)
    text.sub(re.compile(r"\A\n+|\n+\Z"), lambda m: "")
    text.sub(re.compile(r"\n{2,}"), lambda m: "\n")


_PARAGRAPH_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +(?=[^）)\]」》” ])")


def _space_separated(text: _Text) -> None:
    _common(text)
    text.sub(_PARAGRAPH_SPACE, lambda m: "\n")
    _remove_inner_spaces(text)
    text.sub(re.compile(r"\A\n+|\n+\Z"), lambda m: "")
    text.sub(re.compile(r"\n{2,}"), lambda m: "\n")


# --- auto: damage detected from the text itself -----------------------------------------------

_AUTO_MARKUP = re.compile(
    r"\[bookmark: [^\]]*\]"  # word-processor bookmarks
    r"|'+"  # wiki bold/italic quotes (an apostrophe inside a word stays)
    r"|_"  # subscript markup: PM_2.5
    r"|</?(?:sub|sup|br|b|i|u|p|em|strong|span|font|div)\b[^<>\n]*>"  # stray HTML tags
    r"|\*\*"  # Markdown bold (**一、2025年工作回顾**)
    r"|(?m:^#{1,6}[ \t]+)",  # a Markdown heading's marks (# 政府工作报告)
    re.IGNORECASE,
)
_MARKUP_STARTS = "['_<*#"
_LINE_SEPARATORS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # every break str.splitlines knows
_CRLF = re.compile(r"\r(?=\n)")
_AUTO_CHARS = {c: "\n" for c in _LINE_SEPARATORS}
_AUTO_CHARS.update({chr(c): " " for c in range(0x10000) if chr(c).isspace() and chr(c) not in _LINE_SEPARATORS + "\n "})
_AUTO_CHARS.update(_FULL_WIDTH)
_AUTO_MAP_CHARS = re.compile("[" + re.escape("".join(_AUTO_CHARS)) + "]")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH_LINE = re.compile(f"(?m)^[{_ZERO_WIDTH} ]*[{_ZERO_WIDTH}][{_ZERO_WIDTH} ]*$")
_ZERO_WIDTH_CHAR = re.compile(f"[{_ZERO_WIDTH}]")
_SPACES = re.compile(" +")
_AUTO_BREAK = re.compile(f"\\n(?:[{_ZERO_WIDTH}]*\\n)*")
_DECIMAL_POINT = re.compile(r"(?<=[0-9])．(?=[0-9])")

_NOT_A_PARAGRAPH_START = "，。、；：？！）》」』”’%‰,.;:?!)]"
_NOT_A_PARAGRAPH_END = "《「『“‘（([{"
_NUMERALS = "一二三四五六七八九十"
_BARE_HEADING_NUMBER = re.compile(
    f"(?:[（(][{_NUMERALS}]+[）)]|[{_NUMERALS}]+[、是要]|第[{_NUMERALS}]+[，、,]?|首先，|其次，|[0-9]+[.、．])"
)
_ASCII_DIGIT = re.compile(r"[0-9]")
_NAME_WITH_DIGITS_AT_END = re.compile(r"[A-Za-z][0-9][0-9.]*\Z")  # M2, PM2.5, PM10
_LAST_CHARACTER = re.compile(f"[\u3400-\u9fff](?<![{_NUMERALS}])")  # 政府工作报 / 告
_TARGETS_LEAD = re.compile(r"目标(?:建议)?[是为][：:]\Z")
_SALUTATION = re.compile(r"(?:各位代表|同志们)[：:！!，,]?")
_HEADER_LINE = re.compile(  # 来源：…, a date line, a speaker line
    r"来源[：:]|——|[0-9]{4}年[0-9]{1,2}月|[^，。\n]{0,12}?(?:总理|省长|市长|主席)[^，。\n]{0,12}\Z"
)


def _auto_continues(line: str, next_line: str) -> bool:
    """Whether ``line`` goes on in ``next_line`` whatever separates them: an inline element
    broken onto its own line (a link, ``PM``/``2.5``/``）``, the last character of a title), a
    bare heading number, or the targets lead-in."""
    return (
        next_line.startswith(tuple(_NOT_A_PARAGRAPH_START))
        or line.endswith(tuple(_NOT_A_PARAGRAPH_END))
        or bool(_ASCII_WORD.match(line[-1:]) and _ASCII_DIGIT.match(next_line))
        or bool(_NAME_WITH_DIGITS_AT_END.search(line, max(0, len(line) - 12)) and not next_line[:1].isascii())
        or bool(_BARE_HEADING_NUMBER.fullmatch(line))
        or bool(_TARGETS_LEAD.search(line, max(0, len(line) - 6)))
        or bool(_LAST_CHARACTER.fullmatch(next_line) and line and not line.endswith(tuple(_SENTENCE_END)))
    )


def _mark_zero_width_lines(text: _Text) -> None:
    """Remove zero-width characters, but leave one on each line that holds nothing else, as a
    mark that the line break around it may be a soft one (the mark goes with the break)."""
    if not any(char in text.chars for char in _ZERO_WIDTH):
        return
    text.sub(_ZERO_WIDTH_LINE, lambda m: _ZERO_WIDTH[0])
    source = text.chars

    def alone_on_its_line(m: re.Match[str]) -> bool:
        at = m.start()
        return (at == 0 or source[at - 1] == "\n") and (at + 1 == len(source) or source[at + 1] == "\n")

    text.sub(_ZERO_WIDTH_CHAR, lambda m: m.group() if alone_on_its_line(m) else "")


def _remove_markup(text: _Text) -> None:
    """Remove markup until none is left (removing some may join the pieces of more)."""
    while any(char in text.chars for char in _MARKUP_STARTS):
        length = len(text.chars)
        text.sub(_AUTO_MARKUP, functools.partial(_unmarked, text.chars))
        if len(text.chars) == length:
            return


def _unmarked(source: str, m: re.Match[str]) -> str:
    """What markup match ``m`` in ``source`` becomes: an apostrophe between two Latin letters
    and an underscore other than ``PM_2.5`` are text, and stay."""
    before, after = source[m.start() - 1 : m.start()], source[m.end() : m.end() + 1]
    if m.group().startswith("'"):
        return m.group() if _ASCII_WORD.match(before) and _ASCII_WORD.match(after) else ""
    if m.group() == "_":
        return "" if _ASCII_WORD.match(before) and _ASCII_DIGIT.match(after) else "_"
    return ""


def _auto_spaces(text: _Text) -> None:
    """Remove spaces at the edges of lines and inside a line, except one between two Latin
    letters (English words)."""
    source = text.chars

    def space(m: re.Match[str]) -> str:
        before, after = source[m.start() - 1 : m.start()], source[m.end() : m.end() + 1]
        return " " if _ASCII_WORD.match(before) and _ASCII_WORD.match(after) else ""

    text.sub(_SPACES, space)


def _strip_text(text: _Text) -> None:
    """Remove line breaks and zero-width marks at the start and the end of the text."""
    edges = "\n" + _ZERO_WIDTH
    start = len(text.chars) - len(text.chars.lstrip(edges))
    end = len(text.chars.rstrip(edges))
    if (start, end) != (0, len(text.chars)):
        text.chars = text.chars[start:end] if start < end else ""
        text.offsets = text.offsets[start:end] if start < end else array("I")


def _auto_paragraphs(text: _Text) -> None:
    """Decide at each line break (with any blank or zero-width lines in it) whether it separates
    two paragraphs; a kept break becomes a single line break."""
    source = text.chars
    breaks = list(_AUTO_BREAK.finditer(source))
    blank = sum(1 for m in breaks if m.group().count("\n") > 1)
    blank_separated = blank > len(breaks) - blank
    decisions: dict[int, str] = {}
    line = source[: breaks[0].start()] if breaks else ""
    for i, match in enumerate(breaks):
        following = breaks[i + 1].start() if i + 1 < len(breaks) else len(source)
        next_line = source[match.end() : following]
        separator = match.group()
        soft = any(c in _ZERO_WIDTH for c in separator)
        single = separator.count("\n") == 1
        joined = (
            _auto_continues(line, next_line)
            or (soft and not line.endswith(tuple(_SENTENCE_END)))
            or (
                blank_separated
                and single
                and not _SALUTATION.fullmatch(line)
                and not _SALUTATION.fullmatch(next_line)
                and not line.endswith("报告")
                and not _HEADER_LINE.match(next_line)
                and not (_ASCII_WORD.match(line[-1:]) and _ASCII_WORD.match(next_line[:1]))
            )
        )
        if joined:
            decisions[match.start()] = ""
            line += next_line
        else:
            decisions[match.start()] = "\n"
            line = next_line
    text.sub(_AUTO_BREAK, lambda m: decisions[m.start()])


_WRAPPED_SHARE = 0.5
_ONE_LINE_MIN_LENGTH = 2000
_WRAPPED_MIN_LINES = 8


def _open_share(lines: list[str]) -> float:
    """The share of lines (but the last) that stop in the middle of a sentence."""
    counted = lines[:-1]
    return sum(1 for line in counted if not line.endswith(tuple(_SENTENCE_END))) / max(1, len(counted))


def _join_wrapped_lines(text: _Text) -> None:
    """Join the layout lines of a text wrapped at a column width (a PDF extraction).

    Such a text is one where most lines stop in the middle of a sentence, at lengths close to
    one width (the most common length of those lines). A line goes on in the next when it
    stops mid-sentence and is not much shorter than the width (a shorter one is a heading), or
    when it ends a sentence at the full width; never before a heading number or a salutation.
    The lines are joined only if most of the joined lines then end a sentence, so that the
    result is not read as wrapped again (the profile stays idempotent).
    """
    lines = text.chars.split("\n")
    open_lengths = [len(line) for line in lines[:-1] if not line.endswith(tuple(_SENTENCE_END))]
    if len(lines) < _WRAPPED_MIN_LINES or len(open_lengths) <= _WRAPPED_SHARE * (len(lines) - 1):
        return
    width = max(set(open_lengths), key=lambda n: (open_lengths.count(n), n))
    if sum(1 for n in open_lengths if width - 3 <= n <= width + 1) <= _WRAPPED_SHARE * len(open_lengths):
        return  # lines of every length: fragments, not a column
    decisions = []
    joined = [lines[0]]
    for line, next_line in itertools.pairwise(lines):
        ends_sentence = line.endswith(tuple(_SENTENCE_END))
        goes_on = (
            len(line) >= (width if ends_sentence else width - 4)
            and not _HEADING_START.match(next_line)
            and not _SALUTATION.fullmatch(next_line)
        )
        decisions.append("" if goes_on else "\n")
        if goes_on:
            joined[-1] += next_line
        else:
            joined.append(next_line)
    if all(decisions) or _open_share(joined) > _WRAPPED_SHARE:
        return
    breaks = iter(decisions)
    text.sub(re.compile("\n"), lambda m: next(breaks))


def _fold_decimal_points(text: _Text) -> None:
    """Fold ``．`` between digits (``１１．１％``), but not after a list number that opens a line
    (``3．10种有色金属``)."""
    source = text.chars
    if "．" not in source:
        return

    def fold(m: re.Match[str]) -> str:
        before = m.start()
        while before and source[before - 1] in "0123456789":
            before -= 1
        return m.group() if before == 0 or source[before - 1] == "\n" else "."

    text.sub(_DECIMAL_POINT, fold)


def _auto(text: _Text) -> None:
    _remove_markup(text)
    text.sub(_CRLF, lambda m: "")
    text.sub(_AUTO_MAP_CHARS, lambda m: _AUTO_CHARS[m.group()])
    _mark_zero_width_lines(text)
    if len(text.chars) >= _ONE_LINE_MIN_LENGTH and text.chars.count("\n") * _ONE_LINE_MIN_LENGTH < len(text.chars):
        text.sub(_PARAGRAPH_SPACE, lambda m: "\n")  # a long text on one line: spaces separate paragraphs
    _auto_spaces(text)
    _strip_text(text)
    _auto_paragraphs(text)
    _join_wrapped_lines(text)
    _fold_decimal_points(text)


PROFILES: dict[str, Callable[[_Text], None]] = {
    "infographic": _infographic,
    "news": _news,
    "letterspaced_pdf": _letterspaced_pdf,
    "one_per_line": _one_per_line,
    "space_separated": _space_separated,
    "auto": _auto,
    "verbatim": lambda text: None,  # a translation file: offsets count in its text as it is
}


def normalize(raw: str, profile: str) -> Normalized:
    """Normalize ``raw`` with ``profile`` (one of :data:`PROFILES`).

    >>> result = normalize("政府工作报\\n告\\n\\n各位代表：\\n\\n细颗粒物（PM\\n2.5\\n）浓度下降１．５％。\\n", "auto")
    >>> print(result.text)
    政府工作报告
    各位代表：
    细颗粒物（PM2.5）浓度下降1.5%。
    >>> result.to_raw(0, 6)  # 政府工作报告: the line break inside it is left out
    (0, 7)
    """
    try:
        steps = PROFILES[profile]
    except KeyError:
        from .._model._errors import NotFoundError

        raise NotFoundError(f"no normalization profile {profile!r}", profile, PROFILES) from None
    text = _Text(raw)
    steps(text)
    return Normalized(text.chars, text.offsets, len(raw))
