/**
 * zod stays out of the app (docs/ARCHITECTURE.md): src imports only the contract's zod-free
 * modules (items, rules, types). A schema reached by a value import drags zod into a
 * package, which WeChat counts against the 2 MB limit; this reads the built bundles.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
/** Class names zod v4 gives its schemas and errors; minifiers keep string literals. */
const ZOD_MARKERS = /\$Zod(?:Type|Object|String|Error|Check)\b/;

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

const withZod = (dir: string) =>
  scripts(dir)
    .filter((file) => ZOD_MARKERS.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file));

test('the marker finds zod where it is (the check can fail)', () => {
  const zodCore = join(root, 'node_modules', 'zod', 'v4', 'core');
  expect(withZod(zodCore).length).toBeGreaterThan(0);
});

test('the weapp build (dist/) carries no zod, in the main package or any subpackage', () => {
  expect(existsSync(join(root, 'dist', 'app.json'))).toBe(true); // npm run build:weapp first
  expect(withZod(join(root, 'dist'))).toEqual([]);
});

// dist-h5/ exists after `npm run build:h5` (npm test builds it before the jest projects).
const h5 = join(root, 'dist-h5');
(existsSync(h5) ? test : test.skip)('the H5 build (dist-h5/) carries no zod', () => {
  expect(withZod(h5)).toEqual([]);
});
