"""Tables written batch by batch (`foedus.outputs.batches`): the same file contents as one write, atomic on failure."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from foedus.errors import OutputError, OutputExistsError
from foedus.outputs.batches import column_batches
from foedus.outputs.tables import write_columns

DTYPES = {"code": np.dtype(np.int64), "value": np.dtype(np.float64)}


def _batches() -> list[dict[str, np.ndarray]]:
    rng = np.random.default_rng(3)
    sizes = [5, 0, 17, 1]
    values = [rng.normal(size=n) for n in sizes]
    values[2][[3, 7]] = np.nan  # missing values: null, as pandas writes them
    return [{"code": np.arange(n, dtype=np.int64) + 10 * k, "value": v} for k, (n, v) in enumerate(zip(sizes, values,
                                                                                                     strict=True))]


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_batches_write_what_one_write_does(tmp_path: Path, suffix: str) -> None:
    out, whole = tmp_path / f"b{suffix}", tmp_path / f"w{suffix}"
    with column_batches(out, DTYPES, meta={"title": "t"}) as sink:
        for batch in _batches():
            sink.put(batch)
    assert sink.rows == 23
    joined = {name: np.concatenate([b[name] for b in _batches()]) for name in DTYPES}
    write_columns(joined, whole, meta={"title": "t"})
    if suffix == ".parquet":
        got, want = pq.read_table(out), pq.read_table(whole)
        assert got.equals(want) and got.schema.metadata == want.schema.metadata
        assert got["value"].null_count == 2
        pd.testing.assert_frame_equal(pd.read_parquet(out), pd.read_parquet(whole), check_exact=True)
    else:
        assert out.read_bytes() == whole.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, whole.name])


def test_no_batches_give_an_empty_table_with_the_columns(tmp_path: Path) -> None:
    with column_batches(tmp_path / "e.parquet", DTYPES) as _sink:
        pass
    frame = pd.read_parquet(tmp_path / "e.parquet")
    assert list(frame.columns) == ["code", "value"] and frame.empty
    assert frame.dtypes.tolist() == [np.dtype(np.int64), np.dtype(np.float64)]


def test_a_failure_leaves_nothing_and_an_existing_file_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "f.parquet"
    with pytest.raises(RuntimeError, match="mid-way"), column_batches(out, DTYPES) as sink:
        sink.put(_batches()[0])
        raise RuntimeError("mid-way")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(OutputError, match="columns"), column_batches(out, DTYPES) as sink:
        sink.put({"value": np.zeros(1), "code": np.zeros(1, np.int64)})
    assert list(tmp_path.iterdir()) == []
    out.write_bytes(b"mine")
    with pytest.raises(OutputExistsError), column_batches(out, DTYPES):
        pass
    assert out.read_bytes() == b"mine"


def test_a_batch_of_the_wrong_type_fails_as_an_output_error(tmp_path: Path) -> None:
    out = tmp_path / "t.parquet"
    with pytest.raises(OutputError, match="cannot write"), column_batches(out, DTYPES) as sink:
        sink.put({"code": np.zeros(2), "value": np.zeros(2)})  # floats where the schema says int64
    assert list(tmp_path.iterdir()) == []
