"""`foedus cascade --likelihood`: the likelihood table beside the legal answer, with the model's warnings."""

from __future__ import annotations

import math
from collections.abc import Sequence

from foedus.code_words import likelihood_reading, likelihood_scores
from foedus.engine.likely_records import Chance, LikelihoodSummary, StateLikelihood, base_rate_standing, side_lean

__all__ = ["SHOWN", "print_likelihood", "side_owned", "side_said"]

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


def side_said(attackers: Sequence[str], targets: Sequence[str], share: float, low: float, high: float,
              interval: bool = True) -> str:
    """The side a state would join if it joins, named by its parties (`side_owned`), with the side model's interval in
    % (without it in the CLI's narrow column): the model gave the USA "RUS's side 64%" in Ukraine's attack on Russia in
    2024, from the defenders' base lean and alliance-portfolio similarity, while P(attack side | joins) ran from 15% to
    66%; where the interval spans 50% the side is said to be uncertain. The web's panel says it so
    (web/src/standing.ts sideSaid; tests/test_said_parity.py).

    >>> side_said(["UKR"], ["RUS"], 0.3643, 0.1454, 0.6649), side_said(["UKR"], ["RUS"], 0.0605, 0.0097, 0.3296, False)
    ('uncertain: RUS 64% (34–85)', "RUS's side 94%")
    """
    from foedus.wording import and_listed

    attack = share > 0.5
    owners, p, lo, hi = (attackers, share, low, high) if attack else (targets, 1 - share, 1 - high, 1 - low)
    figures = f"{_whole(p)}%" + (f" ({_whole(lo)}–{_whole(hi)})" if interval else "")
    return f"uncertain: {and_listed(list(owners))} {figures}" if side_lean(share, low, high) == "uncertain" \
        else f"{side_owned(owners)} {figures}"


def _whole(x: float) -> int:
    """A share in whole per cent, halves up, as the web's `Math.floor(100 * x + 0.5)` gives it."""
    return math.floor(100 * x + 0.5)


def _side(s: StateLikelihood, c: Chance, attackers: Sequence[str], targets: Sequence[str]) -> str:
    """The side a state joins if it joins (the likelier), uncertain where its interval spans 50% (`side_said`); from
    the ever chances alone, as before the interval was given, for a result that has none."""
    if s.attack_share is not None and s.attack_share_low is not None and s.attack_share_high is not None:
        return side_said(attackers, targets, s.attack_share, s.attack_share_low, s.attack_share_high, False)
    owners = attackers if c.attack > c.defense else targets
    return f"{side_owned(owners)} {max(c.attack, c.defense) / max(c.join, 1e-12):.0%}"


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
                      _side(s, by["ever"], attackers, targets))
    console.print(table)
    hidden = len(summary.states) - len(shown)
    others = summary.others
    console.print(f"P(join either side), ever with its {card.interval:.0%} interval in %; side if it joins: P(that "
                  f"side | it joins), uncertain where its interval spans 50%; {hidden} more relevant "
                  "states (and every interval) in --json; "
                  f"{others['count']} other states, each at most {_pct(others['max_join']['ever'])} (ever)")
    base = summary.base_rate["ever"]
    console.print(f"base rate (ever): {_pct(base['attack'] + base['defense'])} of states join a war")
    scores = likelihood_scores(summary)  # what the numbers are, then what the model cannot see: once, beside them
    if scores is not None:
        console.print(scores, markup=False)
    console.print(likelihood_reading(card), markup=False)
    standing = base_rate_standing(summary)
    if standing == "unchecked":
        console.print("[bold yellow]this model was not checked against the base rate: see the warnings")
    elif standing != "beats":
        console.print("[bold yellow]this model did not beat the base rate in every validation" + (
            ": see the warnings" if standing == "lost-here"
            else ", but did in every one that covers this date (docs/likelihood.md)"))
    for w in (*summary.warnings, *summary.notes):
        console.print(f"[yellow]note:[/yellow] {w}")
