/**
 * Worksheet XML, written two ways. A scored input sheet streams through `patchSheet`: every element is
 * copied as written except the cells of the output columns, the dimension, and the widths of the output
 * columns (plus a frozen pane only where the sheet has none). The tool's own sheets are written whole by
 * `newSheet`.
 */
import type { SheetWrite } from '../core/types.js';
import { columnLetter, parseA1 } from '../core/table.js';
import { PlanCells, type RowCells } from './cells.js';
import { attributes, escapeAttr, escapeXml, rawAttr, scanXml, type TokenHandler } from './xml.js';
import type { ZipReader, ZipEntry } from './zip.js';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Elements that follow <legacyDrawing> in CT_Worksheet, where a new one must go before. */
const AFTER_LEGACY_DRAWING = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);
/** Elements that follow <dataValidations> in CT_Worksheet. */
const AFTER_DATA_VALIDATIONS = new Set([
  'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst',
]);
/** What may follow a cell's element name in its tag. */
const CELL_NAME_ENDS = [' ', '>', '/', '\t', '\n', '\r'];
/** Elements that follow <sheetViews> / <cols>. */
const AFTER_SHEET_VIEWS = new Set(['sheetFormatPr', 'cols', 'sheetData']);

export interface PatchOptions {
  /** r:id of a new <legacyDrawing> to add (the sheet had none and now has notes). */
  legacyDrawingRid?: string;
}

function colRef(ref: string | undefined, fallback: number): number {
  if (!ref) return fallback;
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32;
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (ref.charCodeAt(i) !== 36) break;
  }
  return col - 1;
}

function paneXml(p: string, rows: number): string {
  return `<${p}pane ySplit="${rows}" topLeftCell="A${rows + 1}" activePane="bottomLeft" state="frozen"/>`;
}

interface ColSpec {
  min: number;
  max: number;
  attrs: Record<string, string>;
}

function colXml(p: string, c: ColSpec): string {
  const rest = Object.entries(c.attrs).filter(([k]) => k !== 'min' && k !== 'max').map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  return `<${p}col min="${c.min}" max="${c.max}"${rest}/>`;
}

/** The user's <col> ranges with the output columns cut out, and the output columns with their widths. */
function mergeCols(p: string, existing: ColSpec[], widths: { col: number; width: number }[]): string {
  const own = new Map(widths.map((w) => [w.col + 1, w.width]));
  const out: ColSpec[] = [];
  for (const c of existing) {
    let start = c.min;
    for (let k = c.min; k <= c.max + 1; k++) {
      if (k > c.max || own.has(k)) {
        if (k > start) out.push({ min: start, max: k - 1, attrs: c.attrs });
        start = k + 1;
      }
    }
  }
  for (const [col, width] of own) out.push({ min: col, max: col, attrs: { width: String(width), customWidth: '1' } });
  out.sort((a, b) => a.min - b.min);
  return `<${p}cols>${out.map((c) => colXml(p, c)).join('')}</${p}cols>`;
}

/** The sheet's dimension widened to the plan's rectangles. */
function unionRef(ref: string | undefined, cells: PlanCells): string | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  const take = (row: number, col: number) => {
    r0 = Math.min(r0, row);
    c0 = Math.min(c0, col);
    r1 = Math.max(r1, row);
    c1 = Math.max(c1, col);
  };
  for (const part of (ref ?? '').split(':')) {
    const a = parseA1(part);
    if (a) take(a.row, a.col);
  }
  for (const rect of cells.rects) {
    take(rect.row0, rect.col0);
    take(rect.row1, rect.col1);
  }
  if (r1 < 0) return null;
  const start = `${columnLetter(c0)}${r0 + 1}`;
  const end = `${columnLetter(c1)}${r1 + 1}`;
  return start === end ? start : `${start}:${end}`;
}

/**
 * A scored input sheet, streamed: the input's XML with the output cells put in place. Unchanged runs of
 * the input are copied as spans of the decoded text, never token by token.
 */
export async function* patchSheet(zip: ZipReader, entry: ZipEntry, write: SheetWrite, cells: PlanCells, prefix: string, options: PatchOptions): AsyncGenerator<string> {
  const p = prefix;
  let out: string[] = [];
  let cur = '';
  let copyFrom = 0;
  let depth = 0;
  let inSheetData = false;
  let sawSheetViews = false;
  let sawCols = false;
  let sawLegacyDrawing = false;
  // Drop-down lists the plan asks for on this sheet: added to the user's own <dataValidations>, or in one
  // of their own where CT_Worksheet puts it.
  const validations = validationItems(prefix, write);
  let validationsDone = validations.length === 0;
  let validationsAtClose = false;
  let checkPane = false;
  let sawSheetView = false;
  let colsCapture: ColSpec[] | null = null;
  const frozen = write.frozenRows ?? 0;
  const widths = write.columnWidths ?? [];

  /** Copies the input up to `at`. */
  const cut = (at: number) => {
    if (at > copyFrom) out.push(cur.slice(copyFrom, at));
    copyFrom = Math.max(copyFrom, at);
  };
  const replace = (start: number, end: number, text: string) => {
    cut(start);
    if (text) out.push(text);
    copyFrom = end;
  };
  const insertBefore = (start: number, text: string) => {
    cut(start);
    out.push(text);
  };

  // Row state inside <sheetData>.
  let nextPlanRow = cells.firstRow;
  let rowIndex = -1;
  let copyRow = true;
  let rowCells: RowCells | null = null;
  let pending = 0;
  let cellCol = -1;
  let skipCell = false;
  let ownedCols: Set<number> | null = null;

  const pendingBefore = (beforeCol: number): string => {
    if (!rowCells) return '';
    const list = rowCells.cells;
    let xml = '';
    while (pending < list.length && list[pending].col < beforeCol) xml += list[pending++].xml ?? '';
    return xml;
  };
  /** New rows for plan rows the sheet does not have, up to (not including) `row`. */
  const planRowsBefore = (row: number): string => {
    const parts: string[] = [];
    for (; nextPlanRow < row && nextPlanRow <= cells.lastRow; nextPlanRow++) {
      const xml = cells.rowXml(nextPlanRow);
      if (xml) parts.push(`<${p}row r="${nextPlanRow + 1}">${xml}</${p}row>`);
    }
    return parts.join('');
  };
  const beforeTopLevel = (name: string, start: number) => {
    if (!validationsDone && (AFTER_DATA_VALIDATIONS.has(name) || name === 'worksheet')) {
      validationsDone = true;
      insertBefore(start, `<${p}dataValidations count="${validations.length}">${validations.join('')}</${p}dataValidations>`);
    }
    if (!sawSheetViews && frozen > 0 && AFTER_SHEET_VIEWS.has(name)) {
      sawSheetViews = true;
      insertBefore(start, `<${p}sheetViews><${p}sheetView workbookViewId="0">${paneXml(p, frozen)}</${p}sheetView></${p}sheetViews>`);
    }
    if (!sawCols && widths.length && name === 'sheetData') {
      sawCols = true;
      insertBefore(start, mergeCols(p, [], widths));
    }
    if (options.legacyDrawingRid && !sawLegacyDrawing && (AFTER_LEGACY_DRAWING.has(name) || name === 'worksheet')) {
      sawLegacyDrawing = true;
      // The r prefix is declared here: the sheet's root may not declare it.
      insertBefore(start, `<${p}legacyDrawing xmlns:r="${REL_NS}" r:id="${options.legacyDrawingRid}"/>`);
    }
  };

  const handleSheetData = (kind: 'open' | 'close' | 'empty', buf: string, start: number, end: number, name: string): number | undefined => {
    if (kind === 'close' && name === 'sheetData') {
      inSheetData = false;
      depth--;
      const rows = planRowsBefore(Infinity);
      if (rows) insertBefore(start, rows);
      return;
    }
    if (name === 'row' && kind !== 'close') {
      const text = buf.slice(start, end);
      const r = rawAttr(text, 'r');
      rowIndex = r !== undefined ? Number(r) - 1 : rowIndex + 1;
      cellCol = -1;
      const rows = planRowsBefore(rowIndex);
      if (rows) insertBefore(start, rows);
      if (nextPlanRow === rowIndex) nextPlanRow++;
      pending = 0;
      rowCells = null;
      const close = kind === 'open' ? buf.indexOf(`</${p}row>`, end) : -1;
      if (!cells.covers(rowIndex)) {
        // A row the plan does not touch is copied whole, without reading its cells.
        copyRow = true;
        return close >= 0 ? close : undefined;
      }
      if (close >= 0) {
        // Fast path: every cell of the row lies left of the output columns (the usual case, outputs go
        // right of the table), so the row's cells are copied whole and the outputs go before </row>.
        // Searched within the row only: lastIndexOf on the whole chunk would go back to its start.
        // Inside a row only cells start with "<c" (their children are v, f, is, t, r, rPh).
        const content = buf.slice(end, close);
        const lastCell = content.lastIndexOf(`<${p}c`);
        let lastCol = -1;
        if (lastCell >= 0 && !CELL_NAME_ENDS.includes(content[lastCell + p.length + 2])) lastCol = Infinity;
        else if (lastCell >= 0) {
          const tagEnd = content.indexOf('>', lastCell);
          const ref = rawAttr(content.slice(lastCell, tagEnd + 1), 'r');
          lastCol = ref === undefined ? Infinity : colRef(ref, Infinity);
        }
        if (lastCol < cells.minCol) {
          let open = text.replace(/\sspans\s*=\s*["'][^"']*["']/, '');
          if (r === undefined) open = open.replace(/^<([\w.:-]+)/, `<$1 r="${rowIndex + 1}"`);
          if (open !== text) replace(start, end, open);
          const xml = cells.rowXml(rowIndex);
          if (xml) insertBefore(close, xml);
          copyRow = true;
          return close;
        }
      }
      rowCells = cells.row(rowIndex);
      copyRow = false;
      ownedCols = new Set(rowCells!.cells.map((c) => c.col));
      // spans is only a hint for the reader, and now wrong: left out rather than guessed.
      let open = text.replace(/\sspans\s*=\s*["'][^"']*["']/, '');
      if (r === undefined) open = open.replace(/^<([\w.:-]+)/, `<$1 r="${rowIndex + 1}"`);
      if (kind === 'empty') {
        replace(start, end, open.replace(/\s*\/>$/, '>') + pendingBefore(Infinity) + `</${p}row>`);
        rowCells = null;
        copyRow = true;
        return;
      }
      if (open !== text) replace(start, end, open);
      return;
    }
    if (name === 'row' && kind === 'close') {
      if (!copyRow) {
        const rest = pendingBefore(Infinity);
        if (rest) insertBefore(start, rest);
      }
      rowCells = null;
      copyRow = true;
      return;
    }
    if (copyRow) return;
    if (name === 'c' && kind !== 'close') {
      const text = buf.slice(start, end);
      const ref = rawAttr(text, 'r');
      cellCol = colRef(ref, cellCol + 1);
      if (ownedCols!.has(cellCol)) {
        // An input cell where the plan writes: replaced by the plan's cell.
        skipCell = kind === 'open';
        replace(start, end, '');
        return;
      }
      const before = pendingBefore(cellCol);
      // A cell without r is placed by its predecessors: it gets its address, since cells now move in.
      if (ref === undefined) replace(start, end, before + text.replace(/^<([\w.:-]+)/, `<$1 r="${columnLetter(cellCol)}${rowIndex + 1}"`));
      else if (before) insertBefore(start, before);
      return;
    }
    if (skipCell) {
      replace(start, end, '');
      if (kind === 'close' && name === 'c') skipCell = false;
    }
  };

  const handler: TokenHandler = (kind, buf, start, end, name) => {
    if (kind === 'text' || kind === 'cdata' || kind === 'other') {
      if (colsCapture || (inSheetData && skipCell)) {
        // cdata offsets exclude the markers; the whole token goes.
        replace(kind === 'cdata' ? start - 9 : start, kind === 'cdata' ? end + 3 : end, '');
      }
      return;
    }
    if (inSheetData) {
      return handleSheetData(kind, buf, start, end, name);
    }
    if (checkPane) {
      checkPane = false;
      if ((kind === 'close' || name !== 'pane') && frozen > 0) insertBefore(start, paneXml(p, frozen));
    }
    if (kind === 'open' || kind === 'empty') {
      if (colsCapture) {
        if (name === 'col') {
          const a = attributes(buf.slice(start, end));
          colsCapture.push({ min: Number(a.min), max: Number(a.max), attrs: a });
        }
        replace(start, end, '');
        return;
      }
      if (depth === 1) beforeTopLevel(name, start);
      if (depth === 1 && name === 'dimension') {
        const text = buf.slice(start, end);
        const ref = unionRef(attributes(text).ref, cells);
        if (ref) replace(start, end, text.replace(/(\sref\s*=\s*["'])[^"']*(["'])/, `$1${ref}$2`));
        return;
      }
      if (depth === 1 && name === 'sheetViews') sawSheetViews = true;
      if (depth === 2 && name === 'sheetView' && !sawSheetView) {
        sawSheetView = true;
        if (kind === 'empty' && frozen > 0) {
          const text = buf.slice(start, end);
          const close = `</${/^<([\w.-]+:)?/.exec(text)?.[1] ?? ''}sheetView>`;
          replace(start, end, text.replace(/\s*\/>$/, '>') + paneXml(p, frozen) + close);
          return;
        }
        if (kind === 'open') checkPane = true;
      }
      if (depth === 1 && name === 'cols') {
        sawCols = true;
        if (kind === 'empty') {
          if (widths.length) replace(start, end, mergeCols(p, [], widths));
          return;
        }
        if (widths.length) {
          colsCapture = [];
          replace(start, end, '');
          depth++;
          return;
        }
      }
      if (depth === 1 && name === 'legacyDrawing') sawLegacyDrawing = true;
      if (depth === 1 && name === 'dataValidations' && !validationsDone) {
        validationsDone = true;
        const text = buf.slice(start, end);
        const count = Number(attributes(text).count ?? 0) + validations.length;
        const open = /\scount\s*=/.test(text) ? text.replace(/(\scount\s*=\s*["'])\d*(["'])/, `$1${count}$2`) : text.replace(/(\s*\/?>)$/, ` count="${count}"$1`);
        if (kind === 'empty') {
          replace(start, end, `${open.replace(/\s*\/>$/, '>')}${validations.join('')}</${p}dataValidations>`);
          return;
        }
        replace(start, end, open);
        validationsAtClose = true;
      }
      if (depth === 1 && name === 'sheetData') {
        if (kind === 'empty') {
          replace(start, end, buf.slice(start, end).replace(/\s*\/>$/, '>') + planRowsBefore(Infinity) + `</${p}sheetData>`);
          return;
        }
        inSheetData = true;
      }
      if (kind === 'open') depth++;
      return;
    }
    // close
    if (colsCapture) {
      if (name === 'cols') {
        depth--;
        replace(start, end, mergeCols(p, colsCapture, widths));
        colsCapture = null;
      } else replace(start, end, '');
      return;
    }
    depth--;
    if (depth === 1 && name === 'dataValidations' && validationsAtClose) {
      validationsAtClose = false;
      insertBefore(start, validations.join(''));
    }
    if (depth === 0 && name === 'worksheet') beforeTopLevel('worksheet', start);
  };

  const decoder = new TextDecoder('utf-8');
  let carry = '';
  for await (const chunk of zip.stream(entry)) {
    cur = carry + decoder.decode(chunk, { stream: true });
    copyFrom = 0;
    const stop = scanXml(cur, 0, false, handler);
    cut(stop);
    carry = cur.slice(stop);
    if (out.length) {
      yield out.join('');
      out = [];
    }
  }
  cur = carry + decoder.decode();
  copyFrom = 0;
  scanXml(cur, 0, true, handler);
  cut(cur.length);
  if (out.length) yield out.join('');
}

/** The plan's drop-down lists as <dataValidation> elements. */
function validationItems(p: string, write: SheetWrite): string[] {
  return (write.validations ?? []).map((v) => {
    const sqref = `${columnLetter(v.col)}${v.fromRow + 1}:${columnLetter(v.col)}${v.toRow + 1}`;
    const list = `"${v.list.map((x) => x.replace(/"/g, '""')).join(',')}"`;
    return `<${p}dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${sqref}"><${p}formula1>${escapeXml(list)}</${p}formula1></${p}dataValidation>`;
  });
}

/** A whole new worksheet for the tool's own sheets (Sintesi, Segnalazioni). */
export function* newSheet(write: SheetWrite, cells: PlanCells, legacyDrawingRid: string | null): Generator<string> {
  const fit = write.pageSetup?.fitToWidth;
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`;
  if (fit) yield '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  const ref = unionRef(undefined, cells);
  if (ref) yield `<dimension ref="${ref}"/>`;
  yield `<sheetViews><sheetView workbookViewId="0">${write.frozenRows ? paneXml('', write.frozenRows) : ''}</sheetView></sheetViews>`;
  yield '<sheetFormatPr defaultRowHeight="15"/>';
  if (write.columnWidths?.length) yield mergeCols('', [], write.columnWidths);
  yield '<sheetData>';
  let batch: string[] = [];
  for (let r = cells.firstRow; r <= cells.lastRow; r++) {
    const rc = cells.row(r);
    if (!rc) continue;
    const xml = rc.cells.map((c) => c.xml ?? '').join('');
    if (xml) batch.push(`<row r="${r + 1}">${xml}</row>`);
    if (batch.length >= 1000) {
      yield batch.join('');
      batch = [];
    }
  }
  yield batch.join('') + '</sheetData>';
  const validations = validationItems('', write);
  if (validations.length) yield `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`;
  yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (write.pageSetup) {
    const ps = write.pageSetup;
    yield `<pageSetup paperSize="9"${ps.landscape ? ' orientation="landscape"' : ''}${fit ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
  }
  if (legacyDrawingRid) yield `<legacyDrawing r:id="${legacyDrawingRid}"/>`;
  yield '</worksheet>';
}
