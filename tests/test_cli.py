"""The command line, tried as a new user would: every command, --json, bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import gwr
from gwr.__main__ import main
from gwr._analysis._table import display_width


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "gwr", *args], capture_output=True, text=True, encoding="utf-8", env=env, check=False
    )


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --------------------------------------------------------------------------------------------
# Through a subprocess, as a user runs it
# --------------------------------------------------------------------------------------------


def test_targets_2025() -> None:
    result = run("targets", "2025")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("gwr-2025: main expected targets (summary text")
    assert "居民消费价格涨幅2%左右" in result.stdout
    # the text column starts at the same display column on every row (Chinese is two wide)
    body = lines[3:]
    starts = {display_width(line[: line.index(t.text)]) for line, t in zip(body, gwr.report(2025).targets, strict=True)}
    assert len(starts) == 1


def test_compare_2024_2025() -> None:
    result = run("compare", "2024", "2025")
    assert result.returncode == 0, result.stderr
    assert "down (-1 pp)" in result.stdout
    assert "at_least → about" in result.stdout
    data = json.loads(run("compare", "2024", "2025", "--json").stdout)
    cpi = next(row for row in data if row["key"] == "cpi_growth")
    assert (cpi["direction"], cpi["delta"], cpi["before_value"], cpi["after_value"]) == ("down", "-1", "3", "2")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("targets", "1970"), 1, "no report 'gwr-1970'"),
        (("targets", "2025", "--kind", "budget"), 2, "invalid choice: 'budget'"),
        (("targets", "abc"), 2, "'abc' is not a year"),
        (("targets", "2024.5"), 2, "is not a year"),
        (("frobnicate",), 2, "invalid choice: 'frobnicate'"),
        ((), 2, "required: COMMAND"),
        (("targets",), 2, "required: year"),
        (("compare", "2024"), 2, "required: b"),
        (("compare", "2024", "2031"), 1, "no report 'gwr-2031'"),
        (("attain", "twenty"), 2, "is not a year"),
        (("attain", "2024", "--outcomes-from", "gwr-2031"), 1, "no report 'gwr-2031'"),
        (("tasks", "1970"), 1, "no report"),
        (("search", ""), 1, "empty"),
        (("search", "新质生产力", "-d", "nope"), 1, "no document or report 'nope'"),
        (("search", "新质生产力", "--context", "x"), 2, "'x' is not a number of characters"),
        (("search", "新质生产力", "--context", "-1"), 2, "'-1' is not a number of characters"),
        (("export", "--json", "--format", "csv"), 2, "--json is --format json"),
        (("indicators", "--bogus"), 2, "unrecognized arguments: --bogus"),
        (("export", "--indicator", "nope"), 1, "no indicator 'nope'"),
        (("series", "gdp growht"), 1, "did you mean"),
        (("export", "--format", "xml"), 2, "invalid choice: 'xml'"),
        (("targets", "2025", "--bogus"), 2, "unrecognized arguments: --bogus"),
    ],
)
def test_bad_input_is_one_clear_line(args: tuple[str, ...], code: int, message: str) -> None:
    result = run(*args)
    assert result.returncode == code, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("gwr: error: ")
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_help_and_version() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("reports", "targets", "compare", "attain", "tasks", "search", "check", "export"):
        assert command in result.stdout
    assert run("--version").stdout.strip() == f"gwr {gwr.__version__}"


def test_console_script() -> None:
    script = shutil.which("gwr", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("the gwr console script is not installed next to this interpreter")
    result = subprocess.run([script, "reports"], capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.returncode == 0, result.stderr
    assert "gwr-2025" in result.stdout


# --------------------------------------------------------------------------------------------
# Through main(), every command
# --------------------------------------------------------------------------------------------


def test_reports(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "reports")
    assert code == 0
    assert out.splitlines()[0].split()[:3] == ["id", "kind", "year"]
    code, out, _ = call(capsys, "reports", "--json")
    assert [r["id"] for r in json.loads(out)] == [r.id for r in gwr.reports()]


def test_targets_by_id_and_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "targets", "2024", "--kind", "plan")
    assert code == 0
    assert out.startswith("plan-2024")
    assert "居民消费价格（CPI）涨幅3%左右" in out
    code, out, _ = call(capsys, "targets", "plan-2024", "--json")
    assert [t["key"] for t in json.loads(out)] == [t.key for t in gwr.report("plan-2024").targets]


def test_attain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "attain", "2024")
    assert code == 0
    assert out.startswith("gwr-2024: targets for 2024 against outcomes")
    code, out, _ = call(capsys, "attain", "2024", "--json")
    rows = json.loads(out)
    statuses = {r["key"]: r["status"] for r in rows}
    assert (statuses["household_income_growth"], statuses["balance_of_payments"]) == ("met", "qualitative")
    code, out, _ = call(capsys, "attain", "2024", "--outcomes-from", "plan")
    assert code == 0


def test_tasks(capsys: pytest.CaptureFixture[str]) -> None:
    report = gwr.report(2024)
    code, out, _ = call(capsys, "tasks", "2024", "--json")
    assert code == 0
    assert [t["number"] for t in json.loads(out)] == [t.number for t in report.tasks]
    code, out, _ = call(capsys, "tasks", "2024", "--subtasks")
    assert code == 0
    if not report.tasks:
        assert "no tasks" in out
        return
    assert report.tasks[0].title in out
    if report.tasks[0].subtasks:
        assert "1.1" in out


def test_search_and_count(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "search", "人工智能+", "-d", "gwr-2024-full")
    assert code == 0
    assert out.startswith("'人工智能+': 1 hit")
    code, out, _ = call(capsys, "search", "人工智能+", "--json")
    assert {h["exact"] for h in json.loads(out)} <= {"人工智能+", "人工智能＋"}
    code, out, _ = call(capsys, "search", "新质生产力", "--count", "--json")
    counts = {row["document"]: row["count"] for row in json.loads(out)}
    assert counts == {row.document: row.count for row in gwr.count("新质生产力")}
    code, out, _ = call(capsys, "search", "这个短语不在任何文件里")
    assert code == 0
    assert "0 hits" in out


def test_series(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "series", "CPI growth")
    assert code == 0
    assert out.startswith("cpi_growth: values by year")
    code, out, _ = call(capsys, "series", "cpi_growth", "--json")
    assert {p["report"] for p in json.loads(out)} >= {"gwr-2024", "gwr-2025"}


def test_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "check")
    assert code == 0
    assert out.startswith("ok")
    code, out, _ = call(capsys, "check", "--json")
    assert json.loads(out)["ok"] is True


def test_check_failure_exits_non_zero(capsys: pytest.CaptureFixture[str], data_copy: Path) -> None:
    target = data_copy / "reports" / "gwr-2025.json"
    target.write_text(target.read_text(encoding="utf-8").replace("2%左右", "9%左右"), encoding="utf-8")
    code, out, err = call(capsys, "check", "--path", str(data_copy))
    assert code == 1
    assert out.strip()
    assert err.count("\n") == 1
    assert err.startswith("gwr: error: check found")


def test_export_csv_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = call(capsys, "export")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(gwr.series())
    cpi = [r for r in rows if r["key"] == "cpi_growth" and r["role"] == "target" and r["report"] == "gwr-2025"]
    assert [(r["year"], r["value"], r["text"], r["source"]) for r in cpi] == [
        ("2025", "2", "居民消费价格涨幅2%左右", "000")
    ]
    code, out, _ = call(capsys, "export", "--format", "json", "--indicator", "gdp_growth")
    data = json.loads(out)
    assert {r["key"] for r in data} == {"gdp_growth"}
    assert json.loads(call(capsys, "export", "--json", "--indicator", "gdp_growth")[1]) == data
    path = tmp_path / "all.csv"
    code, out, _ = call(capsys, "export", "--output", str(path))
    assert code == 0
    assert str(path) in out
    assert "byte order mark" in out
    assert path.read_bytes().startswith(b"\xef\xbb\xbfkey,year,value")
    path = tmp_path / "all.json"
    code, out, _ = call(capsys, "export", "--format", "json", "--output", str(path))
    assert code == 0
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(call(capsys, "export", "--format", "json")[1])
    code, _, err = call(capsys, "export", "--output", str(tmp_path / "missing" / "x.csv"))
    assert code == 1
    assert err.startswith("gwr: error: cannot write")


def test_main_returns_usage_status(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = call(capsys, "targets", "abc")
    assert (code, out) == (2, "")
    assert err.startswith("gwr: error: argument year:")
    code, out, _ = call(capsys, "--help")
    assert code == 0
    assert "usage: gwr" in out


# --------------------------------------------------------------------------------------------
# indicators, CSV for spreadsheets, failed writes, usage errors, wording
# --------------------------------------------------------------------------------------------


def test_indicators(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "indicators")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{len(gwr.indicators())} indicators")
    assert lines[1].split() == ["key", "name_zh", "name_en", "unit", "reading"]
    assert any(line.split()[:3] == ["cpi_growth", "居民消费价格涨幅", "CPI"] for line in lines)
    code, out, _ = call(capsys, "indicators", "--json")
    data = json.loads(out)
    assert [d["key"] for d in data] == [i.key for i in gwr.indicators()]
    assert {d["key"]: d["reading"] for d in data}["cpi_growth"] == "ceiling"


def test_targets_table_writes_large_numbers_readably_and_json_exactly(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = call(capsys, "targets", "2025")
    grain = next(line for line in out.splitlines() if line.startswith("grain_output"))
    assert grain.split()[:2] == ["grain_output", "1.4万亿斤"]  # 粮食产量1.4万亿斤左右
    jobs = next(line for line in out.splitlines() if line.startswith("urban_new_jobs"))
    assert jobs.split()[1] == "1200万人"  # 城镇新增就业1200万人以上
    _, out, _ = call(capsys, "targets", "2025", "--json")
    record = next(r for r in json.loads(out) if r["key"] == "grain_output")
    assert (record["value"], record["unit"]) == ("1400000000000", "jin")


def test_csv_redirected_to_a_file_has_a_bom_and_a_pipe_none(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    path = tmp_path / "redirected.csv"
    with path.open("wb") as file:
        subprocess.run(
            [sys.executable, "-m", "gwr", "export", "--indicator", "cpi_growth"], stdout=file, env=env, check=True
        )
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfkey,")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert ("2025", "居民消费价格涨幅2%左右") in {(r["year"], r["text"]) for r in rows}
    piped = run("export", "--indicator", "cpi_growth")
    assert piped.stdout.startswith("key,")
    json_file = tmp_path / "redirected.json"
    with json_file.open("wb") as file:
        subprocess.run([sys.executable, "-m", "gwr", "export", "--format", "json"], stdout=file, env=env, check=True)
    assert json_file.read_bytes().startswith(b"[")  # JSON never gets a mark


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", [("targets", "2025"), ("export",), ("search", "消费")])
def test_a_full_disk_ends_in_one_line(args: tuple[str, ...]) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "gwr", *args], stdout=full, stderr=subprocess.PIPE, env=env, check=False
        )
    err = result.stderr.decode("utf-8")
    assert result.returncode == 1
    assert err.splitlines() == ["gwr: error: cannot write the output: No space left on device"], err
    written = run("export", "--output", "/dev/full")
    assert written.returncode == 1
    assert written.stderr.splitlines() == ["gwr: error: cannot write /dev/full: No space left on device"]


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell pipe")
@pytest.mark.parametrize("command", ["export", "search 消费", "series gdp_growth", "targets 2025"])
def test_a_closed_pipe_ends_quietly(command: str) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        f"{sys.executable} -m gwr {command} | head -1; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1
    assert result.returncode == 0


COMMANDS = [
    "reports",
    "targets 2025",
    "compare 2024 2025",
    "attain 2024",
    "tasks 2024",
    "search 消费",
    "series cpi_growth",
]
COMMANDS += ["indicators", "check", "export"]


@pytest.mark.parametrize("command", COMMANDS)
def test_usage_errors_exit_2_everywhere(command: str) -> None:
    result = run(*command.split(), "--no-such-option")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("gwr: error: unrecognized arguments: --no-such-option")
    assert result.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        ("search", "x", "--context", "many"),
        ("targets", "twenty"),
        ("export", "--output", "/no/such/folder/x.csv"),
        ("targets", "2025", "--kind", "budget"),
        ("compare", "2024", "x-1"),
        ("series", "nope"),
    ],
)
def test_errors_speak_no_python(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode in (1, 2)
    [line] = result.stderr.splitlines()
    for word in ("Traceback", "Errno", " int ", " str ", "NoneType", "_year_or_id", "Error:", "exception"):
        assert word not in line, line
