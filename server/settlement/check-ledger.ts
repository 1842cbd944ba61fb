/**
 * `npm run check:ledger`: opens the database named by DATABASE_URL (as the server does), runs every
 * ledger invariant, prints each violation and a summary. Reads only; never migrates or writes.
 */
import { openDatabase } from '../../models/database.js';
import { loadConfig } from '../config.js';
import { checkLedger, formatViolation, INVARIANTS, type CheckOptions, type Invariant, type LedgerReport } from './invariants.repository.js';

export interface RunOptions extends Omit<CheckOptions, 'onViolation'> {
  databaseUrl?: string;
  /** where lines go (console.log by default) */
  write?: (line: string) => void;
}

/** Runs the check and prints it; the exit code is 1 when anything is violated, 0 otherwise. */
export async function runLedgerCheck(options: RunOptions = {}): Promise<{ exitCode: 0 | 1; report: LedgerReport }> {
  const write = options.write ?? ((line: string) => console.log(line));
  const url = options.databaseUrl ?? loadConfig().databaseUrl;
  const db = await openDatabase(url);
  try {
    const started = Date.now();
    const report = await checkLedger(db.sequelize, { ...options, onViolation: (v) => write(formatViolation(v)) });
    write(summary(report, db.dialect, Date.now() - started));
    return { exitCode: report.total > 0 ? 1 : 0, report };
  } finally {
    await db.close();
  }
}

export function summary(report: LedgerReport, dialect: string, ms: number): string {
  const r = report.rows;
  const lines = [
    `ledger check (${dialect}, ${ms} ms): read ${r.claimLines} claim lines (${r.payableLines} payable), ${r.consumptions} ledger entries, ` +
      `${r.authorizationLines} authorization lines, ${r.claims} claims, ${r.creditMemos} credit memos`,
  ];
  lines.push(
    `  phases (ms): ${Object.entries(report.phases)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  for (const [k, words] of Object.entries(INVARIANTS)) {
    const n = report.counts[k as Invariant];
    lines.push(`  ${n === 0 ? 'ok  ' : 'FAIL'} ${k}: ${words}${n ? ` (${n} violation${n === 1 ? '' : 's'})` : ''}`);
  }
  lines.push(report.total === 0 ? 'no violations' : `${report.total} violation${report.total === 1 ? '' : 's'}`);
  return lines.join('\n');
}
