/**
 * What to write, never how: output columns on Indicatori and Obiettivi (found by header in either
 * language and overwritten in place, else appended after the last used column), and the core's own
 * Sintesi and Segnalazioni sheets. One block per column or table, so hosts write in a fixed number of calls.
 */
import type {
  CellValue, IndicatorResult, Issue, Lang, ObjectiveResult, Settings, SheetWrite, Status, Table, WriteBlock, WritePlan,
} from './types.js';
import type { Rollup } from './rollup.js';
import { INDICATOR_OUTPUTS, OBJECTIVE_OUTPUTS } from './columns.js';
import { SHEETS, findColumn, headerWidth, type ColumnSpec } from './table.js';
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

/** Where each output column goes: the existing column with that header, or the next free one. */
export function outputColumns<K extends string>(table: Table, headerRow: number, specs: Record<K, ColumnSpec>): Record<K, number> {
  const headers = table[headerRow] ?? [];
  let next = headerWidth(table, headerRow);
  const out = {} as Record<K, number>;
  for (const key of Object.keys(specs) as K[]) {
    const found = findColumn(headers, specs[key]);
    out[key] = found >= 0 ? found : next++;
  }
  return out;
}

/**
 * One output column as a block. Rows with the same format, fill or weight share one inner array: hosts
 * only read them, and a 100k-row plan would otherwise allocate millions of one-cell arrays.
 */
function column(row: number, col: number, header: string, values: CellValue[], format: string | null, fills?: (string | null)[], notes?: (string | null)[]): WriteBlock {
  const formatRow = [format];
  const plainRow = [false];
  const noFill = [null];
  const fillRows = new Map<string | null, (string | null)[]>([[null, noFill]]);
  const fillRow = (f: string | null) => {
    let r = fillRows.get(f);
    if (!r) fillRows.set(f, (r = [f]));
    return r;
  };
  const n = values.length;
  const block: WriteBlock = {
    row,
    col,
    values: new Array(n + 1),
    numberFormats: new Array(n + 1).fill(formatRow),
    bold: new Array(n + 1).fill(plainRow),
    fills: new Array(n + 1),
  };
  block.values[0] = [header];
  (block.numberFormats as (string | null)[][])[0] = [null];
  (block.bold as boolean[][])[0] = [true];
  (block.fills as (string | null)[][])[0] = [HEADER_TEXT_FILL];
  for (let i = 0; i < n; i++) {
    block.values[i + 1] = [values[i]];
    (block.fills as (string | null)[][])[i + 1] = fills ? fillRow(fills[i]) : noFill;
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
function outputSheet<K extends string>(sheet: string, table: Table, headerRow: number, lang: Lang, specs: Record<K, ColumnSpec>, data: Record<K, OutputColumn>): SheetWrite {
  const cols = outputColumns(table, headerRow, specs);
  const keys = Object.keys(specs) as K[];
  return {
    sheet,
    replace: false,
    frozenRows: headerRow + 1,
    blocks: keys.map((k) => column(headerRow, cols[k], specs[k][lang], data[k].values, data[k].format, data[k].fills, data[k].notes)),
    columnWidths: keys.map((k) => ({ col: cols[k], width: data[k].width })),
  };
}

function indicatorSheet(sheet: string, table: Table, headerRow: number, indicators: IndicatorResult[], lang: Lang): SheetWrite {
  const n = Math.max(table.length - 1 - headerRow, 0);
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
    status[i] = t(lang, `status.${ind.status}`) + (ind.daysLate ? ` (${t(lang, 'note.late', { days: ind.daysLate })})` : '');
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
  return outputSheet(sheet, table, headerRow, lang, INDICATOR_OUTPUTS, {
    achievement: { values: achievement, format: PERCENT_FORMAT, width: 16 },
    score: { values: score, format: PERCENT_FORMAT, width: 12, notes: scoreNotes },
    status: { values: status, format: null, width: 24, fills },
    contribution: { values: contribution, format: PERCENT_FORMAT, width: 13 },
  });
}

function objectiveSheet(sheet: string, table: Table, headerRow: number, objectives: ObjectiveResult[], lang: Lang): SheetWrite {
  const n = Math.max(table.length - 1 - headerRow, 0);
  const result: CellValue[] = new Array(n).fill(null);
  const achievement: CellValue[] = new Array(n).fill(null);
  const rating: CellValue[] = new Array(n).fill(null);
  for (const o of objectives) {
    const i = o.row - 1 - headerRow;
    result[i] = o.score;
    achievement[i] = o.achievement;
    rating[i] = o.rating;
  }
  return outputSheet(sheet, table, headerRow, lang, OBJECTIVE_OUTPUTS, {
    result: { values: result, format: PERCENT_FORMAT, width: 12 },
    achievement: { values: achievement, format: PERCENT_FORMAT, width: 17 },
    rating: { values: rating, format: null, width: 16 },
  });
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

function summarySheet(lang: Lang, settings: Settings, year: number | null, rollup: Rollup, indicators: IndicatorResult[], issues: Issue[]): SheetWrite {
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
  const entity = tableBlock(row, it ? 'Cruscotto — Sintesi' : 'Cruscotto — Summary', [it ? 'Voce' : 'Item', it ? 'Valore' : 'Value'], entityRows, [null, null]);
  entity.numberFormats = entity.values.map((_, i) => [null, i === 2 ? PERCENT_FORMAT : null]);
  push(entity);

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
    sheet: it ? SHEETS.summary.it : SHEETS.summary.en,
    replace: true,
    blocks,
    columnWidths: [
      { col: 0, width: 30 }, { col: 1, width: 48 }, { col: 2, width: 12 }, { col: 3, width: 10 },
      { col: 4, width: 17 }, { col: 5, width: 16 }, { col: 6, width: 26 },
    ].slice(0, W),
  };
}

function issuesSheet(lang: Lang, issues: Issue[]): SheetWrite {
  const it = lang === 'it';
  const headers = it ? ['Gravità', 'Foglio', 'Cella', 'Messaggio', 'Codice'] : ['Severity', 'Sheet', 'Cell', 'Message', 'Code'];
  const values: CellValue[][] = [headers, ...issues.map((i) => [t(lang, `severity.${i.severity}`), i.sheet, i.cell, i.message, i.code])];
  return {
    sheet: it ? SHEETS.issues.it : SHEETS.issues.en,
    replace: true,
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

export interface PlanWriteInput {
  lang: Lang;
  settings: Settings;
  year: number | null;
  indicatorSheet: { name: string; table: Table; headerRow: number };
  objectiveSheet: { name: string; table: Table; headerRow: number } | null;
  indicators: IndicatorResult[];
  rollup: Rollup;
  issues: Issue[];
}

export function planWrites(p: PlanWriteInput): WritePlan {
  const sheets: SheetWrite[] = [indicatorSheet(p.indicatorSheet.name, p.indicatorSheet.table, p.indicatorSheet.headerRow, p.indicators, p.lang)];
  if (p.objectiveSheet) sheets.push(objectiveSheet(p.objectiveSheet.name, p.objectiveSheet.table, p.objectiveSheet.headerRow, p.rollup.objectives, p.lang));
  sheets.push(summarySheet(p.lang, p.settings, p.year, p.rollup, p.indicators, p.issues));
  sheets.push(issuesSheet(p.lang, p.issues));
  return { sheets };
}

