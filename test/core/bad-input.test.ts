import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scorePlan } from '../../src/core/index.js';
import { readPlanFile, workbookFromTables, writeWorkbook } from '../../src/io/xlsx.js';
import { badInput } from '../fixtures/bad-input.js';

const result = scorePlan(badInput);
const issue = (code: string) => result.issues.filter((i) => i.code === code).map((i) => [i.severity, i.sheet, i.cell]);
const score = (code: string) => result.indicators.find((i) => i.code === code)?.score;

describe('a plan with every problem of real workbooks', () => {
  it.each([
    ['weights.sum', [['warning', 'Obiettivi', 'A3']]],
    ['code.duplicate', [['error', 'Indicatori', 'A12'], ['error', 'Indicatori', 'A15'], ['error', 'Obiettivi', 'A8']]],
    ['objective.missing', [['error', 'Indicatori', 'C13']]],
    ['parent.cycle', [['error', 'Obiettivi', 'C5']]],
    ['parent.missing', [['warning', 'Obiettivi', 'C7']]],
    ['target.unreadable', [['error', 'Indicatori', 'E5'], ['error', 'Indicatori', 'E6']]],
    ['actual.kind', [['error', 'Indicatori', 'F7']]],
    ['actual.missing', [['warning', 'Indicatori', 'F8']]],
    ['override.noNote', [['error', 'Indicatori', 'J10']]],
    ['direction.unreadable', [['error', 'Indicatori', 'G10']]],
    ['method.unreadable', [['error', 'Indicatori', 'H11']]],
    ['excluded.unreadable', [['error', 'Indicatori', 'K11']]],
  ])('reports %s with its cell', (code, expected) => {
    expect(issue(code)).toEqual(expected);
  });

  it('names the problem in words a person can act on', () => {
    const message = (code: string) => result.issues.find((i) => i.code === code)?.message ?? '';
    expect(message('weights.sum')).toBe('I pesi sotto 1.1 sommano a 99,99% invece di 100%: pesi rinormalizzati.');
    expect(message('target.unreadable')).toBe('Target "X<x1" non leggibile per 1.1.4: indicatore non misurabile.');
    expect(message('actual.kind')).toBe('Consuntivo "12/05/2025" di 1.1.6 non è un numero: indicatore non misurabile.');
    expect(message('parent.cycle')).toMatch(/^Ciclo tra obiettivi \((X → Y|Y → X)\)/);
  });

  it('still scores everything else, by hand', () => {
    // 1.1: measured 1.1.1 (0,9), 1.1.2 (1), 1.1.3 (1) at 14,28% each and 1.1.8 (0,5) at 0%: the others
    // have no measure and are left out.
    expect(score('1.1.1')).toBeCloseTo(0.9, 12);
    expect(score('1.1.8')).toBeCloseTo(0.5, 12);
    for (const code of ['1.1.4', '1.1.5', '1.1.6', '1.1.7']) expect(score(code), code).toBeNull();
    const obj = (code: string) => result.objectives.find((o) => o.code === code)?.score;
    expect(obj('1.1')).toBeCloseTo((0.9 + 1 + 1) / 3, 12);
    // 1.2: the override without a note still applies (60%); 1.2.2 scores 50% with the plan's method;
    // 6.1.1.a has no weight among weighted siblings, so the simple mean is used (and said).
    expect(score('1.2.1')).toBe(0.6);
    expect(score('1.2.2')).toBeCloseTo(0.5, 12);
    expect(score('6.1.1.a')).toBe(1);
    expect(issue('weights.mixed')).toEqual([['warning', 'Obiettivi', 'A4']]);
    expect(obj('1.2')).toBeCloseTo((0.6 + 0.5 + 1) / 3, 12);
    // The orphan is scored, not rolled up; the objective with a missing parent becomes top-level.
    expect(score('9.9.9')).toBe(1);
    expect(result.objectives.find((o) => o.code === 'Z')?.depth).toBe(0);
    // Objectives on the cycle are out of the entity's result.
    expect(result.objectives.map((o) => o.code)).not.toContain('X');
    expect(result.entity.score).toBeCloseTo(0.5 * ((0.9 + 1 + 1) / 3) + 0.5 * ((0.6 + 0.5 + 1) / 3), 12);
  });

  it('gives the same issues through an xlsx file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cruscotto-bad-')), 'bad.xlsx');
    await writeWorkbook(workbookFromTables(badInput), file);
    const fromFile = scorePlan((await readPlanFile(file)).input);
    expect(fromFile.issues).toEqual(result.issues);
    expect(fromFile.entity).toEqual(result.entity);
  });
});
