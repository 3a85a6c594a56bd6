/**
 * src/platform has one layout (src/README.md): a folder per capability holding index.ts
 * (`export * from './<cap>'`), the twins <cap>.weapp and <cap>.h5, and helpers of its own;
 * every capability is in twins.check.ts, where tsc proves the twins export the same.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const platform = join(__dirname, '..', '..', 'src', 'platform');
const entries = readdirSync(platform);
const capabilities = entries.filter((e) => statSync(join(platform, e)).isDirectory());
const twin = (cap: string, target: 'weapp' | 'h5') =>
  ['ts', 'tsx'].some((ext) => existsSync(join(platform, cap, `${cap}.${target}.${ext}`)));

test('nothing lies loose beside the capability folders', () => {
  expect(entries.filter((e) => !capabilities.includes(e))).toEqual(['twins.check.ts']);
});

test.each(capabilities)('%s: index.ts, both twins, and a line in twins.check.ts', (cap) => {
  expect(readFileSync(join(platform, cap, 'index.ts'), 'utf8')).toContain(
    `export * from './${cap}';`,
  );
  expect(twin(cap, 'weapp')).toBe(true);
  expect(twin(cap, 'h5')).toBe(true);
  const check = readFileSync(join(platform, 'twins.check.ts'), 'utf8');
  expect(check).toContain(`from './${cap}/${cap}.h5'`);
  expect(check).toContain(`from './${cap}/${cap}.weapp'`);
});
