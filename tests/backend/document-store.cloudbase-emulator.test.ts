import { emulatedCloudbaseStore } from '../support/cloudbase-emulator';
import { CONTRACT_COLLECTIONS, describeDocumentStoreContract } from './store-contract/suite';

/** The same contract as SQLite, on the CloudBase adapter over the emulated platform. */
describeDocumentStoreContract('CloudBase (emulated platform)', {
  open: async () => emulatedCloudbaseStore(CONTRACT_COLLECTIONS).store,
  close: async () => undefined,
});
