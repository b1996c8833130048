"""The vocabulary the reader reads with: the indicator registry of the package's data.

The registry (``indicators.json``, generated from ``annotations/indicators.toml``) names each
indicator and the phrasings that state it; :func:`gwr.read` keys what it reads by it. The reader
finds the package's data folder itself, so that it depends on nothing above it; the data layer's
database reads the same folder (:func:`package_root`).
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TYPE_CHECKING

import msgspec

from .._model._errors import DataError
from .._model._records import Indicator

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def package_data() -> Traversable:
    """The data folder of the installed package."""
    if sys.version_info >= (3, 12):
        from importlib.resources import files
    else:
        from importlib_resources import files
    return files("gwr") / "data"


def package_root() -> Traversable | str:
    """The data folder as a plain path where it is one (the fast way in), else as a Traversable.

    ``importlib.resources`` costs more to import than a report costs to load, so the usual case,
    a package installed as files on disk, reads its data with plain ``open``.
    """
    folder = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")
    return folder if os.path.isdir(folder) else package_data()


_lock = threading.Lock()
_indicators: tuple[Indicator, ...] | None = None


def indicators() -> tuple[Indicator, ...]:
    """The package's indicator registry, read once."""
    global _indicators
    if _indicators is None:
        with _lock:
            if _indicators is None:
                root = package_root()
                try:
                    if isinstance(root, str):
                        with open(os.path.join(root, "indicators.json"), "rb") as file:
                            data = file.read()
                    else:
                        data = root.joinpath("indicators.json").read_bytes()
                    _indicators = msgspec.json.decode(data, type=tuple[Indicator, ...])
                except (OSError, msgspec.DecodeError) as error:
                    raise DataError(f"gwr data file indicators.json cannot be read: {error}") from None
    return _indicators
