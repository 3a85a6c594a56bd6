/**
 * Deployment truth (issue 10, part 6): `npm run build:functions` prints the permissions
 * database-rules.json sets per collection — not 仅管理端可读写 everywhere, which would break
 * the consult live watch (the mini-program's one read of its own documents).
 */
import { readFileSync } from 'node:fs';
import { COLLECTIONS, CONSULTS, CONSULT_MESSAGES, USERS } from '../../backend/collections';
import type { CollectionSpec } from '../../backend/ports/document-store';
import { describeCollections } from '../../scripts/build-functions';
import {
  parseDatabaseRules,
  readDatabaseRules,
  RULES_FILE,
  type CollectionRule,
} from '../../scripts/database-rules';

/** The lines printed under one collection's name. */
function block(text: string, name: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`  ${name}`);
  expect(start).toBeGreaterThan(-1);
  const end = lines.findIndex((l, i) => i > start && /^ {2}\S/.test(l));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

const permissionsOf = (text: string, name: string) =>
  block(text, name).find((l) => l.trim().startsWith('permissions:'));

describe('build:functions permissions', () => {
  const printed = describeCollections();
  const rules = readDatabaseRules();

  it('prints every collection with the read rule database-rules.json gives it', () => {
    for (const spec of COLLECTIONS) {
      const line = permissionsOf(printed, spec.name);
      const { read } = rules[spec.name];
      expect(line).toBeDefined();
      expect(line).toContain(typeof read === 'string' ? read : '无（仅云函数）');
    }
  });

  it('shows the consult watch reads as the rule, and server-only collections as such', () => {
    for (const name of [CONSULTS.name, CONSULT_MESSAGES.name]) {
      const line = permissionsOf(printed, name);
      expect(line).toContain('自定义安全规则');
      expect(line).toContain('doc.patientOpenid == auth.openid || doc.doctorOpenid == auth.openid');
      expect(line).not.toContain('仅管理端可读写');
    }
    expect(permissionsOf(printed, USERS.name)).toContain('仅管理端可读写');
    expect(printed).not.toMatch(/Permissions: 仅管理端可读写/);
  });

  it('follows the file: a rule changed there changes what is printed', () => {
    const spec: CollectionSpec = { name: 'notes', indexes: ['owner'] };
    const open: Record<string, CollectionRule> = {
      notes: { read: true, write: 'doc.owner == auth.openid' },
    };
    expect(permissionsOf(describeCollections([spec], open), 'notes')).toBe(
      '    permissions: 自定义安全规则 — 小程序端读: 所有用户; 写: 仅当 doc.owner == auth.openid',
    );
  });

  it('refuses a collection database-rules.json has no rule for', () => {
    const spec: CollectionSpec = { name: 'unruled', indexes: [] };
    expect(() => describeCollections([spec], {})).toThrow(/no rule for: unruled/);
  });

  it('refuses a malformed rules file', () => {
    expect(() => parseDatabaseRules('{}')).toThrow(/no "collections"/);
    expect(() => parseDatabaseRules('{"collections":{"a":{"read":false}}}')).toThrow(
      /a needs a read and a write rule/,
    );
    expect(Object.keys(parseDatabaseRules(readFileSync(RULES_FILE, 'utf8')))).toEqual(
      Object.keys(rules),
    );
  });
});
