// The map legend: one swatch per category present in the result.
import { h } from "./dom";
import { COLORS, LABELS, legendCategories, type Role } from "./roles";

export function renderLegend(host: HTMLElement, roles: Map<string, Role>, shaded = false): void {
  host.replaceChildren(...legendCategories(roles).map((c) => {
    const swatch = h("span", { class: "swatch" });
    swatch.style.background = COLORS[c];
    return h("li", { "data-category": c }, swatch, LABELS[c]);
  }), ...(shaded ? [h("li", { class: "muted" }, "shaded: the paler, the less likely to join (Monte Carlo)")] : []));
}
