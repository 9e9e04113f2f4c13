import type { Lang, Method, Summary } from '../core/types.js';

/**
 * What the shared pane (Excel task pane and Sheets sidebar) needs from its host. Each host implements it
 * with its own API (Office.js / google.script.run); the pane never calls a host directly.
 */
export interface PanelHost {
  /** Reads the workbook, scores it, writes the results, and returns what to show. */
  score(onProgress?: (message: string) => void): Promise<Summary>;
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
