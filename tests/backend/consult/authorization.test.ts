import { POLICY_VERSION } from '../../../contract/privacy/policy';
/**
 * Two patients, two doctors: nobody reads or writes a consult or its pictures but its
 * patient and the doctor it was addressed to; each side does only its own actions (SEC).
 */
import { createFileLinks } from '../../../backend/adapters/local/file-links';
import type { ConsultView, MessageView } from '../../../contract/consult/views';
import {
  activeConsult,
  alice,
  consultWorldEachTest,
  createConsult,
  drLi,
  drWang,
  eve,
  expectError,
  expectOk,
  paidConsult,
  send,
  upload,
  type ConsultEnv,
} from './support';

let env: ConsultEnv;
consultWorldEachTest((made) => (env = made));

const NOT_FOUND = { ok: false, error: { code: 'NOT_FOUND', message: '咨询不存在' } };

it('another patient and another doctor can neither read nor write the consult', async () => {
  const c = await activeConsult(env);
  await send(env, alice, c.id, '第一条消息');
  const reads: Array<[string, unknown]> = [
    ['get', { consultId: c.id }],
    ['listMessages', { consultId: c.id }],
    ['sendMessage', { consultId: c.id, clientMsgId: 'intruder-001', text: '你好' }],
    ['cancel', { consultId: c.id }],
    ['pay', { consultId: c.id }],
    ['close', { consultId: c.id, summary: '结束' }],
    ['accept', { consultId: c.id }],
  ];
  for (const who of [eve, drLi]) {
    for (const [action, data] of reads) {
      const r = await env.consult(action, data, who);
      // Patients asking doctor actions are refused as non-doctors before any lookup.
      if (who === eve && (action === 'close' || action === 'accept'))
        expectError(r, 'PERMISSION_DENIED', { reason: 'doctor_required' });
      else expect([action, r]).toEqual([action, NOT_FOUND]);
    }
    // Same answer as a consult that does not exist: nothing to learn by probing ids.
    expect(await env.consult('get', { consultId: 'cdoesnotexist000' }, who)).toEqual(NOT_FOUND);
    const listed = expectOk<{ items: unknown[] }>(await env.consult('list', {}, who));
    expect(listed.items).toEqual([]);
  }
  expect(expectOk<{ items: unknown[] }>(await env.consult('queue', {}, drLi)).items).toEqual([]);
  expect(
    expectOk<{ items: MessageView[] }>(await env.consult('listMessages', { consultId: c.id }))
      .items,
  ).toHaveLength(1);
});

it('the patient cannot accept or close; the doctor cannot pay or cancel', async () => {
  const c = await paidConsult(env);
  expectError(await env.consult('accept', { consultId: c.id }, alice), 'PERMISSION_DENIED', {
    reason: 'doctor_required',
  });
  expectOk(await env.consult('accept', { consultId: c.id }, drWang));
  expectError(
    await env.consult('close', { consultId: c.id, summary: '好了' }, alice),
    'PERMISSION_DENIED',
  );
  for (const action of ['pay', 'cancel'])
    expectError(await env.consult(action, { consultId: c.id }, drWang), 'PERMISSION_DENIED', {
      reason: 'patient_only',
    });
  expectError(
    await env.consult('sandboxConfirm', { orderId: c.id, outcome: 'paid' }, drWang),
    'NOT_FOUND',
  );
  expect(expectOk<ConsultView>(await env.consult('get', { consultId: c.id })).status).toBe(
    'active',
  );
});

it('pictures: links are bound to the viewer; others cannot use or see them', async () => {
  const photo = expectOk<{ key: string; url: string }>(
    await env.consult('uploadAttachment', { image: upload('webp') }),
  );
  // Eve cannot attach alice's upload to her own consult.
  expectError(
    await env.consult(
      'create',
      {
        doctorId: 'd-wang',
        patient: { kind: 'self' },
        description: '咳嗽一周，咽喉疼痛。',
        photoKeys: [photo.key],
      },
      eve,
    ),
    'INVALID_ARGUMENT',
    { reason: 'upload_invalid', issues: [{ path: 'data.photoKeys.0' }] },
  );
  const c = await createConsult(env, alice, { photoKeys: [photo.key] });
  // ... and the key works once: not again for a second consult.
  expectError(
    await env.consult('create', {
      doctorId: 'd-wang',
      patient: { kind: 'self' },
      description: '又一次咨询的描述文字',
      photoKeys: [photo.key],
    }),
    'INVALID_ARGUMENT',
    { reason: 'upload_invalid' },
  );
  expectOk(await env.consult('pay', { consultId: c.id }));
  expectOk(await env.consult('sandboxConfirm', { orderId: c.id, outcome: 'paid' }));
  const links = createFileLinks(env.crypto);
  const ownerOf = async (who: typeof alice) => {
    const v = expectOk<ConsultView>(await env.consult('get', { consultId: c.id }, who));
    const claims = links.verify(v.photos[0].url!.slice('/files/'.length), env.clock.now());
    return claims?.ownerHash;
  };
  expect(await ownerOf(alice)).toBe(links.ownerHash(alice.openid));
  expect(await ownerOf(drWang)).toBe(links.ownerHash(drWang.openid));
  expect(await ownerOf(drWang)).not.toBe(links.ownerHash(eve.openid));
  // A link lives 10 minutes.
  env.clock.advance(11 * 60_000);
  expect(links.verify(photo.url.slice('/files/'.length), env.clock.now())).toBeNull();

  // The doctor's picture message: eve can neither send it as hers nor read it.
  expectOk(await env.consult('accept', { consultId: c.id }, drWang));
  const img = expectOk<{ key: string }>(
    await env.consult('uploadAttachment', { image: upload('png') }, drWang),
  );
  expectError(
    await env.consult('sendMessage', {
      consultId: c.id,
      clientMsgId: 'steal-0001',
      imageKey: img.key,
    }),
    'INVALID_ARGUMENT',
    { reason: 'upload_invalid', issues: [{ path: 'data.imageKey' }] },
  );
  expectOk(
    await env.consult(
      'sendMessage',
      { consultId: c.id, clientMsgId: 'pic-000001', imageKey: img.key },
      drWang,
    ),
  );
  expect(await env.consult('listMessages', { consultId: c.id }, eve)).toEqual(NOT_FOUND);
});

it('a doctor cannot consult themself; binding is one doctor to one account, and a code works once', async () => {
  expectError(
    await env.consult(
      'create',
      { doctorId: 'd-wang', patient: { kind: 'self' }, description: '给自己看看病可以吗？谢谢' },
      drWang,
    ),
    'FAILED_PRECONDITION',
    { reason: 'own_doctor' },
  );
  const { inviteCode } = await import('./support');
  const codeForWang = await inviteCode(env, 'd-wang');
  expectError(await env.consult('bindDoctor', { code: codeForWang }, eve), 'CONFLICT', {
    reason: 'doctor_taken',
  });
  const codeForFree = await inviteCode(env, 'd-free');
  expectError(await env.consult('bindDoctor', { code: codeForFree }, drWang), 'CONFLICT', {
    reason: 'already_doctor',
  });
  // Typed in lower case with spaces: the same code.
  const spaced = codeForFree.toLowerCase().replace(/-/g, ' ');
  expect(expectOk(await env.consult('bindDoctor', { code: spaced }, eve))).toMatchObject({
    doctor: { id: 'd-free', consultPrice: 0 },
  });
  expectError(await env.consult('bindDoctor', { code: codeForFree }, alice), 'INVALID_ARGUMENT', {
    reason: 'invite_invalid',
    issues: [{ path: 'data.code' }],
  });
  // Expired after 7 days.
  const late = await inviteCode(env, 'd-li');
  env.clock.advance(7 * 24 * 3_600_000 + 1);
  expectError(await env.consult('bindDoctor', { code: late }, alice), 'INVALID_ARGUMENT', {
    reason: 'invite_invalid',
  });
  expect(expectOk(await env.consult('workbench', {}, eve))).toMatchObject({
    doctor: { id: 'd-free' },
    waiting: 0,
    active: 0,
  });
  expect(expectOk(await env.consult('workbench', {}, alice))).toEqual({
    doctor: null,
    waiting: 0,
    active: 0,
  });
});

it('every action but config needs a registered, logged-in account', async () => {
  const stranger = { openid: 'o-unregistered-0000000000000', clientIp: null };
  // Before 同意 the answer is the consent (issue 11 point 11); after it, the account.
  expectError(await env.consult('list', {}, stranger), 'FAILED_PRECONDITION', {
    reason: 'policy_consent_required',
  });
  expectOk(
    await env.call(
      'privacy',
      { action: 'recordConsent', data: { policyVersion: POLICY_VERSION } },
      stranger,
    ),
  );
  for (const caller of [null, stranger]) {
    expectOk(await env.consult('config', {}, caller));
    for (const action of ['list', 'notices', 'workbench', 'queue', 'markRead']) {
      const data = action === 'markRead' ? { all: true } : {};
      expectError(await env.consult(action, data, caller), 'UNAUTHENTICATED', {
        ...(caller ? { reason: 'login_required' } : {}),
      });
    }
  }
  expectOk(await env.call('user', { action: 'logout', data: {} }, alice));
  expectError(await env.consult('list', {}, alice), 'UNAUTHENTICATED', {
    reason: 'login_required',
  });
});
