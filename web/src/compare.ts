// The compare view: the same scenario on another date and/or in the what-if world, and which states it
// gains, loses or switches, each with the treaty and article that explain the change, and those on the same side
// under other treaties (`rebased`), how the war's course to the date differs with attacks ongoing since an earlier
// day (`ongoing`), the treaty changes between two dates that start or stop a duty (`dated_changes`), and why a
// treaty a what-if touched moves no one (`unchanged_because`), as `foedus compare` lists them. A state is named as
// on the date of the result the entry tells of (the other's, but the base's for a state that joins or is bound both
// ways no longer): comparing 1979 with 1995, RUS is the Soviet Union on the one and Russia on the other.
import type { CascadeResult, Comparison } from "./api";
import type { NameOf } from "./datednames";
import { h } from "./dom";
import { compareHead, datedLine, unchangedSaid } from "./comparesaid";
import { DATA_END_NOTE } from "./reviewday";
import { changeWords, ongoingSaid } from "./said";
import { byName, namedState } from "./wording";

/** What the war size counts, after its two numbers, as `foedus compare` says it (foedus.sweeps.compare_words
 * WAR_SIZE_SAID). */
export const WAR_SIZE_SAID = "the states on the two sides, the attackers and the attacked included";

export function renderComparison(host: HTMLElement, c: Comparison, namesOf: (r: CascadeResult) => NameOf,
                                 onPick: (id: string) => void): void {
  const [base, other] = [namesOf(c.base), namesOf(c.other)];
  const ch = c.changes;
  const btn = (id: string, names: NameOf = other) => {
    const b = h("button", { type: "button", class: "state", "data-state": id, title: namedState(id, names) }, namedState(id, names));
    b.addEventListener("click", () => onPick(id));
    return b;
  };
  // foedus compare's first line (comparesaid.ts compareHead): the dates, the changes as the changed result records
  // them ("with add_member csto_1992:IRN and drop_treaty rus_prk_2024", not the page's query), the reading where not
  // the legal, the switches not at their defaults ("states that may limit their aid to non-military means read as
  // bound to fight")
  const head = compareHead({ base_date: c.base.date, other_date: c.other.date, what_if: c.other.what_if ?? [],
    switches_said: ch.switches_said }, c.base.reading);
  // its notes, then the review day's where the mark after the dates says "see the note", as the CLI's last lines
  const notes = [...(ch.notes ?? []), ...([c.base, c.other].some((r) => r.notes.includes(DATA_END_NOTE)) ? [DATA_END_NOTE] : [])];
  // what moved, in the CLI's words after each state (said.ts changeWords, foedus compare's lines), each kind's states
  // by the name said, as the CLI lists them (byName)
  const named = <T extends { state: string }>(xs: T[], names: NameOf = other) => byName(xs, (x) => namedState(x.state, names));
  const ids = (xs: string[], names: NameOf = other) => byName(xs, (s) => namedState(s, names));
  const items = [
    ...named(ch.gained).map((g) => h("li", { class: "gained" }, "+ ", btn(g.state), ` ${changeWords("gained", g)}`)),
    ...named(ch.lost, base).map((l) => h("li", { class: "lost" }, "− ", btn(l.state, base), ` ${changeWords("lost", l)}`)),
    ...named(ch.switched).map((s) => h("li", { class: "switched" }, "⇄ ", btn(s.state), ` ${changeWords("switched", s)}`)),
    ...named(ch.rebased).map((r) => h("li", { class: "rebased" }, "= ", btn(r.state), ` ${changeWords("rebased", r)}`)),
    ...ids(ch.new_conflicts).map((s) => h("li", {}, "! ", btn(s), " is now bound both ways")),
    ...ids(ch.resolved_conflicts, base).map((s) => h("li", {}, "✓ ", btn(s, base), " is no longer bound both ways")),
  ];
  // the war's course to the date (foedus.war.ongoing_changes), in the CLI's words: its "ongoing: ..." lines; a state
  // bound in the base world only is named as on the base's date
  const on = ch.ongoing;
  const marks: Record<string, string> = { "+": "+ ", "-": "− ", "~": "⇄ ", "": "" };
  const history = on ? ongoingSaid(on).map(([mark, state, words]) => h("li", { class: "ongoing" }, marks[mark],
    btn(state, mark === "-" ? base : other), ` ${words}`)) : [];
  // why each treaty a what-if change touched moves no one, in the engine's words (foedus.engine.unmoved), as the CLI
  // prints them after what changed
  const unmoved = (ch.unchanged_because ?? []).map((u) => h("li", { class: "unmoved", "data-treaty": u.treaty },
    `no change from ${u.treaty}: ${u.why}`));
  // across two dates, the treaty changes between them that started or stopped a duty (the cause of a change above:
  // Finland joining NATO), as the CLI prints them before the war size (comparesaid.ts datedLine)
  const dated = (ch.dated_changes ?? []).map((d) => h("li", { class: "dated", "data-treaty": d.treaty }, datedLine(d)));
  host.replaceChildren(...[
    h("p", {}, `${head}: war size ${ch.war_size.base} → ${ch.war_size.other} (${WAR_SIZE_SAID}).`),
    items.length ? h("ul", { class: "changes" }, ...items) : null,
    // where no state moved, the CLI's line after what changed (comparesaid.ts unchangedSaid)
    unchangedSaid(ch) === null ? null : h("p", { class: "muted unchanged" }, unchangedSaid(ch)),
    history.length ? h("p", {}, `Ongoing since ${on?.since}:`) : null,
    history.length ? h("ul", { class: "ongoing" }, ...history) : null,
    dated.length ? h("ul", { class: "dated" }, ...dated) : null,
    unmoved.length ? h("ul", { class: "unmoved" }, ...unmoved) : null,
    notes.length ? h("ul", { class: "notes" }, ...notes.map((n) => h("li", { class: "muted" }, `note: ${n}`))) : null,
  ].filter((x) => x !== null));
}
