"""Every example in the docs and the README runs, and prints what it shows.

- ```` ```python ```` blocks with ``>>>`` prompts run as doctests, one session per page (a page's
  blocks share their names, in order); other ```` ```python ```` blocks are executed;
- ```` ```console ```` blocks hold ``$ python -m gwr ...`` commands, each followed by its output:
  each command runs in a subprocess and its output is compared (``...`` matches anything);
- ``python -m gwr`` anywhere else in a code block is an error: an example that is not run is an
  example that can go wrong.

The guide to adding a report (docs/new-report.md) is proved here too: its files are taken from
the page, built into a small checkout and into a copy of the repository, and checked.
"""

from __future__ import annotations

import doctest
import hashlib
import inspect
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import gwr
from gwr._data import _db

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GUIDE = DOCS / "new-report.md"
PAGES = [*sorted(DOCS.glob("*.md")), ROOT / "README.md"]
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
_OPTION = re.compile(r"^:(?P<name>[\w-]+):\s*(?P<value>.*)$")


@attrs.frozen
class Block:
    """One fenced code block of a page: its language, options, body and where it starts."""

    path: Path
    line: int  # 1-based line number of the first line of the body
    language: str
    options: dict[str, str]
    body: str

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def blocks(path: Path) -> Iterator[Block]:
    """The fenced code blocks of a Markdown page (MyST ``{code-block}`` directives included)."""
    return blocks_of(path.read_text(encoding="utf-8"), path)


def blocks_of(text: str, path: Path) -> Iterator[Block]:
    """The fenced code blocks of the Markdown ``text`` of the page ``path``."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match:
            i += 1
            continue
        indent, fence, info = match["indent"], match["fence"], match["info"].strip()
        body: list[str] = []
        j = i + 1
        while j < len(lines):
            stripped = lines[j].strip()
            if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                break
            body.append(lines[j][len(indent) :] if lines[j].startswith(indent) else lines[j].lstrip())
            j += 1
        language = info
        options: dict[str, str] = {}
        start = i + 2
        directive = re.match(r"^\{([\w-]+)\}\s*(.*)$", info)
        if directive:
            language = directive[2].strip() if directive[1] in ("code-block", "code", "sourcecode") else directive[1]
            while body and (option := _OPTION.match(body[0])):
                options[option["name"]] = option["value"]
                body.pop(0)
                start += 1
            if body and not body[0].strip():
                body.pop(0)
                start += 1
        yield Block(path, start, language.split()[0] if language else "", options, "\n".join(body) + "\n")
        i = j + 1


def _page_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _python_blocks(path: Path) -> list[Block]:
    return [b for b in blocks(path) if b.language in ("python", "py", "pycon")]


def _console_blocks(path: Path) -> list[Block]:
    return [b for b in blocks(path) if b.language in ("console", "shell-session")]


# --------------------------------------------------------------------------------------------
# Running examples


def run_python(path: Path, globs: dict[str, object] | None = None) -> tuple[int, int, str]:
    """Run the Python blocks of a page as one session; return (attempted, failed, report)."""
    globs = {} if globs is None else globs
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    out = io.StringIO()
    attempted = errors = 0
    for block in _python_blocks(path):
        if ">>>" in block.body:
            test = parser.get_doctest(block.body, globs, block.where, str(path), block.line - 1)
            runner.run(test, out=out.write, clear_globs=False)
            globs.update(test.globs)  # a DocTest works on a copy: carry its names to the next block
            attempted += len(test.examples)
        else:
            attempted += 1
            try:
                exec(compile(block.body, block.where, "exec"), globs)
            except Exception as error:
                out.write(f"{block.where}: {type(error).__name__}: {error}\n")
                errors += 1
    failed = runner.summarize(verbose=False).failed + errors
    return attempted, failed, out.getvalue()


@attrs.frozen
class Command:
    block: Block
    line: int
    command: str
    expected: str


def commands(block: Block) -> list[Command]:
    """The ``$ command`` lines of a console block, each with the output shown after it."""
    result: list[Command] = []
    current: tuple[int, str, list[str]] | None = None
    for offset, line in enumerate(block.body.splitlines()):
        if line.startswith("$ "):
            if current:
                result.append(Command(block, current[0], current[1], "\n".join(current[2])))
            current = (block.line + offset, line[2:].strip(), [])
        elif current is not None:
            current[2].append(line)
        elif line.strip():
            raise AssertionError(f"{block.where}: console output before any '$ ' command: {line!r}")
    if current:
        result.append(Command(block, current[0], current[1], "\n".join(current[2])))
    return result


def run_command(command: Command, cwd: Path = ROOT) -> str | None:
    """Run one command; return a description of the mismatch, or None if its output is as shown."""
    argv = shlex.split(command.command)
    if argv[:2] != ["python", "-m"] or not (argv[2] == "gwr" or argv[2].startswith("gwr.")):
        return f"{command.block.path.name}:{command.line}: only 'python -m gwr' commands may be shown, not {argv!r}"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "120"}
    completed = subprocess.run(
        [sys.executable, *argv[1:]], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300
    )
    got = completed.stdout + completed.stderr
    expected = command.expected.rstrip("\n") + "\n"
    checker = doctest.OutputChecker()
    if not checker.check_output(expected, got.rstrip("\n") + "\n", doctest.ELLIPSIS):
        return (
            f"{command.block.path.name}:{command.line}: $ {command.command}\n"
            f"--- expected\n{expected}--- got (exit {completed.returncode})\n{got}"
        )
    error_shown = any(line.startswith("gwr: error:") or "error:" in line for line in expected.splitlines())
    if completed.returncode != 0 and not error_shown:
        return f"{command.block.path.name}:{command.line}: $ {command.command} exited {completed.returncode}\n{got}"
    return None


# --------------------------------------------------------------------------------------------
# The examples of every page


RUN_HERE = [p for p in PAGES if p != GUIDE]


@pytest.mark.parametrize("path", [p for p in RUN_HERE if _python_blocks(p)], ids=_page_id)
def test_python_examples(path: Path) -> None:
    attempted, failed, report = run_python(path)
    assert attempted > 0
    assert failed == 0, f"{failed} examples failed in {_page_id(path)}:\n{report}"


@pytest.mark.parametrize("path", [p for p in RUN_HERE if _console_blocks(p)], ids=_page_id)
def test_console_examples(path: Path) -> None:
    problems = [p for b in _console_blocks(path) for c in commands(b) if (p := run_command(c)) is not None]
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("path", PAGES, ids=_page_id)
def test_no_unrun_examples(path: Path) -> None:
    """``python -m gwr`` only in console blocks (which run), never in a block that is only shown."""
    for block in blocks(path):
        if block.language in ("console", "shell-session", "python", "py", "pycon"):
            continue
        for offset, line in enumerate(block.body.splitlines()):
            assert not re.search(r"\bpython3? -m gwr\b", line), (
                f"{path.name}:{block.line + offset}: put `{line.strip()}` in a ```console block, with its output"
            )
    for block in _console_blocks(path):
        assert commands(block), f"{block.where}: a console block without a '$ ' command"


def test_examples_are_found() -> None:
    """The extractor finds the examples (a broken regex would otherwise pass every test)."""
    doctests = sum(b.body.count(">>>") for p in PAGES for b in _python_blocks(p))
    shown = sum(len(commands(b)) for p in PAGES for b in _console_blocks(p))
    assert doctests >= 50
    assert shown >= 3
    pages = {p.name for p in PAGES}
    assert {"index.md", "quickstart.md", "walkthrough.md", "data.md", "sources.md", "new-report.md"} <= pages


def test_extractor() -> None:
    page = (
        "Text\n\n```python\n>>> 1 + 1\n2\n\n```\n\n- item\n\n  ```python\n  >>> 'x'\n  'x'\n  ```\n\n"
        "```{code-block} toml\n:caption: a/b.toml\n\nkey = 1\n```\n\n````console\n$ python -m gwr reports\nout\n````\n"
    )
    path = ROOT / "docs" / "_example_.md"
    found = list(blocks_of(page, path))
    assert [(b.language, b.line) for b in found] == [("python", 4), ("python", 12), ("toml", 19), ("console", 23)]
    assert found[1].body == ">>> 'x'\n'x'\n"
    assert found[2].options == {"caption": "a/b.toml"}
    assert found[2].body == "key = 1\n"
    [command] = commands(found[3])
    assert (command.command, command.expected, command.line) == ("python -m gwr reports", "out", 23)


# --------------------------------------------------------------------------------------------
# The guide to adding a report, proved
#
# The guide shows files by the path in their caption, relative to the root of the checkout; the
# corpus is at ../shared/corpus beside it (the default place), so that a test puts the guide's
# corpus text into a corpus folder of its own, never into the real one. A caption may end in
# "(append)" (text added to the end of the file) or "(add to the list)" (a JSON object added to
# the JSON list the file holds: an entry of corpus.json).


def guide_files() -> dict[str, str]:
    """The files the guide shows, by the path in their caption (the mode kept in the key)."""
    return {b.options["caption"]: b.body for b in blocks(GUIDE) if "caption" in b.options}


def _guide_file(suffix: str) -> tuple[str, str]:
    matches = [(k, v) for k, v in guide_files().items() if k.split(" ")[0].endswith(suffix)]
    assert len(matches) == 1, f"the guide shows no single file ending in {suffix!r}: {list(guide_files())}"
    return matches[0]


def _add_file(root: Path, caption: str, content: str) -> None:
    """Add the file the guide shows under ``caption`` to the checkout ``root``."""
    relative, _, mode = caption.partition(" ")
    target = (root / relative).resolve()
    assert target.is_relative_to(root.parent.resolve()), f"{caption!r} leaves the test's folder"
    target.parent.mkdir(parents=True, exist_ok=True)
    if mode == "(append)":
        existing = target.read_text(encoding="utf-8") if target.exists() else ""
        target.write_text(existing.rstrip("\n") + "\n\n" + content, encoding="utf-8")
    elif mode == "(add to the list)":
        listed = json.loads(target.read_text(encoding="utf-8")) if target.exists() else []
        assert isinstance(listed, list), f"{relative} holds no JSON list"
        listed.append(json.loads(content))
        target.write_text(json.dumps(listed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        assert not mode, f"unknown caption mode {mode!r} in {caption!r}"
        target.write_bytes(content.encode("utf-8"))


def _add_guide_files(root: Path) -> str:
    """Add all the guide's files to the checkout ``root``; return the bundled report's id."""
    for caption, content in guide_files().items():
        _add_file(root, caption, content)
    [report_id] = [Path(c.split(" ")[0]).stem for c in guide_files() if c.startswith("annotations/reports/")]
    return report_id


def _guide_corpus_entry() -> dict[str, object]:
    """The corpus.json entry the guide adds."""
    _, entry = _guide_file("corpus.json")
    loaded: dict[str, object] = json.loads(entry)
    return loaded


def _corpus_folder(root: Path) -> Path:
    """Where the guide's paths put the corpus of the checkout ``root``: ../shared/corpus."""
    return root.parent / "shared" / "corpus"


def test_guide_shows_every_file() -> None:
    captions = [c.split(" ")[0] for c in guide_files()]
    assert any(c.startswith("src/gwr/data/sources/") for c in captions)
    assert "annotations/sources.toml" in captions
    assert any(c.startswith("annotations/reports/") for c in captions)
    # a text added to the corpus, its entry in corpus.json, and what no rule knows of it
    assert any(c.startswith("../shared/corpus/national/") and c.endswith(".txt") for c in captions)
    assert "../shared/corpus/corpus.json" in captions
    assert any(c.startswith("annotations/cited/") for c in captions)


def test_guide_corpus_entry_matches_its_text() -> None:
    """The sha256 and length the guide lists are those of the text it shows."""
    entry = _guide_corpus_entry()
    caption, text = _guide_file(f"/{entry['file']}")
    assert caption.startswith("../shared/corpus/")
    assert entry["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert entry["chars"] == len(text)


def test_new_report_builds_in_a_small_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A checkout with only the guide's files and the registries, beside a corpus holding only the
    guide's text, builds a bundled report and a cited one, and both check."""
    from gwr.build.generate import generate, write

    root = tmp_path / "checkout"
    (root / "annotations" / "reports").mkdir(parents=True)
    (root / "src" / "gwr" / "data" / "sources").mkdir(parents=True)
    for registry in ("indicators.toml", "themes.toml", "regions.toml"):
        shutil.copy(ROOT / "annotations" / registry, root / "annotations" / registry)
    corpus = _corpus_folder(root)
    corpus.mkdir(parents=True)
    (corpus / "corpus.json").write_text("[]\n", encoding="utf-8")
    monkeypatch.delenv("GWR_CORPUS", raising=False)  # the generator finds the corpus beside the checkout
    report_id = _add_guide_files(root)
    entry = _guide_corpus_entry()
    cited_id = f"gwr-{entry['year']}"

    written = write(root, generate(root))
    assert f"reports/{report_id}.json" in written
    assert f"reports/{cited_id}.json" in written  # adding the text was all it took

    data = root / "src" / "gwr" / "data"
    result = gwr.check(data, corpus=corpus)
    assert result.ok, str(result)
    assert (result.counts["reports"], result.unverified) == (2, ())
    without = gwr.check(data)  # the cited text is not at hand: listed, never counted as verified
    assert without.ok, str(without)
    assert (without.counts["reports"], without.unverified) == (1, (cited_id,))

    db = _db.Database(data)
    report = db.report(report_id)
    assert report.id == report_id
    assert report.targets, "the guide's report has no targets"
    _, source_text = _guide_file("_example.txt")
    for target in report.targets:
        assert target.span.source == report.witnesses[0]
        assert target.text == target.span.exact
    assert "国内生产总值增长5％左右" in source_text  # the fixture keeps its full-width damage ...
    assert report.target("gdp_growth").text == "国内生产总值增长5%左右"  # ... which normalization undoes

    cited = db.report(cited_id)
    assert cited.completeness == "cited"
    [source] = [s for s in db.sources() if s.id in cited.witnesses]
    assert (source.bundled, source.file, source.sha256) == (False, entry["file"], entry["sha256"])
    assert not list((data / "sources").glob("*2031*")), "a cited text is never copied into the data"
    # read by hand from the guide's text: 今年发展主要预期目标是：国内生产总值增长5％左右；...
    assert [(t.key, t.text) for t in cited.targets][:1] == [("gdp_growth", "国内生产总值增长5%左右")]

    # the page's Python examples run against the data built here
    monkeypatch.setattr(_db, "_default", db)
    attempted, failed, shown = run_python(GUIDE)
    assert attempted > 0
    assert failed == 0, f"{failed} examples failed in docs/new-report.md:\n{shown}"
    # generating again changes nothing: the output is deterministic
    assert write(root, generate(root)) == []


def _real_corpus() -> Path:
    corpus = Path(os.environ.get("GWR_CORPUS") or ROOT.parent / "shared" / "corpus")
    if not (corpus / "corpus.json").is_file():
        pytest.skip(f"no corpus at {corpus} (set GWR_CORPUS): the repository's data is generated from it")
    return corpus


@pytest.fixture
def repository_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the checkout's annotations and data beside a corpus folder of its own (the real
    corpus's texts, linked, and a copy of its corpus.json), regenerated as they are."""
    from gwr.build.generate import generate, write

    real = _real_corpus()
    root = tmp_path / "repo"
    corpus = _corpus_folder(root)
    for path in real.rglob("*.txt"):
        link = corpus / path.relative_to(real)
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(path)
    shutil.copy(real / "corpus.json", corpus / "corpus.json")
    monkeypatch.setenv("GWR_CORPUS", str(corpus))  # for the commands the guide runs, too
    shutil.copytree(ROOT / "annotations", root / "annotations")
    shutil.copytree(ROOT / "src" / "gwr" / "data", root / "src" / "gwr" / "data")
    write(root, generate(root))
    return root


def test_guide_session_in_a_copy_of_the_repository(repository_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The guide, followed step by step in a copy of the repository, does what it shows: each
    file is added where the page shows it, and each command runs where the page shows it."""
    root = repository_copy
    problems = []
    for block in blocks(GUIDE):
        if "caption" in block.options:
            _add_file(root, block.options["caption"], block.body)
        elif block.language in ("console", "shell-session"):
            problems += [p for c in commands(block) if (p := run_command(c, cwd=root)) is not None]
    assert not problems, "\n\n".join(problems)

    # the page's Python examples run against the data the guide built
    monkeypatch.setattr(_db, "_default", _db.Database(root / "src" / "gwr" / "data"))
    attempted, failed, report = run_python(GUIDE)
    assert attempted > 0
    assert failed == 0, f"{failed} examples failed in docs/new-report.md:\n{report}"


# --------------------------------------------------------------------------------------------
# The reference


def _has_example(obj: object) -> bool:
    if ">>>" in (inspect.getdoc(obj) or ""):
        return True
    if isinstance(obj, type):
        members = [v for k, v in vars(obj).items() if not k.startswith("_")]
        return any(">>>" in (inspect.getdoc(m) or "") for m in members if callable(m) or isinstance(m, property))
    return False


@pytest.mark.parametrize("name", gwr.__all__)
def test_every_public_name_is_documented_with_an_example(name: str) -> None:
    """The reference is generated from the docstrings: each public name needs one, with an example."""
    obj = getattr(gwr, name)
    assert (inspect.getdoc(obj) or "").strip(), f"gwr.{name} has no docstring"
    assert _has_example(obj), f"the docstring of gwr.{name} (or of one of its methods) has no >>> example"


def test_reference_lists_every_public_name() -> None:
    pytest.importorskip("sphinx")
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        import gwr_docs
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    text = gwr_docs.api_markdown()
    for name in gwr.__all__:
        assert re.search(rf":: gwr\.{name}\b", text), f"gwr.{name} is missing from the API reference"
    assert ".. autoclass:: gwr.Report" in text
    assert ".. autoclass:: gwr.Task" in text
    assert ".. autoclass:: gwr.Target" in text
    assert ".. autoclass:: gwr.Measure" in text
