"""An article's own note of how sure it is agrees with its clause's certainty (`foedus.model.article_notes`): a tag
gives the article its clause's level and drops the note's "unverified" (`foedus.cited.tagged_article`), so
rus_kaz_2013's pledges, tagged secondary but noted "article unverified", read "(unverified: treaty; secondary:
article)" with the note's doubt said nowhere. A file whose note is less sure than its clause is now refused in one
line naming the treaty, the article and both levels, on the command line with exit 2; every bundled file agrees."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.errors import TreatyDataError
from foedus.model.article_notes import article_level
from foedus.model.loader import load_treaties
from foedus.model.vocab import CERTAINTY_RANK
from samples import cli_line

HEAD = ("id: my_pact\nname: my_pact\ntype: multilateral\nsigned: 2020-01-01\nin_force: 2020-02-01\n"
        "sources: [{url: 'https://example.org/my_pact'}]\nmembers: [{state: FRA}, {state: DEU}, {state: POL}]\n")


def _write(tmp_path: Path, article: str, certainty: str) -> Path:
    path = tmp_path / "my_pact.yaml"
    path.write_text(HEAD + f"provisions: [{{kind: defense, article: '{article}', strength: S1, certainty: {certainty}"
                    + (", doubt: 'its wording'" if certainty != "verified" else "") + "}]\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("article", "certainty", "unit", "level"), [
    ("unknown (a neutrality pledge; article unverified)", "secondary", "article", "unverified"),
    ("2 (number unverified)", "verified", "number", "unverified"),
    ("unknown (number unverified)", "verified", "number", "unverified"),
    ("2 (number from secondary reporting)", "verified", "number", "secondary"),
])
def test_a_note_less_sure_than_its_clause_is_refused(tmp_path: Path, world: object, article: str, certainty: str,
                                                     unit: str, level: str) -> None:
    path = _write(tmp_path, article, certainty)
    with pytest.raises(TreatyDataError) as caught:
        load_treaties([path], world.states, world.places)  # type: ignore[attr-defined]
    assert str(caught.value) == (f"{path}: provisions[0].article: my_pact art. {article}: its note says the {unit} "
                                 f"is {level}, but the clause's certainty is {certainty}; a clause is no surer than "
                                 f"its {unit}, so give certainty: {level}, or drop the note if all it says is that no "
                                 f"source gives the {unit}")
    ran = cli_line(["cascade", "-a", "RUS", "-t", "POL", "-d", "2024-01-01", "--treaties", str(path)])
    assert ran.returncode == 2 and "Traceback" not in ran.stderr and f"its note says the {unit}" in ran.stderr


@pytest.mark.parametrize(("article", "certainty"), [
    ("2 (number unverified)", "unverified"),  # rus_uzb_2005's
    ("2 (number from secondary reporting)", "unverified"),  # gcc_jda_2000's: its number surer than its wording
    ("unknown (a neutrality pledge)", "secondary"),  # rus_kaz_2013's now
    ("unknown", "verified"),  # gbr_deu_2025's now
])
def test_a_note_as_sure_as_its_clause_or_surer_loads(tmp_path: Path, world: object, article: str,
                                                      certainty: str) -> None:
    treaties = load_treaties([_write(tmp_path, article, certainty)], world.states, world.places)  # type: ignore[attr-defined]
    assert treaties["my_pact"].provisions[0].article == article


def test_every_bundled_note_agrees_with_its_clause(world: object) -> None:
    """rus_kaz_2013's two pledges (secondary, ATOP's coding), aus_png_2025's clause (secondary paraphrases) and
    gbr_deu_2025's (verified) cite no number, and no longer note one unverified; the notes left are as sure as their
    clause or surer."""
    notes = {(t.id, p.article): (said[1], p.certainty) for t in world.treaties.values()  # type: ignore[attr-defined]
             for p in t.provisions if (said := article_level(p.article)) is not None}
    assert notes and all(CERTAINTY_RANK[note] <= CERTAINTY_RANK[clause] for note, clause in notes.values())
    assert not any(t in {"rus_kaz_2013", "aus_png_2025", "gbr_deu_2025"} for t, _ in notes)
