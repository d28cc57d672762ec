// Probabilities and coalition power: each state's chance of joining each side (Monte Carlo over whether
// obligations are honoured), the distribution of the war's size, and each side's share of world capabilities.
import type { CascadeResult, Power } from "./api";
import { h } from "./dom";
import { intervalNote } from "./mcsaid";
import { svgEl } from "./svg";
import { COLORS } from "./roles";
import { counted, namedState } from "./wording";

const pct = (x: number | undefined) => (x === undefined ? "—" : `${(100 * x).toFixed(1)}%`);

function powerBlock(title: string, p: Power, expected: boolean): HTMLElement {
  const row = (side: "attack" | "defense") => {
    const s = p[side];
    const share = expected ? s.share_mean : s.share;
    const cinc = expected ? s.cinc_mean : s.cinc;
    const bar = h("span", { class: `bar ${side}` });
    bar.style.width = `${Math.min(100, 100 * (share ?? 0))}%`;
    return h("tr", {}, h("th", {}, side), h("td", {}, pct(share)), h("td", { class: "barcell" }, bar),
      h("td", { class: "muted" }, cinc === undefined ? "" : `CINC ${cinc.toFixed(4)}`));
  };
  return h("div", { class: "power" }, h("h3", {}, `${title} (${p.source}, ${p.year})`),
    h("table", {}, h("tbody", {}, row("attack"), row("defense"))),
    p.note ? h("p", { class: "note" }, p.note) : null);
}

function sizeChart(dist: Record<string, number>): SVGSVGElement {
  const entries = Object.entries(dist).map(([k, v]) => [Number(k), v] as const).sort((a, b) => a[0] - b[0]);
  const width = 360;
  const height = 110;
  const top = Math.max(...entries.map(([, v]) => v), 0.0001);
  const barW = Math.max(3, Math.min(28, (width - 20) / Math.max(entries.length, 1) - 2));
  const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, class: "sizes", role: "img",
    "aria-label": "distribution of the number of belligerents" });
  entries.forEach(([k, v], i) => {
    const bh = ((height - 24) * v) / top;
    const x = 10 + i * (barW + 2);
    const bar = svgEl("rect", { x, y: height - 16 - bh, width: barW, height: bh, fill: COLORS["defense-2"] });
    const title = svgEl("title");
    title.textContent = `${k} belligerents: ${pct(v)}`;
    bar.append(title);
    svg.append(bar);
    if (entries.length <= 16 || i % 2 === 0) {
      const label = svgEl("text", { x: x + barW / 2, y: height - 4, "text-anchor": "middle", "font-size": 9, fill: "#555555" });
      label.textContent = String(k);
      svg.append(label);
    }
  });
  return svg;
}

export function renderProbabilities(host: HTMLElement, r: CascadeResult, names: (id: string) => string,
                                    onPick: (id: string) => void): void {
  const parts: (HTMLElement | SVGSVGElement | null)[] = [];
  if (r.power) parts.push(powerBlock("Coalition power", r.power, false));
  if (r.probabilities && r.war_size) {
    const rows = Object.entries(r.probabilities)
      .sort((a, b) => Math.max(b[1].attack, b[1].defense) - Math.max(a[1].attack, a[1].defense));
    parts.push(h("h3", {}, `Monte Carlo: ${counted(r.draws ?? 0, "draw")}, seed ${r.seed ?? "random"}`),
      h("p", {}, `War size: mean ${r.war_size.mean.toFixed(2)} belligerents (5–95%: ${r.war_size.p5}–${r.war_size.p95}). `
        + (r.p_major_powers_opposite == null
          ? `Major powers on opposite sides: ${r.p_major_powers_unknown ?? "not known"}.`
          : `Major powers on opposite sides in ${pct(r.p_major_powers_opposite)} of draws.`)),
      sizeChart(r.war_size.distribution));
    if (r.expected_power) parts.push(powerBlock("Expected coalition power", r.expected_power, true));
    const table = h("table", { class: "probs" },
      h("thead", {}, h("tr", {}, h("th", {}, "state"), h("th", {}, "P(attack side)"), h("th", {}, "P(defense side)"))),
      h("tbody", {}, ...rows.map(([id, p]) => {
        const link = h("button", { type: "button", class: "state", "data-state": id, title: namedState(id, names) }, id);
        link.addEventListener("click", () => onPick(id));
        const ci = r.probability_intervals?.[id];
        const cell = (side: "attack" | "defense") =>
          h("td", {}, ci ? `${pct(p[side])} (${pct(ci[side][0])}–${pct(ci[side][1])})` : pct(p[side]));
        return h("tr", { "data-state": id }, h("td", {}, link), cell("attack"), cell("defense"));
      })));
    parts.push(h("div", { class: "ties-scroll", tabindex: "0", role: "region", "aria-label": "probabilities" }, table),
      h("p", { class: "note" }, intervalNote(r.draws ?? 0)));
  }
  host.hidden = parts.length === 0;
  host.replaceChildren(h("h2", {}, "Probabilities & power"), ...parts.filter((x) => x !== null));
}
