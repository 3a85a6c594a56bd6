/**
 * Overload (issue 15): 200 connections for 30 s (BENCH_SECONDS to shorten) on nearby and
 * search against the real server over the full synthetic catalog, beside the no-work ping
 * in the same run; prints p99, max latency, timeouts and load shed (503). The server sheds
 * past 200 ms event-loop delay (server/overload.ts). `npm run bench -- overload`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE } from '../backend/adapters/local/ports';
import { openSqliteStore } from '../backend/adapters/sqlite';
import { COLLECTIONS, DOCTORS, HOSPITALS } from '../backend/collections';
import { insertAll, mixedNearbyQueries, SCALE } from './catalog';
import { benchHttp } from './lib/http-load';
import { type BenchReport, log } from './lib/report';
import { buildCatalog } from './lib/synthetic';
import { searchQueries } from './lib/workload';

export async function runOverloadBench(): Promise<BenchReport> {
  const durationSec = Number(process.env.BENCH_SECONDS ?? 30);
  const dataDir = mkdtempSync(join(tmpdir(), 'zhuyi-overload-'));
  try {
    const catalog = buildCatalog(SCALE);
    const store = openSqliteStore({ file: join(dataDir, DATABASE_FILE), collections: COLLECTIONS });
    try {
      await insertAll(store, HOSPITALS.name, catalog.hospitals);
      await insertAll(store, DOCTORS.name, catalog.doctors);
    } finally {
      await store.close();
    }
    log(`200 connections × ${durationSec} s per scenario, no warm-up (a surge arrives cold):`);
    return await benchHttp(
      { dataDir, ...SCALE },
      {
        nearby: mixedNearbyQueries(SCALE.seed),
        search: searchQueries(300, catalog, SCALE.seed + 4),
      },
      {
        connections: 200,
        durationSec,
        warmupSec: 0,
        only: ['ping (same stack, no work)', 'nearby', 'search'],
      },
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
