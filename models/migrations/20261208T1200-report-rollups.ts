import { DataTypes } from 'sequelize';
import { BUCKET_COLUMN, rebuildClaimFigures } from '../claim-figures-sql.js';
import { col } from '../define.js';
import type { Migration } from './types.js';

const units = () => ({ type: DataTypes.BIGINT, allowNull: false, defaultValue: 0 });
/** A claims report group and its sums: a row of claim_figures_by_day, and a claim's own part of one. */
const reportGroup = () => ({
  day: col.day(),
  distributor_id: col.ref(),
  program_type: col.str(20),
  currency: col.str(3),
  claims: col.int(false, 0),
  claimed_units: units(),
  approved_units: units(),
  paid_units: units(),
});

/**
 * The claims' report figures kept up to date (issue 19 item 3; models/claim-figures-sql.ts):
 *
 * - `claim_figures_by_day`: the claims report's sums per day (a claim's submission day), distributor,
 *   program type (`none` for a claim without one) and currency: claims, claimed, approved, paid;
 * - `claim_liability_moves`: each day's change of the accruals' liability per distributor and
 *   currency: claims in a bucket, in review, open (authorized) and paid; the liability at the end
 *   of a day is the sum of the moves up to it;
 * - `claim_aging_moves`: the same moves of the claims not yet paid (in review or authorized) per
 *   submission day too, what the aging report buckets by age;
 * - `claim_figure_parts`: what each claim adds now to both (its report group and sums, its bucket
 *   and amount), so a change of the claim moves the figures by the difference.
 *
 * Money is integer units of 1/10,000 (BIGINT). The backfill makes them from the claims and the
 * journal (`rebuildClaimFigures`): each claim's liability on every day it moved, as the scanned
 * figures read it, less its liability on the day it moved before.
 */
export const reportRollupsSchema: Migration = {
  name: '20261208T1200-report-rollups',
  async up({ context: { queryInterface: qi, sequelize } }) {
    await qi.createTable('claim_figures_by_day', { id: col.id(), ...reportGroup() });
    await qi.addIndex('claim_figures_by_day', ['day', 'distributor_id', 'program_type', 'currency'], {
      unique: true,
      name: 'uq_claim_figures_by_day',
    });
    await qi.addIndex('claim_figures_by_day', ['distributor_id', 'day'], { name: 'claim_figures_by_day_distributor' });
    await qi.createTable('claim_liability_moves', {
      id: col.id(),
      day: col.day(),
      distributor_id: col.ref(),
      currency: col.str(3),
      claims: col.int(false, 0),
      ...Object.fromEntries(Object.values(BUCKET_COLUMN).map((c) => [c, units()])),
    });
    await qi.addIndex('claim_liability_moves', ['day', 'distributor_id', 'currency'], { unique: true, name: 'uq_claim_liability_moves' });
    await qi.addIndex('claim_liability_moves', ['distributor_id', 'day'], { name: 'claim_liability_moves_distributor' });
    await qi.createTable('claim_aging_moves', {
      id: col.id(),
      day: col.day(),
      submitted_day: col.day(),
      distributor_id: col.ref(),
      currency: col.str(3),
      claims: col.int(false, 0),
      units: units(),
    });
    await qi.addIndex('claim_aging_moves', ['day', 'submitted_day', 'distributor_id', 'currency'], {
      unique: true,
      name: 'uq_claim_aging_moves',
    });
    await qi.createTable('claim_figure_parts', {
      claim_id: { ...col.ref(), primaryKey: true },
      ...reportGroup(),
      bucket: col.str(20, true),
      bucket_units: units(),
    });
    await rebuildClaimFigures(sequelize);
  },
};
