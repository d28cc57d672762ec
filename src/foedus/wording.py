"""How every message words what was given: a value shown (`shown`), one said to be empty or blank, pydantic's
problems with a value in foedus's words (`validation_problem`) and a field's path (`field_path`), the message as
one line (`one_line`), a count with its noun (`counted`), an item's place in a list (`ordinal`), a state by its name
and id (`named_state`), a bootstrap of too few draws (`too_few_replicates`, `UNDRAWN_PARAMETERS`), a state out of
the state system on a war's day (`not_in_system`), the advice to give one state (`ONE_STATE`), a region, a place set
or a treaty named where a state goes (`not_a_state`). Kept apart from the exception tree of `foedus.errors`, which
re-exports these names, and from how a character is named (`foedus.characters`: `character` and `surrogate_byte`),
a value outside its bounds (`foedus.ranges`: a count, `out_of_range`; a year, `year_outside`; a year range
backwards, `years_backwards`) and a file not of the kind wanted (`foedus.file_words`: an output's path taken by
another kind, `other_kind_taken`; where a file stops being JSON, `json_stops`; a control character shown, not
obeyed, `escaped`), re-exported here."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from foedus.characters import character, surrogate_byte
from foedus.file_words import NOT_A_FILE_PATH, NUL_SHOWN, escaped, is_url, json_stops, other_kind_taken
from foedus.ranges import out_of_range, year_not_whole, year_outside, years_backwards

__all__ = ["MAX_MESSAGE", "NOT_A_FILE_PATH", "NUL_SHOWN", "ONE_STATE", "UNDRAWN_PARAMETERS", "and_listed", "character",
           "counted", "empty_or_blank", "escaped", "field_path", "in_words", "is_url", "json_stops", "named_state",
           "not_a_state", "not_in_system", "one_line", "ordinal", "other_kind_taken", "out_of_range", "shown",
           "surrogate_byte", "too_few_replicates", "validation_problem", "year_not_whole", "year_outside",
           "years_backwards"]

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


_PLAIN = {"int_parsing": "must be a whole number", "int_type": "must be a whole number, got {given}",
          "int_from_float": "must be a whole number", "float_parsing": "must be a number",
          "float_type": "must be a number, got {given}", "finite_number": "must be a finite number",
          "bool_parsing": "must be true or false", "bool_type": "must be true or false",
          "string_type": "must be text, got {given}", "string_too_short": "{shortest}",
          "string_too_long": "is longer than {max_length} characters",
          "missing": "{missing}", "extra_forbidden": "unknown field '{field}'{fields}",
          "union_tag_invalid": "{discriminator} {tag} is not one of {expected_tags}",
          "union_tag_not_found": "'{discriminator}' is missing: it says which kind of entry this is",
          "list_type": "must be a list, got {given}", "dict_type": "must be a mapping, got {given}",
          "model_type": "must be a mapping of fields, got {given}",  # and a tagged union's item, not a mapping:
          "model_attributes_type": "must be a mapping of fields, got {given}",
          "too_short": "needs at least {min_length} {items}, got {actual_length}",
          "too_long": "takes at most {max_length} {items}, got {actual_length}"}
"""pydantic's problems with a value, by type, in foedus's words, for a value typed (a CLI option, a web query
parameter) and a file's field alike, each to follow the value's name or field path (some, such as a missing field's,
a clause of their own): pydantic says "Input should be a valid boolean, unable to interpret input",
"Extra inputs are not permitted", "Input tag 'x' found using 'op' does not match any of the expected tags: …" or
"Input should be a valid list"; the kinds it words plainly ("must be greater than or equal to 1", "must be 'S1',
'S2' or 'S3'") keep its words."""


def validation_problem(error: Mapping[str, object], model: object = None) -> str:
    """A pydantic error in foedus's words (`_PLAIN`), to follow a value's name or a file's field path, with the value
    given when it is one (not a mapping or a list) and the message does not say it already: only a check of ours
    can (it keeps its message, less pydantic's "Value error, "); pydantic's words never hold the value, and a word or
    a bound of theirs equal to it ('a', 1) is not it. An unknown field is told the fields of `model`, the pydantic
    model the data was read as, at that place.

    A value a user typed (a web query parameter, a command-line option) is one of no model:

    >>> validation_problem({"type": "int_parsing", "msg": "Input should be a valid integer, unable to parse string as"
    ...                     " an integer", "input": "nan"})
    "must be a whole number (got 'nan')"
    >>> validation_problem({"type": "greater_than_equal", "msg": "Input should be greater than or equal to 1"})
    'must be greater than or equal to 1'
    >>> validation_problem({"type": "less_than", "msg": "Input should be less than 1", "input": 1, "ctx": {"lt": 1}})
    'must be less than 1 (got 1)'
    >>> validation_problem({"type": "value_error", "msg": "Value error, names no state", "input": {"a": 1}})
    'names no state'
    >>> validation_problem({"type": "string_too_short", "msg": "String should have at least 1 character", "input": "",
    ...                     "ctx": {"min_length": 1}})
    'must not be empty'
    >>> validation_problem({"type": "list_type", "loc": ("changes",), "msg": "Input should be a valid list",
    ...                     "input": {"op": "drop_treaty"}})
    'must be a list, got a mapping'
    >>> validation_problem({"type": "union_tag_invalid", "msg": "Input tag 'x' found using 'op' does not match any of"
    ...     " the expected tags: 'a', 'b'", "ctx": {"discriminator": "'op'", "tag": "x", "expected_tags": "'a', 'b'"}})
    "op 'x' is not one of a, b"
    """
    kind = str(error.get("type"))
    ours = kind in ("value_error", "assertion_error")
    try:
        problem = _PLAIN[kind].format_map(_context(error, model))
    except KeyError:  # a check of ours, a kind pydantic words plainly enough, or a bound it did not give
        msg = str(error.get("msg", "")) or "is invalid"
        problem = msg.removeprefix("Value error, ").removeprefix("Assertion failed, ")
        if not ours:
            problem = (problem[0].lower() + problem[1:]).replace("input should be", "must be")
    given = error.get("input")
    import re  # here: `import foedus` imports this module before the console's start pauses the collector

    said = ours and re.search(rf"(?<![\w-]){re.escape(str(given))}(?![\w-])", problem) is not None
    said = said or (kind == "string_too_short" and isinstance(given, str) and not given.strip())  # 'is empty'
    if said or "{given}" in _PLAIN.get(kind, "") or kind == "extra_forbidden" or given is None or isinstance(
            given, Mapping | list | tuple):
        return problem  # the value is said already, or is not one to show
    return f"{problem} (got {shown(given)})"


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


def empty_or_blank(value: object) -> str:
    """'empty' for a value of no characters, 'blank' for one of only spaces (tabs, newlines), which a user may not
    see they typed: how every message names a value that says nothing (`empty_or_blank(" ")` is 'blank')."""
    return "empty" if str(value) == "" else "blank"


def shown(value: object) -> str:
    """A value given, as every message shows it: text quoted and shortened ('xxx…'), true/false, a number or a
    date as written, or what a mapping, a list or nothing is; on one line, as a message is, though the value's
    text may have several (a pandas Series, a numpy matrix).

    >>> shown("drop nato"), shown(True), shown(5), shown(None), shown([1])
    ("'drop nato'", 'true', '5', 'nothing', 'a list')
    """
    if value is None or isinstance(value, Mapping | list | tuple):
        return "nothing" if value is None else "a mapping" if isinstance(value, Mapping) else "a list"
    shown = (repr(value) if isinstance(value, str) else str(value).lower() if isinstance(value, bool)
             else " ".join(str(value).split()))
    return shown if len(shown) <= 60 else shown[:57] + "…" + (shown[0] if isinstance(value, str) else "")


def _context(error: Mapping[str, object], model: object) -> dict[str, object]:
    """The words `_PLAIN`'s entries use: pydantic's `ctx`, a union's tags unquoted ('a, b', not "'a', 'b'"),
    the field named last in the error's `loc`, what was given and, for an unknown field, the fields there."""
    given_ctx, given_loc = error.get("ctx"), error.get("loc")
    ctx: dict[str, object] = dict(given_ctx) if isinstance(given_ctx, Mapping) else {}
    for key in ("expected_tags", "discriminator"):
        if key in ctx:
            ctx[key] = str(ctx[key]).replace("'", "").replace(" or ", ", ")
    loc, given = tuple(given_loc) if isinstance(given_loc, tuple | list) else (), error.get("input")
    if "tag" in ctx:  # the tag as written (true, nothing, a list), not as Python says it
        tag = given.get(ctx.get("discriminator"), ctx["tag"]) if isinstance(given, Mapping) else ctx["tag"]
        ctx["tag"] = shown(tag)
    field = str(loc[-1]) if loc else ""
    missing = f"needs a value at position {loc[-1] + 1}" if loc and isinstance(loc[-1], int) else ""
    fields = list(getattr(_at(model, loc[:-1]), "model_fields", {})) if error.get("type") == "extra_forbidden" else []
    least = ctx.get("min_length")
    nothing = f"must not be {empty_or_blank(given if isinstance(given, str) else '')}"  # the value, said
    shortest = f"must be at least {least} characters long" if isinstance(least, int) and least > 1 else nothing
    return {**ctx, "field": field, "given": shown(given), "fields": _fields(field, fields),
            "missing": missing or f"missing field '{field}'", "shortest": shortest,
            "items": "item" if 1 in (ctx.get("min_length"), ctx.get("max_length")) else "items"}


def _fields(field: str, fields: list[str]) -> str:
    """The fields an unknown `field` could have been: a close one first (difflib's, of the same first letter: alone,
    it offered 'lat' for 'alt'), then the first 8 of over 10, so the message stays one short line."""
    import difflib  # here: every start imports this module, and only an unknown field needs it

    close = [c for c in difflib.get_close_matches(field, fields, n=3) if c[:1].lower() == field[:1].lower()]
    hint = f", did you mean '{close[0]}'?" if close else ""
    listed = fields if len(fields) <= 10 else [*fields[:8], "…", f"{len(fields) - 8} more"]
    return f"{hint} (the fields are: {', '.join(listed)})" if fields else ""


def field_path(parts: Iterable[object]) -> str:
    """A field's path from pydantic's `loc`, as messages name it (`events[0].attacker`): a list's item by number,
    without pydantic's labels of a union's members ('list[str]', 'function-after[…]') or empty parts.

    >>> field_path(("events", 0, "attacker", "list[function-after[f(), str]]", "")), field_path(("", "x"))
    ('events[0].attacker', 'x')
    """
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part and not set("[(") & set(str(part)) and part not in ("str", "int", "float", "bool"):
            out += f".{part}" if out else str(part)
    return out


def _at(model: object, loc: tuple[object, ...]) -> object:
    """What is at `loc` in data read as `model` (a pydantic model, or a type of them): through models' fields,
    lists, mappings, optional values and tagged unions, whose tag `loc` names; None where `loc` leads elsewhere."""
    from types import UnionType
    from typing import Annotated, Literal, Union, get_args, get_origin

    for part in loc:
        while get_origin(model) in (Annotated, Union, UnionType):
            args = [a for a in get_args(model) if a is not type(None)]
            if get_origin(model) is not Annotated and len(args) > 1:  # a tagged union: the member `part` names
                model = next((a for a in args for f in getattr(a, "model_fields", {}).values()
                              if get_origin(f.annotation) is Literal and part in get_args(f.annotation)), None)
                break
            model = args[0]
        else:
            fields, inner = getattr(model, "model_fields", None), get_args(model)
            if fields is not None:
                model = fields[part].annotation if part in fields else None
            else:  # a list's item (`part` a number) or a mapping's value
                model = inner[-1] if inner and (isinstance(part, int) or get_origin(model) in (dict, Mapping)) else None
    return model
