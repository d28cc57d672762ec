"""A comparison's change in words, after the state it moves: `foedus compare` prints it, and the web's compare view
says the same (web/src/said.ts `changeWords`; tests/test_said_parity.py runs both on the same records)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from foedus.cited import bound_tag, tagged_article
from foedus.whatif_words import hypothetical_said

if TYPE_CHECKING:
    from foedus.engine.scenario import Scenario

__all__ = ["ATLAS_NOT_SAVED", "WAR_SIZE_SAID", "change_words", "compared_settings", "switch_flag", "switch_named",
           "switch_said", "unchanged_said"]

WAR_SIZE_SAID = "the states on the two sides, the attackers and the attacked included"

ATLAS_NOT_SAVED = ("with --atlas (a comparison's scenario file holds one scenario in two worlds, and no kind of "
                   "scenario file holds an atlas comparison's two atlases: save each with `foedus atlas "
                   "--save-scenario`, the base world's at --date and the other's at --date2 with the what-if changes)")
"""When `foedus compare --save-scenario` has no effect, and what keeps an atlas comparison's question instead."""
"""What a comparison's war size counts, said after its two numbers (`foedus compare`'s "war size: 24 -> 33 (...)",
the web's compare view, web/src/compare.ts): the bare numbers read as joiners, or as anything (the atlas comparison
says its own, `foedus.cli.sweep_run.ATLAS_KEY`)."""


def compared_settings(base: Scenario, other: Scenario) -> list[str]:
    """The switches a comparison runs under, in its header (`foedus compare`'s first line, the web's compare view) and
    its JSON's `switches_said`: each the two results differ in, with both values ("--non-military withheld in the base,
    --non-military bound in the other": `foedus.compare_results` takes any two results), then those they share that
    are not the defaults, in a cascade header's words (`foedus.code_words.settings_said`: "states that may limit
    their aid to non-military means read as bound to fight"); empty where both run on the defaults."""
    from foedus.code_words import settings_said
    from foedus.inputs import SWITCH

    differ = [name for name in SWITCH if getattr(base, name) != getattr(other, name)]
    flag = switch_flag
    return [*(f"{flag(name, getattr(base, name))} in the base, {flag(name, getattr(other, name))} in the other"
              for name in differ), *settings_said(base, said=differ)]


def switch_flag(name: str, value: object) -> str:
    """A switch's value as its option says it: `--no-request`, `--non-military bound`, `--place none`."""
    from foedus.inputs import SWITCH

    flag = SWITCH[name].cli_flags[0]
    return flag.split("/")[0 if value else 1] if isinstance(value, bool) else f"{flag} {value or 'none'}"


def switch_named(name: str, value: object) -> str:
    """A switch as a comparison's `rests_on_switch` names it: its option and value (`switch_flag`) without the option's
    dashes, `non-military bound`, so that a CSV cell holding it starts with no `-` for the formula guard to lead
    with `'` (`foedus.cli.listing.spreadsheet_safe`), and the CSV, the parquet and the JSON hold the same words."""
    return switch_flag(name, value).removeprefix("--")


def switch_said(switches: Sequence[str]) -> str:
    """What a duty that binds only by a scenario switch (`rests_on_switch`: `non-military bound`) says after its
    citation, each as its option says it, as a what-if change's (`hypothetical_said`): " (only with --non-military
    bound)"; nothing where it rests on none (web/src/comparesaid.ts `switchSaid`)."""
    return f" (only with {' and '.join('--' + s for s in switches)})" if switches else ""


def change_words(kind: str, x: Mapping[str, Any]) -> str:
    """What `compare_results` found of one state, `kind` being the list it is in (gained, lost, switched or
    rebased): "is bound to join the defense side (nato_1949 art. 5)", a duty, not a forecast (as `foedus war` and
    the cascade's lines say one); a rebased state's primary obligation named once, then the other treaties added and
    dropped ("is still bound to join the defense side, now under A (was B); added C"), and its strength where it
    changed ("under A, now S1 (was S3)"; "now under A (was B), S1 (was S2)"), and the what-if changes that duty now
    rests on (`rests_on_what_if`: "now S1 (was S3) (hypothetical: rests on the what-if change set_strength …)"); a
    gained or switched state's new duty its strength after its citation ("(nato_1949 art. 5, S2)"; none in a record
    without it). A gained, lost or switched state's obligation is tagged as a war's binding is when not verified
    (`bound_tag`: "is bound to join the attack side (csto_1992 art. 4, S2) (secondary: article)"), an article's own
    note of that doubt dropped (`tagged_article`), so that a joiner under unverified facts does not read as one under
    verified facts, then, for one gained or switched, the what-if changes its duty rests on, as a rebased one's; a
    rebased state's primary obligation now is tagged alike ("now under rus_kaz_1992 art. unknown (unverified: treaty,
    article) (was csto_1992 art. 4)": it read "(article unverified)", as sure as the CSTO's clause otherwise)."""
    if kind in ("gained", "lost", "switched"):
        sure, doubted = x["certainty"], tuple(x["doubted"])
        named = x["why_before" if kind == "lost" else "why"]
        strength = f", {x['strength']}" if kind != "lost" and x.get("strength") else ""  # the new duty's, as rebased
        why = f"{tagged_article(named, sure, doubted)}{strength}){bound_tag(sure, doubted, x.get('levels'))}"
        why += hypothetical_said(x.get("rests_on_what_if", ()))  # a gained or switched duty the what-if change's
        why += switch_said(x.get("rests_on_switch", ()))  # one the base had, or the other has, only by a switch
        return (f"is bound to join the {x['side']} side ({why}" if kind == "gained"
                else f"is no longer bound to join the {x['side']} side (was {why}" if kind == "lost"
                else f"is bound to join the {x['to']} side, no longer the {x['from']} side ({why}")
    said = {x["why"], x["why_before"]}
    sure, doubted = x.get("certainty", "verified"), tuple(x.get("doubted", ()))  # its duty now, tagged
    now = f"{tagged_article(x['why'], sure, doubted)}{bound_tag(sure, doubted, x.get('levels'))}"
    moved = f"now under {now} (was {x['why_before']})" if x["why"] != x["why_before"] else f"under {now}"
    if x.get("strength") != x.get("strength_before"):  # the duty made stronger or weaker (a what-if's strength, a pact)
        moved += f", {'now ' if x['why'] == x['why_before'] else ''}{x['strength']} (was {x['strength_before']})"
    moved += hypothetical_said(x.get("rests_on_what_if", ()))  # its duty now the what-if change's
    moved += switch_said(x.get("rests_on_switch", ()))  # or only a switch's reading
    more = [f"{word} {', '.join(rest)}" for word in ("added", "dropped")
            if (rest := [t for t in x[word] if t not in said])]
    return f"is still bound to join the {x['side']} side, {'; '.join([moved, *more])}"


def unchanged_said(diff: Mapping[str, Any]) -> str | None:
    """The line `foedus compare` prints after what moved where no state gains, loses or switches a side and no conflict
    begins: "no change in who is bound to join", "no other change ..." where a conflict ended; None where a state
    moved. The web's compare view says the same (web/src/comparesaid.ts `unchangedSaid`; it said "No state changes
    side or treaty.")."""
    if diff["gained"] or diff["lost"] or diff["switched"] or diff["new_conflicts"]:
        return None
    return f"no {'other ' if diff['resolved_conflicts'] else ''}change in who is bound to join"
