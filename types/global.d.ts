/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.css';

/** The CloudBase env id baked in at build time (config/index.ts); '' means the bound env. */
declare const CLOUD_ENV: string;

declare namespace NodeJS {
  interface ProcessEnv {
    /** The Taro build target, replaced at build time ('weapp' | 'h5' | …). */
    TARO_ENV?: string;
    /** Overrides project.config.json's placeholder appid in dist/ (Taro reads it from .env). */
    TARO_APP_ID?: string;
    CLOUDBASE_ENV_ID?: string;
  }
}
