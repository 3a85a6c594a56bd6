import type { ActionName, InputOf, OutputOf } from '../../contract';
import { call } from './client';

/** The catalog function, one wrapper per action (browsing needs no account: REG, LOC). */
type Action = ActionName<'catalog'>;
type In<A extends Action> = InputOf<'catalog', A>;
type Out<A extends Action> = Promise<OutputOf<'catalog', A>>;

export const listHospitals = (input: In<'listHospitals'>): Out<'listHospitals'> =>
  call('catalog', 'listHospitals', input);

export const getHospital = (input: In<'getHospital'>): Out<'getHospital'> =>
  call('catalog', 'getHospital', input);

export const listDoctors = (input: In<'listDoctors'>): Out<'listDoctors'> =>
  call('catalog', 'listDoctors', input);

export const getDoctor = (input: In<'getDoctor'>): Out<'getDoctor'> =>
  call('catalog', 'getDoctor', input);

export const listDepartments = (input: In<'listDepartments'>): Out<'listDepartments'> =>
  call('catalog', 'listDepartments', input);

export const search = (input: In<'search'>): Out<'search'> => call('catalog', 'search', input);

/** Suggestions as the patient types (issue 17). */
export const suggest = (input: In<'suggest'>): Out<'suggest'> => call('catalog', 'suggest', input);

export const nearby = (input: In<'nearby'>): Out<'nearby'> => call('catalog', 'nearby', input);

export const recommend = (input: In<'recommend'>): Out<'recommend'> =>
  call('catalog', 'recommend', input);
