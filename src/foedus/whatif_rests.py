"""Which findings of a what-if run rest on one of its changes, said beside the run's `what-if world` note: the note said
"a finding that rests on a change is hypothetical" and left the reader to find which, so Philippines and the United
States, bound to defend Taiwan only because `--add-member usa_phl_1951:TWN` made Taiwan a party, read as any duty."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from foedus.cited import cited
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.engine.records import Consultation, Neutral, Obligation, Violation, Withheld
    from foedus.engine.result import CascadeResult
    from foedus.engine.rules.support import Support
    from foedus.model.overlay import Change
    from foedus.model.world import World

    Finding = Obligation | Neutral | Consultation | Violation | Withheld

__all__ = ["change_treaty", "rests_on_changes"]


def change_treaty(change: Change, world: World) -> str | None:
    """The id of the treaty `change` touches in `world` (a name such as "NATO" read as the overlay read it; a treaty
    added by its file's id), or None where `world` lacks it."""
    from foedus.errors import FoedusError
    from foedus.model.overlay_changes import AddTreaty
    from foedus.model.overlay_dated import treaty_added

    if isinstance(change, AddTreaty):
        added = treaty_added(change, world)
        return None if added is None else added.id
    try:
        return world.treaty_id(change.treaty)
    except FoedusError:
        return None


def _named(finding: Finding) -> tuple[str, ...]:
    """The states a finding names: the state bound, the one its duty is toward, with or against, and those of the
    attack that set it off; a withheld leg, whose record names no attack, its state and every state it is owed to
    (`Withheld.owed_to`), not the states its reason's words name (a gate's reason need not name the state the leg is
    owed to: "it needs SADC Summit authorisation ...")."""
    from foedus.engine.records import Consultation, Neutral, Violation, Withheld

    if isinstance(finding, Withheld):
        return finding.state, *finding.owed_to
    other = (finding.toward if isinstance(finding, Neutral) else finding.with_ if isinstance(finding, Consultation)
             else finding.against if isinstance(finding, Violation) else finding.state)
    return finding.state, other, finding.because.attacked, finding.because.by


def _rests(finding: Finding, change: Change, treaty: str, state: str | None) -> bool:
    """Whether `finding` rests on `change`: owed under a treaty it adds, under an article whose strength or scope it
    sets, or under a treaty it makes `state` (the member it adds, read as `foedus compare` reads it) a party to, owed
    by, to or against that state."""
    from foedus.model.overlay_changes import AddTreaty, SetScope, SetStrength

    if finding.treaty != treaty:
        return False
    if isinstance(change, AddTreaty):
        return True
    if isinstance(change, SetScope | SetStrength):
        return finding.article == str(change.article)
    if state is not None:
        return state in _named(finding)
    return False  # a treaty dropped or a member removed: what stands of it is the treaty as encoded


def _added(change: Change, world: World, day: dt.date) -> str | None:
    """The state an `AddMember` change makes a party, as `foedus compare` reads it; None for any other change."""
    from foedus.engine.scenario import named_state as state_id
    from foedus.errors import FoedusError
    from foedus.model.overlay_changes import AddMember

    if not isinstance(change, AddMember):
        return None
    try:
        return state_id(change.state, day, world.states.names)
    except FoedusError:
        return str(change.state)


def rests_on_changes(result: CascadeResult, changes: Sequence[Change], said: Sequence[str], world: World
                     ) -> tuple[CascadeResult, list[str]]:
    """`result` with a `what-if` certainty reason (`change_reason`) on each finding that rests on a change (`said`:
    each change in `CascadeResult.what_if`'s words): every duty of a joiner and of a conflict, every neutrality duty,
    consultation, violation and withheld leg, its `certainty` left the encoded facts' tag; and one note per change a
    finding rests on, naming its states kind by kind (`whatif_words.resting_note`: the joiners, then those bound both
    ways, to stay out, to consult, in breach, withheld and bound to support; a support record, which carries no
    certainty reasons, is named in the note alone): "resting on add_member usa_phl_1951:TWN: Philippines (PHL) and
    United States (USA), bound under usa_phl_1951 art. IV (hypothetical)"."""
    from foedus.datarecord import replace
    from foedus.whatif_words import change_reason, resting_note

    day = result.scenario.date
    found = [(change, words, treaty, _added(change, world, day)) for change, words in zip(changes, said, strict=True)
             if (treaty := change_treaty(change, world)) is not None]
    if not found:
        return result, []
    by_change: dict[str, dict[str, dict[str, list[str]]]] = {words: {} for _, words, _, _ in found}
    named: dict[tuple[str, str], set[str]] = {}  # the states a change's note names already, by change and kind

    def noted(kind: str, state: str, where: str, rests: list[str]) -> None:
        """Name `state` (a finding of `kind` under `where`) in the note of each change in `rests`, once a kind."""
        for words in rests:
            states = by_change[words].setdefault(kind, {}).setdefault(where, [])
            if state not in (seen := named.setdefault((words, kind), set())):
                seen.add(state)
                states.append(named_state(state, result.names))

    def marked(finding: Any, kind: str, state: str | None = None) -> Any:
        """The finding with a reason for each change it rests on, named in those changes' notes as a `kind`."""
        rests = [words for change, words, treaty, added in found if _rests(finding, change, treaty, added)]
        noted(kind, finding.state if state is None else state, cited(finding.treaty, finding.article), rests)
        reasons = (*finding.certainty_reasons, *map(change_reason, rests))
        return replace(finding, certainty_reasons=reasons) if rests else finding

    joiners = []
    for j in result.joiners:
        duties = [marked(o, "joiner", j.state) for o in (j.primary, *j.also)]
        joiners.append(replace(j, primary=duties[0], also=tuple(duties[1:])))
    conflicts = tuple(replace(c, obligations=tuple(marked(o, "conflict", c.state) for o in c.obligations),
                              neutral=tuple(marked(n, "conflict", c.state) for n in c.neutral))
                      for c in result.conflicts)
    marked_result = replace(result, joiners=tuple(joiners), conflicts=conflicts,
                            neutral=tuple(marked(n, "neutral") for n in result.neutral),
                            consultations=tuple(marked(c, "consultation") for c in result.consultations),
                            violations=tuple(marked(v, "violation") for v in result.violations),
                            withheld=tuple(marked(w, "withheld") for w in result.withheld))
    for s in result.supporters:
        noted("support", s.state, cited(s.treaty, s.article),
              [words for change, words, treaty, added in found if _supports(s, change, treaty, added)])
    return marked_result, [n for words, by_kind in by_change.items() if (n := resting_note(words, by_kind))]


def _supports(support: Support, change: Change, treaty: str, state: str | None) -> bool:
    """Whether `support` rests on `change`: owed under a treaty it adds, or under a treaty it makes `state` a party
    to, by or to that state (a strength or scope set is a clause's duty to fight, not a form of help)."""
    from foedus.model.overlay_changes import AddTreaty

    if support.treaty != treaty:
        return False
    return isinstance(change, AddTreaty) or (state is not None and state in (support.state, support.supports))
