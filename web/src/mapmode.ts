// How the map is coloured: by the legal answer (the default; with Monte Carlo shading when asked), or, when
// the result carries the joining model's likelihood, by each state's P(joins either side) within a chosen
// horizon. Switching repaints the map and the legend only (no re-zoom), so the legal colouring is one click away.
import type { CascadeResult } from "./api";
import { byId } from "./dom";
import type { Duty } from "./duty";
import { renderLegend } from "./legend";
import {
  isHorizon, likelihoodCaption, likelihoodEntries, renderLikelihoodLegend, shadeByLikelihood, type Horizon,
} from "./likelihood";
import type { WorldMap } from "./map";
import type { Category, Role } from "./roles";
import type { MapView } from "./url";

interface Shown { result: CascadeResult; roles: Map<string, Role>; duties: Map<string, Duty[]> }

export class MapMode {
  private shown: Shown | null = null;

  /** `changed`: the user switched the view (the shared link follows). */
  constructor(private readonly map: WorldMap, private readonly changed: () => void = () => undefined) {
    document.querySelectorAll<HTMLInputElement>("input[name=map-mode]").forEach((r) =>
      r.addEventListener("change", () => { this.repaint(); this.changed(); }));
    byId("lk-horizon").addEventListener("change", () => { this.repaint(); this.changed(); });
    byId("mc-map").addEventListener("change", () => this.repaint());
  }

  private get horizon(): Horizon {
    const v = byId<HTMLSelectElement>("lk-horizon").value;
    return isHorizon(v) ? v : "ever";
  }

  /** The view chosen (whether or not the result has a likelihood to show), for the shared link. */
  get view(): MapView {
    const chosen = document.querySelector<HTMLInputElement>("input[name=map-mode]:checked")?.value;
    return { map: chosen === "likelihood" ? "likelihood" : "legal", horizon: this.horizon };
  }

  /** Choose a view (a shared link's); the next result is painted in it. */
  set view(v: MapView) {
    document.querySelectorAll<HTMLInputElement>("input[name=map-mode]").forEach((r) => { r.checked = r.value === v.map; });
    byId<HTMLSelectElement>("lk-horizon").value = v.horizon;
  }

  /** Whether the map shows the likelihood now (chosen, and the result has it). */
  get likelihood(): boolean {
    const chosen = document.querySelector<HTMLInputElement>("input[name=map-mode]:checked")?.value === "likelihood";
    return chosen && this.shown?.result.likelihood !== undefined;
  }

  /** Paint a result in the chosen mode; the mode switch is offered only when the result has a likelihood. */
  show(result: CascadeResult, roles: Map<string, Role>, duties: Map<string, Duty[]>): void {
    this.shown = { result, roles, duties };
    byId("map-mode").hidden = result.likelihood === undefined;
    this.repaint();
  }

  /** Something else paints the map now (a war's frames): hide the switch. */
  hide(): void {
    this.shown = null;
    byId("map-mode").hidden = true;
  }

  private parties(roles: Map<string, Role>): Map<string, Role> {
    return new Map([...roles].filter(([, r]) => r.category === "attack-0" || r.category === "defense-0"));
  }

  private repaint(): void {
    if (!this.shown) return;
    const { result, roles, duties } = this.shown;
    const legend = byId("legend");
    if (this.likelihood && result.likelihood) {
      const parties = this.parties(roles);
      this.map.paint(parties, result.date);
      shadeByLikelihood(this.map, result.likelihood, this.horizon);
      renderLikelihoodLegend(legend, result.likelihood, this.horizon, this.categories(parties), result.date);
      return;
    }
    this.map.paint(roles, result.date, duties);
    const shaded = byId<HTMLInputElement>("mc-map").checked && result.probabilities !== undefined;
    if (shaded && result.probabilities) this.map.shadeByProbability(result.probabilities);
    this.map.svg.dataset.shade = shaded ? "probability" : "legal";
    renderLegend(legend, roles, { shaded, duties });
  }

  private categories(parties: Map<string, Role>): Category[] {
    return (["attack-0", "defense-0"] as Category[]).filter((c) => [...parties.values()].some((r) => r.category === c));
  }

  /** The PNG's legend entries and an extra caption line in likelihood mode; null in the legal mode. */
  poster(): { entries: [string, string][]; caption: string[] } | null {
    const lk = this.shown?.result.likelihood;
    if (!this.likelihood || !lk || !this.shown) return null;
    return { entries: likelihoodEntries(this.categories(this.parties(this.shown.roles))),
      caption: likelihoodCaption(lk, this.horizon) };
  }
}
