import type { AnalyticsEvent } from '../../../contract/telemetry';

export type { AnalyticsEvent };
export type EventProps = NonNullable<AnalyticsEvent['props']>;

/**
 * SDK: where statistics events go. Created only after the 统计分析 consent, and stopped
 * the moment it is withdrawn; before that no adapter exists, so nothing can leave.
 */
export interface AnalyticsPort {
  track: (event: AnalyticsEvent) => void;
  /** Consent withdrawn: drop anything queued and send nothing more. */
  stop: () => void;
}
