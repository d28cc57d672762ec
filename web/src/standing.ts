// Whether a likelihood answer's model beat the base rate, as the CLI's line under its table judges it, and a side
// named by its parties: no DOM, so that tests/test_said_parity.py can run them in node beside their Python counterparts.
import type { LikelihoodSummary } from "./api";
import { andListed } from "./wording";

/** A side named by its original parties (the attackers' or the targets'): "South Korea's side", as the CLI's table
 * names the side a state would join (foedus.cli.likely_show.side_owned): "defense" alone read as the joiner's own. */
export function sideOwned(owners: string[]): string {
  return `${andListed(owners)}'s side`;
}

/** Whether the model beat the base rate in every out-of-sample check, lost one that covers the answer's date (its
 * warnings tell only those), carries no check, or lost only checks of another era
 * (foedus.cli.likely_show.base_rate_standing; tests/test_said_parity.py runs both). */
export function baseRateStanding(lk: Pick<LikelihoodSummary, "beats_base_rate" | "warnings" | "validation">):
  "beats" | "lost-here" | "unchecked" | "lost-elsewhere" {
  if (lk.beats_base_rate) return "beats";
  if (lk.warnings.some((w) => w.includes("did not beat the base rate"))) return "lost-here";
  return lk.validation.length ? "lost-elsewhere" : "unchecked";
}
