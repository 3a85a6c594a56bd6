/**
 * The demo catalog offers 视频咨询 (issue 14): some seeded doctors have a valid video offer,
 * so `npm start` can book and call one; the others have none.
 */
import { bundledHospitals } from '../../../backend/catalog/seed';
import { syntheticDoctorsFor } from '../../../backend/catalog/seed/synthetic-doctors';
import { videoOfferSchema } from '../../../contract/consult/video';

it('seeds a share of the demo doctors with a valid video offer, the same on every run', () => {
  const hospitals = bundledHospitals().slice(0, 20);
  const doctors = hospitals.flatMap((h) => syntheticDoctorsFor(h));
  const offering = doctors.filter((d) => d.video);
  expect(offering.length).toBeGreaterThan(doctors.length * 0.15);
  expect(offering.length).toBeLessThan(doctors.length * 0.5);
  for (const d of offering) expect(videoOfferSchema.safeParse(d.video).success).toBe(true);
  const again = hospitals.flatMap((h) => syntheticDoctorsFor(h));
  expect(again.map((d) => d.video)).toEqual(doctors.map((d) => d.video));
});
