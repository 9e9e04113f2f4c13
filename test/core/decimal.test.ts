import { describe, expect, it } from 'vitest';
import {
  ONE, ZERO, abs, add, cmp, div, fromDecimalString, fromNumber, isInteger, max, min, mul, neg, percent, rational, sign, sub, toNumber,
  type Rational,
} from '../../src/core/decimal.js';

/** Exact equality whatever the representation (1/10 = 10/100). */
const same = (a: Rational, b: Rational) => cmp(a, b) === 0;
const dec = fromDecimalString;
const big = (x: number | string) => BigInt(x);

describe('fromNumber: a float as the decimal a person sees', () => {
  // [float as stored in a cell, the decimal the user typed]
  const ROWS: [number, string][] = [
    [0, '0'],
    [7, '7'],
    [-13, '-13'],
    [0.1, '0.1'],
    [0.2952, '0.2952'],
    [14.29, '14.29'],
    [-21.43, '-21.43'],
    [0.035, '0.035'],
    // 14,29% typed in Excel can be stored as this: Excel shows 15 significant digits, so it is 0.1429.
    [0.14289999999999997, '0.1429'],
    [0.1 + 0.2, '0.3'],
    [1e-7, '1e-7'],
    [123456789.123, '123456789.123'],
    [1 / 3, '0.333333333333333'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    [45777, '45777'],
  ];
  it.each(ROWS)('%s is %s', (x, text) => {
    expect(same(fromNumber(x), dec(text))).toBe(true);
  });

  it('refuses what is not a finite number', () => {
    for (const x of [NaN, Infinity, -Infinity]) expect(() => fromNumber(x)).toThrow(RangeError);
  });
});

describe('fromDecimalString', () => {
  // [text, numerator, denominator] of the value (compared exactly, not by representation)
  const ROWS: [string, number, number][] = [
    ['-12.345', -12345, 1000],
    ['1e-7', 1, 10_000_000],
    ['2.5E+3', 2500, 1],
    ['.5', 1, 2],
    ['5.', 5, 1],
    ['+3', 3, 1],
    ['0.000', 0, 1],
    ['1600', 1600, 1],
  ];
  it.each(ROWS)('%s = %s/%s', (text, n, d) => {
    expect(same(dec(text), rational(big(n), big(d)))).toBe(true);
  });

  it.each(['', '.', 'abc', '1.2.3', '1e', '1,5', '- 1', '12%'])('refuses "%s"', (text) => {
    expect(() => dec(text)).toThrow(RangeError);
  });
});

describe('arithmetic is exact', () => {
  it('0,1 + 0,2 is 0,3 exactly', () => {
    expect(cmp(add(fromNumber(0.1), fromNumber(0.2)), dec('0.3'))).toBe(0);
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  // [actual, target, band edge, expected comparison of actual/target with the edge] — rows where a float
  // ratio lands on the wrong side of the edge.
  const EDGES: [string, string, string, -1 | 0 | 1][] = [
    ['0.0693', '0.07', '0.99', 0], // 6,93% of 7%: exactly 99%; the float ratio is 0.98999...
    ['0.57', '0.6', '0.95', 0],
    ['2.97', '3', '0.99', 0],
    ['0.56', '0.7', '0.8', 0], // the float ratio is 0.80000000000000002
    ['0.0347', '0.035', '0.99', 1], // 3,47% of 3,50% is 99,14%
    ['0.0346', '0.035', '0.99', -1], // 98,86%
    ['98.99', '100', '0.99', -1],
  ];
  it.each(EDGES)('%s / %s against %s', (a, t, edge, expected) => {
    expect(cmp(div(dec(a), dec(t)), dec(edge))).toBe(expected);
  });

  it('adds, subtracts, multiplies and divides with any denominators', () => {
    expect(same(add(dec('0.25'), dec('1.5')), dec('1.75'))).toBe(true);
    expect(same(add(dec('0.25'), dec('0.50')), dec('0.75'))).toBe(true);
    expect(same(sub(dec('0.25'), dec('1.5')), dec('-1.25'))).toBe(true);
    expect(same(sub(dec('0.75'), dec('0.25')), dec('0.5'))).toBe(true);
    expect(same(mul(dec('-0.5'), dec('0.3')), dec('-0.15'))).toBe(true);
    expect(same(div(dec('1'), dec('-3')), rational(big(-1), big(3)))).toBe(true);
    expect(() => div(ONE, ZERO)).toThrow(RangeError);
  });

  it('keeps the denominator positive', () => {
    const r = rational(big(3), big(-4));
    expect([r.n, r.d]).toEqual([big(-3), big(4)]);
    expect(div(ONE, dec('-2')).d > big(0)).toBe(true);
    expect(() => rational(ONE.n, ZERO.n)).toThrow(RangeError);
  });

  it('sign, abs, neg, min, max, isInteger, percent', () => {
    expect([sign(dec('-0.1')), sign(ZERO), sign(dec('1e-9'))]).toEqual([-1, 0, 1]);
    expect(same(abs(dec('-21.43')), dec('21.43'))).toBe(true);
    expect(same(neg(dec('2')), dec('-2'))).toBe(true);
    expect(same(min(dec('0.99'), dec('0.991')), dec('0.99'))).toBe(true);
    expect(same(max(dec('0.99'), dec('0.991')), dec('0.991'))).toBe(true);
    expect([isInteger(dec('2025')), isInteger(dec('2025.0')), isInteger(dec('2025.5')), isInteger(dec('-3'))]).toEqual([true, true, false, true]);
    expect(same(percent(dec('14.29')), dec('0.1429'))).toBe(true);
  });

  it('compares across representations and signs', () => {
    expect(cmp(dec('0.10'), dec('0.1'))).toBe(0);
    expect(cmp(dec('-0.5'), dec('-0.25'))).toBe(-1);
    expect(cmp(dec('-0.25'), dec('-0.5'))).toBe(1);
  });
});

describe('toNumber: the nearest float', () => {
  // The decimal text, whose nearest double JavaScript's own parser gives (correctly rounded).
  it.each([
    '0.1', '0.99', '-21.43', '0.656', '1.15', '123456789.123',
    '0.1234567890123456789012345',
    '1.0000000000000000000000000001',
    '-9007199254740993.5',
    '1e-30',
    '12345678901234567890123456789',
  ])('%s', (text) => {
    expect(toNumber(dec(text))).toBe(Number(text));
  });

  it('gives one float for equal rationals however written', () => {
    expect(toNumber(rational(big(1), big(10)))).toBe(toNumber(rational(big(10), big(100))));
    expect(toNumber(rational(big(1), big(3)))).toBe(1 / 3);
    expect(toNumber(rational(big(2), big(3)))).toBe(2 / 3);
    // Numerator and denominator beyond 2^53 whose quotient is a short decimal.
    const huge = big('100000000000000000000');
    expect(toNumber(rational(big(29) * huge, big(100) * huge))).toBe(0.29);
  });
});
