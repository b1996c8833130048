"""The command line: ``python -m gwr`` (or ``gwr``), the top of the import graph.

Commands: ``reports``, ``targets YEAR``, ``compare A B``, ``attain YEAR``, ``tasks YEAR``,
``search TEXT``, ``series INDICATOR``, ``indicators``, ``regions YEAR INDICATOR``, ``read FILE``,
``check``, ``export``. Every command prints an aligned table (or JSON with ``--json``); ``export`` writes CSV or JSON
(``--format``). Bad input ends with one line on stderr (``gwr: error: ...``) and a non-zero
exit status: 2 for a malformed command line, 1 for anything gwr cannot find or use, never a
traceback. Output that cannot be written (a full disk) ends the same way, in one line with
status 1; a reader that stops early (``| head``) ends gwr quietly.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NoReturn

from . import __version__
from ._analysis._table import render
from ._data import _lookup as _api
from ._model._errors import GwrError

if TYPE_CHECKING:
    from ._analysis._results import Lang
    from ._model._records import English, Quantity, Target, Task

EXIT_ERROR = 1
"""Exit status when gwr cannot find or use what was asked for (or ``check`` finds problems)."""

EXIT_USAGE = 2
"""Exit status for a malformed command line (an unknown command, a missing argument...)."""


class _UsageError(Exception):
    """A malformed command line (raised instead of argparse's print-usage-and-exit)."""


class _Failed(Exception):
    """A command ran and failed (``check`` found problems); its output is printed first."""

    def __init__(self, message: str, output: str) -> None:
        super().__init__(message)
        self.output = output


class _WriteFailed(Exception):
    """The output could not be written (a full disk, a closed device)."""


BOM = "\ufeff"
"""The UTF-8 byte order mark a CSV written to a file starts with: spreadsheet software (Excel)
reads the file as UTF-8 only with it, and shows the Chinese garbled without it."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see '{self.prog} --help')")


def _year_or_id(text: str) -> int | str:
    """A report argument: a year (``2025``) or a report id (``gwr-2024``)."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if "-" not in text:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year (2025) or a report id (gwr-2024, plan-2024)")
    return text


def _characters(text: str) -> int:
    """A number of characters (0 or more), for ``--context``."""
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of characters (0, 1, 2, ...)")
    return int(text)


def _dumps(data: object) -> str:
    def default(value: object) -> object:
        if isinstance(value, Decimal):
            return str(value)
        raise TypeError(f"cannot write {type(value).__name__} as JSON")

    return json.dumps(data, ensure_ascii=False, indent=1, default=default)


def _readable(quantity: Quantity | None, lang: Lang = "zh") -> str:
    """A target's number for a table: 1.4万亿斤, 1200万人, 5% (``--json`` gives it exactly);
    in English 1.4 trillion jin, 12 million people."""
    from ._analysis._results import readable

    if quantity is None:
        return ""
    if quantity.upper is None:
        return readable(quantity.value, quantity.unit, lang=lang)
    return readable(quantity.value, None, lang=lang) + "-" + readable(quantity.upper, quantity.unit, lang=lang)


def _english(english: English | None) -> str | None:
    return None if english is None else english.text


def _target_record(target: Target) -> dict[str, object]:
    quantity = target.quantity
    return {
        "key": target.key,
        "year": target.year,
        "text": target.text,
        "text_en": _english(target.english),
        "value": None if quantity is None else str(quantity.value),
        "unit": None if quantity is None else quantity.unit,
        "qualifier": target.qualifier,
        "change": None if quantity is None else quantity.change,
        "source": target.span.source,
        "start": target.span.start,
        "end": target.span.end,
    }


def _cmd_reports(args: argparse.Namespace) -> str:
    reports = _api.reports(kind=args.kind, region=args.region, year=args.year)
    if args.json:
        fields = ("id", "kind", "year", "title", "date", "speaker", "completeness")
        return _dumps([{f: getattr(r, f) for f in fields} for r in reports])
    rows = [
        [r.id, r.kind, str(r.year), r.date, r.completeness, str(len(r.targets)), str(len(r.tasks)), r.title]
        for r in reports
    ]
    return render(["id", "kind", "year", "date", "known", "targets", "tasks", "title"], rows)


def _cmd_targets(args: argparse.Namespace) -> str:
    report = _api.report(args.year, kind=args.kind, region=args.region)
    if args.json:
        return _dumps([_target_record(t) for t in report.targets])
    sources = ", ".join(dict.fromkeys(t.span.source for t in report.targets)) or "none"
    title = f"{report.id}: main expected targets ({report.completeness} text; source {sources})"
    main = [t for t in report.targets if t.in_passage]
    elsewhere = [t for t in report.targets if not t.in_passage]
    if args.lang == "en":
        from ._analysis._results import in_english, indicator_name

        def english_rows(targets: list[Target]) -> list[list[str]]:
            return [
                [
                    indicator_name(t.key),
                    _readable(t.quantity, "en"),
                    t.qualifier or "qualitative",
                    in_english(t.text, t.english),
                ]
                for t in targets
            ]

        columns = ["indicator", "value", "qualifier", "official English"]
        text = title + "\n" + render(columns, english_rows(main))
        if elsewhere:
            text += "\n\nalso set for the year outside the targets passage:\n" + render(
                columns, english_rows(elsewhere)
            )
        return text

    def rows(targets: list[Target]) -> list[list[str]]:
        return [[t.key or "(no key)", _readable(t.quantity), t.qualifier or "qualitative", t.text] for t in targets]

    text = title + "\n" + render(["indicator", "value", "qualifier", "text"], rows(main))
    if elsewhere:
        text += "\n\nalso set for the year outside the targets passage:\n"
        text += render(["indicator", "value", "qualifier", "text"], rows(elsewhere))
    return text


def _cmd_compare(args: argparse.Namespace) -> str:
    from ._analysis._compare import compare

    results = compare(args.a, args.b, kind=args.kind, lang=args.lang)
    return _dumps(results.to_records()) if args.json else str(results)


def _cmd_attain(args: argparse.Namespace) -> str:
    from ._analysis._compare import attainment

    results = attainment(
        args.year, kind=args.kind, outcomes_from=args.outcomes_from, region=args.region, lang=args.lang
    )
    return _dumps(results.to_records()) if args.json else str(results)


def _task_record(task: Task) -> dict[str, object]:
    return {
        "number": task.number,
        "theme": task.theme,
        "secondary_theme": task.secondary_theme,
        "title": task.title,
        "title_en": _english(task.english),
        "source": task.span.source,
        "start": task.span.start,
        "end": task.span.end,
        "measures": len(task.measures),
        "subtasks": [_task_record(sub) for sub in task.subtasks],
    }


def _cmd_tasks(args: argparse.Namespace) -> str:
    report = _api.report(args.year, kind=args.kind, region=args.region)
    if args.json:
        return _dumps([_task_record(t) for t in report.tasks])
    if not report.tasks:
        return f"{report.id}: no tasks in the bundled data"
    from ._analysis._results import in_english

    def shown(task: Task) -> str:
        return in_english(task.title, task.english) if args.lang == "en" else task.title

    names = {t.key: t.name_en for t in _api.themes()} if args.lang == "en" else {}
    rows = []
    for task in report.tasks:
        themes = [names.get(k, k) for k in (task.theme, task.secondary_theme) if k]
        rows.append([str(task.number), " + ".join(themes), shown(task)])
        if args.subtasks:
            rows.extend([f"{task.number}.{n}", "", "  " + shown(sub)] for n, sub in enumerate(task.subtasks, 1))
    title = f"{report.id}: tasks in the report's order ({report.completeness} text)"
    heading = "official English" if args.lang == "en" else "title"
    return title + "\n" + render(["no.", "theme", heading], rows)


def _cmd_search(args: argparse.Namespace) -> str:
    from ._analysis._search import count, search

    if args.count:
        if args.lang == "en":
            raise _UsageError("--count counts in the Chinese documents; it cannot go with --lang en")
        counts = count(
            args.text,
            documents=args.document,
            kinds=args.doc_kind,
            include_repeated=bool(args.repeated),
        )
        return _dumps(counts.to_records()) if args.json else str(counts)
    hits = search(
        args.text,
        documents=args.document,
        kinds=args.doc_kind,
        context=args.context,
        include_repeated=args.repeated is not False,
        merge_witnesses=not args.all_witnesses,
        lang=args.lang,
    )
    return _dumps(hits.to_records()) if args.json else str(hits)


def _cmd_series(args: argparse.Namespace) -> str:
    from ._analysis._series import series

    points = series(args.indicator, kind=args.kind)
    return _dumps(points.to_records()) if args.json else str(points)


def _cmd_regions(args: argparse.Namespace) -> str:
    from ._analysis._regions import compare_regions

    results = compare_regions(args.year, args.indicator, role="outcome" if args.outcomes else "target")
    return _dumps(results.to_records()) if args.json else str(results)


def _cmd_indicators(args: argparse.Namespace) -> str:
    registry = _api.indicators()
    if args.json:
        fields = ("key", "name_zh", "name_en", "unit", "reading", "description")
        return _dumps([{f: getattr(i, f) for f in fields} for i in registry])
    rows = [[i.key, i.name_zh, i.name_en, i.unit or "", i.reading] for i in registry]
    title = f"{len(registry)} indicators (keys of targets, outcomes and keyed quantities)"
    return title + "\n" + render(["key", "name_zh", "name_en", "unit", "reading"], rows)


def _cmd_check(args: argparse.Namespace) -> str:
    from ._data._check import check

    result = check(args.path, corpus=args.corpus)
    if args.json:
        problems = [{"path": p.path, "message": p.message} for p in result.problems]
        output = _dumps(
            {
                "ok": result.ok,
                "counts": dict(result.counts),
                "problems": problems,
                "unverified": list(result.unverified),
            }
        )
    else:
        output = str(result)
    if not result.ok:
        raise _Failed(f"check found {len(result.problems)} problem(s)", output)
    return output


def _cmd_read(args: argparse.Namespace) -> str:
    from ._reading._read import read

    try:
        with open(args.file, encoding="utf-8") as file:
            text = file.read()
    except (OSError, UnicodeDecodeError) as error:
        raise _Failed(f"cannot read {args.file}: {getattr(error, 'strerror', None) or error}", "") from None
    report = read(text, kind=args.kind, year=args.year, region=args.region)
    if args.json:
        from ._data._converter import converter

        return _dumps(converter.unstructure(report))
    stated = [value for value in (report.date, report.speaker) if value != "not stated"]
    title = report.title if report.title != "not stated" else "(no title stated)"
    header = f"{report.id}: {title}" + (f" ({'; '.join(stated)})" if stated else "")
    lines = [
        f"{header}; read from {args.file} ({report.completeness})",
        f"{len(report.targets)} targets, {len(report.outcomes)} outcomes, {len(report.tasks)} tasks, "
        f"{sum(1 for _ in report.iter_items())} items",
        *(f"warning: {warning}" for warning in report.warnings),
        "",
    ]
    rows = [[t.key or "(no key)", _readable(t.quantity), t.qualifier or "qualitative", t.text] for t in report.targets]
    lines.append(render(["indicator", "value", "qualifier", "text"], rows))
    if report.tasks:
        lines += ["", render(["task", "title"], [[str(t.number), t.title] for t in report.tasks])]
    return "\n".join(lines)


def _cmd_export(args: argparse.Namespace) -> str:
    import csv
    import io

    from ._analysis._series import series

    records = series(args.indicator, kind=args.kind).to_records()
    if args.lang == "en":  # the indicator's English name beside its key
        from ._analysis._results import indicator_name

        records = [{"key": r["key"], "indicator_en": indicator_name(str(r["key"])), **r} for r in records]
    if args.json and args.format == "csv":
        raise _UsageError("--json is --format json; it cannot go with --format csv")
    fmt = "json" if args.json else args.format or "csv"
    if fmt == "json":
        text = _dumps(records) + "\n"
    else:
        buffer = io.StringIO()
        fields = list(records[0]) if records else []
        writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow({k: "" if v is None else str(v) for k, v in record.items()})
        text = buffer.getvalue()
    if args.output is None:
        bom = BOM if fmt == "csv" and _stdout_is_a_file() else ""
        return bom + text.rstrip("\n")
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as file:
            file.write((BOM if fmt == "csv" else "") + text)
    except OSError as error:
        raise _Failed(f"cannot write {args.output}: {error.strerror or error}", "") from None
    what = "CSV, UTF-8 with a byte order mark" if fmt == "csv" else "JSON, UTF-8"
    return f"wrote {len(records)} rows to {args.output} ({what})"


def _stdout_is_a_file() -> bool:
    """Whether standard output is redirected to a file (``> all.csv``), not a pipe or a terminal."""
    try:
        return stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):  # no real file descriptor (captured output)
        return False


def _report_arguments(parser: argparse.ArgumentParser, *names: str, provincial: bool = True) -> None:
    for name in names:
        parser.add_argument(name, type=_year_or_id, help="a year (2026) or a report id (gwr-2024, plan-2024)")
    kinds = _api.KINDS if provincial else tuple(k for k in _api.KINDS if k != "provincial")
    parser.add_argument(
        "--kind",
        default="gwr",
        choices=kinds,
        help="the report a year stands for: gwr (Government Work Report, default), plan (NDRC plan report)"
        + (" or provincial (with --region)" if provincial else ""),
    )


def _lang_argument(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--lang",
        default="zh",
        choices=("zh", "en"),
        help=f"en: {what} in the official English (2008-2022; the Chinese marked [zh] where there is none)",
    )


def _region_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--region",
        default=None,
        help="the province of a provincial report: CN-ZJ, 浙江 or Zhejiang (with --kind provincial)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="gwr",
        description="China's Government Work Reports as verified data: targets, tasks, outcomes, search.",
        epilog="Examples: gwr targets 2026 | gwr compare 2025 2026 | gwr attain 2024 | gwr search 新质生产力",
    )
    parser.add_argument("--version", action="version", version=f"gwr {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    reports = commands.add_parser("reports", help="list the bundled reports")
    reports.add_argument("--kind", default=None, choices=_api.KINDS, help="only reports of this kind")
    reports.add_argument("--year", type=int, default=None, help="only reports of this year")
    _region_argument(reports)
    reports.set_defaults(run=_cmd_reports)

    targets = commands.add_parser("targets", help="the main expected targets of a year's report")
    _report_arguments(targets, "year")
    _region_argument(targets)
    _lang_argument(targets, "each target, with English indicator names,")
    targets.set_defaults(run=_cmd_targets)

    compare = commands.add_parser("compare", help="how the main targets changed from report A to report B")
    _report_arguments(compare, "a", "b", provincial=False)
    _lang_argument(compare, "the targets, with English indicator names,")
    compare.set_defaults(run=_cmd_compare)

    attain = commands.add_parser("attain", help="a year's targets against the outcomes a later report states")
    _report_arguments(attain, "year")
    attain.add_argument(
        "--outcomes-from",
        default=None,
        metavar="KIND_OR_ID",
        help="take outcomes only from reports of this kind (gwr, plan) or from this report (gwr-2025)",
    )
    _region_argument(attain)
    _lang_argument(attain, "targets and outcomes, with English indicator names,")
    attain.set_defaults(run=_cmd_attain)

    tasks = commands.add_parser("tasks", help="the numbered tasks of a year's report, in order, with themes")
    _report_arguments(tasks, "year")
    tasks.add_argument("--subtasks", action="store_true", help="list each task's sub-tasks too")
    _region_argument(tasks)
    _lang_argument(tasks, "the titles, with English theme names,")
    tasks.set_defaults(run=_cmd_tasks)

    search = commands.add_parser("search", help="find a phrase in every bundled document, with context")
    search.add_argument("text", help="the phrase to find, e.g. 新质生产力")
    search.add_argument(
        "-d", "--document", action="append", metavar="ID", help="only this document or report id (repeatable)"
    )
    search.add_argument(
        "--doc-kind", action="append", metavar="KIND", help="only documents of this kind: report, speech, ..."
    )
    search.add_argument(
        "--context", type=_characters, default=20, metavar="N", help="characters of context on each side"
    )
    search.add_argument("--count", action="store_true", help="print how often it occurs per document instead")
    search.add_argument(
        "--repeated",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="include passages marked as repeating another (■ boxes); default: yes for hits, no for --count",
    )
    search.add_argument(
        "--all-witnesses",
        action="store_true",
        help="show a passage once per witness of its report (by default a second witness's hit is folded "
        "into the full text's)",
    )
    search.add_argument(
        "--lang",
        default="zh",
        choices=("zh", "en"),
        help="en: search the official English the data holds (the aligned segments of the facts, 2008-2022)",
    )
    search.set_defaults(run=_cmd_search)

    series = commands.add_parser("series", help="an indicator's values across the reports, by year")
    series.add_argument("indicator", help="an indicator key or name: gdp_growth, 'CPI growth', 粮食产量")
    series.add_argument("--kind", default=None, choices=_api.KINDS, help="only reports of this kind")
    series.set_defaults(run=_cmd_series)

    regions = commands.add_parser(
        "regions", help="each province's target on an indicator beside the national target of the same year"
    )
    regions.add_argument("year", type=int, help="the year of the reports (2025)")
    regions.add_argument("indicator", help="an indicator key or name: gdp_growth, 'CPI growth', 粮食产量")
    regions.add_argument(
        "--outcomes", action="store_true", help="compare the outcomes the reports state for the year before instead"
    )
    regions.set_defaults(run=_cmd_regions)

    indicators = commands.add_parser("indicators", help="the indicator registry: keys, Chinese and English names")
    indicators.add_argument("--json", action="store_true", help="print JSON instead of a table")
    indicators.set_defaults(run=_cmd_indicators)

    checker = commands.add_parser("check", help="verify the bundled data against the bundled sources")
    checker.add_argument("--path", default=None, help="a data folder to check instead of the installed one")
    checker.add_argument(
        "--corpus", default=None, metavar="DIR", help="the folder of the cited texts (with corpus.json), to verify them"
    )
    checker.set_defaults(run=_cmd_check)

    reader = commands.add_parser("read", help="read any report text with no annotation: targets, tasks, outline")
    reader.add_argument("file", help="a UTF-8 text file holding one report")
    reader.add_argument(
        "--kind",
        default=None,
        choices=("gwr", "plan", "provincial"),
        help="the kind of report (default: read from the text; a mismatch is a warning)",
    )
    reader.add_argument("--year", default=None, type=int, help="the report's year, where the text does not say it")
    reader.add_argument(
        "--region", default=None, help="a province's ISO 3166-2:CN code (CN-ZJ), where the text does not name it"
    )
    reader.set_defaults(run=_cmd_read)

    export = commands.add_parser(
        "export", help="every target, outcome and keyed measure value, with its quote, as CSV or JSON"
    )
    export.add_argument(
        "--format",
        default=None,
        choices=("csv", "json"),
        help="csv (default; a file gets a UTF-8 byte order mark, so spreadsheets show the Chinese) or json",
    )
    export.add_argument("--indicator", default=None, help="only this indicator (key or name)")
    export.add_argument("--kind", default=None, choices=_api.KINDS, help="only reports of this kind")
    export.add_argument("-o", "--output", default=None, metavar="FILE", help="write to FILE instead of stdout")
    export.add_argument(
        "--lang",
        default="zh",
        choices=("zh", "en"),
        help="en: an indicator_en column of English indicator names too (text_en, the official English of "
        "each row's clause, is always written; empty where there is none)",
    )
    export.set_defaults(run=_cmd_export)

    for sub in (reports, targets, compare, attain, tasks, search, series, regions, checker, reader, export):
        sub.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _set_help(export, "json", "the same as --format json")
    return parser


def _set_help(parser: argparse.ArgumentParser, dest: str, text: str) -> None:
    for action in parser._actions:
        if action.dest == dest:
            action.help = text


def _one_line(message: object) -> str:
    return " ".join(str(message).split()) or "failed"


def _print(text: str) -> None:
    try:
        try:
            print(text)
        except UnicodeEncodeError:
            sys.stdout.flush()
            sys.stdout.buffer.write((text + "\n").encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise _WriteFailed(error.strerror or str(error)) from None


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the exit's flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    Args:
        argv: the arguments, without the program name.

    Returns:
        0 on success, 1 (:data:`EXIT_ERROR`) when gwr cannot find or use what was asked for or
        ``check`` finds problems, 2 (:data:`EXIT_USAGE`) for a malformed command line.
    """
    try:
        try:
            args = _parser().parse_args(argv)
        except _UsageError as error:
            print(f"gwr: error: {_one_line(error)}", file=sys.stderr)
            return EXIT_USAGE
        except SystemExit as done:  # --help
            return done.code if isinstance(done.code, int) else 0
        try:
            output = args.run(args)
        except _UsageError as error:
            print(f"gwr: error: {_one_line(error)}", file=sys.stderr)
            return EXIT_USAGE
        except _Failed as failure:
            if failure.output:
                _print(failure.output)
            print(f"gwr: error: {_one_line(failure)}", file=sys.stderr)
            return EXIT_ERROR
        except GwrError as error:
            print(f"gwr: error: {_one_line(error)}", file=sys.stderr)
            return EXIT_ERROR
        _print(output)
        return 0
    except BrokenPipeError:  # e.g. gwr search ... | head: the reader has what it wanted
        _silence_stdout()
        return 0
    except _WriteFailed as failure:  # e.g. gwr export > /dev/full
        _silence_stdout()
        print(f"gwr: error: cannot write the output: {_one_line(failure)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("gwr: interrupted", file=sys.stderr)
        return 130
