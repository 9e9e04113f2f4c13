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
