/**
 * `--period` on score, report and diff, as a table: the period asked as written in its header or by its
 * short name reaches the core; one the plan does not have stops the command with exit code 2, before any
 * file is written, listing the periods it could score (as `--year` does for years).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main.js';

let dir: string;
let monitored: string;
let plain: string;
let unknownInSettings: string;

async function writeTables(file: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  await wb.xlsx.writeFile(file);
  return file;
}

/** One count with a year target of 100: 20 by 31/03, 40 by 30/06, 100 at the year's end. */
const PLAN = {
  Impostazioni: [['Chiave', 'Valore'], ['anno', 2024]],
  Obiettivi: [['Codice', 'Titolo'], ['1', 'Uno']],
  Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo 31/03', 'Consuntivo 1° semestre', 'Consuntivo'], ['1.1', '1', '>= 100', 20, 40, 100]],
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cruscotto-cli-period-'));
  monitored = await writeTables(join(dir, 'monitorato.xlsx'), PLAN);
  plain = await writeTables(join(dir, 'semplice.xlsx'), { ...PLAN, Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['1.1', '1', '>= 100', 100]] });
  unknownInSettings = await writeTables(join(dir, 'periodo-ignoto.xlsx'), { ...PLAN, Impostazioni: [...PLAN.Impostazioni, ['periodo', 'T3']] });
});

let run = 0;
async function score(file: string, args: string[]): Promise<{ code: number; err: string[]; json: Record<string, unknown> | null; out: string }> {
  run++;
  const out = join(dir, `valutato-${run}.xlsx`);
  const jsonFile = join(dir, `risultati-${run}.json`);
  const err: string[] = [];
  const code = await main(['score', file, '--out', out, '--json', jsonFile, '--quiet', ...args], { out: () => {}, err: (l) => err.push(l) });
  return { code, err, out, json: existsSync(jsonFile) ? JSON.parse(readFileSync(jsonFile, 'utf8')) as Record<string, unknown> : null };
}

describe('score --period: the period asked is the one scored', () => {
  it.each([
    // [what, arguments, period key scored, achievement of 1.1]
    ['without --period, the year end (it has actuals)', [], '31/12', 1],
    ['as written in its header', ['--period', '31/03'], '31/03', 0.2],
    ['by the words of its header', ['--period', '1° semestre'], 'S1', 0.4],
    ['by its short name', ['--period', 'S1'], 'S1', 0.4],
    ['a quarter by its short name', ['--period', 'T1'], '31/03', 0.2],
    ['the same day as a date with the year', ['--period', '30.06.2024'], 'S1', 0.4],
    ['the same day as a month in Italian', ['--period', 'giugno'], 'S1', 0.4],
    ['a month in English', ['--period', 'March'], '31/03', 0.2],
    ['the year end by name', ['--period', 'fine anno'], '31/12', 1],
  ])('%s', async (_, args, key, achievement) => {
    const r = await score(monitored, args as string[]);
    expect(r.code).toBe(0);
    expect((r.json?.period as { key: string }).key).toBe(key);
    expect((r.json?.indicators as { achievement: number }[])[0].achievement).toBeCloseTo(achievement as number, 12);
  });
});

describe('a period the plan does not have', () => {
  const PERIODS_IT = 'i periodi sono 31/03, S1 (1° semestre), 31/12 (fine anno)';
  it.each([
    // [what, command line (F = monitored plan, P = plain plan, O = an output file), language, last line]
    ['score: an unknown quarter', ['score', 'F', '--out', 'O.xlsx', '--period', 'T3'], 'it', `cruscotto: Periodo «T3» non trovato nel foglio Indicatori: ${PERIODS_IT}.`],
    ['score: not a period at all', ['score', 'F', '--out', 'O.xlsx', '--period', 'OIV'], 'it', `cruscotto: Periodo «OIV» non trovato nel foglio Indicatori: ${PERIODS_IT}.`],
    ['score, in English', ['score', 'F', '--out', 'O.xlsx', '--period', 'Q3', '--lang', 'en'], 'en', 'cruscotto: Period "Q3" not found in sheet Indicatori: the periods are 31/03, S1 (1° semestre), 31/12 (year end).'],
    ['report', ['report', 'F', '--html', 'O.html', '--period', 'settembre'], 'it', `cruscotto: Periodo «settembre» non trovato nel foglio Indicatori: ${PERIODS_IT}.`],
    ['diff, either version', ['diff', 'P', 'F', '--html', 'O.html', '--period', 'T3'], 'it', 'cruscotto: Periodo «T3» non trovato: il foglio Indicatori non ha colonne di periodo (ad esempio «Consuntivo 30/06»).'],
    ['a plan without period columns', ['score', 'P', '--out', 'O.xlsx', '--period', '30/06'], 'it', 'cruscotto: Periodo «30/06» non trovato: il foglio Indicatori non ha colonne di periodo (ad esempio «Consuntivo 30/06»).'],
    ['a plan without period columns, in English', ['report', 'P', '--html', 'O.html', '--period', 'S1', '--lang', 'en'], 'en', 'cruscotto: Period "S1" not found: sheet Indicatori has no period columns (for example "Consuntivo 30/06").'],
  ])('%s: exit 2 with one sentence, nothing written', async (_, argv, _lang, message) => {
    run++;
    const output = join(dir, `uscita-${run}`);
    const line = (argv as string[]).map((a) => (a === 'F' ? monitored : a === 'P' ? plain : a.startsWith('O.') ? output + a.slice(1) : a));
    const err: string[] = [];
    const out: string[] = [];
    const code = await main(line, { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(code).toBe(2);
    expect(err.at(-1)).toBe(message);
    expect(existsSync(`${output}.xlsx`) || existsSync(`${output}.html`)).toBe(false);
    expect(out).toEqual([]);
  });

  it('in Impostazioni (not on the command line) is a data issue: scored at the default period, reported at its sheet', async () => {
    const r = await score(unknownInSettings, []);
    expect(r.code).toBe(0);
    expect((r.json?.period as { key: string }).key).toBe('31/12');
    const issues = r.json?.issues as { code: string; severity: string }[];
    expect(issues.find((i) => i.code === 'period.unknown')?.severity).toBe('error');
    // --period overrides it.
    expect(((await score(unknownInSettings, ['--period', 'S1'])).json?.period as { key: string }).key).toBe('S1');
  });
});
