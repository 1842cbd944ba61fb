/**
 * Display formatting through Intl, with the component's `locale` and `currency`.
 * Money arrives as a decimal string; Intl.NumberFormat formats the string itself (no float
 * round-trip), so "1234.5650" shows exactly.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(locale || undefined, options);
    cache.set(key, f);
  }
  return f;
}

/** Formats a decimal money string ("1234.5000") as currency, to the cent. */
export function formatMoney(amount: string | null | undefined, currency = 'USD', locale?: string): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  // Intl accepts decimal strings exactly (Intl.NumberFormat v3); the lib typing only says number.
  return numberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    amount as unknown as number,
  );
}

/** Compact currency for chart axes ("$1.2M"). Geometry only: never used for arithmetic. */
export function formatMoneyCompact(amount: number, currency = 'USD', locale?: string): string {
  return numberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(amount);
}

/** A unit price with up to 4 decimals. */
export function formatUnitPrice(amount: string | null | undefined, currency = 'USD', locale?: string): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  return numberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(
    amount as unknown as number,
  );
}

export function formatNumber(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined) return '—';
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

export function formatPercent(value: number, locale?: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** Formats an ISO date ("2026-11-02") or timestamp for display. Dates without time stay in UTC. */
export function formatDate(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '—';
  const key = `d|${locale ?? ''}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale || undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    cache.set(key, f);
  }
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}

/** "ship_and_debit" → "Ship & debit". */
export function labelOf(code: string | null | undefined): string {
  if (!code) return '—';
  if (code === 'ship_and_debit') return 'Ship & debit';
  if (code === 'spa' || code === 'dpa') return code.toUpperCase();
  const s = code.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
