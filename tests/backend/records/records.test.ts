/** 个人病历 (PI, CAM, ALB; PIPL art. 28): entries, paging, limits, encrypted attachments. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEDICAL_RECORDS } from '../../../backend/collections';
import {
  MAX_RECORD_ATTACHMENTS,
  type RecordSummary,
  type RecordView,
} from '../../../contract/records';
import {
  addFather,
  addReport,
  consultWorldEachTest,
  expectError,
  expectOk,
  pdfUpload,
  records,
  snapshot,
  upload,
  type ConsultEnv,
} from '../patients/support';
import { dumpFiles } from '../account/traces';
import { HOSPITALS } from '../../../backend/collections';

let env: ConsultEnv;
consultWorldEachTest((made) => (env = made));

let fatherId: string;
beforeEach(async () => {
  fatherId = (await addFather(env)).id;
});

it('create, get, update and list newest first in pages', async () => {
  const dates = ['2026-01-05', '2026-11-20', '2025-06-30', '2026-03-01', '2026-11-20'];
  const made: RecordView[] = [];
  for (const date of dates) {
    made.push(await addReport(env, fatherId, undefined, { date }));
    env.clock.advance(1000);
  }
  const seen: RecordSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: RecordSummary[]; nextCursor: string | null } = expectOk(
      await records(env, 'list', { patientId: fatherId, limit: 2, ...(cursor ? { cursor } : {}) }),
    );
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen.map((r) => r.id)).toEqual([
    made[4].id,
    made[1].id,
    made[3].id,
    made[0].id,
    made[2].id,
  ]);
  const updated = expectOk<RecordView>(
    await records(env, 'update', { recordId: made[0].id, diagnosis: null, notes: '复查正常' }),
  );
  expect(updated).toMatchObject({ diagnosis: null, notes: '复查正常', department: '心内科' });
  expect(expectOk(await records(env, 'get', { recordId: made[0].id }))).toEqual(updated);
  const raw = JSON.stringify(await env.store.find(MEDICAL_RECORDS.name, {}));
  for (const plain of ['心内科', '窦性心律', '复查正常']) expect(raw).not.toContain(plain);
});

it('a catalog hospital is named by the catalog; an unknown one is refused', async () => {
  await env.store.insert(HOSPITALS.name, { _id: 'h-hs', name: '华山医院' });
  const r = await addReport(env, fatherId, undefined, { hospital: { id: 'h-hs' } });
  expect(r.hospital).toEqual({ id: 'h-hs', name: '华山医院' });
  expectError(
    await records(env, 'create', { patientId: fatherId, ...baseOf(), hospital: { id: 'h-none' } }),
    'INVALID_ARGUMENT',
    { reason: 'hospital_unknown' },
  );
});

const baseOf = () => ({ kind: '门诊记录', date: '2026-11-01', hospital: { name: '社区医院' } });

it('bad input is a typed error on its field, and nothing is stored', async () => {
  const before = await snapshot(env);
  const cases: Array<[object, string]> = [
    [{ date: '2026-12-01' }, 'data.date'], // tomorrow in China
    [{ date: '2026-02-30' }, 'data.date'],
    [{ diagnosis: '湿'.repeat(10_000) }, 'data.diagnosis'],
    [{ notes: 'x'.repeat(2001) }, 'data.notes'],
    [{ department: '科\u0000室' }, 'data.department'],
    [{ kind: '体检' }, 'data.kind'],
    [{ hospital: { name: '' } }, 'data.hospital'],
    [{ hospital: { id: 'h1', name: '两者都有' } }, 'data.hospital'],
    [{ patientId: '../p' }, 'data.patientId'],
    [{ extra: 1 }, 'data.extra'],
  ];
  env.clock.set('2026-11-30T08:00:00Z');
  for (const [over, path] of cases) {
    const error = expectError(
      await records(env, 'create', { patientId: fatherId, ...baseOf(), ...over }),
      'INVALID_ARGUMENT',
    );
    expect([path, error.details?.issues]).toEqual([
      path,
      expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining(path) })]),
    ]);
  }
  expect(await snapshot(env)).toBe(before);
});

it('attachments: photos and PDFs by their bytes, encrypted at rest, at most nine', async () => {
  const r = await addReport(env, fatherId);
  const pdf = pdfUpload(0x41, 600);
  const first = expectOk<{ id: string; contentType: string }>(
    await records(env, 'uploadAttachment', { recordId: r.id, file: pdf }),
  );
  expect(first.contentType).toBe('application/pdf');
  // The stored file is ciphertext: the plaintext's bytes appear in no file.
  const plain = Buffer.from(pdf.contentBase64, 'base64');
  for (const key of dumpFiles(env.filesDir).keys())
    expect(readFileSync(join(env.filesDir, key)).includes(plain.subarray(0, 32))).toBe(false);
  expect(
    expectOk(await records(env, 'getAttachment', { recordId: r.id, attachmentId: first.id })),
  ).toEqual({ contentType: 'application/pdf', contentBase64: pdf.contentBase64 });

  const before = await snapshot(env);
  const fakes = [
    {
      contentBase64: Buffer.from('MZ not a pdf at all').toString('base64'),
      contentType: 'application/pdf',
    },
    { ...pdfUpload(), contentType: 'image/png' },
    { ...upload('png'), contentType: 'text/html' },
  ];
  for (const file of fakes)
    expectError(
      await records(env, 'uploadAttachment', { recordId: r.id, file }),
      'INVALID_ARGUMENT',
    );
  expect(await snapshot(env)).toBe(before);

  for (let i = 1; i < MAX_RECORD_ATTACHMENTS; i++)
    expectOk(
      await records(env, 'uploadAttachment', { recordId: r.id, file: upload('jpeg', 300, i) }),
    );
  const full = await snapshot(env);
  expectError(
    await records(env, 'uploadAttachment', { recordId: r.id, file: upload('png') }),
    'FAILED_PRECONDITION',
    { reason: 'attachment_limit' },
  );
  expect(await snapshot(env)).toBe(full);
  const view = expectOk<RecordView>(await records(env, 'get', { recordId: r.id }));
  expect(view.attachments).toHaveLength(MAX_RECORD_ATTACHMENTS);
  // Dropping one removes its file.
  const fileCount = dumpFiles(env.filesDir).size;
  expectOk(await records(env, 'update', { recordId: r.id, removeAttachments: [first.id] }));
  expect(dumpFiles(env.filesDir).size).toBe(fileCount - 1);
});

it('remove takes the record and its files', async () => {
  const r = await addReport(env, fatherId);
  expectOk(await records(env, 'uploadAttachment', { recordId: r.id, file: upload('png') }));
  const files = dumpFiles(env.filesDir).size;
  expect(expectOk(await records(env, 'remove', { recordId: r.id }))).toEqual({ recordId: r.id });
  expect(dumpFiles(env.filesDir).size).toBe(files - 1);
  expectError(await records(env, 'get', { recordId: r.id }), 'NOT_FOUND');
});
