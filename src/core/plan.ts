/**
 * Reading the Obiettivi and Indicatori tables into the model, turning every data problem into an Issue
 * with its cell. Nothing here scores; it only says what each row means.
 */
import type { CellValue, Direction, Issue, Lang, Method, Settings, Table } from './types.js';
import { cleanText, isBlank, isNotDefined, readBoolean, readFraction } from './cell.js';
import { toNumber, type Rational } from './decimal.js';
import { INDICATOR_COLUMNS, INDICATOR_OUTPUTS, OBJECTIVE_COLUMNS, OBJECTIVE_OUTPUTS } from './columns.js';
import { a1, cell, findColumn, findHeaderRow, findYearColumns, headerWidth, isBlankRow, normalizeHeader, type ColumnSpec } from './table.js';
import { parseTarget, isTargetError, type ParsedTarget } from './target.js';
import { isYearEnd, parsePeriod, periodOfHeader, periodOrder } from './periods.js';
import { isoDate, serialFromYmd } from './cell.js';
import { readMethod } from './settings.js';
import { t, type MessageKey } from './messages.js';

/** BigInt through the constructor: the Apps Script editor's parser rejects BigInt literals. */
const ZERO = BigInt(0);

export interface ObjectiveRow {
  code: string;
  title: string;
  parent: string | null;
  weight: Rational | null;
  target: number | null;
  attributes: Record<string, string>;
  row: number;
}

export interface IndicatorRow {
  code: string;
  name: string;
  objective: string;
  weight: Rational | null;
  /** null: blank target; 'nd': n.d. for the year; 'error': unreadable. */
  target: ParsedTarget | 'nd' | 'error' | null;
  targetText: string;
  actualCell: CellValue;
  thresholdCell: CellValue;
  direction: Direction | null;
  method: Method | null;
  override: number | null;
  note: string;
  excluded: boolean;
  unit: string;
  row: number;
  /** Monitoring at an interim period without an interim target: the actual is progress towards the year's target. */
  progress: boolean;
  /** The Cumulativo column, or the default for the target's kind (see isCumulative). */
  cumulative: boolean;
  /** The year's target, when an interim target replaced it for this period (for projections). */
  yearTarget: ParsedTarget | null;
}

export class IssueSink {
  readonly issues: Issue[] = [];
  constructor(readonly lang: Lang) {}
  add(severity: Issue['severity'], sheet: string, cell: string, code: MessageKey, params: Record<string, string | number> = {}): void {
    this.issues.push({ severity, sheet, cell, code, message: t(this.lang, code, params) });
  }
}

const OUTPUT_HEADERS = new Set(
  [...Object.values(INDICATOR_OUTPUTS), ...Object.values(OBJECTIVE_OUTPUTS)].flatMap((c) => c.aliases),
);

/** Codes are text: a number cell 1.1 is the code "1.1", never the number. */
export function readCode(v: CellValue): string {
  if (typeof v === 'number') return String(v);
  return cleanText(v);
}

function columns<K extends string>(headers: CellValue[], specs: Record<K, ColumnSpec>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(specs) as K[]) out[key] = findColumn(headers, specs[key]);
  return out;
}

/**
 * Plans repeat the same texts row after row ("14,29%", ">= 1 N."): parse each distinct text once per
 * scoring run. Keys include everything the reading depends on.
 */
class TextCache<T> {
  private readonly map = new Map<string, T>();
  get(key: string, read: () => T): T {
    let v = this.map.get(key);
    if (v === undefined && !this.map.has(key)) {
      v = read();
      this.map.set(key, v);
    }
    return v as T;
  }
}

const fractionCache = new WeakMap<IssueSink, TextCache<Rational | null>>();

function cachedFraction(v: CellValue, sink: IssueSink): Rational | null {
  if (typeof v !== 'string') return readFraction(v);
  let cache = fractionCache.get(sink);
  if (!cache) fractionCache.set(sink, (cache = new TextCache()));
  return cache.get(v, () => readFraction(v));
}

function readWeight(v: CellValue, code: string, sheet: string, row: number, col: number, sink: IssueSink): Rational | null {
  if (isBlank(v) || isNotDefined(v)) return null;
  const w = cachedFraction(v, sink);
  if (!w) {
    sink.add('error', sheet, a1(row, col), 'weight.unreadable', { text: cleanText(v), code });
    return null;
  }
  if (w.n < ZERO) {
    sink.add('error', sheet, a1(row, col), 'weight.negative', { code });
    return null;
  }
  return w;
}

export interface ObjectiveTable {
  rows: ObjectiveRow[];
  /** 0-based row of the headers. */
  headerRow: number;
  /** Columns for issue addresses (-1 when absent). */
  codeCol: number;
  parentCol: number;
}

export function readObjectives(table: Table, sheet: string, sink: IssueSink): ObjectiveTable {
  const headerRow = findHeaderRow(table, OBJECTIVE_COLUMNS.code);
  const headers = table[headerRow] ?? [];
  const cols = columns(headers, OBJECTIVE_COLUMNS);
  const known = new Set(Object.values(cols).filter((c) => c >= 0));
  const attributeCols: { col: number; name: string }[] = [];
  const width = headerWidth(table, headerRow);
  for (let c = 0; c < width; c++) {
    const name = cleanText(headers[c]);
    if (name === '' || OUTPUT_HEADERS.has(normalizeHeader(name))) continue;
    if (c === cols.perspective || c === cols.owner || !known.has(c)) attributeCols.push({ col: c, name });
  }
  if (cols.code < 0) sink.add('error', sheet, a1(0, 0), 'column.missing', { column: 'Codice', sheet });
  const seen = new Map<string, number>();
  const out: ObjectiveRow[] = [];
  for (let r = headerRow + 1; r < table.length; r++) {
    if (isBlankRow(table[r])) continue;
    const code = readCode(cell(table, r, cols.code));
    if (code === '') {
      sink.add('warning', sheet, a1(r, Math.max(cols.code, 0)), 'code.missing');
      continue;
    }
    if (seen.has(code)) {
      sink.add('error', sheet, a1(r, cols.code), 'code.duplicate', { code, first: (seen.get(code) as number) + 1 });
      continue;
    }
    seen.set(code, r);
    const parent = readCode(cell(table, r, cols.parent));
    let target: number | null = null;
    const targetCell = cell(table, r, cols.target);
    if (!isBlank(targetCell) && !isNotDefined(targetCell)) {
      const f = readFraction(typeof targetCell === 'string' ? targetCell.replace(/^\s*(>=|≥|=>)\s*/, '') : targetCell);
      if (f && f.n > ZERO) target = toNumber(f);
      else sink.add('warning', sheet, a1(r, cols.target), 'objectiveTarget.unreadable', { code, text: cleanText(targetCell) });
    }
    const attributes: Record<string, string> = {};
    for (const { col, name } of attributeCols) {
      const v = cleanText(cell(table, r, col));
      if (v !== '') attributes[name] = v;
    }
    out.push({
      code,
      title: cleanText(cell(table, r, cols.title)),
      parent: parent === '' ? null : parent,
      weight: readWeight(cell(table, r, cols.weight), code, sheet, r, cols.weight, sink),
      target,
      attributes,
      row: r,
    });
  }
  return { rows: out, headerRow, codeCol: Math.max(cols.code, 0), parentCol: cols.parent >= 0 ? cols.parent : Math.max(cols.code, 0) };
}

const HIGHER = /^(max|massimo|massimizzare|crescente|higher|high|up|maggiore|alto|positiva|\+|↑|higher is better|più alto è meglio)$/;
const LOWER = /^(min|minimo|minimizzare|decrescente|lower|low|down|minore|basso|negativa|-|↓|lower is better|più basso è meglio)$/;

export function readDirection(v: CellValue): Direction | null | 'error' {
  if (isBlank(v)) return null;
  const n = normalizeHeader(v);
  if (HIGHER.test(n)) return 'higher';
  if (LOWER.test(n)) return 'lower';
  return 'error';
}

export interface YearColumns {
  target: number;
  actual: number;
  threshold: number;
  year: number | null;
}

/** Picks the Target/Consuntivo/Soglia columns of the year being scored. */
export function chooseYearColumns(headers: CellValue[], headerRow: number, settings: Settings, sheet: string, sink: IssueSink): YearColumns {
  const pick = (spec: ColumnSpec, year: number | null): number => {
    const byYear = findYearColumns(headers, spec);
    if (year !== null && byYear.has(year)) return byYear.get(year) as number;
    return findColumn(headers, spec);
  };
  const targetYears = findYearColumns(headers, INDICATOR_COLUMNS.target);
  let year = settings.year;
  if (year === null && targetYears.size > 0 && findColumn(headers, INDICATOR_COLUMNS.target) < 0) {
    year = Math.min(...targetYears.keys());
    if (targetYears.size > 1) sink.add('warning', sheet, a1(headerRow, targetYears.get(year) as number), 'year.missing', { year });
  }
  const target = pick(INDICATOR_COLUMNS.target, year);
  if (year !== null && !targetYears.has(year) && target < 0 && targetYears.size > 0) {
    sink.add('error', sheet, '', 'column.missing', { column: `Target ${year}`, sheet });
  }
  if (target < 0 && targetYears.size === 0) sink.add('error', sheet, a1(headerRow, 0), 'column.missing', { column: 'Target', sheet });
  return {
    target,
    actual: pick(INDICATOR_COLUMNS.actual, year),
    threshold: pick(INDICATOR_COLUMNS.threshold, year),
    year,
  };
}

function yearTargetOf(v: CellValue, year: number | null, unit: string): ParsedTarget | null {
  if (isBlank(v)) return null;
  const parsed = parseTarget(v, { year, unit });
  return isTargetError(parsed) || parsed.kind === 'none' ? null : parsed;
}

export interface IndicatorTable {
  rows: IndicatorRow[];
  year: number | null;
  /** 0-based row of the headers. */
  headerRow: number;
  /** Output rows left unscored (duplicates, rows without a code). */
  ignoredRows: number[];
  /** Columns of the year's Consuntivo and Soglia, Obiettivo and Neutralizzato, for issue addresses. */
  actualCol: number;
  thresholdCol: number;
  objectiveCol: number;
  excludedCol: number;
  /** The periods of the year found in the headers (the year's end last), and the one scored. */
  calendar: Period[];
  period: Period | null;
  /** Column of last year's Consuntivo (the baseline point of the history), -1 when none. */
  priorActualCol: number;
}

/** A period column (or the year's Consuntivo) of the scored year. */
export interface Period {
  key: string;
  label: string;
  month: number;
  day: number;
  yearEnd: boolean;
  actualCol: number;
  /** Interim target column, -1 when none; for the year's end, the year's Target. */
  targetCol: number;
  /** Header row cell, for issues. */
  headerCell: string;
}

export function periodDate(p: Period, year: number | null): string {
  if (year === null) return `${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  return isoDate(serialFromYmd(year, p.month, p.day) as number);
}

/**
 * Every `Consuntivo <period>` / `Target <period>` column, placed on one calendar of the scored year. A
 * header that names no period, a period of another year, or a second column for the same period is an issue
 * at its header cell, and the column is ignored.
 */
export function readCalendar(headers: CellValue[], headerRow: number, years: YearColumns, sheet: string, sink: IssueSink): Period[] {
  const byDay = new Map<number, Period>();
  const targets: { order: number; col: number }[] = [];
  for (let c = 0; c < headers.length; c++) {
    for (const role of ['actual', 'target'] as const) {
      const found = periodOfHeader(headers[c], INDICATOR_COLUMNS[role]);
      if (!found) continue;
      const cellRef = a1(headerRow, c);
      const p = found.period;
      if (!p) {
        sink.add('warning', sheet, cellRef, 'period.unreadable', { header: cleanText(headers[c]) });
        continue;
      }
      if (p.year !== null && years.year !== null && p.year !== years.year) {
        sink.add('warning', sheet, cellRef, 'period.otherYear', { header: cleanText(headers[c]), year: years.year });
        continue;
      }
      const order = periodOrder(p);
      if (role === 'target') {
        if (targets.some((t) => t.order === order)) sink.add('warning', sheet, cellRef, 'period.duplicate', { header: cleanText(headers[c]) });
        else targets.push({ order, col: c });
        continue;
      }
      if (byDay.has(order) || (isYearEnd(p) && years.actual >= 0)) {
        sink.add('warning', sheet, cellRef, 'period.duplicate', { header: cleanText(headers[c]) });
        continue;
      }
      byDay.set(order, {
        key: isYearEnd(p) ? '31/12' : p.canonical, label: found.written, month: p.month, day: p.day,
        yearEnd: isYearEnd(p), actualCol: c, targetCol: -1, headerCell: cellRef,
      });
    }
  }
  if (byDay.size === 0) return [];
  const yearEnd = byDay.get(1231);
  if (!yearEnd && years.actual >= 0) {
    byDay.set(1231, {
      key: '31/12', label: years.year !== null ? String(years.year) : cleanText(headers[years.actual]), month: 12, day: 31,
      yearEnd: true, actualCol: years.actual, targetCol: years.target, headerCell: a1(headerRow, years.actual),
    });
  } else if (yearEnd) yearEnd.targetCol = years.target;
  for (const t of targets) {
    const p = byDay.get(t.order);
    if (!p) sink.add('warning', sheet, a1(headerRow, t.col), 'period.targetOnly', { header: cleanText(headers[t.col]) });
    else if (p.yearEnd) sink.add('warning', sheet, a1(headerRow, t.col), 'period.duplicate', { header: cleanText(headers[t.col]) });
    else p.targetCol = t.col;
  }
  return [...byDay.values()].sort((a, b) => periodOrder(a) - periodOrder(b));
}

/** The period asked for (header text or short name), or null when the calendar has no such period. */
export function findPeriod(calendar: Period[], asked: string): Period | null {
  const text = cleanText(asked).toLowerCase();
  if (/^(fine anno|anno|year|year end|year-end|annuale|consuntivo)$/.test(text)) return calendar.find((p) => p.yearEnd) ?? null;
  const direct = calendar.find((p) => p.key.toLowerCase() === text || p.label.toLowerCase() === text);
  if (direct) return direct;
  const parsed = parsePeriod(asked);
  if (!parsed) return null;
  return calendar.find((p) => p.month === parsed.month && p.day === parsed.day) ?? null;
}

/**
 * Default period: the year's end when it has any actual, else the latest period that has one (monitoring
 * during the year), else the year's end.
 */
function defaultPeriod(table: Table, headerRow: number, calendar: Period[]): Period {
  const hasActual = (p: Period) => {
    for (let r = headerRow + 1; r < table.length; r++) if (cleanText(cell(table, r, p.actualCol)) !== '') return true;
    return false;
  };
  const yearEnd = calendar[calendar.length - 1];
  if (yearEnd.yearEnd && hasActual(yearEnd)) return yearEnd;
  for (let i = calendar.length - 1; i >= 0; i--) if (hasActual(calendar[i])) return calendar[i];
  return yearEnd;
}

/**
 * Counts that add up through the year (practices handled, events held) are cumulative; rates, times,
 * percentages, dates and yes/no stand as they are. Without a Cumulativo column: a number that should grow.
 */
export function isCumulative(cellValue: CellValue, target: ParsedTarget | null, direction: Direction | null): boolean {
  if (!isBlank(cellValue)) {
    const b = readBoolean(cellValue);
    if (b !== null) return b;
  }
  if (!target || target.plain.kind !== 'number') return false;
  const op = target.plain.op;
  if (op === '<=' || op === '<') return false;
  if (op === null && direction === 'lower') return false;
  return true;
}



export function readIndicators(table: Table, sheet: string, settings: Settings, sink: IssueSink, askedPeriod?: string): IndicatorTable {
  const headerRow = findHeaderRow(table, INDICATOR_COLUMNS.code);
  const headers = table[headerRow] ?? [];
  const cols = columns(headers, INDICATOR_COLUMNS);
  const years = chooseYearColumns(headers, headerRow, settings, sheet, sink);
  const calendar = readCalendar(headers, headerRow, years, sheet, sink);
  let period: Period | null = null;
  if (calendar.length > 0) {
    const asked = askedPeriod ?? settings.period;
    if (asked) {
      period = findPeriod(calendar, asked);
      if (!period) sink.add('error', sheet, '', 'period.unknown', { period: asked, periods: calendar.map((p) => p.key).join(', ') });
    }
    period ??= defaultPeriod(table, headerRow, calendar);
  }
  const interim = period !== null && !period.yearEnd;
  const actualCol = period ? period.actualCol : years.actual;
  const priorYears = findYearColumns(headers, INDICATOR_COLUMNS.actual);
  const priorActualCol = years.year !== null && priorYears.has(years.year - 1) ? priorYears.get(years.year - 1) as number : -1;
  if (cols.code < 0) sink.add('error', sheet, a1(headerRow, 0), 'column.missing', { column: 'Codice', sheet });
  if (years.actual < 0) sink.add('error', sheet, a1(headerRow, 0), 'column.missing', { column: 'Consuntivo', sheet });
  const seen = new Map<string, number>();
  const rows: IndicatorRow[] = [];
  const ignoredRows: number[] = [];
  const targets = new TextCache<ReturnType<typeof parseTarget>>();
  for (let r = headerRow + 1; r < table.length; r++) {
    if (isBlankRow(table[r])) continue;
    const code = readCode(cell(table, r, cols.code));
    if (code === '') {
      sink.add('warning', sheet, a1(r, Math.max(cols.code, 0)), 'code.missing');
      ignoredRows.push(r);
      continue;
    }
    if (seen.has(code)) {
      sink.add('error', sheet, a1(r, cols.code), 'code.duplicate', { code, first: (seen.get(code) as number) + 1 });
      ignoredRows.push(r);
      continue;
    }
    seen.set(code, r);
    const unit = cleanText(cell(table, r, cols.unit));

    const excludedCell = cell(table, r, cols.excluded);
    let excluded = false;
    if (!isBlank(excludedCell)) {
      const b = readBoolean(excludedCell);
      if (b === null) sink.add('error', sheet, a1(r, cols.excluded), 'excluded.unreadable', { code, text: cleanText(excludedCell) });
      else excluded = b;
    }

    const interimCell = interim && period !== null ? cell(table, r, period.targetCol) : null;
    const useInterim = interim && !isBlank(interimCell);
    const targetCol = useInterim && period !== null ? period.targetCol : years.target;
    const targetCell = cell(table, r, targetCol);
    let target: IndicatorRow['target'] = null;
    if (isBlank(targetCell)) {
      if (!excluded) sink.add('warning', sheet, a1(r, Math.max(years.target, 0)), 'target.missing', { code });
    } else {
      const parsed = typeof targetCell === 'string'
        ? targets.get(`${unit}\u0000${targetCell}`, () => parseTarget(targetCell, { year: years.year, unit }))
        : parseTarget(targetCell, { year: years.year, unit });
      if (isTargetError(parsed)) {
        target = 'error';
        sink.add('error', sheet, a1(r, targetCol), 'target.unreadable', { code, text: cleanText(targetCell) });
      } else if (parsed.kind === 'none') {
        target = 'nd';
        if (!excluded) sink.add('info', sheet, a1(r, targetCol), 'target.nd', { code, year: years.year ?? '-' });
      } else target = parsed;
    }

    const directionCell = cell(table, r, cols.direction);
    let direction = readDirection(directionCell);
    if (direction === 'error') {
      sink.add('error', sheet, a1(r, cols.direction), 'direction.unreadable', { code, text: cleanText(directionCell), fallback: 'max' });
      direction = null;
    }

    const methodCell = cell(table, r, cols.method);
    let method: Method | null = null;
    if (!isBlank(methodCell)) {
      method = readMethod(methodCell);
      if (!method) sink.add('error', sheet, a1(r, cols.method), 'method.unreadable', { text: cleanText(methodCell), fallback: '' });
    }
    const parsedTarget = typeof target === 'object' && target !== null ? target : null;
    const cumulative = isCumulative(cell(table, r, cols.cumulative), parsedTarget, direction);
    // Without an interim target a cumulative count is progress towards the year's target: proportional,
    // whatever the plan's method (a band table would read half the year's work as a miss).
    const progress = interim && !useInterim;
    if (progress && cumulative) method = 'linear';

    const note = cleanText(cell(table, r, cols.note));
    const overrideCell = cell(table, r, cols.override);
    let override: number | null = null;
    if (!isBlank(overrideCell)) {
      const f = readFraction(overrideCell);
      if (!f || f.n < ZERO) sink.add('error', sheet, a1(r, cols.override), 'override.unreadable', { code, text: cleanText(overrideCell) });
      else {
        override = toNumber(f);
        if (note === '') sink.add('error', sheet, a1(r, cols.note >= 0 ? cols.note : cols.override), 'override.noNote', { code });
      }
    }

    rows.push({
      code,
      name: cleanText(cell(table, r, cols.name)),
      objective: readCode(cell(table, r, cols.objective)),
      weight: readWeight(cell(table, r, cols.weight), code, sheet, r, cols.weight, sink),
      target,
      targetText: cleanText(targetCell),
      actualCell: cell(table, r, actualCol),
      thresholdCell: cell(table, r, years.threshold),
      direction,
      method,
      override,
      note,
      excluded,
      unit,
      row: r,
      progress,
      cumulative,
      yearTarget: useInterim ? yearTargetOf(cell(table, r, years.target), years.year, unit) : parsedTarget,
    });
  }
  return {
    rows, year: years.year, headerRow, ignoredRows, actualCol, thresholdCol: years.threshold,
    objectiveCol: Math.max(cols.objective, 0), excludedCol: Math.max(cols.excluded, 0), calendar, period, priorActualCol,
  };
}

