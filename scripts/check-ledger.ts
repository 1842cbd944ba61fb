/**
 * The ledger's invariants against a live database (the one DATABASE_URL names, as for the server):
 *   DATABASE_URL=mysql://root@127.0.0.1:3306/bec npm run check:ledger
 * Prints each violation and a summary; exits 1 on any violation, 0 when there is none.
 */
import { runLedgerCheck } from '../server/settlement/check-ledger.js';

try {
  const { exitCode } = await runLedgerCheck();
  process.exitCode = exitCode;
} catch (err) {
  console.error(`check:ledger could not run: ${(err as Error).message}`);
  process.exitCode = 2;
}
