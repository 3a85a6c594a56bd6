import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A bare Taro 4 React app — one page rendering <View>Hello</View> — built with this repo's
 * own build options, so the difference to our package is our code and dependencies, not
 * the framework or the settings. The same app serves as the H5 baseline (`--type h5`). Its config/ holds a verbatim copy of the repo's config/
 * (in config/repo/, where Taro's config loader compiles it) behind a wrapper that only
 * drops project-specific copy patterns; babel.config.js is the repo's; node_modules is a
 * symlink to the repo's.
 */

const APP_TSX = `import type { PropsWithChildren } from 'react';

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
`;

const APP_CONFIG = `export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: 'Hello' },
});
`;

const PAGE = `import { View } from '@tarojs/components';

export default function Index() {
  return <View>Hello</View>;
}
`;

const PAGE_CONFIG = `export default definePageConfig({ navigationBarTitleText: 'Hello' });
`;

const CONFIG_WRAPPER = `import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import repoConfig from './repo/index';

// The repo's own config, minus files only the repo has.
export default defineConfig<'webpack5'>(async (merge, env) => {
  const base = (typeof repoConfig === 'function' ? await repoConfig(merge, env) : repoConfig) as UserConfigExport<'webpack5'>;
  return { ...base, projectName: 'bench-hello', copy: { patterns: [], options: {} } };
});
`;

/** Taro's H5 template (the same as src/index.html, minus the product's title). */
const INDEX_HTML = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta content="text/html; charset=utf-8" http-equiv="Content-Type" />
    <meta content="width=device-width,initial-scale=1,user-scalable=no" name="viewport" />
    <title>Hello</title>
    <script>
      <%= htmlWebpackPlugin.options.script %>
    </script>
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2020',
    module: 'ESNext',
    moduleResolution: 'bundler',
    jsx: 'react-jsx',
    strict: true,
    skipLibCheck: true,
    esModuleInterop: true,
    types: ['@tarojs/taro/types'],
  },
  include: ['src', 'config'],
};

export function writeHelloWorld(appDir: string, repoRoot: string): void {
  const repoPkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const files: Record<string, string> = {
    'package.json': JSON.stringify(
      {
        name: 'bench-hello',
        version: '0.0.0',
        private: true,
        templateInfo: repoPkg.templateInfo,
        browserslist: repoPkg.browserslist,
        dependencies: repoPkg.dependencies,
        devDependencies: repoPkg.devDependencies,
      },
      null,
      2,
    ),
    'tsconfig.json': JSON.stringify(TSCONFIG, null, 2),
    'config/index.ts': CONFIG_WRAPPER,
    'src/app.tsx': APP_TSX,
    'src/app.config.ts': APP_CONFIG,
    'src/index.html': INDEX_HTML,
    'src/pages/index/index.tsx': PAGE,
    'src/pages/index/index.config.ts': PAGE_CONFIG,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(appDir, path)), { recursive: true });
    writeFileSync(join(appDir, path), text);
  }
  cpSync(join(repoRoot, 'config'), join(appDir, 'config', 'repo'), { recursive: true });
  cpSync(join(repoRoot, 'babel.config.js'), join(appDir, 'babel.config.js'));
  symlinkSync(join(repoRoot, 'node_modules'), join(appDir, 'node_modules'), 'dir');
}
