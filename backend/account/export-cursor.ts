import * as z from '../../contract/zod';
import { accountFieldError } from './errors';

/**
 * Where an export goes on: the index of the personal data map entry (among the exported
 * ones) and the last `_id` read there. Opaque to the client (base64url JSON); it only
 * chooses which of the caller's own rows come next, so a forged one can reveal nothing —
 * an unreadable one is refused so the client starts again.
 */
export interface ExportCursor {
  entry: number;
  after: string | null;
}

const cursorSchema = z
  .object({
    v: z.literal(1),
    e: z.number().int().min(0).max(10_000),
    a: z.string().min(1).max(100).nullable(),
  })
  .strict();

export const START: ExportCursor = { entry: 0, after: null };

export function encodeCursor(cursor: ExportCursor): string {
  const json = JSON.stringify({ v: 1, e: cursor.entry, a: cursor.after });
  return Buffer.from(json, 'utf8').toString('base64url');
}

export function decodeCursor(raw: string | undefined): ExportCursor {
  if (raw === undefined) return START;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw accountFieldError('data.cursor', 'cursor_invalid');
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) throw accountFieldError('data.cursor', 'cursor_invalid');
  return { entry: parsed.data.e, after: parsed.data.a };
}
