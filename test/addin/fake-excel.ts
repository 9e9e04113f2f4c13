/**
 * A fake Excel as strict as the real one, at the level the real one works: it executes the JSON requests
 * that Microsoft's own office.js serialiser sends (RichApi "ProcessQuery": ObjectPaths and Actions) against
 * an in-memory workbook, and answers as Excel does. So the add-in runs on the real office.js proxies:
 * a property read without load() throws PropertyNotLoaded (office.js itself does that), nothing happens
 * before context.sync(), and errors surface there, from the first failing action. On top, the fake
 * refuses what Excel refuses and a lenient fake would let through:
 *
 * - requests over 5 MB (RequestPayloadSizeLimitExceeded, Excel on the web) and responses over 5 MB;
 * - a sheet added under a name that exists in another case (ItemAlreadyExists); getItem finds names in
 *   any case, as Excel does;
 * - a JavaScript Date in range values (JSON turns it into an ISO string Excel would store as text);
 * - getRangeByIndexes outside the 0-based grid, a values/numberFormat grid of the wrong shape;
 * - a note added where one exists; any API the fake does not know (ApiNotFound), so an adapter cannot
 *   silently depend on something untested.
 *
 * `null` in a values grid leaves the cell unchanged, as in Excel: clearing takes ''.
 * Plain TypeScript without Node APIs: the browser tests run it inside Chromium and behind a local server.
 */

export type Value = string | number | boolean;

export interface FakeCell {
  value: Value;
  format: string;
  fill: string | null;
  bold: boolean;
  list: string[] | null;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Excel on the web refuses requests and responses above this size. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class RichApiError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

function fail(code: string, message: string): never {
  throw new RichApiError(code, message);
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseCell(text: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i.exec(text.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "A1", "A1:C3", "Sheet!A1" (the sheet part is ignored: callers are already on a sheet). */
function parseAddress(address: string): { row: number; col: number; rows: number; cols: number } {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b] = local.split(':');
  const p = parseCell(a);
  const q = b === undefined ? p : parseCell(b);
  if (!p || !q) fail('InvalidArgument', `The argument is invalid or missing or has an incorrect format: "${address}"`);
  return { row: Math.min(p.row, q.row), col: Math.min(p.col, q.col), rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}

const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

function checkValue(v: unknown, where: string): v is Value | null {
  if (v === null) return true;
  if (typeof v === 'number' || typeof v === 'boolean') return true;
  if (typeof v === 'string') {
    if (ISO_DATE.test(v)) fail('InvalidArgument', `${where}: a JavaScript Date was sent as "${v}"; write a date serial number instead`);
    return true;
  }
  return fail('InvalidArgument', `${where}: unsupported cell value ${JSON.stringify(v)}`);
}

export class FakeSheet {
  cells = new Map<number, FakeCell>();
  /** Cell notes by 0-based row*MAX_COLS+col. */
  notes = new Map<number, string>();
  /** Sheet-scoped defined names, by lower-case name. */
  names = new Map<string, { name: string; formula: string; visible: boolean }>();
  frozenRows = 0;
  widths = new Map<number, number>();
  pageLayout: { orientation: string | null; zoom: Record<string, number> | null; printTitleRows: string | null } = { orientation: null, zoom: null, printTitleRows: null };
  constructor(readonly id: string, public name: string) {}

  cell(row: number, col: number): FakeCell {
    const key = row * MAX_COLS + col;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { value: '', format: 'General', fill: null, bold: false, list: null }));
    return cell;
  }
  peek(row: number, col: number): FakeCell | undefined {
    return this.cells.get(row * MAX_COLS + col);
  }
  /** Bounding box of non-empty values (valuesOnly) or of any non-default cell. */
  extent(valuesOnly: boolean): { row: number; col: number; rows: number; cols: number } | null {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    const take = (key: number) => {
      const r = Math.floor(key / MAX_COLS);
      const c = key % MAX_COLS;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    };
    for (const [key, cell] of this.cells) {
      if (cell.value !== '' || (!valuesOnly && (cell.fill !== null || cell.bold || cell.format !== 'General' || cell.list))) take(key);
    }
    if (!valuesOnly) for (const key of this.notes.keys()) take(key);
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }
  /** Values from A1 to the used extent (tests only). */
  table(): Value[][] {
    const e = this.extent(true);
    if (!e) return [];
    const out: Value[][] = [];
    for (let r = 0; r < e.row + e.rows; r++) {
      const line: Value[] = [];
      for (let c = 0; c < e.col + e.cols; c++) line.push(this.peek(r, c)?.value ?? '');
      out.push(line);
    }
    return out;
  }
  note(row: number, col: number): string | null {
    return this.notes.get(row * MAX_COLS + col) ?? null;
  }
}

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** What an object path resolves to. */
type Ref =
  | { kind: 'workbook' }
  | { kind: 'worksheets' }
  | { kind: 'sheet'; sheet: FakeSheet }
  | { kind: 'range'; sheet: FakeSheet; rect: Rect }
  | { kind: 'format' | 'fill' | 'font' | 'validation'; sheet: FakeSheet; rect: Rect }
  | { kind: 'names'; sheet: FakeSheet }
  | { kind: 'name'; sheet: FakeSheet; key: string }
  | { kind: 'notes'; sheet: FakeSheet }
  | { kind: 'note'; sheet: FakeSheet; key: number }
  | { kind: 'freezePanes' | 'pageLayout'; sheet: FakeSheet }
  | { kind: 'null' };

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[] };
  QueryInfo?: { Select?: string[] };
}

export interface RequestRecord {
  /** UTF-8 bytes of the request body. */
  bytes: number;
  actions: number;
  responseBytes: number;
  error: string | null;
}

const utf8 = new TextEncoder();
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export class FakeExcel {
  sheets: FakeSheet[] = [];
  requests: RequestRecord[] = [];
  active: { sheet: string; address: string } | null = null;
  /** Cell grids loaded (values or formats), by sheet: shows what a job reads. */
  reads: { sheet: string; cells: number }[] = [];
  /** Set to make every request fail as Excel does while a cell is being edited. */
  cellEditMode = false;
  private nextId = 1;

  /** Adds a sheet from a table (tests only; no request). */
  load(name: string, table: readonly (readonly unknown[])[] = []): FakeSheet {
    const ws = new FakeSheet(`{00000000-0000-0000-0000-${String(this.nextId++).padStart(12, '0')}}`, name);
    this.sheets.push(ws);
    table.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== '') ws.cell(r, c).value = v as Value;
    }));
    return ws;
  }
  /** Finds a sheet by its exact name (tests only). */
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}; sheets: ${this.sheets.map((x) => x.name).join(', ')}`);
    return s;
  }
  /** Like Excel: names match in any case; ids match too. */
  find(key: string): FakeSheet | undefined {
    const k = key.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k || s.id.toLowerCase() === k);
  }
  get syncs(): number {
    return this.requests.length;
  }
  get largestRequest(): number {
    return this.requests.reduce((m, r) => (r.bytes > m ? r.bytes : m), 0);
  }

  /** One RichApi round trip: the JSON body office.js posts, the JSON body Excel answers. */
  process(body: string): string {
    const bytes = utf8.encode(body).length;
    const record: RequestRecord = { bytes, actions: 0, responseBytes: 0, error: null };
    this.requests.push(record);
    const answer = (payload: unknown) => {
      const text = JSON.stringify(payload);
      record.responseBytes = utf8.encode(text).length;
      return text;
    };
    const error = (code: string, message: string, actionIndex = -1) => {
      record.error = code;
      return answer({ Error: { Code: code, Message: message, HttpStatusCode: 400, ActionIndex: actionIndex, Location: '' } });
    };
    if (bytes > PAYLOAD_LIMIT) return error('RequestPayloadSizeLimitExceeded', `The request payload size (${bytes} bytes) has exceeded the limit of ${PAYLOAD_LIMIT} bytes.`);
    const request = JSON.parse(body) as { Actions: ActionInfo[]; ObjectPaths: Record<string, ObjectPathInfo> };
    record.actions = request.Actions.length;
    if (this.cellEditMode && request.Actions.some((a) => a.ActionType !== 1)) {
      return error('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.', 0);
    }
    const resolved = new Map<number, Ref>();
    const resolve = (id: number): Ref => {
      const got = resolved.get(id);
      if (got) return got;
      const info = request.ObjectPaths[String(id)];
      if (!info) fail('InvalidObjectPath', `object path ${id} missing from the request`);
      const ref = this.path(info, info.ParentObjectPathId === undefined ? null : resolve(info.ParentObjectPathId), resolve);
      resolved.set(id, ref);
      return ref;
    };
    const results: { ActionId: number; Value: unknown }[] = [];
    for (let i = 0; i < request.Actions.length; i++) {
      const action = request.Actions[i];
      try {
        const value = this.act(action, resolve);
        if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
      } catch (e) {
        if (e instanceof RichApiError) return error(e.code, e.message, i);
        throw e;
      }
    }
    const text = answer({ Results: results });
    if (record.responseBytes > PAYLOAD_LIMIT) {
      return error('ResponsePayloadSizeLimitExceeded', `The response payload size (${record.responseBytes} bytes) has exceeded the limit of ${PAYLOAD_LIMIT} bytes.`);
    }
    return text;
  }

  private act(action: ActionInfo, resolve: (id: number) => Ref): unknown {
    const args = action.ArgumentInfo?.Arguments ?? [];
    switch (action.ActionType) {
      case 1: { // Instantiate
        const ref = resolve(action.ObjectPathId);
        return ref.kind === 'null' ? null : {};
      }
      case 2: // Query
        return this.query(resolve(action.ObjectPathId), action.QueryInfo?.Select);
      case 3: // Method
        return this.method(resolve(action.ObjectPathId), action.Name, args);
      case 4: // SetProperty
        this.set(resolve(action.ObjectPathId), action.Name, args[0]);
        return undefined;
      case 5: // Trace
        return undefined;
      default:
        return fail('ApiNotFound', `action type ${action.ActionType} (${action.Name}) is not supported by the fake`);
    }
  }

  private checkRect(rect: Rect, what: string): Rect {
    const ok = [rect.row, rect.col, rect.rows, rect.cols].every(Number.isInteger) && rect.row >= 0 && rect.col >= 0 && rect.rows >= 1 && rect.cols >= 1 &&
      rect.row + rect.rows <= MAX_ROWS && rect.col + rect.cols <= MAX_COLS;
    if (!ok) fail('InvalidArgument', `${what}(${rect.row}, ${rect.col}, ${rect.rows}, ${rect.cols}) is outside the sheet`);
    return rect;
  }

  private path(info: ObjectPathInfo, parent: Ref | null, resolve: (id: number) => Ref): Ref {
    const args = info.ArgumentInfo?.Arguments ?? [];
    const name = info.Name;
    const where = `${parent?.kind ?? 'root'}.${name || '[indexer]'}`;
    if (info.ObjectPathType === 1) return { kind: 'workbook' };
    if (!parent) return fail('InvalidObjectPath', `${where}: no parent`);
    if (parent.kind === 'null') return fail('InvalidObjectPath', `${where}: called on a null object`);
    if (info.ObjectPathType === 4) { // property
      switch (`${parent.kind}.${name}`) {
        case 'workbook.Worksheets': return { kind: 'worksheets' };
        case 'sheet.Names': return { kind: 'names', sheet: (parent as { sheet: FakeSheet }).sheet };
        case 'sheet.Notes': return { kind: 'notes', sheet: (parent as { sheet: FakeSheet }).sheet };
        case 'sheet.FreezePanes': return { kind: 'freezePanes', sheet: (parent as { sheet: FakeSheet }).sheet };
        case 'sheet.PageLayout': return { kind: 'pageLayout', sheet: (parent as { sheet: FakeSheet }).sheet };
        case 'range.Format': return { ...(parent as { sheet: FakeSheet; rect: Rect }), kind: 'format' };
        case 'format.Fill': return { ...(parent as { sheet: FakeSheet; rect: Rect }), kind: 'fill' };
        case 'format.Font': return { ...(parent as { sheet: FakeSheet; rect: Rect }), kind: 'font' };
        case 'range.DataValidation': return { ...(parent as { sheet: FakeSheet; rect: Rect }), kind: 'validation' };
        default: return fail('ApiNotFound', `${where} is not supported by the fake`);
      }
    }
    if (info.ObjectPathType === 5) { // indexer: collection.getItem(key)
      const key = String(args[0]);
      if (parent.kind === 'worksheets') {
        const sheet = this.find(key);
        if (!sheet) fail('ItemNotFound', `The requested resource doesn't exist: worksheet "${key}"`);
        return { kind: 'sheet', sheet };
      }
      if (parent.kind === 'notes') {
        const p = parseAddress(key);
        const k = p.row * MAX_COLS + p.col;
        if (!parent.sheet.notes.has(k)) fail('ItemNotFound', `The requested resource doesn't exist: note ${key}`);
        return { kind: 'note', sheet: parent.sheet, key: k };
      }
      return fail('ApiNotFound', `${where}(${key}) is not supported by the fake`);
    }
    if (info.ObjectPathType === 3) return this.objectMethod(parent, name, args, where, resolve);
    return fail('ApiNotFound', `object path type ${info.ObjectPathType} is not supported by the fake`);
  }

  /** Methods that return an object (ObjectPathType 3). */
  private objectMethod(parent: Exclude<Ref, { kind: 'null' }>, name: string, args: unknown[], where: string, resolve: (id: number) => Ref): Ref {
    if (parent.kind === 'range') {
      const { sheet, rect } = parent;
      // office.js itself cuts grids over 1,500 cells into row chunks: getRow(i).getBoundingRect(getRow(j)).
      if (name === 'GetRow') {
        const i = args[0] as number;
        if (!Number.isInteger(i) || i < 0 || i >= rect.rows) fail('InvalidArgument', `getRow(${i}) outside a range of ${rect.rows} rows`);
        return { kind: 'range', sheet, rect: { row: rect.row + i, col: rect.col, rows: 1, cols: rect.cols } };
      }
      if (name === 'GetBoundingRect') {
        const other = typeof args[0] === 'number' ? resolve(args[0]) : fail('InvalidArgument', 'getBoundingRect takes a range');
        if (other.kind !== 'range' || other.sheet !== sheet) fail('InvalidArgument', 'getBoundingRect: ranges on different sheets');
        const row = Math.min(rect.row, other.rect.row);
        const col = Math.min(rect.col, other.rect.col);
        const rows = Math.max(rect.row + rect.rows, other.rect.row + other.rect.rows) - row;
        const cols = Math.max(rect.col + rect.cols, other.rect.col + other.rect.cols) - col;
        return { kind: 'range', sheet, rect: { row, col, rows, cols } };
      }
    }
    if (parent.kind === 'worksheets') {
      if (name === 'Add') {
        const sheetName = String(args[0] ?? `Foglio${this.sheets.length + 1}`);
        if (!sheetName.trim() || sheetName.length > 31 || /[[\]:*?/\\]/.test(sheetName)) fail('InvalidArgument', `invalid sheet name "${sheetName}"`);
        if (this.find(sheetName)) fail('ItemAlreadyExists', `A resource with the same name or identifier already exists: "${sheetName}"`);
        return { kind: 'sheet', sheet: this.load(sheetName) };
      }
      if (name === 'GetItemOrNullObject') {
        const sheet = this.find(String(args[0]));
        return sheet ? { kind: 'sheet', sheet } : { kind: 'null' };
      }
    }
    if (parent.kind === 'sheet') {
      const sheet = parent.sheet;
      if (name === 'GetRangeByIndexes') {
        const [row, col, rows, cols] = args as number[];
        return { kind: 'range', sheet, rect: this.checkRect({ row, col, rows, cols }, 'getRangeByIndexes') };
      }
      if (name === 'GetRange') {
        if (args[0] === undefined || args[0] === null || args[0] === '') return { kind: 'range', sheet, rect: { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } };
        return { kind: 'range', sheet, rect: this.checkRect(parseAddress(String(args[0])), 'getRange') };
      }
      if (name === 'GetUsedRangeOrNullObject' || name === 'GetUsedRange') {
        const e = sheet.extent(args[0] === true);
        if (e) return { kind: 'range', sheet, rect: e };
        return name === 'GetUsedRange' ? { kind: 'range', sheet, rect: { row: 0, col: 0, rows: 1, cols: 1 } } : { kind: 'null' };
      }
    }
    if (parent.kind === 'names') {
      if (name === 'Add') {
        const key = String(args[0]);
        if (parent.sheet.names.has(key.toLowerCase())) fail('ItemAlreadyExists', `A resource with the same name or identifier already exists: name "${key}"`);
        if (!/^=/.test(String(args[1]))) fail('InvalidArgument', `name "${key}": the reference must be a formula starting with "="`);
        parent.sheet.names.set(key.toLowerCase(), { name: key, formula: String(args[1]), visible: true });
        return { kind: 'name', sheet: parent.sheet, key: key.toLowerCase() };
      }
      if (name === 'GetItemOrNullObject') {
        const key = String(args[0]).toLowerCase();
        return parent.sheet.names.has(key) ? { kind: 'name', sheet: parent.sheet, key } : { kind: 'null' };
      }
    }
    if (parent.kind === 'notes') {
      if (name === 'Add') {
        const p = parseAddress(String(args[0]));
        const key = p.row * MAX_COLS + p.col;
        if (parent.sheet.notes.has(key)) fail('InvalidOperation', `cell ${args[0]} already has a note`);
        if (typeof args[1] !== 'string') fail('InvalidArgument', 'note content must be text');
        parent.sheet.notes.set(key, args[1]);
        return { kind: 'note', sheet: parent.sheet, key };
      }
      if (name === 'GetItemOrNullObject') {
        const p = parseAddress(String(args[0]));
        const key = p.row * MAX_COLS + p.col;
        return parent.sheet.notes.has(key) ? { kind: 'note', sheet: parent.sheet, key } : { kind: 'null' };
      }
    }
    if (parent.kind === 'note' && name === 'GetLocation') {
      return { kind: 'range', sheet: parent.sheet, rect: { row: Math.floor(parent.key / MAX_COLS), col: parent.key % MAX_COLS, rows: 1, cols: 1 } };
    }
    return fail('ApiNotFound', `${where} is not supported by the fake`);
  }

  private each(sheet: FakeSheet, rect: Rect, fn: (cell: FakeCell, r: number, c: number) => void) {
    for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) fn(sheet.cell(rect.row + r, rect.col + c), r, c);
  }

  /** Existing cells of a rectangle only (whole-sheet ranges would otherwise create 17 billion cells). */
  private eachExisting(sheet: FakeSheet, rect: Rect, fn: (cell: FakeCell, key: number) => void) {
    if (rect.rows * rect.cols <= sheet.cells.size) {
      for (let r = rect.row; r < rect.row + rect.rows; r++) {
        for (let c = rect.col; c < rect.col + rect.cols; c++) {
          const key = r * MAX_COLS + c;
          const cell = sheet.cells.get(key);
          if (cell) fn(cell, key);
        }
      }
      return;
    }
    for (const [key, cell] of sheet.cells) {
      const r = Math.floor(key / MAX_COLS);
      const c = key % MAX_COLS;
      if (r >= rect.row && r < rect.row + rect.rows && c >= rect.col && c < rect.col + rect.cols) fn(cell, key);
    }
  }

  private grid(ref: { sheet: FakeSheet; rect: Rect }, value: unknown, what: string, set: (cell: FakeCell, v: unknown) => void) {
    const { rect, sheet } = ref;
    if (!Array.isArray(value)) fail('InvalidArgument', `${what}: expected a two-dimensional array`);
    if (value.length !== rect.rows || value.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
      fail('InvalidArgument', `${what}: the grid is ${value.length}x${Array.isArray(value[0]) ? value[0].length : '?'} but the range is ${rect.rows}x${rect.cols}`);
    }
    this.each(sheet, rect, (cell, r, c) => {
      const v = (value as unknown[][])[r][c];
      if (v !== null) set(cell, v);
    });
  }

  private set(ref: Ref, name: string, value: unknown): void {
    const key = `${ref.kind}.${name}`;
    switch (key) {
      case 'range.Values':
        this.grid(ref as { sheet: FakeSheet; rect: Rect }, value, 'Range.values', (cell, v) => {
          checkValue(v, 'Range.values');
          cell.value = v as Value;
        });
        return;
      case 'range.NumberFormat':
        this.grid(ref as { sheet: FakeSheet; rect: Rect }, value, 'Range.numberFormat', (cell, v) => {
          if (typeof v !== 'string') fail('InvalidArgument', `Range.numberFormat: ${JSON.stringify(v)} is not a format`);
          cell.format = v;
        });
        return;
      case 'fill.Color': {
        if (typeof value !== 'string' || !/^#[0-9A-F]{6}$/i.test(value)) fail('InvalidArgument', `fill color ${JSON.stringify(value)}`);
        const r = ref as { sheet: FakeSheet; rect: Rect };
        this.each(r.sheet, r.rect, (c) => (c.fill = value.toUpperCase()));
        return;
      }
      case 'font.Bold': {
        if (typeof value !== 'boolean') fail('InvalidArgument', 'font bold must be true or false');
        const r = ref as { sheet: FakeSheet; rect: Rect };
        this.each(r.sheet, r.rect, (c) => (c.bold = value));
        return;
      }
      case 'format.ColumnWidth': {
        const r = ref as { sheet: FakeSheet; rect: Rect };
        if (typeof value !== 'number' || value < 0) fail('InvalidArgument', 'columnWidth');
        for (let c = 0; c < r.rect.cols; c++) r.sheet.widths.set(r.rect.col + c, value);
        return;
      }
      case 'validation.Rule': {
        const r = ref as { sheet: FakeSheet; rect: Rect };
        const source = (value as { list?: { source?: string } })?.list?.source;
        if (typeof source !== 'string') fail('InvalidArgument', 'only list rules are supported by the fake');
        this.each(r.sheet, r.rect, (c) => {
          if (c.list) fail('InvalidOperation', 'the range already has a data validation rule: clear it first');
          c.list = source.split(',');
        });
        return;
      }
      case 'name.Visible': {
        const r = ref as { sheet: FakeSheet; key: string };
        r.sheet.names.get(r.key)!.visible = value === true;
        return;
      }
      case 'pageLayout.Orientation':
        if (value !== 'Landscape' && value !== 'Portrait') fail('InvalidArgument', `orientation ${JSON.stringify(value)}`);
        (ref as { sheet: FakeSheet }).sheet.pageLayout.orientation = value;
        return;
      case 'pageLayout.Zoom': {
        const zoom = value as Record<string, unknown>;
        for (const [k, v] of Object.entries(zoom ?? {})) {
          const ok = k === 'scale' ? typeof v === 'number' && v >= 10 && v <= 400
            : (k === 'horizontalFitToPages' || k === 'verticalFitToPages') && Number.isInteger(v) && (v as number) >= 0;
          if (!ok) fail('InvalidArgument', `pageLayout.zoom.${k} = ${JSON.stringify(v)}`);
        }
        (ref as { sheet: FakeSheet }).sheet.pageLayout.zoom = zoom as Record<string, number>;
        return;
      }
      case 'sheet.Name': {
        const r = ref as { sheet: FakeSheet };
        const other = this.find(String(value));
        if (other && other !== r.sheet) fail('ItemAlreadyExists', `A resource with the same name already exists: "${value}"`);
        r.sheet.name = String(value);
        return;
      }
      default:
        fail('ApiNotFound', `setting ${key} is not supported by the fake`);
    }
  }

  private method(ref: Ref, name: string, args: unknown[]): unknown {
    if (ref.kind === 'null') fail('InvalidObjectPath', `${name} called on a null object`);
    const key = `${ref.kind}.${name}`;
    switch (key) {
      case 'range.Clear': {
        const r = ref as { sheet: FakeSheet; rect: Rect };
        const applyTo = (args[0] as string | undefined) ?? 'All';
        this.eachExisting(r.sheet, r.rect, (c) => {
          if (applyTo === 'All' || applyTo === 'Contents') c.value = '';
          if (applyTo === 'All' || applyTo === 'Formats') Object.assign(c, { format: 'General', fill: null, bold: false });
          if (applyTo === 'All') c.list = null;
        });
        // Clear All takes the cells' notes with it, as Excel's "Clear All" does.
        if (applyTo === 'All') for (const k of [...r.sheet.notes.keys()]) if (this.inRect(k, r.rect)) r.sheet.notes.delete(k);
        return undefined;
      }
      case 'range.SetCellProperties': {
        const r = ref as { sheet: FakeSheet; rect: Rect };
        this.grid(r, args[0], 'Range.setCellProperties', (cell, v) => {
          const props = v as { format?: { fill?: { color?: unknown }; font?: { bold?: unknown } } };
          for (const key of Object.keys(props)) if (key !== 'format') fail('ApiNotFound', `setCellProperties: ${key} is not supported by the fake`);
          for (const key of Object.keys(props.format ?? {})) if (key !== 'fill' && key !== 'font') fail('ApiNotFound', `setCellProperties: format.${key} is not supported by the fake`);
          const color = props.format?.fill?.color;
          if (color !== undefined) {
            if (typeof color !== 'string' || !/^#[0-9A-F]{6}$/i.test(color)) fail('InvalidArgument', `setCellProperties: fill color ${JSON.stringify(color)}`);
            cell.fill = color.toUpperCase();
          }
          const bold = props.format?.font?.bold;
          if (bold !== undefined) {
            if (typeof bold !== 'boolean') fail('InvalidArgument', 'setCellProperties: bold must be true or false');
            cell.bold = bold;
          }
        });
        return undefined;
      }
      case 'range._ValidateArraySize': {
        const r = ref as { rect: Rect };
        if (args[0] !== r.rect.rows || args[1] !== r.rect.cols) fail('InvalidArgument', `a ${args[0]}x${args[1]} grid for a ${r.rect.rows}x${r.rect.cols} range`);
        return null;
      }
      case 'range.Select':
      case 'range.Activate': {
        const r = ref as { sheet: FakeSheet; rect: Rect };
        this.active = { sheet: r.sheet.name, address: `${columnLetters(r.rect.col)}${r.rect.row + 1}` };
        return undefined;
      }
      case 'fill.Clear': {
        const r = ref as { sheet: FakeSheet; rect: Rect };
        this.eachExisting(r.sheet, r.rect, (c) => (c.fill = null));
        return undefined;
      }
      case 'validation.Clear': {
        const r = ref as { sheet: FakeSheet; rect: Rect };
        this.eachExisting(r.sheet, r.rect, (c) => (c.list = null));
        return undefined;
      }
      case 'sheet.Activate':
        this.active = { sheet: (ref as { sheet: FakeSheet }).sheet.name, address: 'A1' };
        return undefined;
      case 'sheet.Delete': {
        const sheet = (ref as { sheet: FakeSheet }).sheet;
        if (this.sheets.length === 1) fail('InvalidOperation', 'a workbook must keep at least one sheet');
        this.sheets = this.sheets.filter((s) => s !== sheet);
        return undefined;
      }
      case 'freezePanes.FreezeRows': {
        const n = args[0] as number;
        if (!Number.isInteger(n) || n < 0 || n >= MAX_ROWS) fail('InvalidArgument', `freezeRows(${n})`);
        (ref as { sheet: FakeSheet }).sheet.frozenRows = n;
        return undefined;
      }
      case 'pageLayout.SetPrintTitleRows':
        parseAddress(String(args[0]).replace(/\$?(\d+):\$?(\d+)/, 'A$1:A$2'));
        (ref as { sheet: FakeSheet }).sheet.pageLayout.printTitleRows = String(args[0]);
        return undefined;
      case 'name.Delete': {
        const r = ref as { sheet: FakeSheet; key: string };
        r.sheet.names.delete(r.key);
        return undefined;
      }
      case 'note.Delete': {
        const r = ref as { sheet: FakeSheet; key: number };
        r.sheet.notes.delete(r.key);
        return undefined;
      }
      default:
        return fail('ApiNotFound', `${key}() is not supported by the fake`);
    }
  }

  private inRect(key: number, rect: Rect): boolean {
    const r = Math.floor(key / MAX_COLS);
    const c = key % MAX_COLS;
    return r >= rect.row && r < rect.row + rect.rows && c >= rect.col && c < rect.col + rect.cols;
  }

  private query(ref: Ref, select: string[] | undefined): unknown {
    if (ref.kind === 'null') return null;
    const pick = (all: Record<string, () => unknown>, what: string) => {
      const names = !select || select.includes('*') ? Object.keys(all) : select;
      const out: Record<string, unknown> = {};
      for (const n of names) {
        const getter = all[pascal(n)];
        if (!getter) fail('PropertyNotLoaded', `${what}.${n} is not supported by the fake`);
        out[pascal(n)] = getter();
      }
      return out;
    };
    switch (ref.kind) {
      case 'worksheets':
        return { _Items: this.sheets.map((s, i) => ({ Id: s.id, ...pick({ Name: () => s.name, Id: () => s.id, Position: () => i, Visibility: () => 'Visible' }, 'Worksheet') })) };
      case 'sheet': {
        const s = ref.sheet;
        return pick({ Name: () => s.name, Id: () => s.id, Position: () => this.sheets.indexOf(s), Visibility: () => 'Visible' }, 'Worksheet');
      }
      case 'range': {
        const { sheet, rect } = ref;
        if (!select || select.some((n) => /^(values|numberFormat)$/i.test(n))) this.reads.push({ sheet: sheet.name, cells: rect.rows * rect.cols });
        if (rect.rows * rect.cols > 5_000_000) fail('ResponsePayloadSizeLimitExceeded', 'the range is too large to load');
        const grid = <T>(f: (c: FakeCell | undefined, r: number, k: number) => T) =>
          Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.cols }, (__, c) => f(sheet.peek(rect.row + r, rect.col + c), r, c)));
        return pick({
          Values: () => grid((c) => c?.value ?? ''),
          NumberFormat: () => grid((c) => c?.format ?? 'General'),
          RowIndex: () => rect.row,
          ColumnIndex: () => rect.col,
          RowCount: () => rect.rows,
          ColumnCount: () => rect.cols,
          Address: () => `${sheet.name}!${columnLetters(rect.col)}${rect.row + 1}${rect.rows * rect.cols > 1 ? `:${columnLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows}` : ''}`,
        }, 'Range');
      }
      case 'names':
        return { _Items: [...ref.sheet.names.values()].map((n) => pick({ Name: () => n.name, Formula: () => n.formula, Visible: () => n.visible, Type: () => 'String', Value: () => n.formula.replace(/^="?|"$/g, '') }, 'NamedItem')) };
      case 'name': {
        const n = ref.sheet.names.get(ref.key)!;
        return pick({ Name: () => n.name, Formula: () => n.formula, Visible: () => n.visible, Type: () => 'String', Value: () => n.formula.replace(/^="?|"$/g, '') }, 'NamedItem');
      }
      case 'notes': {
        const sheet = ref.sheet;
        return { _Items: [...sheet.notes.entries()].map(([key, content]) => ({ Id: `${columnLetters(key % MAX_COLS)}${Math.floor(key / MAX_COLS) + 1}`, ...pick({ Content: () => content }, 'Note') })) };
      }
      case 'note': {
        const content = ref.sheet.notes.get(ref.key);
        return pick({ Content: () => content }, 'Note');
      }
      default:
        return fail('ApiNotFound', `loading ${ref.kind} is not supported by the fake`);
    }
  }
}
