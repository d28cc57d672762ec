// The what-if panel: build a list of changes to the treaty world (add or remove a member, drop a treaty,
// change an article's strength). The changes go to the API as query parameters; nothing is saved.
import type { StateRow, TreatyRow, WhatIfChange } from "./api";
import { byId, h } from "./dom";
import { resolveState } from "./form";
import { treatyListed } from "./listed";

const LABEL: Record<WhatIfChange["param"], string> = {
  add_member: "joins", remove_member: "leaves", drop_treaty: "drop", set_strength: "strength",
};

export class WhatIfPanel {
  readonly changes: WhatIfChange[] = [];

  constructor(private readonly states: StateRow[], treaties: TreatyRow[], private readonly onError: (m: string) => void,
              private readonly onChange: () => void) {
    byId("treaty-list").replaceChildren(...treaties.map((t) => h("option", { value: t.id }, treatyListed(t))));
    byId("wi-add").addEventListener("click", () => this.member("add_member"));
    byId("wi-remove").addEventListener("click", () => this.member("remove_member"));
    byId("wi-drop").addEventListener("click", () => {
      const treaty = this.treaty();
      if (treaty) this.push({ param: "drop_treaty", value: treaty });
    });
    byId("wi-strength-set").addEventListener("click", () => {
      const treaty = this.treaty();
      const article = byId<HTMLInputElement>("wi-article").value.trim();
      if (!treaty) return;
      if (!article) { this.onError("give the article whose strength changes, e.g. 5"); return; }
      this.push({ param: "set_strength", value: `${treaty}:${article}=${byId<HTMLSelectElement>("wi-strength").value}` });
    });
  }

  private treaty(): string | null {
    const id = byId<HTMLInputElement>("wi-treaty").value.trim();
    if (!id) this.onError("pick a treaty for the what-if change (its id, e.g. rus_prk_2024)");
    return id || null;
  }

  private member(param: "add_member" | "remove_member"): void {
    const treaty = this.treaty();
    if (!treaty) return;
    const state = resolveState(byId<HTMLInputElement>("wi-state").value, this.states);
    if (!state) { this.onError("pick the state that joins or leaves (name, ISO3 or COW code)"); return; }
    this.push({ param, value: `${treaty}:${state.id}` });
  }

  private push(change: WhatIfChange): void {
    if (!this.changes.some((c) => c.param === change.param && c.value === change.value)) this.changes.push(change);
    this.render();
    this.onChange();
  }

  set(changes: WhatIfChange[]): void {
    this.changes.splice(0, this.changes.length, ...changes);
    this.render();
  }

  /** Mark the changes whose state is `named` (a 422's `name`: a name several states have carried, as a link may
   * give it, `add_member=nato_1949:Korea`), so the user sees which change to remove and make again with one state. */
  refused(named: string): void {
    const key = named.trim().toLowerCase();
    byId("wi-changes").querySelectorAll<HTMLElement>("li").forEach((li, i) => {
      const state = this.changes[i]?.value.split(":").slice(1).join(":").trim().toLowerCase();
      const hit = Boolean(key) && state === key;
      li.classList.toggle("refused", hit);
      if (hit) li.setAttribute("aria-invalid", "true"); else li.removeAttribute("aria-invalid");
    });
  }

  private render(): void {
    byId("wi-changes").replaceChildren(...this.changes.map((c, i) => {
      const remove = h("button", { type: "button", class: "chip-x dark", "aria-label": "remove change" }, "×");
      remove.addEventListener("click", () => { this.changes.splice(i, 1); this.render(); this.onChange(); });
      return h("li", { "data-param": c.param }, `${LABEL[c.param]}: ${c.value}`, remove);
    }));
    byId("wi-count").textContent = this.changes.length ? ` (${this.changes.length})` : "";
  }
}
