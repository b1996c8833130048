"""Synthetic data folders: any number of reports in the bundled format (for scale tests; not shipped).

:func:`make_data_folder` writes ``manifest.json``, ``reports/*.json``, ``indicators.json``,
``themes.json``, ``sources/`` and any per-report files (``variants/<id>.json``) into a folder,
as ``python -m gwr.build`` writes ``src/gwr/data``. Each synthetic report is cut from a bundled
one: the same metadata and sources, all its targets and outcomes, and a seeded random choice of
its tasks, measures and outline sections, under a new id and year (``gwr-3000``, ``plan-3001``
...). Every span still points into the bundled sources, so ``gwr.check(folder)`` finds nothing
wrong.

:func:`make_annotation_root` makes a repository-like folder (``annotations/``, ``src/gwr/data/
sources/``) with copies of the bundled report annotations under new ids, so that the generator
itself (:func:`gwr.build.generate.generate`) can build any number of reports.

Run as a script to write a folder: ``python tests/synthetic.py /tmp/data 1000``.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gwr
from gwr._data._db import Database, package_data

REPO = Path(__file__).resolve().parent.parent
FIRST_YEAR = 3000


def _dump(data: Any) -> bytes:
    """JSON exactly as the generator writes it."""
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def bundled_reports() -> list[dict[str, Any]]:
    """The reports built from the bundled texts (not the cited ones), unstructured by the one
    converter (as the generator writes them)."""
    from gwr._data._converter import converter

    db = Database(str(package_data()))
    reports = [db.report(report_id) for report_id in db.report_ids()]
    return [converter.unstructure(r) for r in reports if r.completeness != "cited"]


def _sample(rng: random.Random, items: list[Any], count: int) -> list[Any]:
    """``count`` of ``items`` (fewer if there are fewer), in their original order."""
    if count >= len(items):
        return list(items)
    chosen = sorted(rng.sample(range(len(items)), count))
    return [items[i] for i in chosen]


def _sections(outline: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The areas of an outline (the children of its parts), or its top-level sections."""
    children = [child for section in outline for child in section["children"]]
    return children or list(outline)


def _timeless(task: dict[str, Any], same: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
    measures = [m for m in task["measures"] if same(m)]
    return {**task, "measures": measures, "subtasks": [_timeless(s, same) for s in task["subtasks"]]}


def _same_meaning(base: dict[str, Any], year: int) -> Callable[[dict[str, Any]], bool]:
    """Whether a measure of ``base`` reads, in ``year``, as it is stored (as check() reads it)."""
    from gwr._data._rederive import _range
    from gwr._reading._quantities import parse_quantities
    from gwr._reading._read import part_periods, period_at, read_facts
    from gwr._reading._targets import key_quantities, names_consumer_prices

    report = gwr.report(base["id"])
    source = gwr.source(report.witnesses[0])
    text = Database(str(package_data())).normalized(source.id).text  # the text check() reads
    start, end = _range(report, source, text)
    registry = gwr.indicators()
    parts = part_periods(
        read_facts(text, source.id, year=year, start=start, end=end, indicators=registry).sentences, year
    )
    prices = names_consumer_prices(text)
    fields = ("indicator", "measure", "period", "scope")

    def same(measure: dict[str, Any]) -> bool:
        if measure["span"]["source"] != source.id:
            return True
        back = period_at(text, measure["span"]["start"], year, parts)
        found = key_quantities(
            measure["text"],
            parse_quantities(measure["text"]),
            registry,
            year=year,
            consumer_prices=prices,
            look_back=back,
        )
        return all(
            all(q.get(f) == getattr(r, f) for f in fields) for q, r in zip(measure["quantities"], found, strict=False)
        )

    return same


def synthetic_report(base: dict[str, Any], index: int, rng: random.Random, size: float = 1.0) -> dict[str, Any]:
    """Report ``index``: cut from ``base`` (an unstructured report), as JSON-ready data.

    ``size`` scales how much of ``base``'s tasks, measures and outline it keeps (about
    ``size`` tasks, ``15 * size`` measures and ``size`` outline areas, at random).
    """
    year = FIRST_YEAR + index
    shift = year - base["year"]
    report = dict(base)
    report["id"] = f"{base['kind']}-{year}"
    report["year"] = year
    report["targets"] = [{**t, "year": t["year"] + shift} for t in base["targets"]]
    report["outcomes"] = [{**o, "year": o["year"] + shift} for o in base["outcomes"]]
    report["verdicts"] = [{**v, "year": v["year"] + shift} for v in base.get("verdicts", [])]
    # a figure's period depends on the year (2023年 is the year before in 2024, a span in 3011):
    # the copies keep the measures that mean, in their new year, what they meant in the base
    same = _same_meaning(base, year)
    tasks = _sample(rng, base["tasks"], rng.randint(0, round(2 * size)))
    report["tasks"] = [_timeless(t, same) for t in tasks]
    timeless = [m for m in base["measures"] if same(m)]
    report["measures"] = _sample(rng, timeless, rng.randint(0, round(30 * size)))
    report["outline"] = _sample(rng, _sections(base["outline"]), rng.randint(0, round(2 * size)))
    return report


def make_data_folder(folder: Path, count: int, *, seed: int = 0, size: float = 1.0) -> list[str]:
    """Write a data folder of ``count`` synthetic reports; return their ids, in manifest order."""
    package = Path(str(package_data()))
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(package / "sources", folder / "sources", dirs_exist_ok=True)
    for name in ("indicators.json", "themes.json", "regions.json"):
        shutil.copyfile(package / name, folder / name)
    (folder / "reports").mkdir(exist_ok=True)
    rng = random.Random(seed)
    bases = bundled_reports()
    side_folders = [p for p in package.iterdir() if p.is_dir() and p.name not in ("reports", "sources")]
    entries = []
    for index in range(count):
        base = bases[index % len(bases)]
        report = synthetic_report(base, index, rng, size)
        name = f"reports/{report['id']}.json"
        (folder / name).write_bytes(_dump(report))
        for side in side_folders:  # per-report files (variants/<id>.json): the base's, renamed
            original = side / f"{base['id']}.json"
            if original.exists():
                (folder / side.name).mkdir(exist_ok=True)
                text = original.read_text(encoding="utf-8").replace(f'"{base["id"]}"', f'"{report["id"]}"')
                (folder / side.name / f"{report['id']}.json").write_text(text, encoding="utf-8")
        entries.append({"id": report["id"], "kind": report["kind"], "year": report["year"], "file": name})
    manifest = json.loads((package / "manifest.json").read_bytes())
    manifest["reports"] = entries
    shipped = sorted(p for p in folder.rglob("*.json") if p.name != "manifest.json" or p.parent != folder)
    manifest["files"] = {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in shipped}
    (folder / "manifest.json").write_bytes(_dump(manifest))
    return [entry["id"] for entry in entries]


def make_annotation_root(root: Path, count: int) -> dict[str, str]:
    """A repository-like folder with ``count`` report annotations, copies of the bundled ones.

    Copies are made of the bundled annotation files in turn, each under a new id and year; the
    generator builds each copy as it builds its original. Returns the new ids, each with the id
    of its original.
    """
    shutil.copytree(REPO / "annotations", root / "annotations", dirs_exist_ok=True)
    sources = root / "src" / "gwr" / "data" / "sources"
    shutil.copytree(REPO / "src" / "gwr" / "data" / "sources", sources, dirs_exist_ok=True)
    notes = sorted((REPO / "annotations" / "reports").glob("*.toml"))
    reports = root / "annotations" / "reports"
    for path in reports.glob("*.toml"):
        path.unlink()
    ids = {}
    for index in range(count):
        original = notes[index % len(notes)]
        text = original.read_text(encoding="utf-8")
        old_id = original.stem
        kind = old_id.split("-")[0]
        new_id = f"{kind}-{FIRST_YEAR + index}"
        text = re.sub(r'(?m)^id = "[^"]*"', f'id = "{new_id}"', text, count=1)
        text = re.sub(r"(?m)^year = \d+", f"year = {FIRST_YEAR + index}", text, count=1)
        (reports / f"{new_id}.toml").write_text(text, encoding="utf-8")
        for extra in (root / "annotations").glob(f"*/{old_id}.toml"):  # summaries/<id>.toml and the like
            if extra.parent != reports:
                copy = extra.read_text(encoding="utf-8")
                # the corpus copy of a seed year witnesses that year only: not a copy's
                blocks = re.split(r"(?m)^(?=\[\[witnesses\]\])", copy)
                copy = "".join(b for b in blocks if 'witness = "gwr-2024-corpus"' not in b)
                (extra.parent / f"{new_id}.toml").write_text(copy, encoding="utf-8")
        ids[new_id] = old_id
    for original in notes:  # the originals' side files would name reports that are not there
        for extra in (root / "annotations").glob(f"*/{original.stem}.toml"):
            if extra.parent != reports:
                extra.unlink()
    return ids


if __name__ == "__main__":
    target, number = Path(sys.argv[1]), int(sys.argv[2])
    made = make_data_folder(target, number)
    print(f"wrote {len(made)} reports to {target}")


# -- synthetic provincial reports ----------------------------------------------------------------


def _clause_span(text: str) -> Any:
    """A span for a synthetic clause (it points nowhere real: these reports are not for checking)."""
    from gwr._model._records import Span

    return Span(source="000", start=0, end=len(text), exact=text, prefix="", suffix="")


def _quantity(key: str | None, text: str) -> Any:
    import attrs

    from gwr import parse_quantities

    found = parse_quantities(text)
    return attrs.evolve(found[0], indicator=key) if found else None


def synthetic_target(key: str | None, text: str, year: int = 2025) -> Any:
    """A :class:`gwr.Target` on ``key`` read from the clause ``text`` (its first quantity)."""
    from gwr._model._records import Target

    quantity = _quantity(key, text)
    qualifier = None if quantity is None else quantity.qualifier
    return Target(key=key, year=year, text=text, quantity=quantity, qualifier=qualifier, span=_clause_span(text))


def synthetic_outcome(key: str, text: str, year: int = 2024) -> Any:
    """A :class:`gwr.Outcome` on ``key`` for ``year`` read from the clause ``text``."""
    from gwr._model._records import Outcome

    quantity = _quantity(key, text)
    qualifier = None if quantity is None else quantity.qualifier
    return Outcome(key=key, year=year, text=text, quantity=quantity, qualifier=qualifier, span=_clause_span(text))


def provincial_report(region: str, year: int, targets: Any = (), outcomes: Any = ()) -> Any:
    """A cited provincial :class:`gwr.Report` of ``region`` (an ISO code) with the given items."""
    from gwr._model._records import Report

    return Report(
        id=f"provincial-{year}-{region}",
        kind="provincial",
        year=year,
        title="政府工作报告",
        date=f"{year}-01-15",
        meeting="",
        speaker="",
        completeness="cited",
        witnesses=(),
        targets=tuple(targets),
        outcomes=tuple(outcomes),
        region=region,
    )


def add_reports(folder: Path, reports: Any, *, without_cited: bool = False) -> list[str]:
    """Write ``reports`` into the data folder ``folder`` (a copy of the package's) and its manifest,
    with their digests; ``without_cited`` first takes the cited reports out of the manifest."""
    from gwr._data._converter import converter

    manifest = json.loads((folder / "manifest.json").read_bytes())
    if without_cited:
        cited = {s["id"] for s in manifest["sources"] if not s.get("bundled", True)}
        kept = []
        for entry in manifest["reports"]:
            report = json.loads((folder / entry["file"]).read_bytes())
            if set(report["witnesses"]) & cited and report["completeness"] == "cited":
                manifest["files"].pop(entry["file"], None)
                (folder / entry["file"]).unlink()
            else:
                kept.append(entry)
        manifest["reports"] = kept
    ids = []
    for report in reports:
        name = f"reports/{report.id}.json"
        content = _dump(converter.unstructure(report))
        (folder / name).write_bytes(content)
        entry = {"id": report.id, "kind": report.kind, "year": report.year, "file": name}
        if report.region is not None:
            entry["region"] = report.region
        manifest["reports"] = [e for e in manifest["reports"] if e["id"] != report.id] + [entry]
        manifest.setdefault("files", {})[name] = hashlib.sha256(content).hexdigest()
        ids.append(report.id)
    (folder / "manifest.json").write_bytes(_dump(manifest))
    return ids
