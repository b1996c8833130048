"""Texts held in this process: the sources of reports made by :func:`gwr.read`.

A report read from a user's text points into that text, which the package does not bundle. The
text is held here, by source id, for the life of the process, so that :func:`gwr.source`,
:attr:`Source.normalized` and :func:`gwr.check` find it like a bundled one.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._model import Source
    from ._normalize import Normalized

_lock = threading.Lock()
_held: dict[str, tuple[Source, str, Normalized]] = {}


def hold(source: Source, raw: str, normalized: Normalized) -> None:
    """Hold ``source`` with its raw and normalized text (the same text read twice is held once)."""
    with _lock:
        _held[source.id] = (source, raw, normalized)


def held(source_id: str) -> tuple[Source, str, Normalized] | None:
    """The source ``source_id`` with its raw and normalized text, if this process holds it."""
    return _held.get(source_id)
