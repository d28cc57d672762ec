// The summary's first line, in the order and words of `foedus cascade`'s header (foedus.render.rich_tree): the date
// (marked after the treaty set's review day), the attackers → the attacked, where it falls, then (target kind,
// reading; each setting that is not the default, foedus.code_words.settings_said), and the counts after it. It read
// "legal reading, 2025-01-15, at Kursk Oblast (territory, armed attack)": the reading first, no states, and the
// severity said where the CLI says it only when it is not an armed attack. No DOM (tests/test_said_parity_head.py).
import { SWITCH_DEFAULTS, type CascadeResult } from "./contract";
import { whereSaid, type PlaceNames } from "./placesaid";
import { pastReview } from "./reviewday";
import { namedState } from "./wording";

const SEVERITY_WORDS: Record<string, string> = { incursion: "an incursion", coercion: "coercion" };

/** A switch other than its default, in a header's words (foedus.code_words.SETTING_WORDS). */
export const SETTING_WORDS = {
  requested: "help not requested", basis: "membership by signature",
  territory_view: "contested places read by every claimant", unresolved: "ATOP's unspecified conditions read as unmet",
  decisions: "council decisions not taken",
  non_military: "states that may limit their aid to non-military means read as bound to fight",
} as const;

type Settings = Pick<CascadeResult, "severity" | "requested" | "basis" | "territory_view" | "unresolved_read_as"
  | "decisions" | "non_military">;

/** The result's settings that are not the defaults, in words, in the CLI's order (foedus.code_words.settings_said):
 * the severity first ("an incursion (not an armed attack)"), then help not requested, and so on. */
export function settingsSaid(r: Settings): string[] {
  const off: [boolean, string][] = [
    [r.severity !== SWITCH_DEFAULTS.severity, `${SEVERITY_WORDS[r.severity] ?? r.severity} (not an armed attack)`],
    [!r.requested, SETTING_WORDS.requested], [r.basis !== SWITCH_DEFAULTS.basis, SETTING_WORDS.basis],
    [r.territory_view !== SWITCH_DEFAULTS.territory_view, SETTING_WORDS.territory_view],
    [r.unresolved_read_as !== SWITCH_DEFAULTS.unresolved, SETTING_WORDS.unresolved],
    [r.decisions !== SWITCH_DEFAULTS.decisions, SETTING_WORDS.decisions],
    [r.non_military !== SWITCH_DEFAULTS.non_military, SETTING_WORDS.non_military]];
  return off.filter(([differs]) => differs).map(([, said]) => said);
}

/** The header as `foedus cascade` prints it: "2025-06-01 Russia (RUS) → Estonia (EST) (territory, legal; an incursion
 * (not an armed attack))", each state named by `names` and each place by `places` (placesaid.ts whereSaid). */
export function headSaid(r: Settings & Pick<CascadeResult, "date" | "attackers" | "targets" | "places" | "place"
  | "target_kind" | "reading">, names: (id: string) => string, places: PlaceNames): string {
  const who = (ids: string[]) => ids.map((id) => namedState(id, names)).join(", ");
  const said = settingsSaid(r);
  return `${r.date}${pastReview(r.date)} ${who(r.attackers)} → ${who(r.targets)}`
    + `${whereSaid(r.targets, r.places.length ? r.places : [r.place], places)} `
    + `(${r.target_kind}, ${r.reading}${said.length ? `; ${said.join(", ")}` : ""})`;
}
