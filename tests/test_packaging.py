"""What a packager and an index see: metadata, the sdist, the wheel, the dependencies, the README.

The sdist holds the library with its sources and data and no tests (they need the repository
around them); the wheel built from that sdist installs and answers. Building uses the installed
setuptools (the ``test`` extra asks for >= 77, as the build requirements do), without network.
"""

from __future__ import annotations

import ast
import email
import email.message
import os
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")
DATA = ROOT / "src" / "gwr" / "data"


def _build(kind: str, source_dir: Path, out: Path) -> Path:
    """Build an sdist or a wheel of ``source_dir`` into ``out`` with the installed setuptools."""
    code = f"from setuptools import build_meta; print(build_meta.build_{kind}({str(out)!r}))"
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=source_dir, capture_output=True, text=True, check=False, timeout=300
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return out / completed.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build("sdist", ROOT, tmp_path_factory.mktemp("sdist"))


@pytest.fixture(scope="module")
def wheel_from_sdist(sdist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    unpacked = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(sdist) as archive:
        archive.extractall(unpacked, filter="data")
    [top] = list(unpacked.iterdir())
    return _build("wheel", top, tmp_path_factory.mktemp("wheel"))


def _metadata(text: str) -> email.message.Message:
    return email.message_from_string(text)


def _data_files() -> set[str]:
    return {str(p.relative_to(ROOT / "src")).replace(os.sep, "/") for p in DATA.rglob("*") if p.is_file()}


# --------------------------------------------------------------------------------------------
# pyproject.toml
# --------------------------------------------------------------------------------------------


def test_build_requirements_can_read_the_licence_expression() -> None:
    requires = PYPROJECT["build-system"]["requires"]
    setuptools = [r for r in requires if r.startswith("setuptools")]
    assert setuptools, requires
    found = re.search(r">=\s*(\d+)", setuptools[0])
    assert found, setuptools
    assert int(found[1]) >= 77, "license = 'MIT' (an SPDX expression) needs setuptools >= 77"
    assert PYPROJECT["project"]["license"] == "MIT"


def test_extras_test_and_dev() -> None:
    extras = PYPROJECT["project"]["optional-dependencies"]

    def names(extra: str) -> set[str]:
        return {re.split(r"[<>=!~; \[]", r, maxsplit=1)[0].lower() for r in extras[extra]}

    assert {"pytest", "hypothesis", "pandas"} <= names("test")  # so that the pandas tests run
    assert not {"ruff", "mypy"} & names("test")  # lint tools are the dev extra's
    assert {"ruff", "mypy"} <= names("dev")


_URL = re.compile(r"https?://[^\s)>\]]+")


def _declared_urls() -> dict[str, str]:
    """The project URLs of pyproject.toml: none while the project has no public home."""
    urls: dict[str, str] = PYPROJECT["project"].get("urls", {})
    return urls


def test_project_urls_and_python_classifiers() -> None:
    """No invented address: a project URL is declared only where the project really has one
    (it has no public home yet), and the README and NOTICE point nowhere else."""
    project = PYPROJECT["project"]
    declared = set(_declared_urls().values())
    assert all(url.startswith("https://") for url in declared), declared
    for name in ("README.md", "NOTICE"):
        found = set(_URL.findall((ROOT / name).read_text(encoding="utf-8")))
        assert found <= declared, f"{name} points at addresses pyproject.toml does not declare: {found - declared}"
    minimum = re.search(r">=\s*3\.(\d+)", project["requires-python"])
    assert minimum
    versions = {c.rsplit(" :: ", 1)[1] for c in project["classifiers"] if re.match(r".*Python :: 3\.\d+$", c)}
    assert f"3.{minimum[1]}" in versions
    assert all(int(v.split(".")[1]) >= int(minimum[1]) for v in versions)
    assert not [c for c in project["classifiers"] if c.startswith("License ::")]  # the expression says it


def test_runtime_dependencies_are_what_the_runtime_imports() -> None:
    """Every third-party module the runtime imports is a dependency, and every dependency is imported."""
    imported: set[str] = set()
    package = ROOT / "src" / "gwr"
    runtime = [p for p in package.rglob("*.py") if "build" not in p.relative_to(package).parts]
    generator = list((ROOT / "src" / "gwr" / "build").glob("*.py"))
    for path in runtime + generator:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {m for m in imported if m not in sys.stdlib_module_names and m not in ("gwr", "__future__")}
    # imported inside to_dataframe() and plot() only, behind MissingDependencyError (the pandas
    # and plot extras)
    optional = {"pandas", "matplotlib"}
    declared = {
        re.split(r"[<>=!~; \[]", r, maxsplit=1)[0].lower().replace("-", "_")
        for r in PYPROJECT["project"]["dependencies"]
    }
    assert third_party - optional == declared
    assert all(re.search(r">=\d", r) for r in PYPROJECT["project"]["dependencies"])  # each with a lower bound


# --------------------------------------------------------------------------------------------
# The sdist and the wheel
# --------------------------------------------------------------------------------------------


def test_sdist_ships_the_library_and_no_tests(sdist: Path) -> None:
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
        metadata = _metadata(archive.extractfile(f"{sdist.name[: -len('.tar.gz')]}/PKG-INFO").read().decode())  # type: ignore[union-attr]
    assert not [n for n in names if n.startswith(("tests/", "docs/", "annotations/"))]
    assert {"README.md", "LICENSE", "NOTICE", "CHANGELOG.md", "pyproject.toml", "src/gwr/py.typed"} <= names
    shipped = {"src/" + name for name in _data_files()}
    assert shipped <= names, sorted(shipped - names)
    assert metadata["License-Expression"] == "MIT"
    assert set(metadata.get_all("License-File") or []) == {"LICENSE", "NOTICE"}
    assert metadata["Requires-Python"] == PYPROJECT["project"]["requires-python"]
    urls = metadata.get_all("Project-URL") or []
    assert sorted(urls) == sorted(f"{name}, {url}" for name, url in _declared_urls().items())


def test_wheel_from_the_sdist_carries_data_notice_and_metadata(wheel_from_sdist: Path) -> None:
    with zipfile.ZipFile(wheel_from_sdist) as archive:
        names = set(archive.namelist())
        [metadata_name] = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = _metadata(archive.read(metadata_name).decode("utf-8"))
    assert _data_files() <= names
    assert any(n.endswith(".dist-info/licenses/NOTICE") for n in names)
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not [n for n in names if n.startswith("tests/")]
    classifiers = metadata.get_all("Classifier") or []
    assert "Programming Language :: Python :: 3.11" in classifiers
    requires = [r for r in metadata.get_all("Requires-Dist") or [] if "extra ==" not in r]
    assert sorted(re.split(r"[<>=; ]", r, maxsplit=1)[0] for r in requires) == [
        "attrs",
        "cattrs",
        "importlib-resources",
        "msgspec",
    ]


def test_wheel_from_the_sdist_installs_and_answers(wheel_from_sdist: Path, tmp_path: Path) -> None:
    """The installed wheel (not this checkout) finds its data and answers the README's command."""
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel_from_sdist),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {**os.environ, "PYTHONPATH": str(target), "PYTHONIOENCODING": "utf-8"}
    where = subprocess.run(
        [sys.executable, "-c", "import gwr; print(gwr.__file__)"], env=env, capture_output=True, text=True, check=True
    )
    assert where.stdout.strip().startswith(str(target))
    result = subprocess.run(
        [sys.executable, "-m", "gwr", "targets", "2025"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "粮食产量1.4万亿斤左右" in result.stdout  # the 2025 grain target, as 000 states it


# --------------------------------------------------------------------------------------------
# The README, as an index shows it
# --------------------------------------------------------------------------------------------


def _shell_blocks() -> list[str]:
    return re.findall(r"```(?:sh|bash|shell)\n(.*?)```", README, flags=re.S)


def test_readme_has_exactly_two_setup_paths() -> None:
    blocks = _shell_blocks()
    assert len(blocks) == 2, blocks
    use, develop = blocks
    assert "pip install ." in use  # works in a checkout today
    assert "pip install china-gwr" in use  # the name on an index
    # the command right after it is a console example, which tests/test_docs.py runs
    assert "```console\n$ python -m gwr targets 2026\n" in README.split(use, 1)[1]
    assert 'pip install -e ".[test]"' in develop  # the tests test the source being edited
    assert "python -m pytest" in develop


def test_readme_says_what_is_covered_and_where_the_docs_are() -> None:
    import gwr

    documentation = _declared_urls().get("Documentation")
    if documentation is not None:
        assert documentation in README
    assert "`docs/`" in README  # the pages, in the repository
    reports = gwr.reports()
    for report in reports:
        assert f"`{report.completeness}`" in README
        if report.completeness != "cited":  # a report whose text is bundled is named
            assert f"`{report.id}`" in README
    # the cited reports: how many, the first and last national one, every province by its code
    national = [r for r in reports if r.completeness == "cited" and r.kind == "gwr"]
    provincial = [r for r in reports if r.completeness == "cited" and r.kind == "provincial"]
    assert f"`{national[0].id}` … `{national[-1].id}` ({len(national)} reports)" in README
    assert f"{len(provincial)} provinces" in README
    for report in provincial:
        assert f"`{report.region}`" in README
    assert "NOTICE" in README
