"""What makes a frame a table no file of a format can hold, said before the writers fail on it in words of their own
(pandas' AttributeError for a column name given twice, numpy's IndexError for a Stata file of no column)."""

from __future__ import annotations

from typing import Any

from foedus.errors import shown

__all__ = ["table_problem"]


def table_problem(frame: Any, suffix: str) -> str:
    """Why `frame` cannot be written as a `suffix` file (`.csv`, `.parquet`, `.dta`), else ''.

    >>> import pandas as pd
    >>> table_problem(pd.DataFrame([[1, 2]], columns=["a", "a"]), ".csv")
    "the column name(s) 'a' are given twice"
    >>> table_problem(pd.DataFrame(), ".dta"), table_problem(pd.DataFrame(), ".csv")
    ('a Stata file holds at least one column, and the table has none', '')
    """
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        return f"expected a pandas DataFrame, not {shown(frame)}"
    names = [str(c) for c in frame.columns]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        return f"the column name(s) {', '.join(repr(n) for n in twice)} are given twice"
    return "a Stata file holds at least one column, and the table has none" if suffix == ".dta" and not names else ""
