"""search, count and series."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import gwr
from gwr._analysis import _search, _series
from gwr._data import _lookup as _api

# --------------------------------------------------------------------------------------------
# search
# --------------------------------------------------------------------------------------------


def test_search_finds_a_phrase_in_reports_and_related_documents() -> None:
    hits = gwr.search("人工智能+", merge_witnesses=False)
    documents = {hit.document for hit in hits}
    # 000 (2025 summary), 002 (2024 part three), 003 (2024 report, press conference), 004 (plan)
    assert {"gwr-2025-summary", "gwr-2024-part-three", "gwr-2024-full", "press-2024-03-09", "plan-2024-full"} <= (
        documents
    )
    for hit in hits:
        source = gwr.source(hit.span.source)
        assert source.normalized[hit.span.start : hit.span.end] == hit.span.exact
        assert hit.span.exact.replace("＋", "+") == "人工智能+"
        assert "人工智能+" in hit.context
        document = source.document(hit.document)
        assert document.start <= hit.span.start < hit.span.end <= document.end
    assert gwr.search("人工智能+")[0].report == "gwr-2025"


def test_search_spans_carry_prefix_and_suffix() -> None:
    hit = gwr.search("新质生产力", documents="gwr-2024-full")[0]
    text = gwr.source("003").normalized
    assert hit.span.prefix == text[hit.span.start - len(hit.span.prefix) : hit.span.start]
    assert hit.span.suffix == text[hit.span.end : hit.span.end + len(hit.span.suffix)]
    assert hit.report == "gwr-2024"


def test_search_ignores_line_breaks_and_width() -> None:
    # 003 breaks the speech's headline over a line: "第十一次集体\n学习时强调"
    hit = gwr.search("第十一次集体学习", documents="speech-2024-01-31")[0]
    assert hit.span.exact == "第十一次集体\n学习"
    assert "第十一次集体 学习" in hit.context
    assert len(gwr.search("人工智能＋")) == len(gwr.search("人工智能+"))
    assert len(gwr.search("新质 生产力")) == len(gwr.search("新质生产力"))
    assert len(gwr.search("cpi", documents="plan-2024")) == len(gwr.search("CPI", documents="plan-2024")) > 0


def test_search_filters() -> None:
    everywhere = gwr.search("新质生产力")
    report_only = gwr.search("新质生产力", documents="gwr-2024")
    assert {h.document for h in report_only} <= {"gwr-2024-full", "gwr-2024-part-three", "gwr-2024-news-summary"}
    assert 0 < len(report_only) < len(everywhere)
    speeches = gwr.search("新质生产力", kinds="speech")
    assert {h.document for h in speeches} == {"speech-2024-01-31", "speech-2024-03-05"}
    both = gwr.search("新质生产力", documents=["speech-2024-03-05", "press-2024-03-09"])
    assert {h.document for h in both} == {"speech-2024-03-05", "press-2024-03-09"}
    assert len(gwr.search("新质生产力", context=0)[0].context) == len("新质生产力")
    assert gwr.search("这个短语不在任何文件里") == gwr.search("这个短语不在任何文件里")
    assert len(gwr.search("这个短语不在任何文件里")) == 0


def test_search_bad_input() -> None:
    with pytest.raises(gwr.InvalidArgumentError, match="empty"):
        gwr.search("")
    with pytest.raises(gwr.InvalidArgumentError, match="empty"):
        gwr.search("   ")
    with pytest.raises(gwr.InvalidTypeError):
        gwr.search(2024)  # type: ignore[arg-type]
    with pytest.raises(gwr.NotFoundError, match="did you mean"):
        gwr.search("新质生产力", documents="gwr-2024-ful")
    with pytest.raises(gwr.InvalidArgumentError):
        gwr.search("新质生产力", context=-1)
    with pytest.raises(gwr.NotFoundError, match="'speech'"):
        gwr.search("新质生产力", kinds="speeches")


def test_search_table_and_records() -> None:
    hits = gwr.search("人工智能+", documents="gwr-2024-full")
    assert str(hits).splitlines()[0] == "'人工智能+': 1 hit"
    [record] = hits.to_records()
    assert list(record) == list(_search.Hit._fields)
    assert record["document"] == "gwr-2024-full"
    assert record["exact"] == "人工智能+"
    with pytest.raises(gwr.InvalidTypeError, match="no key"):
        hits["gwr-2024-full"]


# --------------------------------------------------------------------------------------------
# count, and repeated passages
# --------------------------------------------------------------------------------------------


def test_count_per_document() -> None:
    counts = gwr.count("新质生产力")
    # the bundled texts are searched; a cited text is not at hand
    all_documents = [d.id for s in gwr.sources() if s.bundled for d in s.documents]
    assert [row.document for row in counts] == all_documents  # zero counts included
    assert counts["gwr-2024-news-summary"].count == 0
    assert counts["gwr-2024-full"].count == 1  # （一）…加快发展新质生产力
    every = gwr.search("新质生产力", include_repeated=False, merge_witnesses=False)
    assert sum(row.count for row in counts) == len(every)
    assert counts["gwr-2024-full"].report == "gwr-2024"
    assert counts["speech-2024-01-31"].report is None
    assert list(counts.to_records()[0]) == list(_search.PhraseCount._fields)


def test_count_leaves_the_repeated_box_out() -> None:
    # 003 lines 4-12: the ■ key-points box restates the speech of 31 January that follows it
    counts = gwr.count("新质生产力")
    speech, box = counts["speech-2024-01-31"], counts["speech-2024-01-31-key-points"]
    assert box.count == 0
    assert box.repeated > 0
    assert speech.repeated == 0
    with_box = gwr.count("新质生产力", include_repeated=True)
    assert with_box["speech-2024-01-31-key-points"].count == box.repeated
    assert with_box["speech-2024-01-31"].count == speech.count
    raw = gwr.source("003").text
    box_text = raw[raw.index("■必须牢记") : raw.index("新华社北京2月1日电")]
    assert box.repeated == box_text.count("新质生产力")
    hits = gwr.search("新质生产力", documents="speech-2024-01-31-key-points")
    assert hits
    assert all(h.repeated for h in hits)
    assert "(repeated)" in str(hits)
    assert not gwr.search("新质生产力", documents="speech-2024-01-31-key-points", include_repeated=False)


# --------------------------------------------------------------------------------------------
# series
# --------------------------------------------------------------------------------------------


def _span(text: str) -> gwr.Span:
    return gwr.Span(source="test", start=0, end=len(text), exact=text, prefix="", suffix="")


def _measure(text: str, key: str) -> gwr.Measure:
    quantities = tuple(
        attrs.evolve(q, indicator=key) if q.change in (None, "unchanged") else q for q in gwr.parse_quantities(text)
    )
    return gwr.Measure(text=text, quantities=quantities, span=_span(text))


def _report(year: int, **items: object) -> gwr.Report:
    return gwr.Report(
        id=f"gwr-{year}",
        kind="gwr",
        year=year,
        title="test",
        date=f"{year}-03-05",
        meeting="",
        speaker="",
        completeness="full",
        witnesses=("test",),
        **items,  # type: ignore[arg-type]
    )


def test_series_real_targets_by_hand() -> None:
    points = gwr.series("cpi_growth", measures=True)
    targets = [(p.year, p.report, p.value, p.qualifier) for p in points if p.role == "target"]
    # read from the texts: 003 and 004 (居民消费价格涨幅3%左右), 000 (2%左右); the corpus's 1995
    # report (物价上涨幅度…力争控制在百分之十五左右) and 2019 report (居民消费价格涨幅3%左右); the corpus's
    # 2026 report (居民消费价格涨幅2%左右)
    retail = gwr.series("retail_price_growth", measures=True)
    # 1995 names no 居民消费价格: its 物价 is the retail price index
    assert (1995, "gwr-1995", Decimal("15"), "about") in [
        (p.year, p.report, p.value, p.qualifier) for p in retail if p.role == "target"
    ]
    assert all(p.year != 1995 for p in points)
    for expected in [
        (2019, "gwr-2019", Decimal("3"), "about"),
        (2024, "gwr-2024", Decimal("3"), "about"),
        (2024, "plan-2024", Decimal("3"), "about"),
        (2025, "gwr-2025", Decimal("2"), "about"),
        (2026, "gwr-2026", Decimal("2"), "about"),
    ]:
        assert expected in targets
    assert [t for t in targets if t[0] >= 2024] == [
        (2024, "gwr-2024", Decimal("3"), "about"),
        (2024, "plan-2024", Decimal("3"), "about"),
        (2025, "gwr-2025", Decimal("2"), "about"),
        (2026, "gwr-2026", Decimal("2"), "about"),
    ]
    assert all(p.stated for p in points if p.role == "target")
    assert [p.year for p in points] == sorted(p.year for p in points)
    assert gwr.series("居民消费价格涨幅", measures=True) == points
    assert gwr.series("CPI growth", kind="plan", measures=True) == gwr.Results(
        [p for p in points if p.report and p.report.startswith("plan")], _series.SeriesPoint
    )


def test_series_qualitative_targets_have_no_value() -> None:
    points = [p for p in gwr.series("ecological_quality", measures=True) if p.role == "target"]
    # 2019: 生态环境进一步改善; 2024 (003, 004) and 2025 (000): 生态环境质量持续改善
    assert 2019 in [p.year for p in points]
    assert [p.year for p in points if p.year >= 2024] == [2024, 2024, 2025]
    assert all(p.value is None and p.stated for p in points)
    assert "qualitative" in str(gwr.series("ecological_quality", measures=True))


def test_series_derives_values_from_stated_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    measure = _measure("拟安排地方政府专项债券3.9万亿元、比上年增加1000亿元。", "local_special_bonds")
    unchanged = _measure("赤字率拟按3%安排，与2023年年初预算持平。", "deficit_ratio")
    report = _report(2024, targets=(), measures=(measure, unchanged))
    monkeypatch.setattr(_api, "reports", lambda: (report,))
    bonds = gwr.series("local_special_bonds", measures=True)
    assert [(p.year, p.value, p.stated) for p in bonds] == [
        (2023, Decimal("3800000000000"), False),
        (2024, Decimal("3900000000000"), True),
    ]
    derived = bonds[0]
    assert derived.derivation is not None
    assert "3,900,000,000,000 CNY (3.9万亿元) − 100,000,000,000 CNY" in derived.derivation
    assert derived.derivation.endswith("= 3,800,000,000,000 CNY")
    assert derived.text == measure.text
    assert derived.quantity is not None
    assert derived.quantity.text == "3.9万亿元"
    assert "derived:" in str(bonds)
    ratio = gwr.series("deficit_ratio", measures=True)
    assert [(p.year, p.value, p.stated) for p in ratio] == [(2023, Decimal("3"), False), (2024, Decimal("3"), True)]
    assert "持平" in (ratio[0].derivation or "")


def test_series_derives_from_outcomes_and_points(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "粮食产量13908亿斤，比上年增加178亿斤"
    [level, _] = gwr.parse_quantities(text)
    grain = gwr.Outcome(key="grain_output", year=2023, text=text, quantity=level, qualifier="exact", span=_span(text))
    ratio_text = "赤字率3%，比上年提高0.2个百分点"
    ratio = _measure(ratio_text, "deficit_ratio")
    monkeypatch.setattr(_api, "reports", lambda: (_report(2024, targets=(), outcomes=(grain,), measures=(ratio,)),))
    points = gwr.series("grain_output", measures=True)
    assert [(p.year, p.value, p.stated, p.role) for p in points] == [
        (2022, Decimal("1373000000000"), False, "outcome"),
        (2023, Decimal("1390800000000"), True, "outcome"),
    ]
    deficit = gwr.series("deficit_ratio", measures=True)
    assert [(p.year, p.value, p.unit, p.stated) for p in deficit] == [
        (2023, Decimal("2.8"), "%", False),
        (2024, Decimal("3"), "%", True),
    ]


def test_series_reference_years() -> None:
    assert _series._reference_year("上年", 2024) == 2023
    assert _series._reference_year("上年末", 2024) == 2023
    assert _series._reference_year("上年年初预算", 2024) == 2023
    assert _series._reference_year("2022年", 2024) == 2022
    assert _series._reference_year("2023年年初预算", 2024) == 2023
    assert _series._reference_year("十三五末", 2024) is None
    assert _series._reference_year(None, 2024) is None


def test_series_real_measures() -> None:
    bonds = gwr.series("local_special_bonds", measures=True)
    stated = {(p.year, p.report, p.value) for p in bonds if p.stated}
    derived = {(p.year, p.report, p.value) for p in bonds if not p.stated}
    # 003: 拟安排地方政府专项债券3.9万亿元、比上年增加1000亿元
    assert (2024, "gwr-2024", Decimal("3900000000000")) in stated
    assert (2023, "gwr-2024", Decimal("3800000000000")) in derived


def test_series_everything_and_bad_input() -> None:
    everything = gwr.series(measures=True)
    assert {p.key for p in everything} >= {t.key for t in gwr.report(2025).targets}
    assert list(everything.to_records()[0]) == list(_series.SeriesPoint._fields)
    with pytest.raises(gwr.NotFoundError, match="gdp_growth"):
        gwr.series("gdp growht", measures=True)
    with pytest.raises(gwr.InvalidArgumentError):
        gwr.series("gdp_growth", kind="budget", measures=True)


# --------------------------------------------------------------------------------------------
# One passage, two witnesses: shown once
# --------------------------------------------------------------------------------------------


def test_a_passage_two_witnesses_have_is_one_hit() -> None:
    # 003 (full text) and 002 (newspaper copy of part three) both read
    # 深化大数据、人工智能等研发应用，开展“人工智能+”行动，打造具有国际竞争力的数字产业集群
    hits = gwr.search("人工智能+", documents="gwr-2024")
    assert [(h.document, h.span.source) for h in hits] == [("gwr-2024-full", "003")]
    [other] = hits[0].also
    assert other.source == "002"
    assert gwr.source("002").normalized[other.start : other.end] == "人工智能+"
    assert "second witness" in hits.title
    assert "(also 002)" in str(hits)
    assert hits.to_records()[0]["also"] == f"002:{other.start}-{other.end}"
    every = gwr.search("人工智能+", documents="gwr-2024", merge_witnesses=False)
    assert [h.span.source for h in every] == ["002", "003"]
    assert all(h.also == () for h in every)


def test_folding_pairs_each_witness_hit_with_its_own_passage() -> None:
    hits = gwr.search("消费", context=6)
    every = gwr.search("消费", context=6, merge_witnesses=False)
    folded = sum(len(h.also) for h in hits)
    assert len(hits) + folded == len(every)
    assert folded >= 10
    for hit in hits:
        assert len({span.source for span in hit.also}) == len(hit.also)  # one per witness
        mine = gwr.source(hit.span.source).normalized
        for span in hit.also:
            theirs = gwr.source(span.source).normalized

            # the same words on at least one side, spacing and punctuation aside
            def words(text: str) -> str:
                return "".join(c for c in text if c.isalnum())

            same_before = (
                words(mine[hit.span.start - 12 : hit.span.start])[-5:]
                == words(theirs[span.start - 12 : span.start])[-5:]
            )
            same_after = (
                words(mine[hit.span.end : hit.span.end + 12])[:5] == words(theirs[span.end : span.end + 12])[:5]
            )
            assert same_before or same_after, (hit.context, theirs[span.start - 10 : span.end + 10])


def test_a_passage_only_a_second_witness_has_stays() -> None:
    # 减轻中小学教师非教学负担。 is in 002 only (the full text 003 lacks the sentence)
    assert "减轻中小学教师非教学负担" not in gwr.source("003").normalized
    hits = gwr.search("减轻中小学教师非教学负担")
    assert [(h.document, h.span.source, h.also) for h in hits] == [("gwr-2024-part-three", "002", ())]


def test_series_derived_values_are_marked_derived(monkeypatch: pytest.MonkeyPatch) -> None:
    measure = _measure("拟安排地方政府专项债券3.9万亿元、比上年增加1000亿元。", "local_special_bonds")
    rough = _measure("中央预算内投资约7000亿元，比上年增加200亿元。", "central_budget_investment")
    unchanged = _measure("赤字率拟按3%安排，与2023年年初预算持平。", "deficit_ratio")
    report = _report(2024, targets=(), measures=(measure, rough, unchanged))
    monkeypatch.setattr(_api, "reports", lambda: (report,))
    for key, stated_texts in [
        ("local_special_bonds", ["3.9万亿元", "1000亿元"]),
        ("central_budget_investment", ["约7000亿元", "200亿元"]),
        ("deficit_ratio", ["3%"]),
    ]:
        derived, stated = gwr.series(key, measures=True)
        assert (derived.stated, stated.stated) == (False, True)
        assert derived.qualifier is None  # derived, not written: never exact
        assert [q.text for q in derived.derived_from] == stated_texts
        record = derived.to_record()
        assert record["qualifier"] is None
        assert record["derived_from"] == " | ".join(stated_texts)
        assert "derived" in str(gwr.series(key, measures=True)).splitlines()[3]
    assert (gwr.series("central_budget_investment", measures=True)[0].derivation or "").endswith(
        "= about 680,000,000,000 CNY"
    )


def test_series_and_compare_share_one_sign_convention(monkeypatch: pytest.MonkeyPatch) -> None:
    # the bundled reduction targets, read from 003 and 000: 能耗降低2.5%左右, then 3%左右
    points = {(p.year, p.report, p.role): p for p in gwr.series("energy_intensity_reduction", measures=True)}
    before, after = points[(2024, "gwr-2024", "target")], points[(2025, "gwr-2025", "target")]
    assert (before.measured, after.measured) == (Decimal("2.5"), Decimal("3"))
    row = gwr.compare(2024, 2025)["energy_intensity_reduction"]
    assert row.delta == after.measured - before.measured == Decimal("0.5")
    assert row.direction == "up"
    # shown without a minus sign: a reduction on the reduction of energy intensity is positive
    table = str(gwr.series("energy_intensity_reduction", measures=True))
    assert "−2.5%" not in table
    assert " 2.5% " in table
    # a rise where a reduction is measured is negative, in series as in compare
    target = gwr.Target(
        key="energy_intensity_reduction",
        year=2024,
        text="能耗降低2.5%左右",
        quantity=attrs.evolve(gwr.parse_quantities("能耗降低2.5%左右")[0], indicator="energy_intensity_reduction"),
        qualifier="about",
        span=_span("能耗降低2.5%左右"),
    )
    rise = gwr.parse_quantities("能耗上升0.5%")[0]
    outcome = gwr.Outcome(
        key="energy_intensity_reduction",
        year=2024,
        text="能耗上升0.5%",
        quantity=rise,
        qualifier="exact",
        span=_span("x"),
    )
    monkeypatch.setattr(
        _api, "reports", lambda: (_report(2024, targets=(target,)), _report(2025, targets=(), outcomes=(outcome,)))
    )
    points_by_role = {p.role: p for p in gwr.series("energy_intensity_reduction", measures=True)}
    assert points_by_role["target"].measured == Decimal("2.5")
    assert points_by_role["outcome"].measured == Decimal("-0.5")
    assert "−0.5%" in str(gwr.series("energy_intensity_reduction", measures=True))
    # GDP growth: 增长 is the indicator's direction, so growth shows without a sign
    assert all(p.measured is None or p.measured >= 0 for p in gwr.series("gdp_growth", measures=True))
