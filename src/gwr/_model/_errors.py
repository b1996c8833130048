"""The exceptions of gwr: each is a :class:`GwrError` and also the matching builtin."""

from __future__ import annotations

from collections.abc import Iterable


class GwrError(Exception):
    """Base class of every error gwr raises.

    >>> import gwr
    >>> try:
    ...     gwr.report(1970)
    ... except gwr.GwrError as error:
    ...     print(type(error).__name__)
    NotFoundError
    """

    def __init__(self, *args: object) -> None:
        if len(args) == 1 and isinstance(args[0], str) and len(args[0]) > MAX_MESSAGE:
            message = args[0]  # a huge argument quoted whole: keep the start and the end
            args = (f"{message[: MAX_MESSAGE - 300]} ... ({len(message)} characters) ... {message[-200:]}",)
        super().__init__(*args)


MAX_MESSAGE = 2000
"""The longest message an error carries; a longer one (quoting a huge argument) is cut."""


def short_repr(value: object, limit: int = 60) -> str:
    """``repr(value)``, cut to about ``limit`` characters for a huge value."""
    text = repr(value)
    if len(text) <= limit + 20:
        return text
    size = f"{len(value)} characters" if isinstance(value, str) else type(value).__name__
    return f"{text[:limit]}... ({size})"


class NotFoundError(GwrError, LookupError):
    """A report, indicator, task or target that does not exist was asked for.

    The message names what exists, closest matches first; ``available`` holds all of it.
    It is also a :class:`LookupError`.

    >>> import gwr
    >>> try:
    ...     gwr.indicator("GDP grwoth")
    ... except LookupError as error:
    ...     print(error)
    no indicator 'GDP grwoth'; did you mean 'GDP growth', ...
    """

    def __init__(self, message: str, wanted: object = None, available: Iterable[object] = ()) -> None:
        self.wanted = wanted
        self.available = tuple(str(a) for a in available)
        if len(repr(wanted)) > 80:  # a huge argument is named by its start, not copied whole
            message = message.replace(repr(wanted), short_repr(wanted))
        close: list[str] = []
        longest = max(map(len, self.available), default=0)
        # a string more than 4 times as long as every candidate cannot reach the 0.4 cutoff
        if wanted is not None and len(str(wanted)) <= 4 * longest:
            import difflib  # here, not at the top: only a failed lookup needs it

            close = difflib.get_close_matches(str(wanted), self.available, n=3, cutoff=0.4)
        rest = [a for a in self.available if a not in close]
        shown = close + rest
        if shown:
            hint = "did you mean " + ", ".join(repr(a) for a in close) + "? " if close else ""
            listing = ", ".join(repr(a) for a in shown[:20]) + (", ..." if len(shown) > 20 else "")
            message = f"{message}; {hint}available: {listing}"
        super().__init__(message)


class InvalidArgumentError(GwrError, ValueError):
    """An argument has the right type but a value gwr cannot use. It is also a :class:`ValueError`.

    >>> import gwr
    >>> try:
    ...     gwr.report(2024, kind="budget")
    ... except ValueError as error:
    ...     print(error)
    kind must be one of 'gwr', 'plan', 'provincial', not 'budget'
    """


class InvalidTypeError(GwrError, TypeError):
    """An argument has a type gwr cannot use. It is also a :class:`TypeError`.

    >>> import gwr
    >>> try:
    ...     gwr.report(2024.0)
    ... except TypeError as error:
    ...     print(error)
    a report is named by a year (int) or an id (str), not float
    """


class DataError(GwrError, RuntimeError):
    """The bundled data cannot be loaded: a file is missing, unreadable or malformed.

    The message names the file. It is also a :class:`RuntimeError`. :func:`gwr.check` reports
    such a file as a problem rather than raising:

    >>> import gwr, shutil, tempfile
    >>> from pathlib import Path
    >>> from gwr._data._db import package_data
    >>> copy = Path(tempfile.mkdtemp()) / "data"
    >>> _ = shutil.copytree(str(package_data()), copy)
    >>> _ = (copy / "themes.json").write_text("[{", encoding="utf-8")
    >>> print(gwr.check(copy).problems[0])
    data: gwr data file themes.json is not valid JSON: ...
    """


class MissingDependencyError(GwrError, ImportError):
    """An optional dependency is not installed (``pandas`` for ``to_dataframe()``).

    The message names the package and the extra that installs it. It is also an
    :class:`ImportError`, so code written for a missing pandas catches it.

    >>> import gwr
    >>> issubclass(gwr.MissingDependencyError, ImportError)
    True
    """


# the errors are public as gwr.<Name> (a traceback says gwr.NotFoundError, not this module's path)
for _error in (
    GwrError,
    NotFoundError,
    InvalidArgumentError,
    InvalidTypeError,
    DataError,
    MissingDependencyError,
):
    _error.__module__ = "gwr"
