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

    from ._analysis._compare import Attainment, TargetChange, TaskMove, attainment, compare, compare_tasks
    from ._analysis._items import Item
    from ._analysis._regions import RegionComparison, compare_regions
    from ._analysis._results import Results
    from ._analysis._search import Hit, PhraseCount, count, search
    from ._analysis._series import SeriesPoint, SeriesYear, series
    from ._data._check import CheckResult, Problem, check
    from ._data._lookup import indicator, indicators, report, reports, source, sources, themes
    from ._data._regions import region, regions
    from ._data._variants import Variant, variants
    from ._model._errors import (
        DataError,
        GwrError,
        InvalidArgumentError,
        InvalidTypeError,
        MissingDependencyError,
        NotFoundError,
    )
    from ._model._records import (
        Document,
        English,
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
        Verdict,
    )
    from ._reading._quantities import parse_quantities
    from ._reading._read import read

__version__ = "0.1.0"

_EXPORTS = {
    "indicator": "_data._lookup",
    "indicators": "_data._lookup",
    "report": "_data._lookup",
    "reports": "_data._lookup",
    "source": "_data._lookup",
    "sources": "_data._lookup",
    "themes": "_data._lookup",
    "CheckResult": "_data._check",
    "Problem": "_data._check",
    "check": "_data._check",
    "Attainment": "_analysis._compare",
    "TargetChange": "_analysis._compare",
    "TaskMove": "_analysis._compare",
    "attainment": "_analysis._compare",
    "compare": "_analysis._compare",
    "compare_tasks": "_analysis._compare",
    "DataError": "_model._errors",
    "GwrError": "_model._errors",
    "InvalidArgumentError": "_model._errors",
    "InvalidTypeError": "_model._errors",
    "MissingDependencyError": "_model._errors",
    "NotFoundError": "_model._errors",
    "Document": "_model._records",
    "English": "_model._records",
    "Indicator": "_model._records",
    "Measure": "_model._records",
    "Outcome": "_model._records",
    "Quantity": "_model._records",
    "Region": "_model._records",
    "Report": "_model._records",
    "Section": "_model._records",
    "Source": "_model._records",
    "Span": "_model._records",
    "Target": "_model._records",
    "Task": "_model._records",
    "Theme": "_model._records",
    "region": "_data._regions",
    "regions": "_data._regions",
    "parse_quantities": "_reading._quantities",
    "read": "_reading._read",
    "RegionComparison": "_analysis._regions",
    "compare_regions": "_analysis._regions",
    "Item": "_analysis._items",
    "Results": "_analysis._results",
    "Hit": "_analysis._search",
    "PhraseCount": "_analysis._search",
    "SeriesPoint": "_analysis._series",
    "SeriesYear": "_analysis._series",
    "count": "_analysis._search",
    "search": "_analysis._search",
    "series": "_analysis._series",
    "Variant": "_data._variants",
    "Verdict": "_model._records",
    "variants": "_data._variants",
}

__all__ = [
    "Attainment",
    "CheckResult",
    "DataError",
    "Document",
    "English",
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
    "SeriesYear",
    "Source",
    "Span",
    "Target",
    "TargetChange",
    "Task",
    "TaskMove",
    "Theme",
    "Variant",
    "Verdict",
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


def _report_table(report: Report, what: str, lang: str = "zh") -> Results[Item]:
    from ._analysis._items import report_table
    from ._analysis._results import check_lang

    return report_table(report, what, check_lang(lang))


def _task_passages(task: Task) -> tuple[Span, ...]:
    from ._analysis._items import task_passages

    return task_passages(task)


# the package root wires the layers: the records' methods that answer with what a layer above
# the model knows (see gwr._model._wiring); the modules behind them load when first called
from ._model import _wiring  # noqa: E402

_wiring.install(report_table=_report_table, task_passages=_task_passages)


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
