import type { ChildProcess } from 'node:child_process';
import type { FastifyInstance } from 'fastify';

/**
 * A bench server's half of the child-process protocol: listen on a free loopback port, tell
 * the parent the port (plus `extra`), and close cleanly when the parent says 'close' or goes.
 */
export async function serveToParent(app: FastifyInstance, extra: object = {}): Promise<void> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('message', (m) => {
    if (m === 'close') close();
  });
  process.on('disconnect', close);
  process.send?.({ port, ...extra });
}

/** The parent's half: ask the child to close, and kill it if it has not gone in 10 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send('close');
  });
}
