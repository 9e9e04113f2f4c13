/**
 * Impostazioni: the plan's own rules (SMVP): method, bands, tolerance, cap, entity aggregation, rating
 * scale, year. Each unreadable value becomes an issue and the default applies.
 */
import type { Band, CellValue, Issue, Lang, Method, RatingStep, Settings, Table } from './types.js';
import { cleanText, isBlank, readFraction, readNumber } from './cell.js';
import { fromNumber, toNumber, cmp, isInteger, percent, sign, type Rational } from './decimal.js';
import { SETTING_KEYS } from './columns.js';
import { a1, normalizeHeader } from './table.js';
import { isPeopleSettingKey } from './people-keys.js';
import { formatPercent, t } from './messages.js';

export const DEFAULT_BANDS: Band[] = [
  { from: 0.99, score: 1 },
  { from: 0.8, score: 0.8 },
  { from: 0, score: 0 },
];

export const DEFAULT_RATING_SCALE: RatingStep[] = [
  { from: 0.9, label: 'Eccellente' },
  { from: 0.75, label: 'Buono' },
  { from: 0.6, label: 'Sufficiente' },
  { from: 0, label: 'Insufficiente' },
];

export function defaultSettings(): Settings {
  return {
    method: 'linear',
    bands: DEFAULT_BANDS,
    tolerance: 0,
    cap: 1,
    entityAggregation: 'weighted',
    ratingScale: DEFAULT_RATING_SCALE,
    year: null,
  };
}

const METHOD_WORDS: Record<string, Method> = {
  proporzionale: 'linear', lineare: 'linear', linear: 'linear', proportional: 'linear',
  fasce: 'bands', bands: 'bands', 'a fasce': 'bands', scaglioni: 'bands',
  soglia: 'threshold', threshold: 'threshold', 'a soglia': 'threshold',
  binario: 'binary', binary: 'binary', 'si/no': 'binary', 'on/off': 'binary', 'tutto o niente': 'binary',
};

export function readMethod(v: CellValue): Method | null {
  return METHOD_WORDS[normalizeHeader(v)] ?? null;
}

export function methodLabel(method: Method, lang: Lang): string {
  return t(lang, `method.${method}`);
}

/**
 * The entries of a table written in one cell: split before the text is cleaned, so a line break typed in
 * the cell (Alt+Enter) still separates entries, and each entry loses a leading ">=" or "da" so that the
 * "=" of ">= 99%: 100%" is not taken for the separator.
 */
function tableEntries(text: string): string[] {
  return text.split(/[;|\n\r]+/).map((p) => cleanText(p).replace(/^(>\s*=|≥|=>|da|from)\s*/i, '')).filter(Boolean);
}

/**
 * "99%:100%; 80%:80%; 0%:0%" or GZOOM's "100:100; 75:75; 50:50; 0:0": without any % sign and with a
 * value above 1, the whole table is in percent points.
 */
export function parseBands(text: string): Band[] | null {
  const parts = tableEntries(text);
  if (parts.length === 0) return null;
  const raw: [Rational, Rational][] = [];
  for (const part of parts) {
    const m = /^(.+?)\s*(?::|=|->|→)\s*(.+)$/.exec(part);
    if (!m) return null;
    const from = readNumber(m[1]);
    const score = readNumber(m[2]);
    if (!from || !score || from.unit !== '' || score.unit !== '') return null;
    raw.push([from.value, score.value]);
  }
  const anyPercentSign = /%/.test(text);
  const points = !anyPercentSign && raw.some(([f, s]) => toNumber(f) > 1 || toNumber(s) > 1);
  const bands = raw.map(([f, s]) => ({
    from: toNumber(points ? percent(f) : f),
    score: toNumber(points ? percent(s) : s),
  }));
  return bands.sort((a, b) => b.from - a.from);
}

const CAP_POINTS_FROM = fromNumber(10);

/**
 * Tetto: "120%", or the number 1.2 that a cell formatted as 120% holds. A cap sits around 100%, so a bare
 * number from 10 up is percent points (120 is 120%) and below 10 a fraction (1.2 is 120%, not 1.2%).
 */
export function readCap(v: CellValue): number | null {
  const r = readNumber(v);
  if (!r || (r.unit !== '' && !/^%?$/.test(r.unit)) || sign(r.value) <= 0) return null;
  return toNumber(!r.percent && cmp(r.value, CAP_POINTS_FROM) >= 0 ? percent(r.value) : r.value);
}


/** What a method text asks for: a method, and the plan's own bands and cap when it gives them. */
export interface MethodSpec {
  method: Method;
  bands: Band[] | null;
  cap: number | null;
}

const CAP_RE = /^(tetto(?:\s+massimo)?|cap)\s*(?::|=)?\s*(.+)$/i;

/**
 * ACHIEVEMENT's `method` argument, so one formula can carry the plan's SMVP: a method word, a band table
 * (which implies fasce) and a cap, separated by ";" in any order: "fasce", "99%:100%; 80%:80%; 0%:0%",
 * "proporzionale; tetto 120%", "linear; cap 120%", "100:100; 75:75; 50:50; 0:0; tetto 100%".
 * Null when any part is unreadable, given twice, or a band table comes with a method other than fasce.
 */
export function parseMethodSpec(text: string): MethodSpec | null {
  const parts = text.split(/[;|\n\r]+/).map(cleanText).filter(Boolean);
  if (parts.length === 0) return null;
  let method: Method | null = null;
  let cap: number | null = null;
  const bandParts: string[] = [];
  for (const part of parts) {
    const capMatch = CAP_RE.exec(part);
    if (capMatch) {
      const c = readCap(capMatch[2]);
      if (c === null || cap !== null) return null;
      cap = c;
      continue;
    }
    const m = readMethod(part);
    if (m) {
      if (method !== null) return null;
      method = m;
      continue;
    }
    bandParts.push(part);
  }
  let bands: Band[] | null = null;
  if (bandParts.length > 0) {
    bands = parseBands(bandParts.join('; '));
    if (!bands || (method !== null && method !== 'bands')) return null;
    method = 'bands';
  }
  return { method: method ?? 'linear', bands, cap };
}

/** "90%:Eccellente; 75%:Buono; 60%:Sufficiente; 0%:Insufficiente". */
export function parseRatingScale(text: string): RatingStep[] | null {
  const parts = tableEntries(text);
  if (parts.length === 0) return null;
  const steps: RatingStep[] = [];
  const anyPercentSign = /%/.test(text);
  const values: Rational[] = [];
  const labels: string[] = [];
  for (const part of parts) {
    const m = /^(.+?)\s*(?::|=)\s*(.+)$/.exec(part);
    if (!m) return null;
    const from = readNumber(m[1]);
    if (!from || from.unit !== '' || m[2].trim() === '') return null;
    values.push(from.value);
    labels.push(m[2].trim());
  }
  const points = !anyPercentSign && values.some((v) => toNumber(v) > 1);
  values.forEach((v, i) => steps.push({ from: toNumber(points ? percent(v) : v), label: labels[i] }));
  return steps.sort((a, b) => b.from - a.from);
}

export function ratingFor(score: number | null, scale: RatingStep[]): string | null {
  if (score === null) return null;
  const exact = fromNumber(score);
  for (const step of scale) if (cmp(exact, fromNumber(step.from)) >= 0) return step.label;
  return scale.length ? scale[scale.length - 1].label : null;
}

function readAggregation(v: CellValue): 'simple' | 'weighted' | null {
  const n = normalizeHeader(v);
  if (/^(media\s+)?semplice$|^simple(\s+mean)?$|^mean$|^media$/.test(n)) return 'simple';
  if (/^(media\s+)?ponderata$|^weighted(\s+mean)?$|^pesata$/.test(n)) return 'weighted';
  return null;
}

export interface SettingsReading {
  settings: Settings;
  issues: Issue[];
  /** key -> 0-based row of its value, for hosts that edit Impostazioni. */
  rows: Partial<Record<keyof typeof SETTING_KEYS, number>>;
}

export function readSettings(table: Table | null, sheet: string, lang: Lang): SettingsReading {
  const settings = defaultSettings();
  const issues: Issue[] = [];
  const rows: SettingsReading['rows'] = {};
  if (!table) return { settings, issues, rows };
  const unreadable = (row: number, key: string, v: CellValue, fallback: string) =>
    issues.push({
      severity: 'error', sheet, cell: a1(row, 1), code: 'setting.unreadable',
      message: t(lang, 'setting.unreadable', { key, text: cleanText(v), fallback }),
    });
  for (let r = 0; r < table.length; r++) {
    const row = table[r] ?? [];
    const key = normalizeHeader(row[0]);
    const value = row[1];
    if (key === '' || (r === 0 && /^(chiave|key|impostazione|setting|parametro)$/.test(key))) continue;
    const found = (Object.keys(SETTING_KEYS) as (keyof typeof SETTING_KEYS)[]).find((k) => SETTING_KEYS[k].aliases.includes(key));
    if (!found) {
      // Individual performance keys (composizione <ruolo>, fasce premiali, ...) are read by people-settings.ts.
      if (isPeopleSettingKey(key)) continue;
      issues.push({ severity: 'warning', sheet, cell: a1(r, 0), code: 'setting.unknown', message: t(lang, 'setting.unknown', { key: cleanText(row[0]) }) });
      continue;
    }
    rows[found] = r;
    if (isBlank(value)) continue;
    switch (found) {
      case 'method': {
        const m = readMethod(value);
        if (m) settings.method = m;
        else unreadable(r, cleanText(row[0]), value, methodLabel(settings.method, lang));
        break;
      }
      case 'bands': {
        const b = parseBands(String(value));
        if (b) settings.bands = b;
        else unreadable(r, cleanText(row[0]), value, '99%:100%; 80%:80%; 0%:0%');
        break;
      }
      case 'tolerance': {
        const f = readFraction(value);
        if (f && sign(f) >= 0) settings.tolerance = toNumber(f);
        else unreadable(r, cleanText(row[0]), value, '0%');
        break;
      }
      case 'cap': {
        const c = readCap(value);
        if (c !== null) settings.cap = c;
        else unreadable(r, cleanText(row[0]), value, '100%');
        break;
      }
      case 'entityAggregation': {
        const a = readAggregation(value);
        if (a) settings.entityAggregation = a;
        else unreadable(r, cleanText(row[0]), value, t(lang, `aggregation.${settings.entityAggregation}`));
        break;
      }
      case 'ratingScale': {
        const s = parseRatingScale(String(value));
        if (s) settings.ratingScale = s;
        else unreadable(r, cleanText(row[0]), value, DEFAULT_RATING_SCALE.map((x) => `${formatPercent(x.from, lang, 0)}:${x.label}`).join('; '));
        break;
      }
      case 'year': {
        const y = readNumber(value);
        const year = y && y.unit === '' && isInteger(y.value) ? toNumber(y.value) : NaN;
        if (year >= 1990 && year <= 2200) settings.year = year;
        else unreadable(r, cleanText(row[0]), value, '-');
        break;
      }
      case 'entityName':
        settings.entityName = cleanText(value);
        break;
      case 'period':
        settings.period = cleanText(value);
        break;
    }
  }
  return { settings, issues, rows };
}
