import type { z } from 'zod';
import type { ApiErrorBody, Envelope, FieldIssue } from '../../contract/envelope';
import type { ActionSchemas, BackendFunction } from './action';
import type { Ctx } from './context';
import { ApiError } from './errors';
import { unmetRequirement } from './requirements';

/** Turns zod's issues into field paths a user (and a test) can read: `data.lat`. */
export function toFieldIssues(error: z.ZodError, root = 'data'): FieldIssue[] {
  return error.issues.map((issue) => {
    const keys =
      issue.code === 'unrecognized_keys' && 'keys' in issue ? (issue.keys as string[]) : [];
    const base = [root, ...issue.path.map(String)].join('.');
    const path = keys.length > 0 ? `${base}.${keys[0]}` : base;
    return { path, message: issue.message };
  });
}

function invalidArgument(issues: FieldIssue[]): ApiErrorBody {
  const first = issues[0];
  return {
    code: 'INVALID_ARGUMENT',
    message: first ? `参数错误 ${first.path}: ${first.message}` : '参数错误',
    details: { issues },
  };
}

export interface Request {
  action: unknown;
  data: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `{ action, data }` from an untrusted body; `data` may be omitted (means `{}`). */
export function readRequest(body: unknown): Request | ApiErrorBody {
  if (!isPlainObject(body)) {
    return invalidArgument([{ path: 'body', message: '请求体必须是 JSON 对象 { action, data }' }]);
  }
  const extra = Object.keys(body).filter((k) => k !== 'action' && k !== 'data');
  if (extra.length > 0) {
    return invalidArgument([{ path: `body.${extra[0]}`, message: '未知字段' }]);
  }
  if (typeof body.action !== 'string' || body.action.length === 0) {
    return invalidArgument([{ path: 'action', message: 'action 必须是非空字符串' }]);
  }
  return { action: body.action, data: 'data' in body ? body.data : {} };
}

export interface DispatchOptions {
  /**
   * Throw OutputDriftError when an answer does not match the action's output schema (tests:
   * a handler that drifts from the contract fails there); otherwise the caller gets INTERNAL.
   */
  checkOutput?: boolean;
}

/** A handler answered something its contract's output schema rejects. */
export class OutputDriftError extends Error {
  constructor(
    readonly fn: string,
    readonly action: string,
    readonly issues: FieldIssue[],
  ) {
    super(
      `${fn}.${action} answered outside its contract: ` +
        issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    );
    this.name = 'OutputDriftError';
  }
}

/**
 * Runs one action: finds it, parses the input by its zod schema, calls the handler,
 * and always answers with an envelope. Unknown errors become INTERNAL with no detail
 * (the log keeps it), so nothing internal leaks to a caller.
 */
export async function dispatch(
  fn: BackendFunction,
  body: unknown,
  ctx: Ctx,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  const request = readRequest(body);
  if ('code' in request) return { ok: false, error: request };
  const action = request.action as string;
  const actions = fn.actions as unknown as Record<string, ActionSchemas>;
  const handlers = fn.handlers as unknown as Record<
    string,
    (ctx: Ctx, input: unknown) => Promise<unknown>
  >;
  if (!Object.prototype.hasOwnProperty.call(actions, action)) {
    return {
      ok: false,
      error: { code: 'NOT_FOUND', message: `云函数 ${fn.name} 没有操作 ${action}` },
    };
  }
  const parsed = actions[action].input.safeParse(request.data);
  if (!parsed.success) return { ok: false, error: invalidArgument(toFieldIssues(parsed.error)) };
  let data: unknown;
  try {
    // Issue 11 point 11: consents and identity are checked here, from one table, not per handler.
    const unmet = await unmetRequirement(ctx, fn.name, action, parsed.data);
    if (unmet) return { ok: false, error: unmet };
    data = await handlers[action](ctx, parsed.data);
  } catch (err) {
    if (err instanceof ApiError) {
      return {
        ok: false,
        error: {
          code: err.code,
          message: err.message,
          ...(err.details ? { details: err.details } : {}),
        },
      };
    }
    ctx.log.error(
      { fn: fn.name, action, err: String(err), stack: (err as Error)?.stack },
      'handler failed',
    );
    return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } };
  }
  // Every answer leaves through its output schema: a field no contract declares (an openid,
  // a hash) is stripped, never sent, and the client's typed read (src/services/client.ts)
  // rests on this parse, since zod stays out of the app bundle.
  const checked = actions[action].output.safeParse(data);
  if (checked.success) return { ok: true, data: checked.data };
  const issues = toFieldIssues(checked.error);
  if (options.checkOutput) throw new OutputDriftError(fn.name, action, issues);
  ctx.log.error({ fn: fn.name, action, issues }, 'answer outside its contract');
  return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } };
}
