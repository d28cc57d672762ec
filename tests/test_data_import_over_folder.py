"""`foedus data import F` where a folder stands at F's place in the data folder said 'already in place and differs
from F; not overwriting it: use --force to replace it', and with --force that '--force replaces a file, never a
folder': advice that cannot work. Both now say it is a folder, with or without --force, and leave it alone; a run
without --force was still told what --force does: now each in the one wording the outputs use
(`foedus.wording.other_kind_taken`). It then said 'choose another path' of a path the data folder fixes: now to
move or remove the folder in its way."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from foedus.datasets import import_file
from foedus.errors import DataImportError

SOURCE = Path(os.environ["FOEDUS_DATA_DIR"])
STATES = "cow_states/states2016.csv"


@pytest.mark.needs_data
@pytest.mark.parametrize("force", [False, True])
def test_a_folder_in_the_files_place_is_named_not_forced(target: Path, tmp_path: Path, force: bool) -> None:
    source = tmp_path / "states2016.csv"
    shutil.copyfile(SOURCE / STATES, source)
    (target / STATES).mkdir(parents=True)
    (target / STATES / "mine.txt").write_text("keep", encoding="utf-8")
    said = f"{target / STATES} is a folder; --force replaces a file, never a folder" if force else \
        (f"{target / STATES} is a folder, and this command writes a file there: nothing was changed; its place in the "
         "data folder is fixed: move or remove that folder, then run it again")
    with pytest.raises(DataImportError, match=f"^{re.escape(said)}$"):
        import_file(source, force=force)
    assert (target / STATES / "mine.txt").read_text(encoding="utf-8") == "keep"
