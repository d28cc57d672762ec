// The result in words: each side by round, then conflicts (each with the CLI's line), neutrality, consultations,
// violations, gates, support and notes. Every state is a button that opens its explanation (and works for states too small
// for the map).
import type { CascadeResult } from "./api";
import { h } from "./dom";
import { DUTY_BADGES, DUTY_LABELS, dutiesOf, type Duty } from "./duty";
import { COLORS, type Category, type Role } from "./roles";
import { conflictDoubt, conflictLine } from "./conflictsaid";
import { boundSinceSaid, lapsedSaid, ongoingConditions, type BoundSince, type Lapse } from "./lapsedsaid";
import type { PlaceNames } from "./placesaid";
import { doubtWords } from "./said";
import { headSaid } from "./summaryhead";
import { byName, namedState } from "./wording";

/** A state's button, shown as its code and badges ("BLR R ?"), heard by its full name, its duty and what it does,
 * and described by `where`, the row it sits in ("attack side: round 4"), which a sighted reader sees beside it (the
 * description was the title again, already heard as the name); `broken`: its swatch struck through (a violation). */
export function stateButton(id: string, named: string, role: Role | undefined, onPick: (id: string) => void,
                            duties: Duty[] = [], where = "", broken = false): HTMLElement {
  const weak = duties.map((d) => DUTY_LABELS[d]).join("; ");
  const title = weak ? `${named}: ${weak}` : named;
  const b = h("button", { type: "button", class: "state", "data-state": id, title, "aria-label": `${title}. Show why`,
    "aria-description": where }, id);
  const swatch = h("span", { class: broken ? "swatch broken" : "swatch" });
  swatch.style.backgroundColor = COLORS[role?.category ?? "none"]; // the colour only: a struck swatch draws its line
  b.prepend(swatch);
  for (const d of duties) b.append(h("span", { class: `duty-badge ${d}`, "data-duty": d, "aria-label": DUTY_LABELS[d] }, DUTY_BADGES[d]));
  b.addEventListener("click", () => onPick(id));
  return b;
}

type Ongoing = { since?: string; lapsed?: Lapse[]; bound_since?: Record<string, BoundSince> };

/** With `--ongoing-since`: since when each state is bound, one a line as `cascade --ongoing-since` lists it (lapsedsaid.ts
 * boundSinceSaid: its side and provision, tagged, and the change that bound it), then each binding that lapsed
 * before the date, one a line as the CLI says it (lapsedsaid.ts: "released on DATE after ..."), each with the
 * conditions its provisions assume under it (ongoingConditions); `titles`: the named
 * ATOP alliances' titles, cited beside their ids as the CLI cites them. */
function ongoingLine(r: CascadeResult, names: (id: string) => string, titles: Record<string, string>): HTMLElement[] {
  const o = r.ongoing as Ongoing | undefined;
  if (!r.ongoing_since || !o) return [];
  const rows = byName(Object.entries(o.bound_since ?? {}), ([id]) => namedState(id, names)); // as the CLI lists them
  const lapsed = o.lapsed ?? [];
  const none = lapsed.length ? "no state bound without a break to the date" : "no state bound in that time";
  return [h("p", { class: "ongoing" }, `Attacks ongoing since ${r.ongoing_since}. Bound since:${rows.length ? "" : ` ${none}.`}`),
    ...(rows.length ? [h("ul", { class: "ongoing bound-since", "aria-label": "bound since" },
      ...rows.map(([id, b]) => h("li", { "data-state": id }, boundSinceSaid(id, b, names, titles), ...said(b))))] : []),
  ...(lapsed.length ? [h("ul", { class: "ongoing lapsed", "aria-label": "bound for a while, no longer" },
    ...lapsed.map((l) => h("li", { "data-state": l.state }, lapsedSaid(l, names), ...said(l))))] : [])];
}

/** Under an ongoing line, the conditions its provisions assume, each on a line of its own (ongoingConditions), as
 * `cascade --ongoing-since` prints them under it. */
function said(b: Parameters<typeof ongoingConditions>[0]): HTMLElement[] {
  return ongoingConditions(b).map((c) => h("div", { class: "condition" }, c));
}

export function renderSummary(host: HTMLElement, r: CascadeResult, roles: Map<string, Role>,
                              names: (id: string) => string, onPick: (id: string) => void,
                              places: PlaceNames, titles: Record<string, string> = {}): void {
  const duties = dutiesOf(r);
  // a side's row (and the conflicts') shows each state's role and its duty's badges; a finding's row shows each state
  // as that row's finding, `look`, not as the joiner it may also be (a violator attacks: its violation is drawn as the
  // neutrality it breaks, struck through)
  const row = (label: string, ids: string[], side = "", look?: Category) => ids.length ? h("div", { class: "srow" },
    h("span", { class: "slabel" }, label), ...ids.map((id) => stateButton(id, namedState(id, names),
      look ? { category: look } : roles.get(id), onPick, look ? [] : duties.get(id),
      side ? `${side} side: ${label}` : label, label === "violations"))) : null;
  const sideRows = (side: "attack" | "defense") => {
    const origin = side === "attack" ? r.attackers : r.targets;
    const rounds = [...new Set(r.joiners.filter((j) => j.side === side).map((j) => j.round))].sort((a, b) => a - b);
    return [row(side === "attack" ? "attackers" : "attacked", origin, side), ...rounds.map((k) =>
      row(`round ${k}`, r.joiners.filter((j) => j.side === side && j.round === k).map((j) => j.state), side))];
  };
  const uniq = (ids: string[]) => [...new Set(ids)];
  host.replaceChildren(
    // the CLI's header (summaryhead.ts headSaid: where each target is hit, none said at its home; the settings not the
    // defaults in words), then the counts
    h("p", { class: "head" }, `${headSaid(r, names, places)}; `
      + `${r.rounds} round(s); ${r.sides.attack.length} on the attack side, ${r.sides.defense.length} on the defense side.`),
    ...ongoingLine(r, names, titles),
    h("div", { class: "sides" },
      h("div", { class: "side attack" }, h("h3", {}, "Attack"), ...sideRows("attack")),
      h("div", { class: "side defense" }, h("h3", {}, "Defense"), ...sideRows("defense"))),
    row("conflicts", uniq(r.conflicts.map((c) => c.state))) ?? "",
    // every conflict's line, as the CLI gives one (conflictsaid.ts conflictLine), under the buttons that select its state;
    // one whose clashing duty rests on facts not verified says which, and is marked conflict-doubt
    ...r.conflicts.map((c) => h("p", { class: `note conflict${conflictDoubt(c) ? " conflict-doubt" : ""}`,
      "data-state": c.state }, `${conflictLine(c, names)}.`)),
    row("neutral", uniq(r.neutral.map((n) => n.state)), "", "neutral") ?? "",
    row("consult", uniq(r.consultations.map((c) => c.state)), "", "consult") ?? "",
    row("violations", uniq(r.violations.map((v) => v.state)), "", "neutral") ?? "",
    row("withheld", uniq(r.withheld.map((w) => w.state)), "", "withheld") ?? "",
    // bound to support a belligerent without fighting: the CLI's "Support:" lines, last of its findings as here
    row("support", uniq((r.supporters ?? []).map((x) => x.state)), "", "support") ?? "",
    // a treaty's or a clause's doubt names the states it concerns, as the CLI's line does (said.ts doubtWords)
    ...(r.doubts ?? []).map((d) => h("p", { class: "note doubt" }, `uncertain date: ${doubtWords(d, names)}`)),
    ...r.notes.map((n) => h("p", { class: "note" }, `note: ${n}`)),
  );
}
