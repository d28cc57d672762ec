"""A war replay's table (`WarReplay.to_frame`, `foedus war --out`): one row per state the replay records, then one per
state the war file notes that the replay has no record of (its note was in `--json` and `--state` alone), each with
its first entry and binding, the pause its fighting stands in on the replay's last day (`paused*`, as the text's
table says it under the fighting), the binding it stands released from then (`released*`, as the text's table says it
under the binding) and the file's notes on it (`recorded*`). The columns: `WAR_COLUMNS`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from foedus.war.events import War
from foedus.war.frame import Frame
from foedus.war.pause_words import paused_since, released_cell
from foedus.war.recorded import recorded_columns, recorded_on

__all__ = ["WarTable", "noted_only", "paused_columns", "released_columns", "war_rows"]


class WarTable(Protocol):
    """What the table reads of a `foedus.war.result.WarReplay` (which imports this module: no import back), its
    records (`StateRecord`s) as `ordered` gives them."""

    @property
    def war(self) -> War: ...
    @property
    def end(self) -> dt.date: ...
    @property
    def states(self) -> Mapping[str, object]: ...
    def ordered(self) -> Sequence[Any]: ...
    def frame_on(self, day: dt.date) -> Frame: ...
    def names_on(self, day: str) -> dict[str, str]: ...
    def row_day(self, r: Any) -> str: ...


def war_rows(replay: WarTable) -> list[dict[str, str | None]]:
    """The table's rows: each record's (`WarReplay.ordered`), named as on its row's first date, then each state
    noted alone (`noted_only`), named as on its first note's day, with no entry or binding."""
    last = replay.frame_on(replay.end)
    rows = [_row(replay, r, last.paused.get(r.state), last.released.get(r.state)) for r in replay.ordered()]
    for state, since in noted_only(replay):
        rows.append({"state": state, "name": replay.names_on(since).get(state, state),
                     **dict.fromkeys(("entered", "side", "bound_from", "bound_side", "treaty", "instrument",
                                      "article", "conditions", "cause")),
                     **paused_columns(None), **released_columns(None, None),
                     **recorded_columns(replay.war, state, replay.end)})
    return rows


def _row(replay: WarTable, r: Any, paused: Mapping[str, Any] | None,
         released: Mapping[str, Any] | None) -> dict[str, str | None]:
    """A record's row: its first entry and first binding, its pause and its release standing on the last day, the
    file's notes."""
    b = r.first_bound
    first = b.date.isoformat() if b else None
    return {"state": r.state, "name": replay.names_on(replay.row_day(r)).get(r.state, r.state),
            "entered": r.entered.isoformat() if r.entered else None,
            "side": r.spells[0]["side"] if r.spells else None,
            "bound_from": first, "bound_side": b.side if b else None, "treaty": b.treaty if b else None,
            "instrument": b.instrument if b else None, "article": b.article if b else None,
            "conditions": "; ".join(b.conditions) if b else None,
            "cause": (b.cause or {}).get("label") if b else None,
            **paused_columns(paused), **released_columns(released, first),
            **recorded_columns(replay.war, r.state, replay.end)}


def noted_only(replay: WarTable) -> list[tuple[str, str]]:
    """The states the war file notes by the replay's last day (`recorded_on`) that it has no record of, each with
    its first note's day, by that day then id: a note on a state that neither fights nor is bound."""
    firsts: dict[str, str] = {}
    for n in replay.war.state_notes:
        if n.state not in replay.states and recorded_on(replay.war, n.state, replay.end):
            firsts[n.state] = min(firsts.get(n.state, "9999"), n.since.isoformat())
    return sorted(firsts.items(), key=lambda kv: (kv[1], kv[0]))


def paused_columns(paused: Mapping[str, Any] | None) -> dict[str, str | None]:
    """A row's `paused*` columns from the last frame's `paused` entry (None: the state is not paused then, fighting
    with an attack by or on it going on, or out of the war): since when no attack by or on it goes on, how sure that
    day is where an attack's end paused it (as `released_columns` says a release's), and the words, as the text's
    table says them under the fighting, with the pages the file cites for the change (`paused_since`)."""
    if paused is None:
        return dict.fromkeys(("paused_since", "paused_certainty", "paused_said_by", "paused"))
    cause = paused.get("cause") or {}
    ended = cause.get("type") == "attack-ends"
    return {"paused_since": paused["since"],
            "paused_certainty": cause.get("until_certainty", "verified") if ended else None,
            "paused_said_by": cause.get("until_by") if ended else None, "paused": paused_since(paused)}


def released_columns(released: Mapping[str, Any] | None, first: str | None) -> dict[str, str | None]:
    """A row's `released*` columns from the last frame's `released` entry (None: the state is not released then):
    the day, the day the released binding began, how sure the day is where an attack's end released it (the war
    file's `until_certainty`, verified where it tags none, and whose word: `until_by`; a ceasefire's, an exit's or a
    treaty change's day the file does not tag), and the words, naming the binding where it is not the row's first
    (`first`: its day), with the pages the file cites for the change."""
    if released is None:
        return dict.fromkeys(("released_on", "released_from", "released_certainty", "released_said_by", "released"))
    cause = released.get("cause") or {}
    ended = cause.get("type") == "attack-ends"
    return {"released_on": released["to"], "released_from": released["from"],
            "released_certainty": cause.get("until_certainty", "verified") if ended else None,
            "released_said_by": cause.get("until_by") if ended else None,
            "released": released_cell(released, first or "", _cited, pages=True)}


def _cited(binding: Mapping[str, Any]) -> str:
    """A binding as the `released` column cites it: its treaty's id and article."""
    return f"{binding['treaty']} art. {binding['article']}"
