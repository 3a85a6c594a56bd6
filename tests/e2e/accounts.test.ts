/**
 * An account in a real browser against `npm start` (REG, CAM, ALB, IDV): agree to the policy,
 * register with the code from the local SMS outbox, see the masked phone on 我的, change
 * the nickname and the avatar (a generated PNG through the file input, shrunk by the page),
 * submit real-name verification and see only masked values. The server's answers never
 * carry the whole phone number, name or ID number.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { idCheckChar, maskIdNumber } from '../../contract/user/id-number';
import { startApp, type RunningApp } from './support/app';
import { launchBrowser, PHONE } from './support/browser';
import { answerConsentSheet } from './support/consent';
import { makePng } from './support/png';
import { readSmsCode } from './support/sms';
import { screenshot } from './support/shots';

jest.setTimeout(180_000);

const PHONE_NUMBER = '13912345678';
const NAME = '张三';
// An adult born 1990-03-07 in 黄浦区, with a correct GB 11643 check character.
const ID_NUMBER = '31010119900307123' + idCheckChar('31010119900307123');

let app: RunningApp;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext;
let page: Page;
const userResponses: string[] = [];
// Bodies are read asynchronously: the checks await every read that has begun.
const bodyReads: Promise<void>[] = [];

beforeAll(async () => {
  app = await startApp();
  ({ browser, close: closeBrowser } = await launchBrowser());
  context = await browser.newContext({ ...PHONE });
  page = await context.newPage();
  page.on('response', (response) => {
    if (new URL(response.url()).pathname !== '/api/user') return;
    bodyReads.push(
      response.text().then(
        (body) => void userResponses.push(body),
        () => undefined,
      ),
    );
  });
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await closeBrowser?.();
  const code = await app?.stop();
  expect(code).toBe(0);
});

const tab = (label: string) => page.locator('.weui-tabbar__item').filter({ hasText: label });

/** Picks one picture the way a user does: the source sheet, then the browser's file chooser. */
async function choosePicture(trigger: () => Promise<void>, png: Buffer, name: string) {
  await trigger();
  const chooser = page.waitForEvent('filechooser');
  await page.locator('.taro-actionsheet__cell').filter({ hasText: '从相册选择' }).click();
  await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: png });
}

test('register with the SMS code: 我的 shows the phone masked (REG)', async () => {
  await page.goto(app.url);
  await answerConsentSheet(page, '同意');
  await tab('我的').click();
  await page.locator('.mine__login').filter({ hasText: '登录/注册' }).click();

  const login = page.locator('.login-page');
  await login.locator('input[placeholder="请输入手机号"]').fill(PHONE_NUMBER);
  await login.getByText('获取验证码').click();
  await login.getByText(/秒后重新获取/).waitFor();
  const code = await readSmsCode(app.dataDir, PHONE_NUMBER);
  expect(code).toMatch(/^\d{6}$/);
  await login.locator('input[placeholder="6 位验证码"]').fill(code);
  await login.locator('.login__submit').click();

  // Back on 我的 (a tab page), logged in.
  await page.locator('.mine .mine__phone').filter({ hasText: '139****5678' }).waitFor();
  expect(page.url()).toContain('/pages/mine/index');
});

test('change the nickname and the avatar (CAM, ALB)', async () => {
  await page.locator('.mine .mine__head').click();
  const profile = page.locator('.profile');
  await profile.getByText('更换头像').waitFor();

  const nickname = profile.locator('input[placeholder="1–20 个字"]');
  await nickname.fill('上海小助医');
  await profile.getByText('保存昵称').click();
  await page.getByText('昵称已保存').waitFor();

  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/user') && (r.request().postData() ?? '').includes('"avatar"'),
  );
  await choosePicture(
    () => profile.getByText('更换头像').click(),
    makePng(900, 700, [22, 119, 255]),
    'avatar.png',
  );
  const response = await saved;
  expect(response.status()).toBe(200);
  // The page sent a JPEG it shrank itself (~512 px), not the 900×700 PNG it was given.
  const sent = JSON.parse(response.request().postData() ?? '{}') as {
    data: { avatar: { contentType: string; contentBase64: string } };
  };
  expect(sent.data.avatar.contentType).toBe('image/jpeg');
  const avatar = profile.locator('.profile__image img');
  await avatar.waitFor();
  expect(await avatar.getAttribute('src')).toMatch(/^\/files\//);
  // The avatar link serves the picture to this browser.
  const served = await page.request.get(`${app.url}${await avatar.getAttribute('src')}`);
  expect(served.headers()['content-type']).toBe('image/jpeg');
});

test('real-name verification: consent first, then only masked values, no photo kept (IDV)', async () => {
  // 个人资料 has no tab bar: back to 我的 as the user would.
  await page.goBack();
  await page.locator('.mine .menu__item').filter({ hasText: '设置' }).click();
  await page.locator('.settings .menu__item').filter({ hasText: '账号设置' }).click();
  await page.locator('.account-settings .menu__item').filter({ hasText: '实名认证' }).click();

  const identity = page.locator('.identity');
  await identity.getByText('敏感个人信息处理规则', { exact: true }).waitFor();
  expect(await identity.locator('[role="checkbox"]').getAttribute('aria-checked')).toBe('false');
  await identity.locator('[role="checkbox"]').click();
  await identity.getByText('同意并继续').click();

  await identity.locator('input[placeholder="与身份证一致"]').fill(NAME);
  await identity.locator('input[placeholder="18 位身份证号码"]').fill(ID_NUMBER);
  const fields = identity.locator('.photo-field');
  for (const [i, hue] of [
    [0, [200, 60, 60]],
    [1, [60, 160, 90]],
  ] as const) {
    await choosePicture(
      () => fields.nth(i).locator('.photo-field__pick').click(),
      makePng(640, 480, [...hue]),
      `photo-${i}.png`,
    );
    await fields.nth(i).locator('.photo-field__thumb').waitFor();
  }
  await identity.getByText('提交认证').click();

  await identity.getByText('已认证').waitFor();
  await identity.getByText('张*', { exact: true }).waitFor();
  await identity.getByText(maskIdNumber(ID_NUMBER), { exact: true }).waitFor();
  const text = (await identity.textContent()) ?? '';
  expect(text).not.toContain(ID_NUMBER);
  expect(text).not.toContain(NAME);

  // Issue 11 point 9: no photo is kept, so none is shown; the page says so, and what it was for.
  expect(text).toContain('身份证照片和人脸照片已在核验后删除');
  expect(text).toContain('您已作为本人添加到就诊人');
  expect(await identity.locator('img').count()).toBe(0);
});

test('我的 with the new nickname and avatar; nothing sensitive ever came back whole', async () => {
  // Reopened from its link: the account is the server's, not the page's memory.
  await page.goto(`${app.url}/pages/mine/index`);
  const head = page.locator('.mine .mine__head');
  await head.getByText('上海小助医').waitFor();
  await head.getByText('139****5678').waitFor();
  await head.locator('img').waitFor();
  await screenshot(page, 'mine');

  await Promise.all(bodyReads);
  expect(userResponses.length).toBeGreaterThan(3);
  const bodies = userResponses.join('\n');
  expect(bodies).not.toContain(PHONE_NUMBER);
  expect(bodies).not.toContain(ID_NUMBER);
  expect(bodies).not.toContain(NAME);
});
