/**
 * The built 确认预约 page (subpackages/booking/confirm, issue 13) on the real booking and
 * patients handlers over the CloudBase emulator: a demo doctor's generated schedule, a 就诊人
 * added through patients.add, and the confirm tap — which asks WeChat for 就诊提醒
 * (wx.requestSubscribeMessage) inside the tap, before anything is booked — books with a
 * request id, starts the sandbox payment and opens the booking 模拟支付 page.
 */
import { DOCTORS } from '../../backend/collections';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import { SENSITIVE_CONSENTS } from '../../contract/privacy/sensitive-consents';
import type { AppointmentView, SlotView } from '../../contract/booking';
import { doctorDoc } from '../backend/consult/support';
import { FATHER } from '../backend/patients/support';
import { loadPage, waitFor, wxAsync, wxStorage, type PageHandle } from './harness';
import { registerOnBackend } from './support/account';
import { weappBackend } from './support/backend';

jest.setTimeout(20_000);
const TEMPLATE = 'tmpl-visit-reminder';
const backend = weappBackend(undefined, { subscribeTemplateIds: [TEMPLATE] });
const DOCTOR = 'd-demo-weapp';
const booksSoFar = () =>
  backend.callFunction.mock.calls.filter(([c]) => c.data.action === 'book').length;

// What the page had booked when WeChat's dialog was asked for: it must be nothing yet.
const booksWhenAsked: number[] = [];
const requestSubscribeMessage = jest.fn((o: { success?: (r: unknown) => void }) => {
  booksWhenAsked.push(booksSoFar());
  setTimeout(() => o.success?.({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'accept' }), 0);
});
const redirectTo = wxAsync(() => ({ ok: { errMsg: 'redirectTo:ok' } }));
let page: PageHandle;
let slot: SlotView;
let father: { id: string; nameMasked: string };

beforeAll(async () => {
  await registerOnBackend(backend);
  // A 就诊人 with a document (实名制预约), added as the 就诊人 page would.
  const health = { item: 'health', version: SENSITIVE_CONSENTS.health.version };
  await backend.call('privacy', 'recordSensitiveConsent', health);
  father = (await backend.call('patients', 'add', FATHER)) as { id: string; nameMasked: string };
  await backend.env.store.insert(DOCTORS.name, { ...doctorDoc(DOCTOR, '演示医生', 0) });
  const schedule = (await backend.call('booking', 'schedule', { doctorId: DOCTOR })) as {
    days: Array<{ slots: SlotView[] }>;
  };
  const open = schedule.days.flatMap((d) => d.slots).find((s) => s.status === 'open');
  if (!open) throw new Error('the demo schedule has no open slot');
  slot = open;
  page = await loadPage(
    'subpackages/booking/confirm/index',
    {
      ...wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION }).apis,
      cloud: { init: jest.fn(), callFunction: backend.callFunction },
      requestSubscribeMessage,
      redirectTo,
      showToast: wxAsync(() => ({ ok: { errMsg: 'showToast:ok' } })),
    },
    { doctorId: DOCTOR, slotId: slot.slotId },
  );
});

afterAll(() => backend.env.close());

test('shows the slot, the 就诊人 and the rules from the back end', async () => {
  await page.waitForText('确认预约', '实名制预约', '就诊前一个工作日 18:00 前可免费取消');
  expect(page.text()).toContain(slot.window);
});

test('确认预约 asks for 就诊提醒 in the tap, books, and opens the booking 模拟支付 page', async () => {
  await page.waitForText(father.nameMasked);
  page.tap('.confirm__submit');
  await waitFor(() => expect(redirectTo).toHaveBeenCalled(), 10_000);
  expect(requestSubscribeMessage).toHaveBeenCalledWith(
    expect.objectContaining({ tmplIds: [TEMPLATE] }),
  );
  expect(booksWhenAsked).toEqual([0]);
  const book = backend.callFunction.mock.calls.find(([c]) => c.data.action === 'book');
  expect(book?.[0].data.data).toEqual({
    slotId: slot.slotId,
    patientId: father.id,
    clientRequestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
  });
  const list = (await backend.call('booking', 'list', {})) as { items: AppointmentView[] };
  expect(list.items).toHaveLength(1);
  const [appt] = list.items;
  expect(appt).toMatchObject({ status: 'pending_payment', patient: { id: father.id } });
  expect(redirectTo.mock.calls.at(-1)?.[0]).toMatchObject({
    url: `/subpackages/booking/pay/index?orderId=${appt.id}`,
  });
});
