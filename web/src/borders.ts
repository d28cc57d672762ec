// Historical borders from /api/borders (CShapes 2.0) as GeoJSON features for d3, wound the way d3 expects
// (clockwise exterior rings: d3-geo reads a counter-clockwise ring as "the whole globe but this shape").
import { geoArea, geoBounds, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

export type BorderProps = { name?: string; cowcode?: number; dependency?: boolean; owner?: number | null };

function rewound(rings: Position[][]): Position[][] {
  const area = geoArea({ type: "Polygon", coordinates: rings });
  return area > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
}

/** The features of a CShapes TopoJSON (object `states`), each polygon wound clockwise. */
export function historicalFeatures(topology: unknown): Feature<Geometry, BorderProps>[] {
  const t = topology as Topology<{ states: GeometryCollection<BorderProps> }>;
  const all = feature(t, t.objects.states) as FeatureCollection<Geometry, BorderProps>;
  for (const f of all.features) {
    const g = f.geometry;
    if (g.type === "Polygon") g.coordinates = rewound(g.coordinates);
    else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map(rewound);
  }
  return all.features;
}

/** A polygon's bounds on the map, taking a part that crosses the 180th meridian only up to it. */
export function projectedBounds(projection: GeoProjection, part: Polygon): [number, number, number, number] {
  const [[lon0, lat0], [lon1raw, lat1]] = geoBounds(part);
  const lon1 = lon1raw < lon0 ? 180 : lon1raw;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= 4; i++) {
    for (const lat of [lat0, (lat0 + lat1) / 2, lat1]) {
      const pt = projection([lon0 + ((lon1 - lon0) * i) / 4, lat]);
      if (pt) { xs.push(pt[0]); ys.push(pt[1]); }
    }
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

