"""The hand-read expectations of tests/expected/ and their comparison with what the reader finds.

Shared by tests/test_targets_reader.py and benchmarks/targets_recall.py. The format is described
in tests/expected/README.md.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import gwr
from corpus import corpus_folder
from gwr._model._records import Outcome, Target
from gwr._reading._normalize import normalize
from gwr._reading._targets import find_outcomes, find_targets

EXPECTED = Path(__file__).parent / "expected"
"""The folder of expectation files."""


HEADLINE_OUTCOMES = frozenset({"gdp_growth", "cpi_growth", "urban_new_jobs"})
"""The outcomes a complete national file records wherever the review states them for the year
before as a number: so that a five-year figure read as the year's (比2002年增长65.5%) is an extra."""


def corpus_root() -> Path | None:
    """The corpus folder, or ``None`` where it is not at hand (see :mod:`corpus`)."""
    return corpus_folder()


def expectation_files() -> list[Path]:
    """Every expectation file, national first, in name order."""
    return sorted(EXPECTED.glob("national/*.toml")) + sorted(EXPECTED.glob("provincial/*.toml"))


def load(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def read_text(root: Path, relative: str) -> str:
    """The corpus file ``relative``, normalized (one paragraph a line)."""
    raw = (root / relative).read_text(encoding="utf-8")
    return normalize(raw, "one_per_line").text


@dataclass
class Comparison:
    """What the reader found against what a person read, for one kind of item of one report."""

    expected: list[dict[str, Any]]
    found: list[Target] | list[Outcome]
    matched: list[tuple[dict[str, Any], Target | Outcome]] = field(default_factory=list)
    missing: list[dict[str, Any]] = field(default_factory=list)
    extra: list[Target | Outcome] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return len(self.matched) / len(self.expected) if self.expected else 1.0


def _decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def matches(expected: dict[str, Any], item: Target | Outcome) -> bool:
    """Whether ``item`` is the target or outcome a person read as ``expected``."""
    if expected.get("key") != item.key:
        return False
    # the files quote the raw text (full-width ％ kept); the reader quotes the normalized text
    text = normalize(expected["text"], "one_per_line").text
    if text not in item.text and item.text not in text:
        return False
    quantity = item.quantity
    if "value" not in expected:
        return quantity is None
    if quantity is None:
        return False
    return (
        _decimal(expected["value"]) == quantity.value
        and _decimal(expected.get("upper")) == quantity.upper
        and expected.get("unit") == quantity.unit
        and expected.get("qualifier", "exact") == quantity.qualifier
    )


def compare(expected: list[dict[str, Any]], found: list[Target] | list[Outcome]) -> Comparison:
    result = Comparison(expected, found)
    used: set[int] = set()
    for wanted in expected:
        hit = next((i for i, item in enumerate(found) if i not in used and matches(wanted, item)), None)
        if hit is None:
            result.missing.append(wanted)
        else:
            used.add(hit)
            result.matched.append((wanted, found[hit]))
    result.extra = [item for i, item in enumerate(found) if i not in used]  # type: ignore[assignment]
    return result


def read_report(root: Path, spec: dict[str, Any]) -> tuple[Comparison, Comparison, int]:
    """Run the reader over the text of ``spec``; compare targets and outcomes; return the
    text's length too."""
    text = read_text(root, spec["file"])
    registry = gwr.indicators()
    # the files list the targets passage (a target the text sets elsewhere is not in_passage)
    targets = [t for t in find_targets(text, "corpus", year=spec["year"], indicators=registry) if t.in_passage]
    outcomes = list(find_outcomes(text, "corpus", year=spec["year"], indicators=registry))
    expected_outcomes = spec.get("outcomes", [])
    wanted_keys = {o.get("key") for o in expected_outcomes}
    if spec.get("complete") and spec.get("kind") == "gwr":
        wanted_keys |= HEADLINE_OUTCOMES  # a complete file holds every headline figure stated
    # outcomes: only the keys a person read are compared (the review states many more figures)
    outcomes = [o for o in outcomes if o.key in wanted_keys]
    return compare(spec.get("targets", []), targets), compare(expected_outcomes, outcomes), len(text)


def describe(item: dict[str, Any] | Target | Outcome) -> str:
    if isinstance(item, dict):
        value = item.get("value")
        return f"{item.get('key')} {value or ''}{item.get('unit', '') if value else ''} {item['text']}"
    quantity = item.quantity
    value = f"{quantity.value}{'-' + str(quantity.upper) if quantity.upper else ''}{quantity.unit}" if quantity else ""
    return f"{item.key} {value} {quantity.qualifier if quantity else ''} {item.text}"
