import { SENSITIVE_CONSENTS } from '../../../contract/privacy/sensitive-consents';
import { DOCTORS } from '../../../backend/collections';
import type { ConsultView } from '../../../contract/consult/views';
import {
  alice,
  DESCRIPTION,
  expectError,
  expectOk,
  makeConsultEnv,
  PAID_DOCTOR,
  PRICE,
  doctorDoc,
  type ConsultEnv,
} from '../consult/support';
import { freshEnvEachTest, registerUser } from '../user/support';

let env: ConsultEnv;
freshEnvEachTest(makeConsultEnv, (made) => (env = made));

const privacy = (action: string, data: unknown) => env.call('privacy', { action, data }, alice);
const give = (item: 'health' | 'guardian', version: string = SENSITIVE_CONSENTS[item].version) =>
  privacy('recordSensitiveConsent', { item, version });
const create = (patient: Record<string, unknown> = { kind: 'self' }) =>
  env.consult('create', { doctorId: PAID_DOCTOR, patient, description: DESCRIPTION }, alice);
const child = { kind: 'other', name: '张小明', sex: 'male', age: 6 };

beforeEach(async () => {
  await env.store.insertMany(DOCTORS.name, [doctorDoc(PAID_DOCTOR, '王医生', PRICE)]);
  await registerUser(env, alice, '13812345678');
});

describe('separate consent for health information (PIPL art. 29, issue 11 point 1)', () => {
  it('no consultation without it: FAILED_PRECONDITION with a reason, and nothing stored', async () => {
    expectError(await create(), 'FAILED_PRECONDITION', {
      reason: 'health_consent_required',
      requirement: 'health',
    });
    const list = expectOk<{ items: ConsultView[] }>(await env.consult('list', {}, alice));
    expect(list.items).toEqual([]);
  });

  it('given to the current text it is recorded with its version; then the consult goes ahead', async () => {
    const state = expectOk(await give('health'));
    expect(state).toMatchObject({
      policy: true,
      health: true,
      sensitiveVersions: { health: SENSITIVE_CONSENTS.health.version },
    });
    expectOk(await create());
    const history = expectOk<{ records: Array<{ change: string; state: { health: boolean } }> }>(
      await privacy('listConsents', {}),
    );
    expect(history.records[0]).toMatchObject({ change: 'update', state: { health: true } });
  });

  it('a stale text is refused, so the user reads the current one', async () => {
    expectError(await give('health', '2020-01-01'), 'FAILED_PRECONDITION', {
      currentVersion: SENSITIVE_CONSENTS.health.version,
    });
  });

  it('withdrawn in 隐私设置, new consultations stop at once; the policy consent stays', async () => {
    expectOk(await give('health'));
    expectOk(await create());
    const after = expectOk(await privacy('withdrawConsent', { item: 'health' }));
    expect(after).toMatchObject({ policy: true, health: false });
    expectError(await create(), 'FAILED_PRECONDITION', { reason: 'health_consent_required' });
    // Reading the consultations already made does not depend on it.
    expect(expectOk<{ items: unknown[] }>(await env.consult('list', {}, alice)).items).toHaveLength(
      1,
    );
  });

  it('withdrawing the policy consent withdraws the health consent with it', async () => {
    expectOk(await give('health'));
    expect(expectOk(await privacy('withdrawConsent', { item: 'policy' }))).toMatchObject({
      policy: false,
      health: false,
    });
  });
});

describe('guardian consent for a 就诊人 under 14 (PIPL art. 31, issue 11 point 2)', () => {
  beforeEach(async () => {
    expectOk(await give('health'));
  });

  it('a child patient needs it; a 14-year-old does not', async () => {
    expectError(await create(child), 'FAILED_PRECONDITION', {
      reason: 'guardian_consent_required',
    });
    expectOk(await create({ ...child, age: 14 }));
    expectOk(await give('guardian'));
    expectOk(await create(child));
  });
});
