// Shapes of a replayed war's JSON that the page reads, apart from api.ts (its size); types only, importing nothing.

/** A page the war file cites, for the war as a whole (`event` null) or for the file's `events[event]`. */
export interface WarSource { url: string; title: string | null; event: number | null }

/** A state's spell of fighting (docs/war.md, `states[].spells`): its side, its first day and its first day out of the
 * war (`to`, null while it fights), how it came in (`how`: attacker, attacked or entry), the change that brought it
 * in (`cause`: its attacks, each `{attacker, victim}`) and, one attacked, every attacker of that day (`by`; servers
 * from before it was sent: none), which "Why?" says of a state an attack drew in (warsides.ts). */
export interface WarSpell {
  side: string; from: string; to: string | null; how: string;
  cause?: { attacks?: { attacker: string; victim: string }[] } | null; by?: string[];
}
