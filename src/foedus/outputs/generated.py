"""The command line of the generators of checked-in files (`foedus.engine.contract_gen`,
`foedus.datarecord.gen_inits`, `foedus.model.records_gen`, `foedus.cli.fast_gen`, `foedus.likely.model_gen`):
`--help` writes nothing, `--check` names the files that are stale and writes nothing, and no flag rewrites them, each
whole (`staged_file`)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from foedus.outputs.atomic import staged_file

__all__ = ["Files", "run_generator"]

Files = Mapping[Path, "str | None"]  # each generated file's text; None: a file of an earlier run, to remove


def run_generator(argv: Sequence[str], module: str, what: str, files: Callable[[], Files]) -> int:
    """Parse `argv` (`python -m module`; `what` says what it writes) and check or write `files()`: the exit code,
    1 when `--check` finds a file that would change."""
    parser = argparse.ArgumentParser(prog=f"python -m {module}", description=what)
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1, naming each file that would change, when one is stale")
    args = parser.parse_args(argv)
    wanted = files()
    if args.check:
        stale = [str(path) for path, text in wanted.items() if _differs(path, text)]
        if stale:
            sys.stderr.write(f"stale: {', '.join(stale)} (run `python -m {module}`)\n")
            return 1
        sys.stdout.write(f"current: {', '.join(str(p) for p, text in wanted.items() if text is not None)}\n")
        return 0
    for path, text in wanted.items():
        if text is None:
            path.unlink(missing_ok=True)
            continue
        with staged_file(path, force=True) as tmp:  # a run stopped mid-write leaves the old file whole
            tmp.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {', '.join(str(p) for p, text in wanted.items() if text is not None)}\n")
    return 0


def _differs(path: Path, text: str | None) -> bool:
    """Whether writing `text` (None: removing) would change `path`."""
    if text is None:
        return path.exists()
    try:
        return path.read_text(encoding="utf-8") != text
    except (FileNotFoundError, IsADirectoryError, UnicodeDecodeError):
        return True
