"""`foedus cascade --likelihood`: the likelihood table beside the legal answer, with the model's warnings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from foedus.code_words import LIKELIHOOD_READING, likelihood_scores
from foedus.engine.likely_records import Chance, LikelihoodSummary

__all__ = ["SHOWN", "base_rate_standing", "print_likelihood", "side_owned"]

SHOWN = 15  # rows shown (the JSON has every relevant state)


def _pct(x: float) -> str:
    return f"{x:.1%}" if x >= 0.001 else "<0.1%"


def _cell(c: Chance) -> str:
    return f"{_pct(c.join)} ({100 * c.join_low:.1f}–{100 * c.join_high:.1f})"


def side_owned(owners: Sequence[str]) -> str:
    """A side named by its original parties, the attackers' or the targets': "KOR's side", since "defense" alone read
    as the joiner's own defence (China "defense 60%" when North Korea attacks South Korea: 60% on South Korea's side).
    The web's likelihood panel names its columns so (web/src/standing.ts sideOwned; tests/test_said_parity.py).

    >>> side_owned(["EST", "LVA"])
    "EST and LVA's side"
    """
    from foedus.wording import and_listed

    return f"{and_listed(list(owners))}'s side"


def _side(c: Chance, attackers: Sequence[str], targets: Sequence[str]) -> str:
    """The side a state joins if it joins (the likelier), named by its parties (`side_owned`), and that chance."""
    owners = attackers if c.attack > c.defense else targets
    return f"{side_owned(owners)} {max(c.attack, c.defense) / max(c.join, 1e-12):.0%}"


Standing = Literal["beats", "lost-here", "unchecked", "lost-elsewhere"]


def base_rate_standing(summary: LikelihoodSummary) -> Standing:
    """Whether the model beat the base rate in every out-of-sample check, lost one that covers the answer's date (its
    warnings tell only those: `foedus.likely.attach.warnings_of`), carries no check, or lost only checks of another
    era; the web's likelihood panel follows the same rule (web/src/standing.ts baseRateStanding,
    tests/test_said_parity.py)."""
    if summary.beats_base_rate:
        return "beats"
    if any("did not beat the base rate" in w for w in summary.warnings):
        return "lost-here"
    return "lost-elsewhere" if summary.validation else "unchecked"


def print_likelihood(summary: LikelihoodSummary, attackers: Sequence[str], targets: Sequence[str]) -> None:
    """The states most likely to join, with their legal answer and the side they would join named by the scenario's
    `attackers` or `targets` (ids, as the table names states), then the warnings."""
    from rich.table import Table

    from foedus.consoles import console as make_console

    console = make_console()
    card = summary.model
    table = Table(title=f"How likely to join (model {card.version}, trained on {card.window}; "
                        f"{card.interval:.0%} intervals)", title_justify="left")
    for col in ("state", "legal", "30 days", "365 days", "ever (interval)", "side if it joins"):
        table.add_column(col, no_wrap=True, overflow="fold")
    shown = list(summary.states[:SHOWN])
    for s in shown:
        by = {c.horizon: c for c in s.chances}
        table.add_row(s.state, s.legal or "—", _pct(by["30"].join), _pct(by["365"].join), _cell(by["ever"]),
                      _side(by["ever"], attackers, targets))
    console.print(table)
    hidden = len(summary.states) - len(shown)
    others = summary.others
    console.print(f"P(join either side), ever with its {card.interval:.0%} interval in %; {hidden} more relevant "
                  "states (and every interval) in --json; "
                  f"{others['count']} other states, each at most {_pct(others['max_join']['ever'])} (ever)")
    base = summary.base_rate["ever"]
    console.print(f"base rate (ever): {_pct(base['attack'] + base['defense'])} of states join a war")
    scores = likelihood_scores(summary)  # what the numbers are, then what the model cannot see: once, beside them
    if scores is not None:
        console.print(scores, markup=False)
    console.print(LIKELIHOOD_READING, markup=False)
    standing = base_rate_standing(summary)
    if standing == "unchecked":
        console.print("[bold yellow]this model was not checked against the base rate: see the warnings")
    elif standing != "beats":
        console.print("[bold yellow]this model did not beat the base rate in every validation" + (
            ": see the warnings" if standing == "lost-here"
            else ", but did in every one that covers this date (docs/likelihood.md)"))
    for w in (*summary.warnings, *summary.notes):
        console.print(f"[yellow]note:[/yellow] {w}")
