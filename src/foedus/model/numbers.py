"""Numbers and switches in data files (coordinates, rates, coefficients, years, ids; a clause's request_gated), taken
only as written: pydantic's lax mode reads `true` as 1 and the text '45' as 45, lets NaN and Infinity through to the
arithmetic, and reads 1, 'no', 'off' and 'y' as true or false.

Strict pydantic types, so that bounds added to them (`Annotated[Number, Field(ge=-90)]`) stay the number's own
bounds in the exported JSON Schema (minimum, maximum)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

__all__ = ["Number", "Switch", "Whole"]

Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
"""A finite number, whole or not: true/false, text, NaN and Infinity are refused ('must be a number, got true',
'must be a finite number (got nan)')."""

Whole = Annotated[int, Field(strict=True)]
"""A whole number written as one: true/false, text ('3') and 3.0 are refused ('must be a whole number, got true')."""

Switch = Annotated[bool, Field(strict=True)]
"""true or false, written as one: 1, 0 and text ('yes', 'no', 'off') are refused ('must be true or false')."""
