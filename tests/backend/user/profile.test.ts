/** CAM/ALB: nickname and avatar through the FileStore. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createFileLinks } from '../../../backend/adapters/local/file-links';
import { USERS } from '../../../backend/collections';
import type { Profile } from '../../../contract/user';
import { makeEnv, expectOk, type TestEnv } from '../support/env';
import {
  alice,
  ALICE_PHONE,
  expectError,
  freshEnvEachTest,
  imageBytes,
  registerUser,
  upload,
  userCall,
} from './support';

let env: TestEnv;
freshEnvEachTest(
  makeEnv,
  (made) => (env = made),
  (made) => registerUser(made, alice, ALICE_PHONE),
);

const update = (data: unknown) => userCall(env, 'updateProfile', data);
const avatarKeyOf = async () =>
  (await env.store.get<{ _id: string; avatarKey: string | null }>(USERS.name, alice.openid))
    ?.avatarKey;

function filesOnDisk(dir = env.filesDir): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('updateProfile', () => {
  it('sets a trimmed nickname', async () => {
    const profile = expectOk<Profile>(await update({ nickname: '  小明 🙂  ' }));
    expect(profile).toEqual({ nickname: '小明 🙂', avatarUrl: null, phoneMasked: '138****5678' });
  });

  it('counts characters, not UTF-16 units: 20 emoji fit, 21 characters do not', async () => {
    expectOk(await update({ nickname: '😀'.repeat(20) }));
    expectError(await update({ nickname: '字'.repeat(21) }), 'INVALID_ARGUMENT');
  });

  it('stores the avatar under a generated name and links to it for a while', async () => {
    const profile = expectOk<Profile>(await update({ avatar: upload('png', 1000) }));
    const key = await avatarKeyOf();
    expect(key).toMatch(/^u\/[a-f0-9]{32}\/avatar\/[a-f0-9]{24}\.png$/);
    expect(key).not.toContain(alice.openid);
    expect(profile.avatarUrl).toMatch(/^\/files\/[A-Za-z0-9_-]+\.[a-f0-9]{64}$/);
    const token = profile.avatarUrl!.slice('/files/'.length);
    const claims = createFileLinks(env.crypto).verify(token, env.clock.now());
    expect(claims).toMatchObject({ key, ownerHash: null, decrypt: false });
    expect((await env.files.get(key!))?.bytes.equals(imageBytes('png', 1000))).toBe(true);
    // The link is short-lived: an hour.
    env.clock.advance(3_601_000);
    expect(createFileLinks(env.crypto).verify(token, env.clock.now())).toBeNull();
  });

  it('a new avatar replaces the old file', async () => {
    expectOk(await update({ avatar: upload('png') }));
    const first = await avatarKeyOf();
    expectOk(await update({ avatar: upload('webp') }));
    const second = await avatarKeyOf();
    expect(second).toMatch(/\.webp$/);
    expect(await env.files.get(first!)).toBeNull();
    expect(filesOnDisk()).toHaveLength(1);
  });

  it('accepts exactly 2 MB and refuses one byte more', async () => {
    expectOk(await update({ avatar: upload('jpeg', 2 * 1024 * 1024) }));
    const err = expectError(
      await update({ avatar: upload('jpeg', 2 * 1024 * 1024 + 1) }),
      'INVALID_ARGUMENT',
    );
    expect(err.message).toContain('data.avatar.contentBase64');
  });

  it('judges the type by the bytes: a PNG declared as JPEG is refused, nothing stored', async () => {
    const png = upload('png');
    const err = expectError(
      await update({ avatar: { ...png, contentType: 'image/jpeg' } }),
      'INVALID_ARGUMENT',
    );
    expect(err.details?.issues).toEqual([
      {
        path: 'data.avatar.contentType',
        message: '文件内容是 PNG 图片，与声明的类型 image/jpeg 不符',
      },
    ]);
    const gif = Buffer.from('GIF89a' + 'x'.repeat(100)).toString('base64');
    expectError(
      await update({ avatar: { contentBase64: gif, contentType: 'image/png' } }),
      'INVALID_ARGUMENT',
    );
    expect(filesOnDisk()).toEqual([]);
  });

  it('needs something to change', async () => {
    const err = expectError(await update({}), 'INVALID_ARGUMENT');
    expect(err.details?.issues).toEqual([{ path: 'data', message: '请修改昵称或头像' }]);
  });
});
