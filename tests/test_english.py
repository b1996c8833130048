"""The official English beside the facts, 2008–2022 (issue 24).

The pairs of ``tests/expected/english_pairs.json`` were read by a person from the TMX files of the
corpus (the Chinese clause of each target or task title, and the English words that state it).
The property tests hold the alignment rules to what they promise on made-up segments.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gwr
from corpus import require_corpus
from gwr._reading._tmx import english_of, read_tmx

PAIRS: dict[str, Any] = json.loads((Path(__file__).parent / "expected" / "english_pairs.json").read_text("utf-8"))


def _cases(kind: str) -> list[tuple[int, dict[str, Any]]]:
    return [(int(year), pair) for year, found in sorted(PAIRS.items()) for pair in found[kind]]


@pytest.mark.parametrize(("year", "pair"), _cases("targets"), ids=lambda c: str(c) if isinstance(c, int) else "")
def test_targets_carry_the_official_english(year: int, pair: dict[str, Any]) -> None:
    report = gwr.report(year)
    target = next((t for t in report.targets if t.text in pair["zh"] or pair["zh"] in t.text), None)
    if target is None:
        pytest.skip(f"the reader holds no target {pair['zh']!r} of {year} (a reading gap, not the English's)")
    assert target.english is not None
    if pair["en"] is None or target.english.text is None:
        # absent is allowed, with a reason; a wrong sentence is not
        assert target.english.text is None or pair["en"] is None
        assert target.english.text is not None or target.english.reason
        return
    assert target.english.text == pair["en"]


@pytest.mark.parametrize(("year", "pair"), _cases("tasks"), ids=lambda c: str(c) if isinstance(c, int) else "")
def test_task_titles_carry_the_official_english(year: int, pair: dict[str, Any]) -> None:
    report = gwr.report(year)
    task = next((t for t in report.tasks if t.title == pair["zh"]), None)
    if task is None:
        pytest.skip(f"the reader gives no task titled {pair['zh']!r} in {year}")
    assert task.english is not None
    if task.english.text is None:
        assert task.english.reason
        return
    assert task.english.text == pair["en"]


def test_most_targets_and_titles_have_their_english() -> None:
    targets = [t for y in range(2008, 2023) for t in gwr.report(y).targets if t.english is not None]
    assert len(targets) > 100
    assert sum(t.english.words is not None for t in targets) >= 0.7 * len(targets)
    assert all(t.english.words is not None or t.english.reason for t in targets)


def test_check_verifies_the_english_spans() -> None:
    corpus = require_corpus()
    result = gwr.check(gwr.report(2012), corpus=corpus)
    assert result.ok, str(result)
    assert "translations-2012" in {s.id for s in gwr.sources()}


def _tmx(pairs: list[tuple[str, str]]) -> str:
    units = "".join(
        f'<tu><tuv xml:lang="zh-CN"><seg>{zh}</seg></tuv><tuv xml:lang="en-US"><seg>{en}</seg></tuv></tu>\n'
        for zh, en in pairs
    )
    return f'<tmx version="1.4"><body>\n{units}</body></tmx>'


_WORDS = st.text(alphabet="abcdefghij ", min_size=3, max_size=20).map(lambda s: "x" + s.strip() + "y")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 99), _WORDS), min_size=2, max_size=6, unique_by=lambda p: p[0]))
def test_clauses_pair_in_order(clauses: list[tuple[int, str]]) -> None:
    zh = [f"指标{i}增长{n}%" for i, (n, _) in enumerate(clauses)]
    en = [f"{words} {n}%" for n, words in clauses]
    raw = _tmx([("；".join(zh) + "。", ", ".join(en) + ".")])
    units = read_tmx(raw)
    for i, clause in enumerate(zh):
        quantity = gwr.parse_quantities(clause)[0]
        english = english_of(clause, quantity, zh, units, raw, "t")
        assert english.text == en[i]
        assert english.words is not None
        assert raw[english.words.start : english.words.end] == en[i]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 99), _WORDS), min_size=2, max_size=6, unique_by=lambda p: p[0]))
def test_a_merged_segment_gives_no_wrong_sentence(clauses: list[tuple[int, str]]) -> None:
    zh = [f"指标{i}增长{n}%" for i, (n, _) in enumerate(clauses)]
    # the English lost a comma at a merge: fewer pieces than clauses, numbers still there
    en = ", ".join(f"{words} {n}%" for n, words in clauses[:-1]) + f" {clauses[-1][1]} {clauses[-1][0]}%"
    raw = _tmx([("；".join(zh) + "。", en)])
    units = read_tmx(raw)
    for i, clause in enumerate(zh):
        english = english_of(clause, gwr.parse_quantities(clause)[0], zh, units, raw, "t")
        if english.text is not None:
            assert english.text == f"{clauses[i][1]} {clauses[i][0]}%"  # never another clause's words
        else:
            assert english.reason
