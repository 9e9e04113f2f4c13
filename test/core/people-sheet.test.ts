import { describe, expect, it } from 'vitest';
import { normalizeBlock, scorePlan, type CellValue, type PlanInput } from '../../src/core/index.js';
import { scorePeople } from '../../src/core/people.js';
import { AMOUNT_FORMAT, FLAT_FILL, peopleSheet } from '../../src/core/people-sheet.js';

function plan(assignments: CellValue[][], settings: [string, CellValue][] = []): PlanInput {
  return {
    sheets: {
      Obiettivi: [['Codice', 'Titolo'], ['A', 'Area A'], ['B', 'Area B']],
      Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['A.1', 'A', '>= 100', 80], ['B.1', 'B', '>= 100', 90], ['B.2', 'B', '>= 100', 100]],
      Impostazioni: [['Chiave', 'Valore'], ['fasce premiali', '90%:fascia 1; 0%:fascia 2'], ...settings],
      Assegnazioni: [['Persona', 'Ruolo', 'Codice', 'Valutatore'], ...assignments],
      Comportamenti: [['Persona', 'Comportamento', 'Valutazione'], ['Anna', 'Impegno', 4]],
    },
  };
}

function sheetOf(input: PlanInput, lang: 'it' | 'en' = 'it') {
  const result = scorePlan(input);
  const people = scorePeople(input, result, lang);
  return peopleSheet(lang === 'it' ? 'Schede individuali' : 'Individual scorecards', people, lang, 2024);
}

describe('Schede individuali', () => {
  const input = plan(
    [['Anna', 'dirigente', 'A', 'Direttore'], ['Bruno', 'dipendente', 'B', 'Direttore'], ['Carla', 'dipendente', 'B.2', 'Anna']],
    [['composizione dirigente', 'risultati 60%; organizzativa 20%; comportamenti 20%'], ['composizione dipendente', 'risultati 100%']],
  );
  const sheet = sheetOf(input);
  if (!sheet) throw new Error('no sheet');
  const people = normalizeBlock(sheet.blocks[0]);

  it('one row per person: components, composition, total, band', () => {
    expect(sheet).toMatchObject({ sheet: 'Schede individuali', replace: true, frozenRows: 2, pageSetup: { landscape: true, fitToWidth: true, printTitleRows: 2 } });
    expect(sheet.owner).toBeUndefined();
    expect(people.values[0][0]).toBe('Schede individuali 2024');
    expect(people.values[1]).toEqual(['Persona', 'Ruolo', 'Valutatore', 'Risultati', 'Organizzativa', 'Comportamenti', 'Composizione', 'Totale', 'Fascia']);
    // Entity: weighted... no weights, simple mean of A (80%) and B (95%) = 87,5%. Anna: 0.6 x 80% + 0.2 x 87,5% + 0.2 x 80%.
    const anna = 0.6 * 0.8 + 0.2 * 0.875 + 0.2 * 0.8;
    expect(people.values.slice(2).map((r) => r.map((v) => (typeof v === 'number' ? Number(v.toFixed(12)) : v)))).toEqual([
      ['Anna', 'dirigente', 'Direttore', 0.8, 0.875, 0.8, 'risultati 60%; organizzativa 20%; comportamenti 20%', Number(anna.toFixed(12)), 'fascia 2'],
      ['Bruno', 'dipendente', 'Direttore', 0.95, 0.875, '', 'risultati 100%', 0.95, 'fascia 1'],
      ['Carla', 'dipendente', 'Anna', 1, 0.875, '', 'risultati 100%', 1, 'fascia 1'],
    ]);
    expect(people.numberFormats[2].slice(3, 8)).toEqual(['0.00%', '0.00%', '0.00%', 'General', '0.00%']);
    expect(people.bold.map((r) => r[0])).toEqual([true, true, false, false, false]);
    expect(sheet.columnWidths?.length).toBe(9);
  });

  it('then the spread of each evaluator, flat ones filled', () => {
    const evaluators = normalizeBlock(sheet.blocks[1]);
    expect(evaluators.row).toBe(2 + 3 + 1);
    expect(evaluators.values[1][0]).toBe('Valutatore');
    // Direttore: Anna 81,5%, Bruno 95%: mean 88,25%, deviation 6,75% -> differentiated. Anna: one person.
    const [direttore, anna] = evaluators.values.slice(2);
    expect(direttore.slice(0, 2)).toEqual(['Direttore', 2]);
    expect(direttore[2]).toBeCloseTo(0.8825, 12);
    expect(direttore[3]).toBeCloseTo(0.0675, 12);
    expect(direttore.slice(4)).toEqual([0.5, 'Differenziata']);
    expect(anna).toEqual(['Anna', 1, 1, 0, 1, '']);
    expect(evaluators.fills.slice(2).map((r) => r[0])).toEqual([null, null]);
  });

  it('a flat evaluator is filled and says so', () => {
    const flat = sheetOf(plan([['Bruno', null, 'B.1', 'Rossi'], ['Carla', null, 'B.2', 'Rossi']], [['composizione', 'risultati 100%']]));
    const evaluators = normalizeBlock(flat?.blocks[1] ?? { row: 0, col: 0, values: [] });
    expect(evaluators.values[2]).toEqual(['Rossi', 2, 0.95, 0.05, 1, 'Piatta']);
    expect(evaluators.fills[2]).toEqual(new Array(6).fill(FLAT_FILL));
  });

  it('bonus columns only when the plan sets coefficients (and the amount only with a fund)', () => {
    const withShares = sheetOf(plan([['Bruno', null, 'B.1', null], ['Carla', null, 'A.1', null]], [['composizione', 'risultati 100%'], ['coefficienti premiali', 'fascia 1: 2; fascia 2: 1']]));
    const block = normalizeBlock(withShares?.blocks[0] ?? { row: 0, col: 0, values: [] });
    expect(block.values[1].slice(-2)).toEqual(['Fascia', 'Quota fondo']);
    // Bruno fascia 1 (2), Carla fascia 2 (1); Anna, only rated on behaviours, has no total under "risultati 100%".
    expect(block.values.slice(2).map((r) => [r[0], r.slice(-1)[0]])).toEqual([['Bruno', 2 / 3], ['Carla', 1 / 3], ['Anna', '']]);
    const withFund = sheetOf(plan([['Bruno', null, 'B.1', null]], [['coefficienti premiali', 'fascia 1: 2; fascia 2: 1'], ['fondo premiale', 3000]]), 'en');
    const en = normalizeBlock(withFund?.blocks[0] ?? { row: 0, col: 0, values: [] });
    expect(en.values[1].slice(-3)).toEqual(['Band', 'Fund share', 'Amount']);
    // Bruno 90% (coefficient 2) and Anna 80% (1) share 3000.
    expect(en.values.slice(2).map((r) => [r[0], r.slice(-1)[0]])).toEqual([['Bruno', 2000], ['Anna', 1000]]);
    expect(en.numberFormats[2].slice(-1)).toEqual([AMOUNT_FORMAT]);
    expect(withFund?.blocks).toHaveLength(1);
  });

  it('no sheet when nobody is scored', () => {
    const input2 = plan([]);
    delete input2.sheets.Comportamenti;
    expect(sheetOf(input2)).toBeNull();
  });
});
