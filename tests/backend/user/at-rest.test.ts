/**
 * REG/IDV: after registration and identity submission, the raw SQLite file (and its WAL)
 * holds no plaintext phone number, name or ID number — in any encoding a grep would find.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeEnv, expectOk, type TestEnv } from '../support/env';
import {
  alice,
  ALICE_PHONE,
  consentToDevice,
  device,
  idNumber,
  registerUser,
  upload,
  userCall,
} from './support';

const NAME = '欧阳娜娜';
const ID = idNumber('310115', '19850612', '047');

let dir: string;
let env: TestEnv;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhuyi-at-rest-'));
  env = makeEnv(join(dir, 'zhuyi.sqlite'));
});
afterEach(() => {
  env.close();
  rmSync(dir, { recursive: true, force: true });
});

function databaseBytes(): Buffer {
  const file = join(dir, 'zhuyi.sqlite');
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

it('no plaintext phone, name or ID number in the database file or its WAL', async () => {
  await consentToDevice(env, alice);
  await registerUser(env, alice, ALICE_PHONE, device('alice-phone'));
  expectOk(await userCall(env, 'updateProfile', { nickname: '娜娜' }));
  expectOk(
    await userCall(env, 'submitIdentity', {
      name: NAME,
      idNumber: ID,
      idPhoto: upload('jpeg'),
      facePhoto: upload('png'),
      consent: true,
    }),
  );
  const bytes = databaseBytes();
  // The test would be empty if nothing reached the file: the nickname must be there.
  expect(bytes.includes(Buffer.from('娜娜'))).toBe(true);
  for (const secret of [ALICE_PHONE, NAME, ID, ID.slice(0, 17), ALICE_PHONE.slice(3)]) {
    for (const encoding of ['utf8', 'utf16le'] as const) {
      expect({ secret, encoding, found: bytes.includes(Buffer.from(secret, encoding)) }).toEqual({
        secret,
        encoding,
        found: false,
      });
    }
    expect(bytes.includes(Buffer.from(Buffer.from(secret).toString('base64')))).toBe(false);
  }
});
