from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gwr._db import package_data


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the installed data folder, for tampering with."""
    target = tmp_path / "data"
    shutil.copytree(str(package_data()), target)
    return target
