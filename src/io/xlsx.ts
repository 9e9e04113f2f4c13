/**
 * ExcelJS, kept for what builds a workbook from nothing: `cruscotto init`, examples and tests. Scored
 * copies are never rebuilt through it (see read.ts and patch.ts): ExcelJS re-serialises the whole
 * package and loses what it does not model.
 */
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { CellValue, PlanInput, SheetWrite, WritePlan } from '../core/types.js';
import { WorkbookFileError } from './errors.js';

export type Workbook = ExcelJS.Workbook;

export { WorkbookFileError };

/** ExcelJS cell values (formulas, rich text, hyperlinks, errors) as the plain values the core reads. */
export function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('result' in v) return toCellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('hyperlink' in v) return String((v as ExcelJS.CellHyperlinkValue).text ?? '');
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
    if ('formula' in v || 'sharedFormula' in v) return null;
  }
  return String(v);
}

export function readTables(workbook: Workbook): PlanInput {
  const sheets: PlanInput['sheets'] = {};
  workbook.eachSheet((ws) => {
    const table: CellValue[][] = [];
    const rows = ws.rowCount;
    for (let r = 1; r <= rows; r++) {
      const row = ws.getRow(r);
      const values: CellValue[] = [];
      // row.values is 1-based and sparse; reading it once is much faster than getCell per column.
      const raw = row.values as ExcelJS.CellValue[];
      for (let c = 1; c < raw.length; c++) values.push(toCellValue(raw[c]));
      table.push(values);
    }
    sheets[ws.name] = table;
  });
  return { sheets };
}

export async function loadWorkbook(source: string | Buffer): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (typeof source === 'string' && !existsSync(source)) throw new WorkbookFileError(`${source}: file non trovato / file not found`);
  try {
    if (typeof source === 'string') await workbook.xlsx.readFile(source);
    else await workbook.xlsx.load(source as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookFileError(`${typeof source === 'string' ? source : 'workbook'}: non è un file xlsx leggibile / not a readable xlsx file`);
  }
  return workbook;
}

export async function readPlanFile(path: string): Promise<{ input: PlanInput; workbook: Workbook }> {
  const workbook = await loadWorkbook(path);
  return { input: readTables(workbook), workbook };
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

function sheetFor(workbook: Workbook, write: SheetWrite): ExcelJS.Worksheet {
  const existing = workbook.getWorksheet(write.sheet);
  if (existing && !write.replace) return existing;
  // The core's own sheets (Sintesi, Segnalazioni, template) are rebuilt from scratch at the end.
  if (existing) workbook.removeWorksheet(existing.id);
  return workbook.addWorksheet(write.sheet);
}

export function applyWritePlan(workbook: Workbook, plan: WritePlan): void {
  // One style object per (format, fill, bold): ExcelJS recognises a style it has seen by identity, so
  // sharing them keeps the write of a large plan close to a bare read and write.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleFor = (format: string | null | undefined, fill: string | null | undefined, bold: boolean) => {
    const key = `${format ?? ''}|${fill ?? ''}|${bold}`;
    let style = styles.get(key);
    if (!style) {
      style = {};
      if (format) style.numFmt = format;
      if (fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } };
      if (bold) style.font = { bold: true };
      styles.set(key, style);
    }
    return style;
  };
  for (const write of plan.sheets) {
    const ws = sheetFor(workbook, write);
    for (const block of write.blocks) {
      block.values.forEach((rowValues, i) => {
        const row = ws.getRow(block.row + i + 1);
        rowValues.forEach((value, j) => {
          const cell = row.getCell(block.col + j + 1);
          cell.value = value === undefined ? null : (value as ExcelJS.CellValue);
          // The whole style is ours: an output cell keeps no fill or format from a previous score.
          cell.style = styleFor(block.numberFormats?.[i]?.[j], block.fills?.[i]?.[j], block.bold?.[i]?.[j] ?? false);
          const note = block.notes?.[i]?.[j];
          if (note) cell.note = note;
          else if (block.notes && cell.note) cell.note = undefined as unknown as string;
        });
      });
    }
    if (write.frozenRows) ws.views = [{ state: 'frozen', ySplit: write.frozenRows, xSplit: 0 }];
    for (const { col, width } of write.columnWidths ?? []) ws.getColumn(col + 1).width = width;
    for (const v of write.validations ?? []) {
      const formula = `"${v.list.join(',')}"`;
      for (let r = v.fromRow; r <= v.toRow; r++) {
        ws.getCell(r + 1, v.col + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true };
      }
    }
  }
}

export async function writeWorkbook(workbook: Workbook, path: string): Promise<void> {
  await workbook.xlsx.writeFile(path);
}

/** A new workbook holding the given tables, for examples and tests. */
export function workbookFromTables(input: PlanInput): Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const [name, table] of Object.entries(input.sheets)) {
    const ws = workbook.addWorksheet(name);
    table.forEach((row, r) => {
      const xrow = ws.getRow(r + 1);
      row.forEach((value, c) => {
        if (value !== null && value !== undefined) xrow.getCell(c + 1).value = value as ExcelJS.CellValue;
      });
    });
  }
  return workbook;
}
