/**
 * Issue 15 §7: where a runtime gives a contentSecurity port (CloudBase: WeChat), the routes
 * ask it — with the author's openid and the scene — and hold back WeChat's review verdict too.
 */
import { CONSULT_MESSAGES, USERS } from '../../../backend/collections';
import type { ContentSecurity } from '../../../backend/ports/content-security';
import { freshEnvEachTest } from '../user/support';
import {
  activeConsult,
  alice,
  expectError,
  expectOk,
  makeConsultEnv,
  newMsgId,
  setupWorld,
  type ConsultEnv,
} from '../tickets/support';

const asked: Parameters<ContentSecurity['checkText']>[0][] = [];
const port: ContentSecurity = {
  async checkText(input) {
    asked.push(input);
    return input.text.includes('待审')
      ? { suggest: 'review', label: 20001 }
      : { suggest: 'pass', label: 100 };
  },
  async checkImageAsync() {
    throw new Error('not used');
  },
};

let env: ConsultEnv;
freshEnvEachTest(
  () => makeConsultEnv(() => ({ contentSecurity: port })),
  (made) => (env = made),
  setupWorld,
);
beforeEach(() => (asked.length = 0));

it('chat: asks with the author and scene 评论; review is held back, nothing stored', async () => {
  const c = await activeConsult(env);
  const before = await env.store.find(CONSULT_MESSAGES.name, {});
  expectError(
    await env.consult(
      'sendMessage',
      { consultId: c.id, clientMsgId: newMsgId(), text: '待审内容' },
      alice,
    ),
    'FAILED_PRECONDITION',
    { reason: 'content_flagged' },
  );
  expect(asked).toEqual([{ openid: alice.openid, scene: 'comment', text: '待审内容' }]);
  expect(await env.store.find(CONSULT_MESSAGES.name, {})).toEqual(before);
});

it('nickname: asks with scene 资料; a pass is stored', async () => {
  expectOk(await env.call('user', { action: 'updateProfile', data: { nickname: '小红' } }, alice));
  expect(asked).toEqual([{ openid: alice.openid, scene: 'profile', text: '小红' }]);
  const user = await env.store.get<{ _id: string; nickname: string }>(USERS.name, alice.openid);
  expect(user?.nickname).toBe('小红');
});
