import { describe, expect, it } from 'vitest';
import { scorePlan, type CellValue, type Direction, type Method } from '../../src/core/index.js';
import { bandScore, resolveDirection, scoreMeasure, type Actual, type ScoreRules } from '../../src/core/score.js';
import { isTargetError, parseTarget } from '../../src/core/target.js';
import { DEFAULT_BANDS } from '../../src/core/settings.js';
import { fromDecimalString, toNumber } from '../../src/core/decimal.js';

/** A one-indicator plan, so each row below goes through the whole pipeline a workbook goes through. */
function scoreOne(
  target: CellValue,
  actual: CellValue,
  extra: { threshold?: CellValue; direction?: CellValue; unit?: CellValue; method?: string; settings?: [string, CellValue][] } = {},
) {
  const result = scorePlan({
    sheets: {
      Obiettivi: [['Codice', 'Titolo'], ['1', 'Obiettivo']],
      Indicatori: [
        ['Codice', 'Obiettivo', 'Target', 'Consuntivo', 'Soglia', 'Direzione', 'UdM'],
        ['1.1', '1', target, actual, extra.threshold ?? null, extra.direction ?? null, extra.unit ?? null],
      ],
      Impostazioni: [['Chiave', 'Valore'], ['metodo', extra.method ?? 'proporzionale'], ...(extra.settings ?? [])],
    },
  });
  return result.indicators[0];
}

// Sheet-shaped: [target, actual, expected achievement, expected score, status], linear method, cap 100%.
const LINEAR: [CellValue, CellValue, number, number, string][] = [
  ['>= 20 N.', 23, 1.15, 1, 'met'],
  ['>= 20 N.', 18, 0.9, 0.9, 'partial'],
  ['>= 45,00 %', '29,52%', 0.656, 0.656, 'partial'],
  ['>= 45,00 %', 0.2952, 0.656, 0.656, 'partial'],
  ['>= 1600 N.', '1.600', 1, 1, 'met'],
  ['<= 5 gg', 4, 1.25, 1, 'met'],
  ['<= 5 gg', 6, 5 / 6, 5 / 6, 'partial'],
  ['<= 1,45 gg', '1,98', 1.45 / 1.98, 1.45 / 1.98, 'partial'],
  // Negative targets: met-first, then the deviation relative to |target| (never a raw ratio).
  ['<= -12', '-21,43', 1 + 9.43 / 12, 1, 'met'],
  ['<= -12', -10, 1 - 2 / 12, 1 - 2 / 12, 'partial'],
  ['<= -13 N.', -13, 1, 1, 'met'],
  ['>= -3,00%', '0,86%', 1 + 3.86 / 3, 1, 'met'],
  ['>= -3,00%', '-4,50%', 0.5, 0.5, 'partial'],
  // Zero targets: a ratio is undefined, so met or not.
  ['<= 0', 0, 1, 1, 'met'],
  ['<= 0', 2, 0, 0, 'notMet'],
  ['>= 0', -1, 0, 0, 'notMet'],
  // Equality and yes/no.
  ['= 10', 10, 1, 1, 'met'],
  ['= 10', 8, 0.8, 0.8, 'partial'],
  ['= si', 'si', 1, 1, 'met'],
  ['= si', 'SI', 1, 1, 'met'],
  ['= si', 'no', 0, 0, 'notMet'],
  ['= si', true, 1, 1, 'met'],
  // Deadlines: on or before the date is met, late is not (whatever the days' ratio).
  ['Entro 31-12-2024', '18/12/2024', 1, 1, 'met'],
  ['Entro 31-12-2024', '31.12.2024', 1, 1, 'met'],
  ['<= 30.04.2025', '12/05/2025', 0, 0, 'notMet'],
  ['<= 30.04.2025', new Date(Date.UTC(2025, 3, 30)), 1, 1, 'met'],
  ['<= 30.04.2025', 45777, 1, 1, 'met'],
  // Strict comparators.
  ['> 10', 10, 1, 1, 'partial'],
  ['< 5', 4, 1.25, 1, 'met'],
  // Durations as hours.
  ['>= 6', '08:00', 8 / 6, 1, 'met'],
];

describe('linear (proporzionale)', () => {
  it.each(LINEAR)('%s with %s', (target, actual, achievement, score, status) => {
    const r = scoreOne(target, actual);
    expect(r.achievement).toBeCloseTo(achievement, 12);
    expect(r.score).toBeCloseTo(score, 12);
    expect(r.status).toBe(status);
  });

  it('takes the direction from Direzione for a bare target', () => {
    expect(scoreOne(5, 3, { direction: 'min' }).score).toBe(1);
    expect(scoreOne(5, 3, { direction: 'decrescente' }).score).toBe(1);
    expect(scoreOne(5, 3, { direction: 'max' }).score).toBeCloseTo(0.6, 12);
    expect(scoreOne(5, 3).score).toBeCloseTo(0.6, 12);
  });

  it('caps at tetto and floors at 0', () => {
    expect(scoreOne('>= 10', 15, { settings: [['tetto', '120%']] }).score).toBeCloseTo(1.2, 12);
    expect(scoreOne('>= 10', 20, { settings: [['tetto', '120%']] }).score).toBeCloseTo(1.2, 12);
    expect(scoreOne('>= 10', -5).score).toBe(0);
  });

  it('counts a miss within tolerance as met', () => {
    expect(scoreOne('>= 100', 96, { settings: [['tolleranza', '5%']] })).toMatchObject({ score: 1, status: 'met' });
    expect(scoreOne('>= 100', 94, { settings: [['tolleranza', '5%']] })).toMatchObject({ score: 0.94, status: 'partial' });
    expect(scoreOne('<= 10 gg', 10.5, { settings: [['tolleranza', '5%']] })).toMatchObject({ score: 1, status: 'met' });
  });

  it('scores 0 below the Soglia whatever the method', () => {
    expect(scoreOne('>= 95%', '79%', { threshold: '80%' }).score).toBe(0);
    // At the Soglia is not below it: the linear score is the achievement.
    expect(scoreOne('>= 95%', '80%', { threshold: '80%' }).score).toBeCloseTo(0.8 / 0.95, 12);
    expect(scoreOne('>= 100', 80, { threshold: 80 }).score).toBe(0.8);
    expect(scoreOne('<= 10 gg', 15, { threshold: 15 }).score).toBeCloseTo(10 / 15, 12);
    expect(scoreOne('>= 100', 80, { threshold: 80, method: 'fasce' }).score).toBe(0.8);
    expect(scoreOne('>= 95%', '81%', { threshold: '80%' }).score).toBeCloseTo(0.81 / 0.95, 12);
    expect(scoreOne('<= 10 gg', 16, { threshold: 15 }).score).toBe(0);
  });
});

// Rows of the seeds other than the PIRA, with their "Stato 2024" used as the actual.
// [target, actual, UdM, expected score, status]
const SEED_ROWS: [CellValue, CellValue, string, number, string][] = [
  // PIAO 2025-2027 (seed 001)
  ['<= -20,00', '-21,77', 'gg', 1, 'met'],
  ['<= 5,0', '1,98', 'gg', 1, 'met'],
  ['>= 9,9%', '9,85%', 'n.', 9.85 / 9.9, 'partial'],
  ['>= 53%', '53,27%', '%', 1, 'met'],
  ['=< 1', '0,92', 'n.', 1, 'met'],
  ['<= 37,2%', '37,2%', '%', 1, 'met'],
  ['>= -3,00%', '0,86%', '%', 1, 'met'],
  ['>= 150%', '150,62%', '%', 1, 'met'],
  ['>= 80,00%', '18,18%', '%', 18.18 / 80, 'partial'],
  ['= SI', 'si', 'si/no', 1, 'met'],
  ['<= 31/12/2025', '17/12/2024', 'data', 1, 'met'],
  ['<= 28/02/2025', '26/03/2025', 'data', 0, 'notMet'],
  ['<= 45900', '29.11.2024', 'data', 1, 'met'],
  ['>= 6', '08:00', 'hh', 1, 'met'],
  ['<= 80', 46, 'n.', 1, 'met'],
  ['<= 9', '7,4', 'n.', 1, 'met'],
  // Albero della performance 2024 (seed 002)
  ['>=80%', '72%', '%', 0.9, 'partial'],
  ['≥ 5', 4, 'n.', 0.8, 'partial'],
  ['100%', '100%', '%', 1, 'met'],
  ['31/12/2024', '20/12/2024', 'data', 1, 'met'],
];

describe('worked rows from the other seeds', () => {
  it.each(SEED_ROWS)('%s with %s (%s)', (target, actual, unit, score, status) => {
    const r = scoreOne(target, actual, { unit });
    expect(r.score).toBeCloseTo(score, 12);
    expect(r.status).toBe(status);
  });
});

describe('bands (fasce): exact edges', () => {
  const BANDS: [CellValue, CellValue, number][] = [
    // 3,47% against 3,50% is 99,14%: at least 99%, so 100%.
    ['3,50%', '3,47%', 1],
    ['3,50%', '3,46%', 0.8],
    // 99% exactly (99/100) is at least 99%: no float may decide otherwise.
    ['>= 100', 99, 1],
    ['>= 100', '98,99', 0.8],
    ['>= 98,00 %', '97,02%', 1],
    ['>= 100', 80, 0.8],
    ['>= 100', '79,99', 0],
    ['<= 5 gg', 6, 0.8],
  ];
  it.each(BANDS)('%s with %s', (target, actual, score) => {
    expect(scoreOne(target, actual, { method: 'fasce' }).score).toBe(score);
  });

  it('reads GZOOM-style bands in points', () => {
    const settings: [string, CellValue][] = [['fasce', '100:100; 75:75; 50:50; 0:0']];
    expect(scoreOne('>= 100', 75, { method: 'fasce', settings }).score).toBe(0.75);
    expect(scoreOne('>= 100', 74.99, { method: 'fasce', settings }).score).toBe(0.5);
    expect(scoreOne('>= 100', 100, { method: 'fasce', settings }).score).toBe(1);
  });
});

describe('threshold (soglia) and binary (binario)', () => {
  it('is linear from the Soglia to the target', () => {
    expect(scoreOne('>= 95%', '85%', { method: 'soglia', threshold: '80%' }).score).toBeCloseTo(1 / 3, 12);
    expect(scoreOne('>= 95%', '95%', { method: 'soglia', threshold: '80%' }).score).toBe(1);
    expect(scoreOne('>= 95%', '80%', { method: 'soglia', threshold: '80%' }).score).toBe(0);
    expect(scoreOne('<= 10 gg', 12, { method: 'soglia', threshold: 15 }).score).toBeCloseTo(0.6, 12);
  });

  it('falls back to linear, with an issue, when the Soglia is missing', () => {
    const r = scorePlan({
      sheets: {
        Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo', 'Soglia'], ['1.1', '1', '>= 10', 8, null]],
        Impostazioni: [['metodo', 'soglia']],
      },
    });
    expect(r.indicators[0].score).toBeCloseTo(0.8, 12);
    expect(r.issues.map((i) => [i.code, i.cell])).toContainEqual(['threshold.missing', 'E2']);
  });

  it('binary is met or nothing', () => {
    expect(scoreOne('>= 95%', '94,99%', { method: 'binario' }).score).toBe(0);
    expect(scoreOne('>= 95%', '95%', { method: 'binario' }).score).toBe(1);
  });

  it('a per-row Metodo overrides the plan method', () => {
    const r = scorePlan({
      sheets: {
        Indicatori: [
          ['Codice', 'Obiettivo', 'Target', 'Consuntivo', 'Metodo'],
          ['1.1', '1', '>= 100', 90, 'binario'],
          ['1.2', '1', '>= 100', 90, null],
        ],
        Impostazioni: [['metodo', 'proporzionale']],
      },
    });
    expect(r.indicators.map((i) => i.score)).toEqual([0, 0.9]);
  });
});

describe('overrides and neutralisation', () => {
  it('replaces the score, keeps the computed value, and requires a note', () => {
    const r = scorePlan({
      sheets: {
        Indicatori: [
          ['Codice', 'Obiettivo', 'Target', 'Consuntivo', 'Override', 'Nota'],
          ['1.1', '1', '>= 100', 40, '60%', 'si considera raggiunto al 60%'],
          ['1.2', '1', '>= 100', 40, 0.6, null],
        ],
      },
    });
    expect(r.indicators[0]).toMatchObject({ score: 0.6, computedScore: 0.4, achievement: 0.4, overridden: true, status: 'overridden' });
    expect(r.indicators[1]).toMatchObject({ score: 0.6, computedScore: 0.4, overridden: true });
    expect(r.issues.filter((i) => i.code === 'override.noNote').map((i) => i.cell)).toEqual(['F3']);
  });

  it('leaves a neutralised indicator out and renormalises its siblings', () => {
    const r = scorePlan({
      sheets: {
        Obiettivi: [['Codice', 'Titolo'], ['1', 'Obiettivo']],
        Indicatori: [
          ['Codice', 'Obiettivo', 'Peso', 'Target', 'Consuntivo', 'Neutralizzato'],
          ['1.1', '1', '50%', '>= 100', 100, 'no'],
          ['1.2', '1', '25%', '>= 100', 50, null],
          ['1.3', '1', '25%', '>= 100', 0, 'si'],
        ],
      },
    });
    // (0,5 x 1 + 0,25 x 0,5) / 0,75
    expect(r.objectives[0].score).toBeCloseTo((0.5 + 0.125) / 0.75, 12);
    expect(r.indicators[2]).toMatchObject({ status: 'excluded', score: null, weight: null });
    expect(r.indicators[0].weight).toBeCloseTo(2 / 3, 12);
  });
});

// scoreMeasure on its own, as score.ts defines it: [target, actual, Soglia, Direzione, method, score, met].
// Actuals and Soglie are decimal text, read exactly as the workbook reads them.
type MeasureRow = [string, string | boolean, string | null, Direction | null, Method, number, boolean];
const MEASURES: MeasureRow[] = [
  // The Soglia: below it the score is 0, at it the method decides (linear: the achievement, not 0).
  ['>= 100', '80', '80', null, 'linear', 0.8, false],
  ['>= 100', '79.99', '80', null, 'linear', 0, false],
  ['>= 100', '80.01', '80', null, 'linear', 0.8001, false],
  ['<= 10', '12.5', '12.5', null, 'linear', 0.8, false],
  ['<= 10', '12.51', '12.5', null, 'linear', 0, false],
  ['= 10', '8', '8', null, 'linear', 0.8, false],
  ['= 10', '12', '8', null, 'linear', 0.8, false], // 2 away, the Soglia is 2 away too
  ['= 10', '7.9', '8', null, 'linear', 0, false],
  ['>= 100', '80', '80', null, 'bands', 0.8, false],
  ['>= 100', '80', '80', null, 'threshold', 0, false], // linear from the Soglia (0) to the target
  ['>= 100', '90', '80', null, 'threshold', 0.5, false],
  ['<= 10', '12', '15', null, 'threshold', 0.6, false],
  ['>= 100', '80', '80', null, 'binary', 0, false],
  // A met target is never below its Soglia (a Soglia above the target is a slip, not a zero).
  ['>= 100', '100', '120', null, 'linear', 1, true],
  // Exact band edges.
  ['3.50%', '0.0347', null, null, 'bands', 1, false],
  ['3.50%', '0.0346', null, null, 'bands', 0.8, false],
  ['>= 7%', '0.0693', null, null, 'bands', 1, false], // 99% exactly; a float ratio gives 0.98999...
  ['>= 7%', '0.0692', null, null, 'bands', 0.8, false],
  // Direction of a bare target.
  ['5', '3', null, 'lower', 'linear', 1, true],
  ['5', '3', null, 'higher', 'linear', 0.6, false],
  ['5', '3', null, null, 'linear', 0.6, false],
  // Sign-safe achievement and zero targets.
  ['<= -12', '-10', null, null, 'linear', 1 - 2 / 12, false],
  ['>= -3%', '-0.045', null, null, 'linear', 0.5, false],
  ['<= 0', '0', null, null, 'linear', 1, true],
  ['>= 0', '-1', null, null, 'linear', 0, false],
  // Strict comparators: equal is not met.
  ['> 10', '10', null, null, 'binary', 0, false],
  ['< 5', '4.99', null, null, 'binary', 1, true],
  // Yes/no.
  ['= si', true, null, null, 'linear', 1, true],
  ['= si', false, null, null, 'linear', 0, false],
  ['= no', false, null, null, 'binary', 1, true],
];

describe('scoreMeasure', () => {
  const rules = (method: Method, extra: Partial<ScoreRules> = {}): ScoreRules => ({ method, bands: DEFAULT_BANDS, tolerance: 0, cap: 1, ...extra });
  const target = (text: string) => {
    const t = parseTarget(text);
    if (isTargetError(t)) throw new Error(text);
    return t;
  };
  const actualOf = (a: string | boolean): Actual => (typeof a === 'boolean' ? { kind: 'boolean', value: a } : { kind: 'number', value: fromDecimalString(a) });

  it.each(MEASURES)('%s, actual %s, Soglia %s, %s, %s', (t, a, s, direction, method, score, met) => {
    const r = scoreMeasure(target(t), actualOf(a), s === null ? null : fromDecimalString(s), direction, rules(method));
    expect(r.score).toBeCloseTo(score, 14);
    expect(r.met).toBe(met);
  });

  it('caps and floors every method', () => {
    expect(scoreMeasure(target('>= 10'), actualOf('15'), null, null, rules('linear', { cap: 1.2 })).score).toBe(1.2);
    expect(scoreMeasure(target('>= 10'), actualOf('11'), null, null, rules('linear', { cap: 1.2 })).score).toBe(1.1);
    expect(scoreMeasure(target('>= 10'), actualOf('15'), null, null, rules('linear')).score).toBe(1);
    expect(scoreMeasure(target('>= 100'), actualOf('130'), null, null, rules('bands', { bands: [{ from: 1.3, score: 1.3 }, { from: 0, score: 0 }], cap: 1.2 })).score).toBe(1.2);
    expect(scoreMeasure(target('>= 10'), actualOf('-5'), null, null, rules('linear')).score).toBe(0);
    expect(scoreMeasure(target('= si'), actualOf(true), null, null, rules('linear', { cap: 0.9 })).score).toBe(0.9);
  });

  it('counts a miss within tolerance as met, never for deadlines', () => {
    expect(scoreMeasure(target('>= 100'), actualOf('95'), null, null, rules('binary', { tolerance: 0.05 })).met).toBe(true);
    expect(scoreMeasure(target('>= 100'), actualOf('94.99'), null, null, rules('binary', { tolerance: 0.05 })).met).toBe(false);
    expect(scoreMeasure(target('= 10'), actualOf('10.5'), null, null, rules('binary', { tolerance: 0.05 })).met).toBe(true);
    const late = scoreMeasure(target('Entro 31-12-2024'), actualOf('45659'), null, null, rules('linear', { tolerance: 0.5 }));
    expect(late).toMatchObject({ met: false, score: 0, daysLate: 2 });
  });

  it('reads deadlines as met or late, with the days late', () => {
    expect(scoreMeasure(target('<= 30.04.2025'), actualOf('45777'), null, null, rules('linear'))).toMatchObject({ met: true, score: 1, daysLate: null });
    expect(scoreMeasure(target('<= 30.04.2025'), actualOf('45789'), null, null, rules('linear'))).toMatchObject({ met: false, score: 0, daysLate: 12 });
  });

  it('bandScore compares exactly and falls to 0 below every band', () => {
    expect(toNumber(bandScore(fromDecimalString('0.99'), DEFAULT_BANDS))).toBe(1);
    expect(toNumber(bandScore(fromDecimalString('0.98999999999999999'), DEFAULT_BANDS))).toBe(0.8);
    expect(toNumber(bandScore(fromDecimalString('0.5'), [{ from: 0.8, score: 0.8 }]))).toBe(0);
  });

  it('resolveDirection: the comparator first, then Direzione, deadlines lower', () => {
    expect(resolveDirection(target('>= 5'), 'lower')).toBe('higher');
    expect(resolveDirection(target('<= 5'), 'higher')).toBe('lower');
    expect(resolveDirection(target('= 5'), null)).toBe('equal');
    expect(resolveDirection(target('= si'), null)).toBe('higher');
    expect(resolveDirection(target('5'), 'lower')).toBe('lower');
    expect(resolveDirection(target('31/12/2025'), null)).toBe('lower');
    expect(resolveDirection(target('5'), null)).toBe('higher');
  });
});
