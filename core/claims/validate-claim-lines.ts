/** The server's API: validation reading authorizations through a ValidationContext. */
import { normalizeCode } from './rules.js';
import type { ClaimLineInput, LineVerdictResult, ValidationContext, ValidationOptions } from './claim-lines.js';
import { AuthorizationIndex } from './authorization-index.js';
import type { CompactVerdicts } from './verdicts.js';
import { type PartResolver, runRules } from './validation-session.js';

/** Validates one distributor's claim lines against the authorizations the context provides. */
export function validateClaimLines(
  lines: readonly ClaimLineInput[],
  ctx: ValidationContext,
  options: ValidationOptions = {},
): LineVerdictResult[] {
  return checkClaimLines(lines, ctx, options).results();
}

/** `validateClaimLines` returning the columnar verdicts (for totals or lazy explanations). */
export function checkClaimLines(
  lines: readonly ClaimLineInput[],
  ctx: ValidationContext,
  options: ValidationOptions = {},
): CompactVerdicts {
  const index = new AuthorizationIndex((authorizationNumber) => ctx.authorizationLines(authorizationNumber));
  const vendorCache = new Map<string, number | undefined>();
  const distributorCache = new Map<string, number | undefined>();
  const parts: PartResolver = {
    vendor(part) {
      if (vendorCache.has(part)) return vendorCache.get(part);
      const id = ctx.productByVendorPart(part) ?? ctx.productByVendorPart(normalizeCode(part));
      vendorCache.set(part, id);
      return id;
    },
    distributor(part) {
      if (distributorCache.has(part)) return distributorCache.get(part);
      const id = ctx.productByDistributorPart(part) ?? ctx.productByDistributorPart(normalizeCode(part));
      distributorCache.set(part, id);
      return id;
    },
  };
  return runRules(
    index,
    lines,
    ctx.distributorId,
    parts,
    (invoiceNumber, invoiceLine) => ctx.isConsumed(invoiceNumber, invoiceLine),
    options,
  );
}
