import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scorePlan, type CellValue, type PlanInput } from '../../src/core/index.js';
import { parsePeriod, periodOfHeader } from '../../src/core/periods.js';
import { projectYearEnd, yearFraction } from '../../src/core/monitoring.js';
import { INDICATOR_COLUMNS } from '../../src/core/columns.js';

describe('period headers as people write them', () => {
  it.each([
    // [written, canonical, month, day, year]
    ['30/06', '30/06', 6, 30, null],
    ['30.06.2024', '30/06', 6, 30, 2024],
    ['30-06-2024', '30/06', 6, 30, 2024],
    ['al 30/06/24', '30/06', 6, 30, 2024],
    ['31/03', '31/03', 3, 31, null],
    ['1° semestre', 'S1', 6, 30, null],
    ['I semestre', 'S1', 6, 30, null],
    ['primo semestre 2024', 'S1', 6, 30, 2024],
    ['S1', 'S1', 6, 30, null],
    ['s2', 'S2', 12, 31, null],
    ['II semestre', 'S2', 12, 31, null],
    ['H1', 'S1', 6, 30, null],
    ['first half', 'S1', 6, 30, null],
    ['T1', 'T1', 3, 31, null],
    ['t3', 'T3', 9, 30, null],
    ['2° trimestre', 'T2', 6, 30, null],
    ['IV trimestre', 'T4', 12, 31, null],
    ['Q2', 'T2', 6, 30, null],
    ['Q4 2024', 'T4', 12, 31, 2024],
    ['3rd quarter', 'T3', 9, 30, null],
    ['giugno', 'M6', 6, 30, null],
    ['Febbraio 2024', 'M2', 2, 29, 2024],
    ['febbraio', 'M2', 2, 28, null],
    ['June', 'M6', 6, 30, null],
    ['sept', 'M9', 9, 30, null],
    ['dic', 'M12', 12, 31, null],
  ])('%s', (written, canonical, month, day, year) => {
    expect(parsePeriod(written)).toMatchObject({ canonical, month, day, year });
  });

  it.each(['', 'OIV', 'anno', '31/02', '13/13', 'S3', 'T5', 'quinto trimestre', 'triennale', '2024'])('"%s" is no period', (written) => {
    expect(parsePeriod(written)).toBeNull();
  });

  it.each([
    ['Consuntivo 30/06', '30/06'],
    ['consuntivo  (S1)', 'S1'],
    ['Actual Q2', 'Q2'],
    ['Valore rilevato giugno', 'giugno'],
  ])('%s is a period column', (header, written) => {
    expect(periodOfHeader(header, INDICATOR_COLUMNS.actual)?.written).toBe(written);
  });

  it.each(['Consuntivo', 'Consuntivo 2023', 'Consuntivo anno 2024', 'Consuntivi', 'Target 2025'])('%s is not a period column', (header) => {
    expect(periodOfHeader(header, INDICATOR_COLUMNS.actual)).toBeNull();
  });
});

const issuesOf = (input: PlanInput) => scorePlan(input).issues.filter((i) => i.code.startsWith('period.'));

describe('the calendar of a year', () => {
  const base = (headers: string[], row: CellValue[]): PlanInput => ({
    sheets: {
      Impostazioni: [['anno', 2024]],
      Obiettivi: [['Codice', 'Titolo'], ['1', 'Uno']],
      Indicatori: [['Codice', 'Obiettivo', 'Target', ...headers], ['1.1', '1', '>= 10', ...row]],
    },
  });

  it('orders the periods by date, the year\'s Consuntivo as the year end', () => {
    const r = scorePlan(base(['Consuntivo', 'Consuntivo T3', 'Consuntivo 31/03', 'Consuntivo 1° semestre'], [10, 7, 2, 5]));
    expect(r.periods?.map((p) => [p.key, p.label, p.date, p.yearEnd])).toEqual([
      ['31/03', '31/03', '2024-03-31', false],
      ['S1', '1° semestre', '2024-06-30', false],
      ['T3', 'T3', '2024-09-30', false],
      ['31/12', '2024', '2024-12-31', true],
    ]);
  });

  it.each([
    ['an unknown period', ['Consuntivo', 'Consuntivo OIV'], 'period.unreadable', 'E1'],
    ['another year', ['Consuntivo', 'Consuntivo 30.06.2023'], 'period.otherYear', 'E1'],
    ['the same period twice', ['Consuntivo', 'Consuntivo S1', 'Consuntivo 30/06'], 'period.duplicate', 'F1'],
    ['the year end twice', ['Consuntivo', 'Consuntivo S2'], 'period.duplicate', 'E1'],
    ['an interim target without its actual', ['Consuntivo', 'Consuntivo 30/06', 'Target 31/03'], 'period.targetOnly', 'F1'],
  ])('%s is an issue at its header cell', (_, headers, code, cell) => {
    const issues = issuesOf(base(headers, headers.map(() => 5)));
    expect(issues.map((i) => [i.code, i.sheet, i.cell])).toContainEqual([code, 'Indicatori', cell]);
  });

  it('a plain workbook has no periods and no monitoring fields', () => {
    const r = scorePlan(base(['Consuntivo'], [5]));
    expect(r.period).toBeUndefined();
    expect(r.indicators[0].history).toBeUndefined();
  });
});

/** One objective, one indicator per case: [target, interim target, Cumulativo, actual at 30/06, expected]. */
describe('scoring at 30/06', () => {
  const score = (rows: CellValue[][], extra: Partial<Record<string, CellValue>> = {}) => {
    const headers = ['Codice', 'Obiettivo', 'UdM', 'Target', 'Target 30/06', 'Cumulativo', 'Consuntivo 30/06', 'Consuntivo'];
    return scorePlan({
      sheets: {
        Impostazioni: [['anno', 2025], ['metodo', extra.method ?? 'proporzionale'], ['periodo', '30/06']],
        Obiettivi: [['Codice', 'Titolo'], ['1', 'Uno']],
        Indicatori: [headers, ...rows.map((r, i) => [`1.${i + 1}`, '1', ...r])],
      },
    });
  };

  it.each([
    // [description, UdM, year target, interim, cumulativo, actual 30/06, achievement, score, progress]
    ['count, no interim: progress towards the year', 'n.', '>= 200', null, null, 90, 0.45, 0.45, true],
    ['count with an interim target: achievement', 'n.', '>= 200', '>= 80', null, 90, 90 / 80, 1, false],
    ['count below its interim target', 'n.', '>= 200', '>= 100', null, 90, 0.9, 0.9, false],
    ['a rate stands as it is', '%', '>= 80%', null, null, '60%', 0.75, 0.75, true],
    ['a rate declared cumulative is progress', '%', '>= 80%', null, 'si', '60%', 0.75, 0.75, true],
    ['a count declared point-in-time', 'n.', '>= 200', null, 'no', 90, 0.45, 0.45, true],
    ['a time (lower is better) stands as it is', 'gg', '<= 10', null, null, 12, 10 / 12, 10 / 12, true],
  ])('%s', (_, unit, target, interim, cumulative, actual, achievement, expectedScore, progress) => {
    const r = score([[unit, target, interim, cumulative, actual, null]]);
    const ind = r.indicators[0];
    expect(ind.achievement).toBeCloseTo(achievement as number, 12);
    expect(ind.score).toBeCloseTo(expectedScore as number, 12);
    expect(ind.progress).toBe(progress);
    expect(r.period?.key).toBe('30/06');
  });

  it('a cumulative count is progress even when the plan scores by bands', () => {
    const r = score([['n.', '>= 200', null, null, 90, null], ['%', '>= 80%', null, null, '60%', null]], { method: 'fasce' });
    expect(r.indicators[0].score).toBeCloseTo(0.45, 12);
    // A rate keeps the plan's bands: 75% of target is under the 80% band.
    expect(r.indicators[1].score).toBe(0);
  });

  it.each([
    ['a deadline after 30/06 without an actual is in progress, left out, not reported missing', '<= 31.10.2025', null, true, null],
    ['a deadline already past at 30/06 without an actual is missing', '<= 30.04.2025', null, false, null],
    ['a deadline met before 30/06', '<= 31.10.2025', '15/05/2025', false, 1],
    ['a deadline missed by 30/06', '<= 30.04.2025', '10/05/2025', false, 0],
  ])('%s', (_, target, actual, inProgress, expectedScore) => {
    const r = score([['data', target, null, null, actual, null], ['n.', '>= 10', null, null, 10, null]]);
    const ind = r.indicators[0];
    expect(Boolean(ind.inProgress)).toBe(inProgress);
    expect(ind.score).toBe(expectedScore);
    const missing = r.issues.filter((i) => i.code === 'actual.missing');
    expect(missing.length).toBe(actual === null && !inProgress ? 1 : 0);
    if (inProgress) {
      expect(r.objectives[0].score).toBe(1);
      expect(r.writePlan.sheets[0].blocks.find((b) => b.values[0][0] === 'Stato')?.values[1][0]).toBe('In corso');
    }
  });

  it('the gap to target is negative when worse, in either direction', () => {
    const r = score([['n.', '>= 200', null, null, 150, null], ['gg', '<= 10', null, null, 12, null], ['gg', '<= 10', null, null, 8, null]]);
    expect(r.indicators.map((i) => i.gap)).toEqual([-50, -2, 2]);
  });
});

describe('projection to the year end', () => {
  it('is the actual scaled to the whole year with one period', () => {
    const f = yearFraction({ month: 6, day: 30 }, 2025);
    expect(f).toBe(181 / 365);
    expect(yearFraction({ month: 6, day: 30 }, 2024)).toBe(182 / 366);
    const p = projectYearEnd([{ fraction: f, actual: 90 }], 200, 'higher');
    expect(p?.value).toBeCloseTo(90 * 365 / 181, 9);
    expect(p?.atRisk).toBe(true);
    expect(projectYearEnd([{ fraction: f, actual: 110 }], 200, 'higher')?.atRisk).toBe(false);
  });

  it('fits a line through the origin across periods', () => {
    // Points (0.25, 30) and (0.5, 80): slope = (0.25*30 + 0.5*80) / (0.0625 + 0.25) = 47.5 / 0.3125 = 152.
    const p = projectYearEnd([{ fraction: 0.25, actual: 30 }, { fraction: 0.5, actual: 80 }], 150, 'higher');
    expect(p).toEqual({ value: 152, achievement: 152 / 150, atRisk: false });
  });
});

/**
 * Worked example from the PIAO 2025 seed (objective "Bando ristori", seven indicators at 14,3% each), with two
 * periods: illustrative actuals at 30/06 and at the year's end. Figures computed by hand below.
 */
describe('a seed plan monitored at 30/06 and at year end', () => {
  const plan = (period?: string): PlanInput => ({
    sheets: {
      Impostazioni: [['anno', 2025], ['metodo', 'proporzionale'], ...(period ? [['periodo', period]] : [])],
      Obiettivi: [['Codice', 'Titolo'], ['P1', 'Bando ristori']],
      Indicatori: [
        ['Codice', 'Indicatore', 'Obiettivo', 'UdM', 'Peso', 'Target 2025', 'Target 30/06', 'Consuntivo 30/06', 'Consuntivo 2024', 'Consuntivo'],
        ['P1.1', 'Adozione del bando', 'P1', 'data', '14,3%', '<= 30.04.2025', null, '28/04/2025', null, '28/04/2025'],
        ['P1.2', 'Efficace gestione del bando ristori', 'P1', '%', '14,3%', '= 100%', null, '95%', '100%', '100%'],
        ['P1.3', 'Presentazione del bando investimenti', 'P1', 'n.', '14,3%', '>= 1', null, 0, null, 2],
        ['P1.4', 'Rendicontazione contributo FNP', 'P1', 'data', '14,3%', '<= 31.10.2025', null, null, null, '15/11/2025'],
        ['P1.5', 'Grado di utilizzo delle risorse', 'P1', '%', '14,3%', '>= 80%', '>= 40%', '45%', '61%', '78%'],
        ['P1.6', 'Domande istruite', 'P1', 'n.', '14,3%', '>= 200', null, 90, null, 210],
      ],
    },
  });

  it('at 30/06', () => {
    const r = scorePlan(plan('30/06'));
    const by = Object.fromEntries(r.indicators.map((i) => [i.code, i]));
    // P1.1 done on 28/04, before its deadline: 1. P1.2 95% of 100%: 0.95 as it stands. P1.3 0 of 1, cumulative: 0.
    // P1.4 due 31/10, nothing yet: in progress, left out. P1.5 45% against the interim 40%: met, 1.
    // P1.6 90 of the year's 200: progress 0.45.
    expect([by['P1.1'].score, by['P1.2'].score, by['P1.3'].score, by['P1.4'].score, by['P1.5'].score, by['P1.6'].score])
      .toEqual([1, 0.95, 0, null, 1, 0.45]);
    expect(by['P1.4'].inProgress).toBe(true);
    // Equal weights, five measured: (1 + 0.95 + 0 + 1 + 0.45) / 5 = 3.4 / 5 = 0.68.
    expect(r.objectives[0].score).toBeCloseTo(0.68, 12);
    expect(r.entity.score).toBeCloseTo(0.68, 12);
    // P1.6 projected: 90 / (181/365) = 181.49..., under 200: at risk. P1.3: 0 projected, at risk.
    expect(by['P1.6'].projection?.value).toBeCloseTo(181.4917, 3);
    expect(by['P1.6'].projection?.atRisk).toBe(true);
    expect(by['P1.3'].projection?.atRisk).toBe(true);
    // Point-in-time indicators get no projection.
    expect(by['P1.2'].projection).toBeNull();
  });

  it('at year end, and the history of both', () => {
    const r = scorePlan(plan());
    expect(r.period).toMatchObject({ key: '31/12', yearEnd: true });
    const by = Object.fromEntries(r.indicators.map((i) => [i.code, i]));
    // P1.4 delivered 15/11, 15 days after 31/10: 0. P1.5 78% of 80%: 0.975. P1.3 2 >= 1: met, 1. P1.6 210 >= 200: 1.
    expect([by['P1.1'].score, by['P1.2'].score, by['P1.3'].score, by['P1.4'].score, by['P1.5'].score, by['P1.6'].score])
      .toEqual([1, 1, 1, 0, 0.975, 1]);
    // (1 + 1 + 1 + 0 + 0.975 + 1) / 6 = 4.975 / 6.
    expect(r.entity.score).toBeCloseTo(4.975 / 6, 12);
    expect(by['P1.6'].history?.map((h) => [h.period, h.score])).toEqual([['30/06', 0.45], ['31/12', 1]]);
    expect(by['P1.5'].history?.[0]).toMatchObject({ period: '2024', actual: '61%', baseline: true });
    expect(r.objectives[0].history?.map((h) => h.period)).toEqual(['30/06', '31/12']);
    expect(r.objectives[0].history?.[0].score).toBeCloseTo(0.68, 12);
    expect(r.entityHistory?.map((h) => h.period)).toEqual(['30/06', '31/12']);
    // At year end there is nothing to project.
    expect(by['P1.6'].projection).toBeNull();
    const sintesi = r.writePlan.sheets.find((s) => s.sheet === 'Sintesi')!;
    const byPeriod = sintesi.blocks.find((b) => b.values[0][0] === 'Andamento per periodo')!;
    expect(byPeriod.values.slice(2).map((v) => [v[0], v[1], v[3]])).toEqual([['30/06', '2025-06-30', 5], ['Fine anno (2025)', '2025-12-31', 6]]);
    expect(byPeriod.values[2][2]).toBeCloseTo(0.68, 12);
  });

  it('with no year-end actual yet, the latest period is scored and the user is told', () => {
    const input = plan();
    input.sheets.Indicatori = input.sheets.Indicatori.map((row, r) => (r === 0 ? row : [...row.slice(0, 9), null]));
    const r = scorePlan(input);
    expect(r.period?.key).toBe('30/06');
    expect(r.issues.find((i) => i.code === 'period.chosen')).toMatchObject({ severity: 'info', cell: 'H1' });
  });

  it('--period takes the header as written or its short name; an unknown one is an error', () => {
    expect(scorePlan(plan(), { period: 'S1' }).period?.key).toBe('30/06');
    expect(scorePlan(plan(), { period: '30.06.2025' }).period?.key).toBe('30/06');
    expect(scorePlan(plan(), { period: 'giugno' }).period?.key).toBe('30/06');
    const bad = scorePlan(plan(), { period: 'T3' });
    expect(bad.issues.find((i) => i.code === 'period.unknown')?.message).toContain('30/06, 31/12');
    expect(bad.period?.yearEnd).toBe(true);
  });
});

describe('properties of periods', () => {
  const row = fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }));
  const planOf = (rows: [number, number, number | null][], withPeriod: boolean, extra = false): PlanInput => ({
    sheets: {
      Impostazioni: [['anno', 2024]],
      Obiettivi: [['Codice', 'Titolo'], ['1', 'Uno']],
      Indicatori: [
        ['Codice', 'Obiettivo', 'Target', 'Consuntivo', ...(withPeriod ? ['Consuntivo 30/06'] : []), ...(extra ? ['Consuntivo T1'] : [])],
        ...rows.map(([actual, target, mid], i) => [`1.${i}`, '1', `>= ${target}`, actual, ...(withPeriod ? [mid] : []), ...(extra ? [mid === null ? null : Math.floor(mid / 2)] : [])]),
      ],
    },
  });

  it('scoring the year end equals scoring the workbook without period columns', () => {
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
      const plain = scorePlan(planOf(rows, false));
      const monitored = scorePlan(planOf(rows, true), { period: '31/12' });
      expect(monitored.entity).toEqual(plain.entity);
      expect(monitored.indicators.map((i) => [i.score, i.achievement, i.status])).toEqual(plain.indicators.map((i) => [i.score, i.achievement, i.status]));
      expect(monitored.objectives.map((o) => o.score)).toEqual(plain.objectives.map((o) => o.score));
    }), { numRuns: 60 });
  });

  it('adding a period column never changes another period\'s results', () => {
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.constantFrom('30/06', '31/12'), (rows, period) => {
      const before = scorePlan(planOf(rows, true), { period });
      const after = scorePlan(planOf(rows, true, true), { period });
      expect(after.entity.score).toBe(before.entity.score);
      expect(after.indicators.map((i) => [i.score, i.achievement])).toEqual(before.indicators.map((i) => [i.score, i.achievement]));
    }), { numRuns: 60 });
  });
});

describe('the --json contract with periods', () => {
  it('adds the period, the periods and each row\'s history only for a monitored workbook', async () => {
    const { resultJson } = await import('../../src/core/results-json.js');
    const plain = resultJson(scorePlan({ sheets: { Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['1', 'A', '>= 2', 1]] } }));
    expect('period' in plain).toBe(false);
    expect('history' in plain.indicators[0]).toBe(false);
    const monitored = resultJson(scorePlan({
      sheets: {
        Impostazioni: [['anno', 2024]],
        Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo 30/06', 'Consuntivo'], ['1', 'A', '>= 200', 90, null]],
      },
    }));
    expect(monitored.period).toMatchObject({ key: '30/06', date: '2024-06-30', yearEnd: false });
    expect(monitored.periods?.map((p) => p.key)).toEqual(['30/06', '31/12']);
    expect(monitored.indicators[0]).toMatchObject({ progress: true, cumulative: true, gap: -110, projection: { atRisk: true } });
    expect(monitored.indicators[0].history?.map((h) => [h.period, h.score])).toEqual([['30/06', 0.45], ['31/12', null]]);
    expect(monitored.objectives[0].history?.map((h) => h.score)).toEqual([0.45, null]);
  });
});

describe('what the panes get of a monitored plan', () => {
  it('top-level objectives carry their line, and a watchlist puts the at-risk first, then not met, then in progress', async () => {
    const { summarize } = await import('../../src/core/index.js');
    const s = summarize(scorePlan({
      sheets: {
        Impostazioni: [['anno', 2025], ['periodo', '30/06']],
        Obiettivi: [['Codice', 'Titolo'], ['1', 'Uno']],
        Indicatori: [
          ['Codice', 'Obiettivo', 'UdM', 'Target', 'Consuntivo 30/06', 'Consuntivo'],
          ['1.1', '1', 'n.', '>= 100', 60, null],
          ['1.2', '1', 'data', '<= 31.10.2025', null, null],
          ['1.3', '1', '%', '>= 90%', '10%', null],
          ['1.4', '1', 'n.', '>= 100', 20, null],
        ],
      },
    }));
    expect(s.objectives[0].history?.map((h) => h.period)).toEqual(['30/06', '31/12']);
    // 1.1: 60 by 30/06 projects to 121: on track, not listed. 1.4: 20 projects to 40: at risk, first. 1.3
    // (a rate at 10% of 90%) is partly met, not at risk (no projection for a rate): not listed. 1.2: in corso.
    expect(s.watchlist?.map((w) => [w.code, w.atRisk, w.status, w.inProgress])).toEqual([
      ['1.4', true, 'partial', false], ['1.2', false, 'notMeasured', true],
    ]);
  });
});
