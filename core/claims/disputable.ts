/** Which claim lines a distributor may dispute (the server enforces it, the grid offers it). */
import { isMoneyText, parseMoney } from '../money.js';

/** Rejected, or approved for less than claimed (cut by the rules or adjusted down by finance); never a pending line. */
export function isDisputable(line: { verdict: string; claimedAmount: string; approvedAmount: string }): boolean {
  if (line.verdict === 'rejected') return true;
  if (line.verdict === 'pending') return false;
  return (
    isMoneyText(line.approvedAmount) &&
    isMoneyText(line.claimedAmount) &&
    parseMoney(line.approvedAmount).lt(parseMoney(line.claimedAmount))
  );
}
