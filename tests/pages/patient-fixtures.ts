/**
 * 就诊人 and 病历 as the pages see them: views shaped like contract/patients.ts and
 * contract/records.ts (masked, as the back end gives them).
 */
import type { PatientView } from '../../contract/patients';
import type { RecordView } from '../../contract/records';

export function patientView(overrides: Partial<PatientView> = {}): PatientView {
  return {
    id: 'p0000000a',
    relation: '本人',
    nameMasked: '张*',
    idType: 'id_card',
    idNumberMasked: '3101**********1234',
    birthDate: '1990-01-01',
    sex: 'male',
    age: 36,
    phoneMasked: null,
    allergies: '',
    chronicConditions: '',
    fromIdentity: false,
    declaration: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    ...overrides,
  };
}

export const FATHER = patientView({
  id: 'p0000000b',
  relation: '父母',
  nameMasked: '王*',
  idNumberMasked: '3101**********5678',
  birthDate: '1960-05-05',
  age: 66,
  allergies: '青霉素',
  declaration: { kind: 'agreed', at: '2026-12-01T00:00:00.000Z', policyVersion: '2026-12-07' },
});

export function recordView(overrides: Partial<RecordView> = {}): RecordView {
  return {
    id: 'r00000001',
    patientId: FATHER.id,
    kind: '检查报告',
    date: '2026-11-20',
    hospital: { id: null, name: '瑞金医院' },
    department: '心内科',
    diagnosis: '窦性心律',
    attachmentCount: 0,
    source: { kind: 'manual' },
    createdAt: '2026-11-21T00:00:00.000Z',
    updatedAt: '2026-11-21T00:00:00.000Z',
    notes: null,
    attachments: [],
    ...overrides,
  };
}
