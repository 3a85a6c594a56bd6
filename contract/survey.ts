import * as z from './zod';
import { text } from './text';
import {
  QUESTION_ID_PATTERN,
  QUESTION_TYPES,
  SURVEY_ID_PATTERN,
  SURVEY_TEXT_MAX,
} from './survey/items';

export * from './survey/items';

/**
 * The `survey` function: the operator's questionnaires (CS). Answering is optional and the
 * purpose is stated before the first question; one answer per account per survey (CONFLICT
 * already_answered, also when two submits race). Answers go with the account's export and
 * deletion. The rating of a closed consult is the doctor review's, never asked here.
 */

export const surveyIdSchema = z.string().regex(SURVEY_ID_PATTERN, '问卷编号格式不正确');
const questionIdSchema = z.string().regex(QUESTION_ID_PATTERN, '题目编号格式不正确');

export const questionSchema = z.object({
  id: z.string(),
  type: z.enum(QUESTION_TYPES),
  title: z.string(),
  required: z.boolean(),
  /** single/multiple only. */
  options: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type Question = z.infer<typeof questionSchema>;

export const surveyViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Why the operator asks: shown before the first question. */
  purpose: z.string(),
  questions: z.array(questionSchema),
  answered: z.boolean(),
  closesAt: z.string().nullable(),
});
export type SurveyView = z.infer<typeof surveyViewSchema>;

export const surveySummarySchema = surveyViewSchema
  .omit({ questions: true })
  .extend({ questionCount: z.number().int() });
export type SurveySummary = z.infer<typeof surveySummarySchema>;

/** single: an option id; multiple: option ids; rating: 1–5; text: the words. */
export const answerValueSchema = z.union([
  z.number().int(),
  z.array(questionIdSchema).min(1).max(20),
  text({ label: '回答', max: SURVEY_TEXT_MAX, multiline: true }),
]);

export const surveyActions = {
  /** Open surveys for the caller, each saying whether it was answered. */
  listOpen: {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(surveySummarySchema) }),
  },
  get: { input: z.object({ surveyId: surveyIdSchema }).strict(), output: surveyViewSchema },
  submit: {
    input: z
      .object({
        surveyId: surveyIdSchema,
        answers: z
          .array(z.object({ questionId: questionIdSchema, value: answerValueSchema }).strict())
          .max(50),
      })
      .strict(),
    output: z.object({ surveyId: z.string(), submittedAt: z.string() }),
  },
} as const;
