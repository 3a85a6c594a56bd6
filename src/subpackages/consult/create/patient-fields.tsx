import { Input, View } from '@tarojs/components';
import { PatientPicker } from '../../../components/patient-picker';
import { go, routes } from '../../../utils/routes';
import { ShareRecords } from './share-records';
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

/**
 * 就诊人: the account holder, one of the account's 就诊人 (the doctor then sees 张*, sex,
 * age and allergies — never the document), or someone else by name, sex and age. For a
 * 就诊人 the patient may also choose records to show the doctor.
 */
export function PatientFields(props: {
  form: PatientForm;
  onChange: (next: PatientForm) => void;
  shared: string[];
  onShare: (recordIds: string[]) => void;
}) {
  const { form, onChange } = props;
  const set = (change: Partial<PatientForm>) => onChange({ ...form, ...change });
  return (
    <View className="section consult-form__patient">
      <View className="section__title">就诊人</View>
      <View className="choice-row">
        <Choice label="本人" on={form.kind === 'self'} onTap={() => set({ kind: 'self' })} />
        <Choice
          label="就诊人"
          on={form.kind === 'patient'}
          onTap={() => set({ kind: 'patient' })}
        />
        <Choice label="其他人" on={form.kind === 'other'} onTap={() => set({ kind: 'other' })} />
      </View>
      {form.kind === 'patient' ? (
        <>
          <PatientPicker
            value={form.patientId}
            onChange={(patientId) => {
              props.onShare([]);
              set({ patientId });
            }}
            onAdd={() => go(routes.patientForm())}
            selectFirst
          />
          {form.patientId ? (
            <ShareRecords
              patientId={form.patientId}
              chosen={props.shared}
              onChange={props.onShare}
            />
          ) : null}
        </>
      ) : null}
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
