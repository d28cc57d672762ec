"""Write the backtest's files: report.md (headline figures and tables), metrics.json, and the tables' frames.

Every file is written to a temporary name and then renamed, so a failed run leaves no half-written
report; whether the folder may be written into at all is the command's decision.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foedus.backtest.errors import BacktestError
from foedus.backtest.summary import NO_YEARS
from foedus.reachable import os_reason
from foedus.wording import counted

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["markdown", "table_frame", "write_text"]

_VARIANT_NAMES = {"legal": "legal", "escalatory": "escalatory", "legal-unmet": "legal, unresolved read as unmet"}
_ERA_NAMES = {"overall": "all wars", "pre1945": "before 1945", "post1945": "from 1945"}
_MISS_NAMES = {
    "joined_without_obligation": "joined with no treaty obligation",
    "bound_to_both_sides": "joined, but bound to both sides (conflict: no side predicted)",
    "obligated_but_stayed_out": "obligated but stayed out",
    "joined_the_other_side": "joined the other side",
    "resting_on_unresolved_atop_conditions": "of the last two: resting only on unresolved ATOP conditions",
}


def write_text(path: Path, text: str) -> None:
    """Write `text` to a new file `path` (in the report's private staging folder: the folder is atomic).

    Raises:
        BacktestError: the file cannot be written.
    """
    try:
        with path.open("x", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise BacktestError(f"cannot write {path}: {os_reason(exc)}") from None


def table_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A backtest table (rows of Python values) as a frame typed by its values, for `foedus.outputs.write_table`: a
    column of whole numbers and None is a nullable integer (not a float: a war's `days_to_entry`), one of True/False
    and None a nullable flag (0/1 in CSV, never True/False, as every table writes it)."""
    import pandas as pd

    frame = pd.DataFrame(rows, dtype=object)
    for col in frame.columns:
        given = [v for v in frame[col] if v is not None]
        whole = len(given) == len(frame)  # nothing missing: a plain column, as the other tables have
        if given and all(isinstance(v, bool) for v in given):
            frame[col] = frame[col].astype("bool" if whole else "boolean")
        elif given and all(isinstance(v, int) and not isinstance(v, bool) for v in given):
            frame[col] = frame[col].astype("int64" if whole else "Int64")
        elif given and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in given):
            frame[col] = frame[col].astype("float64")
        elif whole and all(isinstance(v, str) for v in given):  # with a None left as it is: pandas 2's "str"
            frame[col] = frame[col].astype("str")                  # turns None into the text 'None'
    return frame


def metrics_json(metrics: dict[str, Any]) -> str:
    """metrics.json text."""
    return json.dumps(metrics, indent=2, ensure_ascii=False) + "\n"


def pct(x: float | None, digits: int = 1) -> str:
    """A share as a percentage, or n/a.

    >>> pct(0.072), pct(None)
    ('7.2%', 'n/a')
    """
    return "n/a" if x is None else f"{100 * x:.{digits}f}%"


def _num(x: float | None, digits: int = 3) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def _headline(m: dict[str, Any]) -> list[str]:
    pr, pb, w = m["precision_recall"], m["probabilistic"], m["wars"]
    legal, esc = pr["legal"]["overall"], pr["escalatory"]["overall"]
    bf = next(r for r in m["published"] if r["measure"] == "commitments honoured, overall")
    llm = next(r for r in m["published"] if r["source"].startswith("Leeds"))
    sab = m["sabrosky"]
    allies = sab["allies_of_participants"]["shares"]
    return [
        f"* **Wars scored:** {w['scored']} of {w['in_range']} in range ({w['pre1945']} before 1945, "
        f"{w['post1945']} from 1945); {counted(m['real_joiners']['overall'], 'real joiner', grouped=False)}.",
        f"* **Legal reading:** precision {pct(legal['precision'])}, recall {pct(legal['recall'])}, "
        f"F1 {pct(legal['f1'])} ({counted(legal['tp'], 'joiner', grouped=False)} predicted on the right side, "
        f"{counted(legal['fp'], 'false alarm', grouped=False)}, "
        f"{legal['fn']} missed).",
        f"* **Escalatory reading:** precision {pct(esc['precision'])}, recall {pct(esc['recall'])}, "
        f"F1 {pct(esc['f1'])}.",
        f"* **Probabilistic mode** (legal reading, {counted(m['settings']['draws'], 'draw')}, "
        f"seed {m['settings']['seed']}): "
        f"Brier score {_num(pb['brier'], 4)} over {pb['pairs']:,} (war, state) pairs; the base rate scores "
        f"{_num(pb['reference_brier'], 4)} (skill {_num(pb['brier_skill'], 2)}).",
        f"* **Obligated allies that joined on their side** (legal): {_beside(bf, 'Berkemeier & Fuhrmann', '50%')}; "
        f"{_beside(llm, 'Leeds, Long & Mitchell', '74.5%')}.",
        f"* **Allies of war participants:** Sabrosky's years ({sab['published_period']}; 27%, 61%, 12%) are outside "
        "the run." if sab["period"] == NO_YEARS else
        f"* **Allies of war participants, {sab['period']}:** {pct(allies['alongside'])} fought alongside, "
        f"{pct(allies['stayed_out'])} stayed out, {pct(allies['other_side'])} fought on the other side "
        "(Sabrosky: 27%, 61%, 12%).",
    ]


def _beside(row: dict[str, Any], name: str, published: str) -> str:
    """foedus's legal share beside a published one over the years the run and the figure's period share, or that
    the run reaches none of them: "n/a of 0 over none of the run's years" read as a figure."""
    if row["period"] == NO_YEARS:
        return f"{name}'s years ({row['published_period']}; {published}) are outside the run"
    return f"{pct(row['legal']['honoured'])} of {row['legal']['n']} over {row['period']} ({name}: {published})"


def _pr_table(m: dict[str, Any]) -> list[str]:
    lines = ["| reading | wars | real joiners | predicted | hits | precision | recall | F1 |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for variant, per in m["precision_recall"].items():
        for era, c in per.items():
            lines.append(f"| {_VARIANT_NAMES[variant]} | {_ERA_NAMES[era]} | {c['tp'] + c['fn']} | "
                         f"{c['tp'] + c['fp']} | {c['tp']} | {pct(c['precision'])} | {pct(c['recall'])} | "
                         f"{pct(c['f1'])} |")
    return lines


def _probabilistic(m: dict[str, Any]) -> list[str]:
    pb = m["probabilistic"]
    rows = [("all wars", pb), *((_ERA_NAMES[e], b) for e, b in pb["by_era"].items()),
            ("pairs given a chance (p > 0)", pb["given_a_chance"])]
    lines = ["| pairs | n | joined on the favoured side | Brier | base-rate Brier | skill |",
             "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {name} | {b['pairs']:,} | {b['joined']} | {_num(b['brier'], 4)} | "
              f"{_num(b['reference_brier'], 4)} | {_num(b['brier_skill'], 2)} |" for name, b in rows]
    lines += ["", "Reliability diagram (bins of the forecast P(joins on the favoured side)):", "",
              "| forecast bin | pairs | mean forecast | observed share |", "|---|---:|---:|---:|"]
    lines += [f"| {b['lo']:.1f}–{b['hi']:.1f} | {b['n']:,} | {_num(b['mean_forecast'])} | {_num(b['observed'])} |"
              for b in pb["calibration"]]
    return lines


def _misses(m: dict[str, Any]) -> list[str]:
    variants = list(m["misses"])
    lines = ["| miss | " + " | ".join(_VARIANT_NAMES[v] for v in variants) + " |",
             "|---|" + "---:|" * len(variants)]
    for key, name in _MISS_NAMES.items():
        lines.append(f"| {name} | " + " | ".join(str(m["misses"][v][key]) for v in variants) + " |")
    return lines


def _treaties(m: dict[str, Any], top: int = 12) -> list[str]:
    rows = m["legal_by_treaty"]
    treaties = counted(len(rows), "treaty", "treaties", grouped=False)
    lines = [f"The treaties behind the most predicted joiners (legal reading; {treaties} in all, "
             "every one in metrics.json):", "",
             "| treaty | predicted joiners | joined on that side | stayed out | other side |",
             "|---|---:|---:|---:|---:|"]
    lines += [f"| `{r['treaty']}` {_short(r['name'], 70)} | {r['predicted']} | {r['hits']} | {r['stayed_out']} | "
              f"{r['other_side']} |" for r in rows[:top]]
    return lines


def _published(m: dict[str, Any]) -> list[str]:
    lines = ["| source | measure | period | published | foedus, legal | foedus, escalatory | "
             "foedus, legal (unresolved unmet) |", "|---|---|---|---:|---:|---:|---:|"]
    for r in m["published"]:
        cells = [f"{pct(r[v]['honoured'])} (n={r[v]['n']})" for v in ("legal", "escalatory", "legal-unmet")]
        lines.append(f"| {r['source']} | {r['measure']} | {r['period']} | {pct(r['published'])} | "
                     + " | ".join(cells) + " |")
    sab = m["sabrosky"]
    lines += ["", f"Sabrosky's split, {sab['period']} ({counted(sab['wars'], 'war', grouped=False)}):", "",
              "| what the ally did | Sabrosky 1980 | foedus: allies of participants | foedus: obligated allies "
              "(legal) | foedus: obligated allies (legal, unresolved unmet) |", "|---|---:|---:|---:|---:|"]
    names = {"alongside": "fought alongside", "stayed_out": "stayed out", "other_side": "fought on the other side"}
    for key, name in names.items():
        cells = [pct(sab[k]["shares"][key]) for k in ("allies_of_participants", "obligated_allies_legal",
                                                       "obligated_allies_legal_unmet")]
        lines.append(f"| {name} | {pct(sab['published'][key], 0)} | " + " | ".join(cells) + " |")
    lines.append(f"| n | | {sab['allies_of_participants']['n']} | {sab['obligated_allies_legal']['n']} | "
                 f"{sab['obligated_allies_legal_unmet']['n']} |")
    return lines


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _war_table(rows: list[dict[str, Any]]) -> list[str]:
    lines = ["Sides: `:a` with the attackers, `:d` with the defenders. Full lists in wars.csv.", "",
             "| # | war | start | opening attack | real joiners | legal: predicted | legal tp/fp/fn | "
             "escalatory tp/fp/fn | expected joiners | Brier |", "|---:|---|---|---|---|---|---|---|---:|---:|"]
    for r in rows:
        lines.append(
            f"| {r['war']} | {r['name']} | {r['start']} | {r['attackers']} → {r['targets']} | "
            f"{_short(r['real_joiners']) or '—'} | {_short(r['legal_predicted']) or '—'} | "
            f"{r['legal_tp']}/{r['legal_fp']}/{r['legal_fn']} | "
            f"{r['escalatory_tp']}/{r['escalatory_fp']}/{r['escalatory_fn']} | {r['expected_joiners']:.2f} | "
            f"{_num(r['brier'], 4)} |")
    return lines


def _skipped(m: dict[str, Any]) -> list[str]:
    lines = [f"* war {s['war']} ({s['name']}, {s['start']}): {s['reason']}" for s in m["skipped_wars"]]
    lines += [f"* war {s['war']}: {s['role']} {s['name']} (COW {s['ccode']}): {s['reason']}"
              for s in m["skipped_states"]]
    return lines or ["None."]


def _legend(m: dict[str, Any]) -> list[str]:
    return ["; ".join(f"`{k}` {v}" for k, v in m["state_names"].items()) + "."]


def markdown(m: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    """The whole report.md."""
    run = m["run"]
    parts = [
        "# foedus backtest: treaty obligations against two centuries of wars", "",
        f"Run on {run['date']} with foedus {run['foedus_version']}: `{run['command']}`. Data: COW Inter-State War "
        "Data v4.0 and the COW dyadic war file (who fought whom first); ATOP 5.1 merged with the curated treaty "
        "set; COW state-system dates. Method and assumptions: docs/backtest.md in the foedus repository.", "",
        "## Headline figures", "", *_headline(m), "",
        "## Precision, recall and F1 of joiners on the correct side", "",
        "A hit is a state predicted to join on the side it really fought on (original parties excluded).", "",
        *_pr_table(m), "", "![precision and recall](precision_recall.png)", "",
        "## Probabilistic mode: Brier score and calibration", "",
        "One forecast per (war, state) pair, for every state in the system on the start date other than the "
        "original parties: P(joins on the side the forecast favours). Brier = mean squared error; the base-rate "
        "forecast gives every pair the overall share; skill = 1 − Brier / base-rate Brier.", "",
        *_probabilistic(m), "", "![calibration](calibration.png)", "",
        "## Misses", "", *_misses(m), "", *_treaties(m), "",
        "## Obligated allies that joined, beside the published reliability figures", "",
        "foedus: share of the states a reading binds to join (defence or offence obligations triggered by the "
        "opening attack, or in the legal reading by the attacks of offence partners) that fought on the side "
        "they were bound to, at any time in the war; by the war's start year.", "",
        *_published(m), "",
        "## Per-war table", "", *_war_table(rows), "", "State ids (the engine's: ISO3, or COW<code>):", "",
        *_legend(m), "",
        "## Skipped", "", *_skipped(m), "",
    ]
    return "\n".join(parts)
