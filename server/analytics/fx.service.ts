/**
 * Exchange rates (issue 16 part 3): put by the API or loaded from a CSV file, each change audited
 * with its before and after. A CSV row with an error is reported with its row, line and field and
 * the valid rows are stored (nothing valid is lost); the same pair and day twice in one file is an
 * error of the later row. Rates are the vendor's settings, the same for every distributor.
 */
import type { Readable } from 'node:stream';
import { FX_RATE_COLUMNS, parseCurrencyCell, parseRate, type FxRate } from '../../core/analytics/fx.js';
import { TableReader, type TableError } from '../../core/masterdata/table.js';
import { decodeChunks } from '../../core/pos/parser.js';
import { parseDateText, parseDecimalText, type DecimalMark } from '../../core/pos/values.js';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { AppError } from '../errors.js';
import * as repo from './fx.repository.js';

export type Change = 'create' | 'update' | 'unchanged';

/** Stores rates in one transaction, auditing each one that changes; returns what each did. */
async function store(actor: Actor, rates: FxRate[], source: 'api' | 'csv'): Promise<Change[]> {
  return repo.inTransaction(async (t) => {
    const out: Change[] = [];
    for (const rate of rates) {
      const before = await repo.rateOf(rate.from, rate.to, rate.effectiveDate, t);
      if (before && before.rate === rate.rate) {
        out.push('unchanged');
        continue;
      }
      await repo.putRate(rate, source, actor.userId, before !== null, t);
      await recordAudit(
        actor,
        {
          action: before ? 'fx_rate.change' : 'fx_rate.create',
          entityType: 'fx_rate',
          entityId: `${rate.from}/${rate.to}/${rate.effectiveDate}`,
          before: before ? { rate: before.rate } : null,
          after: { ...rate, source },
        },
        t,
      );
      out.push(before ? 'update' : 'create');
    }
    return out;
  });
}

const pairKey = (r: FxRate) => `${r.from}/${r.to}/${r.effectiveDate}`;

/** PUT /api/fx-rates: every rate is valid (the schema checked it) or none is stored. */
export async function putRates(actor: Actor, rates: FxRate[]) {
  const seen = new Map<string, number>();
  rates.forEach((r, i) => {
    if (r.from === r.to)
      throw new AppError('VALIDATION_FAILED', 'a rate converts one currency into another', 400, {
        errors: [{ field: `rates.${i}.to`, message: 'the same currency as from' }],
      });
    const earlier = seen.get(pairKey(r));
    if (earlier !== undefined)
      throw new AppError('VALIDATION_FAILED', 'the same pair and day twice', 400, {
        errors: [{ field: `rates.${i}`, message: `the same pair and day as rates.${earlier}` }],
      });
    seen.set(pairKey(r), i);
  });
  const changes = await store(actor, rates, 'api');
  return { items: rates.map((r, i) => ({ ...r, change: changes[i]! })) };
}

export const listRates = repo.listRates;

/**
 * A CSV of rates (From, To, Effective Date, Rate): read with the master data reader (BOM, `;`
 * or `,`, quotes); numbers with the POS cell reader, so `1,0856` with a decimal comma is read
 * when the file (or `decimalMark`) says so; dates in ISO or with a `dateOrder`.
 */
export async function loadRatesCsv(
  actor: Actor,
  body: Readable,
  options: { decimalMark: DecimalMark | null; dateOrder: 'MDY' | 'DMY' | null },
) {
  const reader = new TableReader(FX_RATE_COLUMNS);
  for await (const chunk of decodeChunks(body as AsyncIterable<Uint8Array>)) reader.push(chunk);
  const { rows, errors } = reader.end();
  const good: { row: number; rate: FxRate }[] = [];
  const seen = new Map<string, number>();
  if (!errors.some((e) => e.row === 1))
    for (const row of rows) {
      const err = (field: string | null, message: string) => errors.push({ row: row.row, line: row.line, field, message });
      const before = errors.length;
      const from = parseCurrencyCell(row.cells.from);
      const to = parseCurrencyCell(row.cells.to);
      const day = parseDateText(row.cells.effectiveDate, options.dateOrder);
      const number = parseDecimalText(row.cells.rate, { decimalMark: options.decimalMark });
      const rate = number.ok ? parseRate(number.value) : { ok: false as const, reason: `"${row.cells.rate}" ${number.reason}` };
      if (!from.ok) err('from', from.reason);
      if (!to.ok) err('to', to.reason);
      if (!day.ok) err('effectiveDate', `"${row.cells.effectiveDate}" ${day.reason}`);
      if (!rate.ok) err('rate', rate.reason);
      if (errors.length > before || !from.ok || !to.ok || !day.ok || !rate.ok) continue;
      if (from.value === to.value) {
        err('to', 'the same currency as From');
        continue;
      }
      const fx: FxRate = { from: from.value, to: to.value, effectiveDate: day.value, rate: rate.value };
      const earlier = seen.get(pairKey(fx));
      if (earlier !== undefined) {
        err(null, `the same pair and day as row ${earlier}`);
        continue;
      }
      seen.set(pairKey(fx), row.row);
      good.push({ row: row.row, rate: fx });
    }
  const changes = good.length
    ? await store(
        actor,
        good.map((g) => g.rate),
        'csv',
      )
    : [];
  errors.sort((a, b) => a.row - b.row);
  const count = (c: Change) => changes.filter((x) => x === c).length;
  return {
    rows: rows.length,
    stored: good.length,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    errors: errors as TableError[],
  };
}
