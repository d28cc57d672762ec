"""Tables as Stata files (`.dta`, format 118, UTF-8): Stata's names, types and variable labels (the rules are in
`foedus.outputs.tables`'s docstring), apart from the other formats so that each module stays small.

A Stata file's data label holds 80 characters, too few for provenance: the datasets' versions, their citations and the
table's notes go into the file's notes (`notes` in Stata lists them), the characteristics `_dta[note0]` (how many)
and `_dta[note1]`... that Stata's own `notes` command writes, which pandas' writer leaves out (`_NotedWriter`, which
overrides pandas' private `_write_characteristics`: tests/test_stata_pandas_hooks.py fails, naming it, on a pandas
that changes it or its helpers).
"""

from __future__ import annotations

import datetime as dt
import re
import struct
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foedus.errors import OutputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["STATA_LABEL_MAX", "stata_frame", "stata_label", "stata_name", "stata_notes", "write_stata"]

STATA_NAME_MAX = 32
STATA_STR_MAX = 2045
_STATA_RESERVED = frozenset({"_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long",
                             "_n", "_N", "_pi", "_pred", "_rc", "_skip", "strL", "using", "with"})
STATA_LABEL_MAX = 80  # a variable label's characters
_STATA_CHAR_NAME = 129  # bytes of a characteristic's variable and name fields (format 118), null-padded
_STATA_CHAR_MAX = 67_784  # bytes of a characteristic's text, Stata's limit


def stata_name(name: str) -> str:
    """A valid Stata variable name for a column name (see the module docstring).

    >>> stata_name("capability_share_mean_escalatory"), stata_name("P(attack side)")
    ('capability_share_mean_escalatory', 'P_attack_side_')
    """
    clean = re.sub(r"[^A-Za-z0-9_]", "_", name) or "_"
    if clean[0].isdigit() or clean in _STATA_RESERVED:
        clean = "_" + clean
    return clean[:STATA_NAME_MAX]


def stata_label(title: str) -> str:
    """A table's title as a Stata data label (80 characters): a longer title says a day after the treaty set's review
    day in short words (`foedus.review_words.short_review`), so that the words after the mark (a reading, switches)
    fit, and is then cut at its last space that leaves room for " …", never mid-word, so that a cut label says it is
    cut; the whole title is the file's first note (`stata_notes`) and the sidecar's.

    >>> stata_label("foedus atlas 2026-06-01 (after the treaty set's review day, 2025-12-31: see the note), 100 draws")
    'foedus atlas 2026-06-01 (past review), 100 draws'
    >>> stata_label("foedus compare 2025-06-01 vs 2025-09-01 with drop_treaty nato_1949; escalatory reading; help "
    ...             "not requested")
    'foedus compare 2025-06-01 vs 2025-09-01 with drop_treaty nato_1949; escalatory …'
    """
    from foedus.review_words import short_review

    if len(title) <= STATA_LABEL_MAX:
        return title
    title = short_review(title)
    if len(title) <= STATA_LABEL_MAX:
        return title
    cut = title.rfind(" ", 0, STATA_LABEL_MAX - 1)  # the words before it end by the 78th character
    return (title[:cut] if cut > 0 else title[:STATA_LABEL_MAX - 2]).rstrip() + " …"


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
    long_text = [c for c in data.columns if data[c].dtype == object  # a column of no row holds no long text
                 and max((len(str(v).encode()) for v in data[c]), default=0) > STATA_STR_MAX]
    title = stata_label(str(meta.get("stata_label") or meta.get("title", "foedus output")))  # a shorter one given
    with warnings.catch_warnings(action="ignore"):  # pandas warns about conversions made on purpose above
        _noted_writer(stata_notes(meta))(
            path, data, write_index=False, version=118, variable_labels={**said, **labels} or None,
            data_label=title, convert_strl=long_text,
            time_stamp=dt.datetime(1970, 1, 1)).write_file()  # not the minute: reproducible
    return data, labels


def stata_notes(meta: Mapping[str, Any]) -> list[str]:
    """A table's notes in its Stata file, from its metadata (`foedus.cli.writing.table_meta`): who wrote it, each
    dataset's version (`data: ...`), each citation (`cite: ...`, as `foedus cite` prints it), each note (`note: ...`).

    >>> stata_notes({"title": "t", "foedus_version": "1.0", "dataset_versions": {"atop": "ATOP, version 5.1"},
    ...              "citations": {"atop": ["Leeds 2002."]}, "notes": ["n"]})
    ['t, written by foedus 1.0', 'data: ATOP, version 5.1', 'cite: Leeds 2002.', 'note: n']
    """
    head = [f"{meta['title']}, written by foedus {meta['foedus_version']}"] if "foedus_version" in meta else []
    versions = [f"data: {text}" for text in dict(meta.get("dataset_versions") or {}).values()]
    cited = [f"cite: {text}" for texts in dict(meta.get("citations") or {}).values() for text in texts]
    return head + versions + cited + [f"note: {text}" for text in meta.get("notes") or ()]


def _noted_writer(notes: list[str]) -> Any:
    """pandas' format-118 writer that writes `notes` as the file's characteristics `_dta[note0]` (their count) and
    `_dta[noteN]` (each, cut to Stata's limit): `<ch>`, the 4-byte length of what follows, the variable (`_dta`) and
    the characteristic's name, each null-padded to 129 bytes, the text null-terminated, `</ch>`."""
    from pandas.io.stata import StataWriterUTF8

    class _NotedWriter(StataWriterUTF8):  # type: ignore[misc]  # pandas, untyped here
        def _write_characteristics(self) -> None:
            self._update_map("characteristics")
            said = [str(len(notes)), *notes] if notes else []
            body = b"".join(self._characteristic(f"note{i}", text) for i, text in enumerate(said))
            self._write_bytes(self._tag(body, "characteristics"))

        def _characteristic(self, name: str, text: str) -> bytes:
            raw = text.encode("utf-8")[:_STATA_CHAR_MAX - 1].decode("utf-8", "ignore").encode("utf-8") + b"\0"
            fields = b"_dta".ljust(_STATA_CHAR_NAME, b"\0") + name.encode().ljust(_STATA_CHAR_NAME, b"\0") + raw
            return bytes(self._tag(struct.pack(self._byteorder + "I", len(fields)) + fields, "ch"))

    return _NotedWriter
