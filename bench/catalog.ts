/**
 * Catalog benchmark: 10,000 hospitals and 100,000 doctors over Shanghai in a temp-file
 * SQLite store (the real adapter and schema), then `nearby` and `search`
 *   1. in-process through the real handler path (dispatch → zod → handler → store),
 *      beside a naive full scan over the same documents held in memory arrays;
 *   2. over HTTP with autocannon against the real server, beside the same server
 *      answering a no-work action and the naive scans.
 * Targets are printed as PASS/MISS; the run fails only if it crashes or the indexed and
 * naive answers disagree. Run it alone with `npm run bench -- catalog`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE } from '../backend/adapters/local/ports';
import { openSqliteStore } from '../backend/adapters/sqlite';
import { COLLECTIONS, DOCTORS, HOSPITALS } from '../backend/collections';
import type { StoredDoc } from '../backend/ports/document-store';
import { benchHttp } from './lib/http-load';
import { benchInProcess } from './lib/in-process';
import { type BenchReport, fmtInt, log } from './lib/report';
import { buildCatalog } from './lib/synthetic';
import { lengthMix, nearbyQueries, searchQueries } from './lib/workload';

export const SCALE = { hospitals: 10_000, doctorsPerHospital: 10, seed: 20261130 };
const INSERT_CHUNK = 5_000;

export async function insertAll(
  store: { insertMany(c: string, docs: StoredDoc[]): Promise<number> },
  collection: string,
  docs: StoredDoc[],
): Promise<void> {
  for (let i = 0; i < docs.length; i += INSERT_CHUNK) {
    await store.insertMany(collection, docs.slice(i, i + INSERT_CHUNK));
  }
}

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const rssMB = (): string => `${Math.round(process.memoryUsage().rss / 2 ** 20)} MB RSS`;

export async function runCatalogBench(): Promise<BenchReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhuyi-bench-'));
  const file = join(dataDir, DATABASE_FILE);
  const report: BenchReport = { rows: [], problems: [] };
  try {
    let t = performance.now();
    const catalog = buildCatalog(SCALE);
    log(
      `catalog: ${fmtInt(catalog.hospitals.length)} hospitals, ${fmtInt(catalog.doctors.length)} doctors ` +
        `generated in ${seconds(t)} (seed ${SCALE.seed})`,
    );

    t = performance.now();
    const store = openSqliteStore({ file, collections: COLLECTIONS });
    try {
      await insertAll(store, HOSPITALS.name, catalog.hospitals);
      await insertAll(store, DOCTORS.name, catalog.doctors);
      log(
        `  loaded into SQLite (${file}) in ${seconds(t)}, insertMany × ${INSERT_CHUNK}; ` +
          `${Math.round(statSync(file).size / 2 ** 20)} MB file; ${rssMB()}`,
      );

      const workload = {
        nearby: {
          hospital: nearbyQueries(500, 'hospital', SCALE.seed + 1),
          doctor: nearbyQueries(500, 'doctor', SCALE.seed + 2),
        },
        search: searchQueries(500, catalog, SCALE.seed + 3),
      };
      log(
        `  workload: nearby at points in Shanghai (80% in district clusters), radius 50 km, limit 20; ` +
          `search ${lengthMix(workload.search)}, kinds all/hospital/doctor 40/30/30%, first page of 20`,
      );
      log(
        `in-process (dispatch → handler → SQLite) vs naive scan over in-memory arrays (loaded once):`,
      );
      // A second connection on the same file without the document cache, for comparison.
      const uncached = openSqliteStore({
        file,
        collections: COLLECTIONS.map((spec) => ({ ...spec, cacheDocs: 0 })),
      });
      try {
        const inProcess = await benchInProcess(store, catalog, workload, {
          calls: 2000,
          naiveCalls: 200,
          warmup: 200,
          budgetMs: 25_000,
          sanitySamples: 25,
          uncached,
        });
        report.rows.push(...inProcess.rows);
        report.problems.push(...inProcess.problems);
      } finally {
        await uncached.close();
      }
    } finally {
      await store.close();
    }

    log(
      `HTTP (autocannon in this process → buildServer in a child process on the same database; ` +
        `baselines served by that server through the same stack: a no-work action, and the naive scans over in-memory arrays):`,
    );
    const http = await benchHttp(
      { dataDir, ...SCALE },
      {
        nearby: mixedNearbyQueries(SCALE.seed),
        search: searchQueries(300, catalog, SCALE.seed + 4),
      },
      { connections: 20, durationSec: 5, warmupSec: 1 },
    );
    report.rows.push(...http.rows);
    report.problems.push(...http.problems);
    log(`  ${rssMB()} at the end`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return report;
}

/** Hospitals and doctors alternating, as the home page's two tabs ask. */
export function mixedNearbyQueries(seed: number) {
  const hospitals = nearbyQueries(150, 'hospital', seed + 5);
  const doctors = nearbyQueries(150, 'doctor', seed + 6);
  return hospitals.flatMap((h, i) => [h, doctors[i]]);
}
