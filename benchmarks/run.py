"""How fast gwr imports and loads, and how big it ships, side by side with ``json.loads`` and pycountry.

Run from the repository root, with gwr installed (``pip install -e .``) or ``PYTHONPATH=src``,
and pycountry installed for the comparison (``pip install pycountry``; without it the table says
so and that ratio is not measured)::

    python benchmarks/run.py            # 15 runs, a table of medians and the goals
    python benchmarks/run.py --runs 31  # more runs, steadier medians
    python benchmarks/run.py --markdown # the table as Markdown (for docs/performance.md)

gwr's bytecode is written first (``compileall``), as ``pip install`` does. Every figure is
measured in fresh interpreters (one subprocess per measurement and run; the runs
of all measurements are interleaved so that a noisy moment hits them all alike) and the median is
reported. The measures run on whatever the data folder holds (every report listed in its
manifest, cited ones included). Timings are reported, never asserted: this is not part of the
test run.

The goals (issue 16):

- a cold ``import gwr`` + one target lookup costs at most 1.0 x pycountry's cold import + one
  lookup;
- loading everything (every report, source, indicator, theme and variant) takes at most
  1.0 x ``json.loads`` of the same bytes (0.7 x is the aim; parsed into memory and kept, as a
  load keeps its records);
- one report loads without parsing the others (the files opened are listed), and its first load
  stays flat as the dataset grows (synthetic folders of ``--scale`` reports, made by
  ``tests/synthetic.py``; "flat" here: the report's own share, its load from a fresh database
  less the manifest's, within 1.5 x from the smallest folder to the largest; the manifest, which
  lists every report, is shown apart, and so is the first load in a fresh interpreter);
- the wheel is small (``pip wheel . --no-deps``; its size, and the data's share of it);
- ``import gwr`` adds at most 30 ms to a bare interpreter (issue 8).
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent

# Each child prints one JSON object of timings (seconds). The in-process timings use
# time.perf_counter around exactly the statements measured; "time" is already imported at
# interpreter startup, so importing it costs nothing.
TIMED = "import time; t0 = time.perf_counter(); {code}; t1 = time.perf_counter(); print(t1 - t0)"

CHILD_LOADS = r"""
import json, os, statistics, time
import gwr
from gwr._data import _db

db = _db.default()
folder = db._folder
manifest_bytes = open(os.path.join(folder, "manifest.json"), "rb").read()
names = ["manifest.json", "indicators.json", "themes.json"]
report_ids = [e["id"] for e in json.loads(manifest_bytes)["reports"]]
names += [e["file"] for e in json.loads(manifest_bytes)["reports"]]
variants = [f"variants/{i}.json" for i in report_ids if os.path.exists(os.path.join(folder, "variants", f"{i}.json"))]
names += variants
blobs = [open(os.path.join(folder, *n.split("/")), "rb").read() for n in names]

def parse_json():  # keeps what it parsed, as a load keeps its records
    return [json.loads(blob) for blob in blobs]

def load_all(database):  # imports what it needs: the first call pays for attrs and the records
    for report_id in database.report_ids():
        database.report(report_id)
    if variants:  # the variants between witnesses, where this version of gwr has them
        from gwr._data import _variants
        for report_id in database.report_ids():
            _variants.load(database, report_id)
    database.sources(); database.indicators(); database.themes()

out = {"bytes": sum(map(len, blobs)), "files": len(blobs)}
t = time.perf_counter(); parse_json(); out["json_first"] = time.perf_counter() - t
t = time.perf_counter(); load_all(db)
out["load_all_first"] = time.perf_counter() - t
gwr_times, json_times = [], []
for _ in range(REPEAT):
    fresh = _db.Database(folder)
    t = time.perf_counter(); load_all(fresh); gwr_times.append(time.perf_counter() - t)
    t = time.perf_counter(); parse_json(); json_times.append(time.perf_counter() - t)
out["load_all_steady"] = statistics.median(gwr_times)
out["json_steady"] = statistics.median(json_times)
print(json.dumps(out))
"""

CHILD_ONE = r"""
import json, time
import gwr
t = time.perf_counter(); gwr.Report; t_model = time.perf_counter() - t
t = time.perf_counter(); gwr.report(2025); t_one = time.perf_counter() - t
t = time.perf_counter(); gwr.report(2024); t_second = time.perf_counter() - t
print(json.dumps({"model_import": t_model, "one_first": t_one, "one_second": t_second}))
"""

CHILD_PROOF = r"""
import json, sys
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], str) and args[0].endswith((".json", ".txt")):
        opened.append(args[0])
sys.addaudithook(hook)
import gwr
gwr.report(2025).target("cpi_growth")
from gwr._data import _db
root = _db.default()._folder or ""
print(json.dumps({
    "opened": [p.replace(root, "data") for p in opened],
    "reports_parsed": sorted(_db.default()._reports),
    "reports_listed": _db.default().report_ids(),
    "modules": sorted(m for m in ("attrs", "msgspec", "cattrs", "json") if m in sys.modules),
}))
"""

# The first load of one report from a synthetic folder, code imported first (so that only the
# data's share is timed); then, median of 9, the same report from a fresh Database each time
# (decoder made), and the manifest alone (which lists every report, so it grows with the count).
CHILD_SCALE = r"""
import json, statistics, time
import gwr._model._records, msgspec.json
from gwr._data._db import Database
t = time.perf_counter(); Database(FOLDER).report(WANTED); first = time.perf_counter() - t
def median(function):
    times = []
    for _ in range(9):
        t = time.perf_counter(); function(); times.append(time.perf_counter() - t)
    return statistics.median(times)
again = median(lambda: Database(FOLDER).report(WANTED))
manifest = median(lambda: Database(FOLDER).manifest)
print(json.dumps({"scale_first_COUNT": first, "scale_again_COUNT": again, "scale_manifest_COUNT": manifest}))
"""

CHILD_WARM = r"""
import json, statistics, time
import gwr
gwr.report(2025).target("cpi_growth")
def per_call(function, n):
    times = []
    for _ in range(7):
        t = time.perf_counter()
        for _ in range(n):
            function()
        times.append((time.perf_counter() - t) / n)
    return statistics.median(times)
out = {"lookup_warm": per_call(lambda: gwr.report(2025).target("cpi_growth"), 2000)}
compare = getattr(gwr, "compare", None)
if compare is not None:
    t = time.perf_counter(); compare(2024, 2025); out["compare_first"] = time.perf_counter() - t
    out["compare_warm"] = per_call(lambda: compare(2024, 2025), 200)
print(json.dumps(out))
"""

CHILD_COMPARE_COLD = r"""
import json, time
import gwr
t = time.perf_counter()
compare = getattr(gwr, "compare", None)
if compare is not None:
    compare(2024, 2025)
print(json.dumps({"compare_cold": time.perf_counter() - t} if compare is not None else {}))
"""


def run(code: str) -> tuple[float, str]:
    """Run ``python -c code`` in a fresh interpreter: (wall-clock seconds, what it printed)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{code}\n{done.stderr}")
    return wall, done.stdout


def compile_gwr() -> None:
    """Write gwr's bytecode, as ``pip install`` does, even where PYTHONDONTWRITEBYTECODE is set.

    Without it an editable or source checkout compiles every module of gwr at every start, while
    attrs, pycountry and the standard library load theirs from ``__pycache__``.
    """
    spec = importlib.util.find_spec("gwr")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("gwr is not installed: pip install -e .")
    for folder in spec.submodule_search_locations:
        compileall.compile_dir(folder, quiet=1)


def has_pycountry() -> bool:
    return subprocess.run([sys.executable, "-c", "import pycountry"], capture_output=True).returncode == 0


def wheel_size() -> dict[str, Any]:
    """Build the wheel (``pip wheel . --no-deps``) and measure it: bytes in all and by folder."""
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--quiet", "-w", tmp],
            capture_output=True,
            text=True,
        )
        wheels = list(Path(tmp).glob("*.whl"))
        if done.returncode != 0 or not wheels:
            return {"error": done.stderr.strip().splitlines()[-1:] or ["no wheel built"]}
        parts: dict[str, int] = {}
        with zipfile.ZipFile(wheels[0]) as wheel:
            for info in wheel.infolist():
                name = info.filename
                if name.startswith("gwr/data/"):
                    part = "/".join(name.split("/")[:3]) + ("/" if name.count("/") > 2 else "")
                else:
                    part = "code and metadata"
                parts[part] = parts.get(part, 0) + info.compress_size
        return {"name": wheels[0].name, "bytes": wheels[0].stat().st_size, "parts": parts}


def scale_folders(counts: list[int], tmp: Path) -> dict[int, tuple[str, str]]:
    """Synthetic data folders of ``counts`` reports: each count's folder and the report to load.

    The same seed makes the first reports of every folder alike, so the report loaded (the 51st,
    or the last of a smaller folder) is the same in each folder that has it.
    """
    sys.path.insert(0, str(REPO / "tests"))
    import synthetic

    folders = {}
    for count in counts:
        folder = tmp / f"scale-{count}"
        ids = synthetic.make_data_folder(folder, count)
        folders[count] = (str(folder), ids[min(50, count - 1)])
    return folders


def measure(runs: int, repeat: int, scale: list[int]) -> dict[str, Any]:
    """Every measurement, ``runs`` times each, interleaved; the lists of samples by name."""
    samples: dict[str, list[float]] = {}

    def add(name: str, value: float) -> None:
        samples.setdefault(name, []).append(value)

    compile_gwr()
    pycountry = has_pycountry()
    if not pycountry:
        print("pycountry is NOT installed: the gwr ÷ pycountry ratio will not be measured", file=sys.stderr)
    tmp = tempfile.TemporaryDirectory()
    folders = scale_folders(scale, Path(tmp.name))
    timed: dict[str, str] = {
        "bare": "pass",
        "import_gwr": "import gwr",
        "cold_lookup": "import gwr; gwr.report(2025).target('cpi_growth')",
    }
    if pycountry:
        timed["pycountry"] = "import pycountry; pycountry.countries.get(alpha_2='CN')"
    steps: list[tuple[str, Callable[[], None]]] = []
    for name, code in timed.items():

        def step(name: str = name, code: str = code) -> None:
            wall, printed = run(TIMED.format(code=code))
            add(f"{name}_wall", wall)
            add(f"{name}_in", float(printed))

        steps.append((name, step))

    def json_step(code: str) -> Callable[[], None]:
        def step() -> None:
            for key, value in json.loads(run(code)[1]).items():
                add(key, value)

        return step

    steps.append(("loads", json_step(CHILD_LOADS.replace("REPEAT", str(repeat)))))
    steps.append(("one", json_step(CHILD_ONE)))
    steps.append(("warm", json_step(CHILD_WARM)))
    steps.append(("compare_cold", json_step(CHILD_COMPARE_COLD)))
    for count, (folder, wanted) in folders.items():
        code = CHILD_SCALE.replace("FOLDER", repr(folder)).replace("WANTED", repr(wanted))
        steps.append((f"scale_{count}", json_step(code.replace("COUNT", str(count)))))
    for _name, step in steps:  # one untimed round first: warm the OS file cache and .pyc files
        step()
    samples.clear()
    for index in range(runs):
        print(f"\rrun {index + 1}/{runs}", end="", file=sys.stderr, flush=True)
        for _name, step in steps if index % 2 == 0 else reversed(steps):
            step()
    print(file=sys.stderr)
    proof = json.loads(run(CHILD_PROOF)[1])
    tmp.cleanup()
    return {"samples": samples, "proof": proof, "pycountry": pycountry, "scale": scale, "wheel": wheel_size()}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if abs(seconds) >= 0.001 else f"{seconds * 1e6:.1f} µs"


def report(result: dict[str, Any], markdown: bool) -> str:
    samples: dict[str, list[float]] = result["samples"]
    med = {name: statistics.median(values) for name, values in samples.items()}
    rows: list[tuple[str, str, str]] = []

    def row(what: str, value: str, goal: str = "") -> None:
        rows.append((what, value, goal))

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    # 1. cold import + one lookup, against pycountry
    row("cold `import gwr` + `gwr.report(2025).target('cpi_growth')` (in process)", ms(med["cold_lookup_in"]))
    if result["pycountry"]:
        row("cold `import pycountry` + `countries.get(alpha_2='CN')` (in process)", ms(med["pycountry_in"]))
        ratio = med["cold_lookup_in"] / med["pycountry_in"]
        row(
            "**gwr ÷ pycountry, cold import + one lookup** (in process)",
            f"**{ratio:.2f}×**",
            f"≤ 1.0×: {verdict(ratio <= 1.0)}",
        )
        ratio_wall = (med["cold_lookup_wall"] - med["bare_wall"]) / (med["pycountry_wall"] - med["bare_wall"])
        row("gwr ÷ pycountry, the same as whole processes less a bare start (wall)", f"{ratio_wall:.2f}×", "")
    else:
        row("gwr ÷ pycountry", "NOT MEASURED: pycountry is not installed (`pip install pycountry`)", "≤ 1.0×: unknown")
    row(
        "of which: `import gwr` (in process)",
        ms(med["import_gwr_in"]),
        f"≤ 30 ms: {verdict(med['import_gwr_in'] <= 0.030)}",
    )
    row("of which: first use of a record class (`gwr.Report`: attrs, the records)", ms(med["model_import"]))
    row("of which: first load of one report (`gwr.report(2025)`: msgspec, the decoder, the file)", ms(med["one_first"]))
    row("first load of a second report (`gwr.report(2024)`)", ms(med["one_second"]))
    row("target lookup, warm (`gwr.report(2025).target('cpi_growth')`)", ms(med["lookup_warm"]))
    added_wall = med["import_gwr_wall"] - med["bare_wall"]
    row(
        "`import gwr` adds to a bare interpreter (wall difference)",
        ms(added_wall),
        f"≤ 30 ms: {verdict(added_wall <= 0.030)}",
    )

    # 2. loading everything, against json.loads of the same bytes
    size = f"{samples['bytes'][0] / 2**20:.2f} MiB in {int(samples['files'][0])} files"
    row(f"`json.loads` of every data file ({size}), steady", ms(med["json_steady"]))
    row("load everything into a fresh `Database`, steady (code imported; files read too)", ms(med["load_all_steady"]))
    steady = med["load_all_steady"] / med["json_steady"]
    row(
        "**load everything ÷ `json.loads` of the same bytes**, steady",
        f"**{steady:.2f}×**",
        f"≤ 1.0×: {verdict(steady <= 1.0)}; 0.7× aim: {verdict(steady <= 0.7)}",
    )
    first = med["load_all_first"] / med["json_first"]
    row("load everything, first in a process (after `import gwr`)", ms(med["load_all_first"]))
    row("load everything ÷ `json.loads`, first in a process", f"{first:.2f}×", "(one-time imports included)")

    # 3. one report: only its file, and flat as the dataset grows
    proof = result["proof"]
    opened = ", ".join(os.path.basename(p) for p in proof["opened"])
    only = proof["reports_parsed"] == ["gwr-2025"] and len(proof["opened"]) == 2
    row(
        "files opened by `import gwr; gwr.report(2025).target(...)`",
        f"{opened} ({len(proof['reports_listed'])} reports listed; modules: {', '.join(proof['modules'])})",
        f"only that report's file: {verdict(only)}",
    )
    scale = result["scale"]
    for count in scale:
        again, manifest = med[f"scale_again_{count}"], med[f"scale_manifest_{count}"]
        row(
            f"one report from a folder of {count} synthetic reports: first load in a fresh interpreter "
            "(code imported) / from a fresh `Database` (decoder made) / of which the manifest",
            f"{ms(med[f'scale_first_{count}'])} / {ms(again)} / {ms(manifest)}",
        )
    if len(scale) > 1:
        low, high = scale[0], scale[-1]
        own = (med[f"scale_again_{high}"] - med[f"scale_manifest_{high}"]) / (
            med[f"scale_again_{low}"] - med[f"scale_manifest_{low}"]
        )
        row(
            f"one report's own share (fresh `Database` less the manifest), {high} ÷ {low} reports",
            f"{own:.2f}×",
            f"flat (≤ 1.5×): {verdict(own <= 1.5)}",
        )
        total = med[f"scale_again_{high}"] / med[f"scale_again_{low}"]
        first = med[f"scale_first_{high}"] / med[f"scale_first_{low}"]
        row(
            f"one report's load with the manifest, {high} ÷ {low} reports: fresh `Database` / first in a process",
            f"{total:.2f}× / {first:.2f}×",
            "(the manifest lists every report)",
        )

    # 4. the wheel
    wheel = result["wheel"]
    if "error" in wheel:
        row("wheel (`pip wheel . --no-deps`)", f"NOT BUILT: {' '.join(wheel['error'])}")
    else:
        parts = ", ".join(f"{name} {size / 1024:.0f} KiB" for name, size in sorted(wheel["parts"].items()))
        row(f"wheel `{wheel['name']}`", f"{wheel['bytes'] / 1024:.0f} KiB", "small")
        row("wheel contents, compressed", parts)

    if "compare_first" in med:
        row(
            "`gwr.compare(2024, 2025)`: first call after `import gwr` / after loading 2025 / warm",
            f"{ms(med['compare_cold'])} / {ms(med['compare_first'])} / {ms(med['compare_warm'])}",
        )
    runs = len(samples["bare_wall"])
    title = (
        f"gwr load benchmark: medians of {runs} runs in fresh interpreters; Python {platform.python_version()} "
        f"on {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs"
    )
    if markdown:
        lines = [title, "", "| measure | median | goal |", "| --- | --- | --- |"]
        lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
        return "\n".join(lines)
    width = max(len(a) for a, _, _ in rows)
    value_width = max(len(b) for _, b, _ in rows if len(b) < 40)
    lines = [title, ""] + [f"{a:<{width}}  {b:>{value_width}}  {c}".rstrip() for a, b, c in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="fresh interpreters per measurement (default 15)")
    parser.add_argument("--repeat", type=int, default=20, help="steady-state loads per interpreter (default 20)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--json", metavar="FILE", help="also write every sample to FILE")
    parser.add_argument(
        "--scale", type=int, nargs="+", default=[60, 300, 1000], help="synthetic report counts (default 60 300 1000)"
    )
    args = parser.parse_args()
    result = measure(args.runs, args.repeat, sorted(args.scale))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as file:
            json.dump(result, file, indent=1)
    print(report(result, args.markdown))


if __name__ == "__main__":
    main()
