import { Agent, request } from 'node:http';

/**
 * A lean EventSource for the benchmark: one socket per stream (as browsers hold them),
 * each `data:` JSON handed to `onEvent` with the time it was parsed.
 */
export interface SseStream {
  close(): void;
}

const agent = new Agent({ keepAlive: false, maxSockets: Infinity });

export function openStream(
  url: string,
  cookie: string,
  onEvent: (type: string, data: unknown, at: number) => void,
): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { accept: 'text/event-stream', cookie } });
    req.on('error', reject);
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`event stream answered HTTP ${res.statusCode}`));
        return;
      }
      res.socket.setNoDelay(true);
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let type = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) type = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) onEvent(type, JSON.parse(data), at);
        }
      });
      res.on('error', () => {});
      resolve({ close: () => req.destroy() });
    });
    req.end();
  });
}
