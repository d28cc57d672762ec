"""The gazetteer schema: regions and places, with administering state, sovereign and claimants.

Treaty scopes name regions and places; a scenario names the place an attack hits. Every
state's home territory is a place too, generated from the state registry.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from foedus.model.behaviour import HoldingRules, PlaceRules
from foedus.model.facts import Day, Line, Prose, Source, Url
from foedus.model.slug import slugify
from foedus.model.vocab import Certainty

__all__ = ["Holding", "Place", "PlaceHistory", "PlaceKind", "PlaceName", "PlaceSet", "PlaceSpan", "Region", "slugify"]

PlaceKind = Literal["home", "subnational", "island", "territory", "sea", "area"]
_SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Region(_Strict):
    """A named area that treaty scopes refer to (Europe, the Pacific area, ...)."""

    id: str
    name: Line
    description: Prose | None = None

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _SLUG_RE.match(value):
            raise ValueError(f"region id {value!r} is not a lowercase slug")
        return value


class Holding(_Strict, HoldingRules):
    """Who held a place over a span [start, end): only the fields given differ from the place's own.

    A missing `start` means since always, a missing `end` still; `regions` replaces the place's regions.
    """

    start: Day | None = None
    end: Day | None = None
    sovereign: str | None = None
    administrator: str | None = None
    claimants: list[str] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)
    note: Prose | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Holding:
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValueError(f"holding ends ({self.end}) before it starts ({self.start})")
        return self


class PlaceName(_Strict):
    """What a place was called over a span [start, end) where a reader of the day knew it by another name than the
    gazetteer's (Bangladesh was East Pakistan in 1965), with the page that dates the change and how sure it is."""

    name: Line
    start: Day | None = None
    end: Day | None = None
    source: Url = Field(description="the page that dates the change")
    certainty: Certainty = Field(Certainty.SECONDARY, description="how sure the span's days are")
    note: Prose | None = None

    @model_validator(mode="after")
    def _ordered(self) -> PlaceName:
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise ValueError(f"the name {self.name!r} ends ({self.end}) before it starts ({self.start})")
        return self


class Place(_Strict, PlaceRules):
    """A place an attack can hit: its holder under each territorial reading, and its regions.

    `sovereign` is the internationally recognised holder (the `recognized` view), `administrator`
    the state in de-facto control, `claimants` any other state that claims it (the `claimant`
    view counts it as territory of each of them). Where no sovereign is agreed, the recognized
    view falls back to the administering state. Seas have neither.
    """

    id: str
    name: Line
    kind: PlaceKind
    aliases: list[Line] = Field(default_factory=list)
    sovereign: str | None = None
    administrator: str | None = None
    claimants: list[str] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)
    history: list[Holding] = Field(default_factory=list, description="dated holders; the fields above hold otherwise")
    dated_names: list[PlaceName] = Field(default_factory=list, description="what it was called on days it had "
                                         "another name; `name` holds otherwise")
    note: Prose | None = None

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not _SLUG_RE.match(value):
            raise ValueError(f"place id {value!r} is not a lowercase slug (e.g. kursk-oblast)")
        return value


class PlaceHistory(_Strict):
    """A place's entry in `place_history.yaml`: its dated holders, names it is also known by, and what it was called
    on days it had another name."""

    holders: list[Holding] = Field(default_factory=list)
    aliases: list[Line] = Field(default_factory=list)
    names: list[PlaceName] = Field(default_factory=list)


class PlaceSpan(_Strict):
    """An area's entry in `place_spans.yaml`: a name that spans several places (the Suwałki Gap, the Korean DMZ,
    Kashmir), refused as a place with the places it spans (`foedus.model.place_spans`)."""

    name: Line
    aliases: list[Line] = Field(default_factory=list)
    places: list[str] = Field(min_length=2, description="the place ids the area lies across")
    note: Prose | None = None


class PlaceSet(_Strict):
    """A set's entry in `place_sets.yaml`: places that several treaty scopes name together, by the set's id
    (`foedus.model.place_sets`)."""

    name: Line
    description: Prose
    places: list[str] = Field(min_length=1, description="the place ids in the set, each once")
    sources: list[Source] = Field(min_length=1)
    certainty: Certainty = Field(Certainty.VERIFIED, description="how sure the set's extent is: verified where its "
                                 "sources (primary) state it; else with `doubt`")
    doubt: Line | None = Field(None, description="what is unsure about the extent (required unless verified)")
