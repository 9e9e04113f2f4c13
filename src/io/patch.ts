/**
 * The package patcher: the scored copy is the input zip with only the parts scoring touches rewritten
 * (the scored sheets, styles, the workbook's sheet list and names, its relationships, the content types,
 * the notes of the scored sheets, the tool's own sheets). Every other part is copied as its raw
 * compressed bytes: charts, pivots, VBA, tables, customXml, external links, anything unknown.
 */
import type { SheetWrite, WritePlan } from '../core/types.js';
import { OUTPUT_MARKER } from '../core/types.js';
import { PlanCells } from './cells.js';
import { PackageError } from './errors.js';
import { newComments, newVml, patchComments, patchVml } from './notes.js';
import { REL, REL_NS, isRel, readPackage, readRels, type Relationship } from './package.js';
import { newSheet, patchSheet } from './sheet.js';
import { MINIMAL_STYLES, StyleBook } from './styles.js';
import { attributes, escapeAttr, escapeXml, relativeTarget, relsPathOf, scanAll } from './xml.js';
import { ZipWriter, type ZipReader } from './zip.js';

const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
};
const RELTYPE = {
  worksheet: `${REL_NS}/worksheet`,
  comments: `${REL_NS}/comments`,
  vmlDrawing: `${REL_NS}/vmlDrawing`,
  styles: `${REL_NS}/styles`,
};

type Content = () => Iterable<string | Buffer> | AsyncIterable<string | Buffer>;

interface Edit {
  at: number;
  remove: number;
  text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  // Back to front; at one offset the replaced span first, so an insertion lands before it.
  const sorted = [...edits].sort((a, b) => b.at - a.at || b.remove - a.remove);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.at) + e.text + out.slice(e.at + e.remove);
  return out;
}

/** The prefix the root element uses ('' or 'x:'). */
function rootPrefix(xml: string, local: string): string {
  return new RegExp(`<([\\w.-]+:)?${local}[\\s>/]`).exec(xml)?.[1] ?? '';
}

async function sheetPrefix(zip: ZipReader, part: string): Promise<string> {
  const entry = zip.get(part)!;
  let head = '';
  for await (const chunk of zip.stream(entry)) {
    head += chunk.toString('utf8');
    if (/<([\w.-]+:)?worksheet[\s>/]/.test(head) || head.length > 65536) break;
  }
  return rootPrefix(head, 'worksheet');
}

/** Everything the package needs changed, collected before a byte is written. */
class PackageEdits {
  readonly replaced = new Map<string, Content>();
  readonly removed = new Set<string>();
  readonly added: { name: string; content: Content }[] = [];
  readonly overridesAdd: { part: string; type: string }[] = [];
  readonly overridesRemove = new Set<string>();
  readonly defaults = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(private readonly zip: ZipReader) {
    for (const e of zip.entries) this.taken.add(e.name.toLowerCase());
  }

  /** A part name not used in the package: `xl/worksheets/sheet7.xml`. */
  freshName(prefix: string, ext: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${ext}`;
      if (!this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }

  replace(part: string, content: Content): void {
    const entry = this.zip.get(part);
    if (entry) this.replaced.set(entry.name.toLowerCase(), content);
    else this.add(part, content);
  }

  add(name: string, content: Content, type?: string): void {
    this.taken.add(name.toLowerCase());
    this.added.push({ name, content });
    if (type) this.overridesAdd.push({ part: name, type });
  }

  remove(part: string): void {
    const entry = this.zip.get(part);
    if (entry) this.removed.add(entry.name.toLowerCase());
    this.overridesRemove.add(part.toLowerCase());
  }
}

function relsXml(rels: { id: string; type: string; target: string; external?: boolean }[]): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels.map((r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`).join('') +
    '</Relationships>';
}

function freshRid(rels: { id: string }[]): string {
  const ids = new Set(rels.map((r) => r.id));
  for (let n = rels.length + 1; ; n++) if (!ids.has(`rId${n}`)) return `rId${n}`;
}

/** Adds relationships to a .rels part text, keeping the existing ones as written. */
function addRels(existing: string | null, add: { id: string; type: string; target: string }[]): string {
  if (!existing) return relsXml(add);
  const p = rootPrefix(existing, 'Relationships');
  const items = add.map((r) => `<${p}Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`).join('');
  if (/<\/([\w.-]+:)?Relationships>/.test(existing)) return existing.replace(/<\/([\w.-]+:)?Relationships>\s*$/, (m) => items + m);
  return existing.replace(/<([\w.-]+:)?Relationships([^>]*?)\s*\/>/, `<$1Relationships$2>${items}</$1Relationships>`);
}

interface NewSheet {
  name: string;
  rid: string;
  part: string;
}

/**
 * Notes of one sheet write: edits the sheet's comments and VML parts when it has them, else creates
 * them. Returns the r:id of a new legacyDrawing the sheet must reference, if any.
 */
function planNotes(zip: ZipReader, edits: PackageEdits, sheetPart: string, rels: Relationship[], cells: PlanCells, drawingBlock: number, fresh: boolean): string | null {
  const comments = fresh ? undefined : rels.find((r) => isRel(r, REL.comments) && !r.external && zip.get(r.part));
  const vmls = fresh ? [] : rels.filter((r) => isRel(r, REL.vmlDrawing) && !r.external && zip.get(r.part));
  const isHeaderFooter = (r: Relationship) => /id\s*=\s*["'][LCR][HF]/.test(zip.text(zip.get(r.part)!));
  const noteVml = vmls.find((r) => /ObjectType\s*=\s*["']Note["']/.test(zip.text(zip.get(r.part)!))) ?? vmls.find((r) => !isHeaderFooter(r));
  if (comments) {
    const xml = patchComments(zip.text(zip.get(comments.part)!), cells.rects, cells.notes);
    edits.replace(comments.part, () => [xml]);
    if (noteVml) {
      const vml = patchVml(zip.text(zip.get(noteVml.part)!), cells.rects, cells.notes);
      edits.replace(noteVml.part, () => [vml]);
    }
    return null;
  }
  if (cells.notes.size === 0) return null;
  const newRels: { id: string; type: string; target: string }[] = [];
  const commentsPart = edits.freshName('xl/comments', '.xml');
  edits.add(commentsPart, () => [newComments(cells.notes)], CT.comments);
  const all = [...rels];
  const commentsRid = freshRid(all);
  all.push({ id: commentsRid, type: '', target: '', part: '', external: false });
  newRels.push({ id: commentsRid, type: RELTYPE.comments, target: relativeTarget(sheetPart, commentsPart) });
  let legacyRid: string | null = null;
  if (noteVml) {
    const vml = patchVml(zip.text(zip.get(noteVml.part)!), cells.rects, cells.notes);
    edits.replace(noteVml.part, () => [vml]);
  } else {
    const vmlPart = edits.freshName('xl/drawings/vmlDrawing', '.vml');
    edits.add(vmlPart, () => [newVml(cells.notes, drawingBlock)]);
    edits.defaults.set('vml', CT.vml);
    legacyRid = freshRid(all);
    newRels.push({ id: legacyRid, type: RELTYPE.vmlDrawing, target: relativeTarget(sheetPart, vmlPart) });
  }
  const relsPart = relsPathOf(sheetPart);
  const existing = fresh ? null : zip.get(relsPart) ? zip.text(zip.get(relsPart)!) : null;
  const text = addRels(existing, newRels);
  if (existing !== null) edits.replace(relsPart, () => [text]);
  else edits.add(relsPart, () => [text]);
  return legacyRid;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * One write per sheet: a plan naming a sheet twice (any case) gets its writes merged in order, since a
 * part is rewritten once and a second rewrite would drop the first one's cells.
 */
function mergeWrites(writes: SheetWrite[]): SheetWrite[] {
  const bySheet = new Map<string, SheetWrite>();
  for (const w of writes) {
    const key = w.sheet.toLowerCase();
    const seen = bySheet.get(key);
    if (!seen) {
      bySheet.set(key, w);
      continue;
    }
    bySheet.set(key, {
      sheet: seen.sheet,
      replace: seen.replace || w.replace,
      owner: w.owner ?? seen.owner,
      pageSetup: w.pageSetup ?? seen.pageSetup,
      blocks: [...seen.blocks, ...w.blocks],
      frozenRows: w.frozenRows ?? seen.frozenRows,
      columnWidths: [...(seen.columnWidths ?? []), ...(w.columnWidths ?? [])],
      validations: [...(seen.validations ?? []), ...(w.validations ?? [])],
    });
  }
  return [...bySheet.values()];
}

/** Writes `plan` applied to the package read by `zip` into the open file `fd`. */
export async function patchPackage(zip: ZipReader, plan: WritePlan, fd: number): Promise<void> {
  const info = readPackage(zip);
  const edits = new PackageEdits(zip);
  const byName = new Map(info.sheets.map((s) => [s.name.toLowerCase(), s]));
  const wbRels = [...info.rels];
  const wbRelsAdd: { id: string; type: string; target: string }[] = [];

  // Styles: the workbook's own, or a minimal stylesheet when a producer left it out.
  const stylesText = info.stylesPart ? zip.text(zip.get(info.stylesPart)!) : MINIMAL_STYLES;
  const styles = new StyleBook(stylesText);
  const stylesPart = info.stylesPart ?? 'xl/styles.xml';

  const removedIndexes = new Set<number>();
  for (const name of plan.removeSheets ?? []) {
    const s = byName.get(name.toLowerCase());
    // Only a sheet that carries the tool's marker is ever deleted.
    if (!s || s.owner === null) continue;
    removedIndexes.add(s.index);
    edits.remove(s.part);
    if (zip.get(relsPathOf(s.part))) edits.remove(relsPathOf(s.part));
    // Its relationship goes too; its id may be given to a new sheet.
    const rel = wbRels.findIndex((r) => r.id === s.rid);
    if (rel >= 0) wbRels.splice(rel, 1);
  }
  const removedRids = new Set(info.sheets.filter((s) => removedIndexes.has(s.index)).map((s) => s.rid));

  const replacedIndexes = new Set<number>();
  const newSheets: NewSheet[] = [];
  const namesAdd: { name: string; sheet: string; value: string }[] = [];
  // New VML drawings take idmap blocks no existing drawing uses.
  let drawingBlock = 1;
  for (const e of zip.entries) {
    if (!e.name.toLowerCase().endsWith('.vml')) continue;
    for (const m of zip.text(e).matchAll(/data\s*=\s*["']([\d,]+)["']/g)) for (const d of m[1].split(',')) drawingBlock = Math.max(drawingBlock, Number(d) + 1);
  }

  for (const write of mergeWrites(plan.sheets)) {
    const existing = byName.get(write.sheet.toLowerCase());
    const usable = existing && existing.kind === 'worksheet' && existing.part && zip.get(existing.part) && !removedIndexes.has(existing.index) ? existing : undefined;
    if (usable && !write.replace) {
      const prefix = await sheetPrefix(zip, usable.part);
      const cells = new PlanCells(write, styles, prefix);
      const rels = readRels(zip, usable.part);
      const legacyDrawingRid = planNotes(zip, edits, usable.part, rels, cells, drawingBlock++, false) ?? undefined;
      const entry = zip.get(usable.part)!;
      edits.replace(usable.part, () => patchSheet(zip, entry, write, cells, prefix, { legacyDrawingRid }));
      continue;
    }
    if (existing && !usable && !removedIndexes.has(existing.index)) {
      // A chart sheet or a broken entry with the name: the core never plans that; refuse rather than guess.
      throw new PackageError('corrupt');
    }
    const cells = new PlanCells(write, styles, '');
    let part: string;
    let name: string;
    if (usable) {
      part = usable.part;
      name = usable.name;
      replacedIndexes.add(usable.index);
      // The tool's sheet is rebuilt whole: its old relationships (old notes) go with it.
      if (zip.get(relsPathOf(part))) edits.remove(relsPathOf(part));
    } else {
      part = edits.freshName('xl/worksheets/sheet', '.xml');
      name = write.sheet;
      const rid = freshRid([...wbRels, ...wbRelsAdd]);
      wbRelsAdd.push({ id: rid, type: RELTYPE.worksheet, target: relativeTarget(info.workbookPart, part) });
      newSheets.push({ name, rid, part });
    }
    const legacyRid = planNotes(zip, edits, part, [], cells, drawingBlock++, true);
    const content = () => newSheet(write, cells, legacyRid);
    if (usable) edits.replace(part, content);
    else edits.add(part, content, CT.worksheet);
    if (write.owner) namesAdd.push({ name: OUTPUT_MARKER, sheet: name, value: `"${write.owner}"` });
    if (write.pageSetup?.printTitleRows) namesAdd.push({ name: '_xlnm.Print_Titles', sheet: name, value: `${quoteSheet(name)}!$1:$${write.pageSetup.printTitleRows}` });
  }

  if (styles.changed || !info.stylesPart) {
    const xml = styles.toXml();
    if (info.stylesPart) edits.replace(stylesPart, () => [xml]);
    else {
      edits.add(stylesPart, () => [xml], CT.styles);
      wbRelsAdd.push({ id: freshRid([...wbRels, ...wbRelsAdd]), type: RELTYPE.styles, target: relativeTarget(info.workbookPart, stylesPart) });
    }
  }

  // workbook.xml: sheets removed and appended, names fixed, active tab kept on a sheet that exists.
  const finalIndex = (old: number) => {
    let shift = 0;
    for (const r of removedIndexes) if (r < old) shift++;
    return old - shift;
  };
  const keptCount = info.sheets.length - removedIndexes.size;
  const indexOfName = (name: string): number => {
    const s = byName.get(name.toLowerCase());
    if (s && !removedIndexes.has(s.index)) return finalIndex(s.index);
    return keptCount + newSheets.findIndex((n) => n.name === name);
  };
  const wbXml = zip.text(zip.get(info.workbookPart)!);
  const wbEdits: Edit[] = [];
  const p = rootPrefix(wbXml, 'workbook');
  const rootTag = /<([\w.-]+:)?workbook[\s>][^>]*>/.exec(wbXml)?.[0] ?? '';
  const relPrefix = /xmlns:([\w.-]+)\s*=\s*["']http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships["']/.exec(rootTag)?.[1];
  let sheetIndex = 0;
  let sheetsClose = -1;
  let sheetsEmpty: { start: number; end: number } | null = null;
  let namesClose = -1;
  let namesEmpty: { start: number; end: number } | null = null;
  let afterSheets = -1;
  let maxSheetId = 0;
  let nameStart = -1;
  let nameTag = '';
  scanAll(wbXml, (kind, buf, start, end, name) => {
    if (kind === 'open' || kind === 'empty') {
      const tag = buf.slice(start, end);
      if (name === 'sheet') {
        const idx = sheetIndex++;
        maxSheetId = Math.max(maxSheetId, Number(attributes(tag).sheetId ?? 0));
        if (removedIndexes.has(idx)) wbEdits.push({ at: start, remove: end - start, text: '' });
      } else if (name === 'sheets' && kind === 'empty') {
        sheetsEmpty = { start, end };
        afterSheets = end;
      } else if (name === 'definedNames' && kind === 'empty') namesEmpty = { start, end };
      else if (name === 'definedName') {
        nameStart = start;
        nameTag = tag;
        if (kind === 'empty') finishName(end);
      } else if (name === 'workbookView') {
        const a = attributes(tag);
        let changed = tag;
        for (const key of ['activeTab', 'firstSheet']) {
          if (a[key] === undefined) continue;
          const old = Number(a[key]);
          const now = removedIndexes.has(old) || old >= info.sheets.length ? 0 : finalIndex(old);
          if (now !== old) changed = changed.replace(new RegExp(`(\\s${key}\\s*=\\s*["'])\\d+(["'])`), `$1${now}$2`);
        }
        if (changed !== tag) wbEdits.push({ at: start, remove: end - start, text: changed });
      }
    } else if (kind === 'close') {
      if (name === 'sheets') {
        sheetsClose = start;
        afterSheets = end;
      } else if ((name === 'functionGroups' || name === 'externalReferences') && afterSheets >= 0) afterSheets = end;
      else if (name === 'definedNames') namesClose = start;
      else if (name === 'definedName') finishName(end);
    }
  });
  function finishName(end: number) {
    const a = attributes(nameTag);
    if (a.localSheetId === undefined) return;
    const old = Number(a.localSheetId);
    if (removedIndexes.has(old) || replacedIndexes.has(old)) {
      wbEdits.push({ at: nameStart, remove: end - nameStart, text: '' });
      return;
    }
    const now = finalIndex(old);
    if (now !== old) {
      wbEdits.push({ at: nameStart, remove: nameTag.length, text: nameTag.replace(/(\slocalSheetId\s*=\s*["'])\d+(["'])/, `$1${now}$2`) });
    }
  }
  const sheetEls = newSheets.map((s, k) => {
    const rid = relPrefix ? `${relPrefix}:id="${s.rid}"` : `xmlns:r="${REL_NS}" r:id="${s.rid}"`;
    return `<${p}sheet name="${escapeAttr(s.name)}" sheetId="${maxSheetId + 1 + k}" ${rid}/>`;
  });
  if (sheetEls.length) {
    if (sheetsClose >= 0) wbEdits.push({ at: sheetsClose, remove: 0, text: sheetEls.join('') });
    else if (sheetsEmpty) {
      const se = sheetsEmpty as { start: number; end: number };
      wbEdits.push({ at: se.start, remove: se.end - se.start, text: `<${p}sheets>${sheetEls.join('')}</${p}sheets>` });
    }
  }
  const nameEls = namesAdd.map((n) => `<${p}definedName name="${n.name}" localSheetId="${indexOfName(n.sheet)}"${n.name === OUTPUT_MARKER ? ' hidden="1"' : ''}>${escapeXml(n.value)}</${p}definedName>`).join('');
  if (nameEls) {
    if (namesClose >= 0) wbEdits.push({ at: namesClose, remove: 0, text: nameEls });
    else if (namesEmpty) {
      const ne = namesEmpty as { start: number; end: number };
      wbEdits.push({ at: ne.start, remove: ne.end - ne.start, text: `<${p}definedNames>${nameEls}</${p}definedNames>` });
    } else wbEdits.push({ at: afterSheets, remove: 0, text: `<${p}definedNames>${nameEls}</${p}definedNames>` });
  }
  if (wbEdits.length) {
    const xml = applyEdits(wbXml, wbEdits);
    edits.replace(info.workbookPart, () => [xml]);
  }

  // workbook.xml.rels
  if (wbRelsAdd.length || removedRids.size) {
    const relsPart = relsPathOf(info.workbookPart);
    const entry = zip.get(relsPart);
    let text = entry ? zip.text(entry) : null;
    if (text && removedRids.size) {
      text = text.replace(/<(?:[\w.-]+:)?Relationship\s[^>]*?\/>/g, (el) => (removedRids.has(attributes(el).Id) ? '' : el));
    }
    const out = addRels(text, wbRelsAdd);
    if (entry) edits.replace(relsPart, () => [out]);
    else edits.add(relsPart, () => [out]);
  }

  // [Content_Types].xml
  const ctEntry = zip.get('[Content_Types].xml');
  if (!ctEntry) throw new PackageError('noWorkbook');
  if (edits.overridesAdd.length || edits.overridesRemove.size || edits.defaults.size) {
    let ct = zip.text(ctEntry);
    const cp = rootPrefix(ct, 'Types');
    if (edits.overridesRemove.size) {
      ct = ct.replace(/<(?:[\w.-]+:)?Override\s[^>]*?\/>/g, (el) => (edits.overridesRemove.has((attributes(el).PartName ?? '').replace(/^\//, '').toLowerCase()) ? '' : el));
    }
    const defaults = [...edits.defaults].filter(([ext]) => !new RegExp(`Extension\\s*=\\s*["']${ext}["']`, 'i').test(ct));
    const add = defaults.map(([ext, type]) => `<${cp}Default Extension="${ext}" ContentType="${type}"/>`).join('') +
      edits.overridesAdd.map((o) => `<${cp}Override PartName="/${escapeAttr(o.part)}" ContentType="${o.type}"/>`).join('');
    ct = ct.replace(/<\/([\w.-]+:)?Types>\s*$/, (m) => add + m);
    edits.replace('[Content_Types].xml', () => [ct]);
  }

  const writer = new ZipWriter(fd);
  for (const entry of zip.entries) {
    const key = entry.name.toLowerCase();
    if (edits.removed.has(key)) continue;
    const content = edits.replaced.get(key);
    if (content) await writer.add(entry.name, content());
    else writer.copy(zip, entry);
  }
  for (const a of edits.added) await writer.add(a.name, a.content());
  writer.finish();
}

