"""Response shapes for the OpenAPI spec (documentation and fuzzing); handlers return plain dicts.

The cascade shape describes the stable keys of `CascadeResult.to_dict()` (docs/json-contract.md) and
allows more, as the contract does: the endpoint returns `to_dict()` itself, never a filtered copy.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

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
        "`foedus data status` checks it: present, other-version, missing, partial or bad-checksum")
