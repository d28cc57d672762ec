// The result in words: each side by round, then conflicts, neutrality, consultations, violations, gates and
// notes. Every state is a button that opens its explanation (and works for states too small for the map).
import type { CascadeResult } from "./api";
import { h } from "./dom";
import { COLORS, type Role } from "./roles";

export function stateButton(id: string, name: string, role: Role | undefined, onPick: (id: string) => void): HTMLElement {
  const b = h("button", { type: "button", class: "state", "data-state": id, title: name }, id);
  const swatch = h("span", { class: "swatch" });
  swatch.style.background = COLORS[role?.category ?? "none"];
  b.prepend(swatch);
  b.addEventListener("click", () => onPick(id));
  return b;
}

export function renderSummary(host: HTMLElement, r: CascadeResult, roles: Map<string, Role>,
                              names: (id: string) => string, onPick: (id: string) => void,
                              placeName: (id: string) => string): void {
  const btn = (id: string) => stateButton(id, names(id), roles.get(id), onPick);
  const row = (label: string, ids: string[]) =>
    ids.length ? h("div", { class: "srow" }, h("span", { class: "slabel" }, label), ...ids.map(btn)) : null;
  const sideRows = (side: "attack" | "defense") => {
    const origin = side === "attack" ? r.attackers : r.targets;
    const rounds = [...new Set(r.joiners.filter((j) => j.side === side).map((j) => j.round))].sort((a, b) => a - b);
    return [row(side === "attack" ? "attackers" : "attacked", origin),
      ...rounds.map((k) => row(`round ${k}`, r.joiners.filter((j) => j.side === side && j.round === k).map((j) => j.state)))];
  };
  const uniq = (ids: string[]) => [...new Set(ids)];
  host.replaceChildren(
    h("p", {}, `${r.reading} reading, ${r.date}, at ${placeName(r.place)} (${r.target_kind}); ${r.rounds} round(s); `
      + `${r.sides.attack.length} on the attack side, ${r.sides.defense.length} on the defense side.`),
    h("div", { class: "sides" },
      h("div", { class: "side attack" }, h("h3", {}, "Attack"), ...sideRows("attack")),
      h("div", { class: "side defense" }, h("h3", {}, "Defense"), ...sideRows("defense"))),
    row("conflicts", uniq(r.conflicts.map((c) => c.state))) ?? "",
    row("neutral", uniq(r.neutral.map((n) => n.state))) ?? "",
    row("consult", uniq(r.consultations.map((c) => c.state))) ?? "",
    row("violations", uniq(r.violations.map((v) => v.state))) ?? "",
    row("withheld", uniq(r.withheld.map((w) => w.state))) ?? "",
    ...r.notes.map((n) => h("p", { class: "note" }, `note: ${n}`)),
  );
}
