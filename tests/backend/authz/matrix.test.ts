/**
 * SEC (issue 15 item 3): the authorization matrix, generated from the contract. Every action
 * of every function (backend/functions.ts) × {anonymous, owner, another patient, the
 * consult's doctor, another doctor} is called with an input naming the owner's objects
 * (inputs.ts) in a seeded world (world.ts); the outcome class must be the one in matrix.ts,
 * and no one but the owner (and, for what the consult shows, its doctor) finds the owner's
 * data in the answer. An action missing from the table fails. Runs on both stores.
 */
import { FUNCTIONS } from '../../../backend/functions';
import { ACTION_REQUIREMENTS } from '../../../contract/privacy/requirements';
import { INPUTS } from './inputs';
import { MATRIX, type Outcome } from './matrix';
import { CALLERS, makeWorld, ROLES, type Role, type World } from './world';

/** AUTHZ_RECORD=1 prints what each cell answered (and why), to review a change to the table. */
const RECORD = process.env.AUTHZ_RECORD === '1';

const actions = Object.values(FUNCTIONS).flatMap((fn) =>
  Object.keys(fn.actions).map((action) => `${fn.name}.${action}`),
);

it('the table has one row per action of the contract, no more', () => {
  expect(Object.keys(MATRIX).sort()).toEqual([...actions].sort());
  const inputs = Object.entries(INPUTS).flatMap(([f, a]) => Object.keys(a).map((x) => `${f}.${x}`));
  expect(inputs.sort()).toEqual([...actions].sort());
});

it('the requirement column is ACTION_REQUIREMENTS', () => {
  const table = ACTION_REQUIREMENTS as unknown as Record<
    string,
    Record<string, { needs: readonly string[] }>
  >;
  for (const key of actions) {
    const [f, a] = key.split('.');
    expect({ key, needs: MATRIX[key]?.needs }).toEqual({ key, needs: [...table[f][a].needs] });
  }
});

/** Strangers first, then the consult's doctor, the owner last (on objects no one else could change). */
const ORDER: Role[] = ['anonymous', 'otherPatient', 'otherDoctor', 'doctor', 'owner'];

const recorded: Record<string, Record<Role, Outcome>> = {};
afterAll(() => {
  if (RECORD) console.log(JSON.stringify(recorded, null, 1));
});

/**
 * One world per function, shared by its actions; an action that ends or removes something
 * (DESTRUCTIVE) gets a world of its own, so every other row sees the owner's objects alive.
 */
const DESTRUCTIVE = new Set([
  'account.delete',
  'user.logout',
  'user.removeDevice',
  'patients.remove',
  'records.remove',
  'records.unshare',
  'consult.cancel',
  'consult.close',
  'booking.cancel',
  'call.hangup',
  'call.decline',
  'support.close',
]);
const worlds = new Map<string, Promise<World>>();
const worldFor = (key: string) => {
  const id = DESTRUCTIVE.has(key) ? key : key.split('.')[0];
  if (!worlds.has(id)) worlds.set(id, makeWorld());
  return worlds.get(id)!;
};
afterAll(async () => {
  for (const w of worlds.values()) (await w).env.close();
});

it.each(actions)('%s', async (key) => {
  const [fn, action] = key.split('.');
  const world = await worldFor(key);
  const got = {} as Record<Role, Outcome>;
  for (const role of ORDER) {
    const data = await INPUTS[fn][action](world, CALLERS[role]);
    const r = await world.env.call(fn, { action, data }, CALLERS[role]);
    got[role] = r.ok ? 'ok' : (r.error.code as Outcome);
    if (RECORD && !r.ok) console.log(key, role, r.error.code, r.error.message);
    if (role === 'owner') continue;
    const answer = JSON.stringify(r);
    const hidden =
      role === 'doctor' ? world.secrets.filter((s) => !world.forDoctor.includes(s)) : world.secrets;
    for (const s of hidden)
      expect({ key, role, leaked: answer.includes(s) ? s : null }).toEqual({
        key,
        role,
        leaked: null,
      });
  }
  recorded[key] = got;
  if (RECORD) return;
  const row = MATRIX[key];
  expect({ key, ...got }).toEqual({ key, ...Object.fromEntries(ROLES.map((r) => [r, row[r]])) });
});
