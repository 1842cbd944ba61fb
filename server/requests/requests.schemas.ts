import { REQUEST_STATUSES, ROLES } from '../../core/domain.js';
import { LINE_FLAGS } from '../../core/requests/line-flags.js';
import { Amount, Quantity } from '../http/money-schemas.js';
import { cursorQuery } from '../http/cursor.js';
import { DateString, z, wholeNumber } from '../http/openapi.js';

export const RequestLineInput = z.object({
  productId: z.number().int().positive(),
  quantity: Quantity,
  requestedCost: Amount.openapi({ description: 'the authorized (debit) cost asked for, per unit' }),
});

export const RequestInput = z
  .object({
    programId: z.number().int().positive(),
    distributorId: z
      .number()
      .int()
      .positive()
      .optional()
      .openapi({ description: 'required when a channel manager requests on behalf of a distributor' }),
    endCustomerId: z.number().int().positive(),
    resellerId: z.number().int().positive().nullable().default(null),
    validFrom: DateString,
    validTo: DateString,
    opportunityRef: z.string().max(64).nullable().default(null).openapi({ description: 'Salesforce Opportunity Id' }),
    dealRegistrationRef: z.string().max(64).nullable().default(null).openapi({ description: 'deal registration Id' }),
    justification: z.string().max(4000).nullable().default(null),
    lines: z.array(RequestLineInput).min(1).max(500),
  })
  .refine((r) => r.validTo >= r.validFrom, { message: 'validTo is before validFrom', path: ['validTo'] })
  .superRefine((r, ctx) => {
    // One line per product: the engine matches a claim to the authorization's line of its product,
    // so a second line of the same product at another cost could never be claimed.
    const first = new Map<number, number>();
    r.lines.forEach((l, i) => {
      const seen = first.get(l.productId);
      if (seen === undefined) first.set(l.productId, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'productId'],
          message: `product ${l.productId} is already on line ${seen + 1}: one line per product (change its quantity or cost)`,
        });
    });
  })
  .openapi('SpecialPriceRequestInput');
export type RequestInput = z.infer<typeof RequestInput>;

export const Decision = z.object({ comment: z.string().max(4000).optional() }).openapi('Decision');
export const Decline = z.object({ comment: z.string().min(1).max(4000) }).openapi('Decline');
export const RejectCounter = z
  .object({ comment: z.string().min(1).max(4000).optional() })
  .openapi('RejectCounter', { description: 'why the counter-offer is turned down (kept in the audit trail)' });
export const Counter = z
  .object({
    comment: z.string().min(1).max(4000),
    lines: z
      .array(
        z.object({
          lineId: z.number().int().positive(),
          counterCost: Amount,
          counterQuantity: Quantity.optional(),
        }),
      )
      .min(1),
  })
  .openapi('Counter');

/**
 * The CRM record a list is narrowed to (a Lightning record page): an opportunity by its Salesforce
 * Id, an account by its BEC id or CRM Id. The requests' and the claims' lists take the same two.
 */
export const CrmOpportunityId = z.string().min(1).max(64).optional();
export const CrmAccountId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'an account id or CRM Id: letters, digits, - and _')
  .optional();

export const RequestQuery = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  requestedBy: z
    .enum(['me', 'others'])
    .optional()
    .openapi({ description: "`others`: leave out the caller's own requests (an approver's queue); `me`: only them" }),
  opportunityId: CrmOpportunityId.openapi({
    description: 'only requests linked to this CRM opportunity (its Salesforce Id, the request’s opportunityRef)',
  }),
  accountId: CrmAccountId.openapi({
    description:
      'only requests whose distributor, reseller or end customer is this account: its BEC id (digits) or its CRM Id (externalRef)',
  }),
  page: wholeNumber(1, 1_000_000).default(1).openapi({ description: 'a page by number (small lists); ignored with cursor' }),
  pageSize: wholeNumber(1, 200).default(50),
  cursor: cursorQuery('requests'),
});

export const Approver = z
  .union([z.object({ userId: z.number().int().positive() }).strict(), z.object({ role: z.enum(ROLES) }).strict()])
  .openapi('Approver', { description: 'a user (`userId`) or everyone holding a role (`role`)' });

/** A routed request's levels and where it stands: who decided, who is next. */
export const RoutingView = z
  .object({
    ruleId: z.number(),
    ruleName: z.string(),
    levels: z.array(
      z.object({
        approvers: z.array(Approver),
        mode: z.enum(['all', 'any']),
        timeLimitHours: z.number().nullable(),
      }),
    ),
    escalation: Approver.nullable(),
    currentLevel: z.number().nullable().openapi({ description: 'the level (1-based) awaiting a decision; null once decided' }),
    levelCount: z.number(),
    levelStartedAt: z.string().nullable(),
    dueAt: z.string().nullable().openapi({ description: 'when the current level is escalated if undecided' }),
    escalated: z.boolean(),
    waitingOn: z
      .array(
        z.object({
          userId: z.number().nullable(),
          role: z.string().nullable(),
          name: z.string().nullable(),
          standingInFor: z.number().optional().openapi({
            description:
              "present when this approver stands in for an approver user who can no longer decide requests (demoted or deactivated), or who is the request's own requester: that user. The escalation approver stands in, else every role that decides requests",
          }),
        }),
      )
      .openapi({
        description:
          'who is next: the approvers of the current level still awaited (plus the escalation approver once escalated); an approver user who can no longer decide is replaced by who stands in for them',
      }),
    approvals: z.array(
      z.object({
        level: z.number(),
        approverIndex: z
          .number()
          .openapi({ description: "which of the level's approvers it satisfied (0-based); -1: the escalation approver" }),
        userId: z.number(),
        onBehalfOfUserId: z.number().nullable(),
      }),
    ),
  })
  .openapi('RequestRouting');
export type RoutingView = z.infer<typeof RoutingView>;

export const RequestView = z
  .object({
    id: z.number(),
    number: z.string(),
    programId: z.number(),
    distributorId: z.number(),
    resellerId: z.number().nullable(),
    endCustomerId: z.number(),
    requestedByUserId: z.number(),
    status: z.enum(REQUEST_STATUSES),
    validFrom: z.string(),
    validTo: z.string(),
    opportunityRef: z.string().nullable(),
    dealRegistrationRef: z.string().nullable(),
    justification: z.string().nullable(),
    decisionComment: z.string().nullable(),
    decidedByUserId: z.number().nullable(),
    decidedAt: z.string().nullable(),
    authorizationId: z.number().nullable(),
    authorization: z
      .object({
        number: z.string().openapi({ description: 'the ship & debit number quoted on claims' }),
        status: z.enum(['active', 'expired', 'revoked', 'superseded', 'cancelled']),
        validFrom: z.string(),
        validTo: z.string(),
        closedLostOn: z
          .string()
          .nullable()
          .openapi({ description: "its opportunity's close date once lost: sales invoiced after it are refused" }),
      })
      .nullable()
      .openapi({
        description: 'the authorization the approval made (null until approved): what a distributor quotes, and whether it still holds',
      }),
    programVersion: z.number().nullable().openapi({ description: "the program's version in force when the request was made" }),
    createdAt: z.string(),
    routing: RoutingView.nullable().openapi({ description: 'null: no routing rule applies, one channel manager decides' }),
    change: z
      .object({ authorizationId: z.number(), kind: z.enum(['amend', 'extend', 'cancel']), effectiveFrom: z.string() })
      .nullable()
      .openapi({ description: 'set on a change request: the authorization it changes, how, and from which day' }),
    lines: z.array(
      z.object({
        id: z.number(),
        productId: z.number(),
        quantity: z.number(),
        requestedCost: z.string(),
        bookCost: z.string().nullable().openapi({
          description:
            "the vendor's book cost on record today (UTC) for the request's distributor and this product, null if none: what the distributor paid for its stock. A claim line's credit, (book cost - authorized cost) x quantity, uses the book cost on record on its invoice date",
        }),
        flags: z.array(z.enum(LINE_FLAGS)).openapi({
          description:
            'warnings for the approver, from the same rule the approval queue and the approval context (GET /api/requests/{id}/context) apply (core/requests/line-flags.ts); they never refuse a request. PRICE_AT_OR_ABOVE_BOOK_COST: requestedCost is at or above bookCost, so an authorization at that cost recovers nothing (each claim line would be rejected PRICE_ABOVE_AUTHORIZED) unless the book cost rises. COUNTER_AT_OR_ABOVE_BOOK_COST: the same of counterCost, the cost the authorization takes if the counter-offer is accepted',
        }),
        counterCost: z.string().nullable(),
        counterQuantity: z.number().nullable(),
        authorizationLineId: z.number().nullable().openapi({ description: 'on a change request: the authorization line it changes' }),
      }),
    ),
  })
  .openapi('SpecialPriceRequest');
export type RequestView = z.infer<typeof RequestView>;
export type RequestQuery = z.infer<typeof RequestQuery>;
