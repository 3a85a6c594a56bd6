/**
 * IDV, issue 11 point 9: no more kept than needed. The ID and face photos exist only while the
 * verifier looks at them; afterwards — verified, failed, or the verifier down — only the
 * result, the date, the verifier's name and the encrypted name and ID number remain.
 */
import { readdirSync } from 'node:fs';
import { IDENTITIES } from '../../../backend/collections';
import type { IdentityVerifier } from '../../../backend/ports/identity-verifier';
import { ENTERED_CATEGORIES } from '../../../contract/privacy/entered';
import { ACTION_REQUIREMENTS } from '../../../contract/privacy/requirements';
import type { IdentityView } from '../../../contract/user';
import { expectOk, makeEnv, type TestEnv } from '../support/env';
import {
  alice,
  ALICE_PHONE,
  expectError,
  freshEnvEachTest,
  idNumber,
  registerUser,
  upload,
  userCall,
} from './support';

let env: TestEnv;
freshEnvEachTest(makeEnv, (made) => (env = made));

const ADULT_ID = idNumber('310104', '19900307', '123');
const submit = (over: Record<string, unknown> = {}) =>
  userCall(env, 'submitIdentity', {
    name: '张三丰',
    idNumber: ADULT_ID,
    idPhoto: upload('jpeg', 4000, 0x11),
    facePhoto: upload('png', 3000, 0x22),
    consent: true,
    ...over,
  });

const filesOnDisk = () =>
  readdirSync(env.filesDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

/** The verifier of this env, watched: which keys it was given and whether they were there. */
function watchVerifier() {
  const verifier: IdentityVerifier = env.ctx().verifier!;
  const seen: Array<{ key: string; presentDuringCheck: boolean }> = [];
  const real = verifier.verify.bind(verifier);
  const spy = jest.spyOn(verifier, 'verify').mockImplementation(async (claim) => {
    for (const key of [claim.idPhotoKey, claim.facePhotoKey])
      seen.push({ key, presentDuringCheck: (await env.files.get(key)) !== null });
    return real(claim);
  });
  return { verifier, seen, spy };
}

async function identityDoc() {
  return env.store.get<Record<string, unknown> & { _id: string }>(IDENTITIES.name, alice.openid);
}

beforeEach(async () => {
  await registerUser(env, alice, ALICE_PHONE);
});

it.each([
  ['verified', {}],
  ['failed', { idNumber: idNumber('310104', '20100101') }],
])(
  '%s: the photos were there for the verifier and are gone from the FileStore after',
  async (status, over) => {
    const { seen } = watchVerifier();
    expect(expectOk<IdentityView>(await submit(over)).status).toBe(status);
    // The built-in verifier answers underage before it reads photos; either way it was given two.
    expect(seen).toHaveLength(2);
    if (status === 'verified') expect(seen.every((s) => s.presentDuringCheck)).toBe(true);
    for (const { key } of seen) expect(await env.files.get(key)).toBeNull();
    expect(filesOnDisk()).toEqual([]);

    const doc = await identityDoc();
    expect(Object.keys(doc!).sort()).toEqual(
      [
        '_id',
        'owner',
        'status',
        'reason',
        'nameEnc',
        'idNumberEnc',
        'verifier',
        'consentAt',
        'submittedAt',
      ].sort(),
    );
    expect(doc).toMatchObject({ status, verifier: 'builtin-local-only-v2' });
    expect(JSON.stringify(doc)).not.toMatch(/Photo/);
  },
);

it('a verifier that throws still leaves no photo, and no record of a result', async () => {
  const { seen, spy } = watchVerifier();
  spy.mockImplementationOnce(async (claim) => {
    seen.push({ key: claim.idPhotoKey, presentDuringCheck: true });
    seen.push({ key: claim.facePhotoKey, presentDuringCheck: true });
    throw new Error('faceid unreachable');
  });
  expectError(await submit(), 'INTERNAL');
  expect(seen).toHaveLength(2);
  for (const { key } of seen) expect(await env.files.get(key)).toBeNull();
  expect(filesOnDisk()).toEqual([]);
  expect(await identityDoc()).toBeNull();
  // The user may try again once the service is back.
  expect(expectOk<IdentityView>(await submit()).status).toBe('verified');
  expect(filesOnDisk()).toEqual([]);
});

it('a record from when photos were kept loses them on the next submission', async () => {
  expectOk(await submit({ idNumber: idNumber('310104', '20100101') }));
  const legacyKey = 'u/legacy/identity/old.bin';
  await env.files.put(legacyKey, Buffer.from('old ciphertext'), 'application/octet-stream');
  await env.store.update(IDENTITIES.name, alice.openid, {
    set: { idPhotoKey: legacyKey, idPhotoType: 'image/jpeg' },
  });
  expect(expectOk<IdentityView>(await submit()).status).toBe('verified');
  expect(await env.files.get(legacyKey)).toBeNull();
  expect(JSON.stringify(await identityDoc())).not.toMatch(/Photo/);
});

it('getIdentityPhoto is gone from the wire: NOT_FOUND, as any unknown action', async () => {
  expectOk(await submit());
  expectError(await userCall(env, 'getIdentityPhoto', { which: 'idPhoto' }), 'NOT_FOUND');
});

it('the view offers no photo, and names the verifier', async () => {
  const view = expectOk<IdentityView>(await submit());
  expect(view).not.toHaveProperty('photos');
  expect(view.verifier).toBe('builtin-local-only-v2');
});

it('the promise in the privacy lists names this deletion', () => {
  const identity = ENTERED_CATEGORIES.find((c) => c.id === 'identity');
  expect(identity?.enforcedBy).toContain('after-verification');
  expect(identity?.retention).toContain('证件照和人脸照在核验完成后');
});

it('verified stays verified when making 本人 fails; the next list has no half-made 就诊人', async () => {
  const insert = env.store.insert.bind(env.store);
  jest.spyOn(env.store, 'insert').mockImplementation(async (collection, doc) => {
    if (collection === 'patients') throw new Error('store unavailable');
    return insert(collection, doc);
  });
  expect(expectOk<IdentityView>(await submit()).status).toBe('verified');
  expect(await env.store.count('patients', {})).toBe(0);
  expect(filesOnDisk()).toEqual([]);
});

it('as the page promises, no consultation action requires a verified identity', () => {
  for (const fn of ['consult', 'call'] as const)
    for (const [action, row] of Object.entries(ACTION_REQUIREMENTS[fn]))
      expect([`${fn}.${action}`, row.needs.includes('identity')]).toEqual([
        `${fn}.${action}`,
        false,
      ]);
});
