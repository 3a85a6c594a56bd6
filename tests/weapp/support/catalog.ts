/**
 * The catalog the home page needs: the bundled one `npm start` seeds (backend/catalog/seed —
 * 60 real Shanghai hospitals and their synthetic doctors), written through the CloudBase
 * adapter into the emulator. What the page should show is read back from the real catalog
 * function, so a test names real hospitals and doctors, never hand-written ones.
 */
import { seedCatalog } from '../../../backend/catalog/seed';
import type { WeappBackend } from './backend';

/** The home feed's size: the page asks for 5 of each (src/pages/home/feed.ts FEED_SIZE). */
export const FEED_SIZE = 5;

export interface HomeFirstScreen {
  /** The default recommendations, in the order the function gives them. */
  hospitals: string[];
  doctors: string[];
  /** 全部医院, page by page, and how many there are in all. */
  directory: (page: number) => Promise<string[]>;
  total: number;
}

export async function seededHome(backend: WeappBackend): Promise<HomeFirstScreen> {
  await seedCatalog(backend.env.store);
  const recommended = async (kind: 'hospital' | 'doctor') =>
    (await backend.ask('catalog', 'recommend', { kind, limit: FEED_SIZE })).items.map((hit) =>
      hit.kind === 'hospital' ? hit.hospital.name : hit.doctor.name,
    );
  const directory = async (page: number) =>
    (await backend.ask('catalog', 'listHospitals', { page })).items.map((h) => h.name);
  const { total } = await backend.ask('catalog', 'listHospitals', {});
  return {
    hospitals: await recommended('hospital'),
    doctors: await recommended('doctor'),
    directory,
    total,
  };
}

/** The hospitals nearest a fix, nearest first, with the distance the function measured. */
export async function nearestHospitals(backend: WeappBackend, lat: number, lng: number) {
  const { items } = await backend.ask('catalog', 'nearby', {
    lat,
    lng,
    kind: 'hospital',
    limit: FEED_SIZE,
  });
  return items.flatMap((hit) =>
    hit.kind === 'hospital'
      ? [{ id: hit.hospital.id, name: hit.hospital.name, distanceMeters: hit.distanceMeters }]
      : [],
  );
}
