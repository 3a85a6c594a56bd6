import { gcj02ToWgs84, haversineMeters, wgs84ToGcj02 } from '../../contract/geo';

describe('geo', () => {
  it('haversine: one degree of latitude is about 111.2 km; zero for the same point', () => {
    expect(haversineMeters(31, 121, 32, 121)).toBeCloseTo(111_195, -1);
    expect(haversineMeters(31.2, 121.4, 31.2, 121.4)).toBe(0);
    // Shanghai → Beijing, about 1,067 km great-circle.
    expect(haversineMeters(31.2304, 121.4737, 39.9042, 116.4074) / 1000).toBeCloseTo(1067, -1);
  });

  it('GCJ-02 shifts Shanghai by a few hundred metres, and the inverse undoes it', () => {
    const wgs = { lat: 31.214545, lng: 121.461202 };
    const gcj = wgs84ToGcj02(wgs.lat, wgs.lng);
    const shift = haversineMeters(wgs.lat, wgs.lng, gcj.lat, gcj.lng);
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(700);
    const back = gcj02ToWgs84(gcj.lat, gcj.lng);
    expect(haversineMeters(wgs.lat, wgs.lng, back.lat, back.lng)).toBeLessThan(0.05);
  });

  it('leaves coordinates outside China alone', () => {
    expect(wgs84ToGcj02(48.8566, 2.3522)).toEqual({ lat: 48.8566, lng: 2.3522 });
  });
});
