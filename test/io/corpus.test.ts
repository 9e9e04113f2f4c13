/**
 * Issue 9's proof on workbooks in Excel's own layout: the bundled example with one feature each (see
 * corpus/features.ts), scored by the CLI as users run it. The copy must be the input package with only the
 * parts scoring needs rewritten, input cells and every sheet element kept, only output cells new, the
 * same scores as the plain example, and LibreOffice must show the scores the JSON states.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanInput } from '../../src/core/types.js';
import { excelModel, serialize, zipParts } from './corpus/excel.js';
import { VARIANTS, type Variant } from './corpus/features.js';
import {
  ROOT, checkPackage, cli, elements, firstOf, libreofficeCsv, libreofficeScores, markedSheets, partText, pool, readParts, sheetList, sheetTexts,
  type Run, type ScoreJson,
} from './corpus/check.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/pira-2024.json', import.meta.url), 'utf8')) as PlanInput;
const dir = mkdtempSync(join(tmpdir(), 'cruscotto-corpus-'));
const csvDir = join(dir, 'csv');

interface Case {
  variant: Variant;
  input: string;
  output: string;
  json: string;
  run: Run;
}

const cases = new Map<string, Case>();
const get = (id: string) => cases.get(id) as Case;
const jsonOf = (c: Case) => JSON.parse(readFileSync(c.json, 'utf8')) as ScoreJson;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/node/cli/main.js'))) throw new Error('dist/node is missing: run "npm run build:cli" first');
  for (const variant of VARIANTS) {
    const model = excelModel(fixture);
    variant.apply(model);
    const ext = variant.ext ?? 'xlsx';
    const input = join(dir, `${variant.id}.${ext}`);
    writeFileSync(input, zipParts(serialize(model)));
    cases.set(variant.id, { variant, input, output: join(dir, `${variant.id}-out.${ext}`), json: join(dir, `${variant.id}.json`), run: { code: -1, stdout: '', stderr: '' } });
  }
  await pool([...cases.values()], 2, async (c) => {
    c.run = await cli(['score', c.input, '--out', c.output, '--json', c.json]);
  });
  mkdirSync(csvDir);
  libreofficeCsv([...cases.values()].map((c) => c.output).filter((f) => existsSync(f)), csvDir);
}, 600_000);

describe.each(VARIANTS.map((v) => [v.id, v] as const))('Excel layout, %s', (id, variant) => {
  it(`${variant.about}: scored with exit 0 into a readable package`, () => {
    const c = get(id);
    expect(c.run.stderr).not.toMatch(/\n\s+at /);
    expect(c.run.code).toBe(0);
    expect(() => readParts(c.output)).not.toThrow();
  });

  it(`${variant.about}: untouched parts byte-identical, input cells, styles and sheet elements kept, only output cells new`, () => {
    const c = get(id);
    const { problems, toolSheets } = checkPackage(readParts(c.input), readParts(c.output));
    expect(firstOf(problems)).toEqual([]);
    expect(toolSheets.summary && toolSheets.issues).toBeTruthy();
  });

  if (variant.expect !== 'own') {
    it(`${variant.about}: scores exactly as the plain example`, () => {
      const plain = jsonOf(get('plain'));
      const json = jsonOf(get(id));
      expect({ entity: json.entity, objectives: json.objectives, indicators: json.indicators }).toEqual({
        entity: plain.entity, objectives: plain.objectives, indicators: plain.indicators,
      });
      if ((variant.expect ?? 'same') === 'same') expect(json.issues).toEqual(plain.issues);
    });
  }

  it(`${variant.about}: LibreOffice opens the copy and shows the JSON's scores`, () => {
    const c = get(id);
    const summary = markedSheets(readParts(c.output)).summary ?? 'Sintesi';
    const base = c.output.slice(dir.length + 1).replace(/\.\w+$/, '');
    expect(libreofficeScores(csvDir, base, jsonOf(c), summary)).toEqual([]);
  });
});

describe('Excel layout, what single features demand', () => {
  it('an actual that is a formula cached as 0 scores as the typed 0 (8.1 met, not left out)', () => {
    const json = jsonOf(get('cached-zero'));
    const i81 = json.indicators.find((i) => i.code === '8.1');
    expect(i81).toMatchObject({ status: 'met', score: 1 });
    expect(json.indicators).toEqual(jsonOf(get('plain')).indicators);
  });

  it('an actual that is a formula without a cached value is an issue at its cell, the indicator unmeasured', () => {
    const json = jsonOf(get('uncached-actual'));
    expect(json.issues.some((i) => i.sheet === 'Indicatori' && i.cell === 'J2')).toBe(true);
    expect(json.indicators.find((i) => i.code === '1.1')?.score).toBeNull();
  });

  it.each(['user-Sintesi', 'user-sintesi'])('%s: the user sheet is left alone, the tool writes another name and says so in its issues', (id) => {
    const c = get(id);
    const user = id === 'user-Sintesi' ? 'Sintesi' : 'sintesi';
    const out = readParts(c.output);
    const { summary, issues } = markedSheets(out);
    expect(summary).toBeTruthy();
    expect(summary?.toLowerCase()).not.toBe('sintesi');
    expect(issues).toBe('Segnalazioni');
    expect(sheetList(out).map((s) => s.name)).toContain(user);
    expect(sheetTexts(out, user).get('A1')).toBe(sheetTexts(readParts(c.input), user).get('A1'));
    expect(jsonOf(c).issues.some((i) => i.message.includes(summary as string))).toBe(true);
  });

  it.each(['user-Sintesi', 'user-sintesi'])('%s: the terminal names the sheet the summary went to', (id) => {
    const c = get(id);
    const { summary } = markedSheets(readParts(c.output));
    expect(c.run.stdout + c.run.stderr).toContain(summary as string);
  });

  it("notes on output cells go into the sheet's existing comments part, beside the user's", () => {
    const c = get('notes');
    const out = readParts(c.output);
    const { sheets } = checkPackage(readParts(c.input), out);
    const punteggio = sheets.Indicatori?.outputColumns.Punteggio;
    const codes = sheetTexts(out, 'Indicatori');
    const overridden = [...codes].find(([ref, text]) => ref.startsWith('A') && /^A\d+$/.test(ref) && text === '9.8')?.[0].slice(1);
    const refs = elements(partText(out, 'xl/comments1.xml'), 'comment').map((x) => /ref="([^"]+)"/.exec(x)?.[1]);
    expect(refs).toEqual(expect.arrayContaining(['C2', 'J3', `${punteggio}${overridden}`]));
    expect([...out.keys()].filter((p) => /comments\d*\.xml$/.test(p))).toEqual(['xl/comments1.xml']);
  });

  it('a .xlsm stays macro-enabled, its VBA project carried, also under the default output name', async () => {
    const c = get('xlsm');
    const out = readParts(c.output);
    expect(partText(out, '[Content_Types].xml')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(Buffer.from(out.get('xl/vbaProject.bin') as Uint8Array).equals(Buffer.from(readParts(c.input).get('xl/vbaProject.bin') as Uint8Array))).toBe(true);
    const run = await cli(['score', c.input, '--quiet']);
    expect(run.code).toBe(0);
    expect(existsSync(c.input.replace(/\.xlsm$/, '-valutato.xlsm'))).toBe(true);
  });

  it.each(['plain', 'notes'])('%s: scoring the scored copy again gives the same workbook (no duplicated notes)', async (id) => {
    const c = get(id);
    const again = c.output.replace(/-out\./, '-again.');
    expect((await cli(['score', c.output, '--out', again, '--quiet'])).code).toBe(0);
    const first = readParts(c.output);
    const second = readParts(again);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const s of sheetList(first)) expect(Object.fromEntries(sheetTexts(second, s.name)), s.name).toEqual(Object.fromEntries(sheetTexts(first, s.name)));
    for (const [path, data] of first) {
      if (path.startsWith('xl/comments')) expect(elements(partText(second, path), 'comment').length, path).toBe(elements(partText(first, path), 'comment').length);
      else if (!/worksheets\/sheet|sharedStrings|styles|docProps\/app|workbook\.xml/.test(path)) expect(Buffer.from(second.get(path) as Uint8Array).equals(Buffer.from(data)), path).toBe(true);
    }
  });
});

/*
 * The check itself must be able to fail: each mutation below is a writer bug the issue lists, applied to
 * a scored copy, and the check must name it.
 */
describe('the package check catches what a writer could break', () => {
  const mutate = (id: string, path: (out: ReturnType<typeof readParts>) => string, edit: (xml: string) => string) => {
    const c = get(id);
    const input = readParts(c.input);
    const out = readParts(c.output);
    const part = path(out);
    out.set(part, new TextEncoder().encode(edit(partText(out, part))));
    return checkPackage(input, out).problems;
  };
  const indicatori = (out: ReturnType<typeof readParts>) => sheetList(out).find((s) => s.name === 'Indicatori')?.path as string;

  it.each([
    ['an untouched part rewritten', 'plain', () => 'xl/theme/theme1.xml', (x: string) => x.replace('Office Theme', 'Tema'), /^part changed: xl\/theme\/theme1\.xml$/],
    ["an input cell's style index", 'plain', indicatori, (x: string) => x.replace(/<c r="J2"( s="\d+")?/, '<c r="J2" s="3"'), /^Indicatori!J2: input cell changed/],
    ['a cached value dropped', 'cached-zero', indicatori, (x: string) => x.replace(/(<f>Impostazioni!B2-2024<\/f>)<v>0<\/v>/, '$1'), /input cell changed/],
    ['the sheet password removed', 'sheet-protection', indicatori, (x: string) => x.replace(/<sheetProtection[^>]*\/>/, ''), /<sheetProtection> lost/],
    ['the frozen pane moved', 'frozen-zoom', indicatori, (x: string) => x.replace('topLeftCell="C3"', 'topLeftCell="A2"'), /<sheetViews> lost or changed/],
    ['a new cell in an input column', 'plain', indicatori, (x: string) => x.replace('</sheetData>', '<row r="70"><c r="B70"><v>1</v></c></row></sheetData>'), /^Indicatori!B70: new cell outside the output columns/],
    ['styles renumbered', 'plain', (out: ReturnType<typeof readParts>) => [...out.keys()].find((p) => p.endsWith('styles.xml')) as string, (x: string) => x.replace(/<cellXfs count="(\d+)">/, '<cellXfs count="$1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'), /^styles cellXfs: entry \d+ changed or moved/],
    ['a sheet-scoped name merged', 'scoped-names', () => 'xl/workbook.xml', (x: string) => x.replace(/<definedName name="Area" localSheetId="1">[^<]*<\/definedName>/, ''), /^defined name lost or changed: \["Indicatori"/],
    ['a note author renamed', 'notes', () => 'xl/comments1.xml', (x: string) => x.replace('Anna Bianchi</author>', 'Autore</author>'), /comments1\.xml authors: entry 1 changed/],
  ])('%s', (_, id, path, edit, expected) => {
    expect(mutate(id, path, edit).some((p) => expected.test(p))).toBe(true);
  });

  it("a score LibreOffice shows differently from the JSON", () => {
    const c = get('plain');
    const json = jsonOf(c);
    json.indicators[0].score = (json.indicators[0].score ?? 0) + 0.01;
    const base = c.output.slice(dir.length + 1).replace(/\.\w+$/, '');
    expect(libreofficeScores(csvDir, base, json, 'Sintesi').some((p) => p.includes(`Indicatori ${json.indicators[0].code} Punteggio`))).toBe(true);
  });
});
