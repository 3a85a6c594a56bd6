import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { DESCRIPTION_CHARS, SENSITIVE_INFO_NOTICE } from '../../../../contract/consult/items';
import { handleAccountError, requireLogin } from '../../../session/require-login';
import { EmptyState, ErrorState, ListSkeleton } from '../../../components/list-states';
import { PrivacyHost } from '../../../components/privacy-host';
import { SensitiveConsentSheet, sensitiveItemFor } from '../../../components/sensitive-consent';
import {
  SENSITIVE_CONSENTS,
  type SensitiveConsent,
} from '../../../../contract/privacy/sensitive-consents';
import { recordSensitiveConsent } from '../../../services/privacy';
import { useAsync } from '../../../hooks/use-async';
import { getDoctor } from '../../../services/catalog';
import { consultConfig, consultErrorText, createConsult } from '../../../services/consult';
import { listPatients } from '../../../services/patients';
import { recordErrorText, shareRecords } from '../../../services/records';
import { toServiceError } from '../../../services/errors';
import { formatPrice } from '../../../utils/format';
import { routes } from '../../../utils/routes';
import { chatUrl, startPayment } from '../chat/payment';
import { PatientFields } from './patient-fields';
import { PhotoPicker } from './photo-picker';
import { SlotPicker } from './slot-picker';
import { usePhotoUploads } from './use-photo-uploads';
import { charCount, descriptionError, readPatient, type PatientForm } from './validate';
import './index.css';

/** Weapp: subscribe-message consent must be asked inside the tap itself (not after an await). */
function askSubscriptions(ids: string[]): void {
  if (process.env.TARO_ENV !== 'weapp' || ids.length === 0) return;
  void Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] }).catch(() => undefined);
}

/**
 * 图文咨询 / 视频咨询 (`type=video`): who it is for, the symptoms (PI notice above), photos and,
 * for video, a time from the doctor's video hours → create → pay → chat.
 */
export default function ConsultCreatePage() {
  const params = useRouter().params;
  const doctorId = params.doctorId ?? '';
  const video = params.type === 'video';
  const self = routes.consultCreate(doctorId, video ? 'video' : 'text');
  const [slot, setSlot] = useState<string | null>(null);
  const loadDoctor = useCallback(() => getDoctor({ id: doctorId }), [doctorId]);
  const doctor = useAsync(doctorId ? loadDoctor : null);
  const uploads = usePhotoUploads();
  const [templates, setTemplates] = useState<string[]>([]);
  const [patient, setPatient] = useState<PatientForm>({ kind: 'self', name: '', sex: '', age: '' });
  const [shared, setShared] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Issue 11 point 1: the server says which separate consent is missing; its screen asks.
  const [asking, setAsking] = useState<SensitiveConsent | null>(null);

  useEffect(() => {
    void requireLogin(self);
    consultConfig()
      .then((c) => setTemplates(c.subscribeTemplateIds))
      .catch(() => undefined);
    // An account with 就诊人 consults for one of them by default (the first is 本人 if any).
    listPatients()
      .then((list) => {
        const first = list.items[0];
        if (first)
          setPatient((p) =>
            p.kind === 'self' ? { ...p, kind: 'patient', patientId: first.id } : p,
          );
      })
      .catch(() => undefined);
  }, [self]);

  /** SEC: the ticked records go to this consult's doctor; a failure keeps the consult. */
  const share = async (consultId: string) => {
    if (patient.kind !== 'patient' || shared.length === 0) return;
    try {
      await shareRecords({ consultId, recordIds: shared });
    } catch (e) {
      void Taro.showToast({ title: `病历未能分享：${recordErrorText(e)}`, icon: 'none' });
    }
  };

  const submit = async () => {
    askSubscriptions(templates);
    const who = readPatient(patient);
    const problem =
      'error' in who
        ? who.error
        : (descriptionError(description) ??
          (uploads.photos.some((p) => p.state === 'uploading') ? '图片还在上传，请稍候' : null) ??
          (uploads.photos.some((p) => p.state === 'error')
            ? '有图片上传失败，请重试或删除后再提交'
            : null) ??
          (video && !slot ? '请选择视频咨询的时间' : null));
    setError(problem);
    if (problem || 'error' in who || busy) return;
    setBusy(true);
    try {
      const consult = await createConsult({
        doctorId,
        patient: who.patient,
        description: description.trim(),
        photoKeys: uploads.photos.map((p) => p.key).filter((k): k is string => !!k),
        ...(video && slot ? { type: 'video' as const, slot } : {}),
      });
      await share(consult.id);
      const next =
        consult.status === 'pending_payment' ? await startPayment(consult.id, 'redirect') : 'done';
      if (next !== 'sandbox') await Taro.redirectTo({ url: chatUrl(consult.id) });
    } catch (e) {
      const err = toServiceError(e);
      const item = sensitiveItemFor(err.details?.reason);
      if (item) setAsking(item);
      else if (!handleAccountError(err, self)) setError(consultErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (!doctorId) return <EmptyState text="未找到该医生" />;
  if (doctor.status === 'error') {
    return <ErrorState error={doctor.error} onRetry={() => void doctor.reload()} />;
  }
  if (doctor.status !== 'ready') return <ListSkeleton rows={2} />;
  const d = doctor.data;
  // With video off (or not offered) the server sends no offer: the page never mentions video.
  if (video && !d.video) return <EmptyState text="该医生暂未开通视频咨询" />;
  const price = video && d.video ? d.video.price : d.consultPrice;
  return (
    <View className="page consult-form">
      <View className="section consult-form__doctor">
        <Text className="consult-form__doctor-name">
          {d.name} {d.title}
        </Text>
        <Text className="muted">
          {d.hospital.name} · {d.department}
        </Text>
        <Text className="consult-form__price">
          {video ? '视频咨询' : '图文咨询'} {formatPrice(price)}
        </Text>
      </View>
      {video && d.video ? (
        <SlotPicker hours={d.video.hours} value={slot} onChange={setSlot} />
      ) : null}
      <PatientFields form={patient} onChange={setPatient} shared={shared} onShare={setShared} />
      <View className="section">
        <View className="section__title">病情描述</View>
        <View className="pi-notice" role="note">
          {SENSITIVE_INFO_NOTICE}
        </View>
        <Textarea
          className="consult-form__textarea"
          placeholder={`请描述症状、持续时间、用药情况等（${DESCRIPTION_CHARS.min}–${DESCRIPTION_CHARS.max} 字）`}
          value={description}
          maxlength={DESCRIPTION_CHARS.max}
          onInput={(e) => setDescription(e.detail.value)}
        />
        <Text className="consult-form__count muted">
          {charCount(description)}/{DESCRIPTION_CHARS.max}
        </Text>
      </View>
      <PhotoPicker uploads={uploads} />
      {error ? (
        <View className="field__error consult-form__error" role="alert">
          {error}
        </View>
      ) : null}
      <Button className="btn btn--primary btn--block" loading={busy} onClick={() => void submit()}>
        {price > 0 ? `提交并支付 ${formatPrice(price)}` : '提交咨询'}
      </Button>
      {asking ? (
        <SensitiveConsentSheet
          item={asking}
          busy={busy}
          onDecline={() => {
            setAsking(null);
            setError(`未同意${SENSITIVE_CONSENTS[asking].title}，无法发起咨询；可随时重新提交`);
          }}
          onAgree={() => {
            const item = asking;
            setAsking(null);
            void recordSensitiveConsent({ item, version: SENSITIVE_CONSENTS[item].version })
              .then(() => submit())
              .catch((e: unknown) => setError(consultErrorText(e)));
          }}
        />
      ) : null}
      <PrivacyHost />
    </View>
  );
}
