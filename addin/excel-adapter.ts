/**
 * The Excel implementation of the core's WorkbookAdapter. Requests are cut by payload, not by rows:
 * Excel on the web refuses any request or response over 5 MB, so reads load row bands sized from the
 * bytes actually seen, and writes queue operations until an estimated budget is reached, then sync. The
 * number of context.sync() calls therefore grows with the data sent, and stays small for small plans.
 *
 * Requirement sets: ExcelApi 1.8 is the floor the manifest declares (sheet-scoped names, NamedItem.formula,
 * freezePanes, data validation); page layout (1.9) and cell notes (1.18) are used only where
 * isSetSupported says so, and skipped otherwise (the plan still scores; the override's note is then
 * missing). With 1.9, a column of many short fill runs (the statuses) goes as one setCellProperties.
 */
import {
  OUTPUT_MARKER, SHEETS, markerKind, normalizeBlock, normalizeHeader, runs, splitRows,
  type CellValue, type NormalBlock, type PlanInput, type SheetInfo, type SheetWrite,
  type Table, type WorkbookAdapter, type WorkbookRead, type WritePlan,
} from '../src/core/index.js';

/** Excel's column width is in points; the plan's in characters. */
const POINTS_PER_CHAR = 6;

/**
 * What one request may carry by our estimate. The estimate counts the JSON of values, formats and notes
 * plus a fixed cost per proxy operation measured on office.js's serialiser; the captured-request test
 * holds the real requests under 4 MB, a margin below the 5 MB Excel on the web enforces.
 */
export const REQUEST_BUDGET = 3_000_000;
/**
 * Serialised size of one range operation (object paths, instantiate and action entries), rounded up from
 * office.js's own requests: a fill colour, fill clear or bold on a one-column range at row 100,000 is
 * 583-600 bytes.
 */
const OP_BYTES = 650;
/** JSON of one cell's fill and weight for setCellProperties (ExcelApi 1.9), rounded up. */
const CELL_PROPERTIES_BYTES = 64;
/** office.js cuts grids over 1,500 cells into row chunks, each with its own paths: about 4% more. */
const GRID_OVERHEAD = 1.1;
/** Weight of one read cell before a sheet has been measured, and rows read to measure it. */
const READ_CELL_GUESS = 24;
const PROBE_ROWS = 200;

export type IsSetSupported = (name: string, version: string) => boolean;

export interface ExcelAdapterOptions {
  /** Estimated bytes per request (default REQUEST_BUDGET). */
  requestBudget?: number;
  /** Office.context.requirements.isSetSupported, injectable for tests. */
  isSetSupported?: IsSetSupported;
}

function officeIsSetSupported(name: string, version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported?.(name, version) ?? false;
}

export { markerKind };

interface Band {
  sheet: string;
  ws: Excel.Worksheet;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

interface ExistingNote {
  note: Excel.Note;
  row: number;
  col: number;
  content: string;
}

/** "Foglio!C7" or "'Il mio foglio'!C7" -> 0-based row/col of the first cell. */
function cellOf(address: string): { row: number; col: number } | null {
  const m = /!?\$?([A-Z]+)\$?(\d+)(?::.*)?$/i.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function a1(row: number, col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

export class ExcelAdapter implements WorkbookAdapter {
  /** context.sync() calls made so far (reads and writes). */
  syncs = 0;
  private readonly budget: number;
  private readonly supports: IsSetSupported;

  constructor(private readonly context: Excel.RequestContext, options: ExcelAdapterOptions = {}) {
    this.budget = options.requestBudget ?? REQUEST_BUDGET;
    this.supports = options.isSetSupported ?? officeIsSetSupported;
  }

  private async sync(): Promise<void> {
    this.syncs++;
    await this.context.sync();
  }

  private get notesSupported(): boolean {
    return this.supports('ExcelApi', '1.18');
  }

  /** Every sheet with its marker: two syncs whatever the workbook holds. */
  async sheets(): Promise<{ info: SheetInfo; ws: Excel.Worksheet }[]> {
    const worksheets = this.context.workbook.worksheets;
    worksheets.load('items/name');
    await this.sync();
    const markers = worksheets.items.map((ws) => {
      const marker = ws.names.getItemOrNullObject(OUTPUT_MARKER);
      marker.load('formula');
      return marker;
    });
    await this.sync();
    return worksheets.items.map((ws, i) => ({
      info: { name: ws.name, owner: markers[i].isNullObject ? null : markerKind(markers[i].formula) },
      ws,
    }));
  }

  async read(): Promise<WorkbookRead> {
    const sheets = await this.sheets();
    const inputs = sheets.filter((s) => s.info.owner === null);
    return { input: { sheets: await this.readTables(inputs.map((s) => ({ name: s.info.name, ws: s.ws }))) }, sheets: sheets.map((s) => s.info) };
  }

  /**
   * Only the Impostazioni sheet (the pane's year and method), never the whole workbook: one sync for the
   * names, then that sheet's used range.
   */
  async readSettingsSheet(): Promise<PlanInput> {
    const worksheets = this.context.workbook.worksheets;
    worksheets.load('items/name');
    await this.sync();
    const ws = worksheets.items.find((w) => SHEETS.settings.aliases.includes(normalizeHeader(w.name)));
    return { sheets: ws ? await this.readTables([{ name: ws.name, ws }]) : {} };
  }

  /** Sheet names only (the template plan needs nothing else): one sync. */
  async sheetNames(): Promise<PlanInput> {
    const worksheets = this.context.workbook.worksheets;
    worksheets.load('items/name');
    await this.sync();
    return { sheets: Object.fromEntries(worksheets.items.map((w) => [w.name, [] as Table])) };
  }

  /** Used ranges (one sync), then row bands sized so each response stays under the budget. */
  private async readTables(sheets: { name: string; ws: Excel.Worksheet }[]): Promise<Record<string, Table>> {
    const used = sheets.map((s) => {
      const range = s.ws.getUsedRangeOrNullObject(true);
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      return { ...s, range };
    });
    if (used.length > 0) await this.sync();
    const tables: Record<string, Table> = {};
    const pending: Band[] = [];
    for (const { name, ws, range } of used) {
      const table: Table = [];
      tables[name] = table;
      if (range.isNullObject) continue;
      // The used range need not start at A1: rows above it are empty rows of the table.
      for (let r = 0; r < range.rowIndex; r++) table.push([]);
      pending.push({ sheet: name, ws, row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount });
    }
    // Bytes per cell by sheet, measured: a sheet is first read in a small probe band, then in bands sized
    // from what its cells actually weigh (long indicator names make a row of text far heavier than numbers).
    const perCell = new Map<string, number>();
    while (pending.length > 0) {
      const batch: { band: Band; range: Excel.Range }[] = [];
      const probed = new Set<string>();
      let bytes = 0;
      for (let i = 0; i < pending.length;) {
        const band = pending[i];
        const known = perCell.get(band.sheet);
        // The rest of a sheet being probed waits for its measure; the other sheets go on.
        if (known === undefined && probed.has(band.sheet)) {
          i++;
          continue;
        }
        const weight = known ?? READ_CELL_GUESS;
        const room = Math.floor((this.budget - bytes) / (band.cols * weight));
        if (room < 1 && batch.length > 0) break;
        const rows = Math.max(1, Math.min(band.rows, known === undefined ? PROBE_ROWS : room));
        if (known === undefined) probed.add(band.sheet);
        const part: Band = { ...band, rows };
        const range = band.ws.getRangeByIndexes(part.row, part.col, part.rows, part.cols);
        range.load('values');
        batch.push({ band: part, range });
        bytes += rows * band.cols * weight;
        if (rows === band.rows) pending.splice(i, 1);
        else {
          pending[i] = { ...band, row: band.row + rows, rows: band.rows - rows };
          if (known !== undefined) break;
          i++;
        }
      }
      try {
        await this.sync();
      } catch (e) {
        // Heavier cells than measured further down: read the same bands again, smaller.
        if ((e as { code?: string }).code !== 'ResponsePayloadSizeLimitExceeded' || batch.every(({ band }) => band.rows === 1)) throw e;
        for (const { band } of batch) perCell.set(band.sheet, 4 * (perCell.get(band.sheet) ?? READ_CELL_GUESS * 2));
        pending.unshift(...mergeBands(batch.map(({ band }) => band)));
        continue;
      }
      const seen = new Map<string, { bytes: number; cells: number }>();
      for (const { band, range } of batch) {
        const values = range.values;
        const table = tables[band.sheet];
        const lead: null[] = new Array(band.col).fill(null);
        for (const row of values) {
          const line: CellValue[] = lead.slice();
          for (const v of row) line.push(v === '' ? null : (v as CellValue));
          table.push(line);
        }
        const s = seen.get(band.sheet) ?? { bytes: 0, cells: 0 };
        s.bytes += JSON.stringify(values).length;
        s.cells += band.rows * band.cols;
        seen.set(band.sheet, s);
      }
      for (const [sheet, s] of seen) {
        const measured = Math.ceil((s.bytes / s.cells) * 1.5);
        perCell.set(sheet, Math.max(measured, perCell.get(sheet) ?? 0, 4));
      }
    }
    return tables;
  }

  async apply(plan: WritePlan): Promise<void> {
    const worksheets = this.context.workbook.worksheets;
    worksheets.load('items/name');
    await this.sync();
    const byName = new Map<string, Excel.Worksheet>(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
    const find = (name: string) => byName.get(name.toLowerCase());

    // Markers of every sheet the plan touches, and the notes of those it writes to.
    const touched = new Set<string>();
    for (const w of plan.sheets) if (find(w.sheet)) touched.add(w.sheet.toLowerCase());
    for (const name of plan.removeSheets ?? []) if (find(name)) touched.add(name.toLowerCase());
    const markers = new Map<string, Excel.NamedItem>();
    const noteLists = new Map<string, Excel.NoteCollection>();
    for (const key of touched) {
      const ws = byName.get(key)!;
      const marker = ws.names.getItemOrNullObject(OUTPUT_MARKER);
      marker.load('formula');
      markers.set(key, marker);
      if (this.notesSupported && plan.sheets.some((w) => w.sheet.toLowerCase() === key && w.blocks.length > 0)) {
        const notes = ws.notes;
        notes.load('items/content');
        noteLists.set(key, notes);
      }
    }
    if (touched.size > 0) await this.sync();
    const existingNotes = new Map<string, ExistingNote[]>();
    const located: { key: string; note: Excel.Note; content: string; where: Excel.Range }[] = [];
    for (const [key, notes] of noteLists) {
      existingNotes.set(key, []);
      for (const note of notes.items) {
        const where = note.getLocation();
        where.load('address');
        located.push({ key, note, content: note.content, where });
      }
    }
    if (located.length > 0) await this.sync();
    for (const { key, note, content, where } of located) {
      const cell = cellOf(where.address);
      if (cell) existingNotes.get(key)!.push({ note, content, ...cell });
    }

    const writer = new Writer(this.budget, () => this.sync());
    for (const write of plan.sheets) {
      const key = write.sheet.toLowerCase();
      let ws = find(write.sheet);
      const created = !ws;
      if (!ws) {
        worksheets.add(write.sheet);
        // add()'s proxy dies with its request; a large sheet spans several, so hold it by name.
        ws = worksheets.getItem(write.sheet);
        byName.set(key, ws);
      }
      await this.writeSheet(writer, ws, write, created, markers.get(key) ?? null, existingNotes.get(key) ?? []);
    }
    for (const name of plan.removeSheets ?? []) {
      const ws = find(name);
      const marker = markers.get(name.toLowerCase());
      // Only the tool's own sheets: a user's sheet that happens to share the name is never deleted.
      if (ws && marker && !marker.isNullObject && markerKind(marker.formula)) {
        await writer.reserve(OP_BYTES);
        ws.delete();
        byName.delete(name.toLowerCase());
      }
    }
    await writer.flush();
  }

  private async writeSheet(writer: Writer, ws: Excel.Worksheet, write: SheetWrite, created: boolean, marker: Excel.NamedItem | null, notes: ExistingNote[]): Promise<void> {
    if (!created && write.replace) {
      await writer.reserve((3 + notes.length) * OP_BYTES);
      // Notes first, explicitly: a stale note must never survive, and after Clear All they may be gone.
      for (const n of notes) n.note.delete();
      notes = [];
      ws.getRange().clear();
      ws.getRange().dataValidation.clear();
    }
    if (write.owner) {
      const current = marker && !marker.isNullObject ? markerKind(marker.formula) : null;
      if (current !== write.owner) {
        await writer.reserve(2 * OP_BYTES);
        if (marker && !marker.isNullObject) marker.delete();
        const item = ws.names.add(OUTPUT_MARKER, `="${write.owner}"`);
        item.visible = false;
      }
    }
    if (write.pageSetup && this.supports('ExcelApi', '1.9')) {
      await writer.reserve(3 * OP_BYTES);
      const layout = ws.pageLayout;
      layout.orientation = write.pageSetup.landscape ? 'Landscape' : 'Portrait';
      if (write.pageSetup.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (write.pageSetup.printTitleRows) layout.setPrintTitleRows(`$1:$${write.pageSetup.printTitleRows}`);
    }
    const notesByCell = new Map<number, ExistingNote>(notes.map((n) => [n.row * 16384 + n.col, n]));
    for (const block of write.blocks) {
      const normal = normalizeBlock(block);
      if (normal.rows === 0 || normal.cols === 0) continue;
      for (const part of splitRows(normal, this.budget / 2)) await this.writeBand(writer, ws, part, notesByCell);
    }
    if (write.frozenRows !== undefined) {
      await writer.reserve(OP_BYTES);
      ws.freezePanes.freezeRows(write.frozenRows);
    }
    for (const { col, width } of write.columnWidths ?? []) {
      await writer.reserve(OP_BYTES);
      ws.getRangeByIndexes(0, col, 1, 1).format.columnWidth = width * POINTS_PER_CHAR;
    }
    for (const v of write.validations ?? []) {
      const source = v.list.join(',');
      await writer.reserve(2 * OP_BYTES + source.length);
      const range = ws.getRangeByIndexes(v.fromRow, v.col, v.toRow - v.fromRow + 1, 1);
      range.dataValidation.clear();
      range.dataValidation.rule = { list: { inCellDropDown: true, source } };
    }
  }

  /** One band: values and formats in one range, fills and weights as runs down each column, notes. */
  private async writeBand(writer: Writer, ws: Excel.Worksheet, part: NormalBlock, notesByCell: Map<number, ExistingNote>): Promise<void> {
    await writer.reserve(Math.ceil((JSON.stringify(part.values).length + JSON.stringify(part.numberFormats).length) * GRID_OVERHEAD) + OP_BYTES);
    const range = ws.getRangeByIndexes(part.row, part.col, part.rows, part.cols);
    range.values = part.values as unknown as string[][];
    range.numberFormat = part.numberFormats;
    for (let c = 0; c < part.cols; c++) {
      const fills = new Array<string | null>(part.rows);
      const bold = new Array<boolean>(part.rows);
      for (let r = 0; r < part.rows; r++) {
        fills[r] = part.fills[r][c];
        bold[r] = part.bold[r][c];
      }
      const fillRuns = runs(fills);
      const boldRuns = runs(bold);
      if (this.supports('ExcelApi', '1.9') && (fillRuns.length + boldRuns.length) * OP_BYTES > part.rows * CELL_PROPERTIES_BYTES) {
        // A column of many short runs (statuses): one clear, then every cell's fill and weight in one call.
        const grid = new Array<[Excel.SettableCellProperties]>(part.rows);
        for (let r = 0; r < part.rows; r++) {
          const font = { bold: bold[r] };
          grid[r] = [{ format: fills[r] === null ? { font } : { fill: { color: fills[r] as string }, font } }];
        }
        await writer.reserve(Math.ceil(JSON.stringify(grid).length * GRID_OVERHEAD) + 2 * OP_BYTES);
        const column = ws.getRangeByIndexes(part.row, part.col + c, part.rows, 1);
        column.format.fill.clear();
        column.setCellProperties(grid);
        continue;
      }
      for (const run of fillRuns) {
        await writer.reserve(OP_BYTES);
        const fill = ws.getRangeByIndexes(part.row + run.from, part.col + c, run.length, 1).format.fill;
        // null is "no fill": cleared explicitly, so a previous status colour never lingers.
        if (run.value === null) fill.clear();
        else fill.color = run.value;
      }
      for (const run of boldRuns) {
        await writer.reserve(OP_BYTES);
        ws.getRangeByIndexes(part.row + run.from, part.col + c, run.length, 1).format.font.bold = run.value === true;
      }
    }
    if (!this.notesSupported) return;
    for (let r = 0; r < part.rows; r++) {
      for (let c = 0; c < part.cols; c++) {
        const text = part.notes[r][c];
        const key = (part.row + r) * 16384 + part.col + c;
        const old = notesByCell.get(key);
        if (old && old.content === text) continue;
        if (old) {
          await writer.reserve(OP_BYTES);
          old.note.delete();
          notesByCell.delete(key);
        }
        if (text !== null) {
          await writer.reserve(OP_BYTES + text.length * 2);
          ws.notes.add(a1(part.row + r, part.col + c), text);
        }
      }
    }
  }
}

/** Consecutive bands of one sheet back into one, so a retry re-sizes them as a whole. */
function mergeBands(bands: Band[]): Band[] {
  const out: Band[] = [];
  for (const b of bands) {
    const last = out[out.length - 1];
    if (last && last.sheet === b.sheet && last.row + last.rows === b.row) last.rows += b.rows;
    else out.push({ ...b });
  }
  return out;
}

/** Queues operations up to the budget, then syncs: the count of syncs follows the bytes, not the rows. */
class Writer {
  private bytes = 0;
  constructor(private readonly budget: number, private readonly sync: () => Promise<void>) {}
  /** Call before queueing an operation of about `bytes`; syncs what is queued first when it would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) await this.flush();
    this.bytes += bytes;
  }
  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.bytes = 0;
    await this.sync();
  }
}

export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}
