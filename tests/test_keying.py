"""The one keying rule, on clauses read by hand: what states an indicator and what only mentions it.

Clauses are quoted from the texts: 003 (2024 report), 004 (the plan report), and the corpus's
national/1956.txt, 2017.txt, 2025.txt and provincial/2025/zhejiang.txt.
"""

from __future__ import annotations

import pytest

import gwr
from gwr._reading._quantities import parse_quantities
from gwr._reading._targets import key_of, key_quantities


@pytest.mark.parametrize(
    ("clause", "key"),
    [
        ("国内生产总值增长5%左右", "gdp_growth"),  # 003
        ("全省生产总值增长5.5%", "gdp_growth"),  # zhejiang.txt, the 2024 outcome
        ("城镇新增就业1200万人以上", "urban_new_jobs"),  # 003
        ("居民消费价格涨幅3%左右", "cpi_growth"),  # 003
    ],
)
def test_a_clause_that_states_an_indicator(clause: str, key: str) -> None:
    assert key_of(clause, gwr.indicators()) == key


@pytest.mark.parametrize(
    "clause",
    [
        "研究与试验发展经费支出与国内生产总值之比达到2.08%",  # 2017.txt: R&D intensity, a share of GDP
        "与国内生产总值之比达到2.64%",  # 004: the same
        "万元国内生产总值用水量下降6.4%",  # 004: water use per unit of GDP
        "1956年工业生产总值比1955年将增长19.7%",  # 1956.txt: gross industrial output
        "全省海洋生产总值增长6.5%左右",  # zhejiang.txt: the marine economy
        "海洋生产总值占地区生产总值比重达37%",  # a share of the province's GDP
    ],
)
def test_a_clause_that_only_mentions_gdp(clause: str) -> None:
    assert key_of(clause, gwr.indicators()) not in ("gdp_growth", "gdp")


def test_an_increment_carries_no_level_key() -> None:
    sentence = "拟安排地方政府专项债券3.9万亿元、比上年增加1000亿元。"  # 003
    keyed = key_quantities(sentence, parse_quantities(sentence), gwr.indicators())
    assert [(q.indicator, q.measure) for q in keyed] == [("local_special_bonds", "level"), (None, "increment")]


def test_a_debt_ceiling_swap_is_no_bond_issue() -> None:
    sentence = "一次性增加6万亿元地方专项债务限额置换存量隐性债务。"  # 2025.txt
    keys = [q.indicator for q in key_quantities(sentence, parse_quantities(sentence), gwr.indicators())]
    assert "local_special_bonds" not in keys
