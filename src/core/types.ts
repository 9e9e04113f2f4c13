/**
 * The core's public shapes. Every host (CLI/xlsx, Excel add-in, Apps Script) reads its sheets into
 * `PlanInput`, calls `scorePlan`, and applies the returned `WritePlan` without knowing any scoring rule.
 */

/**
 * One cell as a host reads it. Dates arrive either as `Date` (read by their UTC calendar day, which is
 * what ExcelJS produces) or as Excel date serials (numbers) in a `data` row; hosts whose dates live in
 * a local zone (Apps Script) convert them to serials before calling the core.
 */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A sheet as a rectangle of values; row 0 is the header row. Rows may be ragged. */
export type Table = CellValue[][];

export type Lang = 'it' | 'en';

export interface PlanInput {
  /** Sheet name -> table. Names are matched case- and space-insensitively, Italian or English. */
  sheets: Record<string, Table>;
  /**
   * Sheet name -> A1 addresses of formula cells that have no cached value (a file saved by a program that
   * does not compute, e.g. openpyxl). They read as blank but are not empty: output columns avoid them and an
   * actual or target there is an issue at its cell. Only the file reader can see them; live hosts compute.
   */
  uncachedFormulas?: Record<string, string[]>;
}

/** The tool's own output sheets, recognised by a marker the tool writes on them (never by name alone). */
export type OutputKind = 'summary' | 'issues' | 'people';

export const OUTPUT_KINDS: readonly OutputKind[] = ['summary', 'issues', 'people'];

/**
 * A marker's value as any host stores it (`="summary"` in Excel, `"summary"` in an xlsx defined name, `summary`
 * in Sheets' developer metadata) -> its kind; anything else is no marker of ours.
 */
export function markerKind(value: unknown): OutputKind | null {
  const text = String(value ?? '').trim().replace(/^=/, '').trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase();
  return (OUTPUT_KINDS as readonly string[]).includes(text) ? text as OutputKind : null;
}

/**
 * Name of the marker that makes a sheet the tool's own: a hidden, sheet-scoped defined name in xlsx files
 * and in Excel (`<definedName name="CRUSCOTTO_OUTPUT" localSheetId="n" hidden="1">"summary"</definedName>`),
 * developer metadata with this key in Google Sheets.
 */
export const OUTPUT_MARKER = 'CRUSCOTTO_OUTPUT';

/** A sheet of the workbook as its host sees it: every sheet, input or not, with the tool's marker if any. */
export interface SheetInfo {
  name: string;
  owner: OutputKind | null;
}

/** What every host adapter reads: the input tables (output sheets skipped) and the list of all sheets. */
export interface WorkbookRead {
  input: PlanInput;
  sheets: SheetInfo[];
}

/**
 * The one contract of the three hosts (xlsx file, Excel, Google Sheets): read the tables, and apply a
 * write plan exactly as the core describes it. The conformance suite in test/adapters runs against each.
 */
export interface WorkbookAdapter {
  read(): Promise<WorkbookRead>;
  apply(plan: WritePlan): Promise<void>;
}

export interface ScoreOptions {
  /** Year whose `Target YYYY` column is scored; overrides Impostazioni `anno`. */
  year?: number;
  /** Monitoring period to score, as written in its header or by its short name (`30/06/2024`, `S1`); overrides Impostazioni `periodo`. */
  period?: string;
  /**
   * "Calcola schede": write the Schede individuali sheet. It is also written, without asking, when the workbook
   * has an Assegnazioni or Comportamenti sheet or already holds the tool's schede.
   */
  people?: boolean;
  /** Language of messages and new headers; default: the workbook's (English headers -> 'en'), else 'it'. */
  lang?: Lang;
  /**
   * Every sheet of the workbook with its marker, as the adapter read it. With it the core replaces only the
   * sheets that carry its marker, picks another name when a user sheet has the output's name (any case), and
   * removes its own sheets of the other language. Without it, sheets named like the outputs are taken as
   * the tool's own (tests, pure callers).
   */
  workbook?: SheetInfo[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  severity: Severity;
  /** Sheet name as found in the workbook. */
  sheet: string;
  /** A1 address (e.g. "F7"), or "" when the issue concerns the whole sheet. */
  cell: string;
  message: string;
  /** Stable machine code, e.g. 'target.unreadable', 'weights.sum'. */
  code: string;
}

export type Comparator = '>=' | '<=' | '>' | '<' | '=';
export type TargetKind = 'number' | 'percent' | 'date' | 'boolean' | 'none';

export interface Target {
  op: Comparator | null;
  /** number/percent: the value (percent as a fraction); date: Excel serial day; boolean: true/false; none: null. */
  value: number | boolean | null;
  kind: TargetKind;
  unit: string | null;
}

export type Method = 'linear' | 'bands' | 'threshold' | 'binary';
export type Direction = 'higher' | 'lower';
export type Status = 'met' | 'partial' | 'notMet' | 'notMeasured' | 'excluded' | 'overridden';

export interface Band {
  /** Minimum achievement (fraction) for this band. */
  from: number;
  /** Score (fraction) given by the band. */
  score: number;
}

export interface RatingStep {
  from: number;
  label: string;
}

export interface Settings {
  method: Method;
  bands: Band[];
  /** Fraction of the target within which a miss still counts as met (0 = none). */
  tolerance: number;
  /** Maximum score (fraction), usually 1. */
  cap: number;
  entityAggregation: 'simple' | 'weighted';
  ratingScale: RatingStep[];
  year: number | null;
  /** The entity's name (Impostazioni `ente`), shown in the report's title. */
  entityName?: string;
  /** The monitoring period to score as written in Impostazioni `periodo` (e.g. `30/06`, `S1`); absent: the default. */
  period?: string;
}

/** A measurement period of the scored year: a `Consuntivo <period>` column, or the year's own Consuntivo. */
export interface PeriodInfo {
  /** Short name, the same in both languages: S1, S2, T1..T4, M1..M12, or dd/mm; the year's end is 31/12. */
  key: string;
  /** As written in the header (`30/06/2024`, `1° semestre`), or the year for the year-end column. */
  label: string;
  /** The period's last day, YYYY-MM-DD (MM-DD alone when the year is unknown). */
  date: string;
  yearEnd: boolean;
}

/** One period of an indicator's or objective's history (the baseline is last year's result, if any). */
export interface HistoryPoint {
  period: string;
  /** The actual as a person reads it ('' when none). */
  actual: string;
  achievement: number | null;
  score: number | null;
  /** true for the prior year's result (`Consuntivo 2023` beside `Target 2024`). */
  baseline?: boolean;
}

/** Year-end estimate for a cumulative indicator, linear through the periods so far. */
export interface Projection {
  /** Projected actual at the year's end. */
  value: number;
  /** Projected actual against the year's target. */
  achievement: number;
  /** The projection falls short of the year's target. */
  atRisk: boolean;
}

export interface IndicatorResult {
  code: string;
  name: string;
  objective: string;
  /** 0-based row in the Indicatori table (row 0 is the header). */
  row: number;
  target: Target | null;
  /** Raw achievement as a fraction (may exceed 1 or be negative); null when not measured. */
  achievement: number | null;
  /** Score in [0, cap]; null when not measured or excluded. Override replaces it. */
  score: number | null;
  /** The score the method computed, kept when an override replaces it. */
  computedScore: number | null;
  status: Status;
  overridden: boolean;
  excluded: boolean;
  /** Share of the parent objective's result this indicator gives (normalised weight x score). */
  contribution: number | null;
  /** Weight actually used, normalised among measured siblings; null when left out. */
  weight: number | null;
  note: string;
  /** Days past the deadline for a date target not met. */
  daysLate: number | null;
  /** The Target of the scored year as written in the cell ("" when blank). */
  targetText: string;
  /** The Consuntivo as a person reads it (dates dd/mm/yyyy, numbers in the workbook's language). */
  actualText: string;
  /** The Peso as written, as a fraction (null when blank); `weight` is the normalised one used. */
  declaredWeight: number | null;
  /**
   * Monitoring: the period's actual measured against the year's target (no interim target): progress
   * ("avanzamento"), not achievement.
   */
  progress?: boolean;
  /** Monitoring: a deadline not yet due at the period's date, without an actual: in progress, not late. */
  inProgress?: boolean;
  /** Counts that add up through the year (Cumulativo si, or a higher-is-better number by default). */
  cumulative?: boolean;
  /** Gap to the target, signed so that a negative number is worse (higher: actual - target; lower: target - actual). */
  gap?: number | null;
  /** The indicator across periods, oldest first; present when the workbook has period columns. */
  history?: HistoryPoint[];
  /** At an interim period, for a cumulative indicator with a numeric target. */
  projection?: Projection | null;
}

export interface ObjectiveResult {
  code: string;
  title: string;
  parent: string | null;
  row: number;
  depth: number;
  /** Weighted (or simple) mean of the children's scores; null when nothing below is measured. */
  score: number | null;
  /** result / objective target, capped at 100%; equals score when the objective has no target. */
  achievement: number | null;
  target: number | null;
  rating: string | null;
  attributes: Record<string, string>;
  /** The Peso as written, as a fraction (null when blank). */
  declaredWeight: number | null;
  /** The objective across periods, oldest first; present when the workbook has period columns. */
  history?: HistoryPoint[];
}

export interface EntityResult {
  score: number | null;
  rating: string | null;
}

export interface ScoreResult {
  lang: Lang;
  settings: Settings;
  /** The period scored, when the workbook has period columns (else absent: the year as a whole). */
  period?: PeriodInfo;
  /** Every period of the year found in the headers, oldest first, the year's end last. */
  periods?: PeriodInfo[];
  /** The entity's result at each period, aligned with `periods`. */
  entityHistory?: { period: string; score: number | null }[];
  entity: EntityResult;
  objectives: ObjectiveResult[];
  indicators: IndicatorResult[];
  /** attribute -> value -> mean score of the objectives in that group. */
  groups: Record<string, Record<string, number | null>>;
  issues: Issue[];
  writePlan: WritePlan;
  /** Individual performance: everyone with assignments (the Assegnazioni sheet, else Responsabile at any level). */
  people?: import('./people.js').PeopleResult;
}

/** A rectangle of output; row/col are 0-based in the target sheet. */
export interface WriteBlock {
  row: number;
  col: number;
  values: CellValue[][];
  /** Same shape as values; null = leave the host's default. */
  numberFormats?: (string | null)[][];
  /** Background colours as '#RRGGBB'; same shape as values; null = no fill. */
  fills?: (string | null)[][];
  /** Bold font flags for header rows; same shape as values. */
  bold?: boolean[][];
  /** Cell notes (comments); same shape as values; null = none. */
  notes?: (string | null)[][];
}

export interface SheetWrite {
  /** The sheet's name; hosts look it up case-insensitively, as Excel and Sheets do. */
  sheet: string;
  /** true: create or clear the sheet (values, formats, notes, validations), then write. */
  replace: boolean;
  /** Set on the tool's own output sheets: the host writes the OUTPUT_MARKER with this kind on the sheet. */
  owner?: OutputKind;
  /** Print layout, only on sheets the tool creates (the user's own page setup is theirs). */
  pageSetup?: PageSetup;
  blocks: WriteBlock[];
  /** Rows to freeze at the top (header rows). */
  frozenRows?: number;
  /** Column widths in characters, by 0-based column. */
  columnWidths?: { col: number; width: number }[];
  /** Drop-down lists (data validation) on a column, rows fromRow..toRow inclusive (0-based). */
  validations?: { col: number; fromRow: number; toRow: number; list: string[] }[];
}

export interface PageSetup {
  landscape: boolean;
  /** Fit all columns on one page width (any number of pages tall). */
  fitToWidth: boolean;
  /** The first N rows repeat at the top of every printed page (0 or absent: none). */
  printTitleRows?: number;
}

export interface WritePlan {
  sheets: SheetWrite[];
  /** The tool's own sheets (by marker) to delete, e.g. an English Summary when scoring again in Italian. */
  removeSheets?: string[];
}

/**
 * What a task pane / sidebar shows after scoring: small and JSON-serialisable, so Apps Script can send it
 * through google.script.run unchanged.
 */
export interface Summary {
  lang: Lang;
  entity: EntityResult;
  year: number | null;
  method: Method;
  /** Top-level objectives with their result and objective target, for the chart by objective. */
  objectives: { code: string; title: string; score: number | null; target: number | null; rating: string | null; history?: HistoryPoint[] }[];
  groups: Record<string, Record<string, number | null>>;
  /** Count of indicators by status. */
  statusCounts: Record<Status, number>;
  indicatorCount: number;
  objectiveCount: number;
  issues: Issue[];
  issueCounts: Record<Severity, number>;
  /** Monitoring: the period scored and every period of the year, for the pane's period selector. */
  period?: PeriodInfo;
  periods?: PeriodInfo[];
  entityHistory?: { period: string; score: number | null }[];
  /** Indicators whose year-end estimate falls short (monitoring at an interim period). */
  atRiskCount?: number;
  /**
   * Monitoring: the indicators that need a look at this period (at risk, not met, in progress), at most 50,
   * each with its line across periods; the pane shows them, the full list is in the report.
   */
  watchlist?: { code: string; name: string; status: Status; atRisk: boolean; inProgress: boolean; progress: boolean; gap: number | null; history: HistoryPoint[]; projection: Projection | null }[];
  /**
   * Individual performance, names and totals only: a person's card (components, objectives, behaviours) is
   * asked for one at a time, so personal detail is never sent in bulk.
   */
  people?: { name: string; role: string; total: number | null; band: string | null }[];
}
