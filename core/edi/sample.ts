/**
 * A generated 867 of any size, in chunks (never whole in memory): for the benchmark, the streaming
 * tests and a demo. Seeded, so a run repeats. Invoices of 1 to 4 lines in PTD loops (one in ten a
 * return, PTD*BN), each line with QTY, LIN (vendor and distributor part), three UIT prices, the
 * authorization REF and its AMT*1; CTT and AMT*TT totals right; several transactions per group and
 * optionally several interchanges.
 */
import { Money } from '../money.js';
import type { X12PartnerSettings } from './partner.js';
import { isaElements } from './writer.js';

export interface Sample867Options {
  /** POS lines in all */
  lines: number;
  partner: Pick<X12PartnerSettings, 'isaQualifier' | 'isaId' | 'ourIsaQualifier' | 'ourIsaId'>;
  linesPerTransaction?: number;
  /** transactions per interchange (one group each) */
  transactionsPerInterchange?: number;
  element?: string;
  component?: string;
  segment?: string;
  /** written after each terminator ('' for none) */
  lineBreak?: string;
  seed?: number;
  /** about this many characters per chunk */
  chunkChars?: number;
}

/** A well-spread number in 0..n-1 from a few integers (a multiplicative hash: repeatable, no state). */
function spread(n: number, ...keys: number[]): number {
  let h = 0x9e3779b1;
  for (const k of keys) h = Math.imul(h ^ k, 0x85ebca6b) ^ (h >>> 13);
  return (h >>> 0) % n;
}

/** The chunks of a generated 867 file. */
export function* sample867(options: Sample867Options): Generator<string> {
  const e = options.element ?? '*';
  const c = options.component ?? '>';
  const t = (options.segment ?? '~') + (options.lineBreak ?? '\n');
  const perTx = options.linesPerTransaction ?? 10_000;
  const perIc = options.transactionsPerInterchange ?? 50;
  const chunkChars = options.chunkChars ?? 64 * 1024;
  const seed = options.seed ?? 1;
  const p = options.partner;
  let buf = '';
  let written = 0;
  let invoice = 0;
  let interchange = 0;
  const seg = (...values: (string | number)[]) => {
    buf += values.join(e) + t;
  };
  while (written < options.lines) {
    interchange++;
    const control = String(interchange).padStart(9, '0');
    seg(
      ...isaElements({
        from: [p.isaQualifier, p.isaId],
        to: [p.ourIsaQualifier, p.ourIsaId],
        yymmdd: '260105',
        hhmm: '1200',
        version: '004010',
        control,
        usage: 'P',
        component: c,
      }),
    );
    seg('GS', 'PT', p.isaId, p.ourIsaId, '20260105', '1200', interchange, 'X', '004010');
    let transactions = 0;
    while (transactions < perIc && written < options.lines) {
      transactions++;
      const st = String(transactions).padStart(4, '0');
      let count = 0;
      const s = (...values: (string | number)[]) => {
        count++;
        seg(...values);
      };
      s('ST', '867', st);
      s('BPT', '00', `RPT${interchange}-${transactions}`, '20260105', '01');
      s('DTM', '090', '20251201');
      s('N1', 'DS', 'Sample Distributor', '91', 'DIST01');
      let items = 0;
      let hash = 0;
      let total = new Money(0);
      while (items < perTx && written < options.lines) {
        invoice++;
        const lines = Math.min(1 + spread(4, seed, invoice), perTx - items, options.lines - written);
        const isReturn = invoice % 10 === 0;
        s('PTD', isReturn ? 'BN' : 'SS');
        s('DTM', '003', `202512${String(1 + (invoice % 28)).padStart(2, '0')}`);
        s('REF', 'IV', `INV${String(invoice).padStart(8, '0')}`);
        s('N1', 'EN', `End Customer ${invoice % 500}`);
        s('N4', 'Austin', 'TX', '78701', 'US');
        for (let l = 1; l <= lines; l++) {
          const qty = 1 + spread(500, seed, invoice, l);
          const part = spread(5000, seed, invoice, l, 7);
          const resale = (1 + (part % 90) / 10).toFixed(2);
          s('QTY', '39', qty, `EA`);
          s('LIN', l, 'VP', `VP-${part}`, 'BP', `DP-${part}`);
          s('UIT', 'EA', resale, 'RES');
          s('UIT', 'EA', (0.5 + (part % 40) / 10).toFixed(4), 'DC');
          s('UIT', 'EA', (0.3 + (part % 30) / 10).toFixed(4), 'CA');
          s('REF', 'AH', `SD-${part % 300}`);
          const amount = new Money(resale).times(qty);
          s('AMT', '1', amount.toFixed(2));
          total = total.plus(amount);
          hash += qty;
          items++;
          written++;
        }
        if (buf.length >= chunkChars) {
          yield buf;
          buf = '';
        }
      }
      s('CTT', items, hash);
      s('AMT', 'TT', total.toFixed(2));
      seg('SE', count + 1, st);
    }
    seg('GE', transactions, interchange);
    seg('IEA', 1, control);
  }
  if (buf !== '') yield buf;
}
