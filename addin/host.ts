/**
 * The pane's host in Excel: read the tables, call the core, apply the write plan, each job in one
 * Excel.run batch through the ExcelAdapter. Errors leave here in the user's language.
 */
import { missingTemplatePlan, paneSettings, scorePlan, settingsUpdatePlan, summarize, type Lang, type Summary } from '../src/core/index.js';
import type { PanelHost } from '../src/ui/panel-host.js';
import { ExcelAdapter, selectCell, type ExcelAdapterOptions } from './excel-adapter.js';
import { excelErrorMessage } from './errors.js';

const PROGRESS = {
  it: { reading: 'Lettura dei fogli…', scoring: 'Calcolo dei punteggi…', writing: 'Scrittura dei risultati…' },
  en: { reading: 'Reading the sheets…', scoring: 'Scoring…', writing: 'Writing the results…' },
};

/** Excel.run, injectable so tests can run the host on office.js over a fake workbook. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions extends ExcelAdapterOptions {
  run?: ExcelRun;
}

const defaultRun: ExcelRun = (batch) => Excel.run(batch);

/** Runs a job and rethrows any failure as an Error whose message is for the user. */
async function guarded<T>(lang: Lang, job: () => Promise<T>): Promise<T> {
  try {
    return await job();
  } catch (e) {
    const error = new Error(excelErrorMessage(e, lang));
    (error as Error & { cause?: unknown }).cause = e;
    throw error;
  }
}

export function scoreWorkbook(lang: Lang, onProgress?: (message: string) => void, options: ExcelHostOptions = {}): Promise<Summary> {
  const run = options.run ?? defaultRun;
  return guarded(lang, () => run(async (context) => {
    const adapter = new ExcelAdapter(context, options);
    onProgress?.(PROGRESS[lang].reading);
    const read = await adapter.read();
    onProgress?.(PROGRESS[lang].scoring);
    const result = scorePlan(read.input, { workbook: read.sheets });
    onProgress?.(PROGRESS[result.lang].writing);
    await adapter.apply(result.writePlan);
    return summarize(result);
  }));
}

export function excelHost(lang: Lang, options: ExcelHostOptions = {}): PanelHost {
  const run = options.run ?? defaultRun;
  const withAdapter = <T>(job: (adapter: ExcelAdapter, context: Excel.RequestContext) => Promise<T>) =>
    guarded(lang, () => run((context) => job(new ExcelAdapter(context, options), context)));
  return {
    score: (onProgress) => scoreWorkbook(lang, onProgress, options),
    selectCell: (sheet, cell) => withAdapter((_, context) => selectCell(context, sheet, cell)),
    // The pane opens on every workbook: it reads Impostazioni only, never the plan's sheets.
    loadSettings: () => withAdapter(async (adapter) => paneSettings(await adapter.readSettingsSheet())),
    saveSettings: (settings) => withAdapter(async (adapter) => {
      await adapter.apply(settingsUpdatePlan(await adapter.readSettingsSheet(), settings, lang));
    }),
    createTemplate: () => withAdapter(async (adapter) => {
      await adapter.apply(missingTemplatePlan(await adapter.sheetNames(), lang));
    }),
  };
}
