/**
 * Whole patient journeys in a real browser (Debian Chromium via playwright-core) against
 * `npm start` on a fresh DATA_DIR: the seeded catalog, the H5 build, the real server.
 */
import type { Browser, Page } from 'playwright-core';
import { e2eSuite } from './support/suite';
import { screenshot, settled } from './support/shots';
import { answerConsentSheet, presetConsent } from './support/consent';

jest.setTimeout(180_000);

const RUIJIN = { latitude: 31.214545 + 0.0004, longitude: 121.461202 - 0.0003 };

const e2e = e2eSuite();

/**
 * A phone whose user already agreed to the privacy policy (these journeys are about the
 * catalog; first launch itself is privacy.test.ts). `firstLaunch` leaves the sheet to answer.
 */
async function phone(
  options: Parameters<Browser['newContext']>[0] = {},
  { firstLaunch = false } = {},
): Promise<Page> {
  const context = await e2e.newContext(options);
  if (!firstLaunch) await presetConsent(context);
  return context.newPage();
}

test('home with location denied shows the default recommendations and says why (LOC)', async () => {
  const page = await phone({}, { firstLaunch: true });
  await page.goto(e2e.app.url);
  // First launch: the policy comes first; after 同意 location is still not asked for —
  // only when the user taps 开启定位 (issue 11 point 4), here refused by the browser.
  await answerConsentSheet(page, '同意');
  await page.getByText('为您展示默认推荐，开启定位可查看附近的医院和医生').waitFor();
  await page.locator('.home__locate').click();
  await page.getByText('未开启定位，为您展示默认推荐').waitFor();
  await page.getByText('推荐医院').waitFor();
  const cards = page.locator('.section').filter({ hasText: '推荐医院' }).locator('.hospital-card');
  expect(await cards.count()).toBeGreaterThan(0);
  for (const grade of await cards.locator('.badge--grade').allTextContents())
    expect(grade).toBe('三级甲等');
  await expect(page.getByText('推荐医生').count()).resolves.toBe(1);
  await screenshot(page, 'home');
});

test('with location granted next to 瑞金医院, the first nearby hospital is 瑞金医院 (LOC)', async () => {
  const page = await phone({ geolocation: RUIJIN, permissions: ['geolocation'] });
  await page.goto(e2e.app.url);
  await page.getByText('附近医院').waitFor();
  const first = page
    .locator('.section')
    .filter({ hasText: '附近医院' })
    .locator('.hospital-card')
    .first();
  await expect(first.locator('.hospital-card__name').textContent()).resolves.toBe(
    '上海交通大学医学院附属瑞金医院',
  );
  await expect(first.locator('.hospital-card__distance').textContent()).resolves.toMatch(/^\d+m$/);
  expect(await page.getByText('为您展示默认推荐').count()).toBe(0);
});

test('search 瑞金 finds the hospital; its page lists departments and doctors', async () => {
  const page = await phone();
  await page.goto(`${e2e.app.url}/pages/search/index`);
  await page.locator('.search__input input, input.search__input, .search__input').first().waitFor();
  await page.locator('input').first().fill('瑞金');
  const hit = page
    .locator('.hospital-card')
    .filter({ hasText: '上海交通大学医学院附属瑞金医院' })
    .first();
  await hit.waitFor();
  await hit.click();
  await page.waitForURL(/\/pages\/hospital\/index\?id=h_/);
  // Taro H5 keeps the search page in the DOM (hidden): look only inside the hospital page.
  const hospital = page.locator('.page.hospital');
  await hospital.getByText('内分泌代谢科').first().waitFor();
  await hospital.locator('.doctor-card').first().waitFor();
});

test('a doctor card opens by its shared link, without login, and shows the card', async () => {
  const recommend = await fetch(`${e2e.app.url}/api/catalog`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'recommend', data: { kind: 'doctor', limit: 1 } }),
  }).then(
    (r) =>
      r.json() as Promise<{
        ok: boolean;
        data: { items: Array<{ doctor: { id: string; name: string; hospitalName: string } }> };
      }>,
  );
  const doctor = recommend.data.items[0].doctor;
  const page = await phone();
  await page.goto(`${e2e.app.url}/pages/doctor/index?id=${doctor.id}`);
  await page.getByText(doctor.name).first().waitFor();
  await page.getByText('示例数据').first().waitFor();
  await page.getByText(doctor.hospitalName).first().waitFor();
  await page.getByText('评分').waitFor();
  await settled(page);
  // Both actions whole on a phone's screen, side by side (复制链接 was once pushed off it).
  const width = page.viewportSize()!.width;
  const boxes = await Promise.all(
    ['复制链接', '图文咨询'].map((label) =>
      page.locator('.page.doctor .doctor__actions').getByText(label).boundingBox(),
    ),
  );
  for (const box of boxes) {
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  }
  expect(boxes[0]!.x + boxes[0]!.width).toBeLessThanOrEqual(boxes[1]!.x);
  await screenshot(page, 'doctor');
});

test('an unknown doctor id shows an error state, not a blank page', async () => {
  const page = await phone();
  await page.goto(`${e2e.app.url}/pages/doctor/index?id=d_doesnotexist`);
  await page.getByText('医生不存在').waitFor();
});
