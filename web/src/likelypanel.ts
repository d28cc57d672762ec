// The joining model in the "Why?" panel, beside the legal answer: the state's probabilities per horizon with
// their interval, then the model that answered (version, training window, its out-of-sample checks as the
// answer carries them) and the answer's warnings, the "outside training" one flagged. No number here is made
// up: every figure is read from the result's `likelihood` object.
import type { CascadeResult, Chance, LikelihoodSummary, StateLikelihood } from "./api";
import { h } from "./dom";
import { HORIZON_LABELS, isHorizon, outsideTraining, pct } from "./likelihood";
import { baseRateStanding, cannotSee, sideOwned, sideSaid } from "./standing";

const SCHEMES: Record<string, string> = {
  "leave-one-war-out": "leave one war out", "forward-1945": "forward from 1945", "forward-1989": "forward from 1989",
};
const num = (x: number | null, digits = 3, sign = true) =>
  (x === null ? "—" : `${sign && x >= 0 ? "+" : ""}${x.toFixed(digits)}`);

function legalText(legal: string | null): string {
  if (legal === "both") return "bound to both sides (a conflict), so it joins neither";
  return legal ? `bound to join the ${legal} side in this reading` : "not bound to fight in this reading";
}

function cell(p: number, low: number, high: number): HTMLElement {
  return h("td", {}, h("span", { class: "p" }, pct(p)), h("span", { class: "iv" }, `${pct(low).replace(/%$/, "")}–${pct(high)}`));
}

// each side named by its parties, named as in the panel (sideOwned: "South Korea's side (defence)")
function chancesTable(row: StateLikelihood, interval: number, r: CascadeResult, name: (id: string) => string): HTMLElement {
  const label = (c: Chance) => (isHorizon(c.horizon) ? HORIZON_LABELS[c.horizon] : c.horizon);
  const side = (ids: string[], which: string) => `${sideOwned(ids.map(name))} (${which})`;
  return h("table", { class: "chances", "aria-label": `chances of joining, with the ${Math.round(100 * interval)}% interval` },
    h("thead", {}, h("tr", {}, h("th", {}, "joins"), h("th", {}, "either side"), h("th", {}, side(r.attackers, "attack")),
      h("th", {}, side(r.targets, "defence")))),
    h("tbody", {}, ...row.chances.map((c) => h("tr", { "data-horizon": c.horizon }, h("th", {}, label(c)),
      cell(c.join, c.join_low, c.join_high), cell(c.attack, c.attack_low, c.attack_high),
      cell(c.defense, c.defense_low, c.defense_high)))));
}

/** How the model fared against the base rate out of sample, as `foedus cascade --likelihood` says it
 * (foedus.cli.likely_show, by the rule both share: standing.ts baseRateStanding): the warnings list a lost check only where
 * it covers the answer's date, so a model that lost only checks of another era is said to have beaten the base rate in
 * every one that covers this date. */
function baseRateSaid(lk: LikelihoodSummary): string {
  const standing = baseRateStanding(lk);
  if (standing === "beats") return "Out of sample it beat the base rate in every check it reports (point estimates):";
  if (standing === "unchecked") return "It was not checked against the base rate out of sample: see the warnings.";
  return "Out of sample it did not beat the base rate in every check"
    + (standing === "lost-here" ? ": see the warnings. Its checks over all wars:"
      : ", but did in every one that covers this date. Its checks over all wars:");
}

/** Which of the model card's targets (issue #14, docs/likelihood.md) each listed check misses, as the JSON's
 * `misses` names them (judged in Python by foedus.likely.targets, the rule the CLI's scores line reads): a table of
 * skills above 0 read as a model that met its targets. */
export function targetsSaid(lk: LikelihoodSummary): string {
  const short = lk.validation.filter((v) => v.misses.length > 0);
  if (short.length === 0) return "It meets the model card's targets in every check listed (docs/likelihood.md).";
  return "Short of the model card's targets (docs/likelihood.md): " + short.map((v) =>
    `${SCHEMES[v.scheme] ?? v.scheme}, ${isHorizon(v.horizon) ? HORIZON_LABELS[v.horizon] : v.horizon}: `
    + v.misses.join(", ")).join("; ") + ".";
}

function modelBlock(lk: LikelihoodSummary): HTMLElement {
  const m = lk.model;
  const ever = lk.base_rate.ever;
  const checks = h("table", { class: "checks", "aria-label": "out-of-sample checks against the base rate" },
    h("thead", {}, h("tr", {}, h("th", {}, "check (pairs)"), h("th", {}, "Brier skill"), h("th", {}, "log-loss skill"),
      h("th", {}, "AUC"), h("th", {}, "slope"))),
    h("tbody", {}, ...lk.validation.map((v) => h("tr", { "data-scheme": v.scheme, "data-horizon": v.horizon },
      h("th", {}, `${SCHEMES[v.scheme] ?? v.scheme}, ${isHorizon(v.horizon) ? HORIZON_LABELS[v.horizon] : v.horizon}`
        + ` (${v.pairs.toLocaleString("en")})`),
      h("td", { class: v.brier_skill !== null && v.brier_skill < 0 ? "warn" : "" }, num(v.brier_skill)),
      h("td", { class: v.log_skill !== null && v.log_skill < 0 ? "warn" : "" }, num(v.log_skill)),
      h("td", {}, num(v.auc, 3, false)), h("td", {}, num(v.calibration_slope, 2, false))))));
  return h("div", { class: "model" },
    h("h4", {}, "The model"),
    h("dl", {},
      h("dt", {}, "version"), h("dd", { class: "version" }, m.version),
      h("dt", {}, "trained on"), h("dd", {}, `${m.window}; ${m.pairs.toLocaleString("en")} (war, state) pairs`),
      h("dt", {}, "interval"), h("dd", {}, `${Math.round(100 * m.interval)}%`),
      ever ? h("dt", {}, "base rate") : null,
      ever ? h("dd", {}, `joins at any time: attack side ${pct(ever.attack)}, defence side ${pct(ever.defense)}`)
        : null),
    h("p", { class: "small", "data-beats": String(lk.beats_base_rate) }, baseRateSaid(lk)),
    h("div", { class: "ties-scroll" }, checks),
    h("p", { class: "targets" }, targetsSaid(lk)),
    h("p", { class: "small muted" }, cannotSee(lk.model)));
}

/** The side it would join if it joins, uncertain where the side model's interval spans 50% (standing.ts sideSaid, the
 * CLI's "side if it joins"); nothing from a server that sends no side share. */
function sideLine(row: StateLikelihood, r: CascadeResult, name: (id: string) => string): HTMLElement[] {
  const [share, low, high] = [row.attack_share, row.attack_share_low, row.attack_share_high];
  if (share == null || low == null || high == null) return [];
  return [h("p", { class: "side" }, `If it joins: ${sideSaid(r.attackers.map(name), r.targets.map(name), share, low, high)}.`)];
}

/** The block for `id`, or null when the result carries no likelihood. */
export function likelihoodBlock(id: string, r: CascadeResult, name: (id: string) => string): HTMLElement | null {
  const lk = r.likelihood;
  if (!lk) return null;
  const row = lk.states.find((s) => s.state === id);
  const section = h("section", { class: "likelihood", "data-rated": String(row !== undefined) },
    h("h3", {}, "How likely to join (a statistical model)"));
  if (r.attackers.includes(id) || r.targets.includes(id)) {
    section.append(h("p", { class: "muted" }, "An original party: the model rates the states that might join."));
  } else if (row) {
    section.append(h("p", {}, `Legal answer: ${legalText(row.legal)}. The joining model, from the wars that happened:`),
      chancesTable(row, lk.model.interval, r, name),
      ...sideLine(row, r, name),
      h("p", { class: "small muted" }, `Each cell: the probability, then its ${Math.round(100 * lk.model.interval)}% `
        + "interval. Horizons count from the war's first day."));
  } else {
    section.append(h("p", { class: "muted" }, "Not rated: outside the model's relevant set (it is not within two "
      + "contiguity steps of a belligerent, allied to one, bound in any reading, or a major power), or not a state on "
      + "this date. "
      + `The highest P(joins at any time) among the ${lk.others.count} candidates left out is `
      + `${pct(lk.others.max_join.ever ?? 0)}.`));
  }
  const outside = outsideTraining(lk, r.date);
  const warnings = lk.warnings.filter((w) => w !== outside);
  section.append(...[
    outside ? h("p", { class: "warn flag", "data-flag": "outside-training" }, `Outside training: ${outside}.`) : null,
    warnings.length ? h("ul", { class: "warnings", "aria-label": "warnings" },
      ...warnings.map((w) => h("li", { class: "warn" }, w))) : null,
    lk.notes.length ? h("ul", { class: "notes muted small", "aria-label": "data notes" },
      ...lk.notes.map((n) => h("li", {}, n))) : null,
    modelBlock(lk)].filter((x) => x !== null));
  return section;
}
