import { RATING_MAX, RATING_MIN, SURVEY_ERROR_REASONS } from '../../contract/survey/items';
import type { FieldIssue } from '../../contract/envelope';
import { ApiError } from '../core/errors';
import type { AnswerValue, SurveyDoc } from './model';

/**
 * Checks answers against the survey's questions: each names a question once, fits its type
 * (an option of a single choice, distinct options of a multiple choice, a whole 1–5 rating,
 * words for a short text), and every required question has one. Unrequired ones may be
 * left out: answering is optional. INVALID_ARGUMENT naming every problem, nothing stored.
 */
export function checkAnswers(
  survey: SurveyDoc,
  answers: Array<{ questionId: string; value: AnswerValue }>,
): void {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  answers.forEach(({ questionId, value }, i) => {
    const path = `data.answers.${i}`;
    const q = survey.questions.find((x) => x.id === questionId);
    if (!q || seen.has(questionId)) {
      issues.push({ path: `${path}.questionId`, message: q ? '同一题只能回答一次' : '没有这道题' });
      return;
    }
    seen.add(questionId);
    const options = new Set(q.options.map((o) => o.id));
    const fits =
      q.type === 'single'
        ? typeof value === 'string' && options.has(value)
        : q.type === 'multiple'
          ? Array.isArray(value) &&
            new Set(value).size === value.length &&
            value.every((v) => options.has(v))
          : q.type === 'rating'
            ? typeof value === 'number' && value >= RATING_MIN && value <= RATING_MAX
            : typeof value === 'string' && value.length > 0;
    if (!fits) issues.push({ path: `${path}.value`, message: `不符合题目「${q.title}」的要求` });
  });
  // Only missing required answers: the reason the form acts on (scroll to the first).
  const reason = issues.length === 0 ? 'required' : 'bad_answer';
  for (const q of survey.questions)
    if (q.required && !seen.has(q.id))
      issues.push({ path: 'data.answers', message: `请回答必答题「${q.title}」` });
  if (issues.length > 0)
    throw new ApiError(
      'INVALID_ARGUMENT',
      `${SURVEY_ERROR_REASONS[reason]}：${issues[0].message}`,
      {
        issues,
        reason,
      },
    );
}
