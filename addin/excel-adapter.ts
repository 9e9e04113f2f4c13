/**
 * Excel host adapter: read every input sheet in one batch, call the core, apply its write plan in one
 * batch. The number of context.sync() calls is fixed (two to read, one to write, two more only when
 * there are cell notes), whatever the number of rows.
 */
import type { CellValue, PlanInput, WritePlan } from '../src/core/types.js';
import { a1, isOutputSheet } from '../src/core/index.js';

/** Excel's column width is in points; the plan's in characters. */
const POINTS_PER_CHAR = 6;

export interface WorkbookRead {
  input: PlanInput;
  /** Every sheet name in the workbook, input or not. */
  sheetNames: string[];
}

export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookRead> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const used = worksheets.items
    .filter((ws) => !isOutputSheet(ws.name))
    .map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load('values,rowIndex,columnIndex');
      return { name: ws.name, range };
    });
  await context.sync();
  const sheets: PlanInput['sheets'] = {};
  for (const { name, range } of used) {
    if (range.isNullObject) {
      sheets[name] = [];
      continue;
    }
    // The used range need not start at A1: shift it so row 0 / column 0 are the sheet's.
    const table: CellValue[][] = new Array(range.rowIndex).fill(null).map(() => []);
    const lead: null[] = new Array(range.columnIndex).fill(null);
    for (const row of range.values) table.push([...lead, ...row.map((v) => (v === '' ? null : (v as CellValue)))]);
    sheets[name] = table;
  }
  return { input: { sheets }, sheetNames: worksheets.items.map((ws) => ws.name) };
}

/** Runs of equal, non-null values down a column, so fills and bold take one call per run, not per cell. */
function runs<T>(column: (T | null | undefined)[]): { from: number; length: number; value: T }[] {
  const out: { from: number; length: number; value: T }[] = [];
  column.forEach((v, i) => {
    if (v === null || v === undefined || (v as unknown) === false) return;
    const last = out[out.length - 1];
    if (last && last.value === v && last.from + last.length === i) last.length++;
    else out.push({ from: i, length: 1, value: v });
  });
  return out;
}

export async function applyWritePlan(context: Excel.RequestContext, plan: WritePlan, sheetNames: string[]): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const notes: { sheet: string; cell: string; text: string }[] = [];
  for (const write of plan.sheets) {
    const exists = sheetNames.includes(write.sheet);
    const ws = exists ? worksheets.getItem(write.sheet) : worksheets.add(write.sheet);
    if (exists && write.replace) ws.getRange().clear();
    for (const block of write.blocks) {
      const rows = block.values.length;
      const cols = Math.max(...block.values.map((r) => r.length));
      if (rows === 0 || cols === 0) continue;
      const pad = <T>(grid: T[][], empty: T) => grid.map((r) => (r.length === cols ? r : [...r, ...new Array(cols - r.length).fill(empty)]));
      const range = ws.getRangeByIndexes(block.row, block.col, rows, cols);
      range.values = pad(block.values.map((r) => r.map((v) => (v === null || v === undefined ? '' : v))), '') as unknown as string[][];
      if (block.numberFormats) range.numberFormat = pad(block.numberFormats.map((r) => r.map((f) => f ?? 'General')), 'General');
      for (let c = 0; c < cols; c++) {
        if (block.fills) {
          const column = block.fills.map((r) => r[c] ?? null);
          // A written column starts clean, so a fill left from a previous score does not linger.
          ws.getRangeByIndexes(block.row, block.col + c, rows, 1).format.fill.clear();
          for (const run of runs(column)) ws.getRangeByIndexes(block.row + run.from, block.col + c, run.length, 1).format.fill.color = run.value;
        }
        if (block.bold) {
          for (const run of runs(block.bold.map((r) => r[c] ?? false))) ws.getRangeByIndexes(block.row + run.from, block.col + c, run.length, 1).format.font.bold = true;
        }
      }
      block.notes?.forEach((r, i) => r.forEach((text, j) => {
        if (text) notes.push({ sheet: write.sheet, cell: a1(block.row + i, block.col + j), text });
      }));
    }
    if (write.frozenRows) ws.freezePanes.freezeRows(write.frozenRows);
    for (const { col, width } of write.columnWidths ?? []) ws.getRangeByIndexes(0, col, 1, 1).format.columnWidth = width * POINTS_PER_CHAR;
    for (const v of write.validations ?? []) {
      const range = ws.getRangeByIndexes(v.fromRow, v.col, v.toRow - v.fromRow + 1, 1);
      range.dataValidation.clear();
      range.dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(',') } };
    }
  }
  await context.sync();
  if (notes.length === 0 || !notesSupported()) return;
  // Cell notes (ExcelApi 1.18): a cell's old note is replaced, not stacked.
  const existing = notes.map((n) => {
    const note = worksheets.getItem(n.sheet).notes.getItemOrNullObject(n.cell);
    note.load('content');
    return note;
  });
  await context.sync();
  existing.forEach((note) => {
    if (!note.isNullObject) note.delete();
  });
  for (const n of notes) worksheets.getItem(n.sheet).notes.add(n.cell, n.text);
  await context.sync();
}

/** Older Excel builds lack cell notes: the override's computed score then stays in Raggiungimento only. */
function notesSupported(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported?.('ExcelApi', '1.18') ?? true;
}

export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}
