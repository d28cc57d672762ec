"""Where foedus looks for research datasets and keeps its cache (no network, no side effects).

Dataset files are read through `foedus.datasets.verify.dataset_file`, which checks them first.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["DATA_ENV", "cache_dir", "data_dir", "data_file_at", "in_bundled_data"]

DATA_ENV = "FOEDUS_DATA_DIR"

def data_dir() -> Path:
    """The research-data folder: $FOEDUS_DATA_DIR, else the per-user data folder.

    Raises:
        SettingError: $FOEDUS_DATA_DIR names something that is there but is not a folder, or a path no folder can
            be made at (a file on the way, `data.csv/x`: every dataset was then reported with a bad checksum), or
            is blank.
    """
    from foedus.settings import setting  # here, not at the top: the console's start imports this module

    what = "the folder that holds the datasets"
    override = setting(DATA_ENV, what)
    if override:
        return _folder_setting(DATA_ENV, override, what)
    base = _xdg_base("XDG_DATA_HOME", ".local/share")
    if base is not None:
        return Path(base) / "foedus" / "data"
    from platformdirs import user_data_dir

    return Path(user_data_dir("foedus")) / "data"


def _folder_setting(variable: str, override: str, what: str) -> Path:
    """The folder a variable names (`~` expanded), refused when something is there that is not a folder, or no folder
    can be made there: the data folder's and the cache's alike (a cache that is a file was run without, unsaid).

    Raises:
        SettingError: naming the variable, its value, why and `what` to give.
    """
    path = Path(override).expanduser()
    if not os.path.isdir(path) and (os.path.lexists(path) or not _missing(path)):
        from foedus.errors import SettingError
        from foedus.reachable import unreachable

        why = unreachable(path) or "not a folder"
        raise SettingError(f"{variable}={override}: {why} (give {what})")
    return path


def _missing(path: Path) -> bool:
    """Whether nothing is at `path` and a folder could be made there (`data fetch` makes it): not a path through a
    file (ENOTDIR) or a loop of links (ELOOP)."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return True
    except (OSError, ValueError):
        return False
    return False


def in_bundled_data(path: Path) -> Path | None:
    """The folder of foedus's own bundled data (`foedus/data`: the treaties, wars, gazetteer and models every
    command reads) when `path` lies in it, else None: a file written there (a stray overlay in `treaties/`) would be
    read as bundled data, and break every command or change its answers."""
    bundled = Path(__file__).resolve().parent / "data"
    there = Path(os.path.realpath(path))
    return bundled if there == bundled or bundled in there.parents else None


def data_file_at(path: Path) -> tuple[Path, str] | None:
    """The data folder and the path under it (`cow_states/states2016.csv`) when `path` names, through links, one of
    the registry's dataset files there or the record of other versions; else None. No output may replace these
    (`foedus.outputs.check_target`): every command would refuse the folder as corrupt, and the file may not be
    there to fetch again."""
    from foedus.datasets.registry import OTHER_VERSIONS, find_path
    from foedus.errors import SettingError

    try:
        root = data_dir()
    except SettingError:  # reported when the data are read; an output is not the place to say it
        return None
    real_root, there = Path(os.path.realpath(root)), Path(os.path.realpath(path))
    if real_root not in there.parents:
        return None
    relative = there.relative_to(real_root).as_posix()
    return (root, relative) if relative == OTHER_VERSIONS or find_path(relative) is not None else None


def cache_dir() -> Path:
    """Per-user cache for derived indexes (safe to delete): $FOEDUS_CACHE_DIR, else the per-user cache folder.

    Raises:
        SettingError: $FOEDUS_CACHE_DIR is blank, or names something that is there but is not a folder, or a path no
            folder can be made at (the cache was then skipped without a word), as $FOEDUS_DATA_DIR is refused.
    """
    from foedus.settings import setting

    what = "the folder for foedus's cache"
    override = setting("FOEDUS_CACHE_DIR", what)
    if override:
        return _folder_setting("FOEDUS_CACHE_DIR", override, what)
    base = _xdg_base("XDG_CACHE_HOME", ".cache")
    if base is not None:
        return Path(base) / "foedus"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("foedus"))


def _xdg_base(variable: str, default: str) -> str | None:
    """The base folder platformdirs gives on Linux: `variable` when it is an absolute path (the XDG Base
    Directory rule, which platformdirs 4.14 follows: a relative one is ignored), else `~/default` under an
    absolute HOME. Read here because importing platformdirs (4.14) took about 10 ms of the console's start on Python
    3.11 (docs/performance.md); None where platformdirs' other rules apply (other systems, Android, no absolute HOME).
    tests/test_paths.py holds the two to the same folders."""
    if sys.platform != "linux" or hasattr(sys, "getandroidapilevel") or os.environ.get("ANDROID_DATA"):
        return None
    path = os.environ.get(variable, "")
    if os.path.isabs(path):
        return path
    home = os.environ.get("HOME", "")
    return os.path.expanduser("~/" + default) if os.path.isabs(home) else None
