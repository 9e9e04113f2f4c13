/**
 * The scoring core's entry points. Pure: tables in, results and a write plan out.
 */
import type {
  HistoryPoint, Lang, ObjectiveResult, PeriodInfo, PlanInput, ScoreOptions, ScoreResult, Settings, Severity, Status, Summary, Table,
} from './types.js';
import { IssueSink, periodDate, readIndicators, readObjectives, readCode, type IndicatorTable, type ObjectiveRow, type ObjectiveTable, type Period } from './plan.js';
import { applyPeriod, attachHistory, type PeriodRun } from './monitoring.js';
import { PEOPLE_SHEETS, scorePeople } from './people.js';
import { peopleSheet } from './people-sheet.js';
import { measureIndicators } from './measure.js';
import { rollUp, type RollupSheets } from './rollup.js';
import { readSettings } from './settings.js';
import { SHEETS, a1, findSheet, findHeaderRow, headerLanguage, headerWidth, findColumn, cell, parseA1 } from './table.js';
import { INDICATOR_COLUMNS } from './columns.js';
import { outputSheetNames, planWrites } from './writeplan.js';
import { bilingual } from './messages.js';

export * from './types.js';
export { parseTarget, targetToJson, isTargetError } from './target.js';
export { formatPercent, formatNumber, t, bilingual } from './messages.js';
export { functionTable, callFunction, FunctionArgumentError } from './functions.js';
export type { FunctionSpec, FunctionParamSpec } from './functions.js';
export { templatePlan, settingsUpdatePlan, missingTemplatePlan, paneSettings } from './template.js';
export { SHEETS, a1, parseA1, columnLetter, findSheet, findColumn, findHeaderRow, normalizeHeader, isOutputSheet } from './table.js';
export { INDICATOR_COLUMNS, OBJECTIVE_COLUMNS, INDICATOR_OUTPUTS, OBJECTIVE_OUTPUTS, SETTING_KEYS } from './columns.js';
export { STATUS_FILLS, PERCENT_FORMAT, perspectiveOf, outputSheetNames, outputColumns } from './writeplan.js';
export { readSettings, methodLabel, ratingFor, parseBands, parseRatingScale } from './settings.js';
export { cleanText, isoDate, italianDate, dateToSerial, serialFromYmd } from './cell.js';

/** A plan that cannot be scored at all (misuse, not data): hosts show the message and stop. */
export class PlanError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'PlanError';
  }
}

function detectLang(input: PlanInput, indicators: Table): Lang {
  const names = Object.keys(input.sheets).map((n) => n.trim().toLowerCase());
  if (names.includes('indicators')) return 'en';
  if (names.includes('indicatori')) return 'it';
  return headerLanguage(indicators[findHeaderRow(indicators, INDICATOR_COLUMNS.code)] ?? [], INDICATOR_COLUMNS);
}

export function scorePlan(input: PlanInput, options: ScoreOptions = {}): ScoreResult {
  const indicatorSheet = findSheet(input.sheets, SHEETS.indicators);
  if (!indicatorSheet) {
    throw new PlanError(bilingual('sheet.missing', { sheet: 'Indicatori' }), 'sheet.missing');
  }
  const lang = options.lang ?? detectLang(input, indicatorSheet.table);
  const sink = new IssueSink(lang);
  const settingsSheet = findSheet(input.sheets, SHEETS.settings);
  const settingsReading = readSettings(settingsSheet?.table ?? null, settingsSheet?.name ?? SHEETS.settings[lang], lang);
  sink.issues.push(...settingsReading.issues);
  const settings = { ...settingsReading.settings };
  if (options.year !== undefined) settings.year = options.year;

  const indicatorTable = readIndicators(indicatorSheet.table, indicatorSheet.name, settings, sink, options.period);
  settings.year = indicatorTable.year;

  const objectiveSheet = findSheet(input.sheets, SHEETS.objectives);
  let objectives: ObjectiveTable;
  if (objectiveSheet) objectives = readObjectives(objectiveSheet.table, objectiveSheet.name, sink);
  else {
    sink.add('warning', SHEETS.objectives[lang], '', 'sheet.missing', { sheet: SHEETS.objectives[lang] });
    objectives = { rows: implicitObjectives(indicatorSheet.table, indicatorTable.headerRow), headerRow: 0, codeCol: 0, parentCol: 0 };
  }

  const names: RollupSheets = {
    objectives: objectiveSheet?.name ?? SHEETS.objectives[lang],
    indicators: indicatorSheet.name,
    objectiveCodeCol: objectives.codeCol,
    objectiveParentCol: objectives.parentCol,
    indicatorObjectiveCol: indicatorTable.objectiveCol,
  };
  const { measured, rollup } = measureAndRollUp(indicatorTable, objectives, settings, names, sink);

  let period: PeriodInfo | undefined;
  let periods: PeriodInfo[] | undefined;
  let entityHistory: ScoreResult['entityHistory'];
  const selected = indicatorTable.period;
  if (selected) {
    const info = (p: Period): PeriodInfo => ({ key: p.key, label: p.label, date: periodDate(p, settings.year), yearEnd: p.yearEnd });
    period = info(selected);
    periods = indicatorTable.calendar.map(info);
    if (!selected.yearEnd) {
      const cellRef = selected.headerCell;
      if (options.period === undefined && !settings.period) sink.add('info', indicatorSheet.name, cellRef, 'period.chosen', { period: selected.label });
      if (measured.indicators.some((i) => i.progress)) sink.add('info', indicatorSheet.name, cellRef, 'period.scored', { period: selected.label });
    }
    // Every other period scored the same way, its issues set aside: the history reads them, the user is told
    // about the scored period only.
    const runs: PeriodRun[] = [];
    const objectiveHistory = new Map<string, HistoryPoint[]>(rollup.objectives.map((o) => [o.code, []]));
    entityHistory = [];
    for (const p of indicatorTable.calendar) {
      let run: PeriodRun;
      let objectiveRun: ObjectiveResult[];
      let entityScore: number | null;
      if (p === selected) {
        run = { period: p, table: indicatorTable, indicators: measured.indicators };
        objectiveRun = rollup.objectives;
        entityScore = rollup.entity.score;
      } else {
        const scratch = new IssueSink(lang);
        const table = readIndicators(indicatorSheet.table, indicatorSheet.name, settings, scratch, p.key);
        const other = measureAndRollUp(table, objectives, settings, names, scratch);
        run = { period: table.period ?? p, table, indicators: other.measured.indicators };
        objectiveRun = other.rollup.objectives;
        entityScore = other.rollup.entity.score;
      }
      runs.push(run);
      for (const o of objectiveRun) objectiveHistory.get(o.code)?.push({ period: p.key, actual: '', achievement: o.achievement, score: o.score });
      entityHistory.push({ period: p.key, score: entityScore });
    }
    const prior = indicatorTable.priorActualCol >= 0 && settings.year !== null ? { table: indicatorSheet.table as unknown[][], col: indicatorTable.priorActualCol } : null;
    attachHistory(runs, runs[indicatorTable.calendar.indexOf(selected)], settings.year === null ? null : settings.year - 1, prior);
    for (const o of rollup.objectives) o.history = objectiveHistory.get(o.code);
  }

  const uncached = (name: string) => input.uncachedFormulas?.[name] ?? [];
  reportUncachedFormulas(indicatorSheet.name, indicatorSheet.table, indicatorTable.headerRow, uncached(indicatorSheet.name), sink);
  if (objectiveSheet) reportUncachedFormulas(objectiveSheet.name, objectiveSheet.table, objectives.headerRow, uncached(objectiveSheet.name), sink);
  if (settingsSheet) reportUncachedFormulas(settingsSheet.name, settingsSheet.table, 0, uncached(settingsSheet.name), sink);

  const people = scorePeople(input, { objectives: rollup.objectives, indicators: measured.indicators, entity: rollup.entity }, lang);
  sink.issues.push(...people.issues);
  const writePeople = people.people.length > 0 && (
    options.people === true ||
    people.source === 'sheet' ||
    findSheet(input.sheets, PEOPLE_SHEETS.behaviours) !== null ||
    (options.workbook ?? []).some((s) => s.owner === 'people'));
  const outputs = outputSheetNames(lang, options.workbook, writePeople ? ['summary', 'issues', 'people'] : ['summary', 'issues']);
  for (const clash of outputs.clashes) sink.add('info', clash.sheet, '', 'output.renamed', { sheet: clash.sheet, output: clash.output });

  // The parsed rows are not read past this point. This frame keeps its variables until it returns, and
  // a million rows would otherwise stay alive while the write plan is built, at the run's peak of memory.
  indicatorTable.rows = [];
  objectives.rows = [];

  const issues = sortIssues(sink.issues);
  const writePlan = planWrites({
    lang,
    settings,
    year: settings.year,
    outputs,
    indicatorSheet: { ...indicatorSheet, headerRow: indicatorTable.headerRow, uncached: uncached(indicatorSheet.name) },
    objectiveSheet: objectiveSheet ? { ...objectiveSheet, headerRow: objectives.headerRow, uncached: uncached(objectiveSheet.name) } : null,
    indicators: measured.indicators,
    rollup,
    issues,
    monitoring: period && periods && entityHistory ? { period, periods, entityHistory } : undefined,
    people: writePeople ? peopleSheet(outputs.people, people, lang, settings.year) : null,
  });
  const result: ScoreResult = {
    lang, settings, entity: rollup.entity, objectives: rollup.objectives, indicators: measured.indicators, groups: rollup.groups, issues, writePlan, people,
  };
  if (period) Object.assign(result, { period, periods, entityHistory });
  return result;
}

/** Measure every indicator row as the period asks, then roll the scores up the tree. */
function measureAndRollUp(table: IndicatorTable, objectives: ObjectiveTable, settings: Settings, names: RollupSheets, sink: IssueSink) {
  const measured = measureIndicators(table, settings, names.indicators, sink);
  applyPeriod(table, measured.indicators, names.indicators, sink);
  const rollup = rollUp(objectives.rows, measured, settings, names, sink);
  return { measured, rollup };
}

/**
 * A formula the file's producer never computed reads as blank: inside the table (at or below the header row,
 * within its columns) that would silently drop a value, so each one is an error at its cell.
 */
function reportUncachedFormulas(sheet: string, table: Table, headerRow: number, addresses: readonly string[], sink: IssueSink): void {
  if (addresses.length === 0) return;
  const width = headerWidth(table, headerRow);
  for (const address of addresses) {
    const at = parseA1(address);
    if (at && at.row >= headerRow && at.col < width) sink.add('error', sheet, a1(at.row, at.col), 'formula.uncached');
  }
}

/** Without an Obiettivi sheet, each distinct Obiettivo code of the indicators is a top-level objective. */
function implicitObjectives(table: Table, headerRow: number): ObjectiveRow[] {
  const col = findColumn(table[headerRow] ?? [], INDICATOR_COLUMNS.objective);
  const seen = new Map<string, ObjectiveRow>();
  for (let r = headerRow + 1; r < table.length; r++) {
    const code = readCode(cell(table, r, col));
    if (code !== '' && !seen.has(code)) seen.set(code, { code, title: code, parent: null, weight: null, target: null, attributes: {}, row: r });
  }
  return [...seen.values()];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by sheet and row, so the list reads top to bottom like the workbook. */
function sortIssues(issues: ScoreResult['issues']): ScoreResult['issues'] {
  const rowOf = (cellRef: string) => Number(/\d+$/.exec(cellRef)?.[0] ?? 0);
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) =>
      SEVERITY_ORDER[a.issue.severity] - SEVERITY_ORDER[b.issue.severity] ||
      a.issue.sheet.localeCompare(b.issue.sheet) ||
      rowOf(a.issue.cell) - rowOf(b.issue.cell) ||
      a.i - b.i)
    .map((x) => x.issue);
}

const WATCHLIST_SIZE = 50;

/** At risk first, then not met, then deadlines in progress: what a monitoring pane lists (the report has all). */
function watchlist(result: ScoreResult): NonNullable<Summary['watchlist']> {
  const rank = (i: ScoreResult['indicators'][number]) => (i.projection?.atRisk ? 0 : i.status === 'notMet' ? 1 : i.inProgress ? 2 : 3);
  return result.indicators
    .filter((i) => rank(i) < 3)
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, WATCHLIST_SIZE)
    .map((i) => ({
      code: i.code, name: i.name, status: i.status, atRisk: i.projection?.atRisk ?? false, inProgress: i.inProgress ?? false,
      progress: i.progress ?? false, gap: i.gap ?? null, history: i.history ?? [], projection: i.projection ?? null,
    }));
}

export function summarize(result: ScoreResult): Summary {
  const statusCounts: Record<Status, number> = { met: 0, partial: 0, notMet: 0, notMeasured: 0, excluded: 0, overridden: 0 };
  for (const i of result.indicators) statusCounts[i.status]++;
  const issueCounts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of result.issues) issueCounts[i.severity]++;
  return {
    lang: result.lang,
    entity: result.entity,
    year: result.settings.year,
    method: result.settings.method,
    objectives: result.objectives
      .filter((o) => o.depth === 0)
      .map((o) => ({ code: o.code, title: o.title, score: o.score, target: o.target, rating: o.rating, ...(o.history ? { history: o.history } : {}) })),
    groups: result.groups,
    statusCounts,
    indicatorCount: result.indicators.length,
    objectiveCount: result.objectives.length,
    issues: result.issues,
    issueCounts,
    ...(result.period ? {
      period: result.period,
      periods: result.periods,
      entityHistory: result.entityHistory,
      atRiskCount: result.indicators.filter((i) => i.projection?.atRisk).length,
      watchlist: watchlist(result),
    } : {}),
    ...(result.people && result.people.people.length > 0
      ? { people: result.people.people.map((p) => ({ name: p.name, role: p.role, total: p.total, band: p.band })) }
      : {}),
  };
}
export { normalizeBlock, splitRows, runs, gridWidth, GENERAL_FORMAT } from './writeblock.js';
export type { NormalBlock, NormalValue } from './writeblock.js';
export { resultJson, resultJsonText, type ResultJson } from './results-json.js';
export { scorePeople, peopleJson, PEOPLE_SHEETS, ASSIGNMENT_COLUMNS, BEHAVIOUR_COLUMNS } from './people.js';
export type { PeopleResult, PersonResult, PersonAssignment, PersonBehaviour, EvaluatorResult, ScoredPlan } from './people.js';
export { peopleSheet } from './people-sheet.js';
