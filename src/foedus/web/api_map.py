"""Map endpoints: the borders in force on a date (CShapes 2.0 when fetched) and name resolution with suggestions.

`/api/borders` answers with historical borders only where the optional CShapes dataset is in the data
folder and covers the date (1886–2019); otherwise it says, in `note`, that the map shows today's borders
and why. `/api/resolve` turns what a person typed into a state id, or fails with the CLI's own message
("unknown state 'Rusia'; did you mean Russia, …?").
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from foedus.errors import ScenarioError
from foedus.web.models import ErrorOut

if TYPE_CHECKING:
    from foedus.model.world import World

__all__ = ["borders_payload", "router"]

router = APIRouter(prefix="/api", tags=["map"])
_ERRORS: dict[int | str, dict[str, Any]] = {422: {"model": ErrorOut, "description": "the input cannot be used"}}
TODAY_NOTE = "The map shows today's borders (Natural Earth)"


def _source() -> dict[str, Any]:
    from foedus.datasets import DATASETS

    d = DATASETS["cshapes"]
    return {"name": d.name, "title": d.title, "version": d.version, "citation": d.citations[0],
            "licence": d.licence}


def borders_payload(date: str) -> dict[str, Any]:
    """The `/api/borders` body for a date: historical borders when CShapes has them, else a note saying why not."""
    from foedus.engine.scenario import parse_date
    from foedus.errors import DataMissingError
    from foedus.sources import cshapes

    day = parse_date(date)
    base: dict[str, Any] = {"date": day.isoformat(), "historical": False, "source": None, "topology": None}
    if day > cshapes.LAST:
        return {**base, "note": f"{TODAY_NOTE}: CShapes 2.0 ends on {cshapes.LAST.isoformat()}."}
    if day < cshapes.FIRST:
        return {**base, "note": f"{TODAY_NOTE}: historical borders (CShapes 2.0) begin on "
                                f"{cshapes.FIRST.isoformat()}."}
    try:
        borders = cshapes.borders_on(day)
    except DataMissingError:
        return {**base, "note": f"{TODAY_NOTE}, not those of {day.isoformat()}: fetch historical borders with "
                                "`foedus data fetch cshapes` (CShapes 2.0, 1886–2019)."}
    return {**base, "historical": True, "source": _source(), "valid_from": borders.valid_from.isoformat(),
            "valid_to": borders.valid_to.isoformat(), "topology": borders.topology,
            "note": f"Borders of {day.isoformat()} (CShapes 2.0)."}


@router.get("/borders", response_model=None, responses={200: {"description": "the borders"}, **_ERRORS})
def get_borders(
    date: Annotated[str, Query(description="The date, YYYY-MM-DD.", max_length=32, examples=["1914-07-28"])],
) -> JSONResponse:
    """State borders in force on a date: a TopoJSON (object `states`, properties cowcode, name, dependency,
    owner) from CShapes 2.0 when fetched and in range, or `topology: null` with a note (today's borders)."""
    return JSONResponse(borders_payload(date))


@router.get("/resolve", response_model=None, responses={200: {"description": "the state"}, **_ERRORS})
def resolve_state(
    state: Annotated[str, Query(description="A name, ISO3 or COW code, as a person typed it.", max_length=80,
                                examples=["Rusia"])],
    date: Annotated[str | None, Query(description="The day the name is read on, YYYY-MM-DD (today when not given): "
                                                  "Korea on 1900-01-01 is the kingdom of 1887-1905.", max_length=32,
                                      examples=["1900-01-01"])] = None,
    role: Annotated[Literal["attacker", "target"] | None, Query(
        description="The form field that asks: a place typed as a target is refused with `place` (the place and "
                    "the state that holds it, to name instead), as a cascade's target is.",
        examples=["target"])] = None,
) -> JSONResponse:
    """The state a name means on `date` (as a cascade reads it on its own date): `{id, name}` (the name it had then:
    the Soviet Union in 1979), or a 422 whose message suggests close names (as the CLI does); a place asked by the
    target field is refused with the place and its holder (`place`), which the form offers to fill in. A list typed
    as the CLI takes one ("RUS, EST"; "Korea, Republic of" stays one name: `split_names`) is read part by part, each
    refused on its own ("America" as ambiguous), and answered with every state in `states` beside the first's
    `{id, name}`; a state it names twice ("RUS, Russia") is refused as a cascade's list refuses it
    (`foedus.listed.listed_twice`), not answered once; with `role`, a state out of the state system on `date` (the
    German Democratic Republic in 2025) is refused in the cascade's words, not answered for the cascade to refuse."""
    from foedus.engine.scenario import parse_date
    from foedus.errors import ListedTwiceError
    from foedus.listed import listed_twice
    from foedus.model.world import World
    from foedus.state_lists import split_names

    day = parse_date(date) if date is not None else None
    world = World.default()
    names = world.states.names_on(day)
    # it strips each name, says a blank one is blank, and a place is one (a target's with the place and its holder);
    # a list's empty item ("RUS,") is refused naming the field, as a cascade's is
    parts = split_names(state, world.states, day, name=role or "state") if "," in state else [state]
    found = [world.state_named(part, day, place_option=role == "target").id for part in parts]
    if twice := listed_twice(found, role or "state"):
        raise ListedTwiceError(": ".join(twice))
    if role is not None:  # a state the cascade would refuse as out of the system that day (GDR in 2025) is refused
        _refuse_non_member(world, found, day, role)
    answer: dict[str, Any] = {"id": found[0], "name": names[found[0]]}
    if len(found) > 1:
        answer["states"] = [{"id": sid, "name": names[sid]} for sid in found]
    return JSONResponse(answer)


def _refuse_non_member(world: World, found: list[str], day: dt.date | None, role: str) -> None:
    """Refuse an attacker or target that is no member of the state system on `day` (today when not given) in the
    cascade's own words (`foedus.state_lists.non_member`), so the form does not take a state the cascade refuses."""
    from foedus.state_lists import non_member

    on = day or dt.date.today()
    for sid in found:
        if (refused := non_member(world, world.states.get(sid), on, role)) is not None:
            raise _NotMemberError(refused, sid)


class _NotMemberError(ScenarioError):
    """A state found but out of the state system on the day: its 422 carries its id as `not_member`
    (`foedus.errors.refusal_fields`), so the form says the refusal as it is, not as a name it could not match."""

    def __init__(self, message: str, state: str) -> None:
        self.not_member = state
        super().__init__(message)
