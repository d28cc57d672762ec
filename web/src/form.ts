// The scenario form: attacker and target pickers (search box with chips, or click on the map), place,
// what is hit, the date control, the reading switch, the likelihood switch, severity, "ongoing since" and the
// other options.
import { api, ApiError, type Candidate, type PlaceRow, type Scenario, type StateRow } from "./api";
import { SWITCH_CHOICES, SWITCH_DEFAULTS } from "./contract";
import { DateControl, isDate, today } from "./datecontrol";
import { DatedNames, type NameOf } from "./datednames";
import { byId, h } from "./dom";
import { existsOn, notMember } from "./membership";
import { pickedAs } from "./pageline";
import { placeOffer } from "./placeadvice";

/** Find a state from what a person typed: id, ISO3, COW code or number, name, or "Name (ID)". */
export function resolveState(text: string, states: StateRow[]): StateRow | undefined {
  return matchStates(text, states, null)[0];
}

/** The state a code (or, with `names`, an exact name: today's, or the one `dated` gives) is, in the server's order
 * (foedus.model.states): an id or ISO3 code first, then a name, then a COW abbreviation, then a COW number. KOR is
 * South Korea, although COW's KOR is the kingdom of 1887-1905 (likewise CZE, MNG, SWZ); undefined when nothing is
 * exactly that. */
export function exactState(text: string, states: StateRow[], names = false, dated: NameOf | null = null): StateRow | undefined {
  const key = text.trim().toLowerCase();
  const keys: ((s: StateRow) => (string | null | undefined)[])[] = [(s) => [s.id, s.iso3],
    (s) => (names ? [s.name, dated?.(s.id)] : []), (s) => [s.cow], (s) => [s.ccode?.toString()]];
  for (const of of keys) {
    const found = states.find((s) => of(s).some((v) => v != null && v.toLowerCase() === key));
    if (found) return found;
  }
  return undefined;
}

/** Every state the text may mean: one on an exact id/code/name match, else those whose name fits (today's, or the
 *  one `dated` gives: the Soviet Union on a 1979 date), narrowed to the ones in the state system on `date` when that
 *  leaves one (several: the form asks). An exact name of a state not in the system on `date` gives none: the server
 *  reads such a name on the date (Korea in 2025 is either Korea of the day, not the kingdom of 1887-1905), so the
 *  picker asks it. */
export function matchStates(text: string, states: StateRow[], date: string | null,
                            dated: NameOf | null = null): StateRow[] {
  const raw = text.trim();
  if (!raw) return [];
  const inParens = /\(([^()]+)\)\s*$/.exec(raw);
  const key = (inParens ? inParens[1] : raw).toLowerCase();
  const exact = exactState(key, states, true, dated);
  if (exact) return date === null || existsOn(exact, date) || exactState(key, states) === exact ? [exact] : [];
  const lower = raw.toLowerCase();
  const names = (s: StateRow) => [s.name, dated?.(s.id) ?? s.name].map((n) => n.toLowerCase());
  const starts = states.filter((s) => names(s).some((n) => n.startsWith(lower)));
  const found = starts.length ? starts : states.filter((s) => names(s).some((n) => n.includes(lower)));
  if (found.length <= 1 || date === null) return found;
  const living = found.filter((s) => existsOn(s, date));
  return living.length ? living : found;
}

/** A state a name may mean, as the form offers it: "Austria (AUT, COW 305; 1919-09-10–1938-03-13, 1955-07-27–(open))". */
function candidateLabel(s: Candidate): string {
  const dates = s.spells.map(([a, b]) => `${a}–${b ?? "(open)"}`).join(", ");
  return `${s.name} (${s.id}${s.ccode !== null ? `, COW ${s.ccode}` : ""}${dates ? `; ${dates}` : ""})`;
}

class StatePicker {
  readonly chosen: string[] = [];
  private readonly chips: HTMLElement;
  private readonly input: HTMLInputElement;

  private readonly choices: HTMLElement;
  // the text last answered (added, asked or refused) and the date it was read on: Enter and then leaving answer
  // once, but the same text on another date (Korea: the kingdom in 1900, North or South in 1979) is read again
  private handled = "";

  constructor(private readonly role: "attacker" | "target", private readonly states: StateRow[],
              private readonly name: NameOf, private readonly onError: (msg: string) => void,
              private readonly onChange: () => void, private readonly date: () => string = today) {
    this.chips = byId(`${role}-chips`);
    this.choices = h("div", { class: "choices", role: "group", "aria-label": `which ${role}?` });
    this.chips.after(this.choices);
    this.input = byId<HTMLInputElement>(`${role}-search`);
    this.input.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") { ev.preventDefault(); this.addTyped(); }
    });
    // leaving the box (Tab, a click elsewhere) does what Enter does: add, ask which, or say why nothing was added
    this.input.addEventListener("change", () => this.addTyped());
    // new text: the question asked of the old text ("may mean: ...") no longer fits it
    this.input.addEventListener("input", () => { this.handled = ""; this.choices.replaceChildren(); });
  }

  private addTyped(): void {
    const typed = this.input.value.trim();
    const key = `${typed}@${this.date()}`;
    if (!typed || key === this.handled) return;
    this.handled = key;
    this.choices.replaceChildren(); // a question asked before (the same text on another date) is answered anew
    const found = matchStates(typed, this.states, this.date(), this.name);
    if (found.length > 1) {
      this.ask(typed, found);
      return;
    }
    if (found.length === 1) {  // one state the page matched: the server's check for a role, with no round trip
      if (this.absent(found[0].id)) {  // out of the state system that day: refused now, not by the cascade later
        this.onError(`${notMember(this.role, found[0].id, this.date(), this.states, this.name)}; nothing was added `
          + `as ${this.role}`);
        return;
      }
      this.add(found[0].id);
      this.input.value = "";
      return;
    }
    api.resolve(typed, this.date(), this.role).then((state) => {
      for (const s of state.states ?? [state]) this.add(s.id);  // "RUS, EST": each state of the list
      this.input.value = "";
    }, (e: unknown) => {
      const why = e instanceof ApiError ? e.message : "try a name, ISO3 or COW code";
      // a state found but out of the system that day is refused in the cascade's words, not as a name unmatched
      const said = e instanceof ApiError && e.notMember ? `${why}; nothing was added as ${this.role}`
        : `no state matches ${JSON.stringify(typed)}: ${why}; nothing was added as ${this.role}`;
      // several had it (asked which), or one state is meant (England: GBR), said why and offered; named: the part
      // of a typed list that was refused
      if (e instanceof ApiError && e.candidates.length) {
        if (e.candidates.length === 1) this.onError(said);
        this.ask(e.named || typed, e.candidates);
        return;
      }
      this.onError(said);
      // a place typed as the target (Gaza Strip): offer its holder as the target, with the place picked
      const offer = e instanceof ApiError && e.place ? placeOffer(typed, e.place, (id) => this.picked(id)) : null;
      if (offer) this.choices.replaceChildren(...offer);
    });
  }

  /** Several states fit a name: offer each in the state system on the form's date (code and system dates) and add
   * the one clicked. Where none of them is (Austria in 1940), say so and offer none: the server refuses each as not
   * a member on that date. */
  private ask(typed: string, found: Candidate[]): void {
    const date = this.date();
    const usable = found.filter((s) => existsOn(s, date));
    if (!usable.length) {
      this.choices.replaceChildren(h("span", { class: "no-choice" }, `${JSON.stringify(typed)} names no member of the `
        + `state system on ${date}, so nothing was added as ${this.role}: its states are `
        + `${found.map(candidateLabel).join("; ")}. Change the date to add one.`));
      return;
    }
    const buttons = usable.slice(0, 8).map((s) => {
      const b = h("button", { type: "button", class: "choice", "data-state": s.id }, candidateLabel(s));
      b.addEventListener("click", () => this.picked(s.id));
      return b;
    });
    this.choices.replaceChildren(h("span", {}, `${JSON.stringify(typed)} may mean: `), ...buttons);
  }

  /** A state offered under the box was picked: the question and the typed text go, the state is added. */
  private picked(id: string): void {
    this.choices.replaceChildren();
    this.input.value = "";
    this.add(id);
  }

  /** Add a state (the target picker keeps several; picking again is harmless). */
  add(id: string): void {
    if (!this.chosen.includes(id)) this.chosen.push(id);
    this.render();
    this.onChange();
    pickedAs(this.role);
  }

  set(ids: string[]): void {
    this.chosen.splice(0, this.chosen.length, ...ids);
    this.render();
  }

  /** Each chosen state out of the state system on the form's date, refused in the cascade's words. */
  refusals(): string[] {
    return this.chosen.filter((id) => this.absent(id)).map((id) => notMember(this.role, id, this.date(), this.states,
      this.name));
  }

  private absent(id: string): boolean {
    return !existsOn(this.states.find((s) => s.id === id), this.date());
  }

  /** Show the chips, each state named as on the form's date; one out of the state system that day is marked. */
  render(): void {
    this.chips.replaceChildren(...this.chosen.map((id) => {
      const remove = h("button", { type: "button", class: "chip-x", "aria-label": `remove ${id}` }, "×");
      remove.addEventListener("click", () => {
        this.chosen.splice(this.chosen.indexOf(id), 1);
        this.render();
        this.onChange();
      });
      const chip = h("span", { class: `chip ${this.role}`, "data-state": id }, `${this.name(id)} (${id})`, remove);
      if (this.absent(id)) {
        chip.classList.add("not-member");
        chip.setAttribute("aria-invalid", "true");
        chip.title = notMember(this.role, id, this.date(), this.states, this.name);
      }
      return chip;
    }));
  }
}

export class ScenarioForm {
  readonly attacker: StatePicker;
  readonly target: StatePicker;
  readonly date: DateControl;
  /** The states' names on the form's date, for the chips, the search list and (main.ts) the map's tooltips. */
  readonly names: DatedNames;

  // the chips' refusals last said (a date that leaves a chosen state out of the state system), said once each
  private refused = "";

  constructor(private readonly states: StateRow[], places: PlaceRow[], private readonly onError: (msg: string) => void,
              onDateScrub: () => void, runAt: (date: string) => Promise<boolean>) {
    this.names = new DatedNames(states);
    const name = (id: string) => this.names.name(id);
    const date = () => this.date?.value || today();  // today's while the date control is built
    this.attacker = new StatePicker("attacker", states, name, onError, () => this.recheck(), date);
    this.target = new StatePicker("target", states, name, onError, () => this.recheck(), date);
    this.fillPlaces(places);
    this.names.listen(() => this.rename());
    this.rename();
    this.date = new DateControl(onDateScrub, runAt, (d) => { this.names.show(d); this.recheck(); });
  }

  /** Check the chips again on the form's date: each state out of the state system then is marked and refused in
   *  the cascade's words at once, not when the cascade runs; the refusal goes when no chip is out any more. */
  private recheck(): void {
    this.attacker.render();
    this.target.render();
    const said = [...this.attacker.refusals(), ...this.target.refusals()].join("; ");
    if (said === this.refused) return;
    if (said) this.onError(said);
    else if (byId("error").textContent === this.refused) this.onError("");
    this.refused = said;
  }

  /** Name the chips', the search list's and the place list's states (a place's holder) as on the form's date. */
  rename(): void {
    const name = this.names.name;
    byId("state-list").replaceChildren(...this.states.map((s) => h("option", { value: `${name(s.id)} (${s.id})` })));
    for (const o of byId("place").querySelectorAll<HTMLOptionElement>("option[data-holder]")) {
      const holder = o.dataset.holder ?? "";
      o.textContent = holder ? `${o.dataset.name ?? ""} (${name(holder)})` : o.dataset.name ?? "";
    }
    this.recheck();
  }

  private fillPlaces(places: PlaceRow[]): void {
    const select = byId<HTMLSelectElement>("place");
    const kinds = [...new Set(places.map((p) => p.kind))].filter((k) => k !== "home").sort();
    for (const kind of kinds) {
      const group = h("optgroup", { label: kind });
      for (const p of places.filter((x) => x.kind === kind).sort((a, b) => a.name.localeCompare(b.name))) {
        group.append(h("option", { value: p.id, "data-holder": p.sovereign ?? p.administrator ?? "",
          "data-name": p.name }, p.name));
      }
      select.append(group);
    }
  }

  /** The scenario as the form shows it. */
  read(): Scenario {
    const value = (id: string) => byId<HTMLSelectElement | HTMLInputElement>(id).value;
    const reading = document.querySelector<HTMLInputElement>("input[name=reading]:checked")?.value ?? SWITCH_DEFAULTS.reading;
    const since = value("ongoing-since");
    return {
      attacker: [...this.attacker.chosen], target: [...this.target.chosen], date: this.date.value,
      place: value("place"), target_kind: value("target-kind"), reading,
      requested: byId<HTMLInputElement>("requested").checked, basis: value("basis"),
      territory_view: value("territory-view"), unresolved: value("unresolved"), severity: value("severity"),
      non_military: value("non-military"), decisions: value("decisions"),
      ongoing_since: isDate(since) ? since : "", likelihood: byId<HTMLInputElement>("likelihood").checked,
      draws: null, seed: null, whatif: [],
    };
  }

  /** Show a scenario (from a shared link, already checked). */
  write(s: Scenario): void {
    this.attacker.set(s.attacker);
    this.target.set(s.target);
    this.date.show(isDate(s.date) ? s.date : today());
    const set = (id: string, v: string) => {
      const el = byId<HTMLSelectElement>(id);
      if ([...el.options].some((o) => o.value === v)) el.value = v;
    };
    set("place", s.place);
    set("target-kind", s.target_kind);
    set("basis", s.basis);
    set("territory-view", s.territory_view);
    set("unresolved", s.unresolved);
    set("severity", s.severity);
    set("non-military", s.non_military);
    set("decisions", s.decisions);
    byId<HTMLInputElement>("ongoing-since").value = s.ongoing_since;
    byId<HTMLInputElement>("requested").checked = s.requested;
    byId<HTMLInputElement>("likelihood").checked = s.likelihood;
    const readings: readonly string[] = SWITCH_CHOICES.reading;
    const reading = readings.includes(s.reading) ? s.reading : SWITCH_DEFAULTS.reading;
    const radio = document.querySelector<HTMLInputElement>(`input[name=reading][value="${reading}"]`);
    if (radio) radio.checked = true;
  }
}
