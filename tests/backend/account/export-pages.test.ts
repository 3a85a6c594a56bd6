/**
 * PIPL art. 45 for a long history: export answers at most EXPORT_PAGE_ROWS rows per call
 * (a CloudBase function's answer is limited in size); following `next` gives every row
 * exactly once. A cursor only ever moves through the caller's own rows.
 */
import { encodeCursor } from '../../../backend/account/export-cursor';
import { ANALYTICS_EVENTS } from '../../../backend/collections';
import { EXPORT_PAGE_ROWS } from '../../../contract/account';
import { seededCopyEachTest } from './seed';
import { alice, bob, expectError, expectOk, type World } from './support';

interface Page {
  exportedAt: string;
  collections: Array<{ collection: string; rows: Array<Record<string, unknown>> }>;
  next: string | null;
}

const EVENTS = EXPORT_PAGE_ROWS * 2 + 234;

let w: World;
seededCopyEachTest(
  (world) => (w = world),
  // Alice's statistics events (SDK): enough for several pages.
  (s) =>
    s.store
      .insertMany(
        ANALYTICS_EVENTS.name,
        Array.from({ length: EVENTS }, (_, i) => ({
          _id: `ev-${String(i).padStart(5, '0')}`,
          owner: alice.openid,
          name: 'page_view',
          at: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
          props: { page: 'home' },
        })),
      )
      .then(() => undefined),
);

const rowCount = (p: Page) => p.collections.reduce((n, c) => n + c.rows.length, 0);

async function allPages(who = alice): Promise<Page[]> {
  const pages = [expectOk<Page>(await w.account('export', {}, who))];
  while (pages.at(-1)!.next !== null && pages.length < 20)
    pages.push(expectOk<Page>(await w.account('export', { cursor: pages.at(-1)!.next }, who)));
  return pages;
}

it('pages of at most EXPORT_PAGE_ROWS rows that together hold every row once', async () => {
  const pages = await allPages();
  expect(pages.length).toBeGreaterThanOrEqual(3);
  expect(pages.at(-1)!.next).toBeNull();
  for (const p of pages) expect(rowCount(p)).toBeLessThanOrEqual(EXPORT_PAGE_ROWS);
  // Every page names every collection, so the client can join them by name.
  const names = pages[0].collections.map((c) => c.collection);
  for (const p of pages) expect(p.collections.map((c) => c.collection)).toEqual(names);

  const joined = new Map<string, string[]>();
  for (const p of pages)
    for (const c of p.collections)
      joined.set(c.collection, [
        ...(joined.get(c.collection) ?? []),
        ...c.rows.map((r) => String(r._id)),
      ]);
  const events = joined.get(ANALYTICS_EVENTS.name)!;
  const stored = await w.store.find(ANALYTICS_EVENTS.name, { owner: alice.openid });
  expect(stored.length).toBeGreaterThan(EVENTS);
  expect([...events].sort()).toEqual(stored.map((d) => d._id).sort());
  // Nothing repeated anywhere else either (a row under two entries comes once).
  for (const [, ids] of joined) expect(new Set(ids).size).toBe(ids.length);
  const users = joined.get('users')!;
  expect(users).toEqual([alice.openid]);
});

it('a page stays well inside a function answer (a few hundred KB)', async () => {
  for (const p of await allPages()) expect(JSON.stringify(p).length).toBeLessThan(512 * 1024);
});

it('an unreadable cursor is INVALID_ARGUMENT on data.cursor, and nothing is read', async () => {
  for (const cursor of ['garbage', 'eyJ2IjoyfQ', encodeCursor({ entry: -1, after: null })]) {
    expectError(await w.account('export', { cursor }, alice), 'INVALID_ARGUMENT', {
      reason: 'cursor_invalid',
      issues: [{ path: 'data.cursor' }],
    });
  }
  expectError(await w.account('export', { cursor: 'a'.repeat(201) }, alice), 'INVALID_ARGUMENT', {
    issues: [{ path: 'data.cursor' }],
  });
});

it("a cursor forged by someone else walks only their own rows, never alice's", async () => {
  const pages = await allPages();
  const intoEvents = pages[1].next!; // somewhere inside alice's events
  const forged = expectOk<Page>(await w.account('export', { cursor: intoEvents }, bob));
  const text = JSON.stringify(forged);
  expect(text).not.toContain(alice.openid);
  expect(text).not.toContain('ev-0');
  const start = encodeCursor({ entry: 0, after: null });
  const bobs = expectOk<Page>(await w.account('export', { cursor: start }, bob));
  expect(JSON.stringify(bobs)).not.toContain(alice.openid);
});
