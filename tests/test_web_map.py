"""The map's backend: place coordinates, historical borders (CShapes 2.0, from a hand-made fixture), name
resolution with suggestions, the bundled wars for the timeline, and CShapes as an optional dataset."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import lzma
import tarfile
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")

from fastapi.testclient import TestClient

from foedus.datasets import DATASETS, DataFile, Source
from foedus.errors import ChecksumError, DataFormatError, DataMissingError, TreatyDataError
from foedus.model.place_coords import load_place_coords, place_coords
from foedus.sources import cshapes

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]
FIXTURE = Path(__file__).parent / "fixtures" / "cshapes_mini.topojson"


@pytest.fixture
def cshapes_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder holding the hand-made CShapes fixture, xz-compressed like the real file."""
    target = tmp_path / "data" / cshapes.CSHAPES_FILE
    target.parent.mkdir(parents=True)
    target.write_bytes(lzma.compress(FIXTURE.read_bytes()))
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(tmp_path / "data"))
    accept_as_other_version(target)
    return target


def accept_as_other_version(target: Path) -> None:
    """Record the fixture as another version of the CShapes file (as `foedus data import --any-version` does),
    so that the data check accepts it."""
    import hashlib

    from foedus.datasets.registry import find_path
    from foedus.datasets.verify import record_other_version

    hit = find_path(cshapes.CSHAPES_FILE)
    assert hit is not None
    record_other_version(hit[1], hashlib.sha256(target.read_bytes()).hexdigest(), target.stat().st_size, "fixture")


def _codes(topology: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {g["properties"]["cowcode"]: g for g in topology["objects"]["states"]["geometries"]}


# --- place coordinates -------------------------------------------------------------------------------------


def test_every_gazetteer_place_has_coordinates(world: Any) -> None:
    coords = place_coords()
    missing = [p.id for p in world.places if p.kind != "home" and p.id not in coords]
    assert not missing, f"add them to src/foedus/data/place_coords.yaml: {missing}"
    ids = {p.id for p in world.places}
    assert not [k for k in coords if k not in ids], "coordinates for places the gazetteer does not have"
    crimea = coords["crimea"]
    assert 44 < crimea.lat < 46.5 and 32 < crimea.lon < 37 and crimea.outline and len(crimea.outline) >= 3
    for pid, c in coords.items():  # each outline surrounds its own marker (roughly: within its bounding box)
        if c.outline:
            lons, lats = [p[0] for p in c.outline], [p[1] for p in c.outline]
            assert min(lons) <= c.lon <= max(lons) and min(lats) <= c.lat <= max(lats), pid


def test_place_coordinates_are_checked() -> None:
    with pytest.raises(TreatyDataError, match=r"x\.lat"):
        load_place_coords("x: {lat: 91, lon: 0}")
    with pytest.raises(TreatyDataError, match=r"x\.outline"):
        load_place_coords("x: {lat: 1, lon: 0, outline: [[0, 0], [1, 1]]}")
    with pytest.raises(TreatyDataError, match="mapping"):
        load_place_coords("- a\n- b\n")


def test_api_places_carry_coordinates(api_client: TestClient) -> None:
    rows = {r["id"]: r for r in api_client.get("/api/places?homes=true").json()}
    assert rows["kursk-oblast"]["coords"] == {"lat": place_coords()["kursk-oblast"].lat,
                                              "lon": place_coords()["kursk-oblast"].lon}
    assert rows["crimea"]["outline"][0] == list(place_coords()["crimea"].outline[0])  # type: ignore[index]
    assert rows["kursk-oblast"]["outline"] is None
    assert rows["malta"]["coords"] is not None  # too small for the world map: drawn as a dot
    assert rows["ukraine"]["coords"] is None


# --- historical borders --------------------------------------------------------------------------------------


def test_borders_on_a_date_cut_from_the_fixture(cshapes_dir: Path) -> None:
    b = cshapes.borders_on(dt.date(1914, 7, 28))
    codes = _codes(b.topology)
    assert sorted(codes) == [200, 205, 300, 345, 365]  # no Ukraine in 1914
    assert codes[205]["properties"]["dependency"] is True and codes[205]["properties"]["owner"] == 200
    assert (b.valid_from, b.valid_to) == (dt.date(1886, 1, 1), dt.date(1918, 11, 11))
    used = sorted(i for g in codes.values() for ring in g["arcs"] for i in ring)
    assert used == list(range(len(b.topology["arcs"])))  # only the arcs in use, renumbered from 0
    later = cshapes.borders_on(dt.date(1995, 1, 1))
    assert sorted(_codes(later.topology)) == [200, 345, 365, 369]
    assert later.valid_from == dt.date(1991, 12, 24) and later.valid_to == dt.date(2019, 12, 31)
    box = later.topology["arcs"][_codes(later.topology)[369]["arcs"][0][0]]
    assert box[0] == box[-1] and [22.0, 45.0] in box


def test_simplify_drops_points_within_tolerance_and_keeps_the_ends() -> None:
    arc = [[0.0, 0.0], [1.0, 0.001], [2.0, 0.0], [3.0, 1.0], [4.0, 0.0]]
    assert cshapes._simplify(arc) == [[0.0, 0.0], [2.0, 0.0], [3.0, 1.0], [4.0, 0.0]]


def test_a_bad_cshapes_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xz"
    bad.write_bytes(lzma.compress(b'{"type": "Topology", "arcs": [], "objects": {"x": {"geometries": []}}}'))
    with pytest.raises(DataFormatError, match="no geometries"):
        cshapes.load_shapes(bad)
    topo = json.loads(FIXTURE.read_text())
    del topo["objects"]["cshapes_2_cow"]["geometries"][0]["properties"]["cowcode"]
    bad.write_bytes(lzma.compress(json.dumps(topo).encode()))
    with pytest.raises(DataFormatError, match="cowcode"):
        cshapes.load_shapes(bad)
    bad.write_bytes(b"not xz")
    with pytest.raises(DataFormatError, match="xz-compressed"):
        cshapes.load_shapes(bad)


def test_api_borders_historical_or_today(api_client: TestClient, cshapes_dir: Path) -> None:
    body = api_client.get("/api/borders?date=1914-07-28").json()
    assert body["historical"] is True and body["source"]["name"] == "cshapes"
    assert "Schvitz" in body["source"]["citation"] and body["valid_to"] == "1918-11-11"
    assert 300 in _codes(body["topology"])
    today = api_client.get("/api/borders?date=2024-01-01").json()
    assert today["topology"] is None and "today's borders" in today["note"] and "2019-12-31" in today["note"]
    cshapes_dir.unlink()
    none = api_client.get("/api/borders?date=1914-07-28").json()
    assert none["historical"] is False and "foedus data fetch cshapes" in none["note"]
    with pytest.raises(DataMissingError):
        cshapes.load_shapes()
    bad = api_client.get("/api/borders?date=1914-13-01")
    assert bad.status_code == 422 and bad.json()["ok"] is False


# --- names, wars ---------------------------------------------------------------------------------------------


def test_api_resolve_suggests_like_the_cli(api_client: TestClient) -> None:
    assert api_client.get("/api/resolve?state=russia").json() == {"id": "RUS", "name": "Russia"}
    r = api_client.get("/api/resolve?state=Rusia")
    assert r.status_code == 422 and "did you mean Russia" in r.json()["error"]


def test_api_wars_list_and_replay(api_client: TestClient) -> None:
    wars = {w["id"]: w for w in api_client.get("/api/wars").json()}
    assert {"russia_ukraine_2022", "july_crisis_1914"} <= set(wars)
    assert wars["russia_ukraine_2022"]["start"] == "2022-02-24" and wars["russia_ukraine_2022"]["ongoing"]
    body = api_client.get("/api/war?id=russia_ukraine_2022&until=2025-06-30").json()
    prk = next(s for s in body["states"] if s["state"] == "PRK")
    assert prk["first_bound"]["date"] == "2024-12-04" and prk["first_bound"]["treaty"] == "rus_prk_2024"
    frame = next(f for f in body["frames"] if f["date"] == "2024-12-04")
    assert any(m["state"] == "PRK" for m in frame["moved"])
    assert body["war"]["source"] == "bundled:russia_ukraine_2022"
    assert api_client.get("/api/war?id=russia_ukraine_2022&until=2025-06-30&reading=wild").status_code == 422
    for bad in ("nope", "../../etc/passwd", "russia_ukraine_2022.yaml"):
        r = api_client.get("/api/war", params={"id": bad})
        assert r.status_code == 422 and "unknown war" in r.json()["error"]


def test_api_war_carries_each_bindings_certainty_and_doubted_facts(api_client: TestClient) -> None:
    """/api/war, which the map's "Why?" on a war's date reads: each frame's `bound` entry carries the primary
    obligation's certainty and the facts not verified, and the other obligations that bind it that day, each so; a
    state's `first_bound.also` does too (it carried only treaty and article): Kazakhstan from 2024-08-06, by CSTO
    art. 4 (secondary: article), if Russia asks (its condition), and its 1992 treaty with Russia (unverified: treaty,
    article)."""
    body = api_client.get("/api/war?id=russia_ukraine_2022&until=2025-06-30").json()
    kaz_also = [{"treaty": "rus_kaz_1992", "article": "unknown (article unverified)", "instrument": "treaty",
                 "certainty": "unverified", "doubted": ["treaty", "article"],
                 "levels": {"treaty": "unverified", "article": "unverified"}, "conditions": [], "unresolved": []}]
    request = ("request-gated: assumes Russia (RUS) asks for help (the clause's wording of this condition: known from "
               "secondary reporting only)")
    kaz = next(s for s in body["states"] if s["state"] == "KAZ")["first_bound"]
    assert (kaz["date"], kaz["treaty"], kaz["certainty"], kaz["doubted"], kaz["also"]) == (
        "2024-08-06", "csto_1992", "secondary", ["article"], kaz_also)
    frame = next(f for f in body["frames"] if f["date"] == "2024-08-06")
    assert frame["bound"]["KAZ"] == {"side": "attack", "treaty": "csto_1992", "kind": "defense",
                                     "because": {"attacked": "RUS", "by": "UKR", "place": "kursk-oblast",
                                                 "target_kind": "territory"}, "article": "4", "instrument": "treaty",
                                     "certainty": "secondary", "doubted": ["article"],
                                     "levels": {"article": "secondary"}, "also": kaz_also,
                                     "conditions": [request], "unresolved": [], "since": "2024-08-06"}
    assert frame["bound"]["KAZ"] == next(f for f in body["frames"] if "KAZ" in f["bound"])["bound"]["KAZ"]


# --- CShapes as an optional dataset --------------------------------------------------------------------------


def test_cshapes_is_optional_and_its_hash_is_marked_unconfirmed(monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.datasets import fetching
    from foedus.datasets.registry import REQUIRED

    d = DATASETS["cshapes"]
    assert d.optional and "cshapes" not in REQUIRED and "CC BY-NC-SA" in d.licence
    assert not d.files[0].sha256_confirmed and d.files[0].source is not None
    seen: list[list[str]] = []
    monkeypatch.setattr(fetching, "_fetch", lambda datasets, *a: seen.append([x.name for x in datasets]) or [])
    fetching.fetch()
    fetching.fetch(["cshapes"])
    assert "cshapes" not in seen[0] and "atop" in seen[0] and seen[1] == ["cshapes"]


def _tarball(path: Path, member: str, data: bytes) -> None:
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo(f"cshapes/inst/extdata/{member}")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))


def test_fetch_installs_a_member_of_a_tarball_and_explains_an_unconfirmed_hash(tmp_path: Path) -> None:
    from foedus.datasets.fetching import _install_from

    data = lzma.compress(FIXTURE.read_bytes())
    tarball = tmp_path / "cshapes_2.0.tar.gz"
    _tarball(tarball, "cshapes_2_cow.topojson.xz", data)
    good = DataFile("cshapes/cshapes_2_cow.topojson.xz", hashlib.sha256(data).hexdigest(),
                    Source("https://example.invalid/cshapes_2.0.tar.gz", "cshapes_2_cow.topojson.xz"),
                    sha256_confirmed=False)
    target = tmp_path / "data" / good.path
    _install_from(tarball, good, target, "https://example.invalid/cshapes_2.0.tar.gz", "by hand")
    assert target.read_bytes() == data
    wrong = DataFile(good.path, "0" * 64, good.source, sha256_confirmed=False)
    other = tmp_path / "other" / good.path
    with pytest.raises(ChecksumError, match="still to be confirmed"):
        _install_from(tarball, wrong, other, "https://example.invalid/x", "by hand")
    assert not other.exists()
