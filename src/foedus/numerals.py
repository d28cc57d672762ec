"""A number a user typed (a command-line option, a web query parameter, an environment setting) is read only as
written plainly: ASCII digits, a sign, for a number a decimal point and an exponent, blanks around it left out as
every value's are (a state, a date). Python's int() and float(), and pydantic's lax mode that typer and FastAPI
read them with, also take '1_914', '1914.0', other scripts' digits and, as a number, 'nan' and 'inf': a mistyped
year ran as another. The refusal is worded as pydantic's problem of that kind is
(`foedus.problem_words.validation_problem`: 'must be a whole number (got '1_914')')."""

from __future__ import annotations

import math

__all__ = ["number_problem", "plain_number", "plain_whole", "shortest", "whole_within"]


def plain_whole(text: str) -> bool:
    """Whether `text` is a whole number written plainly: ASCII digits, after an optional sign (blanks around it
    left out).

    >>> plain_whole("1914"), plain_whole("-3"), plain_whole("+7"), plain_whole("007"), plain_whole(" 1914 ")
    (True, True, True, True, True)
    >>> plain_whole("1_914"), plain_whole("19 14"), plain_whole("1914.0"), plain_whole("١٩١٤"), plain_whole("")
    (False, False, False, False, False)
    """
    text = text.strip()
    digits = text[1:] if text[:1] in ("+", "-") else text
    return digits.isascii() and digits.isdigit()


def whole_within(text: str, lo: int, hi: int) -> int | None:
    """The whole number `text` is when written plainly (`plain_whole`) and within [`lo`, `hi`], else None: its digits
    are counted before int() reads them, so a huge text (int() refuses over 4300 digits) never becomes a huge int.

    >>> whole_within("0042", 1, 100), whole_within(" 7 ", 0, 7), whole_within("+3", 0, 9), whole_within("-2", -5, 5)
    (42, 7, 3, -2)
    >>> whole_within("8", 0, 7), whole_within("0", 1, 7), whole_within("9" * 5000, 0, 7), whole_within("²", 0, 7)
    (None, None, None, None)
    """
    if not plain_whole(text):
        return None
    text = text.strip()
    digits = text.lstrip("+-").lstrip("0") or "0"
    if len(digits) > len(str(max(abs(lo), abs(hi)))):
        return None
    n = -int(digits) if text[0] == "-" else int(digits)
    return n if lo <= n <= hi else None


def shortest(x: float) -> str:
    """A number as a message shows one a user typed, in its shortest form: a whole one without the '.0' a float
    reads it with (typer reads `--level 2` as 2.0, which the message then named), any other as Python writes it.

    >>> shortest(2.0), shortest(-1.0), shortest(0.995), shortest(1e20), shortest(float("nan"))
    ('2', '-1', '0.995', '1e+20', 'nan')
    """
    return str(int(x)) if x.is_integer() and abs(x) < 1e16 else repr(x)


def plain_number(text: str) -> bool:
    """Whether `text` is a finite number written plainly: ASCII digits with an optional sign, decimal point and
    exponent (blanks around it left out).

    >>> plain_number("0.95"), plain_number(".5"), plain_number("1e-3"), plain_number("-2."), plain_number(" 0.95")
    (True, True, True, True, True)
    >>> plain_number("0_95"), plain_number("0. 95"), plain_number("nan"), plain_number("inf"), plain_number(".")
    (False, False, False, False, False)
    >>> plain_number("1e400"), plain_number("-1e309")  # written plainly, but too large to be a (finite) number
    (False, False)
    """
    return _plain_syntax(text) and math.isfinite(float(text))


def _plain_syntax(text: str) -> bool:
    import re  # here: the console's start imports this module before it pauses the collector (foedus.cli.start)

    return re.fullmatch(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", text.strip()) is not None


def number_problem(text: str, whole: bool) -> str | None:
    """What is wrong with `text` as a whole number (`whole`) or a number, in every message's words; None when it is
    one written plainly.

    >>> number_problem("1_914", True), number_problem("0.9", False), number_problem("nan", False)
    ("must be a whole number (got '1_914')", None, "must be a number (got 'nan')")
    >>> number_problem("1e400", False)  # float() reads it as inf, which a message then named instead of it
    "must be a finite number (got '1e400')"
    """
    if plain_whole(text) if whole else plain_number(text):
        return None
    from foedus.problem_words import validation_problem

    kind = "int_parsing" if whole else "finite_number" if _plain_syntax(text) else "float_parsing"
    return validation_problem({"type": kind, "input": text})
