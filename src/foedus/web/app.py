"""The FastAPI application: API routers, error envelope, guard middleware and the bundled front end.

`create_app()` builds a fresh app; the server (`foedus.web.server`) and the tests both use it. The
interactive /docs pages are off (they load scripts from a CDN); the spec is at /openapi.json. The guard
(`foedus.web.guard`) wraps the whole application, outside Starlette's own error handling, so that every
response — a 500 included — carries the security headers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, Request
from fastapi.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from foedus.web.guard import Guard, GuardSettings
from foedus.web.params import known_params_only
from foedus.web.pool import WorkerPool
from foedus.web.static import StaticBundle

__all__ = ["create_app"]

_DESCRIPTION = (
    "Who is obligated to join a war, on which side, under which treaty and article. "
    "The JSON API of `foedus serve`; it mirrors the CLI (`foedus cascade --json` and friends). "
    "Every error is `{\"ok\": false, \"error\": \"<one line>\", \"status\": <HTTP status>}`; "
    "input the engine cannot use (or that costs more than the web app allows) gets 422, a server busy with "
    "other long requests answers 503 with Retry-After, and a request stopped at the time limit answers 504."
)
_NO_FRONT_END = ("foedus API is running (see /openapi.json); the map front end was not built: "
                 "cd web && npm ci && npm run build\n")


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    from foedus.model.world import World

    world = World.default()  # load the treaty world before the first request, not during it
    if world.has_history:
        world.treaties.history  # noqa: B018 - and the ATOP history, so that no request pays for it
    from foedus.datasets import status

    status()  # each data file's SHA-256, checked now and remembered by its stat: /api/health then only stats them
    app.state.pool.warm_up()
    try:
        yield
    finally:
        app.state.pool.close()


class _HeadAsGet:
    """Answer HEAD as GET without the body (same status and headers): FastAPI's GET routes take no HEAD, and the
    front end's catch-all route would answer a HEAD of /api/health 404."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            await send({**message, "body": b""} if message["type"] == "http.response.body" else message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


class _GuardedApp(FastAPI):
    """FastAPI with the guard outermost: around Starlette's error middleware, not inside it."""

    guard_settings: GuardSettings = GuardSettings()

    def build_middleware_stack(self) -> ASGIApp:
        return Guard(_HeadAsGet(super().build_middleware_stack()), self.guard_settings)


def create_app(settings: GuardSettings | None = None, static_dir: Path | None = None,
               mc_timeout: float = 20.0, workers: int | None = None, waiting: int | None = None) -> FastAPI:
    """A new app; `settings` sets the limits and Host/Origin rules, `static_dir` the built front end to serve,
    `mc_timeout` the seconds an expensive request (Monte Carlo, escalatory, compare, what-if) may take before
    it is stopped, `workers` and `waiting` the worker processes and the queue behind them (default: one core
    left to the event loop, as many waiting as running)."""
    from foedus._version import __version__
    from foedus.web import api_cascade, api_catalog, api_compare, api_map, api_war
    from foedus.web.envelope import error_response, install_handlers

    app = _GuardedApp(title="foedus", version=__version__, description=_DESCRIPTION, docs_url=None,
                      redoc_url=None, lifespan=_lifespan)
    app.guard_settings = settings or GuardSettings()
    bundle = StaticBundle.load(static_dir)
    app.state.bundle = bundle
    app.state.pool = WorkerPool(workers, mc_timeout, waiting)
    install_handlers(app)
    known = [Depends(known_params_only)]  # a parameter an endpoint does not take is a 422, not ignored
    app.include_router(api_cascade.router, dependencies=known)
    app.include_router(api_compare.router, dependencies=known)
    app.include_router(api_catalog.router, dependencies=known)
    app.include_router(api_map.router, dependencies=known)  # the map: borders on a date, name resolution (issue #16)
    app.include_router(api_war.router, dependencies=known)  # the war timeline (issue #13)

    @app.api_route("/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
    def front_end(path: str, request: Request) -> Response:
        """The built front end, from memory; anything else is a 404 in the error envelope."""
        asset = bundle.get("/" + path)
        if asset is None:
            if path == "" and not bundle.has_index:
                return PlainTextResponse(_NO_FRONT_END)
            return error_response(404, f"no such page: /{path[:200]} (the API is described at /openapi.json)")
        headers = {"cache-control": asset.cache_control, "vary": "accept-encoding"}
        if asset.gzipped is not None and "gzip" in request.headers.get("accept-encoding", ""):
            headers["content-encoding"] = "gzip"
            return Response(asset.gzipped, media_type=asset.media_type, headers=headers)
        return Response(asset.body, media_type=asset.media_type, headers=headers)

    return app
