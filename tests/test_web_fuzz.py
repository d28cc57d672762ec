"""Property-based fuzzing of the web API from its own OpenAPI spec (schemathesis): no input gives a 5xx.

Bounded: a fixed number of examples per operation, no shrinking beyond Hypothesis's defaults, so the
whole run stays well under a minute on two cores.
"""

from __future__ import annotations

import warnings

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")

from hypothesis import HealthCheck, Phase, settings  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from foedus.web.app import create_app
    from foedus.web.guard import GuardSettings

# schemathesis calls the app in-process as host "testserver", which the loopback Host rule would refuse.
_app = create_app(GuardSettings(extra_hosts=("testserver",)), mc_timeout=2.0)  # bounded Monte Carlo runs
schema = schemathesis.openapi.from_asgi("/openapi.json", _app)

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


@schema.parametrize()
@settings(max_examples=80, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=list(HealthCheck))
def test_api_never_answers_5xx(case: schemathesis.Case) -> None:
    response = case.call()
    # 504 is the documented answer to a job stopped at the (here 2 s) time limit: a limit, not a failure
    assert response.status_code < 500 or response.status_code == 504, \
        f"{case.method} {case.formatted_path} {case.query}: {response.text[:300]}"
    if response.status_code >= 400:
        body = response.json()
        assert body["ok"] is False and body["status"] == response.status_code and body["error"]
