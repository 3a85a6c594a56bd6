import Taro from '@tarojs/taro';

/**
 * WeChat's CSPRNG (UserCryptoManager.getRandomValues): the mini-program's JS engine has
 * no `crypto` global. `null` when the base library lacks it.
 */
export function randomBytes(length: number): Promise<Uint8Array | null> {
  if (typeof Taro.getUserCryptoManager !== 'function') return Promise.resolve(null);
  return new Promise((resolve) => {
    try {
      Taro.getUserCryptoManager().getRandomValues({
        length,
        success: (res) => resolve(new Uint8Array(res.randomValues)),
        fail: () => resolve(null),
      });
    } catch {
      resolve(null);
    }
  });
}
