"""Every example in the docstrings of the installed package runs and prints what it shows."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from types import ModuleType

import pytest

import gwr


def _modules() -> list[str]:
    names = ["gwr"]
    for info in pkgutil.walk_packages(gwr.__path__, "gwr."):
        if info.name.startswith("gwr.build") or info.name == "gwr.__main__":
            continue  # the generator is a separate tool; its examples live in the docs
        names.append(info.name)
    return names


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name: str) -> None:
    module: ModuleType = importlib.import_module(name)
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    for test in finder.find(module, name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} docstring examples failed in {name}"


def test_examples_exist() -> None:
    finder = doctest.DocTestFinder()
    count = sum(len(t.examples) for n in _modules() for t in finder.find(importlib.import_module(n), n))
    assert count >= 10


def test_readme_examples() -> None:
    from pathlib import Path

    readme = Path(__file__).resolve().parent.parent / "README.md"
    result = doctest.testfile(str(readme), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 4
    assert result.failed == 0
