"""What a report folder holds that its command does not write: the one rule `--force` asks before replacing it.

`foedus backtest` and `foedus likely report` write a fixed set of files into a folder; `--force` replaces an
earlier such folder, never a user's own files or folders in it, a folder of a report file's name included (the
report writes files, so a user's folder `model.json/` is not the report's)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

__all__ = ["foreign_entries"]


def foreign_entries(files: Collection[str], what: str) -> Callable[[Path], str | None]:
    """The `replaceable` rule for a folder of `files` written by `what` ("the backtest"): why a folder may not be
    replaced, naming what it holds that `what` does not write (folders with a trailing '/'), or None."""

    def reason(folder: Path) -> str | None:
        foreign = sorted(p.name + "/" if p.is_dir() and not p.is_symlink() else p.name for p in folder.iterdir()
                         if p.name not in files or (p.is_dir() and not p.is_symlink()))
        if not foreign:
            return None
        shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
        return (f"it holds what {what} does not write ({shown}); --force replaces only an earlier report: move "
                "those out, or choose another folder")

    return reason
