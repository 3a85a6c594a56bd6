import { TcbDBApiHttpRequester } from '@cloudbase/node-sdk/dist/utils/tcbdbapirequester';
import * as cloud from 'wx-server-sdk';
import type { CloudbaseDatabase } from '../../../backend/adapters/cloudbase/types';
import type { CloudbaseEmulator } from './emulator';

/**
 * The real wx-server-sdk `cloud.database()` with the network swapped for the emulator: the
 * one class that sends database requests (@cloudbase/node-sdk's TcbDBApiHttpRequester) hands
 * them to the emulator registered for the request's environment. Everything above it — the
 * command builders, serializers, transactions with their retry, wx-server-sdk's error
 * wrapping — is the shipped SDK, so the adapter is tested against what production runs.
 */

const emulators = new Map<string, CloudbaseEmulator>();
let counter = 0;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  TcbDBApiHttpRequester.prototype.send = function send(action, params) {
    const emulator = emulators.get(this.config?.envName ?? '');
    if (!emulator)
      return Promise.reject(new Error(`no CloudBase emulator for env ${this.config?.envName}`));
    return emulator.send(action, params);
  };
}

/** Registers `emulator` under a fresh environment id and returns that id. */
export function registerEmulator(emulator: CloudbaseEmulator): string {
  install();
  const env = `emulator-${++counter}`;
  emulators.set(env, emulator);
  return env;
}

/** `cloud.database()` of wx-server-sdk, answered by `emulator`. */
export function emulatorDatabase(emulator: CloudbaseEmulator): CloudbaseDatabase {
  const env = registerEmulator(emulator);
  cloud.init({ env });
  return cloud.database({ env });
}
