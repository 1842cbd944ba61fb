import { col } from '../define.js';
import type { Migration } from './types.js';

const ref = (table: string) => ({ ...col.ref(), references: { model: table, key: 'id' } });

/**
 * A rebate program's terms as they stood over time (issue 16, "asOf applies to every figure"):
 * `rebate_programs` keeps the terms in force; each time they are set, the same terms are added
 * here with the instant they took effect, never changed after. The accruals as of a past day read
 * the version in force at the end of that day (the first version when the day is before it: a
 * program's first terms apply from its start, as a program agreed after its start does).
 * Existing programs get their current terms as their first version.
 */
export const rebateTermsVersionsSchema: Migration = {
  name: '20261208T1100-rebate-terms-versions',
  async up({ context: { queryInterface: qi, sequelize } }) {
    await qi.createTable('rebate_terms_versions', {
      id: col.id(),
      program_id: ref('programs'),
      terms: col.text(false),
      period_kind: col.str(10),
      stacking: col.str(20),
      priority: col.int(false, 100),
      effective_from: col.instant(),
      changed_by_user_id: ref('users'),
    });
    await qi.addIndex('rebate_terms_versions', ['program_id', 'effective_from'], { name: 'rebate_terms_versions_program' });
    await sequelize.query(
      `INSERT INTO rebate_terms_versions (program_id, terms, period_kind, stacking, priority, effective_from, changed_by_user_id)
       SELECT program_id, terms, period_kind, stacking, priority, created_at, updated_by_user_id FROM rebate_programs`,
    );
  },
};
