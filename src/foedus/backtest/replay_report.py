"""The replay's part of the backtest report: the side-by-side tables, outcomes.csv and reliability.csv."""

from __future__ import annotations

from typing import Any

from foedus.backtest.outcomes import OutcomeRow
from foedus.backtest.published import PUBLISHED
from foedus.backtest.reliability_data import PERIODS, ReliabilityRow, Switches
from foedus.backtest.replay_run import ReplayBacktest
from foedus.backtest.report import pct
from foedus.wording import counted

__all__ = ["outcome_table", "reliability_table", "replay_markdown"]

_VARIANTS = {"legal": "legal", "escalatory": "escalatory", "legal-unmet": "legal, unresolved unmet"}
_H = {"30": "30 days", "365": "365 days", "ever": "ever"}
_ERAS = {"overall": "all wars", "pre1945": "before 1945", "post1945": "from 1945"}


def _num(x: float | None, digits: int = 4) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def _cell(c: dict[str, Any]) -> str:
    return f"{c['tp'] + c['fp']} / {c['tp']} / {pct(c['precision'])} / {pct(c['recall'])} / {pct(c['f1'])}"


def _deterministic(m: dict[str, Any], era: str) -> list[str]:
    det, joiners = m["deterministic"][era], m["joiners"][era]
    modes = [x for x in ("opening", "replay") if x in det]
    head = "| reading | horizon | real joiners | " + " | ".join(
        f"{x}: predicted / hits / precision / recall / F1" for x in modes) + " |"
    lines = [head, "|---|---|---:|" + "---:|" * len(modes)]
    for v, name in _VARIANTS.items():
        for k, h in _H.items():
            cells = " | ".join(_cell(det[x][v][k]) for x in modes)
            lines.append(f"| {name} | {h} | {joiners[k]} | {cells} |")
    return lines


def _probabilistic(m: dict[str, Any]) -> list[str]:
    if not m["probabilistic"]:
        return ["(no Monte Carlo: run with --draws)"]
    lines = ["| era | horizon | pairs (out / attack / defence) | mode | Brier | base-rate Brier | Brier skill | "
             "log loss | base-rate log loss | log-loss skill |", "|---|---|---|---|---:|---:|---:|---:|---:|---:|"]
    for era, per in m["probabilistic"].items():
        for k, h in _H.items():
            for mode, scores in per.items():
                s = scores[k]
                c = s["counts"]
                lines.append(f"| {_ERAS[era]} | {h} | {s['pairs']:,} ({c['out']:,} / {c['attack']} / {c['defense']}) | "
                             f"{mode} | {_num(s['brier'])} | {_num(s['base_brier'])} | {_num(s['brier_skill'], 2)} | "
                             f"{_num(s['log_loss'])} | {_num(s['base_log_loss'])} | {_num(s['log_skill'], 2)} |")
    return lines


def _new_targets(m: dict[str, Any]) -> list[str]:
    lines = ["| mode | reading | new targets | bound to their side before being attacked | to the other side | "
             "not bound |", "|---|---|---:|---:|---:|---:|"]
    for mode, per in m["new_targets"].items():
        for v, s in per.items():
            lines.append(f"| {mode} | {_VARIANTS[v]} | {s['new_targets']} | {s['bound_to_their_side']} | "
                         f"{s['bound_to_the_other_side']} | {s['not_bound']} |")
    return lines


def _published(first: int, last: int) -> str:
    found = [f"{pct(p.value)} ({p.source})" for p in PUBLISHED if p.kind is None and (p.first, p.last) == (first, last)]
    return "; ".join(found)


def _reliability(rel: dict[str, Any]) -> list[str]:
    lines = ["| switches | period | published | alliance × war rows met | honoured (all obligated members "
             "fought on the partner's side) | obligated members | of them bound to both sides | fought alongside | "
             "stayed out | other side |", "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, block in rel.items():
        for label, first, last in PERIODS:
            b = block[label]
            src = _published(first, last)
            lines.append(f"| {name} | {label} | {src} | {b['alliance_wars']} | {pct(b['honoured'])} | {b['allies']} | "
                         f"{b['bound_both_sides']} | {pct(b['alongside'])} | {pct(b['stayed_out'])} | "
                         f"{pct(b['other_side'])} |")
    return lines


def replay_markdown(m: dict[str, Any], rel: dict[str, Any] | None) -> str:
    """The report's replay sections."""
    roles = m["roles"]
    parts = [
        "## Replayed wars: the opening attack and the replay, side by side", "",
        f"{counted(m['wars'], 'war', grouped=False)} replayed. Every COW war is rebuilt as a dated sequence of "
        "attacks, entries and exits "
        "(docs/backtest.md, \"Replaying wars\") and the engine re-evaluated on every date anything changes. Roles: "
        f"{roles['original']} original parties (opening attackers and targets, and co-initiators fighting from "
        f"day 0), {roles['new_target']} new targets (entered by being attacked; scored apart), {roles['joiner']} "
        "states that chose to join. Scored: every candidate that is neither an original party nor a new target. "
        "Each cell: predicted / hits / precision / recall / F1; a prediction counts at a horizon when the engine "
        "had bound the state by then (the opening attack: on the start date), before the state entered.", "",
    ]
    for era in ("overall", "pre1945", "post1945"):
        parts += [f"### {_ERAS[era]} ({counted(m['pairs'][era], 'pair')})", "", *_deterministic(m, era), ""]
    parts += ["### Probabilistic mode: three outcomes (stays out / joins the attack / joins the defence)", "",
              "Legal reading with the Monte Carlo; multi-class Brier score (0 best, 2 worst) and log loss "
              "(probabilities clipped at 0.001), each against the base-rate forecast on the same pairs; skill = "
              "1 − score / base-rate score.", "", *_probabilistic(m), "",
              "### New targets", "", *_new_targets(m), ""]
    if rel is not None:
        parts += ["### Alliance reliability from the replay", "",
                  "One row per alliance × war in which a member was fighting while the alliance bound it; *met* "
                  "when a real attack triggered one of its defence or offence clauses (reliability.csv has every "
                  "row, with the switches). Each obligated member counts once per row; one bound to both sides "
                  "counts as fighting alongside when it fought on either.", "", *_reliability(rel), ""]
    parts += [f"Attacks placed: {', '.join(f'{k} {v}' for k, v in sorted(m['placements'].items()))}; "
              f"events dropped as contradicting the war so far: {len(m['dropped_events'])} (metrics.json lists them).",
              ""]
    return "\n".join(parts)


def outcome_table(rb: ReplayBacktest) -> list[dict[str, Any]]:
    """outcomes.csv: the outcome rows, with each reading's first binding and the Monte Carlo forecasts."""
    out = []
    by_war = {w.cow.num: w for w in rb.wars}
    for row in rb.all_rows():
        d = OutcomeRow.to_dict(row)
        w = by_war[row.war]
        for v in ("legal", "escalatory", "legal-unmet"):
            b = w.bound.get(v, {}).get(row.state)
            key = v.replace("-", "_")
            d[f"{key}_bound_date"] = b.date.isoformat() if b else None
            d[f"{key}_bound_side"] = b.side if b else None
            d[f"{key}_treaty"] = b.treaty if b else None
        for h, name in ((30, "30"), (365, "365"), (None, "ever")):
            p = w.probabilities.get(h, {}).get(row.state, (0.0, 0.0)) if w.probabilities else None
            d[f"p_attack_{name}"] = None if p is None else round(p[0], 6)
            d[f"p_defense_{name}"] = None if p is None else round(p[1], 6)
        out.append(d)
    return out


def reliability_table(rows: list[ReliabilityRow], switches: Switches) -> list[dict[str, Any]]:
    """reliability.csv rows under one set of switches."""
    return [r.to_dict(switches) for r in rows]
