// The treaty ties the network view draws, kept apart from the page (no DOM) so that tests/test_said_parity.py can run
// them in node: each state drawn in is linked to the state its treaty protects (or, for offence clauses, the partner
// it follows), consultations, neutrality and violations with line styles of their own; each tie's label cites its
// provision with its certainty tag (boundTag) and what an instrument that is not a treaty is (instrumentSaid), after
// its strength, as the CLI's joiner line says it.
import type { CascadeResult, Obligation } from "./api";
import { INSTRUMENT_WORDS } from "./contract";
import { atPlace, type PlaceNames } from "./placesaid";
import { COLORS } from "./roles";
import { boundTag, cited, doubtLevels, instrumentSaid, taggedArticle } from "./said";

export interface Tie { from: string; to: string; label: string; color: string; dash: string; width: number; kind: string }

/** A tie's provision: its citation, its strength where it has one, its certainty when not verified with each fact
 * not verified at its level (boundTag, by doubtLevels of its reasons, the article's own note of that doubt dropped:
 * taggedArticle), as a war's binding is tagged, and an instrument that is not a treaty said so ("eo_def EO (S2)
 * (an executive order, not a treaty)"), a violation's too: "csto_1992 art. 4 (S2) (secondary: article)". */
function tieCited(d: { treaty: string; article: string; strength?: string; instrument?: string; certainty?: string;
  certainty_reasons?: { kind: string; certainty: string }[] }): string {
  const sure = d.certainty ?? "verified", levels = doubtLevels(d.certainty_reasons ?? []), doubted = Object.keys(levels);
  return `${cited(d.treaty, taggedArticle(d.article, sure, doubted))}${d.strength ? ` (${d.strength})` : ""}`
    + boundTag(sure, doubted, levels) + instrumentSaid(d.instrument, INSTRUMENT_WORDS);
}

function ally(o: Omit<Obligation, "state">): string {
  return o.kind === "offense" ? o.because.by : o.because.attacked;
}

/** Every tie of a result, a tie from a state to itself left out; the attacks' places named by `places`. */
export function tiesOf(r: CascadeResult, places: PlaceNames = { place: (id) => id }): Tie[] {
  const ties: Tie[] = [];
  for (const a of r.attackers) for (const [i, t] of r.targets.entries()) { // where: by name, none at home (placesaid.ts)
    const label = `attacks${atPlace(r.places[i] ?? r.place, t, places)}`;
    ties.push({ from: a, to: t, label, color: COLORS["attack-0"], dash: "", width: 2.5, kind: "attack" });
  }
  for (const j of r.joiners) {
    const color = COLORS[`${j.side}-1`];
    ties.push({ from: j.state, to: ally(j), label: tieCited(j), color, dash: "", width: 1.8, kind: j.side });
    for (const o of j.also) {
      ties.push({ from: j.state, to: ally(o), label: `also ${tieCited(o)}`, color, dash: "4 3", width: 1, kind: j.side });
    }
  }
  for (const c of r.conflicts) for (const o of c.obligations) {
    ties.push({ from: c.state, to: ally(o), label: `conflict: ${tieCited(o)}`, color: COLORS.conflict, dash: "", width: 1.4, kind: "conflict" });
  }
  for (const n of r.neutral) {
    ties.push({ from: n.state, to: n.toward, label: `neutral: ${tieCited(n)}`, color: COLORS.neutral, dash: "2 3", width: 1.4, kind: "neutral" });
  }
  for (const c of r.consultations) {
    ties.push({ from: c.state, to: c.with, label: `consult: ${tieCited(c)}`, color: COLORS.consult, dash: "6 3", width: 1.4, kind: "consult" });
  }
  for (const v of r.violations) {
    ties.push({ from: v.state, to: v.against, label: `violates ${v.kind}: ${tieCited(v)}`, color: "#444444", dash: "1 3", width: 1.4, kind: "violation" });
  }
  return ties.filter((t) => t.from !== t.to);
}
