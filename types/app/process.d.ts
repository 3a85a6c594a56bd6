/**
 * The app has no Node: `process.env.X` exists only as text Taro's build replaces
 * (TARO_ENV, NODE_ENV). Checked by tsconfig.app.json only; tools see Node's own `process`.
 */
declare const process: { readonly env: NodeJS.ProcessEnv };

declare namespace NodeJS {
  interface ProcessEnv {
    readonly NODE_ENV?: string;
  }
}
