import { telemetryActions } from '../../contract/telemetry';
import type { BackendFunction } from '../../backend/core/action';
import { dispatch, OutputDriftError } from '../../backend/core/dispatch';
import { CHECKED, makeEnv, type TestEnv } from './support/env';

/** Tests parse every answer by its contract: a handler drifting from it fails the test. */

let env: TestEnv;
beforeEach(() => {
  env = makeEnv();
});
afterEach(() => env.close());

/** A telemetry function whose handler answers what the test says. */
function telemetryAnswering(answer: unknown): BackendFunction<'telemetry'> {
  return {
    name: 'telemetry',
    actions: telemetryActions,
    handlers: { track: async () => answer as { accepted: number } },
  };
}

const body = {
  action: 'track',
  data: { events: [{ name: 'page_view', at: '2026-11-30T08:00:00Z', props: { page: 'home' } }] },
};

it('passes an answer that matches the output schema', async () => {
  const r = await dispatch(telemetryAnswering({ accepted: 1 }), body, env.ctx(), CHECKED);
  expect(r).toEqual({ ok: true, data: { accepted: 1 } });
});

it('throws OutputDriftError, naming the field, when the answer drifts', async () => {
  const drifted = telemetryAnswering({ accepted: '1' });
  await expect(dispatch(drifted, body, env.ctx(), CHECKED)).rejects.toThrow(OutputDriftError);
  await expect(dispatch(drifted, body, env.ctx(), CHECKED)).rejects.toThrow(/data\.accepted/);
  // In production the drifted answer never reaches the app: INTERNAL, and the log says why.
  expect(await dispatch(drifted, body, env.ctx())).toMatchObject({
    ok: false,
    error: { code: 'INTERNAL' },
  });
});

it('strips what the contract does not declare: an internal field never reaches the caller', async () => {
  const leaky = telemetryAnswering({ accepted: 1, openid: 'o_secret', hash: 'ab12' });
  expect(await dispatch(leaky, body, env.ctx())).toEqual({ ok: true, data: { accepted: 1 } });
});
