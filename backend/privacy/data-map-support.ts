import { SUPPORT_MESSAGES, SUPPORT_TICKETS, SURVEY_ANSWERS } from '../collections';
import type { PersonalDataEntry } from './data-map';

/**
 * 客服 tickets and questionnaire answers in the personal data map (CS, issue 16). What the
 * patient wrote is encrypted under the default context (`<collection>.<field>:<owner>`), so
 * the export decrypts it for the owner; account deletion removes it all (DEL: 其他个人信息).
 */
export const SUPPORT_DATA: PersonalDataEntry[] = [
  {
    collection: SUPPORT_TICKETS.name,
    ownerField: 'owner',
    sensitive: ['summaryEnc', 'rating.commentEnc'],
    onDelete: 'delete',
    clauses: ['CS', 'SEC', 'DEL'],
    description: '客服工单：类型、状态、答复期限、内容摘要与评价（加密存储）',
  },
  {
    collection: SUPPORT_MESSAGES.name,
    ownerField: 'owner',
    sensitive: ['textEnc'],
    onDelete: 'delete',
    clauses: ['CS', 'DEL'],
    description: '客服工单中的对话：您与客服的消息（加密存储）',
  },
  {
    collection: SURVEY_ANSWERS.name,
    ownerField: 'owner',
    sensitive: ['answersEnc'],
    onDelete: 'delete',
    clauses: ['CS', 'DEL'],
    description: '问卷回答（加密存储）',
  },
];
