"""The text a report made by :func:`gwr.read` owns.

A read report points into a text the package does not bundle. The report carries that text
itself (its :class:`~gwr.Source` holds an :class:`OwnText`), so that it pickles with its text,
is checked in another process, and frees the text when it is freed: no registry holds it.

:func:`live_source` finds the source of a read report that is still alive by its id, for
:func:`gwr.source`; the index is weak, so it keeps nothing alive.
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING, Any

from ._normalize import normalize

if TYPE_CHECKING:
    from .._model._records import Source
    from ._normalize import Normalized


class OwnText:
    """A raw text with its normalized form (``profile``), normalized again after unpickling."""

    __slots__ = ("_normalized", "_raw", "profile")

    def __init__(self, raw: str, profile: str, normalized: Normalized | None = None) -> None:
        self._raw = raw
        self.profile = profile
        self._normalized = normalized

    def raw(self) -> str:
        """The raw text, as given."""
        return self._raw

    def normalized(self) -> Normalized:
        """The normalized text with its offset map (made again where a pickle dropped it)."""
        if self._normalized is None:
            self._normalized = normalize(self._raw, self.profile)
        return self._normalized

    def __reduce__(self) -> tuple[Any, ...]:
        # the raw text is the whole state: the offset map is made again on the other side
        return (OwnText, (self._raw, self.profile))


_live: weakref.WeakValueDictionary[str, Source] = weakref.WeakValueDictionary()
_lock = threading.Lock()


def remember(source: Source) -> None:
    """Index ``source`` (of a report just read) by its id while something holds it."""
    with _lock:
        _live[source.id] = source


def live_source(source_id: str) -> Source | None:
    """The source ``source_id`` of a read report still alive in this process, if any."""
    with _lock:
        return _live.get(source_id)
