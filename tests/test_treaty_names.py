"""The names an analyst types for a treaty where foedus asked for its id (analyst audit, session 39): `treaties show
NATO` was 'unknown treaty' (it suggested nato_1949). A treaty's short name, its acronym or its full name, in any
case, names it where no other treaty carries the name (`World.treaty_id`, the one resolver `treaties show`, the
what-if changes and the APIs read a typed treaty with)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import foedus
from foedus.errors import UnknownTreatyError
from foedus.model.world import World
from samples import cli_line

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

CURATED = World.load(history=False)


@pytest.mark.parametrize(("typed", "treaty_id"), [
    ("NATO", "nato_1949"), ("nato", "nato_1949"), ("The North Atlantic Treaty", "nato_1949"),
    ("North Atlantic Treaty", "nato_1949"), ("SEATO", "manila_1954"), ("Manila Pact", "manila_1954"),
    ("Rio Treaty", "tiar_1947"), ("TIAR", "tiar_1947"), ("ANZUS", "anzus_1951"), ("csto", "csto_1992"),
    ("Russia-DPRK 2024", "rus_prk_2024"), ("Russia–DPRK 2000", "rus_prk_2000"), ("AES", "aes_2023"),
    ("WEU", "weu_1948"), (" nato_1949 ", "nato_1949"),
    ("ANZUS Treaty", "anzus_1951"), ("Rio Pact", "tiar_1947"), ("Manila Treaty", "manila_1954"),  # "treaty"/"pact"
])
def test_a_treaty_is_found_by_its_names(typed: str, treaty_id: str) -> None:
    assert CURATED.treaty_id(typed) == treaty_id and CURATED.treaty(typed).id == treaty_id


def test_every_bundled_treaty_is_found_by_its_short_name_alone() -> None:
    """No two bundled treaties share a name: each short name names its treaty."""
    assert {t.id: CURATED.treaty_id(t.short_name or t.name) for t in CURATED.treaties.curated.values()} == {
        t.id: t.id for t in CURATED.treaties.curated.values()}


@pytest.mark.parametrize("typed", ["NATOЖ", "NATOO", "Russia"])
def test_a_text_that_is_no_name_is_still_unknown(typed: str) -> None:
    """A name is matched whole: a letter the match would drop, a misspelling, or part of a name names no treaty."""
    with pytest.raises(UnknownTreatyError, match="unknown treaty"):
        CURATED.treaty(typed)


@pytest.mark.parametrize(("typed", "suggested"), [("natoo", "nato_1949"), ("seeato", "manila_1954"),
                                                 ("Rio Treatty", "tiar_1947")])
def test_a_misspelt_name_is_answered_with_the_treaty_it_is_close_to(typed: str, suggested: str) -> None:
    """Suggestions were read off the ids alone: 'natoo' got none, 'seeato' none of SEATO's manila_1954."""
    with pytest.raises(UnknownTreatyError, match=f"did you mean {suggested}[,?]"):
        CURATED.treaty(typed)


def test_a_name_two_treaties_carry_is_refused_with_both_in_one_line(tmp_path: Path) -> None:
    """A treaty file given beside the bundle that also calls itself NATO makes the name ambiguous: the error lists
    both treaties, each with its short name, and asks for an id."""
    quad = (Path(foedus.__file__).parent / "data" / "treaties" / "quad.yaml").read_text(encoding="utf-8")
    other = tmp_path / "nato_like.yaml"
    other.write_text(quad.replace("id: quad", "id: nato_like").replace("short_name: Quad", "short_name: NATO"),
                     encoding="utf-8")
    world = World.load(extra=[other], history=False)
    with pytest.raises(UnknownTreatyError) as err:
        world.treaty("nato")
    assert str(err.value) == ("the treaty name 'nato' names 2 treaties: nato_1949 (NATO); nato_like (NATO); give its "
                              "id")
    assert world.treaty("nato_1949").id == "nato_1949"


def test_treaties_show_takes_a_name() -> None:
    out = cli_line(["treaties", "show", "NATO"])
    assert out.returncode == 0 and out.stdout.startswith("The North Atlantic Treaty (nato_1949)")


def test_a_what_if_names_a_treaty_by_its_name() -> None:
    """--drop-treaty and --add-member TREATY:STATE (the Python API's drop_treaty/add_member) read a name as its id:
    the same world as the id gives, and a name and the id of one treaty contradict each other as two ids would."""
    assert foedus.cascade("RUS", "EST", "2025-06-01", drop_treaty="NATO").sides == foedus.cascade(
        "RUS", "EST", "2025-06-01", drop_treaty="nato_1949").sides
    assert foedus.cascade("RUS", "UKR", "2025-06-01", add_member="nato:UKR").sides == foedus.cascade(
        "RUS", "UKR", "2025-06-01", add_member="nato_1949:UKR").sides
    out = cli_line(["cascade", "-a", "RUS", "-t", "UKR", "-d", "2025-06-01", "--add-member", "NATO:UKR",
                    "--drop-treaty", "nato_1949"])
    assert out.returncode == 2 and "contradict each other (the treaty is dropped)" in out.stderr


def test_the_web_api_shows_a_treaty_by_its_name(api_client: TestClient) -> None:
    r = api_client.get("/api/treaties/NATO")
    assert r.status_code == 200 and r.json()["id"] == "nato_1949"


def test_a_lookup_slugs_only_the_text_once_the_names_are_known(monkeypatch: pytest.MonkeyPatch) -> None:
    """The treaties' name keys are kept between lookups (slugging every treaty's names was most of a lookup's
    time): a second lookup over the same treaties slugs only the text typed."""
    from foedus.model import treaty_names

    treaties = list(CURATED.treaties.curated.values())
    assert treaty_names.named_treaty("NATO", treaties) == "nato_1949"
    slugged: list[str] = []
    real = treaty_names._key
    monkeypatch.setattr(treaty_names, "_key", lambda name: slugged.append(name) or real(name))
    assert treaty_names.named_treaty("Manila Pact", treaties) == "manila_1954"
    assert slugged == ["Manila Pact"]


def test_a_renamed_treaty_is_found_by_its_new_name_only() -> None:
    """The kept keys follow a treaty set that changes: a treaty renamed in one set is found there by its new name,
    not its old one, while the set it came from still finds it by the old."""
    from foedus.model.treaty_names import named_treaty

    treaties = list(CURATED.treaties.curated.values())
    assert named_treaty("SEATO", treaties) == "manila_1954"
    renamed = [t.model_copy(update={"short_name": "Bangkok Pact (BKP)"}) if t.id == "manila_1954" else t
               for t in treaties]
    assert named_treaty("BKP", renamed) == "manila_1954" and named_treaty("SEATO", renamed) is None
    assert named_treaty("SEATO", treaties) == "manila_1954" and named_treaty("BKP", treaties) is None
