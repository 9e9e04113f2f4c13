/**
 * Impostazioni for individual performance (the SMVP's rules for schede di valutazione): the composition of
 * the total per role, the behaviour rating scale, the bonus bands with their coefficients and funds, and how
 * little spread counts as a flat evaluator. Each unreadable value is an issue at its cell and the default
 * applies.
 *
 *   composizione dirigente   risultati 60%; organizzativa 20%; comportamenti 20%
 *   composizione             risultati 40%; comportamenti 60%        (every role without its own key)
 *   scala comportamenti      1-5   (or 0-10, "da 1 a 4"; default 1-5: a rating v counts as v / top)
 *   fasce premiali           90%:fascia 1; 70%:fascia 2; 0%:fascia 3
 *   coefficienti premiali    fascia 1: 1,2; fascia 2: 1; fascia 3: 0
 *   fondo premiale           120.000 €     (fondo premiale dirigente: a fund of that role's own)
 *   differenziazione minima  5%            (standard deviation below which an evaluator is flat)
 */
import type { CellValue, RatingStep, Table } from './types.js';
import { cleanText, isBlank, readFraction, readNumber } from './cell.js';
import { ONE, ZERO, add, cmp, div, fromNumber, sign, toNumber, type Rational } from './decimal.js';
import { a1, normalizeHeader } from './table.js';
import { parseRatingScale } from './settings.js';
import { formatPercent } from './messages.js';
import type { IssueSink } from './plan.js';
import { addPeopleIssue } from './people-messages.js';
import {
  BEHAVIOUR_SCALE_KEYS, BONUS_BAND_KEYS, COEFFICIENT_KEYS, COMPOSITION_KEY, DIFFERENTIATION_KEYS, FUND_KEY,
} from './people-keys.js';

export type Component = 'results' | 'organisational' | 'behaviours';
export const COMPONENTS: readonly Component[] = ['results', 'organisational', 'behaviours'];

/** Share of each component in the total, exact; the shares add up to 1. */
export type Composition = Record<Component, Rational>;

export interface BehaviourScale {
  min: Rational;
  max: Rational;
}

export interface PeopleSettings {
  /** Normalised role ('' = the plain `composizione` key, for every role without its own) -> composition. */
  compositions: Map<string, Composition>;
  scale: BehaviourScale;
  /** Highest first, as the rating scale; empty when the plan has no `fasce premiali`. */
  bands: RatingStep[];
  /** Normalised band label -> coefficient; empty when the plan gives none (no bonus shares then). */
  coefficients: Map<string, Rational>;
  /** Normalised role ('' = the general fund) -> amount. */
  funds: Map<string, Rational>;
  /** Standard deviation (fraction) below which an evaluator's scores are flat. */
  minimumDeviation: Rational;
  /** Where the settings sheet is and the value cells of the keys, for issues about them. */
  sheet: string;
  at: { bands?: string; coefficients?: string };
}

const WORDS: Record<Component, string[]> = {
  results: ['risultati', 'risultato', 'obiettivi', 'obiettivi individuali', 'risultati individuali', 'results', 'result', 'objectives', 'individual results'],
  organisational: [
    'organizzativa', 'organizzativo', 'performance organizzativa', 'ente', 'risultato ente',
    'organisational', 'organizational', 'organisation', 'organization', 'entity',
  ],
  behaviours: ['comportamenti', 'comportamento', 'comportamenti organizzativi', 'competenze', 'behaviours', 'behaviors', 'behaviour', 'behavior'],
};

export function componentOf(word: string): Component | null {
  const n = normalizeHeader(word);
  for (const c of COMPONENTS) if (WORDS[c].includes(n)) return c;
  return null;
}

/**
 * "risultati 60%; organizzativa 20%; comportamenti 20%", also "risultati: 60", "60% risultati". Shares that
 * do not add up to 100% are renormalised (the caller reports it); null when unreadable or all zero.
 */
export function parseComposition(text: string): { composition: Composition; declared: Rational } | null {
  const parts = cleanText(text).split(/[;|\n]+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return null;
  const shares: Composition = { results: ZERO, organisational: ZERO, behaviours: ZERO };
  const seen = new Set<Component>();
  for (const part of parts) {
    const m = /^(.*?[^\d\s:=])\s*[:=]?\s*([+-]?\d[\d.,]*\s*%?)$/.exec(part) ?? /^([+-]?\d[\d.,]*\s*%?)\s+(.*\D)$/.exec(part);
    if (!m) return null;
    const [word, number] = /^[+-]?\d/.test(m[1]) ? [m[2], m[1]] : [m[1], m[2]];
    const component = componentOf(word);
    const share = readFraction(number);
    if (!component || !share || sign(share) < 0 || seen.has(component)) return null;
    seen.add(component);
    shares[component] = share;
  }
  const declared = COMPONENTS.reduce((s, c) => add(s, shares[c]), ZERO);
  if (sign(declared) === 0) return null;
  const composition = { ...shares };
  for (const c of COMPONENTS) composition[c] = div(shares[c], declared);
  return { composition, declared };
}

/** "1-5", "0-10", "1–5", "da 1 a 4", "1..5": the lowest and the highest rating. */
export function parseBehaviourScale(text: string): BehaviourScale | null {
  const m = /^(?:da|from)?\s*(\d+(?:[.,]\d+)?)\s*(?:-|–|—|\.\.|a|to)\s*(\d+(?:[.,]\d+)?)$/i.exec(cleanText(text));
  if (!m) return null;
  const min = readNumber(m[1]);
  const max = readNumber(m[2]);
  if (!min || !max || min.unit !== '' || max.unit !== '' || cmp(min.value, max.value) >= 0 || sign(max.value) <= 0) return null;
  return { min: min.value, max: max.value };
}

/** "fascia 1: 1,2; fascia 2: 1; fascia 3: 0": band label -> coefficient (a plain number, not a percent). */
export function parseCoefficients(text: string): Map<string, Rational> | null {
  const parts = cleanText(text).split(/[;|\n]+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return null;
  const out = new Map<string, Rational>();
  for (const part of parts) {
    const at = Math.max(part.lastIndexOf(':'), part.lastIndexOf('='));
    if (at <= 0) return null;
    const label = normalizeHeader(part.slice(0, at));
    const value = readNumber(part.slice(at + 1));
    if (label === '' || !value || value.unit !== '' || value.percent || sign(value.value) < 0 || out.has(label)) return null;
    out.set(label, value.value);
  }
  return out;
}

/** An amount in euro: 120000, "120.000", "120.000,00 €", "€ 120.000". */
export function readAmount(v: CellValue): Rational | null {
  const text = typeof v === 'string' ? cleanText(v).replace(/^€\s*/, '') : v;
  const r = readNumber(text);
  if (!r || r.percent || !/^(|€|euro|eur)$/i.test(r.unit) || sign(r.value) < 0) return null;
  return r.value;
}

export function defaultPeopleSettings(): PeopleSettings {
  return {
    compositions: new Map(),
    scale: { min: ONE, max: fromNumber(5) },
    bands: [],
    coefficients: new Map(),
    funds: new Map(),
    minimumDeviation: fromNumber(0.05),
    sheet: '',
    at: {},
  };
}

/** Reads the individual-performance keys of Impostazioni (the other keys are settings.ts's). */
export function readPeopleSettings(table: Table | null, sheet: string, sink: IssueSink): PeopleSettings {
  const settings = defaultPeopleSettings();
  settings.sheet = sheet;
  if (!table) return settings;
  const unreadable = (row: number, key: CellValue, value: CellValue, fallback: string) =>
    sink.add('error', sheet, a1(row, 1), 'setting.unreadable', { key: cleanText(key), text: cleanText(value), fallback });
  for (let r = 0; r < table.length; r++) {
    const row = table[r] ?? [];
    const key = normalizeHeader(row[0]);
    const value = row[1];
    if (key === '' || isBlank(value)) continue;
    const composition = COMPOSITION_KEY.exec(key);
    const fund = FUND_KEY.exec(key);
    if (composition) {
      const parsed = parseComposition(cleanText(value));
      const role = composition[1] ?? '';
      if (!parsed) {
        unreadable(r, row[0], value, sink.lang === 'it' ? 'risultati 100%' : 'results 100%');
        settings.compositions.set(role, { results: ONE, organisational: ZERO, behaviours: ZERO });
        continue;
      }
      if (cmp(parsed.declared, ONE) !== 0) {
        addPeopleIssue(sink, 'warning', sheet, a1(r, 1), 'people.composition.sum', { key: cleanText(row[0]), sum: formatPercent(toNumber(parsed.declared), sink.lang) });
      }
      settings.compositions.set(role, parsed.composition);
    } else if (fund) {
      const amount = readAmount(value);
      if (amount) settings.funds.set(fund[1] ?? '', amount);
      else unreadable(r, row[0], value, '-');
    } else if (BEHAVIOUR_SCALE_KEYS.includes(key)) {
      const scale = parseBehaviourScale(cleanText(value));
      if (scale) settings.scale = scale;
      else unreadable(r, row[0], value, '1-5');
    } else if (BONUS_BAND_KEYS.includes(key)) {
      const bands = parseRatingScale(cleanText(value));
      if (bands) {
        settings.bands = bands;
        settings.at.bands = a1(r, 1);
      } else unreadable(r, row[0], value, '-');
    } else if (COEFFICIENT_KEYS.includes(key)) {
      const coefficients = parseCoefficients(cleanText(value));
      if (coefficients) {
        settings.coefficients = coefficients;
        settings.at.coefficients = a1(r, 1);
      } else unreadable(r, row[0], value, '-');
    } else if (DIFFERENTIATION_KEYS.includes(key)) {
      const f = readFraction(value);
      if (f && sign(f) >= 0) settings.minimumDeviation = f;
      else unreadable(r, row[0], value, '5%');
    }
  }
  return settings;
}
