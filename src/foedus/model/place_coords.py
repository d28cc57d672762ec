"""Where the gazetteer's places are (data/place_coords.yaml): a marker point, and for contested land a rough outline.

Kept apart from places.yaml, which says what a place *is* (holder, claimants, regions); this file only says
where to draw it. Read once, checked (latitude and longitude finite numbers in range, outlines of at least three
points).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from foedus.errors import TreatyDataError
from foedus.model.numbers import Number
from foedus.model.yamlio import file_data_error, load_yaml

__all__ = ["PlaceCoords", "load_place_coords", "place_coords"]

Lat = Annotated[Number, Field(ge=-90, le=90)]
Lon = Annotated[Number, Field(ge=-180, le=180)]


class PlaceCoords(BaseModel):
    """A place's marker point (degrees, WGS84) and, for contested land, an outline of [lon, lat] points."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    lat: Lat
    lon: Lon
    outline: list[tuple[Lon, Lat]] | None = Field(default=None, min_length=3)


def load_place_coords(text: str, name: str = "place_coords.yaml") -> dict[str, PlaceCoords]:
    """Parse and check the coordinates file's text.

    >>> load_place_coords("crimea: {lat: 45.3, lon: 34.2}")["crimea"].lon
    34.2

    Raises:
        TreatyDataError: not a mapping of place id to coordinates, or a value out of range.
    """
    data = load_yaml(text)
    if not isinstance(data, dict):
        raise TreatyDataError(name, "", "expected a mapping of place id to {lat, lon}")
    out: dict[str, PlaceCoords] = {}
    for key, value in data.items():
        try:
            out[str(key)] = PlaceCoords.model_validate(value)
        except ValidationError as exc:
            raise file_data_error(exc, PlaceCoords, value, name, at=str(key), kind=TreatyDataError) from None
    return out


@cache
def place_coords() -> dict[str, PlaceCoords]:
    """The bundled coordinates, by place id (read once)."""
    text = resources.files("foedus.data").joinpath("place_coords.yaml").read_text(encoding="utf-8")
    return load_place_coords(text)
