"""One exception tree for foedus: the CLI turns any FoedusError into a one-line message and exit 2."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "MAX_MESSAGE",
    "AmbiguousNameError",
    "ChecksumError",
    "DataCorruptError",
    "DataFetchError",
    "DataFormatError",
    "DataImportError",
    "DataMissingError",
    "DateOutOfRangeError",
    "FileDataError",
    "FoedusError",
    "LikelyModelError",
    "OptionalDependencyError",
    "OutputError",
    "OutputExistsError",
    "RuleError",
    "ScenarioError",
    "SettingError",
    "TreatyDataError",
    "UnknownDatasetError",
    "UnknownPlaceError",
    "UnknownStateError",
    "UnknownTreatyError",
    "UnknownWarError",
    "WarDataError",
    "one_line",
    "validation_problem",
    "value_problem",
]

MAX_MESSAGE = 400


def one_line(text: str) -> str:
    """A message as one readable line, as the CLI and the web API report it: whitespace collapsed to single
    spaces and the length capped.

    >>> one_line("a\\n  b" + "x" * 500)[:5], len(one_line("y" * 1000))
    ('a bxx', 400)
    """
    line = " ".join(str(text).split())
    return line if len(line) <= MAX_MESSAGE else line[: MAX_MESSAGE - 1] + "…"


_PLAIN = {"int_parsing": "must be a whole number", "int_type": "must be a whole number",
          "int_from_float": "must be a whole number", "bool_parsing": "must be true or false",
          "bool_type": "must be true or false", "float_parsing": "must be a number",
          "string_too_long": "is longer than {max_length} characters"}
"""pydantic's problems with one value, by type, in foedus's words: pydantic says "should be a valid boolean, unable
to interpret input", or "string should have at most 80 characters" (read 'id string should…')."""


def value_problem(error: Mapping[str, object]) -> str:
    """What is wrong with one value a user typed (a web query parameter, a command-line option), from pydantic's
    error, to follow the value's name, with the value given: pydantic's own words for kinds it says plainly ("must be
    greater than or equal to 1"), ours for the others.

    >>> value_problem({"type": "int_parsing", "msg": "Input should be a valid integer, unable to parse string as an "
    ...                "integer", "input": "nan"})
    "must be a whole number (got 'nan')"
    >>> value_problem({"type": "greater_than_equal", "msg": "Input should be greater than or equal to 1"})
    'must be greater than or equal to 1'
    """
    ctx = error.get("ctx")
    try:
        problem = _PLAIN[str(error.get("type"))].format_map(ctx if isinstance(ctx, Mapping) else {})
    except KeyError:  # a kind pydantic words plainly enough, or a bound it did not give
        msg = str(error.get("msg", "")) or "is invalid"
        problem = (msg[0].lower() + msg[1:]).replace("input should be", "must be")
    if "input" not in error:
        return problem
    shown = repr(error["input"])
    quote = shown[0] if isinstance(error["input"], str) else ""
    return f"{problem} (got {shown if len(shown) <= 60 else shown[:57] + '…' + quote})"


def validation_problem(error: Mapping[str, object]) -> str:
    """A pydantic error's message as a file's error reports it: without the "Value error, " pydantic puts before
    the message of a check of ours, and saying which field is missing where pydantic cannot tell an entry's kind.

    >>> validation_problem({"msg": "Value error, names no state"})
    'names no state'
    >>> validation_problem({"type": "union_tag_not_found", "msg": "Unable to extract tag using discriminator 'op'",
    ...                     "ctx": {"discriminator": "'op'"}})
    "'op' is missing: it says which kind of entry this is"
    """
    ctx = error.get("ctx")
    if error.get("type") == "union_tag_not_found" and isinstance(ctx, Mapping) and ctx.get("discriminator"):
        return f"{ctx['discriminator']} is missing: it says which kind of entry this is"
    return str(error["msg"]).removeprefix("Value error, ")


class FoedusError(Exception):
    """Root of every error foedus raises on purpose; catch this to catch them all."""


class FileDataError(FoedusError):
    """A user's data file (treaty, war, overlay) is malformed: the message names the file, the field path and
    the problem."""

    def __init__(self, path: str, location: str, problem: str) -> None:
        self.path, self.location, self.problem = path, location, problem
        where = f"{path}: {location}" if location else path
        super().__init__(f"{where}: {problem}")


class TreatyDataError(FileDataError):
    """A treaty file is malformed: the message names the file, the field path and the problem."""


class UnknownStateError(FoedusError):
    """A state name or code matched nothing; the message offers close suggestions."""


class AmbiguousNameError(FoedusError):
    """A name several states have carried (Congo, Korea, Germany...): `candidates` lists them with codes and dates;
    `several` when the text names several states at once ("Latvia and Estonia"), which an option taking several
    values can advise to give apart."""

    def __init__(self, message: str, candidates: list[dict[str, object]], name: str = "", *,
                 several: bool = False) -> None:
        self.candidates, self.name, self.several = candidates, name, several
        super().__init__(message)

    def advised(self, advice: str) -> AmbiguousNameError:
        """This error with `advice` on how to give the states apart when the text names several, else itself:
        each option (one state, several, a place) says what it takes."""
        return AmbiguousNameError(f"{self}{advice}", self.candidates, self.name, several=True) if self.several else self


class UnknownPlaceError(FoedusError):
    """A place name matched nothing in the gazetteer; the message offers close suggestions."""


class UnknownTreatyError(FoedusError):
    """A treaty id is not in the loaded treaty world."""


class DateOutOfRangeError(FoedusError):
    """A date is malformed, impossible, or outside the range the data covers (1815-01-01 onward)."""


class ScenarioError(FoedusError):
    """A scenario is inconsistent: e.g. a state on both sides, or a place that is not the target's."""


class DataMissingError(FoedusError):
    """A research dataset is needed but not present; the message says how to get it."""


class DataFormatError(FoedusError):
    """A research data file is there but not what it should be (columns, version, values); the message says which."""


class UnknownDatasetError(FoedusError):
    """A dataset name is not in the research-data registry; the message lists the known names."""


class DataFetchError(FoedusError):
    """A dataset could not be downloaded; the message names the URL to get by hand and the import command."""


class DataImportError(FoedusError):
    """A file given to `foedus data import` is missing, unreadable or not one of the registry's files."""


class ChecksumError(FoedusError):
    """A file's SHA-256 is not the one the registry expects; the message names both hashes."""


class OutputError(FoedusError):
    """An output cannot be written where asked (no such folder, a folder where a file goes, disk full, ...)."""


class OutputExistsError(OutputError):
    """The output path is taken (before the run, or by another run while this one wrote); nothing was replaced."""


class WarDataError(FileDataError):
    """A war file is malformed or inconsistent: the message names the file, the field path and the problem."""


class DataCorruptError(ChecksumError):
    """A research dataset file failed its check (corrupt, truncated, or an unrecorded version) and was not read;
    the message names the file and says to run `foedus data status`."""


class UnknownWarError(FoedusError):
    """A war id that names none of the bundled example wars (the web app's timeline)."""


class LikelyModelError(FoedusError):
    """A likelihood-model file (coefficients JSON) is missing, malformed or does not fit this version of foedus."""


class OptionalDependencyError(FoedusError):
    """A command needs an optional extra that is not installed; the message names the pip command."""


class SettingError(FoedusError):
    """An environment setting foedus reads ($FOEDUS_MEMORY_MB, $FOEDUS_BLAS_THREADS) has a value it cannot use."""


class RuleError(FoedusError):
    """A cascade rule in `foedus.engine.rules` was changed into a form the engines cannot follow (a developer's
    change, not the user's input); the message names the rule and the case."""
