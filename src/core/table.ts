/**
 * Finding sheets and columns the way people name them: Italian or English, any case, extra spaces.
 */
import type { CellValue, Lang, Table } from './types.js';
import { cleanText } from './cell.js';

export function normalizeHeader(v: CellValue): string {
  return cleanText(v).toLowerCase().replace(/[_\s]+/g, ' ').replace(/[.:]$/, '').trim();
}

/** 0-based column -> "A", "B", ..., "AA". */
export function columnLetter(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "F7" -> {row: 6, col: 5}. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export interface SheetNames {
  it: string;
  en: string;
  aliases: string[];
}

export const SHEETS = {
  objectives: { it: 'Obiettivi', en: 'Objectives', aliases: ['obiettivi', 'objectives', 'obiettivo'] },
  indicators: { it: 'Indicatori', en: 'Indicators', aliases: ['indicatori', 'indicators', 'kpi', 'indicatore'] },
  settings: { it: 'Impostazioni', en: 'Settings', aliases: ['impostazioni', 'settings', 'parametri'] },
  summary: { it: 'Sintesi', en: 'Summary', aliases: ['sintesi', 'summary'] },
  issues: { it: 'Segnalazioni', en: 'Issues', aliases: ['segnalazioni', 'issues'] },
  people: { it: 'Schede individuali', en: 'Individual scorecards', aliases: ['schede individuali', 'individual scorecards'] },
} satisfies Record<string, SheetNames>;

/**
 * Sheets the tools write themselves (Sintesi, Segnalazioni, the change log, review snapshots): hosts do
 * not read them as plan input.
 */
export function isOutputSheet(name: string): boolean {
  const n = normalizeHeader(name);
  return [...SHEETS.summary.aliases, ...SHEETS.issues.aliases, ...SHEETS.people.aliases, 'registro', 'audit log'].includes(n) || /^revisione \d{4}-\d\d-\d\d/.test(n);
}

export function findSheet(sheets: Record<string, Table>, names: SheetNames): { name: string; table: Table } | null {
  for (const name of Object.keys(sheets)) {
    if (names.aliases.includes(normalizeHeader(name))) return { name, table: sheets[name] };
  }
  return null;
}

export interface ColumnSpec {
  it: string;
  en: string;
  aliases: string[];
}

/** Which language a header row is written in: English when more known English headers than Italian ones. */
export function headerLanguage(headers: CellValue[], specs: Record<string, ColumnSpec>): Lang {
  let it = 0;
  let en = 0;
  for (const h of headers) {
    const n = normalizeHeader(h);
    for (const spec of Object.values(specs)) {
      if (n === spec.it.toLowerCase()) it++;
      else if (n === spec.en.toLowerCase()) en++;
    }
  }
  return en > it ? 'en' : 'it';
}

export function findColumn(headers: CellValue[], spec: ColumnSpec): number {
  for (let c = 0; c < headers.length; c++) {
    if (spec.aliases.includes(normalizeHeader(headers[c]))) return c;
  }
  return -1;
}

/** Columns such as "Target 2025", "Target anno 2025", "Consuntivo 2025" -> year -> column. */
export function findYearColumns(headers: CellValue[], spec: ColumnSpec): Map<number, number> {
  const found = new Map<number, number>();
  for (let c = 0; c < headers.length; c++) {
    const n = normalizeHeader(headers[c]);
    const m = /^(.*?)\s*(?:anno\s*)?((?:19|20)\d\d)$/.exec(n);
    if (m && spec.aliases.includes(m[1].trim())) found.set(Number(m[2]), c);
  }
  return found;
}

/**
 * The header row: the first of the top rows that names the given column (a title such as "CRUSCOTTO
 * STRATEGICO" often sits above the headers). Row 0 when none does, so missing columns are reported there.
 */
export function findHeaderRow(table: Table, spec: ColumnSpec, lookahead = 20): number {
  for (let r = 0; r < Math.min(table.length, lookahead); r++) if (findColumn(table[r] ?? [], spec) >= 0) return r;
  return 0;
}

/** Width of the header row: last non-blank header + 1. */
export function headerWidth(table: Table, headerRow = 0): number {
  const header = table[headerRow] ?? [];
  for (let c = header.length - 1; c >= 0; c--) if (cleanText(header[c]) !== '') return c + 1;
  return 0;
}

export function cell(table: Table, row: number, col: number): CellValue {
  if (col < 0) return null;
  return table[row]?.[col] ?? null;
}

export function isBlankRow(row: CellValue[] | undefined): boolean {
  return !row || row.every((v) => cleanText(v) === '');
}
