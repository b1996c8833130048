"""``gwr.read``: any report text in, a verified :class:`~gwr.Report` out, with no annotation.

The reading layer does the work (normalization, the layout of the text, targets and outcomes,
the outline); this module puts it together with the indicator registry and holds the text, so
that every span of the report points into it and :func:`gwr.check` can verify it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import attrs

from .._model._errors import InvalidArgumentError, InvalidTypeError, short_repr
from .._model._records import Document, Indicator, Measure, Report, ReportKind, Source
from . import _vocabulary as vocabulary
from ._outline import Sentence, paragraphs, part_headings, read_body, sentences_of

READ_KINDS: tuple[ReportKind, ...] = ("gwr", "plan", "provincial")
READ_PROFILE = "auto"
"""The normalization profile of a text given to :func:`read`: it detects the damage itself."""
NOT_STATED = "not stated"
"""The value of a metadata field (title, date, meeting, speaker) that the text does not state."""
_REGION_CODE = re.compile(r"CN-[A-Z]{2}")


def read(text: str, *, kind: str = "gwr", year: int | None = None, region: str | None = None) -> Report:
    """Read a report text with no annotation: its outline, targets, outcomes, tasks and measures.

    The text is normalized for the damage it shows (profile ``auto``), and every span of the
    report points into the normalized text of a source made from it (id ``read-`` and the first
    twelve hex digits of the text's sha256), which the report owns: it goes with the
    report (a pickle, another process) and is freed with it; :func:`gwr.check` verifies the
    report against it, and :func:`gwr.source` finds it while the report is alive.

    Args:
        text: the whole text of one report, as obtained (title lines optional).
        kind: ``"gwr"`` (a Government Work Report), ``"plan"`` (an NDRC plan report) or
            ``"provincial"`` (a province's work report).
        year: the year the report is for; read from the text where it says it (its title, or the
            review of the year before), else required.
        region: the ISO 3166-2:CN code of the province (``"CN-ZJ"``), required for
            ``"provincial"`` and refused for the other kinds.

    Returns:
        A :class:`Report` with ``completeness="full"``: targets (a clause no indicator keys is a
        target with ``key=None``), the outcomes of the year before, tasks with sub-tasks and
        measures, and the whole outline.

    Raises:
        InvalidTypeError: ``text`` is not a str, ``year`` not an int, ``kind`` or ``region`` not a str.
        InvalidArgumentError: ``kind`` is unknown; ``region`` is missing, malformed or not
            wanted; the text is empty; the year is neither given nor stated.

    >>> import gwr
    >>> text = gwr.source("003").text
    >>> start = text.index("政府工作报告\\n")
    >>> report = gwr.read(text[start : text.index("教育部部长")])
    >>> report.year, report.speaker, report.target("gdp_growth").text
    (2024, '李强', '国内生产总值增长5%左右')
    >>> gwr.check(report).ok
    True
    """
    from ._normalize import NORMALIZATION_VERSION, normalize
    from ._own import OwnText, remember

    if not isinstance(text, str):
        raise InvalidTypeError(f"text is the report's text (str), not {type(text).__name__}")
    report_kind = _kind(kind)
    code = _region(report_kind, region)
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise InvalidTypeError(f"year is an int, not {type(year).__name__}")
    if not text.strip():
        raise InvalidArgumentError("text is empty: pass the whole text of a report")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    normalized = normalize(text, READ_PROFILE)
    source_id = f"read-{digest[:12]}"
    report = read_normalized(
        normalized.text, source_id, kind=report_kind, year=year, region=code, indicators=vocabulary.indicators()
    )
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
        documents=(Document(id=report.id, title=title, kind="report", date=date, start=0, end=len(normalized.text)),),
        length=len(text),
        bundled=False,
        texts=OwnText(text, READ_PROFILE, normalized),
    )
    remember(source)
    return attrs.evolve(report, sources=(source,))


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
) -> Report:
    """Read the normalized ``text`` of source ``source_id`` into a report.

    The generator calls this too, for the corpus texts it cites.
    """
    from ._layout import find_layout
    from ._targets import find_outcomes, find_targets, key_quantities

    layout = find_layout(text)
    if year is None and layout.year is not None:
        year = layout.year.value
    if year is None:
        raise InvalidArgumentError("the text does not say which year it is for: pass year=")
    start, end = layout.start, layout.end
    targets = find_targets(text, source_id, year=year, start=start, end=end, indicators=indicators)
    # the outcomes of the year before are stated in the review: part one, before part two (or
    # before the targets passage where the text has no parts)
    sentences = sentences_of(source_id, text, start, end)
    parts = sorted(paragraph[0].start for paragraph in part_headings_of(sentences))
    review_end = min([*(t.span.start for t in targets), *parts[1:2]], default=end)
    outcomes = find_outcomes(text, source_id, year=year, start=start, end=review_end, indicators=indicators)

    def keyer(sentence: Sentence, measure: Measure) -> Measure:
        keyed = key_quantities(measure.text, measure.quantities, indicators)
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
    return Report(
        id=report_id,
        kind=kind,
        year=year,
        title=layout.title.value if layout.title else NOT_STATED,
        date=layout.date.value if layout.date else NOT_STATED,
        meeting=layout.meeting.value if layout.meeting else NOT_STATED,
        speaker=layout.speaker.value if layout.speaker else NOT_STATED,
        completeness="full",
        witnesses=(source_id,),
        targets=targets,
        outcomes=outcomes,
        tasks=body.tasks,
        measures=body.measures,
        outline=body.outline,
        region=region,
    )


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


def _region(kind: ReportKind, region: object) -> str | None:
    if region is None:
        if kind == "provincial":
            raise InvalidArgumentError("a provincial report needs region=, its ISO 3166-2:CN code (e.g. 'CN-ZJ')")
        return None
    if not isinstance(region, str):
        raise InvalidTypeError(f"region is an ISO 3166-2:CN code (str), not {type(region).__name__}")
    if kind != "provincial":
        raise InvalidArgumentError(f"region is for provincial reports only, not kind {kind!r}")
    code = region.strip().upper()
    if not _REGION_CODE.fullmatch(code):
        raise InvalidArgumentError(f"region must be an ISO 3166-2:CN code such as 'CN-ZJ', not {short_repr(region)}")
    return code
