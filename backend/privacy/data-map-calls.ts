import { ACTIVE_CALLS, CALLS, VIDEO_SLOTS } from '../collections';
import type { PersonalDataEntry } from './data-map';

/**
 * 视频咨询's rows in the personal data map (backend/privacy/data-map.ts). CAM, MIC: calls are
 * metadata only — nothing records audio or video. The patient's go with the account (DEL:
 * the chat records with doctors); the doctor's side is unlinked, as for consults.
 */
export const CALL_DATA: PersonalDataEntry[] = [
  {
    collection: CALLS.name,
    ownerField: 'patientOpenid',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['CAM', 'MIC', 'DEL'],
    description: '视频通话记录：呼叫、接听与结束时间、通话时长、挂断方（不含任何音视频内容）',
  },
  {
    collection: CALLS.name,
    ownerField: 'doctorOpenid',
    sensitive: [],
    onDelete: 'anonymise',
    export: false,
    clauses: ['SEC'],
    description: '医生一方的视频通话记录：注销医生账号时解除关联，患者的通话记录保留',
  },
  {
    collection: ACTIVE_CALLS.name,
    ownerField: 'patientOpenid',
    sensitive: [],
    onDelete: 'delete',
    export: false,
    clauses: ['CAM', 'MIC'],
    description: '进行中的视频通话占位（每个咨询至多一个）',
  },
  {
    collection: ACTIVE_CALLS.name,
    ownerField: 'doctorOpenid',
    sensitive: [],
    onDelete: 'anonymise',
    export: false,
    clauses: ['SEC'],
    description: '医生一方的进行中通话占位：注销医生账号时解除关联',
  },
  {
    collection: VIDEO_SLOTS.name,
    ownerField: 'patientOpenid',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['PI', 'DEL'],
    description: '视频咨询预约的时段（医生、时间、所属咨询）',
  },
];
