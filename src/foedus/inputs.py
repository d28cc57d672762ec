"""The scenario inputs, declared once.

`foedus cascade`'s options (and `compare`'s), the web API's query parameters and the keywords of
`foedus.cascade` are all made from these declarations (`foedus.cli.params`, `foedus.web.params`,
`foedus.api`). The scenario's switches (place, target kind, reading, ..., severity) are declared on the
fields of `foedus.engine.scenario.Scenario`, beside their JSON contract, so that a new switch is one
field there; `SCENARIO` collects them after the attacker, target and date.
"""

from __future__ import annotations

from foedus import datarecord
from foedus.declare import Input, check_options
from foedus.engine.scenario import Scenario

__all__ = ["ATLAS", "LIKELIHOOD", "MAX_SEED", "MONTE_CARLO", "SCENARIO", "SWITCH", "SWITCHES", "WAR", "WHAT_IF",
           "Input", "check_options", "war_seed"]

SWITCHES: tuple[Input, ...] = tuple(f.metadata["input"] for f in datarecord.fields(Scenario)
                                    if "input" in f.metadata)

SWITCH: dict[str, Input] = {i.name: i for i in SWITCHES}
"""Each scenario switch by its name."""

WAR: tuple[Input, ...] = tuple(i for i in SWITCHES
                               if i.name in ("reading", "requested", "basis", "territory_view", "unresolved",
                                             "decisions", "non_military"))
"""The switches a war replay takes (each event brings its own attacks, places and severities): each read as the
cascade reads it, from the `Scenario` field of its name (`foedus.war.evaluate.scenario_of`)."""

ATLAS: tuple[Input, ...] = tuple(i for i in SWITCHES
                                 if i.name in ("requested", "basis", "unresolved", "severity", "decisions",
                                               "non_military"))
"""The switches `foedus atlas` takes beside its own --reading (both readings unless one is given): those the atlas
engines compile for every ordered dyad alike (`foedus.sweeps.atlas.AtlasOptions`). Not the place, target kind or
territory view (each dyad's attack is on the target's home territory, which no claimant's view reads), nor
ongoing_since (one date's rules for every dyad)."""

SCENARIO: tuple[Input, ...] = (
    Input("attacker", list[str], ..., "Attacking state(s): ISO3, COW code or name (repeat, or comma-separate).",
          ("--attacker", "-a"), many=True, split=True, example="UKR", metavar="STATE"),
    Input("target", list[str], ..., "Attacked state(s), as for attacker.", ("--target", "-t"), many=True,
          split=True, example="RUS", metavar="STATE"),
    Input("date", str, ..., "Date of the attack, YYYY-MM-DD or today (1815-01-01 to 2100-12-31).", ("--date", "-d"),
          example="2025-01-15", metavar="YYYY-MM-DD"),
    *SWITCHES,
)

WHAT_IF: tuple[Input, ...] = (
    Input("add_member", list[str], None, "What-if: TREATY:STATE joins the treaty (e.g. rus_prk_2024:IRN).", many=True),
    Input("remove_member", list[str], None, "What-if: TREATY:STATE leaves the treaty (e.g. nato_1949:TUR).",
          many=True),
    Input("drop_treaty", list[str], None, "What-if: drop this treaty (e.g. chn_prk_1961).", many=True),
    Input("set_strength", list[str], None, "What-if: TREATY:ARTICLE=S1..S5 changes an article's strength "
          "(e.g. nato_1949:5=S1).", many=True),
    Input("set_scope", list[str], None, "What-if: TREATY:ARTICLE=territory:TOKENS;forces:TOKENS replaces an "
          "article's scope (TOKENS: a,b | any | none).", many=True),
)

MAX_SEED = 2**63 - 1
"""The largest seed the command line, the web API and `foedus.cascade` take (numpy takes any seed of 0 or more; this
bound keeps a seed exact in a JSON reader's int64). The web page takes seeds up to 2**53 - 1 only, the largest a JS
number holds exactly (web/src/url.ts, seedOf)."""


def war_seed(seed: int, war: int) -> int:
    """The Monte Carlo seed of COW war number `war` in a run of base seed `seed` (`foedus backtest`, both its
    opening-attack and its replay runs, and `foedus likely`'s Monte Carlo baseline): `seed + war`, wrapped past
    MAX_SEED to 0 (modulo 2**63), so that every base seed up to MAX_SEED gives each war a seed of its own within the
    bound. Below the wrap (every base seed up to MAX_SEED - war) it is `seed + war`, as it always was.

    >>> war_seed(1815, 7), war_seed(MAX_SEED, 1), war_seed(MAX_SEED, 7)
    (1822, 0, 6)
    """
    return (seed + war) % (MAX_SEED + 1)


MONTE_CARLO: tuple[Input, ...] = (
    Input("draws", int | None, None, "Monte Carlo draws over whether obligations are honoured.",
          bounds=(1, 10_000_000)),
    Input("seed", int | None, None, "Random seed (same seed, same numbers); one is chosen and reported when none "
          "is given.", bounds=(0, MAX_SEED)),
)

LIKELIHOOD: tuple[Input, ...] = (
    Input("likelihood", bool, False, "Also say how likely each relevant state is to join (within 30 days, 365 days, "
          "ever), with an interval, beside its legal answer: a model trained on the COW wars and validated out of "
          "sample (docs/likelihood.md). Needs the research data (foedus data fetch cow_wars cow_states cow_nmc "
          "cow_contiguity atop).", ("--likelihood",)),
)


