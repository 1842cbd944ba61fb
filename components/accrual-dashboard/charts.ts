/**
 * Hand-written SVG charts: a grouped bar chart and a line chart, about 2 KB gzipped.
 * Chosen over a chart library to stay far inside the 80 KB budget (docs/components.md says why).
 * Numbers are converted from decimal strings only for geometry; labels use the exact strings.
 *
 * The chart is drawn at the width it is shown at (`width`, CSS pixels: one SVG unit is one pixel),
 * so its 11 px labels stay 11 px on a phone. Each bar or point is a button in one roving tab stop:
 * ←/→ move across categories, ↑/↓ across series, Home/End to the ends, Enter or Space does what a
 * click does.
 */
import { svg, html, nothing, type TemplateResult } from 'lit';

export interface Series {
  name: string;
  color: string;
  values: string[];
}

export interface ChartOptions {
  label: string;
  categories: string[];
  series: Series[];
  format: (amount: string) => string;
  compact: (n: number) => string;
  onSelect?: (series: string, category: string, amount: string) => void;
  /** The width the chart is shown at, in CSS pixels (640 when unknown). */
  width?: number;
  /**
   * Shorter labels of the categories for the axis ("Dec 7" for the week of Dec 7, 2026), each
   * whole: the marks, their titles and the table keep the full `categories`.
   */
  axisLabels?: string[];
}

/** Whether a chart has anything to draw: some value other than zero (a chart of zeros has no scale to show). */
export function hasFigures(series: Series[]): boolean {
  return series.some((s) => s.values.some((v) => Number(v) !== 0));
}

const H = 240;
const PAD = { top: 12, right: 12, bottom: 36, left: 64 };
/** Text in the chart is this size in CSS pixels whatever the width (SVG units are pixels here). */
export const CHART_FONT_PX = 11;
/** Roughly the width of one character of an 11 px label. */
const CHAR_PX = 6.6;

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

function axes(w: number, max: number, compact: (n: number) => string): TemplateResult {
  const ih = H - PAD.top - PAD.bottom;
  // A tick whose label repeats the one below it ("0 %, 0 %, 1 %") would lie about the scale: it is left out.
  const ticks = [0, 0.25, 0.5, 0.75, 1].filter((t, i, all) => i === 0 || compact(t * max) !== compact(all[i - 1]! * max));
  return svg`${ticks.map((t) => {
    const y = PAD.top + ih - t * ih;
    return svg`<line x1=${PAD.left} x2=${w - PAD.right} y1=${y} y2=${y} class="grid"></line>
      <text x=${PAD.left - 6} y=${y + 4} text-anchor="end" class="tick">${compact(t * max)}</text>`;
  })}`;
}

function legend(series: Series[]): TemplateResult {
  return html`<div class="legend">${series.map((s) => html`<span><i style="background:${s.color}"></i>${s.name}</span>`)}</div>`;
}

/** A category label cut to the room it has. */
function fit(label: string, room: number): string {
  const chars = Math.max(3, Math.floor(room / CHAR_PX));
  return label.length > chars ? `${label.slice(0, chars - 1)}…` : label;
}

/** Moves the roving focus among the chart's marks (data-ci = category, data-si = series). */
function onKey(e: KeyboardEvent, o: ChartOptions) {
  const mark = (e.target as Element).closest('[data-ci]') as SVGElement | null;
  if (!mark) return;
  const ci = Number(mark.dataset.ci);
  const si = Number(mark.dataset.si);
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    o.onSelect?.(o.series[si]!.name, o.categories[ci]!, o.series[si]!.values[ci]!);
    return;
  }
  const last = o.categories.length - 1;
  const next: Record<string, [number, number]> = {
    ArrowRight: [Math.min(last, ci + 1), si],
    ArrowLeft: [Math.max(0, ci - 1), si],
    ArrowDown: [ci, Math.min(o.series.length - 1, si + 1)],
    ArrowUp: [ci, Math.max(0, si - 1)],
    Home: [0, si],
    End: [last, si],
  };
  const to = next[e.key];
  if (!to) return;
  e.preventDefault();
  const target = mark.ownerSVGElement?.querySelector<SVGElement>(`[data-ci="${to[0]}"][data-si="${to[1]}"]`);
  if (!target || target === mark) return;
  mark.setAttribute('tabindex', '-1');
  target.setAttribute('tabindex', '0');
  target.focus();
}

/** The attributes that make one bar or point a button of the roving tab stop. */
function markLabel(o: ChartOptions, si: number, ci: number): string {
  return `${o.series[si]!.name}, ${o.categories[ci]}: ${o.format(o.series[si]!.values[ci]!)}`;
}

/** The chart's width, scale top and inner width and height. */
function geometry(o: ChartOptions) {
  const w = Math.max(240, Math.round(o.width ?? 640));
  const max = niceMax(Math.max(0, ...o.series.flatMap((s) => s.values.map(Number))));
  return { w, max, iw: w - PAD.left - PAD.right, ih: H - PAD.top - PAD.bottom };
}

/** The SVG around the marks: labelled group, axes, the keyboard, and the legend below. */
function frame(o: ChartOptions, w: number, max: number, marks: unknown): TemplateResult {
  return html`<svg
      viewBox="0 0 ${w} ${H}"
      width=${w}
      height=${H}
      role="group"
      aria-label=${o.label}
      aria-roledescription="chart"
      class="chart"
      part="chart"
      @keydown=${(e: KeyboardEvent) => onKey(e, o)}
    >
      ${axes(w, max, o.compact)} ${marks}
    </svg>
    ${legend(o.series)}`;
}

/** Grouped vertical bars, one group per category; each bar is a button in one roving tab stop. */
export function barChart(o: ChartOptions): TemplateResult {
  const { w, max, iw, ih } = geometry(o);
  const groupW = iw / Math.max(1, o.categories.length);
  const barW = Math.min(28, (groupW * 0.8) / o.series.length);
  const labels = o.axisLabels ?? o.categories;
  // every k-th category is labelled where the longest label (at least 5 characters) does not fit under each
  const longest = Math.max(5, ...labels.map((l) => l.length));
  const every = Math.max(1, Math.ceil(((longest + 1) * CHAR_PX) / groupW));
  return frame(
    o,
    w,
    max,
    o.categories.map((cat, ci) => {
      const x0 = PAD.left + ci * groupW + (groupW - barW * o.series.length) / 2;
      return svg`${o.series.map((s, si) => {
        const v = Number(s.values[ci] ?? 0);
        const h = (Math.max(0, v) / max) * ih;
        return svg`<rect x=${x0 + si * barW} y=${PAD.top + ih - h} width=${Math.max(1, barW - 2)} height=${Math.max(h, 0.5)} rx="2" style="fill:${s.color}"
            class="bar" role="button" tabindex=${ci === 0 && si === 0 ? 0 : -1} aria-label=${markLabel(o, si, ci)} data-ci=${ci} data-si=${si}
            @click=${() => o.onSelect?.(s.name, cat, s.values[ci]!)}><title>${s.name} · ${cat}: ${o.format(s.values[ci]!)}</title></rect>`;
      })}
          ${
            ci % every === 0
              ? svg`<text x=${PAD.left + ci * groupW + groupW / 2} y=${H - PAD.bottom + 16} text-anchor="middle" class="tick" aria-hidden="true">${fit(labels[ci] ?? cat, groupW * every - 4)}</text>`
              : nothing
          }`;
    }),
  );
}

/** One line per series over ordered categories (weeks); each point is a button in one roving tab stop. */
export function lineChart(o: ChartOptions): TemplateResult {
  const { w, max, iw, ih } = geometry(o);
  const n = o.categories.length;
  const x = (i: number) => PAD.left + (n <= 1 ? iw / 2 : (i * iw) / (n - 1));
  const y = (v: number) => PAD.top + ih - (Math.max(0, v) / max) * ih;
  const labels = o.axisLabels ?? o.categories;
  const longest = Math.max(1, ...labels.map((c) => c.length));
  const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(iw / ((longest + 2) * CHAR_PX)))));
  return frame(
    o,
    w,
    max,
    svg`${o.series.map(
      (s, si) => svg`<polyline fill="none" style="stroke:${s.color}" stroke-width="2.5" stroke-linejoin="round"
          points=${s.values.map((v, i) => `${x(i)},${y(Number(v))}`).join(' ')}></polyline>
          ${s.values.map(
            (v, i) =>
              svg`<circle cx=${x(i)} cy=${y(Number(v))} r="4" style="fill:${s.color}" class="bar" role="button" tabindex=${i === 0 && si === 0 ? 0 : -1}
                aria-label=${markLabel(o, si, i)} data-ci=${i} data-si=${si}
                @click=${() => o.onSelect?.(s.name, o.categories[i]!, v)}><title>${s.name} · ${o.categories[i]}: ${o.format(v)}</title></circle>`,
          )}`,
    )}
      ${o.categories.map((c, i) =>
        i % every === 0
          ? svg`<text x=${x(i)} y=${H - PAD.bottom + 16} text-anchor="middle" class="tick" aria-hidden="true">${labels[i] ?? c}</text>`
          : nothing,
      )}`,
  );
}
