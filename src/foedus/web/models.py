"""Response shapes for the OpenAPI spec (documentation and fuzzing); handlers return plain dicts.

The cascade shape describes the stable keys of `CascadeResult.to_dict()` (docs/json-contract.md) and
allows more, as the contract does: the endpoint returns `to_dict()` itself, never a filtered copy.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from foedus.engine.outcome import DATA_END
from foedus.engine.scenario import Reading

__all__ = [
    "BecauseOut",
    "CascadeOut",
    "ErrorOut",
    "HealthOut",
    "JoinerOut",
    "ReasonOut",
    "SidesOut",
    "StateOut",
    "TreatyRowOut",
    "WarInfoOut",
    "WarOut",
]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorOut(BaseModel):
    """Every error: `ok` false, one line saying what is wrong and how to fix it, and the HTTP status."""

    ok: Literal[False]
    error: str
    status: int
    candidates: list[dict[str, object]] | None = None
    name: str | None = None
    place: dict[str, str] | None = None
    not_member: str | None = None  # /api/resolve with a role: the state found, out of the state system that day


class BecauseOut(_Open):
    """The attack that set an obligation off."""

    attacked: str
    by: str
    place: str
    target_kind: str


class ReasonOut(_Open):
    """A fact that keeps an obligation from `verified`: what it is, its tag, and its source."""

    kind: str
    fact: str
    certainty: str
    source: str


class JoinerOut(_Open):
    """A state drawn in, with the strongest provision that binds it, and why it is not verified (if not)."""

    state: str
    side: Literal["attack", "defense"]
    round: int
    treaty: str
    article: str
    strength: str
    because: BecauseOut
    certainty: str
    certainty_reasons: list[ReasonOut]


class SidesOut(BaseModel):
    """Both sides: original parties first, then joiners by round."""

    attack: list[str]
    defense: list[str]


class CascadeOut(_Open):
    """`CascadeResult.to_dict()`: the JSON contract of `foedus cascade --json`."""

    date: str
    attackers: list[str]
    targets: list[str]
    place: str
    reading: Reading
    sides: SidesOut
    joiners: list[JoinerOut]
    consultations: list[dict[str, object]]
    conflicts: list[dict[str, object]]
    neutral: list[dict[str, object]]
    violations: list[dict[str, object]]


class TreatyRowOut(_Open):
    """A treaty in the list: id, name, dates, member count, kinds of obligation."""

    id: str
    name: str
    title: str | None = None  # a named ATOP alliance's name as lines cite it, tagged when not verified (atop_title)
    signed: str
    in_force: str | None
    terminated: str | None
    members: int
    kinds: list[str]
    certainty: str
    origin: str
    invocations: int


class StateOut(_Open):
    """A state: id (ISO3, or COW<n>), COW number and abbreviation, ISO3 and ISO numeric codes, name, spells, and
    whether in the state system on the date asked (null: the COW dates cannot say, or no date was asked)."""

    id: str
    ccode: int | None
    cow: str | None
    iso3: str | None
    iso3n: int | None
    name: str
    spells: list[list[str | None]]
    member: bool | None


class HealthOut(_Open):
    """The server is up; what it loaded."""

    ok: Literal[True]
    version: str
    treaties: int
    states: int
    places: int
    system_dates: bool
    history: bool
    front_end: bool
    datasets: dict[str, str] = Field(default_factory=dict,
                                     description="dataset name -> version, for every registered dataset, "
                                                 "whether or not its files are in the data folder")
    dataset_states: dict[str, str] = Field(
        default_factory=dict, description="dataset name -> its state in the data folder, checked by SHA-256 as "
        "`foedus data status` checks it: present, other-version, missing, partial, bad-checksum or unreadable")


class WarInfoOut(_Open):
    """The war replayed (docs/war.md, the JSON contract's `war`)."""

    id: str
    name: str
    start: str = Field(description="the war's first event, YYYY-MM-DD")
    end: str = Field(description="the last day replayed: the war's `end`, the day asked (`until`), or for an ongoing "
                                 "war asked past its data the end of its data (`asked_until` then says so): the "
                                 f"day the bundled data was reviewed to, {DATA_END}, or the war's last recorded event "
                                 "when later")
    ongoing: bool = Field(description="true when the war file has no `end`")
    source: str
    sources: list[dict[str, object]] = Field(description="the pages the war file cites, each {url, title, event}")
    asked_until: str | None = Field(description="the day asked (`until`) when an ongoing war was asked past its "
                                                "data's end, else null: nothing after that end is known, so the "
                                                "replay stops there (`end`), as `foedus war` warns on stderr "
                                                "(`WarReplay.beyond_data`)")
    leads: dict[str, list[str]] = Field(description="each side's lead states, the war's first attack's attackers "
                                                    "(`attack`) and victims (`defense`): a line names a side by those "
                                                    "fighting that day (\"Fighting on the side of Israel (ISR)\"; "
                                                    "one an attack drew in fights against its attackers)")
    state_notes: list[dict[str, object]] = Field(description="what the war file records of a state its events do not "
                                                         "replay, each {state, since, note, certainty, sources}: "
                                                         "Why? says it from `since` (foedus.war.recorded)")


class WarOut(_Open):
    """`WarReplay.to_dict()`: the JSON contract of `foedus war --json` (docs/war.md)."""

    war: WarInfoOut
    settings: dict[str, object]
    states: list[dict[str, object]] = Field(description="one record per state the replay mentions, in order of "
                                                        "first appearance; its `first_bound` (and each of that "
                                                        "day's other obligations, `also`), each of its "
                                                        "`bound_spans` and each duty with its `certainty` and "
                                                        "`doubted`, the facts not verified, and a duty to join "
                                                        "with its `conditions` and `unresolved`, as the cascade's")
    frames: list[dict[str, object]] = Field(description=(
        "one per evaluated date (`foedus.war.frame.Frame`): its `date`; the `changes` replayed that day; the `sides` "
        "and their states fighting; `attacked_by`, each state attacked → the states whose attacks on it go on; "
        "`bound`, each bound state's {side, kind, because, treaty, article, instrument, certainty, doubted, "
        "conditions, unresolved, also}; the `conflicts`, states bound both ways, and `conflicted`, why; who "
        "`moved` why; the `doubts`; `paused`, each state fighting with no attack by or on it going on {since, "
        "cause, sources}; `released`, each state bound earlier, no longer, its last binding and the change that "
        "released it"))
    names: dict[str, str] = Field(description="state id -> name, as on the war's first day")
    renames: list[dict[str, str]] = Field(description="[{date, state, name}]: a state's name from `date` on")
    notes: list[str] = Field(description="caveats: the war file's note, data not loaded, and, when the replay ends "
                                         f"after the day the bundled treaty set was reviewed to ({DATA_END}: a war "
                                         "file's `end`, an ongoing war's later recorded event), that the days "
                                         "after it are replayed on the treaties as known, later changes encoded "
                                         "only where found (`WarReplay.warnings`: `foedus war` "
                                         "warns of it on stderr with --json or --state)")
