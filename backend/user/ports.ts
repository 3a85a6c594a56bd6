import type { Ctx, Ports } from '../core/context';

type Optional = Exclude<
  { [K in keyof Ports]-?: undefined extends Ports[K] ? K : never }[keyof Ports],
  undefined
>;

/**
 * An optional port, or a plain Error (→ INTERNAL, logged) naming it: a runtime that routes
 * to a handler must also give it its ports, and forgetting is a deployment bug.
 */
export function portOf<K extends Optional>(ctx: Ctx, name: K): NonNullable<Ports[K]> {
  const port = ctx[name];
  if (!port) throw new Error(`the ${name} port is not configured in this runtime`);
  return port as NonNullable<Ports[K]>;
}
