/**
 * `npm run build:functions`: bundles each cloudfunctions/<fn>/index.ts (and everything it
 * imports from backend/ and contract/) into one CommonJS cloudfunctions/<fn>/index.js,
 * because WeChat uploads only the function's own folder. wx-server-sdk stays external: it
 * is installed in the cloud from the function's package.json. Then prints the CloudBase
 * collections, indexes and permissions (database-rules.json) to set.
 */
import { build, type Metafile, type Plugin } from 'esbuild';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COLLECTIONS } from '../backend/collections';
import type { CollectionSpec } from '../backend/ports/document-store';
import { describeRule, readDatabaseRules, type CollectionRule } from './database-rules';

const ROOT = join(__dirname, '..');
export const FUNCTIONS_DIR = join(ROOT, 'cloudfunctions');
/** CloudBase runtime Nodejs16.13. */
const TARGET = 'node16';
/** Every function's package.json lists it; CloudBase installs it (installDependency). */
const EXTERNAL = ['wx-server-sdk'];
/** Must never end up in a cloud bundle: native code, the local server, local adapters. */
const FORBIDDEN_INPUT =
  /^(node_modules\/better-sqlite3|server|backend\/adapters\/(sqlite|local))\//;

/**
 * chinese-days' calendar (~37 KB of JSON: every holiday's name since 2004) as only the dates
 * backend/booking/time.ts looks up with `in`: `holidays` and `workdays`, keys kept, names
 * dropped (each value is ''), encoded as `YYYY:MMDD,MMDD…` per year (~4 KB in the bundle).
 */
export function compactCalendarSource(json: string): string {
  const calendar = JSON.parse(json) as Record<string, Record<string, string>>;
  const encode = (days: Record<string, string>) => {
    const byYear = new Map<string, string[]>();
    for (const date of Object.keys(days)) {
      const [y, m, d] = date.split('-');
      byYear.set(y, [...(byYear.get(y) ?? []), m + d]);
    }
    return [...byYear].map(([y, mds]) => `${y}:${mds.join(',')}`).join(' ');
  };
  return [
    'const decode = (s) => Object.fromEntries(s.split(" ").flatMap((year) => {',
    '  const [y, mds] = year.split(":");',
    '  return mds.split(",").map((md) => [`${y}-${md.slice(0, 2)}-${md.slice(2)}`, ""]);',
    '}));',
    `export const holidays = decode(${JSON.stringify(encode(calendar.holidays))});`,
    `export const workdays = decode(${JSON.stringify(encode(calendar.workdays))});`,
  ].join('\n');
}

export const compactCalendar: Plugin = {
  name: 'compact-chinese-days',
  setup(b) {
    b.onLoad({ filter: /chinese-days[\\/]dist[\\/]chinese-days\.json$/ }, (args) => ({
      contents: compactCalendarSource(readFileSync(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

export interface BuiltFunction {
  name: string;
  file: string;
  bytes: number;
}

/** Function folders: every cloudfunctions/<fn>/ with an index.ts; `_shared` and the like are not functions. */
export function listFunctions(dir = FUNCTIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .filter(
      (name) => statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, 'index.ts')),
    )
    .sort();
}

function dependenciesOf(dir: string, name: string): string[] {
  const pkg = JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Object.keys(pkg.dependencies ?? {});
}

function checkBundle(name: string, metafile: Metafile, dir: string): void {
  const bad = Object.keys(metafile.inputs).filter((input) => FORBIDDEN_INPUT.test(input));
  if (bad.length > 0) {
    throw new Error(
      `cloudfunctions/${name} bundles code that cannot run on CloudBase: ${bad.join(', ')}`,
    );
  }
  const pkg = JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const external of EXTERNAL) {
    if (!pkg.dependencies?.[external]) {
      throw new Error(
        `cloudfunctions/${name}/package.json must list ${external} (it is not bundled)`,
      );
    }
  }
}

export async function buildFunctions(
  options: { dir?: string; only?: string[] } = {},
): Promise<BuiltFunction[]> {
  const dir = options.dir ?? FUNCTIONS_DIR;
  const names = listFunctions(dir).filter((name) => !options.only || options.only.includes(name));
  const built: BuiltFunction[] = [];
  for (const name of names) {
    const file = join(dir, name, 'index.js');
    const result = await build({
      entryPoints: [join(dir, name, 'index.ts')],
      outfile: file,
      bundle: true,
      platform: 'node',
      target: TARGET,
      format: 'cjs',
      // What a function's package.json lists, CloudBase installs beside index.js: `user`
      // lists the Tencent Cloud SMS SDK, so its HTTP stack (node-fetch, form-data, mime-db,
      // ~250 KB) is neither in the bundle nor parsed on a cold start; it loads on first send.
      external: [...new Set([...EXTERNAL, ...dependenciesOf(dir, name)])],
      // `import()` of an external as CommonJS `require` (Node's ESM loader would demand
      // file extensions in the SMS SDK's subpath and return a namespace, not exports).
      supported: { 'dynamic-import': false },
      // Load time on a cold start grows with bytes parsed: minified and tree-shaken.
      minify: true,
      treeShaking: true,
      // Chinese messages stay readable in the CloudBase online editor and logs.
      charset: 'utf8',
      legalComments: 'none',
      metafile: true,
      plugins: [compactCalendar],
      // Input paths in the metafile are relative to the repo root, whatever the cwd.
      absWorkingDir: ROOT,
      logLevel: 'warning',
    });
    checkBundle(name, result.metafile, dir);
    built.push({ name, file, bytes: statSync(file).size });
  }
  return built;
}

/**
 * The collections, indexes and permissions to set in the console. Permissions are read from
 * database-rules.json (each collection's 自定义安全规则); a collection without a rule there is
 * refused, since the console's default would not be what the code expects.
 */
export function describeCollections(
  collections: CollectionSpec[] = COLLECTIONS,
  rules: Record<string, CollectionRule> = readDatabaseRules(),
): string {
  const missing = collections.filter((spec) => !rules[spec.name]).map((spec) => spec.name);
  if (missing.length > 0)
    throw new Error(`database-rules.json has no rule for: ${missing.join(', ')}`);
  const lines = [
    'CloudBase database — create these collections, indexes and permissions (云开发控制台 → 数据库):',
  ];
  for (const spec of collections) {
    lines.push(`  ${spec.name}`);
    lines.push(`    indexes (ascending, one per field): ${spec.indexes.join(', ')}`);
    if (spec.geo) lines.push(`    geo index (地理位置索引): ${spec.geo}`);
    if (spec.text?.length) lines.push(`    text search (regex, no index): ${spec.text.join(', ')}`);
    lines.push(`    permissions: ${describeRule(rules[spec.name])}`);
  }
  lines.push(
    "  Permissions are database-rules.json: paste each rule as the collection's 自定义安全规则.",
  );
  return lines.join('\n');
}

async function cli(): Promise<void> {
  const started = Date.now();
  const built = await buildFunctions();
  for (const fn of built) {
    console.log(`  cloudfunctions/${fn.name}/index.js  ${(fn.bytes / 1024).toFixed(1)} KB`);
  }
  console.log(
    `Built ${built.length} cloud function(s) in ${Date.now() - started} ms (target ${TARGET}).\n`,
  );
  console.log(describeCollections());
}

// Run as a script (`tsx scripts/build-functions.ts`), not when a test imports it.
if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  cli().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
