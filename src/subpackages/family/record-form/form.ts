import { RECORD_TEXT, type RecordKind } from '../../../../contract/records/items';
import type { InputOf } from '../../../../contract';
import { dateError } from '../dates';

export interface RecordFormState {
  kind: RecordKind | '';
  date: string;
  hospital: string;
  department: string;
  diagnosis: string;
  notes: string;
}

export type RecordFormErrors = Partial<Record<keyof RecordFormState, string>>;
type CreateInput = InputOf<'records', 'create'>;

const chars = (s: string) => [...s.trim()].length;

function tooLong(value: string, max: number, label: string): string | null {
  return chars(value) > max ? `${label}不能超过 ${max} 个字` : null;
}

/** The create action's input, or what to fix — checked as the server will. */
export function readRecordForm(
  patientId: string,
  form: RecordFormState,
  today: string,
): { input: CreateInput } | { errors: RecordFormErrors } {
  const errors: RecordFormErrors = {};
  if (!form.kind) errors.kind = '请选择病历类型';
  const date = dateError(form.date.trim(), today, '就诊日期');
  if (date) errors.date = date;
  if (!form.hospital.trim()) errors.hospital = '请填写医院名称';
  const checks = [
    ['hospital', tooLong(form.hospital, RECORD_TEXT.hospital, '医院名称')],
    ['department', tooLong(form.department, RECORD_TEXT.department, '科室')],
    ['diagnosis', tooLong(form.diagnosis, RECORD_TEXT.diagnosis, '诊断')],
    ['notes', tooLong(form.notes, RECORD_TEXT.notes, '备注')],
  ] as const;
  for (const [field, error] of checks) if (error) errors[field] = error;
  if (Object.keys(errors).length || !form.kind) return { errors };
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    input: {
      patientId,
      kind: form.kind,
      date: form.date.trim(),
      hospital: { name: form.hospital.trim() },
      department: optional(form.department),
      diagnosis: optional(form.diagnosis),
      notes: optional(form.notes),
    },
  };
}
