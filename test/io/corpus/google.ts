/**
 * The bundled example in the package layout Google Sheets writes for File > Download > Microsoft Excel
 * (.xlsx). No Google service is reachable from the tests, so the parts are written by hand from what
 * readers of such files have reported; each quirk below is one a reader must not trip on:
 * - worksheet part numbers that do not follow tab order, so a sheet is found only through
 *   xl/_rels/workbook.xml.rels (tidyverse/readxl#104, fixed in readxl#233: "Africa rId3
 *   xl/worksheets/sheet4.xml");
 * - no <dimension> in worksheets (tidyverse/readxl#26, "Invalid sheet xml (no <dimension>) from some xlsx
 *   files created by Google Sheets");
 * - `<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr>`, `<sheetFormatPr customHeight="1"
 *   defaultColWidth="14.43" defaultRowHeight="15.0"/>`, the mx/mv/x14 namespaces on <worksheet>, a
 *   `<drawing r:id="rId1"/>` on every sheet pointing at a drawing part, even an empty one, and `ySplit="1.0"`
 *   in a frozen pane, rows with `ht="15.75" customHeight="1"` (as in the Google-download sheets the
 *   tealeg/xlsx Go reader tests with, and in generators in public repositories that copy Google's output);
 * - every text cell in the shared strings, a style sheet with its own fonts and fills (Arial, no theme
 *   colours), self-closed `<definedNames/>` and `<calcPr/>` in workbook.xml, no calcChain, no docProps,
 *   relationship ids of its own (theme, styles and shared strings first, sheets after).
 * No real download could be inspected here: the order of the workbook relationships, the fonts and the
 * empty drawing's namespaces are this file's choice, so a real download may differ in such details.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import type { PlanInput } from '../../../src/core/types.js';
import { type CellSpec, type SheetModel, colName, esc, excelModel, zipParts } from './excel.js';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = NS_R;
const CT = 'application/vnd.openxmlformats-officedocument';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NAMESPACES =
  `xmlns="${NS_MAIN}" xmlns:r="${NS_R}" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" ` +
  `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:mv="urn:schemas-microsoft-com:mac:vml" ` +
  `xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" ` +
  `xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"`;

/** cellXfs indexes in the same meaning as excel.ts's STYLE, so the shared model's `style` fits both. */
const STYLES =
  `${HEAD}<styleSheet xmlns="${NS_MAIN}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
  `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
  `<fonts count="2"><font><sz val="10.0"/><color rgb="FF000000"/><name val="Arial"/><scheme val="minor"/></font>` +
  `<font><b/><sz val="10.0"/><color rgb="FF000000"/><name val="Arial"/><scheme val="minor"/></font></fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="lightGray"/></fill>` +
  `<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor rgb="FFDDEBF7"/></patternFill></fill></fills>` +
  `<borders count="1"><border/></borders>` +
  `<cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" applyAlignment="1" applyFont="1"/></cellStyleXfs>` +
  `<cellXfs count="5"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0" shrinkToFit="0" vertical="bottom" wrapText="0"/></xf>` +
  `<xf borderId="0" fillId="2" fontId="1" numFmtId="0" xfId="0" applyAlignment="1" applyFill="1" applyFont="1"><alignment readingOrder="0" vertical="bottom"/></xf>` +
  `<xf borderId="0" fillId="0" fontId="0" numFmtId="10" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0" vertical="bottom"/></xf>` +
  `<xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0" shrinkToFit="0" vertical="bottom" wrapText="1"/></xf>` +
  `<xf borderId="0" fillId="0" fontId="0" numFmtId="14" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0" vertical="bottom"/></xf></cellXfs>` +
  `<cellStyles count="1"><cellStyle xfId="0" name="Normal" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`;

const THEME =
  `${HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Sheets"><a:themeElements><a:clrScheme name="Sheets">` +
  `<a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="000000"/></a:dk2><a:lt2><a:srgbClr val="FFFFFF"/></a:lt2>` +
  `<a:accent1><a:srgbClr val="4285F4"/></a:accent1><a:accent2><a:srgbClr val="EA4335"/></a:accent2><a:accent3><a:srgbClr val="FBBC04"/></a:accent3>` +
  `<a:accent4><a:srgbClr val="34A853"/></a:accent4><a:accent5><a:srgbClr val="FF6D01"/></a:accent5><a:accent6><a:srgbClr val="46BDC6"/></a:accent6>` +
  `<a:hlink><a:srgbClr val="1155CC"/></a:hlink><a:folHlink><a:srgbClr val="1155CC"/></a:folHlink></a:clrScheme>` +
  `<a:fontScheme name="Sheets"><a:majorFont><a:latin typeface="Arial"/><a:ea typeface="Arial"/><a:cs typeface="Arial"/></a:majorFont>` +
  `<a:minorFont><a:latin typeface="Arial"/><a:ea typeface="Arial"/><a:cs typeface="Arial"/></a:minorFont></a:fontScheme>` +
  `<a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>` +
  `<a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst>` +
  `<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>` +
  `<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst>` +
  `</a:fmtScheme></a:themeElements></a:theme>`;

const EMPTY_DRAWING = `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex" xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" xmlns:x3Unk="http://schemas.microsoft.com/office/drawing/2010/slicer" xmlns:sle15="http://schemas.microsoft.com/office/drawing/2012/slicer"/>`;

const rels = (list: [string, string, string][]) =>
  `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;

function cellXml(ref: string, cell: CellSpec, sst: Map<string, number>): string {
  const v = cell.value;
  const s = ` s="${cell.style ?? 0}"`;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  const text = v instanceof Date ? v.toISOString() : String(v);
  let index = sst.get(text);
  if (index === undefined) {
    index = sst.size;
    sst.set(text, index);
  }
  return `<c r="${ref}"${s} t="s"><v>${index}</v></c>`;
}

function worksheetXml(sheet: SheetModel, sst: Map<string, number>, frozen: boolean): string {
  const rows = [...sheet.rows.entries()].sort((a, b) => a[0] - b[0]).map(([r, row]) => {
    const cells = [...row.entries()].sort((a, b) => a[0] - b[0]).map(([c, cell]) => cellXml(`${colName(c)}${r + 1}`, cell, sst));
    return `<row r="${r + 1}" ht="15.75" customHeight="1">${cells.join('')}</row>`;
  });
  const pane = frozen
    ? '<sheetView workbookViewId="0"><pane ySplit="1.0" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection activeCell="B2" sqref="B2" pane="bottomLeft"/></sheetView>'
    : '<sheetView workbookViewId="0"/>';
  let width = 0;
  for (const row of sheet.rows.values()) for (const c of row.keys()) width = Math.max(width, c + 1);
  return (
    `${HEAD}<worksheet ${NAMESPACES}><sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr>` +
    `<sheetViews>${pane}</sheetViews><sheetFormatPr customHeight="1" defaultColWidth="14.43" defaultRowHeight="15.0"/>` +
    `<cols><col customWidth="1" min="1" max="1" width="10.71"/><col customWidth="1" min="2" max="2" width="48.71"/>` +
    (width > 2 ? `<col customWidth="1" min="3" max="${width}" width="14.71"/>` : '') +
    `</cols><sheetData>${rows.join('')}</sheetData><drawing r:id="rId1"/></worksheet>`
  );
}

/** The package's parts, by path, for the fixture as a Google Sheets download. */
export function googleParts(fixture: PlanInput): Map<string, Uint8Array> {
  const sheets = excelModel(fixture).sheets;
  const n = sheets.length;
  const out = new Map<string, Uint8Array>();
  const put = (path: string, xml: string) => out.set(path, strToU8(xml));
  const sst = new Map<string, number>();
  const overrides: [string, string][] = [];
  const wbRels: [string, string, string][] = [
    ['rId1', `${REL}/theme`, 'theme/theme1.xml'],
    ['rId2', `${REL}/styles`, 'styles.xml'],
    ['rId3', `${REL}/sharedStrings`, 'sharedStrings.xml'],
  ];
  const sheetTags: string[] = [];
  sheets.forEach((sheet, i) => {
    // Part numbers run against tab order (readxl#104): only the relationships say which part is which tab.
    const part = n - i;
    const id = `rId${i + 4}`;
    put(`xl/worksheets/sheet${part}.xml`, worksheetXml(sheet, sst, sheet.name === 'Indicatori'));
    put(`xl/worksheets/_rels/sheet${part}.xml.rels`, rels([['rId1', `${REL}/drawing`, `../drawings/drawing${part}.xml`]]));
    put(`xl/drawings/drawing${part}.xml`, EMPTY_DRAWING);
    overrides.push([`/xl/worksheets/sheet${part}.xml`, `${CT}.spreadsheetml.worksheet+xml`], [`/xl/drawings/drawing${part}.xml`, `${CT}.drawing+xml`]);
    wbRels.push([id, `${REL}/worksheet`, `worksheets/sheet${part}.xml`]);
    sheetTags.push(`<sheet state="visible" name="${esc(sheet.name)}" sheetId="${i + 1}" r:id="${id}"/>`);
  });
  put(
    'xl/workbook.xml',
    `${HEAD}<workbook ${NAMESPACES}><workbookPr/><sheets>${sheetTags.join('')}</sheets><definedNames/><calcPr/></workbook>`,
  );
  put('xl/_rels/workbook.xml.rels', rels(wbRels));
  put('xl/styles.xml', STYLES);
  put('xl/theme/theme1.xml', THEME);
  const strings = [...sst.keys()];
  put(
    'xl/sharedStrings.xml',
    `${HEAD}<sst xmlns="${NS_MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('')}</sst>`,
  );
  put('_rels/.rels', rels([['rId1', `${REL}/officeDocument`, 'xl/workbook.xml']]));
  overrides.push(
    ['/xl/workbook.xml', `${CT}.spreadsheetml.sheet.main+xml`],
    ['/xl/styles.xml', `${CT}.spreadsheetml.styles+xml`],
    ['/xl/theme/theme1.xml', `${CT}.theme+xml`],
    ['/xl/sharedStrings.xml', `${CT}.spreadsheetml.sharedStrings+xml`],
  );
  put(
    '[Content_Types].xml',
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default ContentType="application/xml" Extension="xml"/><Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/>` +
      overrides.map(([p, t]) => `<Override ContentType="${t}" PartName="${p}"/>`).join('') +
      `</Types>`,
  );
  return out;
}

/** Writes google-plain.xlsx into `dir`; returns its path. */
export function buildGoogle(dir: string, fixture: PlanInput): string {
  const file = join(dir, 'google-plain.xlsx');
  writeFileSync(file, zipParts(googleParts(fixture)));
  return file;
}
