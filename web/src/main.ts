// The page: load states, places, treaties and the map; run scenarios; keep the URL, map, panels and exports
// in step; replay wars on the timeline.
import {
  api, ApiError, type CascadeResult, type PlaceRow, type Scenario, type StateRow, type TreatyRow,
  type WarFrame, type WarReplay,
} from "./api";
import { BordersView } from "./bordersview";
import { renderComparison } from "./compare";
import { byId } from "./dom";
import { dutiesOf } from "./duty";
import { explainState, type Names } from "./explain";
import { captionOf, exportCsv, exportJson, exportPng } from "./exporters";
import { ScenarioForm } from "./form";
import { renderLegend } from "./legend";
import { WorldMap } from "./map";
import { MapKeys } from "./mapkeys";
import { MapMode } from "./mapmode";
import { MapNames } from "./mapnames";
import { renderNetwork } from "./network";
import { PICK_BOTH, setBusy, showError, watchOptions } from "./pageline";
import { compareProblem, scenarioOf, writeExtras } from "./panels";
import { DayPlaces, relabelPlaces } from "./dayplaces";
import { renderProbabilities } from "./probabilities";
import { checkShared } from "./shared";
import { rolesOf, type Role } from "./roles";
import { runStatus } from "./runstatus";
import { warNamesOn } from "./said";
import { renderSummary } from "./summary";
import { headSaid } from "./summaryhead";
import { WAR_LABELS, WarTimeline } from "./timeline";
import { scenarioFromQuery, writeQuery, type Shared } from "./url";
import { FramePanels } from "./warframe";
import { WhatIfPanel } from "./whatif";
import { OtherDate } from "./otherdate";
import { copyLink, toResult } from "./share";
import { titlesOf } from "./titles";
import "./style.css";

interface Current { result: CascadeResult; roles: Map<string, Role> }

class App {
  private current: Current | null = null;
  private frame: { frame: WarFrame; war: WarReplay } | null = null; // a war's date on the map, until the next run
  private selected: string | null = null;
  private pickRole: "attacker" | "target" | null = null;
  private running = 0;
  private readonly other = new OtherDate(); // Compare's other date (otherdate.ts)
  private readonly names: Names;
  private readonly mapNames: MapNames; // the states' names on the map's date
  private readonly places: DayPlaces; // the places as on the scenario's date (dayplaces.ts)
  private readonly form: ScenarioForm;
  private readonly map: WorldMap;
  private readonly whatif: WhatIfPanel;
  private readonly timeline: WarTimeline;
  private readonly borders: BordersView;
  private readonly mode: MapMode;
  private readonly framePanels: FramePanels;

  constructor(private readonly states: StateRow[], placeRows: PlaceRow[], treaties: TreatyRow[],
              private readonly version: string, private readonly dataVersions: Record<string, string>) {
    const [treatyNames, titles] = [new Map(treaties.map((t) => [t.id, t.name])), titlesOf(treaties)]; // titles.ts
    this.places = new DayPlaces(placeRows, (rows) => { relabelPlaces(rows); this.form.rename(); this.contested(); });
    this.names = {
      // as called on the map's date (the Soviet Union in 1979): the result's, the war frame's or the form's
      state: (id) => this.mapNames.state(id),
      treaty: (id) => titles[id] ?? treatyNames.get(id) ?? id, titles, // a named ATOP alliance: its title, as the CLI
      place: (id) => this.places.get(id)?.name ?? id, home: this.places.home, // as called on the date (dayplaces.ts)
    };
    const homes = new Map(placeRows.filter((p) => p.kind === "home" && p.coords && p.sovereign)
      .map((p) => [p.sovereign ?? "", [p.coords?.lon ?? 0, p.coords?.lat ?? 0] as [number, number]]));
    this.form = new ScenarioForm(states, placeRows, showError,
      () => { if (this.current) void this.run(); else if (!this.frame) void this.idle(); }, async () => this.run());
    const rows = new Map(states.map((s) => [s.id, s]));
    this.map = new WorldMap(byId("map"), rows, homes, (id) => this.onMapPick(id));
    this.mapNames = new MapNames(this.form.names, () => this.map.retitle());
    this.form.names.listen(() => void this.places.show(this.form.read().date)); // its places, as its names
    this.map.nameOf = this.mapNames.state;
    new MapKeys(this.map, () => this.mapNames.state, (id) => this.onMapPick(id));
    this.borders = new BordersView(this.map);
    this.mode = new MapMode(this.map, () => { if (this.current) this.link(); });
    this.whatif = new WhatIfPanel(states, treaties, showError, () => undefined);
    this.framePanels = new FramePanels(this.names, rows);
    this.timeline = new WarTimeline(() => this.scenario(), showError, (f, r, w, c) => this.showFrame(f, r, w, c));
    this.wire();
  }

  private wire(): void {
    byId<HTMLFormElement>("scenario").addEventListener("submit", (ev) => {
      ev.preventDefault();
      void this.run().then((ran) => { if (ran) toResult(); }); // share.ts: on a phone, to the map and summary
    });
    document.querySelectorAll<HTMLButtonElement>("button.pick").forEach((b) => b.addEventListener("click", () => {
      this.pickRole = b.dataset.role === "target" ? "target" : "attacker";
      const hint = byId("pick-hint");
      hint.textContent = `Click a country on the map, or press Enter on one, to add it as ${this.pickRole}.`;
      hint.hidden = false;
    }));
    byId("share").addEventListener("click", () => void copyLink(this.link()));
    byId("compare").addEventListener("click", () => void this.compare());
    byId("territory-view").addEventListener("change", () => this.contested());
    watchOptions(() => this.current !== null && !this.frame); // pageline.ts: an option changed after the result
    byId("export-json").addEventListener("click", () => { if (this.current) exportJson(this.current.result); });
    byId("export-csv").addEventListener("click", () => { if (this.current) exportCsv(this.current.result, this.names.state); });
    byId("export-png").addEventListener("click", () => {
      if (!this.current) return;
      const r = this.current.result;
      const poster = this.mode.poster();
      const caption = [...captionOf(r, this.title(r), this.version, this.borders.current?.note ?? "", this.dataVersions),
        ...(poster?.caption ?? [])];
      Object.assign(byId("export-png").dataset, { caption: caption.join("\n"), title: this.title(r) }); // as drawn
      exportPng(this.map.svg, r, this.current.roles, this.title(r), caption, dutiesOf(r), poster?.entries)
        .catch((e: unknown) => showError(String(e)));
    });
  }

  async start(): Promise<void> {
    await this.map.load();
    this.contested();
    await this.timeline.fill().catch(() => undefined);
    const shared = scenarioFromQuery(location.search);
    if (shared && await this.restore(shared)) {
      await this.run(shared.problems);
      if (shared.otherDate || shared.scenario.whatif.length) await this.compare();
    } else {
      renderLegend(byId("legend"), new Map());
      await this.idle();
    }
    document.body.dataset.ready = "true";
  }

  /** No result yet: the form's date's borders, then its states painted on them (grey where not a state then). */
  private async idle(): Promise<void> {
    const date = this.form.read().date;
    await Promise.all([this.borders.update(date), this.places.show(date)]);
    if (!this.current && !this.frame && this.form.read().date === date) this.map.paint(new Map(), date);
  }

  /** Put a shared link's scenario in the form, dropping what cannot be used (with a message); false: nothing to run. */
  private async restore(shared: Shared): Promise<boolean> {
    await checkShared(shared, this.states, this.places);
    const s = shared.scenario;
    this.form.write(s);
    writeExtras(s, this.whatif);
    this.other.restore(shared.otherDate, s.whatif.length > 0);
    this.mode.view = shared.view;
    this.selected = shared.select;
    if (s.attacker.length && s.target.length) return true;
    showError(`This link could not be used as it is${shared.problems.map((p, i) => `${i ? ";" : ":"} ${p}`).join("")}. Pick an attacker and a target.`);
    return false;
  }

  /** The scenario with the probability and what-if panels' settings. */
  private scenario(): Scenario { return scenarioOf(this.form, this.whatif).scenario; }

  private async compare(): Promise<void> {
    const scenario = this.scenario();
    const problem = compareProblem(scenario, this.frame !== null, this.other.value);
    if (problem) { showError(problem); return; }
    try {
      const c = await api.compare(scenario, this.other.value);
      showError("");
      this.whatif.refused("");
      renderComparison(byId("comparison"), c, (r) => this.form.names.of(r.renamed), (id) => this.select(id));
      writeQuery(scenario, this.selected, this.other.keep(), this.mode.view);
    } catch (e) {
      this.refused(e);
    }
  }

  /** Say why a request was refused, and mark the what-if change holding the name it could not tell apart. */
  private refused(e: unknown): void {
    showError(e instanceof ApiError ? e.message : `request failed: ${String(e)}`);
    this.whatif.refused(e instanceof ApiError ? e.named : "");
  }

  /** The scenario of `r` as `foedus cascade`'s header says it, as the summary's first line does (summaryhead.ts): the
   * page's title, the PNG's and its caption's, the status line's. They said "Ukraine (UKR) attacks Russia (RUS) at
   * Kursk Oblast, 2025-01-15 (legal reading)", the web's own words. */
  private title(r: CascadeResult): string { return headSaid(r, this.names.state, this.names); }

  private onMapPick(id: string): void {
    if (this.pickRole) {
      (this.pickRole === "attacker" ? this.form.attacker : this.form.target).add(id);
      this.pickRole = null;
      byId("pick-hint").hidden = true;
      return;
    }
    this.select(id);
    if (this.current && matchMedia("(max-width: 1100px)").matches) byId("explain").scrollIntoView({ block: "start" });
  }

  private select(id: string): void {
    this.selected = id;
    this.map.select(id);
    if (this.frame) this.framePanels.explain(id, this.frame.frame, this.frame.war);
    else if (this.current) void explainState(id, this.current.result, this.current.roles.get(id), this.names);
    if (this.current) writeQuery(this.scenario(), id, this.other.linked, this.mode.view);
  }

  /** Run the form's scenario; true when it ran. `notes` are shown with the result (a shared link's problems). */
  async run(notes: string[] = []): Promise<boolean> {
    const { scenario, seedProblem } = scenarioOf(this.form, this.whatif);
    showError("");
    if (scenario.attacker.length === 0 || scenario.target.length === 0) {
      showError(PICK_BOTH);
      return false;
    }
    if (seedProblem) { showError(`${seedProblem}.`); return false; }
    this.timeline.cancel(); // a war's date not yet on the map is dropped: the result takes it
    const ticket = ++this.running;
    byId("status").textContent = "running…";
    setBusy(true);
    try {
      const result = await api.cascade(scenario);
      if (ticket !== this.running) return false;
      await this.show(result, scenario);
      writeQuery(scenario, this.selected, this.other.linked, this.mode.view);
      this.whatif.refused("");
      byId("status").textContent = runStatus(result, scenario.whatif.length); // the summary's counts (runstatus.ts)
      if (notes.length) showError(`Parts of this link could not be used: ${notes.join("; ")}.`);
      return true;
    } catch (e) {
      if (ticket !== this.running) return false;
      if (this.frame) this.framePanels.refused(this.frame.frame, this.frame.war); // what the map still shows
      else byId("status").textContent = this.current ? `Still showing the previous result: ${this.title(this.current.result)}.` : "";
      this.refused(e);
      return false;
    } finally {
      if (ticket === this.running) setBusy(false);
    }
  }

  private contested(): void {
    this.map.showContested(this.places.list(), this.current?.result.territory_view ?? this.form.read().territory_view);
  }

  private async show(result: CascadeResult, scenario: Scenario): Promise<void> {
    const roles = rolesOf(result);
    const duties = dutiesOf(result);
    this.current = { result, roles };
    this.mapNames.result(result);
    this.timeline.reset(); // the war's log and date describe a map no longer shown
    this.timeline.pick(scenario, result.joiners.map((j) => j.state)); // its war, not the form edited since
    if (this.frame) { this.frame = null; this.framePanels.leave(); }
    await Promise.all([this.borders.update(result.date), this.places.show(result.date)]); // its places, as then
    this.contested();
    this.map.markPlace(this.places.get(result.place));
    this.mode.show(result, roles, duties);
    this.map.zoomTo([...result.sides.attack, ...result.sides.defense]);
    renderProbabilities(byId("probabilities"), result, this.names.state, (id) => this.select(id));
    const pick = (id: string) => this.select(id);
    renderSummary(byId("summary"), result, roles, this.names.state, pick, this.names, this.names.titles);
    renderNetwork(byId("network"), result, roles, this.names.state, pick, this.names);
    ["export-png", "export-csv", "export-json"].forEach((id) => { byId<HTMLButtonElement>(id).disabled = false; });
    document.body.dataset.result = `${result.attackers.join(",")}>${result.targets.join(",")}@${result.date}`;
    document.title = `${this.title(result)} — foedus`; // the tab says the scenario shown, as the header says it
    if (this.selected) this.select(this.selected);
  }

  /** One date of a replayed war on the map: who fights, who is bound, on that date's borders; the panels follow
   * (or say they cannot) and the exports are off, as the scenario's result is no longer on the map. `commit`: the
   * timeline takes the date as the map's, unless a run was asked meanwhile. */
  private async showFrame(frame: WarFrame, roles: Map<string, Role>, war: WarReplay, commit: () => boolean): Promise<void> {
    const own = warNamesOn(war.names, war.renames, frame.date); // the war's states' names then, should the request fail
    if (!await this.mapNames.frame(frame.date, own, commit)) return; // a run asked or came in meanwhile: it keeps the map
    const opening = this.frame?.war !== war; // the date a replay opens at (waropen.ts), its first or the scenario's
    this.frame = { frame, war };
    document.title = `${war.war.id}, ${frame.date} — foedus`; // the war's date, as `foedus war ID --until DATE` shows it
    this.framePanels.show(frame, roles, war, this.selected, (id) => this.select(id));
    await this.borders.update(frame.date);
    if (this.frame?.frame !== frame) return; // a run's result came in meanwhile: it keeps the map
    this.mode.hide();
    this.map.markPlace(undefined);
    this.map.paint(roles, frame.date);
    if (opening) {
      const all = war.frames.flatMap((f) => [...f.sides.attack, ...f.sides.defense, ...Object.keys(f.bound)]);
      this.map.zoomTo([...new Set(all)]);
    }
    renderLegend(byId("legend"), roles, { labels: WAR_LABELS });
  }

  /** Put the scenario, the selection and the map view into the address bar; the link. */
  private link(): string {
    return writeQuery(this.scenario(), this.selected, this.other.linked, this.mode.view);
  }
}

async function boot(): Promise<void> {
  try {
    const [states, places, treaties, health] = await Promise.all([api.states(), api.places(), api.treaties(),
      api.health()]);
    await new App(states, places, treaties, health.version, health.datasets ?? {}).start();
  } catch (e) {
    showError(`The app could not start: ${e instanceof Error ? e.message : String(e)}`);
  }
}

void boot();
