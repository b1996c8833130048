"""China's Government Work Reports as typed, verified data.

Every target, outcome, task and measure carries the exact quote it was read from and its
position in a bundled source text; :func:`check` proves all of it.

>>> import gwr
>>> target = gwr.report(2025).target("cpi_growth")
>>> target.quantity.value, target.quantity.unit, target.qualifier
(Decimal('2'), '%', 'about')
"""

# ``import gwr`` imports nothing else: each public name is imported from its private module the
# first time it is used (PEP 562), so that a program that imports gwr pays for what it uses.
# To add a public name, add it to _EXPORTS (name -> module), to the TYPE_CHECKING imports and to
# __all__.

from __future__ import annotations

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs more than gwr does
if TYPE_CHECKING:
    from typing import Any

    from ._api import indicator, indicators, report, reports, source, sources, themes
    from ._check import CheckResult, Problem, check
    from ._compare import Attainment, TargetChange, TaskMove, attainment, compare, compare_tasks
    from ._errors import (
        DataError,
        GwrError,
        InvalidArgumentError,
        InvalidTypeError,
        MissingDependencyError,
        NotFoundError,
    )
    from ._items import Item
    from ._model import (
        Document,
        Indicator,
        Measure,
        Outcome,
        Quantity,
        Region,
        Report,
        Section,
        Source,
        Span,
        Target,
        Task,
        Theme,
    )
    from ._provinces import region, regions
    from ._quantities import parse_quantities
    from ._read import read
    from ._regions import RegionComparison, compare_regions
    from ._results import Results
    from ._search import Hit, PhraseCount, SeriesPoint, count, search, series
    from ._variants import Variant, variants

__version__ = "0.1.0"

_EXPORTS = {
    "indicator": "_api",
    "indicators": "_api",
    "report": "_api",
    "reports": "_api",
    "source": "_api",
    "sources": "_api",
    "themes": "_api",
    "CheckResult": "_check",
    "Problem": "_check",
    "check": "_check",
    "Attainment": "_compare",
    "TargetChange": "_compare",
    "TaskMove": "_compare",
    "attainment": "_compare",
    "compare": "_compare",
    "compare_tasks": "_compare",
    "DataError": "_errors",
    "GwrError": "_errors",
    "InvalidArgumentError": "_errors",
    "InvalidTypeError": "_errors",
    "MissingDependencyError": "_errors",
    "NotFoundError": "_errors",
    "Document": "_model",
    "Indicator": "_model",
    "Measure": "_model",
    "Outcome": "_model",
    "Quantity": "_model",
    "Region": "_model",
    "Report": "_model",
    "Section": "_model",
    "Source": "_model",
    "Span": "_model",
    "Target": "_model",
    "Task": "_model",
    "Theme": "_model",
    "region": "_provinces",
    "regions": "_provinces",
    "parse_quantities": "_quantities",
    "read": "_read",
    "RegionComparison": "_regions",
    "compare_regions": "_regions",
    "Item": "_items",
    "Results": "_results",
    "Hit": "_search",
    "PhraseCount": "_search",
    "SeriesPoint": "_search",
    "count": "_search",
    "search": "_search",
    "series": "_search",
    "Variant": "_variants",
    "variants": "_variants",
}

__all__ = [
    "Attainment",
    "CheckResult",
    "DataError",
    "Document",
    "GwrError",
    "Hit",
    "Indicator",
    "InvalidArgumentError",
    "InvalidTypeError",
    "Item",
    "Measure",
    "MissingDependencyError",
    "NotFoundError",
    "Outcome",
    "PhraseCount",
    "Problem",
    "Quantity",
    "Region",
    "RegionComparison",
    "Report",
    "Results",
    "Section",
    "SeriesPoint",
    "Source",
    "Span",
    "Target",
    "TargetChange",
    "Task",
    "TaskMove",
    "Theme",
    "Variant",
    "attainment",
    "check",
    "compare",
    "compare_regions",
    "compare_tasks",
    "count",
    "indicator",
    "indicators",
    "parse_quantities",
    "read",
    "region",
    "regions",
    "report",
    "reports",
    "search",
    "series",
    "source",
    "sources",
    "themes",
    "variants",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'gwr' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"gwr.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
