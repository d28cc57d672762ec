// The page: load states, places, treaties and the map; run scenarios; keep the URL, panels and exports in step.
import { api, ApiError, type CascadeResult, type PlaceRow, type Scenario, type StateRow, type TreatyRow } from "./api";
import { renderComparison } from "./compare";
import { byId } from "./dom";
import { explainState, type Names } from "./explain";
import { exportCsv, exportJson, exportPng } from "./exporters";
import { ScenarioForm } from "./form";
import { renderLegend } from "./legend";
import { WorldMap } from "./map";
import { renderNetwork } from "./network";
import { renderProbabilities } from "./probabilities";
import { rolesOf, type Role } from "./roles";
import { renderSummary } from "./summary";
import { scenarioFromQuery, writeQuery } from "./url";
import { WhatIfPanel } from "./whatif";
import "./style.css";

interface Current { result: CascadeResult; roles: Map<string, Role> }

class App {
  private current: Current | null = null;
  private selected: string | null = null;
  private pickRole: "attacker" | "target" | null = null;
  private running = 0;
  private readonly names: Names;
  private readonly form: ScenarioForm;
  private readonly map: WorldMap;
  private readonly whatif: WhatIfPanel;

  constructor(states: StateRow[], places: PlaceRow[], treaties: TreatyRow[]) {
    const stateNames = new Map(states.map((s) => [s.id, s.name]));
    const treatyNames = new Map(treaties.map((t) => [t.id, t.name]));
    const placeNames = new Map(places.map((p) => [p.id, p.name]));
    this.names = {
      state: (id) => stateNames.get(id) ?? id,
      treaty: (id) => treatyNames.get(id) ?? id,
      place: (id) => placeNames.get(id) ?? id,
    };
    this.form = new ScenarioForm(states, places, (m) => this.showError(m), () => { if (this.current) void this.run(); });
    this.map = new WorldMap(byId("map"), new Map(states.map((s) => [s.id, s])), (id) => this.onMapPick(id));
    this.whatif = new WhatIfPanel(states, treaties, (m) => this.showError(m), () => undefined);
    this.wire();
  }

  private wire(): void {
    byId<HTMLFormElement>("scenario").addEventListener("submit", (ev) => { ev.preventDefault(); void this.run(); });
    document.querySelectorAll<HTMLButtonElement>("button.pick").forEach((b) => b.addEventListener("click", () => {
      this.pickRole = b.dataset.role === "target" ? "target" : "attacker";
      const hint = byId("pick-hint");
      hint.textContent = `Click a country on the map to add it as ${this.pickRole}.`;
      hint.hidden = false;
    }));
    byId("share").addEventListener("click", () => void this.share());
    byId("compare").addEventListener("click", () => void this.compare());
    byId("mc-map").addEventListener("change", () => { if (this.current) this.show(this.current.result); });
    byId("export-json").addEventListener("click", () => { if (this.current) exportJson(this.current.result); });
    byId("export-csv").addEventListener("click", () => { if (this.current) exportCsv(this.current.result, this.names.state); });
    byId("export-png").addEventListener("click", () => {
      if (!this.current) return;
      exportPng(this.map.svg, this.current.result, this.current.roles, this.title(this.current.result))
        .catch((e: unknown) => this.showError(String(e)));
    });
  }

  async start(): Promise<void> {
    await this.map.load();
    const shared = scenarioFromQuery(location.search);
    if (shared) {
      this.form.write(shared.scenario);
      this.writeExtras(shared.scenario);
      byId<HTMLInputElement>("other-date").value = shared.otherDate;
      this.selected = shared.select;
      await this.run();
      if (shared.otherDate || shared.scenario.whatif.length) await this.compare();
    } else {
      this.map.paint(new Map(), this.form.read().date);
      renderLegend(byId("legend"), new Map());
    }
    document.body.dataset.ready = "true";
  }

  /** The scenario with the probability and what-if panels' settings. */
  private scenario(): Scenario {
    const on = byId<HTMLInputElement>("mc-on").checked;
    const seed = Number(byId<HTMLInputElement>("mc-seed").value);
    return {
      ...this.form.read(),
      draws: on ? Number(byId<HTMLSelectElement>("mc-draws").value) : null,
      seed: on && Number.isInteger(seed) && seed >= 0 ? seed : null,
      whatif: [...this.whatif.changes],
    };
  }

  private writeExtras(s: Scenario): void {
    byId<HTMLInputElement>("mc-on").checked = s.draws !== null;
    if (s.draws !== null) {
      const select = byId<HTMLSelectElement>("mc-draws");
      if (![...select.options].some((o) => o.value === String(s.draws))) {
        select.append(new Option(String(s.draws), String(s.draws)));
      }
      select.value = String(s.draws);
      (byId("mc-panel") as HTMLDetailsElement).open = true;
    }
    if (s.seed !== null) byId<HTMLInputElement>("mc-seed").value = String(s.seed);
    this.whatif.set(s.whatif);
    if (s.whatif.length) (byId("whatif-panel") as HTMLDetailsElement).open = true;
  }

  private otherDate(): string {
    return byId<HTMLInputElement>("other-date").value;
  }

  private async compare(): Promise<void> {
    const scenario = this.scenario();
    if (scenario.attacker.length === 0 || scenario.target.length === 0) {
      this.showError("Pick at least one attacker and one target first.");
      return;
    }
    try {
      const c = await api.compare(scenario, this.otherDate());
      this.showError("");
      renderComparison(byId("comparison"), c, this.names.state, (id) => this.select(id));
      writeQuery(scenario, this.selected, this.otherDate());
    } catch (e) {
      this.showError(e instanceof ApiError ? e.message : `request failed: ${String(e)}`);
    }
  }

  private title(r: CascadeResult): string {
    const who = (ids: string[]) => ids.map(this.names.state).join(", ");
    return `${who(r.attackers)} attacks ${who(r.targets)} at ${this.names.place(r.place)}, ${r.date} (${r.reading} reading)`;
  }

  private onMapPick(id: string): void {
    if (this.pickRole) {
      (this.pickRole === "attacker" ? this.form.attacker : this.form.target).add(id);
      this.pickRole = null;
      byId("pick-hint").hidden = true;
      return;
    }
    this.select(id);
  }

  private select(id: string): void {
    this.selected = id;
    this.map.select(id);
    if (this.current) {
      void explainState(id, this.current.result, this.current.roles.get(id), this.names);
      writeQuery(this.scenario(), id, this.otherDate());
    }
  }

  /** The API found a name several states carry: let the picker that holds it ask which one. */
  private askWhich(name: string, e: ApiError): void {
    for (const picker of [this.form.attacker, this.form.target]) {
      if (picker.holds(name)) picker.ask(name, e.candidates, name);
    }
  }

  private showError(message: string): void {
    const el = byId("error");
    el.textContent = message;
    el.hidden = !message;
  }

  async run(): Promise<void> {
    const scenario = this.scenario();
    if (scenario.attacker.length === 0 || scenario.target.length === 0) {
      this.showError("Pick at least one attacker and one target (search box, or Pick on map).");
      return;
    }
    const ticket = ++this.running;
    byId("status").textContent = "running…";
    try {
      const result = await api.cascade(scenario);
      if (ticket !== this.running) return;
      this.showError("");
      this.show(result);
      writeQuery(scenario, this.selected, this.otherDate());
      const world = scenario.whatif.length ? ` (what-if world: ${scenario.whatif.length} change(s))` : "";
      byId("status").textContent = `${result.joiners.length} joiner(s) in ${result.rounds} round(s)${world}.`;
    } catch (e) {
      if (ticket !== this.running) return;
      byId("status").textContent = "";
      this.showError(e instanceof ApiError ? e.message : `request failed: ${String(e)}`);
      if (e instanceof ApiError && e.candidates.length && e.name_ !== null) this.askWhich(e.name_, e);
    }
  }

  private show(result: CascadeResult): void {
    const roles = rolesOf(result);
    this.current = { result, roles };
    this.map.paint(roles, result.date);
    const shaded = byId<HTMLInputElement>("mc-map").checked && result.probabilities !== undefined;
    if (shaded && result.probabilities) this.map.shadeByProbability(result.probabilities);
    renderLegend(byId("legend"), roles, shaded);
    renderProbabilities(byId("probabilities"), result, this.names.state, (id) => this.select(id));
    const pick = (id: string) => this.select(id);
    renderSummary(byId("summary"), result, roles, this.names.state, pick, this.names.place);
    renderNetwork(byId("network"), result, roles, this.names.state, pick);
    ["export-png", "export-csv", "export-json"].forEach((id) => { byId<HTMLButtonElement>(id).disabled = false; });
    document.body.dataset.result = `${result.attackers.join(",")}>${result.targets.join(",")}@${result.date}`;
    if (this.selected) this.select(this.selected);
  }

  private async share(): Promise<void> {
    const url = writeQuery(this.scenario(), this.selected, this.otherDate());
    try {
      await navigator.clipboard.writeText(url);
      byId("status").textContent = "Link copied.";
    } catch {
      byId("status").textContent = url;
    }
  }
}

async function boot(): Promise<void> {
  try {
    const [states, places, treaties] = await Promise.all([api.states(), api.places(), api.treaties()]);
    await new App(states, places, treaties).start();
  } catch (e) {
    const el = byId("error");
    el.textContent = `The app could not start: ${e instanceof Error ? e.message : String(e)}`;
    el.hidden = false;
  }
}

void boot();
