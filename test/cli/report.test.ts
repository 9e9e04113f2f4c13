/** What the CLI passes to the renderers: --completo to the report, both file names to the diff. */
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main.js';
import { COMPLETE_UP_TO } from '../../src/report/html.js';

let dir: string;
const quiet = { out: () => {}, err: () => {} };

async function writeTables(file: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A plan just over the size the report summarises, every indicator met but the first. */
function largePlan(actualOf: (n: number) => number): unknown[][] {
  const rows: unknown[][] = [['Codice', 'Obiettivo', 'Target', 'Consuntivo']];
  for (let n = 1; n <= COMPLETE_UP_TO + 1; n++) rows.push([`1.${n}`, '1', '>= 10', actualOf(n)]);
  return rows;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cruscotto-cli-report-'));
});

describe('report --completo', () => {
  it('lists every indicator of a large plan only when asked', async () => {
    const file = await writeTables(join(dir, 'grande.xlsx'), {
      Obiettivi: [['Codice', 'Titolo'], ['1', 'Uno']],
      Indicatori: largePlan((n) => (n === 1 ? 5 : 12)),
    });
    const short = join(dir, 'breve.html');
    const full = join(dir, 'completa.html');
    expect(await main(['report', file, '--html', short, '--quiet'], quiet)).toBe(0);
    expect(await main(['report', file, '--html', full, '--quiet', '--completo'], quiet)).toBe(0);
    const cell = (code: string) => new RegExp(`>${code.replace('.', '\\.')}<`);
    const shortHtml = readFileSync(short, 'utf8');
    const fullHtml = readFileSync(full, 'utf8');
    // The one indicator not met is an exception: listed in both. A met one only in the complete report.
    expect(shortHtml).toMatch(cell('1.1'));
    expect(fullHtml).toMatch(cell('1.1'));
    expect(shortHtml).not.toMatch(cell('1.500'));
    expect(fullHtml).toMatch(cell('1.500'));
    expect(fullHtml).toMatch(cell(`1.${COMPLETE_UP_TO + 1}`));
  });
});

describe('diff names its files', () => {
  it('passes both file names to the page', async () => {
    const sheets = (actual: number) => ({
      Obiettivi: [['Codice', 'Titolo'], ['1', 'Uno']],
      Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['1.1', '1', '>= 10', actual]],
    });
    const before = await writeTables(join(dir, 'versione-marzo.xlsx'), sheets(8));
    const after = await writeTables(join(dir, 'versione-aprile.xlsx'), sheets(9));
    const html = join(dir, 'differenze.html');
    const out: string[] = [];
    expect(await main(['diff', before, after, '--html', html], { out: (l) => out.push(l), err: () => {} })).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('versione-marzo.xlsx');
    expect(page).toContain('versione-aprile.xlsx');
    expect(page).not.toContain(dir);
  });
});

describe('report --schede', () => {
  const plan = {
    Obiettivi: [['Codice', 'Titolo'], ['1', 'Uno'], ['2', 'Due']],
    Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['1.1', '1', '>= 10', 8], ['2.1', '2', '>= 10', 12]],
  };

  it('writes one scheda per person, in a file of its own', async () => {
    // People from the objectives' Responsabile (an Assegnazioni sheet is the other source).
    const file = await writeTables(join(dir, 'persone.xlsx'), {
      ...plan,
      Obiettivi: [['Codice', 'Titolo', 'Responsabile'], ['1', 'Uno', 'Anna Rossi'], ['2', 'Due', 'Marco Bianchi']],
    });
    const schede = join(dir, 'schede.html');
    const out: string[] = [];
    expect(await main(['report', file, '--schede', schede, '--quiet'], { out: (l) => out.push(l), err: () => {} })).toBe(0);
    expect(out).toEqual([`Schede individuali (2) scritte in ${schede}.`]);
    const page = readFileSync(schede, 'utf8');
    expect(page).toContain('Anna Rossi');
    expect(page).toContain('Marco Bianchi');
  });

  it('refuses, before writing anything, schede for a plan without people', async () => {
    const file = await writeTables(join(dir, 'senza-persone.xlsx'), plan);
    const html = join(dir, 'senza-persone.html');
    const err: string[] = [];
    const code = await main(['report', file, '--html', html, '--schede', join(dir, 'x.html'), '--lang', 'en'], { out: () => {}, err: (l) => err.push(l) });
    expect(code).toBe(2);
    expect(err.at(-1)).toBe('cruscotto: No scorecards to write: the plan has no Assignments sheet and no Responsabile on its objectives.');
    expect(existsSync(html)).toBe(false);
  });
});

describe('--period', () => {
  it('reaches the core: the period asked is the one scored', async () => {
    const file = await writeTables(join(dir, 'periodi.xlsx'), {
      Impostazioni: [['Chiave', 'Valore'], ['anno', 2024]],
      Obiettivi: [['Codice', 'Titolo'], ['1', 'Uno']],
      Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo 30/06', 'Consuntivo'], ['1.1', '1', '>= 10', 4, 10]],
    });
    const json = (name: string) => join(dir, name);
    const quiet = { out: () => {}, err: () => {} };
    expect(await main(['score', file, '--out', join(dir, 'p1.xlsx'), '--json', json('p1.json')], quiet)).toBe(0);
    expect(await main(['score', file, '--out', join(dir, 'p2.xlsx'), '--json', json('p2.json'), '--period', '30/06'], quiet)).toBe(0);
    const yearEnd = JSON.parse(readFileSync(json('p1.json'), 'utf8'));
    const midYear = JSON.parse(readFileSync(json('p2.json'), 'utf8'));
    expect(yearEnd.indicators[0].achievement).toBe(1);
    expect(midYear.indicators[0].achievement).toBeCloseTo(0.4, 10);
  });
});
