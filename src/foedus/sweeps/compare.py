"""Compare two treaty worlds: one scenario, or the whole atlas of ordered dyads, and say what changed.

The two worlds are two dates, or a base world and the same world under a what-if overlay.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence, Set
from typing import TYPE_CHECKING, Any

import numpy as np

from foedus.cited import article_cited, cited, instrument_said
from foedus.engine.result import CascadeResult, Joiner
from foedus.errors import FoedusError, ScenarioError
from foedus.model.world import World
from foedus.sweeps.atlas import AtlasOptions, atlas_results, opposite_count
from foedus.sweeps.compare_dated import dated_changes
from foedus.sweeps.compare_words import compared_settings
from foedus.war.ongoing_changes import ongoing_changes

if TYPE_CHECKING:
    from foedus.engine.fast.batch import BatchResult
    from foedus.model.overlay import Change

__all__ = ["check_watch", "compare_atlas", "compare_results", "unchanged_because"]


def _bases(j: Joiner) -> list[str]:
    """Every treaty and article a joiner joins under, its primary obligation first, an instrument that is not a
    treaty said so (`instrument_said`: "usa_qat_eo_2025 EO (an executive order, not a treaty)")."""
    return [cited(o.treaty, o.article) + instrument_said(o.instrument) for o in (j.primary, *j.also)]


def _sure(j: Joiner) -> dict[str, Any]:
    """How sure a joiner's primary obligation is, as its line tags it (`foedus.cited.bound_tag`): its `certainty`
    and the facts it rests on that are not verified (`doubted`), each with its level (`levels`)."""
    from foedus.engine.doubted_facts import doubt_entry

    return {"certainty": j.primary.certainty, **doubt_entry(j.primary.certainty_reasons)}


def _named(entry: dict[str, Any]) -> list[str]:
    """The obligations a gained, lost, switched or rebased entry names, each cited (`foedus.cited`) with its
    treaty's id first: "nato_1949 art. 5", "usa_cofa Title Three"."""
    return [w for key in ("why", "why_before") if (w := entry.get(key))] + [*entry.get("added", ()),
                                                                             *entry.get("dropped", ())]


def compare_results(base: CascadeResult, other: CascadeResult,
                    what_if: tuple[Sequence[Change], World] | None = None,
                    base_world: World | None = None) -> dict[str, Any]:
    """Joiners gained, lost or switched between two results of the same scenario, with reasons (a gained or switched
    one with its new duty's `strength`, each with the
    `certainty` of the obligation it names and its facts not verified, `doubted`, as a joiner's line tags it), and
    those on the same side in both whose treaties or duty's strength changed (`rebased`: a new member's or pact's
    obligation on a state already bound by another, its primary obligation now and before, the treaties and articles
    added and dropped, its strength now and before, and how sure its primary obligation now is (`certainty`,
    `doubted`, as a gained one's: Kazakhstan rebased from the CSTO onto its unverified 1992 treaty with Russia read as
    sure as before): `--set-strength usa_kor_1953:III=S1` made the US's duty to defend
    South Korea S1, and compare said "no change in who joins" and that the change moved no one; and, where its
    primary obligation now rests on a what-if change, `rests_on_what_if`, those changes: its new strength is the
    change's, `foedus.whatif_words.rested`; a gained or switched state's likewise: its new duty is the change's);
    `rests_on_switch` on an entry whose obligation named binds only by a scenario switch (`["non-military bound"]`:
    EU Art. 42(7)'s neutrals), else absent; `switches_said`: the switches the results run under, in words
    (`foedus.sweeps.compare_words.compared_settings`: each they differ in, then those not at the default);
    `notes`: each what-if change (`what_if`: the changes and the world they made, `other`'s) dated after `other`'s
    date, in the words a cascade says it in (`foedus.model.overlay_dated.later_notes`): without them no change in who
    joins was unsaid; `unchanged_because`: for each treaty a what-if change touched that moves no joiner (named in none
    of the gained, lost, switched or rebased, nor in `ongoing`, nor among the treaties of a state newly bound both
    ways or no longer so), why, in the engine's words (`unchanged_because`);
    `ongoing`: with attacks ongoing since a day before the date (both results' `ongoing`), how the war's course to the
    date differs (`foedus.war.ongoing_changes`), else None; `dated_changes`: between two dates, the changes of the
    treaties it names that start or stop a duty (`foedus.sweeps.compare_dated`: Finland joining NATO)."""
    from foedus.model.overlay_dated import later_notes
    from foedus.whatif_words import rested

    a = {j.state: (j.side, _bases(j)) for j in base.joiners}
    b = {j.state: (j.side, _bases(j)) for j in other.joiners}
    strength_a, strength_b = ({j.state: j.primary.strength for j in r.joiners} for r in (base, other))
    sure_a, sure_b = ({j.state: _sure(j) for j in r.joiners} for r in (base, other))
    rests = {j.state: rested(j.primary.certainty_reasons) for j in other.joiners}  # the changes its duty rests on
    hypo = {s: {"rests_on_what_if": rests[s]} if rests[s] else {} for s in b}  # a duty resting on a what-if change
    switch_a, switch_b = ({j.state: _on_switch(j) for j in r.joiners} for r in (base, other))  # a switch's reading
    for s, on in switch_b.items():
        hypo[s] |= on
    gained = [{"state": s, "side": b[s][0], "why": b[s][1][0], "strength": strength_b[s], **sure_b[s], **hypo[s]}
              for s in sorted(b.keys() - a.keys())]
    lost = [{"state": s, "side": a[s][0], "why_before": a[s][1][0], **sure_a[s], **switch_a[s]}
            for s in sorted(a.keys() - b.keys())]
    switched, rebased = [], []
    for s in sorted(a.keys() & b.keys()):
        (side, before), (now_side, now) = a[s], b[s]
        if side != now_side:
            switched.append({"state": s, "from": side, "to": now_side, "why": now[0], "strength": strength_b[s],
                             **sure_b[s], **hypo[s]})
        elif before[0] != now[0] or set(before) != set(now) or strength_a[s] != strength_b[s]:
            rebased.append({"state": s, "side": side, "why": now[0], "why_before": before[0],
                            "added": sorted(set(now) - set(before)), "dropped": sorted(set(before) - set(now)),
                            "strength": strength_b[s], "strength_before": strength_a[s],
                            **sure_b[s], **hypo[s]})
    entries: list[dict[str, Any]] = [*gained, *lost, *switched, *rebased]
    ongoing = ongoing_changes(base.ongoing, other.ongoing) if base.ongoing and other.ongoing else None
    conflicts_a = {c.state for c in base.conflicts}
    conflicts_b = {c.state for c in other.conflicts}
    clashed = {t for r, made in ((other, conflicts_b - conflicts_a), (base, conflicts_a - conflicts_b))
               for c in r.conflicts if c.state in made for t in c.treaties}  # a conflict made or ended names them
    moved = ({why.split(" ", 1)[0] for x in entries for why in _named(x)} | (ongoing.treaties() if ongoing else set())
             | clashed)
    world = what_if[1] if what_if else base_world if base_world is not None else World.default()
    states = [*base.scenario.attackers, *base.scenario.targets, *(x["state"] for x in entries), *clashed_states(
        base, other)]
    return {
        "switches_said": compared_settings(base.scenario, other.scenario),
        "gained": gained, "lost": lost, "switched": switched, "rebased": rebased,
        "dated_changes": dated_changes(base, other, world, moved, states),
        "new_conflicts": sorted(conflicts_b - conflicts_a), "resolved_conflicts": sorted(conflicts_a - conflicts_b),
        "war_size": {"base": sum(len(v) for v in base.sides.values()),
                     "other": sum(len(v) for v in other.sides.values())},
        "notes": later_notes(what_if[0], other.scenario.date, what_if[1], other.scenario.basis, base_world)
        if what_if else [],
        "unchanged_because": unchanged_because(what_if[0], (base, base_world), (other, what_if[1]), moved)
        if what_if else [],
        "ongoing": ongoing.to_dict() if ongoing is not None else None,
    }


def _on_switch(j: Joiner) -> dict[str, list[str]]:
    """`rests_on_switch`: the scenario switches a joiner's primary obligation binds only by, each its option and value
    without the dashes (`non-military bound`, `compare_words.switch_named`; the engine's record of them,
    `Obligation.switches`, from the gate it opened), or nothing where none."""
    from foedus.sweeps.compare_words import switch_named

    on = [switch_named(name, value) for name, value in j.primary.switches]
    return {"rests_on_switch": on} if on else {}


def clashed_states(base: CascadeResult, other: CascadeResult) -> list[str]:
    """The states bound both ways in either result (a treaty change may make or end their conflict)."""
    return [c.state for r in (base, other) for c in r.conflicts]


def unchanged_because(changes: Sequence[Change], base: tuple[CascadeResult, World | None],
                      other: tuple[CascadeResult, World], moved: Set[str]) -> list[dict[str, str]]:
    """For each treaty a what-if change touches, in the changes' order, that moves no joiner (not in `moved`, the
    treaties the comparison names), why, in the words of `foedus.engine.unmoved.why_unmoved`: a change that makes
    the treaty (add a treaty, a member, change an article) is read in the other world's result; one that unmakes it
    (drop the treaty, remove a member) in the base world's, where the treaty stood (left out without that world).
    A treaty dropped and added again (an edited copy of the same id) is said once, of the copy added ("replaced by the
    copy added, but ..."), not as two treaties, one dropped that moved no one and one added. Each entry: `treaty`,
    `change` (the change as given) and `why`."""
    from foedus.engine.unmoved import why_unmoved
    from foedus.model.overlay_changes import AddTreaty, DropTreaty, RemoveMember
    from foedus.model.overlay_set import api_named

    found = []
    for number, change in enumerate(changes, 1):
        result, world = base if isinstance(change, DropTreaty | RemoveMember) else other
        if world is not None and (touched := _touched(change, world, result)) is not None:
            found.append((number, change, result, world, touched))
    added = {t[0] for _, c, _, _, t in found if isinstance(c, AddTreaty)}  # a treaty dropped and added again: replaced,
    dropped = {t[0] for _, c, _, _, t in found if isinstance(c, DropTreaty)}  # said once, of the copy added
    out: list[dict[str, str]] = []
    for number, change, result, world, (treaty, state, article) in found:
        if treaty in moved or (isinstance(change, DropTreaty) and treaty in added):
            continue
        why = why_unmoved(world, result, treaty, state, article)
        said = f"replaced by the copy added, but {why}" if isinstance(change, AddTreaty) and treaty in dropped else (
            _said(change, state, article, why))
        out.append({"treaty": treaty, "change": api_named(change, number), "why": said})
    return out


def _touched(change: Change, world: World, result: CascadeResult) -> tuple[str, str | None, str | None] | None:
    """The treaty a change touches in `world` (its id), the member it adds or removes and the article it sets, or
    None where `world` lacks the treaty."""
    from foedus.engine.scenario import named_state
    from foedus.model.overlay_changes import AddMember, RemoveMember, SetScope, SetStrength
    from foedus.whatif_rests import change_treaty

    treaty = change_treaty(change, world)  # a name ("NATO") as the overlay read it; a treaty added by its id
    if treaty is None:
        return None
    state = None
    if isinstance(change, AddMember | RemoveMember):
        try:
            state = named_state(change.state, result.scenario.date, world.states.names)
        except FoedusError:
            state = str(change.state)
    return treaty, state, change.article if isinstance(change, SetScope | SetStrength) else None


def _said(change: Change, state: str | None, article: str | None, why: str) -> str:
    """`why` after what the change did."""
    from foedus.model.overlay_changes import AddMember, AddTreaty, DropTreaty, RemoveMember

    if isinstance(change, AddMember):
        return f"{state} is added as a party, but {why}"
    if isinstance(change, RemoveMember):
        return f"{state} leaves it, but it moved no one while {state} was a party: {why}"
    if isinstance(change, DropTreaty):
        return f"dropped, but it moved no one before: {why}"
    if isinstance(change, AddTreaty):
        return f"added, but {why}"
    return f"{article_cited(str(article))} changed, but {why}"


def check_watch(watch: str | None, against: Iterable[str], names: tuple[str, str] = ("watch", "against")) -> None:
    """Refuse a watched pair of sides that cannot be counted: a watched state without states to watch it against,
    or the reverse (the count would be 0 whatever the worlds), or the watched state among its own opponents.

    Raises:
        ScenarioError: naming the inputs as `names` (the CLI's `--watch`, `--against`).
    """
    others = list(against)
    if watch and not others:
        raise ScenarioError(f"{names[0]} {watch} needs {names[1]}: the states it may face on the other side")
    if others and not watch:
        raise ScenarioError(f"{names[1]} needs {names[0]}: the state they may face on the other side")
    if watch in others:
        raise ScenarioError(f"{names[0]} {watch} is also in {names[1]}: a state is never on both sides; "
                            "watch it against other states")


def compare_atlas(
    base: World, base_day: dt.date, other: World, other_day: dt.date,
    options: AtlasOptions | None = None, watch: str | None = None, against: Iterable[str] = (),
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """All ordered dyads in both worlds: war sizes, tripwires, and (optionally) a watched pair of sides.

    `progress(k)`: after the k-th of the 2 × readings atlases (the base world's first)."""
    against = list(against)
    check_watch(watch, against)
    options = options or AtlasOptions()
    n = len(options.readings)
    res_a = atlas_results(base, base_day, options, progress)
    res_b = atlas_results(other, other_day, options, None if progress is None else lambda k: progress(n + k))
    out: dict[str, Any] = {"base_date": base_day.isoformat(), "other_date": other_day.isoformat(), "readings": {}}
    for reading in options.readings:
        ra, rb = res_a[reading], res_b[reading]
        key_a = _dyad_index(ra)
        key_b = _dyad_index(rb)
        common = sorted(set(key_a) & set(key_b))
        size_a = ra.war_size()[[key_a[k] for k in common]]
        size_b = rb.war_size()[[key_b[k] for k in common]]
        entry: dict[str, Any] = {
            "dyads": {"base": len(key_a), "other": len(key_b), "common": len(common)},
            "mean_war_size": {"base": float(ra.war_size().mean()), "other": float(rb.war_size().mean())},
            "tripwire_dyads": {"base": _tripwires(ra, base, base_day), "other": _tripwires(rb, other, other_day)},
            "dyads_with_larger_war": int((size_b > size_a).sum()),
            "dyads_with_smaller_war": int((size_b < size_a).sum()),
            "largest_changes": _largest(common, size_a, size_b),
        }
        if watch:
            entry["watch"] = {"state": watch, "against": against,
                              "base": opposite_count(ra, watch, against),
                              "other": opposite_count(rb, watch, against)}
        out["readings"][reading] = entry
    return out


def _tripwires(res: BatchResult, world: World, day: dt.date) -> int | None:
    """The dyads whose war puts major powers on opposite sides, or None where COW's list gives no major power on `day`
    (`majors_unknown`: the count would read 0 whatever the sides; `tripwire_notes` says why)."""
    from foedus.model.major_notes import majors_unknown

    return int(res.majors_opposite().sum()) if majors_unknown(world.states, day) is None else None


def _dyad_index(res: Any) -> dict[tuple[str, str], int]:
    return {(res.states[a], res.states[b]): i for i, (a, b) in enumerate(zip(res.attackers, res.targets, strict=True))}


def _largest(common: list[tuple[str, str]], size_a: np.ndarray, size_b: np.ndarray,
             k: int = 10) -> list[dict[str, Any]]:
    delta = size_b - size_a
    order = np.argsort(-np.abs(delta), kind="stable")[:k]
    return [{"attacker": common[i][0], "target": common[i][1], "base": int(size_a[i]), "other": int(size_b[i])}
            for i in order if delta[i] != 0]
