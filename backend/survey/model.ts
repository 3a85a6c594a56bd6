import type { QuestionType } from '../../contract/survey/items';
import type { Question, SurveySummary, SurveyView } from '../../contract/survey';
import { SURVEY_ANSWERS } from '../collections';
import type { Crypto } from '../ports/crypto';
import type { StoredDoc } from '../ports/document-store';

/** An operator's questionnaire. `audience` 'all': everyone (segments come with the console). */
export interface SurveyDoc extends StoredDoc {
  title: string;
  purpose: string;
  questions: Array<{
    id: string;
    type: QuestionType;
    title: string;
    required: boolean;
    options: Array<{ id: string; label: string }>;
  }>;
  status: 'open' | 'closed';
  audience: 'all';
  createdAt: string;
  closesAt: string | null;
}

export type AnswerValue = string | string[] | number;

/**
 * One account's answers to one survey. `_id` is an HMAC of account and survey, so the second
 * insert of either store is a duplicate id: one answer per account, also when two submits
 * race. The answers (free text among them) are encrypted as one JSON text under the data
 * map's default context, so the owner's export decrypts them.
 */
export interface SurveyAnswerDoc extends StoredDoc {
  owner: string;
  surveyId: string;
  answersEnc: string;
  submittedAt: string;
}

export const answerId = (crypto: Crypto, owner: string, surveyId: string) =>
  `sa${crypto.hmac('survey-answer', `${owner}\0${surveyId}`).slice(0, 32)}`;

export const answersContext = (owner: string) => `${SURVEY_ANSWERS.name}.answersEnc:${owner}`;

/** Open for answers at `now`. */
export const isOpen = (s: SurveyDoc, now: Date) =>
  s.status === 'open' && (s.closesAt === null || s.closesAt > now.toISOString());

export function toSurveyView(s: SurveyDoc, answered: boolean): SurveyView {
  const questions: Question[] = s.questions.map((q) => ({ ...q }));
  return {
    id: s._id,
    title: s.title,
    purpose: s.purpose,
    questions,
    answered,
    closesAt: s.closesAt,
  };
}

export function toSummary(s: SurveyDoc, answered: boolean): SurveySummary {
  return {
    id: s._id,
    title: s.title,
    purpose: s.purpose,
    answered,
    closesAt: s.closesAt,
    questionCount: s.questions.length,
  };
}
