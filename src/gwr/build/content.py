"""What the report builders produce, and the one way each kind of item is made from a span."""

from __future__ import annotations

import attrs

from .._model import Measure, Outcome, Section, Task
from .._provenance import span_at
from .._quantities import parse_quantities


@attrs.frozen
class Content:
    """The body of a report beyond its targets: outcomes, tasks, measures and outline."""

    outcomes: tuple[Outcome, ...] = ()
    tasks: tuple[Task, ...] = ()
    measures: tuple[Measure, ...] = ()
    outline: tuple[Section, ...] = ()


def measure_at(source_id: str, text: str, start: int, end: int, keys: dict[str, str] | None = None) -> Measure:
    """The measure quoting ``text[start:end]`` of source ``source_id``, with every quantity in it.

    ``keys`` maps a quantity's ``text`` to the indicator key it states, where one is known.
    """
    span = span_at(source_id, text, start, end)
    quantities = parse_quantities(span.exact)
    if keys:
        quantities = tuple(attrs.evolve(q, indicator=keys.get(q.text, q.indicator)) for q in quantities)
    return Measure(text=span.exact, quantities=quantities, span=span)


def outcome_at(source_id: str, text: str, start: int, end: int, key: str, year: int) -> Outcome:
    """The outcome on indicator ``key`` for ``year`` quoting ``text[start:end]``.

    The quote states at most one quantity; it becomes the outcome's quantity.
    """
    span = span_at(source_id, text, start, end)
    quantities = parse_quantities(span.exact)
    if len(quantities) > 1:
        raise ValueError(f"outcome {key} quote {span.exact!r} states {len(quantities)} quantities; quote one")
    quantity = attrs.evolve(quantities[0], indicator=key) if quantities else None
    return Outcome(
        key=key,
        year=year,
        text=span.exact,
        quantity=quantity,
        qualifier=quantity.qualifier if quantity is not None else None,
        span=span,
    )
