import { formatDistance, wgs84ToGcj02 } from '../../src/utils/geo';
import { formatCount, formatPrice, formatRating, initialOf } from '../../src/utils/format';

describe('wgs84ToGcj02', () => {
  test('matches the published reference conversion (coordtransform)', () => {
    const { lat, lng } = wgs84ToGcj02(39.915, 116.404);
    expect(lng).toBeCloseTo(116.41024449916938, 9);
    expect(lat).toBeCloseTo(39.91640428150164, 9);
  });

  test('shifts a Shanghai point by a few hundred metres, as WeChat maps expect', () => {
    const { lat, lng } = wgs84ToGcj02(31.2, 121.45);
    expect(Math.abs(lat - 31.2)).toBeGreaterThan(0.001);
    expect(Math.abs(lng - 121.45)).toBeGreaterThan(0.003);
    expect(Math.abs(lat - 31.2) + Math.abs(lng - 121.45)).toBeLessThan(0.01);
  });

  test('outside China the datums coincide', () => {
    expect(wgs84ToGcj02(48.8566, 2.3522)).toEqual({ lat: 48.8566, lng: 2.3522 });
  });
});

describe('formatDistance', () => {
  test.each([
    [0, '0m'],
    [850, '850m'],
    [999.4, '999m'],
    [999.6, '1.0km'],
    [1000, '1.0km'],
    [12345, '12.3km'],
  ])('%p m → %p', (m, text) => expect(formatDistance(m)).toBe(text));
});

describe('formatPrice (fen)', () => {
  test.each([
    [0, '免费'],
    [3000, '¥30'],
    [2550, '¥25.5'],
    [2505, '¥25.05'],
    [50, '¥0.5'],
    [100000, '¥1000'],
  ])('%p 分 → %p', (fen, text) => expect(formatPrice(fen)).toBe(text));
});

test('rating keeps one decimal; counts switch to 万', () => {
  expect(formatRating(4)).toBe('4.0');
  expect(formatCount(9999)).toBe('9999');
  expect(formatCount(12345)).toBe('1.2万');
  expect(formatCount(20000)).toBe('2万');
});

test('the avatar letter is the surname, past any demo label', () => {
  expect(initialOf('示例·王颖')).toBe('王');
  expect(initialOf('李淑芬')).toBe('李');
});
