/**
 * The pane's host in Excel: the three steps every host does (read the tables, call the core, apply the
 * write plan), plus settings, template and cell selection, each in one Excel.run batch.
 */
import {
  findSheet, readSettings, scorePlan, settingsUpdatePlan, summarize, templatePlan, SHEETS,
  type Lang, type Summary, type WritePlan,
} from '../src/core/index.js';
import type { PanelHost } from '../src/ui/panel-host.js';
import { applyWritePlan, readWorkbook, selectCell } from './excel-adapter.js';

const PROGRESS = {
  it: { reading: 'Lettura dei fogli…', scoring: 'Calcolo dei punteggi…', writing: 'Scrittura dei risultati…' },
  en: { reading: 'Reading the sheets…', scoring: 'Scoring…', writing: 'Writing the results…' },
};

export async function scoreWorkbook(lang: Lang, onProgress?: (message: string) => void): Promise<Summary> {
  return Excel.run(async (context) => {
    onProgress?.(PROGRESS[lang].reading);
    const { input, sheetNames } = await readWorkbook(context);
    onProgress?.(PROGRESS[lang].scoring);
    const result = scorePlan(input);
    onProgress?.(PROGRESS[result.lang].writing);
    await applyWritePlan(context, result.writePlan, sheetNames);
    return summarize(result);
  });
}

/** Template sheets that are missing; existing sheets are never overwritten. */
export function missingTemplate(lang: Lang, input: { sheets: Record<string, unknown[][]> }): WritePlan {
  const plan = templatePlan(lang);
  const kinds = Object.values(SHEETS);
  plan.sheets = plan.sheets.filter((s) => {
    const kind = kinds.find((k) => k[lang] === s.sheet);
    return !kind || !findSheet(input.sheets as never, kind);
  });
  return plan;
}

export function excelHost(lang: Lang): PanelHost {
  return {
    score: (onProgress) => scoreWorkbook(lang, onProgress),
    selectCell: (sheet, cell) => Excel.run((context) => selectCell(context, sheet, cell)),
    loadSettings: () => Excel.run(async (context) => {
      const { input } = await readWorkbook(context);
      const found = findSheet(input.sheets, SHEETS.settings);
      if (!found) return { year: null, method: null };
      const { settings, rows } = readSettings(found.table, found.name, lang);
      return { year: settings.year, method: rows.method === undefined ? null : settings.method };
    }),
    saveSettings: (settings) => Excel.run(async (context) => {
      const { input, sheetNames } = await readWorkbook(context);
      await applyWritePlan(context, settingsUpdatePlan(input, settings, lang), sheetNames);
    }),
    createTemplate: () => Excel.run(async (context) => {
      const { input, sheetNames } = await readWorkbook(context);
      await applyWritePlan(context, missingTemplate(lang, input), sheetNames);
    }),
  };
}
