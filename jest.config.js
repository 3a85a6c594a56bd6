/** One jest, seven projects (docs/ARCHITECTURE.md "Tests"). babel-jest strips types; `tsc` checks them. */
const babelNode = [
  'babel-jest',
  {
    configFile: false,
    babelrc: false,
    presets: [
      ['@babel/preset-env', { targets: { node: 'current' } }],
      ['@babel/preset-typescript', { allowDeclareFields: true }],
      ['@babel/preset-react', { runtime: 'automatic' }],
    ],
  },
];

const common = {
  rootDir: __dirname,
  transform: { '^.+\\.[jt]sx?$': babelNode },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json'],
  // src/platform's twins resolve as in Taro's H5 build (jsdom is a browser).
  resolver: '<rootDir>/tests/platform-resolver.js',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/dist-h5/'],
  // contract/zod.ts imports one ESM locale file; jest (CJS) takes zod's CJS twin.
  moduleNameMapper: {
    '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs',
  },
};

const taroGlobals = {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_MUTATION_OBSERVER: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
  __TARO_FRAMEWORK__: 'react',
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'backend',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/backend/**/*.test.ts'],
    },
    {
      // The same handler tests on the CloudBase adapter over the emulated platform
      // (tests/support/cloudbase-emulator). Left out: what only SQLite or the local server has —
      // the SQLite adapter's own tests, the raw database file (at rest, WAL remnants), the
      // fastify server; and the CloudBase adapter's own tests, which already run in `backend`.
      // account/resume runs here too, with faults at a spread of its operations rather than at
      // every one (resume.test.ts faultPoints): through the real SDK all of them take minutes.
      ...common,
      displayName: 'backend-cloudbase',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/backend/**/*.test.ts'],
      testPathIgnorePatterns: [
        ...common.testPathIgnorePatterns,
        '/tests/backend/document-store\\.',
        '/tests/backend/server/',
        '/tests/backend/user/server\\.test\\.ts$',
        'server-sweep\\.test\\.ts$',
        '/tests/backend/consult/realtime\\.test\\.ts$',
        '/tests/backend/account/remnants\\.test\\.ts$',
        '/tests/backend/account/backup\\.test\\.ts$',
        '/tests/backend/user/at-rest\\.test\\.ts$',
        '/tests/backend/user/adapters/',
        '/tests/backend/consult/cloudbase-adapters\\.test\\.ts$',
        // Store-independent: the emulator's own rules and the output check run once, in `backend`.
        '/tests/backend/cloudbase-emulator\\.test\\.ts$',
        '/tests/backend/dispatch-output\\.test\\.ts$',
      ],
      globals: { ZHUYI_TEST_STORE: 'cloudbase' },
    },
    {
      // The built cloud functions (cloudfunctions/<fn>/index.js) on the emulated platform:
      // runs after `npm run build:functions` (scripts/test.ts builds before jest).
      ...common,
      displayName: 'bundles',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/bundles/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'pages',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/pages/**/*.test.tsx'],
      globals: taroGlobals,
      // @tarojs/components' H5 build pulls in ESM-only .mjs (swiper) and a nested .pnpm tslib.
      transform: { '^.+\\.m?[jt]sx?$': babelNode },
      transformIgnorePatterns: [
        '/node_modules/(?!(@tarojs|@stencil|swiper|ssr-window|dom7|tslib|\\.pnpm)/)',
      ],
      moduleNameMapper: {
        ...common.moduleNameMapper,
        '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react',
        '\\.(css|scss|less)$': '<rootDir>/tests/pages/style-stub.js',
      },
      setupFilesAfterEnv: ['<rootDir>/tests/pages/setup.ts'],
    },
    {
      ...common,
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
    },
  ],
};
