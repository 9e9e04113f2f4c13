/**
 * The bundled PIRA 2024 example monitored through the year: `Consuntivo 31/03` and `Consuntivo 30/06` columns
 * derived from each row's year-end actual, `Cumulativo` marking the counts that add up through the year, one
 * interim target, and last year's result (`Consuntivo 2023`) on a few rows for the baseline point. The
 * figures are illustrative, derived by rule so a reader can redo them:
 * - a cumulative count had 20% of its year-end actual by 31/03 and half by 30/06: a slow start, so the
 *   projection lands a little under the year-end actual and the counts that ended near their target are
 *   "a rischio" at 30/06;
 * - a percentage and an index stood at 90% (31/03) and 95% (30/06) of their year-end value, a time (lower is
 *   better) 20% and 10% longer;
 * - a deadline met after the period's date had no actual yet (in progress if still due, missing if overdue).
 */
import { readFileSync } from 'node:fs';
import type { CellValue, PlanInput } from '../../src/core/index.js';
import { withoutPeriods } from '../fixtures/without-periods.js';

const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;

/** Counts that add up through the year (events held, actions taken); the other `n.` rows are indices. */
export const CUMULATIVE = ['1.1', '1.3', '1.7', '1.8', '5.1', '5.4', '5.5', '11.3'];

/** 1.8 has an interim target: its 30/06 figure is achievement against it, not progress. */
export const INTERIM_TARGETS: Record<string, string> = { '1.8': '>= 140 N.' };

/** Last year's results shown as the baseline point. */
export const BASELINE: Record<string, CellValue> = { '1.1': 18, '1.5': '48,10%', '5.5': 190, '9.7': '14 gg', '13.2': '83,00%' };

const itNumber = (x: number, digits: number) => x.toFixed(digits).replace('.', ',');

/** Reads the fixture's Italian-written actual ('1.450', '0,92', '53,27%', 10.1) as a number. */
function numberOf(v: CellValue): number {
  if (typeof v === 'number') return v;
  return Number(String(v).replace(/\s*(%|gg)$/, '').replace(/\./g, '').replace(',', '.'));
}

/** The actual of one row at 31/03 (`quarter` 1) or 30/06 (`quarter` 2) by the rules above. */
export function periodActual(code: string, unit: string, yearEnd: CellValue, quarter: 1 | 2): CellValue {
  if (yearEnd === null || yearEnd === undefined || yearEnd === '') return null;
  if (unit === 'data') {
    const [d, m, y] = String(yearEnd).split(/[/.-]/).map(Number);
    return y < 2024 || (y === 2024 && m * 100 + d <= (quarter === 1 ? 331 : 630)) ? yearEnd : null;
  }
  const v = numberOf(yearEnd);
  const standing = quarter === 1 ? 0.9 : 0.95;
  if (unit === '%') {
    const fraction = typeof yearEnd === 'number' ? v : v / 100;
    return `${itNumber(fraction * standing * 100, 2)}%`;
  }
  if (unit === 'gg') return itNumber(v * (quarter === 1 ? 1.2 : 1.1), 2);
  if (CUMULATIVE.includes(code)) return v * (quarter === 1 ? 0.2 : 0.5);
  return Math.round(v * standing * 100) / 100;
}

/** The example with an entity name, monitored at 30/06 (`periodo` left to the caller). */
export function monitoredPlan(period?: string): PlanInput {
  const plan = structuredClone(pira);
  plan.sheets.Impostazioni.push(['ente', 'Camera di commercio della Maremma e del Tirreno']);
  if (period) plan.sheets.Impostazioni.push(['periodo', period]);
  // The bundled example has its own 30/06 column and Cumulativo; these tests use the richer calendar below.
  const [header, ...rows] = withoutPeriods(plan).sheets.Indicatori;
  const col = (name: string) => header.indexOf(name);
  const [code, unit, actual] = [col('Codice'), col('UdM'), col('Consuntivo')];
  plan.sheets.Indicatori = [
    [...header, 'Cumulativo', 'Consuntivo 31/03', 'Target 30/06', 'Consuntivo 30/06', 'Consuntivo 2023'],
    ...rows.map((r) => {
      const c = String(r[code]);
      // Only the counts add up; an index, hours or days stand as measured.
      const cumulative = CUMULATIVE.includes(c) ? 'si' : ['n.', 'h', 'gg'].includes(String(r[unit])) ? 'no' : null;
      const at = (quarter: 1 | 2) => periodActual(c, String(r[unit]), r[actual], quarter);
      return [...r, cumulative, at(1), INTERIM_TARGETS[c] ?? null, at(2), BASELINE[c] ?? null];
    }),
  ];
  return plan;
}
