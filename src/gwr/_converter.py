"""The one cattrs converter that turns the bundled JSON into records and back.

It forbids extra keys, so a typo or a stray field in the data fails loudly, and it reads
decimals only from strings, so no value ever passes through a float.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs

from ._errors import DataError


def _structure_decimal(value: Any, _: type) -> Decimal:
    if not isinstance(value, str):
        raise DataError(f"a decimal must be stored as a string, not {type(value).__name__} {value!r}")
    try:
        return Decimal(value)
    except InvalidOperation:
        raise DataError(f"{value!r} is not a decimal number") from None


def _structure_int(value: Any, _: type) -> int:
    if type(value) is not int:
        raise DataError(f"expected an integer, not {type(value).__name__} {value!r}")
    return value


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise DataError(f"expected a string, not {type(value).__name__} {value!r}")
    return value


def _make() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(str, _structure_str)
    return converter


converter = _make()
