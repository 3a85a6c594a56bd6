import * as z from './zod';
import { searchKinds } from './catalog';

/** Pages a page_view may name: the page only, never a parameter of it. */
export const ANALYTICS_PAGES = [
  'home',
  'search',
  'hospital',
  'doctor',
  'consult',
  'mine',
  'login',
  'profile',
  'identity',
  'privacy_policy',
  'privacy_settings',
  'personal_info_lists',
] as const;

const at = z.iso.datetime();

/**
 * SDK/SEC (issue 15): statistics events, accepted only from a caller whose current consent
 * includes 统计分析. Only declared events, each with typed properties that cannot carry
 * personal data (enums, not free strings): a phone number put in a free property once
 * reached the database. A new event is declared here, with its properties, or refused.
 */
export const analyticsEventSchema = z.discriminatedUnion('name', [
  z
    .object({
      name: z.literal('page_view'),
      at,
      props: z.object({ page: z.enum(ANALYTICS_PAGES) }).strict(),
    })
    .strict(),
  z
    .object({
      name: z.literal('search_submit'),
      at,
      props: z.object({ kind: z.enum(searchKinds) }).strict(),
    })
    .strict(),
]);
export type AnalyticsEvent = z.infer<typeof analyticsEventSchema>;
export type AnalyticsEventName = AnalyticsEvent['name'];
export type AnalyticsProps<N extends AnalyticsEventName> = Extract<
  AnalyticsEvent,
  { name: N }
>['props'];

export const telemetryActions = {
  track: {
    input: z.object({ events: z.array(analyticsEventSchema).min(1).max(50) }).strict(),
    output: z.object({ accepted: z.number().int() }),
  },
} as const;
