/**
 * An in-memory Excel object model with Office.js's proxy rules: loaded properties may only be read after
 * context.sync(), and every sync is counted, so tests can show the count does not grow with the rows.
 * Plain TypeScript without Node APIs: the browser test bundles it into the stub office.js as well.
 */

type Value = string | number | boolean;

interface Cell {
  value: Value;
  format: string;
  fill: string | null;
  bold: boolean;
  list: string[] | null;
}

function colLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a1.trim());
  if (!m) throw new Error(`InvalidArgument: ${a1}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export class FakeWorkbook {
  sheets: FakeWorksheet[] = [];
  syncs = 0;
  operations = 0;
  /** Cell notes by "Sheet!A1". */
  notes = new Map<string, string>();
  active: { sheet: string; address: string } | null = null;
  private pending: (() => void)[] = [];

  sheet(name: string): FakeWorksheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  /** Fills a sheet from a table (tests only, not counted). */
  load(name: string, table: unknown[][]): FakeWorksheet {
    const ws = new FakeWorksheet(this, name);
    this.sheets.push(ws);
    table.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== '') ws.cell(r, c).value = v as Value;
    }));
    return ws;
  }
  op() {
    this.operations++;
  }
  defer(fn: () => void) {
    this.pending.push(fn);
  }
  context() {
    const wb = this;
    return {
      workbook: {
        worksheets: new FakeWorksheets(wb),
      },
      sync: async () => {
        wb.syncs++;
        for (const fn of wb.pending.splice(0)) fn();
      },
    };
  }
  /** The Excel.run a host calls. */
  run = <T>(batch: (context: ReturnType<FakeWorkbook['context']>) => Promise<T>): Promise<T> => batch(this.context());
}

/** Properties a proxy exposes only once loaded and synced. */
class Loadable {
  private snapshot: Record<string, unknown> | null = null;
  constructor(protected readonly wb: FakeWorkbook, private readonly read: () => Record<string, unknown>) {}
  load(_props?: string) {
    this.wb.op();
    this.wb.defer(() => (this.snapshot = this.read()));
    return this;
  }
  protected loaded(name: string): unknown {
    if (!this.snapshot) throw new Error(`PropertyNotLoaded: ${name} read before load() and context.sync()`);
    return this.snapshot[name];
  }
  get isNullObject(): boolean {
    return this.loaded('isNullObject') as boolean;
  }
  get id(): unknown {
    return this.loaded('id');
  }
}

class FakeWorksheets extends Loadable {
  constructor(wb: FakeWorkbook) {
    super(wb, () => ({ items: wb.sheets.map((s) => s) }));
  }
  get items(): FakeWorksheet[] {
    return this.loaded('items') as FakeWorksheet[];
  }
  getItem(name: string) {
    this.wb.op();
    return this.wb.sheet(name);
  }
  add(name: string) {
    this.wb.op();
    if (this.wb.sheets.some((s) => s.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
    const ws = new FakeWorksheet(this.wb, name);
    this.wb.sheets.push(ws);
    return ws;
  }
}

export class FakeWorksheet {
  cells = new Map<string, Cell>();
  frozenRows = 0;
  widths = new Map<number, number>();
  constructor(readonly wb: FakeWorkbook, public name: string) {}
  cell(r: number, c: number): Cell {
    const key = `${r},${c}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { value: '', format: 'General', fill: null, bold: false, list: null }));
    return cell;
  }
  private extent() {
    let rows = 0;
    let cols = 0;
    let minRow = Infinity;
    let minCol = Infinity;
    for (const [k, v] of this.cells) {
      if (v.value === '') continue;
      const [r, c] = k.split(',').map(Number);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
      minRow = Math.min(minRow, r);
      minCol = Math.min(minCol, c);
    }
    return rows === 0 ? null : { row: minRow, col: minCol, rows: rows - minRow, cols: cols - minCol };
  }
  /** The sheet's values from A1 (tests only, not counted). */
  table(): Value[][] {
    const e = this.extent();
    if (!e) return [];
    return Array.from({ length: e.row + e.rows }, (_, r) => Array.from({ length: e.col + e.cols }, (_, c) => this.cell(r, c).value));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean) {
    this.wb.op();
    const e = this.extent();
    return new FakeRange(this, e?.row ?? 0, e?.col ?? 0, e?.rows ?? 0, e?.cols ?? 0, e === null);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
    this.wb.op();
    return new FakeRange(this, row, col, rows, cols, false);
  }
  getRange(address?: string) {
    this.wb.op();
    if (address === undefined) return new FakeRange(this, 0, 0, Infinity, Infinity, false);
    const p = parseAddress(address);
    return new FakeRange(this, p.row, p.col, 1, 1, false);
  }
  get notes() {
    const ws = this;
    const key = (cell: string) => `${ws.name}!${cell}`;
    return {
      getItemOrNullObject(cell: string) {
        ws.wb.op();
        const item = new Loadable(ws.wb, () => ({ isNullObject: !ws.wb.notes.has(key(cell)), id: cell }));
        return Object.assign(item, {
          delete() {
            ws.wb.op();
            ws.wb.notes.delete(key(cell));
          },
        });
      },
      add(cell: string, text: string) {
        ws.wb.op();
        if (ws.wb.notes.has(key(cell))) throw new Error(`InvalidOperation: ${cell} already has a note`);
        ws.wb.notes.set(key(cell), text);
      },
    };
  }
  activate() {
    this.wb.op();
    this.wb.active = { sheet: this.name, address: this.wb.active?.sheet === this.name ? this.wb.active.address : 'A1' };
  }
  freezePanes = {
    freezeRows: (n: number) => {
      this.wb.op();
      this.frozenRows = n;
    },
  };
}

export class FakeRange extends Loadable {
  constructor(readonly ws: FakeWorksheet, readonly row: number, readonly col: number, readonly rows: number, readonly cols: number, nullObject: boolean) {
    super(ws.wb, () => ({
      isNullObject: nullObject,
      rowIndex: row,
      columnIndex: col,
      values: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => ws.cell(row + r, col + c).value)),
    }));
  }
  get rowIndex(): number {
    return this.loaded('rowIndex') as number;
  }
  get columnIndex(): number {
    return this.loaded('columnIndex') as number;
  }
  get values(): Value[][] {
    return this.loaded('values') as Value[][];
  }
  private grid<T>(grid: T[][], set: (cell: Cell, v: T) => void) {
    this.wb.op();
    if (grid.length !== this.rows || grid.some((r) => r.length !== this.cols)) {
      throw new Error(`InvalidArgument: ${grid.length}x${grid[0]?.length} for a ${this.rows}x${this.cols} range`);
    }
    grid.forEach((r, i) => r.forEach((v, j) => set(this.ws.cell(this.row + i, this.col + j), v)));
  }
  set values(grid: Value[][]) {
    this.grid(grid, (cell, v) => (cell.value = v));
  }
  set numberFormat(grid: string[][]) {
    this.grid(grid, (cell, v) => (cell.format = v));
  }
  private each(set: (cell: Cell) => void) {
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) set(this.ws.cell(this.row + i, this.col + j));
  }
  get format() {
    const range = this;
    return {
      fill: {
        set color(color: string) {
          range.wb.op();
          range.each((c) => (c.fill = color));
        },
        clear() {
          range.wb.op();
          range.each((c) => (c.fill = null));
        },
      },
      font: {
        set bold(b: boolean) {
          range.wb.op();
          range.each((c) => (c.bold = b));
        },
      },
      set columnWidth(points: number) {
        range.wb.op();
        range.ws.widths.set(range.col, points);
      },
    };
  }
  get dataValidation() {
    const range = this;
    return {
      clear() {
        range.wb.op();
        range.each((c) => (c.list = null));
      },
      set rule(rule: { list: { source: string } }) {
        range.wb.op();
        range.each((c) => (c.list = rule.list.source.split(',')));
      },
    };
  }
  clear() {
    this.wb.op();
    if (this.rows === Infinity) this.ws.cells.clear();
    else this.each((c) => Object.assign(c, { value: '', format: 'General', fill: null, bold: false, list: null }));
  }
  select() {
    this.wb.op();
    this.wb.active = { sheet: this.ws.name, address: `${colLetters(this.col)}${this.row + 1}` };
  }
}
