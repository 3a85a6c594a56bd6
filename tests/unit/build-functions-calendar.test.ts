import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { compactCalendarSource } from '../../scripts/build-functions';

describe('the chinese-days calendar in a cloud bundle', () => {
  it('keeps exactly the holiday and 调休 dates of the package data', () => {
    const raw = readFileSync(
      join(__dirname, '..', '..', 'node_modules', 'chinese-days', 'dist', 'chinese-days.json'),
      'utf8',
    );
    const data = JSON.parse(raw) as Record<string, Record<string, string>>;
    const module = { exports: {} as Record<string, Record<string, string>> };
    const code = transformSync(compactCalendarSource(raw), { format: 'cjs' }).code;
    new Function('module', 'exports', code)(module, module.exports);
    for (const key of ['holidays', 'workdays']) {
      expect(Object.keys(module.exports[key])).toEqual(Object.keys(data[key]));
    }
  });
});
