import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main.js';
import { readPlanFile, workbookFromTables, writeWorkbook } from '../../src/io/xlsx.js';
import { scorePlan, type PlanInput } from '../../src/core/index.js';

const EXAMPLE = new URL('../../examples/pira-2024.xlsx', import.meta.url).pathname;
let dir: string;

async function run(argv: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stdin: () => createInterface({ input: Readable.from([stdin]) }),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cruscotto-cli-'));
});

describe('cruscotto score', () => {
  it('scores the bundled example into a workbook and JSON, with a summary', async () => {
    const out = join(dir, 'valutato.xlsx');
    const json = join(dir, 'risultati.json');
    const r = await run(['score', EXAMPLE, '--out', out, '--json', json]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Risultato dell'ente: \d+,\d\d% — \w+/);
    expect(r.out).toContain('Indicatori misurati: 57/58');
    expect(r.out).toContain(`Scritto: ${out}, ${json}`);
    expect(r.err).toContain(`Scrittura di ${out}…`);
    const data = JSON.parse(readFileSync(json, 'utf8'));
    const expected = scorePlan((await readPlanFile(EXAMPLE)).input);
    expect(data.entity).toEqual({ score: expected.entity.score, rating: expected.entity.rating });
    expect(data.entity.score).toBeGreaterThan(0);
    expect(data.entity.score).toBeLessThanOrEqual(1);
    expect(data.objectives[0]).toEqual(expect.objectContaining({ code: '011', score: expect.any(Number), achievement: expect.any(Number), rating: expect.any(String) }));
    expect(data.indicators.find((i: { code: string }) => i.code === '9.8')).toEqual(expect.objectContaining({ score: 0.6, status: 'overridden', overridden: true }));
    expect(Object.keys(data.groups.Prospettiva)).toHaveLength(4);
    expect(data.issues[0]).toEqual(expect.objectContaining({ severity: expect.any(String), sheet: expect.any(String), cell: expect.any(String), message: expect.any(String) }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Obiettivi', 'Indicatori', 'Impostazioni', 'Sintesi', 'Segnalazioni']));
  });

  it('speaks English with --lang en', async () => {
    const r = await run(['score', EXAMPLE, '--out', join(dir, 'en.xlsx'), '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Entity result: \d+\.\d\d% — /);
  });

  it('writes next to the input by default', async () => {
    const copy = join(dir, 'piano.xlsx');
    writeFileSync(copy, readFileSync(EXAMPLE));
    const r = await run(['score', copy, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(existsSync(join(dir, 'piano-valutato.xlsx'))).toBe(true);
  });

  it('exits 0 with data issues, and 1 with --strict when any is an error', async () => {
    const bad: PlanInput = {
      sheets: { Indicatori: [['Codice', 'Obiettivo', 'Target', 'Consuntivo'], ['1.1', '1', 'X<x1', 5], ['1.2', '1', '>= 10', 5]] },
    };
    const file = join(dir, 'bad.xlsx');
    await writeWorkbook(workbookFromTables(bad), file);
    const lenient = await run(['score', file, '--out', join(dir, 'bad-out.xlsx')]);
    expect(lenient.code).toBe(0);
    expect(lenient.out).toContain('Indicatori!C2');
    const strict = await run(['score', file, '--out', join(dir, 'bad-out.xlsx'), '--strict']);
    expect(strict.code).toBe(1);
  });

  it('fails with one sentence and exit 2 on an unreadable file or a plan without Indicatori', async () => {
    const notXlsx = join(dir, 'nota.xlsx');
    writeFileSync(notXlsx, 'not a workbook');
    const a = await run(['score', notXlsx]);
    expect(a.code).toBe(2);
    expect(a.err.split('\n').pop()).toBe(`cruscotto: ${notXlsx}: non è un file xlsx leggibile; aprirlo nel foglio di calcolo e salvarlo di nuovo come .xlsx.`);
    const missing = await run(['score', join(dir, 'nessuno.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('file non trovato');
    const noSheet = join(dir, 'senza.xlsx');
    await writeWorkbook(workbookFromTables({ sheets: { Foglio1: [['a']] } }), noSheet);
    const b = await run(['score', noSheet]);
    expect(b.code).toBe(2);
    expect(b.err).toContain('Manca il foglio Indicatori');
    expect(b.err).not.toMatch(/\bat \w+ \(/);
  });

  it('rejects unknown options and years', async () => {
    expect((await run(['score', EXAMPLE, '--bogus'])).code).toBe(2);
    expect((await run(['score', EXAMPLE, '--year', 'duemila'])).err).toContain('Anno non valido');
  });
});

describe('cruscotto init', () => {
  it('creates the template workbook with drop-downs and refuses to overwrite', async () => {
    const file = join(dir, 'modello.xlsx');
    expect((await run(['init', file])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Obiettivi', 'Indicatori', 'Impostazioni']);
    const ind = wb.getWorksheet('Indicatori') as ExcelJS.Worksheet;
    const headers = (ind.getRow(1).values as string[]).slice(1);
    const direction = headers.indexOf('Direzione') + 1;
    expect(ind.getCell(2, direction).dataValidation).toMatchObject({ type: 'list', formulae: ['"max,min"'] });
    expect(String(ind.getCell(1, headers.indexOf('Target') + 1).note)).toContain('Entro');
    const again = await run(['init', file]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--force');
  });
});

describe('cruscotto parse-target', () => {
  it('prints one JSON object a line and exits 1 on an unreadable expression', async () => {
    const r = await run(['parse-target', '>= 45,00 %', 'Entro 31-12-2024', 'X<x1']);
    expect(r.code).toBe(1);
    expect(r.out.split('\n').map((l) => JSON.parse(l))).toEqual([
      { input: '>= 45,00 %', op: '>=', value: 0.45, kind: 'percent', unit: '%' },
      { input: 'Entro 31-12-2024', op: '<=', value: '2024-12-31', kind: 'date', unit: null },
      { input: 'X<x1', error: 'espressione non leggibile' },
    ]);
  });

  it('reads expressions from standard input', async () => {
    const r = await run(['parse-target'], '= si\nn.d.\n\n<= -12\n');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').map((l) => JSON.parse(l).kind)).toEqual(['boolean', 'none', 'number']);
  });
});

describe('cruscotto report and diff', () => {
  it('writes the report of a workbook', async () => {
    const html = join(dir, 'relazione.html');
    const r = await run(['report', EXAMPLE, '--html', html, '--year', '2024']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Relazione scritta in ${html}.`);
    expect(readFileSync(html, 'utf8')).toContain('Relazione sulla performance');
    expect((await run(['report', EXAMPLE])).err).toContain('--html');
  });

  it('compares two versions of a workbook', async () => {
    const before = join(dir, 'prima.xlsx');
    const after = join(dir, 'dopo.xlsx');
    const { input } = await readPlanFile(EXAMPLE);
    await writeWorkbook(workbookFromTables(input), before);
    const changed = structuredClone(input);
    const row = changed.sheets.Indicatori.find((r) => r[0] === '5.2') as unknown[];
    row[9] = '40,00%';
    await writeWorkbook(workbookFromTables(changed), after);
    const html = join(dir, 'diff.html');
    const r = await run(['diff', before, after, '--html', html]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('~ Indicatore 5.2 Consuntivo: "29,52%" → "40,00%"');
    // Target 2024 is >= 35%: 29,52/35 = 84,34%; 40% meets it; objective 5 gains 16,66% x 15,66%.
    expect(r.out).toMatch(/Indicatore 5\.2: 5\.2 84,34% → 100,00% ⇒ 5 96,00% → 98,61% ⇒ 011 /);
    expect(readFileSync(html, 'utf8')).toContain('Differenze tra le versioni del piano');
  });
});

describe('the installed binary', () => {
  it('runs through bin/cruscotto.mjs as npx does', () => {
    const bin = new URL('../../bin/cruscotto.mjs', import.meta.url).pathname;
    const ok = execFileSync('node', [bin, 'parse-target', '<= 30.04.2025'], { encoding: 'utf8' });
    expect(JSON.parse(ok)).toEqual({ input: '<= 30.04.2025', op: '<=', value: '2025-04-30', kind: 'date', unit: null });
    const bad = spawnSync('node', [bin, 'score', '/nonexistent.xlsx'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n').pop()).toBe('cruscotto: /nonexistent.xlsx: file non trovato.');
  });
});

describe('cruscotto help and --version', () => {
  it('prints the usage in the language asked, wherever --lang stands', async () => {
    const it1 = await run(['help']);
    expect(it1.code).toBe(0);
    expect(it1.out).toMatch(/^Uso: cruscotto <comando> \[opzioni\]/);
    for (const argv of [['--lang', 'en', 'help'], ['help', '--lang=en'], ['score', '--help', '--lang', 'en']]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Usage: cruscotto <command> \[options\]/);
    }
  });

  it('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(await run(['--version'])).toEqual({ code: 0, out: pkg.version, err: '' });
  });
});
