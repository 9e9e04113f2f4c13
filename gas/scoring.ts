/**
 * The workbook jobs behind the menu and the sidebar: score, create the template, save the pane's settings.
 * Each writes under the document lock.
 */
import {
  missingTemplatePlan, normalizeHeader, paneSettings, scorePlan, settingsUpdatePlan, summarize, formatPercent, SHEETS,
  type Lang, type Method, type Summary,
} from '../src/core/index.js';
import { SheetsAdapter } from './adapter.js';
import { withDocumentLock, type Spreadsheet } from './host.js';
import { text } from './messages.js';

export function scoreSpreadsheet(ss: Spreadsheet, lang: Lang): Summary {
  return withDocumentLock(lang, () => {
    const adapter = new SheetsAdapter(ss);
    const read = adapter.readNow();
    const result = scorePlan(read.input, { workbook: read.sheets });
    adapter.applyNow(result.writePlan);
    return summarize(result);
  });
}

export function scoreMessage(summary: Summary): string {
  return text(summary.lang, 'score.done', {
    score: formatPercent(summary.entity.score, summary.lang),
    rating: summary.entity.rating ?? 'n.d.',
    ...summary.issueCounts,
  });
}

/** Only the sheet names matter to the template: no sheet's cells are read. */
export function createMissingTemplate(ss: Spreadsheet, lang: Lang): string[] {
  return withDocumentLock(lang, () => {
    const input = { sheets: Object.fromEntries(ss.getSheets().map((s) => [s.getName(), []])) };
    const plan = missingTemplatePlan(input, lang);
    new SheetsAdapter(ss).applyNow(plan);
    return plan.sheets.map((s) => s.sheet);
  });
}

const isSettingsSheet = (name: string) => SHEETS.settings.aliases.includes(normalizeHeader(name));

/** The pane needs Impostazioni alone: the plan's large sheets are not read. */
export function loadPaneSettings(ss: Spreadsheet): { year: number | null; method: Method | null } {
  return paneSettings(new SheetsAdapter(ss).readNow(isSettingsSheet).input);
}

export function savePaneSettings(ss: Spreadsheet, lang: Lang, settings: { year: number | null; method: Method | null }): void {
  withDocumentLock(lang, () => {
    const adapter = new SheetsAdapter(ss);
    adapter.applyNow(settingsUpdatePlan(adapter.readNow(isSettingsSheet).input, settings, lang));
  });
}
