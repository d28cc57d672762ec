"""Tables as Parquet, CSV or Stata, chosen by the file's suffix, always through `staged_file`.

* CSV: flags are 0/1 integers (never True/False); missing values are empty cells; a cell holding a carriage return
  or a newline is quoted, rows ended by `\n` (`foedus.outputs.csvrows`, the command line's CSVs' rule).
* A column's description (`descriptions`: a research table's codebook, `foedus.research.codebook`) goes into the
  file where the format has a place for it (Parquet, Stata) and into the sidecar (CSVW's `dc:description`).
* Stata (`.dta`, format 118, UTF-8): flags as bytes, missing values as Stata missing, text as str or strL; integers
  beyond 2**53 (random seeds) as text, since Stata's doubles would round them. Stata names have at most 32 characters
  from [A-Za-z0-9_] and cannot start with a digit: a name that breaks this is renamed (bad characters to `_`, cut to
  32) and keeps its full name as the variable's label (any other described column has its description as its
  label, cut to Stata's 80 characters); two names that would become one are an error. The header's
  time stamp is always 1 Jan 1970 00:00 (it was the minute written): the same table gives the same bytes.
  The provenance goes into the file's notes (`foedus.outputs.stata.stata_notes`), beyond the 80-character label.
* Parquet: as is, with the table's provenance (`foedus.cli.writing.table_meta`: the datasets, their versions and
  citations) in the file's metadata (key `foedus`) and each described column's
  description in its field's metadata (key `description`). `write_columns` writes
  plain numpy columns without pandas, dictionary-encoding only the integer and text columns (measured floats
  rarely repeat, and trying costs time); pandas reads the same frame back, masked integer columns as nullable
  integers (the file then carries pandas' metadata, written by hand).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foedus.errors import OutputError
from foedus.outputs.atomic import HOW, check_folder_target, check_target, staged_file, staged_folder
from foedus.outputs.coded import CodedText
from foedus.outputs.csvrows import ROW_END, RowEnds
from foedus.outputs.names import output_format
from foedus.outputs.partitions import not_utf8, partition_layout
from foedus.outputs.shapes import table_problem
from foedus.outputs.sidecar import check_sidecar_target, sidecar_text, staged_table
from foedus.outputs.stata import stata_frame, write_stata

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["TABLE_SUFFIXES", "arrow_array", "check_partitioned_target", "check_table_target", "columns_frame",
           "csv_frame", "described_schema", "parquet_dictionary", "stata_frame", "write_columns", "write_partitioned",
           "write_table"]

TABLE_SUFFIXES = (".parquet", ".csv", ".dta")



def check_table_target(out: Path, *, force: bool = False, how: str = HOW, sidecar: bool = False) -> None:
    """Refuse `-`, an unknown format or a taken name before any work is done (`check_target`); with `sidecar`, a
    CSV's or Stata file's metadata file too (`foedus.outputs.sidecar`)."""
    check_target(out, force=force, how=how, name=_table_name)
    if sidecar:
        check_sidecar_target(out, force=force, how=how)


def _table_name(out: Path) -> None:
    """Refuse a name without a table's suffix (a folder given for the table is said to be one: `output_format`)."""
    output_format(out, TABLE_SUFFIXES, "table")


def csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every boolean column as 0/1 integers (nullable where values are missing)."""
    import pandas as pd

    out = frame.copy(deep=False)
    for col in out.columns:
        series = out[col]
        if pd.api.types.is_bool_dtype(series.dtype):
            out[col] = series.astype("Int8" if series.isna().any() else "int8")
        elif series.dtype == object and series.map(lambda v: isinstance(v, bool)).any():
            out[col] = series.map(lambda v: int(v) if isinstance(v, bool) else v)
    return out


def described_schema(schema: Any, descriptions: Mapping[str, str]) -> Any:
    """The Arrow schema with each described field's description in its metadata (key `description`), so that a
    Parquet file says what its columns mean."""
    import pyarrow as pa

    return pa.schema([f.with_metadata({**(f.metadata or {}), b"description": descriptions[f.name].encode()})
                      if f.name in descriptions else f for f in schema], metadata=schema.metadata)


def _write_parquet(frame: pd.DataFrame, path: Path, meta: Mapping[str, Any], descriptions: Mapping[str, str]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    if descriptions:
        table = table.cast(described_schema(table.schema, descriptions))
    extra = {b"foedus": json.dumps(dict(meta), ensure_ascii=False).encode()} if meta else {}
    with path.open("wb") as sink:  # not the path: pyarrow encodes it as strict UTF-8 (see `write_columns`)
        pq.write_table(table.replace_schema_metadata({**(table.schema.metadata or {}), **extra}), sink)


def write_table(frame: pd.DataFrame, out: Path, *, force: bool = False, meta: Mapping[str, Any] | None = None,
                how: str = HOW, sidecar: bool = False, descriptions: Mapping[str, str] | None = None) -> int:
    """Write `frame` to `out` (.parquet, .csv or .dta) atomically and exclusively; return the row count. With
    `sidecar`, a CSV or Stata file gets `meta` in a file beside it (`foedus.outputs.sidecar`), written with it;
    `descriptions` (column -> what it means) go where the format has room (see the module docstring).

    Raises:
        OutputError: the target cannot be written, or the frame cannot be written as that format (a column name
            given twice, no column in a Stata file, a column of a type the format does not hold), named.
    """
    check_table_target(out, force=force, how=how, sidecar=sidecar)
    suffix = out.suffix.lower()
    if problem := table_problem(frame, suffix):
        raise OutputError(f"cannot write {out} as {suffix[1:]}: {problem}; nothing was written")
    with staged_table(out, force=force, how=how) as staged:
        try:
            if suffix == ".parquet":
                _write_parquet(frame, staged.path, meta or {}, descriptions or {})
            elif suffix == ".csv":
                written = csv_frame(frame)
                with staged.path.open("w", encoding="utf-8", newline="") as sink:  # a cell's `\r` quoted
                    written.to_csv(RowEnds(sink), index=False, lineterminator=ROW_END)
            else:
                written, titles = write_stata(frame, staged.path, meta or {}, descriptions or {})
            if sidecar and suffix != ".parquet":  # titles: a Stata name's column name
                staged.sidecar = sidecar_text(out, written, titles if suffix == ".dta" else {}, meta or {},
                                              descriptions or {})
        except (ValueError, TypeError, NotImplementedError) as exc:  # pyarrow's and pandas' refusals of a column
            text = " ".join(str(exc).split())[:300]
            raise OutputError(f"cannot write {out} as {suffix[1:]}: {text}") from None
    return len(frame)


def arrow_array(values: np.ndarray) -> Any:
    """A 1-D numeric or boolean numpy column as an Arrow array, NaN and masked values as null (as
    `pyarrow.Table.from_pandas` has them), without a copy of numbers and without `pyarrow.array`, whose checks for
    pandas objects import pandas."""
    import numpy as np
    import pyarrow as pa

    missing = np.ma.getmaskarray(values) if isinstance(values, np.ma.MaskedArray) else None
    values = np.ascontiguousarray(np.ma.getdata(values))
    if values.dtype.kind == "f":
        missing = np.isnan(values) if missing is None else missing | np.isnan(values)
    missing = np.zeros(0, dtype=bool) if missing is None else missing
    valid = pa.py_buffer(np.packbits(~missing, bitorder="little")) if missing.any() else None
    data = np.packbits(values, bitorder="little") if values.dtype.kind == "b" else values  # Arrow packs booleans
    return pa.Array.from_buffers(pa.from_numpy_dtype(values.dtype), len(values), [valid, pa.py_buffer(data)],
                                 null_count=int(missing.sum()))


def columns_frame(columns: Mapping[str, Any]) -> pd.DataFrame:
    """Equal-length columns as a pandas DataFrame, masked integer and boolean arrays (`numpy.ma`) as pandas' nullable
    integers and booleans (masked = missing), `CodedText` as pandas' text dtype (missing as pandas' missing)."""
    import numpy as np
    import pandas as pd

    def column(values: Any) -> Any:
        if isinstance(values, np.ma.MaskedArray) and values.dtype.kind in "iu":
            return pd.arrays.IntegerArray(np.ma.getdata(values), np.ma.getmaskarray(values).copy())
        if isinstance(values, np.ma.MaskedArray) and values.dtype.kind == "b":
            return pd.arrays.BooleanArray(np.ma.getdata(values), np.ma.getmaskarray(values).copy())
        if isinstance(values, CodedText):
            return pd.array(values.to_numpy(), dtype="str")
        return values

    return pd.DataFrame({name: column(values) for name, values in columns.items()}, copy=False)


def _pandas_metadata(columns: Mapping[str, np.ndarray]) -> bytes:
    """pandas' schema metadata for plain columns, naming masked integer and boolean columns nullable (`Int8` …,
    `boolean`), so that pandas reads them back as they were built (without it, as floats or objects)."""
    import numpy as np
    import pyarrow as pa

    described = []
    for name, values in columns.items():
        if isinstance(values, CodedText):
            described.append({"name": name, "field_name": name, "pandas_type": "unicode", "numpy_type": "str",
                              "metadata": None})
            continue
        dtype = np.ma.getdata(values).dtype
        nullable = isinstance(values, np.ma.MaskedArray) and dtype.kind in "iub"
        numpy_type = "boolean" if nullable and dtype.kind == "b" else (
            ("UInt" if dtype.kind == "u" else "Int") + str(8 * dtype.itemsize) if nullable else dtype.name)
        described.append({"name": name, "field_name": name, "pandas_type": dtype.name, "numpy_type": numpy_type,
                          "metadata": None})
    return json.dumps({"index_columns": [], "column_indexes": [], "columns": described,
                       "creator": {"library": "pyarrow", "version": pa.__version__}}).encode()


def parquet_dictionary(schema: Any) -> list[str]:
    """The columns worth dictionary-encoding: all but the floating-point ones (measured values rarely repeat)."""
    import pyarrow as pa

    return [f.name for f in schema if not pa.types.is_floating(f.type)]


def write_columns(columns: Mapping[str, Any], out: Path, *, force: bool = False,
                  meta: Mapping[str, Any] | None = None, how: str = HOW, sidecar: bool = False,
                  descriptions: Mapping[str, str] | None = None) -> int:
    """Write equal-length numpy columns as a table like `write_table`; numeric and boolean columns, and text as
    `CodedText`, go to Parquet straight through pyarrow. A masked integer column (`numpy.ma`) has its masked values
    missing: pandas reads it back as a nullable integer column."""
    import numpy as np

    plain = all(isinstance(v, CodedText) or (np.ndim(v) == 1 and np.asarray(v).dtype.kind in "iufb"
                                             and np.asarray(v).dtype.isnative) for v in columns.values())
    if out.suffix.lower() != ".parquet" or not plain:
        return write_table(columns_frame(columns), out, force=force, meta=meta, how=how, sidecar=sidecar,
                           descriptions=descriptions)
    import pyarrow as pa
    import pyarrow.parquet as pq

    check_table_target(out, force=force, how=how)
    try:
        table = pa.table({name: values.to_arrow() if isinstance(values, CodedText) else arrow_array(values)
                          for name, values in columns.items()})
    except (ValueError, TypeError) as exc:  # pyarrow's refusal of a column (ArrowInvalid is a ValueError)
        raise OutputError(f"cannot write {out} as parquet: {' '.join(str(exc).split())[:300]}") from None
    schema_meta = {b"foedus": json.dumps(dict(meta), ensure_ascii=False).encode()} if meta else {}
    if any(isinstance(v, np.ma.MaskedArray) for v in columns.values()):
        schema_meta[b"pandas"] = _pandas_metadata(columns)
    if schema_meta:
        table = table.replace_schema_metadata(schema_meta)
    if descriptions:
        table = table.cast(described_schema(table.schema, descriptions))
    with staged_file(out, force=force, how=how) as tmp, tmp.open("wb") as sink:
        # an open file, not the path: pyarrow encodes a path as strict UTF-8, so a name that is not (`\xff.parquet`,
        # which Linux allows) failed after all the work, said as an encoding problem of the terminal
        pq.write_table(table, sink, use_dictionary=parquet_dictionary(table.schema))
    return int(table.num_rows)


def _partitions_only(column: str) -> Any:
    """Whether a folder may be replaced by a table partitioned by `column`: only if it holds nothing but such a
    table (`partition_layout`), not even what pyarrow passes over (a hidden folder would go with it)."""
    def check(folder: Path) -> str | None:
        layout = partition_layout(folder, column)
        foreign = sorted(layout.foreign + layout.skipped)
        return f"it holds {', '.join(foreign[:5])}, which a partitioned table never does" if foreign else None

    return check


def check_partitioned_target(out: Path, column: str, *, force: bool = False, how: str = HOW) -> None:
    """Refuse, before any work, a folder `write_partitioned` would refuse after it: taken without `force`, or holding
    anything but a table partitioned by `column` (`check_folder_target`, with the rule it asks again)."""
    _utf8_folder(out)
    check_folder_target(out, force=force, how=how, replaceable=_partitions_only(column))


def _utf8_folder(out: Path) -> None:
    """Refuse a folder for Parquet partitions whose path is not UTF-8 (`s\\xff`, which Linux allows): pyarrow writes
    the partitions by path, which it encodes as strict UTF-8, and failed after all the work, said as an encoding
    problem of the terminal."""
    if (name := not_utf8(out)) is not None:
        raise OutputError(f"cannot write {out}: a folder of Parquet partitions is written by path, and pyarrow takes "
                          f"only a path that is UTF-8 text (not the name {name}); choose a name that is (or a single "
                          ".parquet file)")


def write_partitioned(frame: pd.DataFrame, out: Path, column: str, *, force: bool = False,
                      meta: Mapping[str, Any] | None = None, how: str = HOW,
                      descriptions: Mapping[str, str] | None = None) -> int:
    """Write `frame` as Parquet partitioned by `column` into the folder `out`, all or nothing. Each partition file
    carries `meta` and its columns' `descriptions` as a single Parquet file does (`column` itself is in the folder
    names, not the files)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    _utf8_folder(out)
    with staged_folder(out, force=force, how=how, replaceable=_partitions_only(column)) as tmp:
        table = pa.Table.from_pandas(frame, preserve_index=False)
        if descriptions:
            table = table.cast(described_schema(table.schema, descriptions))
        if meta:
            table = table.replace_schema_metadata({**(table.schema.metadata or {}),
                                                   b"foedus": json.dumps(dict(meta), ensure_ascii=False).encode()})
        pq.write_to_dataset(table, tmp, partition_cols=[column])
    return len(frame)
