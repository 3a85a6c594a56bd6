import { useState } from 'react';
import { SensitiveConsentSheet, sensitiveItemFor } from '../../components/sensitive-consent';
import {
  SENSITIVE_CONSENTS,
  type SensitiveConsent,
} from '../../../contract/privacy/sensitive-consents';
import { recordSensitiveConsent } from '../../services/privacy';
import { toServiceError } from '../../services/errors';

/**
 * PIPL art. 29/31 (issue 11 point 1): when the server refuses for want of the separate
 * health (or guardian) consent, its own screen asks; 同意 records it and tries again,
 * 暂不同意 says what cannot be done without it.
 */
export function useConsentRetry(onMessage: (text: string) => void) {
  const [asking, setAsking] = useState<{ item: SensitiveConsent; retry: () => void } | null>(null);

  /** True when the error was a missing separate consent (the sheet is showing now). */
  const handle = (error: unknown, retry: () => void): boolean => {
    const item = sensitiveItemFor(toServiceError(error).details?.reason);
    if (!item) return false;
    setAsking({ item, retry });
    return true;
  };

  const sheet = asking ? (
    <SensitiveConsentSheet
      item={asking.item}
      onDecline={() => {
        onMessage(`未同意${SENSITIVE_CONSENTS[asking.item].title}，无法保存；可随时重新提交`);
        setAsking(null);
      }}
      onAgree={() => {
        const { item, retry } = asking;
        setAsking(null);
        void recordSensitiveConsent({ item, version: SENSITIVE_CONSENTS[item].version })
          .then(retry)
          .catch((e: unknown) => onMessage(toServiceError(e).message));
      }}
    />
  ) : null;

  return { handle, sheet };
}
