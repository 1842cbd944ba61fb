/** Builds X12 test files: envelopes around transaction bodies, with any delimiters, right or deliberately wrong. */
import { partnerSettings } from '../../../core/edi/index.js';

export const PARTNER = partnerSettings({ isaQualifier: 'ZZ', isaId: 'ARROWDIST', ourIsaQualifier: 'ZZ', ourIsaId: 'ACMESEMI' });

export interface Delims {
  element: string;
  component: string;
  segment: string;
  /** after each terminator */
  lineBreak: string;
}
export const STAR: Delims = { element: '*', component: '>', segment: '~', lineBreak: '\n' };

export interface TxSpec {
  type: string;
  control: string;
  /** segments between ST and SE, as element arrays */
  body: string[][];
  /** SE01 as written (default: right) */
  seCount?: string;
  seControl?: string;
  noSe?: boolean;
}

export interface InterchangeSpec {
  control?: string;
  groupControl?: string;
  sender?: string;
  transactions: TxSpec[];
  geCount?: string;
  geControl?: string;
  ieaCount?: string;
  ieaControl?: string;
  noIea?: boolean;
  functionalId?: string;
}

export function isa(d: Delims, control: string, sender = PARTNER.isaId): string[] {
  return [
    'ISA',
    '00',
    '          ',
    '00',
    '          ',
    'ZZ',
    sender.padEnd(15),
    'ZZ',
    'ACMESEMI'.padEnd(15),
    '260105',
    '1200',
    'U',
    '00401',
    control,
    '0',
    'P',
    d.component,
  ];
}

/** One interchange (one group) as text. */
export function interchange(spec: InterchangeSpec, d: Delims = STAR): string {
  const control = spec.control ?? '000000101';
  const group = spec.groupControl ?? '101';
  const segs: string[][] = [
    isa(d, control, spec.sender),
    ['GS', spec.functionalId ?? 'PT', spec.sender ?? PARTNER.isaId, 'ACMESEMI', '20260105', '1200', group, 'X', '004010'],
  ];
  for (const t of spec.transactions) {
    segs.push(['ST', t.type, t.control], ...t.body);
    if (!t.noSe) segs.push(['SE', t.seCount ?? String(t.body.length + 2), t.seControl ?? t.control]);
  }
  segs.push(['GE', spec.geCount ?? String(spec.transactions.length), spec.geControl ?? group]);
  if (!spec.noIea) segs.push(['IEA', spec.ieaCount ?? '1', spec.ieaControl ?? control]);
  return segs.map((s) => s.join(d.element) + d.segment + d.lineBreak).join('');
}

/** An 867 body in the industry's usage: a distributor, two invoices (a sale of two lines, a return), totals. */
export function body867(
  d: Delims = STAR,
  opts: { cttCount?: string; cttHash?: string; total?: string; badDate?: boolean } = {},
): string[][] {
  return [
    ['BPT', '00', 'RPT-2026-01', '20260105', '01'],
    ['DTM', '090', '20251201'],
    ['DTM', '091', '20251231'],
    ['N1', 'DS', 'Arrow Electronics', '91', 'ARW01'],
    ['PTD', 'SS'],
    ['DTM', '003', opts.badDate ? '20251345' : '20251203'],
    ['DTM', '011', '20251204'],
    ['REF', 'IV', 'INV-1001'],
    ['REF', 'PO', 'PO-77'],
    ['N1', 'ST', 'Bosch Plant 4'],
    ['N1', 'EN', 'Bosch GmbH'],
    ['N3', 'Robert-Bosch-Platz 1'],
    ['N4', 'Gerlingen', '', '70839', 'DE'],
    ['QTY', '39', '100', `EA`],
    ['LIN', '1', 'VP', 'ACM-555', 'BP', 'ARW-555', 'UP', '012345678905'],
    ['UIT', 'EA', '1.25', 'RES'],
    ['UIT', 'EA', '0.90', 'DC'],
    ['UIT', 'EA', '0.70', 'CA'],
    ['REF', 'AH', 'SD-2026-0042'],
    ['PID', 'F', '', '', '', 'Op amp, SOIC-8'],
    ['AMT', '1', '125.00'],
    ['QTY', '39', '50', 'EA'],
    ['LIN', '2', 'VP', 'ACM-777', 'BP', 'ARW-777'],
    ['UIT', 'EA', '2.00', 'RES'],
    ['UIT', 'EA', '1.50', 'DC'],
    ['AMT', '1', '100.00'],
    ['PTD', 'BN'],
    ['DTM', '003', '20251210'],
    ['REF', 'IV', 'CM-2001'],
    ['N1', 'EN', 'Bosch GmbH'],
    ['QTY', '39', '10', `EA${d.component}1`],
    ['LIN', '1', 'VP', 'ACM-555', 'BP', 'ARW-555'],
    ['UIT', 'EA', '1.25', 'RES'],
    ['REF', 'AH', 'SD-2026-0042'],
    ['AMT', '1', '12.50'],
    ['CTT', opts.cttCount ?? '3', opts.cttHash ?? '160'],
    ['AMT', 'TT', opts.total ?? '237.50'],
  ];
}

/** An 844 body: a debit memo claiming two lines of an authorization (CON/PAD/LIN layout). */
export function body844(opts: { total?: string; cttCount?: string; po1?: boolean } = {}): string[][] {
  const line = (n: string, part: string, qty: string, amount: string, inv: string): string[][] =>
    opts.po1
      ? [
          ['PO1', n, qty, 'EA', '1.20', 'DC', 'VP', part],
          ['UIT', 'EA', '0.80', 'CA'],
          ['REF', 'IV', inv],
          ['DTM', '003', '20251203'],
          ['AMT', '1', amount],
        ]
      : [
          ['PAD', 'SD'],
          ['LIN', n, 'VP', part],
          ['QTY', '39', qty, 'EA'],
          ['UIT', 'EA', '1.20', 'DC'],
          ['UIT', 'EA', '0.80', 'CA'],
          ['REF', 'IV', inv],
          ['DTM', '003', '20251203'],
          ['N1', 'EN', 'Bosch GmbH'],
          ['AMT', '1', amount],
        ];
  return [
    ['BGN', '00', 'DM-55012', '20260106'],
    ['CUR', 'BY', 'USD'],
    ['N1', 'DS', 'Arrow Electronics', '91', 'ARW01'],
    ['CON', 'AH', 'SD-2026-0042'],
    ...line('1', 'ACM-555', '100', '40.00', 'INV-1001'),
    ...line('2', 'ACM-555', '25', '10.00', 'INV-1002'),
    ['CTT', opts.cttCount ?? '2', '125'],
    ['AMT', 'TT', opts.total ?? '50.00'],
  ];
}

/** An 844 of one claimed line against an authorization (BGN/CUR header, CON, PAD/LIN/QTY/UIT/REF/DTM/N1, CTT). */
export function claim844(o: {
  control?: string;
  debitMemo: string;
  currency?: string;
  authorization: string;
  part: string;
  customer?: string;
  quantity?: number;
  invoice: string;
}): string {
  const qty = String(o.quantity ?? 10);
  return interchange({
    control: o.control,
    functionalId: 'CF',
    transactions: [
      {
        type: '844',
        control: '0001',
        body: [
          ['BGN', '00', o.debitMemo, '20261020'],
          ['CUR', 'BY', o.currency ?? 'USD'],
          ['CON', 'AH', o.authorization],
          ['PAD', 'SD'],
          ['LIN', '1', 'VP', o.part],
          ['QTY', '39', qty, 'EA'],
          ['UIT', 'EA', '3.00', 'DC'],
          ['UIT', 'EA', '2.00', 'CA'],
          ['REF', 'IV', o.invoice],
          ['DTM', '003', '20261015'],
          ['N1', 'EN', o.customer ?? 'Nobody'],
          ['CTT', '1', qty],
        ],
      },
    ],
  });
}

/** An 867 that reports nothing (a header and its totals). */
export const EMPTY_867: string[][] = [
  ['BPT', '00', 'R1', '20260105', '01'],
  ['CTT', '0'],
];
