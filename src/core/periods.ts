/**
 * Measurement periods within the year, as offices write them in column headers: `Consuntivo 30/06`,
 * `Consuntivo 30.06.2024`, `Target 1° semestre`, `Consuntivo T2`, `Actual Q3`, `Consuntivo giugno`. Each
 * period is known by the day it ends: `S1`, `T2`, `giugno` and `30/06` are the same period, so a request
 * for any of them finds the column however it was written.
 */
import type { CellValue } from './types.js';
import { normalizeHeader } from './table.js';
import { cleanText } from './cell.js';
import type { ColumnSpec } from './table.js';

export type PeriodKind = 'date' | 'semester' | 'quarter' | 'month' | 'yearEnd';

export interface PeriodName {
  kind: PeriodKind;
  /** Month (1-12) and day of the period's last day. */
  month: number;
  day: number;
  /** A year written in the header (`30.06.2024`, `S1 2024`), else null. */
  year: number | null;
  /** Short name, the same in both languages: S1, S2, T1..T4, M1..M12, dd/mm, or 31/12 for the year's end. */
  canonical: string;
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const MONTH_NAMES: Record<string, number> = {
  gennaio: 1, febbraio: 2, marzo: 3, aprile: 4, maggio: 5, giugno: 6, luglio: 7, agosto: 8, settembre: 9,
  ottobre: 10, novembre: 11, dicembre: 12,
  gen: 1, feb: 2, mar: 3, apr: 4, mag: 5, giu: 6, lug: 7, ago: 8, set: 9, ott: 10, nov: 11, dic: 12,
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12,
  jan: 1, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, dec: 12,
};

const ORDINALS: Record<string, number> = {
  '1': 1, '2': 2, '3': 3, '4': 4, i: 1, ii: 2, iii: 3, iv: 4, primo: 1, secondo: 2, terzo: 3, quarto: 4,
  first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};

/** Last day of a month; February as 28 unless the year is known to be a leap year. */
function lastDay(month: number, year: number | null): number {
  if (month !== 2) return MONTH_DAYS[month - 1];
  return year !== null && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
}

function ofMonthEnd(kind: PeriodKind, month: number, year: number | null, canonical: string): PeriodName {
  return { kind, month, day: lastDay(month, year), year, canonical };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads a period as written (without the `Consuntivo`/`Target` word): null when it is not one. The
 * ordinal before the unit may carry `°`, `º` or `^` (`1° semestre`); words and numbers are accepted in
 * Italian and English.
 */
export function parsePeriod(text: string): PeriodName | null {
  let s = normalizeHeader(text).replace(/[°º^]/g, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(/^(al|alla|at|as at|as of|a|fino al|entro il)\s+/, '');
  let year: number | null = null;
  const trailingYear = /^(.*?)[\s/.-]*((?:19|20)\d\d)$/.exec(s);
  // A bare year is a year column, not a period.
  if (trailingYear && trailingYear[1] !== '' && !/^\d{1,2}[/.-]\d{1,2}$/.test(s)) {
    s = trailingYear[1].trim();
    year = Number(trailingYear[2]);
  }
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2}|\d{4}))?$/.exec(s);
  if (m) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const y = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : year;
    if (month < 1 || month > 12 || day < 1 || day > lastDay(month, y ?? 2000)) return null;
    return { kind: 'date', month, day, year: y, canonical: `${pad(day)}/${pad(month)}` };
  }
  m = /^(?:s|h|sem|semestre|half)\s*([12])$/.exec(s) ?? /^([\w]+)\s*(?:semestre|sem|half|half year|half-year|semester)$/.exec(s);
  if (m) {
    const n = ORDINALS[m[1]];
    if (n === 1 || n === 2) return ofMonthEnd('semester', n * 6, year, `S${n}`);
    return null;
  }
  m = /^(?:t|q|trim|trimestre|quarter)\s*([1-4])$/.exec(s) ?? /^([\w]+)\s*(?:trimestre|trim|quarter)$/.exec(s);
  if (m) {
    const n = ORDINALS[m[1]];
    if (n >= 1 && n <= 4) return ofMonthEnd('quarter', n * 3, year, `T${n}`);
    return null;
  }
  const month = MONTH_NAMES[s.replace(/\.$/, '')];
  if (month) return ofMonthEnd('month', month, year, `M${month}`);
  return null;
}

/** `Consuntivo 30/06` -> the period `30/06` written after one of the spec's names; null when the header is not one. */
export function periodOfHeader(header: CellValue, spec: ColumnSpec): { written: string; period: PeriodName | null } | null {
  const n = normalizeHeader(header);
  for (const alias of spec.aliases) {
    if (n.length > alias.length + 1 && n.startsWith(alias) && /[\s(]/.test(n[alias.length])) {
      const rest = n.slice(alias.length).replace(/^[\s(]+|[)\s]+$/g, '');
      // `Target 2025`, `Target anno 2025`: year columns, read elsewhere.
      if (/^(?:anno\s*)?(?:19|20)\d\d$/.test(rest)) return null;
      // The period as the user wrote it (case, `°`), for labels; the normalised text is what gets parsed.
      const original = cleanText(header).replace(/[_\s]+/g, ' ').trim();
      const written = original.slice(alias.length).replace(/^[\s(]+|[)\s.:]+$/g, '') || rest;
      return { written, period: parsePeriod(rest) };
    }
  }
  return null;
}

/** The period's last day as an ordinal within the year (month * 100 + day), for ordering and comparing. */
export function periodOrder(p: { month: number; day: number }): number {
  return p.month * 100 + p.day;
}

export function isYearEnd(p: { month: number; day: number }): boolean {
  return p.month === 12 && p.day === 31;
}
