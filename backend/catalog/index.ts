import { catalogActions } from '../../contract/catalog';
import type { BackendFunction } from '../core/action';
import { getDoctor, listDoctors } from './doctors';
import { getHospital, listDepartments, listHospitals } from './hospitals';
import { nearby, recommend } from './nearby';
import { search } from './search';
import { suggest } from './suggest';

/** The catalog function: hospitals, doctors, search, nearby. No account needed (REG). */
export const catalogFunction: BackendFunction<'catalog'> = {
  name: 'catalog',
  actions: catalogActions,
  handlers: {
    listHospitals,
    getHospital,
    listDoctors,
    getDoctor,
    listDepartments,
    search,
    suggest,
    nearby,
    recommend,
  },
};
