/**
 * Two accounts, two doctors: another account's 就诊人, record, attachment or consult id
 * in every action of patients and records is NOT_FOUND — the same answer as an id that
 * does not exist — changes nothing and carries none of the owner's data.
 */
import type { ConsultView } from '../../../contract/consult/views';
import type { RecordView } from '../../../contract/records';
import {
  addFather,
  addReport,
  consultWorldEachTest,
  drLi,
  eve,
  expectError,
  expectOk,
  FATHER,
  FATHER_ID,
  patients,
  pdfUpload,
  records,
  snapshot,
  text,
  type ConsultEnv,
} from '../patients/support';
import { DESCRIPTION, payInSandbox, PAID_DOCTOR, drWang } from '../consult/support';

let env: ConsultEnv;
consultWorldEachTest((made) => (env = made));

let fatherId: string;
let report: RecordView;
let attachmentId: string;
let consultId: string;
beforeEach(async () => {
  fatherId = (await addFather(env)).id;
  report = await addReport(env, fatherId);
  attachmentId = expectOk<{ id: string }>(
    await records(env, 'uploadAttachment', { recordId: report.id, file: pdfUpload() }),
  ).id;
  const c = expectOk<ConsultView>(
    await env.consult('create', {
      doctorId: PAID_DOCTOR,
      patient: { kind: 'patient', patientId: fatherId },
      description: DESCRIPTION,
    }),
  );
  consultId = c.id;
  await payInSandbox(env, consultId);
  expectOk(await env.consult('accept', { consultId }, drWang));
  expectOk(await records(env, 'share', { consultId, recordIds: [report.id] }));
  // eve has a 就诊人 and a record of her own: her ids are valid, just not alice's.
  await addFather(env, eve);
});

const SECRETS = ['张建国', FATHER_ID, FATHER_ID.slice(-4), '13900000009', '窦性心律', '心电图'];

it('eve names alice’s 就诊人, records, files and consult in every action: NOT_FOUND, nothing changed', async () => {
  const attempts: Array<[fn: 'patients' | 'records', action: string, data: object]> = [
    ['patients', 'get', { patientId: fatherId }],
    ['patients', 'update', { patientId: fatherId, allergies: '无' }],
    ['patients', 'remove', { patientId: fatherId, confirm: true }],
    ['records', 'list', { patientId: fatherId }],
    ['records', 'get', { recordId: report.id }],
    [
      'records',
      'create',
      { patientId: fatherId, kind: '其他', date: '2026-11-01', hospital: { name: '某医院' } },
    ],
    ['records', 'update', { recordId: report.id, notes: '改' }],
    ['records', 'remove', { recordId: report.id }],
    ['records', 'uploadAttachment', { recordId: report.id, file: pdfUpload() }],
    ['records', 'getAttachment', { recordId: report.id, attachmentId }],
    ['records', 'accessLog', { recordId: report.id }],
    ['records', 'share', { consultId, recordIds: [report.id] }],
    ['records', 'unshare', { consultId, recordId: report.id }],
    ['records', 'listShares', { consultId }],
    ['records', 'sharedList', { consultId }],
    ['records', 'sharedGet', { consultId, recordId: report.id }],
    ['records', 'sharedAttachment', { consultId, recordId: report.id, attachmentId }],
  ];
  const before = await snapshot(env);
  for (const [fn, action, data] of attempts) {
    const r = await (fn === 'patients' ? patients : records)(env, action, data, eve);
    expect([fn, action, r.ok ? 'ok' : r.error.code]).toEqual([fn, action, 'NOT_FOUND']);
    for (const secret of SECRETS) expect(text(r)).not.toContain(secret);
  }
  expect(await snapshot(env)).toBe(before);
});

it('eve cannot start a consult for alice’s 就诊人, nor share her own record into alice’s consult', async () => {
  const before = await snapshot(env);
  const r = await env.consult(
    'create',
    {
      doctorId: PAID_DOCTOR,
      patient: { kind: 'patient', patientId: fatherId },
      description: DESCRIPTION,
    },
    eve,
  );
  expectError(r, 'NOT_FOUND');
  expectError(
    await env.consult(
      'create',
      {
        doctorId: PAID_DOCTOR,
        patient: { kind: 'patient', patientId: '../p1' },
        description: DESCRIPTION,
      },
      eve,
    ),
    'INVALID_ARGUMENT',
    { issues: [{ path: 'data.patient.patientId' }] },
  );
  const { items } = expectOk<{ items: unknown[] }>(await env.consult('list', {}, eve));
  expect(items).toEqual([]);
  const eveFather = expectOk<{ items: Array<{ id: string }> }>(await patients(env, 'list', {}, eve))
    .items[0].id;
  const eveRecord = await addReport(env, eveFather, eve);
  expectError(
    await records(env, 'share', { consultId, recordIds: [eveRecord.id] }, eve),
    'NOT_FOUND',
  );
  // alice cannot share eve's record into her own consult either.
  expectError(await records(env, 'share', { consultId, recordIds: [eveRecord.id] }), 'NOT_FOUND');
  await records(env, 'remove', { recordId: eveRecord.id }, eve);
  expect(await snapshot(env)).toBe(before);
});

it('the other doctor (李医生) gets nothing of a consult that is not theirs', async () => {
  const before = await snapshot(env);
  for (const [action, data] of [
    ['sharedList', { consultId }],
    ['sharedGet', { consultId, recordId: report.id }],
    ['sharedAttachment', { consultId, recordId: report.id, attachmentId }],
    ['listShares', { consultId }],
  ] as const) {
    const r = await records(env, action, data, drLi);
    expectError(r, 'NOT_FOUND');
    for (const secret of SECRETS) expect(text(r)).not.toContain(secret);
  }
  expectError(await env.consult('get', { consultId }, drLi), 'NOT_FOUND');
  // The consult's own doctor cannot act as its patient.
  expectError(
    await records(env, 'unshare', { consultId, recordId: report.id }, drWang),
    'PERMISSION_DENIED',
    { reason: 'patient_only' },
  );
  expect(await snapshot(env)).toBe(before);
  // The secrets looked for are the 就诊人's own.
  expect(FATHER.name).toBe(SECRETS[0]);
});
