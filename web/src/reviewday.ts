// What the summary's first line says of a day after the bundled treaty set's review day, as the CLI's headers say it
// (foedus.review_words.past_review; tests/test_said_parity.py): the note that says it comes last, under every finding,
// and a reader of the first line took a later day's answer for a current one.

/** The day to which the bundled treaty set was reviewed as a whole (foedus.review_words.DATA_END). */
export const DATA_END = "2025-12-31";

/** " (after the treaty set's review day, 2025-12-31: see the note)" after a day later than DATA_END, else "". */
export function pastReview(day: string): string {
  return day > DATA_END ? ` (after the treaty set's review day, ${DATA_END}: see the note)` : "";
}
