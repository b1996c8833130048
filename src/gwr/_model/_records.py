"""The public record types of gwr.

Every record is an immutable ``attrs`` class. Records that come from a report carry a
:class:`Span` that points into the normalized text of a bundled source, so that each value
can be traced back to the exact words it was read from (and :func:`gwr.check` can prove it).
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import TYPE_CHECKING, Literal, Protocol

import attrs

from . import _wiring
from ._errors import InvalidTypeError, NotFoundError

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .._analysis._items import Item
    from .._analysis._results import Results

Qualifier = Literal["exact", "about", "at_least", "more_than", "at_most", "less_than"]
"""How a quantity relates to its number: 左右/约 → ``about``; 以上/至少 → ``at_least``;
超过/突破/逾/多/余 → ``more_than``; 以内/以下/不超过 → ``at_most``; 近/不到 → ``less_than``."""

Change = Literal["increase", "decrease", "unchanged"]
"""The direction of a stated change (增长/提高 → ``increase``, 下降/降低 → ``decrease``, 持平)."""

ReportKind = Literal["gwr", "plan", "provincial"]
"""What a report is: a national Government Work Report (``gwr``), an NDRC plan report
(``plan``), or a provincial government's work report (``provincial``)."""

Completeness = Literal["full", "summary", "cited", "partial"]
"""How much of a report the data holds: ``full`` (the whole text is bundled), ``summary``
(known from a bundled summary), ``cited`` (facts with their clauses, from a text that is not
bundled; :func:`gwr.check` verifies them where the text is at hand), ``partial`` (a text given
to :func:`gwr.read` that stops before the report's closing)."""

Measurement = Literal["level", "per_capita", "growth", "share", "points", "increment"]
"""What a figure measures: a ``level`` (126万亿元, 失业率5.5%), a ``per_capita`` level (人均国内生产总值
9.5万元), a ``growth`` rate (增长5%), a ``share`` of a whole (比重达到51.6%, 占比45.5%), a change in
percentage ``points`` (提高0.5个百分点), or an ``increment`` of a level (增产74亿斤, 比上年增加5000亿元)."""

Reading = Literal["floor", "ceiling", "level", "qualitative"]
"""How a target on an indicator is read: a floor (at least), a ceiling (at most), a level
(about), or qualitative (no number)."""


def _cut(text: str, limit: int = 24) -> str:
    """``repr(text)``, cut to about ``limit`` characters (records print in one line)."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def _where(span: Span) -> str:
    return f"{span.source}:{span.start}-{span.end}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _quantities(count: int) -> str:
    return f"{count} quantit{'y' if count == 1 else 'ies'}"


@attrs.frozen
class Span:
    """Where an item comes from: a W3C TextPositionSelector plus TextQuoteSelector pair.

    ``start`` and ``end`` count code points in the normalized text of source ``source``
    (see :attr:`Source.normalized`); ``exact`` is the text between them, ``prefix`` and
    ``suffix`` the text just before and after (up to 16 code points each).

    >>> import gwr
    >>> span = gwr.report(2024).target("gdp_growth").span
    >>> span.source, span.exact
    ('003', '国内生产总值增长5%左右')
    >>> gwr.source(span.source).normalized[span.start : span.end] == span.exact
    True
    """

    source: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str

    def __repr__(self) -> str:
        return f"<Span {_where(self)} {_cut(self.exact)}>"


@attrs.frozen
class Quantity:
    """An exact number with its unit, as written in the text.

    ``value`` is in base units and never negative (7000亿元 → ``Decimal(700000000000)``
    ``CNY``; 5% → ``Decimal(5)`` ``%``). A range has ``value`` as its lower and ``upper`` as
    its upper bound. A stated change has a ``change`` direction and, where the text says it,
    what it is ``relative_to`` (上年). ``start`` and ``end`` locate ``text`` in the string the
    quantity was parsed from (the ``text`` of its item). ``indicator`` is the key of the
    indicator the quantity states, where one is known.

    >>> import gwr
    >>> quantity = gwr.report(2024).target("grain_output").quantity
    >>> quantity.value, quantity.unit, quantity.qualifier, quantity.text
    (Decimal('1300000000000'), 'jin', 'at_least', '1.3万亿斤以上')
    """

    value: Decimal
    unit: str
    text: str
    start: int
    end: int
    qualifier: Qualifier = "exact"
    upper: Decimal | None = None
    change: Change | None = None
    relative_to: str | None = None
    indicator: str | None = None
    measure: Measurement | None = None
    """What the figure measures (a level, a growth rate, a share...), where the reader read it."""
    period: str | None = None
    """The span of years the figure is over, as the text names it (``年均``, ``五年来``,
    ``比2002年``, ``“十四五”以来``, ``到2035年``); ``None`` for the year itself."""
    scope: str | None = None
    """The part of the aggregate the figure is of, as its clause names it (``网上零售额``,
    ``地方财政赤字``, ``轻工业总产值``, ``人均``); ``None`` for the aggregate itself."""

    def __repr__(self) -> str:
        value = f"{self.value:f}" + ("" if self.upper is None else f"-{self.upper:f}")
        extra: list[str] = [self.qualifier] if self.qualifier != "exact" else []
        if self.change is not None:
            extra.append(self.change + (f" on {self.relative_to}" if self.relative_to else ""))
        if self.indicator is not None:
            extra.append(self.indicator)
        return f"<Quantity {value} {self.unit}{''.join(', ' + e for e in extra)}: {_cut(self.text)}>"


@attrs.frozen
class Indicator:
    """An entry of the indicator registry: what a target or outcome key means.

    ``reading`` says how a target on the indicator is read against an outcome: a ``floor``,
    a ``ceiling``, a ``level`` or ``qualitative``.

    >>> import gwr
    >>> cpi = gwr.indicator("cpi_growth")
    >>> cpi.name_zh, cpi.name_en, cpi.unit, cpi.reading
    ('居民消费价格涨幅', 'CPI growth', '%', 'ceiling')
    """

    key: str
    name_zh: str
    name_en: str
    unit: str | None
    reading: Reading
    description: str = ""
    names: tuple[str, ...] = ()
    """The phrasings that state the indicator in a target or outcome clause (地区生产总值 states
    ``gdp_growth`` in a provincial report), which the reader keys clauses by."""
    measure: Measurement = "level"
    """What a figure must measure to carry the key: a ``growth`` indicator takes growth rates
    only, a ``share`` indicator shares and levels, an ``increment`` indicator (new jobs, poverty
    reduction) increments and levels, a ``level`` indicator levels only."""
    bounds: tuple[Decimal, ...] | None = None
    """The range a figure on the indicator can take in any year (GDP growth between -10% and
    25%); :func:`gwr.check` names a keyed figure outside it."""

    def __repr__(self) -> str:
        unit = f"{self.unit}, " if self.unit else ""
        return f"<Indicator {self.key}: {self.name_zh} / {self.name_en} ({unit}{self.reading})>"


@attrs.frozen
class Theme:
    """A task theme: a stable key that lets tasks be compared across years and kinds.

    >>> import gwr
    >>> theme = gwr.themes()[0]
    >>> theme.key, theme.name_zh, theme.name_en
    ('domestic_demand', '扩大国内需求', 'Domestic demand')
    """

    key: str
    name_zh: str
    name_en: str
    words: tuple[str, ...] = ()
    """Words that mark the theme in a task's title (内需, 消费 for domestic demand), by which the
    reader themes the tasks no annotation themes."""


RegionLevel = Literal["province", "autonomous_region", "municipality"]
"""The level of a provincial-level division: a province (省), an autonomous region (自治区) or a
municipality directly under the central government (直辖市)."""


@attrs.frozen
class Region:
    """A provincial-level division of mainland China, as the registry :func:`gwr.regions` holds it.

    ``code`` is its ISO 3166-2:CN code, the ``region`` of its provincial reports; ``name_zh`` is
    the full Chinese name, ``short_zh`` the short one the reports use; ``slug`` is the pinyin file
    name of its texts in the corpus (``provincial/2025/zhejiang.txt``); ``aliases`` are further
    English names that :func:`gwr.region` accepts.

    >>> import gwr
    >>> region = gwr.region("浙江")
    >>> region.code, region.name_zh, region.name_en, region.slug, region.level
    ('CN-ZJ', '浙江省', 'Zhejiang', 'zhejiang', 'province')
    """

    code: str
    name_zh: str
    short_zh: str
    name_en: str
    slug: str
    level: RegionLevel
    aliases: tuple[str, ...] = ()


@attrs.frozen
class English:
    """The official English of a fact: the aligned English segment, and within it the words for
    the fact, each a span into the translation file (``translations-2012`` for 2012's).

    ``words`` is ``None`` where they could not be told apart with certainty (a segment merged or
    shifted in the alignment), and ``segment`` too where no aligned segment holds the fact;
    ``reason`` then says why. Never a wrong sentence: what is uncertain is absent.

    >>> import gwr
    >>> english = gwr.report(2012).target("gdp_growth").english
    >>> english.text, english.words.source
    ('to increase GDP by 7.5%', 'translations-2012')
    """

    segment: Span | None
    words: Span | None
    reason: str | None = None

    @property
    def text(self) -> str | None:
        """The English words for the fact, unescaped, or ``None``."""
        return None if self.words is None else html.unescape(self.words.exact)

    @property
    def segment_text(self) -> str | None:
        """The whole aligned English segment, unescaped, or ``None``."""
        return None if self.segment is None else html.unescape(self.segment.exact)


@attrs.frozen
class Target:
    """A main expected target (主要预期目标) of a report.

    ``text`` is the target as written; ``quantity`` is ``None`` for a qualitative target
    (居民收入增长和经济增长同步). ``key`` is ``None`` for a clause of the targets passage that
    no indicator of the registry states: such a clause is still a target, never dropped.
    ``rationale`` is the reasoning the report gives for the target (the plan report's 主要考虑),
    with its own span.

    >>> import gwr
    >>> target = gwr.report(2025).target("cpi_growth")
    >>> target.key, target.year, target.text, target.qualifier
    ('cpi_growth', 2025, '居民消费价格涨幅2%左右', 'about')
    >>> target.quantity.value
    Decimal('2')
    >>> gwr.report("plan-2024").target("cpi_growth").rationale[:5]
    '主要考虑：'
    """

    key: str | None
    year: int
    text: str
    quantity: Quantity | None
    qualifier: Qualifier | None
    span: Span
    rationale: str | None = None
    rationale_span: Span | None = None
    witness_spans: tuple[Span, ...] = ()
    english: English | None = None
    in_passage: bool = True
    """Whether the targets passage states it (the report's main expected targets); ``False`` for
    a target the text sets elsewhere for the year (今年能源消耗强度要降低3.9%以上 in 2014's tasks;
    努力增加农民收入, a qualitative target of 1999 in words)."""

    def __repr__(self) -> str:
        rationale = ", with rationale" if self.rationale else ""
        return f"<Target {self.key or '(no key)'} {self.year} {_cut(self.text)} at {_where(self.span)}{rationale}>"


@attrs.frozen
class Outcome:
    """A result that a report states for an earlier year (GDP grew 5.2% in 2023).

    >>> import gwr
    >>> outcome = next(o for o in gwr.report(2024).outcomes if o.key == "gdp_growth")
    >>> outcome.year, outcome.text, outcome.quantity.value
    (2023, '增长5.2%', Decimal('5.2'))
    """

    key: str
    year: int
    text: str
    quantity: Quantity | None
    qualifier: Qualifier | None
    span: Span
    witness_spans: tuple[Span, ...] = ()
    english: English | None = None

    def __repr__(self) -> str:
        return f"<Outcome {self.key} {self.year} {_cut(self.text)} at {_where(self.span)}>"


@attrs.frozen
class Verdict:
    """What a report says of the targets of the year before: met, or not.

    ``keys`` are the indicators it speaks of (empty: the main targets as a whole, 主要目标任务
    圆满完成); ``met`` is what it says; ``text`` the clause that says it. A verdict is no figure:
    :func:`gwr.attainment` shows it beside the rule's reading of target against outcome.

    >>> import gwr
    >>> verdict = next(v for v in gwr.report(2007).verdicts if not v.met)
    >>> verdict.keys, verdict.year, verdict.text[:12]
    (('energy_intensity_reduction', 'pollutant_emissions_reduction'), 2006, '全国没有实现年初确定的单')
    """

    keys: tuple[str, ...]
    year: int
    met: bool
    text: str
    span: Span
    witness_spans: tuple[Span, ...] = ()

    def __repr__(self) -> str:
        about = ", ".join(self.keys) or "the main targets"
        said = "met" if self.met else "not met"
        return f"<Verdict {self.year} {about}: {said} {_cut(self.text)} at {_where(self.span)}>"


@attrs.frozen
class Measure:
    """One policy measure (a sentence or clause) with every quantity in it.

    >>> import gwr
    >>> measure = gwr.report(2024).task(3).subtasks[1].measures[1]
    >>> measure.text
    '今年中央预算内投资拟安排7000亿元。'
    >>> [(q.value, q.unit, q.indicator) for q in measure.quantities]
    [(Decimal('700000000000'), 'CNY', 'central_budget_investment')]
    """

    text: str
    quantities: tuple[Quantity, ...]
    span: Span
    witness_spans: tuple[Span, ...] = ()
    english: English | None = None

    def __repr__(self) -> str:
        return f"<Measure {_cut(self.text, 30)} ({_quantities(len(self.quantities))}) at {_where(self.span)}>"


@attrs.frozen
class Task:
    """A numbered task with its title, theme, sub-tasks (the same type, nested) and measures.

    >>> import gwr
    >>> task = gwr.report(2024).task(3)
    >>> task.number, task.theme, task.title
    (3, 'domestic_demand', '着力扩大国内需求，推动经济实现良性循环')
    >>> [subtask.title for subtask in task.subtasks]
    ['促进消费稳定增长', '积极扩大有效投资']
    """

    number: int
    title: str
    theme: str | None
    secondary_theme: str | None
    subtasks: tuple[Task, ...]
    measures: tuple[Measure, ...]
    span: Span
    witness_spans: tuple[Span, ...] = ()
    theme_source: Literal["annotation", "rule"] | None = None
    english: English | None = None
    lead: Span | None = None
    """The task's own text: what follows its heading sentence up to its first sub-task (the rest
    of the heading's paragraph, and any paragraphs before the first sub-area), or its whole text
    after the heading where it has no sub-tasks. ``None`` where the task has none, and in a cited
    report, which ships no prose (:func:`gwr.read` of the text gives it)."""

    def __repr__(self) -> str:
        theme = (self.theme or "no theme") + (f"+{self.secondary_theme}" if self.secondary_theme else "")
        counts = f"{_plural(len(self.subtasks), 'sub-task')}, {_plural(len(self.measures), 'measure')}"
        return f"<Task {self.number} {theme} {_cut(self.title, 30)} ({counts}) at {_where(self.span)}>"

    def passages(self) -> tuple[Span, ...]:
        """The task's whole text as spans in reading order, across witnesses.

        ``span`` covers the task in the report's primary witness; where a second witness has
        passages the primary lacks (the generator merged them in: a sentence of the newspaper
        copy 002 missing from the full text 003), they are set in where that witness has them,
        each as a span into its own source. One span where the task has one witness.

        >>> import gwr
        >>> task = gwr.report(2024).task(2)
        >>> [(span.source, span.exact[:8]) for span in task.passages()]
        [('003', '（二）深入实施科'), ('002', '开展基础教育扩优'), ('003', '实施高等教育综合')]
        >>> "减轻中小学教师非教学负担" in task.span.exact, "减轻中小学教师非教学负担" in task.full_text()
        (False, True)
        """
        passages: tuple[Span, ...] = _wiring.service("task_passages")(self)
        return passages

    def full_text(self) -> str:
        """The task's whole text, passages only a second witness has included (see :meth:`passages`).

        >>> import gwr
        >>> gwr.report(2024).task(3).full_text()[:23]
        '（三）着力扩大国内需求，推动经济实现良性循环。'
        """
        return "".join(span.exact for span in self.passages())


SectionKind = Literal["part", "area", "item", "paragraph", "heading", "closing", "appendix", "block"]
"""What a node of a report's outline is: a part (一、), an area or task (（一）), an item
(一是, a sub-area), a paragraph, a heading (a title line, or a salutation inside a part), a
closing passage (after the tasks: government building, defence, Hong Kong, Macao and Taiwan,
foreign policy, the last salutation), an appendix after the closing (a glossary, 名词解释; an
attachment, 附件; notes, 注释), or a block of a summary's layout."""


@attrs.frozen
class Section:
    """A node of a report's outline, so that every passage of the text is reachable.

    ``title`` is the heading sentence where the section has one (without its number and final
    full stop), ``heading`` the span of the heading as written (number included); ``span``
    covers the whole section, children included.

    >>> import gwr
    >>> part = next(s for s in gwr.report(2024).outline if s.kind == "part" and s.number == 3)
    >>> part.title, part.heading.exact
    ('2024年政府工作任务', '三、2024年政府工作任务')
    """

    kind: SectionKind
    number: int | None
    title: str | None
    span: Span
    heading: Span | None = None
    children: tuple[Section, ...] = ()
    witness_spans: tuple[Span, ...] = ()

    def __repr__(self) -> str:
        number = "" if self.number is None else f" {self.number}"
        title = "" if self.title is None else f" {_cut(self.title)}"
        children = f" ({_plural(len(self.children), 'child')})".replace("childs", "children") if self.children else ""
        return f"<Section {self.kind}{number}{title}{children} at {_where(self.span)}>"


@attrs.frozen
class Document:
    """One document inside a source file (a report, a speech, a press conference...).

    ``start`` and ``end`` are its range in the source's normalized text. A document may lie
    inside another: a box set into an article (the ■ key-points box at the top of a speech, the
    infographic inside a news summary). ``repeats`` is then the id of the document whose text
    the box restates, so that counts can leave it out; it is ``None`` for every other document.

    >>> import gwr
    >>> document = gwr.source("003").document("gwr-2024-full")
    >>> document.title, document.kind, document.date
    ('政府工作报告', 'report', '2024-03-05')
    """

    id: str
    title: str
    kind: str
    date: str
    start: int
    end: int
    repeats: str | None = None


@attrs.frozen
class Report:
    """One report: a Government Work Report (``kind="gwr"``), an NDRC plan report (``"plan"``)
    or a provincial work report (``"provincial"``, with its ``region``, an ISO 3166-2:CN code).

    ``completeness`` is ``"full"`` where the whole text is bundled, ``"summary"`` where
    the report is known only from a summary, and ``"cited"`` where the data holds the report's
    facts with their clauses while the text itself is not bundled; ``witnesses`` lists the ids
    of the sources it was built from. ``description`` says what the report is where it is not a
    premier's work report (the corpus files the 1956 budget report as that year's report).

    >>> import gwr
    >>> report = gwr.report(2024)
    >>> report.id, report.kind, report.year, report.date, report.speaker, report.completeness
    ('gwr-2024', 'gwr', 2024, '2024-03-05', '李强', 'full')
    >>> len(report.targets), len(report.tasks)  # the passage's nine, the deficit ratio and the deficit set later
    (11, 10)
    """

    id: str
    kind: ReportKind
    year: int
    title: str
    date: str
    meeting: str
    speaker: str
    completeness: Completeness
    witnesses: tuple[str, ...]
    targets: tuple[Target, ...]
    outcomes: tuple[Outcome, ...] = ()
    tasks: tuple[Task, ...] = ()
    measures: tuple[Measure, ...] = ()
    outline: tuple[Section, ...] = ()
    region: str | None = None
    description: str = ""
    warnings: tuple[str, ...] = ()
    """What the reader could not read (no targets passage, no task list…), empty for the others."""
    verdicts: tuple[Verdict, ...] = ()
    """What the review says of the targets of the year before."""
    speaker_office: str | None = None
    """The office the header names the speaker by, as written and apart from the name
    (国务院总理 for 国务院总理李强, 市长 for 龚正市长), ``None`` where it names none."""
    _sources: tuple[Source, ...] = attrs.field(default=(), eq=False, repr=False, alias="sources")
    """The sources a report made by :func:`gwr.read` owns (its text goes where it goes: a pickle,
    another process); empty for the reports of the data, whose sources the database holds."""

    def __repr__(self) -> str:
        measures = sum(1 for _, item in self.iter_items() if isinstance(item, Measure))
        region = f" {self.region}" if self.region else ""
        counts = ", ".join(
            [
                _plural(len(self.targets), "target"),
                _plural(len(self.outcomes), "outcome"),
                _plural(len(self.tasks), "task"),
                _plural(measures, "measure"),
            ]
        )
        return f"<Report {self.id}: {self.kind}{region} {self.year}, {self.completeness}; {counts}>"

    def _repr_html_(self) -> str:
        """A summary of the report for a notebook: what it is, its counts, its targets."""
        escape = html.escape
        left = ' style="text-align:left"'
        facts = [
            ("report", self.id),
            ("title", self.title),
            ("date", self.date),
            ("speaker", self.speaker),
            ("completeness", self.completeness),
            ("region", self.region or ""),
            ("witnesses", ", ".join(self.witnesses)),
            ("warnings", "; ".join(self.warnings)),
        ]
        rows = "".join(
            f"<tr><th{left}>{escape(name)}</th><td{left}>{escape(value)}</td></tr>" for name, value in facts if value
        )
        targets = "".join(
            f"<tr><td{left}>{escape(t.key or '(no key)')}</td><td{left}>{escape(t.text)}</td></tr>"
            for t in self.targets
        )
        counts = escape(repr(self).split(";", 1)[-1].rstrip(">").strip())
        return (
            f'<div class="gwr-report"><table>{rows}<tr><th{left}>holds</th><td{left}>{counts}</td></tr></table>'
            f'<table><caption style="text-align:left">main expected targets</caption>{targets}</table></div>'
        )

    def target(self, key: str) -> Target:
        """Return the target on indicator ``key``.

        Raises:
            NotFoundError: the report has no target on ``key``; the message names those it has.
            InvalidTypeError: ``key`` is not a str.

        >>> import gwr
        >>> gwr.report(2024).target("gdp_growth").text
        '国内生产总值增长5%左右'
        """
        if not isinstance(key, str):
            raise InvalidTypeError(f"a target is named by its indicator key (str), not {type(key).__name__}")
        for target in self.targets:
            if target.key == key:
                return target
        raise NotFoundError(f"{self.id} has no target {key!r}", key, [t.key for t in self.targets if t.key])

    def task(self, number: int) -> Task:
        """Return the numbered task ``number`` (（一） is 1), as the report numbers it.

        Args:
            number: the task's number, from 1.

        Returns:
            The :class:`Task` with that number.

        Raises:
            NotFoundError: the report has no task ``number``; the message names those it has.
            InvalidTypeError: ``number`` is not an int.

        >>> import gwr
        >>> gwr.report(2024).task(3).title
        '着力扩大国内需求，推动经济实现良性循环'
        >>> gwr.report(2024).task(99)
        Traceback (most recent call last):
        gwr.NotFoundError: gwr-2024 has no task 99...
        """
        if isinstance(number, bool) or not isinstance(number, int):
            raise InvalidTypeError(f"a task is named by its number (int), not {type(number).__name__}")
        for task in self.tasks:
            if task.number == number:
                return task
        raise NotFoundError(f"{self.id} has no task {number}", number, [t.number for t in self.tasks])

    def table(self, what: str, lang: str = "zh") -> Results[Item]:
        """Every target, outcome, measure or quantity of the report as a flat table.

        ``what`` is ``"targets"``, ``"outcomes"``, ``"measures"`` (every measure, those inside
        the tasks included) or ``"quantities"`` (every number: of the targets, the outcomes and
        the measures). Each :class:`~gwr.Item` row says where the item sits (its ``path``, its
        ``task`` number and ``subtask``), its number where it has one, the span and quote
        behind it, and its official English (``text_en``, 2008–2022); ``to_records()`` and
        ``to_dataframe()`` export the table.

        Args:
            what: which table: ``"targets"``, ``"outcomes"``, ``"measures"`` or ``"quantities"``.
            lang: ``"en"`` shows the table in English (the official English of each item, the
                Chinese marked ``[zh]`` where there is none, English indicator names); the
                records are the same either way.

        Returns:
            :class:`~gwr.Results` of :class:`~gwr.Item` rows, in the report's order.

        Raises:
            InvalidArgumentError: ``what`` names no table, or ``lang`` is neither ``"zh"`` nor ``"en"``.
            InvalidTypeError: ``what`` or ``lang`` is not a str.

        >>> import gwr
        >>> measures = gwr.report(2024).table("measures")
        >>> row = next(row for row in measures if row.text.startswith("今年中央预算内投资"))
        >>> row.path, row.task, row.subtask, row.subtask_title, row.quantities
        ('tasks[2].subtasks[1].measures[1]', 3, '2', '积极扩大有效投资', 1)
        >>> record = gwr.report(2025).table("targets").to_records()[0]
        >>> [record[name] for name in ("key", "value", "unit", "quote", "source", "start", "end")]
        ['gdp_growth', Decimal('5'), '%', '国内生产总值增长5%左右', '000', 783, 795]
        """
        table: Results[Item] = _wiring.service("report_table")(self, what, lang)
        return table

    def iter_items(self) -> Iterator[tuple[str, Target | Outcome | Verdict | Measure | Task]]:
        """Yield every item of the report with its path (``targets[0]``, ``tasks[2].measures[1]``)."""
        for i, target in enumerate(self.targets):
            yield f"targets[{i}]", target
        for i, outcome in enumerate(self.outcomes):
            yield f"outcomes[{i}]", outcome
        for i, verdict in enumerate(self.verdicts):
            yield f"verdicts[{i}]", verdict
        for i, measure in enumerate(self.measures):
            yield f"measures[{i}]", measure
        yield from _iter_tasks("tasks", self.tasks)


def _iter_tasks(
    path: str, tasks: tuple[Task, ...]
) -> Iterator[tuple[str, Target | Outcome | Verdict | Measure | Task]]:
    for i, task in enumerate(tasks):
        task_path = f"{path}[{i}]"
        yield task_path, task
        for j, measure in enumerate(task.measures):
            yield f"{task_path}.measures[{j}]", measure
        yield from _iter_tasks(f"{task_path}.subtasks", task.subtasks)


class MappedText(Protocol):
    """A normalized text with its map back to the raw text (``gwr._reading._normalize.Normalized``)."""

    @property
    def text(self) -> str: ...

    def to_raw(self, start: int, end: int) -> tuple[int, int]: ...


class SourceText(Protocol):
    """How a :class:`Source` reaches its text: the raw text and the normalized one."""

    def raw(self) -> str: ...

    def normalized(self) -> MappedText: ...


@attrs.frozen
class Source:
    """A bundled source text, byte-for-byte as received, with its metadata.

    ``text`` is the raw text; ``normalized`` is the text after the source's normalization
    ``profile``, the text every :class:`Span` counts in. A *cited* source (``bundled`` is
    ``False``) is a text the package does not ship: it records the ``url`` it transcribes, its
    ``sha256`` and its ``length`` in code points, so that :func:`gwr.check` can verify the
    facts cited from it wherever the text is at hand. ``documents`` lists the documents the
    file holds, each with its range in the normalized text.

    >>> import gwr
    >>> source = gwr.source("002")
    >>> source.profile, source.date
    ('letterspaced_pdf', '2024-03-12')
    >>> source.text[:14], source.normalized[:13]
    (' 三、2024年政府工作任务', '三、2024年政府工作任务')
    """

    id: str
    file: str
    title: str
    publisher: str
    date: str
    sha256: str
    profile: str
    profile_version: int
    description: str
    documents: tuple[Document, ...]
    url: str | None = None
    length: int | None = None
    bundled: bool = True
    _texts: SourceText | None = attrs.field(default=None, eq=False, repr=False, alias="texts")
    """Where the text is: given by the layer that made the record (the database for a bundled
    source, the text itself for one made by :func:`gwr.read`); runtime state, never data."""

    def __repr__(self) -> str:
        status = "bundled" if self.bundled else "cited"
        documents = _plural(len(self.documents), "document")
        return f"<Source {self.id} {_cut(self.title, 30)} ({self.profile}, {status}, {documents})>"

    @property
    def text(self) -> str:
        """The raw text of the bundled file (or of the text given to :func:`gwr.read`), as UTF-8.

        Raises:
            NotFoundError: the source is cited, not bundled; the message says where its text is.
        """
        return self._access().raw()

    @property
    def normalized(self) -> str:
        """The normalized text that spans count in.

        Raises:
            NotFoundError: the source is cited, not bundled; the message says where its text is.
        """
        return self._access().normalized().text

    def _access(self) -> SourceText:
        if self._texts is not None:
            return self._texts
        if not self.bundled:
            raise NotFoundError(
                f"source {self.id} is cited, not bundled: its text is {self.file} of the corpus, transcribed "
                f"from {self.url or 'an unnamed page'}; gwr.check(corpus=...) verifies it where you hold it"
            )
        raise NotFoundError(f"source {self.id} was made without its text: gwr.source({self.id!r}) gives it with it")

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a range of the normalized text to the range of the raw text it was read from.

        Raises:
            InvalidTypeError: ``start`` or ``end`` is not an int.
            InvalidArgumentError: the range is not within the normalized text.
        """

        if any(isinstance(n, bool) or not isinstance(n, int) for n in (start, end)):
            raise InvalidTypeError(f"start and end are offsets (int), not {type(start).__name__}, {type(end).__name__}")
        return self._access().normalized().to_raw(start, end)

    def document(self, document_id: str) -> Document:
        """Return the document ``document_id`` of this source.

        Raises:
            NotFoundError: no such document; the message names those the source holds.
            InvalidTypeError: ``document_id`` is not a str.
        """
        if not isinstance(document_id, str):
            raise InvalidTypeError(f"a document is named by its id (str), not {type(document_id).__name__}")
        for document in self.documents:
            if document.id == document_id:
                return document
        raise NotFoundError(
            f"source {self.id} has no document {document_id!r}", document_id, [d.id for d in self.documents]
        )
