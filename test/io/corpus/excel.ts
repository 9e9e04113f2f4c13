/**
 * The bundled example written part by part in Excel's own package layout (rIds, content types, x14ac
 * row attributes, theme, docProps), and one variant per feature that offices keep in their plans. The
 * parts are hand-written OOXML, so the corpus needs no binary file and no Excel: each feature is the few
 * elements and parts Excel itself writes for it.
 */
import { zipSync, strToU8 } from 'fflate';
import type { CellValue, PlanInput } from '../../../src/core/types.js';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function colName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface CellSpec {
  value?: CellValue;
  formula?: string;
  style?: number;
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

/** Worksheet children after sheetData, in the schema's order; a feature fills the slots it needs. */
const SLOTS = [
  'sheetProtection', 'autoFilter', 'mergeCells', 'conditionalFormatting', 'dataValidations', 'hyperlinks',
  'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'drawing', 'legacyDrawing',
  'legacyDrawingHF', 'tableParts', 'extLst',
] as const;
type Slot = (typeof SLOTS)[number];

export interface SheetModel {
  name: string;
  kind: 'worksheet' | 'chartsheet';
  /** For chart sheets: the whole part. */
  xml?: string;
  rows: Map<number, Map<number, CellSpec>>;
  rowAttrs: Map<number, string>;
  sheetPr?: string;
  sheetView: string;
  cols: string;
  slots: Partial<Record<Slot, string>>;
  rels: Rel[];
}

export interface WorkbookModel {
  sheets: SheetModel[];
  definedNames: string[];
  /** Workbook children by name (workbookProtection, externalReferences, pivotCaches), placed in schema order. */
  workbookExtra: { workbookProtection?: string; externalReferences?: string; pivotCaches?: string };
  workbookPr: string;
  workbookRels: Rel[];
  rootRels: Rel[];
  overrides: Map<string, string>;
  defaults: Map<string, string>;
  /** Any other part, by path. */
  parts: Map<string, string | Uint8Array>;
  mainContentType: string;
  dxfs: string[];
}

/** Style indexes of styles.xml's cellXfs below. */
export const STYLE = { normal: 0, header: 1, percent: 2, wrap: 3, date: 4 } as const;

function cellXml(ref: string, cell: CellSpec, sst: Map<string, number>): string {
  const s = cell.style ? ` s="${cell.style}"` : '';
  const v = cell.value;
  const f = cell.formula !== undefined ? `<f>${esc(cell.formula)}</f>` : '';
  if (v === null || v === undefined) return f || s ? `<c r="${ref}"${s}>${f}</c>` : '';
  if (typeof v === 'number') return `<c r="${ref}"${s}>${f}<v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
  const text = v instanceof Date ? v.toISOString() : String(v);
  // Excel keeps a formula's text result in the cell (t="str"); typed text goes to the shared strings.
  if (f) return `<c r="${ref}"${s} t="str">${f}<v>${esc(text)}</v></c>`;
  let index = sst.get(text);
  if (index === undefined) {
    index = sst.size;
    sst.set(text, index);
  }
  return `<c r="${ref}"${s} t="s"><v>${index}</v></c>`;
}

function relsXml(rels: Rel[]): string {
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`)
    .join('')}</Relationships>`;
}

function worksheetXml(sheet: SheetModel, sst: Map<string, number>): string {
  const rowNumbers = [...sheet.rows.keys(), ...sheet.rowAttrs.keys()].filter((r, i, a) => a.indexOf(r) === i).sort((a, b) => a - b);
  let maxCol = 0;
  for (const row of sheet.rows.values()) for (const c of row.keys()) maxCol = Math.max(maxCol, c);
  const lastRow = rowNumbers.length ? rowNumbers[rowNumbers.length - 1] : 0;
  const rowsXml = rowNumbers
    .map((r) => {
      const cells = [...(sheet.rows.get(r) ?? new Map()).entries()].sort((a, b) => a[0] - b[0]);
      const body = cells.map(([c, cell]) => cellXml(`${colName(c)}${r + 1}`, cell, sst)).join('');
      return `<row r="${r + 1}" spans="1:${maxCol + 1}"${sheet.rowAttrs.get(r) ?? ''} x14ac:dyDescent="0.25">${body}</row>`;
    })
    .join('');
  const slots = SLOTS.map((slot) => sheet.slots[slot] ?? '').join('');
  return (
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
    `mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" ` +
    `xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" ` +
    `xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{00000000-0001-0000-0000-00000000000${sheet.name.length % 10}}">` +
    (sheet.sheetPr ?? '') +
    `<dimension ref="A1:${colName(maxCol)}${lastRow + 1}"/>` +
    `<sheetViews>${sheet.sheetView}</sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>` +
    sheet.cols +
    `<sheetData>${rowsXml}</sheetData>${slots}</worksheet>`
  );
}

const THEME = `${XML_HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`;

function stylesXml(dxfs: string[]): string {
  return (
    `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" ` +
    `xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">` +
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
    `<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>` +
    `<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
    `<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
    `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>` +
    `<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
    `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1"/></xf>` +
    `<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `<dxfs count="${dxfs.length}">${dxfs.join('')}</dxfs>` +
    `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`
  );
}

/** The fixture's sheets as Excel would save them: text in shared strings, header row bold on a fill. */
export function excelModel(fixture: PlanInput): WorkbookModel {
  const sheets: SheetModel[] = Object.entries(fixture.sheets).map(([name, table], i) => {
    const rows = new Map<number, Map<number, CellSpec>>();
    table.forEach((values, r) => {
      const row = new Map<number, CellSpec>();
      values.forEach((value, c) => {
        if (value === null || value === undefined || value === '') return;
        row.set(c, { value, style: r === 0 && name !== 'Leggimi' ? STYLE.header : undefined });
      });
      rows.set(r, row);
    });
    const width = Math.max(...table.map((r) => r.length));
    return {
      name,
      kind: 'worksheet' as const,
      rows,
      rowAttrs: new Map(),
      sheetView: `<sheetView${i === 0 ? ' tabSelected="1"' : ''} workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView>`,
      cols: `<cols><col min="1" max="1" width="10.7109375" customWidth="1"/><col min="2" max="2" width="48.7109375" style="${STYLE.wrap}" customWidth="1"/>${width > 2 ? `<col min="3" max="${width}" width="14.7109375" customWidth="1"/>` : ''}</cols>`,
      slots: { pageMargins: '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' },
      rels: [],
    };
  });
  return {
    sheets,
    definedNames: [],
    workbookExtra: {},
    workbookPr: '<workbookPr defaultThemeVersion="166925"/>',
    workbookRels: [],
    rootRels: [],
    overrides: new Map(),
    defaults: new Map(),
    parts: new Map(),
    mainContentType: `${CT}.spreadsheetml.sheet.main+xml`,
    dxfs: [],
  };
}

export function sheet(model: WorkbookModel, name: string): SheetModel {
  const found = model.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

export function setCell(s: SheetModel, a1: string, cell: CellSpec): void {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  const c = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r = Number(m[2]) - 1;
  if (!s.rows.has(r)) s.rows.set(r, new Map());
  (s.rows.get(r) as Map<number, CellSpec>).set(c, cell);
}

/** The package's parts, by path, as Excel lays them out. */
export function serialize(model: WorkbookModel): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const put = (path: string, data: string | Uint8Array) => out.set(path, typeof data === 'string' ? strToU8(data) : data);
  const sst = new Map<string, number>();
  const overrides = new Map<string, string>([
    ['/xl/workbook.xml', model.mainContentType],
  ]);
  const wbRels: Rel[] = [];
  const sheetsXml: string[] = [];
  let ws = 0;
  let cs = 0;
  model.sheets.forEach((s, i) => {
    const id = `rId${i + 1}`;
    if (s.kind === 'chartsheet') {
      cs++;
      const path = `xl/chartsheets/sheet${cs}.xml`;
      put(path, s.xml as string);
      if (s.rels.length) put(`xl/chartsheets/_rels/sheet${cs}.xml.rels`, relsXml(s.rels));
      overrides.set(`/${path}`, `${CT}.spreadsheetml.chartsheet+xml`);
      wbRels.push({ id, type: `${REL}/chartsheet`, target: `chartsheets/sheet${cs}.xml` });
    } else {
      ws++;
      const path = `xl/worksheets/sheet${ws}.xml`;
      put(path, worksheetXml(s, sst));
      if (s.rels.length) put(`xl/worksheets/_rels/sheet${ws}.xml.rels`, relsXml(s.rels));
      overrides.set(`/${path}`, `${CT}.spreadsheetml.worksheet+xml`);
      wbRels.push({ id, type: `${REL}/worksheet`, target: `worksheets/sheet${ws}.xml` });
    }
    sheetsXml.push(`<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="${id}"/>`);
  });
  const n = model.sheets.length;
  wbRels.push(
    { id: `rId${n + 1}`, type: `${REL}/theme`, target: 'theme/theme1.xml' },
    { id: `rId${n + 2}`, type: `${REL}/styles`, target: 'styles.xml' },
    { id: `rId${n + 3}`, type: `${REL}/sharedStrings`, target: 'sharedStrings.xml' },
    ...model.workbookRels,
  );
  const x = model.workbookExtra;
  put(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" ` +
      `xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" ` +
      `xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" ` +
      `xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>` +
      model.workbookPr +
      (x.workbookProtection ?? '') +
      `<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" xr2:uid="{5A7F0E4C-1D2B-4C3A-9E8F-0A1B2C3D4E5F}"/></bookViews>` +
      `<sheets>${sheetsXml.join('')}</sheets>` +
      (x.externalReferences ?? '') +
      (model.definedNames.length ? `<definedNames>${model.definedNames.join('')}</definedNames>` : '') +
      `<calcPr calcId="191029"/>` +
      (x.pivotCaches ?? '') +
      `</workbook>`,
  );
  put('xl/_rels/workbook.xml.rels', relsXml(wbRels));
  put('xl/theme/theme1.xml', THEME);
  put('xl/styles.xml', stylesXml(model.dxfs));
  const strings = [...sst.keys()];
  put(
    'xl/sharedStrings.xml',
    `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings
      .map((t) => `<si><t${/^\s|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${esc(t)}</t></si>`)
      .join('')}</sst>`,
  );
  overrides.set('/xl/theme/theme1.xml', `${CT}.theme+xml`);
  overrides.set('/xl/styles.xml', `${CT}.spreadsheetml.styles+xml`);
  overrides.set('/xl/sharedStrings.xml', `${CT}.spreadsheetml.sharedStrings+xml`);
  overrides.set('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml');
  overrides.set('/docProps/app.xml', `${CT}.extended-properties+xml`);
  for (const [k, v] of model.overrides) overrides.set(k, v);
  for (const [path, data] of model.parts) put(path, data);
  put(
    'docProps/app.xml',
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
      `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Fogli di lavoro</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${model.sheets.map((s) => `<vt:lpstr>${esc(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
      `<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`,
  );
  put(
    'docProps/core.xml',
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
      `xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>Ufficio Controllo di gestione</dc:creator><cp:lastModifiedBy>Ufficio Controllo di gestione</cp:lastModifiedBy>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-15T09:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-02T17:30:00Z</dcterms:modified></cp:coreProperties>`,
  );
  put(
    '_rels/.rels',
    relsXml([
      { id: 'rId3', type: `${REL}/extended-properties`, target: 'docProps/app.xml' },
      { id: 'rId2', type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
      { id: 'rId1', type: `${REL}/officeDocument`, target: 'xl/workbook.xml' },
      ...model.rootRels,
    ]),
  );
  const defaults = new Map([['rels', 'application/vnd.openxmlformats-package.relationships+xml'], ['xml', 'application/xml'], ...model.defaults]);
  put(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      [...defaults].map(([e, t]) => `<Default Extension="${e}" ContentType="${t}"/>`).join('') +
      [...overrides].map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('') +
      `</Types>`,
  );
  return out;
}

/** Excel writes [Content_Types].xml first; the rest in a stable order. */
export function zipParts(parts: Map<string, Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  const names = [...parts.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b)));
  for (const name of names) entries[name] = parts.get(name) as Uint8Array;
  // A fixed time: the same corpus gives the same bytes on every run.
  return zipSync(entries, { level: 6, mtime: new Date('2025-03-02T17:30:00Z') });
}
