/**
 * What is particular to Sheets in the adapter (the shared behaviour is in test/adapters/conformance.ts),
 * and the strict fake refusing what Sheets refuses, so that the adapter's passing tests mean something.
 */
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, scorePlan, type PlanInput, type WritePlan } from '../../src/core/index.js';
import { FakeSpreadsheet, zonedMidnight } from './fake-sheets.js';
import { makeSheetsHarness, sheetsAdapter } from './sheets-harness.js';

describe('the strict SpreadsheetApp fake', () => {
  const ss = new FakeSpreadsheet();
  const sheet = ss.addSheet('Foglio1');

  it('checks 1-based indices and the sheet\'s size', () => {
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1.5, 1)).toThrow(/don't match the method signature/);
    expect(() => sheet.getRange(1000, 26)).not.toThrow();
    expect(() => sheet.getRange(1001, 1)).toThrow('outside the dimensions of the sheet');
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow('outside the dimensions of the sheet');
  });

  it('wants every grid in the range\'s exact shape and of the types Sheets takes', () => {
    const range = sheet.getRange(1, 1, 2, 2);
    expect(() => range.setValues([[1, 2]])).toThrow('The data has 1 but the range has 2.');
    expect(() => range.setValues([[1, 2], [3]])).toThrow('number of columns in the data does not match');
    expect(() => range.setValues([[1, 2], [3, undefined as unknown as number]])).toThrow(/method signature/);
    expect(() => range.setNotes([['a', 1 as unknown as string], ['', null]])).toThrow(/method signature/);
    expect(() => range.setFontWeights([['bold', 'heavy' as 'bold'], ['normal', null]])).toThrow(/method signature/);
    expect(() => range.setBackgrounds([['red', null], [null, null]])).toThrow(/method signature/);
    range.setValues([['1.10', 'x'], [true, null]]);
    // As typed into Sheets: a numeric string under an automatic format becomes a number.
    expect(sheet.cell(1, 1).value).toBe(1.1);
  });

  it('keeps sheet names unique whatever their case, and finds them whatever their case', () => {
    ss.addSheet('Sintesi');
    expect(() => ss.insertSheet('sintesi')).toThrow('A sheet with the name "sintesi" already exists.');
    expect(ss.getSheetByName('SINTESI')?.getName()).toBe('Sintesi');
    expect(() => sheet.setName('SINTESI')).toThrow('already exists');
  });

  it('keeps notes and drop-downs through Sheet.clear(), as Sheets does', () => {
    const s = ss.addSheet('Pulizia');
    s.getRange(1, 1).setValues([['v']]).setNotes([['nota']]).setDataValidation({ list: ['a'] });
    s.clear();
    expect(s.cell(1, 1)).toMatchObject({ value: '', note: 'nota', validation: ['a'] });
  });

  it('refuses every write, toast and dialog in a custom function', () => {
    const f = new FakeSpreadsheet();
    const s = f.addSheet('A');
    f.mode = 'customFunction';
    expect(() => s.getRange(1, 1).setValues([[1]])).toThrow('You do not have permission to call setValues');
    expect(() => s.clear()).toThrow('permission');
    expect(() => s.addDeveloperMetadata('k', 'v')).toThrow('permission');
    expect(() => f.toast('x')).toThrow('permission');
    expect(s.getRange(1, 1).getValues()).toEqual([['']]);
  });
});

const plan = (sheets: PlanInput['sheets']) => sheets as Record<string, (string | number | null)[][]>;

describe('SheetsAdapter', () => {
  it('marks its sheets with developer metadata and reads the marker back, one marker a sheet', async () => {
    const h = makeSheetsHarness(plan({ Indicatori: [['Codice']] }));
    await h.adapter.apply({ sheets: [{ sheet: 'Riepilogo', replace: true, owner: 'summary', blocks: [] }] });
    const sheet = h.ss.sheet('Riepilogo');
    expect(sheet.metadata).toEqual([{ key: OUTPUT_MARKER, value: 'summary' }]);
    await h.adapter.apply({ sheets: [{ sheet: 'riepilogo', replace: true, owner: 'issues', blocks: [] }] });
    expect(sheet.metadata).toEqual([{ key: OUTPUT_MARKER, value: 'issues' }]);
    const read = await h.adapter.read();
    expect(read.sheets).toEqual([{ name: 'Indicatori', owner: null }, { name: 'Riepilogo', owner: 'issues' }]);
    expect(Object.keys(read.input.sheets)).toEqual(['Indicatori']);
  });

  it('deletes only sheets that carry its marker', async () => {
    const h = makeSheetsHarness(plan({ Indicatori: [['Codice']], Summary: [['mine']] }));
    await h.adapter.apply({ sheets: [], removeSheets: ['Summary'] });
    expect(h.sheetNames()).toEqual(['Indicatori', 'Summary']);
  });

  it('grows a sheet for a block beyond its 1000 rows and 26 columns', async () => {
    const h = makeSheetsHarness(plan({ Indicatori: [['Codice']] }));
    const values = Array.from({ length: 1500 }, (_, i) => [i, ...new Array(29).fill('x')]);
    await h.adapter.apply({ sheets: [{ sheet: 'Segnalazioni', replace: true, owner: 'issues', blocks: [{ row: 2, col: 0, values }], columnWidths: [{ col: 31, width: 10 }] }] });
    const s = h.ss.sheet('Segnalazioni');
    expect(s.getMaxRows()).toBe(1502);
    expect(s.getMaxColumns()).toBe(32);
    expect(s.cell(1502, 1).value).toBe(1499);
    expect(s.widths.get(32)).toBe(70);
  });

  it('keeps text as written: a code such as 1.10 is not turned into a number', async () => {
    const h = makeSheetsHarness(plan({ Indicatori: [['Codice']] }));
    await h.adapter.apply({ sheets: [{ sheet: 'Sintesi', replace: true, owner: 'summary', blocks: [{ row: 0, col: 0, values: [['1.10', 1.1, '']] }] }] });
    const s = h.ss.sheet('Sintesi');
    expect([s.cell(1, 1).value, s.cell(1, 2).value, s.cell(1, 3).value]).toEqual(['1.10', 1.1, '']);
    expect(h.cell('Sintesi', 'A1').numberFormat).toBe('General');
  });

  it('ignores print setup (Apps Script has no API for it) and writes drop-downs, widths and frozen rows', async () => {
    const h = makeSheetsHarness(plan({ Indicatori: [['Codice']] }));
    const write: WritePlan = {
      sheets: [{
        sheet: 'Modello', replace: true, pageSetup: { landscape: true, fitToWidth: true, printTitleRows: 1 },
        blocks: [{ row: 0, col: 0, values: [['Direzione'], ['max']] }],
        frozenRows: 1, columnWidths: [{ col: 0, width: 12 }], validations: [{ col: 0, fromRow: 1, toRow: 1200, list: ['max', 'min'] }],
      }],
    };
    await h.adapter.apply(write);
    const s = h.ss.sheet('Modello');
    expect(s.frozenRows).toBe(1);
    expect(s.widths.get(1)).toBe(84);
    expect(s.cell(2, 1).validation).toEqual(['max', 'min']);
    expect(s.cell(1201, 1).validation).toEqual(['max', 'min']);
    expect(s.peek(1202, 1).validation).toBeNull();
  });

  it('reads date cells as serials of their day in the spreadsheet\'s zone', async () => {
    for (const zone of ['Pacific/Auckland', 'America/Los_Angeles']) {
      const ss = new FakeSpreadsheet(zone);
      ss.load('Indicatori', [['Codice', 'Consuntivo'], ['1', zonedMidnight(2024, 12, 18, zone)]]);
      const read = await sheetsAdapter(ss).read();
      expect(read.input.sheets.Indicatori[1][1], zone).toBe(45644);
    }
  });

  it('makes the same SpreadsheetApp calls whatever the number of rows', async () => {
    const count = async (n: number) => {
      const rows: (string | number | null)[][] = [['Codice', 'Indicatore', 'Obiettivo', 'Peso', 'Target', 'Consuntivo']];
      for (let i = 1; i <= n; i++) rows.push([`1.${i}`, `Indicatore ${i}`, '1', null, i % 2 ? '>= 4' : 'boh', 5]);
      const h = makeSheetsHarness({ Obiettivi: [['Codice', 'Titolo'], ['1', 'Uno']], Indicatori: rows });
      const read = await h.adapter.read();
      await h.adapter.apply(scorePlan(read.input, { workbook: read.sheets }).writePlan);
      const calls = Object.fromEntries(h.ss.counter.byName);
      // A sheet longer than the 1000 rows of a new one is grown once: the only call that depends on size.
      delete calls['Sheet.insertRowsAfter'];
      return { calls, grown: h.ss.counter.count('Sheet.insertRowsAfter') };
    };
    const small = await count(20);
    const big = await count(5000);
    expect(big.calls).toEqual(small.calls);
    expect(big.grown).toBeLessThanOrEqual(2);
  });
});
