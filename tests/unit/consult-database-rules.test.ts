/**
 * database-rules.json: the weapp watch can read a consult and its messages only as one of
 * its two participants, and no client can write anything. The rule is evaluated here the
 * way CloudBase reads it, against documents shaped as backend/consult/model.ts stores them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS } from '../../backend/collections';

type Rule = { read: boolean | string; write: boolean | string };
const rules = JSON.parse(readFileSync(join(__dirname, '..', '..', 'database-rules.json'), 'utf8'))
  .collections as Record<string, Rule>;

/** The two forms the file uses: a boolean, or `doc.a == auth.openid || doc.b == auth.openid`. */
function allows(rule: boolean | string, doc: Record<string, unknown>, openid: string): boolean {
  if (typeof rule === 'boolean') return rule;
  return rule.split('||').some((part) => {
    const m = /^\s*doc\.(\w+) == auth\.openid\s*$/.exec(part);
    if (!m) throw new Error(`unexpected rule form: ${part}`);
    return doc[m[1]] === openid;
  });
}

it('covers every collection, and no client writes anywhere', () => {
  expect(Object.keys(rules).sort()).toEqual(COLLECTIONS.map((c) => c.name).sort());
  for (const [name, rule] of Object.entries(rules))
    expect([name, rule.write]).toEqual([name, false]);
});

it('only consults and their messages are readable, each by its two participants only', () => {
  const readable = Object.entries(rules)
    .filter(([, r]) => r.read !== false)
    .map(([n]) => n);
  // calls: the weapp watch that rings (视频咨询, issue 14).
  expect(readable.sort()).toEqual(['calls', 'consultMessages', 'consults']);
  const waiting = { patientOpenid: 'o-patient', doctorOpenid: null };
  const active = { patientOpenid: 'o-patient', doctorOpenid: 'o-doctor' };
  for (const name of readable) {
    const read = rules[name].read;
    expect(allows(read, active, 'o-patient')).toBe(true);
    expect(allows(read, active, 'o-doctor')).toBe(true);
    expect(allows(read, active, 'o-other')).toBe(false);
    expect(allows(read, waiting, 'o-doctor')).toBe(false);
    expect(allows(read, { ...waiting, doctorOpenid: undefined }, '')).toBe(false);
  }
});
