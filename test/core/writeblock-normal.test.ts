import { describe, expect, it } from 'vitest';
import { normalizeBlock } from '../../src/core/index.js';

describe('normalizeBlock reads every cell the same way, shared rows or not', () => {
  const shared = ['0.0%'];
  const fill = ['#FF0000'];
  const block = {
    row: 1,
    col: 2,
    values: [['a', 1], ['b'], [Infinity, true], [null, 'c'], ['d', 2]],
    numberFormats: [shared, shared, shared, undefined, ['', 'General']] as unknown as string[][],
    fills: [fill, fill, [null, '#00FF00'], fill, fill],
    bold: [[true], [true], [false, true], [], [true, 'x' as unknown as boolean]],
    notes: [[''], ['n'], [null, ''], ['m', 'k'], []],
  };

  it('fills the rectangle with explicit defaults and maps the values hosts cannot write', () => {
    const before = JSON.stringify(block);
    const n = normalizeBlock(block);
    expect(n).toMatchObject({ row: 1, col: 2, rows: 5, cols: 2 });
    expect(n.values).toEqual([['a', 1], ['b', ''], ['', true], ['', 'c'], ['d', 2]]);
    expect(n.numberFormats).toEqual([['0.0%', 'General'], ['0.0%', 'General'], ['0.0%', 'General'], ['General', 'General'], ['', 'General']]);
    expect(n.fills).toEqual([['#FF0000', null], ['#FF0000', null], [null, '#00FF00'], ['#FF0000', null], ['#FF0000', null]]);
    expect(n.bold).toEqual([[true, false], [true, false], [false, true], [false, false], [true, false]]);
    expect(n.notes).toEqual([[null, null], ['n', null], [null, null], ['m', 'k'], [null, null]]);
    // Rows are shared with the source or with each other, never written back into it.
    expect(JSON.stringify(block)).toBe(before);
    for (const grid of [n.values, n.numberFormats, n.fills, n.bold, n.notes]) for (const row of grid) expect(row).toHaveLength(2);
  });
});
