/** config/preload.ts: which on-demand chunks index.html preloads. */
import { sharedAsyncScripts } from '../../config/preload';

const group = (initial: boolean, ...files: string[]) => ({
  isInitial: () => initial,
  chunks: files.map((f) => ({ files: [f, f.replace(/\.js$/, '.css')] })),
});

test('preloads the scripts most page chunk groups share, never the entry or a one-page chunk', () => {
  const groups = [
    group(true, 'js/app.js', 'js/vendors.js'),
    ...Array.from({ length: 9 }, (_, i) => group(false, 'js/components.js', `js/page${i}.js`)),
    group(false, 'js/styles.js'),
  ];
  // components: 9 of 10 on-demand groups (≥ 80%); each page and styles: 1 of 10.
  expect(sharedAsyncScripts(groups)).toEqual(['js/components.js']);
});

test('one on-demand group alone is not "shared": nothing preloaded', () => {
  expect(sharedAsyncScripts([group(true, 'js/app.js'), group(false, 'js/page.js')])).toEqual([]);
});
