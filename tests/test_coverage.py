"""Coverage: how much of each full text the items' spans reach (issue 4 asks for 98%)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

import gwr

_NOT_COUNTED = re.compile(r"[\s\W_]", re.UNICODE)


def _spans(report: gwr.Report) -> Iterator[gwr.Span]:
    for _, item in report.iter_items():
        if isinstance(item, gwr.Task):
            continue  # a task's span is its whole passage; its parts are counted instead
        yield item.span
        if isinstance(item, gwr.Target) and item.rationale_span is not None:
            yield item.rationale_span

    def headings(sections: tuple[gwr.Section, ...]) -> Iterator[gwr.Span]:
        for section in sections:
            if section.heading is not None:
                yield section.heading
            yield from headings(section.children)

    yield from headings(report.outline)


def coverage(report_id: str, document_id: str) -> tuple[float, str]:
    """The share of the document's letters and digits inside some item span, and what is left."""
    report = gwr.report(report_id)
    source = next(s for s in gwr.sources() if any(d.id == document_id for d in s.documents))
    document = source.document(document_id)
    covered = [False] * len(source.normalized)
    for span in _spans(report):
        if span.source == source.id:
            covered[span.start : span.end] = [True] * (span.end - span.start)
    counted = [i for i in range(document.start, document.end) if not _NOT_COUNTED.match(source.normalized[i])]
    missed = [i for i in counted if not covered[i]]
    return 1 - len(missed) / len(counted), "".join(source.normalized[i] for i in missed)


@pytest.mark.parametrize(("report_id", "document_id"), [("gwr-2024", "gwr-2024-full"), ("plan-2024", "plan-2024-full")])
def test_full_text_coverage(report_id: str, document_id: str) -> None:
    share, missed = coverage(report_id, document_id)
    assert share >= 0.98, f"{report_id}: {share:.2%} covered; not covered: {missed[:300]}"


if __name__ == "__main__":
    for report_id, document_id in [("gwr-2024", "gwr-2024-full"), ("plan-2024", "plan-2024-full")]:
        share, missed = coverage(report_id, document_id)
        print(f"{report_id}: {share:.2%} of the letters and digits covered; not covered: {missed!r}")
