"""A table written batch by batch while the next batch is computed: Parquet in a background thread.

`column_batches` takes equal-schema batches of numpy columns. For Parquet each batch becomes a row group,
encoded and written by one writer thread (pyarrow releases the GIL while it encodes), so that a command
computing a long table spends its time computing, not waiting for the file; the file is staged and published
like every output (`foedus.outputs.atomic`), and a failure on either side leaves nothing behind. Other
formats collect the batches and go through `write_columns`.
"""

from __future__ import annotations

import contextlib
import json
import queue
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foedus.errors import OutputError
from foedus.outputs.atomic import HOW, staged_file
from foedus.outputs.tables import arrow_array, check_table_target, described_schema, parquet_dictionary, write_columns

if TYPE_CHECKING:
    import numpy as np

__all__ = ["BatchSink", "column_batches"]


class BatchSink:
    """Where a command puts its batches (`put`); `rows` counts what was put."""

    def __init__(self, dtypes: Mapping[str, Any]) -> None:
        self.dtypes = dict(dtypes)
        self.rows = 0
        self.kept: list[Mapping[str, np.ndarray]] = []  # formats other than Parquet: written at the end
        self._queue: queue.Queue[Any] | None = None
        self._error: BaseException | None = None

    def put(self, batch: Mapping[str, np.ndarray]) -> None:
        """Hand one batch (every column, in the declared order, of one length) to the writer."""
        if list(batch) != list(self.dtypes):
            raise OutputError(f"a batch has the columns {list(batch)}, not {list(self.dtypes)}")
        if self._error is not None:
            raise OutputError(f"writing the table failed: {self._error}")
        self.rows += len(next(iter(batch.values()), ()))
        if self._queue is None:
            self.kept.append(batch)
        else:
            import pyarrow as pa

            self._queue.put(pa.table({name: arrow_array(values) for name, values in batch.items()}))

    def _write(self, writer: Any, tables: queue.Queue[Any]) -> None:
        """The writer thread: one row group per batch of `tables` (the sink's queue) until None; after a failure,
        only drain the queue."""
        while (table := tables.get()) is not None:
            if self._error is None:
                try:
                    writer.write_table(table)
                except BaseException as exc:  # handed to the producer's thread, which raises it
                    self._error = exc


@contextlib.contextmanager
def column_batches(out: Path, dtypes: Mapping[str, Any], *, force: bool = False,
                   meta: Mapping[str, Any] | None = None, how: str = HOW, sidecar: bool = False,
                   descriptions: Mapping[str, str] | None = None) -> Iterator[BatchSink]:
    """A sink for batches of numpy columns (names and numpy dtypes as in `dtypes`) that become the table `out`;
    `descriptions` say what columns mean, as `write_table`'s do.

    Raises:
        OutputError: the target is refused, a batch does not fit the columns, or writing failed.
    """
    check_table_target(out, force=force, how=how, sidecar=sidecar)
    sink = BatchSink(dtypes)
    if out.suffix.lower() != ".parquet":
        yield sink
        import numpy as np

        joined = {name: np.concatenate([b[name] for b in sink.kept]) if sink.kept else np.empty(0, dtype)
                  for name, dtype in sink.dtypes.items()}
        write_columns(joined, out, force=force, meta=meta, how=how, sidecar=sidecar, descriptions=descriptions)
        return
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.from_numpy_dtype(np.dtype(dtype))) for name, dtype in sink.dtypes.items()])
    if meta:
        schema = schema.with_metadata({b"foedus": json.dumps(dict(meta), ensure_ascii=False).encode()})
    if descriptions:
        schema = described_schema(schema, descriptions)
    with staged_file(out, force=force, how=how) as tmp:
        tables: queue.Queue[Any] = queue.Queue(maxsize=2)  # at most two batches wait: memory stays bounded
        sink._queue = tables
        with pq.ParquetWriter(tmp, schema, use_dictionary=parquet_dictionary(schema)) as writer:
            thread = threading.Thread(target=sink._write, args=(writer, tables), name="foedus-parquet", daemon=True)
            thread.start()
            try:
                yield sink
            finally:
                tables.put(None)
                thread.join()
        if sink._error is not None:
            text = " ".join(str(sink._error).split())[:300]
            raise OutputError(f"cannot write {out} as parquet: {text}") from None
