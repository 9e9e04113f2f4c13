import { describe, expect, it } from 'vitest';
import { parseTarget, targetToJson } from '../../src/core/index.js';

// Every target form found in the seeds' plans, as written, with what a person reads in it.
// [text, op, value, kind, unit]
const SEED_TARGETS: [string, string | null, unknown, string, string | null][] = [
  ['>= 13 N.', '>=', 13, 'number', 'N.'],
  ['>= 45,00 %', '>=', 0.45, 'percent', '%'],
  ['>=95,00 %', '>=', 0.95, 'percent', '%'],
  ['>= 0,80 N.', '>=', 0.8, 'number', 'N.'],
  ['>= 1600 N.', '>=', 1600, 'number', 'N.'],
  ['<= 1,45 gg', '<=', 1.45, 'number', 'gg'],
  ['<= -13 N.', '<=', -13, 'number', 'N.'],
  ['<= -12', '<=', -12, 'number', null],
  ['<= 18 gg', '<=', 18, 'number', 'gg'],
  ['<= 20,00 %', '<=', 0.2, 'percent', '%'],
  ['Entro 31-12-2024', '<=', '2024-12-31', 'date', null],
  ['entro il 31/01/2024', '<=', '2024-01-31', 'date', null],
  ['<= 30.04.2025', '<=', '2025-04-30', 'date', null],
  ['<= 31/12/2025', '<=', '2025-12-31', 'date', null],
  ['≤ 30/06/2025', '<=', '2025-06-30', 'date', null],
  ['= si', '=', true, 'boolean', null],
  ['= SI', '=', true, 'boolean', null],
  ['si', null, true, 'boolean', null],
  ['≥ 4', '>=', 4, 'number', null],
  ['≥1', '>=', 1, 'number', null],
  ['=< 1', '<=', 1, 'number', null],
  ['> = 5', '>=', 5, 'number', null],
  ['=> 5', '>=', 5, 'number', null],
  ['≤7', '<=', 7, 'number', null],
  ['>=100%', '>=', 1, 'percent', '%'],
  ['100%', null, 1, 'percent', '%'],
  ['100,00%', null, 1, 'percent', '%'],
  ['>= 2,6%', '>=', 0.026, 'percent', '%'],
  ['>= -3,00%', '>=', -0.03, 'percent', '%'],
  ['0 N.', null, 0, 'number', 'N.'],
  ['0', null, 0, 'number', null],
  ['3 N.', null, 3, 'number', 'N.'],
  ['>= 1 h', '>=', 1, 'number', 'h'],
  ['08:00', null, 8, 'number', 'h'],
  ['>= 80/10.000 imprese attive', '>=', 80, 'number', '/10.000 imprese attive'],
  ['1.600 N.', null, 1600, 'number', 'N.'],
  ['>= 10.000', '>=', 10000, 'number', null],
  ['n.d.', null, null, 'none', null],
  ['N.D.', null, null, 'none', null],
  ['', null, null, 'none', null],
  ['< 5', '<', 5, 'number', null],
  ['> 0', '>', 0, 'number', null],
  ['<= 7 gg', '<=', 7, 'number', 'gg'],
  ['>= 95%', '>=', 0.95, 'percent', '%'],
  ['31/12/2024', null, '2024-12-31', 'date', null],
];

describe('parseTarget: every form in the seeds', () => {
  it.each(SEED_TARGETS)('%s', (text, op, value, kind, unit) => {
    expect(targetToJson(text, parseTarget(text))).toEqual({ input: text, op, value, kind, unit });
  });
});

describe('parseTarget: context', () => {
  it('reads a date without a year with the plan year', () => {
    expect(targetToJson('x', parseTarget('entro il 31/12', { year: 2025 }))).toMatchObject({ op: '<=', value: '2025-12-31', kind: 'date' });
    expect(targetToJson('x', parseTarget('entro il 15 dicembre', { year: 2025 }))).toMatchObject({ op: '<=', value: '2025-12-15', kind: 'date' });
  });

  it('reads an Excel serial in a data row as a date', () => {
    // 45900 is 2025-08-31 (45658 is 2025-01-01, plus 242 days): the Mimit-Unioncamere row of the PIAO
    // writes its deadline as a serial.
    expect(targetToJson('x', parseTarget('<= 45900', { unit: 'data' }))).toMatchObject({ op: '<=', value: '2025-08-31', kind: 'date' });
    expect(targetToJson('x', parseTarget(45900, { unit: 'data' }))).toMatchObject({ op: null, value: '2025-08-31', kind: 'date' });
    // A whole number however written is a serial; a fraction of a day is not a deadline.
    expect(targetToJson('x', parseTarget('<= 45900,0', { unit: 'data' }))).toMatchObject({ value: '2025-08-31', kind: 'date' });
    expect(parseTarget('<= 45900,5', { unit: 'data' })).toMatchObject({ value: 45900.5, kind: 'number' });
    expect(parseTarget('<= 0', { unit: 'data' })).toMatchObject({ value: 0, kind: 'number' });
  });

  it('reads real cells: numbers, percent fractions with UdM %, dates, booleans', () => {
    expect(parseTarget(0.45, { unit: '%' })).toMatchObject({ op: null, value: 0.45, kind: 'percent' });
    expect(parseTarget(13)).toMatchObject({ op: null, value: 13, kind: 'number' });
    expect(targetToJson('x', parseTarget(new Date(Date.UTC(2024, 11, 31))))).toMatchObject({ value: '2024-12-31', kind: 'date' });
    expect(parseTarget(true)).toMatchObject({ value: true, kind: 'boolean' });
  });

  it('keeps exact decimals for comparisons', () => {
    const t = parseTarget('>= 3,50%');
    if (!('exact' in t) || !t.exact) throw new Error('expected an exact target');
    // 3,50% is exactly 35/1000, whatever the representation.
    expect(t.exact.n * 1000n).toBe(35n * t.exact.d);
  });
});

describe('parseTarget: unreadable expressions are errors, never a guess', () => {
  it.each(['X<x1', '>amedio', '>=', '<= n.d.', 'abc', '>= 31/02/2025', '= 4 <= 5'])('%s', (text) => {
    expect(parseTarget(text)).toHaveProperty('error');
  });
});
