/**
 * The scored workbook must open in LibreOffice as written: headless soffice (Debian's
 * libreoffice-calc-nogui, installed by .ci/run) converts every sheet to CSV "as shown", so the number
 * formats, the output columns and our own sheets are checked as a person would see them.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

const EXAMPLE = new URL('../../examples/pira-2024.xlsx', import.meta.url).pathname;

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

describe('the scored workbook in LibreOffice', () => {
  it('opens, with every sheet, the output columns and percent formats as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cruscotto-lo-'));
    const out = join(dir, 'valutato.xlsx');
    expect(await main(['score', EXAMPLE, '--out', out, '--quiet'], { out: () => {}, err: () => {} })).toBe(0);
    // Field 9 "true": cell contents as shown; field 12 "-1": one CSV per sheet.
    execFileSync('soffice', [
      '--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1',
      out, '--outdir', dir,
    ], { stdio: 'ignore', timeout: 120_000 });
    const sheets = readdirSync(dir).filter((f) => f.endsWith('.csv')).map((f) => f.replace(/^valutato-|\.csv$/g, '')).sort();
    expect(sheets).toEqual(['Assegnazioni', 'Comportamenti', 'Impostazioni', 'Indicatori', 'Leggimi', 'Obiettivi', 'Segnalazioni', 'Sintesi']);

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
});
