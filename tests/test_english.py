"""The official English beside the facts, 2008–2022 (issue 24).

The pairs of ``tests/expected/english_pairs.json`` were read by a person from the TMX files of the
corpus (the Chinese clause of each target, outcome, measure or task title, and the English words
that state it; ``en`` null where the English has no words that are that clause's alone). The
property tests hold the alignment rule to what it promises on made-up segments.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gwr
from corpus import require_corpus
from gwr._reading._tmx import chinese_figures, english_figures, english_of, read_tmx

PAIRS: dict[str, Any] = json.loads((Path(__file__).parent / "expected" / "english_pairs.json").read_text("utf-8"))


def _cases(kind: str) -> list[tuple[int, dict[str, Any]]]:
    return [(int(year), pair) for year, found in sorted(PAIRS.items()) for pair in found.get(kind, [])]


def _ids(case: object) -> str:
    return str(case) if isinstance(case, int) else ""


@pytest.mark.parametrize(("year", "pair"), _cases("targets"), ids=_ids)
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


@pytest.mark.parametrize(("year", "pair"), _cases("tasks"), ids=_ids)
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


def _held(english: gwr.English | None, pair: dict[str, Any]) -> None:
    """The English a person read (``en``), or none with a reason; never other words. Where the
    person found no words that are the clause's alone (``en`` null), the rule gives none either."""
    assert english is not None
    if english.text is None:
        assert english.reason
        return
    assert pair["en"] is not None, f"the rule gives {english.text!r} where a person reads no words of the clause"
    assert english.text == pair["en"]
    assert english.words is not None
    assert english.segment is not None
    assert english.segment.start <= english.words.start <= english.words.end <= english.segment.end


@pytest.mark.parametrize(("year", "pair"), _cases("outcomes"), ids=_ids)
def test_outcomes_carry_the_official_english(year: int, pair: dict[str, Any]) -> None:
    outcomes = [o for o in gwr.report(year).outcomes if o.text == pair["zh"]]
    if not outcomes:
        pytest.skip(f"the reader holds no outcome {pair['zh']!r} of {year} (a reading gap, not the English's)")
    for outcome in outcomes:
        _held(outcome.english, pair)


@pytest.mark.parametrize(("year", "pair"), _cases("measures"), ids=_ids)
def test_measures_carry_the_official_english(year: int, pair: dict[str, Any]) -> None:
    measures = [m for _, m in gwr.report(year).iter_items() if isinstance(m, gwr.Measure) and m.text == pair["zh"]]
    if not measures:
        pytest.skip(f"the data holds no measure {pair['zh']!r} of {year} (a cited report ships keyed measures only)")
    for measure in measures:
        _held(measure.english, pair)


def test_the_hand_read_pairs_are_in_their_translation() -> None:
    """Every English a person wrote down is in its year's TMX file as written (escapes read)."""
    import html

    corpus = require_corpus()
    for year, found in PAIRS.items():
        text = html.unescape((corpus / "translations" / f"{year}.tmx").read_text("utf-8"))
        for kind in ("targets", "outcomes", "measures", "tasks"):
            for pair in found.get(kind, []):
                assert pair["en"] is None or pair["en"] in text, (year, kind, pair["en"])


def _facts(kind: type) -> list[Any]:
    return [item for y in range(2008, 2023) for _, item in gwr.report(y).iter_items() if isinstance(item, kind)]


@pytest.mark.parametrize("kind", [gwr.Target, gwr.Outcome, gwr.Measure, gwr.Task], ids=lambda k: k.__name__)
def test_most_facts_have_their_english(kind: type) -> None:
    facts = _facts(kind)
    assert facts
    assert all(f.english is not None for f in facts)
    assert sum(f.english.words is not None for f in facts) >= 0.7 * len(facts)
    assert all(f.english.words is not None or f.english.reason for f in facts)


def test_the_english_stops_where_the_translations_do() -> None:
    for year in (2007, 2023, 2024):
        assert all(getattr(item, "english", None) is None for _, item in gwr.report(year).iter_items())
    assert all(t.english is None for t in gwr.report(2025, kind="provincial", region="CN-ZJ").targets)


def test_check_verifies_the_english_spans() -> None:
    corpus = require_corpus()
    result = gwr.check(gwr.report(2012), corpus=corpus)
    assert result.ok, str(result)
    assert result.counts["english"] > 0
    assert "translations-2012" in {s.id for s in gwr.sources()}


def test_check_reads_the_english_again() -> None:
    """An English record that is not what the rule reads in the translation is a problem, and so
    is a fact without its record in a report whose other facts have one."""
    corpus = require_corpus()
    report = gwr.report(2019)
    outcome = report.outcomes[0]
    other = report.outcomes[1].english
    assert other is not None
    assert outcome.english != other
    moved = attrs.evolve(report, outcomes=(attrs.evolve(outcome, english=other), *report.outcomes[1:]))
    problems = [str(p) for p in gwr.check(moved, corpus=corpus).problems]
    assert any("outcomes[0].english" in p and "is not what the rule reads" in p for p in problems), problems
    bare = attrs.evolve(report, measures=(attrs.evolve(report.measures[0], english=None), *report.measures[1:]))
    problems = [str(p) for p in gwr.check(bare, corpus=corpus).problems]
    assert any("measures[0]" in p and "no English record" in p for p in problems), problems


def test_without_the_corpus_the_english_is_cited(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GWR_CORPUS", raising=False)
    result = gwr.check(gwr.report(2012))
    assert result.ok, str(result)
    assert result.unverified == ("gwr-2012",)
    assert "english" not in result.counts


# --------------------------------------------------------------------------------------------
# The rule on made-up segments
# --------------------------------------------------------------------------------------------


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
        english = english_of(clause, zh, units, raw, "t")
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
        english = english_of(clause, zh, units, raw, "t")
        if english.text is not None:
            assert english.text == f"{clauses[i][1]} {clauses[i][0]}%"  # never another clause's words
        else:
            assert english.reason


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 99), _WORDS), min_size=2, max_size=6, unique_by=lambda p: p[0]),
    st.randoms(use_true_random=False),
)
def test_a_reordered_translation_gives_each_clause_its_own_words_or_none(
    clauses: list[tuple[int, str]], random: Any
) -> None:
    zh = [f"指标{i}增长{n}%" for i, (n, _) in enumerate(clauses)]
    en = [f"{words} {n}%" for n, words in clauses]
    order = list(range(len(en)))
    random.shuffle(order)
    raw = _tmx([("，".join(zh) + "。", ", ".join(en[k] for k in order) + ".")])
    units = read_tmx(raw)
    for i, clause in enumerate(zh):
        english = english_of(clause, zh, units, raw, "t")
        assert english.text in (en[i], None)
        assert english.text is not None or english.reason


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=2, max_size=5, unique=True), st.integers(0, 4))
def test_qualitative_clauses_pair_only_when_the_counts_agree(words: list[str], merged: int) -> None:
    zh = [f"事项{'甲乙丙丁戊'[i]}进一步改善" for i in range(len(words))]
    merged %= len(words)
    pieces = list(words)
    if merged and len(pieces) > 1:  # the translation joined two clauses with "and"
        pieces[merged - 1 : merged + 1] = [f"{pieces[merged - 1]} and {pieces[merged]}"]
    raw = _tmx([("，".join(zh) + "。", ", ".join(pieces) + ".")])
    units = read_tmx(raw)
    for i, clause in enumerate(zh):
        english = english_of(clause, zh, units, raw, "t")
        if len(pieces) == len(zh):
            assert english.text == words[i]
        else:
            assert english.text is None
            assert english.reason


_SCALES = {"万亿": ("trillion", 12), "亿": ("billion", 8), "万": ("million", 4)}


@settings(max_examples=100, deadline=None)
@given(st.decimals(min_value=1, max_value=9999, places=2), st.sampled_from(sorted(_SCALES)))
def test_a_sum_of_money_reads_the_same_in_either_language(number: Decimal, scale: str) -> None:
    value = number.normalize()
    chinese = chinese_figures(f"拟安排{value:f}{scale}元")
    assert chinese.amounts == (value * Decimal(10) ** _SCALES[scale][1],)
    word, power = _SCALES[scale]
    english_value = (value * Decimal(10) ** power) / Decimal(10) ** {"trillion": 12, "billion": 9, "million": 6}[word]
    english = english_figures(f"will total {english_value.normalize():f} {word} yuan this year")
    assert english.amounts == chinese.amounts
    assert english_figures(f"will total {english_value.normalize() + 1:f} {word} yuan").amounts != chinese.amounts


def test_the_figures_of_english_text() -> None:
    figures = english_figures("GDP growth of 6–6.5 percent, 6.5% to 7%, a 5.6-percent drop, 0.2 percentage point")
    assert figures.percents == tuple(Decimal(v) for v in ("6", "6.5", "6.5", "7", "5.6", "0.2"))
    figures = english_figures("US$ 1.52 trillion, $2.2 trillion, ten million jobs, 17,175 yuan, 52 counties, in 2035")
    assert figures.amounts == tuple(Decimal(v) for v in ("1520000000000", "2200000000000", "10000000", "17175"))


def test_the_context_tells_apart_segments_with_the_same_words() -> None:
    raw = _tmx(
        [
            ("国内生产总值达到114万亿元，增长8.1%。", "GDP reached 114 trillion yuan, growing 8.1 percent."),
            (
                "居民人均可支配收入实际增长8.1%。",
                "Per capita disposable income increased by 8.1 percent in real terms.",
            ),
        ]
    )
    units = read_tmx(raw)
    assert english_of("增长8.1%", [], units, raw, "t").reason == "several aligned segments hold the clause"
    english = english_of("增长8.1%", [], units, raw, "t", context=("国内生产总值达到114万亿元，", "。"))
    assert english.text == "growing 8.1 percent"


def test_a_clause_the_alignment_cut_has_no_english() -> None:
    raw = _tmx(
        [("经济恢复好于预期，", "The recovery beat expectations,"), ("全年增长2.3%。", "growing by 2.3 percent.")]
    )
    english = english_of("经济恢复好于预期，全年增长2.3%", [], read_tmx(raw), raw, "t")
    assert (english.segment, english.words, english.reason) == (None, None, "the clause runs over 2 aligned segments")


def test_an_opener_belongs_to_its_clause() -> None:
    raw = _tmx(
        [
            (
                "今年，中央财政赤字拟安排1800亿元，比去年减少650亿元；",
                "This year, the deficit is set at 180 billion yuan, 65 billion yuan less than last year.",
            )
        ]
    )
    units = read_tmx(raw)
    assert english_of("比去年减少650亿元", [], units, raw, "t").text == "65 billion yuan less than last year"
    assert (
        english_of("中央财政赤字拟安排1800亿元", [], units, raw, "t").text
        == "This year, the deficit is set at 180 billion yuan"
    )


# --------------------------------------------------------------------------------------------
# English in the tables, the search and the command line
# --------------------------------------------------------------------------------------------


def test_search_in_english_finds_the_english_with_spans_into_the_translation() -> None:
    import html

    hits = gwr.search("GDP", lang="en")
    assert len(hits) > 50
    assert {h.lang for h in hits} == {"en"}
    assert {h.span.source for h in hits} <= {f"translations-{y}" for y in range(2008, 2023)}
    for hit in hits:
        assert hit.text.lower() == "gdp"
        assert hit.report is not None
        assert hit.path is not None
        item = dict(gwr.report(hit.report).iter_items())[hit.path]
        segment = item.english.segment
        assert segment.start <= hit.span.start < hit.span.end <= segment.end
        assert segment.exact[hit.span.start - segment.start : hit.span.end - segment.start] == hit.span.exact
    corpus = require_corpus()
    hit = gwr.search("R&D", lang="en")[0]
    raw = (corpus / "translations" / f"{hit.report.removeprefix('gwr-')}.tmx").read_bytes().decode("utf-8")
    assert raw[hit.span.start : hit.span.end] == hit.span.exact == "R&amp;D"
    assert html.unescape(hit.span.exact) == hit.text == "R&D"
    assert raw[: hit.span.start].endswith(hit.span.prefix)
    assert raw[hit.span.end :].startswith(hit.span.suffix)


def test_search_in_english_by_report_and_translation() -> None:
    by_report = gwr.search("poverty", lang="en", documents="gwr-2019")
    by_translation = gwr.search("poverty", lang="en", documents="translations-2019", kinds="translation")
    assert by_report == by_translation
    assert by_report
    assert {h.report for h in by_report} == {"gwr-2019"}
    record = by_report.to_records()[0]
    assert (record["lang"], record["source"], record["text"]) == ("en", "translations-2019", "poverty")
    with pytest.raises(gwr.NotFoundError):
        gwr.search("poverty", lang="en", documents="gwr-2024")  # no official English in the corpus
    with pytest.raises(gwr.NotFoundError):
        gwr.search("poverty", lang="en", kinds="speech")
    assert not gwr.search("新质生产力", lang="en")


@pytest.mark.parametrize(
    "call",
    [
        lambda lang: gwr.search("GDP", lang=lang),
        lambda lang: gwr.compare(2011, 2012, lang=lang),
        lambda lang: gwr.attainment(2012, lang=lang),
        lambda lang: gwr.compare_tasks(2021, 2022, lang=lang),
        lambda lang: gwr.series("gdp_growth", lang=lang),
        lambda lang: gwr.report(2012).table("targets", lang),
    ],
    ids=["search", "compare", "attainment", "compare_tasks", "series", "table"],
)
def test_an_unknown_lang_is_a_value_error_naming_the_valid_ones(call: Any) -> None:
    with pytest.raises(gwr.InvalidArgumentError, match="lang must be one of 'zh', 'en', not 'fr'") as error:
        call("fr")
    assert isinstance(error.value, ValueError)
    with pytest.raises(gwr.InvalidTypeError):
        call(1)


def test_records_carry_the_english_beside_the_chinese() -> None:
    table = gwr.report(2012).table("outcomes")
    assert table.columns[table.columns.index("text") + 1] == "text_en"
    record = next(r for r in table.to_records() if r["key"] == "gdp_growth")
    assert (record["text"], record["text_en"]) == ("比上年增长9.2%", "an increase of 9.2% over the previous year")
    assert record["en_source"] == "translations-2012"
    assert isinstance(record["en_start"], int)
    frame = gwr.report(2012).table("quantities").to_dataframe()
    assert "text_en" in frame.columns
    assert frame["text_en"].notna().any()
    change = gwr.compare(2011, 2012)["gdp_growth"].to_record()
    assert (change["before_text_en"], change["after_text_en"]) == (
        "to increase GDP by around 8%",
        "to increase GDP by 7.5%",
    )
    row = gwr.attainment(2012)["gdp_growth"].to_record()
    assert (row["target_text_en"], row["outcome_text_en"]) == ("to increase GDP by 7.5%", "GDP grew by 7.8%")
    move = gwr.compare_tasks(2021, 2022).to_records()[0]
    assert move["after_title_en"] == gwr.report(2022).task(1).english.text
    point = next(p for p in gwr.series("cpi_growth").to_records() if p["report"] == "gwr-2012")
    assert point["text_en"] == "hold increases in the CPI to around 4%"
    year = next(r for r in gwr.series("cpi_growth", wide=True) if r.year == 2012)
    assert year.to_record()["target_text_en"] == "hold increases in the CPI to around 4%"
    # without official English the column is empty, never another year's words
    assert gwr.compare(2024, 2025)["gdp_growth"].to_record()["after_text_en"] is None


def test_tables_in_english_say_where_the_english_is_missing() -> None:
    shown = str(gwr.compare(2011, 2012, lang="en"))
    assert "GDP growth" in shown
    assert "to increase GDP by 7.5%" in shown
    assert "[zh] 城乡居民收入实际增长和经济增长保持同步" in shown  # no English words for it: the Chinese, marked
    assert str(gwr.compare(2011, 2012)) == str(gwr.compare(2011, 2012, lang="en").in_lang("zh"))
    assert gwr.compare(2011, 2012, lang="en").to_records() == gwr.compare(2011, 2012).to_records()
    later = str(gwr.attainment(2024, lang="en"))
    assert "[zh] 国内生产总值增长5%左右" in later
    assert "GDP growth" in later
    assert "12 million people" in str(gwr.report(2024).table("targets", "en"))
    html = gwr.series("gdp_growth", lang="en")._repr_html_()
    assert "official English" in html


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from gwr.__main__ import main

    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_command_line_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "targets", "2021", "--lang", "en")
    assert code == 0
    assert "grain output of over 650 million metric tons" in out
    assert "Grain output" in out
    code, out, _ = _run(capsys, "compare", "2011", "2012", "--lang", "en")
    assert code == 0
    assert "to increase GDP by around 8%" in out
    code, out, _ = _run(capsys, "tasks", "2021", "--lang", "en", "--subtasks")
    assert code == 0
    assert gwr.report(2021).task(1).english.text in out
    assert "Domestic demand" in out
    code, out, _ = _run(capsys, "tasks", "2025", "--lang", "en")
    assert code == 0
    assert "[zh] " in out
    code, out, _ = _run(capsys, "attain", "2012", "--lang", "en")
    assert code == 0
    assert "GDP grew by 7.8% (gwr-2013)" in out
    code, out, _ = _run(capsys, "search", "Belt and Road", "--lang", "en", "--json")
    assert code == 0
    assert {h["lang"] for h in json.loads(out)} == {"en"}
    code, out, err = _run(capsys, "search", "GDP", "--lang", "en", "--count")
    assert code == 2
    assert "--count" in err
    code, out, err = _run(capsys, "compare", "2011", "2012", "--lang", "fr")
    assert code == 2
    assert "'zh', 'en'" in err


def test_export_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    code, out, _ = _run(capsys, "export", "--indicator", "cpi_growth", "--lang", "en")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[:2] == ["key", "indicator_en"]
    assert {r["indicator_en"] for r in rows} == {"CPI growth"}
    row = next(r for r in rows if r["report"] == "gwr-2012" and r["role"] == "target")
    assert row["text_en"] == "hold increases in the CPI to around 4%"
    assert next(r for r in rows if r["report"] == "gwr-2025")["text_en"] == ""
    code, out, _ = _run(capsys, "export", "--indicator", "cpi_growth")
    assert "indicator_en" not in out.splitlines()[0]
    assert "text_en" in out.splitlines()[0]


def test_the_table_of_the_docs_is_the_datas() -> None:
    """docs/english.md sets the 2012 and 2021 targets beside their English: each row is the data's."""
    page = (Path(__file__).parents[1] / "docs" / "english.md").read_text("utf-8")
    rows = [line.split("|")[1:-1] for line in page.splitlines() if line.startswith("| 20")]
    assert len(rows) == 12
    for year, _, chinese, english in (map(str.strip, row) for row in rows):
        target = next(t for t in gwr.report(int(year)).targets if t.text == chinese)
        assert target.english is not None
        assert target.english.text == english
