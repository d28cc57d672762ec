// A comparison's treaty changes between its two dates, in `foedus compare`'s words (foedus.sweeps.compare_dated
// .dated_line): "treaty change on 2023-04-04: Finland (FIN) becomes a party to nato_1949", its certainty after it when
// not verified; one a comparison back in time undoes says so ("treaty change on 2023-04-04, undone going back to
// 2022-01-01: ..."); and its first line (compareHead). No DOM, so that tests/test_said_parity.py and
// tests/test_said_parity_compare.py can run it in node beside its Python counterpart.
import type { DatedChange } from "./api";
import { SWITCH_DEFAULTS } from "./contract";
import { pastReview, pastReviewPair } from "./reviewday";
import { whatIfOf } from "./whatifwords";

/** What a duty that binds only by a scenario switch (`rests_on_switch`: "non-military bound", its option without the
 * dashes) says after its citation, each as its option says it (foedus.sweeps.compare_words.switch_said):
 * " (only with --non-military bound)"; nothing where none. */
export function switchSaid(switches: string[] | undefined): string {
  return switches?.length ? ` (only with ${switches.map((s) => `--${s}`).join(" and ")})` : "";
}

/** The change as `foedus compare` prints it. */
export function datedLine(c: DatedChange): string {
  const tag = c.certainty === "verified" ? "" : ` (${c.certainty})`;
  const back = c.undone_back_to ? `, undone going back to ${c.undone_back_to}` : "";
  return `treaty change on ${c.date}${back}: ${c.text}${tag}`;
}

/** The line `foedus compare` prints after what moved where no state gains, loses or switches a side and no conflict
 * begins (foedus.sweeps.compare_words.unchanged_said): "no change in who is bound to join", "no other change ..."
 * where a conflict ended; null where a state moved. The view said "No state changes side or treaty." */
export function unchangedSaid(c: { gained: unknown[]; lost: unknown[]; switched: unknown[]; new_conflicts: unknown[];
                                   resolved_conflicts: unknown[] }): string | null {
  if (c.gained.length || c.lost.length || c.switched.length || c.new_conflicts.length) return null;
  return `no ${c.resolved_conflicts.length ? "other " : ""}change in who is bound to join`;
}

/** What a comparison's first line says (`foedus compare`'s JSON keys): its two dates, the changed result's what-if
 * changes (its `what_if`), the switches not at their defaults in words (`switches_said`). */
export interface CompareHeadOf { base_date: string; other_date: string; what_if: string[]; switches_said?: string[] }

/** The comparison's first line as `foedus compare` prints it (foedus.cli.compare_out.compare_head): "base: 2025-06-01;
 * other: 2026-06-01 with drop_treaty nato_1949; escalatory reading; help not requested", the pair of days marked once
 * after the review day, the `reading` said where it is not the default (legal); a what-if of one day says it once,
 * "base: 2025-06-01 as encoded; other: the same day with drop_treaty nato_1949" (it said "2025-06-01" twice). The
 * view said "2025-06-01 as encoded → with drop_treaty nato_1949; help not requested", the escalatory reading unsaid. */
export function compareHead(d: CompareHeadOf, reading: string): string {
  const changed = whatIfOf(d.what_if);
  const said = [...(reading !== SWITCH_DEFAULTS.reading ? [`${reading} reading`] : []), ...(d.switches_said ?? [])];
  const head = d.base_date === d.other_date && changed
    ? `base: ${d.base_date}${pastReview(d.base_date)} as encoded; other: the same day`
    : `base: ${d.base_date}; other: ${d.other_date}${pastReviewPair(d.base_date, d.other_date)}`;
  return `${head}${changed ? ` with ${changed}` : ""}${said.map((w) => `; ${w}`).join("")}`;
}
