/**
 * The 就诊人 / 个人病历 test world: the consult world (two patients alice and eve, two
 * doctors 王医生 and 李医生, all registered through the user function) plus helpers to
 * call the patients and records functions and to snapshot what they store.
 */
import {
  MEDICAL_RECORDS,
  PATIENTS,
  RECORD_ACCESS_LOG,
  RECORD_SHARES,
} from '../../../backend/collections';
import type { Caller } from '../../../backend/core/context';
import type { PatientView } from '../../../contract/patients';
import type { RecordView } from '../../../contract/records';
import type { Envelope } from '../../../contract/envelope';
import { dumpFiles } from '../account/traces';
import { alice, expectOk, type ConsultEnv } from '../consult/support';
import { idNumber, upload } from '../user/support';

export * from '../consult/support';
export { idNumber, upload };

export const FATHER_ID = idNumber('310115', '19580301', '013');
// The 17th digit is even: a woman (GB 11643).
export const ALICE_ID = idNumber('310115', '19850612', '048');
export const ALICE_NAME = '欧阳娜娜';

export const patients = (env: ConsultEnv, action: string, data: unknown, who: Caller = alice) =>
  env.call('patients', { action, data }, who);
export const records = (env: ConsultEnv, action: string, data: unknown, who: Caller = alice) =>
  env.call('records', { action, data }, who);

export const FATHER = {
  relation: '父母',
  name: '张建国',
  document: { idType: 'id_card', idNumber: FATHER_ID },
  phone: '13900000009',
  allergies: '青霉素过敏',
  chronicConditions: '高血压',
  declaration: { agreed: true },
};

export async function addFather(env: ConsultEnv, who: Caller = alice): Promise<PatientView> {
  return expectOk<PatientView>(await patients(env, 'add', FATHER, who));
}

export const REPORT = {
  kind: '检查报告',
  date: '2026-11-20',
  hospital: { name: '复旦大学附属华山医院' },
  department: '心内科',
  diagnosis: '窦性心律',
  notes: '心电图未见异常',
};

export async function addReport(
  env: ConsultEnv,
  patientId: string,
  who: Caller = alice,
  over: object = {},
): Promise<RecordView> {
  return expectOk<RecordView>(await records(env, 'create', { patientId, ...REPORT, ...over }, who));
}

/** A PDF as a scanner makes it: the magic bytes, then anything. */
export function pdfUpload(fill = 0x20, size = 400) {
  const bytes = Buffer.alloc(size, fill);
  Buffer.from('%PDF-1.4\n').copy(bytes);
  return { contentBase64: bytes.toString('base64'), contentType: 'application/pdf' };
}

/** IDV through the user function (the built-in verifier accepts a well-formed claim). */
export async function verifyIdentity(
  env: ConsultEnv,
  who: Caller = alice,
  id: string = ALICE_ID,
): Promise<void> {
  expectOk(
    await env.call(
      'user',
      {
        action: 'submitIdentity',
        data: {
          name: ALICE_NAME,
          idNumber: id,
          idPhoto: upload('jpeg', 300, 3),
          facePhoto: upload('jpeg', 300, 4),
          consent: true,
        },
      },
      who,
    ),
  );
}

/** Everything the two functions store, rows and files, to prove a refusal changed nothing. */
export async function snapshot(env: ConsultEnv): Promise<string> {
  const rows: Record<string, unknown> = {};
  for (const c of [PATIENTS, MEDICAL_RECORDS, RECORD_SHARES, RECORD_ACCESS_LOG])
    rows[c.name] = await env.store.find(c.name, {}, { sort: [['_id', 'asc']], limit: 10_000 });
  return JSON.stringify({ rows, files: [...dumpFiles(env.filesDir)].sort() });
}

/** The answer as one string, to look for leaks in it. */
export const text = (r: Envelope<unknown>) => JSON.stringify(r);
