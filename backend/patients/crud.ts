import { MAX_PATIENT_ADDS_PER_MONTH, MAX_PATIENTS } from '../../contract/patients/items';
import { PATIENTS } from '../collections';
import type { Handler } from '../core/action';
import type { Ctx } from '../core/context';
import { invalid } from '../core/errors';
import { DuplicateIdError } from '../ports/document-store';
import { requireTrustedAccount } from '../user/account';
import { portOf } from '../user/ports';
import { takeMonthly } from '../user/rate-limit';
import { patientError, patientNotFound } from './errors';
import {
  chinaToday,
  documentHashOf,
  loadOwnPatient,
  patientContext,
  slotId,
  type PatientDoc,
} from './model';
import { declarationFor, resolveDocument, type ResolvedDocument } from './rules';
import { isVerified, verifiedSelf } from './self';
import { patientText, toPatientView } from './view';

/** Health information (PIPL art. 28): the health-consent requirement applies to every action here. */

const ownPatients = (ctx: Ctx, owner: string) =>
  ctx.store.find<PatientDoc>(PATIENTS.name, { owner }, { limit: MAX_PATIENTS + 1 });

const selfFirst = (a: PatientDoc, b: PatientDoc) =>
  Number(b.relation === '本人') - Number(a.relation === '本人') ||
  a.createdAt.localeCompare(b.createdAt);

export const list: Handler<'patients', 'list'> = async (ctx) => {
  const { caller } = await requireTrustedAccount(ctx);
  const docs = await ownPatients(ctx, caller.openid);
  return { items: docs.sort(selfFirst).map((d) => toPatientView(ctx, d)), max: MAX_PATIENTS };
};

export const get: Handler<'patients', 'get'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const doc = await loadOwnPatient(ctx, caller.openid, input.patientId);
  if (!doc) throw patientNotFound();
  return toPatientView(ctx, doc);
};

/** The same document twice in one account is one person added twice. */
function refuseDuplicate(others: PatientDoc[], hash: string | null): void {
  if (hash && others.some((p) => p.documentHash === hash))
    throw patientError('CONFLICT', 'duplicate_document');
}

export const add: Handler<'patients', 'add'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const owner = caller.openid;
  const crypto = portOf(ctx, 'crypto');
  const now = ctx.clock.now();
  const at = now.toISOString();
  const existing = await ownPatients(ctx, owner);
  if (existing.length >= MAX_PATIENTS)
    throw patientError('FAILED_PRECONDITION', 'patient_limit', { max: MAX_PATIENTS });

  let person: { name: string; document: ResolvedDocument };
  if (input.fromIdentity) person = await verifiedSelf(ctx, owner);
  else {
    if (input.name === undefined || input.document === undefined)
      throw invalid('data.document', '请填写姓名和证件信息');
    // IDV: a verified account's 本人 is the verified identity, never a typed one.
    if (input.relation === '本人' && (await isVerified(ctx, owner)))
      throw patientError('FAILED_PRECONDITION', 'self_from_identity');
    person = { name: input.name, document: resolveDocument(input.document, chinaToday(now)) };
  }
  if (input.relation === '本人' && existing.some((p) => p.relation === '本人'))
    throw patientError('CONFLICT', 'self_exists');
  const { document } = person;
  const documentHash = document.idNumber
    ? documentHashOf(crypto, owner, document.idType, document.idNumber)
    : null;
  refuseDuplicate(existing, documentHash);
  const declaration = declarationFor(
    input.relation,
    document.birthDate,
    chinaToday(now),
    input.declaration,
    null,
    at,
  );

  const build = (slot: number): PatientDoc => {
    const id = slotId(crypto, owner, slot);
    const enc = (field: string, text: string) => crypto.encrypt(text, patientContext(id, field));
    return {
      _id: id,
      owner,
      slot,
      relation: input.relation,
      idType: document.idType,
      nameEnc: enc('nameEnc', person.name),
      idNumberEnc: document.idNumber === null ? null : enc('idNumberEnc', document.idNumber),
      documentHash,
      birthDate: document.birthDate,
      sex: document.sex,
      phoneEnc: input.phone ? enc('phoneEnc', input.phone) : null,
      allergiesEnc: enc('allergiesEnc', input.allergies ?? ''),
      chronicEnc: enc('chronicEnc', input.chronicConditions ?? ''),
      fromIdentity: input.fromIdentity === true,
      declaration,
      createdAt: at,
      updatedAt: at,
    };
  };
  // Anti-scalping (issue 13): counted once the request is otherwise valid, so a typo costs
  // nothing, and kept after removal, so add → remove cycles stay capped.
  await takeMonthly(ctx, {
    kind: 'patients_monthly',
    subject: owner,
    max: MAX_PATIENT_ADDS_PER_MONTH,
  });
  // The cap: each 就诊人 takes one of MAX_PATIENTS slots; a slot taken meanwhile is a duplicate id.
  const taken = new Set(existing.map((p) => p.slot));
  for (let slot = 0; slot < MAX_PATIENTS; slot++) {
    if (taken.has(slot)) continue;
    const doc = build(slot);
    try {
      await ctx.store.insert(PATIENTS.name, doc);
      return toPatientView(ctx, doc);
    } catch (err) {
      if (!(err instanceof DuplicateIdError)) throw err;
    }
  }
  throw patientError('FAILED_PRECONDITION', 'patient_limit', { max: MAX_PATIENTS });
};

export const update: Handler<'patients', 'update'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const owner = caller.openid;
  const crypto = portOf(ctx, 'crypto');
  const doc = await loadOwnPatient(ctx, owner, input.patientId);
  if (!doc) throw patientNotFound();
  const now = ctx.clock.now();
  const at = now.toISOString();
  const relation = input.relation ?? doc.relation;
  if (
    doc.fromIdentity &&
    (input.name !== undefined || input.document !== undefined || relation !== '本人')
  )
    throw patientError('FAILED_PRECONDITION', 'identity_locked');
  const others = (await ownPatients(ctx, owner)).filter((p) => p._id !== doc._id);
  if (relation === '本人' && doc.relation !== '本人') {
    if (await isVerified(ctx, owner))
      throw patientError('FAILED_PRECONDITION', 'self_from_identity');
    if (others.some((p) => p.relation === '本人')) throw patientError('CONFLICT', 'self_exists');
  }
  const document: ResolvedDocument = input.document
    ? resolveDocument(input.document, chinaToday(now))
    : {
        idType: doc.idType,
        idNumber: patientText(ctx, doc, 'idNumberEnc'),
        birthDate: doc.birthDate,
        sex: doc.sex,
      };
  const documentHash = document.idNumber
    ? documentHashOf(crypto, owner, document.idType, document.idNumber)
    : null;
  refuseDuplicate(others, documentHash);
  const declaration = declarationFor(
    relation,
    document.birthDate,
    chinaToday(now),
    input.declaration,
    doc.declaration,
    at,
  );
  const enc = (field: string, text: string) => crypto.encrypt(text, patientContext(doc._id, field));
  const set: Partial<PatientDoc> = {
    relation,
    idType: document.idType,
    birthDate: document.birthDate,
    sex: document.sex,
    documentHash,
    declaration,
    updatedAt: at,
  };
  if (input.name !== undefined) set.nameEnc = enc('nameEnc', input.name);
  if (input.document !== undefined)
    set.idNumberEnc = document.idNumber === null ? null : enc('idNumberEnc', document.idNumber);
  if (input.phone !== undefined)
    set.phoneEnc = input.phone === null ? null : enc('phoneEnc', input.phone);
  if (input.allergies !== undefined) set.allergiesEnc = enc('allergiesEnc', input.allergies);
  if (input.chronicConditions !== undefined)
    set.chronicEnc = enc('chronicEnc', input.chronicConditions);
  if (!(await ctx.store.update(PATIENTS.name, doc._id, { set }))) throw patientNotFound();
  return toPatientView(ctx, { ...doc, ...set });
};
