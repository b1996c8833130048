"""The vocabulary the reader reads with: the indicator and region registries of the package's data.

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
from .._model._records import Indicator, Region, Theme

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
_regions: tuple[Region, ...] | None = None
_themes: tuple[Theme, ...] | None = None


def _registry(name: str, tp: type) -> tuple[object, ...]:
    root = package_root()
    try:
        if isinstance(root, str):
            with open(os.path.join(root, name), "rb") as file:
                data = file.read()
        else:
            data = root.joinpath(name).read_bytes()
        found: tuple[object, ...] = msgspec.json.decode(data, type=tuple[tp, ...])  # type: ignore[valid-type]
        return found
    except (OSError, msgspec.DecodeError, msgspec.ValidationError) as error:
        raise DataError(f"gwr data file {name} cannot be read: {error}") from None


def indicators() -> tuple[Indicator, ...]:
    """The package's indicator registry, read once."""
    global _indicators
    if _indicators is None:
        with _lock:
            if _indicators is None:
                _indicators = _registry("indicators.json", Indicator)  # type: ignore[assignment]
    assert _indicators is not None
    return _indicators


def themes() -> tuple[Theme, ...]:
    """The package's theme registry, read once (its words theme the tasks no annotation themes)."""
    global _themes
    if _themes is None:
        with _lock:
            if _themes is None:
                _themes = _registry("themes.json", Theme)  # type: ignore[assignment]
    assert _themes is not None
    return _themes


def regions() -> tuple[Region, ...]:
    """The package's registry of provincial-level divisions, read once (a text names its province)."""
    global _regions
    if _regions is None:
        with _lock:
            if _regions is None:
                _regions = _registry("regions.json", Region)  # type: ignore[assignment]
    assert _regions is not None
    return _regions
