import { api } from '../../contract';
import {
  ACTION_REQUIREMENTS,
  REQUIREMENT_REASONS,
  needsOf,
  reasonFor,
  type RequirementRow,
} from '../../contract/privacy/requirements';
import { FUNCTIONS } from '../../backend/functions';

const table = ACTION_REQUIREMENTS as unknown as Record<string, Record<string, RequirementRow>>;

describe('what each action needs (issue 11 point 11)', () => {
  it('every action of every backend function has a row, and no row names a missing action', () => {
    const actions = Object.values(FUNCTIONS).flatMap((fn) =>
      Object.keys(fn.actions).map((a) => `${fn.name}.${a}`),
    );
    const rows = Object.entries(table).flatMap(([fn, r]) =>
      Object.keys(r).map((a) => `${fn}.${a}`),
    );
    expect(rows.sort()).toEqual(actions.sort());
    expect(Object.keys(api).sort()).toEqual(Object.keys(FUNCTIONS).sort());
  });

  it('every need a row can name has a reason the app can explain', () => {
    for (const row of Object.values(table).flatMap((r) => Object.values(r))) {
      for (const need of row.needs) expect(REQUIREMENT_REASONS[reasonFor(need)]).toBeTruthy();
    }
  });

  it('the rights to delete, copy and withdraw never depend on consent (PIPL art. 15, 45, 47)', () => {
    for (const [fn, action] of [
      ['account', 'delete'],
      ['account', 'export'],
      ['privacy', 'withdrawConsent'],
      ['user', 'removeDevice'],
    ]) {
      expect(needsOf(fn, action, {})).toEqual([]);
    }
  });

  it('a registration code needs the policy consent; a deletion re-verification code does not', () => {
    expect(needsOf('user', 'sendCode', { purpose: 'register', phone: '13812345678' })).toEqual([
      'policy',
    ]);
    expect(needsOf('user', 'sendCode', { purpose: 'verify' })).toEqual([]);
  });
});
