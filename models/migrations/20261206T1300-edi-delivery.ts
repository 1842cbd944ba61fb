import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * EDI, third round (issue 17):
 * - an acknowledgment (997 / TA1) is written once per received interchange: the import and the
 *   interchange control number it answers are unique per kind, so a job run again after a crash
 *   finds the one it wrote (with its control number) instead of writing a second (a second one
 *   written before, by the earlier code, keeps its content but not the control number);
 * - what is written to a partner is delivered by itself (the outbound folder, e-mail): each
 *   document keeps whether it waits for delivery (`delivery`: 'pending' / 'delivered', null when
 *   no route was set) and when it went;
 * - a partner's delivery address (`outbound_email`) and its 845 schedule (`notice_845_minutes`).
 */
export const ediDeliverySchema: Migration = {
  name: '20261206T1300-edi-delivery',
  async up({ context: { queryInterface: qi, sequelize } }) {
    // A database the earlier code ran on may hold a second acknowledgment of one interchange (the
    // job run again after a crash wrote another; what this index prevents from now on): the first
    // stays the answer; the later ones stay downloadable, without the control number they repeat.
    await sequelize.query(
      `UPDATE edi_documents SET received_control = NULL
        WHERE received_control IS NOT NULL AND import_id IS NOT NULL
          AND id > (SELECT m.id FROM (SELECT MIN(f.id) AS id, f.import_id, f.kind, f.received_control FROM edi_documents f
                                       GROUP BY f.import_id, f.kind, f.received_control) m
                     WHERE m.import_id = edi_documents.import_id AND m.kind = edi_documents.kind
                       AND m.received_control = edi_documents.received_control)`,
    );
    await qi.addIndex('edi_documents', ['import_id', 'kind', 'received_control'], { unique: true, name: 'edi_documents_answer' });
    await qi.addColumn('edi_documents', 'delivery', col.str(9, true));
    await qi.addColumn('edi_documents', 'delivered_at', col.instant(true));
    await qi.addIndex('edi_documents', ['delivery'], { name: 'edi_documents_delivery' });
    await qi.addColumn('edi_partners', 'outbound_email', col.str(254, true));
    await qi.addColumn('edi_partners', 'notice_845_minutes', col.int(true));
  },
};
