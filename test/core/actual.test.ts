import { describe, expect, it } from 'vitest';
import { readActual } from '../../src/core/actual.js';
import { cmp, fromDecimalString } from '../../src/core/decimal.js';
import type { CellValue, TargetKind } from '../../src/core/types.js';

/**
 * [cell, the target's kind, expected value (decimal text, serial for dates, boolean) or null when the cell
 * is not of that kind, percentScale warning]. Pasted text and real cells must read the same.
 */
type Row = [CellValue, TargetKind, string | boolean | null, boolean?];
const ROWS: Row[] = [
  // Numbers: plain, Italian text, units, durations as hours.
  [23, 'number', '23'],
  ['1.600', 'number', '1600'],
  ['-21,43', 'number', '-21.43'],
  ['0,92', 'number', '0.92'],
  ['13 N.', 'number', '13'],
  ['1,45 gg', 'number', '1.45'],
  ['08:00', 'number', '8'],
  ['07:30', 'number', '7.5'],
  // A date, a comparator or a boolean where a number is expected is the wrong kind.
  ['12/05/2025', 'number', null],
  ['30.04.2025', 'number', null],
  [new Date(Date.UTC(2025, 4, 12)), 'number', null],
  [true, 'number', null],
  ['>= 5', 'number', null],
  ['circa 5', 'number', null],
  ['5 3', 'number', null],
  // Percent targets: "29,52%" and a percent-formatted 0.2952 are the same.
  ['29,52%', 'percent', '0.2952'],
  [0.2952, 'percent', '0.2952'],
  ['150,62%', 'percent', '1.5062'],
  ['-4,50%', 'percent', '-0.045'],
  [1.5, 'percent', '1.5'], // 150% as a fraction: plausible, no warning
  [2, 'percent', '2'],
  ['29,52', 'percent', '29.52', true], // most likely 29,52%: read as written, with a warning
  [29.52, 'percent', '29.52', true],
  [-3, 'percent', '-3', true],
  // Deadlines: any date cell or text, in the plan's year when the text has none.
  ['12/05/2025', 'date', '45789'],
  ['30.04.2025', 'date', '45777'],
  ['2025-04-30', 'date', '45777'],
  [45777, 'date', '45777'],
  [new Date(Date.UTC(2025, 3, 30)), 'date', '45777'],
  [new Date(Date.UTC(2025, 3, 30, 23, 30)), 'date', '45777'],
  ['30/04', 'date', '45777'], // the plan's year below is 2025
  ['presto', 'date', null],
  [45777.5, 'date', null],
  // Yes/no.
  ['si', 'boolean', true],
  ['SI', 'boolean', true],
  ['Sì', 'boolean', true],
  ['no', 'boolean', false],
  [true, 'boolean', true],
  [1, 'boolean', true],
  [0, 'boolean', false],
  ['forse', 'boolean', null],
  // n.d. targets take no actual.
  [5, 'none', null],
];

describe('readActual: the actual in the kind the target asks for', () => {
  it.each(ROWS)('%j as %s', (cell, kind, expected, percentScale = false) => {
    const r = readActual(cell, kind, 2025);
    if (expected === null) {
      expect(r.ok).toBe(false);
      return;
    }
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    if (typeof expected === 'boolean') expect(r.actual).toEqual({ kind: 'boolean', value: expected });
    else {
      expect(r.actual.kind).toBe('number');
      if (r.actual.kind === 'number') expect(cmp(r.actual.value, fromDecimalString(expected))).toBe(0);
    }
    expect(r.percentScale).toBe(percentScale);
  });

  it('needs the plan year for a date without one', () => {
    expect(readActual('30/04', 'date', null).ok).toBe(false);
  });
});
