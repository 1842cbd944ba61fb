import { DataTypes, type ModelAttributeColumnOptions } from 'sequelize';
import { col } from '../define.js';
import type { Migration } from './types.js';

const fk = (table: string, allowNull = false): ModelAttributeColumnOptions => ({
  ...col.ref(allowNull),
  references: { model: table, key: 'id' },
});

/**
 * Imports, claim files and claim runs become background jobs (server/jobs). An import row is
 * created `queued` when the upload is stored and carries what a worker needs to run it, in any
 * process, and to resume it after a crash:
 * - `upload_path`: the stored upload (removed once the job has ended);
 * - `settings`: the column mapping and file options as they were when the file was sent (JSON);
 * - `resume_row`: the file's last record whose writes are committed; a batch's POS lines, its row
 *   errors, the counters and this mark commit in one transaction, so a retried job goes on after it;
 * - `attempts`: how many times a worker started the job;
 * - `claim_id`: a claim file's claim (a killed run's draft is found and discarded by it);
 * - `result`: a claim file's final answer (JSON), for `?wait=true` and for clients that poll.
 * Claim runs over an import (`POST /api/imports/:id/claims`) get their own job rows.
 */
export const importJobsSchema: Migration = {
  name: '20261201T1300-import-jobs',
  async up({ context: { queryInterface: qi, sequelize } }) {
    // A job's answer: a claim run's lists can pass TEXT's 64 KB on MariaDB (SQLite's TEXT has no limit).
    const longText = (): ModelAttributeColumnOptions => ({
      type: sequelize.getDialect() === 'mysql' ? DataTypes.TEXT('long') : DataTypes.TEXT,
      allowNull: true,
    });
    await qi.addColumn('pos_imports', 'upload_path', col.str(500, true));
    await qi.addColumn('pos_imports', 'settings', col.text());
    await qi.addColumn('pos_imports', 'resume_row', col.int(false, 0));
    await qi.addColumn('pos_imports', 'attempts', col.int(false, 0));
    await qi.addColumn('pos_imports', 'claim_id', col.ref(true));
    await qi.addColumn('pos_imports', 'result', longText());
    await qi.createTable('pos_import_claim_runs', {
      id: col.id(),
      import_id: fk('pos_imports'),
      distributor_id: fk('accounts'),
      status: col.str(20),
      options: col.text(false),
      result: longText(),
      failure: col.text(),
      attempts: col.int(false, 0),
      created_by_user_id: fk('users'),
      started_at: col.instant(true),
      finished_at: col.instant(true),
      created_at: col.instant(),
      updated_at: col.instant(),
    });
    await qi.addIndex('pos_import_claim_runs', ['import_id'], { name: 'ix_pos_import_claim_run_import' });
  },
};
