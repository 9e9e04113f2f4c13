/**
 * The Google Sheets side of the adapter contract: getValues -> core -> setValues. Every sheet is read once
 * and every block of the write plan is written with one call per property, so the number of SpreadsheetApp
 * calls does not grow with the number of rows.
 *
 * Print layout (`SheetWrite.pageSetup`) is ignored: Apps Script has no API for a sheet's print settings
 * (orientation, fit to width, repeated rows are chosen in File > Print), so tool sheets print with the
 * spreadsheet's defaults.
 */
import {
  isOutputSheet, markerKind, normalizeBlock, serialFromYmd, GENERAL_FORMAT, OUTPUT_MARKER,
  type CellValue, type NormalBlock, type OutputKind, type PlanInput, type SheetInfo, type SheetWrite, type WorkbookAdapter,
  type WorkbookRead, type WritePlan,
} from '../src/core/index.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The two Apps Script services the adapter needs besides the spreadsheet, injectable for tests. */
export interface SheetsServices {
  formatDate(date: Date, timeZone: string, pattern: string): string;
  newListRule(list: string[]): GoogleAppsScript.Spreadsheet.DataValidation;
}

export function appsScriptServices(): SheetsServices {
  return {
    formatDate: (date, timeZone, pattern) => Utilities.formatDate(date, timeZone, pattern),
    newListRule: (list) => SpreadsheetApp.newDataValidation().requireValueInList(list, true).setAllowInvalid(false).build(),
  };
}

/** Sheets' plain-text format: a string written under it stays a string ("1.10" is not read as 1.1). */
export const TEXT_FORMAT = '@';

/** Sheets' column width is in pixels; the plan's in characters. */
const PX_PER_CHAR = 7;

/** How many cached date conversions one execution keeps: plans have few distinct dates. */
const DATE_CACHE_LIMIT = 4096;

/**
 * Sheets gives dates as Date objects at midnight of the spreadsheet's time zone; the core reads dates as
 * Excel serials. The calendar day is taken in that zone, never in the machine's.
 */
export function serialInZone(date: Date, timeZone: string, formatDate: SheetsServices['formatDate'], cache?: Map<number, number>): number {
  const key = date.getTime();
  const hit = cache?.get(key);
  if (hit !== undefined) return hit;
  const [y, m, d] = formatDate(date, timeZone, 'yyyy-MM-dd').split('-').map(Number);
  const serial = serialFromYmd(y, m, d) as number;
  if (cache) {
    if (cache.size >= DATE_CACHE_LIMIT) cache.clear();
    cache.set(key, serial);
  }
  return serial;
}

/** The tool's marker on a sheet, from its developer metadata. */
export function ownerOf(sheet: Sheet): OutputKind | null {
  for (const m of sheet.getDeveloperMetadata()) {
    if (m.getKey() !== OUTPUT_MARKER) continue;
    const kind = markerKind(m.getValue());
    if (kind) return kind;
  }
  return null;
}

function setOwner(sheet: Sheet, owner: OutputKind): void {
  let found = false;
  for (const m of sheet.getDeveloperMetadata()) {
    if (m.getKey() !== OUTPUT_MARKER) continue;
    // One marker per sheet: a second one would make the owner ambiguous.
    if (found) m.remove();
    else if (m.getValue() !== owner) m.setValue(owner);
    found = true;
  }
  if (!found) sheet.addDeveloperMetadata(OUTPUT_MARKER, owner);
}

/** Drops the tool's marker, e.g. on a review copy of Sintesi, which is the reviewers', not the tool's. */
export function clearOwner(sheet: Sheet): void {
  for (const m of sheet.getDeveloperMetadata()) if (m.getKey() === OUTPUT_MARKER) m.remove();
}

export class SheetsAdapter implements WorkbookAdapter {
  constructor(private readonly ss: Spreadsheet, private readonly services: SheetsServices = appsScriptServices()) {}

  async read(): Promise<WorkbookRead> {
    return this.readNow();
  }

  async apply(plan: WritePlan): Promise<void> {
    this.applyNow(plan);
  }

  /**
   * Synchronous read for Apps Script entry points: google.script.run and menu handlers need the result
   * within the call, not a promise.
   */
  readNow(only?: (name: string) => boolean): WorkbookRead {
    const timeZone = this.ss.getSpreadsheetTimeZone();
    const cache = new Map<number, number>();
    const sheets: SheetInfo[] = [];
    const tables: PlanInput['sheets'] = {};
    for (const sheet of this.ss.getSheets()) {
      const name = sheet.getName();
      const owner = ownerOf(sheet);
      sheets.push({ name, owner });
      // The tool's own sheets, the change log and review copies are never plan input.
      if (owner || isOutputSheet(name) || (only && !only(name))) continue;
      const values = sheet.getDataRange().getValues();
      const table: CellValue[][] = new Array(values.length);
      for (let r = 0; r < values.length; r++) {
        const row = values[r];
        const out: CellValue[] = new Array(row.length);
        for (let c = 0; c < row.length; c++) out[c] = this.toCellValue(row[c], timeZone, cache);
        table[r] = out;
      }
      tables[name] = table;
    }
    return { input: { sheets: tables }, sheets };
  }

  private toCellValue(v: unknown, timeZone: string, cache: Map<number, number>): CellValue {
    if (v instanceof Date) return serialInZone(v, timeZone, this.services.formatDate, cache);
    if (v === '' || v === null || v === undefined) return null;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    return String(v);
  }

  applyNow(plan: WritePlan): void {
    const byName = new Map<string, Sheet>();
    for (const sheet of this.ss.getSheets()) byName.set(sheet.getName().toLowerCase(), sheet);
    for (const write of plan.sheets) {
      const key = write.sheet.toLowerCase();
      let sheet = byName.get(key);
      if (!sheet) {
        sheet = this.ss.insertSheet(write.sheet);
        byName.set(key, sheet);
      } else if (write.replace) {
        clearSheet(sheet);
      }
      this.writeSheet(sheet, write);
    }
    for (const name of plan.removeSheets ?? []) {
      const sheet = byName.get(name.toLowerCase());
      // Only a sheet that carries the tool's marker is the tool's to delete.
      if (sheet && ownerOf(sheet)) {
        this.ss.deleteSheet(sheet);
        byName.delete(name.toLowerCase());
      }
    }
  }

  private writeSheet(sheet: Sheet, write: SheetWrite): void {
    if (write.owner) setOwner(sheet, write.owner);
    const blocks = write.blocks.map(normalizeBlock).filter((b) => b.rows > 0 && b.cols > 0);
    let rows = write.frozenRows ?? 0;
    let cols = 0;
    for (const b of blocks) {
      if (b.row + b.rows > rows) rows = b.row + b.rows;
      if (b.col + b.cols > cols) cols = b.col + b.cols;
    }
    for (const v of write.validations ?? []) {
      if (v.toRow + 1 > rows) rows = v.toRow + 1;
      if (v.col + 1 > cols) cols = v.col + 1;
    }
    for (const w of write.columnWidths ?? []) if (w.col + 1 > cols) cols = w.col + 1;
    ensureSize(sheet, rows, cols);
    for (const block of blocks) writeBlock(sheet, block);
    if (write.frozenRows) sheet.setFrozenRows(write.frozenRows);
    for (const { col, width } of write.columnWidths ?? []) sheet.setColumnWidth(col + 1, Math.round(width * PX_PER_CHAR));
    for (const v of write.validations ?? []) {
      sheet.getRange(v.fromRow + 1, v.col + 1, v.toRow - v.fromRow + 1, 1).setDataValidation(this.services.newListRule(v.list));
    }
  }
}

/**
 * A replaced sheet starts empty: Sheet.clear() takes values and formats, but notes and drop-down lists have
 * their own clear calls. Without this a shorter list of issues would leave the old rows below it.
 */
function clearSheet(sheet: Sheet): void {
  sheet.clear();
  sheet.clearNotes();
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).clearDataValidations();
}

/** Sheets refuses a range outside the sheet's rows and columns (a new sheet has 1000 x 26): grow it first. */
function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/**
 * One call per property, every cell stated: '' clears a note, null a fill, 'normal' a bold. Formats go
 * first so that a string lands under plain text and Sheets does not read "1.10" as a number.
 */
function writeBlock(sheet: Sheet, b: NormalBlock): void {
  const range = sheet.getRange(b.row + 1, b.col + 1, b.rows, b.cols);
  const formats: string[][] = new Array(b.rows);
  const weights: GoogleAppsScript.Spreadsheet.FontWeight[][] = new Array(b.rows);
  const notes: string[][] = new Array(b.rows);
  for (let r = 0; r < b.rows; r++) {
    const f: string[] = new Array(b.cols);
    const w: GoogleAppsScript.Spreadsheet.FontWeight[] = new Array(b.cols);
    const n: string[] = new Array(b.cols);
    for (let c = 0; c < b.cols; c++) {
      const format = b.numberFormats[r][c];
      const value = b.values[r][c];
      f[c] = format === GENERAL_FORMAT && typeof value === 'string' && value !== '' ? TEXT_FORMAT : format;
      w[c] = b.bold[r][c] ? 'bold' : 'normal';
      n[c] = b.notes[r][c] ?? '';
    }
    formats[r] = f;
    weights[r] = w;
    notes[r] = n;
  }
  range.setNumberFormats(formats);
  range.setValues(b.values);
  range.setBackgrounds(b.fills as string[][]);
  range.setFontWeights(weights);
  range.setNotes(notes);
}
