/** The server's settings from the environment: load shedding's threshold (issue 15). */
import { readConfig } from '../../../server/config';
import { DEFAULT_MAX_EVENT_LOOP_DELAY_MS } from '../../../server/overload';

it('sheds load past 200 ms of event-loop delay unless told otherwise', () => {
  expect(readConfig({}).shedEventLoopDelayMs).toBe(DEFAULT_MAX_EVENT_LOOP_DELAY_MS);
  expect(readConfig({ SHED_EVENT_LOOP_DELAY_MS: '1500' }).shedEventLoopDelayMs).toBe(1500);
  expect(readConfig({ SHED_EVENT_LOOP_DELAY_MS: '0' }).shedEventLoopDelayMs).toBe(false);
});

it('refuses a threshold that is not a whole number of milliseconds', () => {
  for (const bad of ['-1', '2.5', 'fast'])
    expect(() => readConfig({ SHED_EVENT_LOOP_DELAY_MS: bad })).toThrow(/SHED_EVENT_LOOP_DELAY_MS/);
});
