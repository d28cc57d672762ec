"""A research table's writer printed on stderr COW NMC's citation alone (`cite: Singer, J. David, ...`), then named
the other datasets: a researcher copying the `cite:` lines of `foedus dyads` left out ATOP's authors, whose data the
panel's flags are. It now prints every dataset's citations, as a Stata table's notes and `foedus cite` give them."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.cli.writing import echo_wrote
from foedus.datasets import cite


def test_the_writer_cites_every_dataset_it_used(capsys: pytest.CaptureFixture[str]) -> None:
    echo_wrote(Path("dyads.csv"), "2 rows", datasets=["atop", "cow_states", "atop"])
    lines = capsys.readouterr().err.splitlines()
    assert [line for line in lines if line.startswith("cite: ")] == [
        f"cite: {text}" for texts in cite(["atop", "cow_states"]).values() for text in texts]
    assert "cite: Leeds, Brett Ashley" in "\n".join(lines)
    assert lines[-1] == ("data used: atop cow_states; `foedus cite atop cow_states` says what to cite (--bibtex for "
                         "BibTeX)")
