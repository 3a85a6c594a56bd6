/**
 * Focused diagnostics for the SQLite adapter's `search` and `near` on the benchmark
 * catalog, without the handler or HTTP around them: p50/p99 per query group, and which
 * queries are slowest. Meant to be profiled:
 *
 *   npx tsx bench/focus.ts [search|nearby] [--rounds=N]
 *   node --cpu-prof --import tsx bench/focus.ts search
 *
 * Not part of `npm run bench`; it reuses the catalog and workloads that bench uses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_NEARBY_RADIUS_METERS } from '../contract/catalog';
import { openSqliteStore } from '../backend/adapters/sqlite';
import { COLLECTIONS, DOCTORS, HOSPITALS } from '../backend/collections';
import type { DocumentStore, StoredDoc } from '../backend/ports/document-store';
import { fmtMs, summarize } from './lib/report';
import { buildCatalog } from './lib/synthetic';
import { nearbyQueries, searchQueries } from './lib/workload';

const SCALE = { hospitals: 10_000, doctorsPerHospital: 10, seed: 20261130 };
const PAGE = 20;

type Probe = { label: string; run: (store: DocumentStore) => Promise<unknown> };

function groups(catalog: ReturnType<typeof buildCatalog>): Record<string, Probe[]> {
  const collection = { hospital: HOSPITALS.name, doctor: DOCTORS.name };
  const near = (kind: 'hospital' | 'doctor', seed: number): Probe[] =>
    nearbyQueries(500, kind, seed).map((q) => ({
      label: `${q.lat},${q.lng}`,
      run: (store) =>
        store.near(collection[kind], {
          lat: q.lat,
          lng: q.lng,
          maxDistanceMeters: DEFAULT_NEARBY_RADIUS_METERS,
          limit: PAGE,
        }),
    }));
  const words = searchQueries(500, catalog, SCALE.seed + 3).map((q) => q.q);
  const search = (chars: (n: number) => boolean): Probe[] =>
    words
      .filter((w) => chars([...w].length))
      .flatMap((w) =>
        [HOSPITALS.name, DOCTORS.name].map((c) => ({
          label: `${c} "${w}"`,
          run: (store: DocumentStore) => store.search(c, { q: w, limit: PAGE }),
        })),
      );
  return {
    'nearby hospital': near('hospital', SCALE.seed + 1),
    'nearby doctor': near('doctor', SCALE.seed + 2),
    'search 1 char': search((n) => n === 1),
    'search 2 chars': search((n) => n === 2),
    'search 3+ chars': search((n) => n >= 3),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.find((a) => !a.startsWith('--')) ?? '';
  const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'zhuyi-focus-'));
  const catalog = buildCatalog(SCALE);
  const store = openSqliteStore({ file: join(dir, 'focus.sqlite'), collections: COLLECTIONS });
  try {
    let t = performance.now();
    for (const [name, docs] of [
      [HOSPITALS.name, catalog.hospitals],
      [DOCTORS.name, catalog.doctors],
    ] as const) {
      for (let i = 0; i < docs.length; i += 5000)
        await store.insertMany(name, docs.slice(i, i + 5000) as StoredDoc[]);
    }
    console.log(`loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    for (const [group, probes] of Object.entries(groups(catalog))) {
      if (!group.includes(only)) continue;
      const samples: number[] = [];
      const slowest: Array<[number, string]> = [];
      for (let round = 0; round < rounds; round++) {
        for (const probe of probes) {
          t = performance.now();
          await probe.run(store);
          const ms = performance.now() - t;
          if (round === 0) continue; // warm-up: statements prepared, pages cached
          samples.push(ms);
          slowest.push([ms, probe.label]);
        }
      }
      const s = summarize(samples);
      slowest.sort((a, b) => b[0] - a[0]);
      console.log(
        `${group.padEnd(16)} p50 ${fmtMs(s.p50)} p99 ${fmtMs(s.p99)} mean ${fmtMs(s.mean)} ` +
          `(${s.calls} calls); slowest: ${slowest
            .slice(0, 3)
            .map(([ms, label]) => `${label} ${fmtMs(ms)}`)
            .join(', ')}`,
      );
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
