"""Every file or folder foedus writes goes through here: unique temporaries, exclusive or forced publish.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> with staged_file(folder / "a.txt") as tmp:
...     _ = tmp.write_text("hello")
>>> (folder / "a.txt").read_text(), sorted(p.name for p in folder.iterdir())
('hello', ['a.txt'])
"""

from typing import TYPE_CHECKING, Any

from foedus.outputs.atomic import (
    HOW,
    TMP_SUFFIX,
    check_folder_target,
    check_target,
    install_signal_cleanup,
    staged_file,
    staged_folder,
)

if TYPE_CHECKING:
    from foedus.outputs.tables import (
        TABLE_SUFFIXES,
        check_partitioned_target,
        check_table_target,
        write_partitioned,
        write_table,
    )

__all__ = [
    "HOW",
    "TABLE_SUFFIXES",
    "TMP_SUFFIX",
    "check_folder_target",
    "check_partitioned_target",
    "check_table_target",
    "check_target",
    "install_signal_cleanup",
    "staged_file",
    "staged_folder",
    "write_partitioned",
    "write_table",
]


_TABLES = ("TABLE_SUFFIXES", "check_partitioned_target", "check_table_target", "write_partitioned", "write_table")


def __getattr__(name: str) -> Any:
    """The table writers (`foedus.outputs.tables`), imported when first asked for: the console's start, which
    imports this package for its signal handling, writes no table."""
    if name not in _TABLES:
        raise AttributeError(f"module 'foedus.outputs' has no attribute {name!r}")
    from foedus.outputs import tables

    value = getattr(tables, name)
    globals()[name] = value
    return value
