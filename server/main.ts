/** `npm run serve`: the local / self-hosted server. Settings come from the environment (config.ts). */
import { readConfig } from './config';
import { runServer } from './run';
import { assertSupplementApproved } from '../backend/privacy/supplement-approval';

const config = readConfig();
// Issue 11 point 10: no production start before the operator approved the filled supplement.
const start = async () => {
  if (config.production) assertSupplementApproved(process.env);
  return runServer(config);
};
start().catch((err: unknown) => {
  console.error('上海助医 server failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
