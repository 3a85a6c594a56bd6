/**
 * The built 添加就诊人 page (subpackages/family/patient-form, IDV, PI) on the real `patients`
 * and `privacy` handlers over the CloudBase emulator: 父母 with a 居民身份证 needs the holder's
 * declaration; the server asks for the separate health consent, whose own sheet records it;
 * the 就诊人 is saved, listed masked, and the store keeps neither name nor ID in plaintext.
 */
import { AGREED_DECLARATION } from '../../contract/patients/items';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { SENSITIVE_CONSENTS } from '../../contract/privacy/sensitive-consents';
import { idNumber } from '../backend/user/support';
import { loadPage, waitFor, wxStorage, type PageHandle } from './harness';
import { registerOnBackend } from './support/account';
import { weappBackend } from './support/backend';

jest.setTimeout(15_000);
const backend = weappBackend();
const NAME = '王建国';
const ID = idNumber('310101', '19600505', '003');
const navigateBack = jest.fn((options: { success?: () => void }) => options.success?.());
let page: PageHandle;

const actions = () => backend.callFunction.mock.calls.map(([c]) => `${c.name}.${c.data.action}`);

beforeAll(async () => {
  await registerOnBackend(backend);
  page = await loadPage('subpackages/family/patient-form/index', {
    ...wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION }).apis,
    cloud: { init: jest.fn(), callFunction: backend.callFunction },
    navigateBack,
    showToast: jest.fn(),
  });
});

afterAll(() => backend.env.close());

test('父母 with an ID number: the declaration appears, unticked, and is required', async () => {
  await page.waitForText('与本人关系', '父母');
  page.tapText('.choice', '父母');
  await page.waitForText('证件类型', '居民身份证');
  page.dispatch('.field__input', 'input', { value: NAME }, 0);
  page.dispatch('.field__input', 'input', { value: ID }, 1);
  await page.waitForText(AGREED_DECLARATION);
  expect(page.text()).not.toContain('✓');
  page.tapText('.btn', '保存');
  await page.waitForText('请确认已获得该就诊人同意');
  expect(actions()).not.toContain('patients.add');
});

test('saving asks for the health consent on its own sheet; agreeing records it and saves', async () => {
  page.tap('.check-row');
  await waitFor(() => expect(page.text()).toContain('✓'));
  page.tapText('.btn', '保存');
  await page.waitForText(SENSITIVE_CONSENTS.health.title, SENSITIVE_CONSENTS.health.checkbox);
  // Refused once for want of the consent: nothing was saved.
  expect((await backend.call('patients', 'list')) as { items: unknown[] }).toMatchObject({
    items: [],
  });
  page.tap('.check-row', 1);
  // The sheet's box is ticked (two ✓: the declaration and the consent) before 同意 counts.
  await waitFor(() => expect(page.text().split('✓').length - 1).toBe(2));
  page.tapText('.btn', '同意并继续');
  await waitFor(() => expect(navigateBack).toHaveBeenCalled());
  expect(actions()).toEqual(
    expect.arrayContaining(['patients.add', 'privacy.recordSensitiveConsent']),
  );
  const { items } = (await backend.call('patients', 'list')) as {
    items: Array<{
      nameMasked: string;
      relation: string;
      idNumberMasked: string;
      declaration: unknown;
    }>;
  };
  expect(items).toEqual([
    expect.objectContaining({
      nameMasked: '王**',
      relation: '父母',
      idNumberMasked: expect.stringMatching(/^3101\*+\d{4}$/),
      declaration: expect.objectContaining({ kind: 'agreed' }),
    }),
  ]);
});

test('the store keeps neither the name nor the ID number in plaintext', async () => {
  const saved = backend.env.emulator?.store.save() ?? '';
  expect(saved).toContain('patients');
  expect(saved).not.toContain(NAME);
  expect(saved).not.toContain(ID);
});
