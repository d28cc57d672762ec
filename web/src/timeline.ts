// The war timeline: replay a bundled example war (/api/wars, /api/war) and play it frame by frame; states
// change colour as they enter the war or become bound, and the log says which event moved each (a treaty
// change with how sure it is, as `foedus war` prints it), and which states' fighting paused or began again. Under it, the war file's notes and the pages it cites.
import { api, ApiError, type Scenario, type WarFrame, type WarReplay } from "./api";
import type { NameOf } from "./datednames";
import { byId, h, pageLink } from "./dom";
import type { Category, Role } from "./roles";
import { moveWords, warNamesOn } from "./said";
import { boundDuty, sidesSaid, sideWords } from "./warsides";
import { pauseLines } from "./warended";
import { openedSaid, openingFrame, type Involved } from "./waropen";
import { pickWar, sayChosen, shownWars } from "./warpick";
import { changeSaid, namedState } from "./wording";

/** A replayed war's states named as on `date`, by its `names` and `renames` (warNamesOn); a state it does not name, by
 * its id. */
export function warNameOf(r: Pick<WarReplay, "names" | "renames">, date: string): NameOf {
  const named = warNamesOn(r.names, r.renames, date);
  return (id) => named[id] ?? id;
}

export const WAR_LABELS: Partial<Record<Category, string>> = {
  "attack-0": "fighting on the attack side", "defense-0": "fighting on the defense side",
  "attack-2": "bound to join the attack side", "defense-2": "bound to join the defense side",
  conflict: "conflict: bound both ways",
};

/** Each state's role in one frame: fighting (darkest), bound to join (lighter), bound both ways. */
export function frameRoles(f: WarFrame): Map<string, Role> {
  const roles = new Map<string, Role>();
  f.sides.attack.forEach((s) => roles.set(s, { category: "attack-0", side: "attack", round: 0 }));
  f.sides.defense.forEach((s) => roles.set(s, { category: "defense-0", side: "defense", round: 0 }));
  for (const [s, b] of Object.entries(f.bound)) {
    if (!roles.has(s)) roles.set(s, { category: b.side === "attack" ? "attack-2" : "defense-2", side: b.side });
  }
  f.conflicts.forEach((s) => { if (!roles.has(s)) roles.set(s, { category: "conflict" }); });
  return roles;
}

/** The war's sides by its lead states, as `foedus war` says them under its title, then the war file's notes (what
 * the replay leaves out or reads one way) and the pages it cites, as the CLI's last
 * lines say them ("note: ...", "source: TITLE — URL"): an event's source after its date and words, not those of the
 * day an attack with an `until` ends, whose change names the event too. */
export function warAbout(r: WarReplay): HTMLElement[] {
  const events = new Map(r.frames.flatMap((f) => f.changes)
    .filter((c) => c.event !== undefined && !c.treaty && c.type !== "attack-ends").map((c) => [c.event, c]));
  const sources = (r.war.sources ?? []).map((c) => {
    const event = c.event === null ? undefined : events.get(c.event);
    return h("li", {}, "source: ", event ? `${event.date ?? ""} ${event.text}: ` : "",
      pageLink(c.url, c.title ?? c.url, c.title ?? c.url), c.title ? ` — ${c.url}` : "");
  });
  const first = r.frames.find((f) => f.changes.some((c) => c.type === "attack")) ?? r.frames[0]; // names as then
  const sides = r.war.leads ? [h("p", { class: "sides" }, sidesSaid(r.war.leads, warNameOf(r, first.date)))] : [];
  return [...sides, ...r.notes.map((n) => h("p", { class: "note" }, `note: ${n}`)),
    ...(sources.length ? [h("ul", { class: "war-sources", "aria-label": "pages the war file cites" }, ...sources)] : [])];
}

export class WarTimeline {
  private replay: WarReplay | null = null;
  private timer: number | null = null;
  private queue: Promise<void> = Promise.resolve(); // frames are drawn one after another, in the order asked
  private replays = 0; // a replay or frame asked for before the last reset or cancel is not shown
  private drawn: { replay: WarReplay; frame: WarFrame } | null = null; // the frame the map shows (taken by the page)
  private shown: string | null = null; // the date of the scenario whose result the map shows or showed last: Replay opens there
  private opened: { replay: WarReplay; said: string } | null = null; // the last replay loaded, and its status line
  private names = new Map<string, string>(); // each bundled war's name, by id
  private readonly frame = byId<HTMLInputElement>("war-frame");

  constructor(private readonly settings: () => Scenario, private readonly onError: (m: string) => void,
              private readonly show: (frame: WarFrame, roles: Map<string, Role>, war: WarReplay,
                                      commit: () => boolean) => Promise<void>) {
    byId("war-load").addEventListener("click", () => void this.load());
    byId("war-select").addEventListener("change", sayChosen);
    byId("war-play").addEventListener("click", () => { if (this.timer !== null) this.stop(); else this.play(); });
    this.frame.addEventListener("input", () => void this.goto(Number(this.frame.value)));
  }

  async fill(): Promise<void> {
    const wars = await api.wars();
    this.names = new Map(wars.map((w) => [w.id, w.name]));
    byId("war-select").replaceChildren(...wars.map((w) => h("option", { value: w.id }, // as `foedus war` dates a replay
      `${w.name} (${w.end ? `${w.start} to ${w.end}` : `from ${w.start}${w.ongoing ? ", ongoing" : ""}`})`)));
    byId("war-panel").hidden = wars.length === 0;
    sayChosen();
  }

  /** Default the picker to the war `shown` (the scenario whose result the map shows, naming `joiners`) sits in
   * (warpick.ts): not the form's, which a reader may have edited since, nor a refused run's. */
  pick(shown: Scenario, joiners: string[]): void { this.shown = shown.date; void pickWar(shown, joiners); }

  /** Where the shown scenario stands toward the war `id` (waropen.ts): whether one of its states fights in it on its
   * date, and the other wars they fight in then, by name; null where none is shown or the server could not say. */
  private async involved(id: string): Promise<Involved | null> {
    const wars = await shownWars();
    return wars && { here: wars.involved.includes(id),
      others: wars.involved.filter((w) => w !== id).map((w) => this.names.get(w) ?? w) };
  }

  private async load(): Promise<void> {
    const id = byId<HTMLSelectElement>("war-select").value;
    if (!id) return;
    this.stop();
    const ticket = ++this.replays;
    byId("war-status").textContent = "replaying…";
    byId("war-about").replaceChildren();
    try {
      const [replay, involved] = await Promise.all([api.war(id, this.settings()), this.involved(id)]);
      if (ticket !== this.replays) return;
      const { frames, war } = replay;
      this.opened = { replay, said: openedSaid(frames, war.start, war.end, this.shown, involved) };
      this.open(replay, this.opened.said);
      await this.goto(openingFrame(frames, war.end, this.shown, involved)); // the scenario's date, if it is in the war
    } catch (e) {
      if (ticket !== this.replays) return;
      byId("war-status").textContent = "";
      this.onError(e instanceof ApiError ? e.message : `request failed: ${String(e)}`);
    }
  }

  /** Show a replayed war's controls, dates and notes; `said`, the status line (waropen.ts openedSaid), kept as it is
   * when the page goes back to a date it shows. */
  private open(r: WarReplay, said?: string): void {
    this.replay = r;
    this.frame.max = String(r.frames.length - 1);
    byId("war-controls").hidden = false;
    if (said !== undefined) byId("war-status").textContent = said;
    byId("war-about").replaceChildren(...warAbout(r));
  }

  /** Draw the `index`th date of the war: the slider, date and log at once, the map once the page has drawn it. The
   * page takes the frame (`commit`) once its names are in, unless a run was asked meanwhile (cancel). */
  private async goto(index: number): Promise<void> {
    const r = this.replay;
    if (!r) return;
    const f = r.frames[Math.max(0, Math.min(index, r.frames.length - 1))];
    this.label(r, f);
    const ticket = this.replays;
    const commit = () => {
      if (ticket === this.replays) this.drawn = { replay: r, frame: f };
      return ticket === this.replays;
    };
    this.queue = this.queue.then(async () => {
      if (ticket !== this.replays) return;
      await this.show(f, frameRoles(f), r, commit);
      if (this.drawn?.frame === f) document.body.dataset.warFrame = f.date;
    }).catch((e: unknown) => this.onError(`the map could not show ${f.date}: ${String(e)}`));
    await this.queue;
  }

  /** The slider, the date and the log at frame `f`. Each moved state is named as on its frame's date, as the
   * change's `text` is: by the replay's `names` and `renames` (the war names every state it moves), not a request.
   * Under the moves, as `foedus war`'s timeline says them (warended.ts pauseLines), each state whose fighting pauses
   * that day and each paused the date before that fights again (class `pause`). */
  private label(r: WarReplay, f: WarFrame): void {
    const at = r.frames.indexOf(f);
    this.frame.value = String(at);
    byId("war-date").textContent = f.date;
    const lines = (fr: WarFrame, i: number) => {
      const name = warNameOf(r, fr.date);
      const sides = r.war.leads ? sideWords(r.war.leads, name, fr.sides) : undefined; // by its leads fighting that day
      const duty = (m: WarFrame["moved"][number]) => [boundDuty(i > 0 ? r.frames[i - 1].bound[m.state] : undefined, name),
        boundDuty(fr.bound[m.state], name)] as const; // the binding left and the one entered, as the text says them
      const pauses = pauseLines(fr, i > 0 ? r.frames[i - 1].paused ?? {} : {}, name);
      return fr.moved.length || pauses.length ? h("ul", {}, ...fr.moved.map((m) => h("li", { "data-state": m.state },
        `${namedState(m.state, name)}: ${moveWords(m, sides, ...duty(m))}${m.cause ? ` (${changeSaid(m.cause)})` : ""}`)),
      ...pauses.map((line) => h("li", { class: "pause" }, line))) : null;
    };
    byId("war-log").replaceChildren(...r.frames.slice(0, at + 1).map((fr, i) => h("li",
      { class: fr === f ? "current" : "", "data-date": fr.date }, h("strong", {}, fr.date), " ",
      h("span", { class: "war-changes" }, fr.changes.map(changeSaid).join("; ")), lines(fr, i))).reverse());
  }

  private play(): void {
    const r = this.replay;
    if (!r) return;
    if (Number(this.frame.value) >= r.frames.length - 1) this.frame.value = "0";
    byId("war-play").textContent = "Stop";
    const tick = async () => {
      await this.goto(Number(this.frame.value));
      if (this.timer === null) return;
      if (Number(this.frame.value) >= r.frames.length - 1) { this.stop(); return; }
      this.frame.value = String(Number(this.frame.value) + 1);
      this.timer = window.setTimeout(() => void tick(), 900);
    };
    this.timer = window.setTimeout(() => void tick(), 0);
  }

  /** A run was asked: a replay still loading and the dates not yet drawn are dropped (the run's result takes the map),
   * and the slider, date and log go back to the date the map shows, where a refused run leaves it. */
  cancel(): void {
    this.stop();
    const d = this.drawn;
    if (!d) { this.reset(); return; }
    this.replays++;
    this.open(d.replay, this.opened?.replay === d.replay ? this.opened.said : undefined);
    this.label(d.replay, d.frame);
  }

  /** A scenario's result is on the map again: the war's log, date and notes go, until the next Replay. */
  reset(): void {
    this.stop();
    this.replays++;
    this.replay = null;
    this.drawn = null;
    this.frame.value = "0";
    byId("war-controls").hidden = true;
    for (const id of ["war-date", "war-status"]) byId(id).textContent = "";
    for (const id of ["war-log", "war-about"]) byId(id).replaceChildren();
    delete document.body.dataset.warFrame;
  }

  stop(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    byId("war-play").textContent = "Play";
  }
}
