import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * EDI, second round (issue 17): an 845 covers the authorization changes up to a moment, kept on
 * the document (`covered_until`), so the next 845 of the partner starts there and no change is
 * announced twice or missed.
 */
export const edi845Schema: Migration = {
  name: '20261205T1000-edi-845',
  async up({ context: { queryInterface: qi } }) {
    await qi.addColumn('edi_documents', 'covered_until', col.instant(true));
  },
};
