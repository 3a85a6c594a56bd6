import type { Doc } from './wire';

/**
 * database-rules.json's security rules, as CloudBase applies them to the mini-program's own
 * reads (云开发 数据库安全规则, developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/
 * security-rules.html): "安全规则要求前端发起的查询条件必须是安全规则的子集，否则拒绝访问" —
 * the rule is evaluated on the *query*, not on the documents: `doc.x` is what the query pins x
 * to, and a field the query does not pin makes the comparison fail. Cloud functions are not
 * subject to the rules. The grammar here is the part the repo's rules use: true, false,
 * `doc.f == auth.openid` (either order), `doc.f == 'text'`, `||` and `&&`.
 */

export interface DatabaseRules {
  collections: Record<string, { read: boolean | string; write: boolean | string }>;
}

type Operand = { doc: string } | { auth: 'openid' } | { literal: string };

function operand(text: string): Operand {
  const t = text.trim();
  if (t.startsWith('doc.')) return { doc: t.slice(4) };
  if (t === 'auth.openid') return { auth: 'openid' };
  const quoted = /^'([^']*)'$|^"([^"]*)"$/.exec(t);
  if (quoted) return { literal: quoted[1] ?? quoted[2] };
  throw new Error(`security rule operand not understood: ${t}`);
}

function value(op: Operand, query: Doc, openid: string): string | undefined {
  if ('auth' in op) return openid;
  if ('literal' in op) return op.literal;
  const pinned = query[op.doc];
  return typeof pinned === 'string' ? pinned : undefined;
}

function comparison(text: string, query: Doc, openid: string): boolean {
  const m = /^(.*?)(==|!=)(.*)$/.exec(text.trim());
  if (!m) {
    if (text.trim() === 'true') return true;
    if (text.trim() === 'false') return false;
    throw new Error(`security rule not understood: ${text}`);
  }
  const left = value(operand(m[1]), query, openid);
  const right = value(operand(m[3]), query, openid);
  if (left === undefined || right === undefined) return false;
  return m[2] === '==' ? left === right : left !== right;
}

/** Whether a query (after `{openid}` is replaced) may read under `rule`. */
export function allows(rule: boolean | string, query: Doc, openid: string): boolean {
  if (typeof rule === 'boolean') return rule;
  return rule
    .split('||')
    .some((conjunct) => conjunct.split('&&').every((c) => comparison(c, query, openid)));
}

/** `'{openid}'` in a client query stands for the caller ("{openid} 变量"). */
export function withOpenid(query: Doc, openid: string): Doc {
  return Object.fromEntries(
    Object.entries(query).map(([k, v]) => [k, v === '{openid}' ? openid : v]),
  );
}
