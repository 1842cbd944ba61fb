/**
 * Every domain event the components dispatch, typed in one place. Names are lowercase so a
 * Salesforce LWC template can bind them (`onbecrequestsubmit={handler}`); all bubble and cross
 * shadow roots (`composed: true`).
 */
import type {
  BulkLoadKind,
  BulkLoadResult,
  Claim,
  ClaimLine,
  ImportProgress,
  MasterAccount,
  Program,
  RebateProgram,
  SpecialPriceRequest,
} from './api.js';

export interface BecEventDetails {
  /** A special-price request was accepted by the server (or, without `api-base`, is ready to send). */
  becrequestsubmit: { request: SpecialPriceRequest | null; input: unknown; idempotencyKey: string };
  /** The request form found problems (eligibility or server field errors). */
  becinvalid: { errors: { field: string; message: string }[] };
  /** A claim or claim line was opened (row activated). */
  becclaimselect: { claim?: Claim; line?: ClaimLine };
  /** Finance adjusted a line (approvedAmount is a decimal string; reason required). */
  beclineadjust: { claimId: number | null; lineId: number; approvedAmount: string; reason: string };
  /** Bulk accept or reject of selected lines. */
  becbulkdecision: { claimId: number | null; lineIds: number[]; decision: 'accept' | 'reject'; reason: string };
  /** A note was added to a claim. */
  becnoteadd: { claimId: number; body: string };
  /** An approver decided a request in the queue. */
  becdecision: { requestId: number; decision: 'approve' | 'decline' | 'counter'; comment: string; request: SpecialPriceRequest | null };
  /** The dashboard's user drilled into a number; `currency` is the amount's ISO 4217 code. */
  becdrilldown: { series: string; key: string; amount: string; currency: string };
  /** The upload's preflight finished in the browser. */
  becpreflight: { rows: number; valid: number; errors: { row: number; field?: string; message: string }[] };
  /** Import progress from the server's stream. */
  becuploadprogress: ImportProgress;
  /** The upload finished (accepted / rejected counts and row errors). */
  becuploadcomplete: ImportProgress & { importId?: string | number | null };
  /** A request to the API failed. */
  becerror: { code: string; message: string; status?: number };
  /** The distributor answered a counter-offer (accepted: approved at the counter price; rejected: withdrawn). */
  beccounteranswer: { requestId: number; answer: 'accept' | 'reject'; request: SpecialPriceRequest | null };
  /** Finance authorized or paid a claim from its work queue. */
  becclaimaction: { claimId: number; action: 'authorize' | 'pay'; claim: Claim | null };
  /** Claims were created (an upload's import, or the claim form): hosts refresh their claim lists. */
  becclaimscreated: { claims: { id: number; number: string }[]; importId: number | null };
  /** Master data changed: a bulk load applied (`kind`, `result`), or an account merged (`merged` into `survivor`). */
  becmasterdatachange: { kind: BulkLoadKind | 'merge'; result?: BulkLoadResult; merged?: MasterAccount; survivor?: MasterAccount };
  /** A program was created or changed in the builder (`program.version` says whether the change made a new version). */
  becprogramsave: { program: Program; created: boolean };
  /** A rebate program's terms were saved in the builder (`created`: it had none before). */
  becrebatesave: { program: RebateProgram; created: boolean };
}

export type BecEventName = keyof BecEventDetails;
export type BecEvent<K extends BecEventName> = CustomEvent<BecEventDetails[K]>;

export function becEvent<K extends BecEventName>(name: K, detail: BecEventDetails[K]): BecEvent<K> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true });
}

declare global {
  interface GlobalEventHandlersEventMap {
    becrequestsubmit: BecEvent<'becrequestsubmit'>;
    becinvalid: BecEvent<'becinvalid'>;
    becrebatesave: BecEvent<'becrebatesave'>;
    becclaimselect: BecEvent<'becclaimselect'>;
    beclineadjust: BecEvent<'beclineadjust'>;
    becbulkdecision: BecEvent<'becbulkdecision'>;
    becnoteadd: BecEvent<'becnoteadd'>;
    becdecision: BecEvent<'becdecision'>;
    becdrilldown: BecEvent<'becdrilldown'>;
    becpreflight: BecEvent<'becpreflight'>;
    becuploadprogress: BecEvent<'becuploadprogress'>;
    becuploadcomplete: BecEvent<'becuploadcomplete'>;
    becerror: BecEvent<'becerror'>;
    beccounteranswer: BecEvent<'beccounteranswer'>;
    becclaimaction: BecEvent<'becclaimaction'>;
    becclaimscreated: BecEvent<'becclaimscreated'>;
    becmasterdatachange: BecEvent<'becmasterdatachange'>;
    becprogramsave: BecEvent<'becprogramsave'>;
  }
}
