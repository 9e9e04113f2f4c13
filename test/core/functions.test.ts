import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { callFunction, functionTable, FunctionArgumentError } from '../../src/core/index.js';
import { cachedTarget, FUNCTION_CACHE_SIZE, TextCache } from '../../src/core/functions.js';

interface Call {
  fn: string;
  args: unknown[];
  expected?: number | string;
  error?: true;
  message?: string;
  /** The working of a row whose expected value was derived by hand, not taken from the core. */
  hand?: string;
}
// The same fixture drives the Excel bundle and the Apps Script bundle tests.
const calls = JSON.parse(readFileSync(new URL('../fixtures/function-calls.json', import.meta.url), 'utf8')) as Call[];

describe('function table against the shared fixture', () => {
  it.each(calls.map((c) => [`${c.fn}(${JSON.stringify(c.args).slice(1, -1)})`, c] as const))('%s', (_, call) => {
    if (call.error) {
      expect(() => callFunction(call.fn, call.args)).toThrow(FunctionArgumentError);
      expect(() => callFunction(call.fn, call.args)).toThrow(call.message as string);
    } else {
      expect(callFunction(call.fn, call.args)).toBe(call.expected);
    }
  });
});

// Worked out by hand, written here as literals (not read from the core or the fixture): the fixture's rows
// marked "hand" must say the same, so a fixture regenerated from a wrong core cannot pass.
const B = '99%:100%; 80%:80%; 0%:0%';
const G = '100:100; 75:75; 50:50; 0:0';
const HAND: [unknown[], number | string][] = [
  [[28.95, 27, null, 'min', B], 0.8], // 27/28,95 = 93,26%
  [['3,47%', '3,50%', null, null, B], 1], // 99,14%
  [['6,93%', '>= 7%', null, null, B], 1], // 99% exactly
  [['6,92%', '>= 7%', null, null, 'fasce'], 0.8], // 98,86%
  [['79,99', '>= 100', null, null, B], 0],
  [[80, '>= 100', null, null, B], 0.8],
  [[75, '>= 100', null, null, G], 0.75],
  [['74,99', '>= 100', null, null, G], 0.5],
  [['49,99', '>= 100', null, null, G], 0],
  [[85, '>= 100', 90, null, B], 0], // below the Soglia
  [[15, '>= 10'], 1],
  [[15, '>= 10', null, null, 'proporzionale; tetto 120%'], 1.2],
  [[15, '>= 10', null, null, 'linear; cap 120%'], 1.2],
  [[11, '>= 10', null, null, 'tetto 120%; proporzionale'], 1.1],
  [[4, '<= 5 gg', null, null, 'proporzionale; tetto 120%'], 1.2], // 5/4 = 125%
  [[130, '>= 100', null, null, '130:130; 100:100; 0:0; tetto 120%'], 1.2],
  [[100, '>= 100', null, null, 'binario; tetto 120%'], 1],
  [[80, '>= 100', 80], 0.8], // at the Soglia
  [['79,99', '>= 100', 80], 0],
  [[12.5, '<= 10', 12.5], 0.8],
  [['12,51', '<= 10', 12.5], 0],
  [[80, '>= 100', 80, null, 'soglia'], 0],
  [[90, '>= 100', 80, null, 'soglia'], 0.5],
];
const HAND_OTHERS: [string, unknown[], number | string][] = [
  ['WEIGHTED', [[[0.8], [0.6], [1]], [['50%'], ['25%'], ['25%']]], 0.8],
  ['WEIGHTED', [[[0.8], ['n.d.'], [0.6]], [['50%'], ['25%'], ['25%']]], 11 / 15],
  ['WEIGHTED', [[[1], [0.5]], [[14.29], [14.29]]], 0.75],
  ['RATING', [0.9], 'Eccellente'],
  ['RATING', ['89,99%'], 'Buono'],
  ['RATING', [0.8999999999999999], 'Eccellente'],
  ['RATING', [0.5999], 'Insufficiente'],
];
const ALL_HAND: [string, unknown[], number | string][] = [...HAND.map(([args, expected]) => ['ACHIEVEMENT', args, expected] as [string, unknown[], number | string]), ...HAND_OTHERS];

describe('rows derived by hand', () => {
  it.each(ALL_HAND.map(([fn, args, expected]) => [fn, JSON.stringify(args).slice(1, -1), args, expected] as const))('%s(%s)', (fn, _, args, expected) => {
    expect(callFunction(fn, args)).toBe(expected);
  });

  it('are in the shared fixture, marked, with the same expected values', () => {
    const marked = calls.filter((c) => c.hand !== undefined);
    expect(marked.map((c) => [c.fn, c.args, c.expected])).toEqual(ALL_HAND);
    for (const c of marked) expect(c.hand?.length).toBeGreaterThan(5);
  });
});

describe('the method argument: band tables and caps', () => {
  it.each([
    'soglia; 99%:100%; 0%:0%', // a band table implies fasce
    'proporzionale; tetto 0%',
    'tetto 120%; cap 110%',
    'fasce; binario',
    '99%:100%; 80%',
    'tetto',
    'proporzionale; tetto centoventi',
    ';',
  ])('refuses "%s" with the reason', (method) => {
    expect(() => callFunction('ACHIEVEMENT', [5, '>= 10', null, null, method])).toThrow(FunctionArgumentError);
    expect(() => callFunction('ACHIEVEMENT', [5, '>= 10', null, null, method])).toThrow(/tetto 120%.*cap 120%/);
  });

  it('takes its parts in any order, with separators as in Impostazioni', () => {
    expect(callFunction('ACHIEVEMENT', [97, '>= 100', null, null, '0%:0%| 95%:100%'])).toBe(1);
    expect(callFunction('ACHIEVEMENT', [97, '>= 100', null, null, 'fasce; 95%:90%; 0%:0%; tetto 100%'])).toBe(0.9);
    expect(callFunction('ACHIEVEMENT', [140, '>= 100', null, null, 'TETTO MASSIMO: 130%'])).toBe(1.3);
    expect(callFunction('ACHIEVEMENT', [140, '>= 100', null, null, 'cap = 130%; linear'])).toBe(1.3);
  });

  it('keeps the soglia method on the Soglia when a cap is given', () => {
    expect(callFunction('ACHIEVEMENT', [90, '>= 100', 80, null, 'soglia; tetto 120%'])).toBe(0.5);
    // Without a Soglia the soglia method falls back to linear, as in the workbook.
    expect(callFunction('ACHIEVEMENT', [90, '>= 100', null, null, 'soglia'])).toBe(0.9);
  });
});

describe('parsed targets are memoised by text', () => {
  it('parses a text once and shares the frozen result', () => {
    const a = cachedTarget('>= 45,00 %  ');
    expect(cachedTarget('>= 45,00 %  ')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(cachedTarget('>= 45,00 %')).not.toBe(a); // another text, another entry
    expect(cachedTarget(45)).not.toBe(cachedTarget(45)); // numbers are not cached
  });

  it('answers the same on a hit as on a miss', () => {
    const first = callFunction('ACHIEVEMENT', ['29,52%', '>= 45,00 % memo']);
    expect(callFunction('ACHIEVEMENT', ['29,52%', '>= 45,00 % memo'])).toBe(first);
    expect(first).toBe(0.656);
    expect(() => callFunction('ACHIEVEMENT', [5, 'X<x1 memo'])).toThrow(FunctionArgumentError);
    expect(() => callFunction('ACHIEVEMENT', [5, 'X<x1 memo'])).toThrow(FunctionArgumentError);
  });

  it('is bounded, dropping the least recently used text', () => {
    const cache = new TextCache<{ text: string }>(3);
    const made: string[] = [];
    const get = (k: string) => cache.get(k, (text) => (made.push(text), { text }));
    const a = get('a');
    get('b');
    get('c');
    expect(get('a')).toBe(a); // a is now the most recent
    get('d'); // drops b
    expect(cache.size).toBe(3);
    get('b');
    expect(made).toEqual(['a', 'b', 'c', 'd', 'b']);
    get('a');
    expect(made).toHaveLength(5);
  });

  it('holds at most FUNCTION_CACHE_SIZE targets', () => {
    const first = cachedTarget('>= 1 first');
    for (let i = 0; i < FUNCTION_CACHE_SIZE; i++) cachedTarget(`>= ${i} N.`);
    expect(cachedTarget('>= 1 first')).not.toBe(first);
  });
});

describe('function table', () => {
  it('declares the four functions with bilingual docs', () => {
    expect(functionTable.map((f) => f.name)).toEqual(['ACHIEVEMENT', 'WEIGHTED', 'TARGETVALUE', 'RATING']);
    for (const f of functionTable) {
      expect(f.description.it.length).toBeGreaterThan(10);
      expect(f.description.en.length).toBeGreaterThan(10);
      const firstOptional = f.params.findIndex((p) => p.optional);
      if (firstOptional >= 0) expect(f.params.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });

  it('hand-checked answers (independent of the fixture)', () => {
    expect(callFunction('ACHIEVEMENT', [-21.43, '<= -12'])).toBe(1);
    expect(callFunction('ACHIEVEMENT', ['3,47%', '3,50%', '', '', 'fasce'])).toBe(1);
    expect(callFunction('ACHIEVEMENT', [18, '>= 20 N.'])).toBeCloseTo(0.9, 15);
    expect(callFunction('WEIGHTED', [[[0.8], [1], [0.5]], [['50%'], ['25%'], ['25%']]])).toBeCloseTo(0.775, 15);
    expect(callFunction('TARGETVALUE', ['>= 45,00 %'])).toBe(0.45);
    expect(callFunction('RATING', [0.88])).toBe('Buono');
    expect(callFunction('achievement', [1, 1])).toBe(1);
  });

  it('never returns a silent 0 for bad input', () => {
    expect(() => callFunction('ACHIEVEMENT', [5, '>amedio'])).toThrow(/non leggibile.*Unreadable/);
    expect(() => callFunction('WEIGHTED', [[[0.5]], [['x']]])).toThrow(/Peso/);
  });
});
