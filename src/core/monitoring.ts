/**
 * Monitoring during the year: what changes when a period other than the year's end is scored, and what
 * the periods say together (history, gap to target, year-end projection). Scoring itself stays in
 * measure/rollup: a period only chooses which Consuntivo and which Target a row is read with (plan.ts).
 */
import type { Direction, HistoryPoint, IndicatorResult, Projection } from './types.js';
import type { IndicatorTable, IssueSink, Period } from './plan.js';
import { a1, cell } from './table.js';
import { isBlank, serialFromYmd } from './cell.js';
import { readActual } from './actual.js';
import { toNumber } from './decimal.js';

/** A row's direction: the target's comparator first, then Direzione, higher by default. */
function directionOf(op: string | null, direction: Direction | null): Direction {
  if (op === '<=' || op === '<') return 'lower';
  if (op === '>=' || op === '>') return 'higher';
  return direction ?? 'higher';
}

function numericActual(table: IndicatorTable, i: number, kind: 'number' | 'percent'): number | null {
  const row = table.rows[i];
  if (isBlank(row.actualCell)) return null;
  const reading = readActual(row.actualCell, kind, table.year);
  return reading.ok && reading.actual.kind === 'number' ? toNumber(reading.actual.value) : null;
}

/**
 * Marks what the period means for each indicator: progress rather than achievement, deadlines not yet due
 * (in progress, not late: their "missing actual" warning is withdrawn), cumulative counts, and the gap to
 * the target signed so that negative is worse.
 */
export function applyPeriod(table: IndicatorTable, indicators: IndicatorResult[], sheet: string, sink: IssueSink): void {
  const period = table.period;
  const interim = period !== null && !period.yearEnd;
  const withdrawn = new Set<string>();
  indicators.forEach((ind, i) => {
    const row = table.rows[i];
    ind.cumulative = row.cumulative;
    if (period !== null) ind.progress = row.progress;
    const target = typeof row.target === 'object' && row.target !== null ? row.target : null;
    if (interim && target?.kind === 'date' && isBlank(row.actualCell) && !row.excluded && typeof target.value === 'number') {
      const deadline = target.value;
      const year = table.year ?? new Date(Date.UTC(1899, 11, 30 + deadline)).getUTCFullYear();
      const periodEnd = serialFromYmd(year, period.month, period.day);
      if (periodEnd !== null && periodEnd < deadline) {
        ind.inProgress = true;
        withdrawn.add(a1(row.row, Math.max(table.actualCol, 0)));
      }
    }
    if (target && (target.kind === 'number' || target.kind === 'percent') && typeof target.value === 'number') {
      const actual = numericActual(table, i, target.kind);
      ind.gap = actual === null ? null : directionOf(target.op, row.direction) === 'higher' ? actual - target.value : target.value - actual;
    } else if (period !== null) ind.gap = null;
  });
  if (withdrawn.size > 0) {
    const kept = sink.issues.filter((issue) => !(issue.code === 'actual.missing' && issue.sheet === sheet && withdrawn.has(issue.cell)));
    sink.issues.length = 0;
    sink.issues.push(...kept);
  }
}

/** Day of the year's end a period stands at, as a fraction of the year (30/06 of a common year: 181/365). */
export function yearFraction(period: Pick<Period, 'month' | 'day'>, year: number | null): number {
  const y = year ?? 2001;
  const start = serialFromYmd(y, 1, 1) as number;
  const end = serialFromYmd(y, 12, 31) as number;
  const at = serialFromYmd(y, period.month, period.day) as number;
  return (at - start + 1) / (end - start + 1);
}

/**
 * Year-end estimate of a cumulative count: the least-squares line through the origin of the actuals so far
 * against the share of the year elapsed (with one period, the actual scaled to the whole year).
 */
export function projectYearEnd(points: { fraction: number; actual: number }[], yearTarget: number, direction: Direction): Projection | null {
  let tt = 0;
  let ta = 0;
  for (const p of points) {
    tt += p.fraction * p.fraction;
    ta += p.fraction * p.actual;
  }
  if (tt === 0 || yearTarget === 0) return null;
  const value = ta / tt;
  const achievement = direction === 'higher' ? value / yearTarget : yearTarget / value;
  return { value, achievement, atRisk: direction === 'higher' ? value < yearTarget : value > yearTarget };
}

export interface PeriodRun {
  period: Period;
  table: IndicatorTable;
  indicators: IndicatorResult[];
}

/**
 * Histories and projections across the runs of each period (oldest first). The baseline point is last
 * year's Consuntivo when the sheet has it.
 */
export function attachHistory(runs: PeriodRun[], selected: PeriodRun, priorYear: number | null, priorTable: { table: unknown[][]; col: number } | null): void {
  const byCode = runs.map((run) => new Map(run.indicators.map((ind) => [ind.code, ind])));
  const rowOf = runs.map((run) => new Map(run.table.rows.map((r, j) => [r.code, j])));
  selected.indicators.forEach((ind, i) => {
    const history: HistoryPoint[] = [];
    const row = selected.table.rows[i];
    if (priorTable && priorTable.col >= 0 && priorYear !== null) {
      const v = cell(priorTable.table as never, row.row, priorTable.col);
      if (!isBlank(v)) history.push({ period: String(priorYear), actual: String(v), achievement: null, score: null, baseline: true });
    }
    runs.forEach((run, k) => {
      const at = byCode[k].get(ind.code);
      if (at) history.push({ period: run.period.key, actual: at.actualText, achievement: at.achievement, score: at.score });
    });
    ind.history = history;
    ind.projection = null;
    const period = selected.period;
    const yearTarget = row.yearTarget;
    if (period.yearEnd || !row.cumulative || !yearTarget || typeof yearTarget.value !== 'number' || yearTarget.kind !== 'number') return;
    const points: { fraction: number; actual: number }[] = [];
    runs.forEach((run, k) => {
      if (run.period.month * 100 + run.period.day > period.month * 100 + period.day || run.period.yearEnd) return;
      const j = rowOf[k].get(ind.code);
      if (j === undefined) return;
      const actual = numericActual(run.table, j, 'number');
      if (actual !== null) points.push({ fraction: yearFraction(run.period, run.table.year), actual });
    });
    ind.projection = projectYearEnd(points, yearTarget.value, directionOf(yearTarget.op, row.direction));
  });
}
