"""The exceptions of gwr: each is a :class:`GwrError` and also the matching builtin."""

from __future__ import annotations

from collections.abc import Iterable


class GwrError(Exception):
    """Base class of every error gwr raises."""


class NotFoundError(GwrError, LookupError):
    """A report, indicator, task or target that does not exist was asked for.

    The message names what exists, closest matches first; ``available`` holds all of it.
    """

    def __init__(self, message: str, wanted: object = None, available: Iterable[object] = ()) -> None:
        self.wanted = wanted
        self.available = tuple(str(a) for a in available)
        import difflib  # here, not at the top: only a failed lookup needs it

        close = difflib.get_close_matches(str(wanted), self.available, n=3, cutoff=0.4) if wanted is not None else []
        rest = [a for a in self.available if a not in close]
        shown = close + rest
        if shown:
            hint = "did you mean " + ", ".join(repr(a) for a in close) + "? " if close else ""
            listing = ", ".join(repr(a) for a in shown[:20]) + (", ..." if len(shown) > 20 else "")
            message = f"{message}; {hint}available: {listing}"
        super().__init__(message)


class InvalidArgumentError(GwrError, ValueError):
    """An argument has the right type but a value gwr cannot use."""


class InvalidTypeError(GwrError, TypeError):
    """An argument has a type gwr cannot use."""


class DataError(GwrError, RuntimeError):
    """The bundled data cannot be loaded: a file is missing, unreadable or malformed.

    The message names the file.
    """


class MissingDependencyError(GwrError, ImportError):
    """An optional dependency is not installed (``pandas`` for ``to_dataframe()``).

    The message names the package and the extra that installs it.
    """
