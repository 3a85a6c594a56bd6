import * as z from '../zod';
import { text } from '../text';
// The constants live in a zod-free file so src/ can use them without bundling zod.
import {
  OPTIONAL_CONSENTS,
  THIRD_PARTY_SERVICES,
  type OptionalConsent,
  type ThirdPartyService,
} from './consent-items';
import { POLICY_VERSION } from './policy';
import {
  SENSITIVE_CONSENT_IDS,
  SENSITIVE_CONSENTS,
  type SensitiveConsent,
} from './sensitive-consents';

export { OPTIONAL_CONSENTS, THIRD_PARTY_SERVICES, type OptionalConsent, type ThirdPartyService };
export { SENSITIVE_CONSENTS, type SensitiveConsent };

const sensitiveItemSchema = z.enum(
  SENSITIVE_CONSENT_IDS as [SensitiveConsent, ...SensitiveConsent[]],
);

const optionalShape = Object.fromEntries(
  Object.keys(OPTIONAL_CONSENTS).map((k) => [k, z.boolean().optional()]),
) as { [K in OptionalConsent]: z.ZodOptional<z.ZodBoolean> };
const thirdPartyShape = Object.fromEntries(
  Object.keys(THIRD_PARTY_SERVICES).map((k) => [k, z.boolean().optional()]),
) as { [K in ThirdPartyService]: z.ZodOptional<z.ZodBoolean> };

export const consentChoicesSchema = z
  .object({ ...optionalShape, thirdParty: z.object(thirdPartyShape).strict().optional() })
  .strict();
export type ConsentChoices = z.infer<typeof consentChoicesSchema>;

/** Where a user stands now, for the current policy version. */
export const consentStateSchema = z.object({
  policyVersion: z.string(),
  policy: z.boolean(),
  device: z.boolean(),
  analytics: z.boolean(),
  thirdParty: z.record(z.string(), z.boolean()),
  /** PIPL art. 29 / 31: the separate consents, each to the text version in `sensitiveVersions`. */
  health: z.boolean(),
  guardian: z.boolean(),
  sensitiveVersions: z.record(z.string(), z.string()),
  at: z.string(),
});
export type ConsentState = z.infer<typeof consentStateSchema>;

export const consentRecordSchema = z.object({
  id: z.string(),
  policyVersion: z.string(),
  change: z.enum(['agree', 'update', 'withdraw']),
  state: consentStateSchema,
  at: z.string(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/** A consent the user can withdraw: the policy, an optional or sensitive one, or `thirdParty.<id>`. */
export const withdrawableSchema = z.union([
  z.literal('policy'),
  sensitiveItemSchema,
  z.enum(Object.keys(OPTIONAL_CONSENTS) as [OptionalConsent, ...OptionalConsent[]]),
  z.templateLiteral([
    'thirdParty.',
    z.enum(Object.keys(THIRD_PARTY_SERVICES) as [ThirdPartyService]),
  ]),
]);

export const privacyActions = {
  getPolicy: {
    input: z.object({}).strict(),
    output: z.object({
      version: z.string(),
      updatedAt: z.string(),
      effectiveAt: z.string(),
      title: z.string(),
    }),
  },
  /** 《隐私政策补充说明》 as the operator configured it: read in the consent sheet, before 同意. */
  getSupplement: {
    input: z.object({}).strict(),
    output: z.object({ version: z.string(), text: z.string() }),
  },
  recordConsent: {
    input: z
      .object({
        /** The version the user read; a stale one is refused so they read the new text. */
        policyVersion: text({ label: '政策版本', max: 40 }),
        items: consentChoicesSchema.optional(),
      })
      .strict(),
    output: consentStateSchema,
  },
  listConsents: {
    input: z.object({}).strict(),
    output: z.object({
      current: consentStateSchema.nullable(),
      records: z.array(consentRecordSchema),
    }),
  },
  withdrawConsent: {
    input: z.object({ item: withdrawableSchema }).strict(),
    output: consentStateSchema,
  },
  /**
   * PIPL art. 29/31: the separate consent of its own screen (contract/privacy/sensitive-consents.ts),
   * to the text version the user read; a stale version is refused like the policy's.
   */
  /**
   * 工信部信管函〔2021〕292号 the two lists, and for a signed-in caller what is actually
   * kept about them (PIPL art. 44, right to know): categories and counts from the data map.
   */
  personalInfoLists: {
    input: z.object({}).strict(),
    output: z.object({
      collected: z.array(
        z.object({
          category: z.string(),
          purpose: z.string(),
          scene: z.string(),
          sdk: z.string().nullable(),
          sensitive: z.boolean(),
          retention: z.string(),
        }),
      ),
      shared: z.array(
        z.object({
          party: z.string(),
          role: z.string(),
          category: z.string(),
          purpose: z.string(),
          scene: z.string(),
          method: z.string(),
          applies: z.string(),
        }),
      ),
      mine: z
        .array(
          z.object({ description: z.string(), clauses: z.array(z.string()), count: z.number() }),
        )
        .nullable(),
    }),
  },
  recordSensitiveConsent: {
    input: z
      .object({ item: sensitiveItemSchema, version: text({ label: '版本', max: 40 }) })
      .strict(),
    output: consentStateSchema,
  },
} as const;

export { POLICY_VERSION };
