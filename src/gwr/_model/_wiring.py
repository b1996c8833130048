"""What the records ask of the layers above them, installed there and never imported from here.

A record imports nothing above the model. Two of its methods answer with what an upper layer
knows: :meth:`gwr.Report.table` builds the analysis layer's :class:`~gwr.Results`, and
:meth:`gwr.Task.passages` needs the texts of the report's sources, which the data layer loads.
The package root (``gwr/__init__.py``, the top of the import graph) installs both when it is
imported; it imports the modules that implement them only when they are first called.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_services: dict[str, Callable[..., Any]] = {}


def install(**services: Callable[..., Any]) -> None:
    """Install the implementations of the services the records use, by name."""
    _services.update(services)


def service(name: str) -> Callable[..., Any]:
    """The implementation of service ``name``.

    Raises:
        RuntimeError: nothing installed it (the records were used without the package root).
    """
    try:
        return _services[name]
    except KeyError:
        raise RuntimeError(f"gwr: {name} is installed by the gwr package, which was not imported") from None
