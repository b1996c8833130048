"""Reading many texts: throughput with 1 and 2 worker processes, memory over many reads, one big read.

    GWR_CORPUS=../shared/corpus python benchmarks/bench_bulk.py [--reads N] [--big-mb M]

Three measurements, each in a fresh process so that one does not inherit another's memory:

- **workers**: every national text of the corpus read with :func:`gwr.read` through a
  ``ProcessPoolExecutor`` of 1 and of 2 workers (the recipe of docs/performance.md); characters
  per second (wall clock, the pool's start included) and the peak resident memory of a worker.
  Goal (issue 19): 2 workers at least 1.6x one.
- **loop**: the national texts read in a loop, ``--reads`` reads after a warm-up round, each
  report dropped before the next; the growth of the resident memory over those reads. Goal:
  under 40 MB over 250 reads.
- **big**: one read of a text of about ``--big-mb`` MB of UTF-8 (the national texts one after
  another); the peak resident memory the read added, against the text's UTF-8 size. Goal: at
  most 10x.

Peak memory is the process's ``ru_maxrss`` (Linux: KiB); growth is the resident set read from
``/proc/self/statm`` before and after.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench_read import corpus_root  # the same corpus folder as the reader's benchmark

MIB = 1024 * 1024


def national_files(root: Path) -> list[tuple[int, Path]]:
    entries = json.loads((root / "corpus.json").read_text(encoding="utf-8"))
    return [(int(e["year"]), root / e["file"]) for e in entries if e["kind"] == "national"]


def resident() -> int:
    """The resident set of this process, in bytes."""
    with open("/proc/self/statm") as file:
        pages = int(file.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")


def peak() -> int:
    """The peak resident set of this process so far, in bytes."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _read_one(job: tuple[int, str]) -> tuple[int, int, int]:
    """Read one file in a worker: (characters read, targets found, the worker's peak memory)."""
    import gwr

    year, path = job
    text = Path(path).read_text(encoding="utf-8")
    report = gwr.read(text, year=year)
    return len(text), len(report.targets), peak()


def workers(root: Path, count: int) -> dict[str, float]:
    jobs = [(year, str(path)) for year, path in national_files(root)]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=count) as pool:
        results = list(pool.map(_read_one, jobs))
    seconds = time.perf_counter() - started
    chars = sum(r[0] for r in results)
    return {
        "workers": count,
        "texts": len(results),
        "chars": chars,
        "seconds": seconds,
        "chars_per_second": chars / seconds,
        "worker_peak_mib": max(r[2] for r in results) / MIB,
    }


def loop(root: Path, reads: int) -> dict[str, float]:
    import gwr

    texts = [(year, path.read_text(encoding="utf-8")) for year, path in national_files(root)]
    for year, text in texts:  # warm-up: imports, the registry, regex caches
        gwr.read(text, year=year)
    gc.collect()
    before = resident()
    for i in range(reads):
        year, text = texts[i % len(texts)]
        report = gwr.read(text, year=year)
        del report
    gc.collect()
    after = resident()
    return {"reads": reads, "before_mib": before / MIB, "after_mib": after / MIB, "growth_mib": (after - before) / MIB}


def big(root: Path, megabytes: float) -> dict[str, float]:
    import gwr

    pieces = [path.read_text(encoding="utf-8") for _, path in national_files(root)]
    parts: list[str] = []
    size = 0
    while size < megabytes * MIB:
        for piece in pieces:
            parts.append(piece)
            size += len(piece.encode("utf-8"))
            if size >= megabytes * MIB:
                break
    text = "\n".join(parts)
    del parts, pieces
    utf8 = len(text.encode("utf-8"))
    gwr.read("各位代表：\n2024年国内生产总值增长5%。", year=2024)  # imports and the registry, not counted
    gc.collect()
    base = resident()
    started = time.perf_counter()
    report = gwr.read(text, year=2024)
    seconds = time.perf_counter() - started
    added = peak() - base
    return {
        "utf8_mib": utf8 / MIB,
        "chars": len(text),
        "seconds": seconds,
        "peak_added_mib": added / MIB,
        "ratio": added / utf8,
        "measures": sum(1 for _, item in report.iter_items() if type(item).__name__ == "Measure"),
    }


def _in_fresh_process(what: str, argument: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--one", what, argument], check=True, capture_output=True, text=True
    ).stdout
    result: dict[str, float] = json.loads(out)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reads", type=int, default=250, help="reads in the memory loop (default 250)")
    parser.add_argument("--big-mb", type=float, default=20, help="size of the big text in MB of UTF-8 (default 20)")
    parser.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    root = corpus_root()
    if args.one:
        what, argument = args.one
        run = {"workers": lambda: workers(root, int(argument)), "loop": lambda: loop(root, int(argument))}
        run["big"] = lambda: big(root, float(argument))
        print(json.dumps(run[what]()))
        return
    one = _in_fresh_process("workers", "1")
    two = _in_fresh_process("workers", "2")
    print(f"national corpus: {one['texts']:.0f} texts, {one['chars'] / 1e6:.2f} M characters")
    for result in (one, two):
        print(
            f"  {result['workers']:.0f} worker(s): {result['seconds']:.2f} s, "
            f"{result['chars_per_second'] / 1e6:.2f} M chars/s, worker peak {result['worker_peak_mib']:.0f} MiB"
        )
    print(f"  speed-up with 2 workers: {one['seconds'] / two['seconds']:.2f}x (goal: at least 1.6x)")
    looped = _in_fresh_process("loop", str(args.reads))
    print(
        f"{looped['reads']:.0f} further reads in a loop: resident {looped['before_mib']:.0f} -> "
        f"{looped['after_mib']:.0f} MiB, growth {looped['growth_mib']:.1f} MiB (goal: under 40 MB)"
    )
    large = _in_fresh_process("big", str(args.big_mb))
    print(
        f"one read of {large['utf8_mib']:.1f} MiB of UTF-8 ({large['chars'] / 1e6:.1f} M characters): "
        f"{large['seconds']:.1f} s, peak +{large['peak_added_mib']:.0f} MiB = {large['ratio']:.1f}x its size "
        f"(goal: at most 10x)"
    )


if __name__ == "__main__":
    main()
