/**
 * DEL: the deletion is driven by the personal data map — every entry has its step, the
 * account itself goes last, linked rows go while their parents still exist — and the 注销账号
 * screen shows the policy's own words.
 */
import { deletionPlan, entryKey, ownEntries } from '../../../backend/account/plan';
import { PERSONAL_DATA } from '../../../backend/privacy/data-map';
import { DELETION_CONSEQUENCES } from '../../../contract/account';
import { POLICY_TEXT } from '../../../contract/privacy/policy-text';
import { alice, expectOk, makeWorld } from './support';
import { register } from './seed';

it('has one step per entry of the map, linked rows before any own rows, the account last', () => {
  const plan = deletionPlan();
  const keys = plan.map((s) => s.key);
  for (const e of PERSONAL_DATA)
    expect(keys).toContain(`${e.parent ? 'linked' : 'own'}:${entryKey(e)}`);
  const firstOwn = keys.findIndex((k) => k.startsWith('own:'));
  expect(keys.filter((k) => k.startsWith('linked:')).every((k) => keys.indexOf(k) < firstOwn)).toBe(
    true,
  );
  const own = keys.filter((k) => k.startsWith('own:'));
  expect(own.slice(-2)).toEqual(['own:users.owner', 'own:phoneBindings.owner']);
  expect(keys.slice(-2)).toEqual(['files', 'verify']);
  // Counting comes before anything is changed; signing out before any row goes.
  expect(keys.indexOf('signout')).toBeLessThan(keys.indexOf('counters'));
  expect(
    keys
      .filter((k) => k.startsWith('census:') || k.startsWith('scan:'))
      .every((k) => keys.indexOf(k) < keys.indexOf('signout')),
  ).toBe(true);
  const verify = plan[plan.length - 1];
  expect(verify.kind === 'verify' && verify.entries).toEqual(ownEntries());
});

it('links rows only to parents that deletion removes, and orders only on removed rows', () => {
  for (const e of PERSONAL_DATA.filter((x) => x.parent)) {
    const parent = PERSONAL_DATA.find(
      (p) =>
        !p.parent && p.collection === e.parent?.collection && p.ownerField === e.parent?.ownerField,
    );
    expect({ entry: entryKey(e), parentDeleted: parent?.onDelete }).toEqual({
      entry: entryKey(e),
      parentDeleted: 'delete',
    });
  }
  for (const e of PERSONAL_DATA.filter((x) => x.order)) expect(e.onDelete).toBe('delete');
});

it('shows the four consequences exactly as the policy words them', async () => {
  const lines = POLICY_TEXT.split('\n').filter((l) => l.trim() !== '');
  const start = lines.indexOf('账号注销后，将放弃以下权利，请谨慎操作：');
  expect(start).toBeGreaterThan(0);
  expect(lines.slice(start + 1, start + 5)).toEqual([...DELETION_CONSEQUENCES]);
  const w = makeWorld();
  try {
    await register(w, alice);
    const preview = expectOk<{ consequences: string[]; verification: string; phoneMasked: string }>(
      await w.account('deletionPreview', {}),
    );
    expect(preview).toMatchObject({
      consequences: [...DELETION_CONSEQUENCES],
      verification: 'sms',
      phoneMasked: '138****5678',
      deletion: 'none',
    });
  } finally {
    w.destroy();
  }
});
