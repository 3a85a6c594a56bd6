/** CS risk control: links outside the allow list are recorded and flagged, never shown as links. */
import { RISKY_URLS } from '../../../backend/collections';
import { checkLinks } from '../../../backend/consult/risk';
import { findLinks, isAllowedHost } from '../../../contract/consult/links';
import type { MessageView } from '../../../contract/consult/views';
import {
  activeConsult,
  alice,
  consultWorldEachTest,
  drWang,
  expectOk,
  type ConsultEnv,
} from './support';

let env: ConsultEnv;
consultWorldEachTest((made) => (env = made));
afterEach(() => {
  delete process.env.ALLOWED_LINK_HOSTS;
});

it('records an unvetted link with consult, url, time and sender, and flags the message', async () => {
  const c = await activeConsult(env);
  const text =
    '看看这个 http://cheap-meds.example.top/buy?id=1 ，还有官方说明 https://mp.weixin.qq.com/s/abc。';
  const sent = expectOk<MessageView>(
    await env.consult(
      'sendMessage',
      { consultId: c.id, clientMsgId: 'risky-000001', text },
      drWang,
    ),
  );
  expect(sent.risky).toBe(true);
  expect(sent.links.map((l) => [text.slice(l.start, l.end), l.safe])).toEqual([
    ['http://cheap-meds.example.top/buy?id=1', false],
    ['https://mp.weixin.qq.com/s/abc', true],
  ]);
  const rows = await env.store.find(RISKY_URLS.name, { consultId: c.id });
  expect(rows).toEqual([
    expect.objectContaining({
      consultId: c.id,
      messageId: sent.id,
      url: 'http://cheap-meds.example.top/buy?id=1',
      host: 'cheap-meds.example.top',
      sender: 'doctor',
      owner: drWang.openid,
      at: env.clock.now().toISOString(),
    }),
  ]);
  // The patient sees the same flags on the same message.
  const [seen] = expectOk<{ items: MessageView[] }>(
    await env.consult('listMessages', { consultId: c.id }, alice),
  ).items;
  expect(seen).toMatchObject({ risky: true, links: sent.links, text });
  // A resend records nothing twice.
  expectOk(
    await env.consult(
      'sendMessage',
      { consultId: c.id, clientMsgId: 'risky-000001', text },
      drWang,
    ),
  );
  expect(await env.store.count(RISKY_URLS.name, { consultId: c.id })).toBe(1);
});

it('a message with only vetted links, or none, is not flagged', async () => {
  const c = await activeConsult(env);
  for (const [i, text] of [
    '请参考 www.nhc.gov.cn 的指南',
    '没有链接，只有 3.5mg 的剂量',
  ].entries()) {
    const m = expectOk<MessageView>(
      await env.consult('sendMessage', { consultId: c.id, clientMsgId: `clean-00000${i}`, text }),
    );
    expect(m.risky).toBe(false);
  }
  expect(await env.store.count(RISKY_URLS.name, {})).toBe(0);
});

it('the allow list comes from ALLOWED_LINK_HOSTS', () => {
  process.env.ALLOWED_LINK_HOSTS = 'example.top, *.hospital.cn';
  expect(checkLinks('http://cheap-meds.example.top/x 和 https://a.hospital.cn').risky).toEqual([]);
  expect(checkLinks('https://weixin.qq.com/x').risky).toEqual([
    { url: 'https://weixin.qq.com/x', host: 'weixin.qq.com' },
  ]);
});

it('look-alike hosts are not the allowed host', () => {
  const allowed = ['weixin.qq.com', 'gov.cn'];
  const hosts = (text: string) =>
    findLinks(text).map((l) => [l.host, isAllowedHost(l.host, allowed)]);
  expect(hosts('https://weixin.qq.com.evil.cn/a')).toEqual([['weixin.qq.com.evil.cn', false]]);
  expect(hosts('https://weixin.qq.com@evil.cn/a')).toEqual([['evil.cn', false]]);
  expect(hosts('http://fakegov.cn')).toEqual([['fakegov.cn', false]]);
  expect(hosts('HTTPS://WWW.NHC.GOV.CN:443/x')).toEqual([['www.nhc.gov.cn', true]]);
  expect(hosts('http://wеixin.qq.com')).toEqual([['wеixin.qq.com', false]]); // Cyrillic е
  expect(hosts('bit.ly/3xYz 看这里')).toEqual([['bit.ly', false]]);
});
