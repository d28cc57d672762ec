"""Codes a result keeps in its JSON, said in words where the text shows them: a likelihood model's validation check
(`validation_check`), its out-of-sample scores (`likelihood_scores`) and what it cannot see (`likelihood_reading`),
when a support duty is owed (`support_when`), a scenario's settings that are not the defaults (`settings_said`; after
a header's bracket, `settings_tail`). Split from `foedus.wording` (how a message words what was given), as
`foedus.engine.certainty_words` is; the JSON keeps each code, and a code without words stays as is."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from foedus.engine.likely_records import LikelihoodSummary, ModelCard
    from foedus.engine.scenario import Scenario

__all__ = ["SETTING_WORDS", "likelihood_reading", "likelihood_scores", "settings_said", "settings_tail", "support_when",
           "validation_check"]


def likelihood_reading(card: ModelCard) -> str:
    """What the joining model cannot see, under every likelihood answer, beside the numbers, with how the training
    joiners of the model that answered split between the sides (`ModelCard.joiners`: 60 of 91 joined the defence in
    the shipped model's wars; a refit from other years says its own). The web's panel says it in the same words
    (web/src/standing.ts `cannotSee`, tests/test_said_parity.py), as `foedus cascade --likelihood` does after the
    model's out-of-sample scores (`likelihood_scores`). It said "not as firm odds": the model's numbers are
    probabilities whose overall level is calibrated out of sample (docs/likelihood.md, Validation), so a reader is told
    what they are and what they miss rather than that they are no odds."""
    joined = card.joiners["attack"] + card.joiners["defense"]
    return ("What the model cannot see: forces stationed abroad, bases and tripwire troops, nuclear weapons, leaders' "
            "words and domestic politics; it reads treaties, borders, capabilities (CINC), major powers and war "
            "history, to its data's end. It expects about one joiner a war, so each member of a large bloc gets a "
            "small number, and none of its wars began with an armed attack on NATO's treaty area (docs/likelihood.md, "
            "Limits). The side it gives a joiner rests on those ties, borders, region and wars toward each side and on "
            f"how its training joiners split between the sides ({card.joiners['defense']} of {joined} joined the "
            "defence in its training wars): it does not see today's alignment beyond them, and an interval across 50% "
            "leaves the side uncertain. These numbers never change the legal answer.")


def likelihood_scores(summary: LikelihoodSummary) -> str | None:
    """What a likelihood answer's numbers are, in figures a reader can check against the model card (docs/likelihood.md,
    Validation): the model's out-of-sample check over all wars, leave one war out, joining at any time, as the model
    file carries it (a refit's own, not the shipped model's), or None for a model without that check (its answer warns
    that it is unchecked), and the targets of issue #14 it misses in that check (`foedus.likely.targets`). "The US at
    7.1% to join" read as odds with nothing said of what 7.1% had scored."""
    from foedus.wording import and_listed

    check = next((v for v in summary.validation
                  if (v.scheme, v.horizon, v.subset) == ("leave-one-war-out", "ever", "all")), None)
    if check is None or None in (check.auc, check.log_skill, check.brier_skill, check.calibration_slope):
        return None
    missed = check.misses
    short = f" In that check it misses the model card's target for {and_listed(missed)}." if missed else ""
    return (f"What these are: the joining model's probabilities, fitted to who joined its training wars "
            f"({summary.model.window}). Out of sample (leave one war out, joining at any time, {check.pairs:,} pairs) "
            f"it ranked joiners with AUC {check.auc:.3f} and beat the base rate by {check.log_skill:+.3f} in log-loss "
            f"skill and {check.brier_skill:+.3f} in Brier skill; calibration slope {check.calibration_slope:.2f} "
            "(1 is calibrated; below 1 its higher numbers run high) (docs/likelihood.md, Validation)." + short)


_SUPPORT_WHEN = {"peacetime": "in peace and war", "wartime": "once attacked"}


def support_when(when: str) -> str:
    """When a support duty is owed (`Support.when`: peacetime or wartime, docs/json-contract.md) as a cascade's
    "Support:" line says it: help owed "peacetime" read, in a war's answer, as help owed only in peace; it is owed
    regardless of any attack ("in peace and war"), and wartime help once the recipient is attacked. The JSON keeps
    the code; a code without words stays as is.

    >>> support_when("peacetime"), support_when("wartime")
    ('in peace and war', 'once attacked')
    """
    return _SUPPORT_WHEN.get(when, when)


# a likelihood model's validation check in words: its scheme, horizon and subset as the JSON codes them
# (docs/json-contract.md); the web's likelihood panel names the schemes and horizons alike (web/src/likelypanel.ts)
_SCHEMES = {"leave-one-war-out": "leave one war out", "forward-1945": "forward from 1945",
            "forward-1989": "forward from 1989"}
_HORIZONS = {"30": "joining within 30 days", "365": "joining within 365 days", "ever": "joining at any time in the war"}
_SUBSETS = {"all": "all wars", "pre1945": "wars begun before 1945", "post1945": "wars begun from 1945 on",
            "no-world-wars": "without the World Wars"}


def validation_check(scheme: str, horizon: str, subset: str) -> str:
    """A validation check of the likelihood model as a warning names it, in words, not the JSON's codes ("(leave-one-
    war-out, 30, post1945)" left a reader to guess that 30 is a horizon in days); a code without words stays as is.

    >>> validation_check("leave-one-war-out", "30", "post1945")
    'leave one war out, joining within 30 days, wars begun from 1945 on'
    """
    return ", ".join([_SCHEMES.get(scheme, scheme), _HORIZONS.get(horizon, horizon), _SUBSETS.get(subset, subset)])


_SEVERITY_WORDS = {"incursion": "an incursion", "coercion": "coercion"}

SETTING_WORDS = {"requested": "help not requested", "basis": "membership by signature",
                 "territory_view": "contested places read by every claimant",
                 "unresolved": "ATOP's unspecified conditions read as unmet",
                 "decisions": "council decisions not taken",
                 "non_military": "states that may limit their aid to non-military means read as bound to fight"}
"""A switch other than its default, in a header's words: a cascade's (`settings_said`) and a war replay's
(`foedus.war.render`) say each alike."""


# the switches the header says otherwise: the place, target kind and reading in its bracket, `ongoing_since` on a line
# of its own
_SAID_OTHERWISE = frozenset({"place", "target_kind", "reading", "ongoing_since"})


def settings_said(s: Scenario, *, said: Iterable[str] = ()) -> list[str]:
    """The scenario's settings that are not the defaults, in words, for a header that must not read as the default
    answer: "(territory, legal)" was all the tree said of an incursion with help not requested, so a pasted "no
    state is obligated to join" read as the answer to an armed attack. `said`: the settings the header already
    names (the text's names its basis and territory view on every answer). Every switch `Scenario` declares is read
    against its declared default, so one without words here is said as "name: value", never left out."""
    from foedus.datarecord import fields

    severity = f"{_SEVERITY_WORDS.get(s.severity, s.severity)} (not an armed attack)"
    words = {"severity": severity, **SETTING_WORDS}
    defaults = {f.name: f.metadata["input"].default for f in fields(type(s)) if "input" in f.metadata}
    shown = [*words, *(name for name in defaults if name not in words and name not in _SAID_OTHERWISE)]
    return [words.get(name) or f"{name.replace('_', ' ')}: {getattr(s, name)}" for name in shown
            if name not in said and getattr(s, name) != defaults[name]]


def settings_tail(s: Scenario, said: Iterable[str] = ()) -> str:
    """The non-default settings after a header's bracket ("; an incursion (not an armed attack), help not requested"),
    or nothing."""
    return "; " + ", ".join(departures) if (departures := settings_said(s, said=said)) else ""
