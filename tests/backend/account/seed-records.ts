/** The 就诊人 / 个人病历 part of the seeded world (tests/backend/account/seed.ts). */
import type { Caller } from '../../../backend/core/context';
import { idNumber, upload } from '../user/support';
import { alice, drWang, eve, expectOk, type World } from './support';

const call = (w: World, fn: string, action: string, data: unknown, who: Caller) =>
  w.call(fn, { action, data }, who).then((r) => expectOk<unknown>(r));

export const FATHER_ID = idNumber('310115', '19580301', '013');

/** A PDF as a scanner makes it: the magic bytes, then anything. */
export const pdfUpload = (fill = 0x20, size = 400) => {
  const bytes = Buffer.alloc(size, fill);
  Buffer.from('%PDF-1.4\n').copy(bytes);
  return { contentBase64: bytes.toString('base64'), contentType: 'application/pdf' };
};

/**
 * 就诊人 and 个人病历: alice has 本人 (from her verified identity) and her father, a
 * 检查报告 with a photo and a PDF shared with her waiting consult, which 王医生 opened
 * (an access-log row). eve shares a record of hers with alice as 李医生, who opened it.
 */
export async function seedPatientsAndRecords(w: World, aliceWaiting: string, eveWithAlice: string) {
  // Her verified identity made 本人 already (submitIdentity → adoptVerifiedSelf).
  const { items } = (await call(w, 'patients', 'list', {}, alice)) as {
    items: Array<{ id: string; relation: string }>;
  };
  const self = items.find((p) => p.relation === '本人')!;
  await call(
    w,
    'patients',
    'add',
    {
      relation: '父母',
      name: '欧阳建国',
      document: { idType: 'id_card', idNumber: FATHER_ID },
      phone: '13900000009',
      allergies: '青霉素',
      declaration: { agreed: true },
    },
    alice,
  );
  const report = (await call(
    w,
    'records',
    'create',
    {
      patientId: self.id,
      kind: '检查报告',
      date: '2026-11-20',
      hospital: { name: '复旦大学附属华山医院' },
      department: '皮肤科',
      diagnosis: '湿疹',
      notes: '血常规正常',
    },
    alice,
  )) as { id: string };
  await call(
    w,
    'records',
    'uploadAttachment',
    { recordId: report.id, file: upload('jpeg', 300, 11) },
    alice,
  );
  await call(w, 'records', 'uploadAttachment', { recordId: report.id, file: pdfUpload() }, alice);
  await call(w, 'records', 'share', { consultId: aliceWaiting, recordIds: [report.id] }, alice);
  await call(w, 'records', 'sharedGet', { consultId: aliceWaiting, recordId: report.id }, drWang);

  const eveSelf = (await call(
    w,
    'patients',
    'add',
    {
      relation: '本人',
      name: '伊娃',
      document: { idType: 'id_card', idNumber: idNumber('310104', '19900101', '022') },
    },
    eve,
  )) as { id: string };
  const eveRecord = (await call(
    w,
    'records',
    'create',
    { patientId: eveSelf.id, kind: '门诊记录', date: '2026-11-01', hospital: { name: '社区医院' } },
    eve,
  )) as { id: string };
  await call(w, 'records', 'share', { consultId: eveWithAlice, recordIds: [eveRecord.id] }, eve);
  await call(w, 'records', 'sharedGet', { consultId: eveWithAlice, recordId: eveRecord.id }, alice);
}
