/**
 * Display formatting through Intl, with the component's `locale` and `currency`.
 * Money arrives as a decimal string; Intl.NumberFormat formats the string itself (no float
 * round-trip), so "1234.5650" shows exactly.
 */

import { isMoneyText } from '../../core/money.js';

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

/** A day without its year ("Dec 7"), for a chart's axis where the full date is in the marks and the table. */
export function formatShortDate(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '—';
  const key = `ds|${locale ?? ''}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale || undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    cache.set(key, f);
  }
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}

/**
 * "end_customer" → "End customer": a code no catalog words yet, readable. A code the catalog has
 * words for (program types, claim statuses, verdicts) is shown by `codeLabel` (shared/i18n.ts).
 */
export function labelOf(code: string | null | undefined): string {
  if (!code) return '—';
  const s = code.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The locale's group and decimal marks ("," and "." in en, "." and "," in de, narrow space and "," in fr). */
function marksOf(locale?: string): { group: string; decimal: string } {
  const parts = numberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
  return { group: parts.find((p) => p.type === 'group')?.value ?? ',', decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads a number typed in the locale's way ("3,05" in de or fr, "1.234,5" in de, "1 234,5" in fr,
 * "1,234.5" in en) into the canonical decimal string the API takes ("3.05", "1234.5"), as text:
 * no float round-trip, so money stays exact. Group marks count only in groups of three ("3.05" in
 * de is no number, not 305); null when the text is no number in that locale.
 */
export function parseLocaleDecimal(text: string, locale?: string): string | null {
  const { group, decimal } = marksOf(locale);
  const t = text.trim().replace(/^\+/, '');
  if (!t) return null;
  // Spaces of every width group digits in the locales that group with a space.
  const g = /\s/.test(group) ? '[\\s\\u202f\\u00a0]' : escape(group);
  const d = escape(decimal);
  const m = new RegExp(`^(-?)(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?$`, 'u').exec(t);
  if (!m) return null;
  const whole = m[2].replace(/\D/g, '');
  return `${m[1]}${whole}${m[3] !== undefined ? `.${m[3]}` : ''}`;
}

/** A canonical decimal string shown for editing in the locale's way ("3.05" → "3,05" in de), without grouping. */
export function formatEditableDecimal(value: string, locale?: string): string {
  return value.replace('.', marksOf(locale).decimal);
}

/**
 * The one reader of every amount a person types (request costs, counter costs, adjustments,
 * disputes, list prices, book costs): text in the locale's way ("100,00" in fr, "1,390.00" in en)
 * to the decimal string the API takes ("100.00", "1390.00"), or null when it is no amount in that
 * locale or more than the API holds (14 digits before the decimal mark, 4 after). Negative amounts
 * read; the form that refuses them says so.
 */
export function parseAmount(text: string, locale?: string): string | null {
  const decimal = parseLocaleDecimal(text, locale);
  return decimal !== null && isMoneyText(decimal) ? decimal : null;
}

/**
 * An amount from the API shown in a field to edit, the locale's way: "1390.0000" is "1,390.00" in
 * en and "1 390,00" in fr, with 2 to 4 decimals. Grouped only where `parseAmount` reads the
 * grouping back (not en-IN's lakhs), so a pre-filled field sent unchanged is the same amount.
 */
export function formatAmountForEditing(value: string | null | undefined, locale?: string): string {
  if (value === null || value === undefined || !isMoneyText(value)) return value?.trim() ?? '';
  const options = { minimumFractionDigits: 2, maximumFractionDigits: 4 };
  // Intl formats a decimal string exactly (no float), as formatMoney does; the first form that
  // reads back as the same amount wins (a locale with other digits falls back to the API's text).
  for (const useGrouping of [true, false]) {
    const text = numberFormat(locale, { ...options, useGrouping }).format(value as unknown as number);
    const back = parseAmount(text, locale);
    if (back !== null && sameAmount(back, value)) return text;
  }
  return value.trim();
}

/** "1390.00" and "1390.0000" are the same amount (compared as text, no float). */
export function sameAmount(a: string, b: string): boolean {
  const canonical = (s: string) => {
    const [whole, fraction = ''] = s.trim().split('.');
    return `${whole!.replace(/^(-?)0+(?=\d)/, '$1')}.${fraction.replace(/0+$/, '')}`;
  };
  return canonical(a) === canonical(b);
}
