import { Input, Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import {
  AGREED_DECLARATION,
  GUARDIAN_DECLARATION,
  HEALTH_NOTE_MAX_CHARS,
  ID_TYPES,
  ID_TYPE_LABELS,
  RELATIONS,
} from '../../../../contract/patients/items';
import { CheckRow } from '../../../components/check-row';
import { Field, FieldGroup } from '../../../components/field';
import type { FormErrors, PatientFormState } from './form';

export function Choice(props: { label: string; on: boolean; onTap: () => void }) {
  return (
    <View
      className={`choice ${props.on ? 'choice--on' : ''}`}
      role="radio"
      aria-checked={props.on}
      onClick={props.onTap}
    >
      {props.label}
    </View>
  );
}

function Block(props: { title: string; error?: string; children: ReactNode }) {
  return (
    <View className="section">
      <View className="section__title">{props.title}</View>
      {props.children}
      {props.error ? <Text className="field__error">{props.error}</Text> : null}
    </View>
  );
}

type Set = (change: Partial<PatientFormState>) => void;
interface Props {
  form: PatientFormState;
  errors: FormErrors;
  set: Set;
}

export function RelationField({ form, errors, set }: Props) {
  return (
    <Block title="与本人关系" error={errors.relation}>
      <View className="choice-row" role="radiogroup" aria-label="与本人关系">
        {RELATIONS.map((r) => (
          <Choice
            key={r}
            label={r}
            on={form.relation === r}
            onTap={() => set({ relation: r, declared: false })}
          />
        ))}
      </View>
    </Block>
  );
}

/** Name and document (IDV): a 居民身份证 gives birth date and sex; other documents ask for them. */
export function DocumentFields({ form, errors, set }: Props) {
  const typed = form.idType !== 'id_card';
  return (
    <>
      <Block title="证件类型" error={errors.idType}>
        <View className="choice-row" role="radiogroup" aria-label="证件类型">
          {ID_TYPES.map((t) => (
            <Choice
              key={t}
              label={ID_TYPE_LABELS[t]}
              on={form.idType === t}
              onTap={() => set({ idType: t })}
            />
          ))}
        </View>
      </Block>
      <FieldGroup>
        <Field label="姓名" error={errors.name}>
          <Input
            className="field__input family-input"
            placeholder="与证件一致"
            maxlength={30}
            value={form.name}
            onInput={(e) => set({ name: e.detail.value })}
          />
        </Field>
        {form.idType !== 'none' ? (
          <Field label="证件号码" error={errors.idNumber}>
            <Input
              className="field__input family-input"
              placeholder={form.idType === 'id_card' ? '18 位身份证号码' : '证件号码'}
              maxlength={20}
              value={form.idNumber}
              onInput={(e) => set({ idNumber: e.detail.value })}
            />
          </Field>
        ) : null}
        {typed ? (
          <Field label="出生日期" error={errors.birthDate}>
            <Input
              className="field__input family-input"
              placeholder="YYYY-MM-DD"
              maxlength={10}
              value={form.birthDate}
              onInput={(e) => set({ birthDate: e.detail.value })}
            />
          </Field>
        ) : null}
      </FieldGroup>
      {typed ? (
        <Block title="性别" error={errors.sex}>
          <View className="choice-row" role="radiogroup" aria-label="性别">
            <Choice label="男" on={form.sex === 'male'} onTap={() => set({ sex: 'male' })} />
            <Choice label="女" on={form.sex === 'female'} onTap={() => set({ sex: 'female' })} />
          </View>
        </Block>
      ) : null}
    </>
  );
}

/** Phone (optional) and the health notes the doctor will see (PI: health information). */
export function ContactAndHealth({ form, errors, set, editing }: Props & { editing: boolean }) {
  return (
    <>
      <FieldGroup>
        <Field label="手机号" error={errors.phone}>
          <Input
            className="field__input family-input"
            type="number"
            maxlength={11}
            placeholder={editing ? '不修改请留空' : '选填'}
            value={form.phone}
            onInput={(e) => set({ phone: e.detail.value })}
          />
        </Field>
      </FieldGroup>
      <Block title="过敏史（选填）" error={errors.allergies}>
        <Textarea
          className="family-textarea"
          placeholder="如：青霉素过敏；无则留空"
          maxlength={HEALTH_NOTE_MAX_CHARS}
          value={form.allergies}
          onInput={(e) => set({ allergies: e.detail.value })}
        />
      </Block>
      <Block title="慢性病（选填）" error={errors.chronicConditions}>
        <Textarea
          className="family-textarea"
          placeholder="如：高血压、糖尿病；无则留空"
          maxlength={HEALTH_NOTE_MAX_CHARS}
          value={form.chronicConditions}
          onInput={(e) => set({ chronicConditions: e.detail.value })}
        />
      </Block>
    </>
  );
}

/** PIPL art. 13/31: the holder's own tick, unticked to start, worded for adult or child. */
export function DeclarationField(props: {
  kind: 'agreed' | 'guardian';
  checked: boolean;
  error?: string;
  onChange: (checked: boolean) => void;
}) {
  return (
    <Block title={props.kind === 'guardian' ? '监护人声明' : '就诊人同意'} error={props.error}>
      <CheckRow checked={props.checked} onChange={props.onChange}>
        {props.kind === 'guardian' ? GUARDIAN_DECLARATION : AGREED_DECLARATION}
      </CheckRow>
    </Block>
  );
}
