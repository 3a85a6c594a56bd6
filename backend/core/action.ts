import type { z } from 'zod';
import type { Api, ActionName, FnName, OutputOf, ParsedInputOf } from '../../contract';
import type { Ctx } from './context';

export type Handler<F extends FnName, A extends ActionName<F>> = (
  ctx: Ctx,
  input: ParsedInputOf<F, A>,
) => Promise<OutputOf<F, A>>;

/** Every action of one function, typed by the contract: a missing or misnamed action fails to compile. */
export type FunctionHandlers<F extends FnName> = { [A in ActionName<F>]: Handler<F, A> };

export interface ActionSchemas {
  input: z.ZodTypeAny;
  output: z.ZodTypeAny;
}

/** A backend function: its contract entry plus its handlers. */
export interface BackendFunction<F extends FnName = FnName> {
  name: F;
  actions: Api[F];
  handlers: FunctionHandlers<F>;
}
