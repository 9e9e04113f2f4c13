import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scorePlan, type CellValue, type PlanInput } from '../../src/core/index.js';
import { scorePeople, peopleJson, personCard, type PeopleResult } from '../../src/core/people.js';

/**
 * A small scored plan whose results are easy to check by hand (target >= 100, so a leaf's score is its
 * actual in percent):
 *   A (Resp. Rossi)  -> A.1 (Bianchi): A.1.a 80%             A.1 = 80%
 *                    -> A.2: A.2.a 100% (Resp. Neri), A.2.b 60%  A.2 = 80%      A = 80%
 *   B (Resp. Verdi)  -> B.1 (Verdi): B.1.a 90% (Resp. Verdi), B.1.b not measured   B.1 = B = 90%
 *   entity = mean(A, B) = 85%
 */
function plan(extra: Record<string, CellValue[][]> = {}, settings: [string, CellValue][] = []): PlanInput {
  return {
    sheets: {
      Obiettivi: [
        ['Codice', 'Titolo', 'Padre', 'Responsabile'],
        ['A', 'Area A', null, 'Rossi'],
        ['A.1', 'A uno', 'A', 'Bianchi'],
        ['A.2', 'A due', 'A', null],
        ['B', 'Area B', null, 'Verdi'],
        ['B.1', 'B uno', 'B', 'Verdi'],
      ],
      Indicatori: [
        ['Codice', 'Indicatore', 'Obiettivo', 'Target', 'Consuntivo', 'Responsabile'],
        ['A.1.a', 'Pratiche', 'A.1', '>= 100', 80, null],
        ['A.2.a', 'Eventi', 'A.2', '>= 100', 100, 'Neri'],
        ['A.2.b', 'Imprese', 'A.2', '>= 100', 60, null],
        ['B.1.a', 'Incassi', 'B.1', '>= 100', 90, 'Verdi'],
        ['B.1.b', 'Tempi', 'B.1', '>= 100', null, null],
      ],
      Impostazioni: [['Chiave', 'Valore'], ...settings],
      ...extra,
    },
  };
}

function people(input: PlanInput, lang: 'it' | 'en' = 'it'): PeopleResult {
  return scorePeople(input, scorePlan(input), lang);
}

const person = (r: PeopleResult, name: string) => {
  const p = r.people.find((x) => x.name === name);
  if (!p) throw new Error(`no ${name} in ${r.people.map((x) => x.name).join(', ')}`);
  return p;
};

const issueAt = (r: PeopleResult, code: string) => r.issues.filter((i) => i.code === code).map((i) => `${i.sheet}!${i.cell}`);

describe('assignments from Responsabile, at any level, when there is no Assegnazioni sheet', () => {
  const r = people(plan());

  it.each([
    // person, what they are assigned (highest of each branch they are responsible for), results by hand
    ['Rossi', ['A'], 0.8],
    ['Bianchi', ['A.1'], 0.8],
    ['Verdi', ['B'], 0.9], // B.1 and its indicator B.1.a count through B
    ['Neri', ['A.2.a'], 1], // an indicator's Responsabile
  ] as const)('%s gets %j: results %s', (name, codes, results) => {
    const p = person(r, name);
    expect(p.assignments.map((a) => a.code)).toEqual(codes);
    expect(p.results).toBeCloseTo(results, 12);
    expect(p.organisational).toBeCloseTo(0.85, 12);
  });

  it('says where the assignments came from and nobody else appears', () => {
    expect(r.source).toBe('owners');
    expect(r.people.map((p) => p.name)).toEqual(['Rossi', 'Bianchi', 'Verdi', 'Neri']);
  });

  it('splits two people in one cell and assigns equal weights', () => {
    const input = plan();
    input.sheets.Obiettivi[3][3] = 'Gialli; Rossi';
    const r2 = people(input);
    // A.2 under A: Rossi has it through A; Gialli gets it.
    expect(person(r2, 'Rossi').assignments.map((a) => a.code)).toEqual(['A']);
    expect(person(r2, 'Gialli').assignments.map((a) => a.code)).toEqual(['A.2']);
    const bianchi = people({ sheets: { ...input.sheets, Indicatori: [...input.sheets.Indicatori, ['B.1.c', 'X', 'B.1', '>= 100', 70, 'Bianchi']] } });
    const b = person(bianchi, 'Bianchi');
    expect(b.assignments.map((a) => [a.code, a.weight])).toEqual([['A.1', 0.5], ['B.1.c', 0.5]]);
    expect(b.results).toBeCloseTo(0.75, 12);
  });

  it('with no individual rules in the workbook, these schede add no issues to the plan', () => {
    expect(r.issues).toEqual([]);
    // Once the workbook sets a composition, a role without one is reported.
    const ruled = people(plan({}, [['composizione dirigente', 'risultati 100%']]));
    expect(ruled.issues.map((i) => i.code)).toEqual(['people.composition.missing']);
  });

  it('no Responsabile and no sheets: nobody, no issues', () => {
    const input = plan();
    for (const row of input.sheets.Obiettivi.slice(1)) row[3] = null;
    for (const row of input.sheets.Indicatori.slice(1)) row[5] = null;
    const none = people(input);
    expect(none).toMatchObject({ source: 'none', people: [], evaluators: [], issues: [] });
  });
});

describe('assignments from the Assegnazioni sheet', () => {
  const sheet = (rows: CellValue[][]): Record<string, CellValue[][]> => ({
    Assegnazioni: [['Persona', 'Ruolo', 'Codice', 'Peso', 'Valutatore'], ...rows],
  });

  it.each([
    // rows of Assegnazioni, person, results by hand
    ['weights 60/40', [['Anna', 'dirigente', 'A', '60%', 'Direttore'], ['Anna', null, 'B.1.a', '40%', null]], 'Anna', 0.6 * 0.8 + 0.4 * 0.9],
    ['weights as points', [['Bruno', 'dipendente', 'A.2.a', 50, 'Anna'], ['Bruno', null, 'A.1.a', 50, null]], 'Bruno', 0.9],
    ['no weights: simple mean', [['Carla', null, 'A.2', null, null], ['Carla', null, 'B', null, null]], 'Carla', 0.85],
    ['an unmeasured indicator is left out', [['Dario', null, 'B.1.b', '50%', null], ['Dario', null, 'A.2.b', '50%', null]], 'Dario', 0.6],
    ['a code typed as a number', [['Elena', null, 1.1, null, null]], 'Elena', null],
  ] as const)('%s', (_, rows, name, results) => {
    const input = plan(sheet(rows as unknown as CellValue[][]));
    if (name === 'Elena') input.sheets.Obiettivi.push(['1.1', 'Numero', null, null]);
    const r = people(input);
    expect(r.source).toBe('sheet');
    const p = person(r, name);
    if (results === null) expect(p.results).toBeNull();
    else expect(p.results).toBeCloseTo(results, 12);
  });

  it('ignores Responsabile when the sheet exists, reads roles, evaluators and headers below a title', () => {
    const r = people(plan({
      Assignments: [['Individual objectives 2024'], [], ['PERSON', 'role', 'Objective', 'Indicator', 'weight', 'EVALUATOR'], ['Anna', 'Manager', 'A', null, '100%', 'Board']],
    }));
    expect(r.people.map((p) => [p.name, p.role, p.evaluator, p.assignments.map((a) => `${a.kind}:${a.code}`)])).toEqual([['Anna', 'Manager', 'Board', ['objective:A']]]);
  });

  it('the Obiettivo and Indicatore columns settle a code that is both', () => {
    const input = plan({
      Assegnazioni: [['Persona', 'Obiettivo', 'Indicatore', 'Codice'], ['Anna', 'X', null, null], ['Bruno', null, 'X', null], ['Carla', null, null, 'X']],
    });
    input.sheets.Obiettivi.push(['X', 'Obiettivo X', 'B', null]);
    input.sheets.Indicatori.push(['X', 'Indicatore X', 'A.2', '>= 100', 70, null]);
    const r = people(input);
    expect(person(r, 'Anna').assignments[0].kind).toBe('objective');
    expect(person(r, 'Bruno').assignments[0].kind).toBe('indicator');
    expect(person(r, 'Carla').assignments[0].kind).toBe('objective');
    expect(issueAt(r, 'people.code.ambiguous')).toEqual(['Assegnazioni!D4']);
  });

  it.each([
    // rows, issue code, cell, severity
    ['weights not summing to 100%', [['Anna', null, 'A', '30%', null], ['Anna', null, 'B', '30%', null]], 'people.weights.sum', 'Assegnazioni!D2', 'warning'],
    ['weights on some rows only', [['Anna', null, 'A', '30%', null], ['Anna', null, 'B', null, null]], 'people.weights.mixed', 'Assegnazioni!D2', 'warning'],
    ['unknown code', [['Anna', null, 'A', null, null], ['Anna', null, 'Z.9', null, null]], 'people.code.unknown', 'Assegnazioni!C3', 'error'],
    ['same code twice', [['Anna', null, 'A', null, null], ['anna', null, 'A', null, null]], 'people.assignment.duplicate', 'Assegnazioni!C3', 'warning'],
    ['unreadable weight', [['Anna', null, 'A', 'tanto', null]], 'weight.unreadable', 'Assegnazioni!D2', 'error'],
    ['row without a person', [[null, null, 'A', null, null]], 'people.person.missing', 'Assegnazioni!A2', 'warning'],
    ['person without assignments', [['Anna', 'dirigente', null, null, 'Direttore']], 'people.noAssignments', 'Assegnazioni!A2', 'warning'],
    ['two roles', [['Anna', 'dirigente', 'A', null, null], ['Anna', 'dipendente', 'B', null, null]], 'people.role.conflict', 'Assegnazioni!B3', 'warning'],
    ['two evaluators', [['Anna', null, 'A', null, 'X'], ['Anna', null, 'B', null, 'Y']], 'people.evaluator.conflict', 'Assegnazioni!E3', 'warning'],
    ['one assignment not measured', [['Anna', null, 'A', null, null], ['Anna', null, 'B.1.b', null, null]], 'people.notMeasured', 'Assegnazioni!A2', 'info'],
  ] as const)('%s: an issue at its cell', (_, rows, code, at, severity) => {
    const r = people(plan(sheet(rows as unknown as CellValue[][])));
    expect(issueAt(r, code)).toEqual([at]);
    expect(r.issues.find((i) => i.code === code)?.severity).toBe(severity);
    expect(r.issues.find((i) => i.code === code)?.message).toMatch(/Anna|Z\.9|persona|A\b/);
  });

  it('weights not summing are renormalised; an unknown code is left out of the mean', () => {
    const r = people(plan(sheet([['Anna', null, 'A', '30%', null], ['Anna', null, 'B', '30%', null], ['Bruno', null, 'A', null, null], ['Bruno', null, 'Z.9', null, null]])));
    expect(person(r, 'Anna').results).toBeCloseTo(0.85, 12);
    expect(person(r, 'Anna').assignments.map((a) => a.weight)).toEqual([0.5, 0.5]);
    expect(person(r, 'Bruno').assignments.map((a) => a.code)).toEqual(['A']);
    expect(person(r, 'Bruno').results).toBeCloseTo(0.8, 12);
  });

  it('messages follow the language', () => {
    const r = people(plan(sheet([['Anna', null, 'Z.9', null, null]])), 'en');
    expect(r.issues.find((i) => i.code === 'people.code.unknown')?.message).toBe('Code Z.9 assigned to Anna is neither an objective nor an indicator: row ignored.');
  });
});

describe('behaviours and the composition per role', () => {
  const settings: [string, CellValue][] = [
    ['composizione dirigente', 'risultati 60%; organizzativa 20%; comportamenti 20%'],
    ['composizione dipendente', 'risultati 40%; comportamenti 60%'],
    ['scala comportamenti', '1-5'],
  ];
  const assignments: CellValue[][] = [
    ['Persona', 'Ruolo', 'Codice', 'Peso', 'Valutatore'],
    ['Anna', 'Dirigente', 'A', '60%', 'Direttore'],
    ['Anna', null, 'B.1.a', '40%', null],
    ['Bruno', 'dipendente', 'A.2.a', '50%', 'Anna'],
    ['Bruno', null, 'A.1.a', '50%', null],
  ];
  const behaviours: CellValue[][] = [
    ['Persona', 'Comportamento', 'Peso', 'Valutazione'],
    ['Anna', 'Leadership', '50%', 4],
    ['Anna', 'Differenziazione dei giudizi', '50%', 5],
    ['Bruno', 'Collaborazione', '100%', '3'],
  ];
  const r = people(plan({ Assegnazioni: assignments, Comportamenti: behaviours }, settings));

  it.each([
    // name, results, organisational, behaviours, total: all by hand
    ['Anna', 0.84, 0.85, 0.9, 0.6 * 0.84 + 0.2 * 0.85 + 0.2 * 0.9],
    ['Bruno', 0.9, 0.85, 0.6, 0.4 * 0.9 + 0.6 * 0.6],
  ] as const)('%s: results %s, organisational %s, behaviours %s', (name, results, organisational, behaviours, total) => {
    const p = person(r, name);
    expect(p.results).toBeCloseTo(results, 12);
    expect(p.organisational).toBeCloseTo(organisational, 12);
    expect(p.behaviours).toBeCloseTo(behaviours, 12);
    expect(p.total).toBeCloseTo(total, 12);
  });

  it('the plan\'s own settings reader leaves these keys alone (no "unknown setting")', () => {
    const input = plan({}, [...settings, ['fasce premiali', '90%:A; 0%:B'], ['coefficienti premiali', 'A: 1'], ['fondo premiale', 1000], ['differenziazione minima', '5%'], ['chiave ignota', 'x']]);
    expect(scorePlan(input).issues.filter((i) => i.code === 'setting.unknown').map((i) => i.cell)).toEqual(['A9']);
  });

  it('reports the composition used, role matched in any case', () => {
    expect(person(r, 'Anna').composition).toEqual({ results: 0.6, organisational: 0.2, behaviours: 0.2 });
    expect(person(r, 'Bruno').composition).toEqual({ results: 0.4, organisational: 0, behaviours: 0.6 });
    expect(person(r, 'Anna').behaviourRatings.map((b) => [b.name, b.rating, b.value, b.weight])).toEqual([
      ['Leadership', 4, 0.8, 0.5], ['Differenziazione dei giudizi', 5, 1, 0.5],
    ]);
    expect(r.issues).toEqual([]);
  });

  it.each([
    // scala comportamenti, rating, behaviours component (v / top of the scale)
    ['1-5', 4, 0.8],
    ['1-5', 1, 0.2],
    ['0-10', 7, 0.7],
    ['0-10', '7,5', 0.75],
    ['0-10', 0, 0],
    ['da 1 a 4', 3, 0.75],
    ['0–100', 85, 0.85],
    [null, 5, 1], // default 1-5
  ] as const)('scale %s, rating %s -> %s', (scale, rating, expected) => {
    const r2 = people(plan(
      { Assegnazioni: [['Persona', 'Codice'], ['Anna', 'A']], Comportamenti: [['Persona', 'Comportamento', 'Valutazione'], ['Anna', 'Impegno', rating]] },
      scale === null ? [] : [['scala comportamenti', scale]],
    ));
    expect(person(r2, 'Anna').behaviours).toBeCloseTo(expected, 12);
    expect(r2.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it.each([
    // scale, rating, issue code at Comportamenti!C2
    ['1-5', 6, 'people.rating.outOfScale'],
    ['1-5', 0, 'people.rating.outOfScale'],
    ['0-10', 'ottimo', 'people.rating.unreadable'],
    ['0-10', '80%', 'people.rating.unreadable'],
    ['0-10', null, 'people.rating.missing'],
  ] as const)('scale %s, rating %s: %s, behaviour left out', (scale, rating, code) => {
    const r2 = people(plan(
      { Assegnazioni: [['Persona', 'Codice'], ['Anna', 'A']], Comportamenti: [['Persona', 'Comportamento', 'Valutazione'], ['Anna', 'Impegno', rating], ['Anna', 'Puntualità', 4]] },
      [['scala comportamenti', scale]],
    ));
    expect(issueAt(r2, code)).toEqual(['Comportamenti!C2']);
    expect(person(r2, 'Anna').behaviours).toBeCloseTo(scale === '1-5' ? 0.8 : 0.4, 12);
  });

  it('a person only in Comportamenti has no assignments: an issue, total from behaviours', () => {
    const r2 = people(plan({ Assegnazioni: assignments, Comportamenti: [...behaviours, ['Carla', 'Impegno', null, 5]] }, settings));
    expect(issueAt(r2, 'people.noAssignments')).toEqual(['Comportamenti!A5']);
    const carla = person(r2, 'Carla');
    expect(carla.results).toBeNull();
    expect(carla.total).toBe(1);
  });

  it('a role without composition: equal parts of results and behaviours, one info per role', () => {
    const r2 = people(plan({ Assegnazioni: [['Persona', 'Ruolo', 'Codice'], ['Anna', 'PO', 'A'], ['Bruno', 'PO', 'B']], Comportamenti: behaviours }));
    expect(person(r2, 'Anna').total).toBeCloseTo((0.8 + 0.9) / 2, 12);
    expect(person(r2, 'Bruno').total).toBeCloseTo((0.9 + 0.6) / 2, 12);
    expect(issueAt(r2, 'people.composition.missing')).toEqual(['Impostazioni!']);
  });

  it('the plain composizione key covers every role without its own', () => {
    const r2 = people(plan({ Assegnazioni: assignments, Comportamenti: behaviours }, [['composizione', 'risultati 100%'], settings[0]]));
    expect(person(r2, 'Bruno').total).toBeCloseTo(0.9, 12);
    expect(person(r2, 'Anna').total).toBeCloseTo(0.854, 12);
  });

  it.each([
    // composition text, Anna's total (results 84%, organisational 85%, behaviours 90%), issue
    ['risultati 60%; organizzativa 20%; comportamenti 20%', 0.854, null],
    ['60% risultati; 20% organizzativa; 20% comportamenti', 0.854, null],
    ['risultati: 60; ente: 20; comportamenti: 20', 0.854, null],
    ['results 50%; behaviours 50%', 0.87, null],
    ['risultati 60%; comportamenti 20%', (0.6 * 0.84 + 0.2 * 0.9) / 0.8, 'people.composition.sum'],
    ['risultati molto', 0.84, 'setting.unreadable'], // unreadable: results 100%
  ] as const)('composizione dirigente = %s', (text, total, code) => {
    const r2 = people(plan({ Assegnazioni: assignments, Comportamenti: behaviours }, [['composizione dirigente', text]]));
    expect(person(r2, 'Anna').total).toBeCloseTo(total, 12);
    if (code) expect(issueAt(r2, code)).toEqual(['Impostazioni!B2']);
    else expect(r2.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('a component the role needs but the person lacks: warning, the others renormalised', () => {
    const r2 = people(plan({ Assegnazioni: assignments }, settings));
    expect(issueAt(r2, 'people.component.missing')).toEqual(['Assegnazioni!A2', 'Assegnazioni!A4']);
    expect(person(r2, 'Anna').total).toBeCloseTo((0.6 * 0.84 + 0.2 * 0.85) / 0.8, 12);
    expect(person(r2, 'Bruno').total).toBeCloseTo(0.9, 12);
  });

  it('behaviour weights not summing to 100%: warning at the first Peso, renormalised', () => {
    const r2 = people(plan({ Assegnazioni: assignments, Comportamenti: [['Persona', 'Comportamento', 'Peso', 'Valutazione'], ['Anna', 'X', '30%', 5], ['Anna', 'Y', '30%', 3]] }, settings));
    expect(issueAt(r2, 'people.behaviourWeights.sum')).toEqual(['Comportamenti!C2']);
    expect(person(r2, 'Anna').behaviours).toBeCloseTo(0.8, 12);
  });
});

describe('an English workbook', () => {
  it('reads Assignments, Behaviours and the English settings keys', () => {
    const r = people(plan(
      {
        Assignments: [['Person', 'Role', 'Code', 'Weight', 'Evaluator'], ['Anna', 'Manager', 'A', '50%', 'Board'], ['Anna', null, 'B', '50%', null]],
        Behaviours: [['Person', 'Behaviour', 'Weight', 'Rating'], ['Anna', 'Leadership', '100%', 7]],
      },
      [
        ['composition manager', 'results 60%; organisational 20%; behaviours 20%'], ['behaviour scale', '0-10'],
        ['bonus bands', '85%:top; 0%:other'], ['bonus coefficients', 'top: 1; other: 0'], ['bonus fund', 1000], ['minimum differentiation', '5%'],
      ],
    ), 'en');
    // results 85%, organisational 85%, behaviours 70%: 0.6 x 85% + 0.2 x 85% + 0.2 x 70% = 82%.
    expect(person(r, 'Anna')).toMatchObject({ role: 'Manager', evaluator: 'Board', band: 'other', bonusShare: 0, bonusAmount: 0 });
    expect(person(r, 'Anna').total).toBeCloseTo(0.82, 12);
    expect(r.issues).toEqual([]);
  });
});

describe('bonus bands with exact edges', () => {
  /** One person: results from objective A (80%) or B (90%), behaviours from one rating on 0-100. */
  function total(composition: string, code: string, rating: number) {
    const r = people(plan(
      { Assegnazioni: [['Persona', 'Codice'], ['Anna', code]], Comportamenti: [['Persona', 'Comportamento', 'Valutazione'], ['Anna', 'Impegno', rating]] },
      [['composizione', composition], ['scala comportamenti', '0-100'], ['fasce premiali', '90%:fascia 1; 80%:fascia 2; 60%:fascia 3']],
    ));
    return person(r, 'Anna');
  }

  it.each([
    // composition, code, rating, band: 0.3 x 80% + 0.7 x 80% is 0.7999999999999999 in floats, exactly 80% here
    ['risultati 30%; comportamenti 70%', 'A', 80, 'fascia 2'],
    ['risultati 20%; comportamenti 80%', 'B', 90, 'fascia 1'], // 0.9000000000000001 in floats, either way fascia 1
    ['risultati 60%; organizzativa 20%; comportamenti 20%', 'B', 90, 'fascia 2'], // 0.6 x 90% + 0.2 x 85% + 0.2 x 90% = 89%
    ['risultati 30%; comportamenti 70%', 'A', 79, 'fascia 3'], // 79,3%
    ['risultati 50%; comportamenti 50%', 'A', 40, 'fascia 3'], // exactly 60%
    ['risultati 50%; comportamenti 50%', 'A', 39, null], // 59,5%: below the lowest band, no band
  ] as const)('%s, %s, rating %s -> %s', (composition, code, rating, band) => {
    expect(total(composition, code, rating).band).toBe(band);
  });

  it('89% is not fascia 1 (the third row above)', () => {
    expect(total('risultati 60%; organizzativa 20%; comportamenti 20%', 'B', 90).total).toBeCloseTo(0.89, 12);
  });

  it('bonus shares by band coefficient, per fund', () => {
    const r = people(plan(
      {
        Assegnazioni: [['Persona', 'Ruolo', 'Codice'], ['Anna', 'dirigente', 'B'], ['Bruno', 'dipendente', 'B'], ['Carla', 'dipendente', 'A'], ['Dario', 'dipendente', 'A.2.b']],
      },
      [
        ['composizione', 'risultati 100%'],
        ['fasce premiali', '90%:fascia 1; 80%:fascia 2; 0%:fascia 3'],
        ['coefficienti premiali', 'fascia 1: 1,2; fascia 2: 1; fascia 3: 0'],
        ['fondo premiale', '11.000 €'],
        ['fondo premiale dirigente', 5000],
      ],
    ));
    // Dirigenti have their own fund: Anna alone takes it. Dipendenti: Bruno 1,2, Carla 1, Dario 0 -> 1,2/2,2 and 1/2,2.
    expect(r.people.map((p) => [p.name, p.band, p.bonusShare, p.bonusAmount])).toEqual([
      ['Anna', 'fascia 1', 1, 5000],
      ['Bruno', 'fascia 1', 1.2 / 2.2, 6000],
      ['Carla', 'fascia 2', 1 / 2.2, 5000],
      ['Dario', 'fascia 3', 0, 0],
    ]);
  });

  it('a band without coefficient: coefficient 0 and a warning at the setting', () => {
    const r = people(plan(
      { Assegnazioni: [['Persona', 'Codice'], ['Anna', 'B'], ['Bruno', 'A']] },
      [['composizione', 'risultati 100%'], ['fasce premiali', '90%:alta; 0%:base'], ['coefficienti premiali', 'alta: 2']],
    ));
    expect(r.people.map((p) => p.bonusShare)).toEqual([1, 0]);
    expect(r.people.map((p) => p.bonusAmount)).toEqual([null, null]);
    expect(issueAt(r, 'people.coefficient.missing')).toEqual(['Impostazioni!B4']);
  });
});

describe('differentiation per evaluator', () => {
  /** People each assigned a single indicator whose score is their total (composition: results 100%). */
  function evaluate(rows: [string, string, number][], extra: [string, CellValue][] = []) {
    const input = plan({ Assegnazioni: [['Persona', 'Codice', 'Valutatore'], ...rows.map(([name, evaluator], i) => [name, `P.${i}`, evaluator])] }, [
      ['composizione', 'risultati 100%'], ['fasce premiali', '90%:fascia 1; 75%:fascia 2; 0%:fascia 3'], ...extra,
    ]);
    rows.forEach(([, , score], i) => input.sheets.Indicatori.push([`P.${i}`, 'Personale', 'A.2', '>= 100', score * 100, null]));
    return people(input);
  }

  it('mean, population standard deviation and top-band share, by hand', () => {
    // Rossi: 95%, 80%, 65% -> mean 80%, deviations 15, 0, -15 points -> variance 150/3 = 0,015, sd 12,247%.
    // Verdi: 92%, 94% -> mean 93%, sd 1% (< 5%): flat.
    const r = evaluate([['Anna', 'Rossi', 0.95], ['Bruno', 'Rossi', 0.8], ['Carla', 'Rossi', 0.65], ['Dario', 'Verdi', 0.92], ['Elena', 'Verdi', 0.94]]);
    const [rossi, verdi] = r.evaluators;
    expect(rossi.evaluator).toBe('Rossi');
    expect(rossi.count).toBe(3);
    expect(rossi.mean).toBeCloseTo(0.8, 12);
    expect(rossi.standardDeviation).toBeCloseTo(Math.sqrt(0.015), 12);
    expect(rossi.topBandShare).toBeCloseTo(1 / 3, 12);
    expect(rossi.flat).toBe(false);
    expect(verdi).toMatchObject({ evaluator: 'Verdi', count: 2, topBandShare: 1, flat: true });
    expect(verdi.mean).toBeCloseTo(0.93, 12);
    expect(verdi.standardDeviation).toBeCloseTo(0.01, 12);
    expect(issueAt(r, 'people.flat')).toEqual(['Assegnazioni!C5']);
    expect(r.issues.find((i) => i.code === 'people.flat')?.message).toBe(
      'Valutazioni di Verdi poco differenziate: 2 persone, deviazione standard 1,00% (minimo 5,00%), 100% nella fascia più alta.',
    );
  });

  it.each([
    // totals of one evaluator, differenziazione minima, flat?
    [[0.85, 0.95], '5%', false], // sd exactly 5%: not below the minimum
    [[0.85, 0.9499], '5%', true], // sd 4,995%
    [[0.85, 0.95], '6%', true], // sd 5% below a 6% minimum, though in two bands
    [[0.5, 0.7], '5%', true], // sd 10%, but both in fascia 3: all in one band
    [[0.9], '5%', false], // one person: no spread to judge
  ] as const)('%j with minimum %s: flat %s', (totals, minimum, flat) => {
    const r = evaluate(totals.map((t, i) => [`P${i}`, 'Rossi', t] as [string, string, number]), [['differenziazione minima', minimum]]);
    expect(r.evaluators[0].flat).toBe(flat);
  });

  it('people without an evaluator are not in any distribution', () => {
    const r = evaluate([['Anna', '', 0.9], ['Bruno', 'Rossi', 0.8]]);
    expect(r.evaluators.map((e) => [e.evaluator, e.count])).toEqual([['Rossi', 1]]);
  });
});

describe('the JSON people field', () => {
  it('has name, role, results, behaviours, organisational, total, band', () => {
    const input = plan({ Assegnazioni: [['Persona', 'Ruolo', 'Codice'], ['Anna', 'dirigente', 'B']] }, [
      ['composizione dirigente', 'risultati 80%; organizzativa 20%'], ['fasce premiali', '85%:prima; 0%:seconda'],
    ]);
    const scored = scorePlan(input);
    expect(peopleJson(scorePeople(input, scored, 'it'))).toEqual([{
      name: 'Anna', role: 'dirigente', evaluator: '', results: 0.9, behaviours: null, organisational: scored.entity.score,
      total: 0.89, band: 'prima', bonusShare: null, bonusAmount: null,
    }]);
  });
});

describe('the bundled example (illustrative people)', () => {
  const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;
  const r = people(pira);

  it('Giulia Neri, by hand: indicators 1.1 (met) and 1.3 (1.450 of 1.600), behaviours 5, 4, 5 at 30/40/30', () => {
    const giulia = person(r, 'Giulia Neri');
    const results = 0.5 * 1 + 0.5 * (1450 / 1600);
    const behaviours = (0.3 * 5 + 0.4 * 4 + 0.3 * 5) / 5;
    expect(giulia.results).toBeCloseTo(results, 12);
    expect(giulia.behaviours).toBeCloseTo(behaviours, 12);
    expect(giulia.total).toBeCloseTo(0.4 * results + 0.6 * behaviours, 12);
    expect(giulia).toMatchObject({ role: 'dipendente', evaluator: 'Laura Bianchi', band: 'Fascia 1', organisational: scorePlan(pira).entity.score });
  });

  it('nine people from the sheet; the only issue is Marco Verdi rating his people alike', () => {
    expect(r.source).toBe('sheet');
    expect(r.people).toHaveLength(9);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['people.flat', 'E20']]);
    expect(r.evaluators.filter((e) => e.flat).map((e) => e.evaluator)).toEqual(['Marco Verdi']);
    // Each fund is shared out whole.
    const total = (role: string) => r.people.filter((p) => p.role === role).reduce((s, p) => s + (p.bonusAmount ?? 0), 0);
    expect(total('dirigente')).toBeCloseTo(30000, 6);
    expect(total('dipendente')).toBeCloseTo(24000, 6);
  });
});

describe('a person\'s card on request', () => {
  it('finds the person in any case and spacing, null when absent', () => {
    const r = people(plan());
    expect(personCard(r, '  ROSSI ')?.assignments.map((a) => a.code)).toEqual(['A']);
    expect(personCard(r, 'Nessuno')).toBeNull();
    expect(personCard(undefined, 'Rossi')).toBeNull();
  });
});
