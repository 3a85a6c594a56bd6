/**
 * 预约挂号 end to end (issue 13) against `npm start`: from a demo doctor's page, 预约挂号 →
 * the 14-day schedule → 预约 → 登录 (register) → 确认预约 for a 就诊人 → 模拟支付 → 预约成功 with
 * the 取号码 → 我的 → 我的预约 → the detail → 取消预约 (the rule and refund said first) → the
 * refund shown, the appointment under 已取消, and the place back in the schedule; booked
 * again, the doctor stops the period and the patient sees 停诊 and the refund.
 */
import type { Page } from 'playwright-core';
import type { SlotView } from '../../contract/booking';
import { SENSITIVE_CONSENTS } from '../../contract/privacy/sensitive-consents';
import { presetConsent } from './support/consent';
import { bindDoctor, callApi, register } from './support/journeys';
import { screenshot } from './support/shots';
import { e2eSuite } from './support/suite';

jest.setTimeout(240_000);
const e2e = e2eSuite();

type Day = { date: string; slots: SlotView[] };

/**
 * One action as the page's session calls it, answered: on 2 shared cores the server may shed
 * a call (503 RATE_LIMITED, retry after 1 s) — the test's own look-ups then ask again, as the
 * header says; any other failure fails the test.
 */
async function answer<T>(page: Page, fn: string, action: string, data: object = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const res = await callApi<T>(page, e2e.app, fn, action, data);
    if (res.ok && res.data !== undefined) return res.data;
    if (res.error?.code !== 'RATE_LIMITED' || attempt >= 10)
      throw new Error(`${fn}.${action}: ${JSON.stringify(res.error)}`);
    await page.waitForTimeout(1000);
  }
}

/** A father with a 居民身份证 (a valid check digit, GB 11643): 实名制预约 accepts him. */
const FATHER = {
  relation: '父母',
  name: '张建国',
  document: { idType: 'id_card', idNumber: '310115195803010137' },
  declaration: { agreed: true },
};

/** A demo doctor with an open slot at least 5 days ahead: free cancellation is still open then. */
async function bookableSlot(page: Page): Promise<{ doctorId: string; slot: SlotView }> {
  const list = await answer<{ items: Array<{ id: string }> }>(page, 'catalog', 'listDoctors');
  const soonest = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  for (const d of list.items) {
    const s = await answer<{ available: boolean; days: Day[] }>(page, 'booking', 'schedule', {
      doctorId: d.id,
    });
    const slot = s.days
      .filter((day) => day.date >= soonest)
      .flatMap((day) => day.slots)
      .find((x) => x.status === 'open');
    if (s.available && slot) return { doctorId: d.id, slot };
  }
  throw new Error('no seeded doctor has an open slot 5 days ahead');
}

/** Opens a page; a load the server shed (503, Retry-After: 1) is asked again, as the header says. */
async function open(page: Page, path: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const res = await page.goto(`${e2e.app.url}${path}`);
    if (res?.status() !== 503 || attempt >= 10) return;
    await page.waitForTimeout(1000);
  }
}

const remainingOf = async (page: Page, doctorId: string, slotId: string) => {
  const s = await answer<{ days: Day[] }>(page, 'booking', 'schedule', { doctorId });
  const found = s.days.flatMap((d) => d.slots).find((x) => x.slotId === slotId);
  if (!found) throw new Error(`slot ${slotId} is not in the schedule`);
  return found.remaining;
};

test('book a slot for a 就诊人, pay in the sandbox, see it in 我的预约, cancel it and see the refund', async () => {
  const context = await e2e.newContext();
  await presetConsent(context);
  const page = await context.newPage();
  const { doctorId, slot } = await bookableSlot(page);
  const before = await remainingOf(page, doctorId, slot.slotId);

  // The doctor's page → 预约挂号 → the day → 预约 (browsing needs no account).
  await open(page, `/pages/doctor/index?id=${doctorId}`);
  await page.locator('.doctor__book').click();
  await page.getByText('预约须知').waitFor();
  await page.getByLabel(`${slot.date} 有号`).click();
  const row = page.locator('[data-testid="slot-row"]', { hasText: slot.window });
  await row.getByText('预约', { exact: true }).click();
  await register(page, e2e.app, '13900139071');

  // 确认预约: a 就诊人 with a document (added as the 就诊人 page does), then reload the page.
  await page.locator('.confirm__submit').waitFor();
  const health = { item: 'health', version: SENSITIVE_CONSENTS.health.version };
  await answer(page, 'privacy', 'recordSensitiveConsent', health);
  const added = await answer<{ nameMasked: string }>(page, 'patients', 'add', FATHER);
  await open(page, new URL(page.url()).pathname + new URL(page.url()).search);
  await page.getByText(added.nameMasked).waitFor();
  await page.getByText('实名制预约：就诊人须有有效身份证件，到院请携带该证件').waitFor();
  await page.locator('.confirm__submit').click();

  // 模拟支付 → 预约成功 with the 取号码.
  await page.getByText('本地测试环境 · 不会产生真实扣款').waitFor();
  await page.getByText('确认支付', { exact: true }).click();
  await page.getByText('预约成功', { exact: true }).waitFor();
  const code = (await page.locator('[data-testid="visit-code"]').textContent())?.trim();
  expect(code).toMatch(/^\d{6}$/);
  expect(await remainingOf(page, doctorId, slot.slotId)).toBe(before - 1);
  await screenshot(page, 'booking-result');

  // 我的 → 我的预约 → the appointment → 取消预约.
  await open(page, '/pages/mine/index');
  await page.getByText('我的预约', { exact: true }).click();
  const card = page.locator('[data-testid="appointment-card"]');
  await card.getByText('待就诊').waitFor();
  await card.click();
  await page.getByText(code!).waitFor();
  await page.getByText('取消预约', { exact: true }).click();
  await page.getByText(/前可免费取消。.*将全额原路退回/).waitFor();
  await page.getByText('确认取消', { exact: true }).click();
  await page.locator('[data-testid="refund"]', { hasText: '已退款' }).waitFor();
  expect(await remainingOf(page, doctorId, slot.slotId)).toBe(before);

  // Under 已取消 in 我的预约.
  await open(page, '/subpackages/booking/list/index');
  await page.getByText('已取消', { exact: true }).first().click();
  await page.locator('.booking-status', { hasText: '已取消' }).waitFor();

  // 停诊: booked and paid again, then the doctor stops that period (the doctor's side has no
  // screen yet: the action, as the doctor's own session) — the patient sees 停诊 and the refund.
  const again = await answer<{ id: string }>(page, 'booking', 'book', {
    slotId: slot.slotId,
    patientId: (await patientIds(page))[0],
    clientRequestId: `e2e-stop-${Date.now()}`,
  });
  await open(page, `/subpackages/booking/detail/index?id=${again.id}`);
  await page.getByText('去支付', { exact: true }).click();
  await page.getByText('确认支付', { exact: true }).click();
  await page.getByText('预约成功', { exact: true }).waitFor();
  const doctor = await e2e.newContext().then(async (c) => {
    await presetConsent(c);
    return c.newPage();
  });
  await bindDoctor(doctor, e2e.app, doctorId, '13900139072');
  const stop = { slotId: slot.slotId };
  const stopped = await answer<{ stopped: number }>(doctor, 'booking', 'stopSlot', stop);
  expect(stopped).toMatchObject({ stopped: 1, refunds: 1 });
  await open(page, `/subpackages/booking/detail/index?id=${again.id}`);
  await page.locator('.booking-status', { hasText: '停诊' }).waitFor();
  await page.locator('[data-testid="refund"]', { hasText: '已退款' }).waitFor();
  await screenshot(page, 'booking-stopped');
});

/** The account's 就诊人 ids, as the picker lists them. */
async function patientIds(page: Page): Promise<string[]> {
  const list = await answer<{ items: Array<{ id: string }> }>(page, 'patients', 'list');
  return list.items.map((p) => p.id);
}
