/**
 * The package patcher on a workbook in Excel's layout carrying what users keep in their files (a chart,
 * a table, notes, protection with its hash, conditional formats, validations, merges, hyperlinks, page
 * breaks, a VBA project, custom properties, customXml, an external link): the scored copy changes only
 * the output cells and the parts that must say so, everything else is the input's bytes.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scorePlan, type WritePlan } from '../../src/core/index.js';
import { readWorkbookFile } from '../../src/io/read.js';
import { writeScoredCopy } from '../../src/io/write.js';
import { writeTablesFile } from '../../src/io/tables.js';
import { largePlan } from '../fixtures/large-plan.js';
import { excelPackage, HEAD, PKG, RELS, rawParts, readParts, writePackage, type Parts } from './package-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'cruscotto-patch-'));
let n = 0;
const fresh = (ext = '.xlsx') => join(dir, `f${++n}${ext}`);

const STRINGS = ['Codice', 'Obiettivo', 'Target', 'Consuntivo', 'Override', 'Nota', '1.1', '1.2', '1.3', '<= 5', '>= 10', 'Rideterminato per cause esterne'];
const s = (text: string) => `<c r="%" t="s"><v>${STRINGS.indexOf(text)}</v></c>`;
const cellAt = (xml: string, ref: string) => xml.replace('%', ref);

const INDICATORI_ROWS =
  `<row r="1" spans="1:6">${['Codice', 'Obiettivo', 'Target', 'Consuntivo', 'Override', 'Nota'].map((h, i) => cellAt(s(h), `${'ABCDEF'[i]}1`)).join('')}</row>` +
  `<row r="2" spans="1:6">${cellAt(s('1.1'), 'A2')}<c r="B2"><v>1</v></c>${cellAt(s('<= 5'), 'C2')}<c r="D2"><f>B2-B2</f><v>0</v></c></row>` +
  `<row r="3" spans="1:6">${cellAt(s('1.2'), 'A3')}<c r="B3"><v>1</v></c>${cellAt(s('>= 10'), 'C3')}<c r="D3"><v>8</v></c></row>` +
  `<row r="4" spans="1:6">${cellAt(s('1.3'), 'A4')}<c r="B4"><v>1</v></c>${cellAt(s('>= 10'), 'C4')}<c r="D4"><v>4</v></c><c r="E4" s="3"><v>0.6</v></c>${cellAt(s('Rideterminato per cause esterne'), 'F4')}</row>`;

/** The Indicatori sheet with every element a user's sheet may carry around its data. */
function indicatori(legacyDrawing: boolean): string {
  return `${HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${RELS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
    '<sheetPr><tabColor rgb="FF00B050"/></sheetPr><dimension ref="A1:F4"/>' +
    '<sheetViews><sheetView tabSelected="1" zoomScale="85" workbookViewId="0"><pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="D3" sqref="D3"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>' +
    '<cols><col min="1" max="30" width="14.7109375" customWidth="1"/></cols>' +
    `<sheetData>${INDICATORI_ROWS}</sheetData>` +
    '<sheetProtection algorithmName="SHA-512" hashValue="m7d0hb3l3Q==" saltValue="c2FsdA==" spinCount="100000" sheet="1" objects="1" scenarios="1" formatCells="0"/>' +
    '<autoFilter ref="A1:F4"><filterColumn colId="2"><filters><filter val="&gt;= 10"/></filters></filterColumn></autoFilter>' +
    '<mergeCells count="1"><mergeCell ref="E3:F3"/></mergeCells>' +
    '<conditionalFormatting sqref="A2:A4"><cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="1."><formula>NOT(ISERROR(SEARCH("1.",A2)))</formula></cfRule></conditionalFormatting>' +
    '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="E2:E4"><formula1>"60%,80%"</formula1></dataValidation></dataValidations>' +
    '<hyperlinks><hyperlink ref="A2" location="\'Obiettivi\'!A2" display="vai"/></hyperlinks>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="portrait" r:id="rId3"/>' +
    '<headerFooter><oddHeader>&amp;L&amp;G</oddHeader></headerFooter>' +
    '<rowBreaks count="1" manualBreakCount="1"><brk id="3" max="16383" man="1"/></rowBreaks>' +
    '<drawing r:id="rId1"/>' + (legacyDrawing ? '<legacyDrawing r:id="rId2"/>' : '') +
    '<tableParts count="1"><tablePart r:id="rId4"/></tableParts>' +
    '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups/></ext></extLst>' +
    '</worksheet>';
}

const OBIETTIVI = `${HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Codice</t></is></c><c r="B1" t="inlineStr"><is><t>Titolo</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is></c><c r="B2" t="inlineStr"><is><t>Servizi</t></is></c></row></sheetData></worksheet>';

const NOTE_SHAPE = (row: number, col: number) => `<v:shape id="_x0000_s${1025 + row * 10 + col}" type="#_x0000_t202" style="position:absolute;visibility:hidden"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;

/** The whole package; `staleCol` puts an old note where the score column will go. */
function workbook(options: { staleCol?: number; xlsm?: boolean; notes?: boolean } = {}): Parts {
  const notes = options.notes !== false;
  const staleRef = options.staleCol !== undefined ? `${String.fromCharCode(65 + options.staleCol)}2` : null;
  const comments = `${HEAD}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Dirigente</author></authors><commentList>` +
    '<comment ref="A2" authorId="0" shapeId="0"><text><r><rPr><b/></rPr><t>Dirigente:</t></r><r><t xml:space="preserve"> fonte: ufficio</t></r></text></comment>' +
    (staleRef ? `<comment ref="${staleRef}" authorId="0"><text><t>vecchia nota</t></text></comment>` : '') + '</commentList></comments>';
  const vml = '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    NOTE_SHAPE(1, 0) + (options.staleCol !== undefined ? NOTE_SHAPE(1, options.staleCol) : '') + '<br></xml>';
  const sheetRels = `<Relationship Id="rId1" Type="${RELS}/drawing" Target="../drawings/drawing1.xml"/>` +
    (notes ? `<Relationship Id="rId2" Type="${RELS}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId5" Type="${RELS}/comments" Target="../comments1.xml"/>` : '') +
    `<Relationship Id="rId3" Type="${RELS}/printerSettings" Target="../printerSettings/printerSettings1.bin"/>` +
    `<Relationship Id="rId4" Type="${RELS}/table" Target="../tables/table1.xml"/>`;
  const extra: Parts = {
    'xl/drawings/drawing1.xml': `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><!-- a chart anchored here --></xdr:wsDr>`,
    'xl/drawings/_rels/drawing1.xml.rels': `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${RELS}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    'xl/charts/chart1.xml': `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>`,
    'xl/tables/table1.xml': `${HEAD}<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Tabella1" displayName="Tabella1" ref="A1:F4"/>`,
    'xl/printerSettings/printerSettings1.bin': Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7]),
    'customXml/item1.xml': `${HEAD}<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>`,
    'docProps/custom.xml': `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Ufficio"><vt:lpwstr xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">Controllo di gestione</vt:lpwstr></property></Properties>`,
    'xl/externalLinks/externalLink1.xml': `${HEAD}<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook r:id="rId1" xmlns:r="${RELS}"/></externalLink>`,
    'xl/threadedComments/threadedComment1.xml': `${HEAD}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"/>`,
    'xl/unknownVendorPart.dat': Buffer.from('qualcosa che nessuno conosce \u0000\u0001', 'latin1'),
  };
  if (notes) {
    extra['xl/comments1.xml'] = comments;
    extra['xl/drawings/vmlDrawing1.vml'] = vml;
  }
  if (options.xlsm) extra['xl/vbaProject.bin'] = Buffer.from('VBA\u0000project\u00ff', 'latin1');
  const parts = excelPackage([
    { name: 'Obiettivi', xml: OBIETTIVI },
    { name: 'Indicatori', xml: indicatori(notes), rels: sheetRels },
    { name: 'Grafico', xml: `${HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>` },
  ], {
    sharedStrings: STRINGS.map((x) => x.replace('<', '&lt;').replace('>', '&gt;')),
    extraParts: extra,
    definedNames: '<definedName name="Soglia">0.8</definedName><definedName name="Locale" localSheetId="1" hidden="1">Indicatori!$A$1</definedName><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">Indicatori!$A$1:$F$4</definedName>',
    workbookContentType: options.xlsm ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : undefined,
    extraOverrides: (notes ? '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' : '') +
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>',
  });
  parts['xl/workbook.xml'] = (parts['xl/workbook.xml'] as string).replace('<workbookPr/>', '<workbookPr/><workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="aGFzaA==" lockStructure="1"/>');
  return parts;
}

async function scoreFile(input: string, output: string, options = {}) {
  const read = await readWorkbookFile(input);
  const result = scorePlan(read.input, { workbook: read.sheets });
  await writeScoredCopy(input, output, result.writePlan, options);
  return { read, result };
}

/** The sheet XML without what the patcher may rewrite: the cells, the dimension, the column widths. */
const frame = (xml: string) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>').replace(/<dimension [^>]*\/>/, '').replace(/<cols>[\s\S]*?<\/cols>/, '');
const items = (xml: string, section: string, item: string) =>
  [...(new RegExp(`<${section}[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)?.[1] ?? '').matchAll(new RegExp(`<${item}[ >/][\\s\\S]*?(?:/>|</${item}>)`, 'g'))].map((m) => m[0]);

const TOUCHED = new Set([
  '[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml',
  'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml',
]);

describe('package patcher', () => {
  it('copies every part it does not need to touch as its stored bytes', async () => {
    const input = fresh();
    const output = fresh();
    await writePackage(input, workbook());
    await scoreFile(input, output);
    const before = rawParts(input);
    const after = rawParts(output);
    for (const [name, bytes] of before) {
      expect(after.has(name), name).toBe(true);
      if (!TOUCHED.has(name)) expect(after.get(name)!.equals(bytes), name).toBe(true);
    }
    // Only the tool's two sheets are new parts.
    expect([...after.keys()].filter((k) => !before.has(k)).sort()).toEqual(['xl/worksheets/sheet4.xml', 'xl/worksheets/sheet5.xml']);
  });

  it('keeps every input cell and every element of the scored sheet, adding only output cells', async () => {
    const input = fresh();
    const output = fresh();
    await writePackage(input, workbook());
    const { result } = await scoreFile(input, output);
    const before = readParts(input).get('xl/worksheets/sheet2.xml')!.toString();
    const after = readParts(output).get('xl/worksheets/sheet2.xml')!.toString();
    expect(frame(after)).toBe(frame(before));
    for (const c of before.match(/<c [^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)!) expect(after, c).toContain(c);
    const added = after.match(/<c [^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)!.filter((c) => !before.includes(c));
    const outputCols = new Set(result.writePlan.sheets.find((w) => w.sheet === 'Indicatori')!.blocks.map((b) => b.col));
    for (const c of added) {
      const col = /r="([A-Z]+)\d+"/.exec(c)![1].charCodeAt(0) - 65;
      expect(outputCols.has(col), c).toBe(true);
    }
    // The user's frozen pane, zoom and selection stay; the output columns take their own widths out of the user's range.
    expect(after).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    const cols = /<cols>([\s\S]*?)<\/cols>/.exec(after)![1];
    expect(cols).toContain('<col min="1" max="6" width="14.7109375" customWidth="1"/>');
    expect(cols).toMatch(/<col min="7" max="7" width="\d+" customWidth="1"\/>/);
  });

  it('appends styles without renumbering, and reuses them when scoring again', async () => {
    const input = fresh();
    const once = fresh();
    const twice = fresh();
    await writePackage(input, workbook());
    await scoreFile(input, once);
    await scoreFile(once, twice);
    const original = readParts(input).get('xl/styles.xml')!.toString();
    const styled = readParts(once).get('xl/styles.xml')!.toString();
    for (const [section, item] of [['cellXfs', 'xf'], ['fonts', 'font'], ['fills', 'fill'], ['numFmts', 'numFmt']]) {
      const a = items(original, section, item);
      const b = items(styled, section, item);
      expect(b.slice(0, a.length), section).toEqual(a);
      expect(new RegExp(`<${section} count="${b.length}"`).test(styled), `${section} count`).toBe(true);
    }
    expect(items(styled, 'cellXfs', 'xf').length).toBeGreaterThan(items(original, 'cellXfs', 'xf').length);
    // Scoring the scored copy adds nothing and changes nothing.
    const a = readParts(once);
    const b = readParts(twice);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) expect(b.get(name)!.toString('latin1'), name).toBe(bytes.toString('latin1'));
  });

  it('writes notes into the sheet\'s existing comments part, removing a stale one on an output cell', async () => {
    const probe = fresh();
    await writePackage(probe, workbook());
    const read = await readWorkbookFile(probe);
    const plan = scorePlan(read.input, { workbook: read.sheets }).writePlan;
    const scoreCol = plan.sheets.find((w) => w.sheet === 'Indicatori')!.blocks.find((b) => b.values[0][0] === 'Punteggio')!.col;
    const input = fresh();
    const output = fresh();
    await writePackage(input, workbook({ staleCol: scoreCol }));
    await scoreFile(input, output);
    const parts = readParts(output);
    const comments = parts.get('xl/comments1.xml')!.toString();
    const letter = String.fromCharCode(65 + scoreCol);
    // The user's note, its author and formatting untouched; the stale one gone; the override's note added.
    expect(comments).toContain('<comment ref="A2" authorId="0" shapeId="0"><text><r><rPr><b/></rPr><t>Dirigente:</t></r><r><t xml:space="preserve"> fonte: ufficio</t></r></text></comment>');
    expect(comments).not.toContain('vecchia nota');
    expect(comments).toMatch(new RegExp(`<comment ref="${letter}4" authorId="1">.*60,00%`));
    expect(comments).toContain('<author>Dirigente</author><author>Cruscotto</author>');
    const vml = parts.get('xl/drawings/vmlDrawing1.vml')!.toString();
    expect(vml).toContain(NOTE_SHAPE(1, 0));
    expect(vml).not.toContain(NOTE_SHAPE(1, scoreCol));
    expect(vml).toContain(`<x:Row>3</x:Row><x:Column>${scoreCol}</x:Column>`);
    expect([...parts.keys()].filter((k) => /comments\d|vmlDrawing\d/.test(k))).toEqual(['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml']);
    // The sheet's relationships are the user's.
    expect(parts.get('xl/worksheets/_rels/sheet2.xml.rels')!.equals(readParts(input).get('xl/worksheets/_rels/sheet2.xml.rels')!)).toBe(true);
  });

  it('creates a comments part and a legacy drawing when the sheet has no notes yet', async () => {
    const input = fresh();
    const output = fresh();
    await writePackage(input, workbook({ notes: false }));
    await scoreFile(input, output);
    const parts = readParts(output);
    const sheet = parts.get('xl/worksheets/sheet2.xml')!.toString();
    const rels = parts.get('xl/worksheets/_rels/sheet2.xml.rels')!.toString();
    const rid = /<legacyDrawing [^>]*r:id="([^"]+)"/.exec(sheet)![1];
    expect(rels).toContain(`Id="${rid}" Type="${RELS}/vmlDrawing"`);
    expect(rels).toMatch(new RegExp(`Type="${RELS}/comments" Target="../comments1.xml"`));
    // CT_Worksheet order: legacyDrawing after drawing, before tableParts.
    expect(sheet.indexOf('<drawing ')).toBeLessThan(sheet.indexOf('<legacyDrawing '));
    expect(sheet.indexOf('<legacyDrawing ')).toBeLessThan(sheet.indexOf('<tableParts '));
    const types = parts.get('[Content_Types].xml')!.toString();
    expect(types).toContain('<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>');
    expect(types).toContain('Extension="vml"');
    expect(parts.get('xl/comments1.xml')!.toString()).toContain('60,00%');
  });

  it('adds drop-down lists only where the plan asks, beside the user\'s own', async () => {
    const input = fresh();
    const output = fresh();
    await writePackage(input, workbook());
    const list = { col: 7, fromRow: 1, toRow: 3, list: ['sì', 'no "forse"'] };
    await writeScoredCopy(input, output, {
      sheets: [
        { sheet: 'indicatori', replace: false, blocks: [], validations: [list] },
        { sheet: 'Obiettivi', replace: false, blocks: [], validations: [list] },
      ],
    });
    const parts = readParts(output);
    const ind = parts.get('xl/worksheets/sheet2.xml')!.toString();
    expect(ind).toContain('<dataValidations count="2"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="E2:E4"><formula1>"60%,80%"</formula1></dataValidation>' +
      '<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="H2:H4"><formula1>"sì,no ""forse"""</formula1></dataValidation></dataValidations>');
    const obj = parts.get('xl/worksheets/sheet1.xml')!.toString();
    expect(obj).toMatch(/<\/sheetData><dataValidations count="1"><dataValidation [^>]*sqref="H2:H4">/);
    // Sheets the plan does not name are the input's bytes.
    expect(rawParts(output).get('xl/worksheets/sheet3.xml')!.equals(rawParts(input).get('xl/worksheets/sheet3.xml')!)).toBe(true);
  });

  it('applies every write of a plan that names one sheet twice', async () => {
    const input = fresh();
    const output = fresh();
    await writePackage(input, workbook());
    await writeScoredCopy(input, output, {
      sheets: [
        { sheet: 'Indicatori', replace: false, blocks: [{ row: 0, col: 8, values: [['primo'], [1]] }], columnWidths: [{ col: 8, width: 20 }] },
        { sheet: 'INDICATORI', replace: false, blocks: [{ row: 0, col: 9, values: [['secondo'], [2]] }], columnWidths: [{ col: 9, width: 30 }] },
      ],
    });
    const sheet = readParts(output).get('xl/worksheets/sheet2.xml')!.toString();
    expect(sheet).toMatch(/<c r="I1" s="\d+" t="inlineStr"><is><t xml:space="preserve">primo<\/t><\/is><\/c><c r="J1" s="\d+" t="inlineStr"><is><t xml:space="preserve">secondo<\/t>/);
    expect(sheet).toMatch(/<c r="I2" s="\d+"><v>1<\/v><\/c><c r="J2" s="\d+"><v>2<\/v><\/c>/);
    expect(sheet).toContain('<col min="9" max="9" width="20" customWidth="1"/><col min="10" max="10" width="30" customWidth="1"/>');
  });

  it('keeps a .xlsm a macro workbook with its VBA project', async () => {
    const input = fresh('.xlsm');
    const output = fresh('.xlsm');
    await writePackage(input, workbook({ xlsm: true }));
    await scoreFile(input, output);
    const parts = rawParts(output);
    expect(parts.get('xl/vbaProject.bin')!.equals(rawParts(input).get('xl/vbaProject.bin')!)).toBe(true);
    expect(readParts(output).get('[Content_Types].xml')!.toString()).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  });

  it('adds its sheets at the end with hidden markers, keeps the user\'s names, and removes its own sheets by marker', async () => {
    const input = fresh();
    const italian = fresh();
    await writePackage(input, workbook());
    await scoreFile(input, italian);
    const wb = readParts(italian).get('xl/workbook.xml')!.toString();
    expect(wb).toContain('<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="aGFzaA==" lockStructure="1"/>');
    expect(wb).toContain('<definedName name="Soglia">0.8</definedName><definedName name="Locale" localSheetId="1" hidden="1">Indicatori!$A$1</definedName>');
    expect(wb).toContain('<definedName name="CRUSCOTTO_OUTPUT" localSheetId="3" hidden="1">"summary"</definedName>');
    expect(wb).toContain('<definedName name="CRUSCOTTO_OUTPUT" localSheetId="4" hidden="1">"issues"</definedName>');
    expect(wb).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="4">\'Segnalazioni\'!$1:$1</definedName>');
    const summary = readParts(italian).get('xl/worksheets/sheet4.xml')!.toString();
    expect(summary).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(summary).toMatch(/<pageSetup [^>]*orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);

    // A plan that drops the Italian summary: its sheet, relationship, content type and names go, the
    // names of the sheets after it move down one place.
    const plan: WritePlan = { sheets: [], removeSheets: ['sintesi'] };
    const removed = fresh();
    await writeScoredCopy(italian, removed, plan);
    const parts = readParts(removed);
    const after = parts.get('xl/workbook.xml')!.toString();
    expect(after).not.toContain('name="Sintesi"');
    expect(after).toContain('<definedName name="CRUSCOTTO_OUTPUT" localSheetId="3" hidden="1">"issues"</definedName>');
    expect(after).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="3">');
    expect(after).toContain('<definedName name="Locale" localSheetId="1" hidden="1">');
    expect(parts.has('xl/worksheets/sheet4.xml')).toBe(false);
    expect(parts.get('[Content_Types].xml')!.toString()).not.toContain('/xl/worksheets/sheet4.xml');
    expect(parts.get('xl/_rels/workbook.xml.rels')!.toString()).not.toContain('worksheets/sheet4.xml');
    expect((await readWorkbookFile(removed)).sheets.map((x) => [x.name, x.owner])).toEqual([
      ['Obiettivi', null], ['Indicatori', null], ['Grafico', null], ['Segnalazioni', 'issues'],
    ]);
    // A user's sheet is never removed, even when a plan names it.
    const kept = fresh();
    await writeScoredCopy(removed, kept, { sheets: [], removeSheets: ['Grafico'] });
    expect((await readWorkbookFile(kept)).sheets.map((x) => x.name)).toContain('Grafico');
  });
});

describe('atomic writes', () => {
  it('refuses the input as output unless in place, and then replaces it whole', async () => {
    const file = fresh();
    await writePackage(file, workbook());
    const bytes = readFileSync(file);
    await expect(scoreFile(file, file)).rejects.toThrow(/il file di uscita coincide con quello di ingresso; usare --in-place/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    await scoreFile(file, file, { inPlace: true });
    expect((await readWorkbookFile(file)).sheets.map((x) => x.owner)).toEqual([null, null, null, 'summary', 'issues']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the existing target and no temporary file when the write fails midway', async () => {
    const input = fresh();
    const target = fresh();
    await writePackage(input, workbook());
    writeFileSync(target, 'the user\'s file');
    const read = await readWorkbookFile(input);
    const plan = scorePlan(read.input, { workbook: read.sheets }).writePlan;
    // A value no host can write (the core never plans one): normalizeBlock throws in the middle of the sheet.
    plan.sheets[0].blocks[0].values[3] = [new Date() as unknown as string];
    await expect(writeScoredCopy(input, target, plan)).rejects.toThrow();
    expect(readFileSync(target, 'utf8')).toBe('the user\'s file');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  const tsx = new URL('../../node_modules/tsx/dist/esm/index.mjs', import.meta.url).href;
  const writeModule = new URL('../../src/io/write.ts', import.meta.url).href;
  const readModule = new URL('../../src/io/read.ts', import.meta.url).href;
  const coreModule = new URL('../../src/core/index.ts', import.meta.url).href;
  const script = join(dir, 'score-child.mts');
  writeFileSync(script, `
    import { readWorkbookFile } from '${readModule}';
    import { writeScoredCopy } from '${writeModule}';
    import { scorePlan } from '${coreModule}';
    const [input, output] = process.argv.slice(2);
    const read = await readWorkbookFile(input);
    await writeScoredCopy(input, output, scorePlan(read.input, { workbook: read.sheets }).writePlan);
  `);
  const run = (args: string[], limitKb?: number) =>
    new Promise<number>((resolve) => {
      const command = limitKb ? `ulimit -f ${limitKb}; exec "${process.execPath}" --import "${tsx}" "${script}" "${args[0]}" "${args[1]}"` : '';
      const child = limitKb
        ? spawn('bash', ['-c', command], { stdio: 'ignore' })
        : spawn(process.execPath, ['--import', tsx, script, ...args], { stdio: 'ignore' });
      child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 0)));
    });

  it('leaves the existing target unchanged when a file-size limit stops the write', async () => {
    const input = fresh();
    const target = fresh();
    await writeTablesFile(input, largePlan(4000));
    writeFileSync(target, 'previous scored copy');
    // 64 KB: the input's output (over 100 KB) cannot be written whole.
    const code = await run([input, target], 64);
    expect(code).not.toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('previous scored copy');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('leaves one whole workbook when four runs write the same output at once', async () => {
    const input = fresh();
    const target = fresh();
    await writeTablesFile(input, largePlan(2000));
    const codes = await Promise.all([1, 2, 3, 4].map(() => run([input, target])));
    expect(codes).toEqual([0, 0, 0, 0]);
    const read = await readWorkbookFile(target);
    expect(read.sheets.map((x) => x.owner)).toEqual([null, null, null, 'summary', 'issues']);
    expect(read.input.sheets.Indicatori.length).toBe(2001);
    expect(existsSync(target)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
