from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from corpus import corpus_folder, require_corpus
from gwr._data._db import package_data


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the installed data folder, for tampering with."""
    target = tmp_path / "data"
    shutil.copytree(str(package_data()), target)
    return target


# The corpus of cited texts (../shared/corpus beside the checkout, or GWR_CORPUS): the generator
# needs it, and check() verifies the cited reports against it. Tests that build in a copy of the
# repository find it through the environment variable.
if "GWR_CORPUS" not in os.environ and corpus_folder() is not None:
    os.environ["GWR_CORPUS"] = str(corpus_folder())


@pytest.fixture
def corpus() -> Path:
    """The corpus folder; the test is skipped, saying why, where it is not at hand."""
    return require_corpus()
