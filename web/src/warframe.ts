// The panels while a replayed war's date is on the map: the summary and "Why?" say who fights and who is bound on
// that date (the replay's frame), and the panels only a scenario's result can fill (treaty ties, probabilities, the
// comparison, the exports) say so and stay off, so no panel describes another result than the map's.
import type { StateRow, WarFrame, WarReplay } from "./api";
import { byId, h } from "./dom";
import type { Names } from "./explain";
import { existsOn } from "./membership";
import { COLORS, LABELS, type Role } from "./roles";
import { doubtWords, dutiesHead, dutyLines, frameWhy, warNamesOn } from "./said";
import { sideWords, spellOn } from "./warsides";
import { stateButton } from "./summary";
import { WAR_LABELS, warNameOf } from "./timeline";
import { namedState } from "./wording";
import { recordedSaid } from "./warrecorded";

const EXPORTS = ["export-png", "export-csv", "export-json"];

/** Where the map shows a war's date: `war` on `date`, and how to get the scenario's result back, or, once a run was
 * `refused` with the war on the map, that the scenario was not run (as the status line says: refusedNote). */
export function frameNote(frame: WarFrame, war: WarReplay, refused = false): string {
  return `The map shows ${war.war.name} on ${frame.date}, replayed from its war file, not the scenario's result: `
    + (refused ? "the scenario was not run." : "Run shows the scenario's result again.");
}

/** What the status line says when a run was refused while a war's date is on the map: the map still shows that date,
 * and no word that Run would show the scenario's result (it was just refused). */
export function refusedNote(frame: WarFrame, war: WarReplay): string {
  return `Still showing ${war.war.name} on ${frame.date}, replayed from its war file: the scenario was not run.`;
}

export class FramePanels {
  private readonly hint: Node[]; // the "Why?" panel's words before any state is picked
  private refusedRun = false; // a run was refused since a war's date took the map: no note says Run shows its result

  constructor(private readonly names: Names, private readonly states: ReadonlyMap<string, StateRow>) {
    this.hint = [...byId("explain").childNodes].map((n) => n.cloneNode(true));
  }

  /** Fill the summary with the frame, turn off what only a scenario's result can show, and explain `selected`. */
  show(frame: WarFrame, roles: Map<string, Role>, war: WarReplay, selected: string | null,
       pick: (id: string) => void): void {
    const name = this.warName(war, frame);
    const bound = (side: "attack" | "defense") => Object.keys(frame.bound).filter((s) =>
      frame.bound[s].side === side && !frame.sides[side].includes(s));
    const row = (label: string, ids: string[], where = label) => ids.length ? h("div", { class: "srow" },
      h("span", { class: "slabel" }, label),
      ...ids.map((id) => stateButton(id, namedState(id, name), roles.get(id), pick, [], where))) : ""; // summary.ts
    const side = (s: "attack" | "defense") => h("div", { class: `side ${s}` }, h("h3", {}, s === "attack" ? "Attack" : "Defense"),
      row("fighting", frame.sides[s], `${s} side: fighting`), row("bound to join", bound(s), `${s} side: bound to join`));
    // the doubts a cascade on the frame's day lists (docs/war.md, item 5), said as the scenario's summary says them
    const doubts = (frame.doubts ?? []).map((d) => h("p", { class: "note doubt" }, `uncertain date: ${doubtWords(d, name)}`));
    byId("summary").replaceChildren(h("p", { class: "frame-note" }, frameNote(frame, war, this.refusedRun)),
      h("div", { class: "sides" }, side("attack"), side("defense")), row("bound both ways", frame.conflicts), ...doubts);
    byId("network").replaceChildren(h("p", { class: "muted frame-off" },
      "The treaty ties are drawn for a scenario's result, not for a war's date: Run shows them again."));
    const comparison = byId("comparison");
    if (comparison.childElementCount) comparison.replaceChildren(h("p", { class: "muted frame-off" },
      "The comparison is of the scenario's results, not of the war's date on the map: Compare again after Run."));
    byId("status").textContent = ""; // the last run's count of joiners is not this map's
    const probabilities = byId("probabilities");
    probabilities.hidden = true;
    probabilities.replaceChildren();
    for (const id of EXPORTS) {
      const b = byId<HTMLButtonElement>(id);
      b.disabled = true;
      b.title = "Exports the scenario's result: off while a war's date is on the map (Run to export).";
    }
    byId("summary").append(h("p", { class: "note frame-off" },
      "PNG, CSV and JSON export a scenario's result: they are off while a war's date is on the map."));
    if (selected) this.explain(selected, frame, war); else this.clearExplain();
  }

  /** "Why?" for one state on the frame's date: fighting, bound (treaty and article), neither, or not in the state
   * system then (by its row's spells, as the map greys it: existsOn); then its other duties
   * in force by that date, as `foedus war` lists them (dutyLines), each state named by the war's names on the duty's
   * date. */
  explain(id: string, frame: WarFrame, war: WarReplay): void {
    const panel = byId("explain");
    const name = this.warName(war, frame);
    const b = frame.bound[id];
    const side = frame.sides.attack.includes(id) ? "attack" : frame.sides.defense.includes(id) ? "defense" : null;
    const category = side ? `${side}-0` as const : b ? `${b.side}-2` as const
      : frame.conflicts.includes(id) ? "conflict" : existsOn(this.states.get(id), frame.date) ? "none" : "absent";
    const swatch = h("span", { class: "swatch" });
    swatch.style.background = COLORS[category];
    const sides = war.war.leads ? sideWords(war.war.leads, name, frame.sides) : undefined; // by leads fighting that day
    const record = (war.states ?? []).find((r) => r.state === id);
    const spell = spellOn(record?.spells, frame.date); // how it came into the war, as the CLI reads it
    const words = frameWhy(id, frame, this.names.treaty, this.states.get(id), this.names.titles, sides, name, spell,
      war.war.leads)
      + recordedSaid(war.war.state_notes, id, frame.date); // what the war file records of it, unreplayed
    const duties = record ? dutyLines(record, (d) => warNamesOn(war.names, war.renames, d), frame.date,
      this.names.titles) : [];
    const listed = duties.length ? [h("p", { class: "frame-duties-head" }, dutiesHead()),
    h("ul", { class: "frame-duties" }, ...duties.map((line) => h("li", {}, line)))] : [];
    panel.replaceChildren(h("h2", {}, namedState(id, name)),
      h("p", {}, swatch, h("span", { class: "badge", "data-category": category }, WAR_LABELS[category] ?? LABELS[category])),
      h("p", { class: "frame-why" }, words), ...listed, h("p", { class: "note frame-note" }, frameNote(frame, war, this.refusedRun)));
    panel.dataset.render = "frame"; // an explanation of the scenario still loading is not appended to this one
    panel.dataset.state = id;
    panel.dataset.frame = frame.date;
  }

  /** A run was refused with the war's date on the map: the status line and the panels' notes say the map still
   * shows that date and the scenario was not run, until a run's result takes the map (leave). */
  refused(frame: WarFrame, war: WarReplay): void {
    this.refusedRun = true;
    byId("status").textContent = refusedNote(frame, war);
    for (const note of document.querySelectorAll("#summary .frame-note, #explain .frame-note")) {
      note.textContent = frameNote(frame, war, true);
    }
  }

  /** Back to the scenario: the exports' titles and, unless a state is explained again, the "Why?" hint. */
  leave(): void {
    this.refusedRun = false;
    for (const id of EXPORTS) byId(id).removeAttribute("title");
    this.clearExplain();
  }

  private clearExplain(): void {
    const panel = byId("explain");
    panel.replaceChildren(...this.hint.map((n) => n.cloneNode(true)));
    for (const key of ["render", "state", "frame"]) delete panel.dataset[key];
  }

  /** A state's name on the frame's date: a state the war names, by its `names` and `renames` (warNameOf: the
   * first day's `names` alone are wrong past a rename); any other (one picked on the map), by the map's names. */
  private warName(war: WarReplay, frame: WarFrame): (id: string) => string {
    const named = warNameOf(war, frame.date);
    return (id) => id in war.names ? named(id) : this.names.state(id);
  }
}
