import { col } from '../define.js';
import type { Migration } from './types.js';

const stamps = () => ({ created_at: col.instant(), updated_at: col.instant() });
const ref = (table: string, allowNull = false) => ({ ...col.ref(allowNull), references: { model: table, key: 'id' } });

/**
 * EDI X12 (issue 17): one trading-partner row per distributor, with the last interchange, group
 * and transaction control numbers written to it. A partner's ISA id is unique (qualifier + id),
 * so a received interchange names exactly one distributor. And the X12 documents written to
 * partners (997s), kept to download.
 */
export const ediPartnersSchema: Migration = {
  name: '20261204T1600-edi-partners',
  async up({ context: { queryInterface: qi } }) {
    await qi.createTable('edi_partners', {
      id: col.id(),
      distributor_id: ref('accounts'),
      isa_qualifier: col.str(2),
      isa_id: col.str(15),
      our_isa_qualifier: col.str(2),
      our_isa_id: col.str(15),
      gs_id: col.str(15, true),
      our_gs_id: col.str(15, true),
      version: col.str(6),
      usage: col.str(1),
      qualifiers: col.text(false),
      last_interchange_control: col.int(false, 0),
      last_group_control: col.int(false, 0),
      last_transaction_control: col.int(false, 0),
      ...stamps(),
    });
    await qi.addIndex('edi_partners', ['distributor_id'], { unique: true, name: 'edi_partners_distributor' });
    await qi.addIndex('edi_partners', ['isa_qualifier', 'isa_id'], { unique: true, name: 'edi_partners_isa' });

    // The X12 documents written to partners (997s), kept to download.
    await qi.createTable('edi_documents', {
      id: col.id(),
      distributor_id: ref('accounts'),
      kind: col.str(3),
      import_id: col.ref(true),
      received_control: col.str(9, true),
      interchange_control: col.int(),
      content: col.text(false),
      ...stamps(),
    });
    await qi.addIndex('edi_documents', ['distributor_id', 'kind', 'id'], { name: 'edi_documents_distributor' });
    await qi.addIndex('edi_documents', ['import_id'], { name: 'edi_documents_import' });
  },
};
