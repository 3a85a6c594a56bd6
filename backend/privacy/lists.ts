import { collectedList, sharedList } from '../../contract/privacy/lists';
import type { Handler } from '../core/action';
import { PERSONAL_DATA } from './data-map';

/**
 * Issue 11 point 6: the two lists for everyone, and for a caller with an identity the
 * rows the data map finds under it (PIPL art. 44). Only the caller's own rows are counted
 * (no parent rows, none that are mostly someone else's); nothing is returned but counts.
 */
export const personalInfoLists: Handler<'privacy', 'personalInfoLists'> = async (ctx) => {
  const openid = ctx.caller?.openid;
  let mine: Array<{ description: string; clauses: string[]; count: number }> | null = null;
  if (openid) {
    mine = [];
    for (const entry of PERSONAL_DATA) {
      if (entry.parent || entry.export === false) continue;
      const count = await ctx.store.count(entry.collection, { [entry.ownerField]: openid });
      if (count > 0) mine.push({ description: entry.description, clauses: entry.clauses, count });
    }
  }
  return { collected: collectedList(), shared: sharedList(), mine };
};
