"""The body of `foedus batch` (`foedus.cli.batch_cmd`), apart from its typer options: the typer command runs it after
typer parses the line, and `foedus.cli.fast` without typer when the line is one it reads the same way."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

__all__ = ["run_batch"]


def run_batch(inputs: dict[str, Any], *, scenarios: Path, out: Path, force: bool,
              given: Collection[str] = ()) -> None:
    """`foedus batch`'s body (`inputs`: none, the fast reader's shape; `given`: the options the line gave, unread)."""
    import pandas as pd

    from foedus.batch.rows import LEGAL_ONLY, read_scenarios
    from foedus.batch.table import BATCH_COLUMNS, batch_rows
    from foedus.cli.progress import steps, working
    from foedus.cli.writing import check_table, save_table
    from foedus.errors import FoedusError
    from foedus.model.world import World
    from foedus.outputs.own_inputs import refuse_input
    from foedus.run import run_scenario
    from foedus.written import as_written

    del inputs, given
    where = as_written(scenarios)
    check_table(out, force)
    refuse_input("SCENARIOS", scenarios, out, "the scenarios would be replaced by their answers", out_option="--out")
    with working("reading the scenarios"):
        questions = read_scenarios(Path(scenarios), where)
        world = World.default()  # the cached world a cascade reads, built once for every scenario
    rows: list[dict[str, Any]] = []
    cited: dict[str, None] = {}
    skipped = ("attacker", "target", "date", *LEGAL_ONLY)
    with steps(f"{len(questions)} scenarios", len(questions)) as done:
        for n, question in enumerate(questions, 1):
            given_inputs = question.inputs
            options = {k: v for k, v in given_inputs.items() if k not in skipped}
            try:
                result = run_scenario(given_inputs["attacker"], given_inputs["target"], given_inputs["date"], world,
                                      list(question.what_if) or None, None, None, options)
            except FoedusError as exc:
                raise FoedusError(f"{where} row {n}: {exc} (nothing was written)") from None
            rows += batch_rows(n, result)
            cited |= dict.fromkeys(result.datasets)
            done(n)
    frame = pd.DataFrame(rows, columns=list(BATCH_COLUMNS))
    for column in ("ccode", "round"):
        frame[column] = frame[column].astype("Int64")
    notes = list(dict.fromkeys(note for q in questions for note in q.notes))  # a row saved by another foedus
    save_table(frame, out, force=force, datasets=list(cited), title=f"foedus batch of {len(questions)} scenarios",
               notes=notes, codebook=BATCH_COLUMNS)
