"""What a war's frames' `paused` and `released` maps weigh in its JSON (`foedus war WAR --json`,
`WarReplay.to_dict()`, as `emit_json` prints it: indent 2, and compact as well): `FrameBuilder` copies both whole
into every later frame. For `iran_2026` and every COW war the backtest replays (legal reading, the world as loaded),
the bytes with those keys, without them, and with each frame carrying only the day's changes to them (the entries
that begin or change that day, and the states whose entry ended), with the ratios; the COW wars reported are the one
with the most frames, the longest (first to last frame), the largest JSON, the one whose JSON those keys weigh most
in, and all of them together.

Run: FOEDUS_DATA_DIR=../shared/data .venv/bin/python bench/bench_war_frame_bytes.py
"""

from __future__ import annotations

import json
from typing import Any

KEYS = ("paused", "released")


def _bytes(doc: dict[str, Any], indent: int | None) -> int:
    """The document's size in UTF-8 bytes, as `emit_json` prints it (indent 2, a newline after) or compact."""
    if indent is None:
        return len(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode())
    return len((json.dumps(doc, ensure_ascii=False, indent=indent) + "\n").encode())


def _without(doc: dict[str, Any]) -> dict[str, Any]:
    return {**doc, "frames": [{k: v for k, v in f.items() if k not in KEYS} for f in doc["frames"]]}


def _deltas(doc: dict[str, Any]) -> dict[str, Any]:
    """Each frame's `paused` and `released` as the day's changes only: the entries new or changed since the frame
    before, and (`paused_ended`, `released_ended`) the states whose entry is gone."""
    frames, before = [], {k: {} for k in KEYS}
    for f in doc["frames"]:
        g = {k: v for k, v in f.items() if k not in KEYS}
        for k in KEYS:
            now = f[k]
            g[k] = {s: e for s, e in now.items() if before[k].get(s) != e}
            g[f"{k}_ended"] = [s for s in before[k] if s not in now]
            before[k] = now
        frames.append(g)
    return {**doc, "frames": frames}


def measure(name: str, doc: dict[str, Any]) -> dict[str, Any]:
    """The sizes of one replay's JSON with the keys, without them, and with the day's changes only."""
    out: dict[str, Any] = {"war": name, "frames": len(doc["frames"]),
                           "days": (_day(doc["frames"][-1]["date"]) - _day(doc["frames"][0]["date"])).days,
                           "frames_with_entries": sum(1 for f in doc["frames"] if f["paused"] or f["released"])}
    for form, indent in (("indent2", 2), ("compact", None)):
        full, bare, delta = _bytes(doc, indent), _bytes(_without(doc), indent), _bytes(_deltas(doc), indent)
        out[form] = {"with_keys": full, "without_keys": bare, "day_changes_only": delta,
                     "ratio_with_to_without": round(full / bare, 4), "keys_share": round((full - bare) / full, 4),
                     "ratio_day_changes_to_without": round(delta / bare, 4)}
    return out


def _day(text: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text)


def main() -> None:
    from foedus.api import replay_war
    from foedus.backtest.outcomes import cow_wars
    from foedus.errors import FoedusError
    from foedus.model.world import World
    from foedus.war.replay import replay

    world = World.default()
    report: dict[str, Any] = {"iran_2026": measure("iran_2026", replay_war("iran_2026", world=world).to_dict())}
    cows = []
    for cow in cow_wars(world, None, None)[0]:
        try:
            cows.append(measure(f"COW {cow.num} {cow.name}", replay(cow.war, world).to_dict()))
        except FoedusError:  # a war the engine rejects (the backtest skips it too)
            continue
    report["cow_most_frames"] = max(cows, key=lambda m: m["frames"])
    report["cow_longest"] = max(cows, key=lambda m: m["days"])
    report["cow_largest_json"] = max(cows, key=lambda m: m["indent2"]["with_keys"])
    report["cow_largest_keys_share"] = max(cows, key=lambda m: m["indent2"]["keys_share"])
    total = {form: {k: sum(m[form][k] for m in cows) for k in ("with_keys", "without_keys", "day_changes_only")}
             for form in ("indent2", "compact")}
    for t in total.values():
        t["ratio_with_to_without"] = round(t["with_keys"] / t["without_keys"], 4)
        t["ratio_day_changes_to_without"] = round(t["day_changes_only"] / t["without_keys"], 4)
    report["cow_all"] = {"wars": len(cows), "frames": sum(m["frames"] for m in cows),
                         "frames_with_entries": sum(m["frames_with_entries"] for m in cows), **total}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
