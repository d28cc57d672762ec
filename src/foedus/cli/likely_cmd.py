"""`foedus likely fit` and `foedus likely report`: refit the joining model, and validate it out of sample.

Imports only typer at module level (the CLI's start-up budget); the model loads on use. Both need the
research data (COW wars, states, capabilities, contiguity; ATOP) and the extra `foedus[model]`
(scikit-learn, statsmodels). Outputs are written whole or not at all (`foedus.outputs`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from foedus.inputs import MAX_SEED
from foedus.outputs import reports
from foedus.wording import out_of_range

__all__ = ["REPORT_FILES", "fit", "likely_app", "report", "report_command"]

likely_app = typer.Typer(help="The joining model: how likely each state is to join a war, validated out of sample.",
                         no_args_is_help=True)
REPORT_FILES = ("report.md", "metrics.json", "model.json", "reliability.png", "reliability.svg", "skill.png",
                "skill.svg")
Force = Annotated[bool, typer.Option("--force", help="Replace an existing output (atomically).")]
Seed = Annotated[int, typer.Option(help="Random seed (bootstrap; the Monte Carlo baseline uses seed + war number, "
                                        "modulo 2**63: foedus.inputs.war_seed).",
                                   min=0, max=MAX_SEED)]  # as `cascade --seed`: numpy refuses a negative seed
Boot = Annotated[int, typer.Option("--bootstrap", help="War-clustered bootstrap replicates.")]


def _check_range(first: int | None, last: int | None, replicates: int) -> None:
    from foedus.backtest.wars import check_years
    from foedus.errors import FoedusError

    check_years(first, last, FoedusError)
    if not 0 <= replicates <= 10_000:
        raise FoedusError(out_of_range("--bootstrap", 0, 10_000, replicates))


def _training(first: int | None, last: int | None, draws: int | None, seed: int) -> Any:
    from foedus.cli.progress import steps
    from foedus.errors import FoedusError
    from foedus.likely.dataset import training_data

    with steps("building features", 95) as done:
        count = [0]

        def step(_num: int, _name: str) -> None:
            count[0] += 1
            done(count[0])

        data = training_data(first=first, last=last, draws=draws, seed=seed, on_war=step)
    if data.frame.empty or data.frame["war"].nunique() < 5:
        raise FoedusError("fewer than 5 COW wars in that range: too few to fit the model (the data cover 1823–2003)")
    if not (data.frame["outcome_ever"] != "out").any():
        raise FoedusError("no state joined a war in that range: nothing to fit")
    return data


def report_command(out: Path, draws: int, replicates: int, seed: int, challengers: bool) -> str:
    """The command that reproduces a report, as report.md and metrics.json record it: its folder quoted for a POSIX
    shell, as `foedus backtest`'s is (`foedus.cli.backtest_cmd.command_line`)."""
    from foedus.written import shell_word  # shlex.quote's, or $'...' for a name that is not UTF-8

    return (f"foedus likely report --out {shell_word(str(out))} --draws {draws} --bootstrap {replicates} "
            f"--seed {seed}" + ("" if challengers else " --no-challengers"))


def _counter(label: str, total: int) -> Any:
    from foedus.cli.progress import steps

    return steps(label, total)


def _seed_unused(ctx: typer.Context, replicates: int) -> None:
    """Refuse a `--seed` given to a fit that draws nothing at random: a fit without a bootstrap (`--bootstrap 0`)
    is the same for any seed (its checks' folds are fixed), and a file that recorded the seed typed would say it
    mattered. Such a fit records no seed (`foedus.likely.build.build_model`).

    Raises:
        FoedusError: `--seed` given with `--bootstrap 0`.
    """
    from foedus.errors import FoedusError

    source = ctx.get_parameter_source("seed")  # typer's own click's ParameterSource: read by its name
    if replicates == 0 and getattr(source, "name", "DEFAULT") != "DEFAULT":
        raise FoedusError("--seed has no effect with --bootstrap 0 (nothing is drawn at random without a bootstrap: "
                          "the fit is the same for any seed); leave it out")


@likely_app.command()
def fit(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option(help="Coefficients file to write (JSON; refuses an existing one unless "
                                           "--force).")],
    first: Annotated[int | None, typer.Option("--from", help="First war start year.")] = None,
    last: Annotated[int | None, typer.Option("--to", help="Last war start year.")] = None,
    replicates: Boot = 200,
    seed: Seed = 1815,
    validate: Annotated[bool, typer.Option(help="Also run the out-of-sample checks the answers quote.")] = True,
    force: Force = False,
) -> None:
    """Refit the model from your data folder and write its coefficients file (use it with --likely-model)."""
    from foedus.likely.attach import no_bootstrap
    from foedus.likely.build import build_model
    from foedus.likely.fit import require_model_extra
    from foedus.outputs import check_target, staged_file
    from foedus.outputs.names import output_format

    require_model_extra()
    _check_range(first, last, replicates)
    _seed_unused(ctx, replicates)
    check_target(out, force=force, name=lambda given: output_format(given, (".json",), "model"))  # m.csv held JSON
    data = _training(first, last, None, seed)
    folds = data.frame["war"].nunique() + 2 if validate else 0  # leave one war out, and two forward splits
    with _counter("fitting", replicates + folds) as done:
        count = [0]

        def step() -> None:
            count[0] += 1
            done(count[0])

        # labelled user-…, so what answers from it quote is never taken for the shipped model
        model = build_model(data.frame, replicates=replicates, seed=seed, validate=validate, progress=step,
                            label="user")
    with staged_file(out, force=force) as tmp:
        tmp.write_text(model.model_dump_json(indent=1) + "\n", encoding="utf-8")
    lost = [c for c in model.validation if not c.beats_base_rate]
    checked = (f"{len(lost)} of {len(model.validation)} checks lose to the base rate" if validate
               else "validation skipped (--no-validate): the file carries no checks")
    typer.echo(f"wrote model {model.version} (trained on {model.window()}) to {out}; {checked}", err=True)
    if (unmeasured := no_bootstrap(replicates)) is not None:  # --bootstrap 0 is a fit, said to measure nothing
        typer.echo(f"note: {unmeasured}", err=True)


_replaceable = reports.foreign_entries(REPORT_FILES, "the report")
"""Why a folder may not be replaced by a new report (`foedus.outputs.reports`)."""


@likely_app.command()
def report(
    out: Annotated[Path, typer.Option(help="Folder for report.md, metrics.json, model.json and the figures.")],
    draws: Annotated[int, typer.Option(help="Monte Carlo draws per war for today's probabilistic baseline.")] = 2000,
    replicates: Boot = 500,
    seed: Seed = 1815,
    challengers: Annotated[bool, typer.Option(help="Also the gated, multinomial and boosting challengers.")] = True,
    force: Force = False,
) -> None:
    """Validate the model out of sample (leave one war out, forward splits) against the baselines."""
    from foedus.errors import FoedusError
    from foedus.likely.build import build_model, checks_of
    from foedus.likely.evaluate import evaluate
    from foedus.likely.figures import reliability_figure, skill_figure
    from foedus.likely.fit import require_model_extra
    from foedus.likely.report import markdown
    from foedus.outputs import check_folder_target, staged_folder

    require_model_extra()
    _check_range(None, None, replicates)
    if not 1 <= draws <= 1_000_000:
        raise FoedusError(out_of_range("--draws", 1, 1_000_000, draws))
    check_folder_target(out, force=force, replaceable=_replaceable)  # before the work: the rule the write asks again
    command = report_command(out, draws, replicates, seed, challengers)
    data = _training(None, None, draws, seed)
    wars = data.frame["war"].nunique()
    with _counter("validating", wars + 2 + min(replicates, 200)) as done:
        count = [0]

        def step() -> None:
            count[0] += 1
            done(count[0])

        metrics = evaluate(data.frame, challengers=challengers, replicates=replicates, seed=seed, on_fold=step)
        model = build_model(data.frame, replicates=min(replicates, 200), seed=seed, progress=step,
                            validation=checks_of(metrics))
    metrics |= {"command": command, "model": model.version, "skipped_wars": data.skipped,
                "data": [d.model_dump() for d in model.data]}
    with staged_folder(out, force=force, replaceable=_replaceable) as tmp:
        (tmp / "metrics.json").write_text(json.dumps(metrics, indent=1, default=float) + "\n", encoding="utf-8")
        (tmp / "model.json").write_text(model.model_dump_json(indent=1) + "\n", encoding="utf-8")
        reliability_figure(metrics, tmp)
        skill_figure(metrics, tmp)
        (tmp / "report.md").write_text(markdown(metrics, model, command), encoding="utf-8")
    head = metrics["schemes"]["leave-one-war-out"]["horizons"]["ever"]["shipped"]["all"]
    typer.echo(f"leave one war out, ever: Brier skill {head['brier_skill']:+.3f}, log-loss skill "
               f"{head['log_skill']:+.3f}, AUC {head['auc']:.3f}; wrote {', '.join(REPORT_FILES)} to {out}", err=True)
