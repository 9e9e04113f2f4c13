/**
 * From measure to score for one indicator: achievement (met-first, sign-safe), then the plan's method
 * (linear, bands, threshold, binary), tolerance, threshold floor and cap. All comparisons are exact.
 */
import type { Band, Direction, Method } from './types.js';
import type { ParsedTarget } from './target.js';
import {
  ONE, ZERO, abs, add, cmp, div, fromNumber, max, min, mul, sign, sub, toNumber, type Rational,
} from './decimal.js';

/** The actual as the target's kind reads it: an exact number (dates as serials) or yes/no. */
export type Actual = { kind: 'number'; value: Rational } | { kind: 'boolean'; value: boolean };

export interface ScoreRules {
  method: Method;
  bands: Band[];
  tolerance: number;
  cap: number;
}

export interface Scored {
  achievement: number;
  score: number;
  met: boolean;
  /** Days past a deadline, for date targets not met. */
  daysLate: number | null;
}

/** Which way is better: the comparator decides; a bare target follows Direzione, deadlines are "lower". */
export function resolveDirection(target: ParsedTarget, direction: Direction | null): Direction | 'equal' {
  switch (target.op) {
    case '>=':
    case '>':
      return 'higher';
    case '<=':
    case '<':
      return 'lower';
    case '=':
      return target.kind === 'boolean' ? 'higher' : 'equal';
    default:
      return direction ?? (target.kind === 'date' ? 'lower' : 'higher');
  }
}

function isMet(a: Rational, t: Rational, way: Direction | 'equal', strict: boolean): boolean {
  const c = cmp(a, t);
  if (way === 'higher') return strict ? c > 0 : c >= 0;
  if (way === 'lower') return strict ? c < 0 : c <= 0;
  return c === 0;
}

function withinTolerance(a: Rational, t: Rational, way: Direction | 'equal', tolerance: Rational): boolean {
  const slack = mul(abs(t), tolerance);
  if (way === 'higher') return cmp(a, sub(t, slack)) >= 0;
  if (way === 'lower') return cmp(a, add(t, slack)) <= 0;
  return cmp(abs(sub(a, t)), slack) <= 0;
}

/**
 * Higher-better actual/target and lower-better target/actual while both are positive; otherwise the
 * deviation relative to |target| (1 + (a - t)/|t|), which keeps its meaning across zero and negatives.
 */
function rawAchievement(a: Rational, t: Rational, way: Direction | 'equal'): Rational | null {
  const st = sign(t);
  if (st === 0) return null;
  if (way === 'equal') return max(ZERO, sub(ONE, div(abs(sub(a, t)), abs(t))));
  if (way === 'higher') return st > 0 ? div(a, t) : add(ONE, div(sub(a, t), abs(t)));
  if (st > 0 && sign(a) > 0) return div(t, a);
  return add(ONE, div(sub(t, a), abs(t)));
}

export function scoreMeasure(
  target: ParsedTarget,
  actual: Actual,
  threshold: Rational | null,
  direction: Direction | null,
  rules: ScoreRules,
): Scored {
  const cap = fromNumber(rules.cap);
  const clampScore = (x: Rational) => toNumber(min(cap, max(ZERO, x)));
  if (target.kind === 'boolean' || actual.kind === 'boolean') {
    const met = actual.kind === 'boolean' && actual.value === target.value;
    return { achievement: met ? 1 : 0, score: met ? clampScore(ONE) : 0, met, daysLate: null };
  }
  const t = target.exact as Rational;
  const a = actual.value;
  const way = resolveDirection(target, direction);
  const isDate = target.kind === 'date';
  const strict = target.op === '>' || target.op === '<';
  let met = isMet(a, t, way, strict);
  if (!met && !isDate && rules.tolerance > 0) met = withinTolerance(a, t, way, fromNumber(rules.tolerance));

  // Deadlines are met or late: a ratio of day serials means nothing.
  let achievement: Rational = isDate ? (met ? ONE : ZERO) : rawAchievement(a, t, way) ?? (met ? ONE : ZERO);
  if (met && cmp(achievement, ONE) < 0) achievement = ONE;
  const daysLate = isDate && !met ? Math.abs(toNumber(sub(a, t))) : null;

  // A met target is never below its Soglia: a Soglia above the target is a data slip, not a zero.
  const belowThreshold =
    !met &&
    threshold !== null &&
    ((way === 'higher' && cmp(a, threshold) < 0) ||
      (way === 'lower' && cmp(a, threshold) > 0) ||
      (way === 'equal' && cmp(abs(sub(a, t)), abs(sub(threshold, t))) > 0));

  let score: Rational;
  if (belowThreshold) score = ZERO;
  else {
    switch (rules.method) {
      case 'binary':
        score = met ? ONE : ZERO;
        break;
      case 'bands':
        score = bandScore(achievement, rules.bands);
        break;
      case 'threshold':
        score = met ? ONE : threshold === null ? achievement : interpolate(a, t, threshold, way);
        break;
      default:
        score = achievement;
    }
  }
  return { achievement: toNumber(achievement), score: clampScore(score), met, daysLate };
}

export function bandScore(achievement: Rational, bands: Band[]): Rational {
  for (const band of bands) if (cmp(achievement, fromNumber(band.from)) >= 0) return fromNumber(band.score);
  return ZERO;
}

/** Linear from the threshold (0) to the target (100%), in the measure's own units. */
function interpolate(a: Rational, t: Rational, s: Rational, way: Direction | 'equal'): Rational {
  if (way === 'equal') {
    const span = abs(sub(s, t));
    return sign(span) === 0 ? ZERO : sub(ONE, div(abs(sub(a, t)), span));
  }
  const span = sub(t, s);
  if (sign(span) === 0) return ZERO;
  return div(sub(a, s), span);
}
