/**
 * The scored workbook must open in LibreOffice as written: headless soffice (Debian's
 * libreoffice-calc-nogui, installed by .ci/run) converts every sheet to CSV "as shown", so the number
 * formats, the output columns and our own sheets are checked as a person would see them; and printed to
 * PDF, where each sheet the tool writes must fit one page at the example's size (issue 10).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { markedSheets, readParts, sheetPages } from '../io/corpus/check.js';

const EXAMPLE = new URL('../../examples/pira-2024.xlsx', import.meta.url).pathname;
// The example's JSON twin names its sheets (the two are generated together by `npm run example`).
const TWIN = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as { sheets: Record<string, unknown> };
const dir = mkdtempSync(join(tmpdir(), 'cruscotto-lo-'));
const out = join(dir, 'valutato.xlsx');
const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;

function csvRows(file: string): string[][] {
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') {
        quoted = !quoted;
      } else if (ch === ',' && !quoted) {
        cells.push(cur);
        cur = '';
      } else {
        cur += ch;
      }
    }
    cells.push(cur);
    return cells;
  });
}

beforeAll(async () => {
  expect(await main(['score', EXAMPLE, '--out', out, '--quiet'], { out: () => {}, err: () => {} })).toBe(0);
  // Field 9 "true": cell contents as shown; field 12 "-1": one CSV per sheet.
  execFileSync('soffice', [
    '--headless', profile,
    '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1',
    out, '--outdir', dir,
  ], { stdio: 'ignore', timeout: 120_000 });
}, 240_000);

describe('the scored workbook in LibreOffice', () => {
  it('opens, with every sheet, the output columns and percent formats as written', () => {
    const sheets = readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => f.replace(/^valutato-|\.csv$/g, '')).sort();
    expect(sheets).toEqual([...Object.keys(TWIN.sheets), 'Schede individuali', 'Segnalazioni', 'Sintesi'].sort());

    const indicators = csvRows(join(dir, 'valutato-Indicatori.csv'));
    const header = indicators[0];
    const col = (name: string) => header.indexOf(name);
    expect(col('Punteggio')).toBeGreaterThan(col('Fonte consuntivo'));
    const overridden = indicators.find((r) => r[0] === '9.8') as string[];
    expect(overridden[col('Punteggio')]).toBe('60.00%');
    expect(overridden[col('Stato')]).toBe('Rideterminato');
    const late = indicators.find((r) => r[0] === '10.3') as string[];
    expect(late[col('Stato')]).toMatch(/^Non raggiunto \(In ritardo di 75 giorni\)$/);
    // Input cells as they were: the pasted target text and the Italian-comma actual.
    expect(indicators.find((r) => r[0] === '5.2')?.[col('Consuntivo')]).toBe('29,52%');

    const summary = csvRows(join(dir, 'valutato-Sintesi.csv'));
    expect(summary[2][0]).toBe("Risultato dell'ente");
    expect(summary[2][1]).toMatch(/^\d{2}\.\d{2}%$/);
  });

  /*
   * The whole workbook is printed as LibreOffice prints it, each sheet with its own page setup (nothing is
   * removed or rewritten first, so what is counted is what a reviewer gets from File > Print); pdftotext
   * gives each page's text and sheetPages attributes the pages to the sheets.
   */
  it('prints each sheet the tool writes on one page (landscape, one page wide)', () => {
    execFileSync('soffice', ['--headless', profile, '--convert-to', 'pdf', out, '--outdir', dir], { stdio: 'ignore', timeout: 120_000 });
    const pages = execFileSync('pdftotext', ['-layout', join(dir, 'valutato.pdf'), '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    const parts = readParts(out);
    const { pages: pageCount, starts } = sheetPages(parts, pages, (name) => csvRows(join(dir, `valutato-${name}.csv`)));
    const tool = markedSheets(parts);
    expect(tool).toEqual({ summary: 'Sintesi', issues: 'Segnalazioni', people: 'Schede individuali' });
    expect({ Sintesi: pageCount.get('Sintesi'), Segnalazioni: pageCount.get('Segnalazioni'), Schede: pageCount.get('Schede individuali') }).toEqual({ Sintesi: 1, Segnalazioni: 1, Schede: 1 });
    // The page found for Segnalazioni is really it: its last issue is printed there too.
    const issues = csvRows(join(dir, 'valutato-Segnalazioni.csv'));
    const lastMessage = issues[issues.length - 1][3].slice(0, 30);
    expect(pages[starts.get('Segnalazioni') as number].replace(/\s+/g, ' ')).toContain(lastMessage.replace(/\s+/g, ' '));
  });
});
