/**
 * The built consult chat in WeChat's renderer, on the real consult handlers over the
 * CloudBase emulator: a patient (the WeChat user) in an accepted, paid consult with 王医生.
 * It loads through wx.cloud.callFunction (consult.get, consult.listMessages), hears of the
 * doctor's new message through its own database watch — the emulator's client database with
 * the repo's database-rules.json applied for the patient's openid, not polling — and sends a
 * typed message with consult.sendMessage and a client message id, which the doctor then reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_VERSION } from '../../contract/privacy/policy';
import type { ConsultView, MessageView } from '../../contract/consult/views';
import {
  activeConsult,
  alice,
  drWang,
  makeConsultEnv,
  send,
  setupWorld,
  type ConsultEnv,
} from '../backend/consult/support';
import { expectOk } from '../backend/support/env';
import { clientDatabase, type WatchOptions } from '../support/cloudbase-emulator/client';
import type { DatabaseRules } from '../support/cloudbase-emulator/rules';
import { loadPage, waitFor, wxAsync, wxStorage, type PageHandle } from './harness';
import { weappBackend, type WeappBackend } from './support/backend';

jest.setTimeout(20_000);

const RULES = JSON.parse(
  readFileSync(join(__dirname, '../../database-rules.json'), 'utf8'),
) as DatabaseRules;

let env: ConsultEnv;
let backend: WeappBackend;
let consult: ConsultView;
/** What the page's watches asked for, and any refusal (which would send it to polling). */
const watched: Array<{ collection: string; where: Record<string, unknown> }> = [];
const watchErrors: Error[] = [];

/** wx.cloud.database() as the patient: the emulator's, with database-rules.json in force. */
function patientDatabase() {
  const db = clientDatabase(env.emulator!, RULES, alice.openid);
  return {
    collection: (collection: string) => ({
      where: (where: Record<string, unknown>) => {
        watched.push({ collection, where });
        const query = db.collection(collection).where(where);
        return {
          watch: ({ onChange, onError }: WatchOptions) =>
            query.watch({
              onChange,
              onError: (error) => {
                watchErrors.push(error);
                onError(error);
              },
            }),
        };
      },
    }),
  };
}

let page: PageHandle;

beforeAll(async () => {
  env = makeConsultEnv(undefined, 'cloudbase');
  await setupWorld(env);
  consult = await activeConsult(env);
  await send(env, drWang, consult.id, '您好，哪里不舒服？');
  backend = weappBackend(alice.openid, { world: env });
  const storage = wxStorage({ decision: 'agreed', policyVersion: POLICY_VERSION });
  page = await loadPage(
    'subpackages/consult/chat/index',
    {
      ...storage.apis,
      cloud: { init: jest.fn(), callFunction: backend.callFunction, database: patientDatabase },
      showToast: wxAsync(() => ({ ok: { errMsg: 'showToast:ok' } })),
    },
    { id: consult.id },
  );
});

afterAll(() => env.close());

const callFunction = () => backend.callFunction;

test('loads the consult and its messages through the consult function', async () => {
  await page.waitForText('咨询中', '王医生', '您好，哪里不舒服？', '请仅填写与本次就诊相关的信息');
  expect(callFunction()).toHaveBeenCalledWith({
    name: 'consult',
    data: { action: 'get', data: { consultId: consult.id } },
  });
  expect(callFunction()).toHaveBeenCalledWith({
    name: 'consult',
    data: { action: 'listMessages', data: { consultId: consult.id, after: 0 } },
  });
});

test('the doctor’s new message arrives through the watch database-rules.json lets the patient open', async () => {
  // The watches name the patient ('{openid}'), so the rules let them in: no refusal, no polling.
  await waitFor(() =>
    expect(watched).toEqual(
      expect.arrayContaining([
        {
          collection: 'consultMessages',
          where: { consultId: consult.id, patientOpenid: '{openid}' },
        },
        { collection: 'consults', where: { _id: consult.id, patientOpenid: '{openid}' } },
      ]),
    ),
  );
  expect(page.text()).not.toContain('请上传一张患处照片');
  await send(env, drWang, consult.id, '请上传一张患处照片');
  await page.waitForText('请上传一张患处照片');
  expect(watchErrors).toEqual([]);
});

test('发送 calls sendMessage with the typed text and a client message id; the doctor reads it', async () => {
  page.dispatch('.composer__input', 'input', { value: '胸口发紧' });
  // 发送 reads the box as last rendered: wait until the typed text is in the page's data.
  await waitFor(() => expect(JSON.stringify(page.instance.data)).toContain('胸口发紧'));
  page.tap('.composer__send');
  await page.waitForText('胸口发紧');
  // Confirmed by the server, not just shown as pending.
  await waitFor(() => expect(page.text()).not.toContain('发送中'));
  const sends = callFunction()
    .mock.calls.map(([c]) => c)
    .filter((c) => c.data.action === 'sendMessage');
  expect(sends).toHaveLength(1);
  const sent = sends[0];
  expect(sent?.name).toBe('consult');
  expect(sent?.data.data).toEqual(
    expect.objectContaining({
      consultId: consult.id,
      text: '胸口发紧',
      clientMsgId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    }),
  );
  const forDoctor = expectOk<{ items: MessageView[] }>(
    await env.consult('listMessages', { consultId: consult.id, after: 0 }, drWang),
  );
  expect(forDoctor.items.at(-1)).toMatchObject({
    sender: 'patient',
    mine: false,
    text: '胸口发紧',
  });
  // Stored once, under the id the page chose (a resend with it could not post it twice).
  const forPatient = await backend.ask('consult', 'listMessages', {
    consultId: consult.id,
    after: 0,
  });
  expect(forPatient.items.filter((m) => m.text === '胸口发紧')).toEqual([
    expect.objectContaining({ mine: true, clientMsgId: sent?.data.data.clientMsgId }),
  ]);
});
