"""Files named by options (a war file, --likely-model, depth --params) are read safely and checked field by field:
a pipe, a device or an oversized file is refused without reading, and a malformed file gets one line naming the
file and the field, exit 2. Seeds are refused below zero, and --likely-model where nothing would read it."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from foedus.errors import DataFormatError, FoedusError, LikelyModelError, WarDataError
from foedus.likely.model import load_model
from foedus.model.yamlio import MAX_FILE_BYTES
from foedus.research.depth import DepthModel
from foedus.war.loader import read_war_file
from samples import cli_line

CASCADE = ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"]


def _shipped(name: str) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(resources.files("foedus.data").joinpath(name).read_text(encoding="utf-8"))
    return payload


def _one_line_error(code: int, err: str, *needles: str) -> None:
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err and "internal error" not in err, err
    for needle in needles:
        assert needle in lines[0], err


FIFO_CASES = [
    pytest.param(["war", "{f}"], id="war"),
    pytest.param([*CASCADE, "--likelihood", "--likely-model", "{f}"], id="likely-model"),
    pytest.param(["depth", "--out", "d.csv", "--params", "{f}"], id="depth-params", marks=pytest.mark.needs_data),
]


@pytest.mark.parametrize("args", FIFO_CASES)
def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path, args: list[str]) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    # a real process with a timeout: a reader that waits on the pipe fails the test instead of hanging it
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", *(a.format(f=fifo) for a in args)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    _one_line_error(proc.returncode, proc.stderr, str(fifo), "not a regular file")
    assert not (tmp_path / "d.csv").exists()


READERS: dict[str, tuple[Callable[[Path], Any], type[FoedusError]]] = {
    "war": (read_war_file, WarDataError),
    "likely-model": (load_model, LikelyModelError),
    "depth-params": (DepthModel.from_file, FoedusError),
}


@pytest.mark.parametrize("reader", READERS)
def test_an_oversized_file_or_a_device_is_refused_unread(tmp_path: Path, reader: str) -> None:
    read, error = READERS[reader]
    big = tmp_path / "big.json"
    with big.open("wb") as fh:  # sparse: no disk used, but one byte over the cap
        fh.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(error, match=r"larger than 8 MiB; not read"):
        read(big)
    with pytest.raises(error, match=r"/dev/zero: .*not a regular file"):
        read(Path("/dev/zero"))


@pytest.mark.parametrize("args", [
    ["depth", "--out", "x.csv", "--refit", "--seed", "-1"],
    ["likely", "fit", "--out", "s.json", "--seed", "-1", "--bootstrap", "0", "--no-validate"],
    ["likely", "report", "--out", "lr", "--draws", "5", "--bootstrap", "0", "--no-challengers", "--seed", "-1"],
    ["likely", "fit", "--out", "s.json", "--seed", str(2**63), "--bootstrap", "0", "--no-validate"],
], ids=["depth", "likely-fit", "likely-report", "likely-fit-too-large"])
def test_a_seed_out_of_range_is_refused_as_cascade_refuses_it(args: list[str], tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = cli_line(args)
    _one_line_error(code, err, "--seed")
    assert list(tmp_path.iterdir()) == []
    cascade_code, _, cascade_err = cli_line([*CASCADE, "--draws", "5", "--seed", args[args.index("--seed") + 1]])
    assert cascade_code == 2 and cascade_err.split("(see")[0] == err.split("(see")[0]


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(payload: dict[str, Any]) -> None:
        target = payload
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


DEPTH_BAD = {
    "short-item": (lambda p: p["dimensions"]["depth"]["estimate"][0].pop(), "dimensions.depth.estimate[0]"),
    "long-item": (lambda p: p["dimensions"]["scope"]["draws"][2][1].append(1.0), "dimensions.scope.draws[2][1]"),
    "few-items": (lambda p: p["dimensions"]["depth"]["estimate"].pop(), "dimensions.depth.estimate:"),
    "strings": (_set(["dimensions", "depth", "estimate", 1], ["a", "b"]), "dimensions.depth.estimate[1]"),
    "draws-text": (_set(["dimensions", "depth", "draws"], "x"), "dimensions.depth.draws"),
    "nan": (_set(["dimensions", "depth", "draws", 3, 0, 0], float("nan")), "dimensions.depth.draws[3][0]"),
    "infinity": (_set(["dimensions", "scope", "estimate", 0, 1], float("inf")), "dimensions.scope.estimate[0]"),
    "boolean": (_set(["dimensions", "scope", "estimate", 0, 0], True), "dimensions.scope.estimate[0]"),
    "huge-int": (_set(["dimensions", "scope", "estimate", 0, 0], 10**400), "dimensions.scope.estimate[0]"),
    "no-dimension": (lambda p: p["dimensions"].pop("scope"), "dimensions.scope"),
    "items-renamed": (_set(["dimensions", "depth", "items", 0, "name"], "x"), "dimensions.depth.items"),
    "data-list": (_set(["data"], []), "data"),
    "too-many-draws": (lambda p: p["dimensions"]["depth"]["draws"].extend(p["dimensions"]["depth"]["draws"] * 20),
                       "dimensions.depth.draws"),
    "top-list": (lambda p: None, "expected a JSON object"),
    "thresholds-reversed": (_set(["dimensions", "depth", "draws", 4, 2], [2.7, 7.0, 3.5, 3.0]),
                            "dimensions.depth.draws[4][2]: thresholds out of order"),
    "anchor-negative": (_set(["dimensions", "depth", "estimate", 0, 0], -3.58), "anchor item intcom"),
    "beyond-any-fit": (_set(["dimensions", "scope", "estimate", 1, 0], 1e300), "dimensions.scope.estimate[1]: a"),
}


@pytest.mark.parametrize("case", DEPTH_BAD)
def test_a_malformed_depth_parameter_file_names_the_field(tmp_path: Path, case: str) -> None:
    change, field = DEPTH_BAD[case]
    payload = copy.deepcopy(_shipped("depth_params.json"))
    change(payload)
    path = tmp_path / "params.json"
    path.write_text(json.dumps([payload] if case == "top-list" else payload), encoding="utf-8")
    with pytest.raises(DataFormatError) as caught:
        DepthModel.from_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and field in message and "\n" not in message


def test_the_shipped_depth_parameters_still_load(tmp_path: Path) -> None:
    path = tmp_path / "params.json"
    path.write_text(json.dumps(_shipped("depth_params.json")), encoding="utf-8")
    assert DepthModel.from_file(path).draws == DepthModel.bundled().draws


@pytest.mark.needs_data
def test_depth_refuses_nan_parameters_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    payload = _shipped("depth_params.json")
    payload["dimensions"]["depth"]["estimate"][2][1] = float("nan")
    (tmp_path / "p.json").write_text(json.dumps(payload), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = cli_line(["depth", "--out", "d.csv", "--params", "p.json"])
    _one_line_error(code, err, "p.json", "dimensions.depth.estimate[2]")
    assert not (tmp_path / "d.csv").exists()


def _cov(horizon: str, row: int, col: int, value: float) -> Callable[[dict[str, Any]], None]:
    return _set(["join", horizon, "cov", row, col], value)


def _negative(payload: dict[str, Any]) -> None:
    payload["side"]["cov"][0][0] = -abs(payload["side"]["cov"][0][0]) - 1.0


def _asymmetric(payload: dict[str, Any]) -> None:
    payload["join"]["ever"]["cov"][0][1] += 1.0


MODEL_BAD = {
    "join-empty": (_set(["join"], {}), "join: missing horizon(s) 30, 365, ever"),
    "join-no-365": (lambda p: p["join"].pop("365"), "join: missing horizon(s) 365"),
    "expected-no-ever": (lambda p: p["expected"].pop("ever"), "expected: missing horizon(s) ever"),
    "expected-no-sd": (lambda p: p["expected"]["30"].pop("sd"), "expected.30: missing sd"),
    "base-rate-no-30": (lambda p: p["base_rate"].pop("30"), "base_rate: missing horizon(s) 30"),
    "cov-nan": (_cov("30", 0, 0, float("nan")), "join.30.cov[0][0]: must be a finite number (got nan)"),
    "cov-infinity": (_set(["side", "cov", 2, 1], float("inf")), "side.cov[2][1]: must be a finite number (got inf)"),
    "cov-short-row": (lambda p: p["join"]["365"]["cov"][3].pop(), "join.365: sizes do not match"),
    "cov-asymmetric": (_asymmetric, "join.ever.cov: not symmetric"),
    "cov-not-psd": (_negative, "side.cov: not positive semi-definite"),
    "coef-nan": (_set(["join", "30", "coef", 0], float("nan")), "join.30.coef[0]: must be a finite number (got nan)"),
    "scale-zero": (_set(["side", "scale", 1], 0.0), "side.scale: a scale of zero or below"),
    "expected-nan": (_set(["expected", "365", "mean"], float("nan")), "expected.365.mean: must be a finite number"),
    "honour-key": (_set(["honour", "pre1945", "S9"], 0.5), "honour.pre1945.S9"),
    "honour-above-one": (_set(["honour", "post1945", "S1"], 1.5), "honour.post1945.S1"),
    # finite but absurd: the predictor's arithmetic would overflow (a numpy warning, then NaN or 0/1 forecasts)
    "mean-huge": (_set(["join", "30", "mean", 0], 1e308), "join.30.mean: 1e+308 is outside"),
    "coef-huge": (_set(["join", "365", "coef", 2], -1e300), "join.365.coef: -1e+300 is outside"),
    "intercept-huge": (_set(["side", "intercept"], 1e200), "side.intercept: 1e+200 is outside"),
    "scale-tiny": (_set(["join", "ever", "scale", 1], 1e-320), "join.ever.scale: 1e-320 is outside"),
    "cov-huge": (_set(["side", "cov", 0, 0], 1e308), "side.cov: 1e+308 is outside"),
    "base-rate-above-one": (_set(["base_rate", "30", "out"], 5), "base_rate.30.out: expected the shares"),
    "base-rate-sum": (_set(["base_rate", "ever", "attack"], 0.5), "base_rate.ever: expected the shares"),
    "expected-negative": (_set(["expected", "30", "mean"], -3), "expected.30.mean: -3 joiners per war"),
    "expected-huge-sd": (_set(["expected", "365", "sd"], 1e308), "expected.365.sd: 1e+308 joiners per war"),
    "validation-nan": (lambda p: p["validation"][0].update(auc=float("nan")), "validation[0].auc: must be a "
                       "finite number (got nan)"),
    "training-empty": (_set(["training"], {}), "training.first_year: missing field 'first_year'"),
    "training-order": (_set(["training", "first_year"], 3000), "training: first_year is after last_year"),
    "honour-no-era": (lambda p: p["honour"].pop("pre1945"), "honour: missing era(s) pre1945"),
    "honour-no-s3": (lambda p: p["honour"]["post1945"].pop("S3"), "honour.post1945: missing S3"),
}


def _model_file(tmp_path: Path, change: Callable[[dict[str, Any]], Any]) -> Path:
    payload = copy.deepcopy(_shipped("likely_model.json"))
    change(payload)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(payload), encoding="utf-8")  # NaN and Infinity as JSON's extensions write them
    return path


@pytest.mark.parametrize("case", MODEL_BAD)
def test_a_malformed_likelihood_model_names_the_field(tmp_path: Path, case: str) -> None:
    change, expected = MODEL_BAD[case]
    path = _model_file(tmp_path, change)
    with pytest.raises(LikelyModelError) as caught:
        load_model(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and expected in message and "\n" not in message


@pytest.mark.parametrize("text, kind", [("[1, 2]", "a list"), ('"model"', "'model'"), ("3", "3")])
def test_a_likelihood_model_that_is_not_an_object_says_so(tmp_path: Path, text: str, kind: str) -> None:
    """A JSON list at the top was reported with an empty field name: `model.json: : Input should be a valid
    dictionary or instance of ModelFile`; it is now worded as every other reader words it (`not_a_mapping`)."""
    path = tmp_path / "model.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LikelyModelError) as caught:
        load_model(path)
    assert str(caught.value) == (f"{path}: expected a mapping of likelihood-model fields at the top, found {kind} "
                                 "(not a likelihood-model file?)")


def test_an_absurd_likelihood_model_is_refused_before_numpy_warns(tmp_path: Path) -> None:
    """A finite number far beyond any fit used to run: numpy's overflow warning leaked to stderr, exit 0."""
    path = _model_file(tmp_path, _set(["join", "30", "mean", 0], 1e308))
    code, out, err = cli_line([*CASCADE, "--likelihood", "--likely-model", str(path), "--json"])
    _one_line_error(code, err, str(path), "join.30.mean")
    assert "RuntimeWarning" not in err and json.loads(out)["ok"] is False


def test_a_check_without_a_skill_score_is_shown_as_n_a(tmp_path: Path) -> None:
    """A validation score the fit could not compute is null in the file: the warning said so by crashing."""
    path = _model_file(tmp_path, lambda p: p["validation"][0].update(brier_skill=None))
    code, out, err = cli_line([*CASCADE, "--likelihood", "--likely-model", str(path), "--json"])
    assert code == 0, err
    assert any("Brier score (skill n/a)" in w for w in json.loads(out)["likelihood"]["warnings"])


def test_a_covariance_with_rounding_noise_is_accepted(tmp_path: Path) -> None:
    """A bootstrap with fewer replicates than coefficients gives a singular covariance: eigenvalues a rounding
    error below zero, and entries a rounding error off symmetry, must not be refused."""
    import numpy as np

    def noisy(payload: dict[str, Any]) -> None:
        width = len(payload["side"]["cov"])
        rng = np.random.default_rng(3)
        draws = rng.normal(size=(2, width))  # rank one: all but one eigenvalue are zero, up to rounding
        cov = np.cov(draws, rowvar=False)
        cov[0, 1] += 1e-15
        payload["side"]["cov"] = cov.tolist()

    assert load_model(_model_file(tmp_path, noisy)).side.cov[0][1] != 0


def test_a_likelihood_model_error_is_one_line_from_the_cli(tmp_path: Path) -> None:
    path = _model_file(tmp_path, _set(["join"], {}))
    code, _, err = cli_line([*CASCADE, "--likelihood", "--likely-model", str(path)])
    _one_line_error(code, err, str(path), "join: missing horizon(s)")


def test_likely_model_without_likelihood_is_refused(tmp_path: Path) -> None:
    code, out, err = cli_line([*CASCADE, "--likely-model", "/nonexistent/x.json"])
    _one_line_error(code, err, "--likely-model has no effect without --likelihood or --honour empirical")
    assert out == ""
    honour = [*CASCADE, "--draws", "20", "--seed", "1", "--honour", "empirical", "--json", "--likely-model"]
    path = _model_file(tmp_path, lambda p: None)  # where the honour rates come from it, the file is read
    code, out, err = cli_line([*honour, str(path)])
    assert code == 0, err
    assert json.loads(out)["draws"] == 20
    code, _, err = cli_line([*honour, str(_model_file(tmp_path, _set(["honour", "pre1945", "S1"], -1.0)))])
    _one_line_error(code, err, "honour.pre1945.S1")
