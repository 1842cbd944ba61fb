import { QueryTypes, type Sequelize } from 'sequelize';
import { canonicalInvoiceLine, canonicalInvoiceNumber } from '../../core/claims/pos-key.js';
import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * The canonical POS key (core/claims/pos-key.ts) in its own columns: `invoice_key` and
 * `line_key` on POS lines, claim lines and the consumption ledger. The ledger's unique key and
 * the POS lines' dedup compare them instead of the text as the distributor wrote it, which stays
 * for display: "INV-1" line "01" and "inv-1 " line "1.0" are one sale, paid once.
 *
 * Existing rows are backfilled. Where two rows of a table that must be unique share a canonical key
 * (a sale already paid twice under two spellings, or one POS line imported twice), the earliest
 * keeps the key, each later one is quarantined (its line key gets `#dup<id>`, so the unique key can
 * be built), and every collision is written to `pos_key_collisions` and logged: nothing is changed
 * silently, and `npm run check:ledger` lists the claim lines concerned, for a person to settle.
 */
const TABLES = ['pos_lines', 'claim_lines', 'pos_consumptions'] as const;
/** The tables whose canonical key is unique per distributor. */
const UNIQUE: Record<(typeof TABLES)[number], string | null> = {
  pos_lines: 'uq_pos_line_key',
  claim_lines: null,
  pos_consumptions: 'uq_pos_consumption_key',
};
const OLD_UNIQUE = { pos_lines: 'uq_pos_line', pos_consumptions: 'uq_pos_consumption' } as const;

export const canonicalPosKeySchema: Migration = {
  name: '20261201T0900-canonical-pos-key',
  async up({ context: { queryInterface: qi, sequelize } }) {
    const mysql = sequelize.getDialect() === 'mysql';
    await qi.createTable('pos_key_collisions', {
      id: col.id(),
      table_name: col.str(40),
      row_id: col.ref(),
      kept_row_id: col.ref(),
      distributor_id: col.ref(),
      invoice_key: col.str(64),
      line_key: col.str(16),
      invoice_number: col.str(64),
      invoice_line: col.str(16),
      created_at: col.instant(),
    });
    for (const table of TABLES) {
      await qi.addColumn(table, 'invoice_key', col.str(64, true));
      await qi.addColumn(table, 'line_key', col.str(40, true));
      await backfill(sequelize, table, UNIQUE[table] !== null);
      if (mysql) {
        await sequelize.query(`ALTER TABLE ${table} MODIFY invoice_key VARCHAR(64) NOT NULL, MODIFY line_key VARCHAR(40) NOT NULL`);
      } else {
        // SQLite cannot make an added column NOT NULL without rebuilding the table: triggers refuse a row without its key.
        for (const op of ['INSERT', 'UPDATE'])
          await sequelize.query(
            `CREATE TRIGGER trg_${table}_key_${op.toLowerCase()} BEFORE ${op} ON ${table} FOR EACH ROW
               WHEN NEW.invoice_key IS NULL OR NEW.line_key IS NULL OR NEW.invoice_key = '' OR NEW.line_key = ''
               BEGIN SELECT RAISE(ABORT, '${table}: the canonical POS key (invoice_key, line_key) is required'); END`,
          );
      }
    }
    for (const table of ['pos_lines', 'pos_consumptions'] as const) {
      // The new key first: on MariaDB the old one may be the index the distributor's foreign key uses.
      await qi.addIndex(table, ['distributor_id', 'invoice_key', 'line_key'], { unique: true, name: UNIQUE[table]! });
      await qi.removeIndex(table, OLD_UNIQUE[table]);
    }
    // claim_lines gets no index on its key: nothing looks lines up by it (the ledger does, in
    // pos_consumptions), and every index of claim_lines is paid on each bulk load of a million lines.
  },
};

async function backfill(sequelize: Sequelize, table: string, unique: boolean) {
  const seen = new Map<string, number>();
  const collisions: { id: number; kept: number; distributorId: number; invoiceKey: string; lineKey: string; inv: string; line: string }[] =
    [];
  let after = 0;
  for (;;) {
    const rows = await sequelize.query<{ id: number; distributorId: number; inv: string; line: string }>(
      `SELECT id, distributor_id AS distributorId, invoice_number AS inv, invoice_line AS line FROM ${table} WHERE id > ? ORDER BY id LIMIT 5000`,
      { replacements: [after], type: QueryTypes.SELECT },
    );
    if (!rows.length) break;
    after = Number(rows[rows.length - 1]!.id);
    const updates: [number, string, string][] = [];
    for (const r of rows) {
      const invoiceKey = canonicalInvoiceNumber(String(r.inv)) || '?';
      let lineKey = canonicalInvoiceLine(String(r.line)) || '?';
      if (unique) {
        const k = `${r.distributorId}\u0001${invoiceKey}\u0001${lineKey}`;
        const kept = seen.get(k);
        if (kept === undefined) seen.set(k, Number(r.id));
        else {
          collisions.push({
            id: Number(r.id),
            kept,
            distributorId: Number(r.distributorId),
            invoiceKey,
            lineKey,
            inv: r.inv,
            line: r.line,
          });
          lineKey = `${lineKey}#dup${r.id}`;
        }
      }
      updates.push([Number(r.id), invoiceKey, lineKey]);
    }
    for (let i = 0; i < updates.length; i += 500) {
      const part = updates.slice(i, i + 500);
      await sequelize.query(
        `UPDATE ${table} SET invoice_key = CASE id ${part.map(() => 'WHEN ? THEN ?').join(' ')} END,
                             line_key = CASE id ${part.map(() => 'WHEN ? THEN ?').join(' ')} END
          WHERE id IN (${part.map(() => '?').join(',')})`,
        { replacements: [...part.flatMap(([id, k]) => [id, k]), ...part.flatMap(([id, , l]) => [id, l]), ...part.map(([id]) => id)] },
      );
    }
  }
  const now = new Date();
  for (const c of collisions) {
    console.warn(
      `[migration] ${table} row ${c.id} (distributor ${c.distributorId}, invoice "${c.inv}" line "${c.line}") is the same sale as row ${c.kept}: quarantined as line key "${c.lineKey}#dup${c.id}"; see pos_key_collisions and npm run check:ledger`,
    );
    await sequelize.getQueryInterface().bulkInsert('pos_key_collisions', [
      {
        table_name: table,
        row_id: c.id,
        kept_row_id: c.kept,
        distributor_id: c.distributorId,
        invoice_key: c.invoiceKey,
        line_key: c.lineKey,
        invoice_number: c.inv,
        invoice_line: c.line,
        created_at: now,
      },
    ]);
  }
}
