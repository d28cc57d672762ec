"""The scenarios of a `foedus batch` file: a CSV file (a header of scenario file keys, one scenario a row) or JSON
lines (one object a line, as a scenario file's keys), each row checked as a scenario file is
(`foedus.scenario_io.checked_scenario`) and named in a problem as `FILE row N` (N: the scenario's number, 1 for the
first, a CSV header and blank lines not counted). A row's what-if changes: a JSON line's `what_if` list, or an overlay
file a row names under `overlay` (`OVERLAY`: a CSV cell holds no list)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from foedus.errors import FileDataError, FoedusError, counted, validation_problem
from foedus.model.scenario_file import KIND, QUESTION, SCHEMA, ScenarioFile

__all__ = ["FORMATS", "OVERLAY", "OVERLAYS_APART", "read_scenarios"]

FORMATS = (".csv", ".jsonl", ".ndjson")
"""The names a batch file may end in: CSV, or JSON lines."""

OVERLAY = "overlay"
"""The batch row's key (a CSV column, or a JSON line's key) naming an overlay file, relative to the batch file as a
scenario file's paths are: its changes are the row's what-if changes, before a JSON line's own `what_if`, as
`foedus cascade --overlay` reads them; a CSV batch's one way to give a row what-if changes. Several files: their
paths separated by `OVERLAYS_APART` (or a JSON line's list), in order, as `--overlay` given once for each."""
OVERLAYS_APART = ";"
"""What separates several overlay files in a row's `overlay` (a comma may be part of a file's name)."""

_KINDS = {i.name: i.type for i in QUESTION}
_TRUE, _FALSE = ("true", "yes", "1"), ("false", "no", "0")
"""A CSV cell's switch, written as text (a cell has no true or false of its own): any other is refused in the words a
JSON line's or a scenario file's wrong value gets, 'must be true or false (got 'maybe')'."""


def read_scenarios(path: Path, where: str, keep_bad: list[tuple[int, str]] | None = None,
                   writes: Sequence[tuple[str, Path]] = (), batch_wide: Mapping[str, Any] | None = None
                   ) -> list[tuple[int, ScenarioFile]]:
    """Every good scenario of the batch file `path` (`where`: as messages name it) with its row's number, each
    checked; a file with none is refused, as is the first bad row, said with how many more rows are bad, unless
    `keep_bad` is given: each bad row's number and message are added to it instead (`foedus batch --skip-bad`).
    `writes`: the files the batch writes (option, path), which a row's overlay file may not be; `batch_wide`: the
    batch's `--draws` and `--likelihood` (by key), a row's that gives none (so a row's own seed or honour model is
    not refused as one without draws).

    Raises:
        FoedusError: a name not .csv/.jsonl/.ndjson, a file that cannot be read, no scenario, or a bad row.
    """
    from foedus.scenario_io import checked_scenario

    if path.suffix.lower() not in FORMATS:
        raise FoedusError(f"{where}: a batch file is CSV (.csv) or JSON lines (.jsonl, .ndjson), not "
                          f"{path.suffix or 'a name without an extension'}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise FoedusError(f"{where}: the batch file is not UTF-8 text") from None
    except OSError as exc:
        raise FoedusError(f"{where}: cannot read the batch file ({exc.strerror or exc})") from None
    raws = _csv_rows(text, where) if path.suffix.lower() == ".csv" else _json_rows(text, where)
    if not raws:
        raise FoedusError(f"{where}: the batch file holds no scenario (one a row: attacker, target, date, ...)")
    out: list[tuple[int, ScenarioFile]] = []
    bad: list[FoedusError] = []
    for n, raw in enumerate(raws, 1):
        row = f"{where} row {n}"
        try:
            if isinstance(raw, FoedusError):  # a cell or a line that could not be read: a bad row as any other
                raise raw
            named = raw.get(OVERLAY) if isinstance(raw, dict) else None
            asked = {k: v for k, v in raw.items() if k != OVERLAY} if isinstance(raw, dict) else raw
            scenario = checked_scenario(_question(asked, batch_wide or {}), row, path.parent)
            out.append((n, scenario if named is None else _overlaid(scenario, named, row, path.parent, writes)))
        except FoedusError as exc:
            bad.append(exc)
            if keep_bad is not None:
                keep_bad.append((n, str(exc)))
    if bad and keep_bad is None:
        more = f" (and {len(bad) - 1} more bad row{'s' if len(bad) > 2 else ''}; nothing was run)" if len(bad) > 1 \
            else " (nothing was run)"
        raise FoedusError(f"{bad[0]}{more}")
    return out


def _question(raw: Any, batch_wide: Mapping[str, Any]) -> Any:
    """A row as a scenario file's data: its kind and schema given where the row leaves them out, and each of
    `batch_wide` (draws, likelihood) where it gives none."""
    if not isinstance(raw, dict):
        return raw  # refused by the scenario model, naming what it is
    own = {k: v for k, v in batch_wide.items() if raw.get(k) is None}
    return {"kind": KIND, "schema": SCHEMA, **raw, **own}


def _overlaid(scenario: ScenarioFile, named: Any, row: str, folder: Path,
              writes: Sequence[tuple[str, Path]]) -> ScenarioFile:
    """`scenario` with the changes of the overlay files `named` (one path; several separated by `;`, or a JSON
    line's list; each relative to `folder`, the batch file's), in their order, before its own, each file once, as
    `foedus cascade --overlay F --overlay G` reads them (`load_overlays`); a file the batch writes refused, as
    `--overlay`'s is (`refuse_input`).

    Raises:
        FoedusError: not a path, the batch's output, a file named twice, or an overlay file that cannot be read or is
            malformed.
    """
    from foedus.model.overlay import load_overlays
    from foedus.outputs.own_inputs import refuse_input

    files = [folder / p for p in _overlay_paths(named, row)]
    for file in files:
        for option, written in writes:
            refuse_input(f"{row}: overlay", file, written, "the table would replace the overlay it reads",
                         out_option=option)
    try:
        changes = load_overlays(files)
    except FoedusError as exc:
        raise FoedusError(f"{row}: {exc}") from None  # the message names the overlay file
    return scenario.model_copy(update={"what_if": (*changes, *scenario.what_if)})


def _overlay_paths(named: Any, row: str) -> list[str]:
    """The overlay files a row's `overlay` names, each stripped: one path, several separated by `OVERLAYS_APART`,
    or a JSON line's list of them; each must be a path, not empty or blank (`a.yaml;;b.yaml`) nor another value (a
    number, a mapping), and a list must name one at least.

    Raises:
        FileDataError: `row`'s `overlay` naming the value that is not a path (the whole text, where one text).
    """
    from foedus.errors import shown

    paths = named.split(OVERLAYS_APART) if isinstance(named, str) else named if isinstance(named, list) else [named]
    not_paths = [p for p in paths if not isinstance(p, str) or not p.strip()]
    if not_paths or not paths:
        wrong = "an empty list" if not paths and isinstance(named, list) else shown(
            named if isinstance(named, str) else not_paths[0])  # `[]` is a list, but none of its items is wrong
        raise FileDataError(row, OVERLAY, f"expected the path of an overlay file (several: separated by "
                            f"{OVERLAYS_APART!r}), not {wrong}")
    return [p.strip() for p in paths]


def _csv_rows(text: str, where: str) -> list[dict[str, Any] | FoedusError]:
    """The CSV file's rows, each cell read as its key's type (a switch: true/false, yes/no or 1/0; a number: plain
    digits); an empty cell is the key not given (its default), a row of empty cells no row. A row with a cell that
    cannot be read (or more cells than the header names) is its error, a bad row that `read_scenarios` refuses or
    skips with the others; a header naming a column twice refuses the file."""
    import csv
    import io

    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return []
    names = [h.strip() for h in header]
    if dup := sorted({n for n in names if names.count(n) > 1}):
        raise FoedusError(f"{where}: the header names {dup[0]!r} twice: give each column once")
    rows: list[dict[str, Any] | FoedusError] = []
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        row = f"{where} row {len(rows) + 1}"
        try:
            if len(cells) > len(names):
                raise FoedusError(f"{row}: {counted(len(cells), 'cell')}, and the header names "
                                  f"{counted(len(names), 'column')}")
            rows.append({k: _cell(k, v.strip(), row) for k, v in zip(names, cells, strict=False) if v.strip()})
        except FoedusError as exc:
            rows.append(exc)
    return rows


def _cell(name: str, value: str, row: str) -> Any:
    """One CSV cell as its key's type; a key no scenario file has, or `what_if`, kept as written for the model to
    refuse, naming it."""
    if name == "what_if":
        raise FileDataError(row, name, f"a CSV cell holds no what-if changes: name an overlay file in an "
                            f"{OVERLAY!r} column (its path relative to the batch file), or give them in a JSON lines "
                            "file (.jsonl), a list under what_if as in a scenario file")
    kind = _KINDS.get(name)
    if kind is bool:
        if value.lower() in _TRUE + _FALSE:
            return value.lower() in _TRUE
        raise FileDataError(row, name, validation_problem({"type": "bool_parsing", "input": value}))
    if kind in (int, int | None):
        from foedus.numerals import plain_whole

        if not plain_whole(value):
            raise FileDataError(row, name, validation_problem({"type": "int_parsing", "input": value}))
        return int(value)
    return value


def _json_rows(text: str, where: str) -> list[Any]:
    """The JSON lines file's objects, one a non-blank line; a line that is not JSON is its error, a bad row as a
    CSV row's bad cell is."""
    rows: list[Any] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            rows.append(FoedusError(f"{where} row {len(rows) + 1}: not JSON ({exc.msg}, column {exc.colno})"))
    return rows
