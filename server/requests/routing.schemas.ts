import { Amount } from '../http/money-schemas.js';
import { DateString, z } from '../http/openapi.js';
import { Approver } from './requests.schemas.js';

const Level = z
  .object({
    approvers: z.array(Approver).min(1).max(20),
    mode: z.enum(['all', 'any']).default('all').openapi({ description: '`all`: each approver of the level; `any`: the first one' }),
    timeLimitHours: z.number().positive().max(8760).nullable().default(null).openapi({ description: 'escalated after this many hours' }),
  })
  .strict();

export const RoutingRuleInput = z
  .object({
    name: z.string().min(1).max(120),
    priority: z.number().int().min(0).max(1_000_000).default(100).openapi({ description: 'the lowest that applies routes the request' }),
    active: z.boolean().default(true),
    programId: z.number().int().positive().nullable().default(null),
    distributorId: z.number().int().positive().nullable().default(null),
    minValue: Amount.nullable()
      .default(null)
      .openapi({ description: 'applies when the request value (sum of quantity x requested cost) is above this' }),
    minMarginImpact: Amount.nullable()
      .default(null)
      .openapi({ description: 'applies when the credit given back (sum of quantity x (book cost - requested cost)) is above this' }),
    minDiscountPercent: Amount.nullable()
      .default(null)
      .openapi({ description: 'applies when a line is more than this percent below its list price' }),
    match: z
      .enum(['any', 'all'])
      .default('any')
      .openapi({ description: '`any`: one threshold passed is enough; `all`: each set threshold' }),
    levels: z.array(Level).min(1).max(10).openapi({ description: 'in order: a level starts once the one before is complete' }),
    escalation: Approver.nullable().default(null).openapi({ description: 'who may decide a level once its time limit has passed' }),
  })
  .strict()
  .refine((r) => !r.levels.some((l) => l.timeLimitHours !== null) || r.escalation !== null, {
    message: 'a level with a time limit needs an escalation approver',
    path: ['escalation'],
  })
  .openapi('RoutingRuleInput');
export type RoutingRuleInput = z.infer<typeof RoutingRuleInput>;

export const RoutingRuleView = z
  .object({
    id: z.number(),
    name: z.string(),
    priority: z.number(),
    active: z.boolean(),
    programId: z.number().nullable(),
    distributorId: z.number().nullable(),
    minValue: z.string().nullable(),
    minMarginImpact: z.string().nullable(),
    minDiscountPercent: z.string().nullable(),
    match: z.enum(['any', 'all']),
    levels: z.array(z.object({ approvers: z.array(Approver), mode: z.enum(['all', 'any']), timeLimitHours: z.number().nullable() })),
    escalation: Approver.nullable(),
  })
  .openapi('RoutingRule');

export const DelegationInput = z
  .object({
    userId: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: 'the away user (an admin names anyone; others only themselves, the default)' }),
    delegateUserId: z.number().int().positive(),
    from: DateString,
    to: DateString,
  })
  .strict()
  .refine((d) => d.to >= d.from, { message: 'to is before from', path: ['to'] })
  .openapi('DelegationInput');

export const DelegationView = z
  .object({ id: z.number(), userId: z.number(), delegateUserId: z.number(), from: z.string(), to: z.string(), createdByUserId: z.number() })
  .openapi('Delegation');
