/**
 * The custom functions, declared once. The Excel add-in and the Apps Script project both wrap this
 * table, so =CRUSCOTTO.ACHIEVEMENT() and =ACHIEVEMENT() cannot drift apart. Bad arguments throw
 * FunctionArgumentError ("Italian / English"); hosts turn it into #VALUE! or a thrown message.
 */
import type { CellValue, Lang, RatingStep } from './types.js';
import { parseTarget, isTargetError, type TargetReading } from './target.js';
import { readActual } from './actual.js';
import { scoreMeasure } from './score.js';
import { readDirection } from './plan.js';
import { DEFAULT_BANDS, DEFAULT_RATING_SCALE, parseMethodSpec, parseRatingScale, ratingFor, type MethodSpec } from './settings.js';
import { cleanText, isBlank, isNotDefined, readFraction, readNumber } from './cell.js';
import { ZERO, add, div, fromNumber, mul, sign, toNumber, type Rational } from './decimal.js';
import { bilingual, t, type MessageKey } from './messages.js';

export class FunctionArgumentError extends Error {
  constructor(key: MessageKey, params: Parameters<typeof bilingual>[1] = {}) {
    super(bilingual(key, params));
    this.name = 'FunctionArgumentError';
  }
}

export interface FunctionParamSpec {
  name: string;
  optional: boolean;
  /** true: a range (2-D array); false: one value. */
  matrix: boolean;
  description: Record<Lang, string>;
}

export interface FunctionSpec {
  name: 'ACHIEVEMENT' | 'WEIGHTED' | 'TARGETVALUE' | 'RATING';
  description: Record<Lang, string>;
  params: FunctionParamSpec[];
  returns: 'number' | 'string';
  evaluate(...args: unknown[]): number | string;
}

const omitted = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function asCell(v: unknown): CellValue {
  if (Array.isArray(v)) return asCell(v[0]?.[0] ?? v[0]);
  if (v === undefined || v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  return String(v);
}

function flatten(v: unknown): CellValue[] {
  if (Array.isArray(v)) return v.flatMap((r) => (Array.isArray(r) ? r.map(asCell) : [asCell(r)]));
  return [asCell(v)];
}

/**
 * Recently used parses by text. A sheet calls the functions with the same few targets thousands of times,
 * and reading the text was most of each call. Map order is insertion order, so re-inserting on a hit keeps
 * the least recently used entry first, and that is the one dropped when the cache is full.
 */
export class TextCache<V> {
  private readonly entries = new Map<string, V>();
  constructor(readonly limit: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, make: (key: string) => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined || this.entries.has(key)) {
      this.entries.delete(key);
      this.entries.set(key, hit as V);
      return hit as V;
    }
    const value = make(key);
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }
}

export const FUNCTION_CACHE_SIZE = 1000;
const targetCache = new TextCache<TargetReading>(FUNCTION_CACHE_SIZE);
const methodCache = new TextCache<MethodSpec | null>(FUNCTION_CACHE_SIZE);

/** A shared parse must not be changed by one caller under another's feet. */
function frozen(reading: TargetReading): TargetReading {
  if (!isTargetError(reading)) Object.freeze(reading.plain);
  return Object.freeze(reading);
}

/** The target of a function call; text is parsed once per distinct text (numbers and dates are cheap). */
export function cachedTarget(cell: CellValue): TargetReading {
  return typeof cell === 'string' ? targetCache.get(cell, (text) => frozen(parseTarget(text))) : parseTarget(cell);
}

const DEFAULT_METHOD: MethodSpec = { method: 'linear', bands: null, cap: null };

export function achievement(actualArg: unknown, targetArg: unknown, thresholdArg?: unknown, directionArg?: unknown, methodArg?: unknown): number {
  const targetCell = asCell(targetArg);
  const target = cachedTarget(targetCell);
  if (isTargetError(target)) throw new FunctionArgumentError('fn.target', { text: cleanText(targetCell) });
  if (target.kind === 'none') throw new FunctionArgumentError('fn.targetNd');
  const actualCell = asCell(actualArg);
  if (isBlank(actualCell)) throw new FunctionArgumentError('fn.actualMissing');
  const actual = readActual(actualCell, target.kind, null);
  if (!actual.ok) {
    throw new FunctionArgumentError('fn.actual', { text: cleanText(actualCell), expected: { it: t('it', `kind.${target.kind}`), en: t('en', `kind.${target.kind}`) } });
  }
  let threshold: Rational | null = null;
  if (!omitted(thresholdArg)) {
    const th = readActual(asCell(thresholdArg), target.kind, null);
    if (!th.ok || th.actual.kind !== 'number') throw new FunctionArgumentError('fn.threshold', { text: cleanText(asCell(thresholdArg)) });
    threshold = th.actual.value;
  }
  let direction = null;
  if (!omitted(directionArg)) {
    const d = readDirection(asCell(directionArg));
    if (d === 'error') throw new FunctionArgumentError('fn.direction', { text: cleanText(asCell(directionArg)) });
    direction = d;
  }
  let spec = DEFAULT_METHOD;
  if (!omitted(methodArg)) {
    const text = cleanText(asCell(methodArg));
    const parsed = methodCache.get(text, parseMethodSpec);
    if (!parsed) throw new FunctionArgumentError('fn.method', { text });
    spec = parsed;
  }
  const method = spec.method === 'threshold' && threshold === null ? 'linear' : spec.method;
  return scoreMeasure(target, actual.actual, threshold, direction, { method, bands: spec.bands ?? DEFAULT_BANDS, tolerance: 0, cap: spec.cap ?? 1 }).score;
}

/** A score cell: "80%" or 0.8 (a score above 100% is legitimate, so no percent-points guess). */
function readScore(v: CellValue): Rational | null {
  const n = readNumber(v);
  if (!n || n.unit !== '') return null;
  return n.value;
}

export function weighted(scoresArg: unknown, weightsArg: unknown): number {
  const scores = flatten(scoresArg);
  const weights = flatten(weightsArg);
  if (scores.length !== weights.length) throw new FunctionArgumentError('fn.shape', { scores: scores.length, weights: weights.length });
  const pairs: { s: Rational; w: Rational | null }[] = [];
  for (let i = 0; i < scores.length; i++) {
    if (isBlank(scores[i]) || isNotDefined(scores[i])) continue;
    const s = readScore(scores[i]);
    if (!s) throw new FunctionArgumentError('fn.score', { text: cleanText(scores[i]) });
    let w: Rational | null = null;
    if (!isBlank(weights[i])) {
      w = readFraction(weights[i]);
      if (!w || sign(w) < 0) throw new FunctionArgumentError('fn.weight', { text: cleanText(weights[i]) });
    }
    pairs.push({ s, w });
  }
  if (pairs.length === 0) throw new FunctionArgumentError('fn.noScores');
  if (pairs.every((p) => p.w === null)) {
    return toNumber(div(pairs.reduce((acc, p) => add(acc, p.s), ZERO), fromNumber(pairs.length)));
  }
  const total = pairs.reduce((acc, p) => add(acc, p.w ?? ZERO), ZERO);
  if (sign(total) === 0) throw new FunctionArgumentError('fn.zeroWeights');
  return toNumber(div(pairs.reduce((acc, p) => add(acc, mul(p.s, p.w ?? ZERO)), ZERO), total));
}

export function targetValue(targetArg: unknown): number {
  const cell = asCell(targetArg);
  const target = cachedTarget(cell);
  if (isTargetError(target)) throw new FunctionArgumentError('fn.target', { text: cleanText(cell) });
  if (target.kind === 'none' || target.value === null) throw new FunctionArgumentError('fn.targetNd');
  if (typeof target.value === 'boolean') return target.value ? 1 : 0;
  return target.value;
}

export function rating(scoreArg: unknown, scaleArg?: unknown): string {
  const cell = asCell(scoreArg);
  const s = readScore(cell);
  if (!s) throw new FunctionArgumentError('fn.score', { text: cleanText(cell) });
  let scale: RatingStep[] = DEFAULT_RATING_SCALE;
  if (!omitted(scaleArg)) {
    const parsed = parseRatingScale(cleanText(asCell(scaleArg)));
    if (!parsed) throw new FunctionArgumentError('fn.scale', { text: cleanText(asCell(scaleArg)) });
    scale = parsed;
  }
  return ratingFor(toNumber(s), scale) as string;
}

const param = (name: string, optional: boolean, matrix: boolean, it: string, en: string): FunctionParamSpec => ({
  name, optional, matrix, description: { it, en },
});

export const functionTable: FunctionSpec[] = [
  {
    name: 'ACHIEVEMENT',
    description: {
      it: 'Punteggio di un indicatore (frazione: 0,95 = 95%) dato consuntivo e target, con soglia, direzione e metodo facoltativi.',
      en: 'Score of an indicator (fraction: 0.95 = 95%) from actual and target, with optional threshold, direction and method.',
    },
    params: [
      param('actual', false, false, 'Consuntivo: numero, percentuale, data o si/no', 'Actual: number, percent, date or yes/no'),
      param('target', false, false, 'Target, anche come testo: ">= 45,00 %", "<= -12", "Entro 31-12-2025", "= si"', 'Target, also as text: ">= 45,00 %", "<= -12", "Entro 31-12-2025", "= si"'),
      param('threshold', true, false, 'Soglia minima: sotto di essa il punteggio è 0', 'Minimum threshold: below it the score is 0'),
      param('direction', true, false, 'max (più alto è meglio) o min, per target senza comparatore', 'max (higher is better) or min, for targets without a comparator'),
      param(
        'method', true, false,
        'proporzionale (predefinito), fasce, soglia o binario; oppure una tabella di fasce ("99%:100%; 80%:80%; 0%:0%") e un tetto ("proporzionale; tetto 120%"), separati da ";"',
        'linear (default), bands, threshold or binary; or a band table ("99%:100%; 80%:80%; 0%:0%") and a cap ("linear; cap 120%"), separated by ";"',
      ),
    ],
    returns: 'number',
    evaluate: (...a: unknown[]) => achievement(a[0], a[1], a[2], a[3], a[4]),
  },
  {
    name: 'WEIGHTED',
    description: {
      it: 'Media ponderata dei punteggi per i pesi; le celle vuote o n.d. sono escluse e i pesi rinormalizzati; senza pesi, media semplice.',
      en: 'Weighted mean of scores by weights; blank or n.d. scores are left out and weights renormalised; without weights, simple mean.',
    },
    params: [
      param('scores', false, true, 'Intervallo dei punteggi', 'Range of scores'),
      param('weights', false, true, 'Intervallo dei pesi, della stessa dimensione', 'Range of weights, same size'),
    ],
    returns: 'number',
    evaluate: (...a: unknown[]) => weighted(a[0], a[1]),
  },
  {
    name: 'TARGETVALUE',
    description: {
      it: 'Valore numerico di un target scritto come testo (percentuali come frazione, date come numero di serie).',
      en: 'Numeric value of a target written as text (percents as fractions, dates as serial numbers).',
    },
    params: [param('target', false, false, 'Target, es. ">= 45,00 %"', 'Target, e.g. ">= 45,00 %"')],
    returns: 'number',
    evaluate: (...a: unknown[]) => targetValue(a[0]),
  },
  {
    name: 'RATING',
    description: {
      it: 'Valutazione di un punteggio secondo la scala (predefinita: 90%:Eccellente; 75%:Buono; 60%:Sufficiente; 0%:Insufficiente).',
      en: 'Rating of a score on the scale (default: 90%:Eccellente; 75%:Buono; 60%:Sufficiente; 0%:Insufficiente).',
    },
    params: [
      param('score', false, false, 'Punteggio (frazione o percentuale)', 'Score (fraction or percent)'),
      param('scale', true, false, 'Scala, es. "90%:Eccellente; 60%:Sufficiente; 0%:Insufficiente"', 'Scale, e.g. "90%:Excellent; 60%:Sufficient; 0%:Insufficient"'),
    ],
    returns: 'string',
    evaluate: (...a: unknown[]) => rating(a[0], a[1]),
  },
];

export function callFunction(name: string, args: unknown[]): number | string {
  const spec = functionTable.find((f) => f.name === name.toUpperCase());
  if (!spec) throw new TypeError(`Unknown function ${name}`);
  return spec.evaluate(...args);
}
