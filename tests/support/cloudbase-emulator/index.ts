import { createCloudbaseStore } from '../../../backend/adapters/cloudbase';
import type { CollectionSpec, DocumentStore } from '../../../backend/ports/document-store';
import { CloudbaseEmulator, type EmulatorOptions } from './emulator';
import { emulatorDatabase } from './server-sdk';

export { CloudbaseEmulator, DEFAULT_LIMIT, MAX_LIMIT, QUERY_IN_TRANSACTION } from './emulator';
export { emulatorDatabase, registerEmulator } from './server-sdk';

/** The geo indexes the collections declare (cloudbaserc / console indexes follow the specs). */
export const geoIndexesOf = (specs: CollectionSpec[]): Record<string, string[]> =>
  Object.fromEntries(specs.flatMap((s) => (s.geo ? [[s.name, [s.geo]]] : [])));

/** The CloudBase adapter over a fresh emulator with the specs' indexes. */
export function emulatedCloudbaseStore(
  specs: CollectionSpec[],
  options: EmulatorOptions = {},
): { store: DocumentStore; emulator: CloudbaseEmulator } {
  const emulator = new CloudbaseEmulator({ geoIndexes: geoIndexesOf(specs), ...options });
  return { emulator, store: createCloudbaseStore(emulatorDatabase(emulator), specs) };
}
