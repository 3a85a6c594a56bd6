/**
 * Dotted paths into stored documents (`photos.fileKey`, `patient.nameEnc`), the way the
 * personal data map names fields. A path goes through arrays: `photos.fileKey` reaches the
 * fileKey of every photo.
 */
export interface Slot {
  parent: Record<string, unknown>;
  key: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every place `path` reaches in `doc` where the last segment is present. */
export function slotsAt(doc: unknown, path: string): Slot[] {
  const [head, ...rest] = path.split('.');
  if (Array.isArray(doc)) return doc.flatMap((item) => slotsAt(item, path));
  if (!isObject(doc) || !(head in doc)) return [];
  if (rest.length === 0) return [{ parent: doc, key: head }];
  return slotsAt(doc[head], rest.join('.'));
}

/** The non-empty strings at `path` (owner ids, file keys). */
export function stringsAt(doc: unknown, path: string): string[] {
  return slotsAt(doc, path)
    .map((s) => s.parent[s.key])
    .filter((v): v is string => typeof v === 'string' && v !== '');
}

/** Whether the document's field at `path` holds `value` (owner checks). */
export const holds = (doc: unknown, path: string, value: string) =>
  stringsAt(doc, path).includes(value);
