// The treaty ties involved (ties.ts), as a circular network: each state drawn in is linked to the state its treaty
// protects (or, for offence clauses, the partner it follows), coloured by side; consultations, neutrality
// and violations get their own line styles. A table below lists every tie with treaty and article.
import type { CascadeResult } from "./api";
import { h } from "./dom";
import { svgEl } from "./svg";
import { COLORS, type Role } from "./roles";
import type { PlaceNames } from "./placesaid";
import { type Tie, tiesOf } from "./ties";
import { namedState } from "./wording";

/** Attack side first (by round), then states on neither side, then the defense side (latest round first). */
function orderNodes(roles: Map<string, Role>, ties: Tie[]): string[] {
  const ids = [...roles.keys()];
  for (const t of ties) for (const id of [t.from, t.to]) if (!ids.includes(id)) ids.push(id);
  const rank = (id: string): number => {
    const role = roles.get(id);
    if (role?.side === "attack") return role.round ?? 0;
    if (role?.side === "defense") return 200 - (role.round ?? 0);
    return 100;
  };
  return ids.map((id, i) => ({ id, i })).sort((a, b) => rank(a.id) - rank(b.id) || a.i - b.i).map((x) => x.id);
}

export function renderNetwork(host: HTMLElement, r: CascadeResult, roles: Map<string, Role>,
                              names: (id: string) => string, onPick: (id: string) => void, places?: PlaceNames): void {
  const ties = tiesOf(r, places);
  const nodes = orderNodes(roles, ties);
  const inner = [...r.attackers, ...r.targets];
  const outer = nodes.filter((id) => !inner.includes(id));
  const size = outer.length > 30 ? 640 : 520;
  const radius = size / 2 - 40;
  const step = (2 * Math.PI) / Math.max(outer.length, 1);
  const attackCount = outer.filter((id) => roles.get(id)?.side === "attack").length;
  const turn = Math.PI - (Math.max(attackCount - 1, 0) / 2) * step; // attack side faces left, defense right
  const pos = new Map<string, { x: number; y: number }>(outer.map((id, i) => {
    const angle = turn + i * step;
    return [id, { x: size / 2 + radius * Math.cos(angle), y: size / 2 + radius * Math.sin(angle) }];
  }));
  const column = (ids: string[], x: number) => ids.forEach((id, i) => {
    pos.set(id, { x, y: size / 2 + (i - (ids.length - 1) / 2) * 36 });
  });
  column(r.attackers, size / 2 - 70);
  column(r.targets, size / 2 + 70);
  const ring = Math.max(6, Math.min(15, ((Math.PI * radius) / Math.max(outer.length, 1)) * 0.8));
  const radiusOf = (id: string) => (inner.includes(id) ? 16 : ring);
  const svg = svgEl("svg", { viewBox: `0 0 ${size} ${size}`, role: "img", "aria-label": "network of treaty ties",
    class: "net" });
  for (const t of ties) {
    const a = pos.get(t.from)!;
    const b = pos.get(t.to)!;
    const line = svgEl("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: t.color, "stroke-width": t.width,
      "stroke-opacity": 0.75, "data-kind": t.kind });
    if (t.dash) line.setAttribute("stroke-dasharray", t.dash);
    const title = svgEl("title");
    title.textContent = `${namedState(t.from, names)} → ${namedState(t.to, names)}: ${t.label}`;
    line.append(title);
    svg.append(line);
  }
  for (const id of nodes) {
    const p = pos.get(id)!;
    const g = svgEl("g", { class: "node", "data-state": id, transform: `translate(${p.x},${p.y})`, tabindex: 0 });
    const nodeRadius = radiusOf(id);
    g.append(svgEl("circle", { r: nodeRadius, fill: COLORS[roles.get(id)?.category ?? "none"], stroke: "#333333", "stroke-width": 0.8 }));
    const label = svgEl("text", { "text-anchor": "middle", dy: nodeRadius / 3.5, "font-size": Math.max(5, nodeRadius * 0.6),
      fill: "#ffffff", "font-weight": 700 });
    label.textContent = id.length > 4 ? id.slice(0, 4) : id;
    const title = svgEl("title");
    title.textContent = namedState(id, names);
    g.append(label, title);
    g.addEventListener("click", () => onPick(id));
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") onPick(id); });
    svg.append(g);
  }
  const table = h("table", { class: "ties" },
    h("thead", {}, h("tr", {}, h("th", {}, "state"), h("th", {}, "tie to"), h("th", {}, "treaty, article, strength"))),
    h("tbody", {}, ...ties.slice(0, 200).map((t) =>
      h("tr", { "data-kind": t.kind }, h("td", {}, t.from), h("td", {}, t.to), h("td", {}, t.label)))));
  host.replaceChildren(svg, h("div", { class: "ties-scroll", tabindex: "0", role: "region", "aria-label": "treaty ties" }, table));
}
