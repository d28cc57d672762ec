"""One bound on a seed (foedus.inputs.MAX_SEED, 2**63 - 1), read by the command line, the web API and foedus.cascade:
the web API capped seeds at 2**32 - 1, so a seed the command line took (and a run it printed) could not be replayed
through the API. A seed above the bound is one line naming it, everywhere."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from foedus.inputs import MAX_SEED
from test_input_messages import _error_line

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]

SCENARIO = {"attacker": "RUS", "target": "EST", "date": "2025-06-01", "draws": 20}


def test_the_api_takes_the_largest_seed_the_cli_takes_and_draws_alike(api_client: TestClient) -> None:
    import foedus

    body = api_client.get("/api/cascade", params={**SCENARIO, "seed": MAX_SEED}).json()
    assert body["seed"] == MAX_SEED, body
    direct = foedus.cascade("RUS", "EST", date="2025-06-01", draws=20, seed=MAX_SEED).to_dict()
    assert body["probabilities"] == direct["probabilities"]


@pytest.mark.parametrize("how", ["api", "cli", "atlas", "python"])
def test_a_seed_above_the_bound_is_one_line_naming_it(api_client: TestClient, how: str) -> None:
    above = str(MAX_SEED + 1)
    said: Any
    if how == "api":
        response = api_client.get("/api/cascade", params={**SCENARIO, "seed": above})
        assert response.status_code == 422
        said = response.json()["error"]
    elif how == "python":
        import foedus
        from foedus.errors import FoedusError

        with pytest.raises(FoedusError) as caught:
            foedus.cascade("RUS", "EST", date="2025-06-01", draws=20, seed=MAX_SEED + 1)
        said = str(caught.value)
    else:
        args = ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"] if how == "cli" else ["atlas", "-d",
                                                                                               "2025-06-01"]
        said = _error_line([*args, "--draws", "20", "--seed", above])
    assert "\n" not in said and ("9223372036854775807" in said or "9,223,372,036,854,775,807" in said), said

