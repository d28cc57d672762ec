// How a result run in a what-if world says it is one, from the result's record of its changes (`what_if`: one string
// a change, "add_member csto_1992:IRN"), in foedus.whatif_words' words: the CSV's `what_if` cell, the compare view's
// header and the PNG caption's note say them from here, never by parsing a note's words (tests/test_said_parity.py).
import type { CertaintyReason } from "./contract";
import { andListed } from "./wording";

// a what-if run's note (foedus.whatif_words.what_if_world), around the changes it names
const WHAT_IF_OPENS = "what-if world: the treaties as encoded, changed by ";
const WHAT_IF_CLOSES = "; a finding that rests on a change is hypothetical, and its certainty rates only the encoded facts beside it";

/** A what-if run's changes (the result's `what_if`) as the CSV's `what_if` cell and the compare view's header say
 * them, listed as the note lists them ("add_member csto_1992:IRN and drop_treaty rus_prk_2024"); null for a run on
 * the treaties as encoded (foedus.whatif_words.what_if_cell, as `foedus compare`'s first line says them). */
export function whatIfOf(changes: string[]): string | null {
  return changes.length ? andListed(changes) : null;
}

/** A what-if run's note, made from its changes (the result's `what_if`) as the server makes it
 * (foedus.whatif_words.what_if_world: "what-if world: ..., changed by ...; a finding that rests on a change is
 * hypothetical, ..."); null for a run on the treaties as encoded. */
export function whatIfWorld(changes: string[]): string | null {
  const listed = whatIfOf(changes);
  return listed === null ? null : `${WHAT_IF_OPENS}${listed}${WHAT_IF_CLOSES}`;
}

// what a `what-if` certainty reason's fact says before the change (foedus.whatif_words.RESTS_ON)
const RESTS_ON = "rests on the what-if change ";

/** Whether a certainty reason is a what-if change's (tagged "hypothetical", no fact's tag). */
export function hypothetical(r: CertaintyReason): boolean {
  return r.certainty === "hypothetical";
}

/** The what-if changes a finding's reasons say it rests on (foedus.whatif_words.rested): the CSV's
 * `rests_on_what_if` cell lists them (whatIfOf). */
export function rested(reasons: CertaintyReason[] = []): string[] {
  return reasons.filter(hypothetical).map((r) => r.fact.slice(RESTS_ON.length));
}

/** A finding's certainty tag (`tag`), then the what-if changes its `reasons` say it rests on, as the CLI's line
 * says them (foedus.whatif_words.finding_tag): " — verified facts; hypothetical: rests on the what-if change ...". */
export function hypotheticalTag(tag: string, reasons: CertaintyReason[]): string {
  const facts = reasons.filter(hypothetical).map((r) => r.fact);
  return facts.length ? `${tag || " — verified facts"}; hypothetical: ${facts.join("; ")}` : tag;
}

/** A rebased state's line's words of the what-if changes its duty rests on (foedus.whatif_words.hypothetical_said):
 * " (hypothetical: rests on the what-if change ...)", nothing where it rests on none. */
export function hypotheticalSaid(changes: string[] = []): string {
  return changes.length ? ` (hypothetical: ${changes.map((c) => RESTS_ON + c).join("; ")})` : "";
}
