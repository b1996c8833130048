"""The registry of China's 31 provincial-level divisions, and lookup by any of their names.

The registry is generated from ``annotations/regions.toml`` into ``data/regions.json`` and
loaded on first use. A region is named by its ISO 3166-2:CN code (``CN-ZJ``; ``ZJ`` alone
too), its full or short Chinese name (浙江省, 浙江), its English name (Zhejiang, Inner
Mongolia, Xizang), an English alias (Tibet) or its pinyin slug (``neimenggu``), in any case.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from .._model._errors import InvalidTypeError, NotFoundError

if TYPE_CHECKING:
    from .._model._records import Region

__all__ = ["region", "region_code", "regions"]

_index: dict[str, Region] | None = None
_index_lock = threading.Lock()


def regions() -> tuple[Region, ...]:
    """The 31 provincial-level divisions of mainland China, in the order of the national statistics.

    >>> import gwr
    >>> len(gwr.regions())
    31
    >>> [(r.code, r.short_zh, r.level) for r in gwr.regions()[:5]]
    [('CN-BJ', '北京', 'municipality'), ('CN-TJ', '天津', 'municipality'), ('CN-HE', '河北', 'province'), \
('CN-SX', '山西', 'province'), ('CN-NM', '内蒙古', 'autonomous_region')]
    """
    from . import _db

    return _db.default().regions()


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _names(entry: Region) -> set[str]:
    bare = entry.code.removeprefix("CN-")
    return {
        _fold(n) for n in (entry.code, bare, entry.name_zh, entry.short_zh, entry.name_en, entry.slug, *entry.aliases)
    }


def _lookup() -> dict[str, Region]:
    global _index
    index = _index
    if index is None:
        with _index_lock:
            index = _index
            if index is None:
                index = {}
                for entry in regions():
                    for name in _names(entry):
                        index.setdefault(name, entry)
                _index = index
    return index


def region(name: str) -> Region:
    """Return a provincial-level division by code, Chinese name or English name (case ignored).

    Args:
        name: an ISO 3166-2:CN code (``"CN-ZJ"``, or ``"ZJ"``), a full or short Chinese name
            (``"浙江省"``, ``"浙江"``), an English name or alias (``"Zhejiang"``, ``"Inner
            Mongolia"``, ``"Tibet"``) or the pinyin slug of the corpus files (``"neimenggu"``).

    Returns:
        The :class:`Region`.

    Raises:
        NotFoundError: no region has that name; the message names the closest ones and the codes.
        InvalidTypeError: ``name`` is not a str.

    >>> import gwr
    >>> gwr.region("CN-ZJ").name_zh
    '浙江省'
    >>> gwr.region("inner mongolia").code, gwr.region("内蒙古自治区").code, gwr.region("Tibet").code
    ('CN-NM', 'CN-NM', 'CN-XZ')
    >>> gwr.region("Shaanxi").short_zh, gwr.region("Shanxi").short_zh
    ('陕西', '山西')
    >>> gwr.region("Zhejaing")
    Traceback (most recent call last):
    gwr.NotFoundError: no region 'Zhejaing'; did you mean 'Zhejiang', ...
    """
    if not isinstance(name, str):
        raise InvalidTypeError(f"a region is named by a str (CN-ZJ, 浙江, Zhejiang), not {type(name).__name__}")
    found = _lookup().get(_fold(name))
    if found is None:
        known = regions()
        available = [r.name_en for r in known] + [r.code for r in known] + [r.short_zh for r in known]
        raise NotFoundError(f"no region {name!r}", name, available)
    return found


def region_code(name: str) -> str:
    """The ISO 3166-2:CN code of the region ``name`` names (see :func:`region`)."""
    return region(name).code
