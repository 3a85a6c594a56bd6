import Taro from '@tarojs/taro';

// DYNAMIC_CURRENT_ENV is a symbol wx.cloud carries that Taro's types do not declare.
type CloudWithDynamicEnv = { DYNAMIC_CURRENT_ENV?: unknown };

let initialised = false;

/** Initialises wx.cloud once: the build's env id, or the env this mini-program is bound to. */
export function ensureCloud(): void {
  if (initialised) return;
  const dynamic = (Taro.cloud as unknown as CloudWithDynamicEnv).DYNAMIC_CURRENT_ENV;
  const configured = typeof CLOUD_ENV === 'string' ? CLOUD_ENV : '';
  const env = (configured || dynamic) as string | undefined;
  Taro.cloud.init({ env, traceUser: true });
  initialised = true;
}
