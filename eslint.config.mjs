import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * One room's import rule: `rooms` are top-level folders it must not import (by any relative
 * path), `packages` npm or node: modules it must not import, `regex` a pattern every
 * refused specifier matches, `typesOnly` a pattern of modules it may import with `import type` only.
 */
function room(files, { rooms, packages = [], regex, typesOnly }) {
  const patterns = [
    {
      group: rooms.flatMap((r) => [`**/${r}`, `**/${r}/**`]),
      message: 'This room may not import that one (docs/ARCHITECTURE.md, rooms and arrows).',
    },
  ];
  if (packages.length > 0) patterns.push({ group: packages, message: 'Not in this room.' });
  if (regex) patterns.push({ regex, message: 'The contract imports zod only.' });
  if (typesOnly)
    patterns.push({
      regex: typesOnly,
      allowTypeImports: true,
      message: 'A zod schema module: `import type` only; values from a zod-free module.',
    });
  return {
    files,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-h5/**',
      'data/**',
      'coverage/**',
      'cloudfunctions/*/index.js',
      'tests/e2e/artifacts/**',
      '**/*.snap',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  // Arrows point one way (docs/ARCHITECTURE.md "Rooms and who may import whom"): one block
  // per room, each listing the rooms it must never reach.
  room(['src/**/*.{ts,tsx}'], {
    rooms: ['backend', 'server', 'cloudfunctions', 'tests', 'bench', 'scripts'],
    packages: ['better-sqlite3', 'wx-server-sdk', 'zod', 'zod/**', 'node:*', 'fastify'],
    // zod stays out of the app bundle: values come from the contract's zod-free modules
    // (items, rules, policy, manifest…); a schema module may lend the app its types only.
    typesOnly:
      '/contract(?:/index|/zod|/common|/account|/catalog|/telemetry|/user|/user/schemas' +
      '|/consult|/consult/(?:schemas|views|events)|/privacy/consent)?$',
  }),
  room(['contract/**/*.ts'], {
    rooms: ['src', 'backend', 'server', 'cloudfunctions', 'tests', 'bench', 'scripts'],
    // The contract imports zod only: any other package, Node's included, is refused.
    regex: '^(?![.]|zod(?:/|$))',
  }),
  room(['backend/**/*.ts'], {
    rooms: ['src', 'server', 'cloudfunctions', 'tests', 'bench', 'scripts'],
  }),
  room(['server/**/*.ts'], {
    rooms: ['src', 'cloudfunctions', 'tests', 'bench', 'scripts'],
  }),
  room(['cloudfunctions/**/*.ts'], {
    rooms: ['src', 'server', 'tests', 'bench', 'scripts'],
  }),
  // The app's tests (jsdom, the built weapp, the browser) reach the back end over the wire
  // or a fake, never by import; only tests/backend and tests/unit import server/ and cloudfunctions/.
  room(['tests/pages/**/*.{ts,tsx}', 'tests/e2e/**/*.ts'], {
    rooms: ['backend', 'server', 'cloudfunctions'],
  }),
  // bench and scripts run the server (start, seed, measure it), so they may import it;
  // never the app, the cloud functions' entries or the tests.
  room(['bench/**/*.ts', 'scripts/**/*.ts'], {
    rooms: ['src', 'cloudfunctions', 'tests'],
  }),
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
