/** The automatic-claim matcher: the best authorization line for a POS line without a number, deterministically. */
import { bestAuthorizationLine, type MatchableAuthorizationLine } from '../../core/claims/matching.js';
import { describeDb, startTestApp, type TestApp } from '../support/harness.js';

const line = (over: Partial<MatchableAuthorizationLine>): MatchableAuthorizationLine => ({
  authorizationLineId: 1,
  authorizationNumber: 'SD-1',
  productId: 7,
  endCustomerName: null,
  authorizedCost: '1.0000',
  remaining: 100,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  ...over,
});
const pos = { productId: 7, endCustomerName: 'Helios Medical', invoiceDate: '2026-06-01', quantity: 50 };

describe('bestAuthorizationLine', () => {
  it('needs the same product, a date inside validity, quantity left and a matching end customer', () => {
    expect(bestAuthorizationLine(pos, [line({ productId: 8 })])).toBeNull();
    expect(bestAuthorizationLine(pos, [line({ validTo: '2026-05-31' })])).toBeNull();
    expect(bestAuthorizationLine(pos, [line({ remaining: 0 })])).toBeNull();
    expect(bestAuthorizationLine(pos, [line({ endCustomerName: 'Orion Automotive' })])).toBeNull();
    expect(bestAuthorizationLine({ ...pos, productId: null }, [line({})])).toBeNull();
  });

  it('prefers a line named for the end customer (matched ignoring case and spaces) over one for anyone', () => {
    const best = bestAuthorizationLine(pos, [
      line({ authorizationLineId: 1 }),
      line({ authorizationLineId: 2, endCustomerName: 'HELIOS  medical' }),
    ]);
    expect(best?.authorizationLineId).toBe(2);
  });

  it('then one whose remaining quantity covers the line, then the earliest expiry, then the lowest id', () => {
    expect(
      bestAuthorizationLine(pos, [line({ authorizationLineId: 1, remaining: 10 }), line({ authorizationLineId: 2, remaining: 60 })])
        ?.authorizationLineId,
    ).toBe(2);
    expect(
      bestAuthorizationLine(pos, [line({ authorizationLineId: 1 }), line({ authorizationLineId: 2, validTo: '2026-09-30' })])
        ?.authorizationLineId,
    ).toBe(2);
    expect(bestAuthorizationLine(pos, [line({ authorizationLineId: 3 }), line({ authorizationLineId: 2 })])?.authorizationLineId).toBe(2);
  });

  it('counts what earlier lines of the same run took', () => {
    const candidates = [
      line({ authorizationLineId: 1, remaining: 60 }),
      line({ authorizationLineId: 2, remaining: 60, validTo: '2026-12-31' }),
    ];
    expect(bestAuthorizationLine(pos, candidates, new Map([[1, 60]]))?.authorizationLineId).toBe(2);
  });

  it('gives the same answer whatever the order of the candidates', () => {
    const candidates = [
      line({ authorizationLineId: 5 }),
      line({ authorizationLineId: 4, validTo: '2026-10-01' }),
      line({ authorizationLineId: 9, endCustomerName: 'Helios Medical', remaining: 20 }),
    ];
    const answers = new Set(
      [candidates, [...candidates].reverse(), [candidates[1], candidates[2], candidates[0]]].map(
        (c) => bestAuthorizationLine(pos, c)?.authorizationLineId,
      ),
    );
    expect([...answers]).toEqual([9]);
  });
});

describeDb('imports in the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
  });
  afterAll(() => t.close());
  it('lists the import, dispute and report routes', async () => {
    const paths = Object.keys((await t.http.get('/api/openapi.json')).body.paths);
    for (const p of [
      '/api/imports',
      '/api/imports/{id}/events',
      '/api/imports/{id}/errors.csv',
      '/api/imports/{id}/claims',
      '/api/imports/mapping',
      '/api/disputes/resubmissions',
      '/api/disputes/lines/{id}/history',
      '/api/reports/accruals',
      '/api/reports/claims',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
