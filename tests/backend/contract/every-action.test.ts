/**
 * SEC (issue 15): a property generated from the contract drives every action of every
 * function (backend/functions.ts) with hostile Unicode and arbitrary shapes, as an anonymous
 * caller and as a registered patient and doctor. No answer is INTERNAL, and whatever the
 * contract accepts is clean text (no control character but \n and \t, no lone surrogate,
 * NFC). A new action is covered the day it is added: the list comes from FUNCTIONS.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { FUNCTIONS } from '../../../backend/functions';
import type { ActionSchemas } from '../../../backend/core/action';
import { isCleanText } from '../../../contract/text';
import { alice, drWang, makeConsultEnv, setupWorld, type ConsultEnv } from '../consult/support';
import { arbitraryOf, stringsIn } from './arbitrary';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

const cases = Object.values(FUNCTIONS).flatMap((fn) =>
  Object.entries(fn.actions as unknown as Record<string, ActionSchemas>).map(
    ([action, schemas]) => [fn.name, action, schemas.input as z.ZodType] as const,
  ),
);

let env: ConsultEnv;
beforeAll(async () => {
  env = makeConsultEnv();
  await setupWorld(env);
});
afterAll(() => env.close());

it('covers every action of every function', () => {
  expect(cases.length).toBeGreaterThan(40);
});

it.each(cases)('%s.%s: never INTERNAL, and accepted text is clean', async (fn, action, input) => {
  await fc.assert(
    fc.asyncProperty(
      arbitraryOf(input),
      fc.constantFrom(null, alice, drWang),
      async (data, who) => {
        const parsed = input.safeParse(data);
        if (parsed.success) {
          for (const [path, s] of stringsIn(parsed.data))
            expect({ path, clean: isCleanText(s, true) }).toEqual({ path, clean: true });
        }
        const r = await env.call(fn, { action, data }, who);
        if (!r.ok) expect({ code: r.error.code, data }).not.toMatchObject({ code: 'INTERNAL' });
      },
    ),
    { numRuns: RUNS },
  );
});
