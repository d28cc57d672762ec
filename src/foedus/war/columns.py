"""What each column of a war replay's table means (`WarReplay.to_frame`, `foedus war --out`): one short line per
column, written into the table as the research tables' codebooks are (`foedus.research.codebook`); docs/war.md's
column table names the same columns (a test)."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["WAR_COLUMNS"]

WAR_COLUMNS: Mapping[str, str] = {
    "state": "the state (foedus id)",
    "name": "the state's name on its row's first date (entered, else bound, else a duty)",
    "entered": "the day it entered the war (missing: it never fought)",
    "side": "the side it first fought on: attack or defense",
    "bound_from": "the day it was first bound to join (missing: never bound)",
    "bound_side": "the side that first binding obligation is to join",
    "treaty": "the treaty (foedus id) of that first binding obligation",
    "instrument": "the kind of instrument it is owed under: treaty, executive_order, ...",
    "article": "that obligation's article",
    "conditions": "what that obligation assumes, as the cascade says (joined by '; ')",
    "cause": "the event or treaty change that first bound it",
    "paused_since": "fighting, since when no attack by or on it goes on, still so on the last day",
    "paused_certainty": "how sure paused_since is where an attack's end paused it",
    "paused_said_by": "whose word paused_since is, where the war file says (e.g. Russia's claim)",
    "paused": "the pause in words: the change that paused it, its pages (source: ...)",
    "released_on": "the day it was released from its last binding, standing so on the last day",
    "released_from": "the day the released provision began to bind (released: a binding it continued)",
    "released_certainty": "how sure released_on is where an attack's end released it",
    "released_said_by": "whose word released_on is, where the war file says (e.g. Russia's claim)",
    "released": "the release in words: a binding it continued, the change that released it, pages",
    "recorded_since": "the first day of the war file's first note on it, not replayed (missing: none)",
    "recorded_since_within": "month or year: recorded_since is known only to it (its first day)",
    "recorded": "the war file's notes on it, as its --state line ends (certainty, sources, since)",
}
