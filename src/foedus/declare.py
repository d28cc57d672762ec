"""How an input is declared: its name, type, default, help, CLI flags and choices.

Interface-neutral data: the CLI (`foedus.cli.params`), the web API (`foedus.web.params`) and
`foedus.cascade` all build their parameters from `Input`s; the scenario's switches are declared on the
fields of `foedus.engine.scenario.Scenario`, the other inputs in `foedus.inputs`.
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections.abc import Iterable, Mapping
from typing import Any

from foedus.datarecord import dataclass
from foedus.errors import ScenarioError, UnknownOptionError, empty_or_blank, ordinal, out_of_range, shown

__all__ = ["Input", "check_options", "checked_value", "choice", "described", "split_values", "unknown_options"]


@dataclass(frozen=True)
class Input:
    """One input: its keyword and query-parameter name, type, default, help, CLI flags and choices.

    `many`: repeatable; `split`: a list of states, whose comma-separated values are split too
    (`foedus.state_lists.split_names`: a name with a comma stays whole). `default` is `...` for a required input.
    """

    name: str
    type: Any
    default: Any
    help: str
    flags: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    many: bool = False
    split: bool = False
    example: str | None = None
    metavar: str | None = None
    bounds: tuple[int, int] | None = None  # smallest and largest value of a number

    @property
    def required(self) -> bool:
        """Whether the input has no default."""
        return self.default is ...

    @property
    def cli_flags(self) -> tuple[str, ...]:
        """The CLI flags (default: `--name-with-dashes`)."""
        return self.flags or ("--" + self.name.replace("_", "-"),)

    @property
    def full_help(self) -> str:
        """The help text, with the choices and default spelt out."""
        extra = f" Choices: {', '.join(self.choices)}." if self.choices else ""
        return self.help + extra


def _choice(name: str, choices: tuple[str, ...], default: str, help: str) -> Input:
    return Input(name, str, default, help, choices=choices)


def choice(name: str, choices: tuple[str, ...], default: str, help: str) -> Input:
    """An input that takes one of `choices`."""
    return Input(name, str, default, help, choices=choices)


def split_values(values: list[str] | str | None, name: str, what: str = "state", *, before: int = 0,
                 advice: str | None = None) -> list[str]:
    """Repeated and comma-separated values as one list, each stripped. An empty or blank item (`''`, `'RUS,'`,
    `'RUS, ,EST'`; a script's `"RUS,$X"` with X unset) is refused, naming the option (`name`) and the item (counted
    after the `before` items of the option's earlier values): dropped, the list would be a shorter one without a word.
    The refusal ends with `advice` (default: "give each state once, comma-separated", of `what`).

    >>> split_values(["UKR", "POL, LTU"], "attacker")
    ['UKR', 'POL', 'LTU']

    Raises:
        ScenarioError: an empty or blank item, by its place among the items and with the value it is in.
    """
    if values is None:
        return []
    out: list[str] = []
    for value in [values] if isinstance(values, str) else values:
        for part in str(value).split(","):
            if not part.strip():
                raise ScenarioError(f"{name}: the {ordinal(before + len(out) + 1)} value is {empty_or_blank(part)} "
                                    f"({shown(str(value))}); {advice or f'give each {what} once, comma-separated'}")
            out.append(part.strip())
    return out


def described(value: Any) -> str:
    """A value a Python caller gave of a type it may not have, as every message shows a value
    (`foedus.value_words.shown`), with its type named where it is not one a file or a command line can hold: a
    `Path('nato_1949')` or numpy's `True_` would otherwise read like the text or the switch they stand for.

    >>> described(3.5), described("false"), described(None), described({"op": "x"})
    ('3.5', "'false'", 'nothing', 'a mapping')
    >>> import decimal; described(decimal.Decimal(10)), described(b"f.yaml")
    ('decimal.Decimal 10', "bytes b'f.yaml'")
    """
    if value is None or isinstance(value, str | bool | int | float | dt.date | Mapping | list | tuple):
        return shown(value)
    kind, home = type(value), type(value).__module__.split(".")[0]
    return f"{'' if home == 'builtins' else home + '.'}{kind.__qualname__} {shown(value)}"


def checked_value(inp: Input, value: Any) -> Any:
    """A value given for a declared input, checked against the input's type: a switch (`bool`) takes True or
    False (numpy's too), not a truthy string such as 'false'; a number with bounds (draws, seed) takes a whole
    number within them (numpy's integers too, as a Python int), or None; a repeatable input (`many`, e.g. a
    what-if change) takes a list of strings, or one string as a list of one (not a string's characters).

    >>> checked_value(Input("on", bool, True, ""), False), checked_value(Input("n", int, 1, "", bounds=(1, 9)), 3)
    (False, 3)

    Raises:
        ScenarioError: a value of the wrong type, naming the input.
    """
    if inp.type is bool and not isinstance(value, bool):
        if getattr(value, "shape", None) == () and getattr(getattr(value, "dtype", None), "kind", "") == "b":
            return bool(value)  # a numpy bool
        raise ScenarioError(f"{inp.name} must be True or False, not {described(value)}")
    if inp.many and value is not None:
        items = [value] if isinstance(value, str) else value
        listed = isinstance(items, list | tuple)
        bad = next((v for v in items if not isinstance(v, str)), None) if listed else value
        if not listed or any(not isinstance(v, str) for v in items):
            held = "a list holding " if listed and isinstance(bad, list | tuple) else ""  # not 'not a list' of one
            hint = " (give each value as one string, as the command line takes it)" if held else ""
            raise ScenarioError(f"{inp.name}: expected a string or a list of strings, not {held}{described(bad)}{hint}")
        return list(items)
    if inp.bounds is not None and value is not None:
        low, high = inp.bounds
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise ScenarioError(f"{inp.name} must be a whole number from {low:,} to {high:,}, not {described(value)}")
        value = int(value)
        if not low <= value <= high:
            raise ScenarioError(out_of_range(inp.name, low, high, value))
    return value


def check_options(options: Mapping[str, Any], allowed: tuple[Input, ...]) -> dict[str, Any]:
    """Refuse keywords that are not declared inputs, and values of the wrong type (`checked_value`).

    Returns:
        The options, each value as checked.

    Raises:
        UnknownOptionError: an unknown option, naming the known ones. ScenarioError: a value of the wrong type,
            naming the option.
    """
    names = {i.name: i for i in allowed}
    if unknown := set(options) - set(names):
        raise unknown_options(unknown, names)
    return {name: checked_value(names[name], value) for name, value in options.items()}


def unknown_options(unknown: Iterable[str], known: Iterable[str], function: str = "") -> UnknownOptionError:
    """The one refusal of keywords a public function does not take (`check_options`, `foedus.keywords`): the
    unknown ones and the known ones, each sorted, or that `function` takes none.

    >>> str(unknown_options({"bogus", "b"}, ["until", "basis"]))
    'unknown option(s) b, bogus: choose from basis, until'
    >>> str(unknown_options(["bogus"], [], "load_world"))
    'unknown option(s) bogus: load_world takes none'
    """
    known = sorted(known)
    choose = f"choose from {', '.join(known)}" if known else f"{function or 'it'} takes none"
    return UnknownOptionError(f"unknown option(s) {', '.join(sorted(unknown))}: {choose}")
