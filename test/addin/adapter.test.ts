/**
 * The Excel host end to end on Microsoft's office.js serialiser over the strict fake: the same writes as
 * the core's plan, input cells untouched, requests cut by payload (never over 4 MB), the pane reading
 * Impostazioni only, and Excel's refusals reaching the user in Italian or English.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scorePlan, type PlanInput } from '../../src/core/index.js';
import { largePlan } from '../fixtures/large-plan.js';
import { excelHost, scoreWorkbook, type ExcelHostOptions } from '../../addin/host.js';
import { ERROR_TEXTS, MAPPED_CODES, excelErrorMessage } from '../../addin/errors.js';
import { REQUEST_BUDGET } from '../../addin/excel-adapter.js';
import { loadOfficeJs, type OfficeJsRuntime } from './officejs.js';
import { monitoredPlan, ownersPlan } from './plans.js';

const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;
const FOUR_MB = 4 * 1024 * 1024;

function workbookOf(input: PlanInput, excelApi?: string): { runtime: OfficeJsRuntime; options: ExcelHostOptions } {
  const runtime = loadOfficeJs({ excelApi });
  for (const [name, table] of Object.entries(input.sheets)) runtime.fake.load(name, table);
  return { runtime, options: { run: runtime.run, isSetSupported: runtime.isSetSupported } };
}

function expectPlanWritten(runtime: OfficeJsRuntime, input: PlanInput) {
  const expected = scorePlan(input, { workbook: Object.keys(input.sheets).map((name) => ({ name, owner: null })) });
  for (const write of expected.writePlan.sheets) {
    const ws = runtime.fake.sheet(write.sheet);
    for (const block of write.blocks) {
      block.values.forEach((row, i) => row.forEach((v, j) => {
        const cell = ws.peek(block.row + i, block.col + j);
        const where = `${write.sheet} r${block.row + i} c${block.col + j}`;
        expect(cell?.value ?? '', where).toEqual(v ?? '');
        expect(cell?.fill ?? null, where).toBe(block.fills?.[i]?.[j] ?? null);
        expect(cell?.format ?? 'General', where).toBe(block.numberFormats?.[i]?.[j] ?? 'General');
      }));
    }
  }
  return expected;
}

describe('Excel host on office.js', () => {
  it('writes exactly the core\'s plan on the bundled example and leaves input cells alone', async () => {
    const { runtime, options } = workbookOf(pira);
    const before = Object.keys(pira.sheets).map((n) => JSON.stringify(runtime.fake.sheet(n).table()));
    const summary = await scoreWorkbook('it', undefined, options);
    const expected = expectPlanWritten(runtime, pira);
    expect(summary.entity).toEqual(expected.entity);
    Object.entries(pira.sheets).forEach(([name, table], k) => {
      const now = runtime.fake.sheet(name).table().map((row) => row.slice(0, (table[0] ?? []).length));
      expect(JSON.stringify(now.slice(0, table.length)), name).toBe(JSON.stringify(JSON.parse(before[k]).map((row: unknown[]) => row.slice(0, (table[0] ?? []).length))));
    });
    const ind = runtime.fake.sheet('Indicatori');
    // The user's sheets keep their own view; the tool's Segnalazioni freezes its header.
    expect(ind.frozenRows).toBe(0);
    expect(runtime.fake.sheet('Segnalazioni').frozenRows).toBe(1);
    // The override's note becomes the Punteggio cell's note.
    const notes = [...ind.notes.values()];
    expect(notes).toEqual([expect.stringContaining('rideterminato a 60,00%')]);
    expect(runtime.fake.sheet('Sintesi').pageLayout).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: null });
    expect(runtime.fake.sheet('Segnalazioni').pageLayout.printTitleRows).toBe('$1:$1');
    // Page setup is the tool's on its own sheets only: the user's keep theirs.
    expect(runtime.fake.sheet('Indicatori').pageLayout).toEqual({ orientation: null, zoom: null, printTitleRows: null });
  });

  it('writes the scores the CLI reports for the same plan', async () => {
    const { cliResults } = await import('../support/cli-results.js');
    const cli = await cliResults(new URL('../../examples/pira-2024.xlsx', import.meta.url).pathname);
    const { runtime, options } = workbookOf(pira);
    const summary = await scoreWorkbook('it', undefined, options);
    expect(summary.entity).toEqual(cli.entity);
    const ind = runtime.fake.sheet('Indicatori').table();
    const col = (ind[0] as string[]).indexOf('Punteggio');
    for (const i of cli.indicators) expect(ind.find((r) => r[0] === i.code)?.[col], i.code).toEqual(i.score ?? '');
  });

  it('cuts requests by payload: few syncs for a small plan, more only as the bytes grow, none over 4 MB', async () => {
    const counts: Record<number, { syncs: number; bytes: number; largest: number }> = {};
    for (const n of [50, 1000, 10_000]) {
      const { runtime, options } = workbookOf(largePlan(n));
      await scoreWorkbook('it', undefined, options);
      const bytes = runtime.fake.requests.reduce((s, r) => s + r.bytes + r.responseBytes, 0);
      counts[n] = { syncs: runtime.fake.syncs, bytes, largest: Math.max(runtime.fake.largestRequest, ...runtime.fake.requests.map((r) => r.responseBytes)) };
      expect(runtime.fake.requests.filter((r) => r.error)).toEqual([]);
      if (n === 10_000) expectPlanWritten(runtime, largePlan(n));
    }
    // Fixed overhead: sheet list, markers, used ranges, notes; then one read and a write batch or two.
    expect(counts[50].syncs).toBeLessThanOrEqual(8);
    // Past 200 rows a sheet is first measured on a probe band: one more sync, then bands by bytes.
    expect(counts[1000].syncs).toBeLessThanOrEqual(counts[50].syncs + 1);
    for (const n of [50, 1000, 10_000]) {
      expect(counts[n].largest).toBeLessThanOrEqual(FOUR_MB);
      // Syncs follow the bytes: at most one per budget's worth of payload above the fixed ones.
      expect(counts[n].syncs).toBeLessThanOrEqual(counts[50].syncs + Math.ceil(counts[n].bytes / REQUEST_BUDGET));
    }
    // The same 10k plan under a tenth of the budget: more syncs, each request within the smaller budget.
    const { runtime, options } = workbookOf(largePlan(10_000));
    await scoreWorkbook('it', undefined, { ...options, requestBudget: REQUEST_BUDGET / 10 });
    expect(runtime.fake.syncs).toBeGreaterThan(counts[10_000].syncs + 3);
    expect(runtime.fake.largestRequest).toBeLessThanOrEqual(REQUEST_BUDGET / 10);
    expectPlanWritten(runtime, largePlan(10_000));
  }, 120_000);

  it('reads sheets of long texts in responses under 4 MB, even when the long rows come late', async () => {
    const plan = largePlan(200);
    const long = (i: number) => `Indicatore ${i}: rapporto tra pratiche evase nei termini e pratiche ricevute nel periodo, `.repeat(3);
    // Short rows first (what the probe measures), then 30.000 rows of 270 characters: about 9 MB in all.
    const notes = [['Nota'], ...Array.from({ length: 500 }, (_, i) => [`n${i}`]), ...Array.from({ length: 30_000 }, (_, i) => [long(i)])];
    const { runtime, options } = workbookOf({ sheets: { ...plan.sheets, Appunti: notes } });
    const summary = await scoreWorkbook('it', undefined, options);
    expect(summary.indicatorCount).toBe(200);
    const responses = runtime.fake.requests.map((r) => r.responseBytes);
    expect(Math.max(...responses)).toBeLessThanOrEqual(FOUR_MB);
    expect(runtime.fake.requests.filter((r) => r.error && r.error !== 'ResponsePayloadSizeLimitExceeded')).toEqual([]);
    const read = await runtime.run(async (context) => {
      const { ExcelAdapter } = await import('../../addin/excel-adapter.js');
      return new ExcelAdapter(context, { isSetSupported: runtime.isSetSupported }).read();
    });
    expect(read.input.sheets.Appunti).toHaveLength(30_501);
    expect(read.input.sheets.Appunti[30_500][0]).toBe(long(29_999));

    // Long from the first row: the probe band measures them, and no response is ever refused.
    const uniform = workbookOf({ sheets: { ...plan.sheets, Descrizioni: Array.from({ length: 30_000 }, (_, i) => [long(i), i]) } });
    await scoreWorkbook('it', undefined, uniform.options);
    expect(uniform.runtime.fake.requests.filter((r) => r.error)).toEqual([]);
    expect(Math.max(...uniform.runtime.fake.requests.map((r) => r.responseBytes))).toBeLessThanOrEqual(FOUR_MB);
  }, 120_000);

  it('opens the pane reading Impostazioni only, and saves year and method there', async () => {
    const { runtime, options } = workbookOf(pira);
    const host = excelHost('it', options);
    expect(await host.loadSettings()).toEqual({ year: 2024, method: 'linear' });
    expect(new Set(runtime.fake.reads.map((r) => r.sheet))).toEqual(new Set(['Impostazioni']));
    await host.saveSettings({ year: 2025, method: 'threshold' });
    expect(runtime.fake.sheet('Impostazioni').table().slice(1, 3)).toEqual([['anno', 2025], ['metodo', 'soglia']]);
    expect(new Set(runtime.fake.reads.map((r) => r.sheet))).toEqual(new Set(['Impostazioni']));
  });

  it('selects an issue\'s cell, whatever the case of the sheet name', async () => {
    const { runtime, options } = workbookOf(pira);
    await excelHost('it', options).selectCell('indicatori', 'G12');
    expect(runtime.fake.active).toEqual({ sheet: 'Indicatori', address: 'G12' });
  });

  it('reads a used range that does not start at A1', async () => {
    const shifted: PlanInput = { sheets: { Indicatori: [[], [null, 'Codice', 'Obiettivo', 'Target', 'Consuntivo'], [null, '1.1', '1', '>= 10', 5]] } };
    const { runtime, options } = workbookOf(shifted);
    const summary = await scoreWorkbook('it', undefined, options);
    expect(summary.indicatorCount).toBe(1);
    // The table starts at B2: outputs land on its header row, after column E.
    expect(runtime.fake.sheet('Indicatori').peek(1, 5)?.value).toBe('Raggiungimento');
    expect(runtime.fake.sheet('Indicatori').peek(2, 6)?.value).toBe(0.5);
  });

  it('creates the template in an empty workbook, never over existing sheets', async () => {
    const { runtime, options } = workbookOf({ sheets: { Foglio1: [] } });
    const host = excelHost('it', options);
    await host.createTemplate();
    expect(runtime.fake.sheets.map((s) => s.name)).toEqual(['Foglio1', 'Obiettivi', 'Indicatori', 'Impostazioni']);
    const ind = runtime.fake.sheet('Indicatori');
    const headers = ind.table()[0];
    expect(ind.peek(1, headers.indexOf('Metodo'))?.list).toEqual(['proporzionale', 'fasce', 'soglia', 'binario']);
    ind.cell(1, 0).value = '1.1';
    await host.createTemplate();
    expect(ind.peek(1, 0)?.value).toBe('1.1');
    expect(runtime.fake.reads).toEqual([]);
  });

  it('scores on an Excel without page layout and notes (ExcelApi 1.8): no call to what it lacks', async () => {
    const { runtime, options } = workbookOf(pira, '1.8');
    const summary = await scoreWorkbook('it', undefined, options);
    expect(summary.indicatorCount).toBeGreaterThan(0);
    expect(runtime.fake.sheet('Sintesi').pageLayout.orientation).toBeNull();
    expect(runtime.fake.sheet('Indicatori').notes.size).toBe(0);
  });

  it('replaces a column of alternating fills whichever way it is sent (runs on 1.8, setCellProperties on 1.9)', async () => {
    for (const excelApi of ['1.8', '1.9']) {
      const { runtime } = workbookOf({ sheets: { Foglio: [['x']] } }, excelApi);
      const rows = 300;
      const column = (shift: number) => ({
        sheets: [{
          sheet: 'foglio', replace: false,
          blocks: [{ row: 0, col: 2, values: Array.from({ length: rows }, (_, i) => [i]), fills: Array.from({ length: rows }, (_, i) => [(i + shift) % 2 === 0 ? '#FFC7CE' : null]), bold: Array.from({ length: rows }, (_, i) => [(i + shift) % 3 === 0]) }],
        }],
      });
      const { ExcelAdapter } = await import('../../addin/excel-adapter.js');
      for (const shift of [0, 1]) await runtime.run((context) => new ExcelAdapter(context, { isSetSupported: runtime.isSetSupported }).apply(column(shift)));
      const ws = runtime.fake.sheet('Foglio');
      for (let i = 0; i < rows; i++) {
        expect(ws.peek(i, 2)?.fill ?? null, `${excelApi} row ${i}`).toBe((i + 1) % 2 === 0 ? '#FFC7CE' : null);
        expect(ws.peek(i, 2)?.bold, `${excelApi} row ${i}`).toBe((i + 1) % 3 === 0);
      }
    }
  });

  it('never deletes a sheet without the tool\'s marker, even when a plan lists it', async () => {
    const { runtime } = workbookOf({ sheets: { Foglio1: [['appunti']], Sintesi: [['mia']] } });
    const { ExcelAdapter } = await import('../../addin/excel-adapter.js');
    await runtime.run((context) => new ExcelAdapter(context, { isSetSupported: runtime.isSetSupported }).apply({ sheets: [], removeSheets: ['Sintesi', 'foglio1'] }));
    expect(runtime.fake.sheets.map((s) => s.name)).toEqual(['Foglio1', 'Sintesi']);
  });

  it('scores at the period asked for, and writes the schede with their marker when asked', async () => {
    const plan = monitoredPlan();
    const { runtime, options } = workbookOf(plan);
    const summary = await excelHost('it', options).score(undefined, { period: '30/06' });
    const midYear = scorePlan(plan, { period: '30/06', workbook: Object.keys(plan.sheets).map((name) => ({ name, owner: null })) });
    for (const write of midYear.writePlan.sheets) {
      for (const block of write.blocks) {
        block.values.forEach((row, i) => row.forEach((v, j) => {
          expect(runtime.fake.sheet(write.sheet).peek(block.row + i, block.col + j)?.value ?? '', `${write.sheet} r${block.row + i} c${block.col + j}`).toEqual(v ?? '');
        }));
      }
    }
    // Not the year end's scores: the period picked reached the core.
    expect(scorePlan(plan).entity.score).not.toBe(midYear.entity.score);
    expect(summary.period?.key).toBe('30/06');
    expect(summary.entity).toEqual(midYear.entity);
    const score = runtime.fake.sheet('Indicatori').table()[0].indexOf('Punteggio');
    for (const i of midYear.indicators) expect(runtime.fake.sheet('Indicatori').peek(i.row, score)?.value ?? '', i.code).toEqual(i.score ?? '');

    const owners = workbookOf(ownersPlan());
    const host = excelHost('en', owners.options);
    await host.score();
    expect(owners.runtime.fake.sheets.map((s) => s.name)).not.toContain('Schede individuali');
    const withPeople = await host.score(undefined, { people: true });
    const sheet = owners.runtime.fake.sheet('Schede individuali');
    expect([...sheet.names.values()]).toEqual([{ name: 'CRUSCOTTO_OUTPUT', formula: '="people"', visible: false }]);
    expect(sheet.table().slice(1).map((row) => row[0])).toEqual(expect.arrayContaining(withPeople.people?.map((p) => p.name) ?? ['?']));
  });

  it('gives one person\'s card from the last scoring, or reads the workbook again without writing', async () => {
    const plan = monitoredPlan();
    const { runtime, options } = workbookOf(plan);
    const host = excelHost('it', options);
    const atMidYear = scorePlan(plan, { period: '30/06' }).people?.people ?? [];
    const atYearEnd = scorePlan(plan).people?.people ?? [];
    const name = atMidYear[3].name;
    // Before any scoring: read again, nothing written.
    expect(await host.person(name, '30/06')).toEqual(atMidYear[3]);
    expect(runtime.fake.sheets.map((s) => s.name)).toEqual(Object.keys(plan.sheets));
    await host.score(undefined, { period: '30/06' });
    const syncs = runtime.fake.syncs;
    expect(await host.person(name, '30/06')).toEqual(atMidYear[3]);
    expect(runtime.fake.syncs).toBe(syncs);
    // Another period: scored again at that period.
    expect(await host.person(name, '31/12')).toEqual(atYearEnd.find((p) => p.name === name));
    expect(atYearEnd.find((p) => p.name === name)?.total).not.toBe(atMidYear[3].total);
    expect(runtime.fake.syncs).toBeGreaterThan(syncs);
    expect(await host.person('Nessuno', '31/12')).toBeNull();
    runtime.fake.cellEditMode = true;
    await expect(excelHost('en', options).person(name, '30/06')).rejects.toThrow(/press Enter or Esc.*\(InvalidOperationInCellEditMode\)/);
  });

  it('says in Italian, or English, what to do when Excel is editing a cell', async () => {
    for (const lang of ['it', 'en'] as const) {
      const { runtime, options } = workbookOf(pira);
      runtime.fake.cellEditMode = true;
      const failure = scoreWorkbook(lang, undefined, options);
      await expect(failure).rejects.toThrow(lang === 'it' ? /premi Invio o Esc.*\(InvalidOperationInCellEditMode\)/ : /press Enter or Esc.*\(InvalidOperationInCellEditMode\)/);
    }
  });

  it('maps every RichApi code it knows to both languages, and keeps unknown messages', () => {
    expect(MAPPED_CODES).toEqual(expect.arrayContaining(['InvalidOperationInCellEditMode', 'ItemAlreadyExists', 'AccessDenied', 'GeneralException']));
    for (const code of MAPPED_CODES) {
      expect(ERROR_TEXTS[code].it, code).not.toBe(ERROR_TEXTS[code].en);
      expect(ERROR_TEXTS[code].it.length, code).toBeGreaterThan(20);
      expect(ERROR_TEXTS[code].en.length, code).toBeGreaterThan(20);
    }
    const exists = Object.assign(new Error('A resource with the same name or identifier already exists.'), { code: 'ItemAlreadyExists' });
    expect(excelErrorMessage(exists, 'it')).toBe(`${ERROR_TEXTS.ItemAlreadyExists.it} (ItemAlreadyExists)`);
    expect(excelErrorMessage(new Error('Foglio Indicatori mancante'), 'it')).toBe('Foglio Indicatori mancante');
  });
});
