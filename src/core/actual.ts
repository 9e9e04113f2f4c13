/**
 * Reading the Consuntivo (and Soglia) of a row in the kind its target asks for, so "29,52%" and a
 * percent-formatted 0.2952 are the same, and a date where a number is expected is caught.
 */
import type { CellValue, TargetKind } from './types.js';
import type { Actual } from './score.js';
import { cleanText, parseDateText, parseNumberText, readBoolean, readDate } from './cell.js';
import { abs, cmp, fromNumber, type Rational } from './decimal.js';

const TWO = fromNumber(2);

const DURATION_RE = /^(\d{1,3}):([0-5]\d)$/;

export type ActualReading = { ok: true; actual: Actual; percentScale: boolean } | { ok: false };

/** A number for a number/percent target: plain, Italian text, "08:00" as hours; never a date. */
function readMeasureNumber(v: CellValue): { value: Rational; percent: boolean } | null {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: fromNumber(v), percent: false } : null;
  if (typeof v !== 'string') return null;
  const s = cleanText(v);
  const d = DURATION_RE.exec(s);
  if (d) return { value: fromNumber(Number(d[1]) + Number(d[2]) / 60), percent: false };
  const date = parseDateText(s, null);
  if (date && date.rest === '') return null;
  const n = parseNumberText(s);
  if (!n || /[<>=]|^[.:,]\d|^\d/.test(n.unit)) return null;
  return { value: n.value, percent: n.percent };
}

export function readActual(v: CellValue, kind: TargetKind, year: number | null): ActualReading {
  switch (kind) {
    case 'boolean': {
      const b = readBoolean(v);
      return b === null ? { ok: false } : { ok: true, actual: { kind: 'boolean', value: b }, percentScale: false };
    }
    case 'date': {
      const serial = readDate(v, year);
      return serial === null ? { ok: false } : { ok: true, actual: { kind: 'number', value: fromNumber(serial) }, percentScale: false };
    }
    case 'number':
    case 'percent': {
      if (v instanceof Date || typeof v === 'boolean') return { ok: false };
      const n = readMeasureNumber(v);
      if (!n) return { ok: false };
      // 29,52 typed against a percent target is most likely 29,52%: say so, but read it as written.
      const percentScale = kind === 'percent' && !n.percent && cmp(abs(n.value), TWO) > 0;
      return { ok: true, actual: { kind: 'number', value: n.value }, percentScale };
    }
    default:
      return { ok: false };
  }
}
