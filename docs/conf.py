"""Sphinx configuration of the gwr documentation.

Build it with ``python -m sphinx -W --keep-going -b html docs docs/_build/html`` after
``pip install ".[docs]"``. The reference and the registry tables are generated from the
installed package by ``_ext/gwr_docs.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import gwr

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "gwr"
author = "The gwr developers"
copyright = "The gwr developers"
release = gwr.__version__
version = gwr.__version__
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "gwr_docs",
    "gwr_decades",
    "gwr_regions",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_generated"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "all"
autodoc_class_signature = "separated"
autodoc_default_options = {"exclude-members": "__init__, __new__"}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = True

html_theme = "furo"
html_title = f"gwr {release}"
html_static_path = ["_static"]
html_css_files = ["gwr.css"]
