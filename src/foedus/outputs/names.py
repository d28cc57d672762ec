"""What an output's name may be, said before any work: not `-` (standard output, by custom).

One rule for every output that is a file: `foedus.outputs.check_target` and the table check call it.
"""

from __future__ import annotations

from pathlib import Path

from foedus.errors import OutputError

__all__ = ["refuse_dash"]


def refuse_dash(out: Path) -> None:
    """Refuse `-`, which by custom means standard output: written as a file of that name, the output would be where
    nobody looks. A command whose output is text prints it when no --out is given (`foedus schema` takes `-` so)."""
    if str(out) == "-":
        raise OutputError("cannot write -: '-' (standard output) is not a file this output can go to; give a file "
                          "name")
