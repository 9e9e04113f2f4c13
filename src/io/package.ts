/**
 * The structure of an xlsx package as the reader and the patcher both need it: where the workbook,
 * its sheets, shared strings and styles live (found through relationships, never by conventional
 * names), and which sheets carry the tool's marker.
 */
import { OUTPUT_MARKER, markerKind, type OutputKind } from '../core/types.js';
import { PackageError } from './errors.js';
import { attrLocal, attributes, decodeXml, relsPathOf, resolveTarget, scanAll } from './xml.js';
import type { ZipReader } from './zip.js';

export interface Relationship {
  id: string;
  type: string;
  /** Target as written in the .rels (kept when rewriting). */
  target: string;
  /** Part name resolved from the root, without a leading slash; '' for external targets. */
  part: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  /** 0-based position in <sheets>, which is what localSheetId counts. */
  index: number;
  rid: string;
  /** The worksheet part ('xl/worksheets/sheet1.xml'), '' when the relationship is missing. */
  part: string;
  kind: 'worksheet' | 'chartsheet' | 'other';
  owner: OutputKind | null;
}

export interface DefinedName {
  name: string;
  localSheetId: number | null;
  value: string;
}

export interface PackageInfo {
  workbookPart: string;
  rels: Relationship[];
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  sharedStringsPart: string | null;
  stylesPart: string | null;
  date1904: boolean;
}

export const REL = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  chartsheet: '/chartsheet',
  sharedStrings: '/sharedStrings',
  styles: '/styles',
  comments: '/comments',
  vmlDrawing: '/vmlDrawing',
};

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const isRel = (r: Relationship, suffix: string) => r.type.endsWith(suffix);

export function parseRels(text: string, sourcePart: string): Relationship[] {
  const out: Relationship[] = [];
  scanAll(text, (kind, buf, start, end, name) => {
    if ((kind === 'open' || kind === 'empty') && name === 'Relationship') {
      const a = attributes(buf.slice(start, end));
      const external = (a.TargetMode ?? '').toLowerCase() === 'external';
      const target = a.Target ?? '';
      out.push({ id: a.Id ?? '', type: a.Type ?? '', target, external, part: external ? '' : resolveTarget(sourcePart, target) });
    }
  });
  return out;
}

export function readRels(zip: ZipReader, part: string): Relationship[] {
  const entry = zip.get(relsPathOf(part));
  return entry ? parseRels(zip.text(entry), part) : [];
}

export { markerKind };

export function readPackage(zip: ZipReader): PackageInfo {
  const root = parseRels(zip.get('_rels/.rels') ? zip.text(zip.get('_rels/.rels')!) : '', '');
  const office = root.find((r) => isRel(r, REL.officeDocument) && !r.external);
  const workbookPart = office?.part ?? 'xl/workbook.xml';
  const workbookEntry = zip.get(workbookPart);
  if (!workbookEntry) throw new PackageError('noWorkbook');
  const rels = readRels(zip, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  const definedNames: DefinedName[] = [];
  let date1904 = false;
  let inName: { name: string; localSheetId: number | null } | null = null;
  let nameText = '';
  scanAll(zip.text(workbookEntry), (kind, buf, start, end, name) => {
    if (kind === 'open' || kind === 'empty') {
      if (name === 'sheet') {
        const a = attributes(buf.slice(start, end));
        const rid = attrLocal(a, 'id') ?? '';
        const rel = byId.get(rid);
        sheets.push({
          name: a.name ?? '',
          index: sheets.length,
          rid,
          part: rel && !rel.external ? rel.part : '',
          kind: !rel ? 'other' : isRel(rel, REL.worksheet) ? 'worksheet' : isRel(rel, REL.chartsheet) ? 'chartsheet' : 'other',
          owner: null,
        });
      } else if (name === 'workbookPr') {
        const v = attributes(buf.slice(start, end)).date1904;
        date1904 = v === '1' || v === 'true';
      } else if (name === 'definedName') {
        const a = attributes(buf.slice(start, end));
        inName = { name: a.name ?? '', localSheetId: a.localSheetId === undefined ? null : Number(a.localSheetId) };
        nameText = '';
        if (kind === 'empty') {
          definedNames.push({ ...inName, value: '' });
          inName = null;
        }
      }
    } else if ((kind === 'text' || kind === 'cdata') && inName) {
      nameText += kind === 'text' ? decodeXml(buf.slice(start, end)) : buf.slice(start, end);
    } else if (kind === 'close' && name === 'definedName' && inName) {
      definedNames.push({ ...inName, value: nameText });
      inName = null;
    }
  });
  for (const d of definedNames) {
    if (d.name.toUpperCase() === OUTPUT_MARKER && d.localSheetId !== null && sheets[d.localSheetId]) {
      sheets[d.localSheetId].owner = markerKind(d.value);
    }
  }
  const sharedStrings = rels.find((r) => isRel(r, REL.sharedStrings) && !r.external);
  const styles = rels.find((r) => isRel(r, REL.styles) && !r.external);
  return {
    workbookPart,
    rels,
    sheets,
    definedNames,
    sharedStringsPart: sharedStrings && zip.get(sharedStrings.part) ? sharedStrings.part : null,
    stylesPart: styles && zip.get(styles.part) ? styles.part : null,
    date1904,
  };
}

/** The zip entry's real name for a part (case as stored), for copying and replacing. */
export function entryName(zip: ZipReader, part: string): string {
  return zip.get(part)?.name ?? part;
}
