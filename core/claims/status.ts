/**
 * The one status rule of a claim's submit, whatever path built it: a claim with money approved is
 * `submitted` (in review), one with none is `rejected` whole (and lets go of its debit memo number).
 */
import { parseMoney } from '../money.js';

export type SubmittedStatus = 'submitted' | 'rejected';

export function statusAfterSubmit(approvedTotal: string): SubmittedStatus {
  return parseMoney(approvedTotal).greaterThan(0) ? 'submitted' : 'rejected';
}
