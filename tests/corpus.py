"""Where the tests find the corpus of cited texts: one place for every test module.

The corpus is ``GWR_CORPUS`` where that is set, else ``../shared/corpus`` beside the checkout.
A test that needs it calls :func:`require_corpus`, which skips the test with a stated reason
where the corpus is not at hand.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

BESIDE_THE_CHECKOUT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def corpus_folder() -> Path | None:
    """The corpus folder, or ``None`` where it is not at hand."""
    named = os.environ.get("GWR_CORPUS")
    folder = Path(named) if named else BESIDE_THE_CHECKOUT
    return folder if (folder / "corpus.json").is_file() else None


def require_corpus() -> Path:
    """The corpus folder; the calling test is skipped, saying why, where it is not at hand."""
    folder = corpus_folder()
    if folder is None:
        pytest.skip(f"the corpus of cited texts is not at hand (set GWR_CORPUS, or place it at {BESIDE_THE_CHECKOUT})")
    return folder
