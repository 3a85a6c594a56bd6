import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { ErrorState, ListSkeleton } from '../../../components/list-states';
import { Field, FieldGroup } from '../../../components/field';
import { useAsync } from '../../../hooks/use-async';
import { toServiceError } from '../../../services/errors';
import {
  addPatient,
  getPatient,
  patientErrorText,
  updatePatient,
  type PatientData,
} from '../../../services/patients';
import { handleAccountError } from '../../../session/require-login';
import { go, routes } from '../../../utils/routes';
import { useAccountPage } from '../../account/use-account-page';
import { useConsentRetry } from '../consent-retry';
import { todayInShanghai } from '../dates';
import {
  Choice,
  ContactAndHealth,
  DeclarationField,
  DocumentFields,
  RelationField,
} from './fields';
import {
  birthDateOf,
  declarationKind,
  EMPTY_FORM,
  readAddForm,
  readUpdateForm,
  type FormErrors,
  type PatientFormState,
} from './form';
import '../family.css';

/**
 * 添加/编辑就诊人 (IDV, PI): relation, name and document checked here as the server will (a
 * wrong check digit never leaves the phone), optional phone and health notes, and for
 * anyone but 本人 the holder's own declaration — the guardian's for a child under 14.
 */
export default function PatientFormPage() {
  const id = useRouter().params.id ?? '';
  const self = routes.patientForm(id || undefined);
  const state = useAccountPage(self);
  const load = useCallback(() => getPatient({ patientId: id }), [id]);
  const original = useAsync(state && id ? load : null);
  const [form, setForm] = useState<PatientFormState>(EMPTY_FORM);
  const [errors, setErrors] = useState<FormErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const consent = useConsentRetry(setMessage);
  const today = todayInShanghai();
  const set = (change: Partial<PatientFormState>) => setForm((f) => ({ ...f, ...change }));

  const loaded: PatientData | null = original.status === 'ready' ? original.data : null;
  useEffect(() => {
    if (loaded)
      setForm({
        ...EMPTY_FORM,
        relation: loaded.relation,
        allergies: loaded.allergies,
        chronicConditions: loaded.chronicConditions,
      });
  }, [loaded]);

  const submit = async () => {
    if (busy) return;
    const read = loaded
      ? readUpdateForm(
          form,
          {
            id: loaded.id,
            birthDate: loaded.birthDate,
            relation: loaded.relation,
            declarationKind: loaded.declaration?.kind ?? null,
          },
          today,
        )
      : readAddForm(form, today);
    setMessage(null);
    if ('errors' in read) {
      setErrors(read.errors);
      setMessage('请检查标红的内容');
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      if ('patientId' in read.input) await updatePatient(read.input);
      else await addPatient(read.input);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      await Taro.navigateBack().catch(() => go(routes.patients));
    } catch (e) {
      const err = toServiceError(e);
      if (consent.handle(err, () => void submit())) return;
      if (handleAccountError(err, self)) return;
      // A verified account's 本人 comes from the identity: switch the form to it.
      if (err.details?.reason === 'self_from_identity') set({ useIdentity: true });
      setMessage(patientErrorText(err));
    } finally {
      setBusy(false);
    }
  };

  if (!state || original.status === 'loading') return <ListSkeleton rows={4} />;
  if (original.status === 'error')
    return <ErrorState error={original.error} onRetry={() => void original.reload()} />;

  const birthDate = loaded ? loaded.birthDate : birthDateOf(form);
  const kind = declarationKind(form.relation, birthDate, today);
  const showTick = kind !== null && kind !== (loaded?.declaration?.kind ?? null);
  return (
    <View className="page">
      {loaded?.fromIdentity ? null : <RelationField form={form} errors={errors} set={set} />}
      {loaded ? (
        <FieldGroup>
          <Field label="姓名" error={errors.name}>
            {loaded.fromIdentity ? (
              <Text className="family-input">{loaded.nameMasked}（来自实名认证）</Text>
            ) : (
              <Input
                className="field__input family-input"
                placeholder={`${loaded.nameMasked}（不修改请留空）`}
                maxlength={30}
                value={form.name}
                onInput={(e) => set({ name: e.detail.value })}
              />
            )}
          </Field>
          <Field label="证件">
            <Text className="family-input">{loaded.idNumberMasked ?? '无证件（儿童）'}</Text>
          </Field>
        </FieldGroup>
      ) : (
        <>
          {form.relation === '本人' ? (
            <View className="section choice-row" role="radiogroup" aria-label="本人信息">
              <Choice
                label="使用实名信息"
                on={form.useIdentity}
                onTap={() => set({ useIdentity: true })}
              />
              <Choice
                label="手动填写"
                on={!form.useIdentity}
                onTap={() => set({ useIdentity: false })}
              />
            </View>
          ) : null}
          {form.relation === '本人' && form.useIdentity ? (
            <Text className="muted family-error">姓名和证件将使用您的实名认证信息</Text>
          ) : (
            <DocumentFields form={form} errors={errors} set={set} />
          )}
        </>
      )}
      <ContactAndHealth form={form} errors={errors} set={set} editing={!!loaded} />
      {kind && showTick ? (
        <DeclarationField
          kind={kind}
          checked={form.declared}
          error={errors.declared}
          onChange={(declared) => set({ declared })}
        />
      ) : null}
      {message ? (
        <View className="field__error family-error" role="alert">
          {message}
        </View>
      ) : null}
      {message === '请先完成实名认证' ? (
        <Button className="btn btn--small" onClick={() => go(routes.identity)}>
          去实名认证
        </Button>
      ) : null}
      <View className="family-actions">
        <Button
          className="btn btn--primary btn--block"
          loading={busy}
          onClick={() => void submit()}
        >
          保存
        </Button>
      </View>
      {consent.sheet}
    </View>
  );
}
