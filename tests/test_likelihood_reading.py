"""How to read the joining model's numbers (what the model cannot see; never changing the legal answer) was said under
the web's likelihood panel only: `foedus cascade --likelihood` showed the table without it. The two say it in the
same words (`foedus.code_words.likelihood_reading`, web/src/standing.ts `cannotSee`: tests/test_said_parity.py), each
with the training joiners of the model that answered."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

from foedus.code_words import likelihood_reading
from foedus.likely.model import load_model
from samples import cli_line

ROOT = Path(__file__).resolve().parents[1]


def _said(*args: str) -> str:
    code, out, err = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--likelihood", *args])
    assert code == 0, err
    return " ".join(out.split())


def test_the_cli_says_how_to_read_the_likelihoods() -> None:
    """The reading quotes how the shipped model's training joiners split between the sides, from its model file
    (training.outcomes.ever), as the JSON's model card carries them for the web (`ModelCard.joiners`)."""
    ever = load_model().training["outcomes"]["ever"]
    card = SimpleNamespace(joiners={"attack": ever["attack"], "defense": ever["defense"]})
    text = _said()
    assert likelihood_reading(card) in text  # type: ignore[arg-type]
    assert f"({ever['defense']} of {ever['attack'] + ever['defense']} joined the defence in its training wars)" in text


def test_a_refit_says_its_own_training_joiners(tmp_path: Path) -> None:
    """The sentence said "60 of 91 in the shipped model's wars" as fixed words under every answer: a model refit from
    other years (`--likely-model FILE`) now says its own counts, in the CLI and in the JSON the web reads."""
    model = load_model()
    training = {**model.training, "outcomes": {**model.training["outcomes"],
                                               "ever": {"out": 900, "attack": 17, "defense": 25}}}
    path = tmp_path / "refit.json"
    path.write_text(model.model_copy(update={"training": training}).model_dump_json(), encoding="utf-8")
    text = _said("--likely-model", str(path))
    assert "(25 of 42 joined the defence in its training wars)" in text and "of 91" not in text
    code, out, err = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--likelihood", "--json",
                               "--likely-model", str(path)])
    assert code == 0, err
    assert json.loads(out)["likelihood"]["model"]["joiners"] == {"attack": 17, "defense": 25}


def test_the_cli_says_what_the_numbers_scored_out_of_sample_as_the_model_card_does() -> None:
    """"The US at 7.1% to join if Russia attacks Estonia" was read as odds: the table now says, once, what its numbers
    scored out of sample (leave one war out, at any time), from the model file, in the figures docs/likelihood.md's
    Validation table prints, and what the model cannot see (forces stationed abroad)."""
    text = _said()
    said = re.search(r"Out of sample \(leave one war out, joining at any time, ([\d,]+) pairs\) it ranked joiners with "
                     r"AUC (\d\.\d{3}) and beat the base rate by ([+-]\d\.\d{3}) in log-loss skill and ([+-]\d\.\d{3}) "
                     r"in Brier skill; calibration slope (\d\.\d\d)", text)
    assert said is not None, text
    pairs, auc, log_skill, brier_skill, slope = said.groups()
    card = (ROOT / "docs" / "likelihood.md").read_text(encoding="utf-8")
    row = f"| leave one war out | ever | {pairs} ("
    line = next(x for x in card.splitlines() if x.startswith(row))
    assert all(f"| {x} [" in line for x in (brier_skill, log_skill, auc, slope)), line
    assert text.count("What these are:") == 1 and text.count("What the model cannot see: forces stationed abroad") == 1
    assert "firm odds" not in text


def test_the_cli_says_which_target_the_models_check_misses() -> None:
    """The line gave Brier skill +0.028 without saying that the model card's target is +0.05: a reader could not tell
    a small edge from a large one. It names each target the leave-one-war-out check misses, from the targets the
    report judges by (`foedus.likely.targets.TARGETS`), and only those."""
    from foedus.likely.targets import TARGETS

    check = next(v for v in load_model().validation
                 if (v.scheme, v.horizon, v.subset) == ("leave-one-war-out", "ever", "all"))
    code, out, err = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--likelihood"])
    assert code == 0, err
    text = " ".join(out.split())
    assert check.brier_skill is not None and check.brier_skill < TARGETS["brier_skill"]
    assert "In that check it misses the model card's target for Brier skill (+0.05)." in text
    assert "target for AUC" not in text and "log-loss skill (+0.10)" not in text


def test_each_check_in_the_json_names_the_targets_the_report_says_it_misses() -> None:
    """The web's table of checks showed skills above 0 and no target: each check in the answer's JSON now carries
    `misses`, judged by the rule the validation report's `targets_met` uses (`foedus.likely.targets.judged`), in the
    CLI's words, for the web to say (tests/test_e2e_base_rate_words.py)."""
    import json

    from foedus.likely.evaluate import targets_met

    code, out, err = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--likelihood", "--json"])
    assert code == 0, err
    checks = json.loads(out)["likelihood"]["validation"]
    said = {"auc": "AUC (", "log_skill": "log-loss skill (", "brier_skill": "Brier skill (",
            "calibration_slope": "calibration slope ("}
    metrics: dict[str, dict[str, object]] = {"schemes": {}}
    for c in checks:
        scores = {k: c[k] for k in ("brier_skill", "log_skill", "auc", "calibration_slope")}
        metrics["schemes"].setdefault(c["scheme"], {"horizons": {}})["horizons"][c["horizon"]] = {  # type: ignore[index]
            "shipped": {"all": scores}}
    met = targets_met(metrics)
    for c in checks:
        judged = met[f"{c['scheme']}/{c['horizon']}"]
        assert [m.split("(")[0] + "(" for m in c["misses"]] == [said[k] for k, ok in judged.items()
                                                                 if k in said and not ok], c
    lowo = next(c for c in checks if (c["scheme"], c["horizon"]) == ("leave-one-war-out", "ever"))
    assert lowo["misses"] == ["Brier skill (+0.05)"]
