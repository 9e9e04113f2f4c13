/**
 * Individual performance (D.Lgs. 150/2009 art. 9; Linee guida 5/2019) from the same workbook, on the plan
 * already scored: each person's results (weighted mean of the assigned objectives and indicators),
 * organisational component (the entity's result) and behaviours (ratings on the plan's scale), combined by
 * the composition of their role, placed in a bonus band, and each evaluator's spread of scores.
 *
 * Sheets (headers Italian or English, any case, below a title too):
 *   Assegnazioni / Assignments: Persona, Ruolo, Codice (or Obiettivo / Indicatore), Peso, Valutatore
 *   Comportamenti / Behaviours: Persona, Comportamento, Peso, Valutazione (Ruolo and Valutatore accepted too)
 * Without Assegnazioni, whoever is Responsabile of an objective or indicator, at any level, is assigned it
 * with equal weights (the highest one of each branch: a child with the same Responsabile counts through it).
 *
 * Totals are exact rationals until the end, so a total of exactly 90% is in the "90%" band.
 */
import type { CellValue, IndicatorResult, Lang, ObjectiveResult, PlanInput, RatingStep, ScoreResult, Table } from './types.js';
import { cleanText, isBlank, isNotDefined, readFraction, readNumber } from './cell.js';
import { ONE, ZERO, add, cmp, div, fromNumber, mul, sign, sub, toNumber, type Rational } from './decimal.js';
import { OBJECTIVE_COLUMNS, INDICATOR_COLUMNS } from './columns.js';
import { IssueSink, readCode } from './plan.js';
import { SHEETS, a1, cell, findColumn, findHeaderRow, findSheet, isBlankRow, normalizeHeader, type ColumnSpec, type SheetNames } from './table.js';
import { formatNumber, formatPercent } from './messages.js';
import { addPeopleIssue } from './people-messages.js';
import { COMPONENTS, readPeopleSettings, type Component, type Composition, type PeopleSettings } from './people-settings.js';

const col = (it: string, en: string, ...more: string[]): ColumnSpec => ({ it, en, aliases: [it, en, ...more].map((s) => s.toLowerCase()) });

export const PEOPLE_SHEETS = {
  assignments: { it: 'Assegnazioni', en: 'Assignments', aliases: ['assegnazioni', 'assignments', 'assegnazione obiettivi', 'obiettivi individuali'] },
  behaviours: { it: 'Comportamenti', en: 'Behaviours', aliases: ['comportamenti', 'behaviours', 'behaviors', 'valutazione comportamenti'] },
  /** The tool's output sheet, one definition with the other output sheets. */
  scorecards: SHEETS.people,
} satisfies Record<string, SheetNames>;

const PERSON = col('Persona', 'Person', 'nome', 'nominativo', 'dipendente', 'valutato', 'name', 'employee', 'evaluatee');
const ROLE = col('Ruolo', 'Role', 'qualifica', 'categoria', 'profilo');
const EVALUATOR = col('Valutatore', 'Evaluator', 'responsabile della valutazione', 'valutato da', 'evaluated by');
const WEIGHT = col('Peso', 'Weight', 'peso %');

export const ASSIGNMENT_COLUMNS = {
  person: PERSON,
  role: ROLE,
  code: col('Codice', 'Code', 'cod'),
  objective: col('Obiettivo', 'Objective', 'codice obiettivo', 'objective code'),
  indicator: col('Indicatore', 'Indicator', 'codice indicatore', 'indicator code'),
  weight: WEIGHT,
  evaluator: EVALUATOR,
};

export const BEHAVIOUR_COLUMNS = {
  person: PERSON,
  role: ROLE,
  evaluator: EVALUATOR,
  behaviour: col('Comportamento', 'Behaviour', 'behavior', 'competenza', 'comportamento organizzativo'),
  weight: WEIGHT,
  rating: col('Valutazione', 'Rating', 'voto', 'punteggio', 'score'),
};

export interface PersonAssignment {
  code: string;
  kind: 'objective' | 'indicator';
  title: string;
  /** Peso as written (fraction), null when blank. */
  declaredWeight: number | null;
  /** Weight used, normalised among the measured assignments; null when left out. */
  weight: number | null;
  /** The objective's % raggiungimento (its result when it has no target) or the indicator's score. */
  score: number | null;
}

export interface PersonBehaviour {
  name: string;
  declaredWeight: number | null;
  weight: number | null;
  /** The rating as given, on the plan's scale; null when missing or unreadable. */
  rating: number | null;
  /** rating / top of the scale. */
  value: number | null;
}

export interface PersonResult {
  name: string;
  role: string;
  evaluator: string;
  results: number | null;
  organisational: number | null;
  behaviours: number | null;
  /** The shares of the role's composition (fractions adding up to 1), or the fallback used. */
  composition: Record<Component, number>;
  total: number | null;
  band: string | null;
  /** Share of the bonus fund (of the role's own fund when it has one); null without coefficients or total. */
  bonusShare: number | null;
  /** Amount from the fund, when a fund is set. */
  bonusAmount: number | null;
  assignments: PersonAssignment[];
  behaviourRatings: PersonBehaviour[];
}

export interface EvaluatorResult {
  evaluator: string;
  /** People with a total. */
  count: number;
  mean: number | null;
  /** Population standard deviation of the totals (all the evaluator's people, not a sample). */
  standardDeviation: number | null;
  /** Share of the people in the highest bonus band; null without bands. */
  topBandShare: number | null;
  /** At least two people and a deviation below `differenziazione minima`, or all in one band. */
  flat: boolean;
}

export interface PeopleResult {
  /** Where the assignments came from: the Assegnazioni sheet, the Responsabile columns, or nowhere. */
  source: 'sheet' | 'owners' | 'none';
  people: PersonResult[];
  evaluators: EvaluatorResult[];
  /** Behaviour scale, e.g. {min: 1, max: 5}. */
  scale: { min: number; max: number };
  bands: RatingStep[];
  issues: ScoreResult['issues'];
}

interface Where {
  sheet: string;
  cell: string;
}

interface AssignmentDraft {
  code: string;
  kind: 'objective' | 'indicator';
  weight: Rational | null;
  row: number;
}

interface BehaviourDraft {
  name: string;
  weight: Rational | null;
  rating: Rational | null;
  row: number;
}

interface PersonDraft {
  name: string;
  role: string;
  evaluator: string;
  at: Where;
  evaluatorAt: Where | null;
  /** Peso cell of the first assignment / behaviour, where weight issues go. */
  assignmentsAt: Where | null;
  behavioursAt: Where | null;
  assignments: AssignmentDraft[];
  behaviours: BehaviourDraft[];
}

class Registry {
  readonly byKey = new Map<string, PersonDraft>();
  constructor(private readonly sink: IssueSink) {}

  person(name: string, at: Where): PersonDraft {
    const key = normalizeHeader(name);
    let p = this.byKey.get(key);
    if (!p) {
      p = { name, role: '', evaluator: '', at, evaluatorAt: null, assignmentsAt: null, behavioursAt: null, assignments: [], behaviours: [] };
      this.byKey.set(key, p);
    }
    return p;
  }

  role(p: PersonDraft, role: string, at: Where): void {
    if (role === '') return;
    if (p.role === '') p.role = role;
    else if (normalizeHeader(p.role) !== normalizeHeader(role)) {
      addPeopleIssue(this.sink, 'warning', at.sheet, at.cell, 'people.role.conflict', { person: p.name, first: p.role, other: role });
    }
  }

  evaluator(p: PersonDraft, evaluator: string, at: Where): void {
    if (evaluator === '') return;
    if (p.evaluator === '') {
      p.evaluator = evaluator;
      p.evaluatorAt = at;
    } else if (normalizeHeader(p.evaluator) !== normalizeHeader(evaluator)) {
      addPeopleIssue(this.sink, 'warning', at.sheet, at.cell, 'people.evaluator.conflict', { person: p.name, first: p.evaluator, other: evaluator });
    }
  }
}

function columns<K extends string>(headers: CellValue[], specs: Record<K, ColumnSpec>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(specs) as K[]) out[key] = findColumn(headers, specs[key]);
  return out;
}

function readWeight(v: CellValue, label: string, sheet: string, row: number, col: number, sink: IssueSink): Rational | null {
  if (isBlank(v) || isNotDefined(v)) return null;
  const w = readFraction(v);
  if (!w) {
    sink.add('error', sheet, a1(row, col), 'weight.unreadable', { text: cleanText(v), code: label });
    return null;
  }
  if (sign(w) < 0) {
    sink.add('error', sheet, a1(row, col), 'weight.negative', { code: label });
    return null;
  }
  return w;
}

/**
 * The scored plan by code. Each map is built on first use: a large plan scored without anyone assigned an
 * indicator never pays for a map of all its indicators.
 */
class Scored {
  private objectiveMap: Map<string, ObjectiveResult> | null = null;
  private indicatorMap: Map<string, IndicatorResult> | null = null;
  constructor(private readonly plan: ScoredPlan) {}
  get objectives(): Map<string, ObjectiveResult> {
    return (this.objectiveMap ??= new Map(this.plan.objectives.map((o) => [o.code, o])));
  }
  get indicators(): Map<string, IndicatorResult> {
    return (this.indicatorMap ??= new Map(this.plan.indicators.map((i) => [i.code, i])));
  }
}

function readAssignments(sheet: string, table: Table, scored: Scored, registry: Registry, sink: IssueSink): void {
  const headerRow = findHeaderRow(table, PERSON);
  const cols = columns(table[headerRow] ?? [], ASSIGNMENT_COLUMNS);
  if (cols.person < 0) {
    sink.add('error', sheet, a1(headerRow, 0), 'column.missing', { column: PERSON[sink.lang], sheet });
    return;
  }
  if (cols.code < 0 && cols.objective < 0 && cols.indicator < 0) {
    sink.add('error', sheet, a1(headerRow, 0), 'column.missing', { column: ASSIGNMENT_COLUMNS.code[sink.lang], sheet });
  }
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r < table.length; r++) {
    const p = personOfRow(sheet, table, r, cols, registry, sink);
    if (!p) continue;
    const name = cleanText(cell(table, r, cols.person));
    // The first filled of the code columns; the Obiettivo/Indicatore columns say which kind is meant.
    const candidates: { col: number; prefer: 'objective' | 'indicator' | null }[] = [
      { col: cols.code, prefer: null }, { col: cols.objective, prefer: 'objective' }, { col: cols.indicator, prefer: 'indicator' },
    ];
    const source = candidates.find((c) => c.col >= 0 && readCode(cell(table, r, c.col)) !== '');
    // A row with a person and no code only states their role or evaluator.
    if (!source) continue;
    const code = readCode(cell(table, r, source.col));
    const isObjective = scored.objectives.has(code);
    const isIndicator = scored.indicators.has(code);
    if (!isObjective && !isIndicator) {
      addPeopleIssue(sink, 'error', sheet, a1(r, source.col), 'people.code.unknown', { code, person: name });
      continue;
    }
    let kind: 'objective' | 'indicator' = isObjective ? 'objective' : 'indicator';
    if (isObjective && isIndicator) {
      if (source.prefer) kind = source.prefer;
      else addPeopleIssue(sink, 'warning', sheet, a1(r, source.col), 'people.code.ambiguous', { code });
    }
    const key = `${normalizeHeader(name)}\u0000${kind}\u0000${code}`;
    if (seen.has(key)) {
      addPeopleIssue(sink, 'warning', sheet, a1(r, source.col), 'people.assignment.duplicate', { code, person: p.name, first: (seen.get(key) as number) + 1 });
      continue;
    }
    seen.set(key, r);
    if (!p.assignmentsAt) p.assignmentsAt = { sheet, cell: a1(r, cols.weight >= 0 ? cols.weight : cols.person) };
    p.assignments.push({ code, kind, weight: readWeight(cell(table, r, cols.weight), `${p.name} / ${code}`, sheet, r, cols.weight, sink), row: r });
  }
}

/** "Rossi; Bianchi" in one Responsabile cell is two people. */
function owners(v: CellValue): string[] {
  return cleanText(v).split(/\s*[;\n]\s*/).map((s) => s.trim()).filter(Boolean);
}

/**
 * Default assignments from Responsabile at any level, equal weights: the highest objective of each branch
 * the person is responsible for, and indicators whose objective line does not already carry the person.
 */
function assignFromOwners(input: PlanInput, result: ScoredPlan, scored: Scored, registry: Registry): boolean {
  let any = false;
  const objectiveSheet = findSheet(input.sheets, SHEETS.objectives);
  /** Objective code -> its Responsabile names and their cell. */
  const objectiveOwners = new Map<string, { names: string[]; keys: Set<string>; at: Where }>();
  if (objectiveSheet) {
    const table = objectiveSheet.table;
    const ownerCol = findColumn(table[findHeaderRow(table, OBJECTIVE_COLUMNS.code)] ?? [], OBJECTIVE_COLUMNS.owner);
    if (ownerCol >= 0) {
      for (const o of result.objectives) {
        const names = owners(cell(table, o.row, ownerCol));
        if (names.length > 0) objectiveOwners.set(o.code, { names, keys: new Set(names.map(normalizeHeader)), at: { sheet: objectiveSheet.name, cell: a1(o.row, ownerCol) } });
      }
    }
  }
  const byCode = scored.objectives;
  const lineCarries = (code: string | null, person: string): boolean => {
    for (let cur = code ? byCode.get(code) : undefined; cur; cur = cur.parent ? byCode.get(cur.parent) : undefined) {
      if (objectiveOwners.get(cur.code)?.keys.has(person)) return true;
    }
    return false;
  };
  for (const o of result.objectives) {
    const found = objectiveOwners.get(o.code);
    if (!found) continue;
    for (const name of found.names) {
      if (lineCarries(o.parent, normalizeHeader(name))) continue;
      registry.person(name, found.at).assignments.push({ code: o.code, kind: 'objective', weight: null, row: o.row });
      any = true;
    }
  }
  const indicatorSheet = findSheet(input.sheets, SHEETS.indicators);
  if (indicatorSheet) {
    const table = indicatorSheet.table;
    const ownerCol = findColumn(table[findHeaderRow(table, INDICATOR_COLUMNS.code)] ?? [], OBJECTIVE_COLUMNS.owner);
    if (ownerCol >= 0) {
      for (const ind of result.indicators) {
        for (const name of owners(cell(table, ind.row, ownerCol))) {
          if (lineCarries(ind.objective, normalizeHeader(name))) continue;
          registry.person(name, { sheet: indicatorSheet.name, cell: a1(ind.row, ownerCol) }).assignments.push({ code: ind.code, kind: 'indicator', weight: null, row: ind.row });
          any = true;
        }
      }
    }
  }
  return any;
}

/**
 * The person a row of Assegnazioni or Comportamenti is about, with the role and evaluator it states (either
 * sheet may carry them); null for a blank row, or a row without a name (reported).
 */
function personOfRow(sheet: string, table: Table, r: number, cols: { person: number; role: number; evaluator: number }, registry: Registry, sink: IssueSink): PersonDraft | null {
  if (isBlankRow(table[r])) return null;
  const name = cleanText(cell(table, r, cols.person));
  if (name === '') {
    addPeopleIssue(sink, 'warning', sheet, a1(r, cols.person), 'people.person.missing');
    return null;
  }
  const p = registry.person(name, { sheet, cell: a1(r, cols.person) });
  registry.role(p, cleanText(cell(table, r, cols.role)), { sheet, cell: a1(r, Math.max(cols.role, 0)) });
  registry.evaluator(p, cleanText(cell(table, r, cols.evaluator)), { sheet, cell: a1(r, Math.max(cols.evaluator, 0)) });
  return p;
}

function readBehaviours(sheet: string, table: Table, settings: PeopleSettings, registry: Registry, sink: IssueSink): void {
  const headerRow = findHeaderRow(table, PERSON);
  const cols = columns(table[headerRow] ?? [], BEHAVIOUR_COLUMNS);
  for (const key of ['person', 'behaviour', 'rating'] as const) {
    if (cols[key] < 0) sink.add('error', sheet, a1(headerRow, 0), 'column.missing', { column: BEHAVIOUR_COLUMNS[key][sink.lang], sheet });
  }
  if (cols.person < 0 || cols.behaviour < 0) return;
  const scaleText = `${formatNumber(toNumber(settings.scale.min), sink.lang, 0)}-${formatNumber(toNumber(settings.scale.max), sink.lang, 0)}`;
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r < table.length; r++) {
    const p = personOfRow(sheet, table, r, cols, registry, sink);
    if (!p) continue;
    const name = cleanText(cell(table, r, cols.person));
    const behaviour = cleanText(cell(table, r, cols.behaviour));
    if (behaviour === '') continue;
    const key = `${normalizeHeader(name)}\u0000${normalizeHeader(behaviour)}`;
    if (seen.has(key)) {
      addPeopleIssue(sink, 'warning', sheet, a1(r, cols.behaviour), 'people.behaviour.duplicate', { behaviour, person: p.name, first: (seen.get(key) as number) + 1 });
      continue;
    }
    seen.set(key, r);
    const ratingCell = cell(table, r, cols.rating);
    const ratingAt = a1(r, Math.max(cols.rating, 0));
    let rating: Rational | null = null;
    if (isBlank(ratingCell)) {
      addPeopleIssue(sink, 'warning', sheet, ratingAt, 'people.rating.missing', { behaviour, person: p.name });
    } else {
      const n = readNumber(ratingCell);
      if (!n || n.unit !== '' || n.percent) {
        addPeopleIssue(sink, 'error', sheet, ratingAt, 'people.rating.unreadable', { text: cleanText(ratingCell), person: p.name, behaviour });
      } else if (cmp(n.value, settings.scale.min) < 0 || cmp(n.value, settings.scale.max) > 0) {
        addPeopleIssue(sink, 'error', sheet, ratingAt, 'people.rating.outOfScale', { text: cleanText(ratingCell), person: p.name, behaviour, scale: scaleText });
      } else rating = n.value;
    }
    if (!p.behavioursAt) p.behavioursAt = { sheet, cell: a1(r, cols.weight >= 0 ? cols.weight : cols.person) };
    p.behaviours.push({ name: behaviour, weight: readWeight(cell(table, r, cols.weight), `${p.name} / ${behaviour}`, sheet, r, cols.weight, sink), rating, row: r });
  }
}

interface MeanItem {
  weight: Rational | null;
  value: Rational | null;
}

/**
 * Weighted mean by Peso when every item has one (simple mean otherwise), over the items with a value and
 * renormalised, exactly as the plan's roll-up: declared weights not adding up to 100% are reported.
 */
function weightedMean(
  items: MeanItem[],
  person: string,
  at: Where | null,
  messages: { sum: 'people.weights.sum' | 'people.behaviourWeights.sum'; mixed: 'people.weights.mixed' | 'people.behaviourWeights.mixed' },
  sink: IssueSink,
): { value: Rational | null; weights: (Rational | null)[] } {
  const where = at ?? { sheet: '', cell: '' };
  const weights: (Rational | null)[] = items.map(() => null);
  if (items.length === 0) return { value: null, weights };
  const withWeight = items.filter((i) => i.weight !== null).length;
  let useWeights = withWeight > 0;
  if (useWeights && withWeight < items.length) {
    addPeopleIssue(sink, 'warning', where.sheet, where.cell, messages.mixed, { person });
    useWeights = false;
  }
  if (useWeights) {
    const declared = items.reduce((s, i) => add(s, i.weight as Rational), ZERO);
    if (cmp(declared, ONE) !== 0) addPeopleIssue(sink, 'warning', where.sheet, where.cell, messages.sum, { person, sum: formatPercent(toNumber(declared), sink.lang) });
  }
  const measured = items.map((item, i) => ({ item, i })).filter(({ item }) => item.value !== null);
  if (measured.length === 0) return { value: null, weights };
  if (useWeights) {
    const total = measured.reduce((s, { item }) => add(s, item.weight as Rational), ZERO);
    if (sign(total) !== 0) {
      let value = ZERO;
      for (const { item, i } of measured) {
        weights[i] = reduce(div(item.weight as Rational, total));
        value = reduce(add(value, mul(weights[i] as Rational, item.value as Rational)));
      }
      return { value, weights };
    }
    addPeopleIssue(sink, 'warning', where.sheet, where.cell, 'people.weights.zero', { person });
  }
  const equal = div(ONE, fromNumber(measured.length));
  let value = ZERO;
  for (const { item, i } of measured) {
    weights[i] = equal;
    value = reduce(add(value, mul(equal, item.value as Rational)));
  }
  return { value, weights };
}

// BigInt() calls, never literals: the Apps Script editor's parser rejects BigInt literal syntax.
const B0 = BigInt(0);
const B1 = BigInt(1);

function gcd(a: bigint, b: bigint): bigint {
  if (a < B0) a = -a;
  while (b !== B0) [a, b] = [b, a % b];
  return a;
}

/** Lowest terms, so sums over many people keep small denominators. */
function reduce(r: Rational): Rational {
  const g = gcd(r.n, r.d);
  return g === B1 || g === B0 ? r : { n: r.n / g, d: r.d / g };
}

const num = (r: Rational | null): number | null => (r === null ? null : toNumber(r));

/** The first band whose edge the total reaches, compared exactly; null below the lowest edge. */
export function bonusBand(total: Rational, bands: RatingStep[]): string | null {
  for (const band of bands) if (cmp(total, fromNumber(band.from)) >= 0) return band.label;
  return null;
}

export function componentLabel(component: Component, lang: Lang): string {
  const labels: Record<Component, Record<Lang, string>> = {
    results: { it: 'risultati', en: 'results' },
    organisational: { it: 'organizzativa', en: 'organisational' },
    behaviours: { it: 'comportamenti', en: 'behaviours' },
  };
  return labels[component][lang];
}

/** What scorePeople needs of the scored plan, so scorePlan can call it before its ScoreResult is complete. */
export type ScoredPlan = Pick<ScoreResult, 'objectives' | 'indicators' | 'entity'>;

/**
 * Scores every person of the workbook on the already-scored plan. Issues come back in the result (same
 * shape and sink as the plan's), for the caller to list with the others.
 */
export function scorePeople(input: PlanInput, result: ScoredPlan, lang: Lang): PeopleResult {
  const sink = new IssueSink(lang);
  const settingsSheet = findSheet(input.sheets, SHEETS.settings);
  const settings = readPeopleSettings(settingsSheet?.table ?? null, settingsSheet?.name ?? SHEETS.settings[lang], sink);
  const scored = new Scored(result);
  const registry = new Registry(sink);
  const assignmentSheet = findSheet(input.sheets, PEOPLE_SHEETS.assignments);
  let source: PeopleResult['source'] = 'none';
  if (assignmentSheet) {
    readAssignments(assignmentSheet.name, assignmentSheet.table, scored, registry, sink);
    source = 'sheet';
  } else if (assignFromOwners(input, result, scored, registry)) source = 'owners';
  const behaviourSheet = findSheet(input.sheets, PEOPLE_SHEETS.behaviours);
  if (behaviourSheet) readBehaviours(behaviourSheet.name, behaviourSheet.table, settings, registry, sink);

  const organisational = result.entity.score === null ? null : fromNumber(result.entity.score);
  // Schede made only from Responsabile, in a workbook that sets no individual rules, are a by-product:
  // they add no information issues to a plan that does not do individual evaluation.
  const byProduct = source === 'owners' && !behaviourSheet && settings.compositions.size === 0;
  const missingComposition = new Set<string>();
  const drafts = [...registry.byKey.values()];
  const totals: (Rational | null)[] = [];
  const people: PersonResult[] = drafts.map((p) => {
    if (p.assignments.length === 0) addPeopleIssue(sink, 'warning', p.at.sheet, p.at.cell, 'people.noAssignments', { person: p.name });
    const assignmentValues = p.assignments.map((a) => {
      const score = a.kind === 'objective' ? (scored.objectives.get(a.code) as ObjectiveResult).achievement : (scored.indicators.get(a.code) as IndicatorResult).score;
      return score === null ? null : fromNumber(score);
    });
    const results = weightedMean(
      p.assignments.map((a, i) => ({ weight: a.weight, value: assignmentValues[i] })),
      p.name, p.assignmentsAt, { sum: 'people.weights.sum', mixed: 'people.weights.mixed' }, sink,
    );
    const leftOut = p.assignments.filter((_, i) => assignmentValues[i] === null).map((a) => a.code);
    if (leftOut.length > 0 && results.value !== null && !byProduct) {
      addPeopleIssue(sink, 'info', p.at.sheet, p.at.cell, 'people.notMeasured', { person: p.name, codes: leftOut.join(', ') });
    }
    const behaviours = weightedMean(
      p.behaviours.map((b) => ({ weight: b.weight, value: b.rating === null ? null : div(b.rating, settings.scale.max) })),
      p.name, p.behavioursAt, { sum: 'people.behaviourWeights.sum', mixed: 'people.behaviourWeights.mixed' }, sink,
    );
    const values: Record<Component, Rational | null> = { results: results.value, organisational, behaviours: behaviours.value };

    let composition: Composition | undefined = settings.compositions.get(normalizeHeader(p.role)) ?? settings.compositions.get('');
    if (!composition) {
      // No rule for the role: the personal components the person has, in equal parts.
      const roleKey = normalizeHeader(p.role);
      if (!missingComposition.has(roleKey) && !byProduct) {
        missingComposition.add(roleKey);
        addPeopleIssue(sink, 'info', settings.sheet, '', 'people.composition.missing', { role: p.role || '-' });
      }
      const present = (['results', 'behaviours'] as const).filter((c) => values[c] !== null);
      const share = present.length === 0 ? ZERO : div(ONE, fromNumber(present.length));
      composition = { results: ZERO, organisational: ZERO, behaviours: ZERO };
      for (const c of present) composition[c] = share;
    } else {
      for (const c of COMPONENTS) {
        if (sign(composition[c]) > 0 && values[c] === null) {
          addPeopleIssue(sink, 'warning', p.at.sheet, p.at.cell, 'people.component.missing', { person: p.name, component: componentLabel(c, lang) });
        }
      }
    }
    let used = ZERO;
    let sum = ZERO;
    for (const c of COMPONENTS) {
      if (sign(composition[c]) === 0 || values[c] === null) continue;
      used = add(used, composition[c]);
      sum = reduce(add(sum, mul(composition[c], values[c] as Rational)));
    }
    const total = sign(used) === 0 ? null : reduce(div(sum, used));
    totals.push(total);
    return {
      name: p.name,
      role: p.role,
      evaluator: p.evaluator,
      results: num(results.value),
      // The entity's result as the plan reports it (the exact reading is only used for the total).
      organisational: result.entity.score,
      behaviours: num(behaviours.value),
      composition: { results: toNumber(composition.results), organisational: toNumber(composition.organisational), behaviours: toNumber(composition.behaviours) },
      total: num(total),
      band: total === null ? null : bonusBand(total, settings.bands),
      bonusShare: null,
      bonusAmount: null,
      assignments: p.assignments.map((a, i) => {
        const o = a.kind === 'objective' ? scored.objectives.get(a.code) : undefined;
        const ind = a.kind === 'indicator' ? scored.indicators.get(a.code) : undefined;
        return {
          code: a.code,
          kind: a.kind,
          title: o ? o.title : (ind as IndicatorResult).name,
          declaredWeight: num(a.weight),
          weight: num(results.weights[i]),
          score: num(assignmentValues[i]),
        };
      }),
      behaviourRatings: p.behaviours.map((b, i) => ({
        name: b.name,
        declaredWeight: num(b.weight),
        weight: num(behaviours.weights[i]),
        rating: num(b.rating),
        value: b.rating === null ? null : toNumber(div(b.rating, settings.scale.max)),
      })),
    };
  });

  shareBonus(people, settings, sink);
  const evaluators = differentiation(people, drafts, totals, settings, sink);
  return {
    source: people.length === 0 ? 'none' : source,
    people,
    evaluators,
    scale: { min: toNumber(settings.scale.min), max: toNumber(settings.scale.max) },
    bands: settings.bands,
    issues: sink.issues,
  };
}

/**
 * The bonus fund shared by band coefficient: a person's share is their band's coefficient over the sum of the
 * coefficients of everyone in the same fund (the role's own `fondo premiale <ruolo>`, else the general one).
 */
function shareBonus(people: PersonResult[], settings: PeopleSettings, sink: IssueSink): void {
  if (settings.coefficients.size === 0) return;
  const reported = new Set<string>();
  const coefficientOf = (band: string | null): Rational => {
    if (band === null) return ZERO;
    const c = settings.coefficients.get(normalizeHeader(band));
    if (c) return c;
    if (!reported.has(band)) {
      reported.add(band);
      addPeopleIssue(sink, 'warning', settings.sheet, settings.at.coefficients ?? '', 'people.coefficient.missing', { band });
    }
    return ZERO;
  };
  const pools = new Map<string, { person: PersonResult; coefficient: Rational }[]>();
  for (const person of people) {
    if (person.total === null) continue;
    const role = normalizeHeader(person.role);
    const pool = settings.funds.has(role) ? role : '';
    const list = pools.get(pool) ?? [];
    list.push({ person, coefficient: coefficientOf(person.band) });
    pools.set(pool, list);
  }
  for (const [pool, members] of pools) {
    const sum = members.reduce((s, m) => add(s, m.coefficient), ZERO);
    const fund = settings.funds.get(pool) ?? null;
    for (const { person, coefficient } of members) {
      const share = sign(sum) === 0 ? ZERO : div(coefficient, sum);
      person.bonusShare = toNumber(share);
      person.bonusAmount = fund === null ? null : toNumber(mul(fund, share));
    }
  }
}

/**
 * Per evaluator, the spread of their people's totals (what LG 5/2019 asks evaluators to be judged on):
 * mean, population standard deviation, share in the top band. Flat when at least two people are rated and
 * the deviation is below `differenziazione minima` (exact comparison of the variance with its square), or
 * everyone is in the same bonus band.
 */
function differentiation(people: PersonResult[], drafts: PersonDraft[], totals: (Rational | null)[], settings: PeopleSettings, sink: IssueSink): EvaluatorResult[] {
  const groups = new Map<string, { evaluator: string; at: Where | null; members: number[] }>();
  people.forEach((p, i) => {
    if (p.evaluator === '') return;
    const key = normalizeHeader(p.evaluator);
    const g = groups.get(key) ?? { evaluator: p.evaluator, at: drafts[i].evaluatorAt, members: [] };
    g.members.push(i);
    groups.set(key, g);
  });
  const out: EvaluatorResult[] = [];
  const top = settings.bands[0]?.label ?? null;
  for (const g of groups.values()) {
    const rated = g.members.filter((i) => totals[i] !== null);
    const n = rated.length;
    if (n === 0) {
      out.push({ evaluator: g.evaluator, count: 0, mean: null, standardDeviation: null, topBandShare: null, flat: false });
      continue;
    }
    const count = fromNumber(n);
    const mean = reduce(div(rated.reduce((s, i) => add(s, totals[i] as Rational), ZERO), count));
    let squares = ZERO;
    for (const i of rated) {
      const d = sub(totals[i] as Rational, mean);
      squares = reduce(add(squares, mul(d, d)));
    }
    const variance = div(squares, count);
    const topBandShare = top === null ? null : rated.filter((i) => people[i].band === top).length / n;
    const oneBand = settings.bands.length > 0 && rated.every((i) => people[i].band === people[rated[0]].band);
    const flat = n >= 2 && (cmp(variance, mul(settings.minimumDeviation, settings.minimumDeviation)) < 0 || oneBand);
    const standardDeviation = Math.sqrt(toNumber(variance));
    if (flat) {
      const at = g.at ?? drafts[rated[0]].at;
      addPeopleIssue(sink, 'warning', at.sheet, at.cell, 'people.flat', {
        evaluator: g.evaluator,
        count: n,
        deviation: formatPercent(standardDeviation, sink.lang),
        minimum: formatPercent(toNumber(settings.minimumDeviation), sink.lang),
        share: topBandShare === null ? '-' : formatPercent(topBandShare, sink.lang, 0),
      });
    }
    out.push({ evaluator: g.evaluator, count: n, mean: toNumber(mean), standardDeviation, topBandShare, flat });
  }
  return out;
}

/** The `people` field of the JSON results: one entry per person, scores as fractions. */
export function peopleJson(result: PeopleResult) {
  return result.people.map((p) => ({
    name: p.name, role: p.role, evaluator: p.evaluator, results: p.results, behaviours: p.behaviours,
    organisational: p.organisational, total: p.total, band: p.band, bonusShare: p.bonusShare, bonusAmount: p.bonusAmount,
  }));
}

/**
 * One person's card for a pane that asked for it (hosts send names and totals in bulk, a card only on
 * request); the name is matched as the sheets match it, any case and spacing. Null when not there.
 */
export function personCard(result: PeopleResult | undefined, name: string): PersonResult | null {
  const key = normalizeHeader(name);
  return result?.people.find((p) => normalizeHeader(p.name) === key) ?? null;
}
