/**
 * Issue 9's proof on the layouts of the other programs offices use: LibreOffice (its own save of the
 * Excel-layout corpus), openpyxl (pandas), XlsxWriter, ExcelJS and a Google Sheets download, each with the
 * features they write.
 * Same demands as corpus.test.ts: untouched parts byte-identical, input cells and sheet elements kept,
 * only output cells new, the plain example's scores, and LibreOffice shows what the JSON says.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { PlanInput } from '../../src/core/types.js';
import { excelModel, serialize, zipParts } from './corpus/excel.js';
import { VARIANTS } from './corpus/features.js';
import { buildExcelJS } from './corpus/exceljs.js';
import { buildGoogle } from './corpus/google.js';
import {
  ROOT, checkPackage, children, cli, firstOf, libreofficeCsv, libreofficeScores, mainPart, markedSheets, partText, pool, readParts, sheetList, type Run, type ScoreJson,
} from './corpus/check.js';

const FIXTURE = new URL('../fixtures/pira-2024.json', import.meta.url).pathname;
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as PlanInput;
const PYTHON = '/usr/bin/python3';
const PRODUCERS = new URL('./corpus/producers.py', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cruscotto-producers-'));

/** Excel-layout variants LibreOffice saves again in its own layout (its tables, notes, names, formats). */
const LIBREOFFICE = ['plain', 'table', 'notes', 'text-contains', 'data-validation', 'defined-names', 'scoped-names', 'autofilter', 'frozen-zoom', 'title-merge', 'cached-zero'];

interface Case {
  id: string;
  input: string;
  output: string;
  json: string;
  run: Run;
}
const cases: Case[] = [];
const ids: string[] = [
  ...LIBREOFFICE.map((id) => `libreoffice-${id}`),
  ...['plain', 'chart', 'image', 'note', 'table', 'names', 'validation', 'conditional', 'frozen'].map((f) => `openpyxl-${f}`),
  ...['plain', 'chart', 'image', 'note', 'table', 'validation', 'conditional', 'names', 'cached-zero'].map((f) => `xlsxwriter-${f}`),
  ...['plain', 'note', 'table', 'validation', 'conditional', 'names', 'image'].map((f) => `exceljs-${f}`),
  'google-plain',
];
const get = (id: string) => cases.find((c) => c.id === id) as Case;
const jsonOf = (id: string) => JSON.parse(readFileSync(get(id).json, 'utf8')) as ScoreJson;
let reference: ScoreJson;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/node/cli/main.js'))) throw new Error('dist/node is missing: run "npm run build:cli" first');
  const inputs = join(dir, 'in');
  const excel = join(dir, 'excel');
  mkdirSync(inputs);
  mkdirSync(excel);
  for (const id of LIBREOFFICE) {
    const model = excelModel(fixture);
    (VARIANTS.find((v) => v.id === id) as (typeof VARIANTS)[number]).apply(model);
    writeFileSync(join(excel, `libreoffice-${id}.xlsx`), zipParts(serialize(model)));
  }
  // One soffice run saves them all in LibreOffice's layout.
  const lo = join(dir, 'lo');
  execFileSync('soffice', [
    '--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML',
    ...LIBREOFFICE.map((id) => join(excel, `libreoffice-${id}.xlsx`)), '--outdir', lo,
  ], { stdio: 'ignore', timeout: 300_000 });
  for (const id of LIBREOFFICE) renameSync(join(lo, `libreoffice-${id}.xlsx`), join(inputs, `libreoffice-${id}.xlsx`));
  // stderr kept: a missing python3-openpyxl / python3-xlsxwriter / python3-pil shows up in the failure.
  for (const producer of ['openpyxl', 'xlsxwriter']) execFileSync(PYTHON, [PRODUCERS, producer, FIXTURE, inputs], { stdio: ['ignore', 'ignore', 'pipe'] });
  await buildExcelJS(inputs);
  buildGoogle(inputs, fixture);
  // The reference scores: the plain example in Excel's layout.
  const plain = join(dir, 'excel-plain.xlsx');
  writeFileSync(plain, zipParts(serialize(excelModel(fixture))));
  const ref = await cli(['score', plain, '--out', join(dir, 'excel-plain-out.xlsx'), '--json', join(dir, 'excel-plain.json'), '--quiet']);
  if (ref.code !== 0) throw new Error(`the plain Excel-layout example did not score: ${ref.stderr}`);
  reference = JSON.parse(readFileSync(join(dir, 'excel-plain.json'), 'utf8')) as ScoreJson;

  for (const id of ids) cases.push({ id, input: join(inputs, `${id}.xlsx`), output: join(dir, `${id}-out.xlsx`), json: join(dir, `${id}.json`), run: { code: -1, stdout: '', stderr: '' } });
  await pool(cases, 2, async (c) => {
    c.run = await cli(['score', c.input, '--out', c.output, '--json', c.json]);
  });
  const csv = join(dir, 'csv');
  mkdirSync(csv);
  libreofficeCsv(cases.map((c) => c.output).filter((f) => existsSync(f)), csv);
}, 600_000);

describe.each(ids)('%s', (id) => {
  it('is written by its producer and scored with exit 0 into a readable package', () => {
    const c = get(id);
    expect(existsSync(c.input)).toBe(true);
    expect(c.run.stderr).not.toMatch(/\n\s+at /);
    expect(c.run.code).toBe(0);
    expect(() => readParts(c.output)).not.toThrow();
  });

  it('keeps untouched parts byte-identical, input cells, styles and sheet elements; only output cells are new', () => {
    const c = get(id);
    const { problems, toolSheets } = checkPackage(readParts(c.input), readParts(c.output));
    expect(firstOf(problems)).toEqual([]);
    expect(toolSheets.summary && toolSheets.issues).toBeTruthy();
  });

  it('leaves one of each workbook.xml child: the markers join the names the producer wrote (even an empty <definedNames/>)', () => {
    // LibreOffice reads a second <definedNames> without complaint, but the workbook schema allows one and
    // Excel answers a schema break with its repair prompt; openpyxl and Google both write <definedNames/>.
    const out = readParts(get(id).output);
    const names = children(partText(out, mainPart(out))).map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('scores exactly as the example in Excel layout', () => {
    const json = jsonOf(id);
    expect({ entity: json.entity, objectives: json.objectives, indicators: json.indicators }).toEqual({
      entity: reference.entity, objectives: reference.objectives, indicators: reference.indicators,
    });
  });

  it("opens in LibreOffice with the JSON's scores shown", () => {
    const c = get(id);
    const summary = markedSheets(readParts(c.output)).summary ?? 'Sintesi';
    expect(libreofficeScores(join(dir, 'csv'), basename(c.output).replace(/\.xlsx$/, ''), jsonOf(id), summary)).toEqual([]);
  });
});

describe('cached formula results from other producers', () => {
  it.each(['xlsxwriter-cached-zero', 'libreoffice-cached-zero'])('%s: the actual cached as 0 scores as the typed 0', (id) => {
    expect(jsonOf(id).indicators.find((i) => i.code === '8.1')).toMatchObject({ status: 'met', score: 1 });
  });
});

describe('the Google Sheets download', () => {
  // Guards the corpus itself: if google.ts drifted back to Excel's layout, the case above would prove nothing.
  it('has the layout the reader must cope with: parts out of tab order, no <dimension>, empty <definedNames/>', () => {
    const parts = readParts(get('google-plain').input);
    const sheets = sheetList(parts);
    expect(sheets.find((s) => s.name === 'Indicatori')?.path).toBe('xl/worksheets/sheet5.xml');
    expect(partText(parts, 'xl/worksheets/sheet5.xml')).not.toContain('<dimension');
    expect(partText(parts, 'xl/workbook.xml')).toContain('<definedNames/><calcPr/>');
    expect([...parts.keys()].filter((p) => p.startsWith('docProps/') || p.endsWith('calcChain.xml'))).toEqual([]);
  });
});
