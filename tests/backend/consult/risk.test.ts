/** CS risk control: links outside the allow list are recorded and flagged, never shown as links. */
import { RISKY_URLS } from '../../../backend/collections';
import { checkLinks } from '../../../backend/consult/risk';
import { findLinks, isAllowedHost, tappableHref } from '../../../contract/consult/links';
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

it('records an unvetted link with consult, host, keyed hash, time and sender, and flags the message', async () => {
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
  // CS/SEC (issue 15): only what review needs — the host and a keyed hash, never the link.
  expect(rows).toEqual([
    {
      _id: expect.any(String),
      consultId: c.id,
      messageId: sent.id,
      urlHash: env.crypto.hmac('riskyUrl', 'http://cheap-meds.example.top/buy?id=1'),
      host: 'cheap-meds.example.top',
      sender: 'doctor',
      owner: drWang.openid,
      at: env.clock.now().toISOString(),
    },
  ]);
  expect(JSON.stringify(rows)).not.toContain('buy?id=1');
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

// SEC (issue 15): `javascript://www.gov.cn/%0aalert(1)` was marked safe and tappable on an
// allow-listed host; only CSP stopped it. Only http(s) (or a bare host, opened as https) is.
it('only http(s) links are ever safe, whatever the host', () => {
  const allowed = ['gov.cn', 'weixin.qq.com'];
  for (const url of [
    'javascript://www.gov.cn/%0aalert(1)//',
    'JavaScript://www.gov.cn/x',
    'vbscript://www.gov.cn/x',
    'file://www.gov.cn/etc/passwd',
    'data://www.gov.cn/text/html',
    'weixin://www.gov.cn/x',
    'ftp://www.gov.cn/x',
  ]) {
    const checked = checkLinks(`看 ${url} 这里`, allowed);
    expect(checked.links.map((l) => l.safe)).toEqual([false]);
    expect(checked.risky).toEqual([{ url, host: 'www.gov.cn' }]);
    expect(tappableHref(url)).toBeNull();
  }
  expect(checkLinks('https://www.gov.cn/a http://weixin.qq.com www.gov.cn', allowed).risky).toEqual(
    [],
  );
  expect(tappableHref('HTTPS://www.gov.cn/a')).toBe('HTTPS://www.gov.cn/a');
  expect(tappableHref('www.gov.cn/a')).toBe('https://www.gov.cn/a');
});

it('a message with a javascript: link on an allowed host is flagged and recorded', async () => {
  const c = await activeConsult(env);
  const text = '点这里 javascript://www.gov.cn/%0aalert(1)//';
  const sent = expectOk<MessageView>(
    await env.consult(
      'sendMessage',
      { consultId: c.id, clientMsgId: 'js-link-0001', text },
      drWang,
    ),
  );
  expect(sent).toMatchObject({ risky: true, links: [{ start: 4, end: text.length, safe: false }] });
  expect(await env.store.count(RISKY_URLS.name, { host: 'www.gov.cn' })).toBe(1);
});
