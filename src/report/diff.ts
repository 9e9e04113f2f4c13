/**
 * What changed between two versions of a plan, by code (row order does not matter): objectives and
 * indicators added or removed, their fields and the settings changed, and what each change alone does to
 * the scores.
 *
 * Values are compared as the cells hold them, read the way the core reads them: 0.68, "68%" and "0,68"
 * are one value, a weight of 14,2857% against 14,2858% is a change. Formatting happens only when the
 * diff is shown, in the language asked for.
 *
 * Effect of a change: the older plan with that one change applied, scored again. A change's effect is
 * therefore what it does on its own; changes that interact (a weight and a score under the same objective)
 * need not add up to the total movement, and the remainder is reported as the interaction.
 */
import type { Band, CellValue, Lang, Method, PlanInput, RatingStep, ScoreOptions, ScoreResult, Table } from '../core/types.js';
import {
  INDICATOR_COLUMNS, OBJECTIVE_COLUMNS, SETTING_KEYS, SHEETS, findColumn, findHeaderRow, findSheet, formatNumber,
  formatPercent, methodLabel, readSettings, scorePlan, t,
} from '../core/index.js';
import { cleanText, dateToSerial, isBlank, isNotDefined, italianDate, isoDate, parseDateText, parseNumberText, readBoolean, readFraction } from '../core/cell.js';
import { cmp, fromNumber, toNumber, type Rational } from '../core/decimal.js';
import { chooseYearColumns, IssueSink, readCode, readDirection } from '../core/plan.js';
import { parseTarget, isTargetError } from '../core/target.js';
import { headerWidth, type ColumnSpec } from '../core/table.js';
import { escapeXml as esc } from '../ui/charts.js';

export interface Version {
  input: PlanInput;
  result: ScoreResult;
  /** The file this version came from, named on the page. */
  name?: string;
  /** The options it was scored with; effects rescore the older version with these. */
  options?: ScoreOptions;
}

/** A cell's value as the core reads it, independent of how the cell was typed or formatted. */
export type DiffValue =
  | { type: 'blank' }
  | { type: 'text'; text: string }
  | { type: 'number'; value: number; exact: Rational; percent: boolean; unit: string }
  | { type: 'date'; serial: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'target'; text: string; key: string }
  | { type: 'method'; value: Method }
  | { type: 'aggregation'; value: 'simple' | 'weighted' }
  | { type: 'bands'; value: Band[] }
  | { type: 'scale'; value: RatingStep[] };

export type ItemKind = 'indicator' | 'objective' | 'setting';

export type Field =
  | 'name' | 'objective' | 'target' | 'weight' | 'actual' | 'threshold' | 'direction' | 'unit' | 'method' | 'override'
  | 'note' | 'excluded' | 'title' | 'parent'
  | 'bands' | 'tolerance' | 'cap' | 'entityAggregation' | 'ratingScale' | 'year' | 'entityName';

export interface ScoreMove {
  /** Objective or indicator code; "" for the entity. */
  code: string;
  before: number | null;
  after: number | null;
}

/**
 * What one change does alone: `path` is the changed item, its ancestors and the entity (code ""), only the
 * levels whose score moved; `entity` is always present. null when it was not computed (see PlanDiff.effectsOmitted).
 */
export interface Effect {
  path: ScoreMove[];
  entity: ScoreMove;
}

export interface FieldChange {
  kind: ItemKind;
  code: string;
  field: Field;
  before: DiffValue;
  after: DiffValue;
  /** Formatting hint: actuals and thresholds of a percent target read as percentages. */
  percent?: boolean;
  effect: Effect | null;
}

export interface ItemChange {
  kind: 'indicator' | 'objective';
  code: string;
  label: string;
  effect: Effect | null;
}

export interface PlanDiff {
  files: { before: string | null; after: string | null };
  added: ItemChange[];
  removed: ItemChange[];
  changed: FieldChange[];
  /** The entity's result in each version. */
  entity: ScoreMove;
  /** Total movement of the entity minus the sum of the single effects (null when not all were computed). */
  interaction: number | null;
  /** Changes whose effect was not computed because the plan is too large for that many rescorings. */
  effectsOmitted: number;
}

/** Rescoring budget, in indicator rows scored: about ten seconds on the benchmark machine. */
const EFFECT_BUDGET = 1_500_000;

const BLANK: DiffValue = { type: 'blank' };

/** Actuals, thresholds: a number, percentage, date, yes/no or text, whatever the cell type. */
export function readValue(v: CellValue): DiffValue {
  if (isBlank(v)) return BLANK;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? BLANK : { type: 'date', serial: dateToSerial(v) };
  if (typeof v === 'boolean') return { type: 'boolean', value: v };
  if (typeof v === 'number') return { type: 'number', value: v, exact: fromNumber(v), percent: false, unit: '' };
  const text = cleanText(v);
  if (isNotDefined(text)) return { type: 'text', text: 'n.d.' };
  const date = parseDateText(text, null);
  if (date && date.rest === '') return { type: 'date', serial: date.serial };
  const n = parseNumberText(text);
  if (n) return { type: 'number', value: toNumber(n.value), exact: n.value, percent: n.percent, unit: n.unit.toLowerCase() };
  const b = readBoolean(text);
  if (b !== null) return { type: 'boolean', value: b };
  return { type: 'text', text };
}

/** Peso, Override, objective Target: fractions with the core's rule (a bare number above 1 is percent points). */
function readFractionValue(v: CellValue): DiffValue {
  if (isBlank(v) || isNotDefined(v)) return BLANK;
  const f = readFraction(typeof v === 'string' ? v.replace(/^\s*(>=|≥|=>)\s*/, '') : v);
  if (!f) return { type: 'text', text: cleanText(v) };
  return { type: 'number', value: toNumber(f), exact: f, percent: true, unit: '' };
}

function readTargetValue(v: CellValue, year: number | null, unit: string): DiffValue {
  if (isBlank(v)) return BLANK;
  const text = v instanceof Date ? italianDate(dateToSerial(v)) : cleanText(v);
  const parsed = parseTarget(v, { year, unit });
  if (isTargetError(parsed)) return { type: 'target', text, key: `?${text}` };
  const exact = parsed.exact ?? (typeof parsed.value === 'number' ? fromNumber(parsed.value) : null);
  const value = exact ? `${exact.n}/${exact.d}` : String(parsed.value);
  return { type: 'target', text, key: `${parsed.op ?? ''}|${parsed.kind}|${value}|${(parsed.unit ?? '').toLowerCase().replace(/\.$/, '')}` };
}

function textValue(v: CellValue): DiffValue {
  const text = cleanText(v);
  return text === '' ? BLANK : { type: 'text', text };
}

function codeValue(v: CellValue): DiffValue {
  const text = readCode(v);
  return text === '' ? BLANK : { type: 'text', text };
}

function sameValue(a: DiffValue, b: DiffValue): boolean {
  if (a.type === 'number' && b.type === 'number') return cmp(a.exact, b.exact) === 0 && a.unit === b.unit;
  // An Excel serial in one file and a typed date in the other are the same day.
  if (a.type === 'date' && b.type === 'number') return b.unit === '' && b.value === a.serial;
  if (a.type === 'number' && b.type === 'date') return sameValue(b, a);
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'blank': return true;
    case 'text': return a.text === (b as typeof a).text;
    case 'date': return a.serial === (b as typeof a).serial;
    case 'boolean': case 'method': case 'aggregation': return a.value === (b as typeof a).value;
    case 'target': return a.key === (b as typeof a).key;
    case 'bands': case 'scale': return JSON.stringify(a.value) === JSON.stringify((b as typeof a).value);
    default: return false;
  }
}

/** Where each field of a sheet lives, in one version. */
interface SheetLayout {
  name: string;
  table: Table;
  headerRow: number;
  cols: Partial<Record<Field | 'code', number>>;
  /** Header text per field, for a column the other version lacks. */
  headers: Partial<Record<Field | 'code', CellValue>>;
}

const INDICATOR_FIELD_SPECS: [Field | 'code', ColumnSpec][] = [
  ['code', INDICATOR_COLUMNS.code], ['name', INDICATOR_COLUMNS.name], ['objective', INDICATOR_COLUMNS.objective],
  ['weight', INDICATOR_COLUMNS.weight], ['direction', INDICATOR_COLUMNS.direction], ['unit', INDICATOR_COLUMNS.unit],
  ['method', INDICATOR_COLUMNS.method], ['override', INDICATOR_COLUMNS.override], ['note', INDICATOR_COLUMNS.note],
  ['excluded', INDICATOR_COLUMNS.excluded],
];
const OBJECTIVE_FIELD_SPECS: [Field | 'code', ColumnSpec][] = [
  ['code', OBJECTIVE_COLUMNS.code], ['title', OBJECTIVE_COLUMNS.title], ['parent', OBJECTIVE_COLUMNS.parent],
  ['weight', OBJECTIVE_COLUMNS.weight], ['target', OBJECTIVE_COLUMNS.target],
];

function indicatorLayout(v: Version): SheetLayout | null {
  const found = findSheet(v.input.sheets, SHEETS.indicators);
  if (!found) return null;
  const headerRow = findHeaderRow(found.table, INDICATOR_COLUMNS.code);
  const headers = found.table[headerRow] ?? [];
  const layout: SheetLayout = { name: found.name, table: found.table, headerRow, cols: {}, headers: {} };
  for (const [field, spec] of INDICATOR_FIELD_SPECS) layout.cols[field] = findColumn(headers, spec);
  // The year's Target, Consuntivo and Soglia, exactly as scoring chose them.
  const years = chooseYearColumns(headers, headerRow, v.result.settings, found.name, new IssueSink(v.result.lang));
  layout.cols.target = years.target;
  layout.cols.actual = years.actual;
  layout.cols.threshold = years.threshold;
  for (const [field, col] of Object.entries(layout.cols)) if (col !== undefined && col >= 0) layout.headers[field as Field] = headers[col];
  return layout;
}

function objectiveLayout(v: Version): SheetLayout | null {
  const found = findSheet(v.input.sheets, SHEETS.objectives);
  if (!found) return null;
  const headerRow = findHeaderRow(found.table, OBJECTIVE_COLUMNS.code);
  const headers = found.table[headerRow] ?? [];
  const layout: SheetLayout = { name: found.name, table: found.table, headerRow, cols: {}, headers: {} };
  for (const [field, spec] of OBJECTIVE_FIELD_SPECS) {
    layout.cols[field] = findColumn(headers, spec);
    if ((layout.cols[field] as number) >= 0) layout.headers[field] = headers[layout.cols[field] as number];
  }
  return layout;
}

const rawCell = (layout: SheetLayout | null, row: number, field: Field): CellValue => {
  const col = layout?.cols[field] ?? -1;
  return col < 0 || !layout ? null : layout.table[row]?.[col] ?? null;
};

/** One edit of the older plan's tables, to apply a single change and rescore. */
type Edit =
  | { op: 'set'; sheet: 'indicators' | 'objectives' | 'settings'; row: number; col: number; value: CellValue }
  | { op: 'blankRow'; sheet: 'indicators' | 'objectives'; row: number }
  | { op: 'appendRow'; sheet: 'indicators' | 'objectives' | 'settings'; cells: [number, CellValue][] };

/** Columns of the older version, with columns it lacks placed after its last header. */
class ColumnPlacer {
  private next: number;
  private readonly extra = new Map<string, number>();
  constructor(private readonly layout: SheetLayout) {
    this.next = Math.max(headerWidth(layout.table, layout.headerRow), 1);
  }
  /** The column of a field, and the header edit needed when the older version has none. */
  column(field: Field | 'code', header: CellValue, sheet: 'indicators' | 'objectives'): { col: number; edits: Edit[] } {
    const own = this.layout.cols[field] ?? -1;
    if (own >= 0) return { col: own, edits: [] };
    let col = this.extra.get(field);
    if (col === undefined) this.extra.set(field, (col = this.next++));
    return { col, edits: [{ op: 'set', sheet, row: this.layout.headerRow, col, value: header }] };
  }
}

function applyEdits(input: PlanInput, layouts: Record<'indicators' | 'objectives' | 'settings', { name: string } | null>, edits: Edit[]): PlanInput {
  const sheets = { ...input.sheets };
  const copied = new Set<string>();
  const tableOf = (sheet: 'indicators' | 'objectives' | 'settings'): Table => {
    const name = layouts[sheet]?.name ?? SHEETS[sheet].it;
    if (!copied.has(name)) {
      sheets[name] = [...(sheets[name] ?? [])];
      copied.add(name);
    }
    return sheets[name];
  };
  for (const e of edits) {
    const table = tableOf(e.sheet);
    if (e.op === 'set') {
      const row = [...(table[e.row] ?? [])];
      while (row.length < e.col) row.push(null);
      row[e.col] = e.value;
      table[e.row] = row;
    } else if (e.op === 'blankRow') {
      table[e.row] = [];
    } else {
      const row: CellValue[] = [];
      for (const [c, value] of e.cells) {
        while (row.length < c) row.push(null);
        row[c] = value;
      }
      table.push(row);
    }
  }
  return { ...input, sheets };
}

interface Pending {
  target: FieldChange | ItemChange;
  kind: 'indicator' | 'objective' | 'setting';
  code: string;
  edits: Edit[];
  /** Labels only: no score can move. */
  inert: boolean;
}

const SETTING_FIELDS: (keyof typeof SETTING_KEYS & Field)[] = ['method', 'bands', 'tolerance', 'cap', 'entityAggregation', 'ratingScale', 'year', 'entityName'];

function settingValue(result: ScoreResult, key: (typeof SETTING_FIELDS)[number]): DiffValue {
  const s = result.settings;
  switch (key) {
    case 'method': return { type: 'method', value: s.method };
    case 'bands': return { type: 'bands', value: s.bands };
    case 'tolerance': return { type: 'number', value: s.tolerance, exact: fromNumber(s.tolerance), percent: true, unit: '' };
    case 'cap': return { type: 'number', value: s.cap, exact: fromNumber(s.cap), percent: true, unit: '' };
    case 'entityAggregation': return { type: 'aggregation', value: s.entityAggregation };
    case 'ratingScale': return { type: 'scale', value: s.ratingScale };
    case 'year': return s.year === null ? BLANK : { type: 'number', value: s.year, exact: fromNumber(s.year), percent: false, unit: '' };
    case 'entityName': return s.entityName ? { type: 'text', text: s.entityName } : BLANK;
  }
}

export function diffPlans(before: Version, after: Version): PlanDiff {
  const diff: PlanDiff = {
    files: { before: before.name ?? null, after: after.name ?? null },
    added: [], removed: [], changed: [],
    entity: { code: '', before: before.result.entity.score, after: after.result.entity.score },
    interaction: null,
    effectsOmitted: 0,
  };
  const pending: Pending[] = [];
  const layoutA = { indicators: indicatorLayout(before), objectives: objectiveLayout(before) };
  const layoutB = { indicators: indicatorLayout(after), objectives: objectiveLayout(after) };
  const settingsA = findSheet(before.input.sheets, SHEETS.settings);
  const settingsB = findSheet(after.input.sheets, SHEETS.settings);
  const sheetNames = { indicators: layoutA.indicators, objectives: layoutA.objectives, settings: settingsA };

  // Settings first: they move every score.
  const rowsA = readSettings(settingsA?.table ?? null, settingsA?.name ?? '', before.result.lang).rows;
  const rowsB = readSettings(settingsB?.table ?? null, settingsB?.name ?? '', after.result.lang).rows;
  for (const key of SETTING_FIELDS) {
    const a = settingValue(before.result, key);
    const b = settingValue(after.result, key);
    if (sameValue(a, b)) continue;
    const change: FieldChange = { kind: 'setting', code: '', field: key, before: a, after: b, effect: null };
    diff.changed.push(change);
    const rowB = rowsB[key];
    const value = rowB === undefined || !settingsB ? null : settingsB.table[rowB]?.[1] ?? null;
    const rowA = rowsA[key];
    const edits: Edit[] = rowA !== undefined
      ? [{ op: 'set', sheet: 'settings', row: rowA, col: 1, value }]
      : [{ op: 'appendRow', sheet: 'settings', cells: [[0, SETTING_KEYS[key][before.result.lang]], [1, value]] }];
    pending.push({ target: change, kind: 'setting', code: '', edits, inert: key === 'entityName' });
  }

  const compareItems = <T extends { code: string; row: number }>(
    kind: 'indicator' | 'objective', listA: T[], listB: T[], a: SheetLayout | null, b: SheetLayout | null,
    specs: [Field | 'code', ColumnSpec][], read: (layout: SheetLayout | null, item: T, field: Field, v: Version) => DiffValue,
    fields: Field[], label: (x: T) => string, percentOf: (item: T | undefined) => boolean,
  ) => {
    const sheet = kind === 'indicator' ? 'indicators' : 'objectives';
    const mapA = new Map(listA.map((x) => [x.code, x]));
    const mapB = new Map(listB.map((x) => [x.code, x]));
    const placer = a ? new ColumnPlacer(a) : null;
    const headerOf = (field: Field | 'code'): CellValue => b?.headers[field] ?? (specs.find(([f]) => f === field)?.[1].it ?? field);
    for (const x of listA) {
      if (mapB.has(x.code)) continue;
      const change: ItemChange = { kind, code: x.code, label: label(x), effect: null };
      diff.removed.push(change);
      pending.push({ target: change, kind, code: x.code, edits: [{ op: 'blankRow', sheet, row: x.row }], inert: false });
    }
    for (const y of listB) {
      const x = mapA.get(y.code);
      if (!x) {
        const change: ItemChange = { kind, code: y.code, label: label(y), effect: null };
        diff.added.push(change);
        const edits: Edit[] = [];
        const cells: [number, CellValue][] = [];
        if (placer && b) {
          for (const field of ['code', ...fields] as (Field | 'code')[]) {
            const from = b.cols[field] ?? -1;
            if (from < 0) continue;
            const { col, edits: headerEdits } = placer.column(field, headerOf(field), sheet);
            edits.push(...headerEdits);
            cells.push([col, b.table[y.row]?.[from] ?? null]);
          }
          edits.push({ op: 'appendRow', sheet, cells });
        }
        pending.push({ target: change, kind, code: y.code, edits: placer ? edits : [], inert: !placer });
        continue;
      }
      for (const field of fields) {
        const va = read(a, x, field, before);
        const vb = read(b, y, field, after);
        if (sameValue(va, vb)) continue;
        const change: FieldChange = { kind, code: y.code, field, before: va, after: vb, effect: null };
        if ((field === 'actual' || field === 'threshold') && (percentOf(y) || percentOf(x))) change.percent = true;
        diff.changed.push(change);
        const edits: Edit[] = [];
        if (placer) {
          const { col, edits: headerEdits } = placer.column(field, headerOf(field), sheet);
          edits.push(...headerEdits, { op: 'set', sheet, row: x.row, col, value: rawCell(b, y.row, field) });
        }
        pending.push({ target: change, kind, code: y.code, edits, inert: field === 'name' || field === 'title' || !placer });
      }
    }
  };

  compareItems('objective', before.result.objectives, after.result.objectives, layoutA.objectives, layoutB.objectives, OBJECTIVE_FIELD_SPECS,
    (layout, o, field) => {
      const v = rawCell(layout, o.row, field);
      if (!layout) return field === 'title' ? textValue(o.title) : field === 'parent' ? codeValue(o.parent) : BLANK;
      return field === 'weight' || field === 'target' ? readFractionValue(v) : field === 'parent' ? codeValue(v) : textValue(v);
    },
    ['title', 'parent', 'weight', 'target'], (o) => o.title, () => false);

  compareItems('indicator', before.result.indicators, after.result.indicators, layoutA.indicators, layoutB.indicators, INDICATOR_FIELD_SPECS,
    (layout, i, field, v) => {
      const cellValue = rawCell(layout, i.row, field);
      switch (field) {
        case 'weight': case 'override': return readFractionValue(cellValue);
        case 'target': return readTargetValue(cellValue, v.result.settings.year, cleanText(rawCell(layout, i.row, 'unit')));
        case 'actual': case 'threshold': return readValue(cellValue);
        case 'objective': return codeValue(cellValue);
        case 'excluded': return { type: 'boolean', value: readBoolean(cellValue) ?? false };
        case 'direction': {
          const d = readDirection(cellValue);
          return d === null ? BLANK : { type: 'text', text: d === 'error' ? cleanText(cellValue) : d === 'higher' ? 'max' : 'min' };
        }
        case 'method': return isBlank(cellValue) ? BLANK : textValue(cleanText(cellValue).toLowerCase());
        case 'unit': return textValue(cleanText(cellValue).toLowerCase());
        default: return textValue(cellValue);
      }
    },
    ['name', 'objective', 'target', 'weight', 'actual', 'threshold', 'direction', 'unit', 'method', 'override', 'note', 'excluded'],
    (i) => i.name, (i) => i?.target?.kind === 'percent');

  computeEffects(before, pending, sheetNames, diff);
  return diff;
}

function moved(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a == null || b == null) return (a ?? null) !== (b ?? null);
  return Math.abs(a - b) > 1e-12;
}

function computeEffects(before: Version, pending: Pending[], sheetNames: Record<'indicators' | 'objectives' | 'settings', { name: string } | null>, diff: PlanDiff): void {
  const base = before.result;
  const entityBefore = base.entity.score;
  const perScoring = Math.max(base.indicators.length, 1);
  const affordable = Math.floor(EFFECT_BUDGET / perScoring);
  const objA = new Map(base.objectives.map((o) => [o.code, o]));
  const indA = new Map(base.indicators.map((i) => [i.code, i]));
  const options: ScoreOptions = before.options ?? { lang: base.lang, year: base.settings.year ?? undefined };
  let computed = 0;
  let sum = 0;
  let complete = true;
  for (const p of pending) {
    if (p.inert) {
      p.target.effect = { path: [], entity: { code: '', before: entityBefore, after: entityBefore } };
      continue;
    }
    if (computed >= affordable) {
      diff.effectsOmitted++;
      complete = false;
      continue;
    }
    computed++;
    const yearChange = p.kind === 'setting' && (p.target as FieldChange).field === 'year';
    const result = scorePlan(applyEdits(before.input, sheetNames, p.edits), yearChange ? { ...options, year: undefined } : options);
    const objB = new Map(result.objectives.map((o) => [o.code, o]));
    const path: ScoreMove[] = [];
    let parent: string | null = null;
    if (p.kind === 'indicator') {
      const after = result.indicators.find((i) => i.code === p.code);
      const prior = indA.get(p.code);
      path.push({ code: p.code, before: prior?.score ?? null, after: after?.score ?? null });
      parent = (after ?? prior)?.objective ?? null;
      // A moved indicator also changes the objective it left.
      if (after && prior && after.objective !== prior.objective) path.push(...chain(prior.objective, objA, objB));
    } else if (p.kind === 'objective') parent = p.code;
    path.push(...chain(parent, objA, objB));
    const entity: ScoreMove = { code: '', before: entityBefore, after: result.entity.score };
    path.push(entity);
    const seen = new Set<string>();
    p.target.effect = {
      path: path.filter((m) => moved(m.before, m.after) && !seen.has(m.code) && (seen.add(m.code), true)),
      entity,
    };
    if (entity.before !== null && entity.after !== null) sum += entity.after - entity.before;
    else if (moved(entity.before, entity.after)) complete = false;
  }
  const { before: b, after: a } = diff.entity;
  diff.interaction = complete && a !== null && b !== null ? a - b - sum : null;
}

/** An objective and its ancestors, old score against the rescored one (the newer tree's parents). */
function chain(code: string | null, objA: Map<string, { parent: string | null; score: number | null }>, objB: Map<string, { parent: string | null; score: number | null }>): ScoreMove[] {
  const out: ScoreMove[] = [];
  const seen = new Set<string>();
  let parent = code;
  while (parent !== null && !seen.has(parent)) {
    seen.add(parent);
    const a = objA.get(parent);
    const b = objB.get(parent);
    out.push({ code: parent, before: a?.score ?? null, after: b?.score ?? null });
    parent = (b ?? a)?.parent ?? null;
  }
  return out;
}

const WORDS = {
  it: {
    title: 'Differenze tra le versioni del piano', entity: 'Risultato dell\'ente', added: 'Aggiunti', removed: 'Rimossi',
    changed: 'Modifiche', impacts: 'Effetto di ciascuna modifica', none: 'Nessuna differenza.', indicator: 'Indicatore',
    objective: 'Obiettivo', setting: 'Impostazione', field: 'Campo', before: 'Prima', after: 'Dopo', code: 'Codice', kind: 'Tipo',
    label: 'Descrizione', effect: 'Effetto sull\'ente', noMove: 'nessun punteggio cambiato', entityCode: 'Ente', blank: '(vuoto)',
    files: 'Versioni confrontate', older: 'precedente', newer: 'nuova', points: 'p.p.', yes: 'si', no: 'no',
    method: 'L\'effetto di ogni modifica è calcolato applicando quella sola modifica alla versione precedente e ricalcolando il piano: mostra che cosa fa la modifica da sola. Gli effetti non si sommano necessariamente alla variazione totale, perché modifiche sotto lo stesso obiettivo interagiscono (pesi rinormalizzati, neutralizzazioni): la differenza è indicata come interazione.',
    interaction: 'Interazione tra le modifiche (variazione totale meno la somma degli effetti singoli)',
    omitted: 'Effetto non calcolato per {n} modifiche: il piano è troppo grande per ricalcolarlo una volta per modifica.',
    notComputed: 'non calcolato',
    fields: {
      target: 'Target', weight: 'Peso', actual: 'Consuntivo', threshold: 'Soglia', direction: 'Direzione', unit: 'UdM', method: 'Metodo',
      override: 'Override', note: 'Nota', excluded: 'Neutralizzato', objective: 'Obiettivo', title: 'Titolo', parent: 'Padre', name: 'Indicatore',
      bands: 'Fasce', tolerance: 'Tolleranza', cap: 'Tetto', entityAggregation: 'Aggregazione ente', ratingScale: 'Scala valutazione', year: 'Anno', entityName: 'Ente',
    },
  },
  en: {
    title: 'Changes between plan versions', entity: 'Entity result', added: 'Added', removed: 'Removed',
    changed: 'Changes', impacts: 'Effect of each change', none: 'No differences.', indicator: 'Indicator',
    objective: 'Objective', setting: 'Setting', field: 'Field', before: 'Before', after: 'After', code: 'Code', kind: 'Kind',
    label: 'Description', effect: 'Effect on the entity', noMove: 'no score moved', entityCode: 'Entity', blank: '(blank)',
    files: 'Versions compared', older: 'older', newer: 'newer', points: 'pp', yes: 'yes', no: 'no',
    method: 'Each change\'s effect is computed by applying that change alone to the older version and scoring the plan again: it shows what the change does on its own. The effects need not add up to the total movement, because changes under the same objective interact (renormalised weights, exclusions): the remainder is shown as the interaction.',
    interaction: 'Interaction between changes (total movement minus the sum of the single effects)',
    omitted: 'Effect not computed for {n} changes: the plan is too large to score again once per change.',
    notComputed: 'not computed',
    fields: {
      target: 'Target', weight: 'Weight', actual: 'Actual', threshold: 'Threshold', direction: 'Direction', unit: 'Unit', method: 'Method',
      override: 'Override', note: 'Note', excluded: 'Excluded', objective: 'Objective', title: 'Title', parent: 'Parent', name: 'Indicator',
      bands: 'Bands', tolerance: 'Tolerance', cap: 'Cap', entityAggregation: 'Entity aggregation', ratingScale: 'Rating scale', year: 'Year', entityName: 'Entity',
    },
  },
} satisfies Record<Lang, unknown>;

/** Enough decimals that two different numbers never print alike (a weight moved by 0,001%). */
function digitsFor(a: DiffValue, b: DiffValue, percent: boolean, lang: Lang): number {
  if (a.type !== 'number' || b.type !== 'number') return 2;
  const scale = percent ? 100 : 1;
  if (!percent && Number.isInteger(a.value) && Number.isInteger(b.value)) return 0;
  for (let d = 2; d < 12; d++) if (formatNumber(a.value * scale, lang, d) !== formatNumber(b.value * scale, lang, d)) return d;
  return 2;
}

/** A value in the language of the page: 0.68 is "68,00%" or "0,68" in Italian, "68.00%" or "0.68" in English. */
export function formatValue(v: DiffValue, lang: Lang, options: { percent?: boolean; digits?: number } = {}): string {
  const w = WORDS[lang];
  switch (v.type) {
    case 'blank': return w.blank;
    case 'text': return v.text;
    case 'target': return v.text;
    case 'boolean': return v.value ? w.yes : w.no;
    case 'date': return lang === 'it' ? italianDate(v.serial) : isoDate(v.serial);
    case 'method': return methodLabel(v.value, lang);
    case 'aggregation': return t(lang, `aggregation.${v.value}`);
    case 'bands': return v.value.map((b) => `${formatPercent(b.from, lang, 0)}:${formatPercent(b.score, lang, 0)}`).join('; ');
    case 'scale': return v.value.map((s) => `${formatPercent(s.from, lang, 0)}:${s.label}`).join('; ');
    case 'number': {
      const digits = options.digits ?? (Number.isInteger(v.value) && !v.percent && !options.percent ? 0 : 2);
      const text = v.percent || options.percent ? formatPercent(v.value, lang, digits) : formatNumber(v.value, lang, digits);
      return v.unit ? `${text} ${v.unit}` : text;
    }
  }
}

/** Before and after of one change, formatted alike. */
export function formatChange(c: FieldChange, lang: Lang): [string, string] {
  const percent = c.percent ?? false;
  const digits = digitsFor(c.before, c.after, percent || (c.before.type === 'number' && c.before.percent), lang);
  const fmt = (v: DiffValue) => formatValue(v, lang, { percent: percent || undefined, digits: v.type === 'number' ? Math.max(digits, v.percent || percent || !Number.isInteger(v.value) ? 2 : 0) : undefined });
  return [fmt(c.before), fmt(c.after)];
}

/** A score that moved by less than 0,01% still reads as moved: as many decimals as it takes, up to 8. */
function moveText(m: ScoreMove, lang: Lang): string {
  const w = WORDS[lang];
  let digits = 2;
  while (digits < 8 && m.before !== null && m.after !== null && moved(m.before, m.after) &&
    formatPercent(m.before, lang, digits) === formatPercent(m.after, lang, digits)) digits++;
  return `${m.code === '' ? w.entityCode : m.code} ${formatPercent(m.before, lang, digits)} → ${formatPercent(m.after, lang, digits)}`;
}

/** "+1,23 p.p." (percentage points of the entity's result); a tiny move keeps its first digits. */
function pointsText(x: number, lang: Lang): string {
  const points = Math.abs(x * 100);
  const digits = points === 0 || points >= 0.005 ? 2 : Math.min(8, Math.ceil(-Math.log10(points)) + 1);
  const rounded = formatNumber(x * 100, lang, digits);
  const sign = x > 0 && Number(rounded.replace(',', '.')) !== 0 ? '+' : '';
  return `${sign}${rounded} ${WORDS[lang].points}`;
}

function effectText(e: Effect | null, lang: Lang): string {
  const w = WORDS[lang];
  if (!e) return w.notComputed;
  if (e.path.length === 0) return w.noMove;
  const delta = e.entity.before !== null && e.entity.after !== null ? ` (${pointsText(e.entity.after - e.entity.before, lang)})` : '';
  return e.path.map((m) => moveText(m, lang)).join(' ⇒ ') + (moved(e.entity.before, e.entity.after) ? delta : '');
}

export function isEmpty(diff: PlanDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

function kindWord(kind: ItemKind, lang: Lang): string {
  return WORDS[lang][kind];
}

function changeSubject(c: FieldChange, lang: Lang): string {
  return c.kind === 'setting' ? kindWord('setting', lang) : `${kindWord(c.kind, lang)} ${c.code}`;
}

export function formatDiffText(diff: PlanDiff, lang: Lang): string {
  const w = WORDS[lang];
  const lines = [w.title];
  if (diff.files.before || diff.files.after) lines.push(`${w.files}: ${diff.files.before ?? '?'} → ${diff.files.after ?? '?'}`);
  lines.push(`${w.entity}: ${formatPercent(diff.entity.before, lang)} → ${formatPercent(diff.entity.after, lang)}`);
  if (isEmpty(diff)) return [...lines, w.none].join('\n');
  if (diff.added.length) lines.push('', `${w.added}:`, ...diff.added.map((a) => `  + ${kindWord(a.kind, lang)} ${a.code} ${a.label}`));
  if (diff.removed.length) lines.push('', `${w.removed}:`, ...diff.removed.map((a) => `  - ${kindWord(a.kind, lang)} ${a.code} ${a.label}`));
  if (diff.changed.length) {
    lines.push('', `${w.changed}:`, ...diff.changed.map((c) => {
      const [b, a] = formatChange(c, lang);
      return `  ~ ${changeSubject(c, lang)} ${w.fields[c.field]}: "${b}" → "${a}"`;
    }));
  }
  lines.push('', `${w.impacts}:`);
  for (const a of diff.added) lines.push(`  ${kindWord(a.kind, lang)} ${a.code}: ${effectText(a.effect, lang)} — ${w.added.toLowerCase()}`);
  for (const a of diff.removed) lines.push(`  ${kindWord(a.kind, lang)} ${a.code}: ${effectText(a.effect, lang)} — ${w.removed.toLowerCase()}`);
  for (const c of diff.changed) lines.push(`  ${changeSubject(c, lang)}: ${effectText(c.effect, lang)} — ${w.fields[c.field]}`);
  if (diff.interaction !== null && Math.abs(diff.interaction) > 5e-7) lines.push(`  ${w.interaction}: ${pointsText(diff.interaction, lang)}`);
  if (diff.effectsOmitted) lines.push(`  ${w.omitted.replace('{n}', String(diff.effectsOmitted))}`);
  lines.push('', w.method);
  return lines.join('\n');
}

export function renderDiff(diff: PlanDiff, lang: Lang): string {
  const w = WORDS[lang];
  const effectCell = (e: Effect | null) => `<td>${esc(effectText(e, lang))}</td>`;
  const list = (title: string, items: ItemChange[], sign: string) => items.length === 0 ? '' :
    `<section><h2>${title}</h2><table><colgroup><col style="width:14%"><col style="width:10%"><col style="width:36%"><col></colgroup><thead><tr><th>${w.kind}</th><th>${w.code}</th><th>${w.label}</th><th>${w.effect}</th></tr></thead><tbody>${items.map((a) =>
      `<tr><td>${sign} ${kindWord(a.kind, lang)}</td><td>${esc(a.code)}</td><td>${esc(a.label)}</td>${effectCell(a.effect)}</tr>`).join('')}</tbody></table></section>`;
  const changed = diff.changed.length === 0 ? '' :
    `<section><h2>${w.changed}</h2><table><colgroup><col style="width:11%"><col style="width:8%"><col style="width:11%"><col style="width:16%"><col style="width:16%"><col></colgroup><thead><tr><th>${w.kind}</th><th>${w.code}</th><th>${w.field}</th><th>${w.before}</th><th>${w.after}</th><th>${w.effect}</th></tr></thead><tbody>${diff.changed.map((c) => {
      const [b, a] = formatChange(c, lang);
      return `<tr><td>${kindWord(c.kind, lang)}</td><td>${esc(c.code)}</td><td>${w.fields[c.field]}</td><td>${esc(b)}</td><td>${esc(a)}</td>${effectCell(c.effect)}</tr>`;
    }).join('')}</tbody></table></section>`;
  const files = diff.files.before || diff.files.after
    ? `<p class="files">${w.files}: ${w.older} <strong>${esc(diff.files.before ?? '?')}</strong> → ${w.newer} <strong>${esc(diff.files.after ?? '?')}</strong></p>` : '';
  const notes = isEmpty(diff) ? `<p>${w.none}</p>` : `<p class="method">${esc(w.method)}</p>` +
    (diff.interaction !== null && Math.abs(diff.interaction) > 5e-7 ? `<p>${esc(w.interaction)}: <strong>${esc(pointsText(diff.interaction, lang))}</strong></p>` : '') +
    (diff.effectsOmitted ? `<p>${esc(w.omitted.replace('{n}', String(diff.effectsOmitted)))}</p>` : '');
  const title = diff.files.before && diff.files.after ? `${w.title}: ${diff.files.before} → ${diff.files.after}` : w.title;
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>
body{font-family:"DejaVu Sans",system-ui,sans-serif;font-size:10.5pt;max-width:1200px;margin:0 auto;padding:12px;line-height:1.35}
table{width:100%;border-collapse:collapse;table-layout:fixed;font-size:9pt}th,td{border:1px solid #D1D5DB;padding:3pt 4pt;overflow-wrap:break-word;vertical-align:top}
th{background:#DDEBF7;text-align:left;word-break:normal;overflow-wrap:normal}thead{display:table-header-group}tr{break-inside:avoid}
h2{break-after:avoid}.method{color:#4B5563;font-size:9pt}@page{size:A4 landscape;margin:12mm}
</style></head><body><h1>${w.title}</h1>${files}<p>${w.entity}: <strong>${formatPercent(diff.entity.before, lang)} → ${formatPercent(diff.entity.after, lang)}</strong>${diff.entity.before !== null && diff.entity.after !== null && moved(diff.entity.before, diff.entity.after) ? ` (${esc(pointsText(diff.entity.after - diff.entity.before, lang))})` : ''}</p>
${notes}${list(w.added, diff.added, '+')}${list(w.removed, diff.removed, '−')}${changed}</body></html>
`;
}
