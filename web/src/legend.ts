// The map legend: a swatch per category present, a hatched swatch per kind of weak duty present, and with
// probability shading a colour scale for each side (0% to 100%).
import { h } from "./dom";
import { DUTIES, DUTY_LABELS, type Duty } from "./duty";
import { svgEl } from "./svg";
import { COLORS, LABELS, legendCategories, type Category, type Role } from "./roles";

export interface LegendOptions { shaded?: boolean; duties?: Map<string, Duty[]>; labels?: Partial<Record<Category, string>> }

function hatchSwatch(duty: Duty): SVGSVGElement {
  const svg = svgEl("svg", { width: 14, height: 14, viewBox: "0 0 14 14", class: "hatch-swatch", "aria-hidden": "true" });
  svg.append(svgEl("rect", { width: 14, height: 14, fill: COLORS["defense-1"], stroke: "#555555", "stroke-width": 0.5 }),
    svgEl("rect", { width: 14, height: 14, fill: `url(#hatch-${duty})` }));
  return svg;
}

/** A colour ramp from "unlikely" to "certain" for one side, as the map shades it. */
export function scale(side: "attack" | "defense"): SVGSVGElement {
  const id = `ramp-${side}`;
  const svg = svgEl("svg", { width: 150, height: 24, viewBox: "0 0 150 24", class: "scale", role: "img",
    "aria-label": `probability of joining the ${side}: 0% pale to 100% full colour` });
  const grad = svgEl("linearGradient", { id, x1: 0, x2: 1, y1: 0, y2: 0 });
  grad.append(svgEl("stop", { offset: 0, "stop-color": COLORS[`${side}-1`], "stop-opacity": 0.12 }),
    svgEl("stop", { offset: 1, "stop-color": COLORS[`${side}-1`], "stop-opacity": 1 }));
  const defs = svgEl("defs");
  defs.append(grad);
  svg.append(defs, svgEl("rect", { x: 0, y: 0, width: 150, height: 10, fill: `url(#${id})`, stroke: "#888888",
    "stroke-width": 0.5 }));
  [0, 50, 100].forEach((pct) => {
    const t = svgEl("text", { x: pct === 0 ? 0 : pct === 100 ? 150 : 75, y: 22, "font-size": 9, fill: "#333333",
      "text-anchor": pct === 0 ? "start" : pct === 100 ? "end" : "middle" });
    t.textContent = `${pct}%`;
    svg.append(t);
  });
  return svg;
}

export function renderLegend(host: HTMLElement, roles: Map<string, Role>, opts: LegendOptions = {}): void {
  const present = new Set([...(opts.duties?.values() ?? [])].flat());
  host.replaceChildren(...legendCategories(roles).map((c) => {
    const swatch = h("span", { class: "swatch" });
    swatch.style.background = COLORS[c];
    return h("li", { "data-category": c }, swatch, opts.labels?.[c] ?? LABELS[c]);
  }), ...DUTIES.filter((d) => present.has(d)).map((d) => h("li", { "data-duty": d }, hatchSwatch(d), DUTY_LABELS[d])),
  ...(opts.shaded ? [h("li", { class: "scale-row", "data-scale": "probability" },
    h("span", {}, "P(joins):"), h("span", { class: "scale-label" }, "attack"), scale("attack"),
    h("span", { class: "scale-label" }, "defense"), scale("defense"))] : []));
}
