"""The state registry: COW codes, ISO3 codes, names, and state-system membership dates.

Names, ISO3 and COW codes come from the maintained `countrycode` package; system-membership spells come from COW
State System v2016 when it is present in the data folder (its end date 2016-12-31 is read as "still a member").
Inputs may be ISO3, a COW abbreviation, a COW number or a common name, in any case."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from foedus.datarecord import dataclass, field
from foedus.errors import AmbiguousNameError, UnknownStateError
from foedus.model.dated_names import Era, era_of, names_in
from foedus.model.hidden import refuse_hidden
from foedus.model.name_indexed import NameIndexed
from foedus.model.slug import norm
from foedus.model.state_aliases import ALIASES as _ALIASES
from foedus.model.state_files import COW_FIRST_DAY, COW_LAST_DAY, COW_MAJORS_FILE, COW_STATES_FILE, spells_text
from foedus.model.state_index import AMBIGUOUS as _AMBIGUOUS
from foedus.model.state_index import name_index

__all__ = ["COW_FIRST_DAY", "COW_MAJORS_FILE", "COW_STATES_FILE", "OPEN_SPELL_NOTE", "Among",
           "State", "StateRegistry", "spells_text"]

OPEN_SPELL_NOTE = (f"(open): still in the system at COW v2016's end ({COW_LAST_DAY}); "
                   "taken to continue after it, which COW does not record")


class Among(NamedTuple):
    """States a name several carried is read among, not the day's (a war's belligerents); `who` words them."""

    ids: frozenset[str]
    who: str


@dataclass(frozen=True, slots=True)
class State:
    """One state: its identifier (ISO3, or COW<n> when it has none), codes, names and spells."""

    id: str
    name: str
    ccode: int | None = None
    iso3: str | None = None
    cow_abb: str | None = None
    regex: str | None = None
    continent: str | None = None
    subregion: str | None = None
    spells: tuple[tuple[dt.date, dt.date | None], ...] = ()

    def member_on(self, day: dt.date) -> bool | None:
        """Whether it is a system member on `day`; None when unknown (no COW spells, or before 1816)."""
        if not self.spells or day < COW_FIRST_DAY:
            return None
        return self.spell_over(day) is not None

    def spell_over(self, first: dt.date, last: dt.date | None = None) -> tuple[dt.date, dt.date | None] | None:
        """Its first spell with a day from `first` to `last` (with no `last`: on `first`), or None: the one reading
        of a spell over days (`member_on`'s, and the refusal's namesakes': `foedus.model.spells_said`)."""
        end = first if last is None else last
        return next(((a, b) for a, b in self.spells if a <= end and (b is None or first <= b)), None)


@dataclass
class StateRegistry(NameIndexed):
    """All known states, with lookup by any code or name and membership by date."""

    states: dict[str, State]
    has_system_dates: bool = False
    majors: dict[str, tuple[tuple[dt.date, dt.date | None], ...]] = field(default_factory=dict)
    _index: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for key, state_id in name_index(self.states).items():  # `state_index`: a key given is kept
            self._index.setdefault(key, state_id)

    def __iter__(self) -> Iterator[State]:
        return iter(sorted(self.states.values(), key=lambda s: (s.ccode or 10_000, s.id)))

    def __len__(self) -> int:
        return len(self.states)

    @functools.cached_property
    def names(self) -> dict[str, str]:
        """Display name of every state id."""
        return {s.id: s.name for s in self.states.values()}

    def names_on(self, day: dt.date | None) -> dict[str, str]:
        """Display names as the states were called on `day` (`foedus.model.dated_names`: the Soviet Union in 1979,
        Yugoslavia in 1941; ids unchanged); today's (`names`) when None. Made once per era of names, not per call."""
        return self.names if day is None else names_in(era_of(day), self.names, self.by_ccode, self._eras)

    @functools.cached_property
    def _eras(self) -> dict[Era, dict[str, str]]:
        """The names of each era asked for (`names_on`), made once."""
        return {}

    @functools.cached_property
    def unlisted(self) -> frozenset[str]:
        """Ids of the states COW does not list (no spells: Palestine): their membership from 1816 is unknown."""
        return frozenset(s.id for s in self.states.values() if not s.spells)

    @functools.cached_property
    def by_ccode(self) -> dict[int, str]:
        """State id of every COW code."""
        return {s.ccode: s.id for s in self.states.values() if s.ccode is not None}

    def named_id(self, text: str) -> str | None:
        """The id of the state whose id, ISO3 or COW code, COW number, name or alias `text` is (`norm`'s key: any case
        and spacing), as given; None for any other text, such as one `resolve` reads only by a name pattern ("Gaza")."""
        return self._index.get(norm(text.strip()))

    def get(self, state_id: str) -> State:
        """The state with this exact id (ISO3 or COW<n>)."""
        return self.states[state_id]

    def resolve(self, text: str | int, day: dt.date | None = None, among: Among | None = None) -> State:
        """Find a state from ISO3, COW abbreviation, COW number or a common name.

        ISO3 wins over a COW abbreviation when both exist (AUS is Australia; Austria is AUT). A name
        several states have carried (Congo, Korea, Guinea, Yemen, Germany, the Federal Republic of Germany,
        Vietnam, Austria) means the one state of that name in the system on `day` (today when not given); if there are
        several, or none, it is ambiguous; given `among` (a war's belligerents) it means the one of them of that name,
        on any day, alone or with an aside ("Germany (GMY)"). The forms research datasets give names in are read too
        (`foedus.model.state_forms`): "Korea, Rep.", "Vietnam, Republic of", "Iran (Persia)".

        Raises:
            UnknownStateError: nothing matched (the message lists close suggestions), or the text names a place that
                is no state of the system ("Hong Kong SAR, China").
            AmbiguousNameError: the name fits several states; the error lists them with codes and dates.
        """
        raw = refuse_hidden(str(text).strip(), error=lambda problem: UnknownStateError(f"the state {text!r} {problem}"))
        if (key := norm(raw)).isdigit() and (not raw.isdigit() or key not in self._index):  # -2, 2.0, 002
            from foedus.model import state_forms  # here: a code or name is looked up without it

            state_forms.not_a_number(raw)
        if key in _AMBIGUOUS:
            return self._disambiguate(raw, key, day or dt.date.today(), among)
        hit = self._index.get(key) or self._other_form(raw, day, among)
        if isinstance(hit, State):
            return hit
        if hit is None:
            from foedus.model.state_names import unknown_message  # here: a code or name is looked up without it

            raise UnknownStateError(unknown_message(raw, self.states.values(), text))
        return self.states[hit]

    def _other_form(self, raw: str, day: dt.date | None, among: Among | None) -> State | str | None:
        """The state (or its id) of a text that is no key of the index as given: one of its `other_forms` ("Rep. of
        Korea", "Vietnam, Republic of"), or a name with another in parentheses (`aside_state`), or what its words
        name (`by_pattern`, not with a style no state of that name has: `unstyled`); None when nothing matched. A place
        that is no state is refused (`no_state`), and so is an aside naming a state of the name that is none on the
        day (`ended`), unless read `among` states."""
        from foedus.model import state_forms  # here: a code or name is looked up without it

        for form in (forms := state_forms.other_forms(raw)):
            if (key := norm(form)) in _AMBIGUOUS:
                return self._disambiguate(raw, key, day or dt.date.today(), among)
            if key in self._index:
                return self._index[key]
        state_forms.no_state(raw, self.states, lambda: self.names_on(day))

        def resolve(text: str) -> list[State]:  # the state(s) it names on the day, then the name's other carriers
            try:
                found = [self.resolve(text, day)]
            except AmbiguousNameError as exc:
                found = [] if exc.several else [self.states[str(c["id"])] for c in exc.candidates]
            except UnknownStateError:
                found = []
            return found + [self.states[i] for i in sorted(self.carriers(text)) if self.states[i] not in found]

        if (aside := state_forms.aside_state(raw, resolve)) is None:
            found = self.by_pattern(raw)  # a style may name no state of the name only where the text has one
            styled = found and state_forms.qualifiers(forms[-1])
            return state_forms.unstyled(raw, found, self.states, resolve, _ALIASES) if styled else found
        first, state = aside  # a name several carried means one on the day: the aside only tells them apart
        if among is None and self.carriers(first) and state.member_on(on := day or dt.date.today()) is False:
            raise state_forms.ended(raw, first, state, resolve(first), on, self.names_on(on))
        return state

    def carriers(self, text: str) -> frozenset[str]:
        """The states that have carried the name `text` when several have ("Yemen": all three, any day), else none."""
        return frozenset(_AMBIGUOUS.get(norm(text), ())) & self.states.keys()

    def resolve_id(self, text: str | int, day: dt.date | None = None) -> str:
        """The id of the state `text` names (see `resolve`)."""
        return self.resolve(text, day).id

    def _disambiguate(self, raw: str, key: str, day: dt.date, among: Among | None) -> State:
        """The one state of a name several carried (`_AMBIGUOUS[key]`) on `day`, or `among` the states given
        (`one_of`), each read by its name on the day (Zaire is no Congo)."""
        from foedus.model.state_forms import one_of  # here: a name none of them shares is looked up without it

        found = [self.states[i] for i in _AMBIGUOUS[key] if i in self.states]
        return one_of(raw, found, day, among, self.has_system_dates, (key, self.names_on(day)))

    def by_pattern(self, raw: str) -> str | None:
        """The state whose name pattern (countrycode's) the text matches, with no other word in the text than
        words of a state's name or style ("Republic of Estonia", not "not Estonia"); None when there is none. A
        name of one state that holds another's ("Taiwan, Province of China") names the one (`plain_names`).

        Raises:
            AmbiguousNameError: the text names several states: several patterns match ("Latvia and Estonia"), or
                beside the words that name one state stands another state's code, number or name ("RUS Korea",
                "2 Canada", "Russia and Korea").
        """
        from foedus.model.state_names import plain_names  # here: codes and names are looked up without it

        return self._by_words(raw, plain_names(raw.lower()))

    def _by_words(self, raw: str, lowered: str) -> str | None:
        """`by_pattern` of the text `raw`, read as `lowered` (in lowercase, `plain_names` applied)."""
        from foedus.model import state_names as sn

        if len(lowered) < 4:
            return None
        hits = {state_id: m.span() for state_id, pattern in self._patterns if (m := pattern.search(lowered))}
        if len(hits) > 1:  # several patterns match: the text names one state if only one's name is in it
            given = set(sn.words(lowered))
            if len(named := [i for i in hits if set(sn.words(self.states[i].name.lower())) <= given]) != 1:
                raise sn.several_states(raw, [self.states[i] for i in sorted(hits)])
            hits = {named[0]: hits[named[0]]}
        if not hits:  # codes, numbers or names no pattern matches: two that name states apart are several ("RUS EST")
            parts = sn.parts_named(lowered, sn.code_edges(raw), self._patterns, self._key_names)
            if any(p.isdisjoint(q) for p in parts for q in parts):
                raise sn.several_states(raw, [self.states[i] for i in sorted(set().union(*parts))])
            return None
        [(best, span)] = hits.items()
        before, name, after = sn.name_split(self.states[best].regex or "", lowered, span)
        codes = [t for t in sn.words(name) if t not in self._name_words and norm(t) in self._index]
        # a code the pattern took for a word ("SSD Sudan"), if the text without it names a state (not "Viet Nam"'s)
        if codes and len(sn.tokens(name)) > 1 and (other := self._by_words(
                raw, re.sub(rf"\b{re.escape(codes[0])}\b", " ", lowered, count=1))) is not None:
            if len(ids := {self._index[norm(codes[0])], other}) > 1:
                raise sn.several_states(raw, [self.states[i] for i in sorted(ids)])
            return None
        own = Counter(sn.words(f"{self.states[best].name} {sn.MORE_WORDS.get(best, '')}".lower()))
        own -= Counter(sn.words(name))
        parts = sn.parts_named(sn.without_own(before, after, own), sn.code_edges(raw), self._patterns, self._key_names)
        if others := set().union(*(p for p in parts if best not in p and not any(q < p for q in parts))):
            raise sn.several_states(raw, [self.states[i] for i in sorted({best, *others})])
        rest = before + after
        return best if set(sn.words(rest)) <= self._name_words | set(own) and not re.search(r"\d", rest) else None

    def _key_names(self, key: str) -> frozenset[str]:
        """The states a code, number or name (`norm`'s key) names: those of a name several carried, or one, or none."""
        return frozenset(_AMBIGUOUS.get(key, [self._index[key]] if key in self._index else [])) & self.states.keys()

    @functools.cached_property
    def _patterns(self) -> list[tuple[str, re.Pattern[str]]]:
        """Each state's id and compiled name pattern, in the registry's order (compiled once, not per lookup)."""
        return [(s.id, re.compile(s.regex)) for s in self if s.regex]

    @functools.cached_property
    def _name_words(self) -> frozenset[str]:
        """The words a state's name may be given with: the words of every state's name, and of formal styles."""
        from foedus.model.state_names import STYLE_WORDS, words

        return STYLE_WORDS | {w for s in self.states.values() for w in words(s.name.lower())}

    def members_on(self, day: dt.date) -> list[str]:
        """Ids of the states in the system on `day` (empty when no COW dates are loaded)."""
        return [s.id for s in self if s.member_on(day)]

    def is_major(self, state_id: str, day: dt.date) -> bool:
        """Whether COW counts the state as a major power on `day`."""
        spans = self.majors.get(state_id, ())
        return any(a <= day and (b is None or day <= b) for a, b in spans)

    @classmethod
    def load(cls) -> StateRegistry:
        """Build the registry from countrycode, plus COW spells when the data folder has them (checked first).

        Raises:
            DataCorruptError: a COW file in the data folder fails its check.
        """
        from foedus.model.state_build import built_states  # here: a registry read from the cache needs none of it

        fields, has_system_dates, majors = built_states()
        states = {state_id: State(**given) for state_id, given in fields.items()}
        return cls(states=states, has_system_dates=has_system_dates, majors=majors)
