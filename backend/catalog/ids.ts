import { createHash } from 'node:crypto';

/** Stable ids from natural keys, so a re-import updates instead of duplicating. */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

export const hospitalIdOf = (name: string) => `h_${digest(name)}`;
export const doctorIdOf = (hospitalId: string, department: string, name: string) =>
  `d_${digest(`${hospitalId}|${department}|${name}`)}`;
export const departmentIdOf = (name: string) => `dep_${digest(name)}`;
