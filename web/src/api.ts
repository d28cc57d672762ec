// Typed access to the foedus JSON API (same origin). Every error comes back as {ok:false, error, status};
// `ApiError` carries its one-line message so the page can show it as is.

import type { StateNote } from "./warrecorded";
import { SWITCH_DEFAULTS, type Because, type CascadeResult, type CertaintyReason, type Doubt, type OngoingChanges } from "./contract";
import type { PlaceSetRecord } from "./placesets";
import type { WarSource, WarSpell } from "./warstate";

export type {
  Because, CascadeResult, CertaintyReason, Chance, Conflict, Consultation, Doubt, Joiner, LikelihoodSummary, ModelCard,
  MonteCarloSummary, Neutral, Obligation, Power, Side, SidePower, StateLikelihood, ValidationScore, Violation, WarSize,
  Withheld,
} from "./contract";

export interface StateRow {
  id: string; ccode: number | null; cow: string | null; iso3: string | null; iso3n: number | null; name: string;
  spells: [string, string | null][];
  // in the system on the date asked; null: the COW dates cannot say (Palestine, before 1816); false: out of it (`every`)
  member: boolean | null;
}

export interface PlaceRow {
  id: string; name: string; kind: string; aliases: string[]; sovereign: string | null;
  administrator: string | null; claimants: string[]; regions: string[]; note: string | null;
  coords: { lat: number; lon: number } | null; outline: [number, number][] | null;
}

/** `/api/borders`: CShapes 2.0 borders on a date (a TopoJSON, object `states`), or null with a note why not. */
export interface BordersAnswer {
  date: string; historical: boolean; note: string; topology: unknown | null; valid_from?: string; valid_to?: string;
  source: { name: string; title: string; version: string; citation: string; licence: string } | null;
}

/** `/api/health` (foedus.web.api_catalog.health, models.HealthOut): the version and what the server loaded. */
export interface Health {
  ok: true; version: string; treaties: number; states: number;
  places: number; // the gazetteer's places
  system_dates: boolean; // the COW state-system dates are loaded (states' spells, membership on a date)
  history: boolean; // the ATOP treaty history is loaded
  front_end: boolean; // the server found the built page (its index.html) to serve
  datasets?: Record<string, string>;
  // each dataset's state in the data folder, as `foedus data status` checks it (present, other-version, missing,
  // partial, bad-checksum or unreadable); servers from before it was sent have none
  dataset_states?: Record<string, string>;
}

export interface WarRow { id: string; name: string; start: string; end: string | null; ongoing: boolean; events: number }
/** A change of a war's replay (docs/war.md): `label` words it by ids, `text` as `foedus war` does, each state
 * named ("Ukraine (UKR) attacks Russia (RUS) at kursk-oblast", foedus.war.words.change_text): the page shows `text`. */
/** A treaty change dated between a comparison's dates that starts or stops a duty (comparesaid.ts `datedLine`). */
export interface DatedChange {
  date: string; treaty: string; change: string; text: string; certainty: string; state?: string; undone_back_to?: string;
}
export interface WarChange {
  type: string; label: string; text: string; date?: string; treaty?: string;
  event?: number; // an event's (attack, entry, exit, ceasefire): its index in the war file's events
  change?: string; state?: string; article?: string;
  attacks?: { attacker: string; victim: string; place: string; target_kind: string }[]; states?: string[];
  side?: string; attacker?: string; victim?: string; place?: string;
  certainty?: string; certainty_reasons?: CertaintyReason[]; // a treaty change's: how sure the facts it rests on are
  rests_on?: string[]; // a `continues` kind's: its facts from that day, in brief (its `text` names them)
  spells?: string; // a `system` change's (a state leaving the state system or coming back): its system dates
}
export interface WarFrame {
  date: string; changes: WarChange[]; sides: { attack: string[]; defense: string[] };
  bound: Record<string, WarBinding>;
  conflicts: string[]; attacked_by?: Record<string, string[]>; // whose attacks on each state go on (servers from before: none)
  conflicted?: Record<string, { reason: string; treaties: string[]; instruments?: Record<string, string> }>; // why each is (servers from before: none)
  moved: { state: string; from: string; to: string; cause: WarChange | null; now_under?: string }[];
  doubts?: Doubt[]; // what a cascade on the frame's day lists (servers from before they were sent have none)
  paused?: Record<string, WarPause>; // each state fighting with no attack by or on it going on (docs/war.md)
  released?: Record<string, WarReleased>; // each state neither fighting nor bound that was bound earlier
}
/** A page the war file cites for a change's event (a frame's `paused` and `released` entries). */
export interface CitedPage { url: string; title: string | null }
/** A state fighting with no attack by or on it going on since `since`, after `cause` (a ceasefire, an attack's end,
 * an exit), with the pages cited for it: it has not left the war (foedus.war.frame.Frame.paused). */
export interface WarPause { since: string; cause: WarChange | null; sources: CitedPage[] }
/** A state's last binding, from `from` to `to` (exclusive), the one it continued without a break (`since`, its
 * provision `since_under`), and the change that released it then (foedus.war.frame.Frame.released). */
export interface WarReleased extends WarDuty, Pick<WarBinding, "since" | "since_under"> {
  side: "attack" | "defense"; from: string; to: string; cause: WarChange | null; sources: CitedPage[];
}
/** An obligation binding a state to join (docs/war.md, a frame's `bound`): its certainty that day and the facts it
 * rests on that are not verified (`doubted`: treaty, article, validity, membership, date), the kind of instrument it is
 * owed under (`instrument`), and what it assumes and the ATOP conditions it rests on, as the cascade's obligation
 * (`conditions`, `unresolved`); servers from before they were sent have none (read as verified, a treaty, none). */
export interface WarDuty {
  treaty: string; article: string; certainty?: string; doubted?: string[]; levels?: Record<string, string>;
  instrument?: string; conditions?: string[]; unresolved?: string[]; // levels: each doubted fact's (boundTag)
  kind?: string; because?: Because; // a binding's and a span's: its kind, the attack it answers (warsides.ts boundDuty)
}
/** A state bound to join on a frame's date: the side, the primary obligation, and the others that bind it that day;
 * since when it has been bound to that side without a break (`since`), and the provision it was first bound under
 * where the treaty or article has changed since (`since_under`): servers from before they were sent have none. */
export interface WarBinding extends WarDuty {
  side: "attack" | "defense"; also?: WarDuty[]; since?: string; since_under?: WarDuty;
}
export interface WarReplay {
  war: { id: string; name: string; start: string; end: string | null; ongoing: boolean;
    sources?: WarSource[]; // the pages the file cites (servers from before they were sent have none)
    // the day asked for, when after an ongoing war's data's end (the replay stops at that end); the map never asks
    // a day (`until`), so its replays are never cut this way
    asked_until?: string | null;
    leads?: Record<string, string[]>; // each side's lead states, its first attack's attackers and victims
    state_notes?: StateNote[] }; // what the file records of states its events do not replay (warrecorded.ts)
  frames: WarFrame[]; names: Record<string, string>; notes: string[];
  renames: WarRename[]; // each later change in a state's name, by date: `names` are the war's first day's
  states?: WarStateRecord[]; // each state's war (docs/war.md): the page reads its duties (said.ts dutyLines)
}
/** A duty of a state in a war (docs/war.md, `states[].triggered`, `consultations`, `neutral`): from `date`, under
 * `treaty` art. `article`, toward a state (`toward`; `with` for a consultation), with its certainty. */
export interface WarStateDuty {
  date: string; treaty: string; article: string; certainty: string; doubted?: string[]; levels?: Record<string, string>;
  toward?: string; with?: string; kind?: string; instrument?: string;
  conditions?: string[]; unresolved?: string[]; // a casus foederis's, as a binding's (WarDuty)
  limit?: string | null; limit_certainty?: string | null; // a consultation's place limit (helpsaid consultLimit)
  to?: string | null; // a consultation's first day no longer owed (said.ts dutyTo); null while owed
  to_certainty?: string; to_by?: string | null; // how sure `to` is, where an attack's unverified end set it
}
/** A state's record of a replayed war, as far as the page reads it: the obligation that first bound it to join, and
 * its other duties. */
export interface WarStateRecord {
  state: string; first_bound: { date: string; treaty: string } | null; spells?: WarSpell[]; // its fighting
  triggered: WarStateDuty[]; consultations: WarStateDuty[]; neutral: WarStateDuty[];
}
/** From `date` on, `state` is called `name` (docs/war.md; said.ts warNamesOn reads a date's names from these). */
export interface WarRename { date: string; state: string; name: string }

export interface TreatyRow {
  id: string; name: string; signed: string; in_force: string | null; origin: string;
  title?: string | null; // a named ATOP alliance as lines cite it, tagged when not verified (foedus.cited_names)
  instrument?: string; // treaty, executive_order, ... (servers from before it was sent have none: a treaty)
}

export interface Invocation {
  date: string; article: string; requester: string[]; outcome: string; note?: string;
  how_sure?: string; // the tag, and how well the date is known, in words ("unverified; date: known only to the month")
  window?: [string, string]; // where the date is known less than to the day: the days it can truly lie in
}
/** A note on a membership's doubted fact, against its fact (foedus.catalog.member_notes): a membership or a
 * suspension or freeze not verified, a date known less than to the day; `state`, the member's id (none from older
 * servers). */
export interface MemberNote { state?: string; fact: string; note: string }

export interface TreatyDetail {
  id: string; name: string; short_name?: string; signed: string; in_force?: string; terminated?: string;
  member_notes?: MemberNote[]; // as `foedus treaties show` lists them under its members table (none from older servers)
  place_sets?: PlaceSetRecord[]; // each place set its scopes name, with its extent's certainty and doubt (placesets.ts)
  in_force_how_sure?: string; // with in_force (or a window an entry not found may come in): the tag, how well the day is known
  terminated_how_sure?: string; // with terminated: likewise of the treaty's end
  carried_from?: string; // an ATOP alliance carried past ATOP's coverage: in force after this day only as carried forward
  carry_checked?: string; // carried, its standing checked: the check, in words (said.ts carrySaid says both)
  invocations: Invocation[]; sources: { url: string; title?: string }[]; provisions: TreatyProvision[];
}
/** A provision as the treaty's detail gives it; its gates as `foedus treaties show` says them (none from older servers). */
export interface TreatyProvision {
  article: string; summary?: string;
  gates?: string[]; party_gates?: { gate: string; obligors: string[] }[];
}

export type WhatIfParam = "add_member" | "remove_member" | "drop_treaty" | "set_strength";
export interface WhatIfChange { param: WhatIfParam; value: string }
export const WHATIF_PARAMS: WhatIfParam[] = ["add_member", "remove_member", "drop_treaty", "set_strength"];

export interface Scenario {
  attacker: string[]; target: string[]; date: string; place: string; target_kind: string; reading: string;
  requested: boolean; basis: string; territory_view: string; unresolved: string;
  severity: string; non_military: string; decisions: string; ongoing_since: string; likelihood: boolean;
  draws: number | null; seed: number | null; whatif: WhatIfChange[];
}

export interface Comparison {
  base: CascadeResult; other: CascadeResult; whatif: WhatIfChange[];
  changes: {
    // certainty, doubted: how sure the obligation named is, and its facts not verified (said.ts boundTag)
    // strength: a gained or switched state's new duty's (S1..S5; none from older servers); rests_on_what_if: the
    // what-if changes a gained or switched state's duty rests on (said.ts changeWords); rests_on_switch: the scenario
    // switches the obligation named binds only by (["non-military bound"]; comparesaid.ts switchSaid)
    gained: {
      state: string; side: string; why: string; certainty: string; doubted: string[]; strength?: string;
      rests_on_what_if?: string[]; rests_on_switch?: string[]; levels?: Record<string, string>;
    }[];
    lost: {
      state: string; side: string; why_before: string; certainty: string; doubted: string[]; rests_on_switch?: string[];
      levels?: Record<string, string>;
    }[];
    switched: {
      state: string; from: string; to: string; why: string; certainty: string; doubted: string[]; strength?: string;
      rests_on_what_if?: string[]; rests_on_switch?: string[]; levels?: Record<string, string>;
    }[];
    rebased: {
      state: string; side: string; why: string; why_before: string; added: string[]; dropped: string[];
      strength?: string; strength_before?: string; certainty?: string; doubted?: string[]; // its duty now's
      levels?: Record<string, string>;
      rests_on_what_if?: string[]; // the what-if changes its primary obligation now rests on (said.ts changeWords)
      rests_on_switch?: string[];
    }[];
    // the switches the two results run under, in foedus compare's first line's words (compare_words.compared_settings)
    switches_said?: string[];
    new_conflicts: string[]; resolved_conflicts: string[];
    war_size: { base: number; other: number };
    notes?: string[]; // each what-if change dated after the other date, as foedus compare's "note:" lines say it
    unchanged_because?: { treaty: string; change: string; why: string }[];
    ongoing?: OngoingChanges | null;  // with ongoing_since: how the war's course to the date differs
    dated_changes?: DatedChange[];  // across two dates: the treaty changes between them that start or stop a duty
  };
}

/** A state an ambiguous name may mean (Congo, Korea, Germany...), as the API lists it on a 422. */
export interface Candidate { id: string; name: string; ccode: number | null; spells: [string, string | null][] }

/** A place typed where a target is asked (Gaza Strip), as /api/resolve?role=target gives it on a 422: the place and the
 * state that holds it, to name instead. */
export interface PlaceAdvice { id: string; name: string; holder: string; holder_name: string }

/** A refused request: the message, and what a 422 names. `named`: the text, as given, that several states have
 * carried (the 422's `name`, beside its `candidates`): a what-if change of a link may hold it, which the page marks. */
export class ApiError extends Error {
  // notMember: the id of a state found but out of the state system that day (the 422's `not_member`)
  constructor(message: string, readonly status: number, readonly candidates: Candidate[] = [],
              readonly place: PlaceAdvice | null = null, readonly named: string = "",
              readonly notMember: string = "") { super(message); }
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const err = body as { error?: string; candidates?: Candidate[]; place?: PlaceAdvice; name?: string;
                          not_member?: string } | null;
    const message = err?.error ?? `request failed with HTTP ${response.status}`;
    throw new ApiError(message, response.status, err?.candidates ?? [], err?.place ?? null, err?.name ?? "",
                       err?.not_member ?? "");
  }
  return body as T;
}

/** The query string of a scenario, in the API's own parameter names (also used for shareable links). An empty
 * what-if value is left out: the API refuses one, as the CLI does. */
export function scenarioParams(s: Scenario): URLSearchParams {
  const p = new URLSearchParams();
  s.attacker.forEach((a) => p.append("attacker", a));
  s.target.forEach((t) => p.append("target", t));
  p.set("date", s.date);
  if (s.place) p.set("place", s.place);
  if (s.target_kind !== SWITCH_DEFAULTS.target_kind) p.set("target_kind", s.target_kind);
  if (s.reading !== SWITCH_DEFAULTS.reading) p.set("reading", s.reading);
  if (!s.requested) p.set("requested", "false");
  if (s.basis !== SWITCH_DEFAULTS.basis) p.set("basis", s.basis);
  if (s.territory_view !== SWITCH_DEFAULTS.territory_view) p.set("territory_view", s.territory_view);
  if (s.unresolved !== SWITCH_DEFAULTS.unresolved) p.set("unresolved", s.unresolved);
  if (s.severity !== SWITCH_DEFAULTS.severity) p.set("severity", s.severity);
  if (s.non_military !== SWITCH_DEFAULTS.non_military) p.set("non_military", s.non_military);
  if (s.decisions !== SWITCH_DEFAULTS.decisions) p.set("decisions", s.decisions);
  if (s.ongoing_since) p.set("ongoing_since", s.ongoing_since);
  if (s.likelihood) p.set("likelihood", "true");
  if (s.draws) {
    p.set("draws", String(s.draws));
    if (s.seed !== null) p.set("seed", String(s.seed));
  }
  s.whatif.filter((c) => c.value.trim()).forEach((c) => p.append(c.param, c.value));
  return p;
}

export const api = {
  cascade: (s: Scenario) => getJson<CascadeResult>(`/api/cascade?${scenarioParams(s).toString()}`),
  compare: (s: Scenario, otherDate: string) => {
    const p = scenarioParams({ ...s, draws: null, likelihood: false });
    if (otherDate) p.set("other_date", otherDate);
    return getJson<Comparison>(`/api/compare?${p.toString()}`);
  },
  // with a date, `every`: the states out of the system then too (member false), named as on the date
  states: (date?: string, every = false) => getJson<StateRow[]>(
    `/api/states${date ? `?date=${encodeURIComponent(date)}${every ? "&every=true" : ""}` : ""}`),
  places: (date?: string) => getJson<PlaceRow[]>(`/api/places?homes=true${date ? `&date=${encodeURIComponent(date)}` : ""}`),
  treaties: () => getJson<TreatyRow[]>("/api/treaties"),
  treaty: (id: string) => getJson<TreatyDetail>(`/api/treaties/${encodeURIComponent(id)}`),
  borders: (date: string) => getJson<BordersAnswer>(`/api/borders?date=${encodeURIComponent(date)}`),
  // role: the form field that asks (a place typed as the target comes back with the place and its holder); a list
  // typed as the CLI takes one ("RUS, EST") comes back with every state in `states`, or the refusal of one part
  resolve: (text: string, date?: string, role?: "attacker" | "target") => getJson<
    { id: string; name: string; states?: { id: string; name: string }[] }>(
    `/api/resolve?state=${encodeURIComponent(text)}${date ? `&date=${encodeURIComponent(date)}` : ""}`
    + (role ? `&role=${role}` : "")),
  health: () => getJson<Health>("/api/health"),
  wars: () => getJson<WarRow[]>("/api/wars"),
  war: (id: string, s: Pick<Scenario, "reading" | "territory_view" | "basis" | "requested" | "unresolved"
    | "non_military" | "decisions">) => {
    const p = new URLSearchParams({ id, reading: s.reading, territory_view: s.territory_view, basis: s.basis,
      unresolved: s.unresolved, requested: String(s.requested), non_military: s.non_military,
      decisions: s.decisions });
    return getJson<WarReplay>(`/api/war?${p.toString()}`);
  },
  warAt: (s: Scenario, joiners: string[]) => getJson<{ id: string | null; involved: string[] }>(`/api/wars/at?${
    new URLSearchParams({ date: s.date, attackers: s.attacker.join(","), targets: s.target.join(","),
    states: joiners.join(","), reading: s.reading, basis: s.basis, territory_view: s.territory_view,
    unresolved: s.unresolved, requested: String(s.requested), non_military: s.non_military, decisions: s.decisions }).toString()}`),
};
