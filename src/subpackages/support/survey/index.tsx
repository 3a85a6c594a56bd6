import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { RATING_MAX, RATING_MIN, SURVEY_TEXT_MAX } from '../../../../contract/survey/items';
import { ErrorState, ListSkeleton } from '../../../components/list-states';
import { PrivacyHost } from '../../../components/privacy-host';
import { useAsync } from '../../../hooks/use-async';
import { handleAccountError } from '../../../session/require-login';
import { toServiceError } from '../../../services/errors';
import {
  getSurvey,
  submitSurvey,
  supportErrorText,
  type SurveyData,
} from '../../../services/support';
import { routes } from '../../../utils/routes';
import { useAccountPage } from '../../account/use-account-page';
import '../support.css';

type Question = SurveyData['questions'][number];
type Value = string | string[] | number;

const RATINGS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);

function QuestionView(props: {
  q: Question;
  value: Value | undefined;
  onChange: (v: Value | undefined) => void;
}) {
  const { q, value, onChange } = props;
  const choice = (id: string, on: boolean, label: string, tap: () => void) => (
    <Text key={id} className={`support-choice ${on ? 'support-choice--on' : ''}`} onClick={tap}>
      {label}
    </Text>
  );
  let body;
  if (q.type === 'rating')
    body = RATINGS.map((n) => choice(String(n), value === n, `${n} 分`, () => onChange(n)));
  else if (q.type === 'single')
    body = q.options.map((o) => choice(o.id, value === o.id, o.label, () => onChange(o.id)));
  else if (q.type === 'multiple') {
    const picked = Array.isArray(value) ? value : [];
    body = q.options.map((o) =>
      choice(o.id, picked.includes(o.id), o.label, () => {
        const next = picked.includes(o.id) ? picked.filter((x) => x !== o.id) : [...picked, o.id];
        onChange(next.length > 0 ? next : undefined);
      }),
    );
  } else
    body = (
      <Textarea
        className="support-textarea"
        value={typeof value === 'string' ? value : ''}
        maxlength={SURVEY_TEXT_MAX}
        onInput={(e) => onChange(e.detail.value.trim() ? e.detail.value : undefined)}
      />
    );
  return (
    <View className="support-row">
      <Text className="support-row__title">
        {q.title}
        {q.required ? '（必答）' : '（选答）'}
      </Text>
      <View>{body}</View>
    </View>
  );
}

/**
 * 问卷 (CS): the purpose first, then the questions; answering is optional (离开 at any time),
 * required questions are marked, and one answer per account.
 */
export default function SurveyPage() {
  const id = useRouter().params.id ?? '';
  const self = routes.survey(id);
  const state = useAccountPage(self);
  const load = useCallback(() => getSurvey({ surveyId: id }), [id]);
  const survey = useAsync(state ? load : null);
  const [started, setStarted] = useState(false);
  const [values, setValues] = useState<Record<string, Value>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [sending, setSending] = useState(false);
  const failure = survey.status === 'error' ? survey.error : null;
  useEffect(() => {
    if (failure) handleAccountError(failure, self);
  }, [failure, self]);

  if (survey.status === 'error')
    return (
      <View className="page">
        <ErrorState error={survey.error} onRetry={() => void survey.reload()} />
      </View>
    );
  if (survey.status !== 'ready')
    return (
      <View className="page">
        <ListSkeleton rows={2} />
      </View>
    );
  const s = survey.data;
  const missing = s.questions.filter((q) => q.required && values[q.id] === undefined);
  const submit = async () => {
    if (missing.length > 0 || sending) return;
    setSending(true);
    setError(null);
    try {
      const answers = Object.entries(values).map(([questionId, value]) => ({ questionId, value }));
      await submitSurvey({ surveyId: s.id, answers });
      setDone(true);
    } catch (e) {
      if (!handleAccountError(toServiceError(e), self)) setError(supportErrorText(e));
    } finally {
      setSending(false);
    }
  };

  const finished = done || s.answered;
  return (
    <View className="page survey">
      <View className="support-card">
        <Text className="support-card__title">{s.title}</Text>
        <Text className="support-card__text">{s.purpose}</Text>
        {finished ? (
          <Text className="support-card__text">感谢您的参与，您已提交过该问卷。</Text>
        ) : started ? null : (
          <View className="support-actions">
            <Button className="btn btn--primary btn--small" onClick={() => setStarted(true)}>
              开始填写
            </Button>
            <Button className="btn btn--small" onClick={() => void Taro.navigateBack()}>
              暂不参与
            </Button>
          </View>
        )}
      </View>
      {started && !finished ? (
        <View className="support-card">
          {s.questions.map((q) => (
            <QuestionView
              key={q.id}
              q={q}
              value={values[q.id]}
              onChange={(v) =>
                setValues((prev) => {
                  const next = { ...prev };
                  if (v === undefined) delete next[q.id];
                  else next[q.id] = v;
                  return next;
                })
              }
            />
          ))}
          {error ? <Text className="support-error">{error}</Text> : null}
          <View className="support-actions">
            <Button
              className="btn btn--primary btn--block"
              disabled={missing.length > 0 || sending}
              onClick={() => void submit()}
            >
              {missing.length > 0 ? `还有 ${missing.length} 道必答题` : '提交'}
            </Button>
          </View>
        </View>
      ) : null}
      <PrivacyHost />
    </View>
  );
}
