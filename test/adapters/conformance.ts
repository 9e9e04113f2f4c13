/**
 * One conformance suite for every WorkbookAdapter (xlsx file, Excel, Google Sheets). Each host's test file
 * calls `describeAdapter(name, makeHarness)` with a harness over its own strict fake (or file), so the three
 * hosts are held to the same behaviour: scoring twice changes nothing, stale notes, fills and bold are
 * cleared, replaced sheets shrink, sheet names are matched without case, user sheets are never taken over,
 * tool sheets are recognised by their marker, and 100k rows go through without overflowing the stack.
 *
 * The harness reads cells back from the host's own model, not from the adapter, so an adapter cannot pass
 * by agreeing with itself.
 */
import { describe, expect, it } from 'vitest';
import {
  OUTPUT_MARKER, STATUS_FILLS, parseA1, a1, scorePlan,
  type CellValue, type OutputKind, type ScoreResult, type WorkbookAdapter, type WritePlan,
} from '../../src/core/index.js';
import { largePlan } from '../fixtures/large-plan.js';

/** One cell as the host holds it. Hosts differ in how they say "nothing": the suite normalises. */
export interface HarnessCell {
  /** '' or null for an empty cell. */
  value: CellValue;
  /** '#RRGGBB' (any case), or null / '' for no fill. */
  fill: string | null;
  bold: boolean;
  /** null or '' for no note. */
  note: string | null;
  /** 'General', or '' / null for the host's default. */
  numberFormat: string | null;
}

export interface Harness {
  adapter: WorkbookAdapter;
  /** Every sheet of the workbook, in order, as the host names them. */
  sheetNames(): string[];
  /** The cell as the host's model holds it (sheet looked up by its exact name). */
  cell(sheet: string, address: string): HarnessCell;
  /** The OUTPUT_MARKER kind the host holds on the sheet, null when unmarked. */
  ownerOf(sheet: string): OutputKind | null;
  /** A person typing in a cell ('' or null empties it). */
  setCell(sheet: string, address: string, value: CellValue): void | Promise<void>;
}

/** Builds a fresh workbook holding these sheets (in this order), every cell plain. */
export type MakeHarness = (sheets: Record<string, CellValue[][]>) => Harness | Promise<Harness>;

interface Seen {
  value: CellValue;
  fill: string | null;
  bold: boolean;
  note: string | null;
  numberFormat: string;
}

function seen(c: HarnessCell): Seen {
  return {
    value: c.value === '' || c.value === undefined ? null : c.value,
    fill: c.fill ? c.fill.toUpperCase() : null,
    bold: c.bold === true,
    note: c.note ? c.note : null,
    numberFormat: c.numberFormat ? c.numberFormat : 'General',
  };
}

const look = (h: Harness, sheet: string, address: string) => seen(h.cell(sheet, address));

/** Read, score with the workbook's sheet list, apply: what every host's "Calcola punteggi" does. */
async function score(h: Harness): Promise<ScoreResult> {
  const read = await h.adapter.read();
  const result = scorePlan(read.input, { workbook: read.sheets });
  await h.adapter.apply(result.writePlan);
  return result;
}

/** Every sheet, cell by cell, over a window large enough for the small plans used here. */
function snapshot(h: Harness, rows = 60, cols = 20): Record<string, Seen[][]> {
  const out: Record<string, Seen[][]> = {};
  for (const name of h.sheetNames()) {
    const grid: Seen[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: Seen[] = [];
      for (let c = 0; c < cols; c++) line.push(look(h, name, a1(r, c)));
      grid.push(line);
    }
    out[name] = grid;
  }
  return out;
}

/** Column letter of a header in a header row (searched over the first 30 columns). */
function columnOf(h: Harness, sheet: string, header: string, headerRow = 0): number {
  for (let c = 0; c < 30; c++) if (look(h, sheet, a1(headerRow, c)).value === header) return c;
  throw new Error(`no column "${header}" in row ${headerRow + 1} of ${sheet}`);
}

function sheetOwnedBy(h: Harness, kind: OutputKind): string {
  const owned = h.sheetNames().filter((n) => h.ownerOf(n) === kind);
  expect(owned, `sheets marked ${OUTPUT_MARKER}=${kind}`).toHaveLength(1);
  return owned[0];
}

const OBJECTIVES: CellValue[][] = [
  ['Codice', 'Titolo', 'Padre', 'Peso'],
  ['1', 'Servizi alle imprese', null, '100%'],
];
const SETTINGS: CellValue[][] = [['Chiave', 'Valore'], ['anno', 2025], ['metodo', 'proporzionale']];

/** Columns A..H; 1.2 carries an override with its note, so Punteggio of row 3 gets a cell note. */
function indicators(): CellValue[][] {
  return [
    ['Codice', 'Indicatore', 'Obiettivo', 'Peso', 'Target', 'Consuntivo', 'Override', 'Nota'],
    ['1.1', 'Pratiche evase', '1', '50%', '>= 10', 12, null, null],
    ['1.2', 'Tempo medio', '1', '50%', '<= 5 gg', 8, '60%', 'Rideterminato dall\'OIV per cause esterne'],
  ];
}

function smallPlan(): Record<string, CellValue[][]> {
  return { Obiettivi: OBJECTIVES.map((r) => [...r]), Indicatori: indicators(), Impostazioni: SETTINGS.map((r) => [...r]) };
}

/** A plan whose every target is unreadable: one issue a row in Segnalazioni. */
function planWithIssues(n: number): Record<string, CellValue[][]> {
  const rows: CellValue[][] = [['Codice', 'Indicatore', 'Obiettivo', 'Peso', 'Target', 'Consuntivo']];
  for (let i = 1; i <= n; i++) rows.push([`1.${i}`, `Indicatore ${i}`, '1', null, 'boh', 5]);
  return { Obiettivi: OBJECTIVES.map((r) => [...r]), Indicatori: rows, Impostazioni: SETTINGS.map((r) => [...r]) };
}

const LARGE = 100_000;

export function describeAdapter(name: string, makeHarness: MakeHarness): void {
  describe(`WorkbookAdapter conformance: ${name}`, () => {
    it('reads the input tables as loaded and lists every sheet, unmarked', async () => {
      const h = await makeHarness({ ...smallPlan(), Note: [['appunti']] });
      const read = await h.adapter.read();
      expect(read.sheets).toEqual([
        { name: 'Obiettivi', owner: null }, { name: 'Indicatori', owner: null },
        { name: 'Impostazioni', owner: null }, { name: 'Note', owner: null },
      ]);
      const table = read.input.sheets.Indicatori;
      expect(table[0]).toEqual(indicators()[0]);
      expect(table[2].slice(0, 6)).toEqual(['1.2', 'Tempo medio', '1', '50%', '<= 5 gg', 8]);
      // Empty cells read as null (or are missing), never as '' that a rule would take for text.
      expect(table[1][6] ?? null).toBeNull();
    });

    it('writes the core\'s plan: outputs, tool sheets with their marker, the override\'s note', async () => {
      const h = await makeHarness(smallPlan());
      const result = await score(h);
      const punteggio = columnOf(h, 'Indicatori', 'Punteggio');
      const stato = columnOf(h, 'Indicatori', 'Stato');
      expect(punteggio).toBeGreaterThanOrEqual(8);
      const first = result.indicators.find((i) => i.code === '1.1')!;
      const second = result.indicators.find((i) => i.code === '1.2')!;
      expect(look(h, 'Indicatori', a1(1, punteggio)).value).toBe(first.score);
      expect(look(h, 'Indicatori', a1(2, punteggio)).value).toBe(0.6);
      expect(look(h, 'Indicatori', a1(1, punteggio)).numberFormat).toBe('0.00%');
      expect(look(h, 'Indicatori', a1(0, punteggio)).bold).toBe(true);
      expect(look(h, 'Indicatori', a1(1, punteggio)).bold).toBe(false);
      expect(look(h, 'Indicatori', a1(2, punteggio)).note).toContain('60,00%');
      expect(look(h, 'Indicatori', a1(1, punteggio)).note).toBeNull();
      expect(look(h, 'Indicatori', a1(1, stato)).fill).toBe(STATUS_FILLS[first.status]);
      expect(look(h, 'Indicatori', a1(2, stato)).fill).toBe(STATUS_FILLS[second.status]);
      // Input cells are never written.
      expect(look(h, 'Indicatori', 'F2').value).toBe(12);
      expect(look(h, 'Indicatori', 'H3').value).toBe('Rideterminato dall\'OIV per cause esterne');
      const summary = sheetOwnedBy(h, 'summary');
      const issues = sheetOwnedBy(h, 'issues');
      expect(summary).toBe('Sintesi');
      expect(issues).toBe('Segnalazioni');
      expect(look(h, summary, 'A1').value).toBe('Cruscotto — Sintesi');
      expect(look(h, summary, 'A1').bold).toBe(true);
      const read = await h.adapter.read();
      expect(read.sheets.filter((s) => s.owner)).toEqual([{ name: 'Sintesi', owner: 'summary' }, { name: 'Segnalazioni', owner: 'issues' }]);
      // The tool's own sheets are not plan input.
      expect(Object.keys(read.input.sheets)).not.toContain('Sintesi');
      expect(Object.keys(read.input.sheets)).not.toContain('Segnalazioni');
    });

    it('gives the same workbook when scoring twice', async () => {
      const h = await makeHarness(smallPlan());
      await score(h);
      const names = h.sheetNames();
      const first = snapshot(h);
      await score(h);
      expect(h.sheetNames()).toEqual(names);
      expect(snapshot(h)).toEqual(first);
    });

    it('clears the note of an override that was removed', async () => {
      const h = await makeHarness(smallPlan());
      await score(h);
      const punteggio = columnOf(h, 'Indicatori', 'Punteggio');
      expect(look(h, 'Indicatori', a1(2, punteggio)).note).toContain('60,00%');
      await h.setCell('Indicatori', 'G3', null);
      await h.setCell('Indicatori', 'H3', null);
      const result = await score(h);
      expect(look(h, 'Indicatori', a1(2, punteggio)).note).toBeNull();
      expect(look(h, 'Indicatori', a1(2, punteggio)).value).toBe(result.indicators.find((i) => i.code === '1.2')!.score);
    });

    it('replaces a status fill when the status changes', async () => {
      const h = await makeHarness(smallPlan());
      const before = await score(h);
      const stato = columnOf(h, 'Indicatori', 'Stato');
      expect(before.indicators[0].status).toBe('met');
      expect(look(h, 'Indicatori', a1(1, stato)).fill).toBe(STATUS_FILLS.met);
      await h.setCell('Indicatori', 'F2', 2);
      const after = await score(h);
      const status = after.indicators.find((i) => i.code === '1.1')!.status;
      expect(status).not.toBe('met');
      expect(look(h, 'Indicatori', a1(1, stato)).fill).toBe(STATUS_FILLS[status]);
      // Nothing measured any more: the row's fill is the not-measured one, not the old green.
      await h.setCell('Indicatori', 'F2', null);
      await score(h);
      expect(look(h, 'Indicatori', a1(1, stato)).fill).toBe(STATUS_FILLS.notMeasured);
    });

    it('shrinks a replaced tool sheet: no stale rows, fills or bold below the new end', async () => {
      const h = await makeHarness(planWithIssues(12));
      const many = await score(h);
      const issues = sheetOwnedBy(h, 'issues');
      expect(many.issues.length).toBeGreaterThanOrEqual(12);
      const lastRow = many.issues.length; // header in row 0
      expect(look(h, issues, a1(lastRow, 0)).value).not.toBeNull();
      expect(look(h, issues, a1(lastRow, 0)).fill).not.toBeNull();
      for (let i = 1; i <= 12; i++) await h.setCell('Indicatori', `E${i + 1}`, '>= 4');
      const few = await score(h);
      expect(few.issues.length).toBeLessThan(many.issues.length);
      expect(sheetOwnedBy(h, 'issues')).toBe(issues);
      for (let r = few.issues.length + 1; r <= lastRow; r++) {
        for (let c = 0; c < 5; c++) expect(look(h, issues, a1(r, c)), `${issues}!${a1(r, c)}`).toEqual(seen({ value: null, fill: null, bold: false, note: null, numberFormat: null }));
      }
    });

    it('takes over its own sheet whatever its case (sintesi marked as summary)', async () => {
      const h = await makeHarness(smallPlan());
      await h.adapter.apply({ sheets: [{ sheet: 'sintesi', replace: true, owner: 'summary', blocks: [{ row: 0, col: 0, values: [['vecchia sintesi'], ['riga in più']] }] }] });
      expect(h.ownerOf('sintesi')).toBe('summary');
      await score(h);
      const summaries = h.sheetNames().filter((n) => n.toLowerCase() === 'sintesi');
      expect(summaries).toHaveLength(1);
      const summary = sheetOwnedBy(h, 'summary');
      expect(summary.toLowerCase()).toBe('sintesi');
      expect(look(h, summary, 'A1').value).toBe('Cruscotto — Sintesi');
    });

    it('looks sheets up without case when applying a plan', async () => {
      const h = await makeHarness(smallPlan());
      await h.adapter.apply({ sheets: [{ sheet: 'INDICATORI', replace: false, blocks: [{ row: 0, col: 10, values: [['Extra'], [1]] }] }] });
      expect(h.sheetNames()).toEqual(['Obiettivi', 'Indicatori', 'Impostazioni']);
      expect(look(h, 'Indicatori', 'K1').value).toBe('Extra');
      expect(look(h, 'Indicatori', 'K2').value).toBe(1);
    });

    it('leaves a user\'s own sheet named Sintesi alone and writes its summary beside it', async () => {
      const h = await makeHarness({ ...smallPlan(), Sintesi: [['Appunti del dirigente'], ['da non toccare']] });
      await score(h);
      expect(look(h, 'Sintesi', 'A1').value).toBe('Appunti del dirigente');
      expect(look(h, 'Sintesi', 'A2').value).toBe('da non toccare');
      expect(h.ownerOf('Sintesi')).toBeNull();
      const summary = sheetOwnedBy(h, 'summary');
      expect(summary.toLowerCase()).not.toBe('sintesi');
      expect(look(h, summary, 'A1').value).toBe('Cruscotto — Sintesi');
      // Scoring again finds the same output sheet by its marker, and still leaves the user's alone.
      const names = h.sheetNames();
      await score(h);
      expect(h.sheetNames()).toEqual(names);
      expect(look(h, 'Sintesi', 'A1').value).toBe('Appunti del dirigente');
    });

    it('removes the sheets the plan lists, and the core removes its sheets of the other language', async () => {
      const h = await makeHarness(smallPlan());
      await h.adapter.apply({
        sheets: [
          { sheet: 'Summary', replace: true, owner: 'summary', blocks: [{ row: 0, col: 0, values: [['old']] }] },
          { sheet: 'Scratch', replace: true, owner: 'issues', blocks: [{ row: 0, col: 0, values: [['x']] }] },
        ],
      });
      expect(h.sheetNames()).toContain('Summary');
      await h.adapter.apply({ sheets: [], removeSheets: ['scratch'] });
      expect(h.sheetNames()).not.toContain('Scratch');
      const result = await score(h);
      expect(result.writePlan.removeSheets ?? []).toContain('Summary');
      expect(h.sheetNames()).not.toContain('Summary');
      expect(sheetOwnedBy(h, 'summary')).toBe('Sintesi');
    });

    it('clears fills, resets bold, deletes notes and restores General where a block says so', async () => {
      const h = await makeHarness(smallPlan());
      const write = (values: CellValue[][], extra: Partial<WritePlan['sheets'][0]['blocks'][0]>): WritePlan => ({
        sheets: [{ sheet: 'Indicatori', replace: false, blocks: [{ row: 5, col: 10, values, ...extra }] }],
      });
      await h.adapter.apply(write([['a', 'b'], [1, 2]], {
        fills: [['#FF0000', '#00FF00'], ['#0000FF', null]],
        bold: [[true, true], [true, false]],
        notes: [['nota a', null], [null, 'nota 2']],
        numberFormats: [[null, null], ['0.00%', '0.00%']],
      }));
      expect(look(h, 'Indicatori', 'K6')).toEqual({ value: 'a', fill: '#FF0000', bold: true, note: 'nota a', numberFormat: 'General' });
      expect(look(h, 'Indicatori', 'L7')).toEqual({ value: 2, fill: null, bold: false, note: 'nota 2', numberFormat: '0.00%' });
      // Ragged and missing grids: every cell of the rectangle is stated by normalizeBlock.
      await h.adapter.apply(write([['c', 'd'], [3]], {}));
      const plain = (value: CellValue) => ({ value, fill: null, bold: false, note: null, numberFormat: 'General' });
      expect(look(h, 'Indicatori', 'K6')).toEqual(plain('c'));
      expect(look(h, 'Indicatori', 'L6')).toEqual(plain('d'));
      expect(look(h, 'Indicatori', 'K7')).toEqual(plain(3));
      expect(look(h, 'Indicatori', 'L7')).toEqual(plain(null));
      // The block's neighbours are not touched.
      expect(look(h, 'Indicatori', 'F2').value).toBe(12);
    });

    it('clears a replaced sheet entirely before writing', async () => {
      const h = await makeHarness(smallPlan());
      await h.adapter.apply({
        sheets: [{
          sheet: 'Segnalazioni', replace: true, owner: 'issues',
          blocks: [{ row: 0, col: 0, values: [['a', 'b', 'c'], ['d', 'e', 'f'], ['g', 'h', 'i']], fills: [['#FF0000', '#FF0000', '#FF0000']], bold: [[true, true, true]], notes: [[null, null, null], [null, 'x', null]] }],
        }],
      });
      await h.adapter.apply({ sheets: [{ sheet: 'segnalazioni', replace: true, owner: 'issues', blocks: [{ row: 0, col: 0, values: [['z']] }] }] });
      expect(h.sheetNames().filter((n) => n.toLowerCase() === 'segnalazioni')).toHaveLength(1);
      const s = sheetOwnedBy(h, 'issues');
      expect(look(h, s, 'A1').value).toBe('z');
      expect(look(h, s, 'A1').fill).toBeNull();
      expect(look(h, s, 'A1').bold).toBe(false);
      for (const cell of ['B1', 'C1', 'A2', 'B2', 'C3']) expect(look(h, s, cell), cell).toEqual(seen({ value: null, fill: null, bold: false, note: null, numberFormat: null }));
    });

    it(`writes and reads ${LARGE.toLocaleString('en')} rows without overflowing the stack`, async () => {
      const n = LARGE + 30_000;
      const values: CellValue[][] = new Array(n);
      const fills: (string | null)[][] = new Array(n);
      for (let i = 0; i < n; i++) {
        values[i] = i % 3 === 0 ? [i, `r${i}`] : [i];
        fills[i] = [i % 2 === 0 ? '#C6EFCE' : null];
      }
      const h = await makeHarness(smallPlan());
      await h.adapter.apply({ sheets: [{ sheet: 'Grande', replace: true, owner: 'issues', blocks: [{ row: 0, col: 0, values, fills }] }] });
      expect(look(h, 'Grande', a1(n - 1, 0)).value).toBe(n - 1);
      expect(look(h, 'Grande', a1(n - 1, 1)).value).toBe(`r${n - 1}`);
      expect(look(h, 'Grande', a1(n - 2, 1)).value).toBe(null);
      expect(look(h, 'Grande', a1(n - 1, 0)).fill).toBe(n % 2 === 1 ? '#C6EFCE' : null);
      expect(look(h, 'Grande', a1(n - 2, 0)).fill).toBe(n % 2 === 0 ? '#C6EFCE' : null);
    }, 300_000);

    it(`scores a plan of ${LARGE.toLocaleString('en')} indicators end to end`, async () => {
      const plan = largePlan(LARGE);
      const h = await makeHarness(plan.sheets as Record<string, CellValue[][]>);
      const result = await score(h);
      const punteggio = columnOf(h, 'Indicatori', 'Punteggio');
      const stato = columnOf(h, 'Indicatori', 'Stato');
      for (const ind of [result.indicators[0], result.indicators[LARGE / 2], result.indicators[LARGE - 1]]) {
        expect(look(h, 'Indicatori', a1(ind.row, punteggio)).value ?? null, ind.code).toBe(ind.score);
        expect(look(h, 'Indicatori', a1(ind.row, stato)).fill, ind.code).toBe(STATUS_FILLS[ind.status]);
      }
      const overridden = result.indicators.find((i) => i.overridden)!;
      expect(look(h, 'Indicatori', a1(overridden.row, punteggio)).note).toContain('60,00%');
      const read = await h.adapter.read();
      expect(read.input.sheets.Indicatori).toHaveLength(LARGE + 1);
    }, 600_000);
  });
}

/** For harness authors: an A1 address to 0-based indices, or a clear error. */
export function cellIndex(address: string): { row: number; col: number } {
  const p = parseA1(address);
  if (!p) throw new Error(`not an A1 address: ${address}`);
  return p;
}
