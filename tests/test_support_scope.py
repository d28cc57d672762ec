"""A form of help owed only for a place (`HelpEntry.scope`, the tokens a clause's scope takes) is owed only in a war
with an attack there (`foedus.engine.rules.support.limit_reached`): US–Japan Art. VI grants bases "for the security of
Japan and the maintenance of international peace and security in the Far East", so a war in Europe does not reach
them (a Russia–Estonia cascade said "Japan is bound to give the US bases"); a war in Korea still does. The limit is
checked on load as a clause's scope is: an unknown place is a one-line error naming it."""

from __future__ import annotations

from typing import Any

import pytest

import foedus
from foedus.errors import FoedusError
from foedus.model.loader import validate_references
from foedus.model.treaty import Treaty
from foedus.model.world import World
from samples import cli_line

pytestmark = pytest.mark.needs_data

JAPAN_BASES = ("JPN", "USA", "usa_jpn_1960", "VI", "bases")


def _japan_bases(result: Any) -> list[tuple[str, str, str, str | None, str]]:
    return [(s.state, s.supports, s.treaty, s.article, s.form) for s in result.supporters if s.state == "JPN"]


def test_a_war_in_europe_does_not_reach_the_far_east_bases(world: World) -> None:
    """Russia attacks Estonia: the US fights, Japan does not, and Art. VI's bases are not said owed (text or JSON)."""
    result = foedus.cascade("RUS", "EST", "2025-06-01", world=world)
    assert "USA" in {j.state for j in result.joiners}
    assert _japan_bases(result) == []
    assert "Japan (JPN) is bound to give" not in result.explain()
    assert not [s for s in result.to_dict()["supporters"] if s["state"] == "JPN"]


def test_a_war_in_korea_still_reaches_them(world: World) -> None:
    """North Korea attacks South Korea: the US joins under the US–ROK treaty, and Japan owes it Art. VI's bases."""
    result = foedus.cascade("PRK", "KOR", "2025-06-01", world=world)
    assert _japan_bases(result) == [JAPAN_BASES]
    assert "Support: Japan (JPN) is bound to give United States (USA) bases (usa_jpn_1960 art. VI" in result.explain()


def test_an_attack_on_forces_reads_the_forces_tokens(world: World) -> None:
    """China attacks the US at home: outside the Far East; its forces in the Taiwan Strait: inside."""
    assert _japan_bases(foedus.cascade("CHN", "USA", "2025-06-01", world=world)) == []
    strait = foedus.cascade("CHN", "USA", "2025-06-01", world=world, place="taiwan-strait", target_kind="forces")
    assert _japan_bases(strait) == [JAPAN_BASES]


def test_the_bundled_limit_is_the_far_east_set_compiled_to_its_places(world: World) -> None:
    (bases,) = [e for e in world.treaties["usa_jpn_1960"].assistance.forms if e.form.value == "bases"]
    far_east = world.places.sets["far-east-1960"]
    assert bases.scope is not None and bases.scope.territory == far_east == bases.scope.forces
    assert {"japan", "south-korea", "taiwan"} <= set(far_east) and "estonia" not in far_east


def _checked(world: World, scope: dict[str, Any]) -> Treaty:
    form = {"form": "bases", "level": "one_way", "by": ["FRA"], "to": ["DEU"], "scope": scope}
    pact = {"id": "p", "name": "p", "signed": "2000-01-01", "in_force": "2000-01-01",
            "sources": [{"url": "https://example.org/p"}], "members": [{"state": "FRA"}, {"state": "DEU"}],
            "provisions": [{"kind": "defense", "article": "1", "strength": "S2"}], "assistance": {"forms": [form]}}
    return validate_references(Treaty.model_validate(pact), "pact.yaml", world.states, world.places)


def test_a_limit_names_regions_places_and_sets(world: World) -> None:
    treaty = _checked(world, {"territory": ["europe", "far-east-1960"], "forces": ["baltic-sea"]})
    assert treaty.assistance is not None and treaty.assistance.forms[0].scope is not None
    assert treaty.assistance.forms[0].scope.territory == ["europe", *world.places.sets["far-east-1960"]]


@pytest.mark.parametrize(("scope", "said"), [
    ({"territory": ["far-east"]}, "pact.yaml: assistance.forms[0].scope.territory[0]: unknown scope token 'far-east'"),
    ({"forces": ["europe+administered-by-party"]}, "pact.yaml: assistance.forms[0].scope.forces[0]: "
     "'administered-by-party' is read in a clause's territory and forces, not in a form of help: name the places or "
     "regions"),
], ids=["unknown-place", "party-token"])
def test_a_limit_the_loader_cannot_read_is_one_line_naming_it(world: World, scope: dict[str, Any], said: str) -> None:
    with pytest.raises(FoedusError) as caught:
        _checked(world, scope)
    assert str(caught.value).startswith(said) and "\n" not in str(caught.value)


def test_a_debated_limit_is_refused() -> None:
    """`debated` lowers a clause's certainty; nothing reads it for a form of help, so it is refused, not ignored."""
    from pydantic import ValidationError

    from foedus.model.assistance import HelpEntry

    with pytest.raises(ValidationError, match=r"scope\.debated is not read for a form of help"):
        HelpEntry.model_validate({"form": "bases", "level": "one_way", "scope": {"debated": ["europe"]}})


def test_treaties_show_says_the_limit() -> None:
    """`foedus treaties show usa_jpn_1960` ends the bases' line with the places the war must reach."""
    ran = cli_line(["treaties", "show", "usa_jpn_1960"])
    assert ran.returncode == 0
    said = " ".join(ran.stdout.split())
    assert "status-of-forces agreement was signed with the treaty. (owed only in a war with an attack in: japan, " \
           "okinawa, senkaku-islands, south-korea," in said


def test_the_consultation_is_limited_to_the_far_east_too(world: World) -> None:
    """Art. IV's consultation (when Japan's security or peace and security in the Far East is threatened) had no place
    limit: China attacking the US at home said Japan is bound to consult. It now carries the Far East Art. VI's bases
    carry (far-east-1960); US forces in the Taiwan Strait are within it."""
    def consults(*args: str, **kw: str) -> list[tuple[str, str | None]]:
        result = foedus.cascade(*args, "2025-06-01", world=world, **kw)
        return [(c.state, c.article) for c in result.consultations if c.treaty == "usa_jpn_1960"]

    (art_iv,) = [p for p in world.treaties["usa_jpn_1960"].provisions if p.article == "IV"]
    assert art_iv.scope.territory == world.places.sets["far-east-1960"] == art_iv.scope.forces
    assert consults("CHN", "USA") == [] and consults("RUS", "EST") == []
    assert consults("CHN", "USA", place="taiwan-strait", target_kind="forces") == [("JPN", "IV")]
