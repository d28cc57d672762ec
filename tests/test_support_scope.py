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
    assert art_iv.scope.territory == [*world.places.sets["far-east-1960"], "victim:JPN"] == art_iv.scope.forces
    assert consults("CHN", "USA") == [] and consults("RUS", "EST") == []
    assert consults("CHN", "USA", place="taiwan-strait", target_kind="forces") == [("JPN", "IV")]


def _us_consults_japan(world: World, *args: str, **kw: str) -> list[tuple[str, str | None]]:
    result = foedus.cascade(*args, "2025-06-01", world=world, **kw)
    return [(c.state, c.article) for c in result.consultations if c.treaty == "usa_jpn_1960" and c.state == "USA"]


@pytest.mark.parametrize("where", [{"place": "south-china-sea", "target_kind": "forces"},
                                   {"place": "gulf-of-aden", "target_kind": "forces"},
                                   {"place": "kuril-islands", "territory_view": "claimant"}],
                         ids=["forces-south-china-sea", "forces-gulf-of-aden", "claimed-kurils"])
def test_an_attack_on_japan_outside_the_far_east_is_a_threat_to_its_security(world: World, where: dict[str, str]
                                                                            ) -> None:
    """Art. IV: the parties consult whenever "the security of Japan or international peace and security in the Far
    East is threatened" (MOFA Japan's text): an attack on Japan threatens its security wherever it falls, so the Far
    East limit does not cut it (`victim:JPN`). Until 2026-12-07 China attacking Japan's forces in the South China Sea
    bound the US to nothing under the treaty (Art. V covers only Japan-administered places)."""
    attacker = "RUS" if where["place"] == "kuril-islands" else "CHN"
    assert _us_consults_japan(world, attacker, "JPN", **where) == [("USA", "IV")]


def test_a_victim_token_reads_the_attacked_state_anywhere(world: World) -> None:
    """`victim:ISO3` (or `A|B`): the attack is on that state, wherever; checked and resolved on load as
    `administered-by:` is; an unknown state is refused naming it."""
    from foedus.engine.rules.tokens import token_matches

    aden = world.places.places["gulf-of-aden"]
    assert token_matches("victim:JPN", aden, "JPN") and not token_matches("victim:JPN", aden, "USA")
    treaty = _checked(world, {"forces": ["victim:USA|JPN"]})
    assert treaty.assistance is not None and treaty.assistance.forms[0].scope is not None
    assert treaty.assistance.forms[0].scope.forces == ["victim:JPN|USA"]
    with pytest.raises(FoedusError):
        _checked(world, {"forces": ["victim:XXX"]})


def test_help_left_out_for_its_place_is_said_not_owed(world: World) -> None:
    """Russia attacks Estonia: Japan's Art. VI bases are left out of the supporters (their Far East limit is not
    reached), and the answer says so, in the text and the JSON (`unreached_support`), with the limit and its extent's
    doubt (far-east-1960's extent is unverified: `limit_certainty`; the form itself is verified); until 2026-12-07 they
    were silently missing, and the line said the form's certainty only."""
    result = foedus.cascade("RUS", "EST", "2025-06-01", world=world)
    (record,) = [u for u in result.to_dict()["unreached_support"] if u["state"] == "JPN"]
    assert record == {"state": "JPN", "supports": "USA", "side": "defense", "treaty": "usa_jpn_1960",
                      "article": "VI", "form": "bases", "limit": "far-east-1960", "certainty": "verified",
                      "limit_certainty": "unverified"}
    assert ("Support not owed here: Japan (JPN) would give United States (USA) bases (usa_jpn_1960 art. VI, "
            "verified) only in a war with an attack in far-east-1960 (extent unverified), and no attack of this war "
            "falls there") in result.explain()


@pytest.mark.parametrize(("args", "kw"), [(("CHN", "USA"), {}),
                                          (("CHN", "PHL"), {"place": "second-thomas-shoal", "target_kind": "forces"})],
                         ids=["usa-at-home", "second-thomas-shoal"])
def test_the_us_at_home_and_second_thomas_shoal_are_read_outside_the_far_east(
        world: World, args: tuple[str, str], kw: dict[str, str]) -> None:
    """The 1960 unified view's Far East is north of the Philippines, Japan and its surroundings, South Korea and the
    Taiwan area: neither the US at home nor Second Thomas Shoal (the Spratlys, south-west of Luzon) is in it, so
    Japan owes neither bases nor consultation there, and the answer says the bases are not owed."""
    result = foedus.cascade(*args, "2025-06-01", world=world, **kw)
    assert "USA" in result.sides["defense"]
    assert _japan_bases(result) == [] and [c for c in result.consultations if c.state == "JPN"] == []
    assert [(u.state, u.limit) for u in result.unreached_support] == [("JPN", "far-east-1960")]


def test_help_whose_place_a_war_reaches_is_not_said_unowed(world: World) -> None:
    result = foedus.cascade("PRK", "KOR", "2025-06-01", world=world)
    assert _japan_bases(result) == [JAPAN_BASES] and result.unreached_support == ()


@pytest.mark.parametrize(("args", "kw"), [
    (("CHN", "USA"), {}), (("RUS", "EST"), {"reading": "escalatory"}),
    (("CHN", "PHL"), {"place": "second-thomas-shoal", "target_kind": "forces", "reading": "escalatory"})],
    ids=["usa-at-home", "estonia-escalatory", "second-thomas-shoal-escalatory"])
def test_a_consultation_cut_by_its_place_is_said_not_owed(world: World, args: tuple[str, str],
                                                          kw: dict[str, str]) -> None:
    """The US attacked outside the Far East (China striking it at home; in the escalatory reading, the US joining the
    defence of Estonia, or of the Philippines at Second Thomas Shoal, and struck at home) and Japan not attacked:
    Art. IV's consultation is cut by its limit, and the answer
    says so as it says the bases are not owed, in the JSON (`unreached_consultations`, the limit read for attacks on
    the US: far-east-1960, its `victim:JPN` token not; the extent's doubt) and the text; until 2026-12-07 it said
    nothing."""
    result = foedus.cascade(*args, "2025-06-01", world=world, **kw)
    (record,) = [u for u in result.to_dict()["unreached_consultations"] if u["treaty"] == "usa_jpn_1960"]
    assert record == {"state": "JPN", "with": "USA", "treaty": "usa_jpn_1960", "article": "IV",
                      "limit": "far-east-1960", "certainty": "unverified", "limit_certainty": "unverified"}
    assert ("Consultation not owed here: Japan (JPN) would consult United States (USA) (usa_jpn_1960 art. IV, "
            "unverified) only on an attack in far-east-1960 (extent unverified), and no attack on United States (USA) "
            "in this war falls there") in result.explain()


@pytest.mark.parametrize(("args", "kw"), [(("CHN", "USA"), {"place": "taiwan-strait", "target_kind": "forces"}),
                                          (("CHN", "JPN"), {"place": "south-china-sea", "target_kind": "forces"}),
                                          (("RUS", "EST"), {})],
                         ids=["taiwan-strait", "japan-anywhere", "us-not-attacked"])  # legal reading
def test_a_consultation_owed_or_not_concerned_is_not_said_cut(world: World, args: tuple[str, str],
                                                              kw: dict[str, str]) -> None:
    """In the Far East the consultation is owed (listed in `consultations`); an attack on Japan anywhere sets it off
    (`victim:JPN`); where the US fights but no attack strikes it (Russia attacking Estonia, in the legal reading,
    where the defenders are not struck), the clause is not cut by its place: none of these says it not owed."""
    result = foedus.cascade(*args, "2025-06-01", world=world, **kw)
    assert [u for u in result.unreached_consultations if u.treaty == "usa_jpn_1960"] == []
    assert "Consultation not owed here: Japan" not in result.explain()


def test_the_manila_consultation_is_owed_in_its_treaty_area_as_art_viii_defines_it(world: World) -> None:
    """Manila Art. IV(2) calls for consultation on a threat to a Party in the treaty area (Art. VIII): China attacking
    the US at home cuts Thailand's consultation toward it, and in the area (US forces in the South China Sea) Thailand
    is bound to act under IV(1) instead; the clause's note says why, with the articles (it said nothing)."""
    home = foedus.cascade("CHN", "USA", "2025-06-01", world=world)
    cut = [(u.state, u.article) for u in home.unreached_consultations if u.treaty == "manila_1954"]
    assert cut == [("THA", "IV(2)")]
    sea = foedus.cascade("CHN", "USA", "2025-06-01", world=world, place="south-china-sea", target_kind="forces")
    assert [u for u in sea.unreached_consultations if u.treaty == "manila_1954"] == []
    assert (sea.joiner("THA").primary.treaty, sea.joiner("THA").primary.article) == ("manila_1954", "IV(1)")
    (clause,) = [p for p in world.treaty("manila_1954").provisions if p.article == "IV(2)"]
    assert "Party in the treaty area" in (clause.note or "") and "Art. VIII" in (clause.note or "")


def test_help_owed_inside_its_limit_says_the_limits_doubt(world: World) -> None:
    """China attacks US forces in the Taiwan Strait, inside far-east-1960: Japan's Art. VI bases are owed, and their
    line says the limit they are owed for with its extent's doubt, as the line saying them not owed outside does
    (`limit`, `limit_certainty` in the JSON); help with no limit says none (null). It said the form's certainty only."""
    result = foedus.cascade("CHN", "USA", "2025-06-01", world=world, place="taiwan-strait", target_kind="forces")
    records = {s["state"]: s for s in result.to_dict()["supporters"]}
    assert (records["JPN"]["limit"], records["JPN"]["limit_certainty"]) == ("far-east-1960", "unverified")
    assert (records["KOR"]["limit"], records["KOR"]["limit_certainty"]) == (None, None)
    assert ("Support: Japan (JPN) is bound to give United States (USA) bases (usa_jpn_1960 art. VI, in peace and war, "
            "verified; owed for an attack in far-east-1960 (extent unverified)) without being bound to fight"
            ) in result.explain()
    assert "Support: South Korea (KOR) is bound to give United States (USA) bases (usa_kor_1953 art. IV, in peace " \
           "and war, unverified) without" in result.explain()


def test_a_consultation_owed_inside_a_doubted_set_says_its_doubt(world: World) -> None:
    """The US attacked in the Taiwan Strait: Japan's Art. IV consultation is owed through far-east-1960 alone, and its
    line and record say the set with its extent's doubt, as the line saying it not owed outside does; Japan attacked
    in the South China Sea sets the clause off through `victim:JPN`, which rests on no set: nothing said (null). The
    owed line said the clause's certainty only."""
    strait = foedus.cascade("CHN", "USA", "2025-06-01", world=world, place="taiwan-strait", target_kind="forces")
    (japan,) = [c for c in strait.to_dict()["consultations"] if c["treaty"] == "usa_jpn_1960"]
    assert (japan["state"], japan["limit"], japan["limit_certainty"]) == ("JPN", "far-east-1960", "unverified")
    assert ("Consultation: Japan (JPN) consults United States (USA) under usa_jpn_1960 art. IV, owed for an attack in "
            "far-east-1960 (extent unverified) — unverified facts") in strait.explain()
    assert all(c.limit is None for c in strait.consultations if c.treaty != "usa_jpn_1960")
    south = foedus.cascade("CHN", "JPN", "2025-06-01", world=world, place="south-china-sea", target_kind="forces")
    (us,) = [c for c in south.consultations if c.treaty == "usa_jpn_1960"]
    assert (us.state, us.limit, us.limit_certainty) == ("USA", None, None)
