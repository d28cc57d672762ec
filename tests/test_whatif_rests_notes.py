"""A what-if run's `resting on` note names every kind of finding that rests on its change, not its joiners alone: a
withheld leg, a neutrality duty, a violation or a support duty resting on a change carried a `what-if` reason, or none
(a support record carries no reasons), while the note said nothing of it, or was missing where no joiner rested on
the change (`foedus.whatif_rests.rests_on_changes`, `foedus.whatif_words.resting_note`)."""

from __future__ import annotations

import json
from pathlib import Path

import foedus
from samples import cli_line

NEUTRAL = "atop_4241:ATOP neutrality=territory:ukraine;forces:ukraine"


def _resting(notes: tuple[str, ...] | list[str]) -> list[str]:
    return [n for n in notes if n.startswith("resting on")]


def test_withheld_legs_resting_on_a_member_added_are_named() -> None:
    r = foedus.cascade("ETH", "KEN", "2025-06-01", add_member="sadc_mdp_2003:KEN", decisions="not-taken")
    [note] = _resting(r.notes)
    assert note.startswith("resting on add_member sadc_mdp_2003:KEN: Botswana (BWA), Lesotho (LSO), ")
    assert note.endswith("and Zimbabwe (ZWE), withheld under sadc_mdp_2003 art. 6 (hypothetical)")


def test_a_neutrality_duty_resting_on_a_scope_set_is_named_in_the_json() -> None:
    r = foedus.cascade("RUS", "UKR", "2025-06-01", set_scope=NEUTRAL)
    assert _resting(r.to_dict()["notes"]) == [
        f"resting on set_scope {NEUTRAL}: Estonia (EST), bound to stay out under atop_4241 ATOP neutrality code "
        "(hypothetical)"]


# A pact whose arms help is given by every member (`by` left null): a member added gives it too. No bundled treaty has
# one now that Ukraine's 2024 agreements name their givers (Japan's and Ireland's promise non-lethal help only).
_HELP_PACT = """id: help_pact
name: help_pact
type: bilateral
signed: 2020-01-01
in_force: 2020-02-01
sources: [{url: 'https://example.org/help_pact'}]
members: [{state: UKR}, {state: POL}]
provisions:
  - {kind: consultation, article: '1', strength: S4, trigger: armed_attack, obligors: [POL],
     beneficiaries: [UKR]}
assistance:
  forms: [{form: arms, level: grants_and_training, to: [UKR], certainty: verified}]
"""


def test_a_support_duty_resting_on_a_member_added_is_named_on_the_cli(tmp_path: Path) -> None:
    """South Korea made a party to a pact whose members all give Ukraine arms is bound to support Ukraine, not to
    fight: the note names it, in the text and in the JSON."""
    pact = tmp_path / "help_pact.yaml"
    pact.write_text(_HELP_PACT, encoding="utf-8")
    base = ["cascade", "-a", "RUS", "-t", "UKR", "-d", "2025-06-01", "--treaties", str(pact),
            "--add-member", "help_pact:KOR"]
    said = "resting on add_member help_pact:KOR: South Korea (KOR), bound to support under help_pact (hypothetical)"
    text = cli_line(base)
    assert text.returncode == 0, text.stderr
    assert said in " ".join(text.stdout.replace("│", " ").split())
    out = cli_line([*base, "--json"])
    assert out.returncode == 0, out.stderr
    assert _resting(json.loads(out.stdout)["notes"]) == [said]


def test_a_member_added_to_ukraines_agreements_gives_no_arms() -> None:
    """Ukraine's 2024 agreements name who gives arms and defence industry (every partner but Japan and Ireland): a
    partner added by a what-if is not assumed to give them, so nothing of support rests on it."""
    r = foedus.cascade("RUS", "UKR", "2025-06-01", add_member="ukr_bilateral_2024:KOR")
    assert "KOR" not in {s.state for s in r.supporters}
    assert not any("bound to support" in n for n in _resting(r.notes))


def test_the_joiners_come_first_and_alone_say_bound() -> None:
    """A run whose only findings resting on the change are joiners says them as before."""
    r = foedus.cascade("CHN", "TWN", "2025-06-01", add_member="usa_phl_1951:TWN")
    assert _resting(r.notes) == ["resting on add_member usa_phl_1951:TWN: Philippines (PHL) and United States (USA), "
                                 "bound under usa_phl_1951 art. IV (hypothetical)"]
