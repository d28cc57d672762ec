// Historical borders from /api/borders (CShapes 2.0) as GeoJSON features for d3, wound the way d3 expects
// (clockwise exterior rings: d3-geo reads a counter-clockwise ring as "the whole globe but this shape").
import { geoArea } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, Position } from "geojson";
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
