"""The validation report's Markdown (report.md), from the metrics (`foedus.likely.evaluate`) and the
model fitted on every war (`foedus.likely.build`): targets, baselines, eras, calibration, coefficients."""

from __future__ import annotations

from typing import Any

from foedus.likely.model_schema import ModelFile
from foedus.likely.scores import MIN_REPLICATES
from foedus.wording import counted

__all__ = ["markdown"]

_MODEL_ORDER = ("shipped", "base-rate", "treaty-only", "monte-carlo", "gated", "multinomial", "boosting", "known-count",
                "known-side")


def _f(x: float | None, digits: int = 3) -> str:
    return "n/a" if x is None else f"{x:+.{digits}f}" if digits == 3 else f"{x:.{digits}f}"


def _ci(s: dict[str, Any], key: str) -> str:
    iv = (s.get("interval95") or {}).get(key)
    return f"{_f(s[key])} [{_f(iv[0])}, {_f(iv[1])}]" if iv else _f(s[key])


def _yes(flag: bool) -> str:
    return "yes" if flag else "**no**"


def _headline(metrics: dict[str, Any]) -> list[str]:
    lines = ["| scheme | horizon | pairs (joined) | Brier skill | log-loss skill | AUC | calibration slope | "
             "intercept (in the large) | beats base rate in every subset |", "|---|---|---|---|---|---|---|---|---|"]
    for scheme, body in metrics["schemes"].items():
        for h, models in body["horizons"].items():
            s = models["shipped"]["all"]
            joined = s["counts"]["attack"] + s["counts"]["defense"]
            met = metrics["targets_met"][f"{scheme}/{h}"]
            lines.append(f"| {scheme} | {h} | {s['pairs']:,} ({joined}) | {_ci(s, 'brier_skill')} | "
                         f"{_ci(s, 'log_skill')} | {_ci(s, 'auc')} | {_ci(s, 'calibration_slope')} | "
                         f"{_f(s['calibration_in_the_large'])} | {_yes(met['beats_base_rate_everywhere'])} |")
    return lines


def _targets(metrics: dict[str, Any]) -> list[str]:
    t = metrics["targets"]
    lines = [f"Targets (issue #14): never worse than the base rate; log-loss skill ≥ {t['log_skill']:.0%}; AUC ≥ "
             f"{t['auc_lowo']} leave one war out and ≥ {t['auc_forward']} forward; calibration slope "
             f"{t['slope'][0]}–{t['slope'][1]}; Brier skill ≥ {t['brier_skill']:+.2f}.", "",
             "| scheme / horizon | beats base rate everywhere | log-loss skill | AUC | slope | Brier skill |",
             "|---|---|---|---|---|---|"]
    for key, met in metrics["targets_met"].items():
        lines.append(f"| {key} | {_yes(met['beats_base_rate_everywhere'])} | {_yes(met['log_skill'])} | "
                     f"{_yes(met['auc'])} | {_yes(met['calibration_slope'])} | {_yes(met['brier_skill'])} |")
    return lines


def _models(metrics: dict[str, Any]) -> list[str]:
    lines = ["| scheme | horizon | model | Brier | log loss | Brier skill | log-loss skill | AUC | slope |",
             "|---|---|---|---|---|---|---|---|---|"]
    for scheme, body in metrics["schemes"].items():
        for h, models in body["horizons"].items():
            for name in (m for m in _MODEL_ORDER if m in models):
                s = models[name]["all"]
                lines.append(f"| {scheme} | {h} | {name} | {s['brier']:.5f} | {s['log_loss']:.5f} | "
                             f"{_f(s['brier_skill'])} | {_f(s['log_skill'])} | {_f(s['auc'])} | "
                             f"{_f(s['calibration_slope'])} |")
    return lines


def _subsets(metrics: dict[str, Any]) -> list[str]:
    lines = ["| horizon | subset | pairs (joined) | Brier skill | log-loss skill | AUC | slope |",
             "|---|---|---|---|---|---|---|"]
    for h, models in metrics["schemes"]["leave-one-war-out"]["horizons"].items():
        for sub, s in models["shipped"].items():
            if sub == "reliability":
                continue
            joined = s["counts"]["attack"] + s["counts"]["defense"]
            lines.append(f"| {h} | {sub} | {s['pairs']:,} ({joined}) | {_ci(s, 'brier_skill')} | "
                         f"{_ci(s, 'log_skill')} | {_ci(s, 'auc')} | {_f(s['calibration_slope'])} |")
    return lines


def _reliability(metrics: dict[str, Any]) -> list[str]:
    lines = ["| horizon | P(join) bin | pairs | mean forecast | share joined | joined |", "|---|---|---|---|---|---|"]
    for h, models in metrics["schemes"]["leave-one-war-out"]["horizons"].items():
        for b in models["shipped"]["reliability"]:
            if b["pairs"]:
                lines.append(f"| {h} | {b['low']}–{b['high']} | {b['pairs']:,} | {b['forecast']:.4f} | "
                             f"{b['observed']:.4f} | {b['joined']} |")
    return lines


def _coefficients(model: ModelFile) -> list[str]:
    lines = []
    for key, title in (("ever", "join model, ever"), ("365", "join model, 365 days"), ("30", "join model, 30 days"),
                       ("side", "side model (attack side, given it joins)")):
        logit = model.side if key == "side" else model.join[key]  # type: ignore[index]
        table = model.table[key]
        glm = {r["name"]: r for r in table["rows"]}
        se = [c ** 0.5 for c in (logit.cov[i][i] for i in range(len(logit.cov)))]
        lines += [f"**{title}** ({table.get('events', '?')} events in {table.get('pairs', '?')} pairs, "
                  f"{table.get('clusters', '?')} wars)", "",
                  "| term | penalised (shipped) | bootstrap SE | unpenalised GLM | war-clustered SE | p |",
                  "|---|---|---|---|---|---|"]
        for i, name in enumerate(["intercept", *logit.names]):
            b = logit.intercept if i == 0 else logit.coef[i - 1]
            g = glm.get(name, {})
            lines.append(f"| {name} | {b:+.3f} | {se[i]:.3f} | {g.get('coef', float('nan')):+.3f} | "
                         f"{g.get('se', float('nan')):.3f} | {g.get('p', float('nan')):.3f} |")
        if not table["estimable"]:
            lines.append(f"\nstatsmodels could not estimate this model cleanly: {table['reason']}")
        lines.append("")
    return lines


def _intervals(replicates: int) -> str:
    """What the report's intervals are: none with fewer than `MIN_REPLICATES` bootstrap replicates (`--bootstrap 0`),
    said so."""
    if replicates >= MIN_REPLICATES:
        return "intervals are 95% war-clustered bootstrap intervals."
    return (f"no intervals: `--bootstrap {replicates}` resamples too few wars to measure any (give {MIN_REPLICATES} "
            "or more), so every score below is a point.")


def markdown(metrics: dict[str, Any], model: ModelFile, command: str) -> str:
    """report.md."""
    t = model.training
    parts = [
        "# How likely, honestly: the joining model validated out of sample", "",
        f"Reproduce with `{command}` (foedus {model.foedus}; model {model.version}).", "",
        f"Training data: {counted(t['wars'], 'COW war', grouped=False)}, {t['first_year']}–{t['last_year']}, "
        f"{t['pairs']:,} (war, state) "
        "pairs of states that chose to join or never fought; standardised features, penalised two-stage logistic "
        "model (docs/likelihood.md). Every score below is out of sample: each fold's model, scaling and base rate "
        "come from its training wars only. Skill is against the training fold's base rate on the same pairs; "
        f"{_intervals(model.bootstrap.get('replicates', 0))}", "",
        "## Headline: the shipped model", "", *_headline(metrics), "", *_targets(metrics), "",
        "## Against the baselines and the challengers", "",
        "`base-rate`: the training fold's outcome shares; `treaty-only`: the same model on the engine's legal answer "
        "alone; `monte-carlo`: today's probabilistic mode on the opening attack (legal reading, default honour "
        "model); challengers (report only): `gated` (the model inside a relevance gate, the training rate "
        "outside), `multinomial` (one penalised multinomial logistic regression on every feature), `boosting` "
        "(gradient boosting). Diagnostics, not forecasts (each reads one fact of the test war's outcome): "
        "`known-count` (the shipped ranking shifted to the war's real number of joiners: what a perfect war-size "
        "model would add) and `known-side` (the shipped P(join), each joiner on the side it really took: what a "
        "perfect side model would add).", "", *_models(metrics), "",
        "## By era, and without the World Wars (leave one war out)", "", *_subsets(metrics), "",
        "## Reliability (leave one war out)", "", "![reliability](reliability.png)", "", *_reliability(metrics), "",
        "![skill](skill.png)", "",
        "## Coefficients (fitted on every war)", "",
        "Standardised features (coefficient per standard deviation). The shipped model is penalised (L2); its "
        "standard errors come from a war-clustered bootstrap. The unpenalised GLM (statsmodels) has standard "
        "errors clustered by war; its join intercepts are pooled, before each war's shift.", "",
        *_coefficients(model),
    ]
    return "\n".join(parts) + "\n"
