"""Tables as Stata files (`.dta`, format 118, UTF-8): Stata's names, types and variable labels (the rules are in
`foedus.outputs.tables`'s docstring), apart from the other formats so that each module stays small."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foedus.errors import OutputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["STATA_LABEL_MAX", "stata_frame", "stata_name", "write_stata"]

STATA_NAME_MAX = 32
STATA_STR_MAX = 2045
_STATA_RESERVED = frozenset({"_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long",
                             "_n", "_N", "_pi", "_pred", "_rc", "_skip", "strL", "using", "with"})
STATA_LABEL_MAX = 80  # a variable label's characters


def stata_name(name: str) -> str:
    """A valid Stata variable name for a column name (see the module docstring).

    >>> stata_name("capability_share_mean_escalatory"), stata_name("P(attack side)")
    ('capability_share_mean_escalatory', 'P_attack_side_')
    """
    clean = re.sub(r"[^A-Za-z0-9_]", "_", name) or "_"
    if clean[0].isdigit() or clean in _STATA_RESERVED:
        clean = "_" + clean
    return clean[:STATA_NAME_MAX]


def stata_frame(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """The frame in types Stata stores, renamed to Stata names, and the labels giving renamed columns' names."""
    import pandas as pd

    names = {str(c): stata_name(str(c)) for c in frame.columns}
    clash = sorted({n for n in names.values() if list(names.values()).count(n) > 1})
    if clash:
        raise OutputError(f"columns {', '.join(c for c, n in names.items() if n in clash)} would share the Stata "
                          "name(s) " + ", ".join(clash) + "; write .parquet or .csv instead")
    data: dict[str, Any] = {}
    for col in frame.columns:
        series = frame[col]
        if pd.api.types.is_bool_dtype(series.dtype):
            series = series.astype("float64") if series.isna().any() else series.astype("int8")
        elif pd.api.types.is_integer_dtype(series.dtype) and series.notna().any() and series.abs().max() > 2**53:
            series = series.map(lambda v: "" if v is pd.NA else str(v)).astype(object)  # e.g. 63-bit seeds: as text
        elif pd.api.types.is_extension_array_dtype(series.dtype) and pd.api.types.is_numeric_dtype(series.dtype):
            series = series.astype("float64")  # pd.NA -> Stata missing
        elif not (pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_datetime64_any_dtype(series.dtype)):
            series = series.map(lambda v: "" if v is None or v is pd.NA or (isinstance(v, float) and v != v)
                                else str(v)).astype(object)
        data[names[str(col)]] = series.to_numpy()
    labels = {new: old[:STATA_LABEL_MAX] for old, new in names.items() if new != old}
    return pd.DataFrame(data), labels


def write_stata(frame: pd.DataFrame, path: Path, meta: Mapping[str, Any], descriptions: Mapping[str, str]
                ) -> tuple[pd.DataFrame, dict[str, str]]:
    """Write the Stata file; return the frame as written and the renamed columns' own names (the sidecar's titles).
    A renamed column's label is its own name; any other described column's is its description."""
    data, labels = stata_frame(frame)
    said = {c: d[:STATA_LABEL_MAX] for c, d in descriptions.items() if c in frame.columns and stata_name(c) == c}
    long_text = [c for c in data.columns if data[c].dtype == object
                 and data[c].map(lambda v: len(str(v).encode())).max(initial=0) > STATA_STR_MAX]
    title = str(meta.get("title", "foedus output"))[:STATA_LABEL_MAX]
    with warnings.catch_warnings(action="ignore"):  # pandas warns about conversions made on purpose above
        data.to_stata(path, write_index=False, version=118, variable_labels={**said, **labels} or None,
                      data_label=title, convert_strl=long_text,
                      time_stamp=dt.datetime(1970, 1, 1))  # not the minute: reproducible
    return data, labels
