"""The collection every analysis returns: :class:`Results`, its row base, and the table helpers.

A :class:`Results` holds immutable rows. It is iterable, sized, indexable by position, by key and
by slice; it prints as an aligned plain-text table and renders as an HTML table in Jupyter
(``_repr_html_``); :meth:`Results.to_records` and :meth:`Results.to_dataframe` export it.

Tables meant for people show large numbers the way the reports write them (``1.4万亿斤``,
``7000亿元``, ``1200万人``: :func:`readable`); the records keep exact :class:`~decimal.Decimal`
values.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, TypeVar, overload

from .._model._errors import InvalidArgumentError, InvalidTypeError, MissingDependencyError, NotFoundError, short_repr
from ._table import render

if TYPE_CHECKING:
    from .._model._records import English

__all__ = ["LANGS", "ZH_MARK", "Lang", "Results", "check_lang", "in_english", "indicator_name", "readable"]

MAX_ROWS_SHOWN = 60
"""How many rows ``repr()`` and the HTML table show before they elide the middle ones."""

Lang = Literal["zh", "en"]
"""The language a table is shown in: ``"zh"``, the Chinese as written (the default), or ``"en"``,
the official English with English indicator names."""

LANGS: tuple[Lang, ...] = ("zh", "en")


# --------------------------------------------------------------------------------------------
# Numbers for people
# --------------------------------------------------------------------------------------------


def _number(value: Decimal | None) -> str:
    """An exact number without exponent or trailing zeros (``Decimal('5.0')`` → ``5``)."""
    if value is None:
        return ""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _grouped(value: Decimal) -> str:
    """A number with its thousands grouped (``100,000,000,000``), no trailing zeros."""
    text = _number(value)
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, fraction = text.partition(".")
    return sign + f"{int(whole):,}" + ("." + fraction if fraction else "")


def _signed_number(value: Decimal) -> str:
    text = _grouped(value)
    return text if text.startswith("-") or text == "0" else "+" + text


def _unit_suffix(unit: str | None) -> str:
    """A unit code after a number: ``%`` directly, ``pp`` for points, any other code spaced."""
    if not unit:
        return ""
    return {"%": "%", "percentage_points": " pp"}.get(unit, f" {unit}")


_MAGNITUDES = ((Decimal(10) ** 12, "万亿"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))
_SILENT_UNITS = {"count"}  # 惠及1000多万纳税人: a count is written without a unit word


def _chinese_units() -> dict[str, str]:
    """Unit code → the Chinese word the reports write after the number (the first one listed)."""
    from .._reading._quantities import PER_UNITS, UNITS

    words: dict[str, str] = {}
    for word, unit in UNITS.items():
        words.setdefault(unit.code, word)
    words["%"] = "%"
    for word, unit in PER_UNITS.items():
        words.setdefault("per:" + unit.code, word)
    return words


_UNIT_WORDS: dict[str, str] | None = None


def _unit_word(unit: str) -> str | None:
    global _UNIT_WORDS
    if _UNIT_WORDS is None:
        _UNIT_WORDS = _chinese_units()
    if unit in _SILENT_UNITS:
        return ""
    base, _, per = unit.partition("/")
    word = _UNIT_WORDS.get(base)
    if word is None or base in ("percentage_points", "basis_points", "permille"):
        return None
    if per:
        per_word = _UNIT_WORDS.get("per:" + per)
        return None if per_word is None else f"{word}/{per_word}"
    return word


def _magnitude(value: Decimal) -> str:
    """``value`` with the largest Chinese magnitude it reaches (``1400000000000`` → ``1.4万亿``)."""
    size = abs(value)
    for scale, word in _MAGNITUDES:
        if size >= scale:
            return _number(value / scale) + word
    return _grouped(value)


_MAGNITUDES_EN = ((Decimal(10) ** 12, " trillion"), (Decimal(10) ** 9, " billion"), (Decimal(10) ** 6, " million"))
_UNITS_EN = {"CNY": "yuan", "persons": "people", "person_times": "person-times", "count": ""}


def _readable_en(value: Decimal, unit: str | None) -> str:
    """``value`` with the largest English scale word it reaches and its unit in English
    (``700000000000`` ``CNY`` → ``700 billion yuan``)."""
    size = abs(value)
    text = _grouped(value)
    for scale, word in _MAGNITUDES_EN:
        if size >= scale:
            text = _number(value / scale) + word
            break
    if not unit:
        return text
    if unit in ("%", "percentage_points"):
        return text + _unit_suffix(unit)
    base, _, per = unit.partition("/")
    word = _UNITS_EN.get(base, base)
    return text + (f" {word}" if word else "") + (f"/{per}" if per else "")


def readable(value: Decimal, unit: str | None, *, signed: bool = False, lang: Lang = "zh") -> str:
    """A number with its unit the way a person reads it in a table: magnitude words, Chinese units.

    Values of 10 000 and more are written with 万, 亿 or 万亿 (exactly: nothing is rounded);
    a unit the reports write in Chinese follows in Chinese (元, 斤, 人), percent as ``%``,
    percentage points as ``pp``, any other unit as its code. Records and JSON keep the exact
    :class:`~decimal.Decimal`; this is for tables only.

    Args:
        value: the exact number, in base units.
        unit: its unit code (``"CNY"``, ``"jin"``, ``"%"``), or ``None``.
        signed: put ``+`` before a positive number (a difference).

    >>> from decimal import Decimal
    >>> readable(Decimal("1400000000000"), "jin"), readable(Decimal("700000000000"), "CNY")
    ('1.4万亿斤', '7000亿元')
    >>> readable(Decimal("12000000"), "persons"), readable(Decimal("5.5"), "%")
    ('1200万人', '5.5%')
    >>> readable(Decimal("100000000000"), "jin", signed=True), readable(Decimal("-1"), "percentage_points")
    ('+1000亿斤', '-1 pp')
    >>> readable(Decimal("2400"), "CNY/month"), readable(Decimal("35000"), "ug/m3")
    ('2,400元/月', '3.5万微克/立方米')

    In English (``lang="en"``) the scale words are million, billion and trillion, and the unit
    is in English where a word is plain (yuan, people), else its code:

    >>> readable(Decimal("700000000000"), "CNY", lang="en"), readable(Decimal("12000000"), "persons", lang="en")
    ('700 billion yuan', '12 million people')
    """
    if lang == "en":
        text = _readable_en(value, unit)
        return "+" + text if signed and not text.startswith("-") and value != 0 else text
    text = _magnitude(value)
    if signed and not text.startswith("-") and value != 0:
        text = "+" + text
    if not unit:
        return text
    word = _unit_word(unit)
    return text + (_unit_suffix(unit) if word is None else word)


# --------------------------------------------------------------------------------------------
# In English
# --------------------------------------------------------------------------------------------


ZH_MARK = "[zh] "
"""What a table in English shows before the Chinese of a fact that has no official English (a
report outside 2008–2022, or a clause whose English the alignment could not tell apart)."""


def check_lang(lang: object) -> Lang:
    """``lang`` as given, where it is one of :data:`LANGS`.

    Raises:
        InvalidTypeError: ``lang`` is not a str.
        InvalidArgumentError: ``lang`` is another str (also a :class:`ValueError`); the message
            names the valid values.

    >>> check_lang("en")
    'en'
    >>> check_lang("fr")
    Traceback (most recent call last):
    gwr.InvalidArgumentError: lang must be one of 'zh', 'en', not 'fr'
    """
    if not isinstance(lang, str):
        raise InvalidTypeError(f"lang is a str, one of {', '.join(map(repr, LANGS))}, not {type(lang).__name__}")
    if lang == "zh":
        return "zh"
    if lang == "en":
        return "en"
    raise InvalidArgumentError(f"lang must be one of {', '.join(map(repr, LANGS))}, not {short_repr(lang)}")


def in_english(chinese: str, english: English | None) -> str:
    """The official English of a fact, else its Chinese marked as such (:data:`ZH_MARK`).

    >>> import gwr
    >>> in_english("国内生产总值增长7.5%", gwr.report(2012).target("gdp_growth").english)
    'to increase GDP by 7.5%'
    >>> in_english("国内生产总值增长5%左右", gwr.report(2024).target("gdp_growth").english)
    '[zh] 国内生产总值增长5%左右'
    """
    text = None if english is None else english.text
    return text if text is not None else ZH_MARK + chinese


def english_text(english: English | None) -> str | None:
    """The English words of a fact (:attr:`gwr.English.text`), or ``None``."""
    return None if english is None else english.text


def indicator_name(key: str | None, lang: Lang = "en") -> str:
    """The name of indicator ``key`` in ``lang`` (the registry's ``name_en``; in Chinese the key
    itself, as the Chinese tables show it), ``"(no key)"`` for ``None``.

    >>> indicator_name("cpi_growth"), indicator_name("cpi_growth", "zh"), indicator_name(None)
    ('CPI growth', 'cpi_growth', '(no key)')
    """
    if key is None:
        return "(no key)"
    if lang == "zh":
        return key
    from .._data._lookup import indicators

    names = {i.key: i.name_en for i in indicators()}
    return names.get(key, key)


# --------------------------------------------------------------------------------------------
# The rows
# --------------------------------------------------------------------------------------------


class _Row:
    """Base of the result rows: a plain record, the cells of a table row, a lookup key."""

    __slots__ = ()

    _columns: ClassVar[tuple[str, ...]] = ()
    _columns_en: ClassVar[tuple[str, ...] | None] = None
    """The table's headers in English, where they differ (:meth:`_cells_en`); else ``_columns``."""
    _fields: ClassVar[tuple[str, ...]] = ()
    _key_field: ClassVar[str | None] = None
    _series_row: ClassVar[bool] = False
    """True for the rows of :func:`gwr.series`, which a series chart is drawn from."""

    def to_record(self) -> dict[str, object]:
        """The row as a plain dict of str, int, bool, Decimal or None (quotes included)."""
        raise NotImplementedError

    def _cells(self) -> list[str]:
        raise NotImplementedError

    def _cells_en(self) -> list[str]:
        """The cells of the row in a table shown in English (the official English, English names)."""
        return self._cells()

    def _key(self) -> str | None:
        return None if self._key_field is None else getattr(self, self._key_field)

    @classmethod
    def _plot(cls, results: Results[Any], ax: Any, since: int | None, until: int | None) -> Any:
        """Draw ``results`` (rows of this type): only the rows of a series draw themselves."""
        raise InvalidArgumentError(
            f"plot() draws the rows of gwr.series(key), not {cls.__name__} rows; "
            f"for these, use to_records() or to_dataframe() with the plotting library of your choice"
        )


RowT = TypeVar("RowT", bound=_Row)


class Results(Generic[RowT]):
    """The rows a comparison, search, series or report table returns.

    ``len(results)`` is the number of rows; ``results[0]`` is the first row, ``results[-3:]``
    the last three (a :class:`Results` again), ``results["cpi_growth"]`` the row of that key
    (the indicator of a target comparison, the theme of a task comparison, the document of a
    count). ``str(results)`` is an aligned plain-text table, and in Jupyter a :class:`Results`
    shows as an HTML table; both write large numbers readably (``+1000亿斤``).
    :meth:`to_records` gives plain dicts with exact values, and :meth:`to_dataframe` a pandas
    DataFrame (pandas is the optional extra ``china-gwr[pandas]``).

    >>> import gwr
    >>> changes = gwr.compare(2024, 2025)
    >>> len(changes), changes["cpi_growth"].direction
    (9, 'down')
    >>> changes.to_records()[0]["key"]
    'gdp_growth'
    >>> [row.key for row in changes[:2]]
    ['gdp_growth', 'urban_unemployment_rate']
    >>> changes["grain_output"].to_record()["delta"]
    Decimal('100000000000')
    >>> print(changes[-3:-2])
    gwr-2024 → gwr-2025: main expected targets (row 7 of 9)
    indicator     before                 after                  direction       qualifier
    ------------  ---------------------  ---------------------  --------------  ----------------
    grain_output  粮食产量1.3万亿斤以上  粮食产量1.4万亿斤左右  up (+1000亿斤)  at_least → about
    """

    __slots__ = ("_lang", "_row_type", "_rows", "title")

    def __init__(self, rows: Iterable[RowT], row_type: type[RowT], title: str = "", *, lang: Lang = "zh") -> None:
        self._rows: tuple[RowT, ...] = tuple(rows)
        self._row_type = row_type
        self.title = title
        self._lang: Lang = check_lang(lang)

    @property
    def lang(self) -> Lang:
        """The language the rows are shown in: ``"zh"`` or ``"en"`` (the official English where
        the data has it, the Chinese marked ``[zh]`` where it does not, English indicator names).
        The records (:meth:`to_records`) are the same in either: they hold both languages."""
        return self._lang

    def in_lang(self, lang: Lang) -> Results[RowT]:
        """The same rows, shown in ``lang``.

        Raises:
            InvalidArgumentError: ``lang`` is neither ``"zh"`` nor ``"en"``.

        >>> import gwr
        >>> print(gwr.compare(2011, 2012).in_lang("en")[:1])
        gwr-2011 → gwr-2012: main expected targets (row 1 of 8)
        indicator   before                        after                    direction       qualifier
        ----------  ----------------------------  -----------------------  --------------  -------------
        GDP growth  to increase GDP by around 8%  to increase GDP by 7.5%  down (-0.5 pp)  about → exact
        """
        return Results(self._rows, self._row_type, self.title, lang=lang)

    def _header(self) -> list[str]:
        english = self._row_type._columns_en
        return list(english if self._lang == "en" and english is not None else self._row_type._columns)

    def _cells_of(self, row: RowT) -> list[str]:
        return row._cells_en() if self._lang == "en" else row._cells()

    @property
    def rows(self) -> tuple[RowT, ...]:
        """The rows, as a tuple."""
        return self._rows

    @property
    def columns(self) -> tuple[str, ...]:
        """The names of the record fields (:meth:`to_records`, :meth:`to_dataframe`), in order."""
        return self._row_type._fields

    def __iter__(self) -> Iterator[RowT]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __bool__(self) -> bool:
        return bool(self._rows)

    @overload
    def __getitem__(self, index: int) -> RowT: ...

    @overload
    def __getitem__(self, index: str) -> RowT: ...

    @overload
    def __getitem__(self, index: slice) -> Results[RowT]: ...

    def __getitem__(self, index: int | str | slice) -> RowT | Results[RowT]:
        if isinstance(index, slice):
            rows = self._rows[index]
            positions = range(*index.indices(len(self._rows)))
            where = f"{len(rows)} of {len(self._rows)} rows"
            if len(rows) == 1:
                where = f"row {positions[0] + 1} of {len(self._rows)}"
            elif rows and positions.step == 1:
                where = f"rows {positions[0] + 1}-{positions[-1] + 1} of {len(self._rows)}"
            title = f"{self.title} ({where})" if self.title else where
            return Results(rows, self._row_type, title, lang=self._lang)
        if isinstance(index, bool) or not isinstance(index, (int, str)):
            raise InvalidTypeError(
                f"rows are indexed by position (int), key (str) or slice, not {type(index).__name__}"
            )
        if isinstance(index, int):
            try:
                return self._rows[index]
            except IndexError:
                raise IndexError(f"no row {index}: there are {len(self._rows)} rows") from None
        key_field = self._row_type._key_field
        if key_field is None:
            raise InvalidTypeError(f"{self._row_type.__name__} rows have no key; index them by position")
        for row in self._rows:
            if row._key() == index:
                return row
        raise NotFoundError(f"no row with {key_field} {index!r}", index, [r._key() for r in self._rows])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Results):
            return NotImplemented
        return self._rows == other._rows

    def __hash__(self) -> int:
        return hash(self._rows)

    def _shown(self) -> tuple[list[RowT], int]:
        """The rows a display shows, and how many rows it leaves out after the first half."""
        if len(self._rows) <= MAX_ROWS_SHOWN:
            return list(self._rows), 0
        half = MAX_ROWS_SHOWN // 2
        return [*self._rows[:half], *self._rows[-half:]], len(self._rows) - 2 * half

    def __repr__(self) -> str:
        shown, left_out = self._shown()
        header = f"<Results: {len(self._rows)} {self._row_type.__name__} rows>"
        cells = [self._cells_of(row) for row in shown]
        if left_out:
            half = len(shown) // 2
            cells.insert(half, ["..." for _ in self._row_type._columns])
        table = render(self._header(), cells)
        note = f"\n({left_out} rows not shown: print() or iterate for all)" if left_out else ""
        return "\n".join(part for part in (header, self.title, table) if part) + note

    def __str__(self) -> str:
        table = render(self._header(), [self._cells_of(row) for row in self._rows])
        if not self._rows:
            table += "\n(no rows)"
        return f"{self.title}\n{table}" if self.title else table

    def _repr_html_(self) -> str:
        """The rows as an HTML table (Jupyter shows it); every cell is escaped."""
        shown, left_out = self._shown()
        escape = html.escape
        # left-aligned, as the text table is (a notebook right-aligns cells by default)
        left = ' style="text-align:left"'
        head = "".join(f"<th{left}>{escape(name)}</th>" for name in self._header())
        body = [
            "<tr>" + "".join(f"<td{left}>{escape(cell)}</td>" for cell in self._cells_of(row)) + "</tr>"
            for row in shown
        ]
        if left_out:
            span = len(self._row_type._columns)
            body.insert(len(shown) // 2, f'<tr><td colspan="{span}">… {left_out} rows not shown …</td></tr>')
        count = f"{len(self._rows)} row{'' if len(self._rows) == 1 else 's'}"
        caption = f"{self.title} ({count})" if self.title else count
        return (
            f'<table class="gwr-results"><caption style="text-align:left">{escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        )

    def to_records(self) -> list[dict[str, object]]:
        """Every row as a plain dict, with the quotes and spans behind its values.

        Returns:
            A list of dicts with the same keys in the same order; numbers are exact
            :class:`~decimal.Decimal` values (``str()`` them for JSON).
        """
        return [row.to_record() for row in self._rows]

    def to_dataframe(self) -> Any:
        """The rows as a :class:`pandas.DataFrame`, one column per record field.

        Decimal values become floats (use :meth:`to_records` for exact values).

        Returns:
            A ``pandas.DataFrame``.

        Raises:
            MissingDependencyError: pandas is not installed (``pip install 'china-gwr[pandas]'``);
                it is also an :class:`ImportError`.
        """
        try:
            import pandas
        except ImportError:
            raise MissingDependencyError(
                "to_dataframe() needs pandas, which is not installed; install it with "
                "pip install 'china-gwr[pandas]' (or pip install pandas), or use to_records()"
            ) from None
        records = [
            {name: float(value) if isinstance(value, Decimal) else value for name, value in record.items()}
            for record in self.to_records()
        ]
        return pandas.DataFrame.from_records(records, columns=list(self._row_type._fields))

    def plot(self, ax: Any = None, *, since: int | None = None, until: int | None = None) -> Any:
        """Draw the rows of :func:`gwr.series` for one indicator with matplotlib.

        Targets and outcomes (and values stated in measures) are each a line over the years,
        one value per year (the Government Work Report's where several reports state one); a
        range is an error bar; a year with no value is a gap in the line, and a year with no
        report (``role="missing"``) a shaded band.

        Args:
            ax: the matplotlib ``Axes`` to draw on; ``None`` draws on a new figure.
            since: draw only the years from this one on.
            until: draw only the years up to this one.

        Returns:
            The matplotlib ``Axes`` drawn on.

        Raises:
            MissingDependencyError: matplotlib is not installed
                (``pip install "china-gwr[plot]"``); it is also an :class:`ImportError`.
            InvalidArgumentError: the rows are not those of a series of one indicator, or
                hold no number to draw.

        >>> import gwr
        >>> axes = gwr.series("gdp_growth").plot()
        >>> axes.get_title(), axes.get_ylabel()
        ('GDP growth: target and outcome, ...–2026', '%')
        >>> gwr.compare(2024, 2025).plot()
        Traceback (most recent call last):
        gwr.InvalidArgumentError: plot() draws the rows of gwr.series(key), not TargetChange rows; ...
        """
        return self._row_type._plot(self, ax, since, until)
