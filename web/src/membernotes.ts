// The "Why?" panel's notes on a treaty's doubted membership facts: the clicked state's own, under a title naming it,
// and of the others only how many there are, said as the treaty's, so that NATO's note on Germany's 1990 membership
// is not read as Hungary's.
import type { MemberNote } from "./api";
import { h } from "./dom";
import { NOTES_TITLE } from "./said";

/** The title over a state's own notes: the CLI's (said.ts NOTES_TITLE) naming the state (`name` as the page names
 * it): "notes on the doubted facts of Hungary (HUN): memberships and spans not verified, dates not known to the day". */
export function ownNotesTitle(name: string): string {
  return NOTES_TITLE.replace(/^notes on the doubted facts/, `$& of ${name}`);
}

/** The line that counts treaty `id`'s notes on its other members' facts, and names the command that lists them. */
export function othersNotesLine(id: string, count: number): string {
  return `the treaty's notes on its other members' doubted facts: ${count}, listed by \`foedus treaties show ${id}\``;
}

/** Treaty `id`'s notes (`member_notes`) as the panel of state `state` shows them: its own, each "fact: note", under
 * ownNotesTitle, which names the list; then the count of the others' (othersNotesLine); null when there are none.
 * A note without a `state` (a server from before it was sent) is counted as another member's. */
export function memberNotesBlock(id: string, state: string, name: string, notes: MemberNote[] | undefined
): HTMLElement | null {
  if (!notes?.length) return null;
  const own = notes.filter((n) => n.state === state);
  const others = notes.length - own.length;
  const title = `member-notes-${id}`;
  return h("div", { class: "member-notes", "data-treaty": id },
    ...(own.length ? [h("h5", { id: title }, ownNotesTitle(name)),
      h("ul", { "aria-labelledby": title }, ...own.map((n) => h("li", {}, h("span", { class: "fact" }, `${n.fact}:`),
        ` ${n.note}`)))] : []),
    ...(others ? [h("p", { class: "muted others-notes" }, othersNotesLine(id, others))] : []));
}
