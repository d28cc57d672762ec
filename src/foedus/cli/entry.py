"""Running the typer app: every failure becomes one line on stderr and an exit code, never a traceback.

A usage error click finds (unknown option, missing value, bad type) prints `error: <one line>` naming the
command and exits 2; every other failure is reported as `foedus.cli.failures.failure` says. An empty path
(`--out ""`, `--treaties=`) is such a usage error too: typer would hand the command `.`, the current folder; so is
an option of one value given twice, of which click would keep the last, and an option's name given as an option's
value (`-a -t RUS`). A path given with a trailing slash keeps it (`foedus.written.as_given`), so that an output that
is one file can refuse it.
"""

from __future__ import annotations

import re
import sys
import typing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from typer.exceptions import Abort, Exit, TyperException

from foedus.cli.failures import fail, failure, json_asked, stopped

__all__ = ["run_cli"]


_MEANT = {("foedus compare", name): "did you mean --date2, the other world's date?"
          for name in ("--vs", "--versus", "--other-date", "--date-2")}
"""What a user who typed an option a command does not have most likely meant, where click's suggestion, the
closest-spelled option, is no help: `foedus compare --vs 2024-01-01` was offered --json."""


def _usage_text(exc: TyperException) -> str:
    """A click usage error as one line, naming the command it concerns; a value typer's pydantic refused is said in
    foedus's words (`foedus.problem_words.validation_problem`: 'must be a whole number', not 'Input should be a
    valid integer, unable to parse string as an integer')."""
    errors = getattr(exc.__cause__, "errors", None)
    if callable(errors) and isinstance(getattr(exc, "message", None), str) and (found := errors()):
        from foedus.problem_words import validation_problem

        exc.message = validation_problem(found[0])
    message = exc.format_message()
    ctx = getattr(exc, "ctx", None)
    path = getattr(ctx, "command_path", "") if ctx is not None else ""
    name = getattr(exc, "option_name", "")
    if type(exc).__name__ == "NoSuchOption" and (meant := _MEANT.get((path, name))):  # not click's closest spelling
        message = f"No such option: {name} ({meant})"
    if type(exc).__name__ == "MissingParameter":  # typer runs a click of its own (`typer._click`), not `click`
        message = _what_to_add(exc, message)
    return f"{message} (see `{path} --help`)" if path else message


def _what_to_add(exc: Any, message: str) -> str:
    """A missing required option said with what to add and what it is, from its help's first clause: "Missing
    option '--out': add --out (output .parquet, .csv or .dta)", not click's bare "Missing option '--out'.",
    which did not say that `foedus atlas` writes a file; `message` as it is for an argument or an option with no
    help."""
    param = getattr(exc, "param", None)
    flags = getattr(param, "opts", None)
    if getattr(param, "param_type_name", "") != "option" or not flags:
        return message
    flag = max(flags, key=len)
    first = re.split(r" \(|; |\. ", getattr(param, "help", None) or "", maxsplit=1)[0].strip().rstrip(".")
    what = f" ({first[:1].lower()}{first[1:]})" if first else ""
    return f"{message.rstrip('.')}: add {flag}{what}"


def _check_values(command: Any) -> None:
    """Make every parameter of `command` and its subcommands that takes a value check it first, a problem being a
    usage error naming the option (one walk, one wrapper, for both checks):

    - a path parameter refuses an empty value: typer reads `""` as `Path("")`, which is `.`, and a command would then
      read, list or replace the current folder as if the user had named it. A blank one (`--add-treaty ' '`) too,
      said to be blank, as the Python API refuses it: it crashed as an internal error, and read as a file of no
      visible name elsewhere (`--overlay ' '`). A path option refuses an option's name too (`schema --out --json`
      wrote a file named --json): `foedus.cli.helpers.path_problem`, and one the command reads refuses `-`
      (standard input, not read: `_read`). Its value keeps a trailing slash (`_as_given`).
    - every other option that takes a value refuses one of the command's option names as that value: click takes
      the word after an option as its value, so `cascade -a -t RUS -d D` read the attacker '-t', and then said
      --target was missing (not `_OWN_CHECK`'s, which say it their own way).
    - a number option refuses a number not written plainly (`foedus.numerals`): typer reads `--from 1_914`
      and `--from 1914.0` as 1914, as Python's int() does; said as `--from abc` is (blanks around it left out).
      One outside its bounds (typer's `min=`, `max=`) is refused in foedus's one wording (`_check_bounds`)."""
    from typer import BadParameter

    from foedus.cli.helpers import option_names, path_problem
    from foedus.errors import shown
    from foedus.numerals import number_problem

    for param in getattr(command, "params", []):
        paths = _takes_paths(param)
        if not paths and (param.param_type_name != "option" or param.is_flag or param.count
                          or param.name in _OWN_CHECK):
            continue
        original = param.process_value
        number = _number_kind(param)

        def process_value(ctx: Any, value: Any, param: Any = param, original: Any = original,
                          paths: bool = paths, number: bool | None = number) -> Any:
            for one in value if isinstance(value, list | tuple) else [value]:
                if not isinstance(one, str):
                    continue
                if paths:
                    problem = path_problem(one, option_names(ctx) if param.param_type_name == "option" else None,
                                           read=_read(param))
                elif one.startswith("-") and one in option_names(ctx):
                    problem = f"{shown(one)} is the name of an option, not a value: give this option its value"
                else:
                    problem = None if number is None else number_problem(one, number)
                if problem:
                    raise BadParameter(problem, ctx=ctx, param=param)
                if number is not None:
                    _check_bounds(param, one, number)
            converted = original(ctx, value)
            return _as_given(converted, value) if paths else converted

        param.process_value = process_value
    for sub in getattr(command, "commands", {}).values():
        _check_values(sub)


def _check_bounds(param: Any, text: str, whole: bool) -> None:
    """Refuse a number (written plainly: `foedus.numerals`) outside the bounds typer declares for `param` (`min=`,
    `max=`) in the one wording every bound is refused in (`foedus.wording.out_of_range`), as a `FoedusError`: typer's
    own said 'Invalid value for '--seed': must be greater than or equal to 0 (got '-1')', and only the one bound."""
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is None or high is None:  # every bounded option has both (tests/test_cli_bounds.py)
        return
    try:
        value: float = int(text) if whole else float(text)
    except ValueError:  # more digits than int() reads (4,300): beyond every bound
        value = float("-inf" if text.strip().startswith("-") else "inf")
    if not low <= value <= high:
        from foedus.errors import FoedusError, out_of_range

        name = max((o for o in param.opts if o.startswith("--")), key=len, default=param.opts[0])
        raise FoedusError(out_of_range(name, low, high, text.strip()))


def _number_kind(param: Any) -> bool | None:
    """Whether the click parameter `param` takes a whole number (True) or a number (False), as typer declared it;
    None for any other value."""
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    return {int: True, float: False}.get(annotation) if isinstance(annotation, type) else None


def _takes_paths(param: Any) -> bool:
    """Whether the click parameter `param` takes a path (or a list of them), as typer declared it."""
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    return annotation is Path or (typing.get_origin(annotation) is list and typing.get_args(annotation) == (Path,))


def _read(param: Any) -> bool:
    """Whether the path parameter `param` names a file the command reads (`--scenario`, `--treaties`, a positional
    path), not one it writes (`--out`, `--save-scenario`, `--save-params`, ...), whose `-` is standard output."""
    return not (param.name == "out" or param.name.startswith("save_"))


_OWN_CHECK = frozenset({"honour"})  # cascade's --honour, a file or `empirical`: said as a path (`check_honour`)


def _as_given(converted: Any, raw: Any) -> Any:
    """A path value (or a list of them) as typer converted it, each remembering a trailing slash the user wrote
    (`foedus.written.as_given`): an output that is one file refuses `--out x.csv/`, which typer reads as x.csv."""
    from foedus.written import as_given

    if isinstance(converted, Path) and isinstance(raw, str):
        return as_given(converted, raw)
    if isinstance(converted, list | tuple) and isinstance(raw, list | tuple) and len(raw) == len(converted):
        return type(converted)(as_given(c, r) if isinstance(c, Path) and isinstance(r, str) else c
                               for c, r in zip(converted, raw, strict=True))
    return converted


def _refuse_repeats(command: Any) -> None:
    """Make `command` and its subcommands refuse an option of one value given more than once (`-d A -d B`,
    `--request --no-request`) as a usage error naming it: click keeps the last without a word. An option that
    takes a list (`-a`, `--add-member`) repeats."""
    from collections import Counter

    from typer import BadParameter
    from typer.core import TyperOption

    original = command.make_parser

    def make_parser(ctx: Any) -> Any:
        parser = original(ctx)
        parse = parser.parse_args

        def parse_args(args: list[str]) -> Any:
            opts, rest, order = parse(args)
            for param, times in Counter(order).items():
                if times > 1 and isinstance(param, TyperOption) and not (param.multiple or param.count):
                    hint = " / ".join(f"'{name}'" for name in (*param.opts, *param.secondary_opts))
                    raise BadParameter(f"given {times} times; give it once", ctx=ctx, param=param, param_hint=hint)
            return opts, rest, order

        parser.parse_args = parse_args
        return parser

    command.make_parser = make_parser
    for sub in getattr(command, "commands", {}).values():
        _refuse_repeats(sub)


def _command(app: Callable[..., Any]) -> Callable[..., Any]:
    """The click command a typer app runs (what calling the app builds), its values checked (`_check_values`) and
    its options of one value refusing a repeat."""
    import typer
    from typer.main import get_command

    if not isinstance(app, typer.Typer):
        return app
    command = get_command(app)
    _check_values(command)
    _refuse_repeats(command)
    return command


def run_cli(app: Callable[..., Any], argv: Sequence[str]) -> int:
    """Run the typer `app` on `argv` and return the exit code; every error is reported in one line, and a stop
    signal as the stop it was (`failures.stopped`)."""
    return stopped(_run(app, argv))


def _run(app: Callable[..., Any], argv: Sequence[str]) -> int:
    args = list(argv)
    as_json = json_asked(args)
    try:
        code = _command(app)(args=args, prog_name="foedus", standalone_mode=False)
    except TyperException as exc:  # click's usage errors: unknown option, missing value, bad type
        if type(exc).__name__ == "NoArgsIsHelpError":  # the help was printed: a bare group asks for it
            return 2
        return fail(_usage_text(exc), as_json)
    except (Exit, SystemExit) as exc:
        code = _exit_code(exc)
        if code == 130:  # typer's answer to Ctrl-C: say it in one line
            sys.stderr.write("error: interrupted\n")
        return code
    except Abort:
        return failure(KeyboardInterrupt(), as_json)
    except (Exception, KeyboardInterrupt) as exc:
        return failure(exc, as_json)
    if code == 130:  # typer returns 130 for Ctrl-C in non-standalone mode: say it in one line
        sys.stderr.write("error: interrupted\n")
    return code if isinstance(code, int) else 0


def _exit_code(exc: Exit | SystemExit) -> int:
    code = exc.exit_code if isinstance(exc, Exit) else exc.code
    return code if isinstance(code, int) else (0 if code is None else 1)
