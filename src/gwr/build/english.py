"""The official English beside the facts of the reports the corpus has a translation of.

``witnesses.json`` lists translation memories (``kind: translation``, ``format: tmx``) of the
national reports 2008–2022. For a cited report with one, each target, outcome and measure and each
task and sub-task title gains its :class:`~gwr.English` (one rule for all: :mod:`gwr._reading._tmx`),
and the translation file is a cited source of its own, verified by :func:`gwr.check` where the
corpus is at hand.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from .._model._records import Report, Source
from .._reading._normalize import NORMALIZATION_VERSION
from .._reading._tmx import read_tmx, with_english_items
from .annotations import AnnotationError


def _source_id(entry: dict[str, Any]) -> str:
    return str(entry["file"]).rsplit(".", 1)[0].replace("/", "-")


def with_english(corpus: Path, entry: dict[str, Any], report: Report) -> tuple[Report, Source]:
    """``report`` with the official English of its facts and task titles, and the translation's source."""
    raw_bytes = (corpus / entry["file"]).read_bytes()
    digest = hashlib.sha256(raw_bytes).hexdigest()
    if digest != entry["sha256"]:
        raise AnnotationError(f"corpus file {entry['file']} has sha256 {digest}, witnesses.json says {entry['sha256']}")
    raw = raw_bytes.decode("utf-8")
    source_id = _source_id(entry)
    report = with_english_items(report, read_tmx(raw), raw, source_id)
    source = Source(
        id=source_id,
        file=entry["file"],
        title=str(entry.get("title") or f"{report.title} (official English)"),
        publisher="not stated",
        date=report.date,
        sha256=digest,
        profile="verbatim",
        profile_version=NORMALIZATION_VERSION,
        description=f"Cited, not bundled: the official English of {report.id}, aligned with the Chinese "
        f"sentence by sentence (TMX), from {entry.get('from', 'a public repository')}.",
        documents=(),
        length=len(raw),
        bundled=False,
    )
    return report, source
