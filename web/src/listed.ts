// A treaty as the web's treaty list (the what-if panel's choices) names it, as `foedus treaties list` does
// (foedus.cli.show.print_treaty_list): its name, and an instrument that is not a treaty said so (instrumentSaid).
import type { TreatyRow } from "./api";
import { INSTRUMENT_WORDS } from "./contract";
import { instrumentSaid } from "./said";

/** "US-Qatar security EO (an executive order, not a treaty)"; a treaty's name alone. */
export function treatyListed(t: Pick<TreatyRow, "name" | "instrument">): string {
  return t.name + instrumentSaid(t.instrument, INSTRUMENT_WORDS);
}
