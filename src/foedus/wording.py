"""How every message words what was given: the message as one line (`one_line`), a count with its noun (`counted`, small
ones `in_words`), items listed (`and_listed`; past five, three and a count: `few_listed`), an item's place in a list
(`ordinal`), a state by its name and id (`named_state`), a bootstrap of too few draws (`too_few_replicates`,
`UNDRAWN_PARAMETERS`), a state out of the state system on a war's day (`not_in_system`), the advice to give one state
(`ONE_STATE`), a region, a place set or a treaty named where a state goes (`not_a_state`). Kept apart from the
exception tree of `foedus.errors`, which re-exports these names, and from how a value given is shown
(`foedus.value_words`: `shown`, `empty_or_blank`), pydantic's problems with a value in foedus's words
(`foedus.problem_words`: `validation_problem`, a field's path `field_path`, fields listed `field_list`, a file's
first problem with every field missing together `first_problem`), how a character is named
(`foedus.characters`: `character` and `surrogate_byte`), a value outside its bounds (`foedus.ranges`: a count,
`out_of_range`; a year, `year_outside`; a year range backwards, `years_backwards`) and a file not of the kind wanted
(`foedus.file_words`: an output's path taken by another kind, `other_kind_taken`; where a file stops being JSON,
`json_stops`; a control character shown, not obeyed, `escaped`; `-` given as a file to read, `STDIN_NOT_READ`),
re-exported here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from foedus.characters import character, surrogate_byte
from foedus.file_words import NOT_A_FILE_PATH, NUL_SHOWN, STDIN_NOT_READ, escaped, is_url, json_stops, other_kind_taken
from foedus.problem_words import field_list, field_path, first_problem, validation_problem
from foedus.ranges import out_of_range, year_not_whole, year_outside, years_backwards
from foedus.value_words import empty_or_blank, shown

__all__ = ["MAX_MESSAGE", "NOT_A_FILE_PATH", "NUL_SHOWN", "ONE_STATE", "STDIN_NOT_READ", "UNDRAWN_PARAMETERS",
           "and_listed", "character", "counted", "empty_or_blank", "escaped", "few_listed", "field_list", "field_path",
           "first_problem", "in_words", "is_url", "json_stops", "named_state", "not_a_state", "not_in_system",
           "one_line", "ordinal", "other_kind_taken", "out_of_range", "shown", "surrogate_byte", "too_few_replicates",
           "validation_problem", "year_not_whole", "year_outside", "years_backwards"]

MAX_MESSAGE = 400


def one_line(text: str) -> str:
    """A message as one readable line, as the CLI and the web API report it: each run of whitespace that breaks
    the line (a newline, a tab, any whitespace but a space) one space, a NUL shown `\\0` (a path's, which a
    terminal showed as a space) and any other control character escaped (`\\x1b`: a path's or a file's, which a
    terminal would have obeyed), the ends stripped and the length capped. A run of spaces alone is kept: a value
    shown in it (`shown`) reads as given, 'a  b' not 'a b'.

    >>> one_line("a\\n  b" + "x" * 500)[:5], len(one_line("y" * 1000)), one_line(" place 'a  b'\\t\\r\\n")
    ('a bxx', 400, "place 'a  b'")
    >>> print(one_line("/tmp/a\\x1b[2Jb\\0c\\x7f"))
    /tmp/a\\x1b[2Jb\\0c\\x7f
    """
    import re  # here: `import foedus` imports this module before the console's start pauses the collector

    line = escaped(re.sub(r" *[^\S ]\s*", " ", str(text)).strip())
    return line if len(line) <= MAX_MESSAGE else line[: MAX_MESSAGE - 1] + "…"


def and_listed(items: Sequence[str]) -> str:
    """Items as a message lists them: 'a', 'a and b', 'a, b and c'.

    >>> and_listed(["a"]), and_listed(["a", "b"]), and_listed(["a", "b", "c"])
    ('a', 'a and b', 'a, b and c')
    """
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def few_listed(items: Sequence[str], most: int = 5, shown: int = 3) -> str:
    """Items as a message lists them, all of up to `most`, else the first `shown` and how many more: a note that
    names states stays a line long (Mali's exit from ECOWAS left 9 partners).

    >>> few_listed(["a", "b"]), few_listed([*"abcdef"])
    ('a and b', 'a, b, c and 3 more')
    """
    return f"{', '.join(items[:shown])} and {len(items) - shown} more" if len(items) > most else and_listed(items)


def counted(n: int, noun: str, plural: str = "", *, grouped: bool = True) -> str:
    """A count and its noun as every message words one: the noun as given for 1, else `plural` (the noun and an s
    when not given: 'treaty' needs 'treaties'), the count with thousands separators unless not `grouped`.

    >>> counted(1, "row"), counted(2000, "row"), counted(0, "year"), counted(1, "treaty", "treaties")
    ('1 row', '2,000 rows', '0 years', '1 treaty')
    >>> counted(3, "country", "countries"), counted(1200, "war", grouped=False)
    ('3 countries', '1200 wars')
    """
    return (f"{n:,}" if grouped else str(n)) + " " + (noun if n == 1 else plural or noun + "s")


def too_few_replicates(replicates: int) -> str:
    """The one sentence for a likelihood model fit with too few bootstrap replicates to measure its uncertainty: `likely
    fit --bootstrap 0` says it, every answer from the model warns it (when: `foedus.likely.attach.no_bootstrap`)."""
    return (f"this model was fit with {counted(replicates, 'bootstrap replicate')}, too few to measure its "
            "uncertainty: its intervals have no width, and say nothing of how sure its numbers are (refit with "
            "`foedus likely fit --bootstrap 200`)")


# the note of a `foedus depth` table scored with item parameters of no bootstrap draws (its intervals leave them out)
UNDRAWN_PARAMETERS = ("the item parameters have no bootstrap draws (--refit --draws 0): each interval (depth_lo, "
                      "depth_hi, scope_lo, scope_hi) is about the alliance only, not about the item parameters, so "
                      "narrower than one from parameters refitted with draws")


def in_words(n: int) -> str:
    """A small count as prose words it, up to ten ('two states of that name exist'), where a count after a date
    ('on 2026-12-04 2 states') would read as one number; digits beyond.

    >>> in_words(2), in_words(10), in_words(11), in_words(1200)
    ('two', 'ten', '11', '1,200')
    """
    words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    return words[n] if 0 <= n < len(words) else f"{n:,}"


def ordinal(n: int) -> str:
    """An item's place in a list as every message words it ('the 2nd value'), counted from 1 (web/src/wording.ts's
    `ordinal` words a shared link's items the same).

    >>> ordinal(1), ordinal(2), ordinal(3), ordinal(4), ordinal(11), ordinal(12), ordinal(22), ordinal(113)
    ('1st', '2nd', '3rd', '4th', '11th', '12th', '22nd', '113th')
    """
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def named_state(state: str, names: Mapping[str, str]) -> str:
    """A state as every reason, condition and note names one: "Russia (RUS)", from `names` (each state's name by its
    id, the world's registry), since an id alone tells a reader little; its id alone when it has no other name.

    >>> named_state("ARM", {"ARM": "Armenia"}), named_state("BBB", {})
    ('Armenia (ARM)', 'BBB')
    """
    name = names.get(state)
    return f"{name} ({state})" if name and name != state else state


def not_in_system(day: object) -> str:
    """What `foedus war --state` says of a state, on the day asked, that neither fights nor is bound because it is
    not a member of the state system then (`foedus.war.why`).

    >>> not_in_system("1940-06-01")
    'Not a member of the state system on 1940-06-01, so neither fighting nor bound.'
    """
    return f"Not a member of the state system on {day}, so neither fighting nor bound."


def not_a_state(text: str, what: str) -> str:
    """The refusal of `text`, a region or a place set (`what`), given where a state goes (it was "unknown state").

    >>> not_a_state("Europe", "a region (Europe)")
    "'Europe' is a region (Europe), not a state: give one state (try `foedus states`)"
    """
    return f"{shown(text)} is {what}, not a state: {ONE_STATE} (try `foedus states`)"


# the advice that ends a refusal of a text that must name one state (`foedus states QUERY`, `foedus war --state`; a
# name of several states, `foedus.model.state_names.several_states`): a list's advice would invite a list
ONE_STATE = "give one state"


