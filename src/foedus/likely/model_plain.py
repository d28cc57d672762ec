"""The plain reader of a likelihood model file (`foedus.likely.model`): a parsed file's records
(`foedus.likely.model_records`) where every field is one the schema (`foedus.likely.model_schema`, pydantic) takes as
written, numbers as it gives them (a whole number as a float where a number is asked); on any doubt None, and the
reader asks the schema, in whose words every bad file is refused.
"""

from __future__ import annotations

import math
from typing import Any

from foedus.likely.model_records import Check, DataVersion, LogitFile, ModelFile, SpecFile
from foedus.model.hidden import refuse_hidden

__all__ = ["records_of"]

_HORIZONS, _SHORT = frozenset({"30", "365", "ever"}), frozenset({"30", "365"})
_ERAS = frozenset({"pre1945", "post1945"})


class _Doubt(Exception):
    """A value the plain reader does not vouch for: the schema is asked instead."""


def _number(v: Any) -> float:
    if type(v) is float and math.isfinite(v):
        return v
    if type(v) is int:
        try:
            return float(v)
        except OverflowError:
            raise _Doubt from None
    raise _Doubt


def _maybe(v: Any) -> float | None:
    return None if v is None else _number(v)


def _whole(v: Any) -> int:
    if type(v) is not int:
        raise _Doubt
    return v


def _line(v: Any) -> str:
    if type(v) is not str:
        raise _Doubt
    try:
        return refuse_hidden(v)
    except ValueError:
        raise _Doubt from None


def _text(v: Any) -> str:
    if not (text := _line(v)).strip():
        raise _Doubt
    return text


def _texts(v: Any) -> list[str]:
    if type(v) is not list or any(type(x) is not str for x in v):
        raise _Doubt
    return v


def _numbers(v: Any) -> list[float]:
    if type(v) is not list:
        raise _Doubt
    return [_number(x) for x in v]


def _mapping(v: Any, keys: frozenset[str] | None, value: Any) -> dict[str, Any]:
    if type(v) is not dict or (keys is not None and not keys.issuperset(v)):
        raise _Doubt
    return {k: value(x) for k, x in v.items()}


def _fields(v: Any, names: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    if type(v) is not dict or not set(names).issubset(v) or not set(v).issubset((*names, *optional)):
        raise _Doubt
    return v


def _logit(v: Any) -> LogitFile:
    d = _fields(v, ("names", "mean", "scale", "intercept", "coef", "cov"))
    if type(d["cov"]) is not list:
        raise _Doubt
    return LogitFile(_texts(d["names"]), _numbers(d["mean"]), _numbers(d["scale"]), _number(d["intercept"]),
                     _numbers(d["coef"]), [_numbers(row) for row in d["cov"]])


def _check(v: Any) -> Check:
    d = _fields(v, ("scheme", "horizon", "subset", "pairs", "brier_skill", "log_skill", "auc", "calibration_slope",
                    "calibration_intercept"))
    return Check(_line(d["scheme"]), _line(d["horizon"]), _line(d["subset"]), _whole(d["pairs"]),
                 *(_maybe(d[k]) for k in ("brier_skill", "log_skill", "auc", "calibration_slope",
                                          "calibration_intercept")))


def _data(v: Any) -> DataVersion:
    d = _fields(v, ("file", "dataset", "version", "sha256"))
    return DataVersion(_line(d["file"]), _line(d["dataset"]), _line(d["version"]),
                       None if d["sha256"] is None else _line(d["sha256"]))


def _spec(v: Any) -> SpecFile:
    d = _fields(v, ("name", "join_side", "join_state", "side_diff", "side_state"))
    return SpecFile(_line(d["name"]), *(_texts(d[k]) for k in ("join_side", "join_state", "side_diff", "side_state")))


def _rates(v: Any) -> dict[str, float]:
    return _mapping(v, None, _number)


def _positive(v: Any) -> float:
    if (n := _number(v)) <= 0:
        raise _Doubt
    return n


def _count(v: Any) -> int:
    if (n := _whole(v)) < 0:
        raise _Doubt
    return n


def _list(v: Any, item: Any) -> list[Any]:
    if type(v) is not list:
        raise _Doubt
    return [item(x) for x in v]


def _dict(v: Any) -> dict[str, Any]:
    if type(v) is not dict:
        raise _Doubt
    return v


def records_of(raw: Any) -> ModelFile | None:
    """The records of a parsed model file, or None where the schema may refuse it (or word a value otherwise)."""
    try:
        d = _fields(raw, ("format", "version", "foedus", "spec", "penalty", "training", "data", "join", "side",
                          "expected", "base_rate", "honour", "validation", "table", "bootstrap"), ("share",))
        if type(d["format"]) is not int or d["format"] != 1:
            raise _Doubt
        return ModelFile(
            format=1, version=_text(d["version"]), foedus=_line(d["foedus"]), spec=_spec(d["spec"]),
            penalty=_mapping(d["penalty"], None, _positive), training=_dict(d["training"]),
            data=_list(d["data"], _data), join=_mapping(d["join"], _HORIZONS, _logit), side=_logit(d["side"]),
            expected=_mapping(d["expected"], _HORIZONS, _rates),
            share=_mapping(d.get("share", {}), _SHORT, lambda by: _mapping(by, _ERAS, _rates)),
            base_rate=_mapping(d["base_rate"], None, _rates), honour=_mapping(d["honour"], _ERAS, _rates),
            validation=_list(d["validation"], _check), table=_dict(d["table"]),
            bootstrap=_mapping(d["bootstrap"], None, _count))
    except (_Doubt, TypeError, AttributeError):
        return None
