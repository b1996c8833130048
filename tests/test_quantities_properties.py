"""Property tests of the quantity parser: formatting → parsing round trips, and robustness."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from gwr._reading._quantities import MAGNITUDES, QUALIFIERS, UNITS, cn_to_int, parse_quantities

_DIGITS = "零一二三四五六七八九"


def _section(v: int, *, first: bool) -> str:
    """0 < v < 10000: 三千零五, 十五 (no 一 before a leading 十)."""
    out = ""
    zero = False
    for factor, mark in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = v // factor % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        if not (first and not out and factor == 10 and d == 1):
            out += _DIGITS[d]
        out += mark
    return out


def _join(high: str, mark: str, low: int, base: int, *, first: bool, part: Callable[..., str]) -> str:
    if not low:
        return high + mark
    gap = "零" if high and low < base // 10 else ""
    return high + mark + gap + part(low, first=first and not high)


def _below_yi(v: int, *, first: bool) -> str:
    hi, lo = divmod(v, 10**4)
    high = _section(hi, first=first) if hi else ""
    return _join(high, "万" if hi else "", lo, 10**4, first=first, part=_section)


def to_chinese(n: int) -> str:
    """Format ``0 < n < 10**16`` the way the reports write Chinese numerals (两 for a lone 2)."""
    hi, lo = divmod(n, 10**8)
    high = _below_yi(hi, first=True) if hi else ""
    out = _join(high, "亿" if hi else "", lo, 10**8, first=True, part=_below_yi)
    return "两" if out == "二" else out


# units that read the same after any number (年 is left out: a four-digit number of years is a year)
SAFE_UNITS = [
    "元",
    "美元",
    "斤",
    "人",
    "人次",
    "千瓦",
    "千瓦时",
    "平方公里",
    "亩",
    "辆",
    "台",
    "标箱",
    "吨",
    "公里",
    "%",
]

decimals = st.builds(
    lambda whole, frac: Decimal(f"{whole}.{frac}") if frac else Decimal(whole),
    st.integers(min_value=1, max_value=99999),
    st.one_of(st.just(""), st.from_regex(r"[0-9]{1,2}", fullmatch=True)),
)


@given(
    number=decimals,
    magnitude=st.sampled_from(["", *MAGNITUDES]),
    unit=st.sampled_from(SAFE_UNITS),
    space=st.sampled_from(["", " "]),
)
@example(number=Decimal("1.3"), magnitude="万亿", unit="斤", space="")
@example(number=Decimal("32379.77"), magnitude="亿", unit="美元", space="")
@example(number=Decimal(1170), magnitude="万", unit="人", space=" ")
def test_magnitudes_round_trip(number: Decimal, magnitude: str, unit: str, space: str) -> None:
    written = f"{number}{space}{magnitude}{unit}"
    text = f"规模为{written}。"
    [q] = parse_quantities(text)
    assert q.value == number * (MAGNITUDES[magnitude] if magnitude else 1)
    assert q.unit == UNITS[unit].code
    assert q.text == written
    assert text[q.start : q.end] == written
    assert (q.qualifier, q.change, q.upper) == ("exact", None, None)
    assert "E" not in str(q.value)


@given(st.integers(min_value=1, max_value=10**15))
@example(2)
@example(10)
@example(11)
@example(105)
@example(10**12)
def test_chinese_numerals_round_trip(n: int) -> None:
    assert cn_to_int(to_chinese(n)) == n


@given(st.integers(min_value=2, max_value=9999))
def test_chinese_numerals_with_unit(n: int) -> None:
    written = f"{to_chinese(n)}倍"
    [q] = parse_quantities(f"增长{written}，")
    assert (q.value, q.unit, q.change, q.text) == (Decimal(n), "fold", "increase", written)


# 上 qualifies only a round Chinese numeral (上千万家庭): tested below
LEADING = [w for w in QUALIFIERS if w not in {"多", "余", "左右", "上下", "以上", "以内", "以下", "上"}]
TRAILING = ["左右", "上下", "以上", "以内", "以下"]


@given(
    word=st.sampled_from(LEADING),
    number=decimals,
    unit=st.sampled_from(["元", "%", "亿元", "万人", "个百分点"]),
)
def test_leading_qualifiers(word: str, number: Decimal, unit: str) -> None:
    written = f"{word}{number}{unit}"
    [q] = parse_quantities(f"规模，{written}。")
    assert q.qualifier == QUALIFIERS[word]
    assert q.text == written


@given(word=st.sampled_from(TRAILING), number=decimals, unit=st.sampled_from(["元", "%", "亿元", "万人"]))
def test_trailing_qualifiers(word: str, number: Decimal, unit: str) -> None:
    written = f"{number}{unit}{word}"
    [q] = parse_quantities(f"规模{written}。")
    assert q.qualifier == QUALIFIERS[word]
    assert q.text == written


@given(number=st.integers(min_value=1, max_value=9999), mark=st.sampled_from(["多", "余"]))
def test_approximation_marks(number: int, mark: str) -> None:
    [q] = parse_quantities(f"带动{number}{mark}万就业")
    assert (q.value, q.qualifier, q.unit) == (Decimal(number * 10_000), "more_than", "count")
    [q] = parse_quantities(f"带动{number}{mark}万农民")  # the noun it counts gives the unit
    assert (q.value, q.qualifier, q.unit) == (Decimal(number * 10_000), "more_than", "persons")


@given(
    number=st.sampled_from(["百", "千", "万", "亿", "百万", "千万", "万亿"]),
    unit=st.sampled_from([("人", "persons"), ("家庭", "households"), ("元", "CNY"), ("种", "count")]),
)
def test_reaching_a_round_number(number: str, unit: tuple[str, str]) -> None:
    word, code = unit
    value = {"百": 100, "千": 1000, "万": 10**4, "亿": 10**8, "百万": 10**6, "千万": 10**7, "万亿": 10**12}[number]
    [q] = parse_quantities(f"惠及上{number}{word}，")
    assert (q.value, q.unit, q.qualifier, q.text) == (Decimal(value), code, "at_least", f"上{number}{word}")


@given(number=decimals, unit=st.sampled_from(["%", "元", "亿元", "万人"]), sign=st.sampled_from(["-", "－", "−", "负"]))
def test_negative_numbers_read_as_the_opposite_change(number: Decimal, unit: str, sign: str) -> None:
    [q] = parse_quantities(f"增长{sign}{number}{unit}，")
    value = parse_quantities(f"{number}{unit}")[0].value
    assert (q.value, q.change, q.text) == (value, "decrease", f"{sign}{number}{unit}")
    [q] = parse_quantities(f"下降{sign}{number}{unit}，")
    assert q.change == "increase"
    [q] = parse_quantities(f"为{sign}{number}{unit}，")
    assert q.change == "decrease"


@given(st.integers(min_value=1000, max_value=10**12))
def test_thousands_separators(n: int) -> None:
    for comma in (",", "，"):
        written = f"{n:,}".replace(",", comma)
        [q] = parse_quantities(f"共{written}人。")
        assert (q.value, q.unit, q.text) == (Decimal(n), "persons", f"{written}人")


_SPECIAL = (
    "0123456789.%％０５ 　\n、和至—－-~/万亿千百十一二两三四五六七八九零〇多余"
    "近约超过以上左右个百分点元年次成倍第比上年增长下降持平与分之"
)
ALPHABET = st.one_of(st.sampled_from(list(_SPECIAL)), st.characters())


@given(st.text(ALPHABET, max_size=80))
def test_never_raises_and_spans_hold(text: str) -> None:
    found = parse_quantities(text)
    last = -1
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.start >= last
        last = q.start
        assert q.value >= 0
        assert q.upper is None or q.upper >= q.value
        assert q.text == q.text.strip()
