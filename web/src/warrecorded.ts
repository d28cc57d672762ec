/** What a war file records of a state its events do not replay (its `state_notes`), said after that state's "Why?"
 * on the war's date with its certainty and sources: the CLI's foedus.war.recorded (tests/test_war_recorded.py). */

/** A war file's note on a state (foedus.war.events.StateRemark.to_dict). */
export interface StateNote {
  state: string; since: string; note: string; certainty: string;
  sources?: { url: string; title: string | null }[];
}

/** What a state's note is said after (foedus.war.recorded.RECORDED). */
export const RECORDED = "Recorded by the war file, not replayed as an event";

/** The notes on `state` said on `day` (from their `since`), each a sentence after the line (recorded_said). */
export function recordedSaid(notes: StateNote[] | undefined, state: string, day: string): string {
  return (notes ?? []).filter((n) => n.state === state && n.since <= day).map((n) => {
    const cited = (n.sources ?? []).map((p) => p.title || p.url).join("; ");
    return ` ${RECORDED} (${n.certainty}): ${n.note.replace(/\.+$/, "")}${cited ? ` (source: ${cited})` : ""}.`;
  }).join("");
}
