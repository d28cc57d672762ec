"""Which requests are expensive, the caps on their cost, and the worker process that runs them.

A legal cascade among a few states takes about a millisecond and runs beside the event loop. Anything that can
take much longer — the escalatory reading, Monte Carlo draws, what-if worlds, many states, an ongoing war
(`ongoing_since`), `/api/compare` —
is a *job*: it is checked against the caps below before it runs (a request over them gets a 422 saying what to
ask instead), then run by a worker process of the pool (`foedus.web.pool`) under a time limit.

The worker (`python -m foedus.web.jobs`) loads the world, says it is ready, then answers one JSON job per
line with a header line (`{"ok": true}`, or `{"error": ...}` for input the engine refuses) followed, when
ok, by the result's JSON on one line, which the server passes on as the response body without re-parsing.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Any

from foedus.web.envelope import WebInputError
from foedus.web.params import ScenarioQuery
from foedus.web.params_mc import DrawsQuery
from foedus.web.whatif import WhatIfQuery

__all__ = ["CHEAP_STATES", "MAX_ESCALATORY_DRAW_STATES", "MAX_ESCALATORY_STATES", "cascade_job", "check_cost",
           "compare_job", "is_cheap", "main", "run_job"]

CHEAP_STATES = 4  # a legal cascade among at most this many attackers and targets runs on the event loop
MAX_ESCALATORY_STATES = 8  # escalatory cascades: attackers + targets (the war, and the time, grow fast with more)
MAX_ESCALATORY_DRAW_STATES = 20_000  # escalatory Monte Carlo: draws x (attackers + targets)


def is_cheap(q: ScenarioQuery, whatif: WhatIfQuery, mc: DrawsQuery) -> bool:
    """Whether a cascade request is cheap enough for the event loop (a few milliseconds at most). Not one with
    `ongoing_since`: it replays every treaty change since then (13 s for USA,FRA,GBR against RUS on 2100-12-31
    ongoing since 1816-01-01), so it is a job, under the pool's time limit, not a wait for every cheap request."""
    return (q.reading == "legal" and not mc.draws and not whatif.flags and q.kwargs().get("ongoing_since") is None
            and len(q.attackers) + len(q.targets) <= CHEAP_STATES)


def check_cost(q: ScenarioQuery, mc: DrawsQuery | None = None) -> None:
    """Refuse a request whose cost is over the web's caps, before it runs, saying what to ask instead.

    Raises:
        WebInputError: too many states for the escalatory reading, or too many escalatory draws for them.
    """
    if q.reading != "escalatory":
        return
    states = len(q.attackers) + len(q.targets)
    if states > MAX_ESCALATORY_STATES:
        raise WebInputError(f"the escalatory reading with {states} attackers and targets is too expensive for the "
                            f"web app (at most {MAX_ESCALATORY_STATES}); use the legal reading, fewer states, or "
                            "`foedus cascade --reading escalatory`")
    if mc is not None and mc.draws and mc.draws * states > MAX_ESCALATORY_DRAW_STATES:
        most = MAX_ESCALATORY_DRAW_STATES // states
        raise WebInputError(f"{mc.draws:,} escalatory draws with {states} attackers and targets are too expensive for "
                            f"the web app (at most {most:,}); ask for fewer draws, the legal reading, or run "
                            "`foedus cascade --reading escalatory --draws N`")


def cascade_job(q: ScenarioQuery, whatif: WhatIfQuery, mc: DrawsQuery) -> dict[str, Any]:
    """A cascade request as a job for a worker."""
    return {"kind": "cascade", "query": asdict(q), "flags": list(whatif.flags), "draws": mc.draws, "seed": mc.seed}


def compare_job(q: ScenarioQuery, whatif: WhatIfQuery, other_date: str | None) -> dict[str, Any]:
    """A compare request as a job for a worker."""
    return {"kind": "compare", "query": asdict(q), "flags": list(whatif.flags), "other_date": other_date}


def run_job(job: dict[str, Any]) -> dict[str, Any]:
    """The JSON answer to a job, computed in this process (what a worker does with each line it reads).

    Raises:
        FoedusError: the engine refused the input.
    """
    from foedus.web.compute import compare_payload, run_query

    q = ScenarioQuery.from_dict(job["query"])
    whatif = WhatIfQuery(tuple((str(name), str(value)) for name, value in job["flags"]))
    if job["kind"] == "compare":
        return compare_payload(q, whatif, job["other_date"])
    return run_query(q, whatif, DrawsQuery(job["draws"], job["seed"]))


def main() -> None:
    """The worker: load the world, say ready, then answer one JSON job per line until stdin closes."""
    import contextlib
    import os

    from foedus.errors import FoedusError, refusal_fields
    from foedus.model.world import World
    from foedus.web.pool import READY

    with contextlib.suppress(OSError, AttributeError):
        os.nice(10)  # long jobs yield the CPU to the server's event loop, which answers everyone else
    world = World.default()
    if world.has_history:
        world.treaties.history  # noqa: B018 - loaded before the first job, not during it
    with contextlib.suppress(FoedusError):  # one small scenario warms the lazy tables, so no job pays for them
        run_job({"kind": "compare", "query": asdict(ScenarioQuery(["UKR"], ["RUS"], "2025-01-15")), "flags": [],
                 "other_date": "2024-08-06"})
    out = sys.stdout
    out.write(READY.decode() + "\n")
    out.flush()
    for line in sys.stdin:
        try:
            body = json.dumps(run_job(json.loads(line)), ensure_ascii=False, allow_nan=False,
                              separators=(",", ":"))
            out.write('{"ok": true}\n' + body + "\n")
        except FoedusError as exc:
            out.write(json.dumps({"error": str(exc), **refusal_fields(exc)}, ensure_ascii=False) + "\n")
        except Exception as exc:  # reported to the server, which answers 500
            out.write(json.dumps({"crash": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
