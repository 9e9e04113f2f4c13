/**
 * The Relazione-style report: one self-contained HTML file (inline CSS and SVG, no script, no network)
 * with the summary, the strategic objectives, the cruscotto tree, the charts and the issues, laid out
 * for a wide screen and for "Print to PDF" on A4 (page numbers, headings kept with what follows).
 *
 * At scale the tree is what costs: every row is an element to parse and lay out. Each objective down to
 * the strategic level is a collapsible <details>; a summarised report lists in full only the exceptions
 * (targets missed, overrides, neutralised rows, rows with an issue) and counts the rest by status. Closed
 * sections are not laid out until opened, so a 100k-indicator plan opens about as fast as a 10k one did.
 *
 * A monitored workbook (period columns) gets the report of the period scored: "Monitoraggio al 30/06/2024"
 * at an interim period, the entity's line by period, and per row the gap to target with its sign, the
 * year-end estimate of cumulative counts with the "a rischio" flag, and a sparkline up to that period. Its
 * extra columns print on landscape pages. A plain workbook's report is exactly what it was.
 */
import type { HistoryPoint, IndicatorResult, Issue, Lang, ObjectiveResult, PeriodInfo, ScoreResult, Status } from '../core/types.js';
import { SHEETS, formatNumber, formatPercent, methodLabel, normalizeHeader, parseA1, perspectiveOf, t } from '../core/index.js';
import { statusText } from '../core/writeplan.js';
import { STATUS_ORDER, barChart, escapeXml as esc, statusChart, type Bar } from '../ui/charts.js';
import { sparkline, trendChart } from '../ui/sparkline.js';

export interface ReportOptions {
  lang: Lang;
  title?: string;
  /** The workbook's file name, shown in the header. */
  sourceName?: string;
  /**
   * true: every indicator row and every section open, for printing the whole plan (`--completo`).
   * false: sections closed, exceptions in full and the other indicators counted by status.
   * Default: complete up to COMPLETE_UP_TO indicators, summarised above.
   */
  complete?: boolean;
}

/** Plans up to this size are reported in full unless `complete: false` is asked. */
export const COMPLETE_UP_TO = 1000;

const STATUS_CLASS: Record<Status, string> = {
  met: 'met', partial: 'partial', notMet: 'notmet', notMeasured: 'nd', excluded: 'excluded', overridden: 'overridden',
};

const L = {
  it: {
    title: 'Relazione sulla performance', product: 'Cruscotto',
    source: 'Fonte', year: 'Anno', generated: 'Generato da Cruscotto', page: 'Pagina', of: 'di',
    summary: '1. Sintesi', entity: 'Risultato dell\'ente', rating: 'Valutazione', scale: 'Scala di valutazione',
    method: 'Metodo', bands: 'Fasce', aggregation: 'Aggregazione ente', tolerance: 'Tolleranza', cap: 'Tetto',
    from: 'Da', label: 'Giudizio', strategic: '2. Obiettivi strategici', tree: '3. Cruscotto degli obiettivi e degli indicatori',
    charts: '4. Grafici', issues: '5. Segnalazioni', code: 'Codice', objTitle: 'Obiettivo', perspective: 'Prospettiva',
    weight: 'Peso', result: 'Risultato', target: 'Target', achievement: '% Raggiungimento', indicator: 'Indicatore',
    actual: 'Consuntivo', ach: 'Raggiungimento', score: 'Punteggio', status: 'Stato', note: 'Nota',
    severity: 'Gravità', sheet: 'Foglio', cell: 'Cella', message: 'Messaggio', none: 'Nessuna segnalazione.',
    byGroup: 'Risultati per', byObjective: 'Risultati per obiettivo strategico rispetto al target',
    computed: 'calcolato', excludedRow: 'neutralizzato', noIndicators: 'Nessun indicatore.',
    achievementNote: '% Raggiungimento: risultato rispetto al target dell\'obiettivo (al massimo 100%), per gli obiettivi che hanno un target; la valutazione si legge su di esso, altrimenti sul risultato.',
    summarised: 'Relazione sintetica: per ogni obiettivo sono elencati per intero gli indicatori non raggiunti o parzialmente raggiunti, rideterminati, neutralizzati o con segnalazioni; gli altri sono contati per stato. La relazione completa (ogni indicatore) si ottiene con --completo.',
    others: 'Altri indicatori, non elencati', indicators: 'indicatori', issueCount: 'segnalazioni',
    monitoring: 'Monitoraggio al', period: 'Periodo', yearEnd: 'Fine anno', interim: 'monitoraggio infrannuale',
    entityAt: 'Risultato dell\'ente al', byPeriod: 'Andamento per periodo', date: 'Data',
    entityTrend: 'Risultato dell\'ente per periodo', trend: 'Andamento', gap: 'Scostamento', estimate: 'Stima a fine anno',
    progress: 'Avanzamento', achOrProgress: 'Raggiungimento o avanzamento', progressMark: 'avanzamento', points: 'p.p.',
    summarisedMonitoring: 'Relazione sintetica: per ogni obiettivo sono elencati per intero gli indicatori non raggiunti o parzialmente raggiunti, a rischio, rideterminati, neutralizzati o con segnalazioni; gli altri, compresi i conteggi cumulativi in linea (la stima a fine anno raggiunge il target), sono contati per stato. La relazione completa (ogni indicatore) si ottiene con --completo.',
    onTrack: 'In linea',
    gapNote: 'Scostamento: distanza dal target con il segno del giudizio: negativo = peggio del target, positivo = meglio (consuntivo meno target; target meno consuntivo dove è meglio un valore più basso). Per i target in percentuale è in punti percentuali (p.p.).',
    progressNote: 'Avanzamento: senza un target intermedio, il consuntivo al {date} rispetto al target dell\'anno (per i conteggi cumulativi, la parte del target raggiunta finora). Raggiungimento: rispetto al target intermedio del periodo.',
    estimateNote: 'Stima a fine anno: per gli indicatori cumulativi, proiezione lineare dei consuntivi fin qui; è una stima, non un consuntivo. «A rischio»: la stima resta sotto il target dell\'anno.',
    inProgressNote: 'In corso: scadenza successiva al {date}, non ancora valutata.',
    trendNote: 'Andamento: il punteggio di ogni periodo fino al {date} (la linea tratteggiata è il 100%); il punto grigio a sinistra è il consuntivo dell\'anno precedente.',
  },
  en: {
    title: 'Performance report', product: 'Cruscotto',
    source: 'Source', year: 'Year', generated: 'Generated by Cruscotto', page: 'Page', of: 'of',
    summary: '1. Summary', entity: 'Entity result', rating: 'Rating', scale: 'Rating scale',
    method: 'Method', bands: 'Bands', aggregation: 'Entity aggregation', tolerance: 'Tolerance', cap: 'Cap',
    from: 'From', label: 'Rating', strategic: '2. Strategic objectives', tree: '3. Objectives and indicators',
    charts: '4. Charts', issues: '5. Issues', code: 'Code', objTitle: 'Objective', perspective: 'Perspective',
    weight: 'Weight', result: 'Result', target: 'Target', achievement: '% Achievement', indicator: 'Indicator',
    actual: 'Actual', ach: 'Achievement', score: 'Score', status: 'Status', note: 'Note',
    severity: 'Severity', sheet: 'Sheet', cell: 'Cell', message: 'Message', none: 'No issues.',
    byGroup: 'Results by', byObjective: 'Results by strategic objective against their targets',
    computed: 'computed', excludedRow: 'excluded', noIndicators: 'No indicators.',
    achievementNote: '% Achievement: the result against the objective\'s target (at most 100%), for objectives with a target; the rating is read on it, otherwise on the result.',
    summarised: 'Summarised report: for each objective the indicators not or partly met, overridden, excluded or with issues are listed in full; the others are counted by status. The complete report (every indicator) is written with --completo.',
    others: 'Other indicators, not listed', indicators: 'indicators', issueCount: 'issues',
    monitoring: 'Monitoring at', period: 'Period', yearEnd: 'Year end', interim: 'in-year monitoring',
    entityAt: 'Entity result at', byPeriod: 'Trend by period', date: 'Date',
    entityTrend: 'Entity result by period', trend: 'Trend', gap: 'Gap', estimate: 'Year-end estimate',
    progress: 'Progress', achOrProgress: 'Achievement or progress', progressMark: 'progress', points: 'pp',
    summarisedMonitoring: 'Summarised report: for each objective the indicators not or partly met, at risk, overridden, excluded or with issues are listed in full; the others, cumulative counts on track included (their year-end estimate reaches the target), are counted by status. The complete report (every indicator) is written with --completo.',
    onTrack: 'On track',
    gapNote: 'Gap: distance from the target, signed as a judgement: negative = worse than the target, positive = better (actual minus target; target minus actual where lower is better). For percentage targets it is in percentage points (pp).',
    progressNote: 'Progress: without an interim target, the actual at {date} against the year\'s target (for cumulative counts, the share of the target reached so far). Achievement: against the period\'s interim target.',
    estimateNote: 'Year-end estimate: for cumulative indicators, a linear projection of the actuals so far; an estimate, not an actual. "At risk": the estimate falls short of the year\'s target.',
    inProgressNote: 'In progress: deadline after {date}, not yet assessed.',
    trendNote: 'Trend: the score at each period up to {date} (the dashed line is 100%); the grey dot on the left is last year\'s actual.',
  },
} satisfies Record<Lang, Record<string, string>>;

/** A CSS string literal (for the running footer). */
function cssString(text: string): string {
  // "<" as an escape, so a name can never close the <style> element.
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r]/g, ' ').replace(/</g, '\\3C ')}"`;
}

/**
 * The monitoring columns (gap, estimate, trend) do not fit a portrait page beside the year's: a monitored
 * report prints landscape. A plain workbook's report keeps its page and its CSS unchanged.
 */
const MONITORING_CSS = `@page { size: A4 landscape; }
td.st-inprogress { background: #E0ECF8; }
.risk { color: #9C0006; white-space: nowrap; } td.gap-neg { color: #9C0006; } td.gap-pos { color: #006100; }
td.est { font-style: italic; } td.trend { padding: 1pt 2pt; vertical-align: middle; }
.sparkline { display: block; } summary .trend, .heading .trend { display: inline-block; vertical-align: middle; margin-left: 6pt; }
/* A heading of two lines (title, counts, sparkline) stays whole: break-after alone let Chromium split it. */
summary, .heading { break-inside: avoid; page-break-inside: avoid; }
small.progress { color: #4B5563; }
.by-period { break-inside: avoid; page-break-inside: avoid; } .by-period-body { display: flex; flex-wrap: wrap; gap: 16pt; align-items: flex-start; }
.by-period table.kv { min-width: 0; }
ul.legend { margin: 2pt 0 8pt; padding-left: 14pt; } th.wrap { white-space: normal; }
`;

function css(lang: Lang, footer: string, monitored: boolean): string {
  const l = L[lang];
  return `
@page { size: A4; margin: 14mm 12mm 16mm;
  @bottom-right { content: ${cssString(`${l.page} `)} counter(page) ${cssString(` ${l.of} `)} counter(pages); font: 8pt "DejaVu Sans", sans-serif; color: #4B5563; }
  @bottom-left { content: ${cssString(footer)}; font: 8pt "DejaVu Sans", sans-serif; color: #4B5563; } }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; font-size: 10.5pt; color: #111827; margin: 0 auto; max-width: 1400px; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 14pt; margin: 18pt 0 8pt; border-bottom: 2px solid #1F4E78; padding-bottom: 3pt; }
h3 { font-size: 11.5pt; margin: 0; display: inline; } h4 { font-size: 10.5pt; margin: 0; display: inline; }
h1, h2, h3, h4, summary, .keep { break-after: avoid; page-break-after: avoid; }
.meta, .explain { color: #4B5563; font-size: 9pt; }
.headline { display: flex; flex-wrap: wrap; gap: 16pt; align-items: baseline; margin: 6pt 0 10pt; }
.headline .big { font-size: 26pt; font-weight: 700; color: #1F4E78; } .headline .rating { font-size: 14pt; font-weight: 600; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 9pt; }
table.kv { width: auto; min-width: 50%; }
th, td { border: 1px solid #D1D5DB; padding: 3pt 4pt; vertical-align: top; overflow-wrap: break-word; }
th { background: #DDEBF7; text-align: left; font-size: 8pt; word-break: keep-all; overflow-wrap: normal; hyphens: manual; }
thead { display: table-header-group; } tr { break-inside: avoid; page-break-inside: avoid; }
.n, .t, .a { white-space: nowrap; } .n { text-align: right; } th.n { text-align: right; }
.t.long { white-space: normal; word-break: keep-all; }
/* The name takes the room the figures leave: a hint, the layout still fits every figure. */
th.w { width: 34%; }
td.st-met { background: #C6EFCE; } td.st-partial { background: #FFEB9C; } td.st-notmet { background: #FFC7CE; }
td.st-nd { background: #EDEDED; } td.st-excluded { background: #D9D9D9; } td.st-overridden { background: #BDD7EE; }
td[class^="st-"] { word-break: keep-all; overflow-wrap: normal; min-width: 7em; }
tr.excluded td { color: #6B7280; font-style: italic; }
tr.note td { background: #F9FAFB; font-size: 8.5pt; }
.sev-error { background: #FFC7CE; } .sev-warning { background: #FFEB9C; } .sev-info { background: #DDEBF7; }
.objective { margin-left: calc(var(--depth) * 8pt); }
details { margin: 6pt 0; } details > summary { cursor: pointer; padding: 2pt 0; }
details > summary .counts { color: #4B5563; font-size: 8.5pt; font-weight: 400; margin-left: 6pt; }
div.objective > .heading { margin: 8pt 0 3pt; }
.others { color: #374151; font-size: 9pt; margin: 2pt 0 8pt; }
figure { margin: 6pt 0 12pt; break-inside: avoid; page-break-inside: avoid; } svg { max-width: 100%; height: auto; }
@media screen { body { padding: 16px 20px; } }
@media print {
  body { max-width: none; font-size: 10pt; }
  table { font-size: 8.5pt; } th { font-size: 7.5pt; }
  details > summary { list-style: none; } details > summary::-webkit-details-marker { display: none; }
  h2 { margin-top: 14pt; }
}
${monitored ? MONITORING_CSS : ''}`;
}

function pct(x: number | null | undefined, lang: Lang): string {
  return formatPercent(x ?? null, lang);
}

/** A weight left blank is simply not there (siblings share equally), not "not defined". */
function weightText(x: number | null, lang: Lang): string {
  return x === null ? '' : formatPercent(x, lang);
}

/** Long codes ("01_01_OS01_OO02_I03") may wrap after their separators, never inside a part. */
function codeHtml(code: string): string {
  const safe = esc(code);
  return code.length > 12 ? safe.replace(/([_./-])/g, '$1<wbr>') : safe;
}

/** A target is one token to the reader: ">= 95,00 %" and "Entro 31-12-2024" never break inside. */
function targetCell(text: string): string {
  return text.length > 24 ? `<td class="t long">${esc(text)}</td>` : `<td class="t">${esc(text)}</td>`;
}

/**
 * What a monitored report adds (a workbook with period columns): null for a plain workbook, whose report
 * stays exactly as it was.
 */
interface Monitoring {
  period: PeriodInfo;
  /** The period's last day as people read it (30/06/2024). */
  date: string;
  interim: boolean;
  /** Some indicator has a year-end estimate: the column is shown. */
  estimates: boolean;
  /** The periods up to the one scored: a report at 30/06 looks back, even when later actuals are in the sheet. */
  shown: Set<string>;
}

/** `2024-06-30` -> `30/06/2024`; `06-30` (year unknown) -> `30/06`. */
function displayDate(iso: string): string {
  return iso.split('-').reverse().join('/');
}

function monitoringOf(result: ScoreResult): Monitoring | null {
  const period = result.period;
  if (!period) return null;
  const periods = result.periods ?? [period];
  const upTo = periods.findIndex((p) => p.key === period.key);
  return {
    period,
    date: displayDate(period.date),
    interim: !period.yearEnd,
    estimates: result.indicators.some((i) => i.projection),
    shown: new Set(periods.slice(0, upTo + 1).map((p) => p.key)),
  };
}

/** The history as far as the report looks: last year's baseline and the periods up to the one scored. */
function historyUpTo(history: readonly HistoryPoint[] | undefined, m: Monitoring): HistoryPoint[] {
  return (history ?? []).filter((h) => h.baseline || m.shown.has(h.period));
}

/** A sparkline only where there is something to draw: at least one period (the baseline alone is not a line). */
function trendCell(history: readonly HistoryPoint[] | undefined, label: string, lang: Lang, m: Monitoring): string {
  const points = historyUpTo(history, m);
  if (!points.some((h) => !h.baseline)) return '<td class="trend"></td>';
  return `<td class="trend">${sparkline(points, { lang, label, width: 72, height: 20 })}</td>`;
}

/**
 * The gap in the target's unit, with its sign always written: "+2" better, "-50" worse. Percent targets give
 * percentage points, so "-20 p.p." is never read as a relative 20%.
 */
function gapCell(i: IndicatorResult, lang: Lang): string {
  const gap = i.gap;
  if (gap === null || gap === undefined || !Number.isFinite(gap)) return '<td class="n"></td>';
  const percent = i.target?.kind === 'percent';
  const value = percent ? gap * 100 : gap;
  const rounded = Math.round(value * 100) / 100;
  const digits = Number.isInteger(rounded) ? 0 : 2;
  const text = formatNumber(rounded, lang, digits);
  const sign = rounded > 0 ? '+' : '';
  const cls = rounded < 0 ? ' gap-neg' : rounded > 0 ? ' gap-pos' : '';
  return `<td class="n${cls}">${sign}${text}${percent ? `&nbsp;${L[lang].points}` : ''}</td>`;
}

/** The year-end estimate, written as one (≈, in italics under the "Stima" header). */
function estimateCell(i: IndicatorResult, lang: Lang): string {
  const p = i.projection;
  if (!p) return '<td class="n"></td>';
  const digits = Math.abs(p.value) >= 100 ? 0 : 2;
  return `<td class="n est${p.atRisk ? ' at-risk' : ''}">≈&nbsp;${formatNumber(p.value, lang, digits)}</td>`;
}

/** Which word heads the achievement column of one table: the rows decide. */
type AchievementHeader = 'ach' | 'progress' | 'achOrProgress';

function achievementHeader(list: IndicatorResult[], m: Monitoring | null): AchievementHeader {
  if (!m) return 'ach';
  const progress = list.filter((i) => i.progress).length;
  return progress === 0 ? 'ach' : progress === list.length ? 'progress' : 'achOrProgress';
}

function statusCell(i: IndicatorResult, lang: Lang): string {
  const cls = i.inProgress ? 'st-inprogress' : `st-${STATUS_CLASS[i.status]}`;
  // The early warning on a line of its own, so it is seen at a glance down the column.
  const risk = i.projection?.atRisk ? `<br><strong class="risk">${esc(t(lang, 'status.atRisk'))}</strong>` : '';
  return `<td class="${cls}">${esc(statusText({ ...i, projection: null }, lang))}${risk}</td>`;
}

function indicatorRow(i: IndicatorResult, lang: Lang, m: Monitoring | null, header: AchievementHeader): string {
  const l = L[lang];
  const scoreCell = i.overridden ? `${pct(i.score, lang)}<br><small>${l.computed} ${pct(i.computedScore, lang)}</small>` : pct(i.score, lang);
  const progressMark = i.progress && i.achievement !== null && header !== 'progress' ? `<br><small class="progress">${l.progressMark}</small>` : '';
  const monitored = m ? gapCell(i, lang) + (m.estimates ? estimateCell(i, lang) : '') + trendCell(i.history, i.code, lang, m) : '';
  const row = `<tr${i.excluded ? ' class="excluded"' : ''}><td>${codeHtml(i.code)}</td><td>${esc(i.name)}${i.excluded ? ` <em>(${l.excludedRow})</em>` : ''}</td>` +
    `<td class="n">${weightText(i.declaredWeight, lang)}</td>${targetCell(i.targetText)}<td class="a">${esc(i.actualText)}</td>` +
    `<td class="n">${pct(i.achievement, lang)}${progressMark}</td><td class="n">${scoreCell}</td>${monitored}${statusCell(i, lang)}</tr>`;
  const note = i.note ? `<tr class="note"><td></td><td colspan="${columnCount(m) - 1}"><strong>${l.note}:</strong> ${esc(i.note)}</td></tr>` : '';
  return row + note;
}

function columnCount(m: Monitoring | null): number {
  return m ? (m.estimates ? 11 : 10) : 8;
}

function indicatorTable(list: IndicatorResult[], lang: Lang, m: Monitoring | null): string {
  const l = L[lang];
  if (list.length === 0) return '';
  const header = achievementHeader(list, m);
  const monitored = m ? `<th class="n">${l.gap}</th>${m.estimates ? `<th class="n wrap">${l.estimate}</th>` : ''}<th>${l.trend}</th>` : '';
  return `<table class="indicators"><thead><tr><th>${l.code}</th><th class="w">${l.indicator}</th><th class="n">${l.weight}</th><th>${l.target}</th><th>${l.actual}</th><th class="n${m ? ' wrap' : ''}">${l[header]}</th><th class="n">${l.score}</th>${monitored}<th>${l.status}</th></tr></thead>` +
    `<tbody>${list.map((i) => indicatorRow(i, lang, m, header)).join('')}</tbody></table>`;
}

/** Rows of the Indicatori sheet that carry an error or a warning. */
function rowsWithIssues(issues: Issue[]): Set<number> {
  const rows = new Set<number>();
  for (const issue of issues) {
    if (issue.severity === 'info' || !SHEETS.indicators.aliases.includes(normalizeHeader(issue.sheet))) continue;
    const at = parseA1(issue.cell);
    if (at) rows.add(at.row);
  }
  return rows;
}

/**
 * A cumulative count measured as progress whose year-end estimate reaches the target: half-way at 30/06 is
 * where it should be, so its "partial" is no exception. Listing it would list nearly every count mid-year.
 */
function onTrack(i: IndicatorResult): boolean {
  return Boolean(i.progress && i.projection && !i.projection.atRisk);
}

function isException(i: IndicatorResult, flagged: Set<number>): boolean {
  return i.status === 'notMet' || (i.status === 'partial' && !onTrack(i)) || i.overridden || i.excluded || flagged.has(i.row) ||
    Boolean(i.projection?.atRisk);
}

function statusCounts(list: IndicatorResult[]): Record<Status, number> {
  const counts: Record<Status, number> = { met: 0, partial: 0, notMet: 0, notMeasured: 0, excluded: 0, overridden: 0 };
  for (const i of list) counts[i.status]++;
  return counts;
}

/** Counts by status; deadlines in progress and estimates at risk (monitoring) are named apart. */
function countsText(list: IndicatorResult[], lang: Lang): string {
  const counts = statusCounts(list.filter((i) => !i.inProgress));
  const parts = STATUS_ORDER.filter((k) => counts[k] > 0).map((k) => `${t(lang, `status.${k}`)}: ${counts[k]}`);
  const inProgress = list.filter((i) => i.inProgress).length;
  const atRisk = list.filter((i) => i.projection?.atRisk).length;
  const inLine = list.filter(onTrack).length;
  if (inProgress > 0) parts.push(`${t(lang, 'status.inProgress')}: ${inProgress}`);
  if (atRisk > 0) parts.push(`${t(lang, 'status.atRisk')}: ${atRisk}`);
  if (inLine > 0) parts.push(`${L[lang].onTrack}: ${inLine}`);
  return parts.join(' · ');
}

/** Bars a figure holds: a taller figure cannot split across pages and would leave the one before half empty. */
const CHART_ROWS = 12;
/** A landscape page (monitored report) is a third shorter: fewer bars, or a figure pushed over empties it. */
const LANDSCAPE_CHART_ROWS = 8;

function chartFigures(title: string, bars: Bar[], lang: Lang, rows = CHART_ROWS): string {
  const parts = Math.max(1, Math.ceil(bars.length / rows));
  let out = '';
  for (let p = 0; p < parts; p++) {
    const heading = parts === 1 ? title : `${title} (${p + 1}/${parts})`;
    out += `<figure>${barChart({ title: heading, bars: bars.slice(p * rows, (p + 1) * rows), lang, width: 720 })}</figure>`;
  }
  return out;
}

/** "30/06/2024 (1° semestre)" at an interim period, "Fine anno (31/12/2024)" at the year's end. */
function periodText(m: Monitoring, lang: Lang): string {
  const l = L[lang];
  if (!m.interim) return `${l.yearEnd} (${m.date})`;
  const written = m.period.label;
  return written && !m.date.startsWith(written) ? `${m.date} (${written})` : m.date;
}

/** The entity across the periods: a table a person can quote and a line to see the trend. */
function entityTrend(result: ScoreResult, m: Monitoring, lang: Lang): string {
  const l = L[lang];
  const dates = new Map((result.periods ?? []).map((p) => [p.key, p]));
  const history = (result.entityHistory ?? []).filter((h) => m.shown.has(h.period));
  const rows = history.map((h) => {
    const p = dates.get(h.period);
    const scored = h.period === m.period.key;
    const name = p?.yearEnd ? l.yearEnd : h.period;
    const cell = (text: string) => (scored ? `<strong>${text}</strong>` : text);
    return `<tr><td>${cell(esc(name))}</td><td class="a">${cell(esc(p ? displayDate(p.date) : ''))}</td><td class="n">${cell(pct(h.score, lang))}</td></tr>`;
  }).join('');
  const points = history.map((h) => ({ label: dates.get(h.period)?.yearEnd ? l.yearEnd : h.period, value: h.score }));
  // Heading, table and line in one block that never splits: small, and an inline heading cannot hold a break.
  return `<div class="by-period"><h3>${l.byPeriod}</h3><div class="by-period-body">` +
    `<table class="kv periods"><thead><tr><th>${l.period}</th><th>${l.date}</th><th class="n">${l.result}</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<figure>${trendChart(points, { lang, title: l.entityTrend, width: Math.max(320, 120 * points.length) })}</figure></div></div>`;
}

/** What the monitoring columns mean; the gap's sign above all, since "-2" alone could be read either way. */
function legend(result: ScoreResult, m: Monitoring, lang: Lang): string {
  const l = L[lang];
  const notes = [l.gapNote];
  if (m.interim && result.indicators.some((i) => i.progress)) notes.push(l.progressNote.replace('{date}', m.date));
  if (m.estimates) notes.push(l.estimateNote);
  if (result.indicators.some((i) => i.inProgress)) notes.push(l.inProgressNote.replace('{date}', m.date));
  notes.push(l.trendNote.replace('{date}', m.date));
  return `<ul class="legend explain">${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`;
}

export function renderReport(result: ScoreResult, options: ReportOptions): string {
  const lang = options.lang;
  const l = L[lang];
  const s = result.settings;
  const complete = options.complete ?? result.indicators.length <= COMPLETE_UP_TO;
  const objectives = result.objectives;
  const children = new Map<string | null, ObjectiveResult[]>();
  for (const o of objectives) {
    const list = children.get(o.parent) ?? [];
    list.push(o);
    children.set(o.parent, list);
  }
  const indicatorsOf = new Map<string, IndicatorResult[]>();
  for (const i of result.indicators) {
    const list = indicatorsOf.get(i.objective) ?? [];
    list.push(i);
    indicatorsOf.set(i.objective, list);
  }
  const top = children.get(null) ?? [];
  const strategic = objectives.filter((o) => o.depth <= 1);
  const flagged = rowsWithIssues(result.issues);
  const m = monitoringOf(result);

  const periodRow = m ? `<tr><th>${l.period}</th><td>${esc(periodText(m, lang))}</td></tr>\n` : '';
  const summary = `<section id="sintesi"><h2>${l.summary}</h2>
<div class="headline"><span>${m?.interim ? `${l.entityAt} ${esc(m.date)}` : l.entity}</span><span class="big">${pct(result.entity.score, lang)}</span><span class="rating">${esc(result.entity.rating ?? 'n.d.')}</span></div>
<table class="kv"><tbody>
<tr><th>${l.year}</th><td>${s.year ?? '-'}</td></tr>
${periodRow}<tr><th>${l.method}</th><td>${esc(methodLabel(s.method, lang))}</td></tr>
<tr><th>${l.bands}</th><td>${esc(s.bands.map((b) => `${formatPercent(b.from, lang, 0)} → ${formatPercent(b.score, lang, 0)}`).join('; '))}</td></tr>
<tr><th>${l.tolerance}</th><td>${pct(s.tolerance, lang)}</td></tr>
<tr><th>${l.cap}</th><td>${pct(s.cap, lang)}</td></tr>
<tr><th>${l.aggregation}</th><td>${esc(t(lang, `aggregation.${s.entityAggregation}`))}</td></tr>
</tbody></table>
<h3 class="keep">${l.scale}</h3>
<table class="kv"><thead><tr><th class="n">${l.from}</th><th>${l.label}</th></tr></thead><tbody>
${s.ratingScale.map((r) => `<tr><td class="n">${formatPercent(r.from, lang, 0)}</td><td>${esc(r.label)}</td></tr>`).join('')}
</tbody></table>${m ? entityTrend(result, m, lang) : ''}</section>`;

  const strategicTable = `<section id="obiettivi"><h2>${l.strategic}</h2>
<table class="strategic"><thead><tr><th>${l.code}</th><th class="w">${l.objTitle}</th><th>${l.perspective}</th><th class="n">${l.weight}</th><th class="n">${l.result}</th><th class="n">${l.target}</th><th class="n">${l.achievement}</th><th>${l.rating}</th>${m ? `<th>${l.trend}</th>` : ''}</tr></thead><tbody>
${strategic.map((o) => `<tr><td>${codeHtml(o.code)}</td><td${o.depth ? ' style="padding-left:12pt"' : ''}>${o.depth ? '' : '<strong>'}${esc(o.title)}${o.depth ? '' : '</strong>'}</td><td>${esc(perspectiveOf(o) ?? '')}</td><td class="n">${weightText(o.declaredWeight, lang)}</td><td class="n">${pct(o.score, lang)}</td><td class="n">${o.target === null ? '—' : pct(o.target, lang)}</td><td class="n">${o.target === null ? '—' : pct(o.achievement, lang)}</td><td>${esc(o.rating ?? 'n.d.')}</td>${m ? trendCell(o.history, o.code, lang, m) : ''}</tr>`).join('\n')}
</tbody></table><p class="explain">${esc(l.achievementNote)}</p></section>`;

  /** Every indicator below an objective, for the counts in a section's summary line. */
  const allBelow = (o: ObjectiveResult, out: IndicatorResult[] = [], seen = new Set<string>()): IndicatorResult[] => {
    if (seen.has(o.code)) return out;
    seen.add(o.code);
    for (const i of indicatorsOf.get(o.code) ?? []) out.push(i);
    for (const c of children.get(o.code) ?? []) allBelow(c, out, seen);
    return out;
  };
  const renderObjective = (o: ObjectiveResult, seen: Set<string>): string => {
    if (seen.has(o.code)) return '';
    seen.add(o.code);
    const heading = o.depth === 0 ? 'h3' : 'h4';
    const title = `<${heading}>${esc(o.code)} — ${esc(o.title)} · ${pct(o.score, lang)} · ${esc(o.rating ?? 'n.d.')}</${heading}>`;
    const history = m ? historyUpTo(o.history, m) : [];
    const trend = history.some((h) => !h.baseline) ? `<span class="trend">${sparkline(history, { lang, label: o.code, width: 72, height: 18 })}</span>` : '';
    const own = indicatorsOf.get(o.code) ?? [];
    const listed = complete ? own : own.filter((i) => isException(i, flagged));
    const rest = own.length - listed.length;
    const others = rest > 0
      ? `<p class="others">${l.others} (${rest}): ${esc(countsText(own.filter((i) => !isException(i, flagged)), lang))}</p>` : '';
    const inner = indicatorTable(listed, lang, m) + others + (children.get(o.code) ?? []).map((c) => renderObjective(c, seen)).join('');
    if (o.depth > 1) return `<div class="objective" style="--depth:${Math.min(o.depth, 3)}"><div class="heading keep">${title}${trend}</div>${inner}</div>`;
    const below = allBelow(o);
    const counts = `<span class="counts">${below.length} ${l.indicators}${below.length ? ` · ${esc(countsText(below, lang))}` : ''}</span>`;
    return `<details class="objective" style="--depth:${o.depth}"${complete ? ' open' : ''}><summary>${title}${counts}${trend}</summary>${inner}</details>`;
  };
  const seen = new Set<string>();
  const summarisedNote = complete ? '' : `<p class="explain">${esc(m ? l.summarisedMonitoring : l.summarised)}</p>`;
  const tree = `<section id="cruscotto"><h2>${l.tree}</h2>${summarisedNote}${m ? legend(result, m, lang) : ''}${top.map((o) => renderObjective(o, seen)).join('\n')}</section>`;

  const counts = statusCounts(result.indicators);
  const chartRows = m ? LANDSCAPE_CHART_ROWS : CHART_ROWS;
  const groupCharts = Object.entries(result.groups).map(([attribute, values]) =>
    chartFigures(`${l.byGroup} ${attribute}`, Object.entries(values).map(([label, value]) => ({ label, value })), lang, chartRows)).join('');
  // The strategic level (depth 1, or the top when the tree is flat), and any other objective with a target.
  const chartDepth = strategic.some((x) => x.depth === 1) ? 1 : 0;
  const byObjectiveBars = objectives.filter((o) => o.depth === chartDepth || o.target !== null)
    .map((o) => ({ label: `${o.code} ${o.title}`, value: o.score, target: o.target }));
  const byObjective = chartFigures(l.byObjective, byObjectiveBars, lang, chartRows);
  const charts = `<section id="grafici"><h2>${l.charts}</h2>${groupCharts}${byObjective}<figure>${statusChart({ counts, lang, width: 720 })}</figure></section>`;

  const issueRows = result.issues.map((i) => `<tr><td class="sev-${i.severity}">${esc(t(lang, `severity.${i.severity}`))}</td><td>${esc(i.sheet)}</td><td>${esc(i.cell)}</td><td>${esc(i.message)}</td></tr>`).join('\n');
  const issueTable = `<table class="issues"><thead><tr><th>${l.severity}</th><th>${l.sheet}</th><th>${l.cell}</th><th>${l.message}</th></tr></thead><tbody>
${issueRows}
</tbody></table>`;
  // Thousands of issues are all listed, in a closed section when the report is summarised.
  const issuesBody = result.issues.length === 0 ? `<p>${l.none}</p>` : complete || result.issues.length <= 200 ? issueTable :
    `<details><summary>${result.issues.length} ${l.issueCount}</summary>${issueTable}</details>`;
  const issues = `<section id="segnalazioni"><h2>${l.issues}</h2>${issuesBody}</section>`;

  const base = options.title ?? (m?.interim ? `${l.monitoring} ${m.date}` : `${l.title}${s.year ? ` ${s.year}` : ''}`);
  const title = s.entityName ? `${s.entityName} — ${base}` : base;
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${css(lang, title, m !== null)}</style></head>
<body><header><h1>${esc(title)}</h1><p class="meta">${options.sourceName ? `${l.source}: ${esc(options.sourceName)} · ` : ''}${l.year}: ${s.year ?? '-'} · ${m ? `${l.period}: ${esc(periodText(m, lang))} · ` : ''}${l.generated}</p></header>
${summary}
${strategicTable}
${tree}
${charts}
${issues}
</body></html>
`;
}
