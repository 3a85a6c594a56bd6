/** `npm run serve`: the local / self-hosted server. Settings come from the environment (config.ts). */
import { readConfig } from './config';
import { runServer } from './run';

runServer(readConfig()).catch((err: unknown) => {
  console.error('上海助医 server failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
