"""The official English beside the facts of the reports the corpus has a translation of.

``witnesses.json`` lists translation memories (``kind: translation``, ``format: tmx``) of the
national reports 2008–2022. For a cited report with one, each target and each task and sub-task
title gains its :class:`~gwr.English` (the rules: :mod:`gwr._reading._tmx`), and the translation
file is a cited source of its own, verified by :func:`gwr.check` where the corpus is at hand.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import attrs

from .._model._records import Report, Source, Task
from .._reading._normalize import NORMALIZATION_VERSION
from .._reading._tmx import Unit, english_of, read_tmx
from .annotations import AnnotationError


def _source_id(entry: dict[str, Any]) -> str:
    return str(entry["file"]).rsplit(".", 1)[0].replace("/", "-")


def with_english(corpus: Path, entry: dict[str, Any], report: Report) -> tuple[Report, Source]:
    """``report`` with the official English of its targets and task titles, and the translation's source."""
    raw_bytes = (corpus / entry["file"]).read_bytes()
    digest = hashlib.sha256(raw_bytes).hexdigest()
    if digest != entry["sha256"]:
        raise AnnotationError(f"corpus file {entry['file']} has sha256 {digest}, witnesses.json says {entry['sha256']}")
    raw = raw_bytes.decode("utf-8")
    source_id = _source_id(entry)
    units = read_tmx(raw)
    siblings = [t.text for t in report.targets]
    targets = tuple(
        attrs.evolve(t, english=english_of(t.text, t.quantity, siblings, units, raw, source_id)) for t in report.targets
    )
    tasks = tuple(_task(t, units, raw, source_id) for t in report.tasks)
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
    return attrs.evolve(report, targets=targets, tasks=tasks), source


def _task(task: Task, units: list[Unit], raw: str, source_id: str) -> Task:
    return attrs.evolve(
        task,
        english=english_of(task.title, None, [task.title], units, raw, source_id, heading=True),
        subtasks=tuple(_task(t, units, raw, source_id) for t in task.subtasks),
    )
