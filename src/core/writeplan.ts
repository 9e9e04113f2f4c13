/**
 * What to write, never how: output columns on Indicatori and Obiettivi (found by header in either
 * language and overwritten in place, else appended after the last used column), and the core's own
 * Sintesi and Segnalazioni sheets. One block per column or table, so hosts write in a fixed number of calls.
 */
import type {
  CellValue, IndicatorResult, Issue, Lang, ObjectiveResult, OutputKind, PageSetup, PeriodInfo, Settings, SheetInfo, SheetWrite, Status, Table,
  WriteBlock, WritePlan,
} from './types.js';
import type { Rollup } from './rollup.js';
import { INDICATOR_OUTPUTS, OBJECTIVE_OUTPUTS } from './columns.js';
import { SHEETS, findColumn, headerWidth, normalizeHeader, parseA1, type ColumnSpec } from './table.js';
import { cleanText } from './cell.js';
import { formatPercent, t } from './messages.js';
import { methodLabel } from './settings.js';

export const PERCENT_FORMAT = '0.00%';
export const HEADER_TEXT_FILL = '#DDEBF7';

export const STATUS_FILLS: Record<Status, string> = {
  met: '#C6EFCE',
  partial: '#FFEB9C',
  notMet: '#FFC7CE',
  notMeasured: '#EDEDED',
  excluded: '#D9D9D9',
  overridden: '#BDD7EE',
};

export const SEVERITY_FILLS: Record<Issue['severity'], string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

/**
 * Columns right of the table that hold anything (a value, or a formula the file reader saw without a cached
 * value) in any row: the user's, never to be written over.
 */
function occupiedColumns(table: Table, from: number, uncached: readonly string[]): Set<number> {
  const used = new Set<number>();
  for (const row of table) {
    if (!row) continue;
    for (let c = from; c < row.length; c++) if (!used.has(c) && cleanText(row[c]) !== '') used.add(c);
  }
  for (const address of uncached) {
    const at = parseA1(address);
    if (at && at.col >= from) used.add(at.col);
  }
  return used;
}

/**
 * Where each output column goes: the existing column with that header, else the first run of columns right
 * of the table that are empty in every row (header and data), so nothing with content is overwritten.
 */
export function outputColumns<K extends string>(table: Table, headerRow: number, specs: Record<K, ColumnSpec>, uncached: readonly string[] = []): Record<K, number> {
  const headers = table[headerRow] ?? [];
  const width = headerWidth(table, headerRow);
  const out = {} as Record<K, number>;
  const missing: K[] = [];
  const taken = new Set<number>();
  for (const key of Object.keys(specs) as K[]) {
    const found = findColumn(headers, specs[key]);
    if (found >= 0) {
      out[key] = found;
      taken.add(found);
    } else missing.push(key);
  }
  if (missing.length === 0) return out;
  const used = occupiedColumns(table, width, uncached);
  const free = (c: number) => !used.has(c) && !taken.has(c);
  let start = width;
  for (;;) {
    let run = 0;
    while (run < missing.length && free(start + run)) run++;
    if (run === missing.length) break;
    start += run + 1;
  }
  missing.forEach((key, i) => (out[key] = start + i));
  return out;
}

/** Width in characters that shows the longest text of a column (header included), within sane bounds. */
function fitWidth(header: string, values: readonly CellValue[], min: number, max = 60): number {
  let longest = header.length;
  for (const v of values) if (typeof v === 'string' && v.length > longest) longest = v.length;
  return Math.min(max, Math.max(min, longest + 2));
}

/**
 * The one-cell rows and whole grids the output columns of one sheet share. Hosts only read a plan, and a
 * million-row plan would otherwise hold millions of one-cell arrays per column: a status or a rating
 * takes a few distinct texts, a blank cell is one row, and every column of a sheet has the same weights
 * and most have the same format and no fill, so those grids exist once per sheet, not once per column.
 */
class SharedCells {
  private readonly rows = new Map<CellValue, CellValue[]>();
  private readonly grids = new Map<string, unknown[][]>();

  /** A one-cell row holding `v`: shared for texts, blanks, booleans and the commonest scores (0 and 1). */
  row(v: CellValue): CellValue[] {
    if (typeof v === 'number' && v !== 0 && v !== 1) return [v];
    let r = this.rows.get(v);
    if (!r) this.rows.set(v, (r = [v]));
    return r;
  }

  /** A grid of n + 1 rows: the header row's cell, then `body` in every row, shared by key and size. */
  grid<T>(key: string, n: number, header: T, body: T): T[][] {
    const at = `${key}/${n}`;
    let g = this.grids.get(at) as T[][] | undefined;
    if (!g) {
      g = new Array<T[]>(n + 1).fill([body]);
      g[0] = [header];
      this.grids.set(at, g);
    }
    return g;
  }
}

/** One output column as a block, its rows and grids shared with the sheet's other columns (SharedCells). */
function column(
  shared: SharedCells, row: number, col: number, header: string, values: CellValue[], format: string | null,
  fills?: (string | null)[], notes?: (string | null)[],
): WriteBlock {
  const n = values.length;
  const block: WriteBlock = {
    row,
    col,
    values: new Array(n + 1),
    numberFormats: shared.grid(format === null ? 'general' : `format:${format}`, n, null, format),
    bold: shared.grid('bold', n, true, false),
    fills: fills ? new Array(n + 1) : shared.grid<string | null>('fill', n, HEADER_TEXT_FILL, null),
  };
  block.values[0] = [header];
  for (let i = 0; i < n; i++) block.values[i + 1] = shared.row(values[i]);
  if (fills) {
    const fillRows = new Map<string | null, (string | null)[]>();
    const grid = block.fills as (string | null)[][];
    grid[0] = [HEADER_TEXT_FILL];
    for (let i = 0; i < n; i++) {
      let r = fillRows.get(fills[i]);
      if (!r) fillRows.set(fills[i], (r = [fills[i]]));
      grid[i + 1] = r;
    }
  }
  if (notes) {
    const noNote = [null];
    block.notes = new Array(n + 1);
    block.notes[0] = noNote;
    for (let i = 0; i < n; i++) block.notes[i + 1] = notes[i] === null ? noNote : [notes[i]];
  }
  return block;
}

interface OutputColumn {
  values: CellValue[];
  format: string | null;
  width: number;
  fills?: (string | null)[];
  notes?: (string | null)[];
}

/** Output columns of an input sheet: headers in the sheet's language, found or appended, one block each. */
function outputSheet<K extends string>(sheet: InputSheet, lang: Lang, specs: Record<K, ColumnSpec>, data: Record<K, OutputColumn>): SheetWrite {
  const cols = outputColumns(sheet.table, sheet.headerRow, specs, sheet.uncached);
  const keys = Object.keys(specs) as K[];
  const shared = new SharedCells();
  return {
    sheet: sheet.name,
    replace: false,
    // No frozenRows: the views of the user's sheets (panes, zoom, selection) are theirs, like their page setup.
    blocks: keys.map((k) => column(shared, sheet.headerRow, cols[k], specs[k][lang], data[k].values, data[k].format, data[k].fills, data[k].notes)),
    columnWidths: keys.map((k) => ({ col: cols[k], width: fitWidth(specs[k][lang], data[k].values, data[k].width) })),
  };
}

function indicatorSheet(sheet: InputSheet, indicators: IndicatorResult[], lang: Lang): SheetWrite {
  const headerRow = sheet.headerRow;
  const n = Math.max(sheet.table.length - 1 - headerRow, 0);
  const achievement: CellValue[] = new Array(n).fill(null);
  const score: CellValue[] = new Array(n).fill(null);
  const status: CellValue[] = new Array(n).fill(null);
  const contribution: CellValue[] = new Array(n).fill(null);
  const fills: (string | null)[] = new Array(n).fill(null);
  const scoreNotes: (string | null)[] = new Array(n).fill(null);
  for (const ind of indicators) {
    const i = ind.row - 1 - headerRow;
    achievement[i] = ind.achievement;
    score[i] = ind.score;
    status[i] = statusText(ind, lang);
    contribution[i] = ind.contribution;
    fills[i] = STATUS_FILLS[ind.status];
    if (ind.overridden) {
      scoreNotes[i] = t(lang, 'note.override', {
        computed: formatPercent(ind.computedScore, lang),
        score: formatPercent(ind.score, lang),
        note: ind.note || '-',
      });
    }
  }
  return outputSheet(sheet, lang, INDICATOR_OUTPUTS, {
    achievement: { values: achievement, format: PERCENT_FORMAT, width: 16 },
    score: { values: score, format: PERCENT_FORMAT, width: 12, notes: scoreNotes },
    status: { values: status, format: null, width: 24, fills },
    contribution: { values: contribution, format: PERCENT_FORMAT, width: 13 },
  });
}

function objectiveSheet(sheet: InputSheet, objectives: ObjectiveResult[], lang: Lang): SheetWrite {
  const headerRow = sheet.headerRow;
  const n = Math.max(sheet.table.length - 1 - headerRow, 0);
  const result: CellValue[] = new Array(n).fill(null);
  const achievement: CellValue[] = new Array(n).fill(null);
  const rating: CellValue[] = new Array(n).fill(null);
  for (const o of objectives) {
    const i = o.row - 1 - headerRow;
    result[i] = o.score;
    achievement[i] = o.achievement;
    rating[i] = o.rating;
  }
  return outputSheet(sheet, lang, OBJECTIVE_OUTPUTS, {
    result: { values: result, format: PERCENT_FORMAT, width: 12 },
    achievement: { values: achievement, format: PERCENT_FORMAT, width: 17 },
    rating: { values: rating, format: null, width: 16 },
  });
}

/** The Stato cell: the status, the days late, a deadline not yet due, a year-end estimate that falls short. */
export function statusText(ind: IndicatorResult, lang: Lang): string {
  if (ind.inProgress) return t(lang, 'status.inProgress');
  let text = t(lang, `status.${ind.status}`);
  if (ind.daysLate) text += ` (${t(lang, 'note.late', { days: ind.daysLate })})`;
  if (ind.projection?.atRisk) text += ` · ${t(lang, 'status.atRisk')}`;
  return text;
}

/** A titled table: a bold title row, a bold header row, then rows; formats per column. */
function tableBlock(row: number, title: string, headers: string[], rows: CellValue[][], formats: (string | null)[]): WriteBlock {
  const width = headers.length;
  const pad = (r: CellValue[]) => [...r, ...new Array(Math.max(0, width - r.length)).fill(null)];
  const values = [pad([title]), headers, ...rows.map(pad)];
  return {
    row,
    col: 0,
    values,
    numberFormats: values.map((_, i) => (i < 2 ? new Array(width).fill(null) : formats)),
    bold: values.map((_, i) => new Array(width).fill(i < 2)),
    fills: values.map((_, i) => new Array(width).fill(i === 1 ? HEADER_TEXT_FILL : null)),
  };
}

/** The objective's Prospettiva (or Perspective) attribute, whatever the column is called exactly. */
export function perspectiveOf(o: ObjectiveResult): string | null {
  const key = Object.keys(o.attributes).find((k) => /prospettiva|perspective/i.test(k));
  return key ? o.attributes[key] : null;
}

function summarySheet(name: string, lang: Lang, settings: Settings, year: number | null, rollup: Rollup, indicators: IndicatorResult[], issues: Issue[], monitoring?: Monitoring): SheetWrite {
  const it = lang === 'it';
  const blocks: WriteBlock[] = [];
  let row = 0;
  const push = (b: WriteBlock) => {
    blocks.push(b);
    row += b.values.length + 1;
  };
  const W = 7;
  const entityRows: CellValue[][] = [
    [it ? 'Risultato dell\'ente' : 'Entity result', rollup.entity.score],
    [it ? 'Valutazione' : 'Rating', rollup.entity.rating],
    [it ? 'Anno' : 'Year', year],
    [it ? 'Metodo' : 'Method', methodLabel(settings.method, lang)],
    [it ? 'Fasce' : 'Bands', settings.bands.map((b) => `${formatPercent(b.from, lang, 0)}:${formatPercent(b.score, lang, 0)}`).join('; ')],
    [it ? 'Aggregazione ente' : 'Entity aggregation', t(lang, `aggregation.${settings.entityAggregation}`)],
    [it ? 'Scala di valutazione' : 'Rating scale', settings.ratingScale.map((s) => `${formatPercent(s.from, lang, 0)}:${s.label}`).join('; ')],
    [it ? 'Obiettivi valutati' : 'Objectives scored', rollup.objectives.filter((o) => o.score !== null).length],
    [it ? 'Indicatori misurati' : 'Indicators measured', indicators.filter((i) => i.score !== null).length],
    [it ? 'Segnalazioni (errori/avvisi)' : 'Issues (errors/warnings)', `${issues.filter((i) => i.severity === 'error').length}/${issues.filter((i) => i.severity === 'warning').length}`],
  ];
  if (monitoring) {
    const label = monitoring.period.yearEnd ? (it ? 'fine anno' : 'year end') : `${monitoring.period.label} (${monitoring.period.key})`;
    entityRows.splice(3, 0, [it ? 'Periodo valutato' : 'Period scored', label]);
  }
  const entity = tableBlock(row, it ? 'Cruscotto — Sintesi' : 'Cruscotto — Summary', [it ? 'Voce' : 'Item', it ? 'Valore' : 'Value'], entityRows, [null, null]);
  entity.numberFormats = entity.values.map((_, i) => [null, i === 2 ? PERCENT_FORMAT : null]);
  push(entity);

  if (monitoring) {
    const measuredAt = (key: string) => indicators.filter((ind) => ind.history?.some((h) => h.period === key && h.score !== null)).length;
    const byPeriod = tableBlock(
      row,
      it ? 'Andamento per periodo' : 'Results by period',
      it ? ['Periodo', 'Data', 'Risultato dell\'ente', 'Indicatori misurati', 'A rischio'] : ['Period', 'Date', 'Entity result', 'Indicators measured', 'At risk'],
      monitoring.periods.map((p, k) => [
        p.yearEnd ? (it ? `Fine anno (${p.label})` : `Year end (${p.label})`) : p.label,
        p.date,
        monitoring.entityHistory[k]?.score ?? null,
        measuredAt(p.key),
        p.key === monitoring.period.key ? indicators.filter((ind) => ind.projection?.atRisk).length : null,
      ]),
      [null, null, PERCENT_FORMAT, null, null],
    );
    push(byPeriod);
  }

  const top = rollup.objectives.filter((o) => o.depth === 0);
  push(
    tableBlock(
      row,
      it ? 'Obiettivi di primo livello' : 'Top-level objectives',
      it ? ['Codice', 'Titolo', 'Risultato', 'Target', '% Raggiungimento', 'Valutazione', 'Prospettiva']
        : ['Code', 'Title', 'Result', 'Target', '% Achievement', 'Rating', 'Perspective'],
      top.map((o) => [o.code, o.title, o.score, o.target, o.achievement, o.rating, perspectiveOf(o)]),
      [null, null, PERCENT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT, null, null],
    ),
  );
  for (const [attribute, values] of Object.entries(rollup.groups)) {
    push(
      tableBlock(
        row,
        (it ? 'Per ' : 'By ') + attribute,
        [attribute, it ? 'Risultato' : 'Result'],
        Object.entries(values).map(([v, s]) => [v, s]),
        [null, PERCENT_FORMAT],
      ),
    );
  }
  const statuses: Status[] = ['met', 'partial', 'notMet', 'overridden', 'notMeasured', 'excluded'];
  const counts = statuses.map((s) => [t(lang, `status.${s}`), indicators.filter((i) => i.status === s).length] as CellValue[]);
  const statusBlock = tableBlock(row, it ? 'Indicatori per stato' : 'Indicators by status', [it ? 'Stato' : 'Status', it ? 'Numero' : 'Count'], counts, [null, null]);
  statusBlock.fills = statusBlock.values.map((_, i) => (i < 2 ? [i === 1 ? HEADER_TEXT_FILL : null, i === 1 ? HEADER_TEXT_FILL : null] : [STATUS_FILLS[statuses[i - 2]], null]));
  push(statusBlock);
  return {
    sheet: name,
    replace: true,
    owner: 'summary',
    pageSetup: TOOL_PAGE_SETUP,
    blocks,
    columnWidths: [
      { col: 0, width: 30 }, { col: 1, width: 48 }, { col: 2, width: 12 }, { col: 3, width: 10 },
      { col: 4, width: 17 }, { col: 5, width: 16 }, { col: 6, width: 26 },
    ].slice(0, W),
  };
}

function issuesSheet(name: string, lang: Lang, issues: Issue[]): SheetWrite {
  const it = lang === 'it';
  const headers = it ? ['Gravità', 'Foglio', 'Cella', 'Messaggio', 'Codice'] : ['Severity', 'Sheet', 'Cell', 'Message', 'Code'];
  const values: CellValue[][] = [headers, ...issues.map((i) => [t(lang, `severity.${i.severity}`), i.sheet, i.cell, i.message, i.code])];
  return {
    sheet: name,
    replace: true,
    owner: 'issues',
    pageSetup: { ...TOOL_PAGE_SETUP, printTitleRows: 1 },
    frozenRows: 1,
    blocks: [
      {
        row: 0,
        col: 0,
        values,
        bold: values.map((_, r) => new Array(5).fill(r === 0)),
        fills: values.map((_, r) => (r === 0 ? new Array(5).fill(HEADER_TEXT_FILL) : [SEVERITY_FILLS[issues[r - 1].severity], null, null, null, null])),
      },
    ],
    columnWidths: [{ col: 0, width: 14 }, { col: 1, width: 14 }, { col: 2, width: 8 }, { col: 3, width: 100 }, { col: 4, width: 22 }],
  };
}

/** The tool's sheets print landscape, one page wide, as many pages tall as they need. */
const TOOL_PAGE_SETUP: PageSetup = { landscape: true, fitToWidth: true };

export interface InputSheet {
  name: string;
  table: Table;
  headerRow: number;
  /** A1 addresses of formulas without a cached value on this sheet. */
  uncached: readonly string[];
}

export interface OutputSheetNames {
  summary: string;
  issues: string;
  /** Schede individuali: named always, written only when the plan scores people. */
  people: string;
  /** The tool's own sheets (by marker) that the new outputs supersede. */
  remove: string[];
  /** User sheets that carry an output's name: left alone, the output goes elsewhere. */
  clashes: { sheet: string; output: string }[];
}

const OUTPUT_SHEETS: Record<OutputKind, typeof SHEETS.summary> = { summary: SHEETS.summary, issues: SHEETS.issues, people: SHEETS.people };

/**
 * Names of the tool's output sheets. A sheet is the tool's only when it carries the tool's marker: a user
 * sheet called "Sintesi" (any case) is never replaced, the output takes "Sintesi (Cruscotto)" instead. The
 * tool's sheets in the other language, or under a name no longer needed, are removed. Without the workbook's
 * sheet list (pure callers, tests), the outputs take their plain names.
 */
export function outputSheetNames(lang: Lang, workbook: readonly SheetInfo[] | undefined, writing: readonly OutputKind[] = ['summary', 'issues']): OutputSheetNames {
  const result: OutputSheetNames = { summary: SHEETS.summary[lang], issues: SHEETS.issues[lang], people: SHEETS.people[lang], remove: [], clashes: [] };
  if (!workbook) return result;
  const key = (name: string) => normalizeHeader(name);
  const chosen = new Set<string>();
  for (const kind of ['summary', 'issues', 'people'] as OutputKind[]) {
    const preferred = OUTPUT_SHEETS[kind][lang];
    let name: string | null = null;
    for (let i = 0; name === null; i++) {
      const candidate = i === 0 ? preferred : `${preferred} (Cruscotto${i === 1 ? '' : ` ${i}`})`;
      const existing = workbook.find((s) => key(s.name) === key(candidate));
      if (existing && existing.owner === kind && !chosen.has(key(existing.name))) name = existing.name;
      else if (!existing && !chosen.has(key(candidate))) name = candidate;
    }
    chosen.add(key(name));
    result[kind] = name;
    const user = workbook.find((s) => key(s.name) === key(preferred) && s.owner !== kind);
    if (user && key(name) !== key(preferred) && writing.includes(kind)) result.clashes.push({ sheet: user.name, output: name });
  }
  // Only the kinds written now replace their stale copies: scoring without schede leaves the schede alone.
  for (const s of workbook) if (s.owner !== null && writing.includes(s.owner) && !chosen.has(key(s.name))) result.remove.push(s.name);
  return result;
}

export interface PlanWriteInput {
  lang: Lang;
  settings: Settings;
  year: number | null;
  indicatorSheet: InputSheet;
  objectiveSheet: InputSheet | null;
  indicators: IndicatorResult[];
  rollup: Rollup;
  issues: Issue[];
  outputs: OutputSheetNames;
  monitoring?: Monitoring;
  /** The Schede individuali sheet, when people are scored. */
  people?: SheetWrite | null;
}

/** The periods of a monitored year, for the Sintesi's table by period. */
export interface Monitoring {
  period: PeriodInfo;
  periods: PeriodInfo[];
  entityHistory: { period: string; score: number | null }[];
}

export function planWrites(p: PlanWriteInput): WritePlan {
  const sheets: SheetWrite[] = [indicatorSheet(p.indicatorSheet, p.indicators, p.lang)];
  if (p.objectiveSheet) sheets.push(objectiveSheet(p.objectiveSheet, p.rollup.objectives, p.lang));
  sheets.push(summarySheet(p.outputs.summary, p.lang, p.settings, p.year, p.rollup, p.indicators, p.issues, p.monitoring));
  sheets.push(issuesSheet(p.outputs.issues, p.lang, p.issues));
  if (p.people) sheets.push({ ...p.people, sheet: p.outputs.people, replace: true, owner: 'people' });
  return p.outputs.remove.length > 0 ? { sheets, removeSheets: [...p.outputs.remove] } : { sheets };
}
