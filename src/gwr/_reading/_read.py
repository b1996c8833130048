"""``gwr.read``: any report text in, a verified :class:`~gwr.Report` out, with no annotation.

The reading layer does the work (normalization, the layout of the text, targets and outcomes,
the outline); this module puts it together with the indicator registry and holds the text, so
that every span of the report points into it and :func:`gwr.check` can verify it.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Sequence

import attrs

from .._model._errors import InvalidArgumentError, InvalidTypeError, short_repr
from .._model._records import (
    Document,
    Indicator,
    Measure,
    Outcome,
    Report,
    ReportKind,
    Source,
    Target,
    Theme,
    Verdict,
)
from . import _vocabulary as vocabulary
from ._outline import Sentence, appendix_sections, paragraphs, part_headings, read_body, sentences_of

READ_KINDS: tuple[ReportKind, ...] = ("gwr", "plan", "provincial")
READ_PROFILE = "auto"
"""The normalization profile of a text given to :func:`read`: it detects the damage itself."""
NOT_STATED = "not stated"
"""The value of a metadata field (title, date, meeting, speaker) that the text does not state."""
_REGION_CODE = re.compile(r"CN-[A-Z]{2}")


FIRST_YEAR = 1949
"""The first year a report can be for (the People's Republic's first government, 1949)."""
LAST_YEAR = 2100
"""The last year :func:`read` takes: a later one is a mistake, not a report."""


def read(text: str, *, kind: str | None = None, year: int | None = None, region: str | None = None) -> Report:
    """Read a report text with no annotation: its outline, targets, outcomes, tasks and measures.

    The text is normalized for the damage it shows (profile ``auto``), and every span of the
    report points into the normalized text of a source made from it (id ``read-`` and the first
    twelve hex digits of the text's sha256), which the report owns: it goes with the
    report (a pickle, another process) and is freed with it; :func:`gwr.check` verifies the
    report against it, and :func:`gwr.source` finds it while the report is alive.

    What the reader could not read, the report says in its ``warnings``: no targets passage, no
    task list, a text that repeats, a text that stops before the report's closing (the report is
    then ``partial``, not ``full``), a kind, year or region given that the text contradicts.

    Args:
        text: the whole text of one report, as obtained (title lines optional).
        kind: ``"gwr"`` (a Government Work Report), ``"plan"`` (an NDRC plan report) or
            ``"provincial"`` (a province's work report); ``None`` (the default) reads it from the
            text: a plan report by its title, a province's by the government it speaks for
            (省人民政府, 自治区人民政府) and the province its title or meeting names.
        year: the year the report is for; read from the text where it says it (its title, or the
            review of the year before), else required.
        region: the province of a provincial report: its ISO 3166-2:CN code (``"CN-ZJ"``),
            read from the text where not given; refused for the other kinds.

    Returns:
        A :class:`Report` with ``completeness="full"`` (``"partial"`` for a text that stops
        before its closing): targets (a clause no indicator keys is a target with
        ``key=None``), the outcomes of the year before, tasks with sub-tasks and measures, the
        whole outline, and its ``warnings``.

    Raises:
        InvalidTypeError: ``text`` is not a str, ``year`` not an int, ``kind`` or ``region`` not a str.
        InvalidArgumentError: ``kind`` is unknown; ``region`` is malformed, unknown or not
            wanted, or missing where the text names no province; ``year`` is outside
            1949–2100; the text is empty, or has no report structure at all (no 各位代表, no
            parts, no targets, no tasks); the year is neither given nor stated.

    >>> import gwr
    >>> text = gwr.source("003").text
    >>> start = text.index("政府工作报告\\n")
    >>> report = gwr.read(text[start : text.index("教育部部长")])
    >>> report.year, report.speaker, report.target("gdp_growth").text
    (2024, '李强', '国内生产总值增长5%左右')
    >>> report.kind, report.completeness, report.warnings
    ('gwr', 'full', ())
    >>> gwr.check(report).ok
    True
    >>> half = gwr.read(text[start : start + 6000])
    >>> half.completeness, half.warnings[-1]
    ('partial', "the text stops before the report's closing (it may be cut short)")
    """
    from ._layout import find_layout
    from ._normalize import NORMALIZATION_VERSION, normalize
    from ._own import OwnText, remember

    if not isinstance(text, str):
        raise InvalidTypeError(f"text is the report's text (str), not {type(text).__name__}")
    given_kind = None if kind is None else _kind(kind)
    if year is not None:
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidTypeError(f"year is an int, not {type(year).__name__}")
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise InvalidArgumentError(f"year must be from {FIRST_YEAR} to {LAST_YEAR}, not {year}")
    given_region = _region_code(region)
    if not text.strip():
        raise InvalidArgumentError("text is empty: pass the whole text of a report")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    normalized = normalize(text, READ_PROFILE)
    layout = find_layout(normalized.text)
    detected_kind, detected_region = _detect(normalized.text, layout.start, layout.end)
    warnings: list[str] = []
    report_kind = given_kind or detected_kind
    if given_kind is not None and given_kind != detected_kind:
        warnings.append(f"kind {given_kind!r} was given; the text reads as {detected_kind!r}")
    if report_kind == "provincial":
        code = given_region or detected_region
        if code is None:
            raise InvalidArgumentError(
                "a provincial report needs region=, its ISO 3166-2:CN code (e.g. 'CN-ZJ'): the text names no province"
            )
        if given_region is not None and detected_region is not None and given_region != detected_region:
            warnings.append(f"region {given_region} was given; the text names {detected_region}")
    else:
        if given_region is not None:
            raise InvalidArgumentError(f"region is for provincial reports only, not kind {report_kind!r}")
        code = None
    if year is not None and layout.year is not None and layout.year.value != year:
        warnings.append(f"year {year} was given; the text says {layout.year.value}")
    source_id = f"read-{digest[:12]}"
    report = read_normalized(
        normalized.text, source_id, kind=report_kind, year=year, region=code, indicators=vocabulary.indicators()
    )
    if not (report.targets or report.tasks or _has_parts(report) or _SALUTATION.search(normalized.text)):
        raise InvalidArgumentError(
            "the text has no report structure: no 各位代表, no parts (一、…), no main expected targets, no "
            "numbered tasks; pass the text of a government work report"
        )
    warnings.extend(_warnings(report, normalized.text, layout.speech_start, layout.end))
    partial = not _closes(normalized.text, layout.speech_start, layout.end)
    if partial:
        warnings.append("the text stops before the report's closing (it may be cut short)")
    title, date = report.title, report.date
    source = Source(
        id=source_id,
        file="",
        title=title,
        publisher=NOT_STATED,
        date=date,
        sha256=digest,
        profile=READ_PROFILE,
        profile_version=NORMALIZATION_VERSION,
        description="A text given to gwr.read.",
        documents=(
            Document(id=report.id, title=title, kind="report", date=date, start=0, end=len(normalized.text)),
            *appendix_documents(report, date),
        ),
        length=len(text),
        bundled=False,
        texts=OwnText(text, READ_PROFILE, normalized),
    )
    remember(source)
    return attrs.evolve(
        report,
        sources=(source,),
        warnings=tuple(warnings),
        completeness="partial" if partial else "full",
    )


_SALUTATION = re.compile(r"(?m)^各位代表")
_PLAN_TITLE = re.compile(r"计划执行情况|计划草案|国民经济和社会发展计划|国民经济计划")
_PROVINCIAL = re.compile(r"(?:省|自治区|市)人民政府|全省|全区(?!域)|全市")
_CLOSING_EXHORTATION = re.compile(r"奋斗|胜利|前进|贡献|信心|到来|向前")
"""Words a report's closing exhorts with (…而努力奋斗, …胜利前进): an old report's closing
paragraph ends with a full stop, not the exclamation of the modern ones."""


def _detect(text: str, start: int, end: int) -> tuple[ReportKind, str | None]:
    """The kind of report the text reads as, and the province it names (by its title, or the
    meeting its header or opening names)."""
    head = text[start : min(end, start + 600)]
    first_line = head.split("\n", 1)[0]
    if _PLAN_TITLE.search(first_line) and "政府工作报告" not in first_line:
        return "plan", None
    opening = text[start : min(end, start + 1500)]
    if not _PROVINCIAL.search(opening):
        return "gwr", None
    for region in vocabulary.regions():
        for name in (region.name_zh, region.short_zh):
            if name and re.search(re.escape(name) + r"(?:第|省|市|自治区|人民|[0-9〇一二三四五六七八九十]+届)", head):
                return "provincial", region.code
    return "provincial", None


def _has_parts(report: Report) -> bool:
    return any(section.kind == "part" for section in report.outline)


def _warnings(report: Report, text: str, start: int, end: int) -> list[str]:
    warnings = []
    if not any(t.in_passage for t in report.targets):
        warnings.append("no targets passage: the reader found no main expected targets")
    warnings.extend(report.warnings)  # no task list, and why
    paragraphs = [p for p in text[start:end].split("\n") if len(p) >= 40]
    if paragraphs:
        repeats = text.count(paragraphs[0][:40])
        if repeats > 1:
            warnings.append(f"the text repeats: its opening paragraph occurs {repeats} times (one report is read)")
    return warnings


def _closes(text: str, start: int, end: int) -> bool:
    """Whether the report ends with its closing: a paragraph among the last three that ends in an
    exclamation or opens with 各位代表, or a last sentence that exhorts (…而奋斗。)."""
    paragraphs = [p.strip() for p in text[start:end].split("\n") if p.strip()]
    if not paragraphs:
        return False
    if any(p.endswith(("！", "!")) or p.startswith("各位代表") for p in paragraphs[-3:]):
        return True
    sentences = [s for s in re.split(r"(?<=[。！？])", paragraphs[-1]) if s.strip()]
    return bool(sentences) and bool(_CLOSING_EXHORTATION.search(sentences[-1]))


def read_normalized(
    text: str,
    source_id: str,
    *,
    kind: ReportKind,
    year: int | None,
    region: str | None,
    indicators: Sequence[Indicator],
    themes: dict[int, tuple[str | None, str | None]] | None = None,
    subtask_themes: dict[int, dict[int, tuple[str | None, str | None]]] | None = None,
    theme_registry: Sequence[Theme] | None = None,
) -> Report:
    """Read the normalized ``text`` of source ``source_id`` into a report.

    The generator calls this too, for the corpus texts it cites.
    """
    from ._layout import find_layout
    from ._targets import key_quantities, names_consumer_prices

    layout = find_layout(text)
    if year is None and layout.year is not None:
        year = layout.year.value
    if year is None:
        raise InvalidArgumentError("the text does not say which year it is for: pass year=")
    facts = read_facts(text, source_id, year=year, start=layout.start, end=layout.end, indicators=indicators)
    targets, outcomes, sentences = facts.targets, facts.outcomes, facts.sentences
    prices = names_consumer_prices(text)
    parts = part_periods(sentences, year)

    def keyer(sentence: Sentence, measure: Measure) -> Measure:
        keyed = key_quantities(
            measure.text,
            measure.quantities,
            indicators,
            year=year,
            consumer_prices=prices,
            look_back=period_at(text, measure.span.start, year, parts) if measure.span.source == source_id else None,
        )
        return measure if keyed == measure.quantities else attrs.evolve(measure, quantities=keyed)

    body = read_body(
        {source_id: text},
        sentences,
        targets=targets,
        keyer=keyer,
        themes=themes,
        subtask_themes=subtask_themes,
    )
    report_id = f"{kind}-{year}" if region is None else f"{kind}-{year}-{region}"
    from ._themes import annotated, themed

    # where an annotation themes the tasks it decides; elsewhere the rule (the registry's words)
    by_annotation = bool(themes) or bool(subtask_themes)
    tasks = annotated(body.tasks) if by_annotation else themed(body.tasks, theme_registry or vocabulary.themes())
    appendices = appendix_sections(source_id, text, layout.appendices)
    return Report(
        id=report_id,
        kind=kind,
        year=year,
        title=layout.title.value if layout.title else NOT_STATED,
        date=layout.date.value if layout.date else NOT_STATED,
        meeting=layout.meeting.value if layout.meeting else NOT_STATED,
        speaker=layout.speaker.value if layout.speaker else NOT_STATED,
        speaker_office=layout.speaker_office.value if layout.speaker_office else None,
        completeness="full",
        witnesses=(source_id,),
        targets=targets,
        outcomes=outcomes,
        verdicts=facts.verdicts,
        tasks=tasks,
        measures=body.measures,
        outline=(*body.outline, *appendices),
        region=region,
        warnings=_no_tasks(body.note),
    )


def appendix_documents(report: Report, date: str) -> tuple[Document, ...]:
    """A document for each appendix of ``report`` (``<report id>-appendix-1``...), inside the
    report's document, so that :func:`gwr.search` tells a glossary's hits from the report's."""
    appendices = [s for s in report.outline if s.kind == "appendix"]
    return tuple(
        Document(
            id=f"{report.id}-appendix-{k}",
            title=section.title or "appendix",
            kind="appendix",
            date=date,
            start=section.span.start,
            end=section.span.end,
        )
        for k, section in enumerate(appendices, 1)
    )


def _no_tasks(note: str | None) -> tuple[str, ...]:
    """The warnings of a report with no task list: that it has none, and why."""
    if note is None:
        return ()
    plain = "no task list: the reader found no numbered tasks"
    return (plain,) if note == plain else (plain, note)  # that there is none, and why


@attrs.frozen
class Facts:
    """The targets and outcomes of a report's text, and its sentences (which the outline reads)."""

    targets: tuple[Target, ...]
    outcomes: tuple[Outcome, ...]
    sentences: list[Sentence]
    verdicts: tuple[Verdict, ...] = ()


def read_facts(text: str, source_id: str, *, year: int, start: int, end: int, indicators: Sequence[Indicator]) -> Facts:
    """The targets of ``year`` and the outcomes of the year before in ``text[start:end]`` (the
    report's range), as :func:`read` finds them; :func:`gwr.check` finds them again with it."""
    from ._targets import find_outcomes, find_targets
    from ._verdicts import find_verdicts

    targets = find_targets(text, source_id, year=year, start=start, end=end, indicators=indicators)
    # the outcomes of the year before are stated in the review: part one, before part two (or
    # before the targets passage where the text has no parts)
    sentences = sentences_of(source_id, text, start, end)
    parts = sorted(paragraph[0].start for paragraph in part_headings_of(sentences))
    review_end = min([*(t.span.start for t in targets if t.in_passage), *parts[1:2]], default=end)
    outcomes = find_outcomes(text, source_id, year=year, start=start, end=review_end, indicators=indicators)
    # a look back on the year before later in the report (2011年，是“十二五”开局之年…。过去一年，…
    # 国内生产总值增长10.3%): its paragraph states outcomes the review may not
    for later in _LOOK_BACK.finditer(text, review_end, end):
        if later.start() > start and text[later.start() - 1] not in _SENTENCE_START:
            continue
        line_end = text.find("\n", later.start(), end)
        found = find_outcomes(
            text,
            source_id,
            year=year,
            start=later.start(),
            end=end if line_end < 0 else line_end,
            indicators=indicators,
        )
        keys = {o.key for o in outcomes}
        outcomes += tuple(o for o in found if o.key not in keys)
    # a sentence after the review on the year before by name, and not on the year (正是由于这种迅速
    # 的发展，1956年的工业总产值达到了五百八十六亿元 in a part on construction): its outcomes
    named = _named_year(year - 1)
    this_year = _named_year(year)
    for sentence in _SENTENCE.finditer(text, review_end, end):
        if not named.search(sentence.group()) or this_year.search(sentence.group()):
            continue
        found = find_outcomes(
            text, source_id, year=year, start=sentence.start(), end=sentence.end(), indicators=indicators
        )
        keys = {o.key for o in outcomes}
        outcomes += tuple(o for o in found if o.key not in keys)
    verdicts = find_verdicts(text, source_id, year=year, start=start, end=review_end, indicators=indicators)
    return Facts(targets, outcomes, sentences, verdicts)


_LOOK_BACK = re.compile(r"过去一年|过去的一年|刚刚过去的一年")
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")


def _named_year(year: int) -> re.Pattern[str]:
    """``year`` by name (2024年, 一九五六年), not as the base of a comparison (比2024年) nor as the
    year of a stock (2024年底, 2024年末)."""
    from ._meaning import year_in_words

    return re.compile(rf"(?<!比)(?<!较)(?:{year}|{year_in_words(year)})年(?![0-9]|底|末)")


_SENTENCE_START = "。！？\n 　"


def part_periods(sentences: list[Sentence], year: int, source: str | None = None) -> list[tuple[int, str | None]]:
    """Where each part of the report starts (in ``source``, where given), and the span of years
    its heading puts it over (二、“十二五”时期的主要目标和任务 → ``“十二五”时期``; 三、2011年的工作 →
    ``None``)."""
    from ._meaning import span_in

    result: list[tuple[int, str | None]] = []
    for paragraph in part_headings_of(sentences):
        heading = paragraph[0]
        if source is not None and heading.source != source:
            continue
        result.append((heading.start, span_in(heading.text, 0, len(heading.text), year)[0]))
    return sorted(result)


def period_at(text: str, at: int, year: int, parts: list[tuple[int, str | None]]) -> str | None:
    """The span of years the context puts a sentence at ``at`` over: its paragraph's opening
    (:func:`gwr._reading._meaning.look_back`), else its part's heading (:func:`part_periods`)."""
    from ._meaning import look_back

    back = look_back(text, at, year)
    if back is not None:
        return back
    part = bisect.bisect_right(parts, (at, "\uffff")) - 1
    return parts[part][1] if part >= 0 else None


def part_headings_of(sentences: list[Sentence]) -> list[list[Sentence]]:
    """The paragraphs of ``sentences`` that open a part (一、 headings in sequence)."""
    paragraph_list = paragraphs(sentences)
    return [paragraph_list[index] for index in part_headings(paragraph_list)]


def _kind(kind: object) -> ReportKind:
    names = ", ".join(repr(k) for k in READ_KINDS)
    if not isinstance(kind, str):
        raise InvalidTypeError(f"kind is a str, one of {names}, not {type(kind).__name__}")
    for known in READ_KINDS:
        if kind == known:
            return known
    raise InvalidArgumentError(f"kind must be one of {names}, not {short_repr(kind)}")


def _region_code(region: object) -> str | None:
    """``region`` as a code of the region registry, ``None`` where not given.

    Raises:
        InvalidTypeError: ``region`` is not a str.
        InvalidArgumentError: it is no ISO 3166-2:CN code, or a code of no region.
    """
    if region is None:
        return None
    if not isinstance(region, str):
        raise InvalidTypeError(f"region is an ISO 3166-2:CN code (str), not {type(region).__name__}")
    code = region.strip().upper()
    if not _REGION_CODE.fullmatch(code):
        raise InvalidArgumentError(f"region must be an ISO 3166-2:CN code such as 'CN-ZJ', not {short_repr(region)}")
    codes = [r.code for r in vocabulary.regions()]
    if code not in codes:
        raise InvalidArgumentError(f"region {code} is no provincial-level division; the codes are {', '.join(codes)}")
    return code
