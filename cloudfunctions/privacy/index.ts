import * as cloud from 'wx-server-sdk';
import { operatorFactsFrom } from '../../contract/privacy/supplement';
import { privacyFunction } from '../../backend/privacy';
import { cloudMain } from '../_shared/cloud-main';

// DYNAMIC_CURRENT_ENV (a symbol the SDK's types do not admit) = the env this function runs in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

// The supplement's operator facts come from the function's environment variables
// (ZY_OPERATOR_*, ZY_PI_OFFICER*), set in the CloudBase console like the server's.
export const main = cloudMain(cloud, privacyFunction, {
  ports: () => ({ operator: operatorFactsFrom(process.env) }),
});
