/**
 * The streaming reader: every sheet's name and marker, and the cells of the plan sheets only
 * (Obiettivi, Indicatori, Impostazioni and their aliases). Other sheets are never inflated. Formulas
 * give their cached value (`<v>0</v>` is 0); a formula without one is listed in `uncachedFormulas`.
 */
import { existsSync, statSync } from 'node:fs';
import { PEOPLE_SHEETS, SHEETS, columnLetter, normalizeHeader } from '../core/index.js';
import type { CellValue, PlanInput, SheetInfo, Table, WorkbookRead } from '../core/types.js';
import { FILE_MESSAGES, LIMITS, PackageError, WorkbookFileError } from './errors.js';
import { readPackage, type PackageInfo, type SheetEntry } from './package.js';
import { attributes, decodeExcelEscapes, decodeXml, rawAttr, scanAll, XmlStream, XmlTokenTooLong } from './xml.js';
import { ZipReader } from './zip.js';

// Individual performance reads two more input sheets (Assegnazioni, Comportamenti).
const PLAN_ALIASES = new Set([
  ...SHEETS.objectives.aliases, ...SHEETS.indicators.aliases, ...SHEETS.settings.aliases,
  ...PEOPLE_SHEETS.assignments.aliases, ...PEOPLE_SHEETS.behaviours.aliases,
]);

/** Whether a sheet holds plan input the reader must parse. */
export function isPlanSheet(sheet: { name: string; kind: SheetEntry['kind']; owner: SheetInfo['owner'] }): boolean {
  return sheet.kind === 'worksheet' && sheet.owner === null && PLAN_ALIASES.has(normalizeHeader(sheet.name));
}

// Built-in number formats that are dates or times (ECMA-376 18.8.30, plus the CJK ids Excel maps to dates).
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format shows a date when a date/time token remains once literals and [colour] codes are gone. */
export function isDateFormat(code: string): boolean {
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .split(';')[0];
  return /[dmyhs]/i.test(stripped) && !/^general$/i.test(stripped.trim());
}

/** For each cellXfs index, whether its number format is a date. */
export function readDateStyles(xml: string): boolean[] {
  const customDate = new Map<number, boolean>();
  const out: boolean[] = [];
  let inCellXfs = false;
  scanAll(xml, (kind, buf, start, end, name) => {
    if (kind === 'open' || kind === 'empty') {
      if (name === 'numFmt') {
        const a = attributes(buf.slice(start, end));
        customDate.set(Number(a.numFmtId), isDateFormat(a.formatCode ?? ''));
      } else if (name === 'cellXfs') inCellXfs = kind === 'open';
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes(buf.slice(start, end)).numFmtId ?? 0);
        out.push(customDate.has(id) ? customDate.get(id)! : BUILTIN_DATE_IDS.has(id));
      }
    } else if (kind === 'close' && name === 'cellXfs') inCellXfs = false;
  });
  return out;
}

/**
 * Streams a part through `stream`. A text over Excel's cell limit, or a token no producer writes, is
 * refused with one sentence naming where it is, before it can take the memory a 6 MB file expanding to
 * hundreds of MB would ask for.
 */
async function streamPart(zip: ZipReader, entry: NonNullable<ReturnType<ZipReader['get']>>, stream: XmlStream, where: { it: string; en: string }, file: string): Promise<void> {
  try {
    for await (const chunk of zip.stream(entry)) stream.push(chunk);
    stream.end();
  } catch (e) {
    if (e instanceof XmlTokenTooLong) throw new WorkbookFileError(FILE_MESSAGES.textTooLong(file, where));
    throw e;
  }
}

/** Shared strings, rich text runs joined, phonetic runs left out. */
export async function readSharedStrings(zip: ZipReader, part: string, file = 'workbook'): Promise<string[]> {
  const out: string[] = [];
  const entry = zip.get(part);
  if (!entry) return out;
  // All of them are kept in memory while the sheets are read: the same limit as one sheet.
  if (entry.size > LIMITS.sheetUncompressedBytes) throw new WorkbookFileError(FILE_MESSAGES.stringsTooLarge(file, entry.size));
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let text = '';
  const stream = new XmlStream((kind, buf, start, end, name) => {
    switch (kind) {
      case 'open':
        if (name === 't') inT = true;
        else if (name === 'si') {
          inSi = true;
          text = '';
        } else if (name === 'rPh') phonetic++;
        break;
      case 'close':
        if (name === 't') inT = false;
        else if (name === 'si') {
          out.push(own(decodeExcelEscapes(text)));
          inSi = false;
        } else if (name === 'rPh') phonetic--;
        break;
      case 'empty':
        if (name === 'si') out.push('');
        break;
      case 'text':
        if (inSi && inT && phonetic === 0) text += decodeXml(buf.slice(start, end));
        break;
      case 'cdata':
        if (inSi && inT && phonetic === 0) text += buf.slice(start, end);
        break;
    }
    // Escapes (_x000D_) can only shorten the text; a string over Excel's limit is refused as it grows.
    if (text.length > LIMITS.cellText) throw new XmlTokenTooLong();
  });
  await streamPart(zip, entry, stream, { it: 'le stringhe condivise', en: 'the shared strings' }, file);
  return out;
}

/**
 * A string the tables keep, copied out of the decoded chunk it was sliced from: V8 keeps a slice's whole
 * parent alive, so a million kept slices would hold the entire decoded part in memory.
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A date serial as the Date of its calendar day and time, in UTC (what the core reads by UTC day). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(EXCEL_EPOCH_UTC + Math.round((serial + (date1904 ? 1462 : 0)) * DAY_MS));
}

function columnIndex(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else if (code !== 36) break;
  }
  return col - 1;
}

interface SheetContext {
  file: string;
  sheet: string;
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
  /** Shared across the plan sheets for the cell guard. */
  budget: { cells: number };
}

/** Streams one worksheet's cells into a table (row 0 = sheet row 1) and lists uncached formulas. */
export async function readSheetTable(zip: ZipReader, part: string, ctx: SheetContext): Promise<{ table: Table; uncached: string[] }> {
  const entry = zip.get(part);
  const table: CellValue[][] = [];
  const uncached: string[] = [];
  if (!entry) return { table, uncached };
  if (entry.size > LIMITS.sheetUncompressedBytes) throw new WorkbookFileError(FILE_MESSAGES.sheetTooLarge(ctx.file, ctx.sheet, entry.size));
  let row = -1;
  let col = -1;
  let cellType = '';
  let cellStyle = 0;
  let hasFormula = false;
  let hasValue = false;
  let value = '';
  let inValue = false;
  let inInline = false;
  let inInlineText = false;
  let phonetic = 0;
  let inCell = false;
  let inSheetData = false;

  // Texts written in the cells themselves are kept once each: a sheet repeating one long inline text a
  // million times (a few MB compressed) would otherwise become a million copies of it. Bounded, so
  // unique texts cost no more than a lookup.
  const texts = new Map<string, string>();
  const text = (raw: string): string => {
    const decoded = decodeExcelEscapes(raw);
    const hit = texts.get(decoded);
    if (hit !== undefined) return hit;
    const kept = own(decoded);
    if (texts.size >= 65_536) texts.clear();
    texts.set(kept, kept);
    return kept;
  };

  const finishCell = () => {
    let v: CellValue = null;
    if (cellType === 'inlineStr') v = hasValue ? text(value) : null;
    else if (!hasValue) {
      if (hasFormula) uncached.push(columnLetter(col) + (row + 1));
      return;
    } else {
      switch (cellType) {
        case 's': {
          const s = ctx.strings[Number(value)];
          v = s === undefined ? null : s;
          break;
        }
        case 'str':
          v = text(value);
          break;
        case 'b':
          v = value.trim() === '1' || value.trim().toLowerCase() === 'true';
          break;
        case 'e':
          v = own(value.trim());
          break;
        case 'd': {
          const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : value + 'Z');
          v = Number.isNaN(t) ? value : new Date(t);
          break;
        }
        default: {
          const trimmed = value.trim();
          if (trimmed === '') return;
          const n = Number(trimmed);
          if (Number.isNaN(n)) v = own(trimmed);
          else v = ctx.dateStyles[cellStyle] ? serialToDate(n, ctx.date1904) : n;
        }
      }
    }
    if (v === null) return;
    if (++ctx.budget.cells > LIMITS.cells) throw new WorkbookFileError(FILE_MESSAGES.tooManyCells(ctx.file));
    if (row !== openRow) {
      seal();
      openRow = row;
    }
    let r = table[row];
    if (!r) r = table[row] = [];
    r[col] = v;
  };

  // A row grown cell by cell keeps spare capacity (16 slots for one cell); each row is copied into an
  // array of its exact length as soon as the next one starts, so a million short rows never hold it all.
  let openRow = -1;
  const seal = () => {
    const cells = openRow >= 0 ? table[openRow] : undefined;
    if (!cells) return;
    const exact: CellValue[] = new Array(cells.length);
    for (let c = 0; c < cells.length; c++) exact[c] = cells[c] === undefined ? null : cells[c];
    table[openRow] = exact;
  };

  const stream = new XmlStream((kind, buf, start, end, name) => {
    if (kind === 'text' || kind === 'cdata') {
      if (inValue || (inInlineText && phonetic === 0)) {
        value += kind === 'text' ? decodeXml(buf.slice(start, end)) : buf.slice(start, end);
        if (value.length > LIMITS.cellText) throw new XmlTokenTooLong();
      }
      return;
    }
    if (!inSheetData) {
      if (name === 'sheetData' && kind === 'open') inSheetData = true;
      return;
    }
    if (kind === 'open' || kind === 'empty') {
      switch (name) {
        case 'row': {
          const r = rawAttr(buf.slice(start, end), 'r');
          row = r !== undefined ? Number(r) - 1 : row + 1;
          col = -1;
          if (row >= LIMITS.rows) throw new WorkbookFileError(FILE_MESSAGES.tooManyRows(ctx.file, ctx.sheet));
          break;
        }
        case 'c': {
          const tag = buf.slice(start, end);
          const ref = rawAttr(tag, 'r');
          col = ref !== undefined ? columnIndex(ref) : col + 1;
          if (row < 0 && ref !== undefined && /\d/.test(ref)) row = Number(ref.replace(/^[$A-Za-z]+\$?/, '')) - 1;
          cellType = rawAttr(tag, 't') ?? 'n';
          const style = rawAttr(tag, 's');
          cellStyle = style !== undefined ? Number(style) : 0;
          hasFormula = false;
          hasValue = false;
          value = '';
          if (kind === 'open') inCell = true;
          break;
        }
        case 'v':
          if (inCell) {
            hasValue = true;
            if (kind === 'open') {
              // Fast path for the commonest element: a plain value up to its </v>, taken in one step.
              const lt = buf.indexOf('<', end);
              if (lt > 0 && buf.charCodeAt(lt + 1) === 47) {
                const gt = buf.indexOf('>', lt);
                const text = buf.slice(end, lt);
                const closeName = gt > 0 ? buf.slice(lt + 2, gt) : '';
                if ((closeName === 'v' || closeName.endsWith(':v')) && text.indexOf('&') < 0) {
                  value = text;
                  return gt + 1;
                }
              }
              inValue = true;
            }
          }
          break;
        case 'f':
          if (inCell) hasFormula = true;
          break;
        case 'is':
          if (inCell) {
            hasValue = true;
            if (kind === 'open') inInline = true;
          }
          break;
        case 't':
          if (inInline && kind === 'open') inInlineText = true;
          break;
        case 'rPh':
          if (kind === 'open') phonetic++;
          break;
      }
    } else if (kind === 'close') {
      switch (name) {
        case 'c':
          finishCell();
          inCell = false;
          break;
        case 'v':
          inValue = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 't':
          inInlineText = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'sheetData':
          inSheetData = false;
          break;
      }
    }
  });
  await streamPart(zip, entry, stream, { it: `il foglio ${ctx.sheet}`, en: `sheet ${ctx.sheet}` }, ctx.file);
  seal();
  // Rows the file leaves out read as empty, as every host gives them.
  for (let r = 0; r < table.length; r++) if (!table[r]) table[r] = [];
  return { table, uncached };
}

export interface PackageRead extends WorkbookRead {
  info: PackageInfo;
}

function describe(source: string | Uint8Array): string {
  return typeof source === 'string' ? source : 'workbook';
}

/** Opens the package and checks the size guard before anything is inflated. */
export function openPackage(source: string | Uint8Array): ZipReader {
  const file = describe(source);
  if (typeof source === 'string' && (!existsSync(source) || !statSync(source).isFile())) throw new WorkbookFileError(FILE_MESSAGES.notFound(file));
  let zip: ZipReader;
  try {
    zip = ZipReader.open(source);
  } catch {
    throw new WorkbookFileError(FILE_MESSAGES.unreadable(file));
  }
  const total = zip.totalSize();
  if (total > LIMITS.totalUncompressedBytes) {
    zip.close();
    throw new WorkbookFileError(FILE_MESSAGES.tooLarge(file, total));
  }
  return zip;
}

/** Reads a workbook file (path or bytes): the plan sheets' tables, every sheet with its marker. */
export async function readPackageFile(source: string | Uint8Array): Promise<PackageRead> {
  const file = describe(source);
  const zip = openPackage(source);
  try {
    const info = readPackage(zip);
    const dateStyles = info.stylesPart ? readDateStyles(zip.text(zip.get(info.stylesPart)!)) : [];
    const plan = info.sheets.filter(isPlanSheet);
    const strings = plan.length && info.sharedStringsPart ? await readSharedStrings(zip, info.sharedStringsPart, file) : [];
    const input: PlanInput = { sheets: {} };
    const budget = { cells: 0 };
    for (const sheet of plan) {
      const { table, uncached } = await readSheetTable(zip, sheet.part, { file, sheet: sheet.name, strings, dateStyles, date1904: info.date1904, budget });
      input.sheets[sheet.name] = table;
      if (uncached.length) (input.uncachedFormulas ??= {})[sheet.name] = uncached;
    }
    return { input, sheets: info.sheets.map((s) => ({ name: s.name, owner: s.owner })), info };
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    if (e instanceof PackageError || e instanceof SyntaxError || e instanceof RangeError) throw new WorkbookFileError(FILE_MESSAGES.unreadable(file));
    throw e;
  } finally {
    zip.close();
  }
}

/** The CLI's reader: tables and sheets of an xlsx/xlsm file. */
export async function readWorkbookFile(source: string | Uint8Array): Promise<WorkbookRead> {
  const { input, sheets } = await readPackageFile(source);
  return { input, sheets };
}
