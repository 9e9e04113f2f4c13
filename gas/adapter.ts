/**
 * Apps Script host adapter: getValues -> core -> setValues. Every sheet is read once and every block of
 * the write plan is written with one call per property, so the number of SpreadsheetApp calls does not
 * grow with the number of rows.
 */
import type { CellValue, PlanInput, WritePlan } from '../src/core/types.js';
import { isOutputSheet, serialFromYmd } from '../src/core/index.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Sheets gives dates as Date objects at midnight of the spreadsheet's time zone; the core reads dates as
 * Excel serials. The calendar day is taken in that zone, never in the machine's.
 */
export function serialInZone(date: Date, timeZone: string, cache?: Map<number, number>): number {
  const key = date.getTime();
  const hit = cache?.get(key);
  if (hit !== undefined) return hit;
  const [y, m, d] = Utilities.formatDate(date, timeZone, 'yyyy-MM-dd').split('-').map(Number);
  const serial = serialFromYmd(y, m, d) as number;
  cache?.set(key, serial);
  return serial;
}

export function toCellValue(v: unknown, timeZone: string, cache: Map<number, number>): CellValue {
  if (v instanceof Date) return serialInZone(v, timeZone, cache);
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

export function readPlan(ss: Spreadsheet): PlanInput {
  const timeZone = ss.getSpreadsheetTimeZone();
  const cache = new Map<number, number>();
  const sheets: PlanInput['sheets'] = {};
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (isOutputSheet(name)) continue;
    const values = sheet.getDataRange().getValues();
    sheets[name] = values.map((row) => row.map((v) => toCellValue(v, timeZone, cache)));
  }
  return { sheets };
}

/** Sheets' column width is in pixels; the plan's in characters. */
const PX_PER_CHAR = 7;

export function applyWritePlan(ss: Spreadsheet, plan: WritePlan): void {
  for (const write of plan.sheets) {
    let sheet = ss.getSheetByName(write.sheet);
    if (!sheet) sheet = ss.insertSheet(write.sheet);
    else if (write.replace) sheet.clear();
    for (const block of write.blocks) {
      const rows = block.values.length;
      const cols = Math.max(...block.values.map((r) => r.length));
      if (rows === 0 || cols === 0) continue;
      const pad = <T>(grid: T[][], empty: T) => grid.map((r) => (r.length === cols ? r : [...r, ...new Array(cols - r.length).fill(empty)]));
      const range = sheet.getRange(block.row + 1, block.col + 1, rows, cols);
      range.setValues(pad(block.values.map((r) => r.map((v) => (v === null || v === undefined ? '' : v))), ''));
      if (block.numberFormats) range.setNumberFormats(pad(block.numberFormats.map((r) => r.map((f) => f ?? 'General')), 'General'));
      if (block.fills) range.setBackgrounds(pad(block.fills, null) as string[][]);
      if (block.bold) range.setFontWeights(pad(block.bold.map((r) => r.map((b) => (b ? 'bold' : 'normal'))), 'normal'));
      if (block.notes) range.setNotes(pad(block.notes.map((r) => r.map((n) => n ?? '')), ''));
    }
    if (write.frozenRows) sheet.setFrozenRows(write.frozenRows);
    for (const { col, width } of write.columnWidths ?? []) sheet.setColumnWidth(col + 1, Math.round(width * PX_PER_CHAR));
    for (const v of write.validations ?? []) {
      const rule = SpreadsheetApp.newDataValidation().requireValueInList(v.list, true).setAllowInvalid(false).build();
      sheet.getRange(v.fromRow + 1, v.col + 1, v.toRow - v.fromRow + 1, 1).setDataValidation(rule);
    }
  }
}
