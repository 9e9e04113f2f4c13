/**
 * The pane's host in Excel: the three steps every host does (read the tables, call the core, apply the
 * write plan), plus settings, template and cell selection, each in one Excel.run batch.
 */
import { missingTemplatePlan, paneSettings, scorePlan, settingsUpdatePlan, summarize, type Lang, type Summary } from '../src/core/index.js';
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

export function excelHost(lang: Lang): PanelHost {
  return {
    score: (onProgress) => scoreWorkbook(lang, onProgress),
    selectCell: (sheet, cell) => Excel.run((context) => selectCell(context, sheet, cell)),
    loadSettings: () => Excel.run(async (context) => paneSettings((await readWorkbook(context)).input)),
    saveSettings: (settings) => Excel.run(async (context) => {
      const { input, sheetNames } = await readWorkbook(context);
      await applyWritePlan(context, settingsUpdatePlan(input, settings, lang), sheetNames);
    }),
    createTemplate: () => Excel.run(async (context) => {
      const { input, sheetNames } = await readWorkbook(context);
      await applyWritePlan(context, missingTemplatePlan(input, lang), sheetNames);
    }),
  };
}
