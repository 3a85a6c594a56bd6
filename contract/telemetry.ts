import * as z from './zod';

/** Statistics events (SDK): accepted only from a caller whose current consent includes 统计分析. */
export const analyticsEventSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_.]{0,63}$/, '事件名只能是小写字母、数字、下划线和点'),
    at: z.iso.datetime(),
    props: z
      .record(
        z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,31}$/),
        z.union([z.string().max(200), z.number().finite(), z.boolean()]),
      )
      .refine((p) => Object.keys(p).length <= 20, '最多 20 个属性')
      .optional(),
  })
  .strict();
export type AnalyticsEvent = z.infer<typeof analyticsEventSchema>;

export const telemetryActions = {
  track: {
    input: z.object({ events: z.array(analyticsEventSchema).min(1).max(50) }).strict(),
    output: z.object({ accepted: z.number().int() }),
  },
} as const;
