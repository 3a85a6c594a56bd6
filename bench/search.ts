/**
 * Patient search benchmark (issue 17): the catalog's search index after it grew a
 * `keywords` field (aliases, department synonyms, pinyin and initials, computed at
 * seed/import time). The same synthetic catalog is loaded twice into SQLite — with the
 * keywords indexed (what ships) and without (the index before issue 17) — and the same
 * patient-style workload (names, department synonyms like 心内, pinyin like "ruijin",
 * initials, symptoms) runs through the real handler path beside the naive scan over
 * in-memory arrays of the same documents. Prints index size and latency for each; the
 * run fails only on a crash or when the indexed and naive totals disagree.
 * `npm run bench -- search` (BENCH_SEARCH_HOSPITALS=… to change the scale; default 10,000).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutputOf } from '../contract';
import type { SearchKind } from '../contract/catalog';
import { seededRandom } from '../backend/catalog/seed/synthetic-doctors';
import { SYMPTOM_GUIDES } from '../backend/catalog/lexicon/symptoms';
import { DATABASE_FILE } from '../backend/adapters/local/ports';
import { openSqliteStore } from '../backend/adapters/sqlite';
import { COLLECTIONS, DOCTORS, HOSPITALS } from '../backend/collections';
import type { Ctx } from '../backend/core/context';
import { dispatch } from '../backend/core/dispatch';
import { findFunction } from '../backend/functions';
import { systemClock } from '../backend/ports/clock';
import type { CollectionSpec, DocumentStore } from '../backend/ports/document-store';
import { silentLogger } from '../backend/ports/logger';
import { insertAll } from './catalog';
import { naiveSearchAll } from './lib/naive';
import { type BenchReport, fmtInt, fmtMs, fmtRatio, log, timeCalls } from './lib/report';
import { buildCatalog, type Catalog } from './lib/synthetic';

const SEED = 20261208;
const CALLS = 600;
const PAGE = 20;

interface Query {
  q: string;
  kind: SearchKind;
  what: string;
}

/** What patients type: a keyword of a random document (pinyin, initials, synonym), or a symptom. */
function patientQueries(catalog: Catalog, count: number): Query[] {
  const rand = seededRandom(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const out: Query[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    const kind: SearchKind = r < 0.4 ? 'all' : r < 0.7 ? 'hospital' : 'doctor';
    const doc = kind === 'doctor' ? pick(catalog.doctors) : pick(catalog.hospitals);
    const words = (doc.keywords ?? '').split(' ').filter((w) => w.length >= 2);
    const s = rand();
    if (s < 0.15) out.push({ q: pick(pick(SYMPTOM_GUIDES).symptoms), kind, what: 'symptom' });
    else if (s < 0.35 || words.length === 0) {
      const name = [...doc.name.replace('示例·', '')];
      const at = Math.floor(rand() * Math.max(1, name.length - 1));
      out.push({ q: name.slice(at, at + 2).join(''), kind, what: 'name' });
    } else {
      const w = pick(words);
      // pinyin and initials are typed partly: a prefix of 3–8 letters.
      const ascii = /^[a-z]+$/.test(w);
      const q = ascii ? w.slice(0, 3 + Math.floor(rand() * 6)) : w;
      out.push({ q, kind, what: ascii ? 'pinyin' : 'alias/synonym' });
    }
  }
  return out;
}

function handler(store: DocumentStore) {
  const fn = findFunction('catalog');
  if (!fn) throw new Error('no catalog function');
  const ctx: Ctx = { store, clock: systemClock, log: silentLogger, caller: null };
  return async (q: Query) => {
    const env = await dispatch(fn, { action: 'search', data: { q: q.q, kind: q.kind } }, ctx);
    if (!env.ok) throw new Error(`search "${q.q}": ${env.error.code} ${env.error.message}`);
    return env.data as OutputOf<'catalog', 'search'>;
  };
}

const withoutKeywords = (spec: CollectionSpec): CollectionSpec => ({
  ...spec,
  text: spec.text?.filter((f) => f !== 'keywords'),
});

async function loaded(catalog: Catalog, collections: CollectionSpec[], label: string) {
  const dir = mkdtempSync(join(tmpdir(), 'zhuyi-search-bench-'));
  const file = join(dir, DATABASE_FILE);
  const t = performance.now();
  const store = openSqliteStore({ file, collections });
  await insertAll(store, HOSPITALS.name, catalog.hospitals);
  await insertAll(store, DOCTORS.name, catalog.doctors);
  const mb = statSync(file).size / 2 ** 20;
  log(
    `  ${label}: loaded in ${((performance.now() - t) / 1000).toFixed(1)} s, ${mb.toFixed(0)} MB`,
  );
  return { store, dir, mb };
}

export async function runSearchBench(): Promise<BenchReport> {
  const hospitals = Number(process.env.BENCH_SEARCH_HOSPITALS ?? 10_000);
  const report: BenchReport = { rows: [], problems: [] };
  const catalog = buildCatalog({ hospitals, doctorsPerHospital: 10, seed: SEED });
  const kw = catalog.doctors.reduce((n, d) => n + (d.keywords ?? '').length, 0);
  log(
    `search: ${fmtInt(catalog.hospitals.length)} hospitals, ${fmtInt(catalog.doctors.length)} doctors; ` +
      `keywords average ${(kw / catalog.doctors.length).toFixed(0)} characters per doctor`,
  );
  const queries = patientQueries(catalog, 500);
  const naive = (q: Query) => {
    const specs = { hospitals: HOSPITALS, doctors: DOCTORS };
    const docs = { hospitals: catalog.hospitals, doctors: catalog.doctors };
    if (q.kind === 'all') return naiveSearchAll(specs, docs, q.q, PAGE).total;
    const side = q.kind === 'hospital' ? docs.hospitals : docs.doctors;
    const spec = q.kind === 'hospital' ? HOSPITALS : DOCTORS;
    const needle = q.q.toLowerCase();
    return side.filter((d) =>
      (spec.text ?? []).some((f) => {
        const v = (d as Record<string, unknown>)[f];
        return typeof v === 'string' && v.toLowerCase().includes(needle);
      }),
    ).length;
  };
  const options = { calls: CALLS, warmup: 50, budgetMs: 30_000 };

  const before = await loaded(catalog, COLLECTIONS.map(withoutKeywords), 'before (no keywords)');
  const beforeT = await timeCalls(
    (i) => handler(before.store)(queries[i % queries.length]),
    options,
  );
  await before.store.close();
  rmSync(before.dir, { recursive: true, force: true });

  const after = await loaded(catalog, COLLECTIONS, 'after (keywords indexed)');
  const search = handler(after.store);
  // Totals must agree with the naive scan (symptom fallbacks aside: those answer another query).
  for (const q of queries.slice(0, 40)) {
    const page = await search(q);
    if (page.guidance?.resultsFor) continue;
    const expected = naive(q);
    if (page.total !== expected)
      report.problems.push(`search ${q.kind} "${q.q}": ${page.total} indexed, ${expected} naive`);
  }
  const afterT = await timeCalls((i) => search(queries[i % queries.length]), options);
  await after.store.close();
  rmSync(after.dir, { recursive: true, force: true });
  const naiveT = await timeCalls((i) => naive(queries[i % queries.length]), {
    ...options,
    calls: 100,
    warmup: 5,
  });

  const mix = ['name', 'alias/synonym', 'pinyin', 'symptom']
    .map((w) => `${w} ${queries.filter((q) => q.what === w).length}`)
    .join(', ');
  log(`  workload: ${queries.length} patient queries (${mix}), first page of ${PAGE}`);
  const row = (metric: string, ours: number, base: number) => ({
    bench: 'search',
    metric,
    ours: fmtMs(ours),
    baseline: fmtMs(base),
    ratio: fmtRatio(base / ours),
    target: '',
    status: '' as const,
  });
  report.rows.push(
    row('p50 with keywords vs naive scan', afterT.p50, naiveT.p50),
    row('p99 with keywords vs naive scan', afterT.p99, naiveT.p99),
    row('p50 with keywords vs before', afterT.p50, beforeT.p50),
    {
      bench: 'search',
      metric: 'database size after vs before',
      ours: `${after.mb.toFixed(0)} MB`,
      baseline: `${before.mb.toFixed(0)} MB`,
      ratio: `${(after.mb / before.mb).toFixed(2)}×`,
      target: '',
      status: '',
    },
  );
  return report;
}
