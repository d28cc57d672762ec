"""The scenario inputs, declared once.

`foedus cascade`'s options (and `compare`'s), the web API's query parameters and the keywords of
`foedus.cascade` are all made from the declarations below (`foedus.cli.params`, `foedus.web.params`,
`foedus.api`): a new input is one `Input` here, and every interface offers it with the same name,
default and help. Values are checked in one place too: `foedus.engine.scenario.build_scenario`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from foedus.errors import ScenarioError

__all__ = ["LIKELIHOOD", "MONTE_CARLO", "SCENARIO", "WHAT_IF", "Input", "check_options", "split_values"]


@dataclass(frozen=True)
class Input:
    """One input: its keyword and query-parameter name, type, default, help, CLI flags and choices.

    `many`: repeatable; `split`: comma-separated values are split too. `default` is `...` for a required input.
    """

    name: str
    type: Any
    default: Any
    help: str
    flags: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    many: bool = False
    split: bool = False
    example: str | None = None
    metavar: str | None = None

    @property
    def required(self) -> bool:
        """Whether the input has no default."""
        return self.default is ...

    @property
    def cli_flags(self) -> tuple[str, ...]:
        """The CLI flags (default: `--name-with-dashes`)."""
        return self.flags or ("--" + self.name.replace("_", "-"),)

    @property
    def full_help(self) -> str:
        """The help text, with the choices and default spelt out."""
        extra = f" Choices: {', '.join(self.choices)}." if self.choices else ""
        return self.help + extra


def _choice(name: str, choices: tuple[str, ...], default: str, help: str) -> Input:
    return Input(name, str, default, help, choices=choices)


SCENARIO: tuple[Input, ...] = (
    Input("attacker", list[str], ..., "Attacking state(s): ISO3, COW code or name (repeat, or comma-separate).",
          ("--attacker", "-a"), many=True, split=True, example="UKR", metavar="STATE"),
    Input("target", list[str], ..., "Attacked state(s), as for attacker.", ("--target", "-t"), many=True,
          split=True, example="RUS", metavar="STATE"),
    Input("date", str, ..., "Date of the attack, YYYY-MM-DD (1815-01-01 to 2100-12-31).", ("--date", "-d"),
          example="2025-01-15", metavar="YYYY-MM-DD"),
    Input("place", str | None, None, "Where the attack hits: a place id or name (`foedus places`); "
          "default: each target's home territory.", example="kursk-oblast", metavar="PLACE"),
    _choice("target_kind", ("territory", "forces"), "territory",
            "What is hit: territory, or forces (the target's forces, public vessels or aircraft at the place)."),
    _choice("reading", ("legal", "escalatory"), "legal",
            "legal: what the texts oblige; escalatory: every belligerent strikes the other side's homes."),
    Input("requested", bool, True, "Whether victims ask for request-gated help.", ("--request/--no-request",)),
    _choice("basis", ("in-force", "signed"), "in-force", "Membership by entry into force, or by signature."),
    _choice("territory_view", ("recognized", "claimant"), "recognized",
            "How contested places are read: the recognized holder's, or every claimant's."),
    _choice("unresolved", ("met", "unmet"), "met",
            "How to read conditions ATOP flags but does not specify (place, conflict, ...)."),
    _choice("severity", ("armed-attack", "incursion", "coercion"), "armed-attack",
            "What the opening incident is: an armed attack, an incursion (drones, a brief border strike) or "
            "coercion (water cannon, boarding); below an armed attack, defence clauses do not bind "
            "(docs/severity.md)."),
    Input("ongoing_since", str | None, None, "The attacks are ongoing since this date: treaty changes between it "
          "and the scenario date bind, and the result says since when each joiner has been bound, and by what.",
          metavar="YYYY-MM-DD"),
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

MONTE_CARLO: tuple[Input, ...] = (
    Input("draws", int | None, None, "Monte Carlo draws over whether obligations are honoured (1 to 10,000,000)."),
    Input("seed", int | None, None, "Random seed (same seed, same numbers); one is chosen and reported when none "
          "is given."),
)

LIKELIHOOD: tuple[Input, ...] = (
    Input("likelihood", bool, False, "Also say how likely each relevant state is to join (within 30 days, 365 days, "
          "ever), with an interval, beside its legal answer: a model trained on the COW wars and validated out of "
          "sample (docs/likelihood.md). Needs the research data (foedus data fetch cow_wars cow_states cow_nmc "
          "cow_contiguity atop).", ("--likelihood",)),
)


def split_values(values: list[str] | str | None) -> list[str]:
    """Repeated and comma-separated values as one list.

    >>> split_values(["UKR", "POL, LTU"])
    ['UKR', 'POL', 'LTU']
    """
    if values is None:
        return []
    items = [values] if isinstance(values, str) else values
    return [part.strip() for v in items for part in str(v).split(",") if part.strip()]


def check_options(options: Mapping[str, Any], allowed: tuple[Input, ...]) -> None:
    """Refuse keywords that are not declared inputs.

    Raises:
        ScenarioError: an unknown option, naming the known ones.
    """
    names = {i.name for i in allowed}
    unknown = sorted(set(options) - names)
    if unknown:
        raise ScenarioError(f"unknown option(s) {', '.join(unknown)}: choose from {', '.join(sorted(names))}")
