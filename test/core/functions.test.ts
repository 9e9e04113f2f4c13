import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { callFunction, functionTable, FunctionArgumentError } from '../../src/core/index.js';

interface Call {
  fn: string;
  args: unknown[];
  expected?: number | string;
  error?: true;
  message?: string;
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
