"""The lookup functions of the public API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._model._errors import InvalidArgumentError, InvalidTypeError, NotFoundError, short_repr

if TYPE_CHECKING:
    from .._model._records import Indicator, Report, Source, Theme

KINDS = ("gwr", "plan", "provincial")
"""The kinds of report: the national Government Work Report, the NDRC plan report, and a
province's work report (which needs a region)."""


def check_kind(kind: object) -> None:
    """``kind`` must be one of :data:`KINDS`: a TypeError if it is not a str, a ValueError if unknown."""
    if not isinstance(kind, str):
        raise InvalidTypeError(f"kind is a str, one of {', '.join(repr(k) for k in KINDS)}, not {type(kind).__name__}")
    if kind not in KINDS:
        raise InvalidArgumentError(f"kind must be one of {', '.join(repr(k) for k in KINDS)}, not {short_repr(kind)}")


def _entry_region(entry: dict[str, Any]) -> str | None:
    """The region of a manifest entry: its ``region`` where it has one, else read from its id
    (``provincial-2025-CN-ZJ``); ``None`` for a national report."""
    region = entry.get("region")
    if isinstance(region, str):
        return region
    prefix = f"{entry['kind']}-{entry['year']}-"
    return entry["id"][len(prefix) :] if entry["kind"] == "provincial" and entry["id"].startswith(prefix) else None


def _check_year(year: object) -> None:
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidTypeError(f"year is an int (2025), not {type(year).__name__}")


def reports(kind: str | None = None, region: str | None = None, year: int | None = None) -> tuple[Report, ...]:
    """Every bundled report, or those of one kind, region or year, ordered by year, then kind
    (``gwr``, ``plan``, ``provincial``), then id.

    Args:
        kind: only reports of this kind: ``"gwr"``, ``"plan"`` or ``"provincial"``.
        region: only the reports of this province, named as :func:`gwr.region` takes it
            (``"CN-ZJ"``, ``"浙江"``, ``"Zhejiang"``); it implies ``kind="provincial"``.
        year: only the reports of this year.

    Raises:
        NotFoundError: ``region`` names no provincial-level division; the message names them.
        InvalidArgumentError: ``kind`` is unknown, or ``region`` is given with a national kind.
        InvalidTypeError: an argument has the wrong type.

    >>> import gwr
    >>> national = gwr.reports(kind="gwr")
    >>> len(national), national[0].id, national[-1].id
    (57, 'gwr-1954', 'gwr-2026')
    >>> [r.id for r in gwr.reports(region="浙江")]
    ['provincial-2025-CN-ZJ', 'provincial-2026-CN-ZJ']
    >>> [r.id for r in gwr.reports(year=2024)]
    ['gwr-2024', 'plan-2024']
    """
    from . import _db

    if kind is not None:
        check_kind(kind)
    if year is not None:
        _check_year(year)
    code = None
    if region is not None:
        from ._regions import region_code

        code = region_code(region)
        if kind not in (None, "provincial"):
            raise InvalidArgumentError(f"region {region!r} is only for provincial reports, not kind {kind!r}")
    db = _db.default()
    order = {name: i for i, name in enumerate(KINDS)}
    entries = [
        e
        for e in db.report_entries()
        if (kind is None or e["kind"] == kind)
        and (year is None or e["year"] == year)
        and (code is None or _entry_region(e) == code)
    ]
    entries.sort(key=lambda e: (e["year"], order.get(e["kind"], len(KINDS)), e["id"]))
    return tuple(db.report(e["id"]) for e in entries)


def report(year_or_id: int | str | None = None, kind: str = "gwr", region: str | None = None) -> Report:
    """Return one report, by year (and kind, and region for a province) or by id.

    Args:
        year_or_id: a year such as ``2024``, or a report id such as ``"gwr-2024"``,
            ``"plan-2024"`` or ``"provincial-2025-CN-ZJ"`` (an id carries its kind and region,
            so ``kind`` and ``region`` are then ignored); ``None`` (the default) for the newest
            report of ``kind`` (and ``region``).
        kind: ``"gwr"`` for the Government Work Report, ``"plan"`` for the NDRC plan report,
            ``"provincial"`` for a province's work report (``region`` then says which).
        region: the province of a provincial report: an ISO 3166-2:CN code (``"CN-ZJ"``), a
            Chinese name (``"浙江"``, ``"浙江省"``) or an English name (``"Zhejiang"``), as
            :func:`gwr.region` takes it.

    Raises:
        NotFoundError: no such report (the message names the reports there are), or no such
            region (the message names the regions).
        InvalidArgumentError: ``kind`` is unknown; ``kind="provincial"`` without a region; a
            region with a national kind.
        InvalidTypeError: ``year_or_id`` is neither an int nor a str, or ``kind`` or ``region``
            is not a str.

    >>> import gwr
    >>> gwr.report(2024).title
    '政府工作报告'
    >>> gwr.report().id, gwr.report(kind="provincial", region="Zhejiang").id
    ('gwr-2026', 'provincial-2026-CN-ZJ')
    >>> gwr.report(2024, kind="plan").id
    'plan-2024'
    >>> gwr.report(2025, kind="provincial")
    Traceback (most recent call last):
    gwr.InvalidArgumentError: a provincial report needs a region: report(2025, kind='provincial', ...
    """
    from . import _db

    if year_or_id is not None and (isinstance(year_or_id, bool) or not isinstance(year_or_id, (int, str))):
        raise InvalidTypeError(f"a report is named by a year (int) or an id (str), not {type(year_or_id).__name__}")
    check_kind(kind)
    if region is not None and not isinstance(region, str):
        raise InvalidTypeError(f"a region is named by a str (CN-ZJ, 浙江, Zhejiang), not {type(region).__name__}")
    db = _db.default()
    ids = db.report_ids()
    if year_or_id is None:
        year_or_id = _newest_year(db.report_entries(), kind, region)
    by_year = isinstance(year_or_id, int) or year_or_id.strip().isdigit()
    if not by_year:
        wanted = str(year_or_id).strip()
        if wanted not in ids:
            raise NotFoundError(f"no report {wanted!r}", wanted, ids)
        return db.report(wanted)
    year = int(year_or_id)
    if kind != "provincial":
        if region is not None:
            raise InvalidArgumentError(
                f"region {region!r} is only for provincial reports: "
                f"report({year}, kind='provincial', region={region!r})"
            )
        wanted = f"{kind}-{year}"
        if wanted not in ids:
            raise NotFoundError(f"no report {wanted!r}", wanted, ids)
        return db.report(wanted)
    from ._regions import region as lookup_region

    held = [e for e in db.report_entries() if e["kind"] == "provincial" and e["year"] == year]
    held_codes = [code for code in (_entry_region(e) for e in held) if code is not None]
    if region is None:
        listing = ", ".join(held_codes) or "none"
        raise InvalidArgumentError(
            f"a provincial report needs a region: report({year}, kind='provincial', region='CN-ZJ'); "
            f"regions with a {year} report: {listing}"
        )
    place = lookup_region(region)
    wanted = f"provincial-{year}-{place.code}"
    if wanted not in ids:
        none = "" if held_codes else f" (no provincial report of {year} is bundled)"
        raise NotFoundError(
            f"no provincial report of {year} for {place.code} ({place.name_zh}){none}", wanted, [e["id"] for e in held]
        )
    return db.report(wanted)


def _newest_year(entries: list[dict[str, Any]], kind: str, region: str | None) -> int:
    """The year of the newest report of ``kind`` (of ``region``'s, where one is named)."""
    code = None
    if kind == "provincial" and region is not None:
        from ._regions import region_code

        code = region_code(region)
    years = [e["year"] for e in entries if e["kind"] == kind and (code is None or _entry_region(e) == code)]
    if not years:
        raise NotFoundError(f"no report of kind {kind!r}" + (f" for {code}" if code else ""), kind, [])
    return int(max(years))


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
    from .._reading._own import live_source

    read_source = live_source(source_id)
    if read_source is not None:  # the text of a report made by gwr.read, while the report lives
        return read_source
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
