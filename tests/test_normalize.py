"""Normalization: properties over arbitrary text, and what each profile does to its source."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gwr
from gwr._reading._normalize import PROFILES, normalize

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CJK_PUNCTUATION = "。，、；：？！“”（）《》—…●■"

# Text built from what the sources are made of: Chinese characters, Chinese punctuation,
# digits (half and full width), Latin letters, spaces of every kind, line breaks and markup.
source_like = st.lists(
    st.one_of(
        st.sampled_from(list("国内生产总值增长左右以上城镇新增就业万亿斤")),
        st.sampled_from(list(CJK_PUNCTUATION)),
        st.sampled_from(list("0123456789.%０１２％ABMabG")),
        st.sampled_from([" ", "  ", "\u3000", "\xa0", "\n", "\n\n", "\n\n\n", "\t", "\r\n"]),
        st.sampled_from(["[bookmark: _GoBack]", "（一）", "三、", "——"]),
    ),
    max_size=80,
).map("".join)
any_text = st.one_of(source_like, st.text(max_size=60))


def _kept(text: str) -> list[str]:
    return [c for c in text if HAN.match(c) or c in CJK_PUNCTUATION]


@pytest.mark.parametrize("profile", sorted(PROFILES))
@given(raw=any_text)
@settings(max_examples=300, deadline=None)
def test_idempotent(profile: str, raw: str) -> None:
    once = normalize(raw, profile).text
    assert normalize(once, profile).text == once


@pytest.mark.parametrize("profile", sorted(PROFILES))
@given(raw=any_text)
@settings(max_examples=300, deadline=None)
def test_chinese_characters_kept_in_order(profile: str, raw: str) -> None:
    assert _kept(normalize(raw, profile).text) == _kept(raw.replace("[bookmark: _GoBack]", ""))


@pytest.mark.parametrize("profile", sorted(PROFILES))
@given(raw=any_text)
@settings(max_examples=300, deadline=None)
def test_offset_map_is_monotonic_and_lands_on_the_same_characters(profile: str, raw: str) -> None:
    result = normalize(raw, profile)
    offsets = result.raw_offsets
    assert len(offsets) == len(result.text)
    assert all(a < b for a, b in itertools.pairwise(offsets))
    for char, at in zip(result.text, offsets, strict=True):
        original = raw[at]
        if char == "\n":
            assert original.isspace()
        elif char != original:
            # only full-width folding and space-like characters may differ
            assert ord(original) - 0xFEE0 == ord(char) or (char == " " and original.isspace())


@given(raw=source_like)
@settings(max_examples=100, deadline=None)
def test_to_raw_covers_the_same_characters(raw: str) -> None:
    result = normalize(raw, "one_per_line")
    for start in range(0, len(result.text), 3):
        end = min(len(result.text), start + 5)
        raw_start, raw_end = result.to_raw(start, end)
        assert _kept(raw[raw_start:raw_end]) == _kept(result.text[start:end])


def test_unknown_profile_names_the_profiles() -> None:
    with pytest.raises(gwr.NotFoundError, match="one_per_line"):
        normalize("x", "nope")


def test_letterspacing_and_layout_lines_are_undone() -> None:
    # source 002: the letter-spaced line and its neighbours, read by hand
    text = gwr.source("002").normalized
    assert "制定支持数字经济高质量发展政策，积极推进数字产业化" in text
    assert text.startswith("三、2024年政府工作任务\n党中央对今年工作作出了全面部署，")


def test_paragraph_spaces_of_the_one_line_report_become_line_breaks() -> None:
    text = gwr.source("004").normalized
    assert "第二次会议上\n国家发展和改革委员会\n各位代表：\n受国务院委托" in text
    assert "广义货币供应量（M2）余额" in text  # "M 2 ）" in the raw text
    assert "以PM2.5控制为主线" in text


def test_full_width_digits_fold_and_wrapped_lines_join() -> None:
    text = gwr.source("000").normalized
    assert "国内生产总值达到134.9万亿元、增长5%，增速居世界主要经济体前列" in text


def test_markup_is_removed() -> None:
    assert "[bookmark" not in gwr.source("003").normalized
    assert "[bookmark: _GoBack]" in gwr.source("003").text
