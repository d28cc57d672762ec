"""The server does not stall: cost caps, the worker pool (503 with Retry-After when full), cross-site refusals,
security headers on every error, and the event-loop slots that keep /api/health out of the API queue."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx2", reason="httpx2 (for the test client) is not installed")

from fastapi.testclient import TestClient

from foedus.web.envelope import ServerBusyError, WorkerStartError
from foedus.web.guard import GuardSettings
from foedus.web.jobs import MAX_ESCALATORY_STATES, is_cheap
from foedus.web.params import ScenarioQuery
from foedus.web.params_mc import DrawsQuery
from foedus.web.pool import WorkerPool
from foedus.web.whatif import WhatIfQuery
from samples import paused_workers

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]
FLAGSHIP = {"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "kursk-oblast"}
SECURITY = ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")


def _has_security_headers(headers: Any) -> bool:
    return all(h in headers for h in SECURITY)


def test_cheap_requests_are_the_legal_reading_among_few_states() -> None:
    q = ScenarioQuery(["UKR"], ["RUS"], "2025-01-15")
    assert is_cheap(q, WhatIfQuery(), DrawsQuery())
    escalatory = ScenarioQuery(["UKR"], ["RUS"], "2025-01-15", (("reading", "escalatory"),))
    assert not is_cheap(escalatory, WhatIfQuery(), DrawsQuery())
    assert not is_cheap(q, WhatIfQuery((("drop_treaty", "nato_1949"),)), DrawsQuery())
    assert not is_cheap(q, WhatIfQuery(), DrawsQuery(100, 1))
    assert not is_cheap(ScenarioQuery(["RUS", "BLR", "PRK"], ["POL", "LTU"], "2025-01-15"), WhatIfQuery(), DrawsQuery())
    ongoing = ScenarioQuery(["UKR"], ["RUS"], "2025-01-15", (("ongoing_since", "2024-08-06"),))
    assert not is_cheap(ongoing, WhatIfQuery(), DrawsQuery())  # it replays every change since: seconds, not ms
    assert is_cheap(ScenarioQuery(["UKR"], ["RUS"], "2025-01-15", (("ongoing_since", None),)), WhatIfQuery(),
                    DrawsQuery())


@pytest.mark.parametrize("option", [("reading", "escalatory"), ("ongoing_since", "2024-08-06")])
def test_expensive_requests_give_the_same_answer_from_the_pool(one_worker_client: TestClient,
                                                               option: tuple[str, str]) -> None:
    from foedus import cascade

    params = {"attacker": "RUS", "target": "EST", "date": "2025-06-01", option[0]: option[1]}
    body = one_worker_client.get("/api/cascade", params=params).json()
    assert body == cascade("RUS", "EST", "2025-06-01", **dict([option])).to_dict()


def test_likelihood_is_a_job_for_the_pool_with_the_apis_answer(one_worker_client: TestClient) -> None:
    from foedus import cascade

    body = one_worker_client.get("/api/cascade", params={**FLAGSHIP, "likelihood": "true"}).json()
    assert body.get("likelihood") is not None, body
    assert body == cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", likelihood=True).to_dict()


def test_requests_over_the_cost_caps_are_refused_before_they_run(one_worker_client: TestClient) -> None:
    many = ",".join(["RUS", "BLR", "PRK", "IRN", "CHN"])
    targets = ",".join(["POL", "LTU", "LVA", "EST", "FIN"])
    response = one_worker_client.get("/api/cascade", params={"attacker": many, "target": targets,
                                                             "date": "2025-06-01", "reading": "escalatory"})
    assert response.status_code == 422
    error = response.json()["error"]
    assert f"at most {MAX_ESCALATORY_STATES}" in error and "legal reading" in error
    response = one_worker_client.get("/api/cascade", params={"attacker": "RUS,BLR", "target": "POL,LTU",
                                                             "date": "2025-06-01", "reading": "escalatory",
                                                             "draws": 10_000})
    assert response.status_code == 422 and "escalatory draws" in response.json()["error"]
    compare = one_worker_client.get("/api/compare", params={"attacker": many, "target": targets, "date": "2025-06-01",
                                                            "reading": "escalatory", "other_date": "2024-01-01"})
    assert compare.status_code == 422


def test_a_full_pool_answers_503_with_retry_after(one_worker_client: TestClient) -> None:
    pool: WorkerPool = one_worker_client.app.state.pool  # type: ignore[attr-defined]
    saved = pool._admitted
    pool._admitted = pool.capacity  # every place taken
    try:
        response = one_worker_client.get("/api/cascade", params={**FLAGSHIP, "draws": 100, "seed": 1})
        cheap = one_worker_client.get("/api/cascade", params=FLAGSHIP)
    finally:
        pool._admitted = saved
    assert response.status_code == 503 and int(response.headers["retry-after"]) >= 1
    assert response.json()["status"] == 503 and "busy" in response.json()["error"]
    assert _has_security_headers(response.headers)
    assert cheap.status_code == 200  # cheap requests never wait for the pool


def test_the_pool_admits_running_plus_waiting_jobs_and_no_more() -> None:
    """With one worker and one waiting place, two jobs are admitted and a third gets ServerBusyError. The test holds
    the only worker itself (taken from the pool's idle queue) until the checks are done, so neither admitted job
    can finish (and free its place) before the third arrives, however slow the machine; the job limit (300 s) is
    only a hang guard."""
    pool = WorkerPool(size=1, timeout=300.0, waiting=1)
    job = {"kind": "cascade", "query": {"attackers": ["RUS"], "targets": ["EST"], "date": "2025-06-01",
                                        "options": [["reading", "escalatory"]]}, "flags": [], "draws": 30, "seed": 1}
    results: list[Any] = []

    def submit() -> None:
        try:
            results.append(asyncio.run(pool.run(job)))
        except ServerBusyError as exc:
            results.append(exc)

    worker = pool._idle.get(timeout=60)  # the only worker: every admitted job now waits for it
    threads = [threading.Thread(target=submit) for _ in range(2)]
    try:
        for t in threads:
            t.start()
        deadline = time.monotonic() + 60  # a hang guard, not a speed bound
        while pool.admitted < 2 and not results and time.monotonic() < deadline:
            time.sleep(0.01)
        assert pool.admitted == 2 and not results, results  # both admitted (one to run, one to wait), both waiting
        third = threading.Thread(target=submit, daemon=True)  # admitted, it would wait for the held worker
        third.start()
        third.join(timeout=60)
        assert not third.is_alive() and len(results) == 1, "a third job was admitted"
        busy = results.pop()
        assert isinstance(busy, ServerBusyError) and busy.retry_after >= 1
    finally:
        pool._idle.put(worker)
        for t in threads:
            t.join(timeout=300)
        pool.close()
    assert len(results) == 2 and all(isinstance(r, bytes) for r in results), results


def test_a_job_past_the_time_limit_is_stopped_and_the_pool_recovers(web_client: Callable[..., TestClient]) -> None:
    """The only worker paused, the job runs past the limit whatever the machine's speed (5,000 escalatory draws,
    about 0.5 s on a fast idle one, raced a 0.05 s limit before); the next job gets a fresh worker."""
    with web_client(mc_timeout=0.05, workers=1) as c:
        with paused_workers(c.app.state.pool):  # type: ignore[attr-defined]
            slow = {"attacker": "RUS", "target": "EST", "date": "2025-06-01", "reading": "escalatory", "draws": 5000}
            response = c.get("/api/cascade", params=slow)
            assert response.status_code == 504 and "retry-after" not in response.headers
            assert response.json()["error"].startswith(
                "the request was stopped at the web app's time limit of 0.05 s;")
        c.app.state.pool.timeout = 600.0  # type: ignore[attr-defined]  # a hang guard: not how fast, but that it runs
        assert c.get("/api/compare", params={**FLAGSHIP, "other_date": "2024-08-06"}).status_code == 200


def test_a_worker_that_never_says_ready_is_stopped_at_the_start_up_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The start-up limit is a hang guard, set per pool (600 s by default: a worker starts at nice 10, and a busy
    machine gives it little CPU): a worker alive but silent past it is killed and its job fails, not waited for
    forever. Here the worker process is one that never says it is ready."""
    import subprocess
    import sys

    import foedus.web.pool as pool_module

    real = subprocess.Popen
    started: list[subprocess.Popen[bytes]] = []

    def silent(args: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
        proc = real([sys.executable, "-c", "import time; time.sleep(3600)"], **kwargs)
        started.append(proc)
        return proc

    monkeypatch.setattr(pool_module.subprocess, "Popen", silent)
    pool = WorkerPool(size=1, timeout=600.0, startup=0.5)
    try:
        said = r"^a worker process \(python -m foedus\.web\.jobs\) did not start: it said nothing for 0\.5 s "
        with pytest.raises(WorkerStartError, match=said + r"\(the start-up limit\) and was stopped$"):
            asyncio.run(pool.run({"kind": "compare"}))
        assert len(started) == 1 and started[0].poll() is not None, "the silent worker was left running"
    finally:
        pool.close()
        for proc in started:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


@pytest.mark.parametrize(("headers", "status"), [
    ({"origin": "https://evil.example"}, 403),
    ({"origin": "null"}, 403),
    ({"origin": "http://127.0.0.1:9999"}, 403),
    ({"sec-fetch-site": "cross-site"}, 403),
    ({"sec-fetch-site": "same-site"}, 403),
    ({"origin": "http://127.0.0.1", "sec-fetch-site": "same-origin"}, 200),
    ({"sec-fetch-site": "none"}, 200),
])
def test_requests_from_other_sites_are_refused(one_worker_client: TestClient, headers: dict[str, str],
                                               status: int) -> None:
    response = one_worker_client.get("/api/cascade", params=FLAGSHIP, headers=headers)
    assert response.status_code == status
    assert _has_security_headers(response.headers)
    if status == 403:
        assert "refused" in response.json()["error"]


def test_a_server_error_carries_the_security_headers(monkeypatch: pytest.MonkeyPatch,
                                                     web_client: Callable[..., TestClient]) -> None:
    import foedus.web.api_cascade as api

    def boom(*_args: Any, **_kw: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "run_query", boom)
    with web_client(raise_server_exceptions=False) as c:
        response = c.get("/api/cascade", params=FLAGSHIP)
    assert response.status_code == 500 and response.json()["error"].startswith("internal error")
    assert _has_security_headers(response.headers)


def test_too_many_requests_in_flight_get_503(web_client: Callable[..., TestClient]) -> None:
    with web_client(GuardSettings(max_in_flight=0)) as c:
        response = c.get("/api/health")
    assert response.status_code == 503 and response.headers["retry-after"] == "1"
    assert _has_security_headers(response.headers)


def test_cheap_requests_run_beside_the_event_loop(one_worker_client: TestClient,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A cheap cascade computes in the CHEAP thread, so /api/health is answered while it runs (not after)."""
    import foedus.web.api_cascade as api

    real, started, release, threads = api.run_query, threading.Event(), threading.Event(), []

    def held_back(q: Any, *args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        started.set()
        release.wait(20)
        return real(q, *args, **kwargs)

    monkeypatch.setattr(api, "run_query", held_back)
    answers: list[Any] = []
    runner = threading.Thread(target=lambda: answers.append(one_worker_client.get("/api/cascade", params=FLAGSHIP)))
    safety = threading.Timer(20, release.set)  # a loop blocked by the cascade would otherwise never answer
    runner.start()
    safety.start()
    try:
        assert started.wait(20)
        health = one_worker_client.get("/api/health")
        answered_while_running = not release.is_set()
    finally:
        release.set()
        safety.cancel()
        runner.join(30)
    assert health.status_code == 200 and answered_while_running
    assert threads == ["foedus-cheap_0"] and answers[0].status_code == 200
    assert [j["state"] for j in answers[0].json()["joiners"]].count("PRK") == 1
