"""`foedus --help` lists the `foedus data` subcommands by their names (it said "fetch, import, check and locate",
but the subcommands are fetch, import, status and path)."""

from __future__ import annotations

import re

from foedus.cli.data_cmd import data_app
from samples import cli_line


def test_the_data_help_names_every_subcommand_and_no_other() -> None:
    code, out, err = cli_line(["--help"])
    assert code == 0, err
    text = " ".join(out.split())
    listed = re.search(r"Research datasets: ([a-z ,]+)\.", text)
    assert listed is not None, text
    names = [w for w in re.split(r",\s*|\s+and\s+", listed.group(1)) if w]
    assert names == [c.name for c in data_app.registered_commands]
