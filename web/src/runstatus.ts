// The status line under Run after a run: the states bound to join, and the sides' counts as the summary's first line
// gives them (the original parties counted), so that "31 joiner(s)" no longer read against "32 on the defense side".
import type { CascadeResult } from "./api";

/** "31 state(s) bound to join in 1 round(s); counting the original parties, 1 on the attack side and 32 on the
 * defense side." (summary.ts's counts), with the what-if world's number of changes when there are any. */
export function runStatus(r: Pick<CascadeResult, "joiners" | "rounds" | "sides">, whatifs: number): string {
  const world = whatifs ? ` (what-if world: ${whatifs} change(s))` : "";
  return `${r.joiners.length} state(s) bound to join in ${r.rounds} round(s)${world}; counting the original parties, `
    + `${r.sides.attack.length} on the attack side and ${r.sides.defense.length} on the defense side.`;
}
