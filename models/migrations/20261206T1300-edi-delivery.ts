import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * EDI, third round (issue 17):
 * - an acknowledgment (997 / TA1) is written once per received interchange: the import and the
 *   interchange control number it answers are unique per kind, so a job run again after a crash
 *   finds the one it wrote (with its control number) instead of writing a second;
 * - what is written to a partner is delivered by itself (the outbound folder, e-mail): each
 *   document keeps whether it waits for delivery (`delivery`: 'pending' / 'delivered', null when
 *   no route was set) and when it went;
 * - a partner's delivery address (`outbound_email`) and its 845 schedule (`notice_845_minutes`).
 */
export const ediDeliverySchema: Migration = {
  name: '20261206T1300-edi-delivery',
  async up({ context: { queryInterface: qi } }) {
    await qi.addIndex('edi_documents', ['import_id', 'kind', 'received_control'], { unique: true, name: 'edi_documents_answer' });
    await qi.addColumn('edi_documents', 'delivery', col.str(9, true));
    await qi.addColumn('edi_documents', 'delivered_at', col.instant(true));
    await qi.addIndex('edi_documents', ['delivery'], { name: 'edi_documents_delivery' });
    await qi.addColumn('edi_partners', 'outbound_email', col.str(254, true));
    await qi.addColumn('edi_partners', 'notice_845_minutes', col.int(true));
  },
};
