import { transportError } from './errors';
import type { Transport } from './transport-types';

/**
 * Neutral default, picked when no platform file (transport.weapp.ts, transport.h5.ts)
 * applies — in practice jest. Failing loudly keeps a test that forgot to install a
 * fake transport (client.setTransport) from silently reaching a network.
 */
export const transport: Transport = () =>
  Promise.reject(transportError('unconfigured', 'no transport for this platform'));
