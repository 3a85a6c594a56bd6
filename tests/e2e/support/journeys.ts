import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { SMS_RESEND_SECONDS } from '../../../contract/user/items';
import type { RunningApp } from './app';
import { readSmsCode } from './sms';

/**
 * Journeys several e2e tests walk the same way a user does (REG, CAM, ALB): registering,
 * writing to a doctor with a photo and paying in the sandbox, and binding a doctor.
 */

const root = join(__dirname, '..', '..', '..');

// 1×1 PNG: the browser decodes it, the page re-encodes it as JPEG before upload.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export interface Envelope<T> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string; details?: Record<string, unknown> };
}

/** One action as the page's own session calls it (the context's cookies go along). */
export async function callApi<T>(
  page: Page,
  app: RunningApp,
  fn: string,
  action: string,
  data: object = {},
): Promise<Envelope<T>> {
  const res = await page.request.post(`${app.url}/api/${fn}`, { data: { action, data } });
  return (await res.json()) as Envelope<T>;
}

/** 登录 as a new user: phone, 获取验证码, the code from the outbox, 登录. */
export async function register(page: Page, app: RunningApp, phone: string): Promise<void> {
  await page.getByText('手机号登录 / 注册').waitFor();
  await page.locator('input[placeholder="请输入手机号"]').fill(phone);
  await page.getByText('获取验证码', { exact: true }).click();
  // The button counts down once the server has sent; a refusal (rate limit, overload, a
  // phone the page did not take) shows as text, and the failure should say which.
  const sent = page.getByText(/秒后重新获取/);
  const refused = page.locator('.login__error, .field__error');
  await sent.or(refused).first().waitFor({ timeout: 30_000 });
  if (await refused.count())
    throw new Error(`获取验证码 was refused: ${(await refused.allInnerTexts()).join(' / ')}`);
  const code = await readSmsCode(app.dataDir, phone);
  await page.locator('input[placeholder="6 位验证码"]').fill(code);
  await page.locator('.login__submit').click();
  await page.getByText('手机号登录 / 注册').waitFor({ state: 'detached' });
}

/** The seeded catalog's first doctor who charges for a consult. */
export async function paidDoctor(page: Page, app: RunningApp): Promise<string> {
  const list = await callApi<{ items: Array<{ id: string; consultPrice: number }> }>(
    page,
    app,
    'catalog',
    'listDoctors',
  );
  const doctor = list.data?.items.find((d) => d.consultPrice > 0);
  if (!doctor) throw new Error('the seeded catalog has no paid doctor');
  return doctor.id;
}

/**
 * From the doctor's page: 图文咨询 → 登录 (registers `phone`) → a photo from the album and
 * a description → 模拟支付. Answers the consult's id once the chat shows 待接诊.
 */
export async function consultWithPhoto(
  page: Page,
  app: RunningApp,
  doctorId: string,
  phone: string,
): Promise<string> {
  await page.goto(`${app.url}/pages/doctor/index?id=${doctorId}`);
  await page.locator('.doctor__consult').click();
  await register(page, app, phone);
  await page.getByText('病情描述').waitFor();
  await page.getByText('＋ 添加图片').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('从相册选择').click();
  await (await chooser).setFiles({ name: 'rash.png', mimeType: 'image/png', buffer: PNG });
  await page.locator('.photo--done').waitFor();
  await page.locator('textarea').first().fill('胸闷气短两周，活动后加重，夜间偶有憋醒。');
  await page.getByText(/^提交并支付/).click();
  await agreeToHealthConsent(page);
  await page.getByText('确认支付', { exact: true }).click();
  await page.locator('.status-banner__label', { hasText: '待接诊' }).waitFor();
  const id = new URL(page.url()).searchParams.get('id');
  if (!id) throw new Error(`no consult id in ${page.url()}`);
  return id;
}

/**
 * The health-information consent's own screen before a first consultation (issue 11
 * point 1): the box starts unticked; tick it, then 同意并继续.
 */
export async function agreeToHealthConsent(page: Page): Promise<void> {
  await page.getByText('健康信息单独同意', { exact: true }).waitFor();
  const box = page.getByRole('checkbox');
  if ((await box.getAttribute('aria-checked')) !== 'false')
    throw new Error('the box was pre-ticked');
  await box.click();
  await page.getByText('同意并继续', { exact: true }).click();
}

/** An invite code for `doctorId`, as operations issue one (scripts/doctor-invite.ts). */
export async function inviteCode(app: RunningApp, doctorId: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/doctor-invite.ts', doctorId],
    { cwd: root, env: { ...process.env, DATA_DIR: app.dataDir, NODE_ENV: 'test' } },
  );
  const m = stdout.match(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/);
  if (!m) throw new Error(`no invite code in: ${stdout}`);
  return m[0];
}

/** 我的 → 医生工作台 → 登录 (registers `phone`) → binds `doctorId` with an invite code. */
export async function bindDoctor(
  page: Page,
  app: RunningApp,
  doctorId: string,
  phone: string,
): Promise<void> {
  const code = await inviteCode(app, doctorId);
  await page.goto(`${app.url}/pages/mine/index`);
  await page.getByText('医生工作台').click();
  await register(page, app, phone);
  await page.locator('input[placeholder="医生邀请码"]').fill(code.toLowerCase());
  await page.getByText('绑定', { exact: true }).click();
  await page.getByText(/查看待接诊/).waitFor();
}

/**
 * 获取验证码 on the deletion form. The registration code went out to this phone moments ago
 * and a phone gets one code per SMS_RESEND_SECONDS, by the server's clock — which a test
 * cannot move without a backdoor in the server. So no sleep for a computed time: the page's
 * own signal. A refused send says when to try again and counts the server's
 * retryAfterSeconds down on the button; when the button reads 获取验证码 again, the server
 * sends. (On a machine slow enough that the minute has passed already, the first tap sends.)
 */
export async function sendCodeWhenTheServerAllows(patient: Page): Promise<void> {
  const button = patient.locator('.sms-code-field__send');
  const sent = patient.getByText(/^验证码已发送至/);
  const refused = patient.getByText(/秒后可再试/);
  await button.click();
  await sent.or(refused).waitFor();
  if (await sent.isVisible()) return;
  await button.filter({ hasText: /秒后重新获取/ }).waitFor();
  await button
    .filter({ hasText: /^获取验证码$/ })
    .waitFor({ timeout: (SMS_RESEND_SECONDS + 10) * 1000 });
  await button.click();
  await sent.waitFor();
}
