"""pydantic's problems with a value in foedus's words (`validation_problem`), for a value typed and a file's field
alike, and a field's path as messages name it (`field_path`). `foedus.wording` re-exports both, and `foedus.errors`
with it; a file reader words its first problem with `first_problem`, which names every field missing together."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from foedus.value_words import empty_or_blank, shown

__all__ = ["field_list", "field_path", "first_problem", "validation_problem"]

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
    return f"{hint} (the fields are: {field_list(fields)})" if fields else ""


def field_list(fields: Sequence[str]) -> str:
    """Fields named in a message, comma-separated: all of up to 10, else the first 8 and '…, N more', so the line
    stays short (the rule every field list follows: an unknown field's choices, the fields missing together).

    >>> field_list(["a", "b"]), field_list([f"f{i}" for i in range(11)])
    ('a, b', 'f0, f1, f2, f3, f4, f5, f6, f7, …, 3 more')
    """
    return ", ".join(fields if len(fields) <= 10 else [*fields[:8], "…", f"{len(fields) - 8} more"])


def first_problem(errors: Sequence[Mapping[str, object]],
                  model: object = None) -> tuple[tuple[int | str, ...], str, int]:
    """pydantic's first problem of `errors` (a `ValidationError`'s, in its order) as the location a message names,
    the words there (`validation_problem`, `model` as it takes it) and how many of `errors` they say: where the
    first is a missing field, every field missing from that mapping, named together at the mapping ('missing
    fields: name, signed, sources', `field_list`), so a file lacking three is told the three, not one a try.

    >>> first_problem([{"type": "missing", "loc": ("events", 0, "attacker")},
    ...                {"type": "missing", "loc": ("events", 0, "victim")}, {"type": "missing", "loc": ("id",)}])
    (('events', 0), 'missing fields: attacker, victim', 2)
    >>> first_problem([{"type": "missing", "loc": ("id",)}])
    (('id',), "missing field 'id'", 1)
    """
    first, loc = errors[0], _loc(errors[0])
    if first.get("type") != "missing" or not loc or not isinstance(loc[-1], str):
        return loc, validation_problem(first, model), 1
    missing = [str(at[-1]) for e in errors if e.get("type") == "missing" and len(at := _loc(e)) == len(loc)
               and at[:-1] == loc[:-1] and isinstance(at[-1], str)]
    if len(missing) == 1:
        return loc, validation_problem(first, model), 1
    return loc[:-1], f"missing fields: {field_list(missing)}", len(missing)


def _loc(error: Mapping[str, object]) -> tuple[int | str, ...]:
    """pydantic's location of `error` (its parts: field names and list positions)."""
    loc = error.get("loc")
    return tuple(p for p in loc if isinstance(p, int | str)) if isinstance(loc, tuple | list) else ()


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
