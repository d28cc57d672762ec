"""Alliance depth, scope and military institutionalisation: one row per ATOP alliance and curated treaty.

- `milinst`: Leeds & Anac (2005), from ATOP codes (`foedus.research.milinst`).
- `depth`, `scope`: posterior means of two graded-response IRT models (`foedus.research.irt`) of the
  ATOP 5.1 provision items (`foedus.research.depth_items`), with posterior sd and a central interval.
  The item parameters were fitted on ATOP 5.1 (1815–2018) and ship in `foedus/data/depth_params.json`
  (parameters only, no per-alliance data); `fit_params` refits them.
- Curated treaties are scored from their encoded provisions and `assistance` block with the same
  parameters; `depth_all` also counts help under separate agreements or decisions (e.g. NATO's
  integrated command).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foedus.errors import DataFormatError
from foedus.model.yamlio import load_json, read_text_file
from foedus.research import irt
from foedus.research.depth_items import MODELS, ItemSpec, item_matrix, item_values
from foedus.research.depth_meta import check_metadata
from foedus.research.milinst import milinst
from foedus.sources.atop_codes import ALLIANCE_FILE, read_alliance_codes, treaty_codes
from foedus.wording import counted, json_stops

if TYPE_CHECKING:
    import pandas as pd

    from foedus.model.treaty import Treaty
    from foedus.model.world import World

__all__ = ["PARAMS_FILE", "DepthModel", "by_year_note", "depth_table", "fit_params", "treaty_depth"]

PARAMS_FILE = "depth_params.json"
_DATA = {"dataset": "ATOP", "version": "5.1", "file": ALLIANCE_FILE, "window": [1815, 2018]}


MAX_DRAWS = 1000  # as `foedus depth --refit --draws` allows; a file with more is not one foedus wrote
MAX_PARAM = 1e3  # far beyond any fit (the priors are N(0, 2²) and N(0, 5²); the shipped file's largest is 8.4)


def _number(value: Any) -> bool:
    """A JSON number that is finite (not a boolean, a string, NaN or Infinity)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer too large for a float
        return False


def _item_set(source: str, where: str, one: Any, items: Sequence[ItemSpec], anchor: str) -> list[irt.Item]:
    """One parameter set ([a, c1, ...] per item) as `irt.Item`s, refusing a wrong shape, a non-finite number or a
    set no fit makes: thresholds out of order (the category probabilities go negative and are clipped), the anchor
    item's discrimination below zero (the scale reversed: the deepest alliances scored shallowest), a number far
    beyond any fit (`irt.fit` fixes both; a file breaking them was edited or damaged, and scored silently wrong)."""
    if not isinstance(one, list) or len(one) != len(items):
        raise DataFormatError(f"{source}: {where}: expected a list of the parameters of {counted(len(items), 'item')}")
    for j, (p, item) in enumerate(zip(one, items, strict=True)):
        if not isinstance(p, list) or len(p) != item.categories or not all(_number(v) for v in p):
            raise DataFormatError(f"{source}: {where}[{j}]: expected {item.categories} finite numbers "
                                  f"(discrimination and thresholds of item {item.name})")
        if any(abs(v) > MAX_PARAM for v in p):
            raise DataFormatError(f"{source}: {where}[{j}]: a parameter beyond ±{MAX_PARAM:g}, far beyond any fit "
                                  f"(item {item.name}; a damaged file?)")
        if any(b < a for a, b in pairwise(p[1:])):
            raise DataFormatError(f"{source}: {where}[{j}]: thresholds out of order (item {item.name}); a fit gives "
                                  "them in increasing order")
        if item.name == anchor and p[0] < 0:
            raise DataFormatError(f"{source}: {where}[{j}]: the anchor item {item.name} has a negative discrimination, "
                                  "which reverses the scale; a fit makes it positive")
    return [irt.Item(float(p[0]), tuple(float(v) for v in p[1:])) for p in one]


class DepthModel:
    """Fitted item parameters (estimate and bootstrap draws) of each dimension, with the data they came from."""

    def __init__(self, payload: Mapping[str, Any], source: str = "depth parameters") -> None:
        """Check the payload's shape and numbers (a bad file is refused here, naming `source` and the field)."""
        if not isinstance(payload, Mapping):
            raise DataFormatError(f"{source}: expected a JSON object at the top level")
        self.payload = payload
        data, dims = payload.get("data"), payload.get("dimensions")
        if not isinstance(data, Mapping) or not isinstance(data.get("file", ""), str) \
                or not isinstance(data.get("sha256"), str | None):
            raise DataFormatError(f"{source}: data: expected an object naming the fitted file (file, sha256)")
        if not isinstance(dims, Mapping):
            raise DataFormatError(f"{source}: dimensions: expected an object with {' and '.join(MODELS)}")
        check_metadata(payload, source)
        self.data: dict[str, Any] = {"file": "the ATOP file", **data}
        self.draws: dict[str, list[list[irt.Item]]] = {}
        for dim, (items, anchor) in MODELS.items():
            block = dims.get(dim)
            if not isinstance(block, Mapping) or not isinstance(block.get("items"), list):
                raise DataFormatError(f"{source}: dimensions.{dim}: expected an object with items, estimate, draws")
            names = [i.get("name") if isinstance(i, Mapping) else None for i in block["items"]]
            if names != [i.name for i in items]:
                raise DataFormatError(f"{source}: dimensions.{dim}.items: {str(names)[:120]} are not this version's "
                                      f"items {[i.name for i in items]}")
            draws, where = block.get("draws"), f"dimensions.{dim}.draws"
            if not isinstance(draws, list) or len(draws) > MAX_DRAWS:
                raise DataFormatError(f"{source}: {where}: expected a list of at most {MAX_DRAWS} parameter sets")
            self.draws[dim] = [_item_set(source, f"dimensions.{dim}.estimate", block.get("estimate"), items, anchor),
                               *(_item_set(source, f"{where}[{k}]", d, items, anchor) for k, d in enumerate(draws))]

    @classmethod
    def bundled(cls) -> DepthModel:
        """The parameters that ship with foedus."""
        text = resources.files("foedus.data").joinpath(PARAMS_FILE).read_text(encoding="utf-8")
        return cls(json.loads(text))

    @classmethod
    def from_file(cls, path: Path) -> DepthModel:
        """Parameters saved by `foedus depth --refit --save-params`, read with the safe reader (no pipes, a size
        cap) and checked field by field."""
        try:
            payload = load_json(read_text_file(path, "depth-parameter file"))
        except (ValueError, RecursionError) as exc:
            problem = json_stops(exc) if isinstance(exc, ValueError) else str(exc)  # foedus's words, not json's
            raise DataFormatError(f"{path}: not a depth-parameter file ({problem})") from None
        return cls(payload, str(path))

    def score(self, rows: Sequence[Mapping[str, int | None]], level: float = 0.9) -> dict[str, list[irt.Score]]:
        """Each dimension's score of each row of ATOP-style codes."""
        return {dim: irt.score(item_matrix(rows, items), self.draws[dim], level)
                for dim, (items, _) in MODELS.items()}


def _params(items: Sequence[irt.Item]) -> list[list[float]]:
    return [[round(i.a, 4), *(round(c, 4) for c in i.c)] for i in items]


def fit_params(rows: Sequence[Mapping[str, int | None]], draws: int = 50, seed: int = 2024,
               sha256: str | None = None) -> dict[str, Any]:
    """Fit both dimensions on ATOP-style code rows; the JSON-ready payload `DepthModel` reads."""
    dims: dict[str, Any] = {}
    for dim, (items, anchor) in MODELS.items():
        x = item_matrix(rows, items)
        cats = [i.categories for i in items]
        a = [i.name for i in items].index(anchor)
        estimate = irt.fit(x, cats, a)
        boot = irt.bootstrap(x, cats, a, estimate, draws, seed)
        dims[dim] = {"anchor": anchor, "items": [{"name": i.name, "categories": i.categories, "meaning": i.meaning}
                                                for i in items],
                     "estimate": _params(estimate), "draws": [_params(b) for b in boot]}
    return {"model": "graded-response IRT, marginal MAP (EM) with bootstrap draws; foedus.research.irt",
            "data": {**_DATA, "alliances": len(rows), "sha256": sha256}, "seed": seed,
            "refit": f"foedus depth --refit --draws {draws} --seed {seed} --save-params FILE --out TABLE",
            "dimensions": dims}


def _summary(prefix: str, scores: Sequence[irt.Score]) -> dict[str, list[float]]:
    return {prefix: [s.mean for s in scores], f"{prefix}_sd": [s.sd for s in scores],
            f"{prefix}_lo": [s.lo for s in scores], f"{prefix}_hi": [s.hi for s in scores]}


def treaty_depth(treaty: Treaty, model: DepthModel | None = None, level: float = 0.9,
                 year: int | None = None) -> dict[str, Any]:
    """A treaty's milinst, depth, scope (and depth_all) with intervals, and the items behind them.

    `depth_all` and `items_all` are None for an ATOP alliance (`origin` atop), as in `depth_table`: ATOP codes the
    alliance's own documents, so whether separate agreements added help is not known (not "none"). With `year`, only
    the forms of help that held in it count (as `foedus dyads --depth` reads them); without, every form the treaty
    ever held, as ATOP's alliance-level codes and `depth_table`.
    """
    model = model or DepthModel.bundled()
    codes = treaty_codes(treaty, year=year)
    scores = model.score([codes], level)
    out: dict[str, Any] = {"treaty": treaty.id, "milinst": milinst(codes), "level": level}
    for dim in MODELS:
        s = scores[dim][0]
        out[dim] = {"mean": s.mean, "sd": s.sd, "lo": s.lo, "hi": s.hi}
    out["depth_all"] = None
    out["items"] = {i.name: v for dim in MODELS for i, v in zip(MODELS[dim][0], item_values(codes, MODELS[dim][0]),
                                                                   strict=True)}
    out["items_all"] = None
    if treaty.origin != "atop":
        broad = treaty_codes(treaty, separate=True, year=year)
        all_depth = irt.score(item_matrix([broad], MODELS["depth"][0]), model.draws["depth"], level)[0]
        out["depth_all"] = {"mean": all_depth.mean, "sd": all_depth.sd, "lo": all_depth.lo, "hi": all_depth.hi}
        out["items_all"] = dict(zip([i.name for i in MODELS["depth"][0]],
                                    item_values(broad, MODELS["depth"][0]), strict=True))
    return out


def _item_columns(rows: Sequence[Mapping[str, int | None]]) -> dict[str, list[int | None]]:
    out: dict[str, list[int | None]] = {}
    for dim in MODELS:
        items = MODELS[dim][0]
        values = [item_values(codes, items) for codes in rows]
        for j, item in enumerate(items):
            out[f"item_{item.name}"] = [v[j] for v in values]
    return out


def depth_table(world: World, model: DepthModel | None = None, level: float = 0.9,
                atop_path: Path | None = None, year: int | None = None) -> pd.DataFrame:
    """One row per ATOP 5.1 alliance (alliance-level codes) and per curated treaty of `world`, each scored on every
    form of help it ever held (a form's `since`/`until` aside: ATOP's alliance-level file takes each code's highest
    level in any phase; `foedus dyads --depth` reads the forms of each year). With `year`, only the alliances and
    treaties whose `begyr`..`endyr` holds it, a curated treaty scored on the forms that held in it (`treaty_codes`'
    `year`); an ATOP alliance keeps its alliance-level codes, which ATOP does not give by year (`BY_YEAR_NOTE`)."""
    import pandas as pd

    model = model or DepthModel.bundled()
    atop = [r for r in read_alliance_codes(atop_path) if year is None or _spans(r["begyr"], r["endyr"], year)]
    curated = sorted((t for t in world.treaties.curated.values() if year is None or _spans(
        t.signed.year, t.terminated.year if t.terminated else None, year)), key=lambda t: t.id)
    rows = [dict(r) for r in atop] + [treaty_codes(t, year=year) for t in curated]
    broad = [treaty_codes(t, separate=True, year=year) for t in curated]
    meta = {
        "treaty": [f"atop_{r['atopid']}" for r in atop] + [t.id for t in curated],
        "atopid": [r["atopid"] for r in atop] + [t.atop_ids[0] if t.atop_ids else None for t in curated],
        "origin": ["atop"] * len(atop) + ["curated"] * len(curated),
        "name": [""] * len(atop) + [t.short_name or t.name for t in curated],
        "begyr": [r["begyr"] for r in atop] + [t.signed.year for t in curated],
        "endyr": [r["endyr"] or None for r in atop] + [t.terminated.year if t.terminated else None for t in curated],
        "milinst": [milinst(r) for r in rows],
    }
    scores = model.score(rows, level)
    frame: dict[str, Any] = dict(meta)
    for dim in MODELS:
        frame |= _summary(dim, scores[dim])
    all_scores = irt.score(item_matrix(broad, MODELS["depth"][0]), model.draws["depth"], level)
    nan = [float("nan")] * len(atop)
    for key, values in _summary("depth_all", all_scores).items():
        frame[key] = nan + values
    frame |= _item_columns(rows)
    out = pd.DataFrame(frame)
    for column in ["atopid", "begyr", "endyr", "milinst", *[c for c in out if c.startswith("item_")]]:
        out[column] = out[column].astype("Int64")
    out.attrs["interval"] = level
    return out


def by_year_note(year: int) -> str:
    """The note of a depth table read in `year` (`depth_table`'s `year`): what its rows are, and why an ATOP
    alliance's codes are not that year's."""
    return (f"rows of the alliances and treaties in force in {year} (begyr to endyr); a curated treaty scored on the "
            f"forms of help that held in {year}, an ATOP alliance on its alliance-level codes, the highest level of "
            "any phase: ATOP 5.1 gives no codes by year")


def _spans(begyr: int | None, endyr: int | None, year: int) -> bool:
    """Whether an alliance's years, `begyr` through `endyr` (none or 0: not ended), hold `year`."""
    return (begyr is None or begyr <= year) and (not endyr or year <= endyr)


def atop_rows_for_fit(path: Path | None = None) -> tuple[list[dict[str, Any]], str]:
    """ATOP's alliance-level code rows and the file's SHA-256 (for `fit_params`)."""
    from foedus.datasets.files import sha256_path
    from foedus.datasets.verify import dataset_file

    target = path or dataset_file(ALLIANCE_FILE)
    rows = read_alliance_codes(target)
    return rows, sha256_path(target) if target else ""

