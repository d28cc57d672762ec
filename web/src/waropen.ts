// Which date a replayed war opens at: the shown scenario's (the last of its dates on or before the scenario's date),
// where the war's span holds that date and one of the scenario's states (an attacker, a target or a joiner) fights in
// it then (/api/wars/at's `involved`), else its first; and the status line's words for it. Replay opened every war at
// its first day (2022-02-24, one of 36 dates) beside a result of 2025-01-15, then any war at the scenario's date,
// one the scenario has no part in too (USA attacking Canada on 2025-06-01 opened russia_ukraine_2022 in 2025). No DOM
// (tests/ts_said.py runs it).

/** Where the shown scenario stands toward the war replayed: `here`, one of its states fights in it on the scenario's
 * date; `others`, the names of the other bundled wars one of them fights in then (/api/wars/at's `involved`). */
export interface Involved { here: boolean; others: string[] }

/** Whether the war's span (from its first frame to its `end`, or on, if ongoing) holds `day`. */
function holds(frames: { date: string }[], end: string | null, day: string): boolean {
  return frames.length > 0 && day >= frames[0].date && (end === null || day <= end);
}

/** The index of the frame a replay opens at: the last frame dated on or before `day` (the date of the scenario whose
 * result the map shows) where the war's span holds `day` and one of the scenario's states fights in it then
 * (`involved.here`); else 0, the war's first date (no result shown, a scenario before or after the war, one with no
 * part in it, or one whose part could not be asked: `involved` null). */
export function openingFrame(frames: { date: string }[], end: string | null, day: string | null,
                             involved: Involved | null): number {
  if (!day || !holds(frames, end, day) || !involved?.here) return 0;
  return frames.reduce((at, f, i) => (f.date <= day ? i : at), 0);
}

/** The status line after Replay: how many dates from when, and which one the replay opened at and why ("36 dates from
 * 2022-02-24; opened at 2024-12-04, the last of them on or before the scenario's date, 2025-01-15."). */
export function openedSaid(frames: { date: string }[], start: string, end: string | null, day: string | null,
                           involved: Involved | null): string {
  const at = frames[openingFrame(frames, end, day, involved)]?.date ?? start;
  const head = `${frames.length} dates from ${start}; opened at ${at}`;
  if (!day) return `${head}, its first.`;
  const first = frames[0]?.date ?? start;
  if (!holds(frames, end, day)) return `${head}, its first: the scenario's date, ${day}, is ${day < first ? "before" : "after"} this war.`;
  if (!involved) return `${head}, its first: whether the scenario's states fight in it could not be asked.`;
  if (!involved.here) {
    const none = `${head}, its first: none of the scenario's states (its attackers, targets and joiners) fights in`;
    return involved.others.length ? `${none} this war on ${day}; one fights in ${involved.others.join(" and in ")} then.`
      : `${none} this war or another bundled war on ${day}.`;
  }
  if (at === day) return `${head}, the scenario's date.`;
  return `${head}, the last of them on or before the scenario's date, ${day}.`;
}
