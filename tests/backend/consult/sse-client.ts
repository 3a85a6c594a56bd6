import { request, type IncomingMessage } from 'node:http';

/** A minimal EventSource for tests and the bench: parses `event:`/`data:` blocks as they arrive. */
export interface SseEvent {
  event: string;
  data: unknown;
}

export interface SseClient {
  status: number;
  events: SseEvent[];
  /** Comment lines seen (heartbeats). */
  comments: string[];
  /** Resolves with the first event matching `test` (including ones already received). */
  next(test: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  onEvent?: (e: SseEvent) => void;
  body: string;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export function openSse(url: string, cookie?: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) },
    });
    req.on('error', reject);
    req.on('response', (res: IncomingMessage) => {
      const waiters: Array<{ test: (e: SseEvent) => boolean; done: (e: SseEvent) => void }> = [];
      const client: SseClient = {
        status: res.statusCode ?? 0,
        events: [],
        comments: [],
        body: '',
        ended: Promise.resolve(),
        next(test, timeoutMs = 5000) {
          const found = client.events.find(test);
          if (found) return Promise.resolve(found);
          return new Promise((ok, fail) => {
            const timer = setTimeout(() => fail(new Error('no such event in time')), timeoutMs);
            waiters.push({ test, done: (e) => (clearTimeout(timer), ok(e)) });
          });
        },
        close: () => {
          req.destroy();
          res.destroy();
        },
      };
      let buffer = '';
      client.ended = new Promise((done) => res.on('end', done).on('close', done));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        client.body += chunk;
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) client.comments.push(line.slice(1).trim());
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (data.length === 0) continue;
          const parsed: SseEvent = { event, data: JSON.parse(data.join('\n')) };
          client.events.push(parsed);
          client.onEvent?.(parsed);
          for (const w of [...waiters])
            if (w.test(parsed)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.done(parsed);
            }
        }
      });
      res.on('error', () => {});
      resolve(client);
    });
    req.end();
  });
}
