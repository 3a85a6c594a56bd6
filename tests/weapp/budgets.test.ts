/**
 * @jest-environment node
 *
 * Size budgets that fail `npm test` (which builds weapp, H5 and cloud functions first): the
 * H5 first screen's JavaScript as it goes on the wire (brotli), the weapp main package and
 * each subpackage, and each cloud function bundle. Each check prints its limit and figure.
 * A limit is today's figure plus headroom; raise one only with a reason in the commit.
 * (In the weapp project because that runs on the builds; in Node, not jsdom: no DOM here.)
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { firstScreenJs } from '../../bench/lib/h5-first-screen';
import { measurePackage } from '../../bench/lib/package-size';
import { listFunctions } from '../../scripts/build-functions';

const ROOT = join(__dirname, '..', '..');
const KB = 1024;

/** Issue 18's target: 150 KB of JavaScript before the first screen can draw. */
const H5_FIRST_SCREEN_BR = 150 * KB;
const H5_PAGES = ['pages/home/index', 'pages/doctor/index', 'pages/mine/index'];
/** Today ~478 KB; issue 18 asks ≤ 1.5× the bare hello-world (~446 KB) once signed-in pages move to subpackages. */
const WEAPP_MAIN = 500 * KB;
const WEAPP_SUBPACKAGE = 200 * KB;
/** Tab icons and the like: palette PNGs of a few hundred bytes; a photo would not fit. */
const WEAPP_IMAGE = 10 * KB;
/** SDKs a function's package.json lists are installed by CloudBase, not bundled. */
const FUNCTION_BUNDLE = 200 * KB;

const lines: string[] = [];
const check = (what: string, bytes: number, limit: number) => {
  lines.push(
    `${bytes <= limit ? 'ok  ' : 'OVER'} ${what.padEnd(44)} ${(bytes / KB).toFixed(1).padStart(7)} KB  (limit ${(limit / KB).toFixed(0)} KB)`,
  );
  expect({ what, bytes }).toEqual({ what, bytes: Math.min(bytes, limit) });
};
afterAll(() => console.log(`size budgets:\n${lines.join('\n')}`));

const built = (file: string, how: string) => {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`${how}\` (npm test does)`);
};

describe('H5 first screen (brotli on the wire)', () => {
  it.each(H5_PAGES)('%s', (pagePath) => {
    built(join(ROOT, 'dist-h5', 'index.html'), 'npm run build:h5');
    const js = firstScreenJs(join(ROOT, 'dist-h5'), pagePath);
    check(`H5 ${pagePath} JS (${js.files.length} files)`, js.brBytes, H5_FIRST_SCREEN_BR);
  });
});

describe('weapp packages', () => {
  it('main package and each subpackage', () => {
    built(join(ROOT, 'dist', 'app.json'), 'npm run build:weapp');
    const sizes = measurePackage(join(ROOT, 'dist'));
    check('weapp main package', sizes.mainBytes, WEAPP_MAIN);
    for (const sub of sizes.subpackages)
      check(`weapp subpackage ${sub.root}`, sub.bytes, WEAPP_SUBPACKAGE);
  });

  it('each image, compressed', () => {
    const images = readdirSync(join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' }).filter(
      (f) => /\.(png|jpe?g|gif|webp)$/i.test(f),
    );
    for (const f of images)
      check(`weapp image ${f}`, statSync(join(ROOT, 'dist', f)).size, WEAPP_IMAGE);
  });
});

describe('cloud function bundles', () => {
  it.each(listFunctions())('%s', (name) => {
    const file = join(ROOT, 'cloudfunctions', name, 'index.js');
    built(file, 'npm run build:functions');
    check(`cloudfunctions/${name}/index.js`, statSync(file).size, FUNCTION_BUNDLE);
  });
});
