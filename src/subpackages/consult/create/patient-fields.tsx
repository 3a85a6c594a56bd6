import { Input, View } from '@tarojs/components';
import type { PatientForm } from './validate';

function Choice(props: { label: string; on: boolean; onTap: () => void }) {
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

/** 就诊人: the account holder, or someone else by name, sex and age. */
export function PatientFields(props: { form: PatientForm; onChange: (next: PatientForm) => void }) {
  const { form, onChange } = props;
  const set = (change: Partial<PatientForm>) => onChange({ ...form, ...change });
  return (
    <View className="section consult-form__patient">
      <View className="section__title">就诊人</View>
      <View className="choice-row">
        <Choice label="本人" on={form.kind === 'self'} onTap={() => set({ kind: 'self' })} />
        <Choice label="其他人" on={form.kind === 'other'} onTap={() => set({ kind: 'other' })} />
      </View>
      {form.kind === 'other' ? (
        <View className="consult-form__other">
          <Input
            className="consult-form__input"
            placeholder="就诊人姓名"
            value={form.name}
            maxlength={20}
            onInput={(e) => set({ name: e.detail.value })}
          />
          <View className="choice-row">
            <Choice label="男" on={form.sex === 'male'} onTap={() => set({ sex: 'male' })} />
            <Choice label="女" on={form.sex === 'female'} onTap={() => set({ sex: 'female' })} />
          </View>
          <Input
            className="consult-form__input"
            placeholder="年龄"
            type="number"
            value={form.age}
            maxlength={3}
            onInput={(e) => set({ age: e.detail.value })}
          />
        </View>
      ) : null}
    </View>
  );
}
