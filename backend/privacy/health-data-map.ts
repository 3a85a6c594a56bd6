import { MEDICAL_RECORDS, PATIENTS, RECORD_ACCESS_LOG, RECORD_SHARES } from '../collections';
import { patientContext } from '../patients/model';
import { recordContext } from '../records/model';
import type { PersonalDataEntry } from './data-map';

/*
 * 就诊人 and 个人病历 (PIPL art. 28/31): the account holder's, whoever they are about.
 * DEL clears them ("预约信息、个人病历等数据"); the export (art. 45) includes them, files
 * as decrypted links. Shares and the access log are the holder's too: who read what.
 */
export const HEALTH_RECORDS_DATA: PersonalDataEntry[] = [
  {
    collection: PATIENTS.name,
    ownerField: 'owner',
    sensitive: ['nameEnc', 'idNumberEnc', 'phoneEnc', 'allergiesEnc', 'chronicEnc'],
    onDelete: 'delete',
    cryptoContext: (field, doc) => patientContext(doc._id, field),
    preview: 'patients',
    clauses: ['IDV', 'PI', 'DEL'],
    description:
      '就诊人：姓名、证件号码、手机号、过敏史与慢性病（均加密存储）、出生日期、性别、关系及代填同意/监护人同意记录',
  },
  {
    collection: MEDICAL_RECORDS.name,
    ownerField: 'owner',
    sensitive: ['departmentEnc', 'diagnosisEnc', 'notesEnc', 'attachments.key'],
    onDelete: 'delete',
    cryptoContext: (field, doc) => recordContext(doc._id, field),
    fileKeyFields: ['attachments.key'],
    preview: 'records',
    clauses: ['PI', 'CAM', 'ALB', 'DEL'],
    description:
      '个人病历：类型、日期、医院、科室、诊断、备注及照片/PDF 附件（科室、诊断、备注与附件加密存储）',
  },
  {
    collection: RECORD_SHARES.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['SEC', 'DEL'],
    description: '向咨询医生分享的病历（分享时间、咨询、病历）',
  },
  {
    collection: RECORD_ACCESS_LOG.name,
    ownerField: 'owner',
    sensitive: [],
    onDelete: 'delete',
    clauses: ['SEC', 'DISC', 'DEL'],
    description: '医生查看所分享病历的记录（医生、时间、病历）',
  },
];
