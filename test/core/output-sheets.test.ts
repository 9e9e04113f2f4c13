import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  normalizeBlock, outputColumns, outputSheetNames, scorePlan, splitRows, runs, gridWidth, INDICATOR_OUTPUTS,
  type PlanInput, type SheetInfo, type WritePlan,
} from '../../src/core/index.js';

const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;

const sheetOf = (plan: WritePlan, name: string) => {
  const s = plan.sheets.find((x) => x.sheet === name);
  if (!s) throw new Error(`no ${name} in plan (${plan.sheets.map((x) => x.sheet).join(', ')})`);
  return s;
};

const small = (): PlanInput => ({
  sheets: {
    Obiettivi: [['Codice', 'Titolo'], ['1', 'Uno']],
    Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['1.1', '1', '>= 10', 5], ['1.2', '1', '>= 10', 10]],
  },
});

describe('output columns never cover content', () => {
  const headers = ['Codice', 'Obiettivo', 'Target', 'Consuntivo'];
  it.each([
    // [description, table right of the 4 input columns, uncached formulas, expected first output column]
    ['nothing right of the table', [[], [], []], [], 4],
    ['a column without a header holding data', [[], [null, null, null, null, 'x'], []], [], 5],
    ['a column with only a header', [[null, null, null, null, 'Mie note'], [], []], [], 5],
    ['data far right leaves a wide enough gap', [[], [null, null, null, null, null, null, null, null, null, 'y'], []], [], 4],
    ['a gap too narrow for four columns is skipped', [[], [null, null, null, null, null, null, 'y'], []], [], 7],
    ['an uncached formula as header', [[], [], []], ['E1'], 5],
    ['an uncached formula in a data row', [[], [], []], ['F3'], 6],
  ])('%s', (_, extra, uncached, first) => {
    const table = [headers, ['1.1', '1', '>= 10', 5], ['1.2', '1', '>= 10', 10]].map((row, r) => {
      const right = (extra as unknown[][])[r] ?? [];
      return right.length > 4 ? [...row, ...right.slice(4)] : row;
    });
    const cols = outputColumns(table as never, 0, INDICATOR_OUTPUTS, uncached as string[]);
    expect(Object.values(cols)).toEqual([first, first + 1, first + 2, first + 3]);
    for (const c of Object.values(cols)) {
      for (const row of table) expect(row[c] ?? null).toBeNull();
      for (const a of uncached as string[]) expect(a.startsWith(String.fromCharCode(65 + c))).toBe(false);
    }
  });

  it('keeps an existing output column where it is and places the others in free columns', () => {
    const table = [[...headers, 'Punteggio', 'Appunti'], ['1.1', '1', '>= 10', 5, 0.5, 'mio'], ['1.2', '1', '>= 10', 10, 1, null]];
    const cols = outputColumns(table, 0, INDICATOR_OUTPUTS);
    expect(cols).toEqual({ achievement: 6, score: 4, status: 7, contribution: 8 });
  });

  it('scoring writes past a user column and a formula in Obiettivi!H2', () => {
    const input = small();
    input.sheets.Indicatori = input.sheets.Indicatori.map((row, r) => [...row, null, r === 2 ? 'appunto' : null]);
    input.uncachedFormulas = { Obiettivi: ['H2'] };
    const plan = scorePlan(input).writePlan;
    expect(sheetOf(plan, 'Indicatori').blocks.map((b) => b.col)).toEqual([6, 7, 8, 9]);
    // Obiettivi: Codice, Titolo, then C..E are free, H2 holds a formula.
    expect(sheetOf(plan, 'Obiettivi').blocks.map((b) => b.col)).toEqual([2, 3, 4]);
    input.uncachedFormulas = { Obiettivi: ['D2'] };
    expect(sheetOf(scorePlan(input).writePlan, 'Obiettivi').blocks.map((b) => b.col)).toEqual([4, 5, 6]);
  });
});

describe('formulas without a cached value', () => {
  it('an uncached actual is an error at its cell, a typed 0 is a measure', () => {
    const input = small();
    input.sheets.Indicatori[1][3] = null;
    input.uncachedFormulas = { Indicatori: ['D2'] };
    const r = scorePlan(input);
    expect(r.issues.find((i) => i.code === 'formula.uncached')).toMatchObject({ severity: 'error', sheet: 'Indicatori', cell: 'D2' });
    expect(r.indicators[0].score).toBeNull();
    input.sheets.Indicatori[1][3] = 0;
    input.uncachedFormulas = {};
    const zero = scorePlan(input);
    expect(zero.indicators[0].score).toBe(0);
    expect(zero.issues.some((i) => i.code === 'formula.uncached')).toBe(false);
  });

  it('outside the table an uncached formula is no issue (it only blocks the column)', () => {
    const input = small();
    input.uncachedFormulas = { Indicatori: ['K9'] };
    expect(scorePlan(input).issues.some((i) => i.code === 'formula.uncached')).toBe(false);
    // A title formula above the headers is not plan data either.
    input.sheets.Indicatori = [['Piano'], ...input.sheets.Indicatori];
    input.uncachedFormulas = { Indicatori: ['B1'] };
    const titled = scorePlan(input);
    expect(titled.indicators.map((i) => i.score)).toEqual([0.5, 1]);
    expect(titled.issues.some((i) => i.code === 'formula.uncached')).toBe(false);
  });
});

describe('the tool\'s own sheets are known by their marker', () => {
  const sheets = (...list: [string, SheetInfo['owner']][]): SheetInfo[] => list.map(([name, owner]) => ({ name, owner }));

  it.each([
    ['a new workbook', 'it', sheets(['Indicatori', null]), 'Sintesi', 'Segnalazioni', []],
    ['its own sheets, any case', 'it', sheets(['Indicatori', null], ['sintesi', 'summary'], ['SEGNALAZIONI', 'issues']), 'sintesi', 'SEGNALAZIONI', []],
    ['a user sheet named Sintesi', 'it', sheets(['Sintesi', null]), 'Sintesi (Cruscotto)', 'Segnalazioni', []],
    ['a user sheet named sintesi (other case)', 'it', sheets(['sintesi', null]), 'Sintesi (Cruscotto)', 'Segnalazioni', []],
    ['user Sintesi and the tool\'s earlier renamed one', 'it', sheets(['Sintesi', null], ['Sintesi (Cruscotto)', 'summary']), 'Sintesi (Cruscotto)', 'Segnalazioni', []],
    ['user Sintesi and Sintesi (Cruscotto)', 'it', sheets(['Sintesi', null], ['Sintesi (Cruscotto)', null]), 'Sintesi (Cruscotto 2)', 'Segnalazioni', []],
    ['English outputs scored again in Italian', 'it', sheets(['Summary', 'summary'], ['Issues', 'issues']), 'Sintesi', 'Segnalazioni', ['Summary', 'Issues']],
    ['the user freed the name again', 'it', sheets(['Sintesi (Cruscotto)', 'summary']), 'Sintesi', 'Segnalazioni', ['Sintesi (Cruscotto)']],
    ['English', 'en', sheets(['Sintesi', 'summary'], ['Summary', null]), 'Summary (Cruscotto)', 'Issues', ['Sintesi']],
  ] as const)('%s', (_, lang, workbook, summary, issues, remove) => {
    const names = outputSheetNames(lang, workbook);
    expect([names.summary, names.issues, names.remove]).toEqual([summary, issues, remove]);
    for (const s of workbook) {
      if (s.owner === null) {
        expect(names.summary.toLowerCase()).not.toBe(s.name.toLowerCase());
        expect(names.issues.toLowerCase()).not.toBe(s.name.toLowerCase());
        expect(names.remove).not.toContain(s.name);
      }
    }
  });

  it('says where the outputs went when a user sheet has their name, and marks and lays out its sheets', () => {
    const r = scorePlan(small(), { workbook: [{ name: 'Indicatori', owner: null }, { name: 'Obiettivi', owner: null }, { name: 'SINTESI', owner: null }] });
    const info = r.issues.find((i) => i.code === 'output.renamed');
    expect(info).toMatchObject({ severity: 'info', sheet: 'SINTESI' });
    expect(info?.message).toContain('Sintesi (Cruscotto)');
    const summary = sheetOf(r.writePlan, 'Sintesi (Cruscotto)');
    expect(summary).toMatchObject({ replace: true, owner: 'summary', pageSetup: { landscape: true, fitToWidth: true } });
    expect(sheetOf(r.writePlan, 'Segnalazioni')).toMatchObject({ owner: 'issues', pageSetup: { printTitleRows: 1 } });
    expect(r.writePlan.removeSheets).toBeUndefined();
    // Input sheets are never the tool's: no owner, no page setup.
    for (const name of ['Indicatori', 'Obiettivi']) {
      expect(sheetOf(r.writePlan, name).owner).toBeUndefined();
      expect(sheetOf(r.writePlan, name).pageSetup).toBeUndefined();
    }
  });
});

describe('output widths show their text', () => {
  it('the Stato column is wide enough for a late deadline', () => {
    const r = scorePlan(pira);
    const ind = sheetOf(r.writePlan, 'Indicatori');
    const status = ind.blocks.find((b) => b.values[0][0] === 'Stato')!;
    const width = ind.columnWidths!.find((w) => w.col === status.col)!.width;
    expect(width).toBeLessThanOrEqual(60);
    const longest = Math.max(...status.values.map((v) => String(v[0] ?? '').length));
    expect(longest).toBeGreaterThan(24);
    expect(width).toBeGreaterThanOrEqual(longest);
  });
});

describe('normalised write blocks', () => {
  it('makes every cell explicit: empty value, General format, no fill, normal weight, no note', () => {
    const b = normalizeBlock({ row: 2, col: 3, values: [['a', 1], [null], [undefined, true]], fills: [['#FF0000']], notes: [[null, 'x'], [''], []], bold: [[true]] });
    expect(b).toMatchObject({ row: 2, col: 3, rows: 3, cols: 2 });
    expect(b.values).toEqual([['a', 1], ['', ''], ['', true]]);
    expect(b.numberFormats).toEqual([['General', 'General'], ['General', 'General'], ['General', 'General']]);
    expect(b.fills).toEqual([['#FF0000', null], [null, null], [null, null]]);
    expect(b.bold).toEqual([[true, false], [false, false], [false, false]]);
    expect(b.notes).toEqual([[null, 'x'], [null, null], [null, null]]);
  });

  it('refuses a Date (hosts write serials) and NaN becomes empty', () => {
    expect(() => normalizeBlock({ row: 0, col: 0, values: [[new Date(0)]] })).toThrow(TypeError);
    expect(normalizeBlock({ row: 0, col: 0, values: [[Number.NaN]] }).values).toEqual([['']]);
  });

  it('measures 200k rows without spreading them into Math.max', () => {
    const values = Array.from({ length: 200_000 }, (_, i) => (i === 123_456 ? [1, 2, 3] : [1]));
    expect(gridWidth(values)).toBe(3);
    expect(normalizeBlock({ row: 0, col: 0, values }).cols).toBe(3);
  });

  it('splits by payload into bands that cover the block exactly once', () => {
    const values = Array.from({ length: 1000 }, (_, i) => [`riga ${i} ${'x'.repeat(i % 50)}`, i]);
    const block = normalizeBlock({ row: 5, col: 1, values });
    const parts = splitRows(block, 4000);
    expect(parts.length).toBeGreaterThan(5);
    let next = 5;
    for (const p of parts) {
      expect(p.row).toBe(next);
      expect(p.values.length).toBe(p.rows);
      next += p.rows;
      const bytes = JSON.stringify([p.values, p.numberFormats, p.fills, p.notes]).length;
      expect(bytes).toBeLessThanOrEqual(4000);
    }
    expect(next).toBe(1005);
    expect(parts.flatMap((p) => p.values)).toEqual(block.values);
    // A row larger than the budget still goes, alone.
    expect(splitRows(normalizeBlock({ row: 0, col: 0, values: [['y'.repeat(5000)], ['z']] }), 1000).map((p) => p.rows)).toEqual([1, 1]);
  });

  it('gives runs of equal values, empty runs included so hosts can clear them', () => {
    expect(runs(['a', 'a', null, null, 'b', 'a'])).toEqual([
      { from: 0, length: 2, value: 'a' }, { from: 2, length: 2, value: null }, { from: 4, length: 1, value: 'b' }, { from: 5, length: 1, value: 'a' },
    ]);
  });
});

describe('the Schede individuali sheet in the write plan', () => {
  const base = (withAssignments: boolean): PlanInput => ({
    sheets: {
      Obiettivi: [['Codice', 'Titolo', 'Responsabile'], ['A', 'Area A', 'Anna Rossi']],
      Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['A.1', 'A', '>= 100', 80]],
      ...(withAssignments ? { Assegnazioni: [['Persona', 'Ruolo', 'Codice'], ['Bruno Verdi', 'dipendente', 'A.1']] } : {}),
    },
  });
  const names = (plan: WritePlan) => plan.sheets.map((s) => s.sheet);

  it('is written, marked as the tool\'s, when the workbook has Assegnazioni', () => {
    const r = scorePlan(base(true));
    expect(sheetOf(r.writePlan, 'Schede individuali')).toMatchObject({ owner: 'people', replace: true });
    expect(r.people?.people.map((p) => p.name)).toEqual(['Bruno Verdi']);
  });

  it('from Responsabile alone only when asked ("Calcola schede") or already there', () => {
    expect(names(scorePlan(base(false)).writePlan)).not.toContain('Schede individuali');
    expect(scorePlan(base(false)).people?.people.map((p) => p.name)).toEqual(['Anna Rossi']);
    expect(names(scorePlan(base(false), { people: true }).writePlan)).toContain('Schede individuali');
    const again = scorePlan(base(false), { workbook: [{ name: 'Indicatori', owner: null }, { name: 'schede individuali', owner: 'people' }] });
    expect(names(again.writePlan)).toContain('schede individuali');
  });

  it('the tool\'s schede are rewritten, never removed by a score without schede; a user sheet of that name is left alone', () => {
    const keep = scorePlan(base(false), { workbook: [{ name: 'Individual scorecards', owner: 'people' }, { name: 'Sintesi', owner: 'summary' }] });
    // The English schede are the tool's and are rewritten in Italian only because schede are being written.
    expect(keep.writePlan.removeSheets).toEqual(['Individual scorecards']);
    expect(names(keep.writePlan)).toContain('Schede individuali');
    const user = scorePlan(base(true), { workbook: [{ name: 'Schede individuali', owner: null }] });
    expect(names(user.writePlan)).toContain('Schede individuali (Cruscotto)');
    expect(user.issues.some((i) => i.code === 'output.renamed' && i.sheet === 'Schede individuali')).toBe(true);
    expect(outputSheetNames('it', [{ name: 'Schede individuali', owner: 'people' }]).remove).toEqual([]);
  });
});
