import { resolve } from 'node:path';
import { DEFAULT_MAX_EVENT_LOOP_DELAY_MS } from './overload';

/**
 * The server's settings, all from the environment:
 *   PORT        default 3000 (0 picks a free port)
 *   HOST        default 127.0.0.1 — only this machine. Use 0.0.0.0 when self-hosting behind
 *               an HTTPS reverse proxy (and set TRUST_PROXY=1 there).
 *   DATA_DIR    default ./data — the SQLite file, uploads and secret.key
 *   TRUST_PROXY 1 = believe X-Forwarded-For/-Proto (only when a proxy sets them)
 *   NODE_ENV    production = identity cookies are always Secure
 *   LOG_LEVEL   pino level, default info
 *   SHED_EVENT_LOOP_DELAY_MS  default 200 — past this event-loop delay new API requests get 503
 *               RATE_LIMITED at once (server/overload.ts); 0 turns shedding off
 */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  trustProxy: boolean;
  production: boolean;
  logLevel: string;
  /** false = no load shedding. */
  shedEventLoopDelayMs: number | false;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer 0–65535, got "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR || 'data'),
    trustProxy: env.TRUST_PROXY === '1',
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL || 'info',
    shedEventLoopDelayMs: readShedDelay(env.SHED_EVENT_LOOP_DELAY_MS),
  };
}

function readShedDelay(raw: string | undefined): number | false {
  if (raw === undefined || raw === '') return DEFAULT_MAX_EVENT_LOOP_DELAY_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0)
    throw new Error(`SHED_EVENT_LOOP_DELAY_MS must be a whole number of ms ≥ 0, got "${raw}"`);
  return ms === 0 ? false : ms;
}
