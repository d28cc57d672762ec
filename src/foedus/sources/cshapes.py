"""CShapes 2.0 (COW-coded): the borders of every state on a date, 1886–2019, for the web map.

The optional dataset `cshapes` (`foedus data fetch cshapes`) is the authors' TopoJSON, xz-compressed.
It is checked before it is believed (a Topology whose one object holds polygons with a COW code and
start/end dates), parsed once per file version (`foedus.derived.cached_from_file`, plain JSON), and cut to the shapes
in force on one date: a small TopoJSON with only the arcs they use, coordinates rounded to 0.01°.
"""

from __future__ import annotations

import datetime as dt
import json
import lzma
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from foedus.datasets.verify import dataset_file
from foedus.derived import cached_from_file
from foedus.errors import DataFormatError, DataMissingError

__all__ = ["CSHAPES_FILE", "FIRST", "LAST", "Borders", "Shape", "borders_on", "load_shapes"]

CSHAPES_FILE = "cshapes/cshapes_2_cow.topojson.xz"
FIRST = dt.date(1886, 1, 1)
LAST = dt.date(2019, 12, 31)
_DIGITS = 2
TOLERANCE = 0.04  # degrees: Douglas-Peucker tolerance, about a tenth of a pixel on the whole-world map
_NEED = ("cowcode", "start", "end")


@dataclass(frozen=True, slots=True)
class Shape:
    """One polygon spell: the state (COW code) or dependency, its name, dates and TopoJSON geometry."""

    cowcode: int
    name: str
    start: dt.date
    end: dt.date
    dependency: bool
    owner: int | None
    geometry: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Shapes:
    """The whole dataset: every shape spell and the topology's arcs."""

    shapes: tuple[Shape, ...]
    arcs: list[list[list[float]]]


@dataclass(frozen=True, slots=True)
class Borders:
    """The borders on one date: a TopoJSON with object `states`, and the span over which it holds."""

    date: dt.date
    valid_from: dt.date
    valid_to: dt.date
    topology: dict[str, Any]


def _day(value: Any, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise DataFormatError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _code(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _shape(geom: Any, n: int, path: Path) -> Shape:
    where = f"{path}: geometry {n}"
    props = geom.get("properties") if isinstance(geom, dict) else None
    if not isinstance(props, dict) or any(k not in props for k in _NEED):
        raise DataFormatError(f"{where}: needs properties {', '.join(_NEED)}; is this CShapes 2.0 (COW)?")
    if geom.get("type") not in ("Polygon", "MultiPolygon") or not isinstance(geom.get("arcs"), list):
        raise DataFormatError(f"{where}: not a Polygon or MultiPolygon with arcs")
    code = _code(props["cowcode"])
    if code is None:
        raise DataFormatError(f"{where}: cowcode {props['cowcode']!r} is not a number")
    start, end = _day(props["start"], where), _day(props["end"], where)
    if end < start:
        raise DataFormatError(f"{where}: ends ({end}) before it starts ({start})")
    status = str(props.get("status", "independent"))
    return Shape(code, str(props.get("country_name", code)), start, end, status != "independent",
                 _code(props.get("owner")), {"type": geom["type"], "arcs": geom["arcs"]})


def _parse(path: Path) -> Shapes:
    try:
        with lzma.open(path, "rt", encoding="utf-8") as fh:
            topo = json.load(fh)
    except (lzma.LZMAError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataFormatError(f"{path}: not an xz-compressed TopoJSON ({exc})") from None
    objects = topo.get("objects") if isinstance(topo, dict) else None
    if topo.get("type") != "Topology" or not isinstance(objects, dict) or len(objects) != 1:
        raise DataFormatError(f"{path}: not a TopoJSON Topology with one object")
    if "transform" in topo:
        raise DataFormatError(f"{path}: quantized TopoJSON is not CShapes 2.0's format")
    (collection,) = objects.values()
    geoms = collection.get("geometries") if isinstance(collection, dict) else None
    arcs = topo.get("arcs")
    if not isinstance(geoms, list) or not geoms or not isinstance(arcs, list):
        raise DataFormatError(f"{path}: the object has no geometries, or the topology no arcs")
    return Shapes(tuple(_shape(g, n, path) for n, g in enumerate(geoms)), [_simplify(a) for a in arcs])


def load_shapes(path: Path | None = None) -> Shapes:
    """Every CShapes spell (cached by file version).

    Raises:
        DataMissingError: the file is not in the data folder; DataFormatError: it is not CShapes 2.0 (COW).
    """
    path = path or dataset_file(CSHAPES_FILE)
    if path is None:
        raise DataMissingError("historical borders need CShapes 2.0: run `foedus data fetch cshapes`")
    return cached_from_file(path, "cshapes", lambda: _parse(path), _shapes_to_plain, _shapes_from_plain)


def _shapes_to_plain(shapes: Shapes) -> dict[str, Any]:
    """The parsed dataset as plain JSON data (the cache cannot run code)."""
    return {"shapes": [[s.cowcode, s.name, s.start.isoformat(), s.end.isoformat(), s.dependency, s.owner, s.geometry]
                       for s in shapes.shapes], "arcs": shapes.arcs}


def _shapes_from_plain(data: dict[str, Any]) -> Shapes:
    return Shapes(tuple(Shape(int(c), str(n), dt.date.fromisoformat(a), dt.date.fromisoformat(b), bool(dep),
                              None if own is None else int(own), geom)
                        for c, n, a, b, dep, own, geom in data["shapes"]), data["arcs"])


def _arc_ids(arcs: Any) -> list[int]:
    if isinstance(arcs, int):
        return [arcs]
    return [i for a in arcs for i in _arc_ids(a)]


def _renumber(arcs: Any, index: dict[int, int]) -> Any:
    if isinstance(arcs, int):
        return index[arcs] if arcs >= 0 else ~index[~arcs]
    return [_renumber(a, index) for a in arcs]


def _simplify(arc: Any) -> list[list[float]]:
    """Douglas-Peucker to `TOLERANCE`, rounded to `_DIGITS` decimals; both ends stay, so shared arcs still meet."""
    import numpy as np

    try:
        pts = np.asarray(arc, dtype=float)[:, :2]
    except (TypeError, ValueError, IndexError):
        raise DataFormatError("CShapes: an arc is not a list of [longitude, latitude] points") from None
    keep = np.zeros(len(pts), dtype=bool)
    keep[[0, -1]] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        if b - a < 2:
            continue
        seg = pts[b] - pts[a]
        rel = pts[a + 1:b] - pts[a]
        norm = float(np.hypot(*seg))
        dist = np.abs(seg[0] * rel[:, 1] - seg[1] * rel[:, 0]) / norm if norm else np.hypot(rel[:, 0], rel[:, 1])
        i = int(np.argmax(dist))
        if dist[i] > TOLERANCE:
            keep[a + 1 + i] = True
            stack += [(a, a + 1 + i), (a + 1 + i, b)]
    return [[round(float(x), _DIGITS), round(float(y), _DIGITS)] for x, y in pts[keep]]


def borders_on(day: dt.date, shapes: Shapes | None = None) -> Borders:
    """The shapes in force on `day` as a TopoJSON (object `states`; properties cowcode, name, dependency, owner).

    Raises:
        DataMissingError: no CShapes file; DataFormatError: a bad one, or arcs it refers to are missing.
    """
    data = shapes or load_shapes()
    live = [s for s in data.shapes if s.start <= day <= s.end]
    used = sorted({i if i >= 0 else ~i for s in live for i in _arc_ids(s.geometry["arcs"])})
    if used and used[-1] >= len(data.arcs):
        raise DataFormatError(f"CShapes refers to arc {used[-1]} but has {len(data.arcs)} arcs")
    index = {old: new for new, old in enumerate(used)}
    geometries = [{"type": s.geometry["type"], "arcs": _renumber(s.geometry["arcs"], index),
                   "properties": {"cowcode": s.cowcode, "name": s.name, "dependency": s.dependency,
                                  "owner": s.owner}} for s in live]
    one = dt.timedelta(days=1)
    changes = {s.start for s in data.shapes} | {s.end + one for s in data.shapes}  # days the set of shapes changes
    valid_from = max((c for c in changes if c <= day), default=FIRST)
    valid_to = min((c for c in changes if c > day), default=LAST + one) - one
    topology = {"type": "Topology", "objects": {"states": {"type": "GeometryCollection", "geometries": geometries}},
                "arcs": [data.arcs[i] for i in used]}
    return Borders(day, max(valid_from, FIRST), min(valid_to, LAST), topology)
