"""The local web app behind `foedus serve`: a JSON API that mirrors the CLI contract, plus a map front end.

The API lives in `foedus.web.app` (FastAPI); the front end is built from `web/` at the repository root
into `foedus/web/static/`, so users who `pip install foedus` need no Node.js. Importing this
package does not import FastAPI: `foedus.web.app.create_app` does, so the CLI stays fast to start.
"""

from __future__ import annotations

__all__: list[str] = []
