import * as z from './zod';
import { ID_TYPES } from './patients/items';
import {
  declarationSchema,
  documentSchema,
  healthNoteSchema,
  patientIdSchema,
  patientNameSchema,
  phoneSchema,
  relationSchema,
  sexSchema,
} from './patients/schemas';

export * from './patients/items';
export * from './patients/schemas';

/**
 * The `patients` function: 就诊人, the people an account consults for (IDV, PI; PIPL art.
 * 28, 29, 31). Every action needs a registered, logged-in, trusted account (the user
 * function's login_required / device_unverified). Another account's 就诊人 is NOT_FOUND,
 * the same as one that does not exist. Name, ID number and phone are encrypted at rest
 * and leave the server masked only. Reasons: contract/patients/items.ts.
 */

export const patientViewSchema = z.object({
  id: z.string(),
  relation: relationSchema,
  /** `张*` */
  nameMasked: z.string(),
  idType: z.enum(ID_TYPES),
  /** `3101**********1234`; null without a document. */
  idNumberMasked: z.string().nullable(),
  birthDate: z.string(),
  sex: sexSchema,
  /** Whole years today. */
  age: z.number().int(),
  phoneMasked: z.string().nullable(),
  allergies: z.string(),
  chronicConditions: z.string(),
  /** 本人 made from the verified identity (name and document are that identity's). */
  fromIdentity: z.boolean(),
  /** The holder's declaration for another person: agreed (14+) or guardian (under 14). */
  declaration: z
    .object({ kind: z.enum(['agreed', 'guardian']), at: z.string(), policyVersion: z.string() })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PatientView = z.infer<typeof patientViewSchema>;

const byId = z.object({ patientId: patientIdSchema }).strict();

const fields = {
  phone: phoneSchema.nullable().optional(),
  allergies: healthNoteSchema.optional(),
  chronicConditions: healthNoteSchema.optional(),
  declaration: declarationSchema.optional(),
};

export const patientsActions = {
  /** The account's 就诊人, 本人 first, then by when they were added; `max` is MAX_PATIENTS. */
  list: {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(patientViewSchema), max: z.number().int() }),
  },
  get: { input: byId, output: patientViewSchema },
  /**
   * A new 就诊人. `fromIdentity: true` makes 本人 from the verified identity (no name or
   * document then). Another person of 14 or older needs declaration.agreed; under 14
   * declaration.guardian, as 子女 (or 兄弟姐妹/其他: the explicit guardian declaration).
   */
  add: {
    input: z
      .object({
        relation: relationSchema,
        fromIdentity: z.literal(true).optional(),
        name: patientNameSchema.optional(),
        document: documentSchema.optional(),
        ...fields,
      })
      .strict()
      .superRefine((v, ctx) => {
        if (v.fromIdentity) {
          if (v.relation !== '本人')
            ctx.addIssue({ code: 'custom', path: ['relation'], message: '实名信息只能用于本人' });
          for (const key of ['name', 'document'] as const)
            if (v[key] !== undefined)
              ctx.addIssue({ code: 'custom', path: [key], message: '使用实名信息时不填写' });
          return;
        }
        if (v.name === undefined)
          ctx.addIssue({ code: 'custom', path: ['name'], message: '请填写姓名' });
        if (v.document === undefined)
          ctx.addIssue({ code: 'custom', path: ['document'], message: '请填写证件信息' });
      }),
    output: patientViewSchema,
  },
  /** Changes what is given; `phone: null` clears it. The rules of add apply to the result. */
  update: {
    input: z
      .object({
        patientId: patientIdSchema,
        relation: relationSchema.optional(),
        name: patientNameSchema.optional(),
        document: documentSchema.optional(),
        ...fields,
      })
      .strict()
      .refine(
        (v) => Object.keys(v).some((k) => k !== 'patientId' && k !== 'declaration'),
        '没有要修改的内容',
      ),
    output: patientViewSchema,
  },
  /**
   * Removes the 就诊人 and all of their records and files (the confirm says so). Refused
   * with patient_in_use while a consult (or an appointment to come) is open for them.
   */
  remove: {
    input: z.object({ patientId: patientIdSchema, confirm: z.literal(true) }).strict(),
    output: z.object({ patientId: z.string(), recordsRemoved: z.number().int() }),
  },
} as const;
