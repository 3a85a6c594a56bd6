import * as cloud from 'wx-server-sdk';
import { catalogFunction } from '../../backend/catalog';
import { cloudMain } from '../_shared/cloud-main';

// DYNAMIC_CURRENT_ENV (a symbol the SDK's types do not admit) = the env this function runs in.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

// Only the catalog handlers are imported (not backend/functions.ts), so this bundle stays small.
export const main = cloudMain(cloud, catalogFunction);
