import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { RECORD_KINDS, RECORD_TEXT } from '../../../../contract/records/items';
import { Field, FieldGroup } from '../../../components/field';
import { ListSkeleton } from '../../../components/list-states';
import { toServiceError } from '../../../services/errors';
import { createRecord, recordErrorText, uploadRecordAttachment } from '../../../services/records';
import { handleAccountError } from '../../../session/require-login';
import { routes } from '../../../utils/routes';
import { useAccountPage } from '../../account/use-account-page';
import { useConsentRetry } from '../consent-retry';
import { todayInShanghai } from '../dates';
import { Choice } from '../patient-form/fields';
import { readRecordForm, type RecordFormErrors, type RecordFormState } from './form';
import { PickedPhotos, usePickedPhotos } from './photos';
import '../family.css';

/**
 * 添加病历 (PI, CAM, ALB): kind, date (not after today), hospital, department, diagnosis,
 * notes, and up to nine photos — the record is saved first, then each photo onto it; a
 * photo that fails leaves the record and says so (it can be added again on the record).
 */
export default function RecordFormPage() {
  const patientId = useRouter().params.patientId ?? '';
  const self = routes.recordForm(patientId);
  const state = useAccountPage(self);
  const today = todayInShanghai();
  const [form, setForm] = useState<RecordFormState>({
    kind: '',
    date: today,
    hospital: '',
    department: '',
    diagnosis: '',
    notes: '',
  });
  const [errors, setErrors] = useState<RecordFormErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const picked = usePickedPhotos();
  const consent = useConsentRetry(setMessage);
  const set = (change: Partial<RecordFormState>) => setForm((f) => ({ ...f, ...change }));

  const submit = async () => {
    if (busy) return;
    const read = readRecordForm(patientId, form, today);
    setMessage(null);
    if ('errors' in read) {
      setErrors(read.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const record = await createRecord(read.input);
      let failed = 0;
      for (const file of picked.photos) {
        await uploadRecordAttachment({ recordId: record.id, file }).catch(() => {
          failed += 1;
        });
      }
      if (failed > 0)
        void Taro.showToast({
          title: `${failed} 张照片上传失败，可在病历中重新添加`,
          icon: 'none',
        });
      await Taro.redirectTo({ url: routes.record(record.id) });
    } catch (e) {
      const err = toServiceError(e);
      if (consent.handle(err, () => void submit())) return;
      if (!handleAccountError(err, self)) setMessage(recordErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (!state) return <ListSkeleton rows={4} />;
  const text = (key: 'hospital' | 'department', label: string, placeholder: string) => (
    <Field label={label} error={errors[key]}>
      <Input
        className="field__input family-input"
        placeholder={placeholder}
        maxlength={RECORD_TEXT[key]}
        value={form[key]}
        onInput={(e) => set({ [key]: e.detail.value })}
      />
    </Field>
  );
  return (
    <View className="page">
      <View className="section">
        <View className="section__title">病历类型</View>
        <View className="choice-row" role="radiogroup" aria-label="病历类型">
          {RECORD_KINDS.map((k) => (
            <Choice key={k} label={k} on={form.kind === k} onTap={() => set({ kind: k })} />
          ))}
        </View>
        {errors.kind ? <Text className="field__error">{errors.kind}</Text> : null}
      </View>
      <FieldGroup>
        <Field label="就诊日期" error={errors.date}>
          <Input
            className="field__input family-input"
            placeholder="YYYY-MM-DD"
            maxlength={10}
            value={form.date}
            onInput={(e) => set({ date: e.detail.value })}
          />
        </Field>
        {text('hospital', '医院', '医院名称')}
        {text('department', '科室', '选填')}
      </FieldGroup>
      <View className="section">
        <View className="section__title">诊断（选填）</View>
        <Textarea
          className="family-textarea"
          placeholder="诊断或检查结论"
          maxlength={RECORD_TEXT.diagnosis}
          value={form.diagnosis}
          onInput={(e) => set({ diagnosis: e.detail.value })}
        />
        {errors.diagnosis ? <Text className="field__error">{errors.diagnosis}</Text> : null}
      </View>
      <View className="section">
        <View className="section__title">备注（选填）</View>
        <Textarea
          className="family-textarea"
          placeholder="用药、医嘱等"
          maxlength={RECORD_TEXT.notes}
          value={form.notes}
          onInput={(e) => set({ notes: e.detail.value })}
        />
        {errors.notes ? <Text className="field__error">{errors.notes}</Text> : null}
      </View>
      <PickedPhotos picked={picked} />
      {message ? (
        <View className="field__error family-error" role="alert">
          {message}
        </View>
      ) : null}
      <View className="family-actions">
        <Button
          className="btn btn--primary btn--block"
          loading={busy}
          onClick={() => void submit()}
        >
          保存病历
        </Button>
      </View>
      {consent.sheet}
    </View>
  );
}
