/**
 * 就诊人 and 病历 end to end (IDV, PI, SEC) against `npm start`: the patient adds 父亲 as a
 * 就诊人 (his consent declared, the health consent on its own screen), gives him a 检查报告
 * with a photo, and consults a doctor for him sharing that report; the doctor sees 王**,
 * opens the shared report (which the patient's access log then shows), and closes with a
 * summary that lands in 父亲's 病历; the export holds all of it, and after 注销账号 none of it
 * is left in the raw database or the file store (issue 12's journey).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { idCheckChar } from '../../contract/user/id-number';
import { presetConsent } from './support/consent';
import {
  bindDoctor,
  callApi,
  paidDoctor,
  register,
  sendCodeWhenTheServerAllows,
} from './support/journeys';
import { readSmsCode } from './support/sms';
import { screenshot } from './support/shots';
import { e2eSuite } from './support/suite';

jest.setTimeout(360_000);

// 1×1 PNG: the browser decodes it, the page re-encodes it as JPEG before upload.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const FATHER_ID = ((first17: string) => first17 + idCheckChar(first17))('31010119600505003');
const SUMMARY = '建议心内科门诊复查心电图，规律服药。';

const e2e = e2eSuite();

async function phone(): Promise<Page> {
  const context = await e2e.newContext();
  await presetConsent(context);
  return context.newPage();
}

/** The health consent's own sheet: its box (not the declaration's) ticked, then 同意并继续. */
async function agreeInSheet(page: Page): Promise<void> {
  const sheet = page.getByRole('dialog', { name: '健康信息单独同意' });
  await sheet.waitFor();
  const box = sheet.getByRole('checkbox');
  expect(await box.getAttribute('aria-checked')).toBe('false');
  await box.click();
  await page.getByText('同意并继续', { exact: true }).click();
}

test('add 父亲 → a 检查报告 with a photo → consult for him sharing it → the doctor reads it → export → 注销 leaves nothing', async () => {
  const patient = await phone();
  const doctorId = await paidDoctor(patient, e2e.app);

  // 我的 → 就诊人管理 → 登录 (register) → back to the empty list.
  await patient.goto(`${e2e.app.url}/pages/mine/index`);
  await patient.getByText('就诊人管理').click();
  await register(patient, e2e.app, '13900139101');
  await patient.getByText(/还没有就诊人/).waitFor();

  // 添加就诊人: 父母, name and ID; his consent declared; the health consent asked on its own.
  await patient.getByText('添加就诊人', { exact: true }).click();
  await patient.getByText('父母', { exact: true }).click();
  await patient.locator('input[placeholder="与证件一致"]').fill('王建国');
  await patient.locator('input[placeholder="18 位身份证号码"]').fill(FATHER_ID);
  await patient.getByText(/我已获得该就诊人同意/).click();
  await patient.getByText('保存', { exact: true }).click();
  await agreeInSheet(patient);
  await patient.locator('[data-testid="patient-card"]', { hasText: '王**' }).waitFor();
  expect(await patient.locator('body').innerText()).not.toContain(FATHER_ID);
  await screenshot(patient, 'patients-list');

  // His 病历 → 添加病历: 检查报告 with a photo from the album.
  await patient.getByText('病历', { exact: true }).click();
  await patient.getByText(/还没有病历/).waitFor();
  await patient.getByText('添加病历', { exact: true }).click();
  await patient.getByText('检查报告', { exact: true }).click();
  await patient.locator('input[placeholder="医院名称"]').fill('瑞金医院');
  await patient.locator('textarea[placeholder="诊断或检查结论"]').fill('心电图：窦性心律');
  await patient.getByText('＋ 添加照片').click();
  const chooser = patient.waitForEvent('filechooser');
  await patient.getByText('从相册选择').click();
  await (await chooser).setFiles({ name: 'ecg.png', mimeType: 'image/png', buffer: PNG });
  await patient.locator('[data-testid="picked-photo"]').waitFor();
  await patient.getByText('保存病历', { exact: true }).click();
  await patient.getByText('附件（1/9）').waitFor();
  await patient.locator('[data-testid="attachment"] img').waitFor();

  // 图文咨询 for him: he is chosen (the only 就诊人); the report is ticked to share.
  await patient.goto(`${e2e.app.url}/pages/doctor/index?id=${doctorId}`);
  await patient.locator('.doctor__consult').click();
  await patient.getByRole('radio', { name: /王\*\* 父母/ }).waitFor();
  expect(
    await patient.getByRole('radio', { name: /王\*\* 父母/ }).getAttribute('aria-checked'),
  ).toBe('true');
  await patient.getByText(/检查报告 · 瑞金医院/).click();
  await patient.locator('textarea').last().fill('父亲胸闷气短两周，活动后加重，夜间偶有憋醒。');
  await patient.getByText(/^提交并支付/).click();
  await patient.getByText('确认支付', { exact: true }).click();
  await patient.locator('.status-banner__label', { hasText: '待接诊' }).waitFor();
  await patient.getByText('已分享给医生的病历').waitFor();
  const consultId = new URL(patient.url()).searchParams.get('id') ?? '';
  const view = await callApi<{ patient: { kind: string; name: string } }>(
    patient,
    e2e.app,
    'consult',
    'get',
    { consultId },
  );
  expect(view.ok).toBe(true);
  expect(view.data?.patient).toMatchObject({ kind: 'patient', name: '王建国' });

  // The doctor: 王**, never the ID number; opens the shared report; accepts and closes.
  const doc = await phone();
  await bindDoctor(doc, e2e.app, doctorId, '13900139102');
  await doc.getByText(/查看待接诊/).click();
  await doc.locator('[data-testid="consult-row"]').first().click();
  await doc.getByText(/就诊人：王\*\* · 男 · \d+ 岁/).waitFor();
  expect(await doc.locator('body').innerText()).not.toContain(FATHER_ID);
  await doc.getByText('患者分享的病历').waitFor();
  await doc.getByText('查看', { exact: true }).click();
  await doc.getByText('诊断：心电图：窦性心律').waitFor();
  await doc.getByText('关闭', { exact: true }).click();
  await doc.getByText('接诊', { exact: true }).click();
  await doc.locator('.status-banner__label', { hasText: '咨询中' }).waitFor();
  await doc.getByText('结束咨询', { exact: true }).click();
  await doc.locator('textarea[placeholder="请填写诊断意见与建议"]').fill(SUMMARY);
  await doc.getByText('提交并结束', { exact: true }).click();
  await patient.locator('.status-banner__label', { hasText: '已结束' }).waitFor();

  // 父亲's 病历: the summary from the consult, and the report's access log names the doctor.
  await patient.goto(`${e2e.app.url}/pages/mine/index`);
  await patient.getByText('我的病历').click();
  await patient.locator('[data-testid="record-item"]', { hasText: '来自咨询' }).waitFor();
  await patient.locator('[data-testid="record-item"]', { hasText: '检查报告' }).click();
  await patient.locator('[data-testid="access-entry"]', { hasText: '医生查看了病历' }).waitFor();
  await screenshot(patient, 'record-access-log');

  // Export (PIPL art. 45): 父亲, both records (the report and the consult's summary), the share
  // and the doctor's read, and the report's photo as a file link.
  const copy = await exportAll(patient);
  expect(rowsOf(copy, 'patients')).toHaveLength(1);
  expect(JSON.stringify(rowsOf(copy, 'patients'))).toContain('王建国');
  const records = JSON.stringify(rowsOf(copy, 'medicalRecords'));
  expect(rowsOf(copy, 'medicalRecords')).toHaveLength(2);
  expect(records).toContain('心电图：窦性心律');
  expect(records).toContain(SUMMARY);
  expect(rowsOf(copy, 'recordShares').length).toBeGreaterThan(0);
  expect(rowsOf(copy, 'recordAccessLog').length).toBeGreaterThan(0);
  expect(filesOnDisk()).toBeGreaterThan(0);

  // 注销账号 (DEL): verified by SMS; then nothing of 父亲 is left in the raw database or on disk.
  await patient.goto(`${e2e.app.url}/pages/mine/index`);
  await patient.getByText('设置', { exact: true }).click();
  await patient.getByText('账号设置', { exact: true }).click();
  await patient.getByText('注销账号', { exact: true }).click();
  await sendCodeWhenTheServerAllows(patient);
  const code = await readSmsCode(e2e.app.dataDir, '13900139101', 1);
  await patient.locator('input[placeholder="6 位验证码"]').fill(code);
  await patient.locator('.check-row').click();
  await patient.getByText('确认注销', { exact: true }).click();
  await patient.getByText('账号已注销').waitFor({ timeout: 60_000 });
  expect(rawRows(['patients', 'medicalRecords', 'recordShares', 'recordAccessLog'])).toEqual({
    patients: 0,
    medicalRecords: 0,
    recordShares: 0,
    recordAccessLog: 0,
  });
  expect(filesOnDisk()).toBe(0);
});

interface ExportPage {
  collections: Array<{ collection: string; rows: unknown[] }>;
  next: string | null;
}

/** 导出我的数据 as the page asks for it: every page of the copy, joined. */
async function exportAll(page: Page): Promise<ExportPage['collections']> {
  const all: ExportPage['collections'] = [];
  let cursor: string | undefined;
  do {
    const res = await callApi<ExportPage>(
      page,
      e2e.app,
      'account',
      'export',
      cursor ? { cursor } : {},
    );
    expect(res.ok).toBe(true);
    all.push(...(res.data?.collections ?? []));
    cursor = res.data?.next ?? undefined;
  } while (cursor);
  return all;
}

const rowsOf = (copy: ExportPage['collections'], name: string) =>
  copy.filter((c) => c.collection === name).flatMap((c) => c.rows);

/** Rows left in the server's own SQLite file (DATA_DIR/zhuyi.sqlite), read beside it, WAL included. */
function rawRows(tables: string[]): Record<string, number> {
  const db = new Database(join(e2e.app.dataDir, 'zhuyi.sqlite'), { readonly: true });
  try {
    return Object.fromEntries(
      tables.map((t) => [
        t,
        (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n,
      ]),
    );
  } finally {
    db.close();
  }
}

/** Files in the local file store (every uploaded photo is one file under DATA_DIR/files). */
function filesOnDisk(): number {
  const dir = join(e2e.app.dataDir, 'files');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .length;
}
