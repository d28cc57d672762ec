// What a state's "Why?" on a war's date says of a pause in its fighting (a frame's `paused`) and of a binding that
// ended (its `released`), each with the change's date and the pages the war file cites: a copy of
// foedus.war.pause_words (tests/test_war_pause.py runs both on the same records).
import type { CitedPage, WarChange, WarDuty, WarFrame, WarPause, WarReleased } from "./api";
import { byName, changeSaid, namedState } from "./wording";
import { boundDuty } from "./warsides";

/** What a paused state's line says after the change that paused it (foedus.war.pause_words.NOT_LEFT). */
export const NOT_LEFT = "no attack by or on it goes on, but it has not left the war";

/** What the war's timeline says of a paused state on the day an attack by or on it begins again
 * (foedus.war.pause_words.RESUMED). */
export const RESUMED = "fighting again: an attack by or on it goes on";

/** The change that ended an attack or a binding (foedus.war.pause_words.ended_by): "under the ceasefire of DATE
 * (its words; source: ...)", else "after" its words, with the pages cited for its event; "" for none. */
export function endedBy(cause: WarChange | null | undefined, sources: CitedPage[] = []): string {
  if (!cause) return "";
  const cited = sources.map((p) => p.title || p.url).join("; ");
  if (cause.type === "ceasefire") {
    return ` under the ceasefire of ${cause.date} (${changeSaid(cause)}${cited ? `; source: ${cited}` : ""})`;
  }
  return ` after ${changeSaid(cause)}${cited ? ` (source: ${cited})` : ""}`;
}

/** After "Fighting on the attack side on DAY": since when no attack by or on it goes on, and under which change
 * (foedus.war.pause_words.paused_said). */
export function pausedSaid(p: WarPause): string {
  return `, paused since ${p.since}${endedBy(p.cause, p.sources)}: ${NOT_LEFT}`;
}

/** After "Neither fighting nor bound on DAY": its last binding (`cite` as a bound state's line cites it), its side
 * (by its lead states where `sides` names them: warsides.ts sideWords), or the duty it was (boundDuty, its states
 * named by `name`), from when (releasedSince), and the change that released it (foedus.war.pause_words.released_said). */
export function releasedSaid(r: WarReleased, cite: (d: WarDuty) => string, sides?: Record<string, string>,
                             name: (id: string) => string = (id) => id): string {
  return `; ${boundDuty(r, name) ?? `bound to join ${sides?.[r.side] ?? `the ${r.side} side`}`} ${releasedSince(r, cite)}, released on ${r.to}`
    + endedBy(r.cause, r.sources);
}

/** From when a released state was bound, under what; where its last binding continued an earlier one without a break
 * (`since`, `since_under`), that one's day and provision first (foedus.war.pause_words.released_since). */
export function releasedSince(r: WarReleased, cite: (d: WarDuty) => string): string {
  if (!r.since || r.since === r.from) return `from ${r.from} under ${cite(r)}`;
  if (!r.since_under) return `without a break from ${r.since} under ${cite(r)}`;
  return `without a break from ${r.since}, first under ${cite(r.since_under)}, then from ${r.from} under ${cite(r)}`;
}

/** The war's timeline on a frame's date (foedus.war.pause_words.pause_lines, `foedus war`'s timeline): a line for each
 * state whose fighting pauses that day, its side, since when and under which change (its pages left to the sources
 * listed under the timeline) and that it has not left the war; then one for each state paused the date before
 * (`wasPaused`) that fights on in an attack again (RESUMED; one that left is a move); each kind's by the name said
 * (byName on the line's state, as pause_lines sorts them). */
export function pauseLines(frame: Pick<WarFrame, "date" | "sides" | "paused">, wasPaused: Record<string, WarPause>,
                           name: (id: string) => string): string[] {
  const side = (id: string) => frame.sides.attack.includes(id) ? "attack" : frame.sides.defense.includes(id) ? "defense"
    : undefined;
  const paused = frame.paused ?? {};
  const named = (line: string) => line.split(": ")[0]; // the line's state, "Oman (OMN)"
  return [
    ...byName(Object.entries(paused).filter(([, p]) => p.since === frame.date).map(([id, p]) =>
      `${namedState(id, name)}: ${side(id) ?? "?"}, paused since ${p.since}${endedBy(p.cause)}: ${NOT_LEFT}`), named),
    ...byName(Object.keys(wasPaused).filter((id) => side(id) && !(id in paused)).map((id) =>
      `${namedState(id, name)}: ${side(id)}, ${RESUMED}`), named),
  ];
}
