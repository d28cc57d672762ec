"""The likelihood as the web map asks for it: the answer's fields the front end reads, its one-line error when
the research data are missing (shown in the page's error area), and the built front end carrying the switch."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx2", reason="httpx2 (for the test client) is not installed")

from fastapi.testclient import TestClient

from foedus.web.static import bundled_static_dir

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]
ROOT = Path(__file__).resolve().parents[1]
POLAND = {"attacker": "DEU", "target": "POL", "date": "1939-09-01"}


@pytest.mark.needs_data
def test_the_answer_carries_what_the_map_and_panel_read(one_worker_client: TestClient) -> None:
    body = one_worker_client.get("/api/cascade", params={**POLAND, "likelihood": "true"}).json()
    lk = body["likelihood"]
    assert lk["model"]["version"] and lk["model"]["window"] and 0 < lk["model"]["interval"] < 1
    assert lk["model"]["first_year"] <= 1939 <= lk["model"]["last_year"]
    assert not any("outside the training" in w for w in lk["warnings"])  # 1939 lies inside the training wars
    assert lk["validation"] and all({"scheme", "horizon", "pairs", "brier_skill", "log_skill", "auc",
                                     "calibration_slope"} <= set(v) for v in lk["validation"])
    rows = {s["state"]: s for s in lk["states"]}
    assert rows["FRA"]["legal"] == "defense"
    assert [c["horizon"] for c in rows["FRA"]["chances"]] == ["30", "365", "ever"]  # likelihood.ts HORIZONS
    for c in rows["FRA"]["chances"]:
        assert c["join_low"] <= c["join"] <= c["join_high"]
        assert c["join"] == pytest.approx(c["attack"] + c["defense"], abs=2e-4)
    assert not {"DEU", "POL"} & set(rows)  # the parties are not rated: the map keeps their legal colours
    assert lk["others"]["count"] >= 0 and set(lk["others"]["max_join"]) == {"30", "365", "ever"}


def test_likelihood_off_or_unreadable(one_worker_client: TestClient) -> None:
    plain = one_worker_client.get("/api/cascade", params={**POLAND, "likelihood": "false"})
    assert plain.status_code == 200 and "likelihood" not in plain.json()
    bad = one_worker_client.get("/api/cascade", params={**POLAND, "likelihood": "maybe"})
    assert bad.status_code == 422 and bad.json()["ok"] is False


def test_missing_research_data_is_a_one_line_422(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                  web_client: Callable[..., TestClient]) -> None:
    empty = tmp_path / "data"
    empty.mkdir()
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(empty))  # the worker process starts with this environment
    monkeypatch.setenv("FOEDUS_CACHE_DIR", str(tmp_path / "cache"))
    with web_client(workers=1) as c:  # a new app: its worker starts with the environment set here
        response = c.get("/api/cascade", params={**POLAND, "likelihood": "true"})
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["ok"] is False and body["status"] == 422
    assert "\n" not in body["error"] and "foedus data fetch" in body["error"]


def test_built_front_end_has_the_switch_the_map_mode_and_is_fresh() -> None:
    static = bundled_static_dir()
    html = (static / "index.html").read_text(encoding="utf-8")
    for needle in ('id="likelihood"', 'name="map-mode"', 'value="likelihood"', 'id="lk-horizon"'):
        assert needle in html, needle
    script = re.search(r'src="/assets/([^"]+\.js)"', html)
    assert script is not None
    js = (static / "assets" / script.group(1)).read_text(encoding="utf-8")
    assert "likelihood" in js and "Outside training" in js and "lk-horizon" in js
    source = ROOT / "web" / "index.html"
    if source.is_file():  # a source checkout: the committed build must come from today's page
        ids = set(re.findall(r'\bid="([^"]+)"', source.read_text(encoding="utf-8")))
        assert ids <= set(re.findall(r'\bid="([^"]+)"', html)), "rebuild: cd web && npm ci && npm run build"
