import { describe, expect, it } from 'vitest';
import { resultJson, scorePlan, type PlanInput } from '../../src/core/index.js';

/**
 * A tree where Responsabile sits at every level:
 *   A (Rossi, Area Nord) -> A.1 (Bianchi) 80%, A.2 (Rossi) 60%, A.3 100%        A = 80%
 *   B (Verdi) -> B.1 (Bianchi) -> B.1.1 (Neri) 50%, B.1.2 (Bianchi) 90%         B.1 = B = 70%
 *   C -> C.1 (Rossi) 90%                                                         C = 90%
 *   D (Gialli) -> D.1 nothing measured                                           D = n.d.
 * One indicator per leaf, target >= 100, so each leaf's result is its actual in percent.
 */
function tree(): PlanInput {
  const objectives: (string | null)[][] = [
    ['Codice', 'Titolo', 'Padre', 'Responsabile', 'Area'],
    ['A', 'Area A', null, 'Rossi', 'Nord'],
    ['A.1', 'A uno', 'A', 'Bianchi', null],
    ['A.2', 'A due', 'A', 'Rossi', null],
    ['A.3', 'A tre', 'A', null, null],
    ['B', 'Area B', null, 'Verdi', null],
    ['B.1', 'B uno', 'B', 'Bianchi', null],
    ['B.1.1', 'B uno uno', 'B.1', 'Neri', null],
    ['B.1.2', 'B uno due', 'B.1', 'Bianchi', null],
    ['C', 'Area C', null, null, null],
    ['C.1', 'C uno', 'C', 'Rossi', null],
    ['D', 'Area D', null, 'Gialli', null],
    ['D.1', 'D uno', 'D', null, null],
  ];
  const leaves: [string, number | null][] = [['A.1', 80], ['A.2', 60], ['A.3', 100], ['B.1.1', 50], ['B.1.2', 90], ['C.1', 90], ['D.1', null]];
  return {
    sheets: {
      Obiettivi: objectives,
      Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ...leaves.map(([o, actual]) => [`${o}.k`, o, '>= 100', actual])],
    },
  };
}

describe('groups at every level', () => {
  const result = scorePlan(tree());

  it.each([
    // attribute, value, expected mean, which objectives it is the mean of
    ['Responsabile', 'Rossi', 0.85, 'A (A.2 counts through A) and C.1 (C does not carry Rossi)'],
    ['Responsabile', 'Bianchi', 0.75, 'A.1 under Rossi, B.1 under Verdi (B.1.2 counts through B.1)'],
    ['Responsabile', 'Verdi', 0.7, 'B'],
    ['Responsabile', 'Neri', 0.5, 'B.1.1, three levels down'],
    ['Responsabile', 'Gialli', null, 'D, nothing measured: n.d., not 0'],
    ['Area', 'Nord', 0.8, 'A only: children without the value are not a group of their own'],
  ] as [string, string, number | null, string][])('%s %s = %s: %s', (attribute, value, expected) => {
    const got = result.groups[attribute]?.[value];
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 12);
  });

  it('has no other groups, and values appear in the order of the sheet', () => {
    expect(Object.keys(result.groups)).toEqual(['Responsabile', 'Area']);
    expect(Object.keys(result.groups.Responsabile)).toEqual(['Rossi', 'Bianchi', 'Verdi', 'Neri', 'Gialli']);
    expect(Object.keys(result.groups.Area)).toEqual(['Nord']);
  });

  it('never feeds the entity, and the JSON carries the same groups', () => {
    // Simple mean of A, B, C (D is n.d.): (0.8 + 0.7 + 0.9) / 3.
    expect(result.entity.score).toBeCloseTo(0.8, 12);
    expect(resultJson(result).groups).toEqual(result.groups);
  });

  it('an operational objective with the same value as its parent does not count twice', () => {
    const input = tree();
    // A.2 now carries Bianchi instead of Rossi: Rossi keeps A and C.1, Bianchi gains A.2 (60%).
    input.sheets.Obiettivi[3][3] = 'Bianchi';
    const r = scorePlan(input);
    expect(r.groups.Responsabile.Rossi).toBeCloseTo(0.85, 12);
    expect(r.groups.Responsabile.Bianchi).toBeCloseTo((0.8 + 0.7 + 0.6) / 3, 12);
  });
});
