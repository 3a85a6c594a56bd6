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

/**
 * `cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })` (every built function) leaves the SDK's
 * SYMBOL_CURRENT_ENV as the env name; @cloudbase/node-sdk resolves it per request to the
 * function's own environment, TCB_ENV or SCF_NAMESPACE (utils/tcbopenapirequester.js).
 */
function envNameOf(name: string | symbol | undefined): string {
  if (name === Symbol.for('SYMBOL_CURRENT_ENV'))
    return process.env.TCB_ENV || process.env.SCF_NAMESPACE || '';
  return typeof name === 'string' ? name : '';
}

function install(): void {
  if (installed) return;
  installed = true;
  TcbDBApiHttpRequester.prototype.send = function send(action, params) {
    const env = envNameOf(this.config?.envName);
    const emulator = emulators.get(env);
    if (!emulator) return Promise.reject(new Error(`no CloudBase emulator for env ${env}`));
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
