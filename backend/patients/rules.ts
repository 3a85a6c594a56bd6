import { ageOn, checkIdNumber } from '../../contract/user/id-number';
import {
  GUARDIAN_AGE,
  NO_DOCUMENT_MAX_AGE,
  type IdType,
  type Relation,
} from '../../contract/patients/items';
import type { DocumentInput } from '../../contract/patients/schemas';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { patientFieldError } from './errors';
import type { PatientDoc } from './model';

/** A document as stored: number (null for 'none'), birth date and sex. */
export interface ResolvedDocument {
  idType: IdType;
  idNumber: string | null;
  birthDate: string;
  sex: 'male' | 'female';
}

/** GB 11643: the 17th digit is odd for men, even for women. */
const sexOfIdNumber = (id: string): 'male' | 'female' =>
  Number(id[16]) % 2 === 1 ? 'male' : 'female';

/**
 * Birth date and sex from a 居民身份证 (the contract checked its checksum), or as given for
 * other documents; none of them after today, and no document only for a child.
 */
export function resolveDocument(input: DocumentInput, today: string): ResolvedDocument {
  let doc: ResolvedDocument;
  if (input.idType === 'id_card') {
    const check = checkIdNumber(input.idNumber);
    // Unreachable after the contract's parse; kept so a bad call cannot store a bad number.
    if (!check.ok) throw patientFieldError('data.document.idNumber', 'document_required');
    doc = {
      idType: 'id_card',
      idNumber: input.idNumber,
      birthDate: check.birthDate,
      sex: sexOfIdNumber(input.idNumber),
    };
  } else if (input.idType === 'none') {
    doc = { idType: 'none', idNumber: null, birthDate: input.birthDate, sex: input.sex };
  } else {
    doc = { ...input };
  }
  const age = ageOn(doc.birthDate, today);
  if (age < 0) throw patientFieldError('data.document', 'birth_in_future');
  if (doc.idType === 'none' && age >= NO_DOCUMENT_MAX_AGE)
    throw patientFieldError('data.document.idType', 'document_required');
  return doc;
}

export interface DeclarationInput {
  agreed?: true;
  guardian?: true;
}

/**
 * PIPL art. 13/31: another person's information is given by the holder on their behalf. 14
 * or older: the holder declares the person agreed. Under 14: the guardian's consent, and
 * only as 子女 — or as 兄弟姐妹/其他, where the same tick is the explicit guardian
 * declaration; never as 父母 or 配偶. A declaration already on record of the right kind
 * stands. 本人 needs none.
 */
export function declarationFor(
  relation: Relation,
  birthDate: string,
  today: string,
  given: DeclarationInput | undefined,
  previous: PatientDoc['declaration'],
  at: string,
): PatientDoc['declaration'] {
  if (relation === '本人') return null;
  const child = ageOn(birthDate, today) < GUARDIAN_AGE;
  if (child && (relation === '父母' || relation === '配偶'))
    throw patientFieldError('data.relation', 'child_relation');
  const kind = child ? 'guardian' : 'agreed';
  if (given?.[kind]) return { kind, at, policyVersion: POLICY_VERSION };
  if (previous?.kind === kind) return previous;
  throw patientFieldError(
    `data.declaration.${kind}`,
    child ? 'guardian_required' : 'declaration_required',
  );
}
