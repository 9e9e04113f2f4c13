/**
 * An in-memory SpreadsheetApp / HtmlService / Utilities / Session, just large enough for Code.js, that
 * counts every call on a spreadsheet, sheet or range so tests can show the count does not grow with rows.
 * Dates behave as in Sheets: getValues gives Date objects at midnight of the spreadsheet's time zone.
 */
import { parseA1 } from '../../src/core/index.js';

export type Value = string | number | boolean | Date;

export class Counter {
  calls = 0;
  byName = new Map<string, number>();
  hit(name: string) {
    this.calls++;
    this.byName.set(name, (this.byName.get(name) ?? 0) + 1);
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

export class FakeRange {
  constructor(readonly sheet: FakeSheet, readonly row: number, readonly col: number, readonly rows: number, readonly cols: number) {}
  private hit(name: string) {
    this.sheet.ss.counter.hit(`Range.${name}`);
  }
  private each<T>(grid: T[][], set: (r: number, c: number, v: T) => void) {
    if (grid.length !== this.rows || grid.some((r) => r.length !== this.cols)) {
      throw new Error(`The number of rows or columns in the data does not match the range (${grid.length}x${grid[0]?.length} vs ${this.rows}x${this.cols})`);
    }
    grid.forEach((r, i) => r.forEach((v, j) => set(this.row + i, this.col + j, v)));
  }
  getValues(): Value[][] {
    this.hit('getValues');
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => this.sheet.cell(this.row + i, this.col + j).value));
  }
  getValue(): Value {
    this.hit('getValue');
    return this.sheet.cell(this.row, this.col).value;
  }
  setValues(values: Value[][]) {
    this.hit('setValues');
    this.each(values, (r, c, v) => (this.sheet.cell(r, c).value = v));
    return this;
  }
  setNumberFormats(formats: string[][]) {
    this.hit('setNumberFormats');
    this.each(formats, (r, c, v) => (this.sheet.cell(r, c).format = v));
    return this;
  }
  setBackgrounds(colors: (string | null)[][]) {
    this.hit('setBackgrounds');
    this.each(colors, (r, c, v) => (this.sheet.cell(r, c).background = v));
    return this;
  }
  setFontWeights(weights: string[][]) {
    this.hit('setFontWeights');
    this.each(weights, (r, c, v) => (this.sheet.cell(r, c).weight = v));
    return this;
  }
  setFontWeight(weight: string) {
    this.hit('setFontWeight');
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) this.sheet.cell(this.row + i, this.col + j).weight = weight;
    return this;
  }
  setNotes(notes: string[][]) {
    this.hit('setNotes');
    this.each(notes, (r, c, v) => (this.sheet.cell(r, c).note = v));
    return this;
  }
  setDataValidation(rule: { list: string[] }) {
    this.hit('setDataValidation');
    for (let i = 0; i < this.rows; i++) this.sheet.cell(this.row + i, this.col).validation = rule.list;
    return this;
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

interface Cell {
  value: Value;
  format?: string;
  background?: string | null;
  weight?: string;
  note?: string;
  validation?: string[];
}

export class FakeSheet {
  cells = new Map<string, Cell>();
  frozenRows = 0;
  widths = new Map<number, number>();
  protection: { description: string; editors: string[]; domainEdit: boolean } | null = null;
  constructor(readonly ss: FakeSpreadsheet, public name: string) {}
  cell(r: number, c: number): Cell {
    const key = `${r},${c}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { value: '' }));
    return cell;
  }
  private hit(name: string) {
    this.ss.counter.hit(`Sheet.${name}`);
  }
  getName() { return this.name; }
  setName(name: string) {
    this.hit('setName');
    this.name = name;
    return this;
  }
  getLastRow() {
    let last = 0;
    for (const [k, v] of this.cells) if (v.value !== '') last = Math.max(last, Number(k.split(',')[0]));
    return last;
  }
  getLastColumn() {
    let last = 0;
    for (const [k, v] of this.cells) if (v.value !== '') last = Math.max(last, Number(k.split(',')[1]));
    return last;
  }
  getDataRange() {
    this.hit('getDataRange');
    return new FakeRange(this, 1, 1, Math.max(this.getLastRow(), 1), Math.max(this.getLastColumn(), 1));
  }
  getRange(a: number | string, b?: number, c = 1, d = 1) {
    this.hit('getRange');
    if (typeof a === 'string') {
      const p = parseA1(a);
      if (!p) throw new Error(`Range not found: ${a}`);
      return new FakeRange(this, p.row + 1, p.col + 1, 1, 1);
    }
    return new FakeRange(this, a, b as number, c, d);
  }
  clear() {
    this.hit('clear');
    this.cells.clear();
    return this;
  }
  setFrozenRows(n: number) {
    this.hit('setFrozenRows');
    this.frozenRows = n;
  }
  setColumnWidth(col: number, px: number) {
    this.hit('setColumnWidth');
    this.widths.set(col, px);
    return this;
  }
  activate() {
    this.hit('activate');
    this.ss.active = { sheet: this.name, a1: 'A1' };
    return this;
  }
  copyTo(ss: FakeSpreadsheet) {
    this.hit('copyTo');
    const copy = ss.addSheet(`Copia di ${this.name}`);
    for (const [k, v] of this.cells) copy.cells.set(k, { ...v });
    copy.frozenRows = this.frozenRows;
    return copy;
  }
  protect() {
    this.hit('protect');
    const p: NonNullable<FakeSheet['protection']> = (this.protection = { description: '', editors: ['owner@example.org', 'analista@example.org'], domainEdit: true });
    const api = {
      setDescription: (d: string) => ((p.description = d), api),
      getEditors: () => [...p.editors],
      removeEditors: (list: string[]) => ((p.editors = p.editors.filter((e) => e === 'owner@example.org' || !list.includes(e))), api),
      canDomainEdit: () => p.domainEdit,
      setDomainEdit: (v: boolean) => ((p.domainEdit = v), api),
    };
    return api;
  }
  /** The sheet as a table of values (tests only; not counted). */
  table(): Value[][] {
    const rows = this.getLastRow();
    const cols = this.getLastColumn();
    return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => this.cell(i + 1, j + 1).value));
  }
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  counter = new Counter();
  toasts: string[] = [];
  active: { sheet: string; a1: string } | null = null;
  constructor(readonly timeZone = 'Europe/Rome') {}
  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(this, name);
    this.sheets.push(sheet);
    return sheet;
  }
  /** Fills a sheet from a table (tests only; not counted). Date strings "@YYYY-MM-DD" become zoned Dates. */
  load(name: string, table: unknown[][]): FakeSheet {
    const sheet = this.addSheet(name);
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
  getSheetByName(name: string) {
    this.counter.hit('Spreadsheet.getSheetByName');
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string) {
    this.counter.hit('Spreadsheet.insertSheet');
    if (this.sheets.some((s) => s.name === name)) throw new Error(`A sheet with the name "${name}" already exists.`);
    return this.addSheet(name);
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  toast(message: string) {
    this.counter.hit('Spreadsheet.toast');
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
}

/** The Apps Script globals Code.js uses, over one spreadsheet. */
export function appsScriptGlobals(ss: FakeSpreadsheet, locale = 'it') {
  const ui: FakeUi = { menus: [], sidebars: [] };
  const menu = (name: string) => {
    const entry = { name, items: [] as [string, string][] };
    const api = {
      addItem: (label: string, fn: string) => (entry.items.push([label, fn]), api),
      addSeparator: () => api,
      addToUi: () => void ui.menus.push(entry),
    };
    return api;
  };
  return {
    ui,
    globals: {
      SpreadsheetApp: {
        getActiveSpreadsheet: () => ss,
        getUi: () => ({
          createMenu: menu,
          showSidebar: (html: { title: string; file: string }) => ui.sidebars.push(html),
        }),
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
      Utilities: { formatDate },
      Session: { getActiveUserLocale: () => locale, getScriptTimeZone: () => 'Europe/Rome' },
    },
  };
}
