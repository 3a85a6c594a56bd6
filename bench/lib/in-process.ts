import type { NearbyHit, SearchHit } from '../../contract/catalog';
import { DEFAULT_NEARBY_RADIUS_METERS } from '../../contract/catalog';
import type { Page } from '../../contract/common';
import { DOCTORS, HOSPITALS } from '../../backend/collections';
import type { Ctx } from '../../backend/core/context';
import { dispatch } from '../../backend/core/dispatch';
import { findFunction } from '../../backend/functions';
import { systemClock } from '../../backend/ports/clock';
import type { DocumentStore } from '../../backend/ports/document-store';
import { silentLogger } from '../../backend/ports/logger';
import { compareNear, compareSearch, sameIds, tierLookup } from './agree';
import { naiveNear, naiveSearch, naiveSearchAll } from './naive';
import type { BenchReport, Timing } from './report';
import { fmtMs, fmtRatio, log, summarize, timeCalls, verdict } from './report';
import type { Catalog } from './synthetic';
import type { NearbyQuery, SearchQuery } from './workload';

/** Nearby and search through the real handler path, beside the naive scan over the same data. */

const NEARBY_LIMIT = 20;
const SEARCH_PAGE = 20;
const TARGET_P50_MS = 2;
const TARGET_SPEEDUP = 20;

export interface InProcessOptions {
  calls: number;
  naiveCalls: number;
  warmup: number;
  budgetMs: number;
  sanitySamples: number;
  /**
   * The same database opened with no document cache (CollectionSpec.cacheDocs 0): nearby is
   * timed through it too, so the report shows what the cache buys and what a cold read costs.
   */
  uncached?: DocumentStore;
}

type Call = (action: string, data: unknown) => Promise<unknown>;

function handlerCall(store: DocumentStore): Call {
  const fn = findFunction('catalog');
  if (!fn) throw new Error('backend/functions.ts has no catalog function');
  const ctx: Ctx = { store, clock: systemClock, log: silentLogger, caller: null };
  return async (action, data) => {
    const env = await dispatch(fn, { action, data }, ctx);
    if (!env.ok)
      throw new Error(`catalog.${action} failed: ${env.error.code} ${env.error.message}`);
    return env.data;
  };
}

const nearbyId = (h: NearbyHit) => ({
  id: h.kind === 'hospital' ? h.hospital.id : h.doctor.id,
  distanceMeters: h.distanceMeters,
});
const searchId = (h: SearchHit) => (h.kind === 'hospital' ? h.hospital.id : h.doctor.id);

export async function benchInProcess(
  store: DocumentStore,
  catalog: Catalog,
  workload: { nearby: Record<'hospital' | 'doctor', NearbyQuery[]>; search: SearchQuery[] },
  options: InProcessOptions,
): Promise<BenchReport> {
  const call = handlerCall(store);
  const report: BenchReport = { rows: [], problems: [] };
  const byId = {
    hospital: new Map(catalog.hospitals.map((h) => [h._id, h])),
    doctor: new Map(catalog.doctors.map((d) => [d._id, d])),
  };
  const docsOf = { hospital: catalog.hospitals, doctor: catalog.doctors };

  const nearbyVia = (via: Call) => async (q: NearbyQuery) => {
    const out = (await via('nearby', { lat: q.lat, lng: q.lng, kind: q.kind })) as {
      items: NearbyHit[];
    };
    return out.items.map(nearbyId);
  };
  const nearbyIndexed = nearbyVia(call);
  const nearbyNaive = (q: NearbyQuery) =>
    naiveNear(docsOf[q.kind], {
      ...q,
      maxDistanceMeters: DEFAULT_NEARBY_RADIUS_METERS,
      limit: NEARBY_LIMIT,
    });

  const searchIndexed = async (q: SearchQuery) => {
    const out = (await call('search', { q: q.q, kind: q.kind })) as Page<SearchHit>;
    return { total: out.total, ids: out.items.map(searchId) };
  };
  const searchNaive = (q: SearchQuery) => {
    const specs = { hospitals: HOSPITALS, doctors: DOCTORS };
    if (q.kind === 'hospital') return naiveSearch(HOSPITALS, catalog.hospitals, q.q, SEARCH_PAGE);
    if (q.kind === 'doctor') return naiveSearch(DOCTORS, catalog.doctors, q.q, SEARCH_PAGE);
    return naiveSearchAll(
      specs,
      { hospitals: catalog.hospitals, doctors: catalog.doctors },
      q.q,
      SEARCH_PAGE,
    );
  };

  // Sanity first: a fast wrong answer is worth nothing.
  let identical = 0;
  let checked = 0;
  for (const kind of ['hospital', 'doctor'] as const) {
    for (const q of workload.nearby[kind].slice(0, options.sanitySamples)) {
      const [a, b] = [await nearbyIndexed(q), nearbyNaive(q)];
      const problem = compareNear(`nearby ${kind} @${q.lat},${q.lng}`, a, b, byId[kind], q);
      if (problem) report.problems.push(problem);
      if (sameIds(a, b)) identical++;
      checked++;
    }
  }
  const sides = [
    { spec: HOSPITALS, byId: byId.hospital },
    { spec: DOCTORS, byId: byId.doctor },
  ];
  const searchSamples = workload.search.slice(0, options.sanitySamples * 2);
  for (const q of searchSamples) {
    const problem = compareSearch(
      `search ${q.kind} "${q.q}"`,
      await searchIndexed(q),
      searchNaive(q),
      tierLookup(sides, q.q),
    );
    if (problem) report.problems.push(problem);
  }
  const ties = checked - identical;
  log(
    `  sanity vs naive: ${checked} nearby top-20s (${identical} identical id lists` +
      (ties > 0 ? `, ${ties} differing only inside a tie at the 20th distance` : '') +
      `), ${searchSamples.length} searches (totals, tier order of page 1): ` +
      (report.problems.length === 0 ? 'agree' : `${report.problems.length} DISAGREE`),
  );

  const naiveWarm = Math.min(options.warmup, 20);
  const series = async (
    indexed: (i: number) => Promise<unknown>,
    naive: (i: number) => unknown,
    warmup = options.warmup,
  ) => ({
    ours: await timeCalls(indexed, { calls: options.calls, warmup, budgetMs: options.budgetMs }),
    base: await timeCalls(naive, {
      calls: options.naiveCalls,
      warmup: naiveWarm,
      budgetMs: options.budgetMs,
    }),
  });

  for (const kind of ['hospital', 'doctor'] as const) {
    const qs = workload.nearby[kind];
    const { ours, base } = await series(
      (i) => nearbyIndexed(qs[i % qs.length]),
      (i) => nearbyNaive(qs[i % qs.length]),
    );
    addRows(report, `nearby ${kind}`, ours, base, true);
    if (!options.uncached) continue;
    const cold = nearbyVia(handlerCall(options.uncached));
    const uncached = await timeCalls((i) => cold(qs[i % qs.length]), {
      calls: options.calls,
      warmup: options.warmup,
      budgetMs: options.budgetMs,
    });
    addRows(report, `nearby ${kind} (no doc cache)`, uncached, base, false, false);
  }
  const sq = workload.search;
  // Searches cost far more than nearby calls: a shorter warm-up keeps the run within budget.
  const searchWarm = Math.min(options.warmup, 50);
  const { ours, base } = await series(
    (i) => searchIndexed(sq[i % sq.length]),
    (i) => searchNaive(sq[i % sq.length]),
    searchWarm,
  );
  addRows(report, 'search', ours, base, false);
  // By query length: 1–2 characters cannot use the trigram index, so they are shown apart.
  for (const [label, chars] of [
    ['1 char', 1],
    ['2 chars', 2],
    ['3+ chars', 3],
  ] as const) {
    const pickLen = (samples: number[], offset: number) =>
      samples.filter((_, k) => Math.min(3, [...sq[(offset + k) % sq.length].q].length) === chars);
    addRows(
      report,
      `search ${label}`,
      summarize(pickLen(ours.samples, searchWarm)),
      summarize(pickLen(base.samples, naiveWarm)),
      false,
      false,
    );
  }
  return report;
}

function addRows(
  report: BenchReport,
  name: string,
  ours: Timing,
  base: Timing,
  target: boolean,
  p99 = true,
): void {
  const ratio = base.p50 / ours.p50;
  log(
    `  ${name.padEnd(30)} indexed p50 ${fmtMs(ours.p50)} p99 ${fmtMs(ours.p99)} mean ${fmtMs(ours.mean)} (${ours.calls} calls) | ` +
      `naive p50 ${fmtMs(base.p50)} p99 ${fmtMs(base.p99)} mean ${fmtMs(base.mean)} (${base.calls} calls) | ` +
      (ratio >= 1 ? `${fmtRatio(ratio)} faster at p50` : `${fmtRatio(1 / ratio)} SLOWER at p50`),
  );
  const bench = 'catalog in-process';
  report.rows.push({
    bench,
    metric: `${name} p50`,
    ours: fmtMs(ours.p50),
    baseline: `${fmtMs(base.p50)} naive`,
    ratio: fmtRatio(ratio),
    target: target ? `≤ ${TARGET_P50_MS} ms` : '',
    status: target ? verdict(ours.p50 <= TARGET_P50_MS) : '',
  });
  if (target) {
    report.rows.push({
      bench,
      metric: `${name} speed-up`,
      ours: fmtRatio(ratio),
      baseline: 'naive scan',
      ratio: '',
      target: `≥ ${TARGET_SPEEDUP}×`,
      status: verdict(ratio >= TARGET_SPEEDUP),
    });
  }
  if (!p99) return;
  report.rows.push({
    bench,
    metric: `${name} p99`,
    ours: fmtMs(ours.p99),
    baseline: `${fmtMs(base.p99)} naive`,
    ratio: fmtRatio(base.p99 / ours.p99),
    target: '',
    status: '',
  });
}
