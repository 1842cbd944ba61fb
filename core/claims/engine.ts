/**
 * The claims validation rules engine: checks claim lines against authorizations and gives each
 * line a verdict with its reasons, the rule that decided, the authorization version and the
 * inputs that decided it (enough to replay it).
 *
 * Entry points, all running the one rule loop of `ValidationSession.validateBatch`:
 * - `validateClaimLines(lines, ctx)`: the server's API, reading authorizations through callbacks
 *   (each authorization number and part number asked once per call) and returning one plain
 *   object per line;
 * - `createValidator(data)`: the bulk API over compact, preloaded data. `validate(distributor,
 *   lines)` for one call, `session(distributor)` to stream a big file chunk by chunk, and
 *   `validateBatch` for lines already in columns (`ClaimLineBatch.from(lines, validator.texts,
 *   validator.index.watchedFields)`, which a parser can build while its strings are hot). They
 *   return columnar verdicts (`CompactVerdicts`), turned into objects only on demand;
 *   `session.validateChunk(batch, verdicts)` refills one verdicts object chunk after chunk, so
 *   streaming a file allocates nothing per line or per chunk (the fastest path: see the "Engine
 *   alone" section of docs/performance.md).
 *
 * Why it is fast (STACK.md: validation is bound by memory access): an authorization line is one
 * 128-byte record in a Float64Array whose first cache line holds everything a line check reads;
 * authorization numbers resolve through one Map, once per distinct text per session; claim lines
 * are read from typed columns; duplicate POS keys are found in an open-addressing table of
 * (hash, entry) pairs without building key strings; money is integer minor units.
 *
 * Plain TypeScript: no Node, Express or Sequelize import; it runs in the browser too.
 *
 * This file is the engine's one entry: importers take every name from here. The parts:
 * `claim-lines.ts` (what goes in and out), `authorization-index.ts` (the compact records),
 * `validation-session.ts` (the rule loop), `verdicts.ts` (the verdict columns and totals),
 * `explanation.ts` (messages and replay inputs), `verdict-codes.ts` (reason, rule and verdict
 * numbers), `bulk-validator.ts` (`createValidator`) and `validate-claim-lines.ts` (the server's API).
 *
 * Decisions on the rules (each pinned by a test in test/core/claims):
 * - Every failing rule is reported, not only the first, so a distributor fixes a line once;
 *   `rule` names the first. Rules that need an authorization line (date, end customer, price,
 *   quantity, amount) run only once one was picked; quantity and amount run only on a line that
 *   nothing else rejected, so a rejected line never takes quantity from later lines.
 * - Missing or malformed fields (no part number, a bad date, "12,5" as a cost, a quantity that
 *   is not a whole number above zero) are MISSING_REQUIRED_FIELD naming the field.
 * - Validity is checked on the invoice date by default (`dateBasis: 'ship'` checks the ship date
 *   when the line has one).
 * - The authorization line is picked among the distributor's lines of that number whose product
 *   matches, preferring one that passes date and end customer, then the highest version, then
 *   one with quantity left, then the lowest line id: deterministic.
 * - A duplicate POS key (invoice number + line) in one call or session: the first occurrence is
 *   judged, every later one is DUPLICATE_LINE, whatever the first one's verdict. Keys compare
 *   trimmed and case-insensitively, and "007" is invoice line 7 (`posKey`): spelling an invoice
 *   line differently must not credit it twice.
 * - PRICE_ABOVE_AUTHORIZED: a claimed debit cost below the authorized cost, a resale price above
 *   the line's `maxResalePrice` (when the program sets one), or a book cost not above the
 *   authorized cost (nothing to recover). All reject.
 * - QTY_EXCEEDS_APPROVED: partial (cut to what remains) when some remains, rejected otherwise.
 * - AMOUNT_OVER_CLAIMED: the claimed amount above the credit computed for the claimed quantity;
 *   the line stays (verdict partial) and `approvedAmount` is the computed credit. A claimed
 *   amount below the computed credit is honoured: `approvedAmount` = min(claimed, computed).
 */

export * from './rules.js';
export { PosKeyTable, posKeyHash, samePosKey, splitPosKey } from './pos-keys.js';
export { ClaimLineBatch, ClaimTexts, TextInterner } from './batch.js';
export type {
  AuthorizationLineFact,
  AuthorizationVersionFact,
  ClaimLineInput,
  ClaimLineVerdict,
  FilingWindow,
  LineVerdictResult,
  ValidationContext,
  ValidationOptions,
  VerdictInputs,
} from './claim-lines.js';
export { VERDICT_ACCEPTED, VERDICT_PARTIAL, VERDICT_REJECTED } from './verdict-codes.js';
export {
  AuthorizationDataError,
  AuthorizationIndex,
  versionRecords,
  REC_AVAILABLE,
  REC_CANCELLED_FROM,
  REC_COST,
  REC_CUSTOMER,
  REC_DISTRIBUTOR,
  REC_FLAG_MAX_RESALE,
  REC_FLAG_REQUIRED,
  REC_GROUP_END,
  REC_MAX_RESALE,
  REC_PRODUCT,
  REC_REMAINING,
  REC_STRIDE,
  REC_VALID_FROM,
  REC_VALID_TO,
  REC_VERSION,
} from './authorization-index.js';
export { CompactVerdicts, summarizeVerdicts, type VerdictTotals } from './verdicts.js';
export {
  ResolutionCache,
  ValidationSession,
  runRules,
  type ConsumedCheck,
  type PartResolver,
  type SessionSetup,
} from './validation-session.js';
export { checkClaimLines, validateClaimLines } from './validate-claim-lines.js';
export { createValidator, MapPartResolver, type ClaimValidator, type EngineData } from './bulk-validator.js';
