"""A war replay's `names` name every state its JSON mentions, so that a reader of it (the web map's timeline) can
say "Estonia (EST)": europe_1939_1941's treaty changes ("EST leaves atop_2240", "DNK leaves atop_2450") named
states that no record held, and `names` had only the records' states."""

from __future__ import annotations

from typing import Any

import foedus


def _mentioned(replay: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for f in replay["frames"]:
        for c in f["changes"]:
            out |= set(c.get("states", ())) | {c[k] for k in ("state", "attacker", "victim") if c.get(k)}
            out |= {s for a in c.get("attacks", ()) for s in (a["attacker"], a["victim"])}
    for r in replay["states"]:
        out |= {r["state"]} | {t["toward"] for t in r["triggered"]} | {n["toward"] for n in r["neutral"]}
        out |= {c["with"] for c in r["consultations"]}
    return out


def test_the_replay_names_every_state_it_mentions() -> None:
    replay = foedus.replay_war("europe_1939_1941").to_dict()
    mentioned = _mentioned(replay)
    assert mentioned - set(replay["names"]) == set()
    assert all(replay["names"][s] != s for s in mentioned), [s for s in mentioned if replay["names"][s] == s]
    assert replay["names"]["EST"] == "Estonia" and replay["names"]["DNK"] == "Denmark"
