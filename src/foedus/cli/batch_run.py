"""The body of `foedus batch` (`foedus.cli.batch_cmd`), apart from its typer options: the typer command runs it after
typer parses the line, and `foedus.cli.fast` without typer when the line is one it reads the same way."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["run_batch"]


def run_batch(inputs: dict[str, Any], *, scenarios: Path, out: Path, force: bool, skip_bad: Path | None,
              draws: int | None, seed: int | None, likelihood: bool, likely_model: Path | None,
              given: Collection[str] = ()) -> None:
    """`foedus batch`'s body (`inputs`: none, the fast reader's shape; `given`: the options the line gave, unread);
    `skip_bad`: a table for the bad rows (read or run), each skipped where it would refuse the batch; `draws`,
    `seed`, `likelihood`: each row's that gives none (a row's own come first); `likely_model`: the likelihood
    model file every row asking for the likelihood (or the empirical honour model) reads, read once.

    Raises:
        FoedusError: a bad option or row (unless skipped), a model file that cannot be used, or research data the
            likelihood needs missing (never skipped: no row could have it).
    """
    import pandas as pd

    from foedus.batch.rows import read_scenarios
    from foedus.batch.table import BAD_COLUMNS, batch_columns, batch_rows
    from foedus.cli.progress import steps, working
    from foedus.cli.writing import check_table, save_table
    from foedus.errors import DataMissingError, FoedusError
    from foedus.model.world import World
    from foedus.outputs.own_inputs import refuse_input
    from foedus.run import run_scenario
    from foedus.wording import counted
    from foedus.written import as_written

    del inputs, given
    batch_wide = _batch_wide(draws, seed) | ({"likelihood": True} if likelihood else {})
    where = as_written(scenarios)
    check_table(out, force)
    refuse_input("SCENARIOS", scenarios, out, "the scenarios would be replaced by their answers", out_option="--out")
    bad: list[tuple[int, str]] | None = None
    if skip_bad is not None:
        check_table(skip_bad, force)
        refuse_input("SCENARIOS", scenarios, skip_bad, "the scenarios would be replaced by the bad rows",
                     out_option="--skip-bad")
        if Path(skip_bad).resolve() == Path(out).resolve():
            raise FoedusError(f"--skip-bad {as_written(skip_bad)} is the --out table: give the bad rows another file")
        bad = []
    with working("reading the scenarios"):
        writes = [("--out", Path(out)), *([("--skip-bad", Path(skip_bad))] if skip_bad is not None else [])]
        # an overlay a row names is none of the files written; --draws is a draws-less row's
        questions = read_scenarios(Path(scenarios), where, bad, writes,
                                   {k: v for k, v in batch_wide.items() if k in ("draws", "likelihood")})
        world = World.default()  # the cached world a cascade reads, built once for every scenario
    if "seed" in batch_wide and "draws" not in batch_wide and not any(q.inputs.get("draws") for _, q in questions):
        raise FoedusError("--seed only matters with draws: give --draws as well, or a draws column")
    model = _model(likely_model, questions)
    rows: list[dict[str, Any]] = []
    cited: dict[str, None] = {}
    skipped, ran = ("attacker", "target", "date"), 0
    with steps(counted(len(questions), "scenario"), len(questions)) as done:
        for i, (n, question) in enumerate(questions, 1):
            given_inputs = question.inputs
            options = {k: v for k, v in given_inputs.items() if k not in skipped}
            # --draws is each draws-less row's already (read_scenarios); --seed, each drawn row's without its own
            if options.get("draws") is not None and options.get("seed") is None and "seed" in batch_wide:
                options["seed"] = batch_wide["seed"]
            reads_model = options.get("likelihood") or question.honour == "empirical"
            try:
                result = run_scenario(given_inputs["attacker"], given_inputs["target"], given_inputs["date"], world,
                                      list(question.what_if) or None, question.honour,
                                      model if reads_model else None, options)
            except FoedusError as exc:
                if isinstance(exc, DataMissingError) and options.get("likelihood"):  # the data folder's, not the row's
                    raise FoedusError(f"{where} row {n} asks for the likelihood: {exc} (nothing was written)") from None
                named = str(exc) if str(exc).startswith(f"{where} row {n}: ") else f"{where} row {n}: {exc}"  # once
                if bad is None:
                    raise FoedusError(f"{named} (nothing was written)") from None
                bad.append((n, named))
                done(i)
                continue
            rows += batch_rows(n, result, question.honour)
            ran += 1
            cited |= dict.fromkeys(result.datasets)
            done(i)
    # the mc_ columns where a row asks for draws (--draws, or its own), the lk_ ones where one asks for the
    # likelihood (--likelihood, or its own): each family empty in every other batch
    columns = batch_columns(draws="draws" in batch_wide or any(q.inputs.get("draws") is not None for _, q in questions),
                            likelihood=likelihood or any(q.inputs.get("likelihood") for _, q in questions))
    frame = _frame(rows, list(columns))
    notes = list(dict.fromkeys(note for _, q in questions for note in q.notes))  # a row saved by another foedus
    save_table(frame, out, force=force, datasets=list(cited), title=f"foedus batch of {counted(ran, 'scenario')}",
               notes=notes, codebook=columns)
    if skip_bad is not None and bad is not None:
        skipped_rows = pd.DataFrame(sorted(bad), columns=list(BAD_COLUMNS)).astype({"scenario": "int64"})
        save_table(skipped_rows, skip_bad, force=force, title=f"foedus batch: the bad rows of {where}",
                   codebook=BAD_COLUMNS)


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """The batch's rows as a table of `columns` (a row without a column's key: empty there), each column of whole
    numbers, flags or chances typed as such, empty or not (not a column of objects to scan)."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns)
    types = {"ccode": "Int64", "round": "Int64", "mc_draws": "Int64", "mc_seed": "Int64", "lk_others": "Int64",
             "lk_beats_base_rate": "boolean", "lk_relevant": "boolean"}
    chances = ("lk_join", "lk_attack", "lk_defense", "lk_others_max")
    return frame.astype({c: types.get(c, "float64") for c in columns if c in types or c.startswith(chances)})


def _model(path: Path | None, questions: list[tuple[int, Any]]) -> Any:
    """The likelihood model file `--likely-model` names, read once for every row (None: the shipped one); refused
    where no row reads it (none asks for the likelihood or the empirical honour model), as `foedus cascade` refuses it.

    Raises:
        FoedusError: no row reads it, or a file that cannot be used.
    """
    if path is None:
        return None
    from foedus.cli.helpers import refuse_unused
    from foedus.likely.model import load_model

    reads = any(q.inputs.get("likelihood") or q.honour == "empirical" for _, q in questions)
    refuse_unused("--likely-model", not reads, "where no row asks for the likelihood or honour: empirical (give "
                  "--likelihood, or a likelihood column)")
    return load_model(path)


def _batch_wide(draws: int | None, seed: int | None) -> dict[str, Any]:
    """The draws and seed `--draws` and `--seed` give each row that gives none, checked as `foedus cascade` checks
    them (`check_options`); no key where the option is not given.

    Raises:
        FoedusError: a value out of its bounds.
    """
    from foedus.declare import check_options
    from foedus.inputs import MONTE_CARLO

    given = {k: v for k, v in (("draws", draws), ("seed", seed)) if v is not None}
    return check_options(given, MONTE_CARLO) if given else {}
