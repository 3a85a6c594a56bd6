import { DOCTORS, HOSPITALS } from '../../collections';
import type { DocumentStore } from '../../ports/document-store';
import type { DoctorDoc, HospitalDoc } from '../model';
import { doctorKeywords, hospitalKeywords } from './keywords';

const PAGE = 500;

/** Did this catalog come from before the keywords existed? One read tells. */
export async function needsSearchTerms(store: DocumentStore): Promise<boolean> {
  const [first] = await store.find<HospitalDoc>(HOSPITALS.name, {}, { limit: 1 });
  return first !== undefined && typeof first.keywords !== 'string';
}

/**
 * Gives a catalog stored before issue 17 its search terms (keywords, and the doctors'
 * district), as seed/import now compute them; writes only what differs. Returns how
 * many documents changed. `npm start` runs it once when needsSearchTerms says so.
 */
export async function refreshSearchTerms(store: DocumentStore): Promise<number> {
  let changed = 0;
  const hospitals = new Map<string, HospitalDoc>();
  for (let skip = 0; ; skip += PAGE) {
    const page = await store.find<HospitalDoc>(
      HOSPITALS.name,
      {},
      { sort: [['name', 'asc']], skip, limit: PAGE },
    );
    for (const h of page) {
      hospitals.set(h._id, h);
      const keywords = hospitalKeywords(h);
      if (h.keywords === keywords) continue;
      await store.update(HOSPITALS.name, h._id, { set: { keywords } });
      changed++;
    }
    if (page.length < PAGE) break;
  }
  for (let skip = 0; ; skip += PAGE) {
    const page = await store.find<DoctorDoc>(
      DOCTORS.name,
      {},
      { sort: [['name', 'asc']], skip, limit: PAGE },
    );
    for (const d of page) {
      const keywords = doctorKeywords(d);
      const district = hospitals.get(d.hospitalId)?.district ?? d.district;
      if (d.keywords === keywords && d.district === district) continue;
      await store.update(DOCTORS.name, d._id, {
        set: { keywords, ...(district ? { district } : {}) },
      });
      changed++;
    }
    if (page.length < PAGE) break;
  }
  return changed;
}
