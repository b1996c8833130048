"""The lookup functions of the public API."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._errors import InvalidArgumentError, InvalidTypeError, NotFoundError, short_repr

if TYPE_CHECKING:
    from ._model import Indicator, Report, Source, Theme

KINDS = ("gwr", "plan")


def check_kind(kind: object) -> None:
    """``kind`` must be one of :data:`KINDS`: a TypeError if it is not a str, a ValueError if unknown."""
    if not isinstance(kind, str):
        raise InvalidTypeError(f"kind is a str, one of {', '.join(repr(k) for k in KINDS)}, not {type(kind).__name__}")
    if kind not in KINDS:
        raise InvalidArgumentError(f"kind must be one of {', '.join(repr(k) for k in KINDS)}, not {short_repr(kind)}")


def reports() -> tuple[Report, ...]:
    """Every bundled report, ordered by year, then kind (``gwr`` before ``plan``).

    >>> import gwr
    >>> [r.id for r in gwr.reports()]
    ['gwr-2024', 'plan-2024', 'gwr-2025']
    """
    from . import _db

    db = _db.default()
    order = {kind: i for i, kind in enumerate(KINDS)}
    entries = sorted(db.report_entries(), key=lambda e: (e["year"], order.get(e["kind"], len(KINDS)), e["id"]))
    return tuple(db.report(e["id"]) for e in entries)


def report(year_or_id: int | str, kind: str = "gwr") -> Report:
    """Return one report, by year (and kind) or by id.

    Args:
        year_or_id: a year such as ``2024``, or a report id such as ``"gwr-2024"`` or
            ``"plan-2024"`` (an id carries its kind, so ``kind`` is then ignored).
        kind: ``"gwr"`` for the Government Work Report, ``"plan"`` for the NDRC plan report.

    Raises:
        NotFoundError: no such report; the message names the reports there are.
        InvalidArgumentError: ``kind`` is not ``"gwr"`` or ``"plan"``.
        InvalidTypeError: ``year_or_id`` is neither an int nor a str, or ``kind`` is not a str.

    >>> import gwr
    >>> gwr.report(2024).title
    '政府工作报告'
    >>> gwr.report(2024, kind="plan").id
    'plan-2024'
    """
    from . import _db

    if isinstance(year_or_id, bool) or not isinstance(year_or_id, (int, str)):
        raise InvalidTypeError(f"a report is named by a year (int) or an id (str), not {type(year_or_id).__name__}")
    check_kind(kind)
    db = _db.default()
    ids = db.report_ids()
    if isinstance(year_or_id, int):
        wanted = f"{kind}-{year_or_id}"
    elif year_or_id.strip().isdigit():
        wanted = f"{kind}-{year_or_id.strip()}"
    else:
        wanted = year_or_id.strip()
    if wanted not in ids:
        raise NotFoundError(f"no report {wanted!r}", wanted, ids)
    return db.report(wanted)


def sources() -> tuple[Source, ...]:
    """Every source text, with its metadata: the bundled texts, then the cited ones.

    >>> import gwr
    >>> [s.id for s in gwr.sources() if s.bundled]
    ['000', '001', '002', '003', '004']
    """
    from . import _db

    return _db.default().sources()


def source(source_id: str) -> Source:
    """Return the bundled source ``source_id`` (``"003"``).

    Args:
        source_id: the source's id, ``"000"`` to ``"004"``.

    Raises:
        NotFoundError: no such source; the message names those there are.
        InvalidTypeError: ``source_id`` is not a str.

    >>> import gwr
    >>> source = gwr.source("003")
    >>> source.profile, [d.id for d in source.documents][:2]
    ('one_per_line', ['speech-2024-01-31', 'speech-2024-01-31-key-points'])
    """
    if not isinstance(source_id, str):
        raise InvalidTypeError(f"a source is named by its id (str), not {type(source_id).__name__}")
    from . import _held

    held = _held.held(source_id)
    if held is not None:  # the text of a report made by gwr.read
        return held[0]
    all_sources = sources()
    for candidate in all_sources:
        if candidate.id == source_id:
            return candidate
    raise NotFoundError(f"no source {source_id!r}", source_id, [s.id for s in all_sources])


def indicators() -> tuple[Indicator, ...]:
    """The indicator registry: every key a target, outcome or quantity may carry.

    >>> import gwr
    >>> gwr.indicators()[0].name_en
    'GDP growth'
    """
    from . import _db

    return _db.default().indicators()


def indicator(name: str) -> Indicator:
    """Return an indicator by key, Chinese name or English name (case and spacing ignored).

    Raises:
        NotFoundError: no indicator has that name; the message names the closest ones.

    >>> import gwr
    >>> gwr.indicator("GDP growth").key
    'gdp_growth'
    >>> gwr.indicator("城镇调查失业率").key
    'urban_unemployment_rate'
    """
    if not isinstance(name, str):
        raise InvalidTypeError(f"an indicator is named by a str, not {type(name).__name__}")
    wanted = " ".join(name.split()).casefold()
    registry = indicators()
    for candidate in registry:
        if wanted in (candidate.key.casefold(), candidate.name_zh.casefold(), candidate.name_en.casefold()):
            return candidate
    names = [c.key for c in registry] + [c.name_en for c in registry] + [c.name_zh for c in registry]
    raise NotFoundError(f"no indicator {name!r}", name, names)


def themes() -> tuple[Theme, ...]:
    """The task themes: stable keys for comparing tasks across years and kinds.

    >>> import gwr
    >>> [theme.key for theme in gwr.themes()][:3]
    ['domestic_demand', 'industry', 'science_education']
    """
    from . import _db

    return _db.default().themes()
