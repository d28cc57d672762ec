// Whether a likelihood answer's model beat the base rate, as the CLI's line under its table judges it: no DOM, so
// that tests/test_said_parity.py can run it in node beside its Python counterpart.
import type { LikelihoodSummary } from "./api";

/** Whether the model beat the base rate in every out-of-sample check, lost one that covers the answer's date (its
 * warnings tell only those), carries no check, or lost only checks of another era
 * (foedus.cli.likely_show.base_rate_standing; tests/test_said_parity.py runs both). */
export function baseRateStanding(lk: Pick<LikelihoodSummary, "beats_base_rate" | "warnings" | "validation">):
  "beats" | "lost-here" | "unchecked" | "lost-elsewhere" {
  if (lk.beats_base_rate) return "beats";
  if (lk.warnings.some((w) => w.includes("did not beat the base rate"))) return "lost-here";
  return lk.validation.length ? "lost-elsewhere" : "unchecked";
}
