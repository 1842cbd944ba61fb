/**
 * Generated from the OpenAPI document by `npm run gen:api` (scripts/gen-api-types.ts): do not
 * edit. components/shared/api.ts names the shapes the components use.
 */
export interface paths {
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit trail, newest first, a page at a time (vendor roles) */
    get: operations['getAudit'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit/export.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit trail as CSV (UTF-8 with a byte-order mark, formulas neutralized; delimiter and decimal, else Accept-Language, choose the dialect), with the same filters */
    get: operations['getAuditExportCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user, and a cookie session's CSRF token */
    get: operations['getSession'];
    put?: never;
    /** Sign in with email and password (sets the session cookie) */
    post: operations['postSession'];
    /** Sign out */
    delete: operations['deleteSession'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your API tokens */
    get: operations['getTokens'];
    put?: never;
    /** Issue a bearer API token (shown once) */
    post: operations['postTokens'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API token */
    delete: operations['deleteTokensById'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/embed/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Issue a short-lived embed token for a user (a partner portal's back end, Salesforce's Apex): its session acts with the user's own role and the scopes asked, never more than the asking credential's */
    post: operations['postEmbedTokens'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/embed/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Exchange an embed token for a session of its user (the user's role and tenant, the token's scopes): a bearer access token (`accessToken`, for `Authorization: Bearer`) and the session cookie, both expiring at `expiresAt` */
    post: operations['postEmbedSession'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sso/identity-provider': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The default SAML identity provider */
    get: operations['getSsoIdentityProvider'];
    /** Configure the default SAML identity provider from its metadata XML or from fields */
    put: operations['putSsoIdentityProvider'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sso/identity-providers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every SAML identity provider (a response is matched to one by its Issuer) */
    get: operations['getSsoIdentityProviders'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sso/identity-providers/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One SAML identity provider */
    get: operations['getSsoIdentityProvidersByName'];
    /** Add or replace a SAML identity provider, with its own certificates, mapping and switches */
    put: operations['putSsoIdentityProvidersByName'];
    post?: never;
    /** Remove a SAML identity provider and end the sessions it opened */
    delete: operations['deleteSsoIdentityProvidersByName'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/authorizations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Authorizations you can see */
    get: operations['getAuthorizations'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/authorizations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One authorization with its lines and remaining quantities */
    get: operations['getAuthorizationsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/authorizations/{id}/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask to amend (cost, quantity), extend (dates) or cancel: a change request, routed and decided like a request */
    post: operations['postAuthorizationsByIdChanges'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/authorizations/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The history of an authorization: every version, what changed and from which day */
    get: operations['getAuthorizationsByIdVersions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Accounts (a distributor sees itself, resellers and end customers) */
    get: operations['getAccounts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Products, searchable by part number or description */
    get: operations['getProducts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/mapping': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The distributor's saved POS column mapping */
    get: operations['getImportsMapping'];
    /** Save the POS column mapping and file options */
    put: operations['putImportsMapping'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recent imports (POS reports and claim files), newest first: the last 50 */
    get: operations['getImports'];
    put?: never;
    /** Import POS lines: a CSV body (text/csv, streamed to storage) or JSON {lines}. A job: 202 with the import (status queued) and a Location to poll; ?wait=true answers 201 with the finished import */
    post: operations['postImports'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Parse the first rows of a CSV (text/csv) with the effective mapping and settings; nothing is stored */
    post: operations['postImportsPreview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An import job with its progress and counters */
    get: operations['getImportsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Server-sent events: progress of the job until it ends */
    get: operations['getImportsByIdEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/{id}/errors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The rows that were not kept, with row, column and reason */
    get: operations['getImportsByIdErrors'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/{id}/errors.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The row-error report as CSV (delimiter and decimal, else Accept-Language, choose the dialect) */
    get: operations['getImportsByIdErrorsCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/{id}/claims': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn the import into implicit claims (lines with an authorization number) and automatic claims (best match). A job: 202 with the run and a Location to poll; ?wait=true answers 201 with the claims built */
    post: operations['postImportsByIdClaims'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/{id}/claims/{runId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A claim run over the import: its status, and the claims built once completed */
    get: operations['getImportsByIdClaimsByRunId'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/{id}/lines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An import's POS lines as stored (parsed values, the file's row), a page at a time */
    get: operations['getImportsByIdLines'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/imports/{id}/void': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Void an import: its lines are removed so the corrected file can be sent again (refused while any is on a claim) */
    post: operations['postImportsByIdVoid'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/claims': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Claims, newest first, filtered by status, distributor, program type and date range: a page by cursor (keyset) or by number */
    get: operations['getClaims'];
    put?: never;
    /** Create an explicit claim (and submit it with submit: true) */
    post: operations['postClaims'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/claims/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A claim with its lines and verdicts (lines=false: without them) */
    get: operations['getClaimsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/claims/{id}/lines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A page of the claim's lines in line order (for claims of many lines; GET /api/claims/:id returns them all) */
    get: operations['getClaimsByIdLines'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/claims/file': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** An explicit claim from a CSV claim file (text/csv, streamed to storage): every line validated and submitted in one run. A job: 202 with the import job (purpose claim, status queued) and a Location to poll, whose result is the ClaimFileResult once completed; ?wait=true answers 201 with the ClaimFileResult */
    post: operations['postClaimsFile'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/claims/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Validate every line and submit the claim */
    post: operations['postClaimsByIdSubmit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/claims/{id}/lines/{lineId}/adjust': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Adjust the approved amount of a line, with a reason */
    post: operations['postClaimsByIdLinesByLineIdAdjust'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/claims/{id}/authorize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Authorize the claim for payment */
    post: operations['postClaimsByIdAuthorize'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/claims/{id}/pay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pay the claim: issues a credit memo and posts its payment to the finance journal */
    post: operations['postClaimsByIdPay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/claims/{id}/notes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Notes on a claim */
    get: operations['getClaimsByIdNotes'];
    put?: never;
    /** Add a note to a claim */
    post: operations['postClaimsByIdNotes'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/finance/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The ERP-reference switch and each program type's account codes */
    get: operations['getFinanceSettings'];
    /** Require (or not) the ERP reference before a credit memo is paid (vendor admins; audited) */
    put: operations['putFinanceSettings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/finance/accounts/{programType}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** The account codes a program type posts to (vendor admins; audited); entries posted later use them */
    put: operations['putFinanceAccountsByProgramType'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/finance/credit-memos': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Credit memos of claims and rebate periods, newest first, with the ERP reference (a distributor: its own) */
    get: operations['getFinanceCreditMemos'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/finance/credit-memos/{number}/erp-reference': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the ERP reference of a credit memo paid without one (once: a reference the ERP holds is never changed); audited */
    post: operations['postFinanceCreditMemosByNumberErpReference'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/finance/journal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The journal (accruals, reversals, payments) posted in a date range, as JSON or CSV */
    get: operations['getFinanceJournal'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/finance/periods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The months of the journal (with entries, closed or reopened), newest first, each with its status */
    get: operations['getFinancePeriods'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/finance/periods/{month}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A month's figures: as stored when it was closed, or as the journal holds them while open */
    get: operations['getFinancePeriodsByMonth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/finance/periods/{month}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a month: its figures are stored, and no entry is dated into it afterwards (audited) */
    post: operations['postFinancePeriodsByMonthClose'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/finance/periods/{month}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reopen a closed month (vendor admins, with a reason; audited) */
    post: operations['postFinancePeriodsByMonthReopen'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/settlement/debits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Debits that returns took back from paid sales, newest first (a distributor's own; vendor users all) */
    get: operations['getSettlementDebits'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/disputes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Rejected lines with their reasons (open = not yet resubmitted) */
    get: operations['getDisputes'];
    put?: never;
    /** Dispute a rejected, cut or adjusted-down line with a comment and, optionally, the corrected line */
    post: operations['postDisputes'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/disputes/resubmissions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resubmit corrected rejected lines as a new claim linked to the originals, in the original claims' currency (lines of claims in different currencies are resubmitted separately) */
    post: operations['postDisputesResubmissions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/disputes/lines/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every version of a disputed line, original first */
    get: operations['getDisputesLinesByIdHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/disputes/threads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Disputed lines with their comment threads (a distributor sees its own) */
    get: operations['getDisputesThreads'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/disputes/lines/{id}/thread': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A disputed line's thread: the dispute, the comments and the decision */
    get: operations['getDisputesLinesByIdThread'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/disputes/lines/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a comment to a line's dispute thread (either side) */
    post: operations['postDisputesLinesByIdComments'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/disputes/lines/{id}/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The vendor accepts (approving through the settlement service) or rejects an open dispute, with a comment */
    post: operations['postDisputesLinesByIdDecision'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/edi/partners': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every distributor's X12 trading-partner settings (admins) */
    get: operations['getEdiPartners'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/edi/partners/{distributorId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A distributor's X12 partner settings and its last control numbers (a distributor user: its own only) */
    get: operations['getEdiPartnersByDistributorId'];
    /** Create or replace a distributor's X12 partner settings (admins; audited; the control-number counters are kept) */
    put: operations['putEdiPartnersByDistributorId'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/edi/partners/{distributorId}/845': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Write the distributor's next 845: its authorizations new, amended and expired since its last 845, one transaction each, with the partner's control numbers (kept and audited; a distributor user: its own) */
    post: operations['postEdiPartnersByDistributorId845'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/edi/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** X12 documents written to partners (997 and TA1 acknowledgments, 849s, 845s), newest first; a distributor user: its own */
    get: operations['getEdiDocuments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/edi/documents/{id}/content': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download an X12 document written to a partner */
    get: operations['getEdiDocumentsByIdContent'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/edi/claims/{id}/849': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The 849 answering a claim that came as an 844, line by line from its verdicts (written once, then the same; a distributor user: its own claims') */
    get: operations['getEdiClaimsById849'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/enrichment/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** End-customer spellings no master name matched surely enough, for a person to confirm or reject */
    get: operations['getEnrichmentReviews'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/enrichment/reviews/{id}/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm a spelling as an end customer: remembered as the distributor's alias, its unlinked POS lines linked */
    post: operations['postEnrichmentReviewsByIdConfirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/enrichment/reviews/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a spelling: none of the master customers; later files leave it unlinked and do not queue it again */
    post: operations['postEnrichmentReviewsByIdReject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/enrichment/aliases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** End-customer spellings confirmed per distributor */
    get: operations['getEnrichmentAliases'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/enrichment/unknown-parts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Part numbers of imported lines that are neither products nor distributor part numbers, with their lines */
    get: operations['getEnrichmentUnknownParts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An object's documents (for whoever may see the object) */
    get: operations['getDocuments'];
    put?: never;
    /** Attach a document (PDF, PNG, JPEG or CSV) to a program, request, claim or claim line you may see */
    post: operations['postDocuments'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/documents/{id}/content': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a document (for whoever may see its object), as an attachment */
    get: operations['getDocumentsByIdContent'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/documents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a document (its uploader or an admin); the record of it stays in the audit trail */
    delete: operations['deleteDocumentsById'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrations/salesforce/account-suggestions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** End customers and distributors not linked by Id, with the Salesforce Accounts of the same name */
    get: operations['getIntegrationsSalesforceAccountSuggestions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrations/salesforce/account-links': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm or reject a suggested account match (audited) */
    post: operations['postIntegrationsSalesforceAccountLinks'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrations/salesforce/sync': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run a Salesforce sync now (pull, write-back, closed-lost expiry) */
    post: operations['postIntegrationsSalesforceSync'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrations/salesforce/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Salesforce sync runs, newest first */
    get: operations['getIntegrationsSalesforceRuns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrations/salesforce/writeback-failures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Write-backs Salesforce refused (a validation rule, a deleted record) or that failed last time, permanent ones first */
    get: operations['getIntegrationsSalesforceWritebackFailures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/integrations/salesforce/writeback-failures/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Try a failed write-back again now (after the record or the rule was fixed); audited */
    post: operations['postIntegrationsSalesforceWritebackFailuresByIdRetry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/approval-queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pending requests with their opportunity, deal registration, price history and flags */
    get: operations['getApprovalQueue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/requests/{id}/crm-link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Link a request to an opportunity and/or deal registration by Salesforce Id (written back at once) */
    post: operations['postRequestsByIdCrmLink'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/requests/{id}/context': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The CRM context and flags of one request */
    get: operations['getRequestsByIdContext'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/aging': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Aging of unpaid submitted claims and pending requests in buckets of 0-7, 8-30, 31-60 and over 60 days, per distributor and currency */
    get: operations['getReportsAging'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/accruals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open liability, in review and paid per currency; exposure in the base currency; rebates accrued in running periods; every figure as of asOf */
    get: operations['getReportsAccruals'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/accruals/forecast': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The claims still to come per week and distributor, from its claim-through curve learned from its history (the curve with it) */
    get: operations['getReportsAccrualsForecast'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/reports/claims': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Claimed, approved and paid by week, distributor or program type, per currency */
    get: operations['getReportsClaims'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/analytics/by-distributor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** By distributor: per currency and in the base currency with the rate used; computed in SQL; ?format=csv for the CSV */
    get: operations['getAnalyticsByDistributor'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/analytics/by-program': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** By program: per currency and in the base currency with the rate used; computed in SQL; ?format=csv for the CSV */
    get: operations['getAnalyticsByProgram'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/analytics/by-program-type': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** By program type: per currency and in the base currency with the rate used; computed in SQL; ?format=csv for the CSV */
    get: operations['getAnalyticsByProgramType'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/analytics/by-product': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** By product: per currency and in the base currency with the rate used; computed in SQL; ?format=csv for the CSV */
    get: operations['getAnalyticsByProduct'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/analytics/by-month': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** By month: per currency and in the base currency with the rate used; computed in SQL; ?format=csv for the CSV */
    get: operations['getAnalyticsByMonth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/analytics/margin-trend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Margin and discount trend per product: per currency and in the base currency with the rate used; computed in SQL; ?format=csv for the CSV */
    get: operations['getAnalyticsMarginTrend'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/analytics/program-roi': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Program ROI: per currency and in the base currency with the rate used; computed in SQL; ?format=csv for the CSV */
    get: operations['getAnalyticsProgramRoi'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/analytics/utilization': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Utilization: per currency and in the base currency with the rate used; computed in SQL; ?format=csv for the CSV */
    get: operations['getAnalyticsUtilization'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/fx-rates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Exchange rates by pair, newest day first */
    get: operations['getFxRates'];
    /** Put rates (a pair, a day, a rate): a new day is added, a day on record changes; all or none; each change audited */
    put: operations['putFxRates'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/fx-rates/upload': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Load rates from CSV (From, To, Effective Date, Rate): the valid rows are stored, each row error is answered with its row, line and field */
    post: operations['postFxRatesUpload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shipments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The vendor's shipment lines (sell-in), newest ship date first */
    get: operations['getShipments'];
    put?: never;
    /** Load shipment lines (sell-in): each line is checked on its own, the valid ones stored (a line stored with the same values is unchanged), each refused one answered with its row and field */
    post: operations['postShipments'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/shipments/upload': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Load shipment lines from CSV (Distributor, Document Number, Line Number, Ship Date, Vendor Part Number, Quantity, Amount, Currency): the valid rows are stored, each row error answered with its row, line and field */
    post: operations['postShipmentsUpload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your inbox, newest first, a page at a time */
    get: operations['getNotifications'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark one of your notifications read */
    post: operations['postNotificationsByIdRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark all your notifications read */
    post: operations['postNotificationsReadAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications/preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How you hear of each event (in the inbox; by e-mail at once, in the daily digest, or not) */
    get: operations['getNotificationsPreferences'];
    /** Change how you hear of some events (the others stay as they are) */
    put: operations['putNotificationsPreferences'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Webhook endpoints (admins) */
    get: operations['getWebhooks'];
    put?: never;
    /** Register a webhook endpoint (admins); its signing secret is in this answer only */
    post: operations['postWebhooks'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Deactivate a webhook endpoint (admins); its log stays */
    delete: operations['deleteWebhooksById'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An endpoint's delivery log, newest first, each delivery with its attempts (admins) */
    get: operations['getWebhooksByIdDeliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/webhooks/deliveries/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a delivery again, as a new delivery of the same event (admins) */
    post: operations['postWebhooksDeliveriesByIdReplay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/programs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Programs you can see */
    get: operations['getPrograms'];
    put?: never;
    /** Create a program */
    post: operations['postPrograms'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/programs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One program */
    get: operations['getProgramsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a program (a new version, effective now, once requests or authorizations use it) */
    patch: operations['patchProgramsById'];
    trace?: never;
  };
  '/api/programs/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A program's versions, newest first, each with the rules it set and when it was in force */
    get: operations['getProgramsByIdVersions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rebates/programs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Rebate programs with their terms (a distributor: those it is eligible for) */
    get: operations['getRebatesPrograms'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rebates/programs/{programId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A rebate program's terms, period kind and stacking rule */
    get: operations['getRebatesProgramsByProgramId'];
    /** Set a rebate program's terms (a program of type rebate, made with POST /api/programs), period kind and stacking rule */
    put: operations['putRebatesProgramsByProgramId'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rebates/programs/{programId}/calculation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The rebate so far in a distributor's period, over its stored POS lines (stacking applied) */
    get: operations['getRebatesProgramsByProgramIdCalculation'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rebates/programs/{programId}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** What-if: the rebate if the distributor also sold this much more in the period */
    post: operations['postRebatesProgramsByProgramIdPreview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rebates/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where a distributor stands in each running rebate program ("3400 units to the next tier") */
    get: operations['getRebatesProgress'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rebates/periods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Closed rebate periods, newest first (a distributor: its own) */
    get: operations['getRebatesPeriods'];
    put?: never;
    /** Close a program's period for a distributor: freeze the calculation and record the consumption of each POS line counted */
    post: operations['postRebatesPeriods'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rebates/periods/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One closed rebate period: the frozen calculation, its amount and who did what */
    get: operations['getRebatesPeriodsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rebates/periods/{id}/adjust': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Adjust a closed period's amount payable, with a reason */
    post: operations['postRebatesPeriodsByIdAdjust'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rebates/periods/{id}/authorize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Authorize a closed period for payment (not by whoever closed or adjusted it) */
    post: operations['postRebatesPeriodsByIdAuthorize'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rebates/periods/{id}/pay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pay an authorized period: its credit memo */
    post: operations['postRebatesPeriodsByIdPay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/rebates/periods/to-close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Rebate periods over and not closed, with each one's estimated rebate (finance's periods to close; the vendor owes them, the journal holds them once closed); a distributor sees its own */
    get: operations['getRebatesPeriodsToClose'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Special-price requests you can see, newest first (the approval queue: status=pending): a page by cursor (keyset) or by number */
    get: operations['getRequests'];
    put?: never;
    /** Request a special price (checked against the program) */
    post: operations['postRequests'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One request */
    get: operations['getRequestsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/requests/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve: creates the authorization */
    post: operations['postRequestsByIdApprove'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/requests/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decline with a comment */
    post: operations['postRequestsByIdDecline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/requests/{id}/counter': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Counter-offer other costs or quantities */
    post: operations['postRequestsByIdCounter'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/requests/{id}/accept-counter': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept the counter-offer: creates the authorization */
    post: operations['postRequestsByIdAcceptCounter'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/requests/{id}/reject-counter': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject the counter-offer: the request is withdrawn, no authorization is made */
    post: operations['postRequestsByIdRejectCounter'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/routing/rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Approval routing rules, in the order they are tried (admins) */
    get: operations['getRoutingRules'];
    put?: never;
    /** Add an approval routing rule (admins; audited) */
    post: operations['postRoutingRules'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/routing/rules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace a routing rule (admins; audited). Requests already routed keep the levels they started with */
    put: operations['putRoutingRulesById'];
    post?: never;
    /** Delete a routing rule (admins; audited) */
    delete: operations['deleteRoutingRulesById'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/routing/delegations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Delegations: yours (as the away user or the delegate), every one for an admin */
    get: operations['getRoutingDelegations'];
    put?: never;
    /** Name a delegate who decides for an away approver from..to (audited; the delegate acts "on behalf of") */
    post: operations['postRoutingDelegations'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/routing/delegations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** End a delegation (its away user, or an admin with the admin scope; audited) */
    delete: operations['deleteRoutingDelegationsById'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Users, filtered by role, active and distributor (vendor admins) */
    get: operations['getUsers'];
    put?: never;
    /** Invite a user: created inactive, with a one-time invitation token that expires */
    post: operations['postUsers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One user (vendor admins) */
    get: operations['getUsersById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deactivate a user: its sessions and tokens stop at once */
    post: operations['postUsersByIdDeactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/reactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reactivate a user (its old sessions and tokens stay ended) */
    post: operations['postUsersByIdReactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}/role': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a user's role (a change that gains permissions is audited as a raise) */
    patch: operations['patchUsersByIdRole'];
    trace?: never;
  };
  '/api/invitations/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept an invitation: set a password with the invitation token (the user becomes active) */
    post: operations['postInvitationsAccept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the first admin can still be set up (an empty database) */
    get: operations['getSetup'];
    put?: never;
    /** Set up the first vendor admin of an empty database with the server's setup token */
    post: operations['postSetup'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Products with list price, currency, family and whether active */
    get: operations['getMasterdataProducts'];
    put?: never;
    /** Create a product */
    post: operations['postMasterdataProducts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/products/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One product */
    get: operations['getMasterdataProductsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit a product (part number, description, family, list price, currency) */
    patch: operations['patchMasterdataProductsById'];
    trace?: never;
  };
  '/api/masterdata/products/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deactivate a product: kept for the claims and authorizations that name it, no longer offered to new requests */
    post: operations['postMasterdataProductsByIdDeactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/products/{id}/reactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reactivate a product */
    post: operations['postMasterdataProductsByIdReactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/book-costs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Book cost periods (history), by distributor and product, latest first */
    get: operations['getMasterdataBookCosts'];
    put?: never;
    /** Put a distributor's book cost for a product on record from a day on: the period before ends the day before, the new one runs to the next period or open-ended (the same cost from the same day changes nothing; another cost from the same day corrects it) */
    post: operations['postMasterdataBookCosts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/part-numbers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Distributors' part numbers and the product each names */
    get: operations['getMasterdataPartNumbers'];
    put?: never;
    /** Map a distributor's part number to a product (one product per distributor part number) */
    post: operations['postMasterdataPartNumbers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/part-numbers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a distributor's part number */
    delete: operations['deleteMasterdataPartNumbersById'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** End customers and resellers (merged ones with includeMerged=true) */
    get: operations['getMasterdataAccounts'];
    put?: never;
    /** Create an end customer or a reseller */
    post: operations['postMasterdataAccounts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/accounts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One end customer or reseller */
    get: operations['getMasterdataAccountsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit an end customer or a reseller (name, country, CRM id, external reference) */
    patch: operations['patchMasterdataAccountsById'];
    trace?: never;
  };
  '/api/masterdata/accounts/{id}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Merge a duplicate end customer or reseller into another: its requests, authorizations, POS and claim lines and program eligibility move to the survivor in one transaction; it is kept, marked merged */
    post: operations['postMasterdataAccountsByIdMerge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/distributors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Distributors with currency and region */
    get: operations['getMasterdataDistributors'];
    put?: never;
    /** Create a distributor */
    post: operations['postMasterdataDistributors'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/distributors/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One distributor with its contacts and its users */
    get: operations['getMasterdataDistributorsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit a distributor (its currency only while it has no book cost, authorization or claim) */
    patch: operations['patchMasterdataDistributorsById'];
    trace?: never;
  };
  '/api/masterdata/distributors/{id}/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a contact (name, e-mail, role) to a distributor */
    post: operations['postMasterdataDistributorsByIdContacts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/distributors/{id}/contacts/{contactId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a distributor's contact */
    delete: operations['deleteMasterdataDistributorsByIdContactsByContactId'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/products/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Load products from CSV (Part Number, Description, Family, List Price, Currency); dryRun=true previews; otherwise all rows or none */
    post: operations['postMasterdataProductsBulk'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/book-costs/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Load book costs from CSV (Distributor (its name), Part Number, Book Cost, Effective From); dryRun=true previews; otherwise all rows or none */
    post: operations['postMasterdataBookCostsBulk'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/part-numbers/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Load part numbers from CSV (Distributor, Distributor Part Number, Part Number); dryRun=true previews; otherwise all rows or none */
    post: operations['postMasterdataPartNumbersBulk'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/end-customers/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Load end customers from CSV (Name, Country, CRM Id, External Ref); dryRun=true previews; otherwise all rows or none */
    post: operations['postMasterdataEndCustomersBulk'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/resellers/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Load resellers from CSV (Name, Country, CRM Id, External Ref); dryRun=true previews; otherwise all rows or none */
    post: operations['postMasterdataResellersBulk'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/masterdata/distributors/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Load distributors from CSV (Name, Currency, Region, Country, CRM Id, External Ref); dryRun=true previews; otherwise all rows or none */
    post: operations['postMasterdataDistributorsBulk'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description RFC 9457 problem details */
    Problem: {
      type: string;
      title: string;
      status: number;
      /** @description stable machine-readable error code */
      code: string;
      detail: string;
      /** @description the path of the request that failed */
      instance: string;
      errors?: {
        field: string;
        message: string;
      }[];
    } & {
      [key: string]: unknown;
    };
    AuditEvent: {
      id: number;
      occurredAt: string;
      actorUserId: number | null;
      actorRole: string | null;
      /** @description who acted through the actor's embedded session: the owner of the API token that asked for its embed token, when another user (an admin, a CRM integration) */
      viaUserId: number | null;
      action: string;
      entityType: string;
      entityId: string;
      distributorId: number | null;
      before?: unknown;
      after?: unknown;
      reason: string | null;
    };
    SessionUser: {
      userId: number;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'vendor_admin' | 'channel_manager' | 'finance' | 'distributor_user' | 'no_access';
      distributorId: number | null;
    };
    Session: {
      user: components['schemas']['SessionUser'];
      csrfToken: string;
      expiresAt: string;
    };
    SignIn: {
      /** Format: email */
      email: string;
      password: string;
    };
    CurrentSession: {
      userId: number;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'vendor_admin' | 'channel_manager' | 'finance' | 'distributor_user' | 'no_access';
      distributorId: number | null;
      /** @description the cookie session's CSRF token, to send as X-CSRF-Token on every change (a session opened by single sign-on learns it here); absent for a bearer token */
      csrfToken?: string;
    };
    NewApiTokenIssued: {
      id: number;
      name: string;
      scopes: string[];
      expiresAt: string | null;
      /** @description the secret, shown this once */
      token: string;
    };
    NewApiToken: {
      name: string;
      /**
       * @description read, write, admin: no more than the caller has; a token minted by a token lives no longer than it and dies with it. Or scim alone: a vendor admin's token for an identity provider's SCIM client (/scim/v2), which reaches nothing else. Or embed_issuer alone: a vendor admin's token for a CRM's server (a Salesforce named credential), which only issues embed tokens (POST /api/embed/tokens)
       * @default [
       *       "read",
       *       "write"
       *     ]
       */
      scopes?: string[];
      /** @description 90 when absent (capped at the minting token's own expiry); null: no expiry */
      expiresInDays?: number | null;
    };
    ApiToken: {
      id: number;
      name: string;
      scopes: string[];
      expiresAt: string | null;
      revokedAt: string | null;
      lastUsedAt: string | null;
    };
    NewEmbedToken: {
      /**
       * Format: email
       * @description the user to open the session for, by e-mail
       */
      userEmail?: string;
      /** @description the user by single sign-on subject (SAML NameID, Salesforce's FederationIdentifier), as linked by a sign-in through the identity provider */
      federationId?: string;
      /** @description what the session may do: `read`, or `read` and `write` (never `admin`); each must be held by the credential asking. Default: the asking credential's own, up to `read` and `write` */
      scopes?: ('read' | 'write')[];
    };
    EmbedSession: {
      user: components['schemas']['SessionUser'];
      /** @description bearer token (`bece_...`) for `Authorization: Bearer`: the scopes the embed token was issued with, mints no tokens */
      accessToken: string;
      /** @description what the access token and the session may do */
      scopes: ('read' | 'write')[];
      /** @enum {string} */
      tokenType: 'Bearer';
      /** @description for writes with the session cookie (same-site pages) */
      csrfToken: string;
      /** @description when the access token and the session end (EMBED_SESSION_TTL_MINUTES) */
      expiresAt: string;
    };
    EmbedTokenExchange: {
      token: string;
    };
    SamlIdentityProvider: {
      name: string;
      entityId: string;
      ssoUrl: string;
      sloUrl: string | null;
      certificates: string[];
      attributeMapping: {
        [key: string]: unknown;
      };
      authoritative: boolean;
      signAuthnRequests: boolean;
      requireEncryptedAssertions: boolean;
      allowedRoles: string[] | null;
      allowedDistributorIds: number[] | null;
      /** @description where a browser starts a sign-in with this IdP */
      loginUrl: string;
      updatedAt: string;
    } | null;
    SamlIdentityProviderInput: {
      metadataXml?: string;
      entityId?: string;
      /** Format: uri */
      ssoUrl?: string;
      /** Format: uri */
      sloUrl?: string | null;
      certificates?: string[];
      attributeMapping?: {
        email?: string;
        name?: string;
        role?: string;
        distributor?: string;
        roleMap?: {
          [key: string]: 'vendor_admin' | 'channel_manager' | 'finance' | 'distributor_user' | 'no_access';
        };
      };
      /** @description its attributes may move an existing user to another distributor, raise its role, or claim an account by email (default false: it may only create users, rename them and lower their role) */
      authoritative?: boolean;
      /** @description sign our AuthnRequests to it (needs SAML_SP_PRIVATE_KEY); on by default when its metadata has WantAuthnRequestsSigned */
      signAuthnRequests?: boolean;
      /** @description refuse an assertion not encrypted to our certificate (needs SAML_SP_CERTIFICATE) */
      requireEncryptedAssertions?: boolean;
      /** @description the only roles this IdP may give, to new users and old (null: any; absent: unchanged) */
      allowedRoles?: ('vendor_admin' | 'channel_manager' | 'finance' | 'distributor_user' | 'no_access')[] | null;
      /** @description the only distributors (account ids) its distributor users may belong to (null: any; absent: unchanged) */
      allowedDistributorIds?: number[] | null;
    };
    Authorization: {
      id: number;
      /** @description the ship & debit number quoted on claims */
      number: string;
      version: number;
      distributorId: number;
      programId: number;
      requestId: number | null;
      endCustomerId: number | null;
      status: string;
      validFrom: string;
      validTo: string;
      createdAt: string;
      lines: {
        id: number;
        productId: number;
        vendorPartNumber: string;
        endCustomerId: number | null;
        authorizedCost: string;
        /** @description the vendor's book cost on record today (UTC) for this distributor and product, null if none. A claim line's credit, (bookCost - authorizedCost) x quantity, uses the book cost on record on its invoice date, not the one claimed */
        bookCost: string | null;
        approvedQuantity: number;
        consumedQuantity: number;
        remainingQuantity: number;
        validFrom: string;
        validTo: string;
      }[];
    };
    /** @description a user (`userId`) or everyone holding a role (`role`) */
    Approver:
      | {
          userId: number;
        }
      | {
          /** @enum {string} */
          role: 'vendor_admin' | 'channel_manager' | 'finance' | 'distributor_user' | 'no_access';
        };
    /** @description null: no routing rule applies, one channel manager decides */
    RequestRouting: {
      ruleId: number;
      ruleName: string;
      levels: {
        approvers: components['schemas']['Approver'][];
        /** @enum {string} */
        mode: 'all' | 'any';
        timeLimitHours: number | null;
      }[];
      escalation: components['schemas']['Approver'] &
        (
          | {
              userId: number;
            }
          | {
              /** @enum {string} */
              role: 'vendor_admin' | 'channel_manager' | 'finance' | 'distributor_user' | 'no_access';
            }
          | null
        );
      /** @description the level (1-based) awaiting a decision; null once decided */
      currentLevel: number | null;
      levelCount: number;
      levelStartedAt: string | null;
      /** @description when the current level is escalated if undecided */
      dueAt: string | null;
      escalated: boolean;
      /** @description who is next: the approvers of the current level still awaited (plus the escalation approver once escalated); an approver user who can no longer decide is replaced by who stands in for them */
      waitingOn: {
        userId: number | null;
        role: string | null;
        name: string | null;
        /** @description present when this approver stands in for an approver user who can no longer decide requests (demoted or deactivated), or who is the request's own requester: that user. The escalation approver stands in, else every role that decides requests */
        standingInFor?: number;
      }[];
      approvals: {
        level: number;
        /** @description which of the level's approvers it satisfied (0-based); -1: the escalation approver */
        approverIndex: number;
        userId: number;
        onBehalfOfUserId: number | null;
      }[];
    } | null;
    SpecialPriceRequest: {
      id: number;
      number: string;
      programId: number;
      distributorId: number;
      resellerId: number | null;
      endCustomerId: number;
      requestedByUserId: number;
      /** @enum {string} */
      status: 'pending' | 'approved' | 'declined' | 'countered' | 'withdrawn';
      validFrom: string;
      validTo: string;
      opportunityRef: string | null;
      dealRegistrationRef: string | null;
      justification: string | null;
      decisionComment: string | null;
      decidedByUserId: number | null;
      decidedAt: string | null;
      authorizationId: number | null;
      /** @description the authorization the approval made (null until approved): what a distributor quotes, and whether it still holds */
      authorization: {
        /** @description the ship & debit number quoted on claims */
        number: string;
        /** @enum {string} */
        status: 'active' | 'expired' | 'revoked' | 'superseded' | 'cancelled';
        validFrom: string;
        validTo: string;
        /** @description its opportunity's close date once lost: sales invoiced after it are refused */
        closedLostOn: string | null;
      } | null;
      /** @description the program's version in force when the request was made */
      programVersion: number | null;
      createdAt: string;
      routing: components['schemas']['RequestRouting'];
      /** @description set on a change request: the authorization it changes, how, and from which day */
      change: {
        authorizationId: number;
        /** @enum {string} */
        kind: 'amend' | 'extend' | 'cancel';
        effectiveFrom: string;
      } | null;
      lines: {
        id: number;
        productId: number;
        quantity: number;
        requestedCost: string;
        /** @description the vendor's book cost on record today (UTC) for the request's distributor and this product, null if none: what the distributor paid for its stock. A claim line's credit, (book cost - authorized cost) x quantity, uses the book cost on record on its invoice date */
        bookCost: string | null;
        /** @description warnings for the approver, from the same rule the approval queue and the approval context (GET /api/requests/{id}/context) apply (core/requests/line-flags.ts); they never refuse a request. PRICE_AT_OR_ABOVE_BOOK_COST: requestedCost is at or above bookCost, so an authorization at that cost recovers nothing (each claim line would be rejected PRICE_ABOVE_AUTHORIZED) unless the book cost rises. COUNTER_AT_OR_ABOVE_BOOK_COST: the same of counterCost, the cost the authorization takes if the counter-offer is accepted */
        flags: ('PRICE_AT_OR_ABOVE_BOOK_COST' | 'COUNTER_AT_OR_ABOVE_BOOK_COST')[];
        counterCost: string | null;
        counterQuantity: number | null;
        /** @description on a change request: the authorization line it changes */
        authorizationLineId: number | null;
      }[];
    };
    AuthorizationChangeInput: {
      /** @enum {string} */
      kind: 'amend' | 'extend' | 'cancel';
      /**
       * Format: date
       * @description amend, cancel: the first invoice date the change applies to (today by default); an extension applies from its validFrom
       * @example 2026-11-23
       */
      effectiveFrom?: string;
      /**
       * Format: date
       * @description extend: the new start (the current one by default)
       * @example 2026-11-23
       */
      validFrom?: string;
      /**
       * Format: date
       * @description extend: the new end (required)
       * @example 2026-11-23
       */
      validTo?: string;
      /** @description amend: the lines changed (their new authorized cost, approved quantity or both) */
      lines?: {
        lineId: number;
        /**
         * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
         * @example 12.5000
         */
        authorizedCost?: string;
        /** @description a whole number from 1 to 100000000 */
        approvedQuantity?: number;
      }[];
      justification?: string | null;
    };
    AuthorizationVersions: {
      authorizationId: number;
      number: string;
      versions: {
        version: number;
        /** @enum {string} */
        change: 'created' | 'amended' | 'extended' | 'cancelled';
        /** @description claims invoiced from this day on meet this version (until the next one) */
        effectiveFrom: string;
        validFrom: string;
        validTo: string;
        requestId: number | null;
        createdAt: string;
        lines: {
          authorizationLineId: number;
          authorizedCost: string;
          approvedQuantity: number;
        }[];
      }[];
    };
    Account: {
      id: number;
      /** @enum {string} */
      type: 'vendor' | 'distributor' | 'reseller' | 'end_customer';
      name: string;
      country: string | null;
    };
    Product: {
      id: number;
      vendorPartNumber: string;
      description: string;
      family: string | null;
      listPrice: string | null;
    };
    SavedPosColumnMapping: {
      /**
       * @description POS field -> the header of its column as the distributor writes it, or its position: "#5" is the fifth column (counted from 1), whatever its header; the way to choose between two columns with the same header (422 MAPPING_AMBIGUOUS names the positions to send)
       * @default {}
       */
      mapping?: {
        distributorId?: string;
        branch?: string;
        invoiceNumber?: string;
        invoiceLine?: string;
        invoiceDate?: string;
        shipDate?: string;
        distributorPartNumber?: string;
        vendorPartNumber?: string;
        quantity?: string;
        unitOfMeasure?: string;
        resalePrice?: string;
        bookCost?: string;
        authorizedCost?: string;
        claimedAmount?: string;
        authorizationNumber?: string;
        customerPo?: string;
        endCustomerName?: string;
        soldToName?: string;
        shipToName?: string;
        endCustomerAddress?: string;
        country?: string;
        debitMemoNumber?: string;
        creditReturn?: string;
      };
      /** @default {} */
      options?: {
        /** @enum {string} */
        decimalMark?: 'auto' | '.' | ',';
        /** @enum {string} */
        dateOrder?: 'auto' | 'MDY' | 'DMY';
        /** @enum {string} */
        delimiter?: ',' | ';' | '\t' | '|';
      };
      /** @description when it was saved; null: never */
      updatedAt: string | null;
      /** @description the distributor's currency (ISO 4217): a POS report's amounts are read in it, and an amount written in another (its sign or code) is a row error CURRENCY_MISMATCH; the upload's browser preflight reads in it too */
      currency: string;
    };
    PosColumnMapping: {
      /**
       * @description POS field -> the header of its column as the distributor writes it, or its position: "#5" is the fifth column (counted from 1), whatever its header; the way to choose between two columns with the same header (422 MAPPING_AMBIGUOUS names the positions to send)
       * @default {}
       */
      mapping?: {
        distributorId?: string;
        branch?: string;
        invoiceNumber?: string;
        invoiceLine?: string;
        invoiceDate?: string;
        shipDate?: string;
        distributorPartNumber?: string;
        vendorPartNumber?: string;
        quantity?: string;
        unitOfMeasure?: string;
        resalePrice?: string;
        bookCost?: string;
        authorizedCost?: string;
        claimedAmount?: string;
        authorizationNumber?: string;
        customerPo?: string;
        endCustomerName?: string;
        soldToName?: string;
        shipToName?: string;
        endCustomerAddress?: string;
        country?: string;
        debitMemoNumber?: string;
        creditReturn?: string;
      };
      /** @default {} */
      options?: {
        /** @enum {string} */
        decimalMark?: 'auto' | '.' | ',';
        /** @enum {string} */
        dateOrder?: 'auto' | 'MDY' | 'DMY';
        /** @enum {string} */
        delimiter?: ',' | ';' | '\t' | '|';
      };
    };
    PosImport: {
      id: number;
      distributorId: number;
      format: string;
      /**
       * @description 'pos': POS lines kept; 'claim': a claim file validated into one claim
       * @enum {string}
       */
      purpose: 'pos' | 'claim';
      fileName: string | null;
      fileSha256: string | null;
      /**
       * @description queued: stored, waiting for a worker; running: a worker has it (a retried job goes on where it stopped)
       * @enum {string}
       */
      status: 'queued' | 'running' | 'completed' | 'failed';
      totalBytes: number | null;
      processedBytes: number;
      rowsRead: number;
      /** @description new POS lines kept */
      rowsAccepted: number;
      /** @description valid rows already on file (a re-import adds nothing) */
      rowsDuplicate: number;
      /** @description rows in the error report */
      rowsRejected: number;
      progress: number | null;
      failure: string | null;
      /** @description field -> the header of the column it was read from */
      mapping: {
        [key: string]: unknown;
      } | null;
      /** @description the settings the file was read with; 'chosen' (request or saved options), 'file' (inferred), 'none' (not needed) */
      settings: {
        /** @enum {string|null} */
        delimiter: ',' | ';' | '\t' | '|' | null;
        /** @enum {string|null} */
        decimalMark: '.' | ',' | null;
        /** @enum {string|null} */
        dateOrder: 'MDY' | 'DMY' | null;
        /** @enum {string} */
        decimalMarkFrom: 'chosen' | 'file' | 'none';
        /** @enum {string} */
        dateOrderFrom: 'chosen' | 'file' | 'none';
        /**
         * @description the encoding the file's bytes were read in (absent on imports sent as JSON, or made before 2026-12-05)
         * @enum {string}
         */
        encoding?: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
        /**
         * @description 'chosen': the request's charset; 'file': a byte-order mark, or the bytes (not UTF-8: Windows-1252); 'none': plain ASCII, read as UTF-8
         * @enum {string}
         */
        encodingFrom?: 'chosen' | 'file' | 'none';
      } | null;
      createdByUserId: number;
      startedAt: string | null;
      finishedAt: string | null;
      createdAt: string;
      /** @description a claim file's answer (ClaimFileResult) once it has completed; null otherwise */
      result?: unknown;
      /** @description a voided import: its lines were removed (see voidReason); the file may be sent again */
      voidedAt: string | null;
      voidedByUserId: number | null;
      voidReason: string | null;
    };
    PosJsonImport: {
      /** @default null */
      fileName?: string | null;
      lines: {
        [key: string]: unknown;
      }[];
    };
    PosImportPreview: {
      /** @description field -> the header of the column it is read from */
      columns: {
        [key: string]: string;
      };
      /** @description unmapped columns, by their key in a line's extra */
      extraColumns: string[];
      /** @description the settings the file was read with; 'chosen' (request or saved options), 'file' (inferred), 'none' (not needed) */
      settings: {
        /** @enum {string|null} */
        delimiter: ',' | ';' | '\t' | '|' | null;
        /** @enum {string|null} */
        decimalMark: '.' | ',' | null;
        /** @enum {string|null} */
        dateOrder: 'MDY' | 'DMY' | null;
        /** @enum {string} */
        decimalMarkFrom: 'chosen' | 'file' | 'none';
        /** @enum {string} */
        dateOrderFrom: 'chosen' | 'file' | 'none';
        /**
         * @description the encoding the file's bytes were read in (absent on imports sent as JSON, or made before 2026-12-05)
         * @enum {string}
         */
        encoding?: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
        /**
         * @description 'chosen': the request's charset; 'file': a byte-order mark, or the bytes (not UTF-8: Windows-1252); 'none': plain ASCII, read as UTF-8
         * @enum {string}
         */
        encodingFrom?: 'chosen' | 'file' | 'none';
      } | null;
      lines: {
        [key: string]: unknown;
      }[];
      errors: {
        rowNumber: number;
        column: string | null;
        /** @description the parser's (MISSING_REQUIRED_FIELD, INVALID_DATE, INVALID_NUMBER, ...) or the import's: DISTRIBUTOR_MISMATCH (the Distributor ID names another distributor), SALE_ALREADY_ON_FILE (a POS row whose sale is on file with other values), AMOUNT_TOO_LARGE and DEBIT_MEMO_MISMATCH (a claim file's) */
        code: string;
        message: string;
        raw: string | null;
      }[];
      rowsRead: number;
    };
    ImportClaimRunResult: {
      claims: {
        id: number;
        number: string;
        /** @enum {string} */
        type: 'explicit' | 'implicit' | 'automatic';
        debitMemoNumber: string | null;
        currency: string;
        status: string;
        lineCount: number;
        rejectedLines: number;
        claimedTotal: string;
        approvedTotal: string;
      }[];
      /** @description lines without a number that no live authorization matches (the first 1,000; see unmatchedCount) */
      unmatched: {
        posLineId: number;
        invoiceNumber: string;
        invoiceLine: string;
        /** @enum {string} */
        reason: 'NO_POS_MATCH';
      }[];
      unmatchedCount: number;
      /** @description lines left unclaimed because an amount is beyond what a claim line carries (999,999,999,999.9999; the first 1,000; see refusedCount); always sent since 2026-12-05 */
      refused?: {
        posLineId: number;
        /** @description the row of the file (the header is row 1) */
        rowNumber: number | null;
        invoiceNumber: string;
        invoiceLine: string;
        /** @description claimedAmount, or the unit cost (bookCost, authorizedCost) that times the quantity is too much */
        field: string;
        /** @enum {string} */
        code: 'AMOUNT_TOO_LARGE';
        message: string;
      }[];
      refusedCount?: number;
      lines: {
        claimed: number;
        accepted: number;
        partial: number;
        rejected: number;
      };
    };
    ImportClaimRun: {
      id: number;
      importId: number;
      distributorId: number;
      /** @enum {string} */
      status: 'queued' | 'running' | 'completed' | 'failed';
      options: {
        [key: string]: unknown;
      };
      /** @description the claims built (as the 201 answer of ?wait=true) once completed; null otherwise */
      result: components['schemas']['ImportClaimRunResult'] | null;
      failure: string | null;
      attempts: number;
      createdByUserId: number;
      startedAt: string | null;
      finishedAt: string | null;
      createdAt: string;
    };
    ClaimImportInput: {
      /**
       * @default both
       * @enum {string}
       */
      mode?: 'implicit' | 'automatic' | 'both';
      /**
       * @description implicit claims: one per debit memo (lines without one go by month), or one per month
       * @default debitMemo
       * @enum {string}
       */
      groupBy?: 'debitMemo' | 'period';
      /**
       * @description the currency of the claims built (ISO 4217); the distributor's own when absent, another is refused (422)
       * @example USD
       * @enum {string}
       */
      currency?:
        | 'AED'
        | 'AFN'
        | 'ALL'
        | 'AMD'
        | 'ANG'
        | 'AOA'
        | 'ARS'
        | 'AUD'
        | 'AWG'
        | 'AZN'
        | 'BAM'
        | 'BBD'
        | 'BDT'
        | 'BGN'
        | 'BHD'
        | 'BIF'
        | 'BMD'
        | 'BND'
        | 'BOB'
        | 'BOV'
        | 'BRL'
        | 'BSD'
        | 'BTN'
        | 'BWP'
        | 'BYN'
        | 'BZD'
        | 'CAD'
        | 'CDF'
        | 'CHE'
        | 'CHF'
        | 'CHW'
        | 'CLF'
        | 'CLP'
        | 'CNY'
        | 'COP'
        | 'COU'
        | 'CRC'
        | 'CUC'
        | 'CUP'
        | 'CVE'
        | 'CZK'
        | 'DJF'
        | 'DKK'
        | 'DOP'
        | 'DZD'
        | 'EGP'
        | 'ERN'
        | 'ETB'
        | 'EUR'
        | 'FJD'
        | 'FKP'
        | 'GBP'
        | 'GEL'
        | 'GHS'
        | 'GIP'
        | 'GMD'
        | 'GNF'
        | 'GTQ'
        | 'GYD'
        | 'HKD'
        | 'HNL'
        | 'HTG'
        | 'HUF'
        | 'IDR'
        | 'ILS'
        | 'INR'
        | 'IQD'
        | 'IRR'
        | 'ISK'
        | 'JMD'
        | 'JOD'
        | 'JPY'
        | 'KES'
        | 'KGS'
        | 'KHR'
        | 'KMF'
        | 'KPW'
        | 'KRW'
        | 'KWD'
        | 'KYD'
        | 'KZT'
        | 'LAK'
        | 'LBP'
        | 'LKR'
        | 'LRD'
        | 'LSL'
        | 'LYD'
        | 'MAD'
        | 'MDL'
        | 'MGA'
        | 'MKD'
        | 'MMK'
        | 'MNT'
        | 'MOP'
        | 'MRU'
        | 'MUR'
        | 'MVR'
        | 'MWK'
        | 'MXN'
        | 'MXV'
        | 'MYR'
        | 'MZN'
        | 'NAD'
        | 'NGN'
        | 'NIO'
        | 'NOK'
        | 'NPR'
        | 'NZD'
        | 'OMR'
        | 'PAB'
        | 'PEN'
        | 'PGK'
        | 'PHP'
        | 'PKR'
        | 'PLN'
        | 'PYG'
        | 'QAR'
        | 'RON'
        | 'RSD'
        | 'RUB'
        | 'RWF'
        | 'SAR'
        | 'SBD'
        | 'SCR'
        | 'SDG'
        | 'SEK'
        | 'SGD'
        | 'SHP'
        | 'SLE'
        | 'SLL'
        | 'SOS'
        | 'SRD'
        | 'SSP'
        | 'STN'
        | 'SVC'
        | 'SYP'
        | 'SZL'
        | 'THB'
        | 'TJS'
        | 'TMT'
        | 'TND'
        | 'TOP'
        | 'TRY'
        | 'TTD'
        | 'TWD'
        | 'TZS'
        | 'UAH'
        | 'UGX'
        | 'USD'
        | 'USN'
        | 'UYI'
        | 'UYU'
        | 'UYW'
        | 'UZS'
        | 'VED'
        | 'VES'
        | 'VND'
        | 'VUV'
        | 'WST'
        | 'XAF'
        | 'XCD'
        | 'XCG'
        | 'XOF'
        | 'XPF'
        | 'YER'
        | 'ZAR'
        | 'ZMW'
        | 'ZWG'
        | 'ZWL';
    };
    PosLineView: {
      id: number;
      /** @description the row of the file (the header is row 1) */
      rowNumber: number | null;
      invoiceNumber: string;
      invoiceLine: string;
      /** @description the canonical POS key the ledger compares */
      invoiceKey: string;
      lineKey: string;
      invoiceDate: string;
      shipDate: string | null;
      vendorPartNumber: string | null;
      distributorPartNumber: string | null;
      productId: number | null;
      /** @description negative for a return */
      quantity: number;
      isReturn: boolean;
      resalePrice: string | null;
      bookCost: string | null;
      authorizedCost: string | null;
      claimedAmount: string | null;
      authorizationNumber: string | null;
      endCustomerName: string | null;
      /** @description the end customer the name was matched to (POS enrichment), if any */
      endCustomerId: number | null;
      customerPo: string | null;
      debitMemoNumber: string | null;
      extra: {
        [key: string]: string;
      } | null;
      /** @description a claim line was made from it (it can no longer be voided) */
      claimed: boolean;
    };
    ClaimLine: {
      id: number;
      lineNumber: number;
      authorizationNumber: string | null;
      authorizationLineId: number | null;
      authorizationVersion: number | null;
      productId: number | null;
      vendorPartNumber: string | null;
      distributorPartNumber: string | null;
      /** @description the master end customer the line's name was linked to (POS enrichment: a confirmed alias, the same name, or a sure fuzzy match); when the authorization line names its end customer by id too, the id decides the end customer rule */
      endCustomerId: number | null;
      endCustomerName: string | null;
      invoiceNumber: string;
      invoiceLine: string;
      invoiceDate: string;
      shipDate: string | null;
      quantity: number;
      bookCost: string;
      authorizedCost: string | null;
      resalePrice: string | null;
      claimedAmount: string;
      computedAmount: string;
      acceptedQuantity: number;
      approvedAmount: string;
      /** @enum {string} */
      verdict: 'pending' | 'accepted' | 'partial' | 'rejected' | 'adjusted';
      reasonCodes: string[];
      rule: string | null;
      verdictInputs: {
        [key: string]: unknown;
      } | null;
      extra: {
        [key: string]: unknown;
      } | null;
      resubmissionOfLineId: number | null;
      adjustedByUserId: number | null;
      /** @description finance's reason for the line's last manual adjustment (GET /api/claims/:id, its lines and the adjust answer) */
      adjustmentReason?: string | null;
    };
    Claim: {
      id: number;
      number: string;
      distributorId: number;
      programId: number | null;
      programType: string | null;
      /** @enum {string} */
      type: 'explicit' | 'implicit' | 'automatic';
      /** @enum {string} */
      status: 'draft' | 'submitted' | 'authorized' | 'paid' | 'rejected';
      debitMemoNumber: string | null;
      currency: string;
      claimedTotal: string;
      computedTotal: string;
      approvedTotal: string;
      lineCount: number;
      submittedAt: string | null;
      authorizedAt: string | null;
      paidAt: string | null;
      createdAt: string;
      createdByUserId: number;
      authorizedByUserId: number | null;
      /** @description the POS import an implicit or automatic claim was built from */
      posImportId: number | null;
      creditMemo: {
        number: string;
        /** @description what the memo credits: the claim's approved total less debitsApplied */
        amount: string;
        /** @description returns' debits this memo took back (never more than the approved total) */
        debitsApplied: string;
        currency: string;
        issuedAt: string;
        externalRef: string | null;
      } | null;
      /** @description with `review=true` on GET /api/claims: figures over all of the claim’s lines (core/claims/review.ts) */
      review?: {
        /** @description lines validation left pending, partial or rejected that nobody adjusted */
        linesToCheck: number;
        /** @description everyone who ever adjusted a line of the claim (they may not authorize it) */
        adjustedByUserIds: number[];
      };
      lines?: components['schemas']['ClaimLine'][];
    };
    ClaimLineInput: {
      authorizationNumber: string;
      vendorPartNumber?: string | null;
      distributorPartNumber?: string | null;
      endCustomerName?: string | null;
      /** @description an end customer's account id (GET /api/accounts?type=end_customer); stands for its name */
      endCustomerId?: number | null;
      invoiceNumber: string;
      invoiceLine: string | number;
      /**
       * Format: date
       * @example 2026-11-23
       */
      invoiceDate: string;
      /**
       * Format: date
       * @example 2026-11-23
       */
      shipDate?: string;
      /** @description a whole number from 1 to 100000000 */
      quantity: number;
      /**
       * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
       * @example 12.5000
       */
      bookCost: string;
      /**
       * @description the debit cost claimed per unit
       * @example 12.5000
       */
      authorizedCost?: string | null;
      /**
       * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
       * @example 12.5000
       */
      resalePrice?: string | null;
      /**
       * @description defaults to (bookCost - authorizedCost) x quantity, rounded to the cent
       * @example 12.5000
       */
      claimedAmount?: string | null;
      /** @description program-mandated fields, e.g. resellerPoNumber */
      extra?: {
        [key: string]: string | null;
      };
    } & ((
      | {
          vendorPartNumber: string;
        }
      | {
          distributorPartNumber: string;
        }
    ) &
      (
        | {
            claimedAmount: string;
          }
        | {
            authorizedCost: string;
          }
      ));
    ClaimInput: {
      /**
       * @description the distributor's debit memo, kept as sent; unique per distributor in any spelling (compared by its canonical key: trimmed, spaces collapsed, NFKC, case-insensitive), so a re-sent claim is refused
       * @default null
       */
      debitMemoNumber?: string | null;
      /**
       * @description ISO 4217 code of the claim: the distributor's own (absent means it; another is refused with 422 CURRENCY_MISMATCH); usd is USD
       * @example USD
       * @enum {string}
       */
      currency?:
        | 'AED'
        | 'AFN'
        | 'ALL'
        | 'AMD'
        | 'ANG'
        | 'AOA'
        | 'ARS'
        | 'AUD'
        | 'AWG'
        | 'AZN'
        | 'BAM'
        | 'BBD'
        | 'BDT'
        | 'BGN'
        | 'BHD'
        | 'BIF'
        | 'BMD'
        | 'BND'
        | 'BOB'
        | 'BOV'
        | 'BRL'
        | 'BSD'
        | 'BTN'
        | 'BWP'
        | 'BYN'
        | 'BZD'
        | 'CAD'
        | 'CDF'
        | 'CHE'
        | 'CHF'
        | 'CHW'
        | 'CLF'
        | 'CLP'
        | 'CNY'
        | 'COP'
        | 'COU'
        | 'CRC'
        | 'CUC'
        | 'CUP'
        | 'CVE'
        | 'CZK'
        | 'DJF'
        | 'DKK'
        | 'DOP'
        | 'DZD'
        | 'EGP'
        | 'ERN'
        | 'ETB'
        | 'EUR'
        | 'FJD'
        | 'FKP'
        | 'GBP'
        | 'GEL'
        | 'GHS'
        | 'GIP'
        | 'GMD'
        | 'GNF'
        | 'GTQ'
        | 'GYD'
        | 'HKD'
        | 'HNL'
        | 'HTG'
        | 'HUF'
        | 'IDR'
        | 'ILS'
        | 'INR'
        | 'IQD'
        | 'IRR'
        | 'ISK'
        | 'JMD'
        | 'JOD'
        | 'JPY'
        | 'KES'
        | 'KGS'
        | 'KHR'
        | 'KMF'
        | 'KPW'
        | 'KRW'
        | 'KWD'
        | 'KYD'
        | 'KZT'
        | 'LAK'
        | 'LBP'
        | 'LKR'
        | 'LRD'
        | 'LSL'
        | 'LYD'
        | 'MAD'
        | 'MDL'
        | 'MGA'
        | 'MKD'
        | 'MMK'
        | 'MNT'
        | 'MOP'
        | 'MRU'
        | 'MUR'
        | 'MVR'
        | 'MWK'
        | 'MXN'
        | 'MXV'
        | 'MYR'
        | 'MZN'
        | 'NAD'
        | 'NGN'
        | 'NIO'
        | 'NOK'
        | 'NPR'
        | 'NZD'
        | 'OMR'
        | 'PAB'
        | 'PEN'
        | 'PGK'
        | 'PHP'
        | 'PKR'
        | 'PLN'
        | 'PYG'
        | 'QAR'
        | 'RON'
        | 'RSD'
        | 'RUB'
        | 'RWF'
        | 'SAR'
        | 'SBD'
        | 'SCR'
        | 'SDG'
        | 'SEK'
        | 'SGD'
        | 'SHP'
        | 'SLE'
        | 'SLL'
        | 'SOS'
        | 'SRD'
        | 'SSP'
        | 'STN'
        | 'SVC'
        | 'SYP'
        | 'SZL'
        | 'THB'
        | 'TJS'
        | 'TMT'
        | 'TND'
        | 'TOP'
        | 'TRY'
        | 'TTD'
        | 'TWD'
        | 'TZS'
        | 'UAH'
        | 'UGX'
        | 'USD'
        | 'USN'
        | 'UYI'
        | 'UYU'
        | 'UYW'
        | 'UZS'
        | 'VED'
        | 'VES'
        | 'VND'
        | 'VUV'
        | 'WST'
        | 'XAF'
        | 'XCD'
        | 'XCG'
        | 'XOF'
        | 'XPF'
        | 'YER'
        | 'ZAR'
        | 'ZMW'
        | 'ZWG'
        | 'ZWL';
      /**
       * @description validate and submit at once
       * @default false
       */
      submit?: boolean;
      lines: components['schemas']['ClaimLineInput'][];
    };
    ClaimFileResult: {
      claim: components['schemas']['Claim'];
      /** @description the job: progress, row errors (GET /api/imports/:id/errors.csv) */
      importId: number;
      rows: {
        read: number;
        rejected: number;
      };
      lines: {
        accepted: number;
        partial: number;
        rejected: number;
        lostToOtherClaims: number;
      };
    };
    AdjustLine: {
      /**
       * @description the amount finance approves for the line; 0 rejects it and releases its POS line
       * @example 12.5000
       */
      approvedAmount: string;
      reason: string;
    };
    PayInput: {
      /** @default null */
      externalRef?: string | null;
    };
    Note: {
      id: number;
      authorUserId: number;
      body: string;
      createdAt: string;
    };
    NoteInput: {
      body: string;
    };
    FinanceSettings: {
      /** @description a credit memo is paid only with the ERP reference (externalRef) */
      erpReferenceRequired: boolean;
      accounts: {
        /** @enum {string} */
        programType: 'ship_and_debit' | 'spa' | 'dpa' | 'promotion' | 'rebate';
        /**
         * @description the cost of the credits (debited by an accrual)
         * @example 2150
         */
        expense: string;
        /**
         * @description the accrued liability (credited by an accrual, debited by a payment)
         * @example 2150
         */
        accrued: string;
        /**
         * @description what a credit memo credits (the distributor's receivable or AP clearing)
         * @example 2150
         */
        payable: string;
        /** @description false: the defaults, the type has no codes of its own */
        own: boolean;
      }[];
    };
    FinanceSettingsInput: {
      erpReferenceRequired: boolean;
    };
    FinanceAccountCodes: {
      /**
       * @description the cost of the credits (debited by an accrual)
       * @example 2150
       */
      expense: string;
      /**
       * @description the accrued liability (credited by an accrual, debited by a payment)
       * @example 2150
       */
      accrued: string;
      /**
       * @description what a credit memo credits (the distributor's receivable or AP clearing)
       * @example 2150
       */
      payable: string;
    };
    CreditMemo: {
      number: string;
      /**
       * @description a claim's memo, or a rebate period's
       * @enum {string}
       */
      source: 'claim' | 'rebate_period';
      sourceId: number;
      /** @description the claim number, or RP-<id> for a rebate period */
      sourceNumber: string;
      distributorId: number;
      /**
       * @description ISO 4217 code; stored upper case (usd is USD)
       * @example USD
       * @enum {string}
       */
      currency:
        | 'AED'
        | 'AFN'
        | 'ALL'
        | 'AMD'
        | 'ANG'
        | 'AOA'
        | 'ARS'
        | 'AUD'
        | 'AWG'
        | 'AZN'
        | 'BAM'
        | 'BBD'
        | 'BDT'
        | 'BGN'
        | 'BHD'
        | 'BIF'
        | 'BMD'
        | 'BND'
        | 'BOB'
        | 'BOV'
        | 'BRL'
        | 'BSD'
        | 'BTN'
        | 'BWP'
        | 'BYN'
        | 'BZD'
        | 'CAD'
        | 'CDF'
        | 'CHE'
        | 'CHF'
        | 'CHW'
        | 'CLF'
        | 'CLP'
        | 'CNY'
        | 'COP'
        | 'COU'
        | 'CRC'
        | 'CUC'
        | 'CUP'
        | 'CVE'
        | 'CZK'
        | 'DJF'
        | 'DKK'
        | 'DOP'
        | 'DZD'
        | 'EGP'
        | 'ERN'
        | 'ETB'
        | 'EUR'
        | 'FJD'
        | 'FKP'
        | 'GBP'
        | 'GEL'
        | 'GHS'
        | 'GIP'
        | 'GMD'
        | 'GNF'
        | 'GTQ'
        | 'GYD'
        | 'HKD'
        | 'HNL'
        | 'HTG'
        | 'HUF'
        | 'IDR'
        | 'ILS'
        | 'INR'
        | 'IQD'
        | 'IRR'
        | 'ISK'
        | 'JMD'
        | 'JOD'
        | 'JPY'
        | 'KES'
        | 'KGS'
        | 'KHR'
        | 'KMF'
        | 'KPW'
        | 'KRW'
        | 'KWD'
        | 'KYD'
        | 'KZT'
        | 'LAK'
        | 'LBP'
        | 'LKR'
        | 'LRD'
        | 'LSL'
        | 'LYD'
        | 'MAD'
        | 'MDL'
        | 'MGA'
        | 'MKD'
        | 'MMK'
        | 'MNT'
        | 'MOP'
        | 'MRU'
        | 'MUR'
        | 'MVR'
        | 'MWK'
        | 'MXN'
        | 'MXV'
        | 'MYR'
        | 'MZN'
        | 'NAD'
        | 'NGN'
        | 'NIO'
        | 'NOK'
        | 'NPR'
        | 'NZD'
        | 'OMR'
        | 'PAB'
        | 'PEN'
        | 'PGK'
        | 'PHP'
        | 'PKR'
        | 'PLN'
        | 'PYG'
        | 'QAR'
        | 'RON'
        | 'RSD'
        | 'RUB'
        | 'RWF'
        | 'SAR'
        | 'SBD'
        | 'SCR'
        | 'SDG'
        | 'SEK'
        | 'SGD'
        | 'SHP'
        | 'SLE'
        | 'SLL'
        | 'SOS'
        | 'SRD'
        | 'SSP'
        | 'STN'
        | 'SVC'
        | 'SYP'
        | 'SZL'
        | 'THB'
        | 'TJS'
        | 'TMT'
        | 'TND'
        | 'TOP'
        | 'TRY'
        | 'TTD'
        | 'TWD'
        | 'TZS'
        | 'UAH'
        | 'UGX'
        | 'USD'
        | 'USN'
        | 'UYI'
        | 'UYU'
        | 'UYW'
        | 'UZS'
        | 'VED'
        | 'VES'
        | 'VND'
        | 'VUV'
        | 'WST'
        | 'XAF'
        | 'XCD'
        | 'XCG'
        | 'XOF'
        | 'XPF'
        | 'YER'
        | 'ZAR'
        | 'ZMW'
        | 'ZWG'
        | 'ZWL';
      /**
       * @description a decimal string with 4 decimals
       * @example 1250.0000
       */
      amount: string;
      /** @description the ERP's reference (externalRef) given when it was paid */
      erpReference: string | null;
      /** Format: date-time */
      issuedAt: string;
    };
    JournalEntry: {
      id: number;
      /**
       * Format: date
       * @example 2026-11-23
       */
      entryDate: string;
      /** @example 2026-12 */
      month: string;
      /**
       * Format: date
       * @description the day it happened; differs from entryDate when its month was closed
       * @example 2026-11-23
       */
      eventDay: string;
      /** @enum {string} */
      kind: 'accrual' | 'reversal' | 'payment';
      /** @enum {string} */
      source: 'claim' | 'rebate_period';
      sourceId: number;
      sourceNumber: string;
      distributorId: number;
      programType: string | null;
      /**
       * @description ISO 4217 code; stored upper case (usd is USD)
       * @example USD
       * @enum {string}
       */
      currency:
        | 'AED'
        | 'AFN'
        | 'ALL'
        | 'AMD'
        | 'ANG'
        | 'AOA'
        | 'ARS'
        | 'AUD'
        | 'AWG'
        | 'AZN'
        | 'BAM'
        | 'BBD'
        | 'BDT'
        | 'BGN'
        | 'BHD'
        | 'BIF'
        | 'BMD'
        | 'BND'
        | 'BOB'
        | 'BOV'
        | 'BRL'
        | 'BSD'
        | 'BTN'
        | 'BWP'
        | 'BYN'
        | 'BZD'
        | 'CAD'
        | 'CDF'
        | 'CHE'
        | 'CHF'
        | 'CHW'
        | 'CLF'
        | 'CLP'
        | 'CNY'
        | 'COP'
        | 'COU'
        | 'CRC'
        | 'CUC'
        | 'CUP'
        | 'CVE'
        | 'CZK'
        | 'DJF'
        | 'DKK'
        | 'DOP'
        | 'DZD'
        | 'EGP'
        | 'ERN'
        | 'ETB'
        | 'EUR'
        | 'FJD'
        | 'FKP'
        | 'GBP'
        | 'GEL'
        | 'GHS'
        | 'GIP'
        | 'GMD'
        | 'GNF'
        | 'GTQ'
        | 'GYD'
        | 'HKD'
        | 'HNL'
        | 'HTG'
        | 'HUF'
        | 'IDR'
        | 'ILS'
        | 'INR'
        | 'IQD'
        | 'IRR'
        | 'ISK'
        | 'JMD'
        | 'JOD'
        | 'JPY'
        | 'KES'
        | 'KGS'
        | 'KHR'
        | 'KMF'
        | 'KPW'
        | 'KRW'
        | 'KWD'
        | 'KYD'
        | 'KZT'
        | 'LAK'
        | 'LBP'
        | 'LKR'
        | 'LRD'
        | 'LSL'
        | 'LYD'
        | 'MAD'
        | 'MDL'
        | 'MGA'
        | 'MKD'
        | 'MMK'
        | 'MNT'
        | 'MOP'
        | 'MRU'
        | 'MUR'
        | 'MVR'
        | 'MWK'
        | 'MXN'
        | 'MXV'
        | 'MYR'
        | 'MZN'
        | 'NAD'
        | 'NGN'
        | 'NIO'
        | 'NOK'
        | 'NPR'
        | 'NZD'
        | 'OMR'
        | 'PAB'
        | 'PEN'
        | 'PGK'
        | 'PHP'
        | 'PKR'
        | 'PLN'
        | 'PYG'
        | 'QAR'
        | 'RON'
        | 'RSD'
        | 'RUB'
        | 'RWF'
        | 'SAR'
        | 'SBD'
        | 'SCR'
        | 'SDG'
        | 'SEK'
        | 'SGD'
        | 'SHP'
        | 'SLE'
        | 'SLL'
        | 'SOS'
        | 'SRD'
        | 'SSP'
        | 'STN'
        | 'SVC'
        | 'SYP'
        | 'SZL'
        | 'THB'
        | 'TJS'
        | 'TMT'
        | 'TND'
        | 'TOP'
        | 'TRY'
        | 'TTD'
        | 'TWD'
        | 'TZS'
        | 'UAH'
        | 'UGX'
        | 'USD'
        | 'USN'
        | 'UYI'
        | 'UYU'
        | 'UYW'
        | 'UZS'
        | 'VED'
        | 'VES'
        | 'VND'
        | 'VUV'
        | 'WST'
        | 'XAF'
        | 'XCD'
        | 'XCG'
        | 'XOF'
        | 'XPF'
        | 'YER'
        | 'ZAR'
        | 'ZMW'
        | 'ZWG'
        | 'ZWL';
      /**
       * @description a decimal string with 4 decimals
       * @example 1250.0000
       */
      amount: string;
      creditMemoNumber: string | null;
      erpReference: string | null;
      /** @description says so when the entry was posted into a later month than it happened */
      note: string | null;
      lines: {
        account: string;
        /**
         * @description a decimal string with 4 decimals
         * @example 1250.0000
         */
        debit: string;
        /**
         * @description a decimal string with 4 decimals
         * @example 1250.0000
         */
        credit: string;
      }[];
    };
    /** @description a closed month: as stored when it was closed; an open one: as the journal holds now */
    MonthFigures: {
      month: string;
      entries: number;
      byAccount: {
        /**
         * @description ISO 4217 code; stored upper case (usd is USD)
         * @example USD
         * @enum {string}
         */
        currency:
          | 'AED'
          | 'AFN'
          | 'ALL'
          | 'AMD'
          | 'ANG'
          | 'AOA'
          | 'ARS'
          | 'AUD'
          | 'AWG'
          | 'AZN'
          | 'BAM'
          | 'BBD'
          | 'BDT'
          | 'BGN'
          | 'BHD'
          | 'BIF'
          | 'BMD'
          | 'BND'
          | 'BOB'
          | 'BOV'
          | 'BRL'
          | 'BSD'
          | 'BTN'
          | 'BWP'
          | 'BYN'
          | 'BZD'
          | 'CAD'
          | 'CDF'
          | 'CHE'
          | 'CHF'
          | 'CHW'
          | 'CLF'
          | 'CLP'
          | 'CNY'
          | 'COP'
          | 'COU'
          | 'CRC'
          | 'CUC'
          | 'CUP'
          | 'CVE'
          | 'CZK'
          | 'DJF'
          | 'DKK'
          | 'DOP'
          | 'DZD'
          | 'EGP'
          | 'ERN'
          | 'ETB'
          | 'EUR'
          | 'FJD'
          | 'FKP'
          | 'GBP'
          | 'GEL'
          | 'GHS'
          | 'GIP'
          | 'GMD'
          | 'GNF'
          | 'GTQ'
          | 'GYD'
          | 'HKD'
          | 'HNL'
          | 'HTG'
          | 'HUF'
          | 'IDR'
          | 'ILS'
          | 'INR'
          | 'IQD'
          | 'IRR'
          | 'ISK'
          | 'JMD'
          | 'JOD'
          | 'JPY'
          | 'KES'
          | 'KGS'
          | 'KHR'
          | 'KMF'
          | 'KPW'
          | 'KRW'
          | 'KWD'
          | 'KYD'
          | 'KZT'
          | 'LAK'
          | 'LBP'
          | 'LKR'
          | 'LRD'
          | 'LSL'
          | 'LYD'
          | 'MAD'
          | 'MDL'
          | 'MGA'
          | 'MKD'
          | 'MMK'
          | 'MNT'
          | 'MOP'
          | 'MRU'
          | 'MUR'
          | 'MVR'
          | 'MWK'
          | 'MXN'
          | 'MXV'
          | 'MYR'
          | 'MZN'
          | 'NAD'
          | 'NGN'
          | 'NIO'
          | 'NOK'
          | 'NPR'
          | 'NZD'
          | 'OMR'
          | 'PAB'
          | 'PEN'
          | 'PGK'
          | 'PHP'
          | 'PKR'
          | 'PLN'
          | 'PYG'
          | 'QAR'
          | 'RON'
          | 'RSD'
          | 'RUB'
          | 'RWF'
          | 'SAR'
          | 'SBD'
          | 'SCR'
          | 'SDG'
          | 'SEK'
          | 'SGD'
          | 'SHP'
          | 'SLE'
          | 'SLL'
          | 'SOS'
          | 'SRD'
          | 'SSP'
          | 'STN'
          | 'SVC'
          | 'SYP'
          | 'SZL'
          | 'THB'
          | 'TJS'
          | 'TMT'
          | 'TND'
          | 'TOP'
          | 'TRY'
          | 'TTD'
          | 'TWD'
          | 'TZS'
          | 'UAH'
          | 'UGX'
          | 'USD'
          | 'USN'
          | 'UYI'
          | 'UYU'
          | 'UYW'
          | 'UZS'
          | 'VED'
          | 'VES'
          | 'VND'
          | 'VUV'
          | 'WST'
          | 'XAF'
          | 'XCD'
          | 'XCG'
          | 'XOF'
          | 'XPF'
          | 'YER'
          | 'ZAR'
          | 'ZMW'
          | 'ZWG'
          | 'ZWL';
        account: string;
        /**
         * @description a decimal string with 4 decimals
         * @example 1250.0000
         */
        debit: string;
        /**
         * @description a decimal string with 4 decimals
         * @example 1250.0000
         */
        credit: string;
      }[];
      byKind: {
        /**
         * @description ISO 4217 code; stored upper case (usd is USD)
         * @example USD
         * @enum {string}
         */
        currency:
          | 'AED'
          | 'AFN'
          | 'ALL'
          | 'AMD'
          | 'ANG'
          | 'AOA'
          | 'ARS'
          | 'AUD'
          | 'AWG'
          | 'AZN'
          | 'BAM'
          | 'BBD'
          | 'BDT'
          | 'BGN'
          | 'BHD'
          | 'BIF'
          | 'BMD'
          | 'BND'
          | 'BOB'
          | 'BOV'
          | 'BRL'
          | 'BSD'
          | 'BTN'
          | 'BWP'
          | 'BYN'
          | 'BZD'
          | 'CAD'
          | 'CDF'
          | 'CHE'
          | 'CHF'
          | 'CHW'
          | 'CLF'
          | 'CLP'
          | 'CNY'
          | 'COP'
          | 'COU'
          | 'CRC'
          | 'CUC'
          | 'CUP'
          | 'CVE'
          | 'CZK'
          | 'DJF'
          | 'DKK'
          | 'DOP'
          | 'DZD'
          | 'EGP'
          | 'ERN'
          | 'ETB'
          | 'EUR'
          | 'FJD'
          | 'FKP'
          | 'GBP'
          | 'GEL'
          | 'GHS'
          | 'GIP'
          | 'GMD'
          | 'GNF'
          | 'GTQ'
          | 'GYD'
          | 'HKD'
          | 'HNL'
          | 'HTG'
          | 'HUF'
          | 'IDR'
          | 'ILS'
          | 'INR'
          | 'IQD'
          | 'IRR'
          | 'ISK'
          | 'JMD'
          | 'JOD'
          | 'JPY'
          | 'KES'
          | 'KGS'
          | 'KHR'
          | 'KMF'
          | 'KPW'
          | 'KRW'
          | 'KWD'
          | 'KYD'
          | 'KZT'
          | 'LAK'
          | 'LBP'
          | 'LKR'
          | 'LRD'
          | 'LSL'
          | 'LYD'
          | 'MAD'
          | 'MDL'
          | 'MGA'
          | 'MKD'
          | 'MMK'
          | 'MNT'
          | 'MOP'
          | 'MRU'
          | 'MUR'
          | 'MVR'
          | 'MWK'
          | 'MXN'
          | 'MXV'
          | 'MYR'
          | 'MZN'
          | 'NAD'
          | 'NGN'
          | 'NIO'
          | 'NOK'
          | 'NPR'
          | 'NZD'
          | 'OMR'
          | 'PAB'
          | 'PEN'
          | 'PGK'
          | 'PHP'
          | 'PKR'
          | 'PLN'
          | 'PYG'
          | 'QAR'
          | 'RON'
          | 'RSD'
          | 'RUB'
          | 'RWF'
          | 'SAR'
          | 'SBD'
          | 'SCR'
          | 'SDG'
          | 'SEK'
          | 'SGD'
          | 'SHP'
          | 'SLE'
          | 'SLL'
          | 'SOS'
          | 'SRD'
          | 'SSP'
          | 'STN'
          | 'SVC'
          | 'SYP'
          | 'SZL'
          | 'THB'
          | 'TJS'
          | 'TMT'
          | 'TND'
          | 'TOP'
          | 'TRY'
          | 'TTD'
          | 'TWD'
          | 'TZS'
          | 'UAH'
          | 'UGX'
          | 'USD'
          | 'USN'
          | 'UYI'
          | 'UYU'
          | 'UYW'
          | 'UZS'
          | 'VED'
          | 'VES'
          | 'VND'
          | 'VUV'
          | 'WST'
          | 'XAF'
          | 'XCD'
          | 'XCG'
          | 'XOF'
          | 'XPF'
          | 'YER'
          | 'ZAR'
          | 'ZMW'
          | 'ZWG'
          | 'ZWL';
        /** @enum {string} */
        kind: 'accrual' | 'reversal' | 'payment';
        /**
         * @description a decimal string with 4 decimals
         * @example 1250.0000
         */
        amount: string;
      }[];
    };
    FinancePeriod: {
      month: string;
      /**
       * @description open: never closed, or reopened
       * @enum {string}
       */
      status: 'open' | 'closed';
      figures: components['schemas']['MonthFigures'];
      closedByUserId: number | null;
      closedAt: string | null;
      reopenedByUserId: number | null;
      reopenedAt: string | null;
      reopenReason: string | null;
    };
    FinancePeriodReopenInput: {
      reason: string;
    };
    SettlementDebit: {
      id: number;
      distributorId: number;
      currency: string;
      /** @description the paid claim line whose credit the return takes back */
      claimLineId: number;
      /** @description the return's POS line */
      returnPosLineId: number;
      quantity: number;
      amount: string;
      /** @description what credit memos took of it so far */
      appliedAmount: string;
      /** @enum {string} */
      status: 'open' | 'applied';
      createdAt: string;
    };
    DisputeLine: {
      id: number;
      lineNumber: number;
      authorizationNumber: string | null;
      vendorPartNumber: string | null;
      distributorPartNumber: string | null;
      /** @description the master end customer the line's name was linked to (POS enrichment: a confirmed alias, the same name, or a sure fuzzy match); when the authorization line names its end customer by id too, the id decides the end customer rule */
      endCustomerId: number | null;
      endCustomerName: string | null;
      invoiceNumber: string;
      invoiceLine: string;
      invoiceDate: string;
      shipDate: string | null;
      quantity: number;
      bookCost: string;
      authorizedCost: string | null;
      resalePrice: string | null;
      claimedAmount: string;
      approvedAmount: string;
      /** @enum {string} */
      verdict: 'pending' | 'accepted' | 'partial' | 'rejected' | 'adjusted';
      reasonCodes: string[];
      rule: string | null;
      extra: {
        [key: string]: unknown;
      } | null;
      resubmissionOfLineId: number | null;
      claimId: number;
      claimNumber: string;
      claimStatus: string;
      /** @description the original claim's currency; a resubmission is claimed in it */
      claimCurrency: string;
      distributorId: number;
      resubmittedAs: number[];
      createdAt: string;
    };
    Resubmission: {
      /** @default null */
      debitMemoNumber?: string | null;
      lines: {
        originalLineId: number;
        authorizationNumber?: string;
        vendorPartNumber?: string | null;
        distributorPartNumber?: string | null;
        endCustomerName?: string | null;
        /**
         * Format: date
         * @example 2026-11-23
         */
        invoiceDate?: string;
        /**
         * Format: date
         * @example 2026-11-23
         */
        shipDate?: string;
        /** @description a whole number from 1 to 100000000 */
        quantity?: number;
        /**
         * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
         * @example 12.5000
         */
        bookCost?: string;
        /**
         * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
         * @example 12.5000
         */
        authorizedCost?: string | null;
        /**
         * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
         * @example 12.5000
         */
        resalePrice?: string | null;
        /**
         * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
         * @example 12.5000
         */
        claimedAmount?: string | null;
        extra?: {
          [key: string]: string | null;
        };
      }[];
    };
    DisputeEntry: {
      id: number;
      /** @enum {string} */
      kind: 'opened' | 'comment' | 'accepted' | 'rejected';
      authorUserId: number;
      authorName: string | null;
      body: string;
      /** @description the corrected line the distributor sent (opened entries) */
      correction: {
        [key: string]: unknown;
      } | null;
      /** @description the line a rejected line's correction was resubmitted as */
      resubmittedLineId: number | null;
      createdAt: string;
    };
    DisputeThread: {
      lineId: number;
      claimId: number;
      distributorId: number;
      /** @enum {string} */
      state: 'open' | 'accepted' | 'rejected';
      line: components['schemas']['DisputeLine'];
      entries: components['schemas']['DisputeEntry'][];
    };
    DisputeInput: {
      lineId: number;
      comment: string;
      /** @description the corrected line: resubmitted at once for a rejected line; kept on the dispute for a cut or adjusted line (accepting it applies its claimedAmount) */
      correction?: {
        authorizationNumber?: string;
        vendorPartNumber?: string | null;
        distributorPartNumber?: string | null;
        endCustomerName?: string | null;
        /**
         * Format: date
         * @example 2026-11-23
         */
        invoiceDate?: string;
        /**
         * Format: date
         * @example 2026-11-23
         */
        shipDate?: string;
        /** @description a whole number from 1 to 100000000 */
        quantity?: number;
        /**
         * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
         * @example 12.5000
         */
        bookCost?: string;
        /**
         * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
         * @example 12.5000
         */
        authorizedCost?: string | null;
        /**
         * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
         * @example 12.5000
         */
        resalePrice?: string | null;
        /**
         * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
         * @example 12.5000
         */
        claimedAmount?: string | null;
        extra?: {
          [key: string]: string | null;
        };
      };
    };
    DisputeComment: {
      body: string;
    };
    DisputeDecision: {
      /** @enum {string} */
      decision: 'accept' | 'reject';
      comment: string;
      /**
       * @description accept only: the amount to approve (default: the correction's claimedAmount, else the line's claimed amount)
       * @example 12.5000
       */
      approvedAmount?: string;
    };
    EdiPartner: {
      distributorId: number;
      settings: {
        isaQualifier: string;
        isaId: string;
        ourIsaQualifier: string;
        ourIsaId: string;
        gsId?: string;
        ourGsId?: string;
        version: string;
        usage: string;
        refs: {
          invoice: string[];
          authorization: string[];
          debitMemo: string[];
          customerPo: string[];
        };
        productIds: {
          vendorPart: string[];
          distributorPart: string[];
          upc: string[];
        };
        prices: {
          resalePrice: string[];
          bookCost: string[];
          authorizedCost: string[];
        };
        reasonCodes?: {
          [key: string]: string;
        };
      };
      /** @description the last ISA13 written to this partner (0: none yet) */
      lastInterchangeControl: number;
      /** @description the last GS06 written */
      lastGroupControl: number;
      /** @description the last ST02 written */
      lastTransactionControl: number;
      outboundEmail: string | null;
      notice845Minutes: number | null;
      updatedAt: string;
    };
    EdiPartnerInput: {
      /** @description the distributor's ISA05 (ISA07 when we answer) */
      isaQualifier: string;
      /** @description the distributor's ISA06 (ISA08 when we answer); unique among partners */
      isaId: string;
      /** @description the vendor's ISA qualifier in this partnership */
      ourIsaQualifier: string;
      /** @description the vendor's ISA id in this partnership */
      ourIsaId: string;
      /** @description the distributor's GS02 application code (its ISA id when absent) */
      gsId?: string;
      /** @description the vendor's GS03 application code (its ISA id when absent) */
      ourGsId?: string;
      /**
       * @description written in ISA12 and GS08
       * @default 004010
       * @enum {string}
       */
      version?: '004010' | '005010';
      /**
       * @description ISA15: P production, T test
       * @default P
       * @enum {string}
       */
      usage?: 'P' | 'T';
      /** @description REF01 qualifiers; `authorization` names the REF carrying the ship & debit number */
      refs?: {
        invoice?: string[];
        authorization?: string[];
        debitMemo?: string[];
        customerPo?: string[];
      };
      /** @description LIN/PO1 product-id qualifiers */
      productIds?: {
        vendorPart?: string[];
        distributorPart?: string[];
        upc?: string[];
      };
      /** @description UIT03 / PO105 basis-of-price qualifiers */
      prices?: {
        resalePrice?: string[];
        bookCost?: string[];
        authorizedCost?: string[];
      };
      /** @description the partner's own 849 reason codes where it does not use BEC's (docs/edi.md) */
      reasonCodes?: {
        AUTH_NOT_FOUND?: string;
        AUTH_EXPIRED?: string;
        AUTH_NOT_FOR_DISTRIBUTOR?: string;
        PART_MISMATCH?: string;
        END_CUSTOMER_MISMATCH?: string;
        QTY_EXCEEDS_APPROVED?: string;
        PRICE_ABOVE_AUTHORIZED?: string;
        AMOUNT_OVER_CLAIMED?: string;
        DUPLICATE_LINE?: string;
        ALREADY_CLAIMED?: string;
        MISSING_REQUIRED_FIELD?: string;
        NO_POS_MATCH?: string;
        ADJUSTED_MANUALLY?: string;
        AUTH_CANCELLED?: string;
        FILING_WINDOW_CLOSED?: string;
        AUTH_CLOSED_LOST?: string;
      };
      /**
       * Format: email
       * @description where every 997, TA1, 849 and 845 written to the partner is e-mailed (with SMTP_URL); absent: not by e-mail
       */
      outboundEmail?: string | null;
      /** @description an 845 of the authorization changes since the last one every this many minutes; absent: only when asked */
      notice845Minutes?: number | null;
    };
    /** @description the 845 written (download its content); null when nothing changed */
    EdiDocument: {
      id: number;
      distributorId: number;
      /** @description 997: the acknowledgment of a received interchange; TA1: its interchange acknowledgment; 849: the answer to an 844 claim; 845: authorization changes */
      kind: string;
      /** @description the import (POS report or claim file) whose file it answers */
      importId: number | null;
      /** @description the ISA13 of the interchange it answers */
      receivedControl: string | null;
      /** @description its own ISA13 */
      interchangeControl: number;
      /** @description an 845: the authorization changes up to this moment are in it */
      coveredUntil: string | null;
      /**
       * @description pending: waits for the outbound folder / e-mail; delivered; null: no route was set when written
       * @enum {string|null}
       */
      delivery: 'pending' | 'delivered' | null;
      deliveredAt: string | null;
      createdAt: string;
    } | null;
    EdiAuthorizationNotices: {
      document: components['schemas']['EdiDocument'];
      changes: {
        new: number;
        amended: number;
        expired: number;
      };
      from: string | null;
      to: string;
    };
    EdiAuthorizationNoticesInput: {
      /**
       * Format: date-time
       * @description the changes after this moment (ISO 8601); default: after the partner's last 845 (all, for its first)
       */
      since?: string;
    };
    EndCustomerReview: {
      id: number;
      distributorId: number;
      /** @description the end customer name as the distributor first sent it */
      spelling: string;
      /** @description its matching key (case, accents, punctuation and legal forms removed) */
      nameKey: string;
      /** @enum {string} */
      status: 'open' | 'confirmed' | 'rejected';
      suggestedEndCustomerId: number | null;
      suggestedEndCustomerName: string | null;
      /** @description the suggestion's similarity, 0 to 1 (0: no candidate worth showing) */
      confidence: number;
      importId: number | null;
      /** @description confirmed: the end customer chosen */
      endCustomerId: number | null;
      decidedByUserId: number | null;
      decidedAt: string | null;
      createdAt: string;
    };
    EndCustomerAlias: {
      id: number;
      distributorId: number;
      spelling: string;
      aliasKey: string;
      endCustomerId: number;
      confirmedByUserId: number;
      createdAt: string;
    };
    UnknownPart: {
      distributorId: number;
      /** @description as sent: neither a vendor part number nor one of the distributor part numbers */
      partNumber: string;
      lines: number;
      /** @description the first 20 lines (import, file row) */
      rows: {
        importId: number;
        fileRow: number;
      }[];
    };
    Document: {
      id: number;
      /** @enum {string} */
      ownerType: 'program' | 'request' | 'claim' | 'claim_line';
      ownerId: number;
      distributorId: number | null;
      fileName: string;
      /** @description read from the bytes: application/pdf, image/png, image/jpeg or text/csv */
      contentType: string;
      sizeBytes: number;
      sha256: string;
      uploadedByUserId: number;
      createdAt: string;
    };
    SalesforceAccountSuggestion: {
      account: {
        id: number;
        type: string;
        name: string;
      };
      crmAccount: {
        sfId: string;
        name: string;
        externalId: string | null;
      };
    };
    SalesforceAccountLink: {
      accountId: number;
      sfId: string;
      /** @enum {string} */
      status: 'confirmed' | 'rejected';
    };
    SalesforceAccountLinkInput: {
      accountId: number;
      sfId: string;
      /** @enum {string} */
      decision: 'confirm' | 'reject';
    };
    SalesforceSyncRun: {
      id: number;
      trigger: string;
      /**
       * @description stopped: the reserve of an org limit (/limits) was reached; the next run resumes where this one stopped
       * @enum {string}
       */
      status: 'running' | 'succeeded' | 'failed' | 'stopped';
      startedAt: string;
      finishedAt: string | null;
      /** @description per object: fetched, created, updated, unchanged, deleted, pages, retries, bulkJobs (Account: namedById); writeback: written, unchanged, failed, permanent, held, calls; limits: apiCalls, bulkJobs, limitsReads and what /limits reported (DailyApiRequestsRemaining, DailyApiRequestsMax, DailyBulkV2QueryJobsRemaining, DailyBulkV2QueryJobsMax) */
      counts: {
        [key: string]: {
          [key: string]: number;
        };
      };
      errors: {
        object: string | null;
        code: string;
        message: string;
      }[];
    };
    SalesforceWritebackFailure: {
      id: number;
      requestId: number;
      object: string;
      sfId: string;
      /** @description Salesforce's error code, e.g. FIELD_CUSTOM_VALIDATION_EXCEPTION */
      errorCode: string;
      message: string;
      /** @description not retried until the values to write change or an admin retries it */
      permanent: boolean;
      /** @description the field values the write tried */
      values: {
        [key: string]: string | null;
      };
      failedAt: string | null;
      lastWrittenAt: string | null;
    };
    ApprovalContext: {
      request: {
        id: number;
        number: string;
        status: string;
        programId: number;
        programCode: string;
        priceFloor: string | null;
        distributor: {
          id: number;
          name: string;
        };
        endCustomer: {
          id: number;
          name: string;
        };
        opportunityRef: string | null;
        dealRegistrationRef: string | null;
        authorizationId: number | null;
        authorizationNumber: string | null;
        /** @description the close date of the lost opportunity that stopped the request's authorization for later sales */
        authorizationClosedLostOn: string | null;
        validFrom: string;
        validTo: string;
        createdAt: string;
        lines: {
          id: number;
          productId: number;
          vendorPartNumber: string;
          quantity: number;
          requestedCost: string;
          counterCost: string | null;
          /** @description the vendor's book cost on record today (UTC) for the request's distributor and this product, null if none (as the request API's lines carry it): what the flags PRICE_AT_OR_ABOVE_BOOK_COST and COUNTER_AT_OR_ABOVE_BOOK_COST compare against */
          bookCost: string | null;
        }[];
      };
      crm: {
        /**
         * @description request: the Ids on the request; matched: through accounts linked by Salesforce Id or external id; suggested: a name was involved (never written back); null: none found
         * @enum {string|null}
         */
        linkedBy: 'request' | 'matched' | 'suggested' | null;
        confident: boolean;
        opportunity: {
          sfId: string;
          name: string;
          accountSfId: string | null;
          accountName: string | null;
          stageName: string;
          isClosed: boolean;
          isWon: boolean;
          amount: string | null;
          /** @description the record's CurrencyIsoCode */
          currency: string | null;
          closeDate: string | null;
          systemModstamp: string;
          isDeleted: boolean;
        } | null;
        dealRegistration: {
          sfId: string;
          name: string;
          endCustomerSfId: string | null;
          endCustomerName: string | null;
          distributorName: string | null;
          opportunitySfId: string | null;
          status: string | null;
          productCodes: string | null;
          expiresOn: string | null;
          systemModstamp: string;
          isDeleted: boolean;
        } | null;
        /** @description other candidates the approver could pick (Ids only) */
        alternatives: {
          opportunities: string[];
          dealRegistrations: string[];
        };
        /** @description the end customer's won opportunities */
        designWins: {
          sfId: string;
          name: string;
          stageName: string;
          amount: string | null;
          currency: string | null;
          closeDate: string | null;
        }[];
        lastSyncAt: string | null;
      };
      priceHistory: {
        productId: number;
        vendorPartNumber: string;
        authorizations: {
          authorizationNumber: string;
          version: number;
          status: string;
          distributorId: number;
          authorizedCost: string;
          approvedQuantity: number;
          consumedQuantity: number;
          validFrom: string;
          validTo: string;
        }[];
        claimLines: {
          claimId: number;
          distributorId: number;
          invoiceDate: string;
          quantity: number;
          authorizedCost: string | null;
          resalePrice: string | null;
          verdict: string;
        }[];
      }[];
      flags: {
        /**
         * @description NO_REGISTERED_DEAL and CLOSED_LOST_OPPORTUNITY from the CRM; PRICE_BELOW_FLOOR: a line's cost (its counter-offer's if any) is below the program floor; PRICE_AT_OR_ABOVE_BOOK_COST and COUNTER_AT_OR_ABOVE_BOOK_COST: a line's requested or counter-offer cost is at or above its bookCost, so an authorization at that cost recovers nothing (core/requests/line-flags.ts, the same flags as the request API's lines). A flag informs the approver, it never refuses
         * @enum {string}
         */
        code:
          | 'NO_REGISTERED_DEAL'
          | 'PRICE_BELOW_FLOOR'
          | 'CLOSED_LOST_OPPORTUNITY'
          | 'PRICE_AT_OR_ABOVE_BOOK_COST'
          | 'COUNTER_AT_OR_ABOVE_BOOK_COST';
        message: string;
        /** @description the request line the flag is about (the price flags) */
        lineId?: number;
      }[];
    };
    CrmLinkInput: {
      /** @default null */
      opportunityId?: string | null;
      /** @default null */
      dealRegistrationId?: string | null;
    };
    Aging: {
      asOf: string;
      /** @description age in whole days from the submission (claims) or the request day, inclusive; toDays null = no upper bound */
      buckets: {
        /** @enum {string} */
        key: '0-7' | '8-30' | '31-60' | 'over-60';
        fromDays: number;
        toDays: number | null;
      }[];
      claims: {
        /** @description claims submitted and not paid as of asOf; amount = approved total, one row per distributor and currency */
        byDistributor: {
          distributorId: number;
          distributorName: string;
          /**
           * @description ISO 4217 code, upper case
           * @example EUR
           */
          currency: string;
          /** @description every bucket, in the order of `buckets` */
          buckets: {
            /** @enum {string} */
            bucket: '0-7' | '8-30' | '31-60' | 'over-60';
            count: number;
            /**
             * @description exact decimal, 4 places
             * @example 1184.6700
             */
            amount: string;
          }[];
        }[];
        /** @description per currency, never across */
        totals: {
          /**
           * @description ISO 4217 code, upper case
           * @example EUR
           */
          currency: string;
          buckets: {
            /** @enum {string} */
            bucket: '0-7' | '8-30' | '31-60' | 'over-60';
            count: number;
            /**
             * @description exact decimal, 4 places
             * @example 1184.6700
             */
            amount: string;
          }[];
        }[];
      };
      requests: {
        /** @description requests pending as of asOf; amount = quantity x requested cost, in the distributor currency, one row per distributor and currency */
        byDistributor: {
          distributorId: number;
          distributorName: string;
          /**
           * @description ISO 4217 code, upper case
           * @example EUR
           */
          currency: string;
          /** @description every bucket, in the order of `buckets` */
          buckets: {
            /** @enum {string} */
            bucket: '0-7' | '8-30' | '31-60' | 'over-60';
            count: number;
            /**
             * @description exact decimal, 4 places
             * @example 1184.6700
             */
            amount: string;
          }[];
        }[];
        /** @description per currency, never across */
        totals: {
          /**
           * @description ISO 4217 code, upper case
           * @example EUR
           */
          currency: string;
          buckets: {
            /** @enum {string} */
            bucket: '0-7' | '8-30' | '31-60' | 'over-60';
            count: number;
            /**
             * @description exact decimal, 4 places
             * @example 1184.6700
             */
            amount: string;
          }[];
        }[];
      };
    };
    Accruals: {
      asOf: string;
      /** @description one row per claim currency that has submitted, authorized or paid claims, ordered by currency; amounts of two currencies are never added */
      byCurrency: {
        /**
         * @description ISO 4217 code, upper case
         * @example EUR
         */
        currency: string;
        /**
         * @description approved (authorized) and not yet paid
         * @example 1184.6700
         */
        openLiability: string;
        /**
         * @description approved by validation, awaiting finance
         * @example 1184.6700
         */
        inReview: string;
        /**
         * @description exact decimal, 4 places
         * @example 1184.6700
         */
        paid: string;
      }[];
      /**
       * @description approved quantity not yet claimed x credit per unit, of the distributors in exposureCurrency (others: exposureByCurrency)
       * @example 1184.6700
       */
      exposure: string;
      /**
       * @description the vendor's book currency (BASE_CURRENCY)
       * @example EUR
       */
      exposureCurrency: string;
      /** @description exposure per distributor currency, ordered by currency; two currencies' are never added */
      exposureByCurrency: {
        /**
         * @description ISO 4217 code, upper case
         * @example EUR
         */
        currency: string;
        /**
         * @description exact decimal, 4 places
         * @example 1184.6700
         */
        exposure: string;
      }[];
      /** @description exposure in the base currency at the exchange rates of /api/fx-rates (docs/analytics.md) */
      exposureInBase?: {
        /**
         * @description the base currency
         * @example EUR
         */
        currency: string;
        /** @description the day each currency converts as of (asOf) */
        asOf: string;
        /**
         * @description every currency's exposure converted and added; null when a currency has no rate
         * @example 1184.6700
         */
        total: string | null;
        byCurrency: {
          /**
           * @description ISO 4217 code, upper case
           * @example EUR
           */
          currency: string;
          /**
           * @description exact decimal, 4 places
           * @example 1184.6700
           */
          amount: string;
          /** @description the rate used (1 for the base currency); null: no rate */
          rate: string | null;
          /** @description the rate's effective day, the latest on or before asOf */
          rateDate: string | null;
          /**
           * @description exact decimal, 4 places
           * @example 1184.6700
           */
          inBase: string | null;
          /** @description why inBase is null */
          missingRate: string | null;
        }[];
      };
      byDistributor: {
        distributorId: number;
        distributorName: string;
        openQuantity: number;
        /**
         * @description exact decimal, 4 places
         * @example 1184.6700
         */
        exposure: string;
        /**
         * @description the distributor's currency: its authorizations and book costs are in it
         * @example EUR
         */
        currency: string;
      }[];
      /** @description rebates accrued so far in the periods running on asOf, over the sales invoiced by then (items, byCurrency); and the periods closed but not yet paid by then (unpaidPeriods, unpaidByCurrency); the periods over and not yet closed are GET /api/rebates/periods/to-close */
      rebates: {
        items: {
          programId: number;
          code: string;
          name: string;
          kind: string;
          distributorId: number;
          distributorName: string;
          /**
           * @description ISO 4217 code, upper case
           * @example EUR
           */
          currency: string;
          period: {
            from: string;
            to: string;
          };
          /** @description units, or revenue as an exact decimal, so far */
          measure: string;
          qualified: boolean;
          /** @description the rebate so far, rounded to the currency's minor unit */
          rebate: string;
        }[];
        /** @description per currency, never across */
        byCurrency: {
          /**
           * @description ISO 4217 code, upper case
           * @example EUR
           */
          currency: string;
          /**
           * @description exact decimal, 4 places
           * @example 1184.6700
           */
          accrued: string;
        }[];
        /** @description rebate periods closed and not yet paid at the end of asOf: owed, accrued in the journal */
        unpaidPeriods: {
          periodId: number;
          programId: number;
          code: string;
          name: string;
          distributorId: number;
          distributorName: string;
          /**
           * @description ISO 4217 code, upper case
           * @example EUR
           */
          currency: string;
          period: {
            from: string;
            to: string;
          };
          /**
           * @description where the period stood at the end of asOf
           * @enum {string}
           */
          status: 'closed' | 'authorized';
          /**
           * @description what the finance journal had accrued for it by the end of asOf
           * @example 1184.6700
           */
          amount: string;
        }[];
        /** @description unpaidPeriods totalled per currency, never across */
        unpaidByCurrency: {
          /**
           * @description ISO 4217 code, upper case
           * @example EUR
           */
          currency: string;
          /**
           * @description exact decimal, 4 places
           * @example 1184.6700
           */
          unpaid: string;
        }[];
      };
    };
    AccrualForecast: {
      asOf: string;
      /** @description the Monday the forecast starts on: the one after asOf */
      firstWeek: string;
      weeks: number;
      items: {
        distributorId: number;
        distributorName: string;
        /**
         * @description the distributor's currency
         * @example EUR
         */
        currency: string;
        curve: {
          /** @description share of approved quantity claimed by the end of each week since approval (index 0 = the approval week) */
          cumulative: number[];
          /** @description how many authorization lines taught each week */
          support: number[];
        };
        /** @description authorization lines in its history */
        learnedFrom: number;
        /** @description approved and not yet claimed on live authorizations */
        openQuantity: number;
        weeks: {
          weekStart: string;
          /** @description units expected (an estimate, 2 places) */
          quantity: number;
          /**
           * @description the credit those units carry, exact
           * @example 1184.6700
           */
          amount: string;
        }[];
        totalQuantity: number;
        /**
         * @description exact decimal, 4 places
         * @example 1184.6700
         */
        totalAmount: string;
      }[];
    };
    ClaimFigures: {
      groupBy: string;
      /**
       * @description the currency filter, when one was given
       * @example EUR
       */
      currency?: string;
      /** @description the currencies of the items, sorted */
      currencies: string[];
      /** @description one row per group and currency, ordered by key then currency */
      items: {
        key: string;
        /**
         * @description ISO 4217 code, upper case
         * @example EUR
         */
        currency: string;
        claims: number;
        /**
         * @description exact decimal, 4 places
         * @example 1184.6700
         */
        claimed: string;
        /**
         * @description exact decimal, 4 places
         * @example 1184.6700
         */
        approved: string;
        /**
         * @description exact decimal, 4 places
         * @example 1184.6700
         */
        paid: string;
      }[];
    };
    AnalyticsReport: {
      /** @enum {string} */
      report:
        'by-distributor' | 'by-program' | 'by-program-type' | 'by-product' | 'by-month' | 'margin-trend' | 'program-roi' | 'utilization';
      title: string;
      from: string;
      to: string;
      /** @description the vendor's book currency (BASE_CURRENCY) */
      baseCurrency: string;
      dimensions: {
        key: string;
        label: string;
      }[];
      measures: {
        key: string;
        label: string;
        /**
         * @description money and price: exact 4-decimal strings, converted to the base currency; quantity: a whole number; ratio: a 4-decimal fraction, null when its denominator is 0
         * @enum {string}
         */
        kind: 'money' | 'price' | 'quantity' | 'ratio';
      }[];
      rows: {
        /** @description the value of each dimension */
        keys: {
          [key: string]: string;
        };
        /** @description the row's currency: figures of two currencies are never added */
        currency: string;
        /** @description each measure in the row currency */
        values: {
          [key: string]: string | number | null;
        };
        /** @description the day the row converts as of: its month's last day (not after to), else to */
        figureDate: string;
        base: {
          currency: string;
          /** @description 1 row currency = rate base currency (exact decimal); 1 for the base currency itself */
          rate: string;
          /** @description the rate's effective day: the latest on or before figureDate; null for the base currency */
          rateDate: string | null;
          /** @description each money and price measure converted, rounded half-up to 4 decimals */
          values: {
            [key: string]: string | null;
          };
        } | null;
        /** @description why base is null: no rate of the pair on or before figureDate */
        missingRate: string | null;
      }[];
    };
    ShipmentLoad: {
      rows: number;
      /** @description created + unchanged */
      stored: number;
      created: number;
      /** @description lines already stored with the same values */
      unchanged: number;
      errors: {
        /** @description the line's 1-based position in `lines`, or the CSV row (the header is row 1) */
        row: number;
        /** @description the CSV line the row starts on */
        line: number | null;
        field: string | null;
        message: string;
      }[];
    };
    ShipmentLine: {
      /** @description the distributor shipped to: its BEC account id or its name */
      distributor: string | number;
      /** @description the vendor's invoice or delivery number */
      documentNumber: string;
      lineNumber: string | number;
      /**
       * Format: date
       * @example 2026-11-23
       */
      shipDate: string;
      vendorPartNumber: string;
      /** @description units; negative for a return */
      quantity: number;
      /** @description the line's invoiced value, in the distributor's currency */
      amount: string;
      /**
       * @description ISO 4217 code; stored upper case (usd is USD)
       * @example USD
       * @enum {string}
       */
      currency:
        | 'AED'
        | 'AFN'
        | 'ALL'
        | 'AMD'
        | 'ANG'
        | 'AOA'
        | 'ARS'
        | 'AUD'
        | 'AWG'
        | 'AZN'
        | 'BAM'
        | 'BBD'
        | 'BDT'
        | 'BGN'
        | 'BHD'
        | 'BIF'
        | 'BMD'
        | 'BND'
        | 'BOB'
        | 'BOV'
        | 'BRL'
        | 'BSD'
        | 'BTN'
        | 'BWP'
        | 'BYN'
        | 'BZD'
        | 'CAD'
        | 'CDF'
        | 'CHE'
        | 'CHF'
        | 'CHW'
        | 'CLF'
        | 'CLP'
        | 'CNY'
        | 'COP'
        | 'COU'
        | 'CRC'
        | 'CUC'
        | 'CUP'
        | 'CVE'
        | 'CZK'
        | 'DJF'
        | 'DKK'
        | 'DOP'
        | 'DZD'
        | 'EGP'
        | 'ERN'
        | 'ETB'
        | 'EUR'
        | 'FJD'
        | 'FKP'
        | 'GBP'
        | 'GEL'
        | 'GHS'
        | 'GIP'
        | 'GMD'
        | 'GNF'
        | 'GTQ'
        | 'GYD'
        | 'HKD'
        | 'HNL'
        | 'HTG'
        | 'HUF'
        | 'IDR'
        | 'ILS'
        | 'INR'
        | 'IQD'
        | 'IRR'
        | 'ISK'
        | 'JMD'
        | 'JOD'
        | 'JPY'
        | 'KES'
        | 'KGS'
        | 'KHR'
        | 'KMF'
        | 'KPW'
        | 'KRW'
        | 'KWD'
        | 'KYD'
        | 'KZT'
        | 'LAK'
        | 'LBP'
        | 'LKR'
        | 'LRD'
        | 'LSL'
        | 'LYD'
        | 'MAD'
        | 'MDL'
        | 'MGA'
        | 'MKD'
        | 'MMK'
        | 'MNT'
        | 'MOP'
        | 'MRU'
        | 'MUR'
        | 'MVR'
        | 'MWK'
        | 'MXN'
        | 'MXV'
        | 'MYR'
        | 'MZN'
        | 'NAD'
        | 'NGN'
        | 'NIO'
        | 'NOK'
        | 'NPR'
        | 'NZD'
        | 'OMR'
        | 'PAB'
        | 'PEN'
        | 'PGK'
        | 'PHP'
        | 'PKR'
        | 'PLN'
        | 'PYG'
        | 'QAR'
        | 'RON'
        | 'RSD'
        | 'RUB'
        | 'RWF'
        | 'SAR'
        | 'SBD'
        | 'SCR'
        | 'SDG'
        | 'SEK'
        | 'SGD'
        | 'SHP'
        | 'SLE'
        | 'SLL'
        | 'SOS'
        | 'SRD'
        | 'SSP'
        | 'STN'
        | 'SVC'
        | 'SYP'
        | 'SZL'
        | 'THB'
        | 'TJS'
        | 'TMT'
        | 'TND'
        | 'TOP'
        | 'TRY'
        | 'TTD'
        | 'TWD'
        | 'TZS'
        | 'UAH'
        | 'UGX'
        | 'USD'
        | 'USN'
        | 'UYI'
        | 'UYU'
        | 'UYW'
        | 'UZS'
        | 'VED'
        | 'VES'
        | 'VND'
        | 'VUV'
        | 'WST'
        | 'XAF'
        | 'XCD'
        | 'XCG'
        | 'XOF'
        | 'XPF'
        | 'YER'
        | 'ZAR'
        | 'ZMW'
        | 'ZWG'
        | 'ZWL';
    };
    Notification: {
      id: number;
      /** @enum {string} */
      event:
        | 'request.decided'
        | 'request.escalated'
        | 'authorization.changed'
        | 'claim.submitted'
        | 'claim.authorized'
        | 'credit_memo.issued'
        | 'credit_memo.posted'
        | 'import.finished';
      entityType: string;
      entityId: string;
      distributorId: number | null;
      title: string;
      body: string;
      read: boolean;
      readAt: string | null;
      createdAt: string;
    };
    NotificationPreference: {
      /** @enum {string} */
      event:
        | 'request.decided'
        | 'request.escalated'
        | 'authorization.changed'
        | 'claim.submitted'
        | 'claim.authorized'
        | 'credit_memo.issued'
        | 'credit_memo.posted'
        | 'import.finished';
      /** @description shown in the inbox */
      inApp: boolean;
      /**
       * @description an e-mail at once, a line in the daily digest, or none
       * @enum {string}
       */
      email: 'off' | 'instant' | 'digest';
    };
    WebhookEndpointWithSecret: {
      id: number;
      url: string;
      description: string | null;
      events: (
        | 'request.decided'
        | 'request.escalated'
        | 'authorization.changed'
        | 'claim.submitted'
        | 'claim.authorized'
        | 'credit_memo.issued'
        | 'credit_memo.posted'
        | 'import.finished'
      )[];
      active: boolean;
      createdByUserId: number;
      createdAt: string;
      secret: string;
    };
    WebhookEndpoint: {
      id: number;
      url: string;
      description: string | null;
      events: (
        | 'request.decided'
        | 'request.escalated'
        | 'authorization.changed'
        | 'claim.submitted'
        | 'claim.authorized'
        | 'credit_memo.issued'
        | 'credit_memo.posted'
        | 'import.finished'
      )[];
      active: boolean;
      createdByUserId: number;
      createdAt: string;
    };
    WebhookDelivery: {
      id: number;
      endpointId: number;
      /** @enum {string} */
      event:
        | 'request.decided'
        | 'request.escalated'
        | 'authorization.changed'
        | 'claim.submitted'
        | 'claim.authorized'
        | 'credit_memo.issued'
        | 'credit_memo.posted'
        | 'import.finished';
      eventId: string;
      /** @enum {string} */
      status: 'pending' | 'succeeded' | 'failed';
      attempts: number;
      lastStatusCode: number | null;
      lastError: string | null;
      deliveredAt: string | null;
      replayOfId: number | null;
      createdAt: string;
      payload?: unknown;
      log: {
        attempt: number;
        attemptedAt: string;
        statusCode: number | null;
        error: string | null;
        durationMs: number;
      }[];
    };
    Program: {
      id: number;
      code: string;
      name: string;
      /** @enum {string} */
      type: 'ship_and_debit' | 'spa' | 'dpa' | 'promotion' | 'rebate';
      /** @enum {string} */
      status: 'active' | 'inactive';
      /** @description the version in force */
      version: number;
      startDate: string;
      endDate: string;
      productIds: number[];
      productFamilies: string[];
      distributorIds: number[];
      endCustomerIds: number[];
      endCustomerCountries: string[];
      quantityCap: number | null;
      priceFloor: string | null;
      requiredClaimFields: string[];
      claimFilingWindowDays: number | null;
    };
    ProgramVersion: {
      version: number;
      /** @description the instant this version took effect (ISO 8601) */
      effectiveFrom: string;
      /** @description the next version's effectiveFrom; null for the version in force */
      effectiveTo: string | null;
      changedByUserId: number;
      program: components['schemas']['Program'] & unknown;
    };
    ProgramInput: {
      /**
       * @description upper-case letters, digits, - and _
       * @example SD-EMEA-27
       */
      code: string;
      /** @enum {string} */
      type: 'ship_and_debit' | 'spa' | 'dpa' | 'promotion' | 'rebate';
      name: string;
      /**
       * @default active
       * @enum {string}
       */
      status?: 'active' | 'inactive';
      /**
       * Format: date
       * @example 2026-11-23
       */
      startDate: string;
      /**
       * Format: date
       * @example 2026-11-23
       */
      endDate: string;
      /**
       * @description eligible products (beside productFamilies; both empty = every product); empty = all
       * @default []
       */
      productIds?: number[];
      /**
       * @description eligible product families (products.family), beside productIds
       * @default []
       * @example [
       *       "MCU"
       *     ]
       */
      productFamilies?: string[];
      /**
       * @description eligible distributors; empty = all
       * @default []
       */
      distributorIds?: number[];
      /**
       * @description eligible end customers; empty = all
       * @default []
       */
      endCustomerIds?: number[];
      /**
       * @description the region: ISO 3166 countries the end customer must be in; empty = anywhere
       * @default []
       * @example [
       *       "DE",
       *       "FR"
       *     ]
       */
      endCustomerCountries?: string[];
      /**
       * @description maximum quantity per request line (so per authorization line), above zero; null = none
       * @default null
       */
      quantityCap?: number | null;
      /**
       * @description lowest authorized cost a request (or a counter-offer) may set, a decimal string; null = none
       * @default null
       * @example 0.1500
       */
      priceFloor?: string | null;
      /**
       * @description claim fields every claim line must carry (a line field or an extra field name)
       * @default []
       * @example [
       *       "resellerPoNumber"
       *     ]
       */
      requiredClaimFields?: string[];
      /**
       * @description days after the invoice date a claim line may be submitted (1 to 3650); null = no deadline
       * @default null
       */
      claimFilingWindowDays?: number | null;
    };
    ProgramPatch: {
      name?: string;
      /** @enum {string} */
      status?: 'active' | 'inactive';
      /**
       * Format: date
       * @example 2026-11-23
       */
      startDate?: string;
      /**
       * Format: date
       * @example 2026-11-23
       */
      endDate?: string;
      /** @description eligible products (beside productFamilies; both empty = every product); empty = all */
      productIds?: number[];
      /**
       * @description eligible product families (products.family), beside productIds
       * @example [
       *       "MCU"
       *     ]
       */
      productFamilies?: string[];
      /** @description eligible distributors; empty = all */
      distributorIds?: number[];
      /** @description eligible end customers; empty = all */
      endCustomerIds?: number[];
      /**
       * @description the region: ISO 3166 countries the end customer must be in; empty = anywhere
       * @example [
       *       "DE",
       *       "FR"
       *     ]
       */
      endCustomerCountries?: string[];
      /** @description maximum quantity per request line (so per authorization line), above zero; null = none */
      quantityCap?: number | null;
      /**
       * @description lowest authorized cost a request (or a counter-offer) may set, a decimal string; null = none
       * @example 0.1500
       */
      priceFloor?: string | null;
      /**
       * @description claim fields every claim line must carry (a line field or an extra field name)
       * @example [
       *       "resellerPoNumber"
       *     ]
       */
      requiredClaimFields?: string[];
      /** @description days after the invoice date a claim line may be submitted (1 to 3650); null = no deadline */
      claimFilingWindowDays?: number | null;
    };
    /** @description a rebate's terms: volume, tiered, growth, mix, conditional (docs/rebates.md) */
    RebateTerms:
      | {
          /** @enum {string} */
          kind: 'volume';
          /**
           * @description units sold, or revenue (quantity x resale price)
           * @enum {string}
           */
          measure: 'quantity' | 'revenue';
          /**
           * @description sell_through (default): the distributor's POS lines; sell_in: the vendor's shipments to the distributor (POST /api/shipments), their invoiced value as revenue
           * @enum {string}
           */
          basis?: 'sell_through' | 'sell_in';
          /** @description products covered (beside families; none = every product) */
          productIds?: number[];
          families?: string[];
          exclusions?: {
            productIds?: number[];
            families?: string[];
            endCustomerIds?: number[];
          };
          /**
           * @description the most paid to one distributor for one period
           * @example 12.5000
           */
          cap?: string;
          /**
           * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
           * @example 12.5000
           */
          threshold?: string;
          rate:
            | {
                /** @enum {string} */
                kind: 'percent';
                /**
                 * @description percent of revenue: "2.5" is 2.5 %
                 * @example 12.5000
                 */
                value: string;
              }
            | {
                /** @enum {string} */
                kind: 'per_unit';
                /**
                 * @description an amount per unit
                 * @example 12.5000
                 */
                value: string;
              };
        }
      | {
          /** @enum {string} */
          kind: 'tiered';
          /**
           * @description units sold, or revenue (quantity x resale price)
           * @enum {string}
           */
          measure: 'quantity' | 'revenue';
          /**
           * @description sell_through (default): the distributor's POS lines; sell_in: the vendor's shipments to the distributor (POST /api/shipments), their invoiced value as revenue
           * @enum {string}
           */
          basis?: 'sell_through' | 'sell_in';
          /** @description products covered (beside families; none = every product) */
          productIds?: number[];
          families?: string[];
          exclusions?: {
            productIds?: number[];
            families?: string[];
            endCustomerIds?: number[];
          };
          /**
           * @description the most paid to one distributor for one period
           * @example 12.5000
           */
          cap?: string;
          /** @enum {string} */
          mode: 'retroactive' | 'incremental';
          tiers: {
            /**
             * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
             * @example 12.5000
             */
            from: string;
            rate:
              | {
                  /** @enum {string} */
                  kind: 'percent';
                  /**
                   * @description percent of revenue: "2.5" is 2.5 %
                   * @example 12.5000
                   */
                  value: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'per_unit';
                  /**
                   * @description an amount per unit
                   * @example 12.5000
                   */
                  value: string;
                };
          }[];
        }
      | {
          /** @enum {string} */
          kind: 'growth';
          /**
           * @description units sold, or revenue (quantity x resale price)
           * @enum {string}
           */
          measure: 'quantity' | 'revenue';
          /**
           * @description sell_through (default): the distributor's POS lines; sell_in: the vendor's shipments to the distributor (POST /api/shipments), their invoiced value as revenue
           * @enum {string}
           */
          basis?: 'sell_through' | 'sell_in';
          /** @description products covered (beside families; none = every product) */
          productIds?: number[];
          families?: string[];
          exclusions?: {
            productIds?: number[];
            families?: string[];
            endCustomerIds?: number[];
          };
          /**
           * @description the most paid to one distributor for one period
           * @example 12.5000
           */
          cap?: string;
          rate:
            | {
                /** @enum {string} */
                kind: 'percent';
                /**
                 * @description percent of revenue: "2.5" is 2.5 %
                 * @example 12.5000
                 */
                value: string;
              }
            | {
                /** @enum {string} */
                kind: 'per_unit';
                /**
                 * @description an amount per unit
                 * @example 12.5000
                 */
                value: string;
              };
          /**
           * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
           * @example 12.5000
           */
          minGrowthPercent?: string;
        }
      | {
          /** @enum {string} */
          kind: 'mix';
          /**
           * @description units sold, or revenue (quantity x resale price)
           * @enum {string}
           */
          measure: 'quantity' | 'revenue';
          /**
           * @description sell_through (default): the distributor's POS lines; sell_in: the vendor's shipments to the distributor (POST /api/shipments), their invoiced value as revenue
           * @enum {string}
           */
          basis?: 'sell_through' | 'sell_in';
          /** @description products covered (beside families; none = every product) */
          productIds?: number[];
          families?: string[];
          exclusions?: {
            productIds?: number[];
            families?: string[];
            endCustomerIds?: number[];
          };
          /**
           * @description the most paid to one distributor for one period
           * @example 12.5000
           */
          cap?: string;
          family: string;
          /**
           * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
           * @example 12.5000
           */
          minSharePercent: string;
          rate:
            | {
                /** @enum {string} */
                kind: 'percent';
                /**
                 * @description percent of revenue: "2.5" is 2.5 %
                 * @example 12.5000
                 */
                value: string;
              }
            | {
                /** @enum {string} */
                kind: 'per_unit';
                /**
                 * @description an amount per unit
                 * @example 12.5000
                 */
                value: string;
              };
        }
      | {
          /** @enum {string} */
          kind: 'conditional';
          /**
           * @description units sold, or revenue (quantity x resale price)
           * @enum {string}
           */
          measure: 'quantity' | 'revenue';
          /**
           * @description sell_through (default): the distributor's POS lines; sell_in: the vendor's shipments to the distributor (POST /api/shipments), their invoiced value as revenue
           * @enum {string}
           */
          basis?: 'sell_through' | 'sell_in';
          /** @description products covered (beside families; none = every product) */
          productIds?: number[];
          families?: string[];
          exclusions?: {
            productIds?: number[];
            families?: string[];
            endCustomerIds?: number[];
          };
          /**
           * @description the most paid to one distributor for one period
           * @example 12.5000
           */
          cap?: string;
          conditions: (
            | {
                /** @enum {string} */
                kind: 'min_product';
                productIds?: number[];
                families?: string[];
                minQuantity: number;
              }
            | {
                /** @enum {string} */
                kind: 'new_end_customers';
                target: number;
              }
          )[];
          rate:
            | {
                /** @enum {string} */
                kind: 'percent';
                /**
                 * @description percent of revenue: "2.5" is 2.5 %
                 * @example 12.5000
                 */
                value: string;
              }
            | {
                /** @enum {string} */
                kind: 'per_unit';
                /**
                 * @description an amount per unit
                 * @example 12.5000
                 */
                value: string;
              };
        };
    RebateProgram: {
      /** @description the program's id (GET /api/programs/{id}) */
      id: number;
      code: string;
      name: string;
      /** @enum {string} */
      status: 'active' | 'inactive';
      startDate: string;
      endDate: string;
      /** @description eligible distributors; empty = all */
      distributorIds: number[];
      terms: components['schemas']['RebateTerms'];
      /** @enum {string} */
      periodKind: 'month' | 'quarter' | 'year' | 'custom';
      /** @enum {string} */
      stacking: 'exclusive' | 'with_rebates' | 'with_all';
      priority: number;
    };
    RebateProgramInput: {
      terms: components['schemas']['RebateTerms'];
      /**
       * @description calendar month, quarter or year; custom = the program's own dates
       * @enum {string}
       */
      periodKind: 'month' | 'quarter' | 'year' | 'custom';
      /**
       * @description exclusive (the default of a sell-through program): counts only sales nobody else counted, and nothing counts its sales after it; with_rebates (the default of a sell-in program, and the only rules it takes with with_all): beside other stackable rebates, never a ship & debit sale; with_all: beside stackable rebates and ship & debit claims
       * @enum {string}
       */
      stacking?: 'exclusive' | 'with_rebates' | 'with_all';
      /**
       * @description lower closes first in a batch (informative)
       * @default 100
       */
      priority?: number;
    };
    RebateCalculation: {
      measure: string;
      totals: {
        quantity: number;
        revenue: string;
      };
      countedLines: number;
      qualified: boolean;
      reason: string | null;
      bands: {
        from: string;
        base: string;
        rate:
          | {
              /** @enum {string} */
              kind: 'percent';
              /**
               * @description percent of revenue: "2.5" is 2.5 %
               * @example 12.5000
               */
              value: string;
            }
          | {
              /** @enum {string} */
              kind: 'per_unit';
              /**
               * @description an amount per unit
               * @example 12.5000
               */
              value: string;
            };
        amount: string;
      }[];
      uncapped: string;
      capped: boolean;
      rebate: string;
      /** @description the next threshold and how far it is ("3,400 units to the next tier") */
      next: {
        threshold: string;
        remaining: string;
      } | null;
      baseline?: string;
      growth?: string;
      sharePercent?: string;
      /** @description sales the program covers that another owner holds (its stacking rule forbids them) */
      excludedByStacking: number;
    };
    RebateCalculationView: {
      programId: number;
      distributorId: number;
      period: {
        from: string;
        to: string;
      };
      currency: string;
      calculation: components['schemas']['RebateCalculation'];
    };
    RebatePreview: {
      programId: number;
      distributorId: number;
      period: {
        from: string;
        to: string;
      };
      currency: string;
      now: components['schemas']['RebateCalculation'];
      then: components['schemas']['RebateCalculation'];
      difference: string;
    };
    RebatePreviewInput: {
      distributorId?: number;
      /**
       * Format: date
       * @example 2026-11-23
       */
      date?: string;
      more: {
        productId: number;
        /** @description a whole number from 1 to 100000000 */
        quantity: number;
        /**
         * @description their revenue; by default quantity x the average resale price of the period
         * @example 12.5000
         */
        amount?: string;
        endCustomerId?: number;
      };
    };
    RebateProgress: {
      items: {
        programId: number;
        code: string;
        name: string;
        period: {
          from: string;
          to: string;
        };
        currency: string;
        /** @enum {string} */
        measure: 'quantity' | 'revenue';
        current: string;
        rebate: string;
        qualified: boolean;
        next: {
          threshold: string;
          remaining: string;
        } | null;
        /** @description e.g. "3400 units to the next tier" */
        message: string;
      }[];
    };
    RebatePeriod: {
      id: number;
      programId: number;
      distributorId: number;
      period: {
        from: string;
        to: string;
      };
      currency: string;
      /** @enum {string} */
      status: 'closed' | 'authorized' | 'paid';
      /** @enum {string} */
      stacking: 'exclusive' | 'with_rebates' | 'with_all';
      terms: components['schemas']['RebateTerms'];
      calculation: components['schemas']['RebateCalculation'];
      /** @description POS lines counted (their consumption is recorded) */
      lineCount: number;
      totalQuantity: number;
      totalRevenue: string;
      calculatedAmount: string;
      /** @description payable: the calculated amount, or as adjusted */
      amount: string;
      adjustmentReason: string | null;
      closedByUserId: number;
      closedAt: string;
      adjustedByUserId: number | null;
      adjustedAt: string | null;
      authorizedByUserId: number | null;
      authorizedAt: string | null;
      paidByUserId: number | null;
      paidAt: string | null;
      creditMemoNumber: string | null;
      externalRef: string | null;
    };
    RebateCloseInput: {
      programId: number;
      distributorId: number;
      /**
       * Format: date
       * @description a day in the period to close
       * @example 2026-11-23
       */
      date: string;
    };
    RebateAdjustInput: {
      /**
       * @description the amount payable, in whole minor units of the currency
       * @example 12.5000
       */
      amount: string;
      reason: string;
    };
    RebatePayInput: {
      /** @description the ERP's reference */
      externalRef?: string;
    };
    RebatePeriodsToClose: {
      asOf: string;
      /** @description each period over by asOf (ended the day before or earlier) and not closed by then, of an active rebate program, for each distributor it is for that sold in it: the rebate its calculation gives over the whole period. An estimate the finance journal does not hold until the period is closed (POST /api/rebates/periods) */
      items: {
        programId: number;
        code: string;
        name: string;
        kind: string;
        distributorId: number;
        distributorName: string;
        /**
         * @description ISO 4217 code, upper case
         * @example EUR
         */
        currency: string;
        period: {
          from: string;
          to: string;
        };
        /** @description units, or revenue as an exact decimal, so far */
        measure: string;
        qualified: boolean;
        /** @description the rebate so far, rounded to the currency's minor unit */
        rebate: string;
      }[];
      /** @description items totalled per currency, never across */
      byCurrency: {
        currency: string;
        /**
         * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
         * @example 12.5000
         */
        estimated: string;
      }[];
    };
    SpecialPriceRequestInput: {
      programId: number;
      /** @description required when a channel manager requests on behalf of a distributor */
      distributorId?: number;
      endCustomerId: number;
      /** @default null */
      resellerId?: number | null;
      /**
       * Format: date
       * @example 2026-11-23
       */
      validFrom: string;
      /**
       * Format: date
       * @example 2026-11-23
       */
      validTo: string;
      /**
       * @description Salesforce Opportunity Id
       * @default null
       */
      opportunityRef?: string | null;
      /**
       * @description deal registration Id
       * @default null
       */
      dealRegistrationRef?: string | null;
      /** @default null */
      justification?: string | null;
      lines: {
        productId: number;
        /** @description a whole number from 1 to 100000000 */
        quantity: number;
        /**
         * @description the authorized (debit) cost asked for, per unit
         * @example 12.5000
         */
        requestedCost: string;
      }[];
    };
    Decision: {
      comment?: string;
    };
    Decline: {
      comment: string;
    };
    Counter: {
      comment: string;
      lines: {
        lineId: number;
        /**
         * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
         * @example 12.5000
         */
        counterCost: string;
        /** @description a whole number from 1 to 100000000 */
        counterQuantity?: number;
      }[];
    };
    /** @description why the counter-offer is turned down (kept in the audit trail) */
    RejectCounter: {
      comment?: string;
    };
    RoutingRule: {
      id: number;
      name: string;
      priority: number;
      active: boolean;
      programId: number | null;
      distributorId: number | null;
      minValue: string | null;
      minMarginImpact: string | null;
      minDiscountPercent: string | null;
      /** @enum {string} */
      match: 'any' | 'all';
      levels: {
        approvers: components['schemas']['Approver'][];
        /** @enum {string} */
        mode: 'all' | 'any';
        timeLimitHours: number | null;
      }[];
      escalation: components['schemas']['Approver'] &
        (
          | {
              userId: number;
            }
          | {
              /** @enum {string} */
              role: 'vendor_admin' | 'channel_manager' | 'finance' | 'distributor_user' | 'no_access';
            }
          | null
        );
    };
    RoutingRuleInput: {
      name: string;
      /**
       * @description the lowest that applies routes the request
       * @default 100
       */
      priority?: number;
      /** @default true */
      active?: boolean;
      /** @default null */
      programId?: number | null;
      /** @default null */
      distributorId?: number | null;
      /**
       * @description applies when the request value (sum of quantity x requested cost) is above this
       * @default null
       * @example 12.5000
       */
      minValue?: string | null;
      /**
       * @description applies when the credit given back (sum of quantity x (book cost - requested cost)) is above this
       * @default null
       * @example 12.5000
       */
      minMarginImpact?: string | null;
      /**
       * @description applies when a line is more than this percent below its list price
       * @default null
       * @example 12.5000
       */
      minDiscountPercent?: string | null;
      /**
       * @description `any`: one threshold passed is enough; `all`: each set threshold
       * @default any
       * @enum {string}
       */
      match?: 'any' | 'all';
      /** @description in order: a level starts once the one before is complete */
      levels: {
        approvers: components['schemas']['Approver'][];
        /**
         * @description `all`: each approver of the level; `any`: the first one
         * @default all
         * @enum {string}
         */
        mode?: 'all' | 'any';
        /**
         * @description escalated after this many hours
         * @default null
         */
        timeLimitHours?: number | null;
      }[];
      escalation?: components['schemas']['Approver'] &
        (
          | {
              userId: number;
            }
          | {
              /** @enum {string} */
              role: 'vendor_admin' | 'channel_manager' | 'finance' | 'distributor_user' | 'no_access';
            }
          | null
        );
    };
    Delegation: {
      id: number;
      userId: number;
      delegateUserId: number;
      from: string;
      to: string;
      createdByUserId: number;
    };
    DelegationInput: {
      /** @description the away user (an admin names anyone; others only themselves, the default) */
      userId?: number;
      delegateUserId: number;
      /**
       * Format: date
       * @example 2026-11-23
       */
      from: string;
      /**
       * Format: date
       * @example 2026-11-23
       */
      to: string;
    };
    AdminUser: {
      id: number;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'vendor_admin' | 'channel_manager' | 'finance' | 'distributor_user' | 'no_access';
      distributorId: number | null;
      active: boolean;
      /** @description invited and not yet accepted (the user stays inactive until then) */
      invitationPending: boolean;
      invitedAt: string | null;
      /** @description the identity provider's id of the user (SCIM externalId) */
      externalId: string | null;
      hasPassword: boolean;
      createdAt: string;
      updatedAt: string;
    };
    InvitedUser: {
      user: components['schemas']['AdminUser'];
      invitation: {
        /** @description shown once: the invitee sends it, with its new password, to acceptPath */
        token: string;
        expiresAt: string;
        acceptPath: string;
      };
    };
    UserInvitation: {
      /** Format: email */
      email: string;
      name: string;
      /** @enum {string} */
      role: 'vendor_admin' | 'channel_manager' | 'finance' | 'distributor_user' | 'no_access';
      /** @description required for a distributor_user, absent for vendor roles */
      distributorId?: number | null;
    };
    RoleChange: {
      /** @enum {string} */
      role: 'vendor_admin' | 'channel_manager' | 'finance' | 'distributor_user' | 'no_access';
      /** @description a distributor_user's distributor (kept when it stays a distributor_user and none is given) */
      distributorId?: number | null;
    };
    InvitationAcceptance: {
      token: string;
      password: string;
    };
    SetupStatus: {
      /** @description true while the database has no user and a setup token is set */
      open: boolean;
      /** @description why setup is closed */
      reason: string | null;
    };
    FirstAdmin: {
      /** @description SETUP_TOKEN, or the token the server printed at start on an empty database */
      token: string;
      /** Format: email */
      email: string;
      name: string;
      password: string;
    };
    MasterProduct: {
      id: number;
      vendorPartNumber: string;
      description: string;
      family: string | null;
      listPrice: string | null;
      currency: string;
      active: boolean;
    };
    ProductInput: {
      vendorPartNumber: string;
      description: string;
      /** @description the product family */
      family?: string | null;
      /**
       * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
       * @example 12.5000
       */
      listPrice?: string | null;
      /**
       * @description the list price's currency; the vendor's book currency when absent
       * @example USD
       * @enum {string}
       */
      currency?:
        | 'AED'
        | 'AFN'
        | 'ALL'
        | 'AMD'
        | 'ANG'
        | 'AOA'
        | 'ARS'
        | 'AUD'
        | 'AWG'
        | 'AZN'
        | 'BAM'
        | 'BBD'
        | 'BDT'
        | 'BGN'
        | 'BHD'
        | 'BIF'
        | 'BMD'
        | 'BND'
        | 'BOB'
        | 'BOV'
        | 'BRL'
        | 'BSD'
        | 'BTN'
        | 'BWP'
        | 'BYN'
        | 'BZD'
        | 'CAD'
        | 'CDF'
        | 'CHE'
        | 'CHF'
        | 'CHW'
        | 'CLF'
        | 'CLP'
        | 'CNY'
        | 'COP'
        | 'COU'
        | 'CRC'
        | 'CUC'
        | 'CUP'
        | 'CVE'
        | 'CZK'
        | 'DJF'
        | 'DKK'
        | 'DOP'
        | 'DZD'
        | 'EGP'
        | 'ERN'
        | 'ETB'
        | 'EUR'
        | 'FJD'
        | 'FKP'
        | 'GBP'
        | 'GEL'
        | 'GHS'
        | 'GIP'
        | 'GMD'
        | 'GNF'
        | 'GTQ'
        | 'GYD'
        | 'HKD'
        | 'HNL'
        | 'HTG'
        | 'HUF'
        | 'IDR'
        | 'ILS'
        | 'INR'
        | 'IQD'
        | 'IRR'
        | 'ISK'
        | 'JMD'
        | 'JOD'
        | 'JPY'
        | 'KES'
        | 'KGS'
        | 'KHR'
        | 'KMF'
        | 'KPW'
        | 'KRW'
        | 'KWD'
        | 'KYD'
        | 'KZT'
        | 'LAK'
        | 'LBP'
        | 'LKR'
        | 'LRD'
        | 'LSL'
        | 'LYD'
        | 'MAD'
        | 'MDL'
        | 'MGA'
        | 'MKD'
        | 'MMK'
        | 'MNT'
        | 'MOP'
        | 'MRU'
        | 'MUR'
        | 'MVR'
        | 'MWK'
        | 'MXN'
        | 'MXV'
        | 'MYR'
        | 'MZN'
        | 'NAD'
        | 'NGN'
        | 'NIO'
        | 'NOK'
        | 'NPR'
        | 'NZD'
        | 'OMR'
        | 'PAB'
        | 'PEN'
        | 'PGK'
        | 'PHP'
        | 'PKR'
        | 'PLN'
        | 'PYG'
        | 'QAR'
        | 'RON'
        | 'RSD'
        | 'RUB'
        | 'RWF'
        | 'SAR'
        | 'SBD'
        | 'SCR'
        | 'SDG'
        | 'SEK'
        | 'SGD'
        | 'SHP'
        | 'SLE'
        | 'SLL'
        | 'SOS'
        | 'SRD'
        | 'SSP'
        | 'STN'
        | 'SVC'
        | 'SYP'
        | 'SZL'
        | 'THB'
        | 'TJS'
        | 'TMT'
        | 'TND'
        | 'TOP'
        | 'TRY'
        | 'TTD'
        | 'TWD'
        | 'TZS'
        | 'UAH'
        | 'UGX'
        | 'USD'
        | 'USN'
        | 'UYI'
        | 'UYU'
        | 'UYW'
        | 'UZS'
        | 'VED'
        | 'VES'
        | 'VND'
        | 'VUV'
        | 'WST'
        | 'XAF'
        | 'XCD'
        | 'XCG'
        | 'XOF'
        | 'XPF'
        | 'YER'
        | 'ZAR'
        | 'ZMW'
        | 'ZWG'
        | 'ZWL';
    };
    ProductPatch: {
      vendorPartNumber?: string;
      description?: string;
      /** @description the product family */
      family?: string | null;
      /**
       * @description a non-negative amount, at most 99999999999999.9999 (DECIMAL(18,4))
       * @example 12.5000
       */
      listPrice?: string | null;
      /**
       * @description the list price's currency; the vendor's book currency when absent
       * @example USD
       * @enum {string}
       */
      currency?:
        | 'AED'
        | 'AFN'
        | 'ALL'
        | 'AMD'
        | 'ANG'
        | 'AOA'
        | 'ARS'
        | 'AUD'
        | 'AWG'
        | 'AZN'
        | 'BAM'
        | 'BBD'
        | 'BDT'
        | 'BGN'
        | 'BHD'
        | 'BIF'
        | 'BMD'
        | 'BND'
        | 'BOB'
        | 'BOV'
        | 'BRL'
        | 'BSD'
        | 'BTN'
        | 'BWP'
        | 'BYN'
        | 'BZD'
        | 'CAD'
        | 'CDF'
        | 'CHE'
        | 'CHF'
        | 'CHW'
        | 'CLF'
        | 'CLP'
        | 'CNY'
        | 'COP'
        | 'COU'
        | 'CRC'
        | 'CUC'
        | 'CUP'
        | 'CVE'
        | 'CZK'
        | 'DJF'
        | 'DKK'
        | 'DOP'
        | 'DZD'
        | 'EGP'
        | 'ERN'
        | 'ETB'
        | 'EUR'
        | 'FJD'
        | 'FKP'
        | 'GBP'
        | 'GEL'
        | 'GHS'
        | 'GIP'
        | 'GMD'
        | 'GNF'
        | 'GTQ'
        | 'GYD'
        | 'HKD'
        | 'HNL'
        | 'HTG'
        | 'HUF'
        | 'IDR'
        | 'ILS'
        | 'INR'
        | 'IQD'
        | 'IRR'
        | 'ISK'
        | 'JMD'
        | 'JOD'
        | 'JPY'
        | 'KES'
        | 'KGS'
        | 'KHR'
        | 'KMF'
        | 'KPW'
        | 'KRW'
        | 'KWD'
        | 'KYD'
        | 'KZT'
        | 'LAK'
        | 'LBP'
        | 'LKR'
        | 'LRD'
        | 'LSL'
        | 'LYD'
        | 'MAD'
        | 'MDL'
        | 'MGA'
        | 'MKD'
        | 'MMK'
        | 'MNT'
        | 'MOP'
        | 'MRU'
        | 'MUR'
        | 'MVR'
        | 'MWK'
        | 'MXN'
        | 'MXV'
        | 'MYR'
        | 'MZN'
        | 'NAD'
        | 'NGN'
        | 'NIO'
        | 'NOK'
        | 'NPR'
        | 'NZD'
        | 'OMR'
        | 'PAB'
        | 'PEN'
        | 'PGK'
        | 'PHP'
        | 'PKR'
        | 'PLN'
        | 'PYG'
        | 'QAR'
        | 'RON'
        | 'RSD'
        | 'RUB'
        | 'RWF'
        | 'SAR'
        | 'SBD'
        | 'SCR'
        | 'SDG'
        | 'SEK'
        | 'SGD'
        | 'SHP'
        | 'SLE'
        | 'SLL'
        | 'SOS'
        | 'SRD'
        | 'SSP'
        | 'STN'
        | 'SVC'
        | 'SYP'
        | 'SZL'
        | 'THB'
        | 'TJS'
        | 'TMT'
        | 'TND'
        | 'TOP'
        | 'TRY'
        | 'TTD'
        | 'TWD'
        | 'TZS'
        | 'UAH'
        | 'UGX'
        | 'USD'
        | 'USN'
        | 'UYI'
        | 'UYU'
        | 'UYW'
        | 'UZS'
        | 'VED'
        | 'VES'
        | 'VND'
        | 'VUV'
        | 'WST'
        | 'XAF'
        | 'XCD'
        | 'XCG'
        | 'XOF'
        | 'XPF'
        | 'YER'
        | 'ZAR'
        | 'ZMW'
        | 'ZWG'
        | 'ZWL';
    };
    BookCost: {
      id: number;
      distributorId: number;
      productId: number;
      vendorPartNumber: string;
      cost: string;
      currency: string;
      effectiveFrom: string;
      /** @description the last day it holds (inclusive); null: open-ended */
      effectiveTo: string | null;
    };
    BookCostInput: {
      distributorId: number;
      productId: number;
      /**
       * @description in the distributor's currency
       * @example 12.5000
       */
      cost: string;
      /**
       * Format: date
       * @example 2026-11-23
       */
      effectiveFrom: string;
    };
    PartNumber: {
      id: number;
      distributorId: number;
      distributorPartNumber: string;
      productId: number;
      vendorPartNumber: string;
    };
    PartNumberInput: {
      distributorId: number;
      distributorPartNumber: string;
      productId: number;
    };
    MasterAccount: {
      id: number;
      /** @enum {string} */
      type: 'vendor' | 'distributor' | 'reseller' | 'end_customer';
      name: string;
      country: string | null;
      region: string | null;
      currency: string | null;
      crmId: string | null;
      externalRef: string | null;
      /** @description set once merged into this survivor; a merged account is kept for the audit */
      mergedIntoId: number | null;
      mergedAt: string | null;
    };
    PartyInput: {
      /** @enum {string} */
      type: 'end_customer' | 'reseller';
      name: string;
      country?: string | null;
      /** @description the CRM's id of the company (e.g. a Salesforce Account id) */
      crmId?: string | null;
      /** @description another system's reference (ERP customer number) */
      externalRef?: string | null;
    };
    PartyPatch: {
      name?: string;
      country?: string | null;
      /** @description the CRM's id of the company (e.g. a Salesforce Account id) */
      crmId?: string | null;
      /** @description another system's reference (ERP customer number) */
      externalRef?: string | null;
    };
    AccountMergeResult: {
      merged: components['schemas']['MasterAccount'];
      survivor: components['schemas']['MasterAccount'];
      /** @description rows re-pointed, per table.column */
      repointed: {
        [key: string]: number;
      };
    };
    AccountMerge: {
      /** @description the survivor: every reference to this account moves to it */
      intoId: number;
      reason?: string;
    };
    DistributorContact: {
      id: number;
      distributorId: number;
      name: string;
      email: string;
      role: string | null;
    };
    DistributorUser: {
      id: number;
      email: string;
      name: string;
      role: string;
      active: boolean;
    };
    MasterDistributor: {
      id: number;
      /** @enum {string} */
      type: 'vendor' | 'distributor' | 'reseller' | 'end_customer';
      name: string;
      country: string | null;
      region: string | null;
      currency: string | null;
      crmId: string | null;
      externalRef: string | null;
      /** @description set once merged into this survivor; a merged account is kept for the audit */
      mergedIntoId: number | null;
      mergedAt: string | null;
      contacts: components['schemas']['DistributorContact'][];
      users: components['schemas']['DistributorUser'][];
    };
    DistributorInput: {
      name: string;
      /**
       * @description its book costs, authorizations and claims are in it; the vendor's book currency when absent
       * @example USD
       * @enum {string}
       */
      currency?:
        | 'AED'
        | 'AFN'
        | 'ALL'
        | 'AMD'
        | 'ANG'
        | 'AOA'
        | 'ARS'
        | 'AUD'
        | 'AWG'
        | 'AZN'
        | 'BAM'
        | 'BBD'
        | 'BDT'
        | 'BGN'
        | 'BHD'
        | 'BIF'
        | 'BMD'
        | 'BND'
        | 'BOB'
        | 'BOV'
        | 'BRL'
        | 'BSD'
        | 'BTN'
        | 'BWP'
        | 'BYN'
        | 'BZD'
        | 'CAD'
        | 'CDF'
        | 'CHE'
        | 'CHF'
        | 'CHW'
        | 'CLF'
        | 'CLP'
        | 'CNY'
        | 'COP'
        | 'COU'
        | 'CRC'
        | 'CUC'
        | 'CUP'
        | 'CVE'
        | 'CZK'
        | 'DJF'
        | 'DKK'
        | 'DOP'
        | 'DZD'
        | 'EGP'
        | 'ERN'
        | 'ETB'
        | 'EUR'
        | 'FJD'
        | 'FKP'
        | 'GBP'
        | 'GEL'
        | 'GHS'
        | 'GIP'
        | 'GMD'
        | 'GNF'
        | 'GTQ'
        | 'GYD'
        | 'HKD'
        | 'HNL'
        | 'HTG'
        | 'HUF'
        | 'IDR'
        | 'ILS'
        | 'INR'
        | 'IQD'
        | 'IRR'
        | 'ISK'
        | 'JMD'
        | 'JOD'
        | 'JPY'
        | 'KES'
        | 'KGS'
        | 'KHR'
        | 'KMF'
        | 'KPW'
        | 'KRW'
        | 'KWD'
        | 'KYD'
        | 'KZT'
        | 'LAK'
        | 'LBP'
        | 'LKR'
        | 'LRD'
        | 'LSL'
        | 'LYD'
        | 'MAD'
        | 'MDL'
        | 'MGA'
        | 'MKD'
        | 'MMK'
        | 'MNT'
        | 'MOP'
        | 'MRU'
        | 'MUR'
        | 'MVR'
        | 'MWK'
        | 'MXN'
        | 'MXV'
        | 'MYR'
        | 'MZN'
        | 'NAD'
        | 'NGN'
        | 'NIO'
        | 'NOK'
        | 'NPR'
        | 'NZD'
        | 'OMR'
        | 'PAB'
        | 'PEN'
        | 'PGK'
        | 'PHP'
        | 'PKR'
        | 'PLN'
        | 'PYG'
        | 'QAR'
        | 'RON'
        | 'RSD'
        | 'RUB'
        | 'RWF'
        | 'SAR'
        | 'SBD'
        | 'SCR'
        | 'SDG'
        | 'SEK'
        | 'SGD'
        | 'SHP'
        | 'SLE'
        | 'SLL'
        | 'SOS'
        | 'SRD'
        | 'SSP'
        | 'STN'
        | 'SVC'
        | 'SYP'
        | 'SZL'
        | 'THB'
        | 'TJS'
        | 'TMT'
        | 'TND'
        | 'TOP'
        | 'TRY'
        | 'TTD'
        | 'TWD'
        | 'TZS'
        | 'UAH'
        | 'UGX'
        | 'USD'
        | 'USN'
        | 'UYI'
        | 'UYU'
        | 'UYW'
        | 'UZS'
        | 'VED'
        | 'VES'
        | 'VND'
        | 'VUV'
        | 'WST'
        | 'XAF'
        | 'XCD'
        | 'XCG'
        | 'XOF'
        | 'XPF'
        | 'YER'
        | 'ZAR'
        | 'ZMW'
        | 'ZWG'
        | 'ZWL';
      region?: string | null;
      country?: string | null;
      crmId?: string | null;
      /** @description also what single sign-on maps a distributor attribute to */
      externalRef?: string | null;
    };
    DistributorPatch: {
      name?: string;
      /**
       * @description its book costs, authorizations and claims are in it; the vendor's book currency when absent
       * @example USD
       * @enum {string}
       */
      currency?:
        | 'AED'
        | 'AFN'
        | 'ALL'
        | 'AMD'
        | 'ANG'
        | 'AOA'
        | 'ARS'
        | 'AUD'
        | 'AWG'
        | 'AZN'
        | 'BAM'
        | 'BBD'
        | 'BDT'
        | 'BGN'
        | 'BHD'
        | 'BIF'
        | 'BMD'
        | 'BND'
        | 'BOB'
        | 'BOV'
        | 'BRL'
        | 'BSD'
        | 'BTN'
        | 'BWP'
        | 'BYN'
        | 'BZD'
        | 'CAD'
        | 'CDF'
        | 'CHE'
        | 'CHF'
        | 'CHW'
        | 'CLF'
        | 'CLP'
        | 'CNY'
        | 'COP'
        | 'COU'
        | 'CRC'
        | 'CUC'
        | 'CUP'
        | 'CVE'
        | 'CZK'
        | 'DJF'
        | 'DKK'
        | 'DOP'
        | 'DZD'
        | 'EGP'
        | 'ERN'
        | 'ETB'
        | 'EUR'
        | 'FJD'
        | 'FKP'
        | 'GBP'
        | 'GEL'
        | 'GHS'
        | 'GIP'
        | 'GMD'
        | 'GNF'
        | 'GTQ'
        | 'GYD'
        | 'HKD'
        | 'HNL'
        | 'HTG'
        | 'HUF'
        | 'IDR'
        | 'ILS'
        | 'INR'
        | 'IQD'
        | 'IRR'
        | 'ISK'
        | 'JMD'
        | 'JOD'
        | 'JPY'
        | 'KES'
        | 'KGS'
        | 'KHR'
        | 'KMF'
        | 'KPW'
        | 'KRW'
        | 'KWD'
        | 'KYD'
        | 'KZT'
        | 'LAK'
        | 'LBP'
        | 'LKR'
        | 'LRD'
        | 'LSL'
        | 'LYD'
        | 'MAD'
        | 'MDL'
        | 'MGA'
        | 'MKD'
        | 'MMK'
        | 'MNT'
        | 'MOP'
        | 'MRU'
        | 'MUR'
        | 'MVR'
        | 'MWK'
        | 'MXN'
        | 'MXV'
        | 'MYR'
        | 'MZN'
        | 'NAD'
        | 'NGN'
        | 'NIO'
        | 'NOK'
        | 'NPR'
        | 'NZD'
        | 'OMR'
        | 'PAB'
        | 'PEN'
        | 'PGK'
        | 'PHP'
        | 'PKR'
        | 'PLN'
        | 'PYG'
        | 'QAR'
        | 'RON'
        | 'RSD'
        | 'RUB'
        | 'RWF'
        | 'SAR'
        | 'SBD'
        | 'SCR'
        | 'SDG'
        | 'SEK'
        | 'SGD'
        | 'SHP'
        | 'SLE'
        | 'SLL'
        | 'SOS'
        | 'SRD'
        | 'SSP'
        | 'STN'
        | 'SVC'
        | 'SYP'
        | 'SZL'
        | 'THB'
        | 'TJS'
        | 'TMT'
        | 'TND'
        | 'TOP'
        | 'TRY'
        | 'TTD'
        | 'TWD'
        | 'TZS'
        | 'UAH'
        | 'UGX'
        | 'USD'
        | 'USN'
        | 'UYI'
        | 'UYU'
        | 'UYW'
        | 'UZS'
        | 'VED'
        | 'VES'
        | 'VND'
        | 'VUV'
        | 'WST'
        | 'XAF'
        | 'XCD'
        | 'XCG'
        | 'XOF'
        | 'XPF'
        | 'YER'
        | 'ZAR'
        | 'ZMW'
        | 'ZWG'
        | 'ZWL';
      region?: string | null;
      country?: string | null;
      crmId?: string | null;
      /** @description also what single sign-on maps a distributor attribute to */
      externalRef?: string | null;
    };
    DistributorContactInput: {
      name: string;
      /** Format: email */
      email: string;
      role?: string | null;
    };
    BulkLoadResult: {
      dryRun: boolean;
      /** @description data rows read */
      rows: number;
      created: number;
      updated: number;
      unchanged: number;
      errors: {
        /** @description record number; the header is 1 */
        row: number;
        /** @description the line of the file the record starts on */
        line: number;
        field: string | null;
        message: string;
      }[];
      /** @description what each row does (or would do), first 200 rows */
      preview: {
        row: number;
        line: number;
        /** @enum {string} */
        action: 'create' | 'update' | 'unchanged';
        key: string;
      }[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getAudit: {
    parameters: {
      query?: {
        kind?: 'business' | 'security';
        before?: number;
        from?: string;
        to?: string;
        actorUserId?: number;
        action?: string;
        entityType?: string;
        entityId?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['AuditEvent'][];
            next: number | null;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor roles only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAuditExportCsv: {
    parameters: {
      query?: {
        kind?: 'business' | 'security';
        before?: number;
        from?: string;
        to?: string;
        actorUserId?: number;
        action?: string;
        entityType?: string;
        entityId?: string;
        limit?: number;
        delimiter?: 'comma' | 'semicolon' | 'tab';
        decimal?: 'point' | 'comma';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one row per audit event */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor roles only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CurrentSession'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['SignIn'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Session'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  deleteSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getTokens: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ApiToken'][];
          };
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postTokens: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['NewApiToken'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NewApiTokenIssued'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  deleteTokensById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postEmbedTokens: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['NewEmbedToken'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            token: string;
            expiresAt: string;
            /** @description what the session opened with it may do */
            scopes: ('read' | 'write')[];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: only a vendor admin issues for another user; EMBED_SESSION_CANNOT_MINT: an embedded session issues none; SCOPE_ESCALATION: a scope the asking credential lacks; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no user with that userEmail or federationId */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FEDERATION_ID_AMBIGUOUS: the federationId names more than one user */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description USER_INACTIVE: the user is deactivated */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postEmbedSession: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['EmbedTokenExchange'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EmbedSession'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSsoIdentityProvider: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            identityProvider: components['schemas']['SamlIdentityProvider'];
            /** @description our ACS URL, logout URL and entity id, to give the IdP */
            serviceProvider: {
              [key: string]: string;
            };
          };
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: an API token without the admin scope; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putSsoIdentityProvider: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['SamlIdentityProviderInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            identityProvider: components['schemas']['SamlIdentityProvider'] & Record<string, never>;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: an API token without the admin scope; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description IDP_ENTITY_ID_TAKEN: another identity provider has this entity id */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INVALID_IDP_CONFIGURATION: unreadable metadata, missing fields, or signing/encryption without our key pair */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSsoIdentityProviders: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: (components['schemas']['SamlIdentityProvider'] & Record<string, never>)[];
            /** @description our ACS URL, logout URL and entity id, to give each IdP */
            serviceProvider: {
              [key: string]: string;
            };
          };
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: an API token without the admin scope; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSsoIdentityProvidersByName: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            identityProvider: components['schemas']['SamlIdentityProvider'] & Record<string, never>;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: an API token without the admin scope; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no identity provider of that name */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putSsoIdentityProvidersByName: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['SamlIdentityProviderInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            identityProvider: components['schemas']['SamlIdentityProvider'] & Record<string, never>;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: an API token without the admin scope; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description IDP_ENTITY_ID_TAKEN: another identity provider has this entity id */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INVALID_IDP_CONFIGURATION: unreadable metadata, missing fields, or signing/encryption without our key pair */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  deleteSsoIdentityProvidersByName: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: an API token without the admin scope; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no identity provider of that name */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAuthorizations: {
    parameters: {
      query?: {
        status?: 'active' | 'expired' | 'revoked' | 'superseded' | 'cancelled';
        number?: string;
        opportunityId?: string;
        accountId?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Authorization'][];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAuthorizationsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Authorization'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such authorization, or another distributor's */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postAuthorizationsByIdChanges: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['AuthorizationChangeInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SpecialPriceRequest'];
        };
      };
      /** @description VALIDATION_FAILED, errors[] naming the field (a line not of this authorization, an extension without validTo); MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: finance and admins do not ask changes; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such authorization, or another distributor's */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description QUANTITY_BELOW_CLAIMED (errors[] naming the line), AUTHORIZATION_NOT_ACTIVE, CHANGE_PENDING (one change waits at a time) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAuthorizationsByIdVersions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthorizationVersions'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such authorization, or another distributor's */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAccounts: {
    parameters: {
      query?: {
        type?: 'vendor' | 'distributor' | 'reseller' | 'end_customer';
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Account'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getProducts: {
    parameters: {
      query?: {
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Product'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getImportsMapping: {
    parameters: {
      query?: {
        distributorId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SavedPosColumnMapping'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putImportsMapping: {
    parameters: {
      query?: {
        distributorId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['PosColumnMapping'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SavedPosColumnMapping'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getImports: {
    parameters: {
      query?: {
        distributorId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['PosImport'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postImports: {
    parameters: {
      query?: {
        distributorId?: number;
        fileName?: string;
        delimiter?: ',' | ';' | '\t' | '|' | 'comma' | 'semicolon' | 'tab' | 'pipe';
        decimalMark?: '.' | ',' | 'auto';
        dateOrder?: 'DMY' | 'MDY' | 'auto';
        wait?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['PosJsonImport'];
        'text/csv': string;
        'application/csv': string;
        'text/tab-separated-values': string;
        'application/edi-x12': string;
        'application/octet-stream': string;
      };
    };
    responses: {
      /** @description with ?wait=true: the job has ended */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PosImport'];
        };
      };
      /** @description success */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PosImport'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as text/csv, text/tab-separated-values or application/octet-stream (or JSON where the route takes it), or declares a charset POS files are not read in (utf-8 (or us-ascii), windows-1252 (or iso-8859-1, latin1), utf-16le, utf-16be); UNSUPPORTED_FILE: the bytes are a compressed file (gzip) or an Excel workbook (.xlsx or another zip, .xls), not a CSV: the message says to save it as CSV (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postImportsPreview: {
    parameters: {
      query?: {
        distributorId?: number;
        fileName?: string;
        delimiter?: ',' | ';' | '\t' | '|' | 'comma' | 'semicolon' | 'tab' | 'pipe';
        decimalMark?: '.' | ',' | 'auto';
        dateOrder?: 'DMY' | 'MDY' | 'auto';
        wait?: 'true' | 'false';
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'text/csv': string;
        'application/csv': string;
        'text/tab-separated-values': string;
        'application/edi-x12': string;
        'application/octet-stream': string;
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PosImportPreview'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as text/csv, text/tab-separated-values or application/octet-stream (or JSON where the route takes it), or declares a charset POS files are not read in (utf-8 (or us-ascii), windows-1252 (or iso-8859-1, latin1), utf-16le, utf-16be); UNSUPPORTED_FILE: the bytes are a compressed file (gzip) or an Excel workbook (.xlsx or another zip, .xls), not a CSV: the message says to save it as CSV (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getImportsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PosImport'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getImportsByIdEvents: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description progress events until the job ends */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getImportsByIdErrors: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              rowNumber: number;
              column: string | null;
              /** @description the parser's (MISSING_REQUIRED_FIELD, INVALID_DATE, INVALID_NUMBER, ...) or the import's: DISTRIBUTOR_MISMATCH (the Distributor ID names another distributor), SALE_ALREADY_ON_FILE (a POS row whose sale is on file with other values), AMOUNT_TOO_LARGE and DEBIT_MEMO_MISMATCH (a claim file's) */
              code: string;
              message: string;
              raw: string | null;
            }[];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getImportsByIdErrorsCsv: {
    parameters: {
      query?: {
        delimiter?: 'comma' | 'semicolon' | 'tab';
        decimal?: 'point' | 'comma';
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description one row per rejected POS row */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postImportsByIdClaims: {
    parameters: {
      query?: {
        wait?: 'true' | 'false';
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['ClaimImportInput'];
      };
    };
    responses: {
      /** @description with ?wait=true: the job has ended */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportClaimRunResult'];
        };
      };
      /** @description success */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportClaimRun'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getImportsByIdClaimsByRunId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        runId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportClaimRun'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getImportsByIdLines: {
    parameters: {
      query?: {
        after?: number;
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['PosLineView'][];
            next: number | null;
            /** @description pass as cursor for the next page (keyset: a deep page costs what the first does); null on the last page */
            nextCursor?: string | null;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postImportsByIdVoid: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          reason: string;
        };
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PosImport'];
        };
      };
      /** @description VALIDATION_FAILED: no reason given; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such import for this caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description IMPORT_LINES_CLAIMED: lines of the import are on claims (the first ones are named); IMPORT_RETURNS_SETTLED: a credit memo took back the credit of one of its returns (the debits are named; a debit not yet taken from goes with the void); IMPORT_NOT_VOIDABLE: the import is running, failed or voided already, or is a claim file */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getClaims: {
    parameters: {
      query?: {
        status?: 'draft' | 'submitted' | 'authorized' | 'paid' | 'rejected';
        distributorId?: number;
        programType?: 'ship_and_debit' | 'spa' | 'dpa' | 'promotion' | 'rebate';
        from?: string;
        to?: string;
        opportunityId?: string;
        accountId?: string;
        review?: 'true' | 'false';
        page?: number;
        pageSize?: number;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Claim'][];
            /** @description the claims the filters match; only when paging by number (a cursor page counts nothing) */
            total?: number;
            page: number;
            pageSize: number;
            /** @description pass as cursor for the next page (keyset: a deep page costs what the first does); null on the last page */
            nextCursor?: string | null;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postClaims: {
    parameters: {
      query?: never;
      header?: {
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['ClaimInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Claim'];
        };
      };
      /** @description VALIDATION_FAILED, errors[] naming each field: a missing, unknown or malformed field; an amount that is negative or above 99999999999999.9999; a quantity outside 1..100000000; a currency that is not ISO 4217; a line whose (bookCost - authorizedCost) x quantity, or a claim whose total, is too big; an authorizedCost above bookCost without claimedAmount; an endCustomerId that is no end customer; a debitMemoNumber empty, or longer than 64 characters, once normalized; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: only a distributor user submits claims; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description CLAIM_ALREADY_EXISTS: the debitMemoNumber, in any spelling (dm-1 is DM-1), is held by a standing claim of this distributor (claimId names that claim; a claim rejected whole lets go of it); IDEMPOTENCY_IN_PROGRESS: the first request with this Idempotency-Key is still running */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with another body; CURRENCY_MISMATCH: the currency is not the distributor's (no conversion is done) */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getClaimsById: {
    parameters: {
      query?: {
        lines?: 'true' | 'false';
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Claim'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getClaimsByIdLines: {
    parameters: {
      query?: {
        after?: number;
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ClaimLine'][];
            total: number;
            /** @description the last line number of this page when there is a next one (as after) */
            next: number | null;
            /** @description pass as cursor for the next page (keyset: a deep page costs what the first does); null on the last page */
            nextCursor?: string | null;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postClaimsFile: {
    parameters: {
      query?: {
        distributorId?: number;
        fileName?: string;
        delimiter?: ',' | ';' | '\t' | '|' | 'comma' | 'semicolon' | 'tab' | 'pipe';
        decimalMark?: '.' | ',' | 'auto';
        dateOrder?: 'DMY' | 'MDY' | 'auto';
        debitMemoNumber?: string;
        currency?:
          | 'AED'
          | 'AFN'
          | 'ALL'
          | 'AMD'
          | 'ANG'
          | 'AOA'
          | 'ARS'
          | 'AUD'
          | 'AWG'
          | 'AZN'
          | 'BAM'
          | 'BBD'
          | 'BDT'
          | 'BGN'
          | 'BHD'
          | 'BIF'
          | 'BMD'
          | 'BND'
          | 'BOB'
          | 'BOV'
          | 'BRL'
          | 'BSD'
          | 'BTN'
          | 'BWP'
          | 'BYN'
          | 'BZD'
          | 'CAD'
          | 'CDF'
          | 'CHE'
          | 'CHF'
          | 'CHW'
          | 'CLF'
          | 'CLP'
          | 'CNY'
          | 'COP'
          | 'COU'
          | 'CRC'
          | 'CUC'
          | 'CUP'
          | 'CVE'
          | 'CZK'
          | 'DJF'
          | 'DKK'
          | 'DOP'
          | 'DZD'
          | 'EGP'
          | 'ERN'
          | 'ETB'
          | 'EUR'
          | 'FJD'
          | 'FKP'
          | 'GBP'
          | 'GEL'
          | 'GHS'
          | 'GIP'
          | 'GMD'
          | 'GNF'
          | 'GTQ'
          | 'GYD'
          | 'HKD'
          | 'HNL'
          | 'HTG'
          | 'HUF'
          | 'IDR'
          | 'ILS'
          | 'INR'
          | 'IQD'
          | 'IRR'
          | 'ISK'
          | 'JMD'
          | 'JOD'
          | 'JPY'
          | 'KES'
          | 'KGS'
          | 'KHR'
          | 'KMF'
          | 'KPW'
          | 'KRW'
          | 'KWD'
          | 'KYD'
          | 'KZT'
          | 'LAK'
          | 'LBP'
          | 'LKR'
          | 'LRD'
          | 'LSL'
          | 'LYD'
          | 'MAD'
          | 'MDL'
          | 'MGA'
          | 'MKD'
          | 'MMK'
          | 'MNT'
          | 'MOP'
          | 'MRU'
          | 'MUR'
          | 'MVR'
          | 'MWK'
          | 'MXN'
          | 'MXV'
          | 'MYR'
          | 'MZN'
          | 'NAD'
          | 'NGN'
          | 'NIO'
          | 'NOK'
          | 'NPR'
          | 'NZD'
          | 'OMR'
          | 'PAB'
          | 'PEN'
          | 'PGK'
          | 'PHP'
          | 'PKR'
          | 'PLN'
          | 'PYG'
          | 'QAR'
          | 'RON'
          | 'RSD'
          | 'RUB'
          | 'RWF'
          | 'SAR'
          | 'SBD'
          | 'SCR'
          | 'SDG'
          | 'SEK'
          | 'SGD'
          | 'SHP'
          | 'SLE'
          | 'SLL'
          | 'SOS'
          | 'SRD'
          | 'SSP'
          | 'STN'
          | 'SVC'
          | 'SYP'
          | 'SZL'
          | 'THB'
          | 'TJS'
          | 'TMT'
          | 'TND'
          | 'TOP'
          | 'TRY'
          | 'TTD'
          | 'TWD'
          | 'TZS'
          | 'UAH'
          | 'UGX'
          | 'USD'
          | 'USN'
          | 'UYI'
          | 'UYU'
          | 'UYW'
          | 'UZS'
          | 'VED'
          | 'VES'
          | 'VND'
          | 'VUV'
          | 'WST'
          | 'XAF'
          | 'XCD'
          | 'XCG'
          | 'XOF'
          | 'XPF'
          | 'YER'
          | 'ZAR'
          | 'ZMW'
          | 'ZWG'
          | 'ZWL';
        resend?: 'true' | 'false';
        wait?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'text/csv': string;
        'application/csv': string;
        'text/tab-separated-values': string;
        'application/edi-x12': string;
        'application/octet-stream': string;
      };
    };
    responses: {
      /** @description with ?wait=true: the job has ended */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClaimFileResult'];
        };
      };
      /** @description success */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PosImport'];
        };
      };
      /** @description VALIDATION_FAILED: a bad query parameter (e.g. a currency that is not ISO 4217, a debitMemoNumber empty or longer than 64 characters once normalized), errors[] naming it, or a vendor user that names no distributorId */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: only distributor users and vendor users (on a named distributor's behalf) send claim files; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no distributor has the distributorId */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description CLAIM_ALREADY_EXISTS: the debitMemoNumber (or the 844 BGN02, or the one debit memo the rows of the Debit Memo column name), in any spelling, is held by a standing claim of this distributor (claimId names that claim); DUPLICATE_FILE: this distributor sent the same bytes before and their claim stands or is still being made (claimId, claimNumber, sentAt and earlierImportId name it; resend=true makes a claim all the same) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: the body is not sent as text/csv, text/tab-separated-values or application/octet-stream (or JSON where the route takes it), or declares a charset POS files are not read in (utf-8 (or us-ascii), windows-1252 (or iso-8859-1, latin1), utf-16le, utf-16be); UNSUPPORTED_FILE: the bytes are a compressed file (gzip) or an Excel workbook (.xlsx or another zip, .xls), not a CSV: the message says to save it as CSV (UTF-8) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description CURRENCY_MISMATCH: the currency is not the distributor's (no conversion is done); DEBIT_MEMO_MIXED: no debitMemoNumber was sent and the rows' Debit Memo column names two debit memos or more (debitMemoNumbers lists them, rows the first rows of the second): no claim is made */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postClaimsByIdSubmit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Claim'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postClaimsByIdLinesByLineIdAdjust: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        lineId: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['AdjustLine'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Claim'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postClaimsByIdAuthorize: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Claim'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description SELF_APPROVAL_FORBIDDEN: who adjusted a line of the claim does not authorize it; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postClaimsByIdPay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['PayInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Claim'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description CLAIM_NOT_AUTHORIZED: only an authorized claim is paid */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description ERP_REFERENCE_REQUIRED: the finance setting erpReferenceRequired is on and no externalRef was sent */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getClaimsByIdNotes: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Note'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postClaimsByIdNotes: {
    parameters: {
      query?: never;
      header?: {
        'Idempotency-Key'?: string;
      };
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['NoteInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Note'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getFinanceSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FinanceSettings'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and finance only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putFinanceSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['FinanceSettingsInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FinanceSettings'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putFinanceAccountsByProgramType: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        programType: 'ship_and_debit' | 'spa' | 'dpa' | 'promotion' | 'rebate';
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['FinanceAccountCodes'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FinanceSettings'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getFinanceCreditMemos: {
    parameters: {
      query?: {
        distributorId?: number;
        from?: string;
        to?: string;
        limit?: number;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['CreditMemo'][];
            /** @description over the whole filter, per currency (never added across currencies) */
            totals: {
              /**
               * @description ISO 4217 code; stored upper case (usd is USD)
               * @example USD
               * @enum {string}
               */
              currency:
                | 'AED'
                | 'AFN'
                | 'ALL'
                | 'AMD'
                | 'ANG'
                | 'AOA'
                | 'ARS'
                | 'AUD'
                | 'AWG'
                | 'AZN'
                | 'BAM'
                | 'BBD'
                | 'BDT'
                | 'BGN'
                | 'BHD'
                | 'BIF'
                | 'BMD'
                | 'BND'
                | 'BOB'
                | 'BOV'
                | 'BRL'
                | 'BSD'
                | 'BTN'
                | 'BWP'
                | 'BYN'
                | 'BZD'
                | 'CAD'
                | 'CDF'
                | 'CHE'
                | 'CHF'
                | 'CHW'
                | 'CLF'
                | 'CLP'
                | 'CNY'
                | 'COP'
                | 'COU'
                | 'CRC'
                | 'CUC'
                | 'CUP'
                | 'CVE'
                | 'CZK'
                | 'DJF'
                | 'DKK'
                | 'DOP'
                | 'DZD'
                | 'EGP'
                | 'ERN'
                | 'ETB'
                | 'EUR'
                | 'FJD'
                | 'FKP'
                | 'GBP'
                | 'GEL'
                | 'GHS'
                | 'GIP'
                | 'GMD'
                | 'GNF'
                | 'GTQ'
                | 'GYD'
                | 'HKD'
                | 'HNL'
                | 'HTG'
                | 'HUF'
                | 'IDR'
                | 'ILS'
                | 'INR'
                | 'IQD'
                | 'IRR'
                | 'ISK'
                | 'JMD'
                | 'JOD'
                | 'JPY'
                | 'KES'
                | 'KGS'
                | 'KHR'
                | 'KMF'
                | 'KPW'
                | 'KRW'
                | 'KWD'
                | 'KYD'
                | 'KZT'
                | 'LAK'
                | 'LBP'
                | 'LKR'
                | 'LRD'
                | 'LSL'
                | 'LYD'
                | 'MAD'
                | 'MDL'
                | 'MGA'
                | 'MKD'
                | 'MMK'
                | 'MNT'
                | 'MOP'
                | 'MRU'
                | 'MUR'
                | 'MVR'
                | 'MWK'
                | 'MXN'
                | 'MXV'
                | 'MYR'
                | 'MZN'
                | 'NAD'
                | 'NGN'
                | 'NIO'
                | 'NOK'
                | 'NPR'
                | 'NZD'
                | 'OMR'
                | 'PAB'
                | 'PEN'
                | 'PGK'
                | 'PHP'
                | 'PKR'
                | 'PLN'
                | 'PYG'
                | 'QAR'
                | 'RON'
                | 'RSD'
                | 'RUB'
                | 'RWF'
                | 'SAR'
                | 'SBD'
                | 'SCR'
                | 'SDG'
                | 'SEK'
                | 'SGD'
                | 'SHP'
                | 'SLE'
                | 'SLL'
                | 'SOS'
                | 'SRD'
                | 'SSP'
                | 'STN'
                | 'SVC'
                | 'SYP'
                | 'SZL'
                | 'THB'
                | 'TJS'
                | 'TMT'
                | 'TND'
                | 'TOP'
                | 'TRY'
                | 'TTD'
                | 'TWD'
                | 'TZS'
                | 'UAH'
                | 'UGX'
                | 'USD'
                | 'USN'
                | 'UYI'
                | 'UYU'
                | 'UYW'
                | 'UZS'
                | 'VED'
                | 'VES'
                | 'VND'
                | 'VUV'
                | 'WST'
                | 'XAF'
                | 'XCD'
                | 'XCG'
                | 'XOF'
                | 'XPF'
                | 'YER'
                | 'ZAR'
                | 'ZMW'
                | 'ZWG'
                | 'ZWL';
              count: number;
              /**
               * @description a decimal string with 4 decimals
               * @example 1250.0000
               */
              amount: string;
            }[];
            /** @description pass as cursor for the next page (keyset: a deep page costs what the first does); null on the last page */
            nextCursor?: string | null;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postFinanceCreditMemosByNumberErpReference: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @description the memo's reference in the ERP */
          erpReference: string;
        };
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            creditMemoNumber: string;
            erpReference: string;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and finance only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such credit memo */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description ERP_REFERENCE_SET: the memo has its ERP reference already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getFinanceJournal: {
    parameters: {
      query?: {
        from?: string;
        to?: string;
        format?: 'json' | 'csv';
        delimiter?: 'comma' | 'semicolon' | 'tab';
        decimal?: 'point' | 'comma';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description JSON, or with format=csv one row per journal line (delimiter and decimal, else Accept-Language, choose the dialect) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description the range asked (YYYY-MM-DD), null when open */
            from: string | null;
            to: string | null;
            entries: components['schemas']['JournalEntry'][];
            /** @description per currency: debits equal credits */
            totals: {
              /**
               * @description ISO 4217 code; stored upper case (usd is USD)
               * @example USD
               * @enum {string}
               */
              currency:
                | 'AED'
                | 'AFN'
                | 'ALL'
                | 'AMD'
                | 'ANG'
                | 'AOA'
                | 'ARS'
                | 'AUD'
                | 'AWG'
                | 'AZN'
                | 'BAM'
                | 'BBD'
                | 'BDT'
                | 'BGN'
                | 'BHD'
                | 'BIF'
                | 'BMD'
                | 'BND'
                | 'BOB'
                | 'BOV'
                | 'BRL'
                | 'BSD'
                | 'BTN'
                | 'BWP'
                | 'BYN'
                | 'BZD'
                | 'CAD'
                | 'CDF'
                | 'CHE'
                | 'CHF'
                | 'CHW'
                | 'CLF'
                | 'CLP'
                | 'CNY'
                | 'COP'
                | 'COU'
                | 'CRC'
                | 'CUC'
                | 'CUP'
                | 'CVE'
                | 'CZK'
                | 'DJF'
                | 'DKK'
                | 'DOP'
                | 'DZD'
                | 'EGP'
                | 'ERN'
                | 'ETB'
                | 'EUR'
                | 'FJD'
                | 'FKP'
                | 'GBP'
                | 'GEL'
                | 'GHS'
                | 'GIP'
                | 'GMD'
                | 'GNF'
                | 'GTQ'
                | 'GYD'
                | 'HKD'
                | 'HNL'
                | 'HTG'
                | 'HUF'
                | 'IDR'
                | 'ILS'
                | 'INR'
                | 'IQD'
                | 'IRR'
                | 'ISK'
                | 'JMD'
                | 'JOD'
                | 'JPY'
                | 'KES'
                | 'KGS'
                | 'KHR'
                | 'KMF'
                | 'KPW'
                | 'KRW'
                | 'KWD'
                | 'KYD'
                | 'KZT'
                | 'LAK'
                | 'LBP'
                | 'LKR'
                | 'LRD'
                | 'LSL'
                | 'LYD'
                | 'MAD'
                | 'MDL'
                | 'MGA'
                | 'MKD'
                | 'MMK'
                | 'MNT'
                | 'MOP'
                | 'MRU'
                | 'MUR'
                | 'MVR'
                | 'MWK'
                | 'MXN'
                | 'MXV'
                | 'MYR'
                | 'MZN'
                | 'NAD'
                | 'NGN'
                | 'NIO'
                | 'NOK'
                | 'NPR'
                | 'NZD'
                | 'OMR'
                | 'PAB'
                | 'PEN'
                | 'PGK'
                | 'PHP'
                | 'PKR'
                | 'PLN'
                | 'PYG'
                | 'QAR'
                | 'RON'
                | 'RSD'
                | 'RUB'
                | 'RWF'
                | 'SAR'
                | 'SBD'
                | 'SCR'
                | 'SDG'
                | 'SEK'
                | 'SGD'
                | 'SHP'
                | 'SLE'
                | 'SLL'
                | 'SOS'
                | 'SRD'
                | 'SSP'
                | 'STN'
                | 'SVC'
                | 'SYP'
                | 'SZL'
                | 'THB'
                | 'TJS'
                | 'TMT'
                | 'TND'
                | 'TOP'
                | 'TRY'
                | 'TTD'
                | 'TWD'
                | 'TZS'
                | 'UAH'
                | 'UGX'
                | 'USD'
                | 'USN'
                | 'UYI'
                | 'UYU'
                | 'UYW'
                | 'UZS'
                | 'VED'
                | 'VES'
                | 'VND'
                | 'VUV'
                | 'WST'
                | 'XAF'
                | 'XCD'
                | 'XCG'
                | 'XOF'
                | 'XPF'
                | 'YER'
                | 'ZAR'
                | 'ZMW'
                | 'ZWG'
                | 'ZWL';
              /**
               * @description a decimal string with 4 decimals
               * @example 1250.0000
               */
              debit: string;
              /**
               * @description a decimal string with 4 decimals
               * @example 1250.0000
               */
              credit: string;
            }[];
          };
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and finance only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getFinancePeriods: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['FinancePeriod'][];
          };
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and finance only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getFinancePeriodsByMonth: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        month: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FinancePeriod'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and finance only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: not a month (YYYY-MM) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postFinancePeriodsByMonthClose: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        month: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FinancePeriod'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description MONTH_CLOSED: the month is closed already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description MONTH_NOT_STARTED: a month still to come */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postFinancePeriodsByMonthReopen: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        month: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['FinancePeriodReopenInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FinancePeriod'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description MONTH_NOT_CLOSED: the month is not closed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSettlementDebits: {
    parameters: {
      query?: {
        status?: 'open' | 'applied';
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SettlementDebit'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getDisputes: {
    parameters: {
      query?: {
        open?: 'true' | 'false';
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['DisputeLine'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postDisputes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DisputeInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DisputeThread'];
        };
      };
      /** @description VALIDATION_FAILED, errors[] naming the field (comment, correction.*); MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: only a distributor user disputes; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: a lineId that is not one of your claims' lines */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description LINE_NOT_DISPUTABLE (accepted in full or pending), DISPUTE_ALREADY_OPEN, DISPUTE_THE_ORIGINAL, ALREADY_RESUBMITTED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postDisputesResubmissions: {
    parameters: {
      query?: never;
      header?: {
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['Resubmission'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Claim'];
        };
      };
      /** @description VALIDATION_FAILED (a missing, unknown or out-of-range field, or an originalLineId given twice), errors[] naming it; CURRENCY_MISMATCH: lines of claims in different currencies; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: only a distributor user resubmits; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: an originalLineId that is not one of your claims' lines */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description LINE_NOT_REJECTED, ALREADY_RESUBMITTED, CLAIM_ALREADY_EXISTS (the debitMemoNumber, in any spelling, was already claimed) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was sent with another body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getDisputesLinesByIdHistory: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['DisputeLine'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getDisputesThreads: {
    parameters: {
      query?: {
        state?: 'open' | 'accepted' | 'rejected' | 'all';
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['DisputeThread'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getDisputesLinesByIdThread: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DisputeThread'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: not your line, or never disputed */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postDisputesLinesByIdComments: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DisputeComment'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DisputeThread'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: not your line, or never disputed */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postDisputesLinesByIdDecision: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DisputeDecision'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DisputeThread'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: finance and vendor admins decide; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: never disputed */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description DISPUTE_DECIDED; CLAIM_NOT_IN_REVIEW (accepting needs the line's claim in review) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getEdiPartners: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['EdiPartner'][];
          };
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: admins only (integration.manage); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getEdiPartnersByDistributorId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        distributorId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EdiPartner'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description EDI_PARTNER_NOT_FOUND: the distributor has no partner settings (or is not the caller’s) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putEdiPartnersByDistributorId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        distributorId: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['EdiPartnerInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EdiPartner'];
        };
      };
      /** @description VALIDATION_FAILED: an id or qualifier is not a valid X12 value (the field is named); MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: admins only (integration.manage); INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such distributor */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description EDI_ISA_ID_TAKEN: the interchange id is another distributor's */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postEdiPartnersByDistributorId845: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        distributorId: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['EdiAuthorizationNoticesInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EdiAuthorizationNotices'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description EDI_PARTNER_NOT_FOUND: the distributor has no partner settings (or is not the caller’s) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description DISTRIBUTOR_WITHOUT_CURRENCY: the distributor has no currency on record */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getEdiDocuments: {
    parameters: {
      query?: {
        distributorId?: number;
        kind?: '997' | 'TA1' | '849' | '845';
        importId?: number;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: (components['schemas']['EdiDocument'] & Record<string, never>)[];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getEdiDocumentsByIdContent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the interchange, as sent */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/edi-x12': string;
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such document (or another distributor's) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getEdiClaimsById849: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the interchange */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/edi-x12': string;
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such claim for this caller */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FROM_EDI: the claim did not come as an 844 */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getEnrichmentReviews: {
    parameters: {
      query?: {
        status?: 'open' | 'confirmed' | 'rejected';
        distributorId?: number;
        after?: number;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['EndCustomerReview'][];
            next: number | null;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postEnrichmentReviewsByIdConfirm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          endCustomerId: number;
        };
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            review: components['schemas']['EndCustomerReview'];
            posLinesLinked: number;
          };
        };
      };
      /** @description VALIDATION_FAILED: endCustomerId is no end customer; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and channel managers only (enrichment.review); INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description REVIEW_DECIDED: the spelling was confirmed or rejected already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postEnrichmentReviewsByIdReject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EndCustomerReview'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and channel managers only (enrichment.review); INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description REVIEW_DECIDED: the spelling was confirmed or rejected already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getEnrichmentAliases: {
    parameters: {
      query?: {
        distributorId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['EndCustomerAlias'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getEnrichmentUnknownParts: {
    parameters: {
      query?: {
        importId?: number;
        distributorId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['UnknownPart'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getDocuments: {
    parameters: {
      query: {
        ownerType: 'program' | 'request' | 'claim' | 'claim_line';
        ownerId: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Document'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such object the caller may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postDocuments: {
    parameters: {
      query: {
        ownerType: 'program' | 'request' | 'claim' | 'claim_line';
        ownerId: number;
        fileName: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/pdf': string;
        'image/png': string;
        'image/jpeg': string;
        'text/csv': string;
        'application/octet-stream': string;
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Document'];
        };
      };
      /** @description EMPTY_DOCUMENT: no bytes; VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a program's documents are attached by those who manage programs; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such object the caller may see */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the document is larger than DOCUMENTS_MAX_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNSUPPORTED_DOCUMENT_TYPE: the bytes are not a PDF, PNG, JPEG or CSV; UNSUPPORTED_MEDIA_TYPE: sent as another media type */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getDocumentsByIdContent: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the bytes, with the Content-Type they were found to be and Content-Disposition: attachment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  deleteDocumentsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Document'] & {
            /** @enum {boolean} */
            deleted: true;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: only the uploader or an admin deletes a document; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getIntegrationsSalesforceAccountSuggestions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SalesforceAccountSuggestion'][];
            total: number;
          };
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: approvers only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postIntegrationsSalesforceAccountLinks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['SalesforceAccountLinkInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SalesforceAccountLink'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: approvers only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNKNOWN_ACCOUNT: the account or the Salesforce Account does not exist */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postIntegrationsSalesforceSync: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SalesforceSyncRun'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getIntegrationsSalesforceRuns: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SalesforceSyncRun'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor roles only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getIntegrationsSalesforceWritebackFailures: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SalesforceWritebackFailure'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postIntegrationsSalesforceWritebackFailuresByIdRetry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: number;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no failed write-back with this id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getApprovalQueue: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ApprovalContext'][];
            total: number;
          };
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: approvers only (channel managers and vendor admins); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postRequestsByIdCrmLink: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['CrmLinkInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalContext'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRequestsByIdContext: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalContext'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getReportsAging: {
    parameters: {
      query?: {
        asOf?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Aging'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getReportsAccruals: {
    parameters: {
      query?: {
        asOf?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Accruals'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getReportsAccrualsForecast: {
    parameters: {
      query?: {
        asOf?: string;
        distributorId?: number;
        weeks?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccrualForecast'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getReportsClaims: {
    parameters: {
      query?: {
        groupBy?: 'week' | 'distributor' | 'programType';
        from?: string;
        to?: string;
        currency?:
          | 'AED'
          | 'AFN'
          | 'ALL'
          | 'AMD'
          | 'ANG'
          | 'AOA'
          | 'ARS'
          | 'AUD'
          | 'AWG'
          | 'AZN'
          | 'BAM'
          | 'BBD'
          | 'BDT'
          | 'BGN'
          | 'BHD'
          | 'BIF'
          | 'BMD'
          | 'BND'
          | 'BOB'
          | 'BOV'
          | 'BRL'
          | 'BSD'
          | 'BTN'
          | 'BWP'
          | 'BYN'
          | 'BZD'
          | 'CAD'
          | 'CDF'
          | 'CHE'
          | 'CHF'
          | 'CHW'
          | 'CLF'
          | 'CLP'
          | 'CNY'
          | 'COP'
          | 'COU'
          | 'CRC'
          | 'CUC'
          | 'CUP'
          | 'CVE'
          | 'CZK'
          | 'DJF'
          | 'DKK'
          | 'DOP'
          | 'DZD'
          | 'EGP'
          | 'ERN'
          | 'ETB'
          | 'EUR'
          | 'FJD'
          | 'FKP'
          | 'GBP'
          | 'GEL'
          | 'GHS'
          | 'GIP'
          | 'GMD'
          | 'GNF'
          | 'GTQ'
          | 'GYD'
          | 'HKD'
          | 'HNL'
          | 'HTG'
          | 'HUF'
          | 'IDR'
          | 'ILS'
          | 'INR'
          | 'IQD'
          | 'IRR'
          | 'ISK'
          | 'JMD'
          | 'JOD'
          | 'JPY'
          | 'KES'
          | 'KGS'
          | 'KHR'
          | 'KMF'
          | 'KPW'
          | 'KRW'
          | 'KWD'
          | 'KYD'
          | 'KZT'
          | 'LAK'
          | 'LBP'
          | 'LKR'
          | 'LRD'
          | 'LSL'
          | 'LYD'
          | 'MAD'
          | 'MDL'
          | 'MGA'
          | 'MKD'
          | 'MMK'
          | 'MNT'
          | 'MOP'
          | 'MRU'
          | 'MUR'
          | 'MVR'
          | 'MWK'
          | 'MXN'
          | 'MXV'
          | 'MYR'
          | 'MZN'
          | 'NAD'
          | 'NGN'
          | 'NIO'
          | 'NOK'
          | 'NPR'
          | 'NZD'
          | 'OMR'
          | 'PAB'
          | 'PEN'
          | 'PGK'
          | 'PHP'
          | 'PKR'
          | 'PLN'
          | 'PYG'
          | 'QAR'
          | 'RON'
          | 'RSD'
          | 'RUB'
          | 'RWF'
          | 'SAR'
          | 'SBD'
          | 'SCR'
          | 'SDG'
          | 'SEK'
          | 'SGD'
          | 'SHP'
          | 'SLE'
          | 'SLL'
          | 'SOS'
          | 'SRD'
          | 'SSP'
          | 'STN'
          | 'SVC'
          | 'SYP'
          | 'SZL'
          | 'THB'
          | 'TJS'
          | 'TMT'
          | 'TND'
          | 'TOP'
          | 'TRY'
          | 'TTD'
          | 'TWD'
          | 'TZS'
          | 'UAH'
          | 'UGX'
          | 'USD'
          | 'USN'
          | 'UYI'
          | 'UYU'
          | 'UYW'
          | 'UZS'
          | 'VED'
          | 'VES'
          | 'VND'
          | 'VUV'
          | 'WST'
          | 'XAF'
          | 'XCD'
          | 'XCG'
          | 'XOF'
          | 'XPF'
          | 'YER'
          | 'ZAR'
          | 'ZMW'
          | 'ZWG'
          | 'ZWL';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ClaimFigures'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAnalyticsByDistributor: {
    parameters: {
      query?: {
        from?: string;
        to?: string;
        distributorId?: number;
        format?: 'json' | 'csv';
        delimiter?: 'comma' | 'semicolon' | 'tab';
        decimal?: 'point' | 'comma';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the report (JSON; with ?format=csv the same rows as CSV, delimiter and decimal, else Accept-Language, choosing the dialect) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnalyticsReport'];
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED: from is after to */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAnalyticsByProgram: {
    parameters: {
      query?: {
        from?: string;
        to?: string;
        distributorId?: number;
        format?: 'json' | 'csv';
        delimiter?: 'comma' | 'semicolon' | 'tab';
        decimal?: 'point' | 'comma';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the report (JSON; with ?format=csv the same rows as CSV, delimiter and decimal, else Accept-Language, choosing the dialect) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnalyticsReport'];
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED: from is after to */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAnalyticsByProgramType: {
    parameters: {
      query?: {
        from?: string;
        to?: string;
        distributorId?: number;
        format?: 'json' | 'csv';
        delimiter?: 'comma' | 'semicolon' | 'tab';
        decimal?: 'point' | 'comma';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the report (JSON; with ?format=csv the same rows as CSV, delimiter and decimal, else Accept-Language, choosing the dialect) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnalyticsReport'];
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED: from is after to */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAnalyticsByProduct: {
    parameters: {
      query?: {
        from?: string;
        to?: string;
        distributorId?: number;
        format?: 'json' | 'csv';
        delimiter?: 'comma' | 'semicolon' | 'tab';
        decimal?: 'point' | 'comma';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the report (JSON; with ?format=csv the same rows as CSV, delimiter and decimal, else Accept-Language, choosing the dialect) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnalyticsReport'];
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED: from is after to */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAnalyticsByMonth: {
    parameters: {
      query?: {
        from?: string;
        to?: string;
        distributorId?: number;
        format?: 'json' | 'csv';
        delimiter?: 'comma' | 'semicolon' | 'tab';
        decimal?: 'point' | 'comma';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the report (JSON; with ?format=csv the same rows as CSV, delimiter and decimal, else Accept-Language, choosing the dialect) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnalyticsReport'];
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED: from is after to */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAnalyticsMarginTrend: {
    parameters: {
      query?: {
        from?: string;
        to?: string;
        distributorId?: number;
        format?: 'json' | 'csv';
        delimiter?: 'comma' | 'semicolon' | 'tab';
        decimal?: 'point' | 'comma';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the report (JSON; with ?format=csv the same rows as CSV, delimiter and decimal, else Accept-Language, choosing the dialect) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnalyticsReport'];
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED: from is after to */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAnalyticsProgramRoi: {
    parameters: {
      query?: {
        from?: string;
        to?: string;
        distributorId?: number;
        format?: 'json' | 'csv';
        delimiter?: 'comma' | 'semicolon' | 'tab';
        decimal?: 'point' | 'comma';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the report (JSON; with ?format=csv the same rows as CSV, delimiter and decimal, else Accept-Language, choosing the dialect) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnalyticsReport'];
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED: from is after to */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getAnalyticsUtilization: {
    parameters: {
      query?: {
        from?: string;
        to?: string;
        distributorId?: number;
        format?: 'json' | 'csv';
        delimiter?: 'comma' | 'semicolon' | 'tab';
        decimal?: 'point' | 'comma';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the report (JSON; with ?format=csv the same rows as CSV, delimiter and decimal, else Accept-Language, choosing the dialect) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AnalyticsReport'];
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED: from is after to */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getFxRates: {
    parameters: {
      query?: {
        from?:
          | 'AED'
          | 'AFN'
          | 'ALL'
          | 'AMD'
          | 'ANG'
          | 'AOA'
          | 'ARS'
          | 'AUD'
          | 'AWG'
          | 'AZN'
          | 'BAM'
          | 'BBD'
          | 'BDT'
          | 'BGN'
          | 'BHD'
          | 'BIF'
          | 'BMD'
          | 'BND'
          | 'BOB'
          | 'BOV'
          | 'BRL'
          | 'BSD'
          | 'BTN'
          | 'BWP'
          | 'BYN'
          | 'BZD'
          | 'CAD'
          | 'CDF'
          | 'CHE'
          | 'CHF'
          | 'CHW'
          | 'CLF'
          | 'CLP'
          | 'CNY'
          | 'COP'
          | 'COU'
          | 'CRC'
          | 'CUC'
          | 'CUP'
          | 'CVE'
          | 'CZK'
          | 'DJF'
          | 'DKK'
          | 'DOP'
          | 'DZD'
          | 'EGP'
          | 'ERN'
          | 'ETB'
          | 'EUR'
          | 'FJD'
          | 'FKP'
          | 'GBP'
          | 'GEL'
          | 'GHS'
          | 'GIP'
          | 'GMD'
          | 'GNF'
          | 'GTQ'
          | 'GYD'
          | 'HKD'
          | 'HNL'
          | 'HTG'
          | 'HUF'
          | 'IDR'
          | 'ILS'
          | 'INR'
          | 'IQD'
          | 'IRR'
          | 'ISK'
          | 'JMD'
          | 'JOD'
          | 'JPY'
          | 'KES'
          | 'KGS'
          | 'KHR'
          | 'KMF'
          | 'KPW'
          | 'KRW'
          | 'KWD'
          | 'KYD'
          | 'KZT'
          | 'LAK'
          | 'LBP'
          | 'LKR'
          | 'LRD'
          | 'LSL'
          | 'LYD'
          | 'MAD'
          | 'MDL'
          | 'MGA'
          | 'MKD'
          | 'MMK'
          | 'MNT'
          | 'MOP'
          | 'MRU'
          | 'MUR'
          | 'MVR'
          | 'MWK'
          | 'MXN'
          | 'MXV'
          | 'MYR'
          | 'MZN'
          | 'NAD'
          | 'NGN'
          | 'NIO'
          | 'NOK'
          | 'NPR'
          | 'NZD'
          | 'OMR'
          | 'PAB'
          | 'PEN'
          | 'PGK'
          | 'PHP'
          | 'PKR'
          | 'PLN'
          | 'PYG'
          | 'QAR'
          | 'RON'
          | 'RSD'
          | 'RUB'
          | 'RWF'
          | 'SAR'
          | 'SBD'
          | 'SCR'
          | 'SDG'
          | 'SEK'
          | 'SGD'
          | 'SHP'
          | 'SLE'
          | 'SLL'
          | 'SOS'
          | 'SRD'
          | 'SSP'
          | 'STN'
          | 'SVC'
          | 'SYP'
          | 'SZL'
          | 'THB'
          | 'TJS'
          | 'TMT'
          | 'TND'
          | 'TOP'
          | 'TRY'
          | 'TTD'
          | 'TWD'
          | 'TZS'
          | 'UAH'
          | 'UGX'
          | 'USD'
          | 'USN'
          | 'UYI'
          | 'UYU'
          | 'UYW'
          | 'UZS'
          | 'VED'
          | 'VES'
          | 'VND'
          | 'VUV'
          | 'WST'
          | 'XAF'
          | 'XCD'
          | 'XCG'
          | 'XOF'
          | 'XPF'
          | 'YER'
          | 'ZAR'
          | 'ZMW'
          | 'ZWG'
          | 'ZWL';
        to?:
          | 'AED'
          | 'AFN'
          | 'ALL'
          | 'AMD'
          | 'ANG'
          | 'AOA'
          | 'ARS'
          | 'AUD'
          | 'AWG'
          | 'AZN'
          | 'BAM'
          | 'BBD'
          | 'BDT'
          | 'BGN'
          | 'BHD'
          | 'BIF'
          | 'BMD'
          | 'BND'
          | 'BOB'
          | 'BOV'
          | 'BRL'
          | 'BSD'
          | 'BTN'
          | 'BWP'
          | 'BYN'
          | 'BZD'
          | 'CAD'
          | 'CDF'
          | 'CHE'
          | 'CHF'
          | 'CHW'
          | 'CLF'
          | 'CLP'
          | 'CNY'
          | 'COP'
          | 'COU'
          | 'CRC'
          | 'CUC'
          | 'CUP'
          | 'CVE'
          | 'CZK'
          | 'DJF'
          | 'DKK'
          | 'DOP'
          | 'DZD'
          | 'EGP'
          | 'ERN'
          | 'ETB'
          | 'EUR'
          | 'FJD'
          | 'FKP'
          | 'GBP'
          | 'GEL'
          | 'GHS'
          | 'GIP'
          | 'GMD'
          | 'GNF'
          | 'GTQ'
          | 'GYD'
          | 'HKD'
          | 'HNL'
          | 'HTG'
          | 'HUF'
          | 'IDR'
          | 'ILS'
          | 'INR'
          | 'IQD'
          | 'IRR'
          | 'ISK'
          | 'JMD'
          | 'JOD'
          | 'JPY'
          | 'KES'
          | 'KGS'
          | 'KHR'
          | 'KMF'
          | 'KPW'
          | 'KRW'
          | 'KWD'
          | 'KYD'
          | 'KZT'
          | 'LAK'
          | 'LBP'
          | 'LKR'
          | 'LRD'
          | 'LSL'
          | 'LYD'
          | 'MAD'
          | 'MDL'
          | 'MGA'
          | 'MKD'
          | 'MMK'
          | 'MNT'
          | 'MOP'
          | 'MRU'
          | 'MUR'
          | 'MVR'
          | 'MWK'
          | 'MXN'
          | 'MXV'
          | 'MYR'
          | 'MZN'
          | 'NAD'
          | 'NGN'
          | 'NIO'
          | 'NOK'
          | 'NPR'
          | 'NZD'
          | 'OMR'
          | 'PAB'
          | 'PEN'
          | 'PGK'
          | 'PHP'
          | 'PKR'
          | 'PLN'
          | 'PYG'
          | 'QAR'
          | 'RON'
          | 'RSD'
          | 'RUB'
          | 'RWF'
          | 'SAR'
          | 'SBD'
          | 'SCR'
          | 'SDG'
          | 'SEK'
          | 'SGD'
          | 'SHP'
          | 'SLE'
          | 'SLL'
          | 'SOS'
          | 'SRD'
          | 'SSP'
          | 'STN'
          | 'SVC'
          | 'SYP'
          | 'SZL'
          | 'THB'
          | 'TJS'
          | 'TMT'
          | 'TND'
          | 'TOP'
          | 'TRY'
          | 'TTD'
          | 'TWD'
          | 'TZS'
          | 'UAH'
          | 'UGX'
          | 'USD'
          | 'USN'
          | 'UYI'
          | 'UYU'
          | 'UYW'
          | 'UZS'
          | 'VED'
          | 'VES'
          | 'VND'
          | 'VUV'
          | 'WST'
          | 'XAF'
          | 'XCD'
          | 'XCG'
          | 'XOF'
          | 'XPF'
          | 'YER'
          | 'ZAR'
          | 'ZMW'
          | 'ZWG'
          | 'ZWL';
        until?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              from: string;
              to: string;
              effectiveDate: string;
              rate: string;
              /** @enum {string} */
              source: 'api' | 'csv';
              updatedByUserId: number;
              updatedAt: string;
            }[];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putFxRates: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          rates: {
            /**
             * @description ISO 4217 code; stored upper case (usd is USD)
             * @example USD
             * @enum {string}
             */
            from:
              | 'AED'
              | 'AFN'
              | 'ALL'
              | 'AMD'
              | 'ANG'
              | 'AOA'
              | 'ARS'
              | 'AUD'
              | 'AWG'
              | 'AZN'
              | 'BAM'
              | 'BBD'
              | 'BDT'
              | 'BGN'
              | 'BHD'
              | 'BIF'
              | 'BMD'
              | 'BND'
              | 'BOB'
              | 'BOV'
              | 'BRL'
              | 'BSD'
              | 'BTN'
              | 'BWP'
              | 'BYN'
              | 'BZD'
              | 'CAD'
              | 'CDF'
              | 'CHE'
              | 'CHF'
              | 'CHW'
              | 'CLF'
              | 'CLP'
              | 'CNY'
              | 'COP'
              | 'COU'
              | 'CRC'
              | 'CUC'
              | 'CUP'
              | 'CVE'
              | 'CZK'
              | 'DJF'
              | 'DKK'
              | 'DOP'
              | 'DZD'
              | 'EGP'
              | 'ERN'
              | 'ETB'
              | 'EUR'
              | 'FJD'
              | 'FKP'
              | 'GBP'
              | 'GEL'
              | 'GHS'
              | 'GIP'
              | 'GMD'
              | 'GNF'
              | 'GTQ'
              | 'GYD'
              | 'HKD'
              | 'HNL'
              | 'HTG'
              | 'HUF'
              | 'IDR'
              | 'ILS'
              | 'INR'
              | 'IQD'
              | 'IRR'
              | 'ISK'
              | 'JMD'
              | 'JOD'
              | 'JPY'
              | 'KES'
              | 'KGS'
              | 'KHR'
              | 'KMF'
              | 'KPW'
              | 'KRW'
              | 'KWD'
              | 'KYD'
              | 'KZT'
              | 'LAK'
              | 'LBP'
              | 'LKR'
              | 'LRD'
              | 'LSL'
              | 'LYD'
              | 'MAD'
              | 'MDL'
              | 'MGA'
              | 'MKD'
              | 'MMK'
              | 'MNT'
              | 'MOP'
              | 'MRU'
              | 'MUR'
              | 'MVR'
              | 'MWK'
              | 'MXN'
              | 'MXV'
              | 'MYR'
              | 'MZN'
              | 'NAD'
              | 'NGN'
              | 'NIO'
              | 'NOK'
              | 'NPR'
              | 'NZD'
              | 'OMR'
              | 'PAB'
              | 'PEN'
              | 'PGK'
              | 'PHP'
              | 'PKR'
              | 'PLN'
              | 'PYG'
              | 'QAR'
              | 'RON'
              | 'RSD'
              | 'RUB'
              | 'RWF'
              | 'SAR'
              | 'SBD'
              | 'SCR'
              | 'SDG'
              | 'SEK'
              | 'SGD'
              | 'SHP'
              | 'SLE'
              | 'SLL'
              | 'SOS'
              | 'SRD'
              | 'SSP'
              | 'STN'
              | 'SVC'
              | 'SYP'
              | 'SZL'
              | 'THB'
              | 'TJS'
              | 'TMT'
              | 'TND'
              | 'TOP'
              | 'TRY'
              | 'TTD'
              | 'TWD'
              | 'TZS'
              | 'UAH'
              | 'UGX'
              | 'USD'
              | 'USN'
              | 'UYI'
              | 'UYU'
              | 'UYW'
              | 'UZS'
              | 'VED'
              | 'VES'
              | 'VND'
              | 'VUV'
              | 'WST'
              | 'XAF'
              | 'XCD'
              | 'XCG'
              | 'XOF'
              | 'XPF'
              | 'YER'
              | 'ZAR'
              | 'ZMW'
              | 'ZWG'
              | 'ZWL';
            /**
             * @description ISO 4217 code; stored upper case (usd is USD)
             * @example USD
             * @enum {string}
             */
            to:
              | 'AED'
              | 'AFN'
              | 'ALL'
              | 'AMD'
              | 'ANG'
              | 'AOA'
              | 'ARS'
              | 'AUD'
              | 'AWG'
              | 'AZN'
              | 'BAM'
              | 'BBD'
              | 'BDT'
              | 'BGN'
              | 'BHD'
              | 'BIF'
              | 'BMD'
              | 'BND'
              | 'BOB'
              | 'BOV'
              | 'BRL'
              | 'BSD'
              | 'BTN'
              | 'BWP'
              | 'BYN'
              | 'BZD'
              | 'CAD'
              | 'CDF'
              | 'CHE'
              | 'CHF'
              | 'CHW'
              | 'CLF'
              | 'CLP'
              | 'CNY'
              | 'COP'
              | 'COU'
              | 'CRC'
              | 'CUC'
              | 'CUP'
              | 'CVE'
              | 'CZK'
              | 'DJF'
              | 'DKK'
              | 'DOP'
              | 'DZD'
              | 'EGP'
              | 'ERN'
              | 'ETB'
              | 'EUR'
              | 'FJD'
              | 'FKP'
              | 'GBP'
              | 'GEL'
              | 'GHS'
              | 'GIP'
              | 'GMD'
              | 'GNF'
              | 'GTQ'
              | 'GYD'
              | 'HKD'
              | 'HNL'
              | 'HTG'
              | 'HUF'
              | 'IDR'
              | 'ILS'
              | 'INR'
              | 'IQD'
              | 'IRR'
              | 'ISK'
              | 'JMD'
              | 'JOD'
              | 'JPY'
              | 'KES'
              | 'KGS'
              | 'KHR'
              | 'KMF'
              | 'KPW'
              | 'KRW'
              | 'KWD'
              | 'KYD'
              | 'KZT'
              | 'LAK'
              | 'LBP'
              | 'LKR'
              | 'LRD'
              | 'LSL'
              | 'LYD'
              | 'MAD'
              | 'MDL'
              | 'MGA'
              | 'MKD'
              | 'MMK'
              | 'MNT'
              | 'MOP'
              | 'MRU'
              | 'MUR'
              | 'MVR'
              | 'MWK'
              | 'MXN'
              | 'MXV'
              | 'MYR'
              | 'MZN'
              | 'NAD'
              | 'NGN'
              | 'NIO'
              | 'NOK'
              | 'NPR'
              | 'NZD'
              | 'OMR'
              | 'PAB'
              | 'PEN'
              | 'PGK'
              | 'PHP'
              | 'PKR'
              | 'PLN'
              | 'PYG'
              | 'QAR'
              | 'RON'
              | 'RSD'
              | 'RUB'
              | 'RWF'
              | 'SAR'
              | 'SBD'
              | 'SCR'
              | 'SDG'
              | 'SEK'
              | 'SGD'
              | 'SHP'
              | 'SLE'
              | 'SLL'
              | 'SOS'
              | 'SRD'
              | 'SSP'
              | 'STN'
              | 'SVC'
              | 'SYP'
              | 'SZL'
              | 'THB'
              | 'TJS'
              | 'TMT'
              | 'TND'
              | 'TOP'
              | 'TRY'
              | 'TTD'
              | 'TWD'
              | 'TZS'
              | 'UAH'
              | 'UGX'
              | 'USD'
              | 'USN'
              | 'UYI'
              | 'UYU'
              | 'UYW'
              | 'UZS'
              | 'VED'
              | 'VES'
              | 'VND'
              | 'VUV'
              | 'WST'
              | 'XAF'
              | 'XCD'
              | 'XCG'
              | 'XOF'
              | 'XPF'
              | 'YER'
              | 'ZAR'
              | 'ZMW'
              | 'ZWG'
              | 'ZWL';
            /**
             * Format: date
             * @example 2026-11-23
             */
            effectiveDate: string;
            /**
             * @description 1 unit of from = rate units of to; exact, at most 10 decimals
             * @example 1.0856
             */
            rate: string;
          }[];
        };
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /**
               * @description ISO 4217 code; stored upper case (usd is USD)
               * @example USD
               * @enum {string}
               */
              from:
                | 'AED'
                | 'AFN'
                | 'ALL'
                | 'AMD'
                | 'ANG'
                | 'AOA'
                | 'ARS'
                | 'AUD'
                | 'AWG'
                | 'AZN'
                | 'BAM'
                | 'BBD'
                | 'BDT'
                | 'BGN'
                | 'BHD'
                | 'BIF'
                | 'BMD'
                | 'BND'
                | 'BOB'
                | 'BOV'
                | 'BRL'
                | 'BSD'
                | 'BTN'
                | 'BWP'
                | 'BYN'
                | 'BZD'
                | 'CAD'
                | 'CDF'
                | 'CHE'
                | 'CHF'
                | 'CHW'
                | 'CLF'
                | 'CLP'
                | 'CNY'
                | 'COP'
                | 'COU'
                | 'CRC'
                | 'CUC'
                | 'CUP'
                | 'CVE'
                | 'CZK'
                | 'DJF'
                | 'DKK'
                | 'DOP'
                | 'DZD'
                | 'EGP'
                | 'ERN'
                | 'ETB'
                | 'EUR'
                | 'FJD'
                | 'FKP'
                | 'GBP'
                | 'GEL'
                | 'GHS'
                | 'GIP'
                | 'GMD'
                | 'GNF'
                | 'GTQ'
                | 'GYD'
                | 'HKD'
                | 'HNL'
                | 'HTG'
                | 'HUF'
                | 'IDR'
                | 'ILS'
                | 'INR'
                | 'IQD'
                | 'IRR'
                | 'ISK'
                | 'JMD'
                | 'JOD'
                | 'JPY'
                | 'KES'
                | 'KGS'
                | 'KHR'
                | 'KMF'
                | 'KPW'
                | 'KRW'
                | 'KWD'
                | 'KYD'
                | 'KZT'
                | 'LAK'
                | 'LBP'
                | 'LKR'
                | 'LRD'
                | 'LSL'
                | 'LYD'
                | 'MAD'
                | 'MDL'
                | 'MGA'
                | 'MKD'
                | 'MMK'
                | 'MNT'
                | 'MOP'
                | 'MRU'
                | 'MUR'
                | 'MVR'
                | 'MWK'
                | 'MXN'
                | 'MXV'
                | 'MYR'
                | 'MZN'
                | 'NAD'
                | 'NGN'
                | 'NIO'
                | 'NOK'
                | 'NPR'
                | 'NZD'
                | 'OMR'
                | 'PAB'
                | 'PEN'
                | 'PGK'
                | 'PHP'
                | 'PKR'
                | 'PLN'
                | 'PYG'
                | 'QAR'
                | 'RON'
                | 'RSD'
                | 'RUB'
                | 'RWF'
                | 'SAR'
                | 'SBD'
                | 'SCR'
                | 'SDG'
                | 'SEK'
                | 'SGD'
                | 'SHP'
                | 'SLE'
                | 'SLL'
                | 'SOS'
                | 'SRD'
                | 'SSP'
                | 'STN'
                | 'SVC'
                | 'SYP'
                | 'SZL'
                | 'THB'
                | 'TJS'
                | 'TMT'
                | 'TND'
                | 'TOP'
                | 'TRY'
                | 'TTD'
                | 'TWD'
                | 'TZS'
                | 'UAH'
                | 'UGX'
                | 'USD'
                | 'USN'
                | 'UYI'
                | 'UYU'
                | 'UYW'
                | 'UZS'
                | 'VED'
                | 'VES'
                | 'VND'
                | 'VUV'
                | 'WST'
                | 'XAF'
                | 'XCD'
                | 'XCG'
                | 'XOF'
                | 'XPF'
                | 'YER'
                | 'ZAR'
                | 'ZMW'
                | 'ZWG'
                | 'ZWL';
              /**
               * @description ISO 4217 code; stored upper case (usd is USD)
               * @example USD
               * @enum {string}
               */
              to:
                | 'AED'
                | 'AFN'
                | 'ALL'
                | 'AMD'
                | 'ANG'
                | 'AOA'
                | 'ARS'
                | 'AUD'
                | 'AWG'
                | 'AZN'
                | 'BAM'
                | 'BBD'
                | 'BDT'
                | 'BGN'
                | 'BHD'
                | 'BIF'
                | 'BMD'
                | 'BND'
                | 'BOB'
                | 'BOV'
                | 'BRL'
                | 'BSD'
                | 'BTN'
                | 'BWP'
                | 'BYN'
                | 'BZD'
                | 'CAD'
                | 'CDF'
                | 'CHE'
                | 'CHF'
                | 'CHW'
                | 'CLF'
                | 'CLP'
                | 'CNY'
                | 'COP'
                | 'COU'
                | 'CRC'
                | 'CUC'
                | 'CUP'
                | 'CVE'
                | 'CZK'
                | 'DJF'
                | 'DKK'
                | 'DOP'
                | 'DZD'
                | 'EGP'
                | 'ERN'
                | 'ETB'
                | 'EUR'
                | 'FJD'
                | 'FKP'
                | 'GBP'
                | 'GEL'
                | 'GHS'
                | 'GIP'
                | 'GMD'
                | 'GNF'
                | 'GTQ'
                | 'GYD'
                | 'HKD'
                | 'HNL'
                | 'HTG'
                | 'HUF'
                | 'IDR'
                | 'ILS'
                | 'INR'
                | 'IQD'
                | 'IRR'
                | 'ISK'
                | 'JMD'
                | 'JOD'
                | 'JPY'
                | 'KES'
                | 'KGS'
                | 'KHR'
                | 'KMF'
                | 'KPW'
                | 'KRW'
                | 'KWD'
                | 'KYD'
                | 'KZT'
                | 'LAK'
                | 'LBP'
                | 'LKR'
                | 'LRD'
                | 'LSL'
                | 'LYD'
                | 'MAD'
                | 'MDL'
                | 'MGA'
                | 'MKD'
                | 'MMK'
                | 'MNT'
                | 'MOP'
                | 'MRU'
                | 'MUR'
                | 'MVR'
                | 'MWK'
                | 'MXN'
                | 'MXV'
                | 'MYR'
                | 'MZN'
                | 'NAD'
                | 'NGN'
                | 'NIO'
                | 'NOK'
                | 'NPR'
                | 'NZD'
                | 'OMR'
                | 'PAB'
                | 'PEN'
                | 'PGK'
                | 'PHP'
                | 'PKR'
                | 'PLN'
                | 'PYG'
                | 'QAR'
                | 'RON'
                | 'RSD'
                | 'RUB'
                | 'RWF'
                | 'SAR'
                | 'SBD'
                | 'SCR'
                | 'SDG'
                | 'SEK'
                | 'SGD'
                | 'SHP'
                | 'SLE'
                | 'SLL'
                | 'SOS'
                | 'SRD'
                | 'SSP'
                | 'STN'
                | 'SVC'
                | 'SYP'
                | 'SZL'
                | 'THB'
                | 'TJS'
                | 'TMT'
                | 'TND'
                | 'TOP'
                | 'TRY'
                | 'TTD'
                | 'TWD'
                | 'TZS'
                | 'UAH'
                | 'UGX'
                | 'USD'
                | 'USN'
                | 'UYI'
                | 'UYU'
                | 'UYW'
                | 'UZS'
                | 'VED'
                | 'VES'
                | 'VND'
                | 'VUV'
                | 'WST'
                | 'XAF'
                | 'XCD'
                | 'XCG'
                | 'XOF'
                | 'XPF'
                | 'YER'
                | 'ZAR'
                | 'ZMW'
                | 'ZWG'
                | 'ZWL';
              /**
               * Format: date
               * @example 2026-11-23
               */
              effectiveDate: string;
              /**
               * @description 1 unit of from = rate units of to; exact, at most 10 decimals
               * @example 1.0856
               */
              rate: string;
              /** @enum {string} */
              change: 'create' | 'update' | 'unchanged';
            }[];
          };
        };
      };
      /** @description VALIDATION_FAILED: a malformed rate, the same currency twice, the same pair and day twice; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and finance only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postFxRatesUpload: {
    parameters: {
      query?: {
        decimalMark?: '.' | ',';
        dateOrder?: 'MDY' | 'DMY';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'text/csv': string;
        'application/csv': string;
        'text/tab-separated-values': string;
        'application/edi-x12': string;
        'application/octet-stream': string;
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            rows: number;
            stored: number;
            created: number;
            updated: number;
            unchanged: number;
            errors: {
              row: number;
              line: number;
              field: string | null;
              message: string;
            }[];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and finance only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getShipments: {
    parameters: {
      query?: {
        distributorId?: number;
        from?: string;
        to?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              id: number;
              distributorId: number;
              documentNumber: string;
              lineNumber: string;
              shipDate: string;
              productId: number;
              quantity: number;
              amount: string;
              currency: string;
              loadedByUserId: number;
              createdAt: string;
            }[];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postShipments: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          lines: components['schemas']['ShipmentLine'][];
        };
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShipmentLoad'];
        };
      };
      /** @description VALIDATION_FAILED: the body is not a list of shipment lines; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and finance only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postShipmentsUpload: {
    parameters: {
      query?: {
        decimalMark?: '.' | ',';
        dateOrder?: 'MDY' | 'DMY';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'text/csv': string;
        'application/csv': string;
        'text/tab-separated-values': string;
        'application/edi-x12': string;
        'application/octet-stream': string;
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShipmentLoad'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and finance only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getNotifications: {
    parameters: {
      query?: {
        status?: 'unread' | 'all';
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Notification'][];
            total: number;
            unread: number;
            page: number;
            pageSize: number;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postNotificationsByIdRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Notification'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: not a notification of yours */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postNotificationsReadAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            marked: number;
          };
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getNotificationsPreferences: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['NotificationPreference'][];
          };
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putNotificationsPreferences: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          preferences: components['schemas']['NotificationPreference'][];
        };
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['NotificationPreference'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getWebhooks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['WebhookEndpoint'][];
          };
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: admins only (integration.manage); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postWebhooks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          /** @example https://erp.example.com/bec-events */
          url: string;
          events: (
            | 'request.decided'
            | 'request.escalated'
            | 'authorization.changed'
            | 'claim.submitted'
            | 'claim.authorized'
            | 'credit_memo.issued'
            | 'credit_memo.posted'
            | 'import.finished'
          )[];
          description?: string | null;
        };
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointWithSecret'];
        };
      };
      /** @description VALIDATION_FAILED: url not http(s), not resolvable, or a non-public address outside WEBHOOK_PRIVATE_ALLOWLIST; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  deleteWebhooksById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpoint'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getWebhooksByIdDeliveries: {
    parameters: {
      query?: {
        before?: number;
        limit?: number;
      };
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['WebhookDelivery'][];
            next: number | null;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: admins only (integration.manage); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postWebhooksDeliveriesByIdReplay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
            replayOfId: number;
            /** @enum {string} */
            status: 'pending';
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description ENDPOINT_INACTIVE: the endpoint was deactivated */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getPrograms: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Program'][];
          };
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postPrograms: {
    parameters: {
      query?: never;
      header?: {
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['ProgramInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Program'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getProgramsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Program'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  patchProgramsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['ProgramPatch'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Program'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getProgramsByIdVersions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ProgramVersion'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRebatesPrograms: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['RebateProgram'][];
          };
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRebatesProgramsByProgramId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        programId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RebateProgram'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putRebatesProgramsByProgramId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        programId: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['RebateProgramInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RebateProgram'];
        };
      };
      /** @description VALIDATION_FAILED: errors[] naming each field of the terms (terms.tiers.0.from); MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such program */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_A_REBATE_PROGRAM: the program is of another type */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNKNOWN_REFERENCE: the terms name a product or end customer that does not exist, errors[] naming its place */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRebatesProgramsByProgramIdCalculation: {
    parameters: {
      query?: {
        distributorId?: number;
        date?: string;
      };
      header?: never;
      path: {
        programId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RebateCalculationView'];
        };
      };
      /** @description VALIDATION_FAILED: a vendor user names no distributorId, or a bad date */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such program or distributor (a distributor user sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_A_REBATE_PROGRAM, REBATE_TERMS_MISSING: the program has no rebate terms */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description VALIDATION_FAILED: the period is outside the program, or the distributor is not eligible */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postRebatesProgramsByProgramIdPreview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        programId: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['RebatePreviewInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RebatePreview'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRebatesProgress: {
    parameters: {
      query?: {
        distributorId?: number;
        date?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RebateProgress'];
        };
      };
      /** @description VALIDATION_FAILED: a vendor user names no distributorId, or a bad date */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: a distributor user names another distributor's distributorId (errors[] names it); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRebatesPeriods: {
    parameters: {
      query?: {
        programId?: number;
        status?: 'closed' | 'authorized' | 'paid';
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['RebatePeriod'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postRebatesPeriods: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['RebateCloseInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RebatePeriod'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description PERIOD_NOT_OVER: the period is still running; REBATE_PERIOD_CLOSED: closed already; REBATE_SALE_TAKEN: a sale it counts was taken meanwhile (close again) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description VALIDATION_FAILED: the period is outside the program, or the distributor is not eligible */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRebatesPeriodsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RebatePeriod'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postRebatesPeriodsByIdAdjust: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['RebateAdjustInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RebatePeriod'];
        };
      };
      /** @description VALIDATION_FAILED: the amount is not whole minor units of the currency, or no reason; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description REBATE_PERIOD_NOT_CLOSED: the period is authorized or paid already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postRebatesPeriodsByIdAuthorize: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RebatePeriod'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description SEPARATION_OF_DUTIES: whoever closed or adjusted the period does not authorize it; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description REBATE_PERIOD_NOT_CLOSED: not a closed period; NOTHING_APPROVED: the period pays nothing */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postRebatesPeriodsByIdPay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['RebatePayInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RebatePeriod'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description REBATE_PERIOD_NOT_AUTHORIZED: only an authorized period is paid */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description ERP_REFERENCE_REQUIRED: the finance setting erpReferenceRequired is on and no externalRef was sent */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRebatesPeriodsToClose: {
    parameters: {
      query?: {
        asOf?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RebatePeriodsToClose'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRequests: {
    parameters: {
      query?: {
        status?: 'pending' | 'approved' | 'declined' | 'countered' | 'withdrawn';
        requestedBy?: 'me' | 'others';
        opportunityId?: string;
        accountId?: string;
        page?: number;
        pageSize?: number;
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SpecialPriceRequest'][];
            /** @description the requests the filters match; only when paging by number (a cursor page counts nothing) */
            total?: number;
            page: number;
            pageSize: number;
            /** @description pass as cursor for the next page (keyset: a deep page costs what the first does); null on the last page */
            nextCursor?: string | null;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postRequests: {
    parameters: {
      query?: never;
      header?: {
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['SpecialPriceRequestInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SpecialPriceRequest'];
        };
      };
      /** @description VALIDATION_FAILED, errors[] naming each field: e.g. a requestedCost that is negative or above 99999999999999.9999, a quantity outside 1..100000000; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: finance and admins do not request prices; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_ELIGIBLE: the request does not fit the program (product, distributor, end customer, quantity cap, price floor, dates), errors[] naming each field; IDEMPOTENCY_KEY_REUSED */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRequestsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SpecialPriceRequest'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postRequestsByIdApprove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['Decision'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SpecialPriceRequest'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description SELF_APPROVAL_FORBIDDEN: the requester never decides its own request; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description REQUEST_NOT_OPEN: the request was decided already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postRequestsByIdDecline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['Decline'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SpecialPriceRequest'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description SELF_APPROVAL_FORBIDDEN: the requester never decides its own request; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description REQUEST_NOT_OPEN: the request was decided already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postRequestsByIdCounter: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['Counter'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SpecialPriceRequest'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description SELF_APPROVAL_FORBIDDEN: the requester never decides its own request; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description REQUEST_NOT_OPEN: the request was decided already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postRequestsByIdAcceptCounter: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SpecialPriceRequest'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description REQUEST_NOT_OPEN: the request has no counter-offer to accept */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postRequestsByIdRejectCounter: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['RejectCounter'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SpecialPriceRequest'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: only the requesting side (its distributor, or the channel manager who requested) answers a counter-offer; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such request, or not yours */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description REQUEST_NOT_OPEN: the request is not countered */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRoutingRules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['RoutingRule'][];
          };
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: admins only (routing.manage); NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postRoutingRules: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['RoutingRuleInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoutingRule'];
        };
      };
      /** @description VALIDATION_FAILED, errors[] naming each field: e.g. an approver who is no active vendor user; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: admins only (routing.manage); INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putRoutingRulesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['RoutingRuleInput'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoutingRule'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: admins only (routing.manage); INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such rule */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  deleteRoutingRulesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoutingRule'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: admins only (routing.manage); INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such rule */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRoutingDelegations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['Delegation'][];
          };
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postRoutingDelegations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DelegationInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Delegation'];
        };
      };
      /** @description VALIDATION_FAILED: the away user or the delegate is no active vendor user, or is the same person; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: only an admin names a delegate for someone else; INSUFFICIENT_SCOPE: and only with the admin scope; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  deleteRoutingDelegationsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: number;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: ending someone else's delegation needs the admin scope; FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such delegation, or not yours */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getUsers: {
    parameters: {
      query?: {
        role?: 'vendor_admin' | 'channel_manager' | 'finance' | 'distributor_user' | 'no_access';
        active?: 'true' | 'false';
        distributorId?: number;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['AdminUser'][];
            total: number;
            page: number;
            pageSize: number;
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['UserInvitation'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InvitedUser'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description USER_EXISTS: the e-mail is taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getUsersById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUser'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such user */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postUsersByIdDeactivate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUser'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such user */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description LAST_ADMIN: the last active vendor admin */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postUsersByIdReactivate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUser'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such user */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  patchUsersByIdRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['RoleChange'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUser'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); FORBIDDEN: the caller's role may not do this; CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: no such user */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description LAST_ADMIN: the last active vendor admin */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postInvitationsAccept: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['InvitationAcceptance'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUser'];
        };
      };
      /** @description INVITATION_INVALID, INVITATION_EXPIRED; VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSetup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SetupStatus'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postSetup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['FirstAdmin'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUser'];
        };
      };
      /** @description SETUP_TOKEN_INVALID, VALIDATION_FAILED; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description SETUP_DONE: users exist already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getMasterdataProducts: {
    parameters: {
      query?: {
        q?: string;
        family?: string;
        active?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['MasterProduct'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and channel managers only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postMasterdataProducts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['ProductInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterProduct'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description PRODUCT_EXISTS: the vendor part number is taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getMasterdataProductsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterProduct'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and channel managers only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  patchMasterdataProductsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['ProductPatch'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterProduct'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description PRODUCT_EXISTS: the vendor part number is taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postMasterdataProductsByIdDeactivate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterProduct'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postMasterdataProductsByIdReactivate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterProduct'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getMasterdataBookCosts: {
    parameters: {
      query?: {
        distributorId?: number;
        productId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['BookCost'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and channel managers only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postMasterdataBookCosts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['BookCostInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BookCost'];
        };
      };
      /** @description VALIDATION_FAILED: an unknown distributorId or productId; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getMasterdataPartNumbers: {
    parameters: {
      query?: {
        distributorId?: number;
        productId?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['PartNumber'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and channel managers only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postMasterdataPartNumbers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['PartNumberInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PartNumber'];
        };
      };
      /** @description VALIDATION_FAILED: an unknown distributorId or productId; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description PART_NUMBER_EXISTS: the part names another product already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  deleteMasterdataPartNumbersById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getMasterdataAccounts: {
    parameters: {
      query?: {
        type?: 'end_customer' | 'reseller';
        q?: string;
        includeMerged?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['MasterAccount'][];
          };
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and channel managers only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postMasterdataAccounts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['PartyInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterAccount'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description ACCOUNT_EXISTS: the name is taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getMasterdataAccountsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterAccount'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and channel managers only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  patchMasterdataAccountsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['PartyPatch'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterAccount'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description ACCOUNT_EXISTS: the name is taken; ACCOUNT_MERGED: the account was merged */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postMasterdataAccountsByIdMerge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['AccountMerge'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AccountMergeResult'];
        };
      };
      /** @description VALIDATION_FAILED: intoId is the account itself, unknown, of another type, or merged; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description ACCOUNT_MERGED: merged already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getMasterdataDistributors: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['MasterAccount'][];
          };
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and channel managers only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postMasterdataDistributors: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DistributorInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterAccount'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description ACCOUNT_EXISTS: the name is taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getMasterdataDistributorsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterDistributor'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins and channel managers only; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  patchMasterdataDistributorsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DistributorPatch'];
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MasterAccount'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description ACCOUNT_EXISTS: the name is taken; CURRENCY_IN_USE: it has figures in its currency */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postMasterdataDistributorsByIdContacts: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DistributorContactInput'];
      };
    };
    responses: {
      /** @description success */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DistributorContact'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each; MALFORMED_JSON: the body is not JSON */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description CONTACT_EXISTS: the e-mail is a contact already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  deleteMasterdataDistributorsByIdContactsByContactId: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: number;
        contactId: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description NOT_FOUND: nothing of that id the caller may see (a distributor sees only its own) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postMasterdataProductsBulk: {
    parameters: {
      query?: {
        dryRun?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'text/csv': string;
        'application/csv': string;
        'text/tab-separated-values': string;
        'application/edi-x12': string;
        'application/octet-stream': string;
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkLoadResult'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description BULK_LOAD_REJECTED: row errors (rowErrors[] with row, line, field, message); nothing was loaded */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postMasterdataBookCostsBulk: {
    parameters: {
      query?: {
        dryRun?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'text/csv': string;
        'application/csv': string;
        'text/tab-separated-values': string;
        'application/edi-x12': string;
        'application/octet-stream': string;
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkLoadResult'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description BULK_LOAD_REJECTED: row errors (rowErrors[] with row, line, field, message); nothing was loaded */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postMasterdataPartNumbersBulk: {
    parameters: {
      query?: {
        dryRun?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'text/csv': string;
        'application/csv': string;
        'text/tab-separated-values': string;
        'application/edi-x12': string;
        'application/octet-stream': string;
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkLoadResult'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description BULK_LOAD_REJECTED: row errors (rowErrors[] with row, line, field, message); nothing was loaded */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postMasterdataEndCustomersBulk: {
    parameters: {
      query?: {
        dryRun?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'text/csv': string;
        'application/csv': string;
        'text/tab-separated-values': string;
        'application/edi-x12': string;
        'application/octet-stream': string;
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkLoadResult'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description BULK_LOAD_REJECTED: row errors (rowErrors[] with row, line, field, message); nothing was loaded */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postMasterdataResellersBulk: {
    parameters: {
      query?: {
        dryRun?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'text/csv': string;
        'application/csv': string;
        'text/tab-separated-values': string;
        'application/edi-x12': string;
        'application/octet-stream': string;
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkLoadResult'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description BULK_LOAD_REJECTED: row errors (rowErrors[] with row, line, field, message); nothing was loaded */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  postMasterdataDistributorsBulk: {
    parameters: {
      query?: {
        dryRun?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: {
      content: {
        'text/csv': string;
        'application/csv': string;
        'text/tab-separated-values': string;
        'application/edi-x12': string;
        'application/octet-stream': string;
      };
    };
    responses: {
      /** @description success */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BulkLoadResult'];
        };
      };
      /** @description VALIDATION_FAILED: a missing, unknown or malformed field, errors[] naming each */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description UNAUTHENTICATED: no session cookie and no bearer token; INVALID_TOKEN: the bearer token is unknown, expired or revoked */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description FORBIDDEN: vendor admins only; INSUFFICIENT_SCOPE: the API token lacks the scope this needs (write; admin to manage users and integrations); CSRF_TOKEN_INVALID: a cookie session's change without its X-CSRF-Token; NO_ROLE: the account has no role (no_access): an admin, or the identity provider through a group, gives it one */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description BULK_LOAD_REJECTED: row errors (rowErrors[] with row, line, field, message); nothing was loaded */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this caller; try again later */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description an error */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
}
