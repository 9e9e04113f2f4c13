import type { Lang, Method, Summary } from '../core/types.js';
import type { PersonResult } from '../core/people.js';

/** What the pane asks a scoring for: the monitoring period (as ScoreOptions.period) and the schede. */
export interface ScoreRequest {
  /** A period's key from Summary.periods (`S1`, `30/06`, `31/12`); absent: Impostazioni `periodo`, else the default. */
  period?: string;
  /** "Calcola schede": also write the Schede individuali sheet (ScoreOptions.people). */
  people?: boolean;
}

/**
 * What the shared pane (Excel task pane and Sheets sidebar) needs from its host. Each host implements it
 * with its own API (Office.js / google.script.run); the pane never calls a host directly.
 */
export interface PanelHost {
  /** Reads the workbook, scores it as asked, writes the results, and returns what to show. */
  score(onProgress?: (message: string) => void, request?: ScoreRequest): Promise<Summary>;
  /**
   * One person's card (components, assignments with scores, behaviours, evaluator), asked for when the user
   * opens it: the summary carries names and totals only, so personal detail never travels in bulk. Scored
   * at `period` (the one the pane shows); null when nobody has that name any more.
   */
  person(name: string, period?: string): Promise<PersonResult | null>;
  /** Activates the sheet and selects the cell (A1) named by an issue. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Year and method currently in Impostazioni (null when absent). */
  loadSettings(): Promise<{ year: number | null; method: Method | null }>;
  /** Writes year and method into Impostazioni (the user's explicit edit; the only input the pane changes). */
  saveSettings(settings: { year: number | null; method: Method | null }): Promise<void>;
  /** Creates Obiettivi, Indicatori and Impostazioni template sheets in a workbook that lacks them. */
  createTemplate(): Promise<void>;
}

export interface PanelOptions {
  lang: Lang;
}
