/**
 * DEL: deletion happens only after the ticked confirmation and the re-verification — a
 * fresh 'verify' code to the bound phone, or typing 注销 without one. Anything else is
 * refused and changes nothing; nobody can reach another person's job; bad input is
 * INVALID_ARGUMENT on the field, never INTERNAL.
 */
import { CONSULTS, DELETION_JOBS, SMS_CODES, USERS } from '../../../backend/collections';
import { POLICY_VERSION } from '../../../contract/privacy/policy';
import type { DeletionStatus } from '../../../contract/account';
import { device } from '../user/support';
import { seededCopyEachTest, verifyCode } from './seed';
import { alice, bob, expectError, expectOk, phoneOf, type World } from './support';
import { dumpStore, type Dump } from './traces';

let w: World;
seededCopyEachTest((copy) => {
  w = copy;
});

/** Everything but the SMS codes (a wrong guess is counted there, as it should be). */
async function snapshot(): Promise<string> {
  const dump: Dump = await dumpStore(w.store);
  dump.delete(SMS_CODES.name);
  return JSON.stringify([...dump]);
}

async function expectNothingDeleted(before: string): Promise<void> {
  expect(await snapshot()).toBe(before);
  expect(await w.store.get(USERS.name, alice.openid)).not.toBeNull();
  expect(await w.store.count(CONSULTS.name, { patientOpenid: alice.openid })).toBe(4);
  expect(await w.store.count(DELETION_JOBS.name, {})).toBe(0);
}

const del = (data: unknown, who = alice) => w.account('delete', data, who);

/** delete, then deletionStatus (as the screen polls) until done. */
async function delToEnd(data: unknown, who = alice): Promise<DeletionStatus> {
  let status = expectOk<DeletionStatus>(await del(data, who));
  for (let i = 0; status.state === 'running' && i < 50; i++)
    status = expectOk<DeletionStatus>(await w.account('deletionStatus', {}, who));
  return status;
}

it('refuses a wrong, expired, used or other-purpose code, and a missing one', async () => {
  const code = await verifyCode(w);
  const before = await snapshot();
  const wrong = code === '000000' ? '111111' : '000000';
  expectError(await del({ confirm: true, code: wrong }), 'INVALID_ARGUMENT', {
    reason: 'code_mismatch',
    attemptsLeft: 4,
    issues: [{ path: 'data.code' }],
  });
  expectError(await del({ confirm: true }), 'INVALID_ARGUMENT', {
    reason: 'code_required',
    issues: [{ path: 'data.code' }],
  });
  // Typing 注销 does not stand in for the code when a phone is bound.
  expectError(await del({ confirm: true, typed: '注销' }), 'INVALID_ARGUMENT', {
    reason: 'code_required',
  });
  w.clock.advance(5 * 60_000 + 1);
  expectError(await del({ confirm: true, code }), 'INVALID_ARGUMENT', { reason: 'code_expired' });
  await expectNothingDeleted(before);

  // A code sent for registration to the same phone is not a 'verify' code.
  w.clock.advance(61_000);
  expectOk(
    await w.call(
      'user',
      { action: 'sendCode', data: { purpose: 'register', phone: phoneOf(alice) } },
      alice,
    ),
  );
  const registerCode = w.sms.sent[w.sms.sent.length - 1].code;
  expectError(await del({ confirm: true, code: registerCode }), 'INVALID_ARGUMENT', {
    reason: 'code_expired',
  });

  // Used once, the code is spent: it started the job and cannot start another.
  const fresh = await verifyCode(w);
  expect(expectOk<DeletionStatus>(await del({ confirm: true, code: fresh })).state).not.toBe(
    'none',
  );
});

it('refuses an unticked confirmation, whatever else is right', async () => {
  const code = await verifyCode(w);
  const before = await snapshot();
  for (const data of [
    { code },
    { confirm: false, code },
    { confirm: 'true', code },
    { confirm: 1, code },
  ])
    expectError(await del(data), 'INVALID_ARGUMENT', { issues: [{ path: 'data.confirm' }] });
  await expectNothingDeleted(before);
  // The code was not spent by the refusals.
  expect(expectOk<DeletionStatus>(await del({ confirm: true, code })).state).not.toBe('none');
});

it('without a bound phone the caller types 注销, exactly', async () => {
  const stranger = { openid: 'o-stranger-00000000000000000', clientIp: '198.51.100.9' };
  expectOk(
    await w.call(
      'privacy',
      {
        action: 'recordConsent',
        data: { policyVersion: POLICY_VERSION, items: { analytics: true } },
      },
      stranger,
    ),
  );
  const preview = expectOk<{ verification: string; phoneMasked: string | null }>(
    await w.account('deletionPreview', {}, stranger),
  );
  expect(preview).toMatchObject({ verification: 'typed', phoneMasked: null });
  for (const typed of ['注 销', '注销账号', 'zhuxiao', ''])
    expectError(await del({ confirm: true, typed }, stranger), 'INVALID_ARGUMENT', {
      issues: [{ path: 'data.typed' }],
    });
  expectError(await del({ confirm: true }, stranger), 'INVALID_ARGUMENT', {
    reason: 'typed_required',
  });
  expect(await w.store.count('consents', { owner: stranger.openid })).toBe(1);
  const done = await delToEnd({ confirm: true, typed: '注销' }, stranger);
  expect(done.state).toBe('done');
  expect(await w.store.count('consents', { owner: stranger.openid })).toBe(0);
  // A second confirmation after the end keeps the one receipt.
  const again = expectOk<DeletionStatus>(await del({ confirm: true, typed: '注销' }, stranger));
  expect(again.receipt).toEqual(done.receipt);
  // alice was not touched by any of it.
  expect(await w.store.count(CONSULTS.name, { patientOpenid: alice.openid })).toBe(4);
});

it("nobody reaches another person's job: there is no way to name one", async () => {
  const code = await verifyCode(w);
  const mine = await delToEnd({ confirm: true, code });
  expect(mine.state).toBe('done');
  const receiptId = mine.receipt?.id;
  // bob sees only his own (none), and cannot name alice's.
  expect(expectOk(await w.account('deletionStatus', {}, bob))).toEqual({
    state: 'none',
    progress: null,
  });
  expectError(await w.account('deletionStatus', { id: receiptId }, bob), 'INVALID_ARGUMENT', {
    issues: [{ path: 'data.id' }],
  });
  expectError(await del({ confirm: true, jobId: receiptId }, bob), 'INVALID_ARGUMENT', {
    issues: [{ path: 'data.jobId' }],
  });
  // bob's own deletion needs bob's code, and deletes only bob.
  const bobCode = await verifyCode(w, bob);
  const before = await w.store.count(USERS.name, {});
  expect((await delToEnd({ confirm: true, code: bobCode }, bob)).state).toBe('done');
  expect(await w.store.count(USERS.name, {})).toBe(before - 1);
  expect(await w.store.get(USERS.name, bob.openid)).toBeNull();
  // alice's receipt is still hers.
  expect(expectOk<DeletionStatus>(await w.account('deletionStatus', {})).receipt?.id).toBe(
    receiptId,
  );
});

it('needs a logged-in account (or no account at all) and a caller', async () => {
  const code = await verifyCode(w);
  expectOk(await w.call('user', { action: 'logout', data: {} }, alice));
  const before = await snapshot();
  expectError(await del({ confirm: true, code }), 'UNAUTHENTICATED', { reason: 'login_required' });
  expectError(await w.account('deletionPreview', {}), 'UNAUTHENTICATED');
  expectError(await w.account('export', {}), 'UNAUTHENTICATED');
  for (const action of ['deletionPreview', 'delete', 'deletionStatus', 'export'])
    expectError(
      await w.account(action, action === 'delete' ? { confirm: true, code } : {}, null),
      'UNAUTHENTICATED',
    );
  await expectNothingDeleted(before);
});

it('a session on a new device sees no preview or export, but the code to the phone still deletes', async () => {
  expectOk(
    await w.call('user', { action: 'me', data: { device: device('another-phone') } }, alice),
  );
  expectError(await w.account('deletionPreview', {}), 'PERMISSION_DENIED', {
    reason: 'device_unverified',
  });
  expectError(await w.account('export', {}), 'PERMISSION_DENIED', { reason: 'device_unverified' });
  const code = await verifyCode(w);
  expect((await delToEnd({ confirm: true, code })).state).toBe('done');
});

it('answers bad input with INVALID_ARGUMENT on the field, never INTERNAL', async () => {
  const cases: Array<[string, unknown, string]> = [
    ['delete', { confirm: true, code: '12ab56' }, 'data.code'],
    ['delete', { confirm: true, code: 123456 }, 'data.code'],
    ['delete', { confirm: true, code: '1234567' }, 'data.code'],
    ['delete', { confirm: true, typed: 1 }, 'data.typed'],
    ['delete', { confirm: true, code: '123456', extra: 1 }, 'data.extra'],
    ['delete', [], 'data'],
    ['delete', 'yes', 'data'],
    ['delete', null, 'data'],
    ['deletionPreview', { all: true }, 'data.all'],
    ['deletionStatus', { state: 'done' }, 'data.state'],
    ['export', { format: 'csv' }, 'data.format'],
    ['export', 7, 'data'],
  ];
  for (const [action, data, path] of cases) {
    const r = await w.account(action, data);
    expect({ action, data, error: r.ok ? null : r.error.code }).toEqual({
      action,
      data,
      error: 'INVALID_ARGUMENT',
    });
    expectError(r, 'INVALID_ARGUMENT', { issues: [{ path }] });
  }
  expectError(await w.call('account', { action: 'erase', data: {} }, alice), 'NOT_FOUND');
  expect(await w.store.count(DELETION_JOBS.name, {})).toBe(0);
});
