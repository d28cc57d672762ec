"""Treaty files that validate but could never be read as written are refused in one line naming file and field:
a start after the last day foedus reads in any field, an article given twice at two strengths where both bind, an
adversary clause no attack can meet, a `replaces` naming a treaty signed later."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.errors import TreatyDataError
from foedus.model.loader import load_treaties
from foedus.model.world import World
from samples import GOOD_TREATY

ONE = "  - {kind: defense, article: \"1\", strength: S2}\n"
THREE = """id: my_pact
name: My pact
signed: 2020-01-01
in_force: 2020-02-01
type: multilateral
sources: [{url: "https://example.org/pact"}]
members: [{state: CHL}, {state: ARG}, {state: PER}]
provisions:
"""


def _refusal(world: World, tmp_path: Path, text: str) -> str:
    pact = tmp_path / "pact.yaml"
    pact.write_text(text, encoding="utf-8")
    with pytest.raises(TreatyDataError) as info:
        load_treaties([pact], world.states, world.places)
    assert len(str(info.value).splitlines()) == 1
    return str(info.value).removeprefix(f"{pact}: ")


def _loads(world: World, tmp_path: Path, text: str) -> None:
    pact = tmp_path / "pact.yaml"
    pact.write_text(text, encoding="utf-8")
    assert list(load_treaties([pact], world.states, world.places)) == ["my_pact"]


@pytest.mark.parametrize(("old", "new"), [
    ("{state: ARG}]", "{state: ARG, left: 2150-01-01}]"),
    ("in_force: 2020-02-01", "in_force: 2020-02-01\nterminated: 2101-01-01"),
    ("strength: S2}", "strength: S2, valid: {start: 2021-01-01, end: 2150-01-01}}"),
    ("{state: ARG}]", "{state: ARG, left: 2030-01-01, left_certainty: {within: unknown, until: 2150-01-01}}]"),
])
def test_an_end_after_the_last_day_foedus_reads_ends_after_every_day_it_reads(tmp_path: Path, old: str,
                                                                               new: str) -> None:
    """An end after 2100 (a member's `left`, a termination, a window's end, the latest a date can be) says the
    membership or clause lasts past every day foedus reads, as a termination in 9999 does
    (tests/test_calendar_edges.py): read as written, never refused as a start after 2100 is."""
    import foedus

    assert old in GOOD_TREATY
    path = tmp_path / "pact.yaml"
    path.write_text(GOOD_TREATY.replace(old, new), encoding="utf-8")
    world = foedus.World.load(path, bundled=False, history=False)
    arg = foedus.cascade("PER", "CHL", "2025-06-01", world=world).joiner("ARG")
    assert arg is not None and arg.primary.treaty == "my_pact"


def test_a_start_after_the_last_day_foedus_reads_is_refused(world: World, tmp_path: Path) -> None:
    """A date that starts something (here a freeze) after 2100 would never be read: refused, naming the field."""
    text = GOOD_TREATY.replace("{state: ARG}]", "{state: ARG, frozen: [{start: 2101-01-01}]}]")
    why = _refusal(world, tmp_path, text)
    assert why.startswith("members[1].frozen[0].start: ") and "is after 2100-12-31, the last day foedus reads" in why


@pytest.mark.parametrize(("second", "why"), [
    ("  - {kind: defense, article: \"1\", strength: S1}\n",
     "provisions[1].strength: S1 for art. 1, which provisions[0] gives as S2 with the same trigger, scope, adversary "
     "and gates: both bind ARG to CHL on 2020-01-01"),
    ("  - {kind: defense, article: \"1\", strength: S3, obligors: [CHL], valid: {start: 2022-01-01}}\n",
     "provisions[1].strength: S3 for art. 1, which provisions[0] gives as S2 with the same trigger, scope, adversary "
     "and gates: both bind CHL to ARG on 2022-01-01"),
])
def test_an_article_given_twice_at_two_strengths_where_both_bind_is_refused(world: World, tmp_path: Path,
                                                                           second: str, why: str) -> None:
    """One leg bound by the same article, alike in trigger, scope, adversary and gates, at two strengths on a day:
    which strength the result reads depended on the order of the list."""
    assert _refusal(world, tmp_path, GOOD_TREATY + second).startswith(why)


@pytest.mark.parametrize("second", [
    "  - {kind: defense, article: \"1\", strength: S2}\n",  # the same strength: a repeat, not an ambiguity
    "  - {kind: consultation, article: \"1\", strength: S4, trigger: threat}\n",  # another kind
    "  - {kind: defense, article: \"1\", strength: S3, trigger: aggression}\n",  # another trigger
    "  - {kind: defense, article: \"1\", strength: S3, request_gated: true}\n",  # another gate
    "  - {kind: defense, article: \"1\", strength: S3, scope: {territory: [home]}}\n",  # another scope
    "  - {kind: defense, article: \"2\", strength: S3}\n",  # another article
])
def test_an_article_repeated_apart_loads(world: World, tmp_path: Path, second: str) -> None:
    _loads(world, tmp_path, GOOD_TREATY + second)


def test_repeats_set_apart_by_legs_windows_or_suspensions_load(world: World, tmp_path: Path) -> None:
    """As the bundled files repeat an article: one leg each (USA-KOR), successive windows (rus_arm_1997), a leg
    suspended in one and carried by the other (anzus_1951)."""
    legs = ("  - {kind: defense, article: \"1\", strength: S2, obligors: [CHL], beneficiaries: [ARG]}\n"
            "  - {kind: defense, article: \"1\", strength: S3, obligors: [ARG], beneficiaries: [CHL]}\n")
    windows = ("  - {kind: defense, article: \"1\", strength: S2, valid: {start: 2020-02-01, end: 2025-02-01}}\n"
               "  - {kind: defense, article: \"1\", strength: S3, valid: {start: 2025-02-01}}\n")
    carried = ("  - {kind: defense, article: \"1\", strength: S2, suspensions: [{obligor: CHL, beneficiary: ARG, "
               "span: {start: 2022-01-01}}]}\n"
               "  - {kind: defense, article: \"1\", strength: S3, obligors: [CHL], beneficiaries: [ARG], "
               "valid: {start: 2022-01-01}}\n")
    for provisions in (legs, windows, carried):
        _loads(world, tmp_path, GOOD_TREATY.replace(ONE, provisions))


@pytest.mark.parametrize(("adversary", "members"), [
    ("[ARG]", GOOD_TREATY),  # a pair's own member: the obligor or the victim of each leg
    ("[ARG, CHL]", GOOD_TREATY),
    ("[PER]", THREE + "  - {kind: defense, article: \"1\", strength: S2, obligors: [PER], beneficiaries: [ARG]}\n"),
])
def test_an_adversary_clause_no_attack_can_meet_is_refused(world: World, tmp_path: Path, adversary: str,
                                                           members: str) -> None:
    text = members.replace("strength: S2", f"strength: S2, adversary: {{type: named, states: {adversary}}}")
    why = _refusal(world, tmp_path, text)
    assert why.startswith("provisions[0].adversary.states: names only ") and "so it would never bind" in why


@pytest.mark.parametrize("text", [
    GOOD_TREATY.replace("strength: S2", "strength: S2, adversary: {type: named, states: [PER]}"),
    THREE + "  - {kind: defense, article: \"1\", strength: S2, adversary: {type: named, states: [PER]}}\n",
    GOOD_TREATY.replace("kind: defense, article: \"1\", strength: S2",  # non-aggression reads no adversary clause
                        "kind: nonaggression, article: \"1\", strength: S2, adversary: {type: named, states: [ARG]}"),
])
def test_an_adversary_clause_some_attack_meets_loads(world: World, tmp_path: Path, text: str) -> None:
    """A member named as the adversary of the legs it is a third state to (PER attacking ARG, bound on CHL)."""
    _loads(world, tmp_path, text)


@pytest.mark.needs_data
@pytest.mark.parametrize("adversary", ["[East Germany]", "[COW265, South Vietnam]"])
def test_an_adversary_clause_naming_only_states_gone_before_the_signature_is_refused(world: World, tmp_path: Path,
                                                                                     adversary: str) -> None:
    """A 2020 pact against the GDR (in the state system to 1990-10-02) or South Vietnam (to 1975-04-30): no attack
    by either can come while it is in force."""
    why = _refusal(world, tmp_path, GOOD_TREATY.replace(
        "strength: S2", f"strength: S2, adversary: {{type: named, states: {adversary}}}"))
    assert why.startswith("provisions[0].adversary.states: names no state that exists when the treaty is signed "
                          "(2020-01-01) or after: COW265 in the state system 1954-03-25–1990-10-02"), why
    assert why.endswith("; it would never bind"), why


@pytest.mark.needs_data
def test_an_adversary_clause_naming_one_state_of_its_time_loads(world: World, tmp_path: Path) -> None:
    """One state named that exists while the treaty does is enough; a registry without system dates (no data
    folder) refuses none; a 1980 pact against the GDR loads."""
    from foedus.model.states import StateRegistry

    against = "strength: S2, adversary: {type: named, states: %s}"
    _loads(world, tmp_path, GOOD_TREATY.replace("strength: S2", against % "[COW265, PER]"))
    _loads(world, tmp_path, GOOD_TREATY.replace("strength: S2", against % "[COW265]")
           .replace("2020-01-01", "1980-01-01").replace("2020-02-01", "1980-02-01"))
    gone = GOOD_TREATY.replace("strength: S2", against % "[COW265]")
    pact = tmp_path / "gone.yaml"
    pact.write_text(gone, encoding="utf-8")
    undated = StateRegistry(states=world.states.states, has_system_dates=False)
    with pytest.raises(TreatyDataError):
        load_treaties([pact], world.states, world.places)
    assert list(load_treaties([pact], undated, world.places)) == ["my_pact"]


DEFENSE = '  - {kind: defense, article: "1", strength: S2}\n'


@pytest.mark.needs_data
@pytest.mark.parametrize(("gdr", "year", "signed"), [("{state: COW265}", "2020", "2020-01-01"),
                                                     ("{state: COW265, signed: 1991-01-01, joined: 1991-02-01}", "1980",
                                                      "1991-01-01")])
def test_a_member_gone_from_the_state_system_before_it_signs_is_refused(world: World, tmp_path: Path, gdr: str,
                                                                          year: str, signed: str) -> None:
    """A 2020 pact of Chile, Argentina and the GDR (in the state system to 1990-10-02) loaded, the GDR never a party,
    unsaid; so did a 1980 pact the GDR signs only in 1991."""
    text = THREE.replace("{state: PER}", gdr).replace("2020-0", f"{year}-0") + DEFENSE
    assert _refusal(world, tmp_path, text) == (
        f"members[2].state: COW265 is no longer in the state system when it signs ({signed}) or after (in it "
        "1954-03-25–1990-10-02); it would never be a party")


@pytest.mark.needs_data
def test_a_member_in_the_state_system_when_it_signs_loads(world: World, tmp_path: Path) -> None:
    """The GDR in a 1980 pact loads: a member may leave the state system while the treaty is in force."""
    _loads(world, tmp_path, THREE.replace("{state: PER}", "{state: COW265}").replace("2020-0", "1980-0") + DEFENSE)


def test_a_treaty_replacing_one_signed_after_it_is_refused(world: World, tmp_path: Path) -> None:
    """`replaces` naming a later treaty was accepted, unread: the slip of an id or a date, refused as the file's."""
    old = tmp_path / "old_pact.yaml"
    old.write_text(GOOD_TREATY.replace("my_pact", "old_pact").replace("signed: 2020-01-01", "signed: 2020-01-02"),
                   encoding="utf-8")
    new = tmp_path / "my_pact.yaml"
    new.write_text(GOOD_TREATY + "replaces: [old_pact]\n", encoding="utf-8")
    with pytest.raises(TreatyDataError) as info:
        load_treaties([old, new], world.states, world.places)
    assert str(info.value) == (f"{new}: replaces[0]: old_pact was signed on 2020-01-02, after my_pact (2020-01-01): "
                               "a treaty replaces only one signed before it")
    same_day = GOOD_TREATY.replace("my_pact", "old_pact")
    old.write_text(same_day, encoding="utf-8")  # signed the same day: one may have replaced the other
    assert sorted(load_treaties([old, new], world.states, world.places)) == ["my_pact", "old_pact"]


def test_a_what_if_treaty_replacing_a_later_one_is_refused() -> None:
    import yaml

    from foedus.errors import FoedusError
    from foedus.model.overlay import AddTreaty, Overlay

    pact = yaml.safe_load(GOOD_TREATY + "replaces: [rus_prk_2024]\n")
    with pytest.raises(FoedusError, match=r"^what-if add_treaty my_pact: replaces\[0\]: rus_prk_2024 was signed on "
                                          r"2024-06-19, after my_pact \(2020-01-01\): a treaty replaces only one "
                                          r"signed before it$"):
        Overlay(changes=[AddTreaty(treaty=pact)]).apply(World.default())
    pact["replaces"] = ["rus_prk_2000"]
    assert "my_pact" in Overlay(changes=[AddTreaty(treaty=pact)]).apply(World.default()).treaties


@pytest.mark.parametrize(("scope", "why"), [
    ("{territory: [guam], forces: []}", "matches no place that ARG or CHL holds or claims, and forces is [] (attacks "
                                        "on forces not covered), so the defense clause would never bind"),
    ("{territory: [administered-by:USA], forces: [administered-by:USA+home]}",
     "matches no place that ARG or CHL holds or claims, and forces matches no place either"),
])
def test_a_scope_no_attack_on_a_beneficiary_can_meet_is_refused(world: World, tmp_path: Path, scope: str,
                                                                why: str) -> None:
    """Guam is no territory of Chile or Argentina under any reading (a scenario refuses the attack), and attacks on
    their forces are not covered: the clause validated and could never bind."""
    said = _refusal(world, tmp_path, GOOD_TREATY.replace("strength: S2", f"strength: S2, scope: {scope}"))
    assert said.startswith(f"provisions[0].scope.territory: {why}")


@pytest.mark.parametrize("scope", [
    "{territory: [guam]}",  # attacks on their forces anywhere, Guam included, are covered
    "{territory: [home], forces: []}",
    "{territory: [falkland-islands], forces: []}",  # Argentina claims them
    "{territory: [guam], forces: [guam]}",  # their forces at Guam
])
def test_a_scope_some_attack_meets_loads(world: World, tmp_path: Path, scope: str) -> None:
    _loads(world, tmp_path, GOOD_TREATY.replace("strength: S2", f"strength: S2, scope: {scope}"))


def test_a_what_if_treaty_whose_scope_no_attack_meets_is_refused() -> None:
    import yaml

    from foedus.errors import FoedusError
    from foedus.model.overlay import AddTreaty, Overlay

    pact = yaml.safe_load(GOOD_TREATY.replace("strength: S2", "strength: S2, scope: {territory: [guam], forces: []}"))
    with pytest.raises(FoedusError, match=r"^what-if add_treaty: provisions\[0\]\.scope\.territory: matches no place "
                                          r"that ARG or CHL holds or claims"):
        Overlay(changes=[AddTreaty(treaty=pact)]).apply(World.default())


def test_validate_refuses_a_file_replacing_a_later_bundled_treaty(tmp_path: Path) -> None:
    """`treaties validate FILE` checks the file against the bundled set, as `--treaties FILE` loads it with it."""
    from samples import cli_line

    pact = tmp_path / "my_pact.yaml"
    pact.write_text(GOOD_TREATY + "replaces: [rus_prk_2024]\n", encoding="utf-8")
    for args in (["treaties", "validate", str(pact)], ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01",
                                                      "--treaties", str(pact)]):
        code, _, err = cli_line(args)
        assert (code, err) == (2, f"error: {pact}: replaces[0]: rus_prk_2024 was signed on 2024-06-19, after my_pact "
                                  "(2020-01-01): a treaty replaces only one signed before it\n")


def test_a_neutrality_scope_no_attack_on_a_partner_can_meet_is_refused(world: World, tmp_path: Path) -> None:
    """A neutrality clause owed only to an attacked partner reads its scope on the partner's place, as defence does
    (`rules.where.covers`): Guam, no place of Chile's or Argentina's, with attacks on forces left out, never binds."""
    said = _refusal(world, tmp_path, GOOD_TREATY.replace(
        "kind: defense", "kind: neutrality").replace("strength: S2", "strength: S2, scope: {territory: [guam], "
                                                                      "forces: []}"))
    assert said.startswith("provisions[0].scope.territory: matches no place that ARG or CHL holds or claims, and "
                           "forces is [] (attacks on forces not covered), so the neutrality clause (owed only to an "
                           "attacked partner: when_partner_attacks is false) would never bind")


@pytest.mark.parametrize("extra", [", when_partner_attacks: true", ", scope: {territory: [home], forces: []}"])
def test_a_neutrality_clause_binding_on_its_partners_attack_or_at_home_loads(world: World, tmp_path: Path,
                                                                             extra: str) -> None:
    """Owed to a partner that attacks too, the clause binds wherever the partner strikes, its scope unread: Guam
    does not stop it."""
    scope = ", scope: {territory: [guam], forces: []}" if "when" in extra else ""
    _loads(world, tmp_path, GOOD_TREATY.replace("kind: defense", "kind: neutrality").replace(
        "strength: S2", f"strength: S2{scope}{extra}"))


def test_a_neutrality_clause_owed_to_an_attacking_partner_binds_outside_its_scope(tmp_path: Path) -> None:
    """Why such a clause is not refused: the engine binds it on its partner's attack wherever the partner strikes
    (Chile's attack on Peru, far from Guam)."""
    import foedus

    path = tmp_path / "pact.yaml"
    path.write_text(GOOD_TREATY.replace("kind: defense", "kind: neutrality").replace(
        "strength: S2", "strength: S2, scope: {territory: [guam], forces: []}, when_partner_attacks: true"),
        encoding="utf-8")
    world = foedus.World.load(path, bundled=False, history=False)
    neutral = foedus.cascade("CHL", "PER", "2025-06-01", world=world).neutral
    assert [(n.state, n.toward, n.treaty) for n in neutral] == [("ARG", "CHL", "my_pact")]


@pytest.mark.parametrize(("priority", "field"), [
    ('{article: "9"}', "priority.source"),
    ('{article: "9", source: "https://example.org/other"}', "priority.source"),
    ('{article: "9", source: "https://example.org/pact", certainty: maybe}', "priority.certainty"),
    ('{article: "9", source: "https://example.org/pact", clause: x}', "priority.clause"),
    ('"9"', "priority"),
])
def test_a_malformed_priority_clause_is_refused_naming_the_field(world: World, tmp_path: Path, priority: str,
                                                                 field: str) -> None:
    """A priority clause (`foedus.model.priority.Priority`) needs its article and a source among the treaty's, and a
    known certainty tag; a well-formed one loads."""
    assert field in _refusal(world, tmp_path, THREE + ONE + f"priority: {priority}\n")
    _loads(world, tmp_path, THREE + ONE + 'priority: {article: "9", source: "https://example.org/pact"}\n')
