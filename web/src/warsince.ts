// How a bound state's "Why?" on a war's date says since when it has been bound to that side without a break (a
// frame's `bound` entry's `since` and `since_under`): a copy of foedus.war.since_words (tests/test_said_parity.py).
import type { WarBinding, WarDuty } from "./api";

/** "; bound to that side without a break since 2024-12-04", and where the treaty or article that binds it changed
 * since, what it was first bound under (`cite`: the line's own citation of a binding): ", first under CSTO (csto_1992)
 * art. 4 (secondary: article)"; "" where it was first bound on `day` or the entry has no `since` (an older server). */
export function sinceSaid(b: Pick<WarBinding, "since" | "since_under">, day: string,
                          cite: (d: WarDuty) => string): string {
  if (!b.since || b.since === day) return "";
  return `; bound to that side without a break since ${b.since}` + (b.since_under ? `, first under ${cite(b.since_under)}` : "");
}
