import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * database-rules.json as the deploy step reads it: one custom security rule
 * (自定义安全规则) per collection. `npm run build:functions` prints what each collection's
 * rule actually allows, so the console is set from the file and never from a blanket
 * 仅管理端可读写 — which would break the consult live watch, the one client read.
 */

export const RULES_FILE = join(__dirname, '..', 'database-rules.json');

/** A rule: `false` (no client), `true` (every client), or an expression over doc/auth. */
export type Rule = boolean | string;

export interface CollectionRule {
  read: Rule;
  write: Rule;
}

const isRule = (value: unknown): value is Rule =>
  typeof value === 'boolean' || (typeof value === 'string' && value.trim() !== '');

/** The file's collections, or a throw naming what is malformed. */
export function parseDatabaseRules(text: string): Record<string, CollectionRule> {
  const parsed: unknown = JSON.parse(text);
  const collections =
    typeof parsed === 'object' && parsed !== null
      ? (parsed as { collections?: unknown }).collections
      : undefined;
  if (typeof collections !== 'object' || collections === null || Array.isArray(collections))
    throw new Error('database-rules.json has no "collections" object');
  const rules: Record<string, CollectionRule> = {};
  for (const [name, entry] of Object.entries(collections)) {
    const { read, write } = (entry ?? {}) as { read?: unknown; write?: unknown };
    if (!isRule(read) || !isRule(write))
      throw new Error(`database-rules.json: ${name} needs a read and a write rule`);
    rules[name] = { read, write };
  }
  return rules;
}

export const readDatabaseRules = (file = RULES_FILE): Record<string, CollectionRule> =>
  parseDatabaseRules(readFileSync(file, 'utf8'));

const wording = (rule: Rule): string =>
  rule === false ? '无（仅云函数）' : rule === true ? '所有用户' : `仅当 ${rule}`;

/** One line for the console: what the mini-program may read and write in `collection`. */
export function describeRule(rule: CollectionRule): string {
  const serverOnly = rule.read === false && rule.write === false;
  const summary = serverOnly ? '仅管理端可读写 (read false, write false)' : '自定义安全规则';
  return `${summary} — 小程序端读: ${wording(rule.read)}; 写: ${wording(rule.write)}`;
}
