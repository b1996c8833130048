"""Variants: the points where two witnesses of the same passage of a report read differently.

The 2024 report has three witnesses: the full text (source 003), a newspaper's copy of part three
(002) and a news agency's summary of part one (001). The generator aligns each second witness
with the full text, leaving out what is only extraction damage (spacing, digit width, line
breaks, which normalization removes, and punctuation) and, for the summary, what it leaves out
or adds of its own (its headlines and datelines, passages and clauses it drops). What is left
are variants: the same passage read differently, or a passage that a witness complete for the
part lacks. They are stored in ``data/variants/<report id>.json`` and loaded on first use.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Literal

import attrs

from .._model._errors import NotFoundError
from .._model._records import Span

if TYPE_CHECKING:
    from .._model._records import Report
    from ._db import Database

VariantKind = Literal["wording", "omission", "transposition"]
"""``wording``: both witnesses have the passage and read it differently; ``omission``: a
witness that is complete for the part lacks a passage that the other has; ``transposition``:
both have the passage, in different places."""


@attrs.frozen
class Variant:
    """A point where two witnesses of a report read differently.

    ``spans`` says where each witness has the passage, the report's primary witness (its full
    text) first; each span's ``exact`` is what that witness reads there (the clause that
    differs, or the passage), and is empty where the witness lacks the passage. ``part`` is the
    part of the report the passage belongs to (1: the review of the year, 3: the tasks).

    >>> import gwr
    >>> variant = next(v for v in gwr.variants(2024) if "有序展开" in v.readings["003"])
    >>> variant.readings
    {'003': '地方层面有序展开', '001': '地方层面有序推进'}
    >>> variant.part, variant.kind, variant.span("001").source
    (1, 'wording', '001')
    """

    report: str
    part: int
    kind: VariantKind
    spans: tuple[Span, ...]

    @property
    def readings(self) -> dict[str, str]:
        """What each witness reads at this point, by source id (the primary witness first)."""
        return {span.source: span.exact for span in self.spans}

    @property
    def witnesses(self) -> tuple[str, ...]:
        """The ids of the sources that witness this point, the primary witness first."""
        return tuple(span.source for span in self.spans)

    def span(self, source: str) -> Span:
        """Where witness ``source`` has the passage (an empty span where it lacks it).

        Raises:
            NotFoundError: ``source`` is not a witness of this variant.
        """
        for span in self.spans:
            if span.source == source:
                return span
        raise NotFoundError(f"source {source!r} is not a witness of this variant", source, self.witnesses)


def variants(report: int | str | Report) -> tuple[Variant, ...]:
    """Return the variants between the witnesses of a report, in the order of its text.

    A report built from one witness per part (the 2025 report, the plan report) has none.

    Args:
        report: a year (``2024``, the Government Work Report of that year), a report id
            (``"gwr-2024"``) or a :class:`Report`.

    Raises:
        NotFoundError: no such report.
        InvalidTypeError: ``report`` is none of these.

    >>> import gwr
    >>> [(v.part, v.kind) for v in gwr.variants("gwr-2024")][:2]
    [(1, 'wording'), (1, 'wording')]
    >>> gwr.variants(2025)
    ()
    """
    from .._model._records import Report
    from . import _db

    if isinstance(report, Report):
        report_id = report.id
    else:
        from .._model._errors import InvalidTypeError
        from ._lookup import report as find_report

        if isinstance(report, bool) or not isinstance(report, (int, str)):
            raise InvalidTypeError(
                f"a report is named by a year (int), an id (str) or a Report, not {type(report).__name__}"
            )
        report_id = find_report(report).id
    found = _cache.get(report_id)
    if found is None:
        with _lock:
            found = _cache.get(report_id)
            if found is None:
                found = _cache[report_id] = load(_db.default(), report_id)
    return found


_lock = threading.Lock()
_cache: dict[str, tuple[Variant, ...]] = {}


def load(db: Database, report_id: str) -> tuple[Variant, ...]:
    """Read the variants of report ``report_id`` from the data folder of ``db``: the file that
    its manifest entry names (none for a report with one witness per part)."""
    from .._model._errors import DataError

    entry = next((e for e in db.report_entries() if e["id"] == report_id), None)
    if entry is None:
        raise NotFoundError(f"no report {report_id!r}", report_id, db.report_ids())
    name = entry.get("variants")
    if name is None:
        return ()
    if not isinstance(name, str):
        raise DataError(f"gwr data file manifest.json: the variants of {report_id} are not a file name")
    variants: tuple[Variant, ...] = db._structure(db.read_json(name), tuple[Variant, ...], name)
    return variants
