import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createLocalPorts } from '../../../backend/adapters/local/ports';
import { holdNextRequest, startHarness, tempDir, until } from './support';

const ROOT = join(__dirname, '..', '..', '..');

describe('graceful close', () => {
  it('finishes in-flight requests, refuses new ones, and closes the store', async () => {
    const dataDir = tempDir('close');
    const ports = createLocalPorts({ dataDir });
    const closeStore = jest.spyOn(ports.store, 'close');
    const h = await startHarness({ dataDir, ports });
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/api/probe`;
    const post = (body: unknown) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const call = (ms: number) => post({ action: 'slow', data: { ms } });

    expect((await call(1)).status).toBe(200); // leaves an idle keep-alive connection behind
    const hold = holdNextRequest();
    const inFlight = post({ action: 'hold', data: {} });
    await hold.started; // the request is in its handler
    const closed = h.app.close();
    // Positive signal that the close is under way (it stopped listening) while the request
    // is still held: the store must not be closed under it.
    await until(() => !h.app.server.listening, 'the server to stop listening');
    expect(closeStore).not.toHaveBeenCalled();

    hold.release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, data: { held: true } });
    await closed;
    expect(closeStore).toHaveBeenCalledTimes(1);
    await expect(call(1)).rejects.toThrow();
    await h.close();
  });
});

describe('npm run serve (server/main.ts)', () => {
  it('starts on the given port and DATA_DIR, serves the API, and exits 0 on SIGTERM', async () => {
    const dataDir = tempDir('main');
    const child = spawn(
      process.execPath,
      [createRequire(__filename).resolve('tsx/cli'), 'server/main.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      const base = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /上海助医 running at (http:\/\/\S+)/.exec(stdout);
          if (match) resolve(match[1]);
        });
        exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
      });
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const res = await fetch(`${base}/api/catalog`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'listHospitals', data: {} }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, data: { items: expect.any(Array) } });
      // Browse-only: the catalog needs no caller, so no identifier is issued (issue 11 point 3).
      expect(res.headers.get('set-cookie')).toBeNull();

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stdout).toMatch(/"fn":"catalog","action":"listHospitals","status":200/);
      expect(stdout).toContain('shutting down');
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
