import { View } from '@tarojs/components';
import { useState } from 'react';
import type { DoctorSort, HospitalSort } from '../../../contract/catalog';
import { HOSPITAL_GRADES, SHANGHAI_DISTRICTS } from '../../../contract/catalog-values';
import './index.css';

/** Departments offered as a hospital filter: the ones patients look for most. */
const COMMON_DEPARTMENTS = [
  '心血管内科',
  '呼吸内科',
  '消化内科',
  '内分泌科',
  '神经内科',
  '骨科',
  '妇产科',
  '儿科',
  '眼科',
  '耳鼻咽喉科',
  '口腔科',
  '皮肤科',
];

export interface HospitalFilter {
  district?: string;
  grade?: string;
  department?: string;
  sort: HospitalSort;
}

interface Option<T extends string> {
  value: T;
  label: string;
}

/** One row of choices; the active one is marked for sight and for screen readers. */
export function ChoiceRow<T extends string>(props: {
  label: string;
  options: readonly Option<T>[];
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  /** Offer 不限 (no choice) first. */
  any?: boolean;
}) {
  const { options, value, onChange } = props;
  const chip = (v: T | undefined, label: string) => (
    <View
      key={v ?? ''}
      className={`filter-chip ${v === value ? 'filter-chip--active' : ''}`}
      role="radio"
      aria-checked={v === value}
      onClick={() => onChange(v)}
    >
      {label}
    </View>
  );
  return (
    <View className="filter-row" role="radiogroup" aria-label={props.label}>
      {props.any ? chip(undefined, '不限') : null}
      {options.map((o) => chip(o.value, o.label))}
    </View>
  );
}

const plain = <T extends string>(values: readonly T[]): Option<T>[] =>
  values.map((value) => ({ value, label: value }));

type Panel = 'district' | 'grade' | 'department' | null;

/**
 * 全部医院's filters (district, grade, department) and order (grade, distance, name);
 * distance is offered only when the page has the patient's location (LOC).
 */
export function HospitalFilters(props: {
  value: HospitalFilter;
  onChange: (next: HospitalFilter) => void;
  canSortByDistance: boolean;
}) {
  const { value, onChange } = props;
  const [open, setOpen] = useState<Panel>(null);
  const sorts: Option<HospitalSort>[] = [
    { value: 'grade', label: '等级优先' },
    ...(props.canSortByDistance ? [{ value: 'distance' as const, label: '距离最近' }] : []),
    { value: 'name', label: '按名称' },
  ];
  const toggle = (panel: Panel, label: string, chosen: string | undefined) => (
    <View
      className={`filter-tab ${chosen ? 'filter-tab--set' : ''}`}
      role="button"
      aria-expanded={open === panel}
      onClick={() => setOpen(open === panel ? null : panel)}
    >
      {chosen ?? label}
    </View>
  );
  const set = (patch: Partial<HospitalFilter>) => {
    onChange({ ...value, ...patch });
    setOpen(null);
  };
  return (
    <View className="filters">
      <View className="filter-tabs">
        {toggle('district', '区域', value.district)}
        {toggle('grade', '等级', value.grade)}
        {toggle('department', '科室', value.department)}
      </View>
      {open === 'district' ? (
        <ChoiceRow
          label="区域"
          any
          options={plain(SHANGHAI_DISTRICTS)}
          value={value.district}
          onChange={(district) => set({ district })}
        />
      ) : null}
      {open === 'grade' ? (
        <ChoiceRow
          label="等级"
          any
          options={plain(HOSPITAL_GRADES.filter((g) => g !== '一级'))}
          value={value.grade}
          onChange={(grade) => set({ grade })}
        />
      ) : null}
      {open === 'department' ? (
        <ChoiceRow
          label="科室"
          any
          options={plain(COMMON_DEPARTMENTS)}
          value={value.department}
          onChange={(department) => set({ department })}
        />
      ) : null}
      <ChoiceRow
        label="排序"
        options={sorts}
        value={value.sort}
        onChange={(sort) => set({ sort: sort ?? 'grade' })}
      />
    </View>
  );
}

const DOCTOR_SORTS: Option<Exclude<DoctorSort, 'distance'>>[] = [
  { value: 'title', label: '职称优先' },
  { value: 'rating', label: '评分最高' },
  { value: 'price', label: '价格最低' },
];

/** The order of a doctor list (one hospital's doctors: distance would be the same for all). */
export function DoctorSortRow(props: {
  value: Exclude<DoctorSort, 'distance'>;
  onChange: (sort: Exclude<DoctorSort, 'distance'>) => void;
}) {
  return (
    <ChoiceRow
      label="排序"
      options={DOCTOR_SORTS}
      value={props.value}
      onChange={(sort) => props.onChange(sort ?? 'title')}
    />
  );
}
