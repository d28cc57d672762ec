// What a Monte Carlo answer says of its shares' intervals, as `foedus cascade --draws`'s text says it under its table
// (foedus.mc_words.interval_note; tests/test_mc_said_parity.py): what the brackets hold and what they leave out.
import { counted } from "./wording";

/** The coverage of each share's interval (foedus.engine.mc_records.SHARE_CONFIDENCE): the Wilson score interval's. */
export const SHARE_CONFIDENCE = 0.95;

/** The note under a table of shares with their intervals in brackets, over `draws` draws. */
export function intervalNote(draws: number): string {
  return `In brackets: each share's ${Math.round(100 * SHARE_CONFIDENCE)}% Wilson interval over the `
    + `${counted(draws, "draw")}, the simulation's error only, not the honour rates' uncertainty.`;
}
