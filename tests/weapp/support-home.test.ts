/**
 * The built 客服与反馈 page (subpackages/support/home) on WeChat: the platform's own 客服
 * session (`<button open-type="contact">`) beside the in-app tickets, and the FAQ.
 */
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, loadPage, wxStorage, type PageHandle } from './harness';
import { weappBackend } from './support/backend';

jest.setTimeout(20_000);
const backend = weappBackend();
let page: PageHandle;

beforeAll(async () => {
  page = await loadPage('subpackages/support/home/index', {
    ...wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION }).apis,
    cloud: { init: jest.fn(), callFunction: backend.callFunction },
  });
});

afterAll(() => backend.env.close());

test('WeChat’s own 客服 is a contact button beside 新建工单 and 我的工单', async () => {
  await page.waitForText('新建工单', '我的工单', '微信在线客服', '常见问题');
  // The simulator's DOM does not show a button's open-type; the page's data and Taro's
  // compiled button template (open-type="{{i.p11}}") together say what WeChat renders.
  type Node = { v?: string; cn?: Node[]; p11?: string };
  const nodes: Node[] = [];
  const walk = (n: Node) => {
    nodes.push(n);
    n.cn?.forEach(walk);
  };
  walk(page.instance.data.root as Node);
  const contact = nodes.find((n) => n.cn?.some((c) => c.v === '微信在线客服'));
  expect(contact?.p11).toBe('contact');
  const base = readFileSync(join(DIST, 'base.wxml'), 'utf8');
  expect(base).toContain('open-type="{{i.p11}}"');
});
