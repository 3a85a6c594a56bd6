/**
 * The built 导出我的数据 page (subpackages/account/export, PIPL art. 45) on the real `account`
 * handler over the CloudBase emulator: a long history comes back in pages of at most
 * EXPORT_PAGE_ROWS rows and the page joins them; then 保存 JSON 文件 on WeChat.
 *
 * Found (reported, not fixed here): on WeChat the file is only written to
 * wx.env.USER_DATA_PATH — the mini-program's private storage. Nothing hands it to the user
 * (no wx.shareFileMessage, no wx.openDocument), and WeChat offers no "share menu" for such a
 * file, so the user is told 已保存到小程序文件 … but cannot reach it. The last test pins that.
 */
import { ANALYTICS_EVENTS } from '../../backend/collections';
import { EXPORT_PAGE_ROWS } from '../../contract/account/items';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { loadPage, waitFor, wxStorage, type PageHandle } from './harness';
import { registerOnBackend } from './support/account';
import { weappBackend } from './support/backend';

jest.setTimeout(20_000);
const backend = weappBackend();
const EVENTS = EXPORT_PAGE_ROWS * 2 + 34;
const written: Array<{ filePath: string; data: string }> = [];
const fs = {
  writeFile: jest.fn(
    (o: { filePath: string; data: string; success?: () => void; fail?: (e: unknown) => void }) => {
      written.push({ filePath: o.filePath, data: o.data });
      setTimeout(() => o.success?.(), 0);
    },
  ),
};
const shareFileMessage = jest.fn();
const openDocument = jest.fn();
let page: PageHandle;

beforeAll(async () => {
  await registerOnBackend(backend);
  // A long history: the user's statistics events (SDK), enough for three export pages.
  await backend.env.store.insertMany(
    ANALYTICS_EVENTS.name,
    Array.from({ length: EVENTS }, (_, i) => ({
      _id: `ev-${String(i).padStart(5, '0')}`,
      owner: backend.caller.openid,
      name: 'page_view',
      at: new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString(),
      props: { page: 'home' },
    })),
  );
  page = await loadPage('subpackages/account/export/index', {
    ...wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION }).apis,
    cloud: { init: jest.fn(), callFunction: backend.callFunction },
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getFileSystemManager: () => fs,
    shareFileMessage,
    openDocument,
  });
});

afterAll(() => backend.env.close());

const exportCalls = () =>
  backend.callFunction.mock.calls.filter(
    ([c]) => c.name === 'account' && c.data.action === 'export',
  );

test('the export comes back in pages and the page joins every row', async () => {
  await page.waitForText('开始导出');
  page.tapText('.btn', '开始导出');
  await page.waitForText('重新导出', `${EVENTS} 条`);
  const calls = exportCalls();
  expect(calls.length).toBeGreaterThanOrEqual(3);
  expect(calls[0][0].data.data).toEqual({});
  // Each later call follows the cursor the previous answer gave.
  for (const [call] of calls.slice(1))
    expect(call.data.data).toEqual({ cursor: expect.any(String) });
});

test('on WeChat 保存 JSON 文件 writes the whole export to the mini-program’s own storage — and no further', async () => {
  page.tapText('.btn', '保存 JSON 文件');
  await page.waitForText('已保存到小程序文件');
  expect(written).toHaveLength(1);
  expect(written[0].filePath).toMatch(
    /^wxfile:\/\/usr\/上海助医-我的数据-\d{4}-\d{2}-\d{2}\.json$/,
  );
  const saved = JSON.parse(written[0].data) as {
    collections: Array<{ collection: string; rows: unknown[] }>;
    next?: unknown;
  };
  const events = saved.collections.find((c) => c.collection === ANALYTICS_EVENTS.name);
  expect(events?.rows).toHaveLength(EVENTS);
  expect(saved).not.toHaveProperty('next');
  // The defect: nothing hands the file to the user (see the header).
  await waitFor(() => expect(fs.writeFile).toHaveBeenCalledTimes(1));
  expect(shareFileMessage).not.toHaveBeenCalled();
  expect(openDocument).not.toHaveBeenCalled();
});
