import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { MAX_RECORD_ATTACHMENTS } from '../../../../contract/records/items';
import { ErrorState, ListSkeleton } from '../../../components/list-states';
import { RefusalNote } from '../../../components/refusal-note';
import { useAsync } from '../../../hooks/use-async';
import { toServiceError } from '../../../services/errors';
import {
  getRecord,
  recordErrorText,
  removeRecord,
  updateRecord,
  uploadRecordAttachment,
} from '../../../services/records';
import { handleAccountError } from '../../../session/require-login';
import { pickOneImage, type Refusal } from '../../../utils/pick-image';
import { routes } from '../../../utils/routes';
import { useAccountPage } from '../../account/use-account-page';
import { AttachmentGrid, RECORD_PHOTO_FIT } from '../attachments';
import { useConsentRetry } from '../consent-retry';
import { AccessLog } from './access-log';
import '../family.css';

/**
 * 病历详情 (PI): the record, its files full-screen on a tap, more photos (up to nine),
 * removing a file or the record, and who of the doctors it was shared with read it.
 */
export default function RecordPage() {
  const id = useRouter().params.id ?? '';
  const self = routes.record(id);
  const state = useAccountPage(self);
  const load = useCallback(() => getRecord({ recordId: id }), [id]);
  const record = useAsync(state ? load : null);
  const [message, setMessage] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);
  const consent = useConsentRetry(setMessage);

  const failed = (e: unknown) => {
    const err = toServiceError(e);
    if (!handleAccountError(err, self)) setMessage(recordErrorText(err));
  };

  const addPhoto = async () => {
    const picked = await pickOneImage(RECORD_PHOTO_FIT);
    if (picked.status === 'refused') return setRefusal(picked.refusal);
    if (picked.status === 'error') return setMessage(picked.reason);
    if (picked.status !== 'ready') return;
    setRefusal(null);
    const upload = async () => {
      setBusy(true);
      setMessage(null);
      try {
        await uploadRecordAttachment({ recordId: id, file: picked.image });
        await record.reload();
      } catch (e) {
        if (!consent.handle(e, () => void upload())) failed(e);
      } finally {
        setBusy(false);
      }
    };
    await upload();
  };

  const removeAttachment = async (attachmentId: string) => {
    const { confirm } = await Taro.showModal({
      title: '删除这个附件？',
      content: '删除后无法恢复。',
    });
    if (!confirm) return;
    try {
      await updateRecord({ recordId: id, removeAttachments: [attachmentId] });
      await record.reload();
    } catch (e) {
      if (!consent.handle(e, () => void removeAttachment(attachmentId))) failed(e);
    }
  };

  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除这条病历？',
      content: '病历、附件和对医生的分享将一并删除，且无法恢复。',
      confirmText: '删除',
      confirmColor: '#e5484d',
    });
    if (!confirm) return;
    try {
      await removeRecord({ recordId: id });
      void Taro.showToast({ title: '已删除', icon: 'none' });
      await Taro.navigateBack().catch(() => Taro.redirectTo({ url: routes.records() }));
    } catch (e) {
      failed(e);
    }
  };

  if (record.status === 'error')
    return <ErrorState error={record.error} onRetry={() => void record.reload()} />;
  if (record.status !== 'ready') return <ListSkeleton rows={3} />;
  const r = record.data;
  return (
    <View className="page">
      <View className="family-card">
        <View className="family-card__head">
          <Text className="family-card__title">{r.kind}</Text>
          <Text className="family-card__tag">{r.date}</Text>
        </View>
        <Text className="family-card__text">
          {r.hospital.name}
          {r.department ? ` · ${r.department}` : ''}
        </Text>
        {r.source.kind === 'consult' ? (
          <Text className="family-card__text">来自 {r.source.doctorName} 医生的咨询建议</Text>
        ) : null}
        {r.diagnosis ? <Text className="family-card__text">诊断：{r.diagnosis}</Text> : null}
        {r.notes ? <Text className="family-card__text">{r.notes}</Text> : null}
      </View>
      <View className="section">
        <View className="section__title">
          附件（{r.attachments.length}/{MAX_RECORD_ATTACHMENTS}）
        </View>
        <AttachmentGrid record={r} onRemove={(a) => void removeAttachment(a)} />
        {r.attachments.length < MAX_RECORD_ATTACHMENTS ? (
          <Button className="btn btn--small" loading={busy} onClick={() => void addPhoto()}>
            添加照片
          </Button>
        ) : null}
        {refusal ? <RefusalNote refusal={refusal} feature="上传病历照片" /> : null}
      </View>
      {message ? (
        <View className="field__error family-error" role="alert">
          {message}
        </View>
      ) : null}
      <AccessLog recordId={r.id} />
      <View className="family-actions">
        <Button className="btn btn--block" onClick={() => void remove()}>
          删除病历
        </Button>
      </View>
      {consent.sheet}
    </View>
  );
}
