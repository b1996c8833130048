"""The one cattrs converter that turns the bundled JSON into records and back.

It forbids extra keys, so a typo or a stray field in the data fails loudly, and it reads
decimals only from strings, so no value ever passes through a float. Records are structured
by the functions of :mod:`gwr._structure` (registered here as the converter's hooks), which
the loader also calls directly so that a first load does not import cattrs: one set of rules,
whichever way in.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import cattrs

from ._structure import StructureError, structurer


def _structure_decimal(value: Any, _: type) -> Decimal:
    return structurer(Decimal)(value)  # type: ignore[no-any-return]


def _structure_int(value: Any, _: type) -> int:
    return structurer(int)(value)  # type: ignore[no-any-return]


def _structure_str(value: Any, _: type) -> str:
    return structurer(str)(value)  # type: ignore[no-any-return]


def _structure_record(value: Any, cls: type) -> Any:
    return structurer(cls)(value)


def _make() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook_func(attrs.has, _structure_record)
    return converter


converter = _make()

__all__ = ["StructureError", "converter"]
