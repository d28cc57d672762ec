// The shareable link: the scenario in the page's query string (the API's own parameter names), plus the
// selected state, so opening the link restores the scenario, runs it and shows the same explanation. A link
// whose values cannot be used is not run as is: each bad value is dropped with a message saying why.
import { scenarioParams, WHATIF_PARAMS, type Scenario } from "./api";
import { SWITCH_CHOICES, SWITCH_DEFAULTS } from "./contract";
import { isDate, OTHER_DATES, outOfRange, today } from "./datecontrol";
import { isHorizon, type Horizon } from "./likelihood";
import { ordinal } from "./wording";

/** How the map is coloured: the legal answer, or the joining model's likelihood within a horizon. */
export interface MapView { map: "legal" | "likelihood"; horizon: Horizon }

/** A list parameter's items (repeated and comma-separated, each trimmed). An empty or blank item (`attacker=RUS,`,
 * `attacker=RUS&attacker=`) is left out with a message naming the parameter and the item, in the words of the command
 * line and the API (foedus.declare.split_values, which refuse it): not run as a shorter list without a word. */
function list(p: URLSearchParams, key: string, problems: string[]): string[] {
  const items: string[] = [];
  let place = 0;
  for (const value of p.getAll(key)) {
    for (const item of value.split(",")) {
      place += 1;
      if (item.trim()) items.push(item.trim());
      else problems.push(`${key}: the ${ordinal(place)} value is ${item === "" ? "empty" : "blank"} `
        + `(${JSON.stringify(value.slice(0, 40))}); left out`);
    }
  }
  return items;
}

function positive(v: string | null): number | null {
  const n = v === null ? NaN : Number(v);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** A seed as typed (the probabilities panel's field, a link's `seed`): its number, or the problem in words; empty is
 * none (the API then chooses one). A JS number is exact only to 2**53 - 1, so the page takes no larger seed: it would
 * run, and show and export, a seed other than the one typed (the command line and the API take larger ones). */
export function seedOf(text: string): { seed: number | null; problem: string | null } {
  const t = text.trim();
  if (t === "") return { seed: null, problem: null };
  if (!/^[0-9]+$/.test(t)) {
    return { seed: null, problem: `seed ${JSON.stringify(t.slice(0, 40))} is not a whole number of 0 or more` };
  }
  if (Number(t) > Number.MAX_SAFE_INTEGER) {
    return { seed: null, problem: `seed ${t.slice(0, 40)} is above ${Number.MAX_SAFE_INTEGER}, the largest seed this page `
      + "keeps exact (use the command line or the API for a larger one)" };
  }
  return { seed: Number(t), problem: null };
}

function seedParam(v: string | null, problems: string[]): number | null {
  const { seed, problem } = seedOf(v ?? "");
  if (problem) problems.push(`${problem}; a seed is chosen`);
  return seed;
}

const YES = ["true", "1", "yes", "on"];
const NO = ["false", "0", "no", "off"];

/** An on/off parameter (the API's own spellings); a value that is neither is dropped with a message. */
function flag(p: URLSearchParams, key: string, fallback: boolean, problems: string[]): boolean {
  const v = p.get(key);
  if (v === null) return fallback;
  if (YES.includes(v.toLowerCase())) return true;
  if (NO.includes(v.toLowerCase())) return false;
  problems.push(`${key} ${JSON.stringify(v.slice(0, 40))} is not true or false; using ${String(fallback)}`);
  return fallback;
}

export interface Shared {
  scenario: Scenario; select: string | null; otherDate: string; view: MapView; problems: string[];
}

/** The map view a link asks for (`map=likelihood`, `horizon=30|365|ever`); a bad value is dropped with a message. */
function viewOf(p: URLSearchParams, problems: string[]): MapView {
  const map = p.get("map") ?? "legal";
  const horizon = p.get("horizon") ?? "ever";
  if (map !== "legal" && map !== "likelihood") problems.push(`map ${JSON.stringify(map.slice(0, 40))} is not legal or likelihood; using legal`);
  if (!isHorizon(horizon)) problems.push(`horizon ${JSON.stringify(horizon.slice(0, 40))} is not 30, 365 or ever; using ever`);
  return { map: map === "likelihood" ? "likelihood" : "legal", horizon: isHorizon(horizon) ? horizon : "ever" };
}

/** The scenario in a query string (null when it names no attacker and target), with what could not be used. */
export function scenarioFromQuery(search: string): Shared | null {
  const p = new URLSearchParams(search);
  if (!p.has("attacker") && !p.has("target")) return null;
  const problems: string[] = [];
  const attacker = list(p, "attacker", problems);
  const target = list(p, "target", problems);
  const choice = (key: keyof typeof SWITCH_CHOICES) => {  // the switch's declared values (web/src/contract.ts)
    const v = p.get(key);
    const choices: readonly string[] = SWITCH_CHOICES[key];
    if (v === null) return SWITCH_DEFAULTS[key];
    if (choices.includes(v)) return v;
    problems.push(`${key} ${JSON.stringify(v.slice(0, 40))} is not one of ${choices.join(", ")}; using ${SWITCH_DEFAULTS[key]}`);
    return SWITCH_DEFAULTS[key];
  };
  const date = (key: string, fallback: string) => {
    const v = p.get(key);
    if (v === null || v === "") return fallback;
    // the form's range, each date named as the form's refusal names it: not asked of the server
    const range = isDate(v) ? outOfRange(v, OTHER_DATES.find(([id]) => id === key.replace("_", "-"))?.[1]) : null;
    if (range) { problems.push(`${range}${fallback ? `; using ${fallback}` : ""}`); return fallback; }
    if (isDate(v)) return v;
    problems.push(`${key} ${JSON.stringify(v.slice(0, 40))} is not a date (YYYY-MM-DD)${fallback ? `; using ${fallback}` : ""}`);
    return fallback;
  };
  return {
    scenario: {
      attacker, target, date: date("date", today()), place: p.get("place") ?? "",
      target_kind: choice("target_kind"), reading: choice("reading"),
      requested: !NO.includes((p.get("requested") ?? "true").toLowerCase()),
      basis: choice("basis"), territory_view: choice("territory_view"), unresolved: choice("unresolved"),
      severity: choice("severity"), non_military: choice("non_military"), decisions: choice("decisions"),
      ongoing_since: date("ongoing_since", ""),
      likelihood: flag(p, "likelihood", false, problems),
      draws: positive(p.get("draws")), seed: seedParam(p.get("seed"), problems),
      whatif: WHATIF_PARAMS.flatMap((param) => p.getAll(param).filter((value) => value.trim())  // `drop_treaty=`
        .map((value) => ({ param, value }))),
    },
    select: p.get("select"),
    otherDate: date("other_date", ""),
    view: viewOf(p, problems),
    problems,
  };
}

/** Put the scenario (and selection) into the address bar without reloading. */
export function writeQuery(s: Scenario, select: string | null, otherDate = "", view?: MapView): string {
  const p = scenarioParams(s);
  if (select) p.set("select", select);
  if (otherDate) p.set("other_date", otherDate);
  if (view?.map === "likelihood") p.set("map", "likelihood");
  if (view?.map === "likelihood" && view.horizon !== "ever") p.set("horizon", view.horizon);
  const url = `${location.pathname}?${p.toString()}`;
  history.replaceState(null, "", url);
  return `${location.origin}${url}`;
}
