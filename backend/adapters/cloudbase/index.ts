export { createCloudbaseStore } from './document-store';
export type { CloudbaseDatabase } from './types';
