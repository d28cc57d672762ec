"""Atomic, exclusive outputs: write beside the target under a unique temporary name, then publish.

* The temporary name is new for every run (`mkstemp`/`mkdtemp` in the target's folder, a hidden
  `.NAME.<random>.foedus-tmp`), so no two runs share it and no user file is ever taken for it.
* Publishing without `force` claims the final name exclusively (a hard link for a file; `mkdir` then rename onto that
  empty claim for a folder): of two runs racing for one name exactly one wins, and the other raises
  `OutputExistsError` with the winner's output untouched. A folder output takes an existing empty folder as it takes
  a new name (one rename onto it, which the system does only while it is empty: `foedus.outputs.swap`).
* A symbolic link is never replaced, `force` or not (`_link_refused`): publishing renames onto the name, which would
  put the output in the link's place, the user's link gone (its target untouched); the link is named, with the path it
  leads to, which is the one to give to write there. Only a dataset installer's `force` replaces one (a data folder of
  links to a shared copy: the copy is never written).
* With `force`, a file is swapped in with `os.replace`; a folder is exchanged with the old one in one step where the
  system can (Linux `renameat2`), otherwise by two renames, and only when the caller says the old folder holds nothing
  but its own kind of output.
* The temporary is removed in every case (error, Ctrl-C, SIGTERM via `install_signal_cleanup`), and nothing is ever
  written under the final name before it is complete; what a SIGKILLed run left is removed by the next write of the
  same output (`foedus.outputs.temporaries`).
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

from foedus.errors import OutputError, OutputExistsError
from foedus.outputs.stops import check_not_stopped, watch_stop_signals
from foedus.outputs.temporaries import TMP_SUFFIX, cleanup_all, discard, held, keep_mode, new_temporary, unwritable
from foedus.paths import data_file_at, in_bundled_data
from foedus.reachable import link_problem, os_reason, unreachable
from foedus.wording import other_kind_taken
from foedus.written import folder_meant

__all__ = ["HOW", "TMP_SUFFIX", "check_folder_target", "check_target", "install_signal_cleanup", "staged_file",
           "staged_folder"]

HOW = "give --force to replace it, or choose another path"


def check_target(out: Path, *, force: bool = False, kind: Literal["file", "folder"] = "file",
                 how: str = HOW, dataset: bool = False, name: Callable[[Path], object] = lambda _: None) -> None:
    """Refuse an output before any work: `-` (only here), a name `name` refuses (a table's format), a taken name without
    `force`, the wrong kind, no folder, foedus's bundled data, a data-folder dataset file (unless `dataset`)."""
    from foedus.outputs.names import refuse_dash  # here: a plain cascade's start imports this module, not that one
    refuse_dash(out)
    if kind == "file" and folder_meant(out):  # typer's Path dropped the slash: `--out x.csv/` wrote x.csv
        raise OutputError(f"cannot write {out}{os.sep}: the trailing slash names a folder, and this output is a file; "
                          "give its file name, without the slash")
    name(out)  # after the slash: `x.csv/` for a model's JSON is a folder meant, whatever its suffix
    if (bundled := in_bundled_data(out)) is not None:
        raise OutputError(f"cannot write {out}: it is in foedus's bundled data ({bundled}), which every command "
                          "reads; choose another path")
    if not dataset and (found := data_file_at(out)) is not None:
        raise OutputError(f"cannot write {out}: it is the dataset file {found[1]} of the data folder ({found[0]}), "
                          "which foedus reads; choose another path")
    if os.path.lexists(out):
        _refuse_existing(out, force=force, kind=kind, how=how, dataset=dataset)
    if not os.path.isdir(out.parent):
        raise OutputError(f"cannot write {out}: {_no_folder(out.parent)}")
    if (why := unwritable(out, kind)) is not None:
        raise OutputError(f"cannot write {out}: {why}")


def _refuse_existing(out: Path, *, force: bool, kind: Literal["file", "folder"], how: str, dataset: bool) -> None:
    """Refuse the existing `out` (`check_target`): a link, the wrong kind, a name taken without `force` (but an empty
    folder, which a folder output takes as a new name), a folder that holds the current one."""
    if (refused := _link_refused(out, dataset)) is not None:
        raise refused
    if kind == "file" and (refused := _not_a_file(out, force)) is not None:  # first: "give --force" would meet this
        raise refused
    if kind == "folder" and not out.is_dir():
        raise OutputError(other_kind_taken(out, _kind_of(out), "folder", force=force))
    from foedus.outputs.swap import empty_folder  # here: a plain cascade's start imports this module

    if not force and not (kind == "folder" and empty_folder(out)):  # an empty folder is written as a new name
        what = link_problem(out)  # a dataset file that is a link leading nowhere is not one that "already exists"
        if what is None and kind == "folder":
            what = "a folder that is not empty"
        raise OutputExistsError(f"{out} is {what}; not overwriting it ({how})" if what
                                else f"{out} already exists; not overwriting it ({how})")
    if kind == "folder" and out.is_dir() and _holds_cwd(out):
        raise OutputError(f"{out} holds the folder this command runs in: --force cannot replace it; choose "
                          "another path")


def _link_refused(out: Path, dataset: bool = False) -> OutputError | None:
    """Why the symbolic link `out` is not replaced (with or without --force, live, dangling or a loop), naming what
    it is and the path to give instead; None when `out` is not a link. `--force` renames onto the name, so it would
    replace the link itself, not what it leads to: the user's link would be gone without a word. A dataset
    installer (`dataset`) is the exception: its --force replaces a dataset file of the data folder that is a link
    (to a shared copy, say), never what it leads to."""
    if dataset or not os.path.islink(out):
        return None
    what = link_problem(out)  # a link that leads nowhere is said to be one
    if what is None:
        what = f"a symbolic link to {os.readlink(out)}"
    how = "choose another path" if "(ELOOP)" in what else f"give {os.path.realpath(out)} to write there, or " \
                                                          "choose another path"
    return OutputError(f"{out} is {what}; an output never replaces a symbolic link, --force or not ({how})")


def _kind_of(out: Path) -> str:
    """What the existing `out` itself is, in words: a file, a folder, a named pipe, a device, a socket or a symbolic
    link (not what it leads to: the swap replaces the link)."""
    mode = os.lstat(out).st_mode
    kinds = ((stat.S_ISREG, "a file"), (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
             (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISLNK, "a symbolic link"))
    return next((word for test, word in kinds if test(mode)), "something other than a file")


def _not_a_file(out: Path, force: bool = True) -> OutputError | None:
    """Why a file output (`force` given or not) does not replace the existing `out`: it is a folder, a named pipe or a
    device (`--out /dev/null --force` run as root would put a file in the device's place); None for a regular file,
    and for a link that reaches here, a dataset file's (`_link_refused` refuses every other), which the swap replaces
    itself, wherever it leads (a link leading nowhere was an internal error, FileNotFoundError)."""
    if not os.path.lexists(out):  # --force for a new name
        return None
    what = _kind_of(out)
    return None if what in ("a file", "a symbolic link") else OutputError(other_kind_taken(out, what, "file",
                                                                                           force=force))


def _holds_cwd(folder: Path) -> bool:
    """Whether `folder` is the current folder or one above it: a folder cannot be swapped out from under a process
    working in it (the swap fails with EBUSY, after all the work)."""
    try:
        here, there = Path.cwd().resolve(), folder.resolve()
    except OSError:
        return False
    return here == there or there in here.parents


def _no_folder(folder: Path) -> str:
    """Why `folder` cannot hold an output: the nearest part of it that is there is a file (`out.txt/x.csv`), or
    it does not exist (a file standing in for a folder is not reported as a missing folder)."""
    for part in (folder, *folder.parents):
        if os.path.lexists(part):
            if os.path.isdir(part):
                break
            if os.path.isfile(part):
                return f"{part} is a file, not a folder"
            return f"{part} is {unreachable(part) or 'not a folder'}"
    return f"the folder {folder} does not exist"


def _fail(out: Path, exc: OSError) -> OutputError:
    """The one line for a write the system refused, its reason worded as every file error is (`os_reason`)."""
    reason = os_reason(exc) if exc.errno else exc
    return OutputError(f"cannot write {out}: {reason}; nothing was written under that name")


def _sync(path: Path) -> None:
    """Flush a finished file to disk before it is published (a crash then cannot leave it cut off)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def _temporary(out: Path, kind: Literal["file", "folder"]) -> Iterator[Path]:
    """A new temporary for `out`, removed when the block ends however it ends; a system error in the block (the
    write, the publish) or in making the temporary is `_fail`'s one line."""
    try:
        tmp = new_temporary(out, kind)
    except OSError as exc:
        raise _fail(out, exc) from None
    try:
        yield tmp
    except OSError as exc:
        raise _fail(out, exc) from None
    finally:
        discard(tmp)


@contextlib.contextmanager
def staged_file(out: Path, *, force: bool = False, how: str = HOW, dataset: bool = False) -> Iterator[Path]:
    """A fresh temporary file beside `out` to write into; on success it becomes `out`, else it goes away. Only a
    dataset installer passes `dataset`, to write the data folder's own files (`check_target`).

    Raises:
        OutputExistsError: `out` exists (without `force`), or another run published it first.
        OutputError: the folder is missing or unwritable, or writing failed (disk full, ...).
    """
    check_target(out, force=force, kind="file", how=how, dataset=dataset)
    with _temporary(out, "file") as tmp:
        yield tmp
        check_not_stopped()
        _sync(tmp)
        _publish_file(tmp, out, force, how, dataset)


def _publish_file(tmp: Path, out: Path, force: bool, how: str, dataset: bool) -> None:
    if force:  # a link, a folder or a pipe put there while this run wrote is refused
        if (refused := _link_refused(out, dataset) or _not_a_file(out)) is not None:
            raise refused
        keep_mode(tmp, out)
        os.replace(tmp, out)
        return
    from foedus.outputs.swap import taken  # here: a plain cascade's start imports this module

    try:
        os.link(tmp, out)  # fails if the name is taken, whoever took it: exclusive
    except FileExistsError:
        raise taken(out, how) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
        _rename_locked(tmp, out, how)  # a file system without hard links


def _rename_locked(tmp: Path, out: Path, how: str) -> None:
    """Rename onto a free name under an exclusive lock on the folder (for file systems without links)."""
    from foedus.outputs.swap import taken

    if os.name == "nt":  # os.rename refuses an existing target there
        try:
            os.rename(tmp, out)
        except FileExistsError:
            raise taken(out, how) from None
        return
    from foedus.folderlock import folder_lock

    # a folder this run is staging is its own (no other run writes there), and its lock is held already
    with contextlib.nullcontext() if held(out.parent) else folder_lock(out.parent):
        if os.path.lexists(out):
            raise taken(out, how)
        os.rename(tmp, out)


def check_folder_target(out: Path, *, force: bool = False, how: str = HOW,
                        replaceable: Callable[[Path], str | None] | None = None) -> None:
    """Refuse a folder output before any work (`check_target`), and with `force` an existing folder `replaceable`
    refuses: the rule `staged_folder` asks again before the swap, so a command calls this before its work."""
    check_target(out, force=force, kind="folder", how=how)
    if force and out.is_dir():
        _refuse_replacing(out, replaceable)


def _refuse_replacing(out: Path, replaceable: Callable[[Path], str | None] | None, after: str = "") -> None:
    """Raise `replaceable`'s reason not to replace the folder `out`, if it gives one (before and after the work)."""
    if replaceable is not None and (reason := replaceable(out)):
        raise OutputError(f"not replacing {out}: {reason}{after}")


@contextlib.contextmanager
def staged_folder(out: Path, *, force: bool = False, how: str = HOW,
                  replaceable: Callable[[Path], str | None] | None = None) -> Iterator[Path]:
    """A fresh temporary folder beside `out`; on success it becomes `out` whole, else it goes away.

    With `force`, an existing `out` is replaced only if `replaceable(out)` returns None (else its
    reason, e.g. the files in it that this kind of output never writes, is the error), asked before the work
    and again just before the swap (a file put there meanwhile is not deleted with the old folder).
    """
    check_folder_target(out, force=force, how=how, replaceable=replaceable)
    from foedus.outputs.swap import claim_folder, empty_folder, fill_empty_folder, swap_folder

    empty = not force and empty_folder(out)  # taken without --force only if it is still empty when published
    with _temporary(out, "folder") as tmp:
        yield tmp
        check_not_stopped()
        for path in tmp.rglob("*"):
            if path.is_file():
                _sync(path)
        if force and (refused := _link_refused(out)) is not None:  # a link made while this run wrote
            raise refused
        if force and out.is_dir():
            _refuse_replacing(out, replaceable, "; this run's output was discarded")
            keep_mode(tmp, out)
            swap_folder(tmp, out)
        elif empty:
            fill_empty_folder(tmp, out, how)
        else:
            claim_folder(tmp, out, how)


def install_signal_cleanup() -> None:
    """Make SIGTERM (and SIGHUP) unwind like Ctrl-C, and remember each stop (`foedus.outputs.stops`), so
    temporaries are removed and nothing is published after one; call once from main."""
    atexit.register(cleanup_all)
    watch_stop_signals()
