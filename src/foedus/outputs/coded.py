"""A text column of few distinct values, as codes into its labels (`CodedText`): written to Parquet as a plain text
column through pyarrow without building a Python string per row (and without importing pandas, which
`pyarrow.array` does), and given to pandas as its text dtype.

>>> import numpy as np
>>> column = CodedText(np.array([1, 0, -1, 1], dtype=np.int32), ("", "3790"))
>>> column.to_numpy().tolist(), column.to_arrow().to_pylist()
(['3790', '', None, '3790'], ['3790', '', None, '3790'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

__all__ = ["CodedText"]


class CodedText:
    """Row i is `labels[codes[i]]`, missing where `codes[i]` is -1. (A plain class: a dataclass would import
    `dataclasses`, which the CLI's fast start, importing `foedus.outputs`, never does.)"""

    __slots__ = ("codes", "labels")

    def __init__(self, codes: np.ndarray, labels: tuple[str, ...]) -> None:
        self.codes = codes  # int32
        self.labels = labels

    def __len__(self) -> int:
        return len(self.codes)

    def to_numpy(self) -> np.ndarray:
        """The rows as a numpy object array of str, None where missing."""
        import numpy as np

        labels = np.array([*self.labels, None], dtype=object)  # code -1 takes the last: None
        out: np.ndarray = labels[self.codes]
        return out

    def to_arrow(self) -> Any:
        """The rows as an Arrow string array, null where missing: the bytes gathered by numpy (a third of the time
        Arrow's own dictionary decoding takes)."""
        import numpy as np
        import pyarrow as pa

        raw = [label.encode() for label in self.labels]
        sizes = np.array([*map(len, raw), 0], dtype=np.int32)  # code -1 (missing) takes the last: no bytes
        starts = np.concatenate(([0], np.cumsum(sizes, dtype=np.int64)[:-1]))
        missing = self.codes < 0
        codes = np.where(missing, np.int32(len(raw)), self.codes.astype(np.int32, copy=False))
        size = sizes[codes]  # int32 throughout: a row's index and size are kept for every row
        if int(size.sum(dtype=np.int64)) >= 2**31:
            raise ValueError("a text column of 2 GiB or more")
        offsets = np.zeros(len(codes) + 1, dtype=np.int32)
        np.cumsum(size, out=offsets[1:])
        texts = np.flatnonzero(size)  # the rows with any text (in `atopid`, one in eight): the others copy nothing
        where = np.repeat(starts[codes[texts]] - offsets[texts], size[texts]) + np.arange(offsets[-1])
        data = np.frombuffer(b"".join(raw), dtype=np.uint8)[where]
        valid = pa.py_buffer(np.packbits(~missing, bitorder="little")) if missing.any() else None
        return pa.Array.from_buffers(pa.string(), len(codes), [valid, pa.py_buffer(offsets),
                                                               pa.py_buffer(data)], null_count=int(missing.sum()))
