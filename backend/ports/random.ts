import { randomBytes, randomInt } from 'node:crypto';

/** Randomness from a CSPRNG, injected so tests can know which SMS code was sent. */
export interface Random {
  /** A uniform integer in [min, max). */
  int(min: number, max: number): number;
  /** `bytes` random bytes as lower-case hex (file names, nonces). */
  hex(bytes: number): string;
}

export const systemRandom: Random = {
  int: (min, max) => randomInt(min, max),
  hex: (bytes) => randomBytes(bytes).toString('hex'),
};
