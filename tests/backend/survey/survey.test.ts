/** 问卷 (CS): the purpose first, optional answering, typed answers, one answer per account. */
import { SURVEY_ANSWERS, SURVEYS } from '../../../backend/collections';
import { DEMO_SURVEY, DEMO_SURVEY_ID, seedDemoSurvey } from '../../../backend/survey/seed';
import type { Caller } from '../../../backend/core/context';
import type { SurveySummary, SurveyView } from '../../../contract/survey';
import {
  alice,
  consultWorldEachTest,
  eve,
  expectError,
  expectOk,
  type ConsultEnv,
} from '../consult/support';

let env: ConsultEnv;
consultWorldEachTest((made) => {
  env = made;
});
beforeEach(() => seedDemoSurvey(env.store));

const survey = (action: string, data: unknown, who: Caller | null = alice) =>
  env.call('survey', { action, data }, who);
const submit = (answers: unknown, who: Caller | null = alice, surveyId = DEMO_SURVEY_ID) =>
  survey('submit', { surveyId, answers }, who);
const REQUIRED_ONLY = [{ questionId: 'overall', value: 4 }];

it('lists the open questionnaire with its purpose, then the questions; answered once', async () => {
  const [listed] = expectOk<{ items: SurveySummary[] }>(await survey('listOpen', {})).items;
  expect(listed).toEqual({
    id: DEMO_SURVEY_ID,
    title: DEMO_SURVEY.title,
    purpose: DEMO_SURVEY.purpose,
    questionCount: 4,
    answered: false,
    closesAt: null,
  });
  expect(listed.purpose).toContain('自愿');
  const view = expectOk<SurveyView>(await survey('get', { surveyId: DEMO_SURVEY_ID }));
  expect(view.questions.map((q) => [q.type, q.required])).toEqual([
    ['rating', true],
    ['multiple', false],
    ['single', false],
    ['text', false],
  ]);
  expectOk(
    await submit([
      { questionId: 'overall', value: 5 },
      { questionId: 'used', value: ['search', 'consult'] },
      { questionId: 'recommend', value: 'yes' },
      { questionId: 'advice', value: '希望增加夜间问诊' },
    ]),
  );
  expect(expectOk<SurveyView>(await survey('get', { surveyId: DEMO_SURVEY_ID })).answered).toBe(
    true,
  );
  expectError(await submit(REQUIRED_ONLY), 'CONFLICT', { reason: 'already_answered' });
  // eve answers for herself; her list still offers it.
  expect(
    expectOk<{ items: SurveySummary[] }>(await survey('listOpen', {}, eve)).items[0].answered,
  ).toBe(false);
  expectOk(await submit(REQUIRED_ONLY, eve));
  // CS/PI: free text is encrypted at rest.
  expect(JSON.stringify(await env.store.find(SURVEY_ANSWERS.name, {}))).not.toContain('夜间问诊');
});

it('two submits at once store one answer; the other is CONFLICT', async () => {
  const results = await Promise.all([submit(REQUIRED_ONLY), submit(REQUIRED_ONLY)]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expectError(
    results.find((r) => !r.ok)!,
    'CONFLICT',
    { reason: 'already_answered' },
  );
  expect(await env.store.count(SURVEY_ANSWERS.name, { owner: alice.openid })).toBe(1);
});

it('answers that do not fit their question are refused, naming it, and nothing is stored', async () => {
  const bad: unknown[] = [
    [],
    [{ questionId: 'used', value: ['search'] }],
    [...REQUIRED_ONLY, { questionId: 'nope', value: 1 }],
    [...REQUIRED_ONLY, { questionId: 'overall', value: 3 }],
    [{ questionId: 'overall', value: 0 }],
    [{ questionId: 'overall', value: 6 }],
    [{ questionId: 'overall', value: 4.5 }],
    [{ questionId: 'overall', value: '5' }],
    [...REQUIRED_ONLY, { questionId: 'recommend', value: 'perhaps' }],
    [...REQUIRED_ONLY, { questionId: 'recommend', value: ['yes'] }],
    [...REQUIRED_ONLY, { questionId: 'used', value: ['search', 'search'] }],
    [...REQUIRED_ONLY, { questionId: 'used', value: [] }],
    [...REQUIRED_ONLY, { questionId: 'advice', value: '  ' }],
    [...REQUIRED_ONLY, { questionId: 'advice', value: '字'.repeat(501) }],
    [...REQUIRED_ONLY, { questionId: 'advice', value: '隐藏\u202e字符' }],
    [{ questionId: 'overall', value: 4, extra: true }],
    'all of them',
  ];
  for (const answers of bad) expectError(await submit(answers), 'INVALID_ARGUMENT');
  expectError(await submit([]), 'INVALID_ARGUMENT', { reason: 'required' });
  expectError(await submit([{ questionId: 'overall', value: 9 }]), 'INVALID_ARGUMENT', {
    reason: 'bad_answer',
  });
  expect(await env.store.count(SURVEY_ANSWERS.name, {})).toBe(0);
});

it('a closed or unknown questionnaire takes no answers and is not listed', async () => {
  expectError(await submit(REQUIRED_ONLY, alice, 'no-such-survey'), 'NOT_FOUND');
  expectError(await survey('get', { surveyId: 'no-such-survey' }), 'NOT_FOUND');
  expectError(await survey('get', { surveyId: '../x' }), 'INVALID_ARGUMENT');
  await env.store.update(SURVEYS.name, DEMO_SURVEY_ID, {
    set: { closesAt: '2026-11-01T00:00:00.000Z' },
  });
  expect(expectOk<{ items: unknown[] }>(await survey('listOpen', {})).items).toEqual([]);
  expectError(await submit(REQUIRED_ONLY), 'FAILED_PRECONDITION', { reason: 'survey_closed' });
  expect(await env.store.count(SURVEY_ANSWERS.name, {})).toBe(0);
});

it('needs an account and the policy consent', async () => {
  expectError(await survey('listOpen', {}, null), 'UNAUTHENTICATED');
  expectError(await submit(REQUIRED_ONLY, null), 'UNAUTHENTICATED');
  const stranger = { openid: 'o-stranger-'.padEnd(28, '0'), clientIp: '203.0.113.9' };
  expectError(await survey('listOpen', {}, stranger), 'FAILED_PRECONDITION', {
    reason: 'policy_consent_required',
  });
});
