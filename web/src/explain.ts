// The "why" panel: for one state, every finding that names it (side, treaty, article, strength, the attack
// that set it off, the conditions assumed), the joining model's chances when the result has them, then the
// dates (in force, ended, each with how sure it is; in force past its source's coverage only as carried forward,
// and whether that was checked), the notes on the state's own doubted membership facts (membernotes.ts) and the
// invocation history of each treaty involved.
import { api, type CascadeResult, type CertaintyReason, type Obligation, type TreatyDetail } from "./api";
import { INSTRUMENT_WORDS, STRENGTH_WORDS } from "./contract";
import { byId, h, pageLink } from "./dom";
import { consultSaid, findingLine, neutralSaid, violationSaid } from "./findings";
import { supportLines, unreachedConsultationLines, unreachedLines } from "./helpsaid";
import { invocationAfter } from "./invocationafter";
import { likelihoodBlock } from "./likelypanel";
import { memberNotesBlock } from "./membernotes";
import { attackedSaid } from "./placesaid";
import { placeSetLine } from "./placesets";
import { categoriesOf, COLORS, LABELS, sideCategory, type Category, type Role } from "./roles";
import { articleCited, becauseWords, carrySaid, instrumentSaid } from "./said";
import { namedState } from "./wording";

let renders = 0;
const treatyCache = new Map<string, Promise<TreatyDetail>>();

function treaty(id: string): Promise<TreatyDetail> {
  let found = treatyCache.get(id);
  if (!found) { found = api.treaty(id); treatyCache.set(id, found); }
  return found;
}

export interface Names {
  state: (id: string) => string; treaty: (id: string) => string; place: (id: string) => string;
  home?: (id: string) => string | undefined; // the state a home territory is the home of (placesaid.ts homeOf)
  titles?: Record<string, string>; // the named ATOP alliances' titles, by id (titles.ts): cited beside their ids
}

/** A fact's source: a link when it is a web page, else its words (a gazetteer entry, a reference book). */
function sourceNode(source: string): HTMLElement | string {
  return pageLink(source, "source");
}

/** Each fact a finding rests on that is not verified, with its source (null when there are none), under the
 * heading the API gives it ("not verified", "not to the day" for a date known to a verified window, or
 * "hypothetical" for a what-if change a duty rests on), worded by the same rule as the CLI's text
 * (foedus.engine.records.reason_heading); the list is labelled by the headings it holds, so the label is true of each
 * reason in it (reasonsLabel). */
function reasonsList(reasons: CertaintyReason[] | undefined): HTMLElement | null {
  if (!reasons?.length) return null;
  return h("ul", { class: "reasons", "aria-label": reasonsLabel(reasons) }, ...reasons.map((r) =>
    h("li", {}, `${r.heading}: ${r.fact} — `, sourceNode(r.source))));
}

/** A reasons list's label: what the finding rests on, by the headings of its reasons in their order ("what it rests
 * on: not verified; hypothetical"); it said "why not verified, or not to the day" over a what-if's reason too. */
export function reasonsLabel(reasons: Pick<CertaintyReason, "heading">[]): string {
  return `what it rests on: ${[...new Set(reasons.map((r) => r.heading))].join("; ")}`;
}

/** A one-line finding (neutrality, consultation, violation, withheld leg) with its certainty when not verified, or
 * when verified but not to the day, in the CLI's words (findings.ts findingLine: said.ts findingTag, before the
 * sentence's full stop), and why: the facts are listed under it. Its line opens with the swatch of its `category`,
 * the legend's colour (a violation's struck through, `broken`, as the summary's violations row draws it). */
function findingBlock(text: string, f: { certainty?: string; certainty_reasons?: CertaintyReason[] },
  category: Category, attrs: Record<string, string> = {}, broken = false): HTMLElement {
  return h("div", { class: "finding", "data-category": category },
    h("p", attrs, swatchOf(category, broken), findingLine(text, f)), reasonsList(f.certainty_reasons));
}

/** A duty to join (or one of a conflict's clashing duties), its heading after the swatch of `category` where given. */
function obligationBlock(o: Omit<Obligation, "state">, r: CascadeResult, names: Names, title: string,
                         category?: Category): HTMLElement {
  const conditions = [...o.conditions, ...o.unresolved.map((u) => `unresolved (${u}) read as in the scenario`)];
  return h("div", { class: "obligation", ...(category ? { "data-category": category } : {}) },
    h("h4", {}, ...(category ? [swatchOf(category)] : []), title),
    h("p", { class: "cite" },
      `${names.treaty(o.treaty)} (${o.treaty}) ${articleCited(o.article)}${instrumentSaid(o.instrument, INSTRUMENT_WORDS)}`),
    h("dl", {},
      h("dt", {}, "strength"), h("dd", {}, `${o.strength}: ${STRENGTH_WORDS[o.strength] ?? ""}`),
      h("dt", {}, "obligation"), h("dd", {}, o.kind),
      h("dt", {}, "because"),
      h("dd", {}, becauseWords(o.because, r, names)),
      h("dt", {}, "certainty"), h("dd", {}, o.certainty)),
    reasonsList(o.certainty_reasons),
    // what the duty assumes, in the look of every condition the page lists (class `condition`, style.css)
    conditions.length ? h("ul", { class: "conditions", "aria-label": "conditions it assumes" },
      ...conditions.map((c) => h("li", { class: "condition" }, c))) : null);
}

function findings(id: string, r: CascadeResult, names: Names): { nodes: HTMLElement[]; treaties: string[] } {
  const nodes: HTMLElement[] = [];
  const treaties: string[] = [];
  const cite = (t: string) => { if (!treaties.includes(t)) treaties.push(t); };
  const joiner = r.joiners.find((j) => j.state === id);
  // each kind of finding under the swatch of its category, as the legend and the summary's rows colour it
  const party = (category: Category, text: string) => h("p", { "data-category": category }, swatchOf(category), text);
  if (r.attackers.includes(id)) nodes.push(party("attack-0", "An original attacker in this scenario."));
  if (r.targets.includes(id)) nodes.push(party("defense-0", attackedSaid(r.places[r.targets.indexOf(id)] ?? r.place, id, names)));
  if (joiner) {
    cite(joiner.treaty);
    const look = sideCategory(joiner.side, joiner.round); // the map's colour of its side and round
    nodes.push(obligationBlock(joiner, r, names, `Bound to join the ${joiner.side} side in round ${joiner.round}`, look));
    joiner.also.forEach((o) => { cite(o.treaty); nodes.push(obligationBlock(o, r, names, `Also bound (${o.side})`, look)); });
  }
  for (const c of r.conflicts.filter((x) => x.state === id)) {
    c.treaties.forEach(cite);
    nodes.push(h("div", { class: "obligation", "data-category": "conflict" },
      h("h4", {}, swatchOf("conflict"), `Conflict in round ${c.round}: on neither side`), h("p", {}, c.reason)));
    c.obligations.forEach((o) => nodes.push(obligationBlock(o, r, names, `Bound to the ${o.side}`)));
    // its neutrality duties are in no other list (the result's `neutral` leaves them out): each with its certainty
    c.neutral.forEach((n) => nodes.push(findingBlock(neutralSaid(n, names.state, names.treaty), n, "neutral",
      { class: "conflict-neutral" })));
  }
  for (const n of r.neutral.filter((x) => x.state === id)) {
    cite(n.treaty);
    nodes.push(findingBlock(neutralSaid(n, names.state, names.treaty), n, "neutral")); // an instrument not a treaty said so
  }
  for (const c of r.consultations.filter((x) => x.state === id)) {
    cite(c.treaty);
    nodes.push(findingBlock(consultSaid(c, names.state, names.treaty), c, "consult"));
  }
  // help short of fighting, and what a place limit cuts, in the cascade text's lines (helpsaid.ts)
  const titles = names.titles ?? {};
  const helps = (r.supporters ?? []).filter((x) => x.state === id);
  helps.forEach((x) => cite(x.treaty));
  if (helps.length) { // under the supporters' swatch, as the map and legend colour them
    nodes.push(h("div", { class: "finding support", "data-category": "support" },
      ...supportLines(helps, names.state, titles).map((line, i) => h("p", {}, ...(i ? [] : [swatchOf("support")]), line))));
  }
  const cut = [...unreachedLines((r.unreached_support ?? []).filter((x) => x.state === id), names.state, titles),
    ...unreachedConsultationLines((r.unreached_consultations ?? []).filter((x) => x.state === id), names.state, titles)];
  cut.forEach((line) => nodes.push(h("p", { class: "finding not-owed" }, line)));
  for (const v of r.violations.filter((x) => x.state === id || x.against === id)) {
    cite(v.treaty);
    nodes.push(findingBlock(violationSaid(v, names.state, names.treaty), v, "neutral", { class: "warn" }, true));
  }
  for (const d of (r.doubts ?? []).filter((x) => x.state === id || (x.concerns ?? []).includes(id))) {
    cite(d.treaty);
    nodes.push(h("div", { class: "finding doubt" },
      h("p", {}, `Uncertain date: ${d.fact}; who is bound may differ — `, sourceNode(d.source))));
  }
  for (const w of r.withheld.filter((x) => x.state === id)) {
    cite(w.treaty);
    nodes.push(findingBlock(`Withheld: ${names.treaty(w.treaty)} ${articleCited(w.article)} would bind, but ${w.reason}.`, w,
      "withheld"));
  }
  if (nodes.length === 0) nodes.push(h("p", { class: "muted" }, "No treaty in force draws this state into this war."));
  return { nodes, treaties };
}

/** When the treaty took effect and ended, each with how sure it is, in the API's words (`in_force_how_sure`,
 * `terminated_how_sure`), as `foedus treaties show` says them (an end as its first day out of force): an entry into force not found, with the window it may
 * have come in, "in force not found (…)"; an alliance carried past its source's coverage, that it is in force after
 * it only as carried forward and whether that was checked (said.ts carrySaid); null when it never took effect and
 * none may have come. */
function datesLine(t: TreatyDetail): HTMLElement | null {
  const sure = (how: string | undefined) => (how ? ` (${how})` : "");
  const parts = [
    ...(t.in_force ? [`in force ${t.in_force}${sure(t.in_force_how_sure)}`] : []),
    ...(!t.in_force && t.in_force_how_sure ? [`in force not found${sure(t.in_force_how_sure)}`] : []),
    ...(carrySaid(t) ? [carrySaid(t)] : []),
    ...(t.terminated ? [`out of force from ${t.terminated}${sure(t.terminated_how_sure)}`] : []),
  ];
  return parts.length ? h("p", { class: "dates" }, parts.join("; ")) : null;
}

/** Each treaty's dates, notes and invocations; an invocation after the scenario's `date` says so ("(after this
 * date)", or "(possibly after this date)" where its date is known only to a window past it: `invocationAfter`): the
 * history is the treaty's whole record, not what had happened by the date. */
async function historyBlock(ids: string[], state: string, names: Names, date: string): Promise<HTMLElement> {
  const section = h("section", { class: "history" }, h("h3", {}, "Invocation history"));
  for (const id of ids) {
    try {
      const t = await treaty(id);
      const rows = [...t.invocations].sort((a, b) => a.date.localeCompare(b.date));
      const dates = datesLine(t);
      const notes = memberNotesBlock(t.id, state, namedState(state, names.state), t.member_notes);
      section.append(h("h4", {}, `${t.short_name ?? t.name} (${t.id})`), ...(dates ? [dates] : []),
        ...(notes ? [notes] : []),
        ...(t.place_sets ?? []).map((s) => h("p", { class: "place-set", "data-set": s.id }, placeSetLine(s))),
        rows.length === 0 ? h("p", { class: "muted" }, "No invocation recorded.")
          : h("ul", {}, ...rows.map((i) => h("li", {}, `${i.date}, ${articleCited(i.article)}, by ${i.requester.map((s) => namedState(s, names.state)).join(", ")}: ${i.outcome}`
            + (i.how_sure && i.how_sure !== "verified" ? ` (${i.how_sure})` : "")
            + invocationAfter(i, date)))));
    } catch {
      section.append(h("p", { class: "muted" }, `${id}: history not available.`));
    }
  }
  return section;
}

/** A category's swatch, the legend's colour; `broken`, struck through (a violation: the neutrality it breaks). */
function swatchOf(category: Category, broken = false): HTMLElement {
  const swatch = h("span", { class: broken ? "swatch broken" : "swatch" });
  swatch.style.backgroundColor = COLORS[category]; // the colour only: a struck swatch draws its line (style.css)
  return swatch;
}

/** Fill the panel for `id` (async: the invocation history is fetched per treaty, once). Its head shows the swatch and
 * badge of each category its findings fall in (roles.ts categoriesOf), its role's (the map's colour) first: a state
 * bound not to join that owes support too shows both. */
export async function explainState(id: string, r: CascadeResult, role: Role | undefined, names: Names): Promise<void> {
  const panel = byId("explain");
  const { nodes, treaties } = findings(id, r, names);
  const category = role?.category ?? "none";
  const looks = [category, ...categoriesOf(r, id).filter((c) => c !== category)].map((c) =>
    h("span", { class: "look" }, swatchOf(c), h("span", { class: "badge", "data-category": c }, LABELS[c])));
  const likely = likelihoodBlock(id, r, names.state);
  panel.replaceChildren(h("h2", {}, namedState(id, names.state)), h("p", { class: "roles" }, ...looks),
    ...nodes, ...(likely ? [likely] : []));
  const token = String(++renders);
  panel.dataset.render = token;
  panel.dataset.state = id;
  if (treaties.length === 0) return;
  const history = await historyBlock(treaties, id, names, r.date);
  if (panel.dataset.render === token) panel.append(history);
}
