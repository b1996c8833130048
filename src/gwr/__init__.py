"""China's Government Work Reports as typed, verified data.

Every target, outcome, task and measure carries the exact quote it was read from and its
position in a bundled source text; :func:`check` proves all of it.

>>> import gwr
>>> target = gwr.report(2025).target("cpi_growth")
>>> target.quantity.value, target.quantity.unit, target.qualifier
(Decimal('2'), '%', 'about')
"""

from ._api import indicator, indicators, report, reports, source, sources, themes
from ._check import CheckResult, Problem, check
from ._errors import DataError, GwrError, InvalidArgumentError, InvalidTypeError, NotFoundError
from ._model import Document, Indicator, Measure, Outcome, Quantity, Report, Source, Span, Target, Task, Theme
from ._quantities import parse_quantities

__version__ = "0.1.0"

__all__ = [
    "CheckResult",
    "DataError",
    "Document",
    "GwrError",
    "Indicator",
    "InvalidArgumentError",
    "InvalidTypeError",
    "Measure",
    "NotFoundError",
    "Outcome",
    "Problem",
    "Quantity",
    "Report",
    "Source",
    "Span",
    "Target",
    "Task",
    "Theme",
    "check",
    "indicator",
    "indicators",
    "parse_quantities",
    "report",
    "reports",
    "source",
    "sources",
    "themes",
]
