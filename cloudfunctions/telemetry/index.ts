import * as cloud from 'wx-server-sdk';
import { telemetryFunction } from '../../backend/telemetry';
import { cloudMain } from '../_shared/cloud-main';

// DYNAMIC_CURRENT_ENV (a symbol the SDK's types do not admit) = the env this function runs in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export const main = cloudMain(cloud, telemetryFunction);
