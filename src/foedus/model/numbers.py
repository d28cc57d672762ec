"""Numbers and switches in data files (coordinates, rates, coefficients, years, ids; a clause's request_gated), taken
only as written: pydantic's lax mode reads `true` as 1 and the text '45' as 45, lets NaN and Infinity through to the
arithmetic, and reads 1, 'no', 'off' and 'y' as true or false.

Strict pydantic types, so that bounds added to them (`Annotated[Number, Field(ge=-90)]`) stay the number's own
bounds in the exported JSON Schema (minimum, maximum)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

__all__ = ["Number", "One", "Switch", "Whole"]

Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
"""A finite number, whole or not: true/false, text, NaN and Infinity are refused ('must be a number, got true',
'must be a finite number (got nan)')."""

Whole = Annotated[int, Field(strict=True)]
"""A whole number written as one: true/false, text ('3') and 3.0 are refused ('must be a whole number, got true')."""

Switch = Annotated[bool, Field(strict=True)]
"""true or false, written as one: 1, 0 and text ('yes', 'no', 'off') are refused ('must be true or false')."""


def _whole_one(value: object) -> object:
    """Refuse `true` and `1.0` for the literal 1 (a literal compares by ==, so lax pydantic read both as 1) in the
    words any other value gets ('must be 1 (got true)')."""
    if isinstance(value, bool | float):
        raise PydanticCustomError("literal_error", "Input should be 1", {"expected": "1"})
    return value


One = Annotated[Literal[1], BeforeValidator(_whole_one)]
"""The number 1 (a file's format), written as a whole number: true, 1.0 and text ('1') are refused ('must be 1')."""
