"""How each what-if input's text (`--add-member rus_prk_2024:IRN`, the web API's `drop_treaty=…`, the Python API's
`set_strength=[…]`) reads into a typed change (`changes_from`); `Overlay.apply` checks them with the others they are
given with (`foedus.model.overlay_set`), once the treaties added are read."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from foedus.errors import ScenarioError
from foedus.model.hidden import refuse_hidden
from foedus.model.overlay_changes import AddMember, Change, DropTreaty, RemoveMember, SetScope, SetStrength, scope_part
from foedus.model.treaty import Scope, Strength

__all__ = ["PARSERS", "changes_from"]


_FORMS = {"add_member": "TREATY:STATE, e.g. rus_prk_2024:IRN", "remove_member": "TREATY:STATE, e.g. nato_1949:TUR",
          "drop_treaty": "TREATY, e.g. chn_prk_1961",
          "set_strength": "TREATY:ARTICLE=S1..S5, e.g. nato_1949:5=S1",
          "set_scope": "TREATY:ARTICLE=territory:TOKENS;forces:TOKENS"}
"""What each what-if input's value looks like, for its messages."""


def _pair(value: str, name: str, label: str) -> tuple[str, str]:
    """TREATY:REST, neither part blank: `' :EST'` was read as treaty `' '` and refused as "unknown treaty ''";
    `label` names the input in the message as the user gave it (`--add-member` on the command line)."""
    treaty, sep, rest = value.partition(":")
    if not sep or not treaty.strip() or not rest.strip():
        raise ScenarioError(f"{label} {value!r}: expected {_FORMS[name]}")
    return treaty, rest


def _drop_treaty(value: str, label: str) -> DropTreaty:
    """A treaty id, not blank (`--drop-treaty ''` was refused as "unknown treaty ''", as if one were named)."""
    if not value.strip():
        raise ScenarioError(f"{label} {value!r}: expected {_FORMS['drop_treaty']}")
    return DropTreaty(treaty=value)


def _add_member(value: str, label: str) -> AddMember:
    treaty, state = _pair(value, "add_member", label)
    return AddMember(treaty=treaty, state=state)


def _remove_member(value: str, label: str) -> RemoveMember:
    treaty, state = _pair(value, "remove_member", label)
    return RemoveMember(treaty=treaty, state=state)


def _set_strength(value: str, label: str) -> SetStrength:
    treaty, rest = _pair(value, "set_strength", label)
    article, _, strength = rest.partition("=")
    if not article.strip() or strength not in {s.value for s in Strength}:  # `nato_1949: =S1`: no article
        raise ScenarioError(f"{label} {value!r}: expected {_FORMS['set_strength']}")
    return SetStrength(treaty=treaty, article=article, strength=Strength(strength))


_UNSET = object()


def _set_scope(value: str, label: str) -> SetScope:
    """TREATY:ARTICLE=territory:TOKENS[;forces:TOKENS] with TOKENS a comma list, `any` or `none`."""
    treaty, rest = _pair(value, "set_scope", label)
    article, sep, spec = rest.partition("=")
    parts: dict[str, Any] = {"territory": _UNSET, "forces": _UNSET}  # each at most once
    for item in spec.split(";") if sep else []:
        key, _, tokens = item.partition(":")
        if key not in parts or not tokens:
            raise ScenarioError(f"{label} {value!r}: expected {_FORMS['set_scope']}")
        if parts[key] is not _UNSET:  # the first would be silently replaced
            raise ScenarioError(f"{label} {value!r}: {key} is given twice; give it once")
        try:  # `any`, `none`: the words every what-if reads alike (`scope_part`)
            parts[key] = scope_part(tokens.split(","))
        except ValueError as exc:
            raise ScenarioError(f"{label} {value!r}: {exc}") from None
    if not sep or not article.strip():
        raise ScenarioError(f"{label} {value!r}: expected {_FORMS['set_scope']}")
    return SetScope(treaty=treaty, article=article,
                    scope=Scope(**{k: None if v is _UNSET else v for k, v in parts.items()}))


PARSERS: dict[str, Callable[[str, str], Change]] = {
    "add_member": _add_member,
    "remove_member": _remove_member,
    "drop_treaty": _drop_treaty,
    "set_strength": _set_strength,
    "set_scope": _set_scope,
}
"""How each what-if input (`foedus.inputs.WHAT_IF`) reads its value into a typed change (value, and the input's name
as a message says it)."""


def _not_hidden(name: str, value: str) -> None:
    """Refuse a what-if value hiding a character (`foedus.model.hidden`) in the words a typed name gets (spaces around
    it are let be, as a state's lookup lets them be): a byte that is not UTF-8 (`nato_1949:UKR\\udcff`) failed
    pydantic's text check as an internal error."""
    refuse_hidden(value.strip(), error=lambda problem: ScenarioError(f"{name} {value!r} {problem}"))


def changes_from(values: Mapping[str, Iterable[str] | None], labels: Mapping[str, str] | None = None) -> list[Change]:
    """Typed changes from what-if inputs (`{"add_member": ["rus_prk_2024:IRN"], ...}`), in declaration order;
    `labels` names each input in messages as its caller's user typed it (the CLI's `--add-member`; default the
    input's own name, the Python and web APIs' word).

    >>> [c.op for c in changes_from({"add_member": ["rus_prk_2024:IRN"], "drop_treaty": ["chn_prk_1961"]})]
    ['add_member', 'drop_treaty']

    Raises:
        ScenarioError: a malformed value, naming the input and the syntax it expects, or one hiding a character
            (`foedus.model.hidden`: a control character, a byte that is not UTF-8) (two that contradict each
            other are refused where they are applied, with every other change: `Overlay.apply`).
    """
    said = {name: (labels or {}).get(name, name) for name in PARSERS}
    given = [(name, v) for name in PARSERS for v in values.get(name) or ()]
    for name, v in given:
        _not_hidden(said[name], v)
    return [PARSERS[name](v, said[name]).given_as(text=f"{said[name]} {v.strip()}") for name, v in given]
