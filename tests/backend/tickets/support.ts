/** The 客服 test world: the consult world (alice, eve, two doctors) and calls to `support`. */
import type { Caller } from '../../../backend/core/context';
import type { TicketWithMessages } from '../../../contract/support';
import { alice, expectOk, type ConsultEnv } from '../consult/support';

export * from '../consult/support';

export const support = (
  env: ConsultEnv,
  action: string,
  data: unknown,
  who: Caller | null = alice,
) => env.call('support', { action, data }, who);

export async function newTicket(
  env: ConsultEnv,
  data: Record<string, unknown> = {},
  who: Caller = alice,
): Promise<TicketWithMessages> {
  return expectOk<TicketWithMessages>(
    await support(
      env,
      'createTicket',
      { category: '使用问题', text: '怎么修改头像？', ...data },
      who,
    ),
  );
}
