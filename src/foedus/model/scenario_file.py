"""A scenario file: the whole question of a `foedus cascade` run (attacker, target, date, place, reading and every
other switch, the Monte Carlo draws and seed, the likelihood, the what-if changes inline) with the foedus version and
the bundled treaty data it was saved with, so that a colleague reruns the exact run (`cascade --scenario F`); of kind
`comparison`, a `foedus compare` question (one scenario in two worlds: its date and `date2`, the what-if changes of
the other world), rerun by `compare --scenario F`; of kind `atlas`, a `foedus atlas` question (a date or a range
of years, the readings, its switches, draws and seed, the what-if changes), rerun by `atlas --scenario F`.

The data model and the checks of a file's data, made from the declared inputs (`foedus.inputs`: a new switch is a
new key here too); reading and writing the files, and checking the states, date and place against the world, is
`foedus.scenario_io`'s.
"""

from __future__ import annotations

import functools
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from foedus.errors import FileDataError, shown
from foedus.inputs import ATLAS, LIKELIHOOD, MONTE_CARLO, SCENARIO, Input
from foedus.model.overlay_changes import Change
from foedus.model.yamlio import file_data_error, not_a_mapping

__all__ = ["ATLAS_KIND", "ATLAS_QUESTION", "COMPARISON", "COMPARISON_QUESTION", "KIND", "QUESTION", "RERUN",
           "SCHEMA", "ScenarioFile", "scenario_from_plain", "scenario_plain"]

KIND = "scenario"
"""The `kind` key of a scenario file: a file of another kind (an overlay, a treaty) is refused, naming what it is."""

SCHEMA = 1
"""The scenario file schema this foedus writes and reads; a file of a newer one is refused (upgrade foedus)."""

QUESTION: tuple[Input, ...] = (*SCENARIO, *MONTE_CARLO, *LIKELIHOOD)
"""The declared inputs a scenario file holds, each under its name (besides `honour` and `what_if`)."""

COMPARISON = "comparison"
"""The `kind` of a comparison's scenario file (`foedus compare --save-scenario`): one scenario in two worlds."""

COMPARISON_QUESTION: tuple[Input, ...] = SCENARIO
"""The declared inputs a comparison's file holds (besides `date2` and `what_if`): compare takes no draws."""

ATLAS_KIND = "atlas"
"""The `kind` of an atlas's scenario file (`foedus atlas --save-scenario`): every ordered dyad on a date, or a
series of years."""

ATLAS_QUESTION: tuple[Input, ...] = (*ATLAS, *MONTE_CARLO)
"""The declared inputs an atlas's file holds (besides `date`, `first`, `last`, `readings` and `what_if`)."""

RERUN = {KIND: ("a cascade's", "foedus cascade --scenario"),
         COMPARISON: ("a comparison's", "foedus compare --scenario"),
         ATLAS_KIND: ("an atlas's", "foedus atlas --scenario")}
"""Each kind of scenario file as its messages say it, and the command that reruns it."""

_OTHER_KINDS = (("changes", "an overlay file (it lists `changes`)", "give it as --overlay"),
                ("provisions", "a treaty file (it has `provisions`)", "give it as --treaties"),
                ("events", "a war file (it has `events`)", "replay it with `foedus war`"))


class ScenarioFile(BaseModel):
    """A scenario file's data, checked: `keywords()` are `foedus.cascade`'s arguments for it."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    kind: str = KIND  # or COMPARISON: then `inputs` holds `date2` too, and `what_if` is the other world's; or
    # ATLAS_KIND: `inputs` holds the atlas's switches, draws, seed, `date` or `first` and `last`, and `readings`
    inputs: dict[str, Any]  # attacker, target (lists), date, the switches, draws, seed, likelihood
    honour: Literal["empirical"] | None = None
    what_if: tuple[Change, ...] = ()
    foedus: str | None = None  # the version that saved it
    data: dict[str, Any] = Field(default_factory=dict)  # the data it read: the bundled treaties' fingerprint, ...
    notes: tuple[str, ...] = ()  # what differs in the foedus that read it (`load_scenario`): never written

    def keywords(self) -> dict[str, Any]:
        """`foedus.cascade`'s arguments: the inputs, `what_if` (a list of changes, None without) and `honour`."""
        extra = {"honour": self.honour} if self.honour else {}
        return {**self.inputs, "what_if": list(self.what_if) or None, **extra}


def _question(file_kind: str) -> tuple[Input, ...]:
    """The declared inputs a file of `file_kind` holds."""
    return {KIND: QUESTION, ATLAS_KIND: ATLAS_QUESTION}.get(file_kind, COMPARISON_QUESTION)


@functools.cache
def _model(file_kind: str = KIND) -> type[BaseModel]:
    """The pydantic model of a file's question keys, one field per declared input (strict: `"true"` is no switch);
    a cascade's file has `honour`, a comparison's `date2`."""
    fields: dict[str, Any] = {}
    for inp in _question(file_kind):
        kind: Any = Literal[inp.choices] if inp.choices else inp.type
        if inp.split:
            kind = list[str] | str
        fields[inp.name] = (kind, ... if inp.required else inp.default)
    config = ConfigDict(extra="forbid", strict=True)
    fields |= {"what_if": (list[Change], []), "foedus": (str | None, None), "data": (dict[str, Any], {})}
    if file_kind == ATLAS_KIND:  # a date, or a range of years; the readings run (both, or one)
        readings = next(i.choices for i in _question(KIND) if i.name == "reading")  # the declared switch's choices
        fields |= {"date": (str | None, None), "first": (int | None, None), "last": (int | None, None),
                   "readings": (list[Literal[readings]], list(readings))}  # type: ignore[valid-type]
    else:
        fields |= ({"honour": (Literal["empirical"] | None, None)} if file_kind == KIND
                   else {"date2": (fields["date"][0] | None, None)})
    return create_model("ScenarioQuestion", __config__=config, **fields)


def scenario_from_plain(raw: Any, where: str, want: str = KIND) -> ScenarioFile:
    """A scenario file's data (`raw`, as YAML read it) checked: a mapping, of kind `want` (`scenario`, or
    `comparison`) and a schema this foedus reads, with no unknown key and each value of its type (`where`: the file,
    as messages name it); a file of the other kind is said to be one, with the command that runs it.

    Raises:
        FileDataError: one line naming the file, the key and the problem.
    """
    if (problem := not_a_mapping(raw, "scenario fields")) is not None:
        raise FileDataError(where, "", problem)
    kind = raw.get("kind")
    if kind is None:
        other = next(((said, advice) for key, said, advice in _OTHER_KINDS if key in raw), None)
        raise FileDataError(where, "", f"this is {other[0]}, not a scenario file: {other[1]}" if other else
                            f"not a scenario file: it has no `kind: {KIND}`")
    if kind != want and isinstance(kind, str) and kind in RERUN:
        raise FileDataError(where, "kind", f"this is {RERUN[kind][0]} scenario file (kind: {kind}), not "
                            f"{RERUN[want][0]} (kind: {want}): run it with `{RERUN[kind][1]}`")
    if kind != want:
        raise FileDataError(where, "kind", f"this is a file of kind {shown(kind)}, not a scenario file (kind: {want})")
    schema = raw.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
        raise FileDataError(where, "schema", f"expected the scenario file schema, a whole number from 1 (this foedus "
                            f"writes {SCHEMA}), not {shown(schema)}")
    if schema > SCHEMA:
        raise FileDataError(where, "schema", f"the file is of scenario schema {schema}, newer than this foedus reads "
                            f"(schema {SCHEMA}): upgrade foedus to run it")
    rest = {k: v for k, v in raw.items() if k not in ("kind", "schema")}
    try:
        checked = _model(want).model_validate(rest)
    except ValidationError as exc:
        raise file_data_error(exc, _model(want), rest, where, "scenario fields") from None
    values = checked.model_dump()
    inputs = {i.name: values[i.name] for i in _question(want)}
    own = {KIND: (), COMPARISON: ("date2",), ATLAS_KIND: ("date", "first", "last", "readings")}[want]
    inputs |= {name: values[name] for name in own}
    for name in ("attacker", "target") if want != ATLAS_KIND else ():
        inputs[name] = [inputs[name]] if isinstance(inputs[name], str) else inputs[name]
    return ScenarioFile(kind=want, inputs=inputs, honour=values.get("honour"),
                        what_if=tuple(checked.what_if),  # type: ignore[attr-defined]
                        foedus=values["foedus"], data=values["data"])


def scenario_plain(scenario: ScenarioFile, version: str, data: dict[str, Any]) -> dict[str, Any]:
    """A scenario's data as a file holds it: kind and schema first, then the version and `data` it was saved with,
    the question (every input, defaults too, so that a later foedus with other defaults reruns the same run;
    None values left out) and the what-if changes."""
    question = {k: v for k, v in scenario.inputs.items() if v is not None}
    changes = [c.model_dump(mode="json", exclude_none=True) for c in scenario.what_if]
    return {"kind": scenario.kind, "schema": SCHEMA, "foedus": version, "data": data, **question,
            **({"honour": scenario.honour} if scenario.honour else {}), **({"what_if": changes} if changes else {})}
