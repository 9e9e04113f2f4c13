/**
 * Groups at every level reach the report: a Responsabile set only on an operational objective (or deeper)
 * has a bar of its own in the chart by Responsabile, with that objective's result.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatPercent, scorePlan, type PlanInput } from '../../src/core/index.js';
import { renderReport } from '../../src/report/html.js';

const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;

describe('groups at every level in the report', () => {
  it('an operational objective\'s Responsabile gets its bar with the objective\'s result', () => {
    const plan = structuredClone(pira);
    // The example sets Responsabile on the four ambiti only; objective 9 (under 032) gets its own.
    const objectives = plan.sheets.Obiettivi;
    const col = objectives[0].indexOf('Responsabile');
    const row = objectives.findIndex((r) => r[0] === '9');
    objectives[row][col] = 'Dirigente Area Anagrafe';
    const result = scorePlan(plan);
    const nine = result.objectives.find((o) => o.code === '9');
    expect(result.groups.Responsabile['Dirigente Area Anagrafe']).toBe(nine?.score);
    const html = renderReport(result, { lang: 'it' });
    const chart = html.split('<figure').find((f) => f.includes('Responsabile')) as string;
    expect(chart).toContain(`Dirigente Area Anagrafe: ${formatPercent(nine?.score ?? null, 'it')}`);
    expect(chart).toContain('Segretario Generale');
  });
});
