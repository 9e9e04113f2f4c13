/**
 * The streaming reader on packages written by hand in the layouts producers use: every cell type, a
 * formula's cached 0, formulas without a cached value, namespace prefixes, missing r attributes, odd part
 * paths, absolute targets, the tool's markers, and the guards that refuse a package before inflating it.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scorePlan } from '../../src/core/index.js';
import { LIMITS, WorkbookFileError } from '../../src/io/errors.js';
import { isDateFormat, readWorkbookFile } from '../../src/io/read.js';
import { excelPackage, HEAD, MAIN, RELS, worksheet, writePackage, type Parts } from './package-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'cruscotto-read-'));
let n = 0;

async function read(parts: Parts) {
  const file = join(dir, `r${++n}.xlsx`);
  await writePackage(file, parts);
  return readWorkbookFile(file);
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('streaming reader', () => {
  it('reads every cell type as the core expects', async () => {
    const strings = ['Codice', 'Valore', 'ab<c>&amp;'];
    const rich = '<si><r><rPr><b/></rPr><t>Ric</t></r><r><t xml:space="preserve">co </t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>';
    const sst = `${HEAD}<sst xmlns="${MAIN}">${strings.map((s) => `<si><t>${s.replace('<', '&lt;').replace('>', '&gt;')}</t></si>`).join('')}${rich}<si><t>riga_x000D_due</t></si></sst>`;
    const sheet = worksheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>4</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>in linea</t></is></c><c r="B3" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>' +
        '<row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="b"><v>0</v></c><c r="C4" t="e"><v>#DIV/0!</v></c></row>' +
        '<row r="5"><c r="A5"><v>42.5</v></c><c r="B5" s="3"><v>0.25</v></c><c r="C5" s="1"><v>45657</v></c><c r="D5" s="2"><v>45658.75</v></c></row>' +
        '<row r="6"><c r="A6" t="str"><f>CONCAT("a";"b")</f><v>ab</v></c><c r="B6" t="d"><v>2024-12-31T00:00:00Z</v></c><c r="C6" s="3"/></row>',
    );
    const { input } = await read({ ...excelPackage([{ name: 'Indicatori', xml: sheet }]), 'xl/sharedStrings.xml': sst });
    const t = input.sheets.Indicatori;
    expect(t[0]).toEqual(['Codice', 'Valore']);
    expect(t[1]).toEqual(['ab<c>&', 'Ricco ', 'riga\rdue']);
    expect(t[2]).toEqual(['in linea', 'ab']);
    expect(t[3]).toEqual([true, false, '#DIV/0!']);
    expect(t[4]).toEqual([42.5, 0.25, utc(2024, 12, 31), new Date(Date.UTC(2025, 0, 1, 18))]);
    // A styled cell without a value is empty, not ''.
    expect(t[5]).toEqual(['ab', utc(2024, 12, 31)]);
  });

  it('reads a formula\'s cached 0 as 0, scored exactly like a typed 0, and lists formulas without a cached value', async () => {
    const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Codice</t></is></c><c r="B1" t="inlineStr"><is><t>Obiettivo</t></is></c><c r="C1" t="inlineStr"><is><t>Target</t></is></c><c r="D1" t="inlineStr"><is><t>Consuntivo</t></is></c></row>';
    const row = (r: number, code: string, actual: string) =>
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${code}</t></is></c><c r="B${r}" t="inlineStr"><is><t>1</t></is></c><c r="C${r}" t="inlineStr"><is><t>&lt;= 5</t></is></c>${actual}</row>`;
    const formula = worksheet(header + row(2, '1.1', '<c r="D2"><f>B9-B9</f><v>0</v></c>') + row(3, '1.2', '<c r="D3"><f>B9*2</f></c>') + row(4, '1.3', '<c r="D4"><v>3</v></c>'));
    const typed = worksheet(header + row(2, '1.1', '<c r="D2"><v>0</v></c>') + row(3, '1.2', '<c r="D3"><f>B9*2</f></c>') + row(4, '1.3', '<c r="D4"><v>3</v></c>'));
    const a = await read(excelPackage([{ name: 'Indicatori', xml: formula }]));
    const b = await read(excelPackage([{ name: 'Indicatori', xml: typed }]));
    expect(a.input.sheets.Indicatori[1][3]).toBe(0);
    expect(a.input.uncachedFormulas).toEqual({ Indicatori: ['D3'] });
    const scoreA = scorePlan(a.input, { workbook: a.sheets });
    const scoreB = scorePlan(b.input, { workbook: b.sheets });
    expect(scoreA.indicators.map((i) => [i.code, i.score, i.status])).toEqual(scoreB.indicators.map((i) => [i.code, i.score, i.status]));
    expect(scoreA.indicators[0].score).toBe(1);
    // The uncached formula is an issue at its own cell.
    expect(scoreA.issues.some((i) => i.sheet === 'Indicatori' && i.cell === 'D3')).toBe(true);
  });

  it('reads prefixed XML, rows and cells without r, a sheet not named sheetN.xml and absolute targets', async () => {
    const x = `${HEAD}<x:worksheet xmlns:x="${MAIN}" xmlns:r="${RELS}"><x:sheetData>` +
      '<x:row><x:c t="inlineStr"><x:is><x:t>Codice</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Peso</x:t></x:is></x:c></x:row>' +
      '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>0.5</x:v></x:c></x:row>' +
      '<x:row r="5"><x:c r="C5"><x:v>7</x:v></x:c><x:c><x:v>8</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const parts = excelPackage([{ name: 'Indicatori', xml: x, path: 'xl/worksheets/Foglio Indicatori.xml' }], { sharedStrings: ['1.1'], absoluteTargets: true });
    parts['xl/_rels/workbook.xml.rels'] = (parts['xl/_rels/workbook.xml.rels'] as string).replace('Foglio Indicatori.xml', 'Foglio%20Indicatori.xml');
    const { input } = await read(parts);
    expect(input.sheets.Indicatori).toEqual([['Codice', 'Peso'], ['1.1', 0.5], [], [], [null, null, 7, 8]]);
  });

  it('lists every sheet with its marker and parses only the plan sheets', async () => {
    const plain = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Codice</t></is></c></row>');
    const names = '<definedName name="CRUSCOTTO_OUTPUT" localSheetId="2" hidden="1">"summary"</definedName>' +
      '<definedName name="_xlnm.Print_Titles" localSheetId="2">\'Sintesi\'!$1:$1</definedName>';
    const { input, sheets } = await read(excelPackage([
      { name: 'Indicatori', xml: plain },
      // Broken XML on a sheet the reader has no reason to open.
      { name: 'Appunti', xml: '<worksheet><sheetData><row' },
      { name: 'Sintesi', xml: plain },
      { name: 'Obiettivi', xml: plain },
    ], { definedNames: names }));
    expect(sheets).toEqual([
      { name: 'Indicatori', owner: null }, { name: 'Appunti', owner: null }, { name: 'Sintesi', owner: 'summary' }, { name: 'Obiettivi', owner: null },
    ]);
    expect(Object.keys(input.sheets)).toEqual(['Indicatori', 'Obiettivi']);
  });

  it('reads dates of a 1904 workbook and tells date formats from others', async () => {
    const parts = excelPackage([{ name: 'Indicatori', xml: worksheet('<row r="1"><c r="A1" s="1"><v>0</v></c></row>') }]);
    parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string).replace('<workbookPr/>', '<workbookPr date1904="1"/>');
    expect((await read(parts)).input.sheets.Indicatori[0][0]).toEqual(utc(1904, 1, 1));
    for (const f of ['dd/mm/yyyy', 'd-mmm-yy', '[$-410]d mmmm yyyy', 'h:mm', 'yyyy-mm-dd;@']) expect(isDateFormat(f), f).toBe(true);
    for (const f of ['0.00%', '#,##0.00 "gg"', '[Red]0.00', 'General', '"Anno" 0', '0.00E+00']) expect(isDateFormat(f), f).toBe(false);
  });

  it('refuses with one sentence what is not a readable package', async () => {
    const notZip = join(dir, 'not.xlsx');
    writeFileSync(notZip, 'Codice;Peso\n1;2\n');
    await expect(readWorkbookFile(notZip)).rejects.toThrow(/non è un file xlsx leggibile \/ not a readable xlsx file/);
    await expect(readWorkbookFile(join(dir, 'missing.xlsx'))).rejects.toThrow(/file non trovato \/ file not found/);
    const noWorkbook = join(dir, 'noworkbook.xlsx');
    await writePackage(noWorkbook, { 'hello.txt': 'ciao' });
    await expect(readWorkbookFile(noWorkbook)).rejects.toBeInstanceOf(WorkbookFileError);
  });

  it('refuses a package whose directory declares more than the size limit, before inflating', async () => {
    const file = join(dir, 'bomb.xlsx');
    await writePackage(file, excelPackage([{ name: 'Indicatori', xml: worksheet('') }]));
    // The declared size of one part, raised in both headers: nothing is inflated to find out.
    const bytes = readFileSync(file);
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(LIMITS.totalUncompressedBytes + 1, central + 24);
    writeFileSync(file, bytes);
    await expect(readWorkbookFile(file)).rejects.toThrow(/si espande a .* oltre il limite .* \/ the package expands to .* over the .* limit/);
  });

  it('refuses shared strings or a plan sheet that would expand beyond one part\'s limit', async () => {
    for (const [part, message] of [
      ['xl/sharedStrings.xml', /le stringhe condivise si espandono a .* \/ the shared strings expand to/],
      ['xl/worksheets/sheet1.xml', /il foglio Indicatori si espande a .* \/ sheet Indicatori expands to/],
    ] as const) {
      const file = join(dir, `big-${part.replace(/\W/g, '')}.xlsx`);
      await writePackage(file, excelPackage([{ name: 'Indicatori', xml: worksheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') }], { sharedStrings: ['Codice'] }));
      const bytes = readFileSync(file);
      const name = Buffer.from(part);
      const at = bytes.indexOf(name, bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))) - 46;
      expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
      bytes.writeUInt32LE(LIMITS.sheetUncompressedBytes + 1, at + 24);
      writeFileSync(file, bytes);
      await expect(readWorkbookFile(file)).rejects.toThrow(message);
    }
  });

  it('refuses a plan sheet with more rows than Excel allows', async () => {
    const sheet = worksheet(`<row r="1"><c r="A1"><v>1</v></c></row><row r="${LIMITS.rows + 1}"><c r="A${LIMITS.rows + 1}"><v>1</v></c></row>`);
    await expect(read(excelPackage([{ name: 'Indicatori', xml: sheet }]))).rejects.toThrow(/il foglio Indicatori supera 1\.048\.576 righe \/ sheet Indicatori has more than 1,048,576 rows/);
  });
});
