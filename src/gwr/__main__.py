"""The command line: ``python -m gwr`` (or ``gwr``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from . import _api
from ._check import check
from ._errors import GwrError
from ._model import Quantity, Target
from ._table import render


def _value(quantity: Quantity | None) -> str:
    if quantity is None:
        return ""
    return f"{quantity.value:f}" if quantity.upper is None else f"{quantity.value:f}-{quantity.upper:f}"


def _target_record(target: Target) -> dict[str, object]:
    quantity = target.quantity
    return {
        "key": target.key,
        "year": target.year,
        "text": target.text,
        "value": None if quantity is None else str(quantity.value),
        "unit": None if quantity is None else quantity.unit,
        "qualifier": target.qualifier,
        "change": None if quantity is None else quantity.change,
        "source": target.span.source,
        "start": target.span.start,
        "end": target.span.end,
    }


def _cmd_reports(args: argparse.Namespace) -> str:
    reports = _api.reports()
    if args.json:
        fields = ("id", "kind", "year", "title", "date", "speaker", "completeness")
        return json.dumps([{f: getattr(r, f) for f in fields} for r in reports], ensure_ascii=False, indent=1)
    rows = [[r.id, r.kind, str(r.year), r.date, r.completeness, str(len(r.targets)), r.title] for r in reports]
    return render(["id", "kind", "year", "date", "known", "targets", "title"], rows)


def _cmd_targets(args: argparse.Namespace) -> str:
    report = _api.report(args.year, kind=args.kind)
    if args.json:
        return json.dumps([_target_record(t) for t in report.targets], ensure_ascii=False, indent=1)
    rows = [
        [
            t.key,
            _value(t.quantity),
            t.quantity.unit if t.quantity else "",
            t.qualifier or "qualitative",
            t.text,
        ]
        for t in report.targets
    ]
    title = f"{report.id}: main expected targets ({report.completeness} text; source {report.targets[0].span.source})"
    return title + "\n" + render(["indicator", "value", "unit", "qualifier", "text"], rows)


def _cmd_check(args: argparse.Namespace) -> str:
    result = check(args.path)
    if args.json:
        problems = [{"path": p.path, "message": p.message} for p in result.problems]
        return json.dumps(
            {"ok": result.ok, "counts": result.counts, "problems": problems}, ensure_ascii=False, indent=1
        )
    if not result.ok:
        raise _CheckFailed(str(result))
    return str(result)


class _CheckFailed(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gwr", description="China's Government Work Reports as verified data.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    reports = commands.add_parser("reports", help="list the bundled reports")
    reports.set_defaults(run=_cmd_reports)
    targets = commands.add_parser("targets", help="the main expected targets of a year's report")
    targets.add_argument("year", type=int, help="the report's year, e.g. 2025")
    targets.add_argument(
        "--kind", default="gwr", help="gwr (Government Work Report, default) or plan (NDRC plan report)"
    )
    targets.set_defaults(run=_cmd_targets)
    checker = commands.add_parser("check", help="verify the bundled data against the bundled sources")
    checker.add_argument("--path", default=None, help="a data folder to check instead of the installed one")
    checker.set_defaults(run=_cmd_check)
    for sub in (reports, targets, checker):
        sub.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        output = args.run(args)
    except (GwrError, _CheckFailed) as error:
        print(f"gwr: error: {error}", file=sys.stderr)
        return 1
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
