/**
 * Small line charts across the periods of a year (monitoring): a sparkline per indicator, a line per
 * objective. Pure SVG strings like the other charts, so the report needs no script and the pane and the
 * sidebar draw the same picture.
 */
import type { HistoryPoint, Lang } from '../core/types.js';
import { formatPercent } from '../core/messages.js';
import { escapeXml } from './charts.js';

const LINE = '#2F6EA5';
const BASELINE = '#9CA3AF';
const TARGET = '#C0392B';

export interface SparklineOptions {
  lang: Lang;
  width?: number;
  height?: number;
  /** What the line shows: the score (default) or the achievement/progress. */
  value?: 'score' | 'achievement';
  /** Draw the 100% line (the target met). */
  targetLine?: boolean;
  /** Accessible name of the chart (indicator or objective). */
  label?: string;
}

/**
 * Points with a value are joined; a period without a value breaks the line (an "n.d." is not a zero). The
 * baseline (last year's result) is a grey dot with its actual in the tooltip, since it has no score.
 */
export function sparkline(history: readonly HistoryPoint[], options: SparklineOptions): string {
  const { lang, width = 96, height = 24, value = 'score', targetLine = true, label = '' } = options;
  const points = history.filter((h) => !h.baseline);
  const baseline = history.find((h) => h.baseline);
  const slots = points.length + (baseline ? 1 : 0);
  const values = points.map((p) => p[value]);
  let top = 1;
  for (const v of values) if (v !== null && v > top) top = v;
  const pad = 3;
  const x = (i: number) => (slots <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (slots - 1));
  const y = (v: number) => height - pad - (Math.max(0, v) / top) * (height - 2 * pad);
  const offset = baseline ? 1 : 0;
  const parts: string[] = [];
  if (targetLine) parts.push(`<line x1="0" x2="${width}" y1="${y(1).toFixed(1)}" y2="${y(1).toFixed(1)}" stroke="${TARGET}" stroke-width="0.6" stroke-dasharray="2 2"/>`);
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) parts.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${LINE}" stroke-width="1.5"/>`);
    run = [];
  };
  points.forEach((p, i) => {
    const v = p[value];
    if (v === null) {
      flush();
      return;
    }
    run.push(`${x(i + offset).toFixed(1)},${y(v).toFixed(1)}`);
  });
  flush();
  points.forEach((p, i) => {
    const v = p[value];
    if (v === null) return;
    const tip = `${p.period}: ${formatPercent(v, lang, 1)}${p.actual ? ` (${p.actual})` : ''}`;
    parts.push(`<circle cx="${x(i + offset).toFixed(1)}" cy="${y(v).toFixed(1)}" r="1.8" fill="${LINE}"><title>${escapeXml(tip)}</title></circle>`);
  });
  if (baseline) {
    parts.push(`<circle cx="${x(0).toFixed(1)}" cy="${(height / 2).toFixed(1)}" r="1.8" fill="${BASELINE}"><title>${escapeXml(`${baseline.period}: ${baseline.actual}`)}</title></circle>`);
  }
  const desc = points.map((p) => `${p.period} ${formatPercent(p[value], lang, 1)}`).join(', ');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label ? `${label}: ${desc}` : desc)}">${parts.join('')}</svg>`;
}

export interface TrendPoint {
  /** The period's name on the axis (`30/06`, `31/12`). */
  label: string;
  value: number | null;
}

export interface TrendChartOptions {
  lang: Lang;
  title: string;
  width?: number;
  height?: number;
}

/**
 * A line across periods large enough to read without a tooltip: each period named under the axis and its
 * value written above its point, the 0% and 100% lines for scale. The entity's result in the report.
 */
export function trendChart(points: readonly TrendPoint[], options: TrendChartOptions): string {
  const { lang, title, width = 360, height = 140 } = options;
  const left = 40;
  const right = 24;
  const top = 36;
  const bottom = 22;
  let max = 1;
  for (const p of points) if (p.value !== null && p.value > max) max = p.value;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  // The first and last points stand clear of the axis labels, so their values never overlap them.
  const inset = 36;
  const x = (i: number) => (points.length <= 1 ? left + plotW / 2 : left + inset + (i * (plotW - 2 * inset)) / (points.length - 1));
  const y = (v: number) => top + plotH - (Math.max(0, v) / max) * plotH;
  const parts: string[] = [];
  for (const v of [0, 1]) {
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="${v === 1 ? TARGET : '#E5E7EB'}" stroke-width="${v === 1 ? 0.8 : 1}"${v === 1 ? ' stroke-dasharray="3 3"' : ''}/>`);
    parts.push(`<text x="${left - 4}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="10" fill="#6B7280">${formatPercent(v, lang, 0)}</text>`);
  }
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) parts.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${LINE}" stroke-width="2"/>`);
    run = [];
  };
  points.forEach((p, i) => {
    if (p.value === null) flush();
    else run.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
  });
  flush();
  points.forEach((p, i) => {
    parts.push(`<text x="${x(i).toFixed(1)}" y="${height - 6}" text-anchor="middle" font-size="10" fill="#374151">${escapeXml(p.label)}</text>`);
    if (p.value === null) {
      parts.push(`<text x="${x(i).toFixed(1)}" y="${(top + plotH - 4).toFixed(1)}" text-anchor="middle" font-size="10" fill="#6B7280">n.d.</text>`);
      return;
    }
    parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3" fill="${LINE}"/>`);
    parts.push(`<text x="${x(i).toFixed(1)}" y="${(y(p.value) - 7).toFixed(1)}" text-anchor="middle" font-size="11" fill="#111827">${formatPercent(p.value, lang, 1)}</text>`);
  });
  const desc = points.map((p) => `${p.label}: ${formatPercent(p.value, lang, 1)}`).join('; ');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="trend" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(desc)}</desc>` +
    `<text x="0" y="14" font-size="13" font-weight="600" fill="#111827">${escapeXml(title)}</text>${parts.join('')}</svg>`;
}
