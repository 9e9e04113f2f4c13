/**
 * The bundled example as ExcelJS writes it (examples/pira-2024.xlsx is ExcelJS output), with one feature
 * each added through ExcelJS's own API: the layout of files made by `cruscotto init` and by Node scripts.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { PNG } from './features.js';

const EXAMPLE = new URL('../../../examples/pira-2024.xlsx', import.meta.url).pathname;

const FEATURES: Record<string, (wb: ExcelJS.Workbook, ind: ExcelJS.Worksheet) => void> = {
  note(_wb, ind) {
    ind.getCell('J3').note = { texts: [{ text: 'Anna Bianchi: dato provvisorio' }] };
  },
  table(_wb, ind) {
    const headers = (ind.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = 2; r <= ind.rowCount; r++) rows.push(headers.map((_, c) => ind.getCell(r, c + 1).value ?? null));
    // addTable writes its rows itself: the cells hold the same values as before.
    ind.addTable({ name: 'Indicatori2024', ref: 'A1', headerRow: true, columns: headers.map((name) => ({ name, filterButton: true })), rows });
  },
  validation(_wb, ind) {
    for (let r = 2; r <= ind.rowCount; r++) ind.getCell(r, 14).dataValidation = { type: 'list', allowBlank: true, formulae: ['"si,no"'] };
  },
  conditional(_wb, ind) {
    ind.addConditionalFormatting({
      ref: `J2:J${ind.rowCount}`,
      rules: [{ type: 'containsText', operator: 'containsText', text: 'gg', priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }],
    });
  },
  names(wb) {
    wb.definedNames.add('Indicatori!$A$2:$A$59', 'Codici');
    wb.definedNames.add('Impostazioni!$B$2', 'Anno_riferimento');
  },
  image(wb, ind) {
    const id = wb.addImage({ buffer: Buffer.from(PNG) as unknown as ExcelJS.Buffer, extension: 'png' });
    ind.addImage(id, 'R3:S4');
  },
};

/** Writes exceljs-plain.xlsx and exceljs-<feature>.xlsx into `dir`; returns their paths. */
export async function buildExcelJS(dir: string): Promise<string[]> {
  const plain = join(dir, 'exceljs-plain.xlsx');
  copyFileSync(EXAMPLE, plain);
  const files = [plain];
  for (const [feature, add] of Object.entries(FEATURES)) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXAMPLE);
    add(wb, wb.getWorksheet('Indicatori') as ExcelJS.Worksheet);
    const file = join(dir, `exceljs-${feature}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}
