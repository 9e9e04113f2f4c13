/**
 * A plain workbook written straight from tables (shared strings, one worksheet per table), streamed so
 * a million-row plan can be made for benchmarks and tests without holding a workbook model in memory.
 * Dates are written as serials with a date format, numbers as numbers, text as shared strings.
 */
import type { PlanInput } from '../core/types.js';
import { columnLetter } from '../core/table.js';
import { escapeAttr, escapeXml } from './xml.js';
import { atomicWrite } from './write.js';
import { ZipWriter } from './zip.js';

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export async function writeTablesFile(path: string, input: PlanInput): Promise<void> {
  const names = Object.keys(input.sheets);
  const strings = new Map<string, number>();
  const stringIndex = (s: string) => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  function* sheetXml(name: string): Generator<string> {
    yield `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${RELS}"><sheetData>`;
    const table = input.sheets[name];
    let batch: string[] = [];
    for (let r = 0; r < table.length; r++) {
      const row = table[r] ?? [];
      let cells = '';
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === null || v === undefined || v === '') continue;
        const ref = columnLetter(c) + (r + 1);
        if (typeof v === 'number') cells += `<c r="${ref}"><v>${v}</v></c>`;
        else if (typeof v === 'boolean') cells += `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
        else if (v instanceof Date) cells += `<c r="${ref}" s="1"><v>${(v.getTime() - EXCEL_EPOCH_UTC) / DAY_MS}</v></c>`;
        else cells += `<c r="${ref}" t="s"><v>${stringIndex(v)}</v></c>`;
      }
      batch.push(`<row r="${r + 1}">${cells}</row>`);
      if (batch.length >= 2000) {
        yield batch.join('');
        batch = [];
      }
    }
    yield batch.join('') + '</sheetData></worksheet>';
  }
  function* sharedStrings(): Generator<string> {
    yield `${HEAD}<sst xmlns="${MAIN}" count="${strings.size}" uniqueCount="${strings.size}">`;
    let batch: string[] = [];
    for (const s of strings.keys()) {
      batch.push(`<si><t xml:space="preserve">${escapeXml(s)}</t></si>`);
      if (batch.length >= 5000) {
        yield batch.join('');
        batch = [];
      }
    }
    yield batch.join('') + '</sst>';
  }
  await atomicWrite(path, async (fd) => {
    const zip = new ZipWriter(fd);
    await zip.add('[Content_Types].xml', [
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    ]);
    await zip.add('_rels/.rels', [`${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`]);
    await zip.add('xl/workbook.xml', [
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets>` +
        names.map((n, i) => `<sheet name="${escapeAttr(n)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`).join('') +
        '</sheets></workbook>',
    ]);
    await zip.add('xl/_rels/workbook.xml.rels', [
      `${HEAD}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${RELS}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/>` +
        names.map((_, i) => `<Relationship Id="rId${i + 3}" Type="${RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        '</Relationships>',
    ]);
    await zip.add('xl/styles.xml', [
      `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    ]);
    for (let i = 0; i < names.length; i++) await zip.add(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(names[i]));
    // Written last: the strings are known once every sheet has been written.
    await zip.add('xl/sharedStrings.xml', sharedStrings());
    zip.finish();
  });
}
