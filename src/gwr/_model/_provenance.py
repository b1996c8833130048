"""Building and checking spans: the one place that knows how prefix and suffix are cut."""

from __future__ import annotations

from ._records import Span

CONTEXT_LENGTH = 16
"""Code points of context kept before (``prefix``) and after (``suffix``) each quote."""


def span_at(source_id: str, text: str, start: int, end: int) -> Span:
    """The span of ``text[start:end]`` in source ``source_id`` (``text`` is its normalized text)."""
    return Span(
        source=source_id,
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_LENGTH) : start],
        suffix=text[end : end + CONTEXT_LENGTH],
    )


def span_problems(span: Span, text: str) -> list[str]:
    """What is wrong with ``span`` against the normalized ``text`` of its source (empty if nothing)."""
    if not (0 <= span.start <= span.end <= len(text)):
        return [f"offsets [{span.start}, {span.end}) are outside source {span.source} (length {len(text)})"]
    expected = span_at(span.source, text, span.start, span.end)
    problems = []
    for field in ("exact", "prefix", "suffix"):
        found, wanted = getattr(span, field), getattr(expected, field)
        if found != wanted:
            problems.append(f"{field} {found!r} is not the source's text at [{span.start}, {span.end}): {wanted!r}")
    return problems
