/**
 * Hand-written xlsx packages for the reader and patcher tests: every part is XML text the test states,
 * so each test shows exactly the layout a producer writes (prefixes, missing r attributes, odd paths).
 */
import { closeSync, openSync } from 'node:fs';
import { ZipReader, ZipWriter } from '../../src/io/zip.js';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export type Parts = Record<string, string | Buffer>;

export async function writePackage(file: string, parts: Parts): Promise<void> {
  const fd = openSync(file, 'w');
  try {
    const zip = new ZipWriter(fd);
    // Level 1, not the patcher's 3: a part the patcher recompressed instead of copying would differ.
    for (const [name, content] of Object.entries(parts)) await zip.add(name, [content], 1);
    zip.finish();
  } finally {
    closeSync(fd);
  }
}

/** Every part of a package, inflated, by name. */
export function readParts(file: string): Map<string, Buffer> {
  const zip = ZipReader.open(file);
  try {
    return new Map(zip.entries.map((e) => [e.name, zip.read(e)]));
  } finally {
    zip.close();
  }
}

/** Every part's stored (compressed) bytes, by name. */
export function rawParts(file: string): Map<string, Buffer> {
  const zip = ZipReader.open(file);
  try {
    return new Map(zip.entries.map((e) => [e.name, Buffer.concat([...zip.raw(e)])]));
  } finally {
    zip.close();
  }
}

export interface SheetSpec {
  name: string;
  /** The worksheet XML (whole part). */
  xml: string;
  /** Part path; default xl/worksheets/sheetN.xml. */
  path?: string;
  /** Extra relationships of the sheet (its .rels part), as <Relationship> elements. */
  rels?: string;
}

/** A package in Excel's layout around the given sheets; extra parts and overrides may be added. */
export function excelPackage(sheets: SheetSpec[], options: {
  sharedStrings?: string[];
  styles?: string;
  extraParts?: Parts;
  extraOverrides?: string;
  definedNames?: string;
  workbookContentType?: string;
  absoluteTargets?: boolean;
} = {}): Parts {
  const paths = sheets.map((s, i) => s.path ?? `xl/worksheets/sheet${i + 1}.xml`);
  const target = (p: string) => (options.absoluteTargets ? `/${p}` : p.replace(/^xl\//, ''));
  const parts: Parts = {
    '[Content_Types].xml': `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${options.workbookContentType ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'}"/>` +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      paths.map((p) => `<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      (options.extraOverrides ?? '') + '</Types>',
    '_rels/.rels': `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 10}"/>`).join('') +
      `</sheets>${options.definedNames ? `<definedNames>${options.definedNames}</definedNames>` : ''}<calcPr calcId="191029"/></workbook>`,
    'xl/_rels/workbook.xml.rels': `${HEAD}<Relationships xmlns="${PKG}">` +
      `<Relationship Id="rId1" Type="${RELS}/styles" Target="${target('xl/styles.xml')}"/>` +
      `<Relationship Id="rId2" Type="${RELS}/sharedStrings" Target="${target('xl/sharedStrings.xml')}"/>` +
      paths.map((p, i) => `<Relationship Id="rId${i + 10}" Type="${RELS}/worksheet" Target="${target(p)}"/>`).join('') +
      '</Relationships>',
    'xl/styles.xml': options.styles ?? STYLES,
    'xl/sharedStrings.xml': `${HEAD}<sst xmlns="${MAIN}">${(options.sharedStrings ?? []).map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')}</sst>`,
  };
  sheets.forEach((s, i) => {
    parts[paths[i]] = s.xml;
    if (s.rels) {
      const slash = paths[i].lastIndexOf('/');
      parts[`${paths[i].slice(0, slash)}/_rels/${paths[i].slice(slash + 1)}.rels`] = `${HEAD}<Relationships xmlns="${PKG}">${s.rels}</Relationships>`;
    }
  });
  return { ...parts, ...(options.extraParts ?? {}) };
}

/** Excel's usual stylesheet: style 1 is a date (numFmt 14), 2 a custom dd/mm/yyyy date, 3 a percent. */
export const STYLES = `${HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/></numFmts>` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export function worksheet(sheetData: string, before = '', after = ''): string {
  return `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${RELS}">${before}<sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}
