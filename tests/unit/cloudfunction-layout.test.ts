import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS } from '../../backend/functions';

const root = join(__dirname, '..', '..');
const rc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8')) as {
  functions: Array<{ name: string }>;
};

describe('every backend function is deployable to CloudBase', () => {
  it.each(Object.keys(FUNCTIONS))(
    '%s has its folder, package.json with wx-server-sdk, config.json and a cloudbaserc entry',
    (fn) => {
      const dir = join(root, 'cloudfunctions', fn);
      expect(existsSync(join(dir, 'index.ts'))).toBe(true);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name: string;
        main: string;
        dependencies: Record<string, string>;
      };
      expect(pkg).toMatchObject({
        name: fn,
        main: 'index.js',
        dependencies: { 'wx-server-sdk': '4.0.2' },
      });
      expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toHaveProperty(
        'permissions',
      );
      expect(rc.functions.map((f) => f.name)).toContain(fn);
      // Each entry imports only its own backend function, so bundles stay small.
      expect(readFileSync(join(dir, 'index.ts'), 'utf8')).not.toMatch(
        /from '[./]*backend\/functions'/,
      );
    },
  );
});
