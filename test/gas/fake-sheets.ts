/**
 * An in-memory SpreadsheetApp (with HtmlService, Utilities, Session and LockService) that refuses what
 * Google Sheets refuses, so a test that passes here does not fail on the real host:
 *
 * - indices are 1-based and checked (getRange(0, 1) throws), and a range must lie inside the sheet's
 *   rows and columns (a new sheet has 1000 x 26; the adapter must grow it for more);
 * - every set*s grid must have the range's exact shape, and only the value types Sheets takes;
 * - a string written over a non-text format is read as Sheets reads typed input ("1.10" becomes 1.1);
 * - sheet names are unique case-insensitively (`sintesi` next to `Sintesi` throws);
 * - Sheet.clear() leaves notes and data validations in place (they have their own clear calls);
 * - developer metadata lives on sheets and travels with copyTo;
 * - a protection whose editor rights come from a group throws when the group is removed before the
 *   effective user is added, as Google's Protection sample warns;
 * - in custom-function mode every set*, clear*, toast and getUi throws, as in a cell formula.
 *
 * Every call on a spreadsheet, sheet or range is counted so tests can show the count does not grow with
 * rows. Dates behave as in Sheets: getValues gives Date objects at midnight of the spreadsheet's zone.
 */
import { parseA1 } from '../../src/core/index.js';

export type Value = string | number | boolean | Date;

/** Sheets' own exception messages, so tests can match what users would see. */
export class SheetsException extends Error {
  constructor(message: string) {
    super(`Exception: ${message}`);
    this.name = 'Exception';
  }
}

export class Counter {
  calls = 0;
  byName = new Map<string, number>();
  hit(name: string) {
    this.calls++;
    this.byName.set(name, (this.byName.get(name) ?? 0) + 1);
  }
  count(name: string): number {
    return this.byName.get(name) ?? 0;
  }
}

/** Midnight of a calendar day in a time zone, as Sheets returns a date cell. */
export function zonedMidnight(y: number, m: number, d: number, timeZone: string): Date {
  const guess = Date.UTC(y, m - 1, d);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(new Date(guess));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asZone = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (asZone - guess));
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return pattern.replace('yyyy', get('year')).replace('MM', get('month')).replace('dd', get('day'))
    .replace('HH', get('hour')).replace('mm', get('minute')).replace('ss', get('second'));
}

export interface Cell {
  value: Value;
  format: string;
  background: string | null;
  weight: 'bold' | 'normal';
  note: string;
  validation: string[] | null;
}

const blankCell = (): Cell => ({ value: '', format: 'General', background: null, weight: 'normal', note: '', validation: null });
const BLANK: Readonly<Cell> = Object.freeze(blankCell());

/** Plain text format: strings are kept as written. */
export const TEXT_FORMAT = '@';

/** What Sheets makes of a typed string: numbers in the spreadsheet's (here: dot-decimal) notation. */
function asTyped(value: Value, format: string): Value {
  if (typeof value !== 'string' || format === TEXT_FORMAT) return value;
  if (/^[+-]?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return value;
}

function checkGrid<T>(name: string, grid: unknown, rows: number, cols: number, ok: (v: unknown) => v is T): T[][] {
  if (!Array.isArray(grid)) throw new SheetsException(`The parameters (${typeof grid}) don't match the method signature for SpreadsheetApp.Range.${name}.`);
  if (grid.length !== rows) {
    throw new SheetsException(`The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${rows}.`);
  }
  for (const row of grid) {
    if (!Array.isArray(row) || row.length !== cols) {
      throw new SheetsException(`The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${cols}.`);
    }
    for (const v of row) if (!ok(v)) throw new SheetsException(`The parameters (${Object.prototype.toString.call(v)}) don't match the method signature for SpreadsheetApp.Range.${name}.`);
  }
  return grid as T[][];
}

const isValue = (v: unknown): v is Value | null => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date;
const isString = (v: unknown): v is string => typeof v === 'string';
const isNote = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isColor = (v: unknown): v is string | null => v === null || (typeof v === 'string' && /^(#[0-9a-f]{6}|)$/i.test(v));
const isWeight = (v: unknown): v is 'bold' | 'normal' | null => v === null || v === 'bold' || v === 'normal';

export class FakeRange {
  constructor(readonly sheet: FakeSheet, readonly row: number, readonly col: number, readonly rows: number, readonly cols: number) {}
  private hit(name: string) {
    this.sheet.ss.counter.hit(`Range.${name}`);
    if (/^(set|clear|insert|delete|activate|protect)/.test(name)) this.sheet.ss.checkWritable(name);
  }
  private each<T>(grid: T[][], set: (cell: Cell, v: T) => void) {
    grid.forEach((r, i) => r.forEach((v, j) => set(this.sheet.cell(this.row + i, this.col + j), v)));
  }
  getValues(): Value[][] {
    this.hit('getValues');
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => this.sheet.peek(this.row + i, this.col + j).value));
  }
  getValue(): Value {
    this.hit('getValue');
    return this.sheet.peek(this.row, this.col).value;
  }
  setValues(values: (Value | null)[][]) {
    this.hit('setValues');
    this.each(checkGrid('setValues', values, this.rows, this.cols, isValue), (c, v) => (c.value = asTyped(v ?? '', c.format)));
    return this;
  }
  setNumberFormats(formats: string[][]) {
    this.hit('setNumberFormats');
    this.each(checkGrid('setNumberFormats', formats, this.rows, this.cols, isString), (c, v) => (c.format = v));
    return this;
  }
  setNumberFormat(format: string) {
    this.hit('setNumberFormat');
    if (!isString(format)) throw new SheetsException(`Invalid number format ${String(format)}`);
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) this.sheet.cell(this.row + i, this.col + j).format = format;
    return this;
  }
  setBackgrounds(colors: (string | null)[][]) {
    this.hit('setBackgrounds');
    this.each(checkGrid('setBackgrounds', colors, this.rows, this.cols, isColor), (c, v) => (c.background = v || null));
    return this;
  }
  setFontWeights(weights: ('bold' | 'normal' | null)[][]) {
    this.hit('setFontWeights');
    this.each(checkGrid('setFontWeights', weights, this.rows, this.cols, isWeight), (c, v) => (c.weight = v ?? 'normal'));
    return this;
  }
  setFontWeight(weight: 'bold' | 'normal' | null) {
    this.hit('setFontWeight');
    if (!isWeight(weight)) throw new SheetsException(`Invalid font weight ${String(weight)}`);
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) this.sheet.cell(this.row + i, this.col + j).weight = weight ?? 'normal';
    return this;
  }
  /** '' or null removes a note. */
  setNotes(notes: (string | null)[][]) {
    this.hit('setNotes');
    this.each(checkGrid('setNotes', notes, this.rows, this.cols, isNote), (c, v) => (c.note = v ?? ''));
    return this;
  }
  setDataValidation(rule: { list: string[] } | null) {
    this.hit('setDataValidation');
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) this.sheet.cell(this.row + i, this.col + j).validation = rule ? rule.list : null;
    return this;
  }
  clearDataValidations() {
    this.hit('clearDataValidations');
    return this.setDataValidation(null);
  }
  /** Only PASTE_VALUES onto the same place: the fake has no formulas, so values stay as they are. */
  copyTo(destination: FakeRange, type: string, transposed: boolean) {
    this.hit('copyTo');
    if (type !== 'PASTE_VALUES' || transposed || destination.sheet !== this.sheet || destination.row !== this.row || destination.col !== this.col) {
      throw new Error('fake: only copyTo(itself, PASTE_VALUES, false) is modelled');
    }
    this.sheet.ss.checkWritable('copyTo');
  }
  activate() {
    this.hit('activate');
    this.sheet.ss.active = { sheet: this.sheet.name, a1: this.getA1Notation() };
    return this;
  }
  getA1Notation() {
    let s = '';
    for (let n = this.col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return `${s}${this.row}`;
  }
  getRow() { return this.row; }
  getColumn() { return this.col; }
  getNumRows() { return this.rows; }
  getNumColumns() { return this.cols; }
  getSheet() { return this.sheet; }
}

export interface FakeUser {
  getEmail(): string;
}
const user = (email: string): FakeUser => ({ getEmail: () => email });

export interface FakeMetadata {
  getKey(): string;
  getValue(): string | null;
  setValue(value: string): FakeMetadata;
  remove(): void;
}

/** Who the script runs as, and the group that gives them edit rights (Google's sample's edge case). */
export const EFFECTIVE_USER = 'analista@example.org';
export const OWNER = 'owner@example.org';
export const EDITORS_GROUP = 'controllo-gestione@example.org';

export class FakeSheet {
  /** Cells by 1-based row, then column; holes are blank cells. */
  grid: Cell[][] = [];
  frozenRows = 0;
  widths = new Map<number, number>();
  maxRows: number;
  maxColumns: number;
  metadata: { key: string; value: string | null }[] = [];
  protection: { description: string; editors: string[]; domainEdit: boolean } | null = null;
  constructor(readonly ss: FakeSpreadsheet, public name: string, rows = 1000, columns = 26) {
    this.maxRows = rows;
    this.maxColumns = columns;
  }
  /** Direct access for tests and the fake itself (not counted, not checked); creates the cell. */
  cell(r: number, c: number): Cell {
    const row = (this.grid[r] ??= []);
    return (row[c] ??= blankCell());
  }
  /** The cell without creating it. */
  peek(r: number, c: number): Cell {
    return this.grid[r]?.[c] ?? BLANK;
  }
  *cells(): Generator<[number, number, Cell]> {
    for (let r = 0; r < this.grid.length; r++) {
      const row = this.grid[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) if (row[c]) yield [r, c, row[c]];
    }
  }
  private hit(name: string) {
    this.ss.counter.hit(`Sheet.${name}`);
    if (/^(set|clear|insert|delete|activate|protect|add)/.test(name)) this.ss.checkWritable(name);
  }
  getName() { return this.name; }
  setName(name: string) {
    this.hit('setName');
    this.ss.checkNewName(name, this);
    this.name = name;
    return this;
  }
  getMaxRows() { return this.maxRows; }
  getMaxColumns() { return this.maxColumns; }
  insertRowsAfter(after: number, howMany: number) {
    this.hit('insertRowsAfter');
    if (after < 1 || after > this.maxRows || howMany < 1) throw new SheetsException('Those rows are out of bounds.');
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number) {
    this.hit('insertColumnsAfter');
    if (after < 1 || after > this.maxColumns || howMany < 1) throw new SheetsException('Those columns are out of bounds.');
    this.maxColumns += howMany;
    return this;
  }
  getLastRow() {
    for (let r = this.grid.length - 1; r > 0; r--) if (this.grid[r]?.some((cell) => cell && cell.value !== '')) return r;
    return 0;
  }
  getLastColumn() {
    let last = 0;
    for (const [, c, cell] of this.cells()) if (cell.value !== '' && c > last) last = c;
    return last;
  }
  getDataRange() {
    this.hit('getDataRange');
    return new FakeRange(this, 1, 1, Math.max(this.getLastRow(), 1), Math.max(this.getLastColumn(), 1));
  }
  getRange(a: number | string, b?: number, c?: number, d?: number) {
    this.hit('getRange');
    if (typeof a === 'string') {
      const p = parseA1(a);
      if (!p) throw new SheetsException(`Range not found`);
      return this.checked(p.row + 1, p.col + 1, 1, 1);
    }
    return this.checked(a, b, c ?? 1, d ?? 1);
  }
  private checked(row: unknown, col: unknown, rows: unknown, cols: unknown): FakeRange {
    const int = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
    if (!int(row) || !int(col) || !int(rows) || !int(cols)) {
      throw new SheetsException(`The parameters (${[row, col, rows, cols].map((v) => typeof v).join(',')}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`);
    }
    const [r, c, n, m] = [row, col, rows, cols] as number[];
    if (r < 1) throw new SheetsException('The starting row of the range is too small.');
    if (c < 1) throw new SheetsException('The starting column of the range is too small.');
    if (n < 1) throw new SheetsException('The number of rows in the range must be at least 1.');
    if (m < 1) throw new SheetsException('The number of columns in the range must be at least 1.');
    if (r + n - 1 > this.maxRows || c + m - 1 > this.maxColumns) throw new SheetsException('The coordinates of the range are outside the dimensions of the sheet.');
    return new FakeRange(this, r, c, n, m);
  }
  /** Values and formats go; notes and data validations stay (Sheets has clearNotes and clearDataValidations). */
  clear() {
    this.hit('clear');
    for (const [r, c, cell] of this.cells()) this.grid[r][c] = { ...blankCell(), note: cell.note, validation: cell.validation };
    return this;
  }
  clearNotes() {
    this.hit('clearNotes');
    for (const [, , cell] of this.cells()) cell.note = '';
    return this;
  }
  setFrozenRows(n: number) {
    this.hit('setFrozenRows');
    if (!Number.isInteger(n) || n < 0 || n > this.maxRows) throw new SheetsException('Invalid number of frozen rows.');
    this.frozenRows = n;
  }
  setColumnWidth(col: number, px: number) {
    this.hit('setColumnWidth');
    if (!Number.isInteger(col) || col < 1 || col > this.maxColumns) throw new SheetsException('Those columns are out of bounds.');
    this.widths.set(col, px);
    return this;
  }
  activate() {
    this.hit('activate');
    this.ss.active = { sheet: this.name, a1: 'A1' };
    return this;
  }
  getDeveloperMetadata(): FakeMetadata[] {
    this.hit('getDeveloperMetadata');
    return this.metadata.map((entry) => {
      const api: FakeMetadata = {
        getKey: () => entry.key,
        getValue: () => entry.value,
        setValue: (value: string) => {
          this.ss.checkWritable('setValue');
          entry.value = value;
          return api;
        },
        remove: () => {
          this.ss.checkWritable('remove');
          this.metadata = this.metadata.filter((m) => m !== entry);
        },
      };
      return api;
    });
  }
  addDeveloperMetadata(key: string, value?: string) {
    this.hit('addDeveloperMetadata');
    this.metadata.push({ key, value: value ?? null });
    return this;
  }
  copyTo(ss: FakeSpreadsheet) {
    this.hit('copyTo');
    const copy = ss.addSheet(ss.freeName(`Copia di ${this.name}`), this.maxRows, this.maxColumns);
    for (const [r, c, cell] of this.cells()) Object.assign(copy.cell(r, c), cell);
    copy.frozenRows = this.frozenRows;
    copy.metadata = this.metadata.map((m) => ({ ...m }));
    return copy;
  }
  protect() {
    this.hit('protect');
    // The effective user edits through the group, not as a named editor.
    const p: NonNullable<FakeSheet['protection']> = (this.protection = { description: '', editors: [OWNER, EDITORS_GROUP, 'revisore@example.org'], domainEdit: true });
    const emailOf = (u: string | FakeUser) => (typeof u === 'string' ? u : u.getEmail());
    const api = {
      setDescription: (d: string) => ((p.description = d), api),
      getEditors: () => p.editors.map(user),
      addEditor: (u: string | FakeUser) => {
        const email = emailOf(u);
        if (!p.editors.includes(email)) p.editors.push(email);
        return api;
      },
      removeEditors: (list: (string | FakeUser)[]) => {
        const remove = new Set(list.map(emailOf));
        if (remove.has(EDITORS_GROUP) && !p.editors.includes(EFFECTIVE_USER)) {
          throw new SheetsException('You are trying to remove your own edit access; add yourself as an editor first.');
        }
        // Neither the owner nor the current user can be removed.
        p.editors = p.editors.filter((e) => e === OWNER || e === EFFECTIVE_USER || !remove.has(e));
        return api;
      },
      canDomainEdit: () => p.domainEdit,
      setDomainEdit: (v: boolean) => ((p.domainEdit = v), api),
    };
    return api;
  }
  /** The sheet as a table of values (tests only; not counted). */
  table(): Value[][] {
    const rows = this.getLastRow();
    const cols = this.getLastColumn();
    return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => this.peek(i + 1, j + 1).value));
  }
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  counter = new Counter();
  toasts: string[] = [];
  active: { sheet: string; a1: string } | null = null;
  /** 'customFunction': as inside a cell formula, nothing may be written or shown. */
  mode: 'normal' | 'customFunction' = 'normal';
  constructor(readonly timeZone = 'Europe/Rome') {}
  checkWritable(name: string) {
    if (this.mode === 'customFunction') throw new SheetsException(`You do not have permission to call ${name}`);
  }
  checkNewName(name: string, except?: FakeSheet) {
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
      throw new SheetsException(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
  freeName(base: string): string {
    let name = base;
    for (let n = 2; this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()); n++) name = `${base} ${n}`;
    return name;
  }
  /** Adds a sheet (tests and the fake itself; not counted). */
  addSheet(name: string, rows = 1000, columns = 26): FakeSheet {
    this.checkNewName(name);
    const sheet = new FakeSheet(this, name, rows, columns);
    this.sheets.push(sheet);
    return sheet;
  }
  /** Fills a sheet from a table (tests only; not counted), sized to the data as an imported file is. */
  load(name: string, table: unknown[][]): FakeSheet {
    let width = 1;
    for (const row of table) if (row.length > width) width = row.length;
    const sheet = this.addSheet(name, Math.max(table.length, 1), width);
    table.forEach((row, i) => row.forEach((v, j) => {
      if (v === null || v === undefined || v === '') return;
      sheet.cell(i + 1, j + 1).value = v as Value;
    }));
    return sheet;
  }
  getSheets() {
    this.counter.hit('Spreadsheet.getSheets');
    return [...this.sheets];
  }
  /** Case-insensitive, as in Sheets. */
  getSheetByName(name: string) {
    this.counter.hit('Spreadsheet.getSheetByName');
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  insertSheet(name: string) {
    this.counter.hit('Spreadsheet.insertSheet');
    this.checkWritable('insertSheet');
    return this.addSheet(name);
  }
  deleteSheet(sheet: FakeSheet) {
    this.counter.hit('Spreadsheet.deleteSheet');
    this.checkWritable('deleteSheet');
    if (!this.sheets.includes(sheet)) throw new SheetsException('Sheet not found.');
    if (this.sheets.length === 1) throw new SheetsException("You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
  }
  getSpreadsheetTimeZone() {
    this.counter.hit('Spreadsheet.getSpreadsheetTimeZone');
    return this.timeZone;
  }
  toast(message: string) {
    this.counter.hit('Spreadsheet.toast');
    this.checkWritable('toast');
    this.toasts.push(message);
  }
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
}

export interface FakeUi {
  menus: { name: string; items: [string, string][] }[];
  sidebars: { title: string; file: string }[];
  alerts: string[];
}

/** A document lock shared by every "user" of the spreadsheet: `holder` is who has it. */
export class FakeLocks {
  holder: string | null = null;
  waits: number[] = [];
  forUser(who: string) {
    const lock = {
      tryLock: (ms: number) => {
        this.waits.push(ms);
        if (this.holder && this.holder !== who) return false;
        this.holder = who;
        return true;
      },
      waitLock: (ms: number) => {
        if (!lock.tryLock(ms)) throw new SheetsException('Lock timeout: another process was holding the lock for too long.');
      },
      hasLock: () => this.holder === who,
      releaseLock: () => {
        if (this.holder === who) this.holder = null;
      },
    };
    return lock;
  }
}

/** The Apps Script globals Code.js uses, over one spreadsheet. */
export function appsScriptGlobals(ss: FakeSpreadsheet, locale = 'it', locks = new FakeLocks()) {
  const ui: FakeUi = { menus: [], sidebars: [], alerts: [] };
  const menu = (name: string) => {
    const entry = { name, items: [] as [string, string][] };
    const api = {
      addItem: (label: string, fn: string) => (entry.items.push([label, fn]), api),
      addSeparator: () => api,
      addToUi: () => void ui.menus.push(entry),
    };
    return api;
  };
  const counter = ss.counter;
  return {
    ui,
    locks,
    globals: {
      SpreadsheetApp: {
        getActiveSpreadsheet: () => (counter.hit('SpreadsheetApp.getActiveSpreadsheet'), ss),
        getActive: () => (counter.hit('SpreadsheetApp.getActiveSpreadsheet'), ss),
        flush: () => counter.hit('SpreadsheetApp.flush'),
        CopyPasteType: { PASTE_VALUES: 'PASTE_VALUES' },
        getUi: () => {
          counter.hit('SpreadsheetApp.getUi');
          ss.checkWritable('getUi');
          return {
            createMenu: menu,
            showSidebar: (html: { title: string; file: string }) => ui.sidebars.push(html),
            alert: (title: string, prompt?: string) => void ui.alerts.push(prompt === undefined ? title : `${title}: ${prompt}`),
            ButtonSet: { OK: 'OK' },
          };
        },
        newDataValidation: () => {
          const rule = { list: [] as string[] };
          const api = {
            requireValueInList: (list: string[]) => ((rule.list = list), api),
            setAllowInvalid: () => api,
            build: () => rule,
          };
          return api;
        },
      },
      HtmlService: {
        createHtmlOutputFromFile: (file: string) => {
          const out = { file, title: '', setTitle: (t: string) => ((out.title = t), out) };
          return out;
        },
      },
      Utilities: {
        formatDate: (date: Date, timeZone: string, pattern: string) => (counter.hit('Utilities.formatDate'), formatDate(date, timeZone, pattern)),
      },
      Session: {
        getActiveUserLocale: () => locale,
        getScriptTimeZone: () => 'Europe/Rome',
        getEffectiveUser: () => user(EFFECTIVE_USER),
      },
      LockService: {
        getDocumentLock: () => locks.forUser(EFFECTIVE_USER),
      },
    },
  };
}
