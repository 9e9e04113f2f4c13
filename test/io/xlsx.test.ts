/**
 * The CLI's file path end to end on the bundled workbook: the streaming reader and its JSON twin score
 * alike (percent cells vs pasted text), the patched copy read back by ExcelJS (an independent reader) has
 * the outputs with formats, fills and notes, input cells as they were, and scoring it again changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { scorePlan, type PlanInput } from '../../src/core/index.js';
import { readTables, workbookFromTables, writeWorkbook } from '../../src/io/xlsx.js';
import { readWorkbookFile } from '../../src/io/read.js';
import { writeScoredCopy } from '../../src/io/write.js';

const EXAMPLE = new URL('../../examples/pira-2024.xlsx', import.meta.url).pathname;
const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;
const dir = mkdtempSync(join(tmpdir(), 'cruscotto-io-'));

async function scoreFile(input: string, output: string) {
  const read = await readWorkbookFile(input);
  const result = scorePlan(read.input, { workbook: read.sheets });
  await writeScoredCopy(input, output, result.writePlan);
  return { tables: read.input, result };
}

const readPlanFile = readWorkbookFile;

async function cells(file: string): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return readTables(wb).sheets;
}

describe('xlsx adapter', () => {
  it('scores the bundled workbook exactly as its JSON twin', async () => {
    const { input } = await readPlanFile(EXAMPLE);
    const { writePlan: _a, ...fromXlsx } = scorePlan(input);
    const { writePlan: _b, ...fromJson } = scorePlan(pira);
    expect(fromXlsx).toEqual(fromJson);
    // The example types Peso su AS as real percent cells.
    expect(input.sheets.Obiettivi[5][3]).toBeCloseTo(0.1429, 12);
  });

  it('writes outputs with formats and fills, keeps inputs, and is idempotent', async () => {
    const once = join(dir, 'once.xlsx');
    const twice = join(dir, 'twice.xlsx');
    const { tables, result } = await scoreFile(EXAMPLE, once);
    const after = await cells(once);
    for (const [name, table] of Object.entries(tables.sheets)) {
      table.forEach((row, r) => row.forEach((v, c) => expect(after[name][r][c], `${name} ${r},${c}`).toEqual(v)));
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(once);
    const ws = wb.getWorksheet('Indicatori') as ExcelJS.Worksheet;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const scoreCol = header.indexOf('Punteggio') + 1;
    const statusCol = header.indexOf('Stato') + 1;
    const row = (result.indicators.find((i) => i.code === '9.8')?.row as number) + 1;
    expect(ws.getCell(row, scoreCol).value).toBe(0.6);
    expect(ws.getCell(row, scoreCol).numFmt).toBe('0.00%');
    expect(ws.getCell(row, scoreCol).note).toContain('rideterminato a 60,00%');
    expect((ws.getCell(row, statusCol).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFBDD7EE');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Obiettivi', 'Indicatori', 'Impostazioni', 'Assegnazioni', 'Comportamenti', 'Leggimi', 'Sintesi', 'Segnalazioni', 'Schede individuali']);

    await scoreFile(once, twice);
    expect(await cells(twice)).toEqual(after);
  });

  it('reads date cells by their calendar day in any time zone', async () => {
    const file = join(dir, 'dates.xlsx');
    const plan: PlanInput = {
      sheets: {
        Indicatori: [
          ['Codice', 'Obiettivo', 'Target', 'Consuntivo', 'UdM'],
          ['1', 'A', 'Entro 31-12-2024', new Date(Date.UTC(2024, 11, 31)), 'data'],
          ['2', 'A', new Date(Date.UTC(2024, 11, 31)), new Date(Date.UTC(2025, 0, 1)), 'data'],
        ],
      },
    };
    await writeWorkbook(workbookFromTables(plan), file);
    const { input } = await readPlanFile(file);
    expect(scorePlan(input).indicators.map((i) => [i.status, i.daysLate])).toEqual([['met', null], ['notMet', 1]]);
  });
});
