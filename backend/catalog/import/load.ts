import type { z } from 'zod';
import { parseCsv, CsvSyntaxError } from './csv';
import {
  doctorRowSchema,
  HOSPITAL_CSV_COLUMNS,
  hospitalRowSchema,
  normaliseHospitalKeys,
  type DoctorRow,
  type HospitalRow,
} from './rows';

/** One problem in an import file: where (CSV line or JSON pointer), which field, what. */
export interface RowProblem {
  where: string;
  field: string;
  message: string;
}

/** A valid row and where it came from, for problems found across rows later. */
export interface Located<T> {
  where: string;
  row: T;
}

export interface ParsedImport {
  hospitals: Located<HospitalRow>[];
  doctors: Located<DoctorRow>[];
  problems: RowProblem[];
}

function problemsOf(error: z.ZodError, where: string): RowProblem[] {
  return error.issues.map((issue) => {
    const keys =
      issue.code === 'unrecognized_keys' && 'keys' in issue ? (issue.keys as string[]) : [];
    const field = keys.length > 0 ? keys.join(',') : issue.path.map(String).join('.') || '(row)';
    return { where, field, message: keys.length > 0 ? '未知字段' : issue.message };
  });
}

export function parseHospitalCsv(text: string): ParsedImport {
  const result: ParsedImport = { hospitals: [], doctors: [], problems: [] };
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) {
      result.problems.push({ where: `第 ${err.line} 行`, field: '(csv)', message: '引号没有闭合' });
      return result;
    }
    throw err;
  }
  const [header, ...rows] = records;
  if (!header) {
    result.problems.push({ where: '第 1 行', field: '(header)', message: '文件是空的' });
    return result;
  }
  const columns = header.fields.map((f) => f.trim());
  const missing = HOSPITAL_CSV_COLUMNS.filter((c) => !columns.includes(c));
  const unknown = columns.filter((c) => !(HOSPITAL_CSV_COLUMNS as readonly string[]).includes(c));
  if (missing.length > 0 || unknown.length > 0) {
    const message = [
      missing.length > 0 ? `缺少列 ${missing.join(', ')}` : '',
      unknown.length > 0 ? `未知列 ${unknown.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('；');
    result.problems.push({ where: `第 ${header.line} 行`, field: '(header)', message });
    return result;
  }
  for (const record of rows) {
    const where = `第 ${record.line} 行`;
    if (record.fields.length !== columns.length) {
      result.problems.push({
        where,
        field: '(row)',
        message: `应有 ${columns.length} 列，实际 ${record.fields.length} 列`,
      });
      continue;
    }
    const raw = Object.fromEntries(columns.map((c, i) => [c, record.fields[i]]));
    const parsed = hospitalRowSchema.safeParse(raw);
    if (parsed.success) result.hospitals.push({ where, row: parsed.data });
    else result.problems.push(...problemsOf(parsed.error, where));
  }
  return result;
}

export function parseCatalogJson(text: string): ParsedImport {
  const result: ParsedImport = { hospitals: [], doctors: [], problems: [] };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    result.problems.push({
      where: '(file)',
      field: '(json)',
      message: `不是合法的 JSON: ${(err as Error).message}`,
    });
    return result;
  }
  const container = Array.isArray(body) ? { hospitals: body } : body;
  if (typeof container !== 'object' || container === null) {
    result.problems.push({
      where: '(file)',
      field: '(json)',
      message: '应为 { hospitals: [...], doctors: [...] }',
    });
    return result;
  }
  const { hospitals = [], doctors = [], ...rest } = container as Record<string, unknown>;
  for (const key of Object.keys(rest)) {
    result.problems.push({
      where: `/${key}`,
      field: key,
      message: '未知字段（只接受 hospitals 和 doctors）',
    });
  }
  for (const [name, list] of [
    ['hospitals', hospitals],
    ['doctors', doctors],
  ] as const) {
    if (!Array.isArray(list)) {
      result.problems.push({ where: `/${name}`, field: name, message: '必须是数组' });
    }
  }
  if (result.problems.length > 0) return result;
  (hospitals as unknown[]).forEach((row, i) => {
    const where = `/hospitals/${i}`;
    const input =
      typeof row === 'object' && row !== null
        ? normaliseHospitalKeys(row as Record<string, unknown>)
        : row;
    const parsed = hospitalRowSchema.safeParse(input);
    if (parsed.success) result.hospitals.push({ where, row: parsed.data });
    else result.problems.push(...problemsOf(parsed.error, where));
  });
  (doctors as unknown[]).forEach((row, i) => {
    const where = `/doctors/${i}`;
    const parsed = doctorRowSchema.safeParse(row);
    if (parsed.success) result.doctors.push({ where, row: parsed.data });
    else result.problems.push(...problemsOf(parsed.error, where));
  });
  return result;
}

/** Cross-row checks: no hospital twice in one file. */
export function checkDuplicates(parsed: ParsedImport): RowProblem[] {
  const seen = new Map<string, string>();
  const problems: RowProblem[] = [];
  for (const { where, row } of parsed.hospitals) {
    const first = seen.get(row.name);
    if (first) problems.push({ where, field: 'name', message: `与 ${first} 的医院重名` });
    else seen.set(row.name, where);
  }
  return problems;
}
