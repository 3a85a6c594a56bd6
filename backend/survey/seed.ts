import { SURVEYS } from '../collections';
import type { DocumentStore } from '../ports/document-store';
import type { SurveyDoc } from './model';

export const DEMO_SURVEY_ID = 'experience-2026';

/**
 * The demo seed's operator questionnaire, for everyone. It asks about the service, never
 * rates a consult's doctor (that is the doctor review's, issue 16: never ask twice).
 */
export const DEMO_SURVEY: SurveyDoc = {
  _id: DEMO_SURVEY_ID,
  title: '上海助医使用体验问卷',
  purpose:
    '为了改进小程序的找医生、咨询和客服体验，我们想了解您的使用感受。问卷匿名统计，约 1 分钟；回答完全自愿，不回答不影响任何功能。答案随账号注销删除。',
  questions: [
    {
      id: 'overall',
      type: 'rating',
      title: '总体来说，您对上海助医的满意程度（1 分最低，5 分最高）',
      required: true,
      options: [],
    },
    {
      id: 'used',
      type: 'multiple',
      title: '您用过哪些功能？',
      required: false,
      options: [
        { id: 'search', label: '找医院、找医生' },
        { id: 'consult', label: '图文咨询' },
        { id: 'booking', label: '预约挂号' },
        { id: 'support', label: '客服与反馈' },
      ],
    },
    {
      id: 'recommend',
      type: 'single',
      title: '您会向家人朋友推荐上海助医吗？',
      required: false,
      options: [
        { id: 'yes', label: '会' },
        { id: 'maybe', label: '不确定' },
        { id: 'no', label: '不会' },
      ],
    },
    {
      id: 'advice',
      type: 'text',
      title: '您希望我们改进什么？（请勿填写病情、身份证号等个人信息）',
      required: false,
      options: [],
    },
  ],
  status: 'open',
  audience: 'all',
  createdAt: '2026-12-01T00:00:00.000Z',
  closesAt: null,
};

/** Inserts the demo questionnaire once; an existing one (or the operator's edits) stays. */
export async function seedDemoSurvey(store: DocumentStore): Promise<boolean> {
  if (await store.get(SURVEYS.name, DEMO_SURVEY_ID)) return false;
  await store.insert(SURVEYS.name, DEMO_SURVEY);
  return true;
}
