// Which date a replayed war opens at: the shown scenario's (the last of its dates on or before the scenario's date),
// where the war's span holds that date, else its first; and the status line's words for it. Replay opened every war
// at its first day (2022-02-24, one of 36 dates) beside a result of 2025-01-15. No DOM (tests/ts_said.py runs it).

/** The index of the frame a replay opens at: the last frame dated on or before `day` (the date of the scenario whose
 * result the map shows) where the war's span holds `day` (from its first frame to its `end`, or on, if ongoing);
 * else 0, the war's first date (no result shown, or a scenario before or after the war). */
export function openingFrame(frames: { date: string }[], end: string | null, day: string | null): number {
  if (!day || !frames.length || day < frames[0].date || (end !== null && day > end)) return 0;
  return frames.reduce((at, f, i) => (f.date <= day ? i : at), 0);
}

/** The status line after Replay: how many dates from when, and which one the replay opened at and why ("36 dates from
 * 2022-02-24; opened at 2024-12-04, the last of them on or before the scenario's date, 2025-01-15."). */
export function openedSaid(frames: { date: string }[], start: string, end: string | null, day: string | null): string {
  const at = frames[openingFrame(frames, end, day)]?.date ?? start;
  const head = `${frames.length} dates from ${start}; opened at ${at}`;
  if (!day) return `${head}, its first.`;
  if (at === day) return `${head}, the scenario's date.`;
  const first = frames[0]?.date ?? start;
  if (day >= first && (end === null || day <= end)) return `${head}, the last of them on or before the scenario's date, ${day}.`;
  return `${head}, its first: the scenario's date, ${day}, is ${day < first ? "before" : "after"} this war.`;
}
