import type { DeletionStatus } from '../../../../contract/account';
import { deletionStatus } from '../../../services/account';

/** Pause between deletionStatus calls; each call also does one bounded batch of the work. */
export const POLL_INTERVAL_MS = 300;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls deletionStatus until the deletion is 'done', reporting each answer. Stops early
 * (answering null) when `stopped()` says the page is gone.
 */
export async function pollUntilDone(
  onProgress: (status: DeletionStatus) => void,
  stopped: () => boolean,
): Promise<DeletionStatus | null> {
  for (;;) {
    if (stopped()) return null;
    const status = await deletionStatus();
    onProgress(status);
    if (status.state === 'done') return status;
    await pause(POLL_INTERVAL_MS);
  }
}
