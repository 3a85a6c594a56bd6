import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { buildServer, type ServerPorts } from './app';
import type { ServerConfig } from './config';

/** How long in-flight requests may take to finish after SIGTERM/SIGINT. */
const SHUTDOWN_GRACE_MS = 10_000;

/** The address a person can open: a wildcard host is reachable as 127.0.0.1 from here. */
export function publicUrl(app: FastifyInstance): string {
  const { address, port } = app.server.address() as AddressInfo;
  const host = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * Builds the server, listens, prints the URL, and on SIGTERM/SIGINT stops accepting,
 * lets in-flight requests finish, closes the store and exits 0. A second signal while
 * closing is ignored (a terminal's Ctrl-C reaches both tsx and us); a shutdown that hangs
 * past the grace period exits 1.
 */
export async function runServer(
  config: ServerConfig,
  ports?: ServerPorts,
): Promise<FastifyInstance> {
  const app = await buildServer({
    dataDir: config.dataDir,
    ports,
    trustProxy: config.trustProxy,
    production: config.production,
    logger: { level: config.logLevel },
    maxEventLoopDelayMs: config.shedEventLoopDelayMs,
  });
  await app.listen({ port: config.port, host: config.host });
  console.log(`上海助医 running at ${publicUrl(app)}`);
  if (config.host === '0.0.0.0' || config.host === '::') {
    console.log(
      'Listening on all interfaces: put an HTTPS reverse proxy in front (TRUST_PROXY=1).',
    );
  }

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    app.close().then(
      () => {
        process.exitCode = 0;
      },
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  return app;
}
