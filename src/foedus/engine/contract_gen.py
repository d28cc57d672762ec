"""Write docs/json-contract.md and web/src/contract.ts from the records' contract metadata.

`python -m foedus.engine.contract_gen` (from the repository root) rewrites both files (`--check`: exits 1 naming
a stale one, writing nothing); tests/test_contract.py fails when either differs from what this module generates.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from foedus.engine.contract import Key, keys_of
from foedus.engine.likely_records import Chance, LikelihoodSummary, ModelCard, StateLikelihood, ValidationScore
from foedus.engine.records import (
    Because,
    CertaintyReason,
    Conflict,
    Consultation,
    Doubt,
    Joiner,
    MonteCarloSummary,
    Neutral,
    Obligation,
    Violation,
    Withheld,
)
from foedus.engine.result import CascadeResult
from foedus.engine.rules.consult_limit import UnreachedConsultation
from foedus.engine.rules.support import Support, Unreached
from foedus.inputs import SWITCHES
from foedus.model.vocab import INSTRUMENT_WORDS, STRENGTH_WORDS
from foedus.war.ongoing_changes import (
    BoundSince,
    Lapse,
    MovedSince,
    OngoingChanges,
    ReprovisionedNow,
    ReprovisionedSince,
    RetaggedLapse,
    RetaggedSince,
    SwitchedSince,
)
from foedus.war.why_record import WarBoundSince, WarWhy, WarWhyAlso, WhyFact

__all__ = ["RECORDS", "files", "main", "markdown", "typescript"]

RECORDS: tuple[tuple[str, type, str], ...] = (
    ("CascadeResult", CascadeResult, "The result: one object."),
    ("Joiner", Joiner, "A state drawn in: its primary obligation's keys (the strongest; then defence before "
                       "offence, the best sourced, curated before ATOP, bilateral before multilateral, the oldest), "
                       "plus `also`."),
    ("Obligation", Obligation, "One binding provision."),
    ("Because", Because, "The attack that set an obligation off."),
    ("CertaintyReason", CertaintyReason, "A fact an obligation rests on that is not verified."),
    ("Consultation", Consultation, "A duty to consult, not to fight."),
    ("Conflict", Conflict, "A state bound both ways, which joins neither side."),
    ("Neutral", Neutral, "A duty to stay out of the war against `toward`."),
    ("Violation", Violation, "An attack that a non-aggression or neutrality clause forbids."),
    ("Withheld", Withheld, "An obligation a gate holds back, or another treaty's priority clause sets aside."),
    ("Doubt", Doubt,
     "A party, a treaty or a clause left out by a date known less than exactly: who is bound may differ."),
    ("Support", Support, "A state bound to support a belligerent without being bound to fight."),
    ("Unreached", Unreached, "A form of support not owed in this war: the treaty owes it only for a place no attack "
                             "falls in."),
    ("UnreachedConsultation", UnreachedConsultation, "A consultation not owed in this war: the clause is owed only "
                                                     "for a place no attack on the state attacked falls in."),
    ("MonteCarloSummary", MonteCarloSummary, "With `draws`: these keys join the result's top level."),
    ("LikelihoodSummary", LikelihoodSummary, "With `likelihood`: the `likelihood` object."),
    ("StateLikelihood", StateLikelihood, "One state's chances of joining, beside its legal answer."),
    ("Chance", Chance, "Probabilities within one horizon, with the model's interval."),
    ("ModelCard", ModelCard, "The model that answered."),
    ("ValidationScore", ValidationScore, "One out-of-sample check against the base rate."),
    ("OngoingChanges", OngoingChanges, "Not a cascade's key: a comparison's `ongoing` (`foedus compare --json`, "
                                       "`compare_results`, `/api/compare`'s `changes`), with `ongoing_since`: how the "
                                       "war's course to the date differs between the two results' `ongoing`; null "
                                       "without `ongoing_since`."),
    ("MovedSince", MovedSince, "A state bound to the date in both worlds, from another day in each."),
    ("BoundSince", BoundSince, "A state bound without a break to the date in one world only."),
    ("SwitchedSince", SwitchedSince, "A state bound to the date in both worlds, on another side in each."),
    ("RetaggedSince", RetaggedSince, "A state bound to the date in both worlds alike (side, since and provision) but "
                                     "for its provision's certainty or facts not verified."),
    ("ReprovisionedSince", ReprovisionedSince, "A state bound to the date in both worlds on the same side since the "
                                               "same day, under another provision in each."),
    ("ReprovisionedNow", ReprovisionedNow, "A state bound to the date in both worlds on the same side, bound on the "
                                           "date under another provision in each."),
    ("Lapse", Lapse, "A stretch bound during the war, ended before the date, in one world only."),
    ("RetaggedLapse", RetaggedLapse, "A stretch bound during the war, ended before the date, in both worlds alike but "
                                     "for its provision's certainty or facts not verified."),
    ("WarWhy", WarWhy, "Not a cascade's key: `foedus war WAR --state STATE --json` (`foedus.war.why.why_record`), why "
                       "one state stands where it does on a replayed war's date, and what that rests on."),
    ("WarWhyAlso", WarWhyAlso, "Another obligation that binds a bound state to join on the day (`WarWhy.also`), "
                               "with its certainty and the facts it rests on."),
    ("WarBoundSince", WarBoundSince, "Since when a bound state has been bound to its side without a break "
                                     "(`WarWhy.bound_since`), and the provision it was bound by that day, tagged."),
    ("WhyFact", WhyFact, "A fact a bound state's obligation rests on (the treaty, its article, the membership, "
                         "the treaty's dates), verified or not."),
)

_TS_PRELUDE = """\
// Generated by `python -m foedus.engine.contract_gen` from the result records' contract metadata
// (src/foedus/engine/records.py, result.py, scenario.py). Do not edit: tests/test_contract.py checks it.

export type Side = "attack" | "defense";
export interface SidePower {
  cinc?: number; share?: number; cinc_mean?: number; share_mean?: number; cinc_p5?: number; cinc_p95?: number;
}
export interface Power { source: string; year: number; note?: string; attack: SidePower; defense: SidePower }
export interface WarSize { mean: number; p5: number; p50: number; p95: number; distribution: Record<string, number> }
export interface UnresolvedUse { state: string; treaty: string; article: string; conditions: string[]; read_as: string }
"""

_MD_HEAD = """\
# The JSON contract of `foedus cascade --json` and `CascadeResult.to_dict()`

Generated by `python -m foedus.engine.contract_gen` from the contract metadata of the result's fields
(`src/foedus/engine/records.py`, `result.py`, `scenario.py`); the web front end's TypeScript types
(`web/src/contract.ts`) come from the same metadata, and `tests/test_contract.py` fails when the keys a
result emits, this page and those types disagree. Keys marked *stable* are the ones tests hold fixed;
*optional* keys appear only in some results (the Monte Carlo keys, with `draws`; `likelihood`, with
`likelihood`).
"""

_MD_TAIL = """
On error (`--json`): `{"ok": false, "error": "<one line>", "status": 2}` and exit code 2; the web API
answers with the same envelope and the HTTP status.
"""


def _ts_key(k: Key) -> str:
    return f"{k.name}{'?' if k.optional else ''}: {k.ts};"


def _packed(items: list[str], width: int = 118) -> str:
    """`items` in order, indented, as many to a line as fit in `width` (the file stays short; a long item has a
    line to itself)."""
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + 1 + len(item) <= width:
            lines[-1] += " " + item
        else:
            lines.append("  " + item)
    return "\n".join(lines)


def _switch_choices() -> str:
    """Each scenario switch that takes one of a list (`foedus.inputs.SWITCHES`): its values and its default, for
    the page's form, links and query strings."""
    chosen = [i for i in SWITCHES if i.choices]
    values = "\n".join(f"  {i.name}: {json.dumps(list(i.choices))}," for i in chosen)
    defaults = "\n".join(f"  {i.name}: {json.dumps(i.default)}," for i in chosen)
    return (f"/** The values each scenario switch takes (foedus.inputs.SWITCHES, declared in engine/scenario.py). */\n"
            f"export const SWITCH_CHOICES = {{\n{values}\n}} as const;\n"
            f"/** Each switch's default: a link or query string leaves a switch at its default out. */\n"
            f"export const SWITCH_DEFAULTS: {{ [K in keyof typeof SWITCH_CHOICES]: string }} = {{\n{defaults}\n}};\n")


def typescript() -> str:
    """The TypeScript interfaces of the contract, the words of each strength and of each instrument that is not a
    treaty (`foedus.model.vocab`) and the values of each scenario switch (`foedus.inputs.SWITCHES`)."""
    parts = [_TS_PRELUDE]
    for name, cls, doc in RECORDS:
        body = _packed([_ts_key(k) for k in keys_of(cls)])
        parts.append(f"/** {doc} */\nexport interface {name} {{\n{body}\n}}\n")
    words = "\n".join(f"  {s}: {json.dumps(w)}," for s, w in STRENGTH_WORDS.items())
    parts.append(f"/** Each strength in words (foedus.model.vocab.STRENGTH_WORDS). */\n"
                 f"export const STRENGTH_WORDS: Record<string, string> = {{\n{words}\n}};\n")
    said = "\n".join(f"  {i}: {json.dumps(w)}," for i, w in INSTRUMENT_WORDS.items())
    parts.append(f"/** Each instrument that is not a treaty in words (foedus.model.vocab.INSTRUMENT_WORDS). */\n"
                 f"export const INSTRUMENT_WORDS: Record<string, string> = {{\n{said}\n}};\n")
    parts.append(_switch_choices())
    return "\n".join(parts)


def _md_row(k: Key) -> str:
    marks = " *stable*" if k.stable else ""
    marks += " *optional*" if k.optional else ""
    return f"| `{k.name}`{marks} | `{k.ts.replace('|', '&#124;')}` | {k.doc} |"


def markdown() -> str:
    """docs/json-contract.md."""
    parts = [_MD_HEAD]
    for name, cls, doc in RECORDS:
        rows = "\n".join(_md_row(k) for k in keys_of(cls))
        parts.append(f"## {name}\n\n{doc}\n\n| key | type | meaning |\n|---|---|---|\n{rows}\n")
    return "\n".join(parts) + _MD_TAIL


def files(root: Path = Path()) -> dict[Path, str | None]:
    """docs/json-contract.md and web/src/contract.ts under `root`, with the text each should have."""
    return {root / "docs" / "json-contract.md": markdown(), root / "web" / "src" / "contract.ts": typescript()}


def main(root: Path = Path(), argv: Sequence[str] = ()) -> int:
    """Rewrite docs/json-contract.md and web/src/contract.ts under `root` (`--check`: only say whether either is
    stale; `foedus.outputs.generated`)."""
    from foedus.outputs.generated import run_generator

    return run_generator(argv, "foedus.engine.contract_gen", "Write docs/json-contract.md and web/src/contract.ts "
                         "from the result records' contract metadata.", lambda: files(root))


if __name__ == "__main__":
    sys.exit(main(Path(), sys.argv[1:]))
