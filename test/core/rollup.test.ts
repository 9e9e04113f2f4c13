import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scorePlan, summarize, type PlanInput } from '../../src/core/index.js';

const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;

/** Objective 1 of the PIRA 2024 (Semplificazione e digitalizzazione) with its real weights. */
function objectiveOne(actuals: (string | number | null)[], extra: Record<string, unknown> = {}): PlanInput {
  const rows: [string, string, string][] = [
    ['14,28%', '>= 20 N.', 'n.'],
    ['14,29%', 'Entro 31-12-2024', 'data'],
    ['14,28%', '>= 1600 N.', 'n.'],
    ['0,00%', '>= 75,00 %', '%'],
    ['14,29%', '>= 45,00 %', '%'],
    ['14,29%', '>= 0,80 N.', 'n.'],
    ['14,29%', '>= 9 N.', 'n.'],
    ['14,28%', '>= 280 N.', 'n.'],
  ];
  return {
    sheets: {
      Obiettivi: [['Codice', 'Titolo', 'Padre', 'Peso'], ['011', 'Utenti, imprese e territorio', null, null], ['1', 'Semplificazione', '011', '100%']],
      Indicatori: [
        ['Codice', 'Obiettivo', 'Peso', 'Target', 'UdM', 'Consuntivo'],
        ...rows.map(([w, t, u], i) => [`1.${i + 1}`, '1', w, t, u, actuals[i]]),
      ],
      ...extra,
    },
  };
}

describe('roll-up', () => {
  it('is the weighted mean by Peso, 0,00% rows included with no effect', () => {
    const r = scorePlan(objectiveOne([23, '18/12/2024', '1.450', '76,10%', '29,52%', '0,92', 9, 250]));
    const scores = [1, 1, 1450 / 1600, 1, 0.2952 / 0.45, 1, 1, 250 / 280];
    const weights = [0.1428, 0.1429, 0.1428, 0, 0.1429, 0.1429, 0.1429, 0.1428];
    const expected = scores.reduce((s, x, i) => s + x * weights[i], 0) / weights.reduce((a, b) => a + b, 0);
    expect(r.objectives.find((o) => o.code === '1')?.score).toBeCloseTo(expected, 12);
    // The parent has a single child: its result is the child's.
    expect(r.entity.score).toBeCloseTo(expected, 12);
    // Contributions add up to the objective's result.
    const sum = r.indicators.reduce((s, i) => s + (i.contribution ?? 0), 0);
    expect(sum).toBeCloseTo(expected, 12);
    // 14,28% x 3 + 14,29% x 4 + 0,00% = 99,99%... here 100%: 4 x 14,28 + 3 x 14,29 would not be.
    expect(r.issues.filter((i) => i.code === 'weights.sum')).toEqual([]);
  });

  it('leaves children without a measure out, renormalises, and says so', () => {
    const r = scorePlan(objectiveOne([23, null, 1600, '76,10%', '45%', '0,92', 9, 'n.d.']));
    expect(r.objectives.find((o) => o.code === '1')?.score).toBe(1);
    expect(r.indicators.find((i) => i.code === '1.2')?.status).toBe('notMeasured');
    const renorm = r.issues.find((i) => i.code === 'renormalised');
    expect(renorm).toMatchObject({ severity: 'info', sheet: 'Obiettivi', cell: 'A3' });
    expect(r.issues.find((i) => i.code === 'actual.missing')).toMatchObject({ sheet: 'Indicatori', cell: 'F3' });
  });

  it('flags sibling weights that do not add up to 100%', () => {
    const input = objectiveOne([23, '18/12/2024', 1600, '76,10%', '45%', '0,92', 9, 280]);
    (input.sheets.Indicatori[1] as unknown[])[2] = '14,27%';
    const r = scorePlan(input);
    expect(r.issues.find((i) => i.code === 'weights.sum')).toMatchObject({ severity: 'warning', cell: 'A3' });
    expect(r.issues.find((i) => i.code === 'weights.sum')?.message).toContain('99,99%');
  });

  it('uses the simple mean without weights and the weighted mean (Peso su AS) for the entity when asked', () => {
    const base: PlanInput = {
      sheets: {
        Obiettivi: [['Codice', 'Titolo', 'Padre', 'Peso'], ['A', 'A', null, '25%'], ['B', 'B', null, '75%']],
        Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['a', 'A', '>= 100', 100], ['b', 'B', '>= 100', 60]],
      },
    };
    expect(scorePlan(base).entity.score).toBeCloseTo(0.25 + 0.75 * 0.6, 12);
    const simple = { sheets: { ...base.sheets, Impostazioni: [['aggregazione ente', 'media semplice']] } };
    expect(scorePlan(simple).entity.score).toBeCloseTo(0.8, 12);
  });

  it('rolls up at any depth', () => {
    const r = scorePlan({
      sheets: {
        Obiettivi: [
          ['Codice', 'Titolo', 'Padre', 'Peso'],
          ['AS', 'Area', null, null],
          ['OS1', 'Strategico 1', 'AS', '60%'],
          ['OS2', 'Strategico 2', 'AS', '40%'],
          ['OO1', 'Operativo 1', 'OS1', '50%'],
          ['OO2', 'Operativo 2', 'OS1', '50%'],
        ],
        Indicatori: [
          ['Codice', 'Obiettivo', 'Target', 'Consuntivo'],
          ['i1', 'OO1', '>= 10', 10],
          ['i2', 'OO2', '>= 10', 5],
          ['i3', 'OS2', '>= 10', 8],
        ],
      },
    });
    const by = Object.fromEntries(r.objectives.map((o) => [o.code, o]));
    expect(by.OO2.score).toBeCloseTo(0.5, 12);
    expect(by.OS1.score).toBeCloseTo(0.75, 12);
    expect(by.AS.score).toBeCloseTo(0.6 * 0.75 + 0.4 * 0.8, 12);
    expect([by.AS.depth, by.OS1.depth, by.OO1.depth]).toEqual([0, 1, 2]);
  });

  it('reads % raggiungimento against the objective target, capped, and rates it', () => {
    const r = scorePlan({
      sheets: {
        Obiettivi: [['Codice', 'Titolo', 'Target'], ['1', 'Con target', '80%'], ['2', 'Senza target', null]],
        Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['a', '1', '>= 100', 88], ['b', '2', '>= 100', 88]],
      },
    });
    // 88% against a target of 80% is 100% raggiunto: Eccellente. Without a target, 88% is Buono.
    expect(r.objectives[0]).toMatchObject({ score: 0.88, achievement: 1, rating: 'Eccellente' });
    expect(r.objectives[1]).toMatchObject({ score: 0.88, achievement: 0.88, rating: 'Buono' });
  });

  it('gives n.d. (null), not 0, to an objective with nothing measured, and leaves it out above', () => {
    const r = scorePlan({
      sheets: {
        Obiettivi: [['Codice', 'Titolo', 'Padre', 'Peso'], ['1', 'Misurato', null, '50%'], ['2', 'Niente', null, '50%'], ['2.1', 'Sotto', '2', null]],
        Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['a', '1', '>= 100', 60], ['b', '2.1', '>= 100', null], ['c', '2.1', '>= 100', 'n.d.']],
      },
    });
    const byCode = Object.fromEntries(r.objectives.map((o) => [o.code, o]));
    expect(byCode['2.1']).toMatchObject({ score: null, achievement: null, rating: null });
    expect(byCode['2']).toMatchObject({ score: null, rating: null });
    expect(r.entity.score).toBe(0.6);
    expect(r.issues.filter((i) => i.code === 'objective.empty').map((i) => i.cell)).toEqual(['A3', 'A4']);
  });

  it('groups by attribute without feeding the entity', () => {
    const r = scorePlan(pira);
    const groups = r.groups.Prospettiva;
    expect(Object.keys(groups).sort()).toEqual(['Apprendimento e crescita', 'Economico-finanziaria', 'Processi interni', 'Utenti-imprese-territorio']);
    const top = r.objectives.filter((o) => o.depth === 0);
    for (const [value, score] of Object.entries(groups)) {
      const members = top.filter((o) => o.attributes.Prospettiva === value);
      expect(score).toBeCloseTo(members.reduce((s, o) => s + (o.score as number), 0) / members.length, 12);
    }
    // The PIRA entity result is the simple mean of its four ambiti (aggregazione ente: media semplice).
    expect(r.entity.score).toBeCloseTo(top.reduce((s, o) => s + (o.score as number), 0) / top.length, 12);
  });

  it('scores the year asked for among multi-year targets', () => {
    const plan: PlanInput = {
      sheets: {
        Indicatori: [['Codice', 'Obiettivo', 'Target 2024', 'Target 2025', 'Consuntivo'], ['a', '1', '>= 20', '>= 25', 20]],
      },
    };
    expect(scorePlan(plan, { year: 2024 }).indicators[0].score).toBe(1);
    expect(scorePlan(plan, { year: 2025 }).indicators[0].score).toBeCloseTo(0.8, 12);
    const withSetting = { sheets: { ...plan.sheets, Impostazioni: [['anno', 2025]] } };
    expect(scorePlan(withSetting).indicators[0].score).toBeCloseTo(0.8, 12);
    // No year: the first column, with a warning that says which.
    const r = scorePlan(plan);
    expect(r.settings.year).toBe(2024);
    expect(r.issues.find((i) => i.code === 'year.missing')).toMatchObject({ severity: 'warning', cell: 'C1' });
  });

  it('summarises for the panes', () => {
    const s = summarize(scorePlan(pira));
    expect(s.objectives.map((o) => o.code)).toEqual(['011', '032', '012', '016']);
    expect(s.statusCounts.excluded).toBe(1);
    expect(s.statusCounts.overridden).toBe(1);
    expect(Object.values(s.statusCounts).reduce((a, b) => a + b, 0)).toBe(s.indicatorCount);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
