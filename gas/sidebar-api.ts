/**
 * The server functions the sidebar calls through google.script.run. The sidebar is typed against this
 * object (`ServerFunctions`), so a renamed function or a changed argument is a compile error there, not a
 * silent failure in the user's browser. Each one answers a failure with a message in the user's language.
 */
import type { Lang, Method, PersonResult, Summary } from '../src/core/index.js';
import type { ScoreRequest } from '../src/ui/panel-host.js';
import { forSidebar, spreadsheet, userLang, UserError } from './host.js';
import { createMissingTemplate, loadPaneSettings, personCard, savePaneSettings, scoreSpreadsheet } from './scoring.js';

export const serverFunctions = {
  /** Scores the plan (at a period, with the schede when asked) and returns the summary to show. */
  sidebarScore: forSidebar((request?: ScoreRequest): Summary => scoreSpreadsheet(spreadsheet(), userLang(), request ?? {})),
  /** One person's card at the period the sidebar shows, asked for when the user opens it; null when not found. */
  sidebarPerson: forSidebar((name: string, period?: string): PersonResult | null => personCard(spreadsheet(), name, period)),
  /** Year and method currently in Impostazioni. */
  sidebarLoadSettings: forSidebar((): { year: number | null; method: Method | null } => loadPaneSettings(spreadsheet())),
  /** Writes year and method into Impostazioni. */
  sidebarSaveSettings: forSidebar((settings: { year: number | null; method: Method | null }): void => {
    savePaneSettings(spreadsheet(), userLang(), settings);
  }),
  /** Creates the missing template sheets; returns their names. */
  sidebarCreateTemplate: forSidebar((): string[] => createMissingTemplate(spreadsheet(), userLang())),
  /** Selects the cell an issue points at. */
  sidebarSelectCell: forSidebar((sheetName: string, cell: string): void => {
    const lang = userLang();
    const sheet = spreadsheet().getSheetByName(sheetName);
    if (!sheet) throw new UserError(lang, 'sheet.notFound', { sheet: sheetName });
    let range: GoogleAppsScript.Spreadsheet.Range;
    try {
      range = sheet.getRange(cell);
    } catch {
      throw new UserError(lang, 'cell.notFound', { sheet: sheetName, cell });
    }
    sheet.activate();
    range.activate();
  }),
  /** The user's language. */
  sidebarLang: (): Lang => userLang(),
};

export type ServerFunctions = typeof serverFunctions;
