// The shareable link: the scenario in the page's query string (the API's own parameter names), plus the
// selected state, so opening the link restores the scenario, runs it and shows the same explanation.
import { scenarioParams, WHATIF_PARAMS, type Scenario } from "./api";
import { today } from "./form";

function list(p: URLSearchParams, key: string): string[] {
  return p.getAll(key).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}

function positive(v: string | null, zeroOk = false): number | null {
  const n = v === null ? NaN : Number(v);
  return Number.isInteger(n) && (n > 0 || (zeroOk && n === 0)) ? n : null;
}

/** The scenario in a query string, or null when it names no attacker and target. */
export function scenarioFromQuery(search: string): { scenario: Scenario; select: string | null; otherDate: string } | null {
  const p = new URLSearchParams(search);
  const attacker = list(p, "attacker");
  const target = list(p, "target");
  if (attacker.length === 0 || target.length === 0) return null;
  return {
    scenario: {
      attacker, target, date: p.get("date") ?? today(), place: p.get("place") ?? "",
      target_kind: p.get("target_kind") ?? "territory", reading: p.get("reading") ?? "legal",
      requested: !["false", "0", "no", "off"].includes((p.get("requested") ?? "true").toLowerCase()),
      basis: p.get("basis") ?? "in-force", territory_view: p.get("territory_view") ?? "recognized",
      unresolved: p.get("unresolved") ?? "met",
      draws: positive(p.get("draws")), seed: positive(p.get("seed"), true),
      whatif: WHATIF_PARAMS.flatMap((param) => p.getAll(param).map((value) => ({ param, value }))),
    },
    select: p.get("select"),
    otherDate: p.get("other_date") ?? "",
  };
}

/** Put the scenario (and selection) into the address bar without reloading. */
export function writeQuery(s: Scenario, select: string | null, otherDate = ""): string {
  const p = scenarioParams(s);
  if (select) p.set("select", select);
  if (otherDate) p.set("other_date", otherDate);
  const url = `${location.pathname}?${p.toString()}`;
  history.replaceState(null, "", url);
  return `${location.origin}${url}`;
}
