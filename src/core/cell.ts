/**
 * Reading one cell as a person reads it. Text pasted from a PDF ("29,52%", "1.600", "-21,43",
 * "30.04.2025", "si") must give the same value as a real number, date or percent-formatted cell.
 */
import type { CellValue } from './types.js';
import { cmp, fromDecimalString, fromNumber, ONE, percent as percentPoints, type Rational } from './decimal.js';

export interface NumberReading {
  value: Rational;
  percent: boolean;
  /** Text after the number ("N.", "gg", "/10.000 imprese attive"), trimmed; "" when none. */
  unit: string;
}

/** Excel's day zero: serial 1 is 1900-01-01 and the 1900 leap-year bug is absorbed by starting at 1899-12-30. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

const NEEDS_CLEANING = /[\u00a0\u202f\u2007\t\n\r]|\s\s|^\s|\s$/;

/** Cell text with non-breaking spaces and runs of white space folded, as PDFs paste them. */
export function cleanText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return isoDate(dateToSerial(v));
  const s = typeof v === 'string' ? v : String(v);
  // Most cells are already clean: one test is much cheaper than two replaces and a trim.
  if (!NEEDS_CLEANING.test(s)) return s;
  return s.replace(/[\u00a0\u202f\u2007]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Number shapes, most specific first; each must end where no digit or separator-plus-digit follows,
 * so "1.45" is not read as "1" followed by ".45".
 */
const NUMBER_SHAPES: { re: RegExp; canonical: (body: string) => string }[] = [
  { re: /^\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d]|[.,]\d)/, canonical: (b) => b.replace(/\./g, '').replace(',', '.') },
  { re: /^\d{1,3}(?:,\d{3})+\.\d+(?![\d]|[.,]\d)/, canonical: (b) => b.replace(/,/g, '') },
  { re: /^\d*,\d+(?![\d]|[.,]\d)/, canonical: (b) => b.replace(',', '.') },
  { re: /^\d*\.\d+(?![\d]|[.,]\d)/, canonical: (b) => b },
  { re: /^\d+(?![\d]|[.,]\d)/, canonical: (b) => b },
];

/**
 * Italian-first number parsing. "1.600" is 1600 (thousands dot), "0,92" is 0.92, "1.234,5" is 1234.5;
 * a dot followed by other than groups of three digits is a decimal point ("1.45" -> 1.45) because people
 * also paste English figures. Returns null when the text does not start with a number.
 */
export function parseNumberText(text: string): NumberReading | null {
  let s = text.trim().replace(/[\u2212\u2013]/g, '-');
  let negative = false;
  const signMatch = /^([+-])\s*/.exec(s);
  if (signMatch) {
    negative = signMatch[1] === '-';
    s = s.slice(signMatch[0].length);
  }
  for (const shape of NUMBER_SHAPES) {
    const m = shape.re.exec(s);
    if (!m) continue;
    let canonical = shape.canonical(m[0]);
    if (canonical.startsWith('.')) canonical = '0' + canonical;
    let value = fromDecimalString((negative ? '-' : '') + canonical);
    let rest = s.slice(m[0].length).trim();
    let percent = false;
    if (rest.startsWith('%')) {
      percent = true;
      rest = rest.slice(1).trim();
      value = percentPoints(value);
    }
    return { value, percent, unit: rest };
  }
  return null;
}

/** A number from any cell; text must be only a number, optionally with % and a unit. */
export function readNumber(v: CellValue): NumberReading | null {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: fromNumber(v), percent: false, unit: '' } : null;
  if (typeof v === 'string') return parseNumberText(cleanText(v));
  return null;
}

/** Weight or percent cells: "14,29%", 0.1429, and "14,29" (a bare number above 1 is read as percent points). */
export function readFraction(v: CellValue): Rational | null {
  const r = readNumber(v);
  if (!r || (r.unit !== '' && !/^%?$/.test(r.unit))) return null;
  if (r.percent) return r.value;
  // A plain 14,29 in a Peso column means 14,29%: weights and scores are never above 100%.
  if (cmp(r.value, ONE) > 0) return percentPoints(r.value);
  return r.value;
}

export function dateToSerial(d: Date): number {
  const utcDay = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Math.round((utcDay - EXCEL_EPOCH_UTC) / DAY_MS);
}

export function serialFromYmd(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round((t - EXCEL_EPOCH_UTC) / DAY_MS);
}

export function isoDate(serial: number): string {
  const d = new Date(EXCEL_EPOCH_UTC + serial * DAY_MS);
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function italianDate(serial: number): string {
  const [y, m, d] = isoDate(serial).split('-');
  return `${d}/${m}/${y}`;
}

const MONTHS: Record<string, number> = {
  gennaio: 1, febbraio: 2, marzo: 3, aprile: 4, maggio: 5, giugno: 6, luglio: 7, agosto: 8,
  settembre: 9, ottobre: 10, novembre: 11, dicembre: 12,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
};

export interface DateReading {
  serial: number;
  rest: string;
}

/**
 * Dates as written in plans: 31-12-2024, 30.04.2025, 30/06/2025, 2025-06-30, "15 dicembre 2025", and
 * without a year ("31/12", "15 dicembre") when the plan's year is known.
 */
export function parseDateText(text: string, defaultYear: number | null): DateReading | null {
  const s = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (m) return withSerial(serialFromYmd(+m[1], +m[2], +m[3]), s.slice(m[0].length));
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?!\d)/.exec(s);
  if (m) {
    const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return withSerial(serialFromYmd(y, +m[2], +m[1]), s.slice(m[0].length));
  }
  m = /^(\d{1,2})\s+([a-zA-Zàèéìòù]+)(?:\s+(\d{4}))?/.exec(s);
  if (m && MONTHS[m[2].toLowerCase()]) {
    const y = m[3] ? Number(m[3]) : defaultYear;
    if (y === null) return null;
    return withSerial(serialFromYmd(y, MONTHS[m[2].toLowerCase()], +m[1]), s.slice(m[0].length));
  }
  m = /^(\d{1,2})[./](\d{1,2})(?![\d./])/.exec(s);
  if (m && defaultYear !== null) return withSerial(serialFromYmd(defaultYear, +m[2], +m[1]), s.slice(m[0].length));
  return null;
}

function withSerial(serial: number | null, rest: string): DateReading | null {
  return serial === null ? null : { serial, rest: rest.trim() };
}

/** A date from any cell: Date, Excel serial, or text. */
export function readDate(v: CellValue, defaultYear: number | null): number | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateToSerial(v);
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 && v < 2_958_466 ? v : null;
  if (typeof v === 'string') {
    const r = parseDateText(cleanText(v), defaultYear);
    return r && r.rest === '' ? r.serial : null;
  }
  return null;
}

const TRUE_WORDS = new Set(['si', 'sì', 'sí', 's', 'yes', 'y', 'true', 'vero', 'x', 'ok', 'fatto', 'realizzato']);
const FALSE_WORDS = new Set(['no', 'n', 'false', 'falso', 'non realizzato']);

export function readBoolean(v: CellValue): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
  if (typeof v === 'string') {
    const s = cleanText(v).toLowerCase().replace(/\.$/, '');
    if (TRUE_WORDS.has(s)) return true;
    if (FALSE_WORDS.has(s)) return false;
  }
  return null;
}

const NOT_DEFINED = /^(n\.?\s?d\.?|n\.?\s?a\.?|nd|na|-+|—|–|\/|non definit[oa]|non applicabile|not defined|n\/a)$/i;

export function isNotDefined(v: CellValue): boolean {
  return typeof v === 'string' && NOT_DEFINED.test(cleanText(v));
}
