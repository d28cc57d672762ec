"""`foedus --help` lists the `foedus data` subcommands by their names (it said "fetch, import, check and locate",
but the subcommands are fetch, import, status and path)."""

from __future__ import annotations

import contextlib
import io
import re

from foedus.cli.data_cmd import data_app
from foedus.cli.start import run_line


def test_the_data_help_names_every_subcommand_and_no_other() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        run_line(["--help"])
    text = " ".join(out.getvalue().split())
    listed = re.search(r"Research datasets: ([a-z ,]+)\.", text)
    assert listed is not None, text
    names = [w for w in re.split(r",\s*|\s+and\s+", listed.group(1)) if w]
    assert names == [c.name for c in data_app.registered_commands]
