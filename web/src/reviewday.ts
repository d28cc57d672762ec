// What the summary's first line says of a day after the bundled treaty set's review day, as the CLI's headers say it
// (foedus.review_words.past_review; tests/test_said_parity.py): the note that says it comes last, under every finding,
// and a reader of the first line took a later day's answer for a current one.

/** The day to which the bundled treaty set was reviewed as a whole (foedus.review_words.DATA_END). */
export const DATA_END = "2025-12-31";

// what the mark says after a day, or a pair of days, later than DATA_END (foedus.review_words._AFTER)
const AFTER = `after the treaty set's review day, ${DATA_END}: see the note`;

/** " (after the treaty set's review day, 2025-12-31: see the note)" after a day later than DATA_END, else "". */
export function pastReview(day: string): string {
  return day > DATA_END ? ` (${AFTER})` : "";
}

/** The mark of a comparison's two days, once for the pair, as `foedus compare`'s first line puts it after both
 * (foedus.review_words.past_review_pair): " (both after ...)", " (one after ...)", or "" (a what-if comparison of
 * one day is marked after it alone: comparesaid.ts compareHead). */
export function pastReviewPair(base: string, other: string): string {
  const after = Number(base > DATA_END) + Number(other > DATA_END);
  return after ? ` (${after === 2 ? "both" : "one"} ${AFTER})` : "";
}

/** The note a day after DATA_END gives (foedus.engine.outcome.DATA_END_NOTE), which the mark's "see the note" means:
 * a comparison says it once under its lines, as `foedus compare` does (foedus.cli.compare_out.review_note). */
export const DATA_END_NOTE = `the bundled treaty data was reviewed as a whole to ${DATA_END}; later changes are encoded `
  + "only where found (docs/certainty.md lists them), so an answer after that day may miss some";
