/**
 * SEC/IDV (issue 15): consult photos — health data, sensitive personal information — lay on
 * disk as plain images while identity photos were encrypted. Now every health attachment is
 * encrypted at rest; only the owner-bound link decrypts it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createFileLinks } from '../../../backend/adapters/local/file-links';
import { sniffImageType } from '../../../contract/user/image';
import type { ConsultView, MessageView, Picture } from '../../../contract/consult/views';
import {
  activeConsult,
  alice,
  consultWorldEachTest,
  createConsult,
  drLi,
  eve,
  drWang,
  expectOk,
  imageBytes,
  upload,
  type ConsultEnv,
} from './support';

let env: ConsultEnv;
consultWorldEachTest((made) => (env = made));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

it('no consult picture is readable on disk; its link is bound to the viewer and decrypts', async () => {
  const photo = expectOk<Picture>(
    await env.consult('uploadAttachment', { image: upload('jpeg', 4096, 0x5a) }, alice),
  );
  const c = await activeConsult(env);
  const withPhoto = expectOk<ConsultView>(
    await env.consult('create', {
      doctorId: 'd-free',
      patient: { kind: 'self' },
      description: '背部皮疹两周，附照片一张请医生查看。',
      photoKeys: [photo.key],
    }),
  );
  const sent = expectOk<Picture>(
    await env.consult('uploadAttachment', { image: upload('png', 4096, 0x6b) }, drWang),
  );
  const message = expectOk<MessageView>(
    await env.consult(
      'sendMessage',
      { consultId: c.id, clientMsgId: 'pic-00000001', imageKey: sent.key },
      drWang,
    ),
  );

  const files = filesUnder(env.filesDir);
  expect(files.length).toBeGreaterThanOrEqual(2);
  for (const file of files) {
    const bytes = readFileSync(file);
    const name = relative(env.filesDir, file);
    expect({ name, type: sniffImageType(bytes.subarray(0, 12)) }).toEqual({ name, type: null });
    for (const fill of [0x5a, 0x6b])
      expect({ name, plain: bytes.includes(imageBytes('jpeg', 64, fill).subarray(8)) }).toEqual({
        name,
        plain: false,
      });
  }

  const links = createFileLinks(env.crypto);
  for (const picture of [withPhoto.photos[0], message.image]) {
    const token = (picture?.url ?? '').replace(/^\/files\//, '');
    expect(links.verify(token, env.clock.now())).toMatchObject({ decrypt: true });
  }
});

it('getAttachment gives the plaintext to either participant and NOT_FOUND to anyone else', async () => {
  const c = await activeConsult(env);
  const original = upload('webp', 2048, 0x33);
  const pic = expectOk<Picture>(await env.consult('uploadAttachment', { image: original }, alice));
  // Not attached yet: not part of any consult.
  const ask = (who: typeof alice, consultId = c.id) =>
    env.consult('getAttachment', { consultId, key: pic.key }, who);
  expect(await ask(alice)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expectOk(
    await env.consult('sendMessage', {
      consultId: c.id,
      clientMsgId: 'pic-00000002',
      imageKey: pic.key,
    }),
  );
  for (const who of [alice, drWang])
    expect(expectOk(await ask(who))).toEqual({
      contentType: 'image/webp',
      contentBase64: original.contentBase64,
    });
  for (const who of [eve, drLi])
    expect(await ask(who)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  const other = await createConsult(env, eve);
  expect(await ask(eve, other.id)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});
