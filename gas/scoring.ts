/**
 * The workbook jobs behind the menu and the sidebar: score, create the template, save the pane's settings.
 * Each writes under the document lock.
 */
import {
  missingTemplatePlan, normalizeHeader, paneSettings, scorePlan, settingsUpdatePlan, summarize, formatPercent, SHEETS,
  type Lang, type Method, type PersonResult, type ScoreOptions, type ScoreResult, type Summary,
} from '../src/core/index.js';
import type { ScoreRequest } from '../src/ui/panel-host.js';
import { SheetsAdapter } from './adapter.js';
import { withDocumentLock, type Spreadsheet } from './host.js';
import { text } from './messages.js';

/** Scores at `request.period` (Impostazioni `periodo` when absent), with the schede when `request.people`, and writes. */
export function scoreSpreadsheet(ss: Spreadsheet, lang: Lang, request: ScoreRequest = {}): Summary {
  return scoreAndWrite(ss, lang, request).summary;
}

function scoreAndWrite(ss: Spreadsheet, lang: Lang, request: ScoreRequest): { summary: Summary; result: ScoreResult } {
  return withDocumentLock(lang, () => {
    const adapter = new SheetsAdapter(ss);
    const read = adapter.readNow();
    const result = scorePlan(read.input, { workbook: read.sheets, ...scoreOptions(request) });
    adapter.applyNow(result.writePlan);
    return { summary: summarize(result), result };
  });
}

/** The sidebar's request as the core's options: only the two fields it may set, whatever else arrives. */
function scoreOptions(request: ScoreRequest | null | undefined): ScoreOptions {
  const options: ScoreOptions = {};
  if (typeof request?.period === 'string' && request.period.trim() !== '') options.period = request.period;
  if (request?.people === true) options.people = true;
  return options;
}

/** "Calcola schede": the summary and the name of the schede sheet written (null when there is nobody to score). */
export function scoreWithPeople(ss: Spreadsheet, lang: Lang): { summary: Summary; sheet: string | null } {
  const { summary, result } = scoreAndWrite(ss, lang, { people: true });
  const sheet = result.writePlan.sheets.find((s) => s.owner === 'people')?.sheet ?? null;
  return { summary, sheet };
}

/**
 * One person's card, scored again from the sheets at `period` without writing: Apps Script keeps nothing
 * between calls, and the sidebar asks for one person at a time, so no one else's detail is sent.
 */
export function personCard(ss: Spreadsheet, name: string, period?: string): PersonResult | null {
  const read = new SheetsAdapter(ss).readNow();
  const result = scorePlan(read.input, { workbook: read.sheets, ...scoreOptions({ period }) });
  return result.people?.people.find((p) => p.name === name) ?? null;
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
