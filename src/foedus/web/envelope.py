"""One error shape for every failure: `{"ok": false, "error": "<one line>", "status": <HTTP status>}`.

A `FoedusError` (unknown state, bad date, unknown place, inconsistent scenario, a request over the cost caps) is
the user's to fix, so it is a 422 carrying the engine's own one-line message, with CLI flag names rewritten as the query
parameters a web user types. FastAPI's validation errors are reshaped into the same envelope with a
sentence that names the parameter, what it must be and what was given. A server at capacity answers 503 with
`Retry-After` (`ServerBusyError`), and a job stopped at the time limit answers 504 (`JobTimeoutError`): neither is
the input's fault, so neither is a 422. A worker process that did not start (`WorkerStartError`) is the server's
fault: a 500 that says what did not start and why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from foedus.errors import FoedusError, one_line, refusal_fields, validation_problem

__all__ = ["JobTimeoutError", "ServerBusyError", "WebInputError", "WorkerStartError", "error_response",
           "install_handlers", "validation_message"]

_E = TypeVar("_E", bound=Exception)

# CLI wording in engine messages -> what a web user sets instead.
_CLI_TO_WEB = (
    ("--target-kind forces", "target_kind=forces"),
    ("--territory-view claimant", "territory_view=claimant"),
    ("`foedus states`", "/api/states"),
    ("`foedus places`", "/api/places"),
    ("`foedus treaties list`", "/api/treaties"),
    ("--what-if strength=", "set_strength="),
    ("--add-member ", "add_member="),
    ("--remove-member ", "remove_member="),
    ("--strength ", "set_strength="),
    ("--place ", "place="),
)
# The query parameters that are a CLI option by another spelling: the option `--name-with-dashes` is the parameter
# `name_with_dashes`, or as `_RENAMED` names it. Any of these options an engine message still names after
# `_CLI_TO_WEB` is said by its parameter's name ("--ongoing-since: invalid date" was the CLI's words in /api/cascade,
# while /api/compare said "ongoing_since:"): one rule for every field (tests/test_web_field_names.py checks that every
# parameter of /api/cascade, /api/compare and /api/war is one of these).
WEB_FIELDS = frozenset({"attacker", "target", "date", "other_date", "place", "target_kind", "reading", "requested",
                        "basis", "territory_view", "unresolved", "severity", "decisions", "ongoing_since",
                        "add_member", "remove_member", "drop_treaty", "set_strength", "set_scope", "draws", "seed",
                        "likelihood", "until", "non_military"})
_RENAMED = {"--date2": "other_date", "--request": "requested", "--no-request": "requested=false"}
_OPTION = re.compile(r"--[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![\w-])")
_EXAMPLE = "/api/cascade?attacker=UKR&target=RUS&date=2025-01-15"
_EXAMPLES = {"/api/cascade": _EXAMPLE,
             "/api/compare": _EXAMPLE.replace("cascade", "compare") + "&other_date=2022-01-15",
             "/api/war": "/api/war?id=russia_ukraine_2022", "/api/borders": "/api/borders?date=2025-01-15",
             "/api/resolve": "/api/resolve?state=Estonia"}
"""A request each endpoint with a required parameter answers, for the message that one is missing."""


class WebInputError(FoedusError):
    """A request the web layer refuses before it reaches the engine (too many states, an over-long value), or one a
    worker process refused (`fields`: what the engine's error carried beside its message, `refusal_fields`)."""

    def __init__(self, message: str, fields: Mapping[str, Any] | None = None) -> None:
        given = fields or {}
        self.candidates, self.name, self.place = given.get("candidates"), given.get("name", ""), given.get("place")
        super().__init__(message)


class ServerBusyError(Exception):
    """The server is at capacity (not the request's fault): 503, to be retried after `retry_after` seconds."""

    def __init__(self, retry_after: int, what: str = "other long requests") -> None:
        self.retry_after = retry_after
        super().__init__(f"the server is busy with {what}; try again in {retry_after} s")


class JobTimeoutError(Exception):
    """A job ran past the web app's time limit and was stopped: 504, since the input is valid and only the web
    app's limit refused it (retrying the same request may well be stopped again)."""

    def __init__(self, limit_s: float) -> None:
        self.limit_s = limit_s
        super().__init__(f"the request was stopped at the web app's time limit of {limit_s:g} s; ask for fewer draws, "
                         "fewer states or the legal reading, or run it with the command line (`foedus cascade`, "
                         "`foedus compare`), which has no time limit")


class WorkerStartError(FoedusError):
    """A worker process of the pool (`foedus.web.pool`) did not say it was ready: it exited first (with the last line
    it wrote to stderr), said something else, or said nothing within the start-up limit. The server's fault: 500."""

    def __init__(self, why: str) -> None:
        super().__init__(f"a worker process (python -m foedus.web.jobs) did not start: {why}")


def error_response(status: int, message: str, headers: Mapping[str, str] | None = None,
                   extra: Mapping[str, Any] | None = None) -> JSONResponse:
    """The error envelope as a response."""
    return JSONResponse({"ok": False, "error": one_line(message), "status": status, **(extra or {})},
                        status_code=status,
                        headers=dict(headers) if headers else None)


def _web_wording(message: str) -> str:
    for cli, web in _CLI_TO_WEB:
        message = message.replace(cli, web)
    return _OPTION.sub(lambda m: _web_field(m[0]), message)


def _web_field(option: str) -> str:
    """The query parameter a web user sets for the CLI's `option`, or the option as written where the web has none.

    >>> _web_field("--ongoing-since"), _web_field("--date2"), _web_field("--json")
    ('ongoing_since', 'other_date', '--json')
    """
    if option in _RENAMED:
        return _RENAMED[option]
    field = option[2:].replace("-", "_")
    return field if field in WEB_FIELDS else option


def validation_message(errors: Sequence[Any], path: str = "/api/cascade") -> str:
    """A sentence per problem FastAPI found in the query of `path`, e.g. "reading must be 'legal' or 'escalatory'
    (got 'x')"; missing parameters are named with an example of that endpoint's.

    >>> validation_message([{"type": "missing", "loc": ("query", "attacker"), "msg": "Field required"},
    ...                     {"type": "missing", "loc": ("query", "date"), "msg": "Field required"}])
    'query parameters attacker, date are required (e.g. /api/cascade?attacker=UKR&target=RUS&date=2025-01-15)'
    >>> validation_message([{"type": "bool_parsing", "loc": ("query", "homes"), "input": "1.5",
    ...                      "msg": "Input should be a valid boolean, unable to interpret input"}], "/api/places")
    "homes must be true or false (got '1.5')"
    """
    missing: list[str] = []
    parts: list[str] = []
    for err in errors:
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        name = ".".join(loc) or "request"
        if err.get("type") == "missing":
            missing.append(name)
            continue
        parts.append(f"{name} {validation_problem(err)}")
    if missing:
        noun = "parameter" if len(missing) == 1 else "parameters"
        verb = "is" if len(missing) == 1 else "are"
        example = f"e.g. {_EXAMPLES[path]}" if path in _EXAMPLES else "see /openapi.json"
        parts.insert(0, f"query {noun} {', '.join(missing)} {verb} required ({example})")
    if len(parts) > 3:
        parts = [*parts[:3], f"and {len(parts) - 3} more"]
    return "; ".join(parts)


def _as(exc: Exception, kind: type[_E]) -> _E:
    """`exc` as the class its handler is installed for (`install_handlers`): another is a fault of that wiring."""
    if not isinstance(exc, kind):
        raise RuntimeError(f"the handler for {kind.__name__} was given a {type(exc).__name__}") from exc
    return exc


async def _foedus_error(_request: Request, exc: Exception) -> JSONResponse:
    # an ambiguous name: the states it may mean; a place typed as a target: it, and the state to name instead
    return error_response(422, _web_wording(str(exc)), extra=refusal_fields(exc))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    exc = _as(exc, RequestValidationError)
    return error_response(422, validation_message(exc.errors(), request.url.path))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    exc = _as(exc, StarletteHTTPException)
    if exc.status_code == 404:
        message = f"no such page: {request.url.path} (the API is described at /openapi.json)"
    elif exc.status_code == 405:
        message = f"method {request.method} is not allowed on {request.url.path}; this API only reads (GET)"
    else:
        message = str(exc.detail)
    return error_response(exc.status_code, message, exc.headers)


async def _busy(_request: Request, exc: Exception) -> JSONResponse:
    exc = _as(exc, ServerBusyError)
    return error_response(503, str(exc), {"retry-after": str(exc.retry_after)})


async def _timed_out(_request: Request, exc: Exception) -> JSONResponse:
    exc = _as(exc, JobTimeoutError)
    return error_response(504, str(exc))


async def _not_started(_request: Request, exc: Exception) -> JSONResponse:
    return error_response(500, str(exc))


async def _server_error(_request: Request, exc: Exception) -> JSONResponse:
    return error_response(500, f"internal error ({type(exc).__name__}); please report it with the URL you used")


def install_handlers(app: FastAPI) -> None:
    """Route every failure through the envelope."""
    app.add_exception_handler(FoedusError, _foedus_error)
    app.add_exception_handler(ServerBusyError, _busy)
    app.add_exception_handler(JobTimeoutError, _timed_out)
    app.add_exception_handler(WorkerStartError, _not_started)  # a FoedusError, but the server's fault: not a 422
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _server_error)
