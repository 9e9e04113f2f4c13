import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  INDICATOR_OUTPUTS, scorePlan, settingsUpdatePlan, templatePlan, type PlanInput, type WritePlan,
} from '../../src/core/index.js';

const pira = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;

function sheet(plan: WritePlan, name: string) {
  const s = plan.sheets.find((x) => x.sheet === name);
  if (!s) throw new Error(`no ${name} in plan`);
  return s;
}

describe('write plan', () => {
  it('appends output columns after the last input column, one block per column', () => {
    const r = scorePlan(pira);
    const ind = sheet(r.writePlan, 'Indicatori');
    const width = (pira.sheets.Indicatori[0] as unknown[]).length;
    expect(ind.replace).toBe(false);
    expect(ind.blocks.map((b) => [b.col, b.values[0][0]])).toEqual([
      [width, 'Raggiungimento'], [width + 1, 'Punteggio'], [width + 2, 'Stato'], [width + 3, 'Contributo'],
    ]);
    for (const b of ind.blocks) expect(b.values.length).toBe(pira.sheets.Indicatori.length);
    const status = ind.blocks[2];
    const row = r.indicators.find((i) => i.code === '9.8');
    expect(status.values[row!.row][0]).toBe('Rideterminato');
    expect(status.fills?.[row!.row][0]).toBe('#BDD7EE');
    expect(ind.blocks[1].notes?.[row!.row][0]).toContain('Ritardi dovuti');
    expect(ind.blocks[1].numberFormats?.[1][0]).toBe('0.00%');
  });

  it('overwrites existing output columns in place, in either language', () => {
    const headers = [...(pira.sheets.Indicatori[0] as string[])];
    const withOutputs: PlanInput = {
      sheets: {
        ...pira.sheets,
        Indicatori: pira.sheets.Indicatori.map((row, r) => [...row.slice(0, 3), r === 0 ? 'Score' : 0.123, ...row.slice(3)]),
      },
    };
    const ind = sheet(scorePlan(withOutputs).writePlan, 'Indicatori');
    expect(ind.blocks.find((b) => b.values[0][0] === 'Punteggio')?.col).toBe(3);
    // The other outputs are appended after the last input column.
    expect(ind.blocks.find((b) => b.values[0][0] === 'Raggiungimento')?.col).toBe(headers.length + 1);
    expect(Object.keys(INDICATOR_OUTPUTS)).toHaveLength(4);
  });

  it('finds headers below a title, as real cruscotti have them', () => {
    const r = scorePlan({
      sheets: {
        Obiettivi: [['CRUSCOTTO STRATEGICO'], [], ['Codice', 'Titolo'], ['1', 'Uno']],
        Indicatori: [
          ['Piano 2025 — indicatori'],
          ['Codice', 'Obiettivo', 'Target', 'Consuntivo'],
          ['1.1', '1', '>= 10', 5],
          ['1.2', '1', 'X<x1', 5],
        ],
      },
    });
    expect(r.indicators.map((i) => [i.code, i.row, i.score])).toEqual([['1.1', 2, 0.5], ['1.2', 3, null]]);
    expect(r.objectives[0]).toMatchObject({ code: '1', row: 3, score: 0.5 });
    expect(r.issues.find((i) => i.code === 'target.unreadable')?.cell).toBe('C4');
    const ind = sheet(r.writePlan, 'Indicatori');
    // Header cells on the header row, values from the next one, the title untouched.
    expect(ind.blocks[1]).toMatchObject({ row: 1, col: 5 });
    expect(ind.blocks[1].values).toEqual([['Punteggio'], [0.5], [null]]);
    // The user's sheet keeps its own view: no pane is frozen on an input sheet.
    expect(ind.frozenRows).toBeUndefined();
    expect(sheet(r.writePlan, 'Obiettivi').blocks[0]).toMatchObject({ row: 2, values: [['Risultato'], [0.5]] });
  });

  it('writes English headers and sheets for an English workbook', () => {
    const r = scorePlan({
      sheets: {
        Objectives: [['Code', 'Title'], ['1', 'One']],
        Indicators: [['Code', 'Objective', 'Target', 'Actual'], ['1.1', '1', '>= 10', 'x']],
      },
    });
    expect(r.lang).toBe('en');
    expect(r.writePlan.sheets.map((s) => s.sheet)).toEqual(['Indicators', 'Objectives', 'Summary', 'Issues']);
    expect(sheet(r.writePlan, 'Indicators').blocks.map((b) => b.values[0][0])).toEqual(['Achievement', 'Score', 'Status', 'Contribution']);
    expect(r.issues[0].message).toMatch(/^Actual "x" of 1.1 is not a number/);
  });

  it('lists every issue with its cell in Segnalazioni and sums up in Sintesi', () => {
    const input: PlanInput = { sheets: { ...pira.sheets } };
    input.sheets.Indicatori = pira.sheets.Indicatori.map((row, r) => (r === 3 ? [...row.slice(0, 6), 'X<x1', ...row.slice(7)] : row));
    const r = scorePlan(input);
    const issues = sheet(r.writePlan, 'Segnalazioni');
    expect(issues.replace).toBe(true);
    expect(issues.blocks[0].values.slice(1)).toContainEqual(['Errore', 'Indicatori', 'G4', expect.stringContaining('X<x1'), 'target.unreadable']);
    const summary = sheet(r.writePlan, 'Sintesi');
    expect(summary.blocks[0].values[2]).toEqual(["Risultato dell'ente", r.entity.score]);
    expect(summary.blocks.some((b) => b.values[0][0] === 'Per Prospettiva')).toBe(true);
  });

  it('makes a template with header notes and drop-downs', () => {
    const plan = templatePlan('it');
    expect(plan.sheets.map((s) => s.sheet)).toEqual(['Obiettivi', 'Indicatori', 'Impostazioni']);
    const ind = sheet(plan, 'Indicatori');
    const headers = ind.blocks[0].values[0];
    const col = (h: string) => headers.indexOf(h);
    expect(ind.validations).toContainEqual({ col: col('Direzione'), fromRow: 1, toRow: 500, list: ['max', 'min'] });
    expect(ind.validations).toContainEqual({ col: col('Metodo'), fromRow: 1, toRow: 500, list: ['proporzionale', 'fasce', 'soglia', 'binario'] });
    expect(ind.blocks[0].notes?.[0][col('Target')]).toContain('Entro 31-12-2025');
    // The template, filled with a row, scores.
    const tables: PlanInput = { sheets: Object.fromEntries(plan.sheets.map((s) => [s.sheet, s.blocks[0].values])) };
    tables.sheets.Obiettivi = [...tables.sheets.Obiettivi, ['1', 'Uno', null, null, null, null, null]];
    const row = headers.map(() => null as unknown);
    row[col('Codice')] = '1.1';
    row[col('Obiettivo')] = '1';
    row[col('Target')] = '>= 10';
    row[col('Consuntivo')] = 5;
    tables.sheets.Indicatori = [...tables.sheets.Indicatori, row as never];
    expect(scorePlan(tables).entity.score).toBe(0.5);
  });

  it('edits only the year and method cells of Impostazioni', () => {
    const plan = settingsUpdatePlan(pira, { year: 2025, method: 'bands' });
    expect(plan.sheets).toEqual([{
      sheet: 'Impostazioni',
      replace: false,
      blocks: [{ row: 1, col: 1, values: [[2025]] }, { row: 2, col: 1, values: [['fasce']] }],
    }]);
    const missing = settingsUpdatePlan({ sheets: { Indicatori: [] } }, { year: 2025 });
    expect(missing.sheets[0]).toMatchObject({ sheet: 'Impostazioni', replace: true });
  });
});
