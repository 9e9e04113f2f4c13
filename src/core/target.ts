/**
 * Target expressions as people write them in plans: ">= 45,00 %", "=< 1", "≥4", "Entro 31-12-2024",
 * "<= 30.04.2025", "= si", "08:00", "n.d.", or a real number/date cell.
 */
import type { CellValue, Comparator, Target } from './types.js';
import type { Rational } from './decimal.js';
import { fromNumber, isInteger, sign, toNumber } from './decimal.js';
import {
  cleanText, dateToSerial, isBlank, isNotDefined, isoDate, parseDateText, parseNumberText, readBoolean,
} from './cell.js';

/** A target with its exact value for comparisons; `value` is the float the public shape shows. */
export interface ParsedTarget extends Target {
  exact: Rational | null;
  /** The public shape without `exact`, made once so results can share it. */
  plain: Target;
}

export interface TargetContext {
  /** The plan year, for dates written without one ("entro il 31/12"). */
  year?: number | null;
  /** The indicator's UdM: "data" makes a bare integer an Excel serial, "%" makes a bare number a percent. */
  unit?: string | null;
}

export type TargetReading = ParsedTarget | { error: string };

const COMPARATORS: [RegExp, Comparator][] = [
  [/^(>\s*=|=\s*>|≥|⩾)/, '>='],
  [/^(<\s*=|=\s*<|≤|⩽)/, '<='],
  [/^>/, '>'],
  [/^</, '<'],
  [/^=/, '='],
];

/** Words that stand for a comparator; "entro" is a deadline (on or before). */
const WORD_COMPARATORS: [RegExp, Comparator][] = [
  [/^(entro\s+(il|lo|la|l'|al|i|le)?|non\s+oltre\s+(il|lo|la|l')?|by|no\s+later\s+than)\s*/i, '<='],
  [/^(non\s+superiore\s+a|massimo|max\.?|al\s+massimo|at\s+most)\s+/i, '<='],
  [/^(almeno|non\s+inferiore\s+a|minimo|min\.?|at\s+least)\s+/i, '>='],
];

const ALL_COMPARATORS = [...WORD_COMPARATORS, ...COMPARATORS];

const DURATION_RE = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/;
/** A unit is words, symbols and a "/10.000 imprese" denominator: never another comparator or bracket. */
const UNIT_RE = /^[\p{L}°€$£%./'\s\d-]*$/u;

export function isDateUnit(unit: string | null | undefined): boolean {
  return !!unit && /^(data|date|scadenza|termine)$/i.test(cleanText(unit));
}

export function isPercentUnit(unit: string | null | undefined): boolean {
  return !!unit && cleanText(unit) === '%';
}

function exactTarget(op: Comparator | null, exact: Rational, kind: 'number' | 'percent' | 'date', unit: string | null): ParsedTarget {
  return make(op, toNumber(exact), kind, unit, exact);
}

function make(op: Comparator | null, value: number | boolean | null, kind: Target['kind'], unit: string | null, exact: Rational | null): ParsedTarget {
  return { op, value, kind, unit, exact, plain: { op, value, kind, unit } };
}

export function parseTarget(cell: CellValue, ctx: TargetContext = {}): TargetReading {
  const year = ctx.year ?? null;
  if (isBlank(cell) || isNotDefined(cell)) return make(null, null, 'none', null, null);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { error: 'date' };
    return exactTarget(null, fromNumber(dateToSerial(cell)), 'date', null);
  }
  if (typeof cell === 'boolean') return make(null, cell, 'boolean', null, null);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { error: 'number' };
    if (isDateUnit(ctx.unit) && Number.isInteger(cell) && cell > 0) return exactTarget(null, fromNumber(cell), 'date', null);
    return exactTarget(null, fromNumber(cell), isPercentUnit(ctx.unit) ? 'percent' : 'number', null);
  }
  return parseTargetText(cleanText(cell), year, ctx.unit ?? null);
}

function parseTargetText(text: string, year: number | null, udm: string | null): TargetReading {
  let rest = text;
  let op: Comparator | null = null;
  // Words first: "entro" must not leave its "e" to be read as anything else.
  for (const [re, c] of ALL_COMPARATORS) {
    const m = re.exec(rest);
    if (m) {
      op = c;
      rest = rest.slice(m[0].length).trim();
      break;
    }
  }
  if (rest === '') return { error: 'empty' };
  if (isNotDefined(rest)) return op === null ? make(null, null, 'none', null, null) : { error: 'nd' };

  const bool = readBoolean(rest);
  if (bool !== null && !/^\d/.test(rest)) return make(op === null ? null : '=', bool, 'boolean', null, null);

  const date = parseDateText(rest, year);
  if (date && (date.rest === '' || UNIT_RE.test(date.rest) && !/\d/.test(date.rest))) {
    return exactTarget(op, fromNumber(date.serial), 'date', null);
  }

  // Shaped like a date but not one (31/02/2025): an error, not the number 31 with a unit.
  if (/^\d{1,2}([./-])\d{1,2}\1\d{2,4}(?!\d)/.test(rest) || /^\d{4}-\d{1,2}-\d{1,2}/.test(rest)) return { error: 'date' };

  const duration = DURATION_RE.exec(rest);
  if (duration) {
    const minutes = Number(duration[1]) * 60 + Number(duration[2]) + Number(duration[3] ?? 0) / 60;
    return exactTarget(op, fromNumber(minutes / 60), 'number', 'h');
  }

  const num = parseNumberText(rest);
  if (!num) return { error: 'unreadable' };
  const unit = num.unit.replace(/\s+/g, ' ').trim();
  if (unit !== '' && !UNIT_RE.test(unit)) return { error: 'unit' };
  if (/^[.,]/.test(unit)) return { error: 'unreadable' };
  if (!num.percent && unit === '' && isDateUnit(udm) && isInteger(num.value) && sign(num.value) > 0) {
    return exactTarget(op, num.value, 'date', null);
  }
  if (num.percent) return exactTarget(op, num.value, 'percent', unit === '' ? '%' : `% ${unit}`);
  return exactTarget(op, num.value, isPercentUnit(udm) ? 'percent' : 'number', unit === '' ? null : unit);
}

export function isTargetError(t: TargetReading): t is { error: string } {
  return 'error' in t;
}

/** The parse-target CLI line: dates as YYYY-MM-DD, everything else as parsed. */
export function targetToJson(input: string, reading: TargetReading): Record<string, unknown> {
  if (isTargetError(reading)) return { input, error: reading.error };
  const value = reading.kind === 'date' && typeof reading.value === 'number' ? isoDate(reading.value) : reading.value;
  return { input, op: reading.op, value, kind: reading.kind, unit: reading.unit };
}
