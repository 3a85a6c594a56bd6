/**
 * Random bytes from the platform's CSPRNG (the browser's, or Node's under jest).
 * `null` when there is none: the caller decides what a weaker fallback may be used for.
 */
export function randomBytes(length: number): Promise<Uint8Array | null> {
  const source = typeof globalThis.crypto !== 'undefined' ? globalThis.crypto : undefined;
  if (!source?.getRandomValues) return Promise.resolve(null);
  return Promise.resolve(source.getRandomValues(new Uint8Array(length)));
}
