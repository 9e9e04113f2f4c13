/// <reference types="google-apps-script" />
/**
 * The conformance harness for the Sheets adapter: SheetsAdapter over the strict SpreadsheetApp fake, cells
 * read back from the fake's own model (never through the adapter).
 */
import { parseA1, OUTPUT_MARKER, type CellValue, type OutputKind } from '../../src/core/index.js';
import { SheetsAdapter, TEXT_FORMAT, type SheetsServices } from '../../gas/adapter.js';
import type { Harness } from '../adapters/conformance.js';
import { FakeSpreadsheet, formatDate } from './fake-sheets.js';

/** The adapter's Apps Script services over the fake: Utilities.formatDate and a list validation rule. */
export function fakeServices(): SheetsServices {
  return {
    formatDate,
    newListRule: (list) => ({ list }) as unknown as GoogleAppsScript.Spreadsheet.DataValidation,
  };
}

export function sheetsAdapter(ss: FakeSpreadsheet): SheetsAdapter {
  return new SheetsAdapter(ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, fakeServices());
}

function at(address: string): { row: number; col: number } {
  const p = parseA1(address);
  if (!p) throw new Error(`not an A1 address: ${address}`);
  return { row: p.row + 1, col: p.col + 1 };
}

export function makeSheetsHarness(sheets: Record<string, CellValue[][]>, ss = new FakeSpreadsheet()): Harness & { ss: FakeSpreadsheet } {
  for (const [name, table] of Object.entries(sheets)) ss.load(name, table);
  return {
    ss,
    adapter: sheetsAdapter(ss),
    sheetNames: () => ss.sheets.map((s) => s.name),
    cell(sheet, address) {
      const { row, col } = at(address);
      const c = ss.sheet(sheet).peek(row, col);
      return {
        value: c.value instanceof Date ? c.value.toISOString() : c.value,
        fill: c.background,
        bold: c.weight === 'bold',
        note: c.note,
        // Plain text under a string is what General shows for it in Excel and xlsx: the adapter asks for
        // it only so that Sheets keeps strings such as "1.10" as written.
        numberFormat: c.format === TEXT_FORMAT && typeof c.value === 'string' ? 'General' : c.format,
      };
    },
    ownerOf(sheet) {
      const marks = ss.sheet(sheet).metadata.filter((m) => m.key === OUTPUT_MARKER);
      if (marks.length > 1) throw new Error(`${sheet}: ${marks.length} ${OUTPUT_MARKER} markers`);
      return (marks[0]?.value as OutputKind | undefined) ?? null;
    },
    setCell(sheet, address, value) {
      const { row, col } = at(address);
      ss.sheet(sheet).cell(row, col).value = value === null || value === undefined ? '' : (value as string | number | boolean | Date);
    },
  };
}
