// Whether a likelihood answer's model beat the base rate, as the CLI's line under its table judges it, a side
// named by its parties and what the model cannot see: no DOM, so that tests/test_said_parity.py can run them in node beside their Python counterparts.
import type { LikelihoodSummary, ModelCard } from "./api";
import { andListed } from "./wording";

/** A side named by its original parties (the attackers' or the targets'): "South Korea's side", as the CLI's table
 * names the side a state would join (foedus.cli.likely_show.side_owned): "defense" alone read as the joiner's own. */
export function sideOwned(owners: string[]): string {
  return `${andListed(owners)}'s side`;
}

/** The side a state would join if it joins, named by its parties, with the side model's interval in % (the CLI's
 * narrow column leaves it out): "Russia's side 94% (67–99)", or "uncertain: Russia 64% (34–85)" where the interval of
 * P(attack side | joins) spans 50% (foedus.cli.likely_show.side_said; tests/test_said_parity.py). */
export function sideSaid(attackers: string[], targets: string[], share: number, low: number, high: number,
  interval = true): string {
  const attack = share > 0.5;
  const [owners, p, lo, hi] = attack ? [attackers, share, low, high] : [targets, 1 - share, 1 - high, 1 - low];
  const whole = (x: number) => Math.floor(100 * x + 0.5);
  const figures = `${whole(p)}%` + (interval ? ` (${whole(lo)}–${whole(hi)})` : "");
  return low < 0.5 && 0.5 < high ? `uncertain: ${andListed(owners)} ${figures}` : `${sideOwned(owners)} ${figures}`;
}

/** Whether the model beat the base rate in every out-of-sample check, lost one that covers the answer's date (its
 * warnings tell only those), carries no check, or lost only checks of another era
 * (foedus.engine.likely_records.base_rate_standing; tests/test_said_parity.py runs both). */
export function baseRateStanding(lk: Pick<LikelihoodSummary, "beats_base_rate" | "warnings" | "validation">):
  "beats" | "lost-here" | "unchecked" | "lost-elsewhere" {
  if (lk.beats_base_rate) return "beats";
  if (lk.warnings.some((w) => w.includes("did not beat the base rate"))) return "lost-here";
  return lk.validation.length ? "lost-elsewhere" : "unchecked";
}

/** What the joining model cannot see, under the panel, with how the training joiners of the model that answered split
 * between the sides (its `joiners`: a refit from other years says its own), in the CLI's words
 * (foedus.code_words.likelihood_reading; tests/test_said_parity.py runs both). */
export function cannotSee(model: Pick<ModelCard, "joiners">): string {
  const { attack, defense } = model.joiners;
  return "What the model cannot see: forces stationed abroad, bases and tripwire troops, nuclear weapons, leaders' "
    + "words and domestic politics; it reads treaties, borders, capabilities (CINC), major powers and war history, to "
    + "its data's end. It expects about one joiner a war, so each member of a large bloc gets a small number, and none "
    + "of its wars began with an armed attack on NATO's treaty area (docs/likelihood.md, Limits). The side it gives a "
    + "joiner rests on those ties, borders, region and wars toward each side and on how its training joiners split "
    + `between the sides (${defense} of ${attack + defense} joined the defence in its training wars): it does not see `
    + "today's alignment beyond them, and an interval across 50% leaves the side uncertain. These numbers never change "
    + "the legal answer.";
}
