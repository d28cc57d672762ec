"""The FOEDUS_* environment settings, all read by `setting`: unset or empty reads the default (as an empty XDG
variable does), and one of only spaces is refused in the same words for every variable, not read as a value (a
folder named with spaces, "unknown backend ' '") nor worded by each reader its own way. What a value means (a
number, a backend, a URL) stays its reader's to check."""

from __future__ import annotations

import os

__all__ = ["setting"]


def setting(variable: str, what: str, default: str = "") -> str:
    """$`variable` as set, or `default` when it is unset or empty; `what` says what to give, for the refusal.

    Raises:
        SettingError: the value is blank (only spaces, tabs or newlines).

    >>> os.environ["FOEDUS_EXAMPLE"] = ""; setting("FOEDUS_EXAMPLE", "a number", "5")
    '5'
    >>> os.environ["FOEDUS_EXAMPLE"] = " "; setting("FOEDUS_EXAMPLE", "a number", "5")
    Traceback (most recent call last):
    foedus.errors.SettingError: FOEDUS_EXAMPLE is blank: give a number, or unset it for the default
    >>> del os.environ["FOEDUS_EXAMPLE"]
    """
    value = os.environ.get(variable, "")
    if not value:
        return default
    if not value.strip():
        from foedus.errors import SettingError

        raise SettingError(f"{variable} is blank: give {what}, or unset it for the default")
    return value
