import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import { PrecompressPlugin } from './precompress';
import { PreloadSharedChunksPlugin } from './preload';
import prodConfig from './prod';

/**
 * Taro build config for both targets: weapp → dist/ (WeChat DevTools opens the repo
 * root; project.config.json points miniprogramRoot at dist/), H5 → dist-h5/ (served by
 * the local server, which falls back to index.html for unknown paths, hence browser routing).
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5';
  // The shared contract lives outside src/; without this Taro leaves its TypeScript untranspiled.
  const compile = { include: [path.resolve(__dirname, '..', 'contract')] };
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'shanghai-zhuyi',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {
      // The CloudBase environment the weapp talks to; empty means "the env the
      // mini-program is bound to" (DYNAMIC_CURRENT_ENV), see src/platform/cloud/cloud.weapp.ts.
      CLOUD_ENV: JSON.stringify(process.env.CLOUDBASE_ENV_ID ?? ''),
      // SDK: Umeng's app key; empty means no Umeng at all (statistics, once consented,
      // go to our own telemetry function instead). See src/platform/analytics/analytics.weapp.ts.
      UMENG_APP_KEY: JSON.stringify(process.env.UMENG_APP_KEY ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile,
      // Components' CSS is class-scoped (BEM), so chunk order cannot change a rule; without
      // this, pages that share components across subpackages warn "Conflicting order".
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        if (process.env.NODE_ENV === 'development') return;
        // In this order: index.html gains its preload links before it is compressed.
        chain.plugin('preload').use(PreloadSharedChunksPlugin);
        chain.plugin('precompress').use(PrecompressPlugin);
        // Taro splits initial chunks only, so every page chunk (each route is loaded on
        // demand) carried its own ~80 KB copy of the Taro components it renders; shared
        // modules of any chunk go to shared chunks, cached once. 20 KB floor: fewer requests.
        const split = chain.optimization.get('splitChunks') as Record<string, unknown>;
        chain.optimization.splitChunks({ ...split, chunks: 'all', minSize: 20_000 });
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
