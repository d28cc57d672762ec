"""One exception tree for foedus: the CLI turns any FoedusError into a one-line message and exit 2. How a message
words a value or a pydantic problem is `foedus.wording`'s (its names importable from here too)."""

from __future__ import annotations

from foedus.wording import (
    MAX_MESSAGE,
    NOT_A_FILE_PATH,
    NUL_SHOWN,
    ONE_STATE,
    STDIN_NOT_READ,
    UNDRAWN_PARAMETERS,
    and_listed,
    character,
    counted,
    empty_or_blank,
    escaped,
    few_listed,
    field_list,
    field_path,
    first_problem,
    in_words,
    is_url,
    json_stops,
    named_state,
    not_a_state,
    not_in_system,
    one_line,
    ordinal,
    other_kind_taken,
    out_of_range,
    shown,
    surrogate_byte,
    too_few_replicates,
    validation_problem,
    year_not_whole,
    year_outside,
    years_backwards,
)

__all__ = [
    "MAX_MESSAGE", "NOT_A_FILE_PATH", "NUL_SHOWN", "ONE_STATE", "STDIN_NOT_READ", "UNDRAWN_PARAMETERS",
    "AmbiguousNameError", "ArgumentsError", "ChecksumError", "DataCorruptError", "DataFetchError", "DataFormatError",
    "DataImportError", "DataMissingError", "DateOutOfRangeError", "FileDataError", "FoedusError", "LikelyModelError",
    "ListedTwiceError", "OptionalDependencyError", "OutputError", "OutputExistsError", "RuleError", "ScenarioError",
    "ServeError", "SettingError", "TreatyDataError", "UnknownDatasetError", "UnknownOptionError", "UnknownPlaceError",
    "UnknownStateError", "UnknownTreatyError", "UnknownWarError", "WarDataError", "and_listed", "character", "counted",
    "empty_or_blank", "escaped", "few_listed", "field_list", "field_path", "first_problem", "in_words", "is_url",
    "json_stops", "named_state", "not_a_state", "not_in_system", "one_line", "ordinal", "other_kind_taken",
    "out_of_range", "refusal_fields", "shown", "surrogate_byte", "too_few_replicates", "validation_problem",
    "year_not_whole", "year_outside", "years_backwards",
]


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
    """A state name or code matched nothing; the message offers close suggestions. `place`, where the text names a
    held place given as a target: its id and name and its holder's id and name, so the web form can offer them;
    `candidates` (as `AmbiguousNameError`'s) and the `name` given, where the text is a name a reader types for a
    state that names none ("England": the United Kingdom), so the form offers the state meant."""

    def __init__(self, message: str, place: dict[str, str] | None = None,
                 candidates: list[dict[str, object]] | None = None, name: str = "") -> None:
        self.place, self.candidates, self.name = place, candidates or [], name
        super().__init__(message)


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
    """A place name matched nothing in the gazetteer (the message offers close suggestions), or names the home
    territory of a state that is no state on the date."""


class UnknownTreatyError(FoedusError):
    """A treaty id is not in the loaded treaty world."""


class DateOutOfRangeError(FoedusError):
    """A date is malformed, impossible, or outside the range the data covers (1815-01-01 onward)."""


class ScenarioError(FoedusError):
    """A scenario is inconsistent: e.g. a state on both sides, or a place that is not the target's."""


class UnknownOptionError(ScenarioError):
    """A keyword a public function (`foedus.cascade`, `foedus.replay_war`, `foedus.load_world`) does not take: the
    message names it and the ones it takes (`foedus.declare.unknown_options`), where Python raised a TypeError."""


class ArgumentsError(ScenarioError):
    """A call to a public function (`foedus.cascade`, `foedus.replay_war`) with an argument missing, one too many by
    position, or one given twice: the message names the function and the arguments, where Python raised a TypeError
    (`foedus.keywords`)."""


class ListedTwiceError(ScenarioError):
    """A list a user gives (states, `dyads --add`, dataset names) names an item twice, or `all` with a name it
    already covers; the message names the item and both places (`foedus.listed.listed_twice`)."""


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


class ServeError(FoedusError):
    """A `foedus serve` started in a subprocess (`foedus.web.served`) did not say where it serves, or did not come up
    there; the message says what it last printed."""


class SettingError(FoedusError):
    """An environment setting foedus reads ($FOEDUS_MEMORY_MB, $FOEDUS_BLAS_THREADS) has a value it cannot use."""


class RuleError(FoedusError):
    """A cascade rule in `foedus.engine.rules` was changed into a form the engines cannot follow (a developer's
    change, not the user's input); the message names the rule and the case."""


def refusal_fields(exc: BaseException) -> dict[str, object]:
    """What a refusal carries beside its message, for the web form (a 422's body): a name several states have carried,
    its `candidates` and the `name` as given; a place typed as a target, the `place` and its holder; a state found
    but out of the state system that day, its id as `not_member` (the form then names no "no state matches"). The same
    whether the server raised it or a worker process sent it (`foedus.web.jobs`: a what-if's member is read there)."""
    candidates = getattr(exc, "candidates", None)
    fields: dict[str, object] = {"candidates": candidates, "name": getattr(exc, "name", "")} if candidates else {}
    if place := getattr(exc, "place", None):
        fields["place"] = place
    if not_member := getattr(exc, "not_member", None):
        fields["not_member"] = not_member
    return fields
