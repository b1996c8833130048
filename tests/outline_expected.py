"""The hand-read outline expectations (tests/expected/outline/) and how a read report meets them.

Each file holds one report's outline as a person read it from the corpus text: speaker and
office, the year's tasks with their leads and sub-areas, the closing passages and the
appendices (see ``tests/expected/outline/README.md``). :func:`compare` reads the text with
:func:`gwr.read` and sets what it finds against the file; ``tests/test_outline_expected.py``
asserts on it and ``benchmarks/outline_subareas.py`` prints it.

Matching, as the file's conventions quote: a task matches the task of the same place with the
same title; a sub-area matches a found sub-task of the same task whose title is the expected
heading or starts with it (a long heading is quoted by its first 30 characters); a lead
matches where the found lead starts with the expected words; a closing passage matches a
found closing section whose first passage (after a bare salutation or its heading) starts
with the expected words; an appendix matches one with the same title.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import attrs

import gwr

EXPECTED = Path(__file__).resolve().parent / "expected" / "outline"


def expectation_files() -> list[Path]:
    return sorted(EXPECTED.glob("*.toml"))


def load(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


@attrs.frozen
class Counts:
    """Found, expected and matched, with what is missing and what is extra."""

    found: int
    expected: int
    matched: int
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0


@attrs.frozen
class Comparison:
    name: str
    tasks: Counts
    subareas: Counts
    leads: Counts
    closings: Counts
    appendices: Counts
    speaker: tuple[str | None, str | None]
    """(expected, found) speaker, ``None`` where not stated."""
    office: tuple[str | None, str | None]


def _stated(value: str) -> str | None:
    return None if value == "not stated" else value


def _subarea_matches(found: str, expected: str) -> bool:
    return found == expected or (len(expected) >= 20 and found.startswith(expected))


def _first_passage(section: gwr.Section) -> str | None:
    """The first passage of a closing section: its first line that is no bare salutation and
    not the section's heading line (结束语, 关于外交工作)."""
    for line in section.span.exact.split("\n"):
        text = line.strip()
        if not text or text.rstrip("！：!:") == "各位代表" or text == section.title:
            continue
        return text
    return None


def _counts(found: list[str], expected: list[str], match: Any) -> Counts:
    left = list(found)
    matched, missing = 0, []
    for item in expected:
        hit = next((f for f in left if match(f, item)), None)
        if hit is None:
            missing.append(item)
        else:
            left.remove(hit)
            matched += 1
    return Counts(len(found), len(expected), matched, tuple(missing), tuple(left))


def compare(root: Path, path: Path) -> Comparison:
    spec = load(path)
    text = (root / spec["file"]).read_text(encoding="utf-8")
    report = gwr.read(text, year=spec["year"])
    expected_tasks = spec.get("tasks", [])
    found_titles = [t.title for t in report.tasks]
    tasks = _counts(found_titles, [t["title"] for t in expected_tasks], lambda f, e: f == e)
    sub_found = sub_expected = sub_matched = 0
    sub_missing: list[str] = []
    sub_extra: list[str] = []
    lead_found = lead_expected = lead_matched = 0
    lead_missing: list[str] = []
    for number, task in enumerate(expected_tasks, 1):
        mine = report.tasks[number - 1] if number <= len(report.tasks) else None
        subs = _counts([s.title for s in mine.subtasks] if mine else [], task.get("subareas", []), _subarea_matches)
        sub_found += subs.found
        sub_expected += subs.expected
        sub_matched += subs.matched
        sub_missing += [f"task {number}: {m}" for m in subs.missing]
        sub_extra += [f"task {number}: {m}" for m in subs.extra]
        lead = mine.lead.exact if mine is not None and mine.lead is not None else None
        lead_found += lead is not None
        if "lead" in task:
            lead_expected += 1
            if lead is not None and lead.startswith(task["lead"]):
                lead_matched += 1
            else:
                lead_missing.append(f"task {number}: {task['lead']}")
    passages = [p for s in report.outline if s.kind == "closing" if (p := _first_passage(s)) is not None]
    closings = _counts(passages, [c["text"] for c in spec.get("closing", [])], lambda f, e: f.startswith(e))
    appendix_titles = [s.title or "" for s in report.outline if s.kind == "appendix"]
    appendices = _counts(appendix_titles, [a["title"] for a in spec.get("appendices", [])], lambda f, e: f == e)
    return Comparison(
        name=path.stem,
        tasks=tasks,
        subareas=Counts(sub_found, sub_expected, sub_matched, tuple(sub_missing), tuple(sub_extra)),
        leads=Counts(lead_found, lead_expected, lead_matched, tuple(lead_missing)),
        closings=closings,
        appendices=appendices,
        speaker=(spec.get("speaker"), _stated(report.speaker)),
        office=(spec.get("speaker_office"), report.speaker_office),
    )
