/**
 * SEC: records shared with a consult's doctor — that doctor, those records, while the
 * consult is open or SHARE_HOURS_AFTER_CLOSE after; every read logged for the patient.
 * The consult is for a 就诊人: the doctor sees 张*, sex, age, allergies, never the ID.
 */
import { SHARE_HOURS_AFTER_CLOSE, type RecordView } from '../../../contract/records';
import type { ConsultView } from '../../../contract/consult/views';
import {
  addFather,
  addReport,
  alice,
  consultWorldEachTest,
  drLi,
  drWang,
  eve,
  expectError,
  expectOk,
  FATHER,
  FATHER_ID,
  HOUR,
  payInSandbox,
  pdfUpload,
  records,
  snapshot,
  text,
  type ConsultEnv,
} from '../patients/support';
import { DESCRIPTION, PAID_DOCTOR } from '../consult/support';

let env: ConsultEnv;
consultWorldEachTest((made) => (env = made));

let fatherId: string;
let consult: ConsultView;
let report: RecordView;
let other: RecordView;
beforeEach(async () => {
  fatherId = (await addFather(env)).id;
  report = await addReport(env, fatherId);
  other = await addReport(env, fatherId, alice, { kind: '处方', diagnosis: '高血压' });
  expectOk(await records(env, 'uploadAttachment', { recordId: report.id, file: pdfUpload() }));
  consult = expectOk<ConsultView>(
    await env.consult('create', {
      doctorId: PAID_DOCTOR,
      patient: { kind: 'patient', patientId: fatherId },
      description: DESCRIPTION,
    }),
  );
  await payInSandbox(env, consult.id);
  expectOk(await env.consult('accept', { consultId: consult.id }, drWang));
});

it('the doctor sees 张*, sex, age and allergies of the 就诊人 — never the name or ID number', async () => {
  const asDoctor = await env.consult('get', { consultId: consult.id }, drWang);
  expect(expectOk<ConsultView>(asDoctor).patient).toEqual({
    kind: 'patient',
    patientId: null,
    name: '张**',
    sex: 'male',
    age: 68,
    allergies: '青霉素过敏',
  });
  expect(expectOk<ConsultView>(asDoctor).contact?.name).toBe('张**');
  for (const secret of [FATHER.name, FATHER_ID, FATHER_ID.slice(-4), FATHER.phone])
    expect(text(asDoctor)).not.toContain(secret);
  const asPatient = expectOk<ConsultView>(await env.consult('get', { consultId: consult.id }));
  expect(asPatient.patient).toMatchObject({ kind: 'patient', patientId: fatherId, name: '张建国' });
});

it('the consult’s doctor reads what was shared and only that; every read is logged for the patient', async () => {
  // Nothing shared yet.
  expect(expectOk(await records(env, 'sharedList', { consultId: consult.id }, drWang))).toEqual({
    shares: [],
    visibleUntil: null,
  });
  expectError(
    await records(env, 'sharedGet', { consultId: consult.id, recordId: report.id }, drWang),
    'NOT_FOUND',
  );
  const shared = expectOk<{ shares: Array<{ recordId: string }> }>(
    await records(env, 'share', { consultId: consult.id, recordIds: [report.id] }),
  );
  expect(shared.shares.map((s) => s.recordId)).toEqual([report.id]);
  const seen = expectOk<RecordView>(
    await records(env, 'sharedGet', { consultId: consult.id, recordId: report.id }, drWang),
  );
  expect(seen).toMatchObject({ id: report.id, diagnosis: '窦性心律', notes: '心电图未见异常' });
  const file = expectOk<{ contentType: string }>(
    await records(
      env,
      'sharedAttachment',
      { consultId: consult.id, recordId: report.id, attachmentId: seen.attachments[0].id },
      drWang,
    ),
  );
  expect(file.contentType).toBe('application/pdf');
  // The record not shared stays invisible.
  expectError(
    await records(env, 'sharedGet', { consultId: consult.id, recordId: other.id }, drWang),
    'NOT_FOUND',
  );
  // A doctor of another consult gets nothing, and nothing is logged for it.
  const before = await snapshot(env);
  for (const [action, data] of [
    ['sharedList', { consultId: consult.id }],
    ['sharedGet', { consultId: consult.id, recordId: report.id }],
    [
      'sharedAttachment',
      { consultId: consult.id, recordId: report.id, attachmentId: seen.attachments[0].id },
    ],
  ] as const) {
    const r = await records(env, action, data, drLi);
    expectError(r, 'NOT_FOUND');
    expect(text(r)).not.toContain('窦性心律');
  }
  // The patient is not the doctor of their own consult.
  expectError(
    await records(env, 'sharedGet', { consultId: consult.id, recordId: report.id }, alice),
    'PERMISSION_DENIED',
    { reason: 'doctor_only' },
  );
  expect(await snapshot(env)).toBe(before);

  const log = expectOk<{ items: Array<{ what: string; doctor: { name: string } }> }>(
    await records(env, 'accessLog', { recordId: report.id }),
  );
  expect(log.items.map((e) => [e.what, e.doctor.name])).toEqual([
    ['attachment', '王医生'],
    ['record', '王医生'],
  ]);
  // eve sees none of alice's log.
  expect(expectOk(await records(env, 'accessLog', {}, eve))).toEqual({
    items: [],
    nextCursor: null,
  });
});

it('revoking a share hides the record at once', async () => {
  expectOk(
    await records(env, 'share', { consultId: consult.id, recordIds: [report.id, other.id] }),
  );
  const left = expectOk<{ shares: Array<{ recordId: string }> }>(
    await records(env, 'unshare', { consultId: consult.id, recordId: report.id }),
  );
  expect(left.shares.map((s) => s.recordId)).toEqual([other.id]);
  expectError(
    await records(env, 'sharedGet', { consultId: consult.id, recordId: report.id }, drWang),
    'NOT_FOUND',
  );
  expectOk(await records(env, 'sharedGet', { consultId: consult.id, recordId: other.id }, drWang));
});

it(`after close: the summary is the 就诊人's record; shares visible ${SHARE_HOURS_AFTER_CLOSE} hours, then not`, async () => {
  expectOk(await records(env, 'share', { consultId: consult.id, recordIds: [report.id] }));
  expectOk(
    await env.consult(
      'close',
      { consultId: consult.id, summary: '建议低盐饮食，按时服药。' },
      drWang,
    ),
  );
  const { items } = expectOk<{ items: Array<{ id: string; source: object; kind: string }> }>(
    await records(env, 'list', { patientId: fatherId }),
  );
  const fromConsult = items.find((r) => r.source && 'consultId' in r.source);
  expect(fromConsult).toMatchObject({
    kind: '其他',
    source: { kind: 'consult', consultId: consult.id, doctorName: '王医生' },
  });
  const summary = expectOk<RecordView>(await records(env, 'get', { recordId: fromConsult!.id }));
  expect(summary.notes).toBe('建议低盐饮食，按时服药。');

  expectError(
    await records(env, 'share', { consultId: consult.id, recordIds: [other.id] }),
    'FAILED_PRECONDITION',
    { reason: 'consult_closed' },
  );
  env.clock.advance((SHARE_HOURS_AFTER_CLOSE - 1) * HOUR);
  expectOk(await records(env, 'sharedGet', { consultId: consult.id, recordId: report.id }, drWang));
  env.clock.advance(2 * HOUR);
  expectError(
    await records(env, 'sharedGet', { consultId: consult.id, recordId: report.id }, drWang),
    'FAILED_PRECONDITION',
    { reason: 'share_expired' },
  );
  expectError(
    await records(env, 'sharedList', { consultId: consult.id }, drWang),
    'FAILED_PRECONDITION',
    { reason: 'share_expired' },
  );
});

it('only records of the consult’s 就诊人 can be shared, and a removal waits for the consult', async () => {
  const mother = expectOk<{ id: string }>(
    await env.call(
      'patients',
      {
        action: 'add',
        data: {
          ...FATHER,
          name: '李梅',
          document: {
            idType: 'passport',
            idNumber: 'E7654321',
            birthDate: '1960-01-01',
            sex: 'female',
          },
        },
      },
      alice,
    ),
  );
  const hers = await addReport(env, mother.id);
  const before = await snapshot(env);
  expectError(
    await records(env, 'share', { consultId: consult.id, recordIds: [report.id, hers.id] }),
    'INVALID_ARGUMENT',
    { reason: 'record_not_of_patient', issues: [{ path: 'data.recordIds.1' }] },
  );
  expect(await snapshot(env)).toBe(before);
  expectError(
    await env.call(
      'patients',
      { action: 'remove', data: { patientId: fatherId, confirm: true } },
      alice,
    ),
    'FAILED_PRECONDITION',
    { reason: 'patient_in_use', blocker: 'consult' },
  );
  expect(await snapshot(env)).toBe(before);
  expectOk(await env.consult('close', { consultId: consult.id, summary: '好转' }, drWang));
  expectOk(
    await env.call(
      'patients',
      { action: 'remove', data: { patientId: fatherId, confirm: true } },
      alice,
    ),
  );
});
