/**
 * The one chart renderer: pure functions returning SVG strings, so the same charts appear in the HTML
 * report (no script needed to read them), the Excel task pane and the Sheets sidebar.
 */
import type { Lang, Status } from '../core/types.js';
import { formatPercent, t } from '../core/messages.js';
import { STATUS_FILLS } from '../core/writeplan.js';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export interface Bar {
  label: string;
  value: number | null;
  /** Drawn as a marker on the bar (objective target). */
  target?: number | null;
}

export interface BarChartOptions {
  title: string;
  bars: Bar[];
  lang: Lang;
  /** Width in px of the whole chart; the bars scale to it. */
  width?: number;
}

const BAR_COLOR = '#2F6EA5';
const TARGET_COLOR = '#C0392B';
const MUTED = '#6B7280';

/** Long labels are cut for the axis; the full text stays in the bar's tooltip title. */
function shorten(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

/** Horizontal bars, one per label, scaled 0-100% (further when a value exceeds it). */
export function barChart({ title, bars, lang, width = 560 }: BarChartOptions): string {
  const rowHeight = 26;
  const top = 30;
  const labelWidth = Math.min(220, Math.round(width * 0.4));
  const valueWidth = 64;
  const plotWidth = Math.max(60, width - labelWidth - valueWidth - 16);
  const maxValue = Math.max(1, ...bars.map((b) => Math.max(b.value ?? 0, b.target ?? 0)));
  const x = (v: number) => labelWidth + (Math.max(0, v) / maxValue) * plotWidth;
  const height = top + bars.length * rowHeight + 24;
  const desc = bars.map((b) => `${b.label}: ${formatPercent(b.value, lang)}${b.target != null ? ` (target ${formatPercent(b.target, lang)})` : ''}`).join('; ');
  const rows = bars.map((b, i) => {
    const y = top + i * rowHeight;
    const label = `<text x="${labelWidth - 6}" y="${y + 16}" text-anchor="end" font-size="12" fill="#111827">${escapeXml(shorten(b.label, Math.floor((labelWidth - 10) / 7)))}</text>`;
    const bar = b.value === null
      ? `<text x="${labelWidth + 4}" y="${y + 16}" font-size="12" fill="${MUTED}">n.d.</text>`
      : `<rect x="${labelWidth}" y="${y + 4}" width="${(x(b.value) - labelWidth).toFixed(1)}" height="${rowHeight - 10}" fill="${BAR_COLOR}" rx="2"><title>${escapeXml(b.label)}: ${formatPercent(b.value, lang)}</title></rect>`;
    const target = b.target == null ? '' :
      `<line x1="${x(b.target).toFixed(1)}" x2="${x(b.target).toFixed(1)}" y1="${y + 1}" y2="${y + rowHeight - 3}" stroke="${TARGET_COLOR}" stroke-width="2"><title>Target ${formatPercent(b.target, lang)}</title></line>`;
    const value = `<text x="${width - 4}" y="${y + 16}" text-anchor="end" font-size="12" fill="#111827">${formatPercent(b.value, lang, 1)}</text>`;
    return `<g>${label}${bar}${target}${value}</g>`;
  });
  const axisY = top + bars.length * rowHeight + 4;
  const ticks = [0, 0.5, 1].filter((v) => v <= maxValue).map((v) =>
    `<line x1="${x(v)}" x2="${x(v)}" y1="${top - 4}" y2="${axisY}" stroke="#E5E7EB"/><text x="${x(v)}" y="${axisY + 14}" text-anchor="middle" font-size="10" fill="${MUTED}">${formatPercent(v, lang, 0)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">` +
    `<title>${escapeXml(title)}</title><desc>${escapeXml(desc)}</desc>` +
    `<text x="0" y="16" font-size="14" font-weight="600" fill="#111827">${escapeXml(title)}</text>${ticks}${rows.join('')}</svg>`;
}

export const STATUS_ORDER: Status[] = ['met', 'partial', 'notMet', 'overridden', 'notMeasured', 'excluded'];

export interface StatusChartOptions {
  title?: string;
  counts: Record<Status, number>;
  lang: Lang;
  width?: number;
}

/** Indicators by status: one stacked bar with the status colours of the workbook, and a legend. */
export function statusChart({ title, counts, lang, width = 560 }: StatusChartOptions): string {
  const heading = title ?? (lang === 'it' ? 'Indicatori per stato' : 'Indicators by status');
  const total = STATUS_ORDER.reduce((s, k) => s + (counts[k] ?? 0), 0);
  const barY = 26;
  const barHeight = 24;
  let x = 0;
  const segments = STATUS_ORDER.filter((k) => (counts[k] ?? 0) > 0).map((k) => {
    const w = total === 0 ? 0 : (counts[k] / total) * width;
    const seg = `<rect x="${x.toFixed(1)}" y="${barY}" width="${w.toFixed(1)}" height="${barHeight}" fill="${STATUS_FILLS[k]}" stroke="#fff"><title>${escapeXml(t(lang, `status.${k}`))}: ${counts[k]}</title></rect>`;
    x += w;
    return seg;
  });
  // One legend column in a narrow pane, so long status names are not cut.
  const columns = width < 420 ? 1 : 2;
  const legend = STATUS_ORDER.map((k, i) => {
    const lx = (i % columns) * (width / columns);
    const ly = barY + barHeight + 20 + Math.floor(i / columns) * 18;
    return `<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${STATUS_FILLS[k]}" stroke="#9CA3AF"/>` +
      `<text x="${lx + 18}" y="${ly}" font-size="12" fill="#111827">${escapeXml(t(lang, `status.${k}`))}: ${counts[k] ?? 0}</text>`;
  }).join('');
  const height = barY + barHeight + 20 + Math.ceil(STATUS_ORDER.length / columns) * 18;
  const desc = STATUS_ORDER.map((k) => `${t(lang, `status.${k}`)}: ${counts[k] ?? 0}`).join('; ');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">` +
    `<title>${escapeXml(heading)}</title><desc>${escapeXml(desc)}</desc>` +
    `<text x="0" y="16" font-size="14" font-weight="600" fill="#111827">${escapeXml(heading)}</text>${segments.join('')}${legend}</svg>`;
}
