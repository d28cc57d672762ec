"""A place limit in words: the scope a form of help or a consultation clause is owed for, each place set it was
written with named by its id (the loader puts the set's places there, in order), and how sure that extent is (the
least certain of the sets it names: far-east-1960's is unverified), so that a line saying a duty is not owed for its
limit says the doubt it rests on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from foedus.engine.rules.tokens import token_matches
from foedus.model.vocab import VICTIM, Certainty, worst

if TYPE_CHECKING:
    from foedus.model.places import Place

__all__ = ["Limit", "limit_of", "resting_on", "set_runs"]

Limit = tuple[str, str]
"""A place limit's words and the certainty of its extent (verified where it names no doubted set)."""


def set_runs(tokens: Sequence[str], sets: Mapping[str, Sequence[str]]) -> list[str]:
    """`tokens` with each run that is a set's places (the loader's `named_sets` writes them in the set's order) put
    back as the set's id."""
    out, i = [], 0
    while i < len(tokens):
        found = next((k for k, v in sets.items() if v and list(tokens[i:i + len(v)]) == list(v)), None)
        out.append(found or tokens[i])
        i += len(sets[found]) if found else 1
    return out


def _named(tokens: Sequence[str] | None, sets: Mapping[str, Sequence[str]], victim: str | None) -> list[str] | None:
    """The tokens of one kind in words (None: anywhere), less a `victim:` token that never names `victim` (US–Japan
    Art. IV's `victim:JPN`, in a leg owed to the US: the limit that attacks on the US are read against)."""
    if tokens is None:
        return None
    kept = [t for t in tokens if victim is None or not t.startswith(VICTIM) or victim in t[len(VICTIM):].split("|")]
    return set_runs(kept, sets)


def limit_of(territory: Sequence[str] | None, forces: Sequence[str] | None, sets: Mapping[str, Sequence[str]],
             doubted: Mapping[str, str], victim: str | None = None) -> Limit:
    """A scope's limit in a word and its extent's certainty: the id of each place set it was written with, else its
    tokens; its territory and forces parts apart where they differ; `victim`: the state the limit is read for.

    >>> limit_of(["a", "b", "victim:JPN"], ["a", "b", "victim:JPN"], {"s": ["a", "b"]}, {"s": "unverified"}, "USA")
    ('s', 'unverified')
    """
    land, sea = _named(territory, sets, victim), _named(forces, sets, victim)

    def said(tokens: list[str] | None) -> str:
        return "anywhere" if tokens is None else ", ".join(tokens) or "nowhere"

    words = said(land) if land == sea else f"territory: {said(land)}; forces: {said(sea)}"
    named = {t for part in (land or [], sea or []) for t in part if t in doubted}
    return words, worst(Certainty(doubted[t]) for t in named).value


def resting_on(tokens: Sequence[str] | None, place: Place, victim: str, sets: Mapping[str, Sequence[str]],
               doubted: Mapping[str, str]) -> Limit | None:
    """The place sets an attack on `victim` at `place` falls in a scope through (`tokens`: its territory or forces
    part), where it falls in it through them alone, in a word with their extent's certainty (as `limit_of`); None
    where no set was written there or another token covers the place too (US–Japan Art. IV's `victim:JPN`: Japan
    attacked anywhere). A duty set off inside far-east-1960 rests on its unverified extent, and its line says so."""
    if tokens is None:
        return None
    hits = [t for t in set_runs(tokens, sets)
            if any(token_matches(p, place, victim) for p in sets.get(t, [t]))]
    if not hits or any(t not in sets for t in hits):
        return None
    return ", ".join(hits), worst(Certainty(doubted.get(t, "verified")) for t in hits).value
