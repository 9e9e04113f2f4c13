import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resultJson, resultJsonText, scorePlan, type PlanInput } from '../../src/core/index.js';
import { largePlan } from '../fixtures/large-plan.js';

const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;

const monitored: PlanInput = {
  sheets: {
    Impostazioni: [['anno', 2024]],
    Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo 30/06', 'Consuntivo 31/12'], ['1', 'A', '>= 10', 4, 9], ['2', 'A', 'Entro 31-12-2024', null, '15/12/2024']],
  },
};

const cases: [string, PlanInput, { period?: string }][] = [
  ['the bundled example', pira, {}],
  ['a generated plan of 500 indicators', largePlan(500), {}],
  ['a monitored plan at 30/06', monitored, { period: '30/06' }],
  ['a plan with headers only (empty lists)', { sheets: { Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo']] } }, {}],
  ['indicators only, one with an unreadable target', { sheets: { Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['1', 'A', 'X<x1', 1]] } }, {}],
];

describe('the --json text written in pieces', () => {
  it.each(cases)('is JSON.stringify of resultJson, byte for byte: %s', (_, input, options) => {
    const result = scorePlan(input, options);
    const whole = JSON.stringify(resultJson(result), null, 2) + '\n';
    // Small pieces, so the lists are cut in many places.
    const pieces = [...resultJsonText(result, 200)];
    expect(pieces.join('')).toBe(whole);
    expect(JSON.parse(pieces.join(''))).toEqual(resultJson(result));
  });

  it('yields pieces near the size asked, never the whole text at once', () => {
    const result = scorePlan(largePlan(2000));
    const pieces = [...resultJsonText(result, 4096)];
    expect(pieces.length).toBeGreaterThan(50);
    for (const p of pieces.slice(0, -1)) expect(p.length).toBeLessThan(4096 + 2000);
  });
});
