/**
 * What an X12 error says: where (interchange, group and transaction control numbers, the segment's
 * ordinal in the file and in its transaction, the element, the byte offset) and why, in one sentence
 * as clear as a CSV row error. The codes are the 997/999's own (AK3/IK3 segment syntax codes, AK4/IK4
 * element syntax codes, AK5/IK5 and AK9 envelope codes), so an acknowledgment writes them as read.
 */
import type { PosRowError } from '../pos/parser.js';

/** How far an error reaches: a line of the transaction, the transaction, its group, or its interchange. */
export type X12ErrorScope = 'line' | 'transaction' | 'group' | 'interchange' | 'file';

export type X12ErrorCode =
  | 'NOT_X12'
  | 'BAD_ISA'
  | 'TRUNCATED'
  | 'SEGMENT_TOO_LONG'
  | 'UNEXPECTED_SEGMENT'
  | 'MISSING_TRAILER'
  | 'CONTROL_NUMBER_MISMATCH'
  | 'COUNT_MISMATCH'
  | 'UNSUPPORTED_TRANSACTION'
  | 'MISSING_SEGMENT'
  | 'MISSING_ELEMENT'
  | 'INVALID_CODE'
  | 'INVALID_DATE'
  | 'INVALID_NUMBER'
  | 'TOTALS_MISMATCH'
  | 'PARTNER_MISMATCH'
  | 'LINE_ERROR';

export interface X12Position {
  /** ISA13 of the interchange, when inside one */
  interchange: string | null;
  /** GS06 of the group */
  group: string | null;
  /** ST02 of the transaction, and its ST01 type */
  transaction: string | null;
  transactionType: string | null;
  /** the segment's tag and its 1-based ordinal in the file */
  segmentTag: string | null;
  segmentIndex: number | null;
  /** 1-based position in the transaction (ST = 1), for AK3/IK3 */
  segmentInTransaction: number | null;
  /** 1-based element (LIN03 → 3), for AK4/IK4 */
  element: number | null;
  /** UTF-8 byte offset of the segment in the file */
  offset: number | null;
}

export interface X12Error extends X12Position {
  code: X12ErrorCode;
  scope: X12ErrorScope;
  /** one sentence: where and why */
  message: string;
  value: string | null;
  /** the 997/999 codes: segment syntax (AK304), element syntax (AK403), transaction (AK502), group (AK905) */
  ack?: { segment?: string; element?: string; transaction?: string; group?: string };
  /** a POS line's error as the CSV path reports it (the line's row is its ordinal in the file) */
  line?: PosRowError;
}

/** "ISA 000000101 / GS 17 / ST 0001 (867), segment 12 (LIN, 4th in the transaction), element LIN03, byte 512" */
export function positionText(p: X12Position): string {
  const parts: string[] = [];
  if (p.interchange !== null) parts.push(`interchange ${p.interchange}`);
  if (p.group !== null) parts.push(`group ${p.group}`);
  if (p.transaction !== null) parts.push(`transaction ${p.transaction}${p.transactionType ? ` (${p.transactionType})` : ''}`);
  if (p.segmentIndex !== null) {
    const inTx = p.segmentInTransaction !== null ? `, ${p.segmentInTransaction} in the transaction` : '';
    parts.push(`segment ${p.segmentIndex}${p.segmentTag ? ` ${p.segmentTag}` : ''}${inTx}`);
  }
  if (p.element !== null && p.segmentTag !== null) parts.push(`element ${p.segmentTag}${String(p.element).padStart(2, '0')}`);
  if (p.offset !== null) parts.push(`byte ${p.offset}`);
  return parts.join(', ');
}
