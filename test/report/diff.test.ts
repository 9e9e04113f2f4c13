import { describe, expect, it } from 'vitest';
import { scorePlan, type CellValue, type PlanInput } from '../../src/core/index.js';
import { diffPlans, formatDiffText, renderDiff } from '../../src/report/diff.js';

const HEADER = ['Codice', 'Indicatore', 'Obiettivo', 'Peso', 'Target', 'Consuntivo', 'Override', 'Nota'];

function plan(indicators: CellValue[][], objectives?: CellValue[][]): PlanInput {
  return {
    sheets: {
      Obiettivi: objectives ?? [['Codice', 'Titolo', 'Padre', 'Peso'], ['A', 'Area', null, null], ['A.1', 'Uno', 'A', '50%'], ['A.2', 'Due', 'A', '50%']],
      Indicatori: [HEADER, ...indicators],
    },
  };
}

const BASE: CellValue[][] = [
  ['i1', 'Primo', 'A.1', '50%', '>= 10', 8, null, null],
  ['i2', 'Secondo', 'A.1', '50%', '>= 10', 10, null, null],
  ['i3', 'Terzo', 'A.2', '100%', '<= 5 gg', 4, null, null],
];

function diff(before: CellValue[][], after: CellValue[][], objectivesAfter?: CellValue[][]) {
  const a = plan(before);
  const b = plan(after, objectivesAfter);
  return diffPlans({ input: a, result: scorePlan(a) }, { input: b, result: scorePlan(b) });
}

const edit = (rows: CellValue[][], code: string, col: string, value: CellValue) =>
  rows.map((r) => (r[0] === code ? r.map((v, i) => (HEADER[i] === col ? value : v)) : r));

describe('diff', () => {
  it('sees no change when rows are only reordered', () => {
    const d = diff(BASE, [BASE[2], BASE[0], BASE[1]]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([]);
    expect(formatDiffText(d, 'it')).toContain('Nessuna differenza.');
  });

  it.each([
    ['Target', 'target', '>= 8', '>= 10', '>= 8'],
    ['Peso', 'weight', '30%', '50,00%', '30,00%'],
    ['Consuntivo', 'actual', 9, '8', '9'],
    ['Override', 'override', '70%', '', '70,00%'],
    ['Nota', 'note', 'Causa esterna', '', 'Causa esterna'],
  ] as const)('reports a changed %s and how it moved the scores', (column, field, value, before, after) => {
    const d = diff(BASE, edit(BASE, 'i1', column, value));
    expect(d.changed).toContainEqual({ kind: 'indicator', code: 'i1', field, before, after });
    const impact = d.impacts.find((i) => i.code === 'i1');
    expect(impact).toBeDefined();
    if (field === 'note') {
      expect(impact?.path).toEqual([]);
    } else if (field === 'weight') {
      // A weight moves the parent's mean, not the indicator's own score.
      expect(impact?.path.map((m) => m.code)).toEqual(['A.1', 'A', '']);
    } else {
      // i1 -> A.1 -> A -> entity all move when the score of i1 moves.
      expect(impact?.path.map((m) => m.code)).toEqual(['i1', 'A.1', 'A', '']);
      expect(impact?.path[0].before).toBeCloseTo(0.8, 12);
    }
  });

  it('reports a renamed code as one removal and one addition', () => {
    const d = diff(BASE, BASE.map((r) => (r[0] === 'i3' ? ['i3bis', ...r.slice(1)] : r)));
    expect(d.removed).toEqual([{ kind: 'indicator', code: 'i3', label: 'Terzo' }]);
    expect(d.added).toEqual([{ kind: 'indicator', code: 'i3bis', label: 'Terzo' }]);
    expect(d.changed).toEqual([]);
  });

  it('reports added and removed indicators with their effect', () => {
    const d = diff(BASE, [...BASE.slice(0, 2), ['i4', 'Quarto', 'A.2', '100%', '>= 10', 5, null, null]]);
    expect(d.added.map((a) => a.code)).toEqual(['i4']);
    expect(d.removed.map((a) => a.code)).toEqual(['i3']);
    const added = d.impacts.find((i) => i.code === 'i4');
    expect(added?.path[0]).toEqual({ code: 'i4', before: null, after: 0.5 });
    expect(d.entity.after).toBeCloseTo(0.5 * 0.9 + 0.5 * 0.5, 12);
  });

  it('reports objective changes (weights, parents)', () => {
    const objectives = [['Codice', 'Titolo', 'Padre', 'Peso'], ['A', 'Area', null, null], ['A.1', 'Uno', 'A', '70%'], ['A.2', 'Due', 'A', '30%']];
    const d = diff(BASE, BASE, objectives);
    expect(d.changed).toEqual([
      { kind: 'objective', code: 'A.1', field: 'weight', before: '50,00%', after: '70,00%' },
      { kind: 'objective', code: 'A.2', field: 'weight', before: '50,00%', after: '30,00%' },
    ]);
    expect(d.impacts.find((i) => i.code === 'A.1')?.path.map((m) => m.code)).toEqual(['A', '']);
  });

  it('renders text and HTML in Italian and English', () => {
    const d = diff(BASE, edit(BASE, 'i1', 'Target', '>= 8'));
    const it = formatDiffText(d, 'it');
    expect(it).toContain('~ Indicatore i1 Target: ">= 10" → ">= 8"');
    expect(it).toMatch(/Indicatore i1: i1 80,00% → 100,00% ⇒ A\.1 90,00% → 100,00%/);
    expect(formatDiffText(d, 'en')).toContain('~ Indicator i1 Target');
    expect(renderDiff(d, 'it')).toContain('<td>&gt;= 10</td><td>&gt;= 8</td>');
  });
});
