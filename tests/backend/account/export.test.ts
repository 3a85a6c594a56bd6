/**
 * PIPL art. 45 (beside DEL): export gives the caller every row of theirs the personal data
 * map lists, decrypted for them, pictures as links bound to them that expire after 10
 * minutes — and nothing of anyone else's.
 */
import { createFileLinks } from '../../../backend/adapters/local/file-links';
import { PERSONAL_DATA } from '../../../backend/privacy/data-map';
import { EXPORT_LINK_TTL_SECONDS } from '../../../contract/account';
import {
  ALICE_DESCRIPTION,
  ALICE_ID,
  ALICE_NAME,
  FATHER_ID,
  seededCopyEachTest,
  type Seeded,
  verifyCode,
} from './seed';
import { alice, bob, drWang, eve, expectError, expectOk, phoneOf, type World } from './support';
import { dumpStore, rowsOf } from './traces';

interface Exported {
  exportedAt: string;
  linksExpireAt: string;
  collections: Array<{ collection: string; rows: Array<Record<string, unknown>> }>;
}

let seeded: Seeded;
let w: World;
seededCopyEachTest((copy, ids) => {
  w = copy;
  seeded = ids;
});

const rowsIn = (e: Exported, collection: string) =>
  e.collections.find((c) => c.collection === collection)?.rows ?? [];

it("holds every row of the caller's that the map lists, and only those", async () => {
  const exported = expectOk<Exported>(await w.account('export', {}));
  const mine = rowsOf(await dumpStore(w.store), alice.openid).filter(
    (m) => !m.entry.parent && m.entry.export !== false,
  );
  const collections = [
    ...new Set(
      PERSONAL_DATA.filter((e) => !e.parent && e.export !== false).map((e) => e.collection),
    ),
  ];
  expect(exported.collections.map((c) => c.collection)).toEqual(collections);
  for (const collection of collections) {
    const expected = [
      ...new Set(mine.filter((m) => m.entry.collection === collection).map((m) => m.doc._id)),
    ];
    expect({
      collection,
      ids: rowsIn(exported, collection)
        .map((r) => r._id)
        .sort(),
    }).toEqual({
      collection,
      ids: expected.sort(),
    });
    expect(expected.length).toBeGreaterThan(0);
  }
  // Her consults as a patient; eve's consult with her as the doctor is eve's record.
  expect(
    rowsIn(exported, 'consults')
      .map((r) => r._id)
      .sort(),
  ).toEqual([seeded.closed, seeded.waiting, seeded.free, seeded.video].sort());
  // Nobody else is named: not eve (whom she treated), not 王医生 (who treated her).
  expect(JSON.stringify(exported)).not.toContain(eve.openid);
  expect(JSON.stringify(exported)).not.toContain(drWang.openid);
  expect(rowsIn(exported, 'consults').find((r) => r._id === seeded.closed)).toMatchObject({
    patientOpenid: alice.openid,
    doctorOpenid: null,
  });
});

it('decrypts every encrypted field for its owner', async () => {
  const exported = expectOk<Exported>(await w.account('export', {}));
  const json = JSON.stringify(exported);
  // No ciphertext and no encrypted field name is left.
  expect(json).not.toMatch(/"z1\.[0-9a-f]{8}\./);
  expect(json).not.toMatch(/Enc"/);
  expect(rowsIn(exported, 'users')[0]).toMatchObject({ phone: phoneOf(alice), nickname: '娜娜' });
  expect(rowsIn(exported, 'identities')[0]).toMatchObject({ name: ALICE_NAME, idNumber: ALICE_ID });
  const closed = rowsIn(exported, 'consults').find((r) => r._id === seeded.closed);
  expect(closed).toMatchObject({
    description: ALICE_DESCRIPTION,
    patient: { kind: 'other', name: '欧阳小明' },
    summary: '湿疹，外用药膏一周。',
  });
  const texts = rowsIn(exported, 'consultMessages').map((m) => m.text);
  expect(texts).toContain('请看这个 http://evil.example.com/rash 上的说明');
  expect(texts).toContain('不要点 http://phish.example.net/a 这种链接');
});

it('shows pictures as links bound to the caller that stop working after 10 minutes', async () => {
  const exported = expectOk<Exported>(await w.account('export', {}));
  const links = createFileLinks(w.crypto);
  const avatar = rowsIn(exported, 'users')[0].avatarKey as { url: string; expiresAt: string };
  const image = rowsIn(exported, 'consultMessages').find((m) => m.kind === 'image')?.image as {
    fileKey: { url: string };
  };
  expect(avatar.expiresAt).toBe(exported.linksExpireAt);
  const now = w.clock.now();
  for (const url of [avatar.url, image.fileKey.url]) {
    const claims = links.verify(url.replace('/files/', ''), now);
    expect(claims).toMatchObject({ ownerHash: links.ownerHash(alice.openid) });
    // The file behind the link is there, and the link names no storage path of hers.
    expect(await w.files.get(claims?.key ?? '')).not.toBeNull();
    const later = new Date(now.getTime() + (EXPORT_LINK_TTL_SECONDS + 1) * 1000);
    expect(links.verify(url.replace('/files/', ''), later)).toBeNull();
  }
});

it('has no identity photo: they were deleted once the verifier answered (issue 11 point 9)', async () => {
  const exported = expectOk<Exported>(await w.account('export', {}));
  const [identity] = rowsIn(exported, 'identities');
  expect(identity).toMatchObject({ status: 'verified', name: ALICE_NAME, idNumber: ALICE_ID });
  expect(Object.keys(identity).filter((k) => /photo/i.test(k))).toEqual([]);
});

it('includes her 就诊人 and 个人病历 decrypted, their files as links that decrypt, shares and reads', async () => {
  const exported = expectOk<Exported>(await w.account('export', {}));
  const people = rowsIn(exported, 'patients');
  expect(people).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ relation: '本人', name: ALICE_NAME, idNumber: ALICE_ID }),
      expect.objectContaining({
        relation: '父母',
        name: '欧阳建国',
        idNumber: FATHER_ID,
        phone: '13900000009',
        allergies: '青霉素',
        declaration: expect.objectContaining({ kind: 'agreed' }),
      }),
    ]),
  );
  const [report] = rowsIn(exported, 'medicalRecords');
  expect(report).toMatchObject({ kind: '检查报告', department: '皮肤科', diagnosis: '湿疹' });
  const links = createFileLinks(w.crypto);
  const files = report.attachments as Array<{ contentType: string; key: { url: string } }>;
  expect(files.map((f) => f.contentType)).toEqual(['image/jpeg', 'application/pdf']);
  for (const f of files) {
    const claims = links.verify(f.key.url.replace('/files/', ''), w.clock.now());
    expect(claims).toMatchObject({ ownerHash: links.ownerHash(alice.openid), decrypt: true });
    expect(await w.files.get(claims?.key ?? '')).not.toBeNull();
  }
  expect(rowsIn(exported, 'recordShares')).toMatchObject([{ consultId: seeded.waiting }]);
  expect(rowsIn(exported, 'recordAccessLog')).toMatchObject([
    { consultId: seeded.waiting, doctorName: '王医生', what: 'record' },
  ]);
});

it("is each caller's own: bob gets his, never alice's", async () => {
  const exported = expectOk<Exported>(await w.account('export', {}, bob));
  const json = JSON.stringify(exported);
  expect(json).not.toContain(alice.openid);
  expect(json).not.toContain(phoneOf(alice));
  expect(rowsIn(exported, 'users')).toMatchObject([{ _id: bob.openid, phone: phoneOf(bob) }]);
  expectError(await w.account('export', { openid: alice.openid }, bob), 'INVALID_ARGUMENT', {
    issues: [{ path: 'data.openid' }],
  });
});

it('is refused while the account is being deleted', async () => {
  const code = await verifyCode(w);
  expectOk(await w.account('delete', { confirm: true, code }));
  expectError(await w.account('export', {}), 'FAILED_PRECONDITION', { reason: 'deletion_running' });
});
