/**
 * 图文咨询 end to end (CAM, ALB, PI, CS, SEC) in two browsers against `npm start`: the
 * patient registers, writes to a doctor with a photo and pays in the sandbox; the doctor
 * binds with an invite code, accepts and replies; the patient sees the reply without a
 * reload; the doctor closes with a summary.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { e2eSuite } from './support/suite';
import { screenshot } from './support/shots';
import { presetConsent } from './support/consent';
import { agreeToHealthConsent, register } from './support/journeys';

jest.setTimeout(240_000);

const root = join(__dirname, '..', '..');
// 1×1 PNG: the browser decodes it, the page re-encodes it as JPEG before upload.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const e2e = e2eSuite();

async function phone(): Promise<Page> {
  const context = await e2e.newContext();
  await presetConsent(context);
  return context.newPage();
}

async function api<T>(page: Page, fn: string, action: string, data: object): Promise<T> {
  const res = await page.request.post(`${e2e.app.url}/api/${fn}`, { data: { action, data } });
  const body = (await res.json()) as { ok: boolean; data: T };
  expect(body.ok).toBe(true);
  return body.data;
}

async function invite(doctorId: string): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/doctor-invite.ts', doctorId],
    { cwd: root, env: { ...process.env, DATA_DIR: e2e.app.dataDir, NODE_ENV: 'test' } },
  );
  const m = stdout.match(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/);
  if (!m) throw new Error(`no invite code in: ${stdout}`);
  return m[0];
}

test('patient consults with a photo and pays; the doctor binds, accepts, replies and closes', async () => {
  const patient = await phone();
  const { items } = await api<{ items: Array<{ id: string; name: string; consultPrice: number }> }>(
    patient,
    'catalog',
    'listDoctors',
    {},
  );
  const doctor = items.find((d) => d.consultPrice > 0);
  if (!doctor) throw new Error('the seeded catalog has no paid doctor');

  // Patient: the doctor card → 图文咨询 → 登录 (register) → back to the form.
  await patient.goto(`${e2e.app.url}/pages/doctor/index?id=${doctor.id}`);
  await patient.locator('.doctor__consult').click();
  await register(patient, e2e.app, '13900139001');
  await patient.getByText('病情描述').waitFor();
  await patient
    .getByText(/请仅填写与本次就诊相关的信息/)
    .first()
    .waitFor();

  // A photo from the album: the action sheet, then the browser's file chooser.
  await patient.getByText('＋ 添加图片').click();
  const chooser = patient.waitForEvent('filechooser');
  await patient.getByText('从相册选择').click();
  await (await chooser).setFiles({ name: 'rash.png', mimeType: 'image/png', buffer: PNG });
  await patient.getByText('病情照片（选填，1/9）').waitFor();
  await patient.locator('.photo--done').waitFor();

  await patient.locator('textarea').first().fill('胸闷气短两周，活动后加重，夜间偶有憋醒。');
  await patient.getByText(/^提交并支付/).click();
  await agreeToHealthConsent(patient);

  // 模拟支付 → 确认支付 → the chat, waiting for the doctor.
  await patient.getByText('本地测试环境 · 不会产生真实扣款').waitFor();
  await patient.getByText('确认支付', { exact: true }).click();
  await patient.locator('.status-banner__label', { hasText: '待接诊' }).waitFor();
  const chatUrl = patient.url();
  expect(chatUrl).toContain('/subpackages/consult/chat/index?id=');

  // Doctor: an invite code, 我的 → 医生工作台 → 登录 → bind → the queue → accept.
  const code = await invite(doctor.id);
  const doc = await phone();
  await doc.goto(`${e2e.app.url}/pages/mine/index`);
  await doc.getByText('医生工作台').click();
  await register(doc, e2e.app, '13900139002');
  await doc.locator('input[placeholder="医生邀请码"]').fill(code.toLowerCase());
  await doc.getByText('绑定', { exact: true }).click();
  await doc.getByText('查看待接诊（1）').click();
  await doc.locator('[data-testid="consult-row"]').first().click();
  await doc.getByText('接诊', { exact: true }).click();
  await doc.locator('.status-banner__label', { hasText: '咨询中' }).waitFor();
  // SEC: while active the doctor sees the contact (masked phone) the server sends.
  await doc.getByText(/联系人：.*139\*\*\*\*9001/).waitFor();

  // Patient sees 咨询中 and then the reply without reloading.
  await patient.locator('.status-banner__label', { hasText: '咨询中' }).waitFor();
  await doc
    .locator('textarea[placeholder="输入消息"]')
    .fill('您好，请问胸闷时有没有出汗、左肩痛？');
  await doc.getByText('发送', { exact: true }).click();
  await patient
    .getByText('您好，请问胸闷时有没有出汗、左肩痛？', { exact: true })
    .waitFor({ timeout: 15_000 });
  expect(patient.url()).toBe(chatUrl);

  await patient.locator('textarea[placeholder="输入消息"]').fill('没有出汗，左肩偶尔酸。');
  await patient.getByText('发送', { exact: true }).click();
  await doc.getByText('没有出汗，左肩偶尔酸。', { exact: true }).waitFor({ timeout: 15_000 });
  await screenshot(patient, 'consult-chat');

  // Doctor closes with a summary; the patient's page shows it without a reload.
  await doc.getByText('结束咨询', { exact: true }).click();
  await doc
    .locator('textarea[placeholder="请填写诊断意见与建议"]')
    .fill('建议心内科门诊做心电图和心脏彩超。');
  await doc.getByText('提交并结束', { exact: true }).click();
  await patient
    .getByText('建议心内科门诊做心电图和心脏彩超。', { exact: true })
    .waitFor({ timeout: 15_000 });
  await patient.locator('.status-banner__label', { hasText: '已结束' }).waitFor();
});
