"""Test fixtures and options (the data folder and the private cache are set in the root conftest.py)."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

try:  # Hypothesis's speed checks (per-example deadline, slow data generation) fail a loaded runner's run
    from hypothesis import HealthCheck, settings
except ImportError:  # without the test extra, the property tests are not collected either
    pass
else:
    settings.register_profile("foedus", deadline=None, suppress_health_check=[HealthCheck.too_slow])
    settings.load_profile("foedus")

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def world():  # type: ignore[no-untyped-def]
    """The bundled treaty world (with COW state-system dates from the data folder)."""
    from foedus.model.world import World

    return World.default()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The research-data folder the tests read."""
    path = Path(os.environ["FOEDUS_DATA_DIR"])
    if not path.is_dir():
        pytest.fail(f"research data not found at {path}; set FOEDUS_DATA_DIR")
    return path


@pytest.fixture
def target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty data folder for the test (FOEDUS_DATA_DIR points at it), with no download mirror set."""
    from foedus.datasets import MIRROR_ENV

    root = tmp_path / "data"
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(root))
    monkeypatch.delenv(MIRROR_ENV, raising=False)
    return root


@pytest.fixture
def bytes_named(tmp_path: Path) -> Callable[[bytes], Path]:
    """Makes a folder in tmp_path whose name is these bytes (not UTF-8 text, which Linux allows and Python holds as
    lone surrogates), skipping the test where the file system takes only UTF-8 file names."""

    def make(name: bytes) -> Path:
        folder = tmp_path / os.fsdecode(name)
        try:
            folder.mkdir()
        except OSError:
            pytest.skip("this file system takes only UTF-8 file names")
        return folder

    return make


@pytest.fixture(scope="session")
def web_client() -> Callable[..., TestClient]:
    """Makes a test client of a new `foedus.web` app, as a browser on this machine reaches it (the tests skip
    without the web extra): `web_client(GuardSettings(...), mc_timeout=0.5)` passes the app's options to
    `create_app`, `base_url=` and `raise_server_exceptions=` to the client. Use it in a `with`, which starts the
    app (the world loaded, the worker pool warmed up) and stops it after. Its time limit for an expensive request
    is 600 s unless `mc_timeout=` is given: a hang guard (the app's 20 s stopped a likelihood request on a loaded
    runner), for the tests of the limit give their own."""
    pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
    pytest.importorskip("httpx2", reason="httpx2 (for the test client) is not installed")
    from fastapi.testclient import TestClient

    from foedus.web.app import create_app

    def make(*app_args: Any, base_url: str = "http://127.0.0.1", raise_server_exceptions: bool = True,
             **app_options: Any) -> TestClient:
        app_options.setdefault("mc_timeout", 600.0)
        return TestClient(create_app(*app_args, **app_options), base_url=base_url,
                          raise_server_exceptions=raise_server_exceptions)

    return make


@pytest.fixture(scope="module")
def api_client(web_client: Callable[..., TestClient]) -> Iterator[TestClient]:
    """The web API's test client (`web_client`) of an app with the default options, started once for the test module."""
    with web_client() as started:
        yield started


@pytest.fixture(scope="module")
def one_worker_client(web_client: Callable[..., TestClient]) -> Iterator[TestClient]:
    """The web test client of an app with one worker process (`create_app(workers=1)`: the tests of what the pool
    runs), started once for the test module."""
    with web_client(workers=1) as started:
        yield started


@pytest.fixture
def fresh_war_api() -> Iterator[None]:
    """/api/war's kept replays and wars (`foedus.web.api_war`'s caches), empty before and after the test, so another
    test's replays are not counted and a test's own war file is read."""
    from foedus.web import api_war

    kept = [f for f in vars(api_war).values() if callable(getattr(f, "cache_clear", None))]
    for f in kept:
        f.cache_clear()
    yield
    for f in kept:
        f.cache_clear()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--engines", default="all",
                     help="engines the reference suite runs through: all (default) or a comma list of "
                          "reference,batched,montecarlo,torch (torch only where installed)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs_data: reads the research datasets in FOEDUS_DATA_DIR")


def _engines(config: pytest.Config) -> list[str]:
    from foedus.engine.fast.outcomes import ENGINES

    chosen = config.getoption("--engines")
    names = list(ENGINES) if chosen == "all" else [e.strip() for e in chosen.split(",") if e.strip()]
    unknown = set(names) - set(ENGINES)
    if unknown:
        raise pytest.UsageError(f"unknown engine(s) {sorted(unknown)}: choose from {', '.join(ENGINES)}")
    if chosen == "all" and importlib.util.find_spec("torch") is None:
        names.remove("torch")
    return names


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests that use the `engine` fixture (the reference suite) run once per engine."""
    if "engine" in metafunc.fixturenames:
        metafunc.parametrize("engine", _engines(metafunc.config), indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test with every cascade also computed by this engine, which must agree with the reference
    engine on sides, join rounds and conflicts (the test's own assertions then check the reference)."""
    name: str = request.param
    if name == "reference":
        return name
    from foedus import run  # where `foedus.cascade` (and the console's cascade) runs the engine
    from foedus.engine.fast.outcomes import outcome, outcome_of

    real = run.run_cascade

    def checked(world: Any, scenario: Any) -> Any:
        result = real(world, scenario)
        expected, got = outcome_of(result), outcome(name, world, scenario)  # type: ignore[arg-type]
        if got.rounds is None:
            expected = type(expected)(expected.sides, None, expected.conflicts)
        assert got == expected, f"{name} engine disagrees with the reference on {scenario}"
        return result

    monkeypatch.setattr(run, "run_cascade", checked)
    return name


@pytest.fixture(params=["numpy", "torch"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The batched engine's matrix backend for the test: numpy, and torch where it is installed (skipped elsewhere;
    on the CPU unless CUDA is there). FOEDUS_BACKEND names it, so that every rule the test compiles (and every
    atlas it draws) without naming a backend runs on it."""
    from foedus.engine.fast.backend import get_backend

    if request.param == "torch":
        pytest.importorskip("torch", reason="the optional torch backend (foedus[gpu]) is not installed")
    monkeypatch.setenv("FOEDUS_BACKEND", request.param)
    assert get_backend().name == request.param
    return str(request.param)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without the research data, data tests skip locally and fail in CI (where the data must be)."""
    if os.environ.get("CI") or (Path(os.environ["FOEDUS_DATA_DIR"]) / "cow_states" / "states2016.csv").is_file():
        return
    reason = f"research data not found in {os.environ['FOEDUS_DATA_DIR']} (set FOEDUS_DATA_DIR)"
    for item in items:
        if "needs_data" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))
