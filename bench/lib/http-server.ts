/**
 * The server under HTTP load, run in its own process (forked by http-load.ts) so that the
 * load generator and the server each get a core, as on a 2-core host, instead of sharing
 * one event loop. It is the real `buildServer` over the synthetic database in `dataDir`,
 * plus one bench-only function `bench` served through the very same stack (identity hook,
 * JSON parsing, dispatch, zod, envelope): `ping` (no work — the stack's own ceiling) and
 * `naiveNearby` / `naiveSearch` (the naive scans over the same catalog in memory).
 *
 * Protocol: argv[2] is a JSON { dataDir, hospitals, doctorsPerHospital, seed }; the
 * process sends { port } once listening and closes the server on 'close' or disconnect.
 */
import { z } from 'zod';
import {
  catalogActions,
  DEFAULT_NEARBY_RADIUS_METERS,
  type SearchHit,
} from '../../contract/catalog';
import { DEFAULT_PAGE_SIZE } from '../../contract/common';
import { DOCTORS, HOSPITALS } from '../../backend/collections';
import type { BackendFunction } from '../../backend/core/action';
import { toDoctorSummary, toHospitalSummary } from '../../backend/catalog/model';
import { FUNCTIONS } from '../../backend/functions';
import { buildServer } from '../../server/app';
import { naiveNear, naiveSearch, naiveSearchAll } from './naive';
import { buildCatalog } from './synthetic';
import { serveToParent } from './child-server';

type NearbyInput = z.infer<typeof catalogActions.nearby.input>;
type SearchInput = z.infer<typeof catalogActions.search.input>;

export interface ChildArgs {
  dataDir: string;
  hospitals: number;
  doctorsPerHospital: number;
  seed: number;
}

/** The naive side's in-memory catalog, built on first use (see benchFunction). */
function naiveData(args: ChildArgs) {
  const catalog = buildCatalog(args);
  const hospitals = new Map(catalog.hospitals.map((h) => [h._id, h]));
  const doctors = new Map(catalog.doctors.map((d) => [d._id, d]));
  const hitOf = (id: string): SearchHit => {
    const h = hospitals.get(id);
    if (h) return { kind: 'hospital', hospital: toHospitalSummary(h) };
    return { kind: 'doctor', doctor: toDoctorSummary(doctors.get(id)!) };
  };
  return { catalog, hospitals, doctors, hitOf };
}

/**
 * The naive catalog is built on the first naive request, not at start: the real routes
 * are measured first, with a heap as small as the real server's (a large live heap
 * slows every major GC). The warm-up run absorbs the build.
 */
function benchFunction(args: ChildArgs): BackendFunction {
  let data: ReturnType<typeof naiveData> | null = null;
  const naive = () => (data ??= naiveData(args));

  const handlers = {
    // Reads the caller so the server issues the identity cookie (it does so only on a read).
    ping: async (ctx: { caller: unknown }) => ({ pong: ctx.caller !== undefined }),
    naiveNearby: async (_ctx: unknown, input: NearbyInput) => {
      const { catalog, hospitals, doctors } = naive();
      const query = {
        lat: input.lat,
        lng: input.lng,
        maxDistanceMeters: input.radiusMeters ?? DEFAULT_NEARBY_RADIUS_METERS,
        limit: input.limit ?? 20,
      };
      if (input.kind === 'hospital') {
        return {
          items: naiveNear(catalog.hospitals, query).map((h) => ({
            kind: 'hospital',
            distanceMeters: Math.round(h.distanceMeters),
            hospital: toHospitalSummary(hospitals.get(h.id)!),
          })),
        };
      }
      return {
        items: naiveNear(catalog.doctors, query).map((h) => ({
          kind: 'doctor',
          distanceMeters: Math.round(h.distanceMeters),
          doctor: toDoctorSummary(doctors.get(h.id)!),
        })),
      };
    },
    naiveSearch: async (_ctx: unknown, input: SearchInput) => {
      const { catalog, hitOf } = naive();
      const limit = input.pageSize ?? DEFAULT_PAGE_SIZE;
      const r =
        input.kind === 'hospital'
          ? naiveSearch(HOSPITALS, catalog.hospitals, input.q, limit)
          : input.kind === 'doctor'
            ? naiveSearch(DOCTORS, catalog.doctors, input.q, limit)
            : naiveSearchAll({ hospitals: HOSPITALS, doctors: DOCTORS }, catalog, input.q, limit);
      const items = r.items.map((x) => hitOf(x.id));
      return { items, page: 1, pageSize: limit, total: r.total, hasMore: items.length < r.total };
    },
  };
  const actions = {
    ping: { input: z.object({}).strict(), output: z.object({ pong: z.literal(true) }) },
    naiveNearby: catalogActions.nearby,
    naiveSearch: catalogActions.search,
  };
  // A bench-only function outside the contract's FnName union, hence the cast.
  return { name: 'bench', actions, handlers } as unknown as BackendFunction;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? '') as ChildArgs;
  const functions: Record<string, BackendFunction> = {
    ...(FUNCTIONS as unknown as Record<string, BackendFunction>),
    bench: benchFunction(args),
  };
  const app = await buildServer({ dataDir: args.dataDir, functions, logger: false });
  await serveToParent(app);
}

main().catch((err: unknown) => {
  console.error('bench server failed:', err);
  process.exit(1);
});
