"""Read treaty YAML files into validated `Treaty` objects, with errors that name file and field.

Validation happens in two passes: the pydantic schema (types, dates, required fields), then
references (states resolve in the registry, scope tokens name known regions or places, ids are
unique). State references are rewritten to registry ids (ISO3, or COW<n>).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from foedus.errors import FoedusError, TreatyDataError, UnknownStateError, field_path
from foedus.listed import listed_twice
from foedus.model.adversary_life import check_adversary_lives, check_member_lives
from foedus.model.gazetteer import Gazetteer
from foedus.model.model_files import read_model_file
from foedus.model.place_read import place_read_as_state
from foedus.model.place_sets import named_sets, not_one_place
from foedus.model.replacing import replaces_problems
from foedus.model.scope_reach import check_scope_reached
from foedus.model.source_pages import bare_source_urls
from foedus.model.states import StateRegistry
from foedus.model.treaty import Treaty
from foedus.model.treaty_checks import check_dates, check_parties, check_written
from foedus.model.vocab import ADMINISTERED_BY, ADMINISTERED_BY_PARTY, PLACE_ALONE, VICTIM, WORD_TOKENS
from foedus.reachable import is_folder
from foedus.written import as_written

__all__ = [
    "bare_source_urls",
    "bundled_treaty_files",
    "load_parts",
    "load_treaties",
    "read_treaty_file",
    "validate_references",
]


def bundled_treaty_files() -> list[Path]:
    """The YAML files of the bundled 2025 treaty set, sorted by name."""
    folder = resources.files("foedus.data").joinpath("treaties")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith((".yaml", ".yml")))


def read_treaty_file(path: Path) -> Treaty:
    """Parse and schema-validate one treaty file.

    Raises:
        TreatyDataError: unreadable file, bad YAML, or a schema violation (with its field path).
    """
    return read_model_file(path, "treaty", Treaty, TreatyDataError, _format_loc)


def _format_loc(loc: Iterable[Any], raw: Any = None) -> str:
    """`members[13].left_certainty`; a member's row named by its state, as written, when the file gives one
    (`members[13] (MLI).left_certainty`), so the row is found without counting."""
    parts = tuple(loc)
    path = field_path(parts)
    if parts[:1] == ("members",) and len(parts) > 1 and path.startswith(row := f"members[{parts[1]}]"):
        path = row + _member_named(raw, parts[1]) + path[len(row):]
    return path


def _member_named(raw: Any, i: object) -> str:
    """' (STATE)' for the file's `members[i]`, or nothing when it gives no state there."""
    rows = raw.get("members") if isinstance(raw, dict) else None
    row = rows[i] if isinstance(rows, list) and isinstance(i, int) and 0 <= i < len(rows) else None
    state = row.get("state") if isinstance(row, dict) else None
    return f" ({state})" if isinstance(state, str) and state.strip() else ""


class _StateRefs:
    """A treaty file's states resolved to registry ids, naming the field on error; a place or an area written as a
    state is refused as one, held by whom on the day the treaty was signed (`Gazetteer.place_not_state`)."""

    def __init__(self, states: StateRegistry, path: str, places: Gazetteer, day: dt.date) -> None:
        self.states, self.path, self.places, self.day = states, path, places, day

    def one(self, value: str, loc: str) -> str:
        try:
            found = self.states.resolve_id(value)
        except UnknownStateError as exc:
            refused = self.places.place_not_state(value, self.states, self.day, place_option=False)
            raise TreatyDataError(self.path, loc, str(refused or exc)) from None
        except FoedusError as exc:
            raise TreatyDataError(self.path, loc, str(exc)) from None
        if (refused := place_read_as_state(self.places, self.states, value, self.day, place_option=False)) is not None:
            raise TreatyDataError(self.path, loc, str(refused))  # "Gaza" is a place, not Palestine
        return found

    def listed(self, values: list[str], loc: str) -> list[str]:
        """A list of states, each resolved and named once (`foedus.listed.listed_twice`)."""
        ids = [self.one(s, f"{loc}[{j}]") for j, s in enumerate(values)]
        if twice := listed_twice(ids, loc):
            raise TreatyDataError(self.path, *twice)
        return ids


def validate_references(
    treaty: Treaty, path: str, states: StateRegistry, places: Gazetteer
) -> Treaty:
    """Check state and scope references and return the treaty with states rewritten to ids.

    Raises:
        TreatyDataError: an unknown state, region or place, a named adversary of no state of the treaty's time or a
            member gone from the state system before it signs (`adversary_life`), naming the field path.
    """
    data = treaty.model_dump(mode="python")
    refs = _StateRefs(states, path, places, treaty.signed)
    state, listed = refs.one, refs.listed
    for i, member in enumerate(data["members"]):
        member["state"] = state(member["state"], f"members[{i}].state")
    for i, prov in enumerate(data["provisions"]):
        where = f"provisions[{i}]"
        for key in ("obligors", "beneficiaries"):
            if prov[key] is not None:
                prov[key] = listed(prov[key], f"{where}.{key}")
        adv = prov["adversary"]
        adv["states"] = listed(adv["states"], f"{where}.adversary.states")
        for j, leg in enumerate(prov["suspensions"]):
            leg["obligor"] = state(leg["obligor"], f"{where}.suspensions[{j}].obligor")
            leg["beneficiary"] = state(leg["beneficiary"], f"{where}.suspensions[{j}].beneficiary")
        _scope_refs(prov["scope"], f"{where}.scope", path, state, places, ("debated",))
    for i, inv in enumerate(data["invocations"]):
        inv["requester"] = listed(inv["requester"], f"invocations[{i}].requester")
    _assistance_refs(data, listed)
    for i, entry in enumerate((data.get("assistance") or {}).get("forms", [])):
        if entry["scope"] is not None:  # read against the war's attacks, without the treaty's parties
            _scope_refs(entry["scope"], f"assistance.forms[{i}].scope", path, state, places, ("territory", "forces"))
    _unread_windows(data, path)
    checked = Treaty.model_validate(data)
    check_parties(checked, path)
    check_dates(checked, path)
    check_adversary_lives(checked, states, path)
    check_member_lives(checked, states, path)
    return checked


def _unread_windows(data: dict[str, Any], path: str) -> None:
    """Refuse a date window where nothing reads it (it would look believed): the engine reads both days of a
    suspension (a member's or a leg's) and of a clause's span, and the first day of a freeze only, not its end."""
    for i, member in enumerate(data["members"]):
        for j, span in enumerate(member["frozen"]):
            if isinstance(span, dict) and span.get("end_certainty") is not None:
                raise TreatyDataError(path, f"members[{i}].frozen[{j}].end_certainty", "a date window is read on "
                                      "both days of a suspension and a clause's span, and on the first day of a "
                                      "freeze only: say it in the span's note")


def _assistance_refs(data: dict[str, Any], listed: Callable[[list[str], str], list[str]]) -> None:
    """Rewrite the givers and receivers of the forms of help to registry ids, in place."""
    for i, entry in enumerate((data.get("assistance") or {}).get("forms", [])):
        for key in ("by", "to"):
            if entry[key] is not None:
                entry[key] = listed(entry[key], f"assistance.forms[{i}].{key}")


def _scope_refs(scope: dict[str, Any], where: str, path: str, state: Callable[[str, str], str], places: Gazetteer,
                no_party: tuple[str, ...]) -> None:
    """Check and normalise one scope's tokens in place (a clause's, or a form of help's place limit), each place set
    it names replaced by its places; `no_party`: the lists where `administered-by-party` is not read."""
    for key in ("territory", "forces", "debated"):
        for j, token in enumerate(scope[key] or []):
            loc = f"{where}.{key}[{j}]"
            if key in no_party and ADMINISTERED_BY_PARTY in token.split("+"):  # read there without parties
                raise TreatyDataError(path, loc, f"{ADMINISTERED_BY_PARTY!r} is read in a clause's territory and "
                                      f"forces, not in {'debated' if key == 'debated' else 'a form of help'}: name "
                                      "the places or regions")
            if token not in places.sets:  # a set alone stands for its places (`foedus.model.place_sets`)
                scope[key][j] = "+".join(_scope_token(part, loc, path, state, places, token)
                                         for part in token.split("+"))
        if twice := listed_twice(scope[key] or [], f"{where}.{key}", "scope token"):
            raise TreatyDataError(path, *twice)  # `[crimea, crimea]`: a slip the list would hide, as a state's
        scope[key] = named_sets(scope[key], places.sets)


def _scope_token(
    token: str, loc: str, path: str, state: Callable[[str, str], str], places: Gazetteer, whole: str
) -> str:
    """One scope token (a part of the list's `whole` token) checked and normalised, its states resolved by `state`
    (`_StateRefs.one`; `administered-by-party` is read on each date, by the parties then:
    `foedus.engine.rules.token_matches`)."""
    if token in WORD_TOKENS or token in places.regions or token in places.places:
        return token
    if (name := token.removeprefix(PLACE_ALONE)) in places.sets:
        raise TreatyDataError(path, loc, not_one_place(name, whole))
    if token.startswith(PLACE_ALONE) and token.removeprefix(PLACE_ALONE) in places.places:
        return token
    for prefix in (ADMINISTERED_BY, VICTIM):
        if token.startswith(prefix):
            return prefix + "|".join(sorted({state(s, loc) for s in token.removeprefix(prefix).split("|")}))
    raise TreatyDataError(
        path, loc, f"unknown scope token {token!r}: use a region id, a place id, 'place:ID' (that place), 'home', "
        f"'overseas', 'administered-by:ISO3', 'administered-by-party', 'victim:ISO3', or "
        f"several joined by '+' (`foedus places --regions`); or alone, a place set's id "
        f"({', '.join(sorted(places.sets)) or 'none'}: place_sets.yaml)"
    )


def load_treaties(
    paths: Iterable[Path], states: StateRegistry, places: Gazetteer, known: Mapping[str, str] | None = None,
    errors: list[FoedusError] | None = None, strict: bool = False, origins: dict[str, str] | None = None,
    known_signed: Mapping[str, dt.date] | None = None, read: Callable[[Path], Treaty] = read_treaty_file,
) -> dict[str, Treaty]:
    """Read, validate and cross-check treaty files; ids must be unique across all of them and `known`
    (ids already loaded, with where they came from, and `known_signed` the days they were signed), and `replaces`
    must name one of them, not signed after the treaty. `strict` also refuses a source that is a bare home page
    (`bare_source_urls`).

    With `errors`, every file is checked: a bad file's error is added to the list and the file left out. `origins`
    is filled with each treaty loaded and its file, as written. `read` reads one file (`read_treaty_file`; a caller
    that has read some already hands them on: `foedus.model.bundled_own.read_once`).

    Raises:
        TreatyDataError: (without `errors`) the first file that is malformed, repeats an id, replaces an unknown
            treaty or is in a cycle of `replaces` (`foedus.model.replacing`).
    """
    treaties: dict[str, Treaty] = {}
    origin: dict[str, str] = dict(known or {})

    def refuse(exc: FoedusError) -> None:
        if errors is None:
            raise exc
        errors.append(exc)

    from foedus.model.files_once import FilesOnce  # only when files are read: not on a start from the cached world

    once = FilesOnce(bundled_treaty_files())
    for path in paths:
        if twice := once.twice(path):
            refuse(TreatyDataError(as_written(path), "", twice))
            continue
        try:
            treaty = _checked_file(path, states, places, origin, strict, once.bundled, read)
        except FoedusError as exc:
            refuse(exc)
            continue
        treaties[treaty.id] = treaty
        origin[treaty.id] = as_written(path)
    signed = {**(known_signed or {}), **{t: treaties[t].signed for t in treaties}}
    for left_out, loc, why in replaces_problems({t: treaties[t].replaces for t in treaties}, origin, signed):
        for tid in left_out:
            treaties.pop(tid, None)  # a treaty in two cycles is in two problems
        refuse(TreatyDataError(origin[left_out[0]], loc, why))
    if origins is not None:
        origins.update({tid: origin[tid] for tid in treaties})
    return treaties


def _checked_file(path: Path, states: StateRegistry, places: Gazetteer, origin: Mapping[str, str],
                  strict: bool, bundled: Callable[[str], bool], read: Callable[[Path], Treaty]) -> Treaty:
    """One treaty file read and checked on its own and against the ids in `origin`; the id of a bundled treaty
    (`bundled` of its origin) says how to change that treaty instead (`foedus.model.files_once.CHANGE_BUNDLED`)."""
    named = as_written(path)  # as the user wrote it, as its read error names it
    if is_folder(path):  # a path that cannot be looked at (a name too long) is left to the reader, which says why
        raise TreatyDataError(named, "", "is a folder, not a treaty file (give the YAML files in it)")
    treaty = validate_references(read(path), named, states, places)
    check_written(treaty, named)
    check_scope_reached(treaty, places.places, named)
    if treaty.id in origin:
        from foedus.model.files_once import CHANGE_BUNDLED

        advice = f"; {CHANGE_BUNDLED}" if bundled(origin[treaty.id]) else ""
        raise TreatyDataError(named, "id", f"duplicate treaty id {treaty.id!r} (also in {origin[treaty.id]}{advice})")
    bare = bare_source_urls(treaty) if strict else []
    if bare:
        raise TreatyDataError(named, "sources", f"bare home page {bare[0]!r}: link the page that states the fact")
    return treaty


def load_parts(extra: Iterable[Path], bundled: bool, given: dict[str, str] | None = None,
               ) -> tuple[dict[str, Treaty], StateRegistry, Gazetteer]:
    """The state registry, the gazetteer, and the curated treaties (bundled unless `bundled=False`, plus `extra`);
    `given` is filled with the ids read from `extra`, each with its file as written (`World.files`)."""
    states = StateRegistry.load()
    places = Gazetteer.load(states)
    extra = list(extra)
    origins: dict[str, str] = {}
    treaties = load_treaties([*(bundled_treaty_files() if bundled else []), *extra], states, places, origins=origins)
    if given is not None:
        written = {as_written(p) for p in extra}
        given.update({tid: file for tid, file in origins.items() if file in written})
    return treaties, states, places
