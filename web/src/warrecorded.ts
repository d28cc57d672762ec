/** What a war file records of a state its events do not replay (its `state_notes`), said after that state's "Why?"
 * on the war's date with its certainty and sources: the CLI's foedus.war.recorded (tests/test_war_recorded.py). */

/** A war file's note on a state (foedus.war.events.StateRemark.to_dict). */
export interface StateNote {
  state: string; since: string; note: string; certainty: string;
  since_within?: string | null; // "month" or "year": `since` known only to it (its first day)
  sources?: { url: string; title: string | null }[];
}

/** What a state's note is said after (foedus.war.recorded.RECORDED). */
export const RECORDED = "Recorded by the war file, not replayed as an event";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December"];

/** A note's `since` where the file knows only its month or year, in words (recorded._since); none otherwise. */
function sinceSaid(n: StateNote): string[] {
  if (n.since_within === "month") return [`since ${MONTHS[Number(n.since.slice(5, 7)) - 1]} ${n.since.slice(0, 4)}, known only to the month`];
  return n.since_within === "year" ? [`since ${n.since.slice(0, 4)}, known only to the year`] : [];
}

/** The notes on `state` said on `day` (from their `since`), each a sentence after the line (recorded_said). */
export function recordedSaid(notes: StateNote[] | undefined, state: string, day: string): string {
  return (notes ?? []).filter((n) => n.state === state && n.since <= day).map((n) => {
    const said = [...sinceSaid(n), ...(n.sources?.length ? [`source: ${n.sources.map((p) => p.title || p.url).join("; ")}`] : [])];
    return ` ${RECORDED} (${n.certainty}): ${n.note.replace(/\.+$/, "")}${said.length ? ` (${said.join("; ")})` : ""}.`;
  }).join("");
}
