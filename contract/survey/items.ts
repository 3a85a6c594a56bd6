/**
 * 问卷 (CS: the policy collects questionnaire answers): question types, limits and reason
 * codes as plain constants with no zod. contract/survey.ts re-exports them.
 */

export const QUESTION_TYPES = ['single', 'multiple', 'rating', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const SURVEY_TEXT_MAX = 500;

export const SURVEY_ID_PATTERN = /^[a-z0-9-]{3,40}$/;
export const QUESTION_ID_PATTERN = /^[a-z0-9-]{1,20}$/;

export const SURVEY_ERROR_REASONS = {
  /** CONFLICT: one answer per account per survey. */
  already_answered: '您已提交过该问卷，感谢参与',
  /** FAILED_PRECONDITION: the survey was closed. */
  survey_closed: '问卷已结束',
  /** INVALID_ARGUMENT: an answer does not fit its question (details.issues names it). */
  bad_answer: '答案不符合题目要求',
  /** INVALID_ARGUMENT: a required question has no answer. */
  required: '请回答必答题',
} as const;
export type SurveyErrorReason = keyof typeof SURVEY_ERROR_REASONS;
