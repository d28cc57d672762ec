"""Query parameters made from the declared scenario inputs (`foedus.inputs`), checked for size.

Shared by every endpoint that runs a cascade, so they all accept the same parameters, with the same
names, defaults and meaning as `foedus cascade`'s options and `foedus.cascade`'s keywords (repeat
`attacker`/`target`, or comma-separate them).
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Query, Request
from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

from foedus.declare import split_values
from foedus.errors import shown
from foedus.inputs import SCENARIO, Input
from foedus.numerals import plain_whole
from foedus.state_lists import split_names
from foedus.web.envelope import WebInputError
from foedus.wording import out_of_range

__all__ = ["MAX_STATES", "MAX_VALUE", "ScenarioQuery", "declared_query", "known_params_only", "scenario_query",
           "split_states"]

MAX_STATES = 16
MAX_VALUE = 80
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ScenarioQuery:
    """A cascade scenario as the request gave it (names not yet resolved: the engine does that)."""

    attackers: list[str]
    targets: list[str]
    date: str
    options: tuple[tuple[str, Any], ...] = ()  # the other declared scenario inputs, as (name, value)

    def kwargs(self) -> dict[str, Any]:
        """The options as `foedus.cascade` keywords."""
        return dict(self.options)

    @property
    def reading(self) -> str:
        """The reading asked for (what the web's cost caps look at)."""
        return str(self.kwargs().get("reading", "legal"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScenarioQuery:
        """Back from `dataclasses.asdict` after a trip through JSON (lists for tuples)."""
        return cls(list(data["attackers"]), list(data["targets"]), data["date"],
                   tuple((str(k), v) for k, v in data["options"]))


def split_states(values: list[str], role: str) -> list[str]:
    """Split repeated and comma-separated values as the CLI and `foedus.cascade` do (`split_names`: "Korea,
    Republic of" is one state), and hold them to the size limits.

    >>> split_states(["UKR", "POL, LTU"], "attacker")
    ['UKR', 'POL', 'LTU']

    Raises:
        ScenarioError: an empty or blank item (`attacker=RUS,`, `attacker=`), as the CLI and `foedus.cascade` refuse it.
        WebInputError: no state given, too many, or a value longer than `MAX_VALUE` characters.
    """
    parts = len(split_values(values, role))  # a name holds at most one comma: refused before any name is looked up
    if parts > 2 * MAX_STATES:
        raise WebInputError(f"too many {role}s ({parts} values, repeated or comma-separated); at most {MAX_STATES}")
    out = split_names(values, name=role)
    if not out:
        raise WebInputError(f"give at least one {role} (ISO3, COW code or name), e.g. {role}=UKR")
    if len(out) > MAX_STATES:
        raise WebInputError(f"too many {role}s ({len(out)}); at most {MAX_STATES}")
    for name in out:
        if len(name) > MAX_VALUE:
            raise WebInputError(f"{role} {name[:20]!r}… is longer than {MAX_VALUE} characters")
    return out


def _parameter(inp: Input, limits: Mapping[str, Any]) -> inspect.Parameter:
    """The FastAPI query parameter of one input: choices become an enum, strings are held to MAX_VALUE."""
    kind: Any = Literal.__getitem__(inp.choices) if inp.choices else inp.type
    if inp.many and not inp.required:
        kind = list[str] | None
    extra: dict[str, Any] = {"max_length": MAX_VALUE} if kind in (str, str | None) else {}
    if inp.example is not None:
        extra["examples"] = [inp.example]
    given = {**extra, **limits}
    checks: tuple[Any, ...] = ()
    if inp.bounds is not None:  # a whole number (draws, seed), refused outside its bounds in the CLI's words
        low, high = given.pop("ge", inp.bounds[0]), given.pop("le", inp.bounds[1])
        given["json_schema_extra"] = {"minimum": low, "maximum": high}
        checks = (BeforeValidator(_plain_whole), AfterValidator(functools.partial(_within, low, high)))
    query = Query(description=inp.full_help, **given)
    default = inspect.Parameter.empty if inp.required else inp.default
    return inspect.Parameter(inp.name, inspect.Parameter.KEYWORD_ONLY, default=default,
                             annotation=Annotated[(kind, *checks, query)])


def _plain_whole(value: Any) -> Any:
    """A whole-number query value, refused unless written plainly (`foedus.numerals`: pydantic reads `draws=1_000`
    and `draws=100.0` as numbers; blanks around it left out), as pydantic words a value that is none ('must be a
    whole number')."""
    if isinstance(value, str) and not plain_whole(value):
        raise PydanticCustomError("int_parsing", "Input should be a valid integer")
    return value


def _within(low: int, high: int, value: Any) -> Any:
    """A whole-number query value, refused outside its bounds in the words the CLI and `foedus.cascade` refuse it in
    (`foedus.wording.out_of_range`: 'must be between 1 and 10,000 (got 0)'); pydantic's `ge`/`le` said only the
    bound it crossed ('must be greater than or equal to 1')."""
    if value is not None and not low <= value <= high:
        raise PydanticCustomError("value_error", out_of_range("", low, high, value))
    return value


def declared_query(inputs: tuple[Input, ...], build: Callable[[dict[str, Any]], T],
                   limits: Mapping[str, Mapping[str, Any]] | None = None) -> Callable[..., Awaitable[T]]:
    """A FastAPI dependency taking the declared `inputs` as query parameters and returning `build(values)`
    (async: no thread-pool hop). `limits` adds per-input constraints (e.g. `{"draws": {"le": 10_000}}`)."""
    async def dependency(**values: Any) -> T:
        return build(values)

    params = [_parameter(i, (limits or {}).get(i.name, {})) for i in inputs]
    dependency.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    return dependency


def _scenario(values: dict[str, Any]) -> ScenarioQuery:
    """The query's scenario, values as given: an empty or blank `place=` is refused by the engine in the command
    line's words, not read as no place (each target's home territory), which the page never sends for it."""
    options = tuple((i.name, values[i.name]) for i in SCENARIO[3:])
    return ScenarioQuery(split_states(values["attacker"], "attacker"), split_states(values["target"], "target"),
                         values["date"], options)


scenario_query = declared_query(SCENARIO, _scenario, {"date": {"max_length": 32}})
"""FastAPI dependency: the scenario query parameters, checked for size."""


_KNOWN: dict[int, tuple[frozenset[str], frozenset[str]]] = {}  # id(route) -> its query parameters, and the scalar ones


async def known_params_only(request: Request) -> None:
    """FastAPI dependency: refuse a query parameter the endpoint does not take, as the CLI refuses an option its
    command does not have; FastAPI would ignore it without a word (`seed` on /api/compare, a misspelt `dates=`). And
    refuse a parameter of one value given more than once (`date=…&date=…`), of which FastAPI would read the last;
    one not UTF-8 once percent-decoded (`_check_utf8`); and a request body, which no endpoint reads: a form's
    `place=kursk-oblast` sent as the body was ignored, the answer given for the target's home territory.

    Raises:
        WebInputError: a parameter the endpoint does not take, one repeated, one not UTF-8, or a body, named.
    """
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    if (sent := request.headers.get("content-length", "0")).isdigit() and int(sent):  # chunked: the guard's 411
        raise WebInputError(f"{request.url.path} reads its parameters from the query string, not from a request body "
                            f"({sent} bytes sent): put them after '?' in the URL (see /openapi.json)")
    _check_utf8(request.scope.get("query_string", b""), request.scope.get("raw_path", b""))
    known, single = _KNOWN.get(id(route)) or _params_of(route, dependant)
    unknown = sorted({name for name in request.query_params if name not in known})
    if unknown:
        shown = ", ".join(repr(name[:40]) for name in unknown[:5])
        noun = "parameter" if len(unknown) == 1 else "parameters"
        raise WebInputError(f"{request.url.path} takes no query {noun} {shown} (its parameters are listed in "
                            "/openapi.json)")
    for name in sorted(single):
        if len(values := request.query_params.getlist(name)) > 1:
            shown = ", ".join(repr(value[:40]) for value in values[:3]) + (", …" if len(values) > 3 else "")
            raise WebInputError(f"{name} is given {len(values)} times ({shown}); give it once")


def _check_utf8(query: bytes, path: bytes = b"") -> None:
    """Refuse a query parameter whose name or value is not UTF-8 once percent-decoded (`place=C%F4te`, Latin-1), or
    such a path (`/api/treaties/C%F4te`): Starlette reads such bytes as U+FFFD, so the message named the value as
    'C\ufffdte', not its encoding.

    >>> _check_utf8(b"place=C%C3%B4te&attacker=UKR")
    >>> _check_utf8(b"attacker=UKR&place=C%F4te")
    Traceback (most recent call last):
    ...
    foedus.web.envelope.WebInputError: place is not UTF-8 ('C%F4te'): percent-encode its UTF-8 bytes (ô is %C3%B4)

    Raises:
        WebInputError: the parameter, or the name, that is not UTF-8, as it was sent.
    """
    from urllib.parse import unquote_to_bytes

    try:
        unquote_to_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        raise WebInputError(f"the path is not UTF-8 ({shown(path.decode('latin-1'))}): percent-encode its UTF-8 "
                            "bytes (ô is %C3%B4)") from None
    for pair in query.split(b"&"):
        name, _, value = pair.partition(b"=")
        named = unquote_to_bytes(name).decode(errors="replace")
        for part, what in ((name, "a query parameter's name"), (value, named)):
            try:
                unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8")
            except UnicodeDecodeError:
                raise WebInputError(f"{what} is not UTF-8 ({shown(part.decode('latin-1'))}): percent-encode its UTF-8 "
                                    "bytes (ô is %C3%B4)") from None


def _params_of(route: object, dependant: Any) -> tuple[frozenset[str], frozenset[str]]:
    """The query parameters a route takes, and those of them that take one value (FastAPI reads the last)."""
    names: set[str] = set()
    single: set[str] = set()
    pending = [dependant]
    while pending:
        current = pending.pop()
        names.update(field.alias for field in current.query_params)
        single.update(field.alias for field in current.query_params if not _takes_many(field.field_info.annotation))
        pending.extend(current.dependencies)
    found = _KNOWN[id(route)] = (frozenset(names), frozenset(single))
    return found


def _takes_many(annotation: Any) -> bool:
    """Whether a parameter's type takes several values (`list[str]`, `list[str] | None`)."""
    return any(typing.get_origin(kind) in (list, tuple, set, frozenset) for kind in (annotation,
                                                                                     *typing.get_args(annotation)))
