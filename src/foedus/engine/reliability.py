"""How likely a triggered obligation is honoured: defaults from published figures, overridable.

Published figures (the defaults are built from these, and only these):
- Leeds, Long & Mitchell (2000), "Reevaluating Alliance Reliability", JCR 44(5): allies honoured
  their specific commitments in 74.5% of cases, 1816–1944.
- Berkemeier & Fuhrmann (2018), "Reassessing the Fulfillment of Alliance Commitments in War",
  Research & Politics 5(2): 50% overall; 66% before 1945; 22% after 1945; 41% for defence pledges.

Default table (era by the scenario date, before/after 1945-01-01):

| strength | before 1945 | from 1945 | derivation |
|---|---|---|---|
| S1 automatic, all means | 0.745 | 0.248 | LLM 2000 rate; after 1945 scaled by BF's post/pre ratio (0.22/0.66) |
| S2 as each deems necessary | 0.66 | 0.22 | BF 2018 era rates |
| S3 constitutional processes | 0.541 | 0.180 | S2 × 0.82, BF 2018 defence-pledge / overall ratio (0.41/0.50) |
| S5 one-way guarantee | 0.541 | 0.180 | as S3 |
| S4 consultation | 0 | 0 | consultation is not a duty to fight |

The rows name each class by the wording it follows ("as each deems necessary" is NATO Art. 5's, "constitutional
processes" ANZUS's); the classes are described in `foedus.model.vocab.STRENGTH_WORDS` (docs/depth.md).

Bilateral and multilateral treaties get the same rate by default (factor 1.0 each): neither source
reports the split. The probability that a victim asks for request-gated help defaults to 1.0 when the
scenario says help is requested (0 when it is not) — change it with `ask_probability`. Every number
can be overridden in a small YAML file (see `HonourModel`): by strength, by era and strength, by treaty,
and the two type factors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from foedus.model.treaty import Treaty

from foedus.model.days import ERA_CUTOFF
from foedus.model.numbers import Number

__all__ = ["ERA_CUTOFF", "HonourModel", "load_honour_model"]

Era = Literal["pre1945", "post1945"]
StrengthKey = Literal["S1", "S2", "S3", "S4", "S5"]

_DEFAULTS: dict[Era, dict[StrengthKey, float]] = {
    "pre1945": {"S1": 0.745, "S2": 0.66, "S3": 0.66 * 0.82, "S4": 0.0, "S5": 0.66 * 0.82},
    "post1945": {"S1": 0.745 * 0.22 / 0.66, "S2": 0.22, "S3": 0.22 * 0.82, "S4": 0.0, "S5": 0.22 * 0.82},
}
# a YAML `yes` or "0.5" is not silently a number, and a NaN would pass through the draws into the output
Prob = Annotated[Number, Field(ge=0, le=1)]
Factor = Annotated[Number, Field(ge=0)]


class HonourModel(BaseModel):
    """Honour probabilities: per era and strength, with optional per-strength, per-treaty overrides."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    era: dict[Era, dict[StrengthKey, Prob]] = Field(default_factory=lambda: {k: dict(v) for k, v in _DEFAULTS.items()})
    strength: dict[StrengthKey, Prob] = Field(default_factory=dict, description="overrides both eras")
    treaty: dict[str, Prob] = Field(default_factory=dict, description="treaty id -> probability (wins over all)")
    bilateral_factor: Factor = Field(1.0, description="scales the strength's probability (the result capped at 1)")
    multilateral_factor: Factor = Field(1.0, description="as bilateral_factor, for multilateral treaties")
    ask_probability: Prob | None = Field(None, description="P(victim asks); default from scenario")

    def probability(self, treaty_id: str, strength: str, bilateral: bool, day: dt.date) -> float:
        """P(honour) for an obligation of this treaty and strength on `day`."""
        if treaty_id in self.treaty:
            return _clip(self.treaty[treaty_id])
        key: StrengthKey = strength  # type: ignore[assignment]
        era: Era = "pre1945" if day < ERA_CUTOFF else "post1945"
        base = self.strength.get(key, self.era.get(era, {}).get(key, _DEFAULTS[era][key]))
        factor = self.bilateral_factor if bilateral else self.multilateral_factor
        return _clip(base * factor)

    def check_treaties(self, known: Container[str], source: str = "honour model", has_history: bool = True,
                       curated: Iterable[Treaty] = ()) -> None:
        """Refuse treaty ids the world does not hold: a probability for a misspelt id would apply to nothing
        (`has_history`: whether the world has the ATOP history, else an ATOP id's error says it is missing); an ATOP
        id one of the `curated` treaties carries is said to be replaced, and by which (`treatymap.replaced_words`).

        Raises:
            UnknownTreatyError: naming every unknown id (and `source`, the file it came from).
        """
        unknown = sorted(t for t in self.treaty if t not in known)
        if unknown:
            from foedus.errors import UnknownTreatyError
            from foedus.model.treatymap import replaced_words, unknown_ids_hint

            curated = list(curated)
            said = [(t, replaced_words(t, curated)) for t in unknown]
            replaced = [words for _, words in said if words is not None]
            rest = [t for t, words in said if words is None]
            others = (f"unknown treaty id(s) {', '.join(rest)}{unknown_ids_hint(rest, has_history)} (try `foedus "
                      "treaties list`)") if rest else ""
            raise UnknownTreatyError(f"{source}: treaty: " + "; ".join([*replaced, *([others] if rest else [])]))

    def describe(self) -> dict[str, object]:
        """The model as plain data, for the JSON output."""
        return self.model_dump()


def _clip(p: float) -> float:
    return min(max(p, 0.0), 1.0)


def load_honour_model(path: str | Path | None) -> HonourModel:
    """The default model, or one read from a YAML file (missing keys keep their defaults); the treaty ids it
    names are checked against a world by `HonourModel.check_treaties`, where the world is known.

    Raises:
        FoedusError: unreadable file or a bad value (a probability outside [0, 1], a factor below 0, anything
            not finite), or an era's rate for a strength that `strength` also sets (it would never be read),
            naming the file and the field.
    """
    if path is None:
        return HonourModel()
    from foedus.errors import FoedusError
    from foedus.model.yamlio import read_yaml_file, validate_file_data

    try:
        raw = read_yaml_file(path, "honour model")  # an empty file is refused as empty, not read as no change
    except FoedusError as exc:  # `EMPIRICAL`, `Empirical`: the keyword meant, read as a file's name
        if str(path).strip().lower() != "empirical":
            raise
        raise FoedusError(f"{exc} (the likelihood model's honour rates are asked for as `empirical`, in lower "
                          "case)") from None
    eras = raw.get("era", {}) if isinstance(raw, dict) else None
    # only a mapping of tables is merged into the defaults: anything else (`era:` with nothing, `era: []`, a table
    # that is none) is left to the model, which refuses it as it does `strength: []` ("era: must be a mapping, got
    # a list"), where an empty or false one was read as no change
    if isinstance(raw, dict) and isinstance(eras, dict) and all(isinstance(t, dict) for t in eras.values()):
        merged = {k: dict(v) for k, v in _DEFAULTS.items()}
        overrides = raw.get("strength")
        overrides = overrides if isinstance(overrides, dict) else {}
        for era, table in eras.items():
            for key in table.keys() & overrides.keys():
                raise FoedusError(f"{path}: era.{era}.{key}: {table[key]} is never read: strength.{key} "
                                  f"({overrides[key]}) overrides it in both eras; give one of them")
            merged.setdefault(era, {}).update(table)
        raw = {**raw, "era": merged}
    return validate_file_data(HonourModel, raw, path, "honour model fields")
