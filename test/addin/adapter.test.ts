/**
 * The Excel adapter against the in-memory object model: same writes as the core's plan (which the CLI
 * applies too), input cells untouched, a fixed number of context.sync() calls whatever the rows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scorePlan, type PlanInput } from '../../src/core/index.js';
import { largePlan } from '../fixtures/large-plan.js';
import { excelHost, scoreWorkbook } from '../../addin/host.js';
import { FakeWorkbook } from './fake-excel.js';

const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;

function workbookOf(input: PlanInput): FakeWorkbook {
  const wb = new FakeWorkbook();
  for (const [name, table] of Object.entries(input.sheets)) wb.load(name, table as unknown[][]);
  (globalThis as Record<string, unknown>).Excel = { run: wb.run };
  return wb;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
});

function expectPlanWritten(wb: FakeWorkbook, input: PlanInput) {
  const expected = scorePlan(input);
  for (const write of expected.writePlan.sheets) {
    const ws = wb.sheet(write.sheet);
    for (const block of write.blocks) {
      block.values.forEach((row, i) => row.forEach((v, j) => {
        const cell = ws.cell(block.row + i, block.col + j);
        expect(cell.value, `${write.sheet} r${block.row + i} c${block.col + j}`).toEqual(v ?? '');
        expect(cell.fill).toBe(block.fills?.[i]?.[j] ?? null);
        if (block.numberFormats?.[i]?.[j]) expect(cell.format).toBe(block.numberFormats[i][j]);
      }));
    }
  }
  return expected;
}

/** Every cell of the input tables, as loaded. */
function inputCells(wb: FakeWorkbook, input: PlanInput) {
  return Object.entries(input.sheets).map(([name, table]) =>
    table.map((row, r) => row.map((_, c) => wb.sheet(name).cell(r, c).value)));
}

describe('Excel adapter', () => {
  it('writes exactly the core\'s plan on the bundled example and leaves input cells alone', async () => {
    const wb = workbookOf(pira);
    const before = JSON.stringify(inputCells(wb, pira));
    const summary = await scoreWorkbook('it');
    const expected = expectPlanWritten(wb, pira);
    expect(summary.entity).toEqual(expected.entity);
    expect(JSON.stringify(inputCells(wb, pira))).toBe(before);
    expect(wb.sheet('Indicatori').frozenRows).toBe(1);
    // The override's note becomes the Punteggio cell's note.
    expect([...wb.notes.values()]).toEqual([expect.stringContaining('rideterminato a 60,00%')]);
  });

  it('writes the scores the CLI reports for the same plan', async () => {
    const { cliResults } = await import('../support/cli-results.js');
    const cli = await cliResults(new URL('../../examples/pira-2024.xlsx', import.meta.url).pathname);
    const wb = workbookOf(pira);
    const summary = await scoreWorkbook('it');
    expect(summary.entity).toEqual(cli.entity);
    const ind = wb.sheet('Indicatori').table();
    const col = (ind[0] as string[]).indexOf('Punteggio');
    for (const i of cli.indicators) expect(ind.find((r) => r[0] === i.code)?.[col], i.code).toEqual(i.score ?? '');
  });

  it('gives the same workbook when scoring twice', async () => {
    const wb = workbookOf(pira);
    await scoreWorkbook('it');
    const first = JSON.stringify(wb.sheets.map((s) => [s.name, s.table()]));
    await scoreWorkbook('it');
    expect(JSON.stringify(wb.sheets.map((s) => [s.name, s.table()]))).toBe(first);
    expect(wb.notes.size).toBe(1);
  });

  it('makes the same number of context.sync() calls for 50 and 10.000 indicators', async () => {
    const small = workbookOf(largePlan(50));
    await scoreWorkbook('it');
    const big = workbookOf(largePlan(10_000));
    const t0 = performance.now();
    await scoreWorkbook('it');
    const ms = performance.now() - t0;
    expect(big.syncs).toBe(small.syncs);
    expect(big.syncs).toBeLessThanOrEqual(5);
    expectPlanWritten(big, largePlan(10_000));
    console.log(`Excel fake: 10.000 indicators read, scored and written in ${ms.toFixed(0)} ms, ${big.syncs} syncs, ${big.operations} proxy operations`);
  });

  it('reads a used range that does not start at A1', async () => {
    const shifted: PlanInput = { sheets: { Indicatori: [[], [null, 'Codice', 'Obiettivo', 'Target', 'Consuntivo'], [null, '1.1', '1', '>= 10', 5]] } };
    const wb = workbookOf(shifted);
    const summary = await scoreWorkbook('it');
    expect(summary.indicatorCount).toBe(1);
    // The table starts at B2: outputs land on its header row, after column E.
    expect(wb.sheet('Indicatori').cell(1, 5).value).toBe('Raggiungimento');
    expect(wb.sheet('Indicatori').cell(2, 6).value).toBe(0.5);
  });

  it('creates the template in an empty workbook, never over existing sheets', async () => {
    const wb = workbookOf({ sheets: { Foglio1: [] } });
    const host = excelHost('it');
    await host.createTemplate();
    expect(wb.sheets.map((s) => s.name)).toEqual(['Foglio1', 'Obiettivi', 'Indicatori', 'Impostazioni']);
    const ind = wb.sheet('Indicatori');
    const headers = ind.table()[0];
    expect(ind.cell(1, headers.indexOf('Metodo')).list).toEqual(['proporzionale', 'fasce', 'soglia', 'binario']);
    ind.cell(1, 0).value = '1.1';
    await host.createTemplate();
    expect(ind.cell(1, 0).value).toBe('1.1');
  });

  it('loads and saves year and method, and selects an issue\'s cell', async () => {
    const wb = workbookOf(pira);
    const host = excelHost('it');
    expect(await host.loadSettings()).toEqual({ year: 2024, method: 'linear' });
    await host.saveSettings({ year: 2025, method: 'threshold' });
    expect(wb.sheet('Impostazioni').table().slice(1, 3)).toEqual([['anno', 2025], ['metodo', 'soglia']]);
    await host.selectCell('Indicatori', 'G12');
    expect(wb.active).toEqual({ sheet: 'Indicatori', address: 'G12' });
  });
});
