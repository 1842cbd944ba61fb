import { col } from '../define.js';
import type { Migration } from './types.js';

const ref = (table: string) => ({ ...col.ref(), references: { model: table, key: 'id' } });

/**
 * The ledger's memory of what was given back (issue 16, "asOf applies to every figure"): a claim
 * line's consumption is deleted when the line gives its POS line back (rejected in review, or a
 * return before payment), so the sale can be claimed again; this table keeps what it held and from
 * when to when, so a figure as of a day before the release still counts it as claimed then.
 * Written by the ledger's `release` only (server/settlement/ledger.repository.ts), never updated.
 */
export const consumptionReleasesSchema: Migration = {
  name: '20261208T1000-consumption-releases',
  async up({ context: { queryInterface: qi } }) {
    await qi.createTable('pos_consumption_releases', {
      id: col.id(),
      distributor_id: ref('accounts'),
      invoice_key: col.str(64),
      line_key: col.str(40),
      claim_line_id: col.ref(),
      authorization_line_id: ref('authorization_lines'),
      quantity: col.int(),
      /** when the consumption was taken (its created_at) */
      consumed_at: col.instant(),
      released_at: col.instant(),
    });
    await qi.addIndex('pos_consumption_releases', ['authorization_line_id'], { name: 'pos_consumption_releases_line' });
    await qi.addIndex('pos_consumption_releases', ['distributor_id', 'invoice_key'], { name: 'pos_consumption_releases_sale' });
  },
};
