// How a conflict (a state bound both ways) is said, as the CLI says it (foedus.conflict_words), kept apart from the
// page (no DOM) so that tests/test_said_parity.py can run it in node beside the CLI's "Conflict: " line: its treaties
// and its doubted duties each cite an instrument that is not a treaty as the joiner line does (instrumentSaid).
import type { Conflict } from "./api";
import { INSTRUMENT_WORDS } from "./contract";
import { cited, instrumentSaid } from "./said";
import { andListed, namedState } from "./wording";

type Duty = { treaty: string; article: string | null; certainty: string; instrument?: string };

/** The treaties a conflict's duties are under, sorted (the record's `treaties`), each with what an instrument that is
 * not a treaty is (foedus.conflict_words.conflict_treaties): "eo_def (an executive order, not a treaty), nato_1949". */
export function conflictTreaties(c: Pick<Conflict, "treaties" | "obligations" | "neutral">): string {
  const instruments = new Map([...c.obligations, ...c.neutral].map((d) => [d.treaty, d.instrument]));
  return c.treaties.map((t) => t + instrumentSaid(instruments.get(t), INSTRUMENT_WORDS)).join(", ");
}

/** A state's duties resting on facts not verified (foedus.conflict_words.doubted_duties): each provision once, in the
 * order given, with its instrument where not a treaty, and its certainty, said once after them all where they share
 * one ("rus_arm_1997 art. 2 and csto_1992 art. 4 (unverified facts)"), else after each; "" where there are none. */
export function doubtedDuties(duties: Duty[]): string {
  const said = new Map<string, [string, string]>();
  for (const d of duties) {
    const provision = cited(d.treaty, d.article) + instrumentSaid(d.instrument, INSTRUMENT_WORDS);
    said.set(JSON.stringify([provision, d.certainty]), [provision, d.certainty]);
  }
  const pairs = [...said.values()];
  if (!pairs.length) return "";
  const certainties = new Set(pairs.map(([, certainty]) => certainty));
  return certainties.size === 1
    ? `${andListed(pairs.map(([provision]) => provision))} (${pairs[0][1]} facts)`
    : andListed(pairs.map(([provision, certainty]) => `${provision} (${certainty} facts)`));
}

/** A conflict's clashing duties (obligations, then neutrality duties) that rest on facts not verified, after its
 * line (foedus.conflict_words.conflict_doubt, by foedus.engine.records.Conflict.doubted: a certainty other than
 * verified), worded by doubtedDuties; "" where all are verified. */
export function conflictDoubt(c: Pick<Conflict, "obligations" | "neutral">): string {
  const said = doubtedDuties([...c.obligations, ...c.neutral].filter((d) => d.certainty !== "verified"));
  return said ? `; its duties resting on facts not verified: ${said}` : "";
}

/** A conflict's line, as the CLI gives one for every conflict (foedus.conflict_words.conflict_line): the state, why
 * it is bound both ways and under which treaties (conflictTreaties), that it is counted on neither side, and its
 * clashing duties that rest on facts not verified (conflictDoubt). */
export function conflictLine(c: Pick<Conflict, "state" | "reason" | "treaties" | "obligations" | "neutral">,
  names: (id: string) => string): string {
  return `Conflict: ${namedState(c.state, names)} is ${c.reason} under ${conflictTreaties(c)}; it is counted on `
    + `neither side${conflictDoubt(c)}`;
}
