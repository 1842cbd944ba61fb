/** The settlement's read side: the debits returns took back, open or applied to credit memos. */
import { Router } from 'express';
import { requireActor, scopeOf } from '../auth/actor.js';
import { describeRoute, z, wholeNumber } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import { listDebits } from './settlement.service.js';

const tags = ['settlement'];
const DebitsQuery = z.object({
  status: z.enum(['open', 'applied']).optional(),
  limit: wholeNumber(1, 500).default(100),
});
const DebitView = z
  .object({
    id: z.number(),
    distributorId: z.number(),
    currency: z.string(),
    claimLineId: z.number().openapi({ description: 'the paid claim line whose credit the return takes back' }),
    returnPosLineId: z.number().openapi({ description: "the return's POS line" }),
    quantity: z.number(),
    amount: z.string(),
    appliedAmount: z.string().openapi({ description: 'what credit memos took of it so far' }),
    status: z.enum(['open', 'applied']),
    createdAt: z.string(),
  })
  .openapi('SettlementDebit');
describeRoute({
  method: 'get',
  path: '/api/settlement/debits',
  summary: "Debits that returns took back from paid sales, newest first (a distributor's own; vendor users all)",
  tags,
  query: DebitsQuery,
  response: z.object({ items: z.array(DebitView) }),
});

export function settlementRouter() {
  const r = Router();
  r.get('/debits', async (req, res) => {
    const q = parse(DebitsQuery, req.query, 'query');
    res.json({ items: await listDebits(scopeOf(requireActor(req)).distributorId, q.status ?? null, q.limit) });
  });
  return r;
}
