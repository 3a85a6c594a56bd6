import { SURVEY_ERROR_REASONS, type SurveyErrorReason } from '../../contract/survey/items';
import { surveyActions } from '../../contract/survey';
import type { ErrorCode } from '../../contract/envelope';
import { SURVEY_ANSWERS, SURVEYS } from '../collections';
import type { BackendFunction, Handler } from '../core/action';
import { ApiError } from '../core/errors';
import { DuplicateIdError } from '../ports/document-store';
import { requireTrustedAccount } from '../user/account';
import { portOf } from '../user/ports';
import { checkAnswers } from './answers';
import {
  answerId,
  answersContext,
  isOpen,
  toSummary,
  toSurveyView,
  type SurveyAnswerDoc,
  type SurveyDoc,
} from './model';

export { seedDemoSurvey, DEMO_SURVEY_ID } from './seed';

const surveyError = (code: ErrorCode, reason: SurveyErrorReason) =>
  new ApiError(code, SURVEY_ERROR_REASONS[reason], { reason });
const surveyNotFound = () => new ApiError('NOT_FOUND', '问卷不存在');

/** At most this many open surveys are listed (the operator runs a few at a time). */
const MAX_OPEN = 20;

const listOpen: Handler<'survey', 'listOpen'> = async (ctx) => {
  const { caller } = await requireTrustedAccount(ctx);
  const crypto = portOf(ctx, 'crypto');
  const now = ctx.clock.now();
  const docs = await ctx.store.find<SurveyDoc>(
    SURVEYS.name,
    { status: 'open', audience: 'all' },
    { sort: [['createdAt', 'desc']], limit: MAX_OPEN },
  );
  const items = [];
  for (const s of docs.filter((d) => isOpen(d, now))) {
    const answer = await ctx.store.get(SURVEY_ANSWERS.name, answerId(crypto, caller.openid, s._id));
    items.push(toSummary(s, answer !== null));
  }
  return { items };
};

const get: Handler<'survey', 'get'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const survey = await ctx.store.get<SurveyDoc>(SURVEYS.name, input.surveyId);
  if (!survey) throw surveyNotFound();
  const id = answerId(portOf(ctx, 'crypto'), caller.openid, survey._id);
  return toSurveyView(survey, (await ctx.store.get(SURVEY_ANSWERS.name, id)) !== null);
};

const submit: Handler<'survey', 'submit'> = async (ctx, input) => {
  const { caller } = await requireTrustedAccount(ctx);
  const owner = caller.openid;
  const crypto = portOf(ctx, 'crypto');
  const now = ctx.clock.now();
  const survey = await ctx.store.get<SurveyDoc>(SURVEYS.name, input.surveyId);
  if (!survey) throw surveyNotFound();
  if (!isOpen(survey, now)) throw surveyError('FAILED_PRECONDITION', 'survey_closed');
  checkAnswers(survey, input.answers);
  const submittedAt = now.toISOString();
  const doc: SurveyAnswerDoc = {
    _id: answerId(crypto, owner, survey._id),
    owner,
    surveyId: survey._id,
    answersEnc: crypto.encrypt(JSON.stringify(input.answers), answersContext(owner)),
    submittedAt,
  };
  try {
    await ctx.store.insert(SURVEY_ANSWERS.name, doc);
  } catch (err) {
    if (err instanceof DuplicateIdError) throw surveyError('CONFLICT', 'already_answered');
    throw err;
  }
  return { surveyId: survey._id, submittedAt };
};

/** 问卷 (CS); see contract/survey.ts. */
export const surveyFunction: BackendFunction<'survey'> = {
  name: 'survey',
  actions: surveyActions,
  handlers: { listOpen, get, submit },
};
