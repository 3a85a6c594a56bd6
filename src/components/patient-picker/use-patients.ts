import { useDidShow } from '@tarojs/taro';
import { useCallback, useRef } from 'react';
import { useAsync, type AsyncResource } from '../../hooks/use-async';
import { listPatients, type PatientList } from '../../services/patients';

/**
 * The account's 就诊人, loaded on mount and again whenever the page shows once more (coming
 * back from 添加就诊人 must show the new one without a pull to refresh).
 */
export function usePatients(): AsyncResource<PatientList> {
  const load = useCallback(() => listPatients(), []);
  const patients = useAsync(load);
  const shown = useRef(false);
  useDidShow(() => {
    // The first show is the mount, which useAsync already loads.
    if (shown.current) void patients.reload();
    shown.current = true;
  });
  return patients;
}
