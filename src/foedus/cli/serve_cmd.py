"""`foedus serve`: open the local web app (map, explanations, exports) in a browser.

FastAPI and uvicorn are imported only when the command runs, so the rest of the CLI starts fast.
"""

from __future__ import annotations

from typing import Annotated

import typer

__all__ = ["serve"]

_HOST = "Address to bind. Loopback only (127.0.0.1, localhost, ::1) unless --allow-remote."
_JOB = ("Seconds an expensive request (Monte Carlo draws, the escalatory reading, a comparison, a what-if) may run "
        "in a worker before it is stopped with a 504 that says the limit.")
_PORT = "Port to listen on; 0 picks a free one (the line 'foedus: serving on URL' says which)."
_REMOTE = "Allow binding to a non-loopback address. The API has no authentication: anyone who can reach it can use it."


def serve(
    port: Annotated[int, typer.Option(help=_PORT)] = 8765,
    host: Annotated[str, typer.Option(help=_HOST)] = "127.0.0.1",
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Do not open a browser tab.")] = False,
    allow_remote: Annotated[bool, typer.Option("--allow-remote", help=_REMOTE)] = False,
    job_timeout: Annotated[float, typer.Option("--job-timeout", min=1.0, max=3600.0, help=_JOB)] = 20.0,
) -> None:
    """Serve the web app: a world map of who is bound to join which side, and why (JSON API at /api, /openapi.json)."""
    try:
        from foedus.web.server import serve as run_server
    except ImportError as exc:  # a trimmed install without FastAPI/uvicorn
        from foedus.errors import FoedusError

        raise FoedusError(f"the web app needs FastAPI and uvicorn ({exc.name} is missing): "
                          "pip install 'fastapi>=0.110' 'uvicorn>=0.29'") from None

    run_server(host, port, allow_remote=allow_remote, open_browser=not no_browser, job_timeout=job_timeout)
