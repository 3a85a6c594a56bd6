import type { CollectionSpec, NearQuery } from '../../ports/document-store';
import { nearestInRings, type Box, type GeoHit } from './geo';
import { geoTable, q } from './names';
import { compileFilter } from './sql-filter';
import type { Statements } from './statements';

/**
 * `near` over the R*Tree: boxes are counted and read with exact coordinates only (its
 * auxiliary columns), distances computed here; the caller reads only the `limit` nearest
 * documents. Query checks are the caller's.
 */
export function nearestHits(sql: Statements, spec: CollectionSpec, query: NearQuery): GeoHit[] {
  const where = compileFilter(query.filter, 't');
  // CROSS JOIN fixes the order: the R*Tree box drives, the filter checks each candidate.
  // (Left to itself the planner may scan a filter index instead, ~100× slower.)
  const from = `FROM ${geoTable(spec.name)} AS g${query.filter ? ` CROSS JOIN ${q(spec.name)} AS t ON t.rid = g.id` : ''}
    WHERE g.maxLat >= ? AND g.minLat <= ? AND g.maxLng >= ? AND g.minLng <= ?${query.filter ? ` AND ${where.sql}` : ''}`;
  const params = (b: Box) => [b.minLat, b.maxLat, b.minLng, b.maxLng, ...where.params];
  return nearestInRings(
    query,
    query.maxDistanceMeters,
    query.limit,
    (boxes) =>
      boxes.flatMap((b) =>
        sql
          .tuples<[number, number, number]>(`SELECT g.id, g.lat, g.lng ${from}`, params(b))
          .map(([rid, lat, lng]) => ({ rid, lat, lng })),
      ),
    (boxes) =>
      boxes.reduce(
        (n, b) => n + (sql.one<{ n: number }>(`SELECT count(*) AS n ${from}`, params(b))?.n ?? 0),
        0,
      ),
  );
}
