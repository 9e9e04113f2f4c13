/**
 * The write plan's blocks as SpreadsheetML cells, one sheet row at a time. Blocks are normalised in
 * bands of rows (normalizeBlock on a slice), so a million-row output column never exists as millions
 * of normalised one-cell arrays at once.
 */
import { a1, columnLetter } from '../core/table.js';
import { GENERAL_FORMAT, gridWidth, normalizeBlock, type NormalBlock, type NormalValue } from '../core/writeblock.js';
import type { SheetWrite, WriteBlock } from '../core/types.js';
import type { StyleBook } from './styles.js';
import { escapeXml } from './xml.js';

const BAND = 4096;

class BandedBlock {
  readonly rows: number;
  readonly cols: number;
  private band: NormalBlock | null = null;
  private bandFrom = -1;

  constructor(readonly block: WriteBlock) {
    this.rows = block.values.length;
    this.cols = gridWidth(block.values);
  }

  get firstRow(): number {
    return this.block.row;
  }

  get lastRow(): number {
    return this.block.row + this.rows - 1;
  }

  /** The normalised band holding sheet row `row`, and the row's index in it. */
  at(row: number): { band: NormalBlock; i: number } {
    const i = row - this.block.row;
    if (!this.band || i < this.bandFrom || i >= this.bandFrom + this.band.rows) {
      const from = i - (i % BAND);
      const to = Math.min(from + BAND, this.rows);
      const b = this.block;
      this.band = normalizeBlock({
        row: b.row + from,
        col: b.col,
        values: b.values.slice(from, to),
        numberFormats: b.numberFormats?.slice(from, to),
        fills: b.fills?.slice(from, to),
        bold: b.bold?.slice(from, to),
        notes: b.notes?.slice(from, to),
      });
      this.bandFrom = from;
    }
    return { band: this.band, i: i - this.bandFrom };
  }
}

function numberText(n: number): string {
  return String(n);
}

/** One output cell; null when it is empty with the default style (the cell is simply left out). */
export function cellXml(p: string, ref: string, value: NormalValue, style: number): string | null {
  const tail = cellTail(p, value, style);
  return tail === null ? null : `<${p}c r="${ref}"${tail}`;
}

/** A cell's text after its address: the same for every cell of equal value and style. */
function cellTail(p: string, value: NormalValue, style: number): string | null {
  const s = style ? ` s="${style}"` : '';
  if (value === '') return style ? `${s}/>` : null;
  if (typeof value === 'number') return `${s}><${p}v>${numberText(value)}</${p}v></${p}c>`;
  if (typeof value === 'boolean') return `${s} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  return `${s} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeXml(value)}</${p}t></${p}is></${p}c>`;
}

// Output columns repeat a few values (statuses, ratings, 0 and 1): their cell text is built once.
const TAIL_CACHE_LIMIT = 4096;

export interface Rect {
  row0: number;
  row1: number;
  col0: number;
  col1: number;
}

export interface RowCells {
  /** Output cells in column order; xml null = the cell is cleared. */
  cells: { col: number; xml: string | null }[];
}

/** All blocks of one sheet write, read row by row in ascending order. */
export class PlanCells {
  private readonly blocks: BandedBlock[];
  readonly firstRow: number;
  readonly lastRow: number;
  /** Every rectangle the plan owns: existing cells there are replaced, notes there are the plan's. */
  readonly rects: Rect[];
  /** A1 -> note text for output cells with a note. */
  readonly notes = new Map<string, string>();

  /** Leftmost output column: a row whose cells all lie left of it only gets cells appended. */
  readonly minCol: number;
  /** Blocks side by side in column order, none overlapping: a row's cells are their cells in block order. */
  private readonly ordered: boolean;

  constructor(write: SheetWrite, private readonly styles: StyleBook, private readonly prefix: string) {
    this.blocks = write.blocks.filter((b) => b.values.length > 0).map((b) => new BandedBlock(b));
    this.minCol = Math.min(...this.blocks.map((b) => b.block.col).concat([Infinity]));
    this.ordered = this.blocks.every((b, i) => i === 0 || this.blocks[i - 1].block.col + this.blocks[i - 1].cols <= b.block.col);
    this.firstRow = Math.min(...this.blocks.map((b) => b.firstRow).concat([Infinity]));
    this.lastRow = Math.max(...this.blocks.map((b) => b.lastRow).concat([-1]));
    this.rects = this.blocks.filter((b) => b.cols > 0).map((b) => ({ row0: b.firstRow, row1: b.lastRow, col0: b.block.col, col1: b.block.col + b.cols - 1 }));
    this.prepare();
  }

  /**
   * One pass before writing: every style the sheet needs is registered and every note collected, so
   * styles.xml and the notes parts can be written before or after the sheet. It reads the grids as
   * normalizeBlock does (a missing format is General, a missing fill none, bold only when true, an
   * empty note none) without building them: rows share their inner arrays, so a row like the previous
   * one is skipped. The write pass itself goes through normalizeBlock, and the style book refuses a
   * style this pass did not see.
   */
  private prepare(): void {
    this.styles.unseal();
    for (const { block } of this.blocks) {
      const cols = gridWidth(block.values);
      let lastFormats: unknown = null;
      let lastFills: unknown = null;
      let lastBold: unknown = null;
      for (let r = 0; r < block.values.length; r++) {
        const formats = block.numberFormats?.[r];
        const fills = block.fills?.[r];
        const bold = block.bold?.[r];
        if (r === 0 || formats !== lastFormats || fills !== lastFills || bold !== lastBold) {
          for (let c = 0; c < cols; c++) this.styles.style(formats?.[c] ?? GENERAL_FORMAT, fills?.[c] ?? null, bold?.[c] === true);
          lastFormats = formats;
          lastFills = fills;
          lastBold = bold;
        }
        const notes = block.notes?.[r];
        if (notes) {
          for (let c = 0; c < notes.length; c++) {
            const note = notes[c];
            if (note !== null && note !== undefined && note !== '') this.notes.set(a1(block.row + r, block.col + c), note);
          }
        }
      }
    }
    this.styles.seal();
  }

  private readonly letterCache: string[] = [];
  private readonly tails = new Map<NormalValue, (string | null)[]>();
  private tailCount = 0;

  private tail(value: NormalValue, style: number): string | null {
    let byStyle = this.tails.get(value);
    if (byStyle === undefined) {
      if (this.tailCount >= TAIL_CACHE_LIMIT) return cellTail(this.prefix, value, style);
      this.tails.set(value, (byStyle = []));
    }
    let tail = byStyle[style];
    if (tail === undefined) {
      tail = byStyle[style] = cellTail(this.prefix, value, style);
      this.tailCount++;
    }
    return tail;
  }

  private cell(col: number, row: number, value: NormalValue, style: number): string | null {
    const tail = this.tail(value, style);
    return tail === null ? null : `<${this.prefix}c r="${this.letters(col)}${row + 1}"${tail}`;
  }

  private letters(col: number): string {
    return (this.letterCache[col] ??= columnLetter(col));
  }

  covers(row: number): boolean {
    for (const b of this.blocks) if (row >= b.firstRow && row <= b.lastRow) return true;
    return false;
  }

  /**
   * The output cells of a row as one string, in column order ('' when the row only clears cells, null
   * when no block covers it): what the patcher appends to a row whose cells lie left of the outputs.
   */
  rowXml(row: number): string | null {
    if (!this.ordered) {
      const rc = this.row(row);
      return rc ? rc.cells.map((c) => c.xml ?? '').join('') : null;
    }
    let xml: string | null = null;
    for (const b of this.blocks) {
      if (row < b.firstRow || row > b.lastRow) continue;
      const { band, i } = b.at(row);
      xml ??= '';
      for (let c = 0; c < band.cols; c++) {
        const col = b.block.col + c;
        const style = this.styles.style(band.numberFormats[i][c], band.fills[i][c], band.bold[i][c]);
        const cell = this.cell(col, row, band.values[i][c], style);
        if (cell) xml += cell;
      }
    }
    return xml;
  }

  /** Output cells of sheet row `row` (0-based), later blocks winning over earlier ones on a column. */
  row(row: number): RowCells | null {
    let cells: { col: number; xml: string | null }[] | null = null;
    let sorted = true;
    for (const b of this.blocks) {
      if (row < b.firstRow || row > b.lastRow) continue;
      const { band, i } = b.at(row);
      cells ??= [];
      for (let c = 0; c < b.cols; c++) {
        const col = b.block.col + c;
        if (cells.length && cells[cells.length - 1].col >= col) sorted = false;
        if (c >= band.cols) {
          cells.push({ col, xml: null });
          continue;
        }
        const style = this.styles.style(band.numberFormats[i][c], band.fills[i][c], band.bold[i][c]);
        cells.push({ col, xml: this.cell(col, row, band.values[i][c], style) });
      }
    }
    if (!cells) return null;
    if (!sorted) {
      // Blocks overlap or come out of column order: the last block's cell for a column wins.
      const byCol = new Map<number, string | null>();
      for (const cell of cells) byCol.set(cell.col, cell.xml);
      cells = [...byCol.entries()].sort((x, y) => x[0] - y[0]).map(([col, xml]) => ({ col, xml }));
    }
    return { cells };
  }
}
