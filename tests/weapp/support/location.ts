/**
 * WeChat's location APIs for a user who has not decided yet and allows when asked (LOC):
 * getSetting → authorize → a WGS-84 fix in 黄浦区.
 */
import { wxAsync } from '../harness';

export function locationAllowedWhenAsked() {
  return {
    getSetting: wxAsync(() => ({ ok: { authSetting: {}, errMsg: 'getSetting:ok' } })),
    authorize: wxAsync(() => ({ ok: { errMsg: 'authorize:ok' } })),
    getLocation: wxAsync(() => ({
      ok: { latitude: 31.2304, longitude: 121.4737, errMsg: 'getLocation:ok' },
    })),
  };
}
