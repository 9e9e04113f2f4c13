/**
 * measure.ts: each indicator row on its own — the actual and Soglia in the target's kind, the row's method,
 * the OIV's override (capped at tetto, 0% included) and neutralisation. Rows go through scorePlan, as a
 * workbook does, and are read like the sheet.
 */
import { describe, expect, it } from 'vitest';
import { scorePlan, type CellValue, type Issue } from '../../src/core/index.js';

const HEADERS = ['Codice', 'Obiettivo', 'Target', 'Consuntivo', 'Soglia', 'Metodo', 'Override', 'Nota', 'Neutralizzato', 'UdM'];

interface Row {
  target?: CellValue;
  actual?: CellValue;
  threshold?: CellValue;
  method?: CellValue;
  override?: CellValue;
  note?: CellValue;
  excluded?: CellValue;
  unit?: CellValue;
}

function measure(rows: Row[], settings: [string, CellValue][] = []) {
  const result = scorePlan({
    sheets: {
      Obiettivi: [['Codice', 'Titolo'], ['1', 'Obiettivo']],
      Indicatori: [
        HEADERS,
        ...rows.map((r, i) => [`1.${i + 1}`, '1', r.target ?? '>= 100', r.actual ?? null, r.threshold ?? null, r.method ?? null,
          r.override ?? null, r.note ?? null, r.excluded ?? null, r.unit ?? null]),
      ],
      Impostazioni: [['Chiave', 'Valore'], ...settings],
    },
  });
  const issues = (code: string) => result.issues.filter((i: Issue) => i.code === code).map((i) => i.cell);
  return { indicators: result.indicators, issues, result };
}

describe('overrides (rideterminazione dell\'OIV)', () => {
  // [Override cell, tetto, expected score] — the override replaces the score, up to the cap.
  const OVERRIDES: [CellValue, string | null, number][] = [
    ['60%', null, 0.6],
    [0.6, null, 0.6],
    ['60', null, 0.6], // percent points
    ['0%', null, 0], // a 0% override is an override, not an unreadable cell
    [0, null, 0],
    ['0', null, 0],
    ['0,00%', null, 0],
    ['120%', null, 1], // capped at the default tetto of 100%
    ['150%', '120%', 1.2],
    ['110%', '120%', 1.1],
    ['100%', '90%', 0.9],
  ];
  it.each(OVERRIDES)('override %j with tetto %s scores %s', (override, cap, score) => {
    const { indicators, issues } = measure(
      [{ actual: 40, override, note: 'si considera raggiunto' }],
      cap === null ? [] : [['tetto', cap]],
    );
    expect(indicators[0]).toMatchObject({ score, computedScore: 0.4, achievement: 0.4, overridden: true, status: 'overridden' });
    expect(issues('override.unreadable')).toEqual([]);
  });

  it('overrides a row without an actual, and keeps the missing actual reported', () => {
    const { indicators, issues } = measure([{ override: '0%', note: 'non misurabile per cause esterne' }]);
    expect(indicators[0]).toMatchObject({ score: 0, computedScore: null, overridden: true, status: 'overridden' });
    expect(issues('actual.missing')).toEqual(['D2']);
  });

  it.each([['sessanta'], ['-10%'], ['60 punti']] as [CellValue][])('reports an unreadable override %j at its cell and keeps the computed score', (override) => {
    const { indicators, issues } = measure([{ actual: 40, override, note: 'x' }]);
    expect(indicators[0]).toMatchObject({ score: 0.4, overridden: false, status: 'partial' });
    expect(issues('override.unreadable')).toEqual(['G2']);
  });

  it('requires a note, at the Nota cell', () => {
    const { indicators, issues } = measure([{ actual: 40, override: '0%' }]);
    expect(indicators[0]).toMatchObject({ score: 0, overridden: true });
    expect(issues('override.noNote')).toEqual(['H2']);
  });
});

describe('statuses', () => {
  // [target, actual, status]
  const STATUSES: [CellValue, CellValue, string][] = [
    ['>= 100', 100, 'met'],
    ['>= 100', 99, 'partial'],
    ['>= 100', 0, 'notMet'],
    ['>= 100', null, 'notMeasured'],
    ['= si', 'no', 'notMet'],
    ['Entro 31-12-2024', '02/01/2025', 'notMet'],
  ];
  it.each(STATUSES)('%s with %j is %s', (target, actual, status) => {
    expect(measure([{ target, actual }]).indicators[0].status).toBe(status);
  });

  it('a neutralised row is left out whatever its actual, with an info at its cell', () => {
    const { indicators, issues } = measure([{ actual: 100, excluded: 'si' }, { actual: 50 }]);
    expect(indicators[0]).toMatchObject({ status: 'excluded', score: null, excluded: true });
    expect(issues('excluded.info')).toEqual(['I2']);
  });

  it('shows how late a deadline was', () => {
    const { indicators } = measure([{ target: 'Entro 31-12-2024', actual: '10/01/2025' }]);
    expect(indicators[0].daysLate).toBe(10);
  });
});

describe('the actual and the Soglia in the target\'s kind', () => {
  it('reports an actual of the wrong kind at its cell and leaves the row unmeasured', () => {
    const { indicators, issues } = measure([{ target: '>= 10', actual: '12/05/2025' }, { target: 'Entro 31-12-2024', actual: 'presto' }]);
    expect(indicators.map((i) => i.status)).toEqual(['notMeasured', 'notMeasured']);
    expect(issues('actual.kind')).toEqual(['D2', 'D3']);
  });

  it('warns when 29,52 is typed against a percent target, and reads it as written', () => {
    const { indicators, issues } = measure([{ target: '>= 45,00 %', actual: '29,52' }]);
    expect(issues('actual.percentScale')).toEqual(['D2']);
    expect(indicators[0].score).toBe(1); // 29,52 (2952%) meets 45%: as written
  });

  it('ignores an unreadable Soglia, says so, and scores without it', () => {
    const { indicators, issues } = measure([{ actual: 70, threshold: 'ottanta' }]);
    expect(issues('threshold.unreadable')).toEqual(['E2']);
    expect(indicators[0].score).toBe(0.7);
  });

  it('a Soglia of n.d. is no Soglia', () => {
    const { indicators, issues } = measure([{ actual: 70, threshold: 'n.d.' }]);
    expect(issues('threshold.unreadable')).toEqual([]);
    expect(indicators[0].score).toBe(0.7);
  });

  it('the row\'s Metodo wins over the plan\'s, and soglia without a Soglia falls back to linear at the Soglia cell', () => {
    const { indicators, issues } = measure(
      [{ actual: 90, method: 'binario' }, { actual: 90 }, { actual: 90, method: 'soglia' }],
      [['metodo', 'fasce']],
    );
    expect(indicators.map((i) => i.score)).toEqual([0, 0.8, 0.9]);
    expect(issues('threshold.missing')).toEqual(['E4']);
  });

  it('at the Soglia the linear score is the achievement; below it 0', () => {
    const { indicators } = measure([{ actual: 80, threshold: 80 }, { actual: '79,99', threshold: 80 }, { actual: '80%', target: '>= 100%', threshold: '80%' }]);
    expect(indicators.map((i) => i.score)).toEqual([0.8, 0, 0.8]);
  });

  it('shows the actual as the report prints it', () => {
    const { indicators } = measure([
      { target: '>= 45%', actual: 0.2952 },
      { target: 'Entro 31-12-2024', actual: 45646, unit: 'data' },
      { target: '>= 1000', actual: 1600 },
      { target: '= si', actual: true },
      { target: '>= 10', actual: '  12  N. ' },
    ]);
    expect(indicators.map((i) => i.actualText)).toEqual(['29,52%', '20/12/2024', '1.600', 'si', '12 N.']);
  });
});
