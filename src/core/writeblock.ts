/**
 * One reading of a write block for every host. The core's blocks are compact (ragged rows, shared inner
 * arrays, optional grids); hosts must not each guess what a missing grid means. Normalised, every cell of
 * the rectangle says its value, number format, fill, weight and note explicitly, so a fill, a bold or a
 * note left by a previous score is always cleared, in Excel, Sheets and the xlsx file alike.
 */
import type { WriteBlock } from './types.js';

/** The number format hosts write where the plan gives none. */
export const GENERAL_FORMAT = 'General';

export type NormalValue = string | number | boolean;

/** Read-only: consecutive equal rows of a grid may be one shared array. */
export interface NormalBlock {
  /** 0-based top-left cell in the sheet. */
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** Rectangular; '' is an empty cell (a host clears it). */
  values: NormalValue[][];
  /** Rectangular; GENERAL_FORMAT where the plan gives none. */
  numberFormats: string[][];
  /** Rectangular; '#RRGGBB', or null = no fill (clear any existing one). */
  fills: (string | null)[][];
  /** Rectangular; false = normal weight (reset any existing bold). */
  bold: boolean[][];
  /** Rectangular; null = no note (delete any existing one). */
  notes: (string | null)[][];
}

/** Widest row of a grid, without spreading it into Math.max (100k+ arguments overflow the stack). */
export function gridWidth(grid: readonly (readonly unknown[])[]): number {
  let width = 0;
  // Indexed: an iterator here allocated a result per row (about 5 MB at 10k indicators).
  for (let r = 0; r < grid.length; r++) if (grid[r].length > width) width = grid[r].length;
  return width;
}

function toNormalValue(v: unknown): NormalValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    if (typeof v === 'number' && !Number.isFinite(v)) return '';
    return v;
  }
  // The core never plans a Date (it writes serials); anything else is a programming error upstream.
  throw new TypeError(`write plan value of unsupported type: ${Object.prototype.toString.call(v)}`);
}

/**
 * A grid as a rectangle. The core's grids share one inner array across many rows (formats, fills, a status
 * that is one of a few one-cell rows): a row whose source is the previous row's own array gets the previous output row too (read-only, like
 * every normalised grid), so a band of 4,096 rows holds one row per distinct source row, not 4,096 copies;
 * a source row already in normal form is not copied at all.
 */
function rectangle<T, U>(grid: readonly (readonly T[])[] | undefined, rows: number, cols: number, empty: U, map: (v: T) => U): U[][] {
  const out: U[][] = new Array(rows);
  let lastSrc: readonly T[] | undefined | null = null;
  let lastRow: U[] | null = null;
  for (let r = 0; r < rows; r++) {
    const src = grid?.[r];
    if (lastRow !== null && src === lastSrc) {
      out[r] = lastRow;
      continue;
    }
    // A source row already in normal form (full width, every cell its own normal value) is used as it is.
    let row: U[] | null = null;
    if (src === undefined || src.length !== cols) row = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const v = src?.[c];
      const m = v === undefined || v === null ? empty : map(v);
      if (row !== null) row[c] = m;
      else if ((m as unknown) !== v) {
        row = new Array(cols);
        for (let k = 0; k < c; k++) row[k] = src![k] as unknown as U;
        row[c] = m;
      }
    }
    const done = row ?? (src as unknown as U[]);
    out[r] = done;
    lastSrc = src;
    lastRow = done;
  }
  return out;
}

const asFormat = (f: string | null): string => f as string;
const asFill = (f: string | null): string | null => f;
const asBold = (b: boolean): boolean => b === true;
const asNote = (n: string | null): string | null => (n === '' ? null : n);

export function normalizeBlock(block: WriteBlock): NormalBlock {
  const rows = block.values.length;
  const cols = gridWidth(block.values);
  return {
    row: block.row,
    col: block.col,
    rows,
    cols,
    values: rectangle(block.values, rows, cols, '' as NormalValue, toNormalValue),
    numberFormats: rectangle<string | null, string>(block.numberFormats, rows, cols, GENERAL_FORMAT, asFormat),
    fills: rectangle<string | null, string | null>(block.fills, rows, cols, null, asFill),
    bold: rectangle(block.bold, rows, cols, false, asBold),
    notes: rectangle<string | null, string | null>(block.notes, rows, cols, null, asNote),
  };
}

/** Rough size of one cell in a JSON request (value, format, fill, note and punctuation). */
function cellBytes(b: NormalBlock, r: number, c: number): number {
  const v = b.values[r][c];
  const value = typeof v === 'string' ? v.length * 2 + 2 : 12;
  const note = b.notes[r][c];
  return value + b.numberFormats[r][c].length + 2 + (b.fills[r][c] ? 10 : 4) + (note ? note.length * 2 + 2 : 4) + 12;
}

/**
 * Splits a block into bands of whole rows whose estimated payload stays under `maxBytes`, for hosts that
 * limit a request's size (Excel on the web refuses requests over 5 MB). A single row larger than the
 * budget still goes alone: there is nothing smaller to send.
 */
export function splitRows(block: NormalBlock, maxBytes: number): NormalBlock[] {
  const parts: NormalBlock[] = [];
  let start = 0;
  let bytes = 0;
  const cut = (end: number) => {
    if (end > start) {
      parts.push({
        row: block.row + start,
        col: block.col,
        rows: end - start,
        cols: block.cols,
        values: block.values.slice(start, end),
        numberFormats: block.numberFormats.slice(start, end),
        fills: block.fills.slice(start, end),
        bold: block.bold.slice(start, end),
        notes: block.notes.slice(start, end),
      });
    }
    start = end;
    bytes = 0;
  };
  for (let r = 0; r < block.rows; r++) {
    let rowBytes = 0;
    for (let c = 0; c < block.cols; c++) rowBytes += cellBytes(block, r, c);
    if (bytes + rowBytes > maxBytes && r > start) cut(r);
    bytes += rowBytes;
  }
  cut(block.rows);
  return parts;
}

/** Runs of equal non-null values down a column (fills, bold), so a host sets each run with one call. */
export function runs<T>(column: readonly (T | null)[]): { from: number; length: number; value: T | null }[] {
  const out: { from: number; length: number; value: T | null }[] = [];
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    const last = out[out.length - 1];
    if (last && last.value === v) last.length++;
    else out.push({ from: i, length: 1, value: v });
  }
  return out;
}
