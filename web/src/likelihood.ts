// The joining model's likelihood on the map: each state the model lists is coloured by its P(joins either
// side) within the chosen horizon, on a fixed, binned sequential scale (the same bins for every scenario, so
// maps can be compared). One hue, not the sides' red and blue: the join stage is side-free and the side model is
// weak (docs/likelihood.md), so the split by side is left to the "Why?" panel. The original parties keep their
// legal colours; states the model does not list stay the floor colour.
import type { Chance, LikelihoodSummary } from "./api";
import { h } from "./dom";
import type { WorldMap } from "./map";
import { COLORS, LABELS, type Category } from "./roles";

export type Horizon = "30" | "365" | "ever";
export const HORIZON_LABELS: Record<Horizon, string> = {
  "30": "within 30 days", "365": "within 365 days", ever: "at any time in the war",
};

export function isHorizon(v: string): v is Horizon {
  return v === "30" || v === "365" || v === "ever";
}

/** The bins' lower bounds (the first bin starts at 0) and colours: ColorBrewer YlOrBr, 7 classes. */
export const BOUNDS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5];
export const RAMP = ["#ffffd4", "#fee391", "#fec44f", "#fe9929", "#ec7014", "#cc4c02", "#8c2d04"];
const NOT_RATED = "not rated: outside the model's relevant set";

/** A probability as a percentage: one decimal, "<0.1%" below that. */
export function pct(x: number): string {
  return x < 0.001 ? "<0.1%" : `${(100 * x).toFixed(1)}%`;
}

/** The bin of a probability (0: under the first bound). */
export function binOf(p: number): number {
  let i = 0;
  while (i < BOUNDS.length && p >= BOUNDS[i]) i++;
  return i;
}

export function binLabel(i: number): string {
  const whole = (x: number) => `${Math.round(100 * x)}%`;
  if (i === 0) return `under ${whole(BOUNDS[0])}`;
  if (i === BOUNDS.length) return `${whole(BOUNDS[i - 1])} or more`;
  return `${whole(BOUNDS[i - 1])}–${whole(BOUNDS[i])}`;
}

/** A listed state's chances within one horizon. */
export function chanceOf(lk: LikelihoodSummary, id: string, horizon: Horizon): Chance | undefined {
  return lk.states.find((s) => s.state === id)?.chances.find((c) => c.horizon === horizon);
}

/** The answer's own warning that the date lies outside the training wars, or one from its model card's years. */
export function outsideTraining(lk: LikelihoodSummary, date: string): string | null {
  const said = lk.warnings.find((w) => w.includes("outside the training"));
  if (said) return said;
  const year = Number(date.slice(0, 4));
  return year < lk.model.first_year || year > lk.model.last_year
    ? `the date lies outside the training wars (${lk.model.first_year}–${lk.model.last_year})` : null;
}

/** Colour each listed state by its P(joins either side) within `horizon`; contested places follow their holder. */
export function shadeByLikelihood(map: WorldMap, lk: LikelihoodSummary, horizon: Horizon): void {
  const joins = new Map(lk.states.map((s) => [s.state, s.chances.find((c) => c.horizon === horizon)?.join]));
  for (const el of map.stateEls()) {
    const p = joins.get(el.dataset.iso3 ?? "");
    if (p === undefined) continue;
    const bin = binOf(p);
    el.setAttribute("fill", RAMP[bin]);
    el.dataset.likelihood = p.toFixed(4);
    el.dataset.bin = String(bin);
  }
  for (const el of map.svg.querySelectorAll<SVGPathElement>("path.contested")) {
    const p = joins.get(el.dataset.holder ?? "");
    if (p !== undefined && el.getAttribute("visibility") !== "hidden") el.setAttribute("fill", RAMP[binOf(p)]);
  }
  map.svg.dataset.shade = "likelihood";
}

/** What the legend shows: the parties' colours, every bin, and the floor colour. */
export function likelihoodEntries(parties: Category[]): [string, string][] {
  return [...parties.map((c) => [COLORS[c], LABELS[c]] as [string, string]),
    ...RAMP.map((fill, i) => [fill, `P(joins) ${binLabel(i)}`] as [string, string]),
    [COLORS.none, NOT_RATED]];
}

/** Two lines naming what is shown and by which model. */
export function likelihoodCaption(lk: LikelihoodSummary, horizon: Horizon): string[] {
  return [`Shaded by P(joins either side) ${HORIZON_LABELS[horizon]}: joining model ${lk.model.version}, `
    + `trained on ${lk.model.window}.`, "A statistical estimate beside the legal answer, not a legal finding."];
}

export function renderLikelihoodLegend(host: HTMLElement, lk: LikelihoodSummary, horizon: Horizon,
                                       parties: Category[], date: string): void {
  const swatch = (fill: string) => {
    const s = h("span", { class: "swatch" });
    s.style.background = fill;
    return s;
  };
  const partyItems = parties.map((c) => h("li", { "data-category": c }, swatch(COLORS[c]), LABELS[c]));
  const bins = RAMP.map((fill, i) => h("li", { "data-bin": String(i) }, swatch(fill), binLabel(i)));
  const outside = outsideTraining(lk, date);
  host.replaceChildren(...[...partyItems,
    h("li", { class: "scale-row", "data-scale": "likelihood" },
      h("span", {}, `P(joins either side) ${HORIZON_LABELS[horizon]}:`), h("ul", { class: "bins" }, ...bins)),
    h("li", { "data-category": "none" }, swatch(COLORS.none), NOT_RATED),
    h("li", { class: "note legend-note" }, likelihoodCaption(lk, horizon).join(" ")),
    outside ? h("li", { class: "warn legend-note", "data-flag": "outside-training" }, `Outside training: ${outside}.`)
      : null].filter((x) => x !== null));
}
