import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The local SMS outbox (`<DATA_DIR>/sms-outbox.jsonl`, one JSON line per message): what a
 * user would read on their phone. Waits for a message to `phone` beyond the first `after`.
 */
export async function readSmsCode(
  dataDir: string,
  phone: string,
  after = 0,
  timeoutMs = 10_000,
): Promise<string> {
  const file = join(dataDir, 'sms-outbox.jsonl');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      const mine = readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { phone: string; code: string })
        .filter((m) => m.phone === phone);
      if (mine.length > after) return mine[mine.length - 1].code;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no SMS to ${phone} in ${file} within ${timeoutMs} ms`);
}
