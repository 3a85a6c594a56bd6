/**
 * The privacy promises in a real browser (POL, LOC, SCOPE, SDK) against `npm start`: the
 * policy at first launch with its dates, browse-only mode that sends nothing personal,
 * consent recorded on the server, the policy three taps from 我的, and location refused →
 * recommendations with the reason.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { e2eSuite } from './support/suite';
import { screenshot } from './support/shots';
import { answerConsentSheet, CONSENT_KEY, presetConsent } from './support/consent';
import {
  allowedStorageKey,
  PRE_CONSENT_API_ALLOWLIST,
  PRE_CONSENT_COOKIE_ALLOWLIST,
  recordStorageWrites,
  requestLog,
  storageWrites,
} from './support/pre-consent';

jest.setTimeout(180_000);

const RUIJIN = { latitude: 31.2149, longitude: 121.4609 };

const e2e = e2eSuite();

async function newContext(options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await e2e.newContext(options);
  return context;
}

/** Every request the page makes to our API, as "/api/<fn> <action>". */
function apiLog(page: Page): string[] {
  const log: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/')) return;
    let action = '';
    try {
      action = (JSON.parse(request.postData() ?? '{}') as { action?: string }).action ?? '';
    } catch {
      // Not JSON: logged by path alone.
    }
    log.push(`${url.pathname} ${action}`.trim());
  });
  return log;
}

/** Counts calls to navigator.geolocation from inside the page. */
async function countGeolocation(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { __geo: number };
    w.__geo = 0;
    const geo = navigator.geolocation;
    const original = geo.getCurrentPosition.bind(geo);
    geo.getCurrentPosition = (...args: Parameters<Geolocation['getCurrentPosition']>) => {
      w.__geo += 1;
      return original(...args);
    };
  });
}
const geolocationCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __geo: number }).__geo);

async function listConsents(page: Page) {
  // page.request shares the browser context's cookies: the same anonymous identity.
  const res = await page.request.post(`${e2e.app.url}/api/privacy`, {
    data: { action: 'listConsents', data: {} },
  });
  const body = (await res.json()) as {
    ok: boolean;
    data: {
      current: { policyVersion: string; policy: boolean; analytics: boolean } | null;
      records: Array<{ change: string }>;
    };
  };
  expect(body.ok).toBe(true);
  return body.data;
}

/** The supplement's public text, read in the consent sheet before any decision. */
const isSupplement = (l: string) => l === '/api/privacy getSupplement';

/** Taps one switch of 隐私设置 and waits for the server to have heard of it. */
async function toggle(page: Page, label: string) {
  const reported = page.waitForResponse((r) => r.url().endsWith('/api/privacy'));
  await page.locator('.consent-switch').filter({ hasText: label }).locator('input').click();
  await reported;
}

test('first launch shows the whole policy with its dates and 同意 / 不同意 (POL)', async () => {
  const page = await (await newContext()).newPage();
  const log = apiLog(page);
  await page.goto(e2e.app.url);
  const sheet = page.locator('.consent-sheet');
  await sheet.waitFor();
  await sheet.getByText('生效日期：2022年1月22日').waitFor();
  // The supplement follows the policy in the same sheet, filled by the server (issue 11 point 10).
  await sheet.getByText('四、存储地点').waitFor();
  // The whole text is there (most of it below the fold of the sheet's scroll area).
  const text = await sheet.textContent();
  for (const needle of [
    '上海助医用户隐私政策协议',
    '更新日期：2022年1月22日',
    '生效日期：2022年1月22日',
    '地理位置（位置信息）',
    '第三方SDK',
    '操作步骤：我的-设置-账号设置-注销账号',
    '隐私政策补充说明',
    '您的个人信息存储在中华人民共和国境内，不向境外提供',
    // npm start configures no operator facts: the gap shows, nothing is invented.
    '【待运营者填写：运营者名称】',
  ]) {
    expect(text).toContain(needle);
  }
  await sheet.locator('.consent-sheet__agree').waitFor();
  await sheet.locator('.consent-sheet__decline').waitFor();
  expect(await page.getByText('我知道了').count()).toBe(0);
  await screenshot(page, 'consent-sheet');
  // Only the catalog and the supplement's public text (read in the sheet, no caller).
  expect(
    log.filter((l) => !l.startsWith('/api/catalog') && l !== '/api/privacy getSupplement'),
  ).toEqual([]);
});

test('不同意 → browse-only: search and cards work, no location, nothing to privacy or telemetry', async () => {
  // Location is even allowed in the browser: the app must still not use it.
  const context = await newContext({ geolocation: RUIJIN, permissions: ['geolocation'] });
  await countGeolocation(context);
  // The page's clock is ours: statistics batches wait 5 s (src/platform/analytics/telemetry.ts),
  // and the test runs the clock past that instead of sleeping through it.
  await context.clock.install();
  const page = await context.newPage();
  const log = apiLog(page);
  await page.goto(e2e.app.url);
  await answerConsentSheet(page, '不同意');

  await page.getByText('未同意隐私政策，为您展示默认推荐').waitFor();
  await page.getByText('推荐医院').waitFor();
  await page.locator('.search-bar').click();
  await page.locator('input').first().fill('瑞金');
  // Earlier pages stay in the DOM, hidden: look inside the page on top.
  const hit = page.locator('.search .hospital-card').filter({ hasText: '瑞金医院' }).first();
  await hit.waitFor();
  await hit.click();
  await page.locator('.hospital .doctor-card').first().waitFor();
  await page.locator('.hospital .doctor-card').first().click();
  await page.locator('.doctor-stats').waitFor();
  await page.clock.runFor(10_000); // longer than any statistics batch
  // A request made after that returns only once any batch's request would have been seen.
  await page.evaluate(() => fetch('/').then((r) => r.status));

  expect(await geolocationCalls(page)).toBe(0);
  expect(log.some((l) => l.startsWith('/api/catalog search'))).toBe(true);
  expect(log.filter((l) => /^\/api\/(privacy|telemetry)/.test(l) && !isSupplement(l))).toEqual([]);
  expect(log.filter((l) => l.includes('nearby'))).toEqual([]);
});

test('同意 → the consent is recorded on the server; 隐私设置 shows it and can change it (POL, SDK)', async () => {
  const page = await (await newContext()).newPage();
  const log = apiLog(page);
  await page.goto(e2e.app.url);
  // The recordConsent answer itself (other privacy reads may come first): it sets the identity.
  const recordedOnServer = page.waitForResponse(
    (r) =>
      r.url().endsWith('/api/privacy') && (r.request().postData() ?? '').includes('recordConsent'),
  );
  await answerConsentSheet(page, '同意');
  await recordedOnServer;

  const recorded = await listConsents(page);
  expect(recorded.current).toMatchObject({
    policyVersion: POLICY_VERSION,
    policy: true,
    analytics: false,
  });
  expect(recorded.records.map((r) => r.change)).toEqual(['agree']);

  await page.goto(`${e2e.app.url}/pages/privacy-settings/index`);
  await page.getByText('已同意隐私政策').waitFor();
  await toggle(page, '统计分析');
  expect((await listConsents(page)).current).toMatchObject({ analytics: true });

  // With the consent on, statistics reach our own server (SDK's local adapter).
  await page.goto(`${e2e.app.url}/pages/mine/index`);
  await page.waitForRequest((r) => r.url().endsWith('/api/telemetry'), { timeout: 15_000 });

  // Off again: one tap, recorded as a withdrawal.
  await page.goto(`${e2e.app.url}/pages/privacy-settings/index`);
  await toggle(page, '统计分析');
  const after = await listConsents(page);
  expect(after.current).toMatchObject({ policy: true, analytics: false });
  expect(after.records[0].change).toBe('withdraw');
  expect(log.filter((l) => l.startsWith('/api/privacy')).length).toBeGreaterThanOrEqual(3);
});

test('the policy is reached from 我的 in at most 4 taps (POL)', async () => {
  const context = await newContext();
  await presetConsent(context);
  const page = await context.newPage();
  await page.goto(e2e.app.url);
  await page.getByText('全部医院').waitFor();
  await page.getByText('全部医院').waitFor();

  let taps = 0;
  await page.locator('.weui-tabbar__item').filter({ hasText: '我的' }).click();
  taps += 1;
  await page.locator('.menu__item').filter({ hasText: '设置' }).click();
  taps += 1;
  await page.locator('.menu__item').filter({ hasText: '隐私政策' }).click();
  taps += 1;

  await page.getByText('生效日期：2022年1月22日').waitFor();
  await page.getByText('信息的收集', { exact: true }).waitFor();
  expect(page.url()).toContain('/pages/privacy-policy/index');
  expect(taps).toBeLessThanOrEqual(4);
  await screenshot(page, 'privacy-policy');
});

test('the two lists (工信部信管函〔2021〕292号) are 4 taps from 首页, in browse-only mode too', async () => {
  const page = await (await newContext()).newPage();
  const log = apiLog(page);
  await page.goto(e2e.app.url);
  await answerConsentSheet(page, '不同意');
  await page.getByText('全部医院').waitFor();
  await page.locator('.weui-tabbar__item').filter({ hasText: '我的' }).click();
  await page.locator('.menu__item').filter({ hasText: '设置' }).click();
  await page.locator('.menu__item').filter({ hasText: '隐私设置' }).click();
  await page.getByText('个人信息清单', { exact: true }).click(); // the 4th tap
  await page.getByText('已收集个人信息清单').waitFor();
  await page.getByText('与第三方共享个人信息清单').waitFor();
  expect(await page.locator('[data-testid="collected-row"]').count()).toBeGreaterThan(5);
  expect(await page.locator('[data-testid="shared-row"]').count()).toBeGreaterThan(2);
  await page.getByText('您尚未同意隐私政策：我们没有保存您的个人信息。').waitFor();
  await screenshot(page, 'personal-info-lists');
  expect(log.filter((l) => /^\/api\/(privacy|telemetry)/.test(l) && !isSupplement(l))).toEqual([]);
});

test('location refused in the browser → recommendations with the reason (LOC)', async () => {
  const context = await newContext();
  await presetConsent(context);
  await context.addInitScript(() => {
    // The user blocked this site's location: a remembered "no".
    const query = navigator.permissions.query.bind(navigator.permissions);
    navigator.permissions.query = (d: PermissionDescriptor) =>
      d.name === 'geolocation'
        ? Promise.resolve({ state: 'denied' } as PermissionStatus)
        : query(d);
  });
  await countGeolocation(context);
  const page = await context.newPage();
  const log = apiLog(page);
  await page.goto(e2e.app.url);
  await page.getByText('未开启定位，为您展示默认推荐').waitFor();
  await page.getByText('推荐医生').waitFor();
  expect(await page.locator('.hospital-card').count()).toBeGreaterThan(0);
  // A remembered "no" is not asked again.
  expect(await geolocationCalls(page)).toBe(0);
  expect(log.filter((l) => l.includes('nearby'))).toEqual([]);
});

describe('nothing before consent, measured (issue 11 point 3)', () => {
  /** Requests that left our origin, and API calls outside the pre-consent allowlist. */
  const offList = (log: string[]) => ({
    foreign: log.filter((l) => /^\w+ \w+:\/\//.test(l)),
    api: log
      .map((l) => l.split(' ').slice(1).join(' '))
      .filter((call) => call.startsWith('/api'))
      .filter((call) => !PRE_CONSENT_API_ALLOWLIST.some((re) => re.test(call))),
  });
  const cookieNames = async (context: BrowserContext) =>
    (await context.cookies()).map((c) => c.name);

  test('first launch, sheet open: no cookie, no storage write, only our origin and the catalog', async () => {
    const context = await newContext();
    await recordStorageWrites(context);
    const page = await context.newPage();
    const log = requestLog(page, e2e.app.url);
    await page.goto(e2e.app.url);
    await page.locator('.consent-sheet').waitFor();
    await page.locator('.hospital-card').first().waitFor();
    await page.waitForLoadState('networkidle');

    expect(log.length).toBeGreaterThan(0);
    expect(offList(log)).toEqual({ foreign: [], api: [] });
    expect(await cookieNames(context)).toEqual(PRE_CONSENT_COOKIE_ALLOWLIST);
    // Before the decision nothing at all is written, not even on the allowlist.
    expect(await storageWrites(page)).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  });

  test('不同意 → browse-only: only the decision is kept; no identifier, cookie or caller', async () => {
    const context = await newContext();
    await recordStorageWrites(context);
    const page = await context.newPage();
    const log = requestLog(page, e2e.app.url);
    await page.goto(e2e.app.url);
    await answerConsentSheet(page, '不同意');
    await page.getByText('未同意隐私政策，为您展示默认推荐').waitFor();
    await page.locator('.search-bar').click();
    await page.locator('input').first().fill('瑞金');
    const hit = page.locator('.search .hospital-card').filter({ hasText: '瑞金医院' }).first();
    await hit.click();
    await page.locator('.hospital .doctor-card').first().click();
    await page.locator('.doctor-stats').waitFor();
    await page.waitForLoadState('networkidle');

    expect(log.some((l) => l === 'POST /api/catalog search')).toBe(true);
    expect(offList(log)).toEqual({ foreign: [], api: [] });
    expect(await cookieNames(context)).toEqual(PRE_CONSENT_COOKIE_ALLOWLIST);
    const writes = await storageWrites(page);
    expect(writes.filter((w) => w.area !== 'localStorage' && w.area !== 'sessionStorage')).toEqual(
      [],
    );
    expect(writes.map((w) => w.key).filter((key) => !allowedStorageKey(key))).toEqual([]);
    // The decision is the decision: no id, nothing typed or seen.
    const stored = await page.evaluate(() => ({ ...localStorage }));
    expect(Object.keys(stored)).toEqual([CONSENT_KEY]);
    const { data } = JSON.parse(stored[CONSENT_KEY]) as { data: Record<string, unknown> };
    expect(Object.keys(data).sort()).toEqual([
      'at',
      'decision',
      'items',
      'policyVersion',
      'synced',
    ]);
    expect(data.decision).toBe('declined');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  test('同意 → the identity cookie is set now, by the consent call that needs a caller', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(e2e.app.url);
    await page.locator('.consent-sheet').waitFor();
    expect(await cookieNames(context)).toEqual([]);
    const recorded = page.waitForResponse((r) => r.url().endsWith('/api/privacy'));
    await answerConsentSheet(page, '同意');
    const response = await recorded;
    expect(await response.headerValue('set-cookie')).toMatch(/^zy_sid=[^;]+;.*HttpOnly/);
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly])).toEqual([['zy_sid', true]]);
  });
});
