/**
 * The pane's host in Excel: read the tables, call the core, apply the write plan, each job in one
 * Excel.run batch through the ExcelAdapter. Errors leave here in the user's language.
 */
import {
  missingTemplatePlan, paneSettings, scorePlan, settingsUpdatePlan, summarize, type Lang, type PersonResult, type ScoreResult, type Summary,
} from '../src/core/index.js';
import type { PanelHost, ScoreRequest } from '../src/ui/panel-host.js';
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

/** Reads, scores as asked and writes, in one Excel.run; the whole result stays on this side of the pane. */
function scoreAndWrite(lang: Lang, onProgress: ((message: string) => void) | undefined, options: ExcelHostOptions, request: ScoreRequest): Promise<ScoreResult> {
  const run = options.run ?? defaultRun;
  return guarded(lang, () => run(async (context) => {
    const adapter = new ExcelAdapter(context, options);
    onProgress?.(PROGRESS[lang].reading);
    const read = await adapter.read();
    onProgress?.(PROGRESS[lang].scoring);
    const result = scorePlan(read.input, { workbook: read.sheets, period: request.period, people: request.people });
    onProgress?.(PROGRESS[result.lang].writing);
    await adapter.apply(result.writePlan);
    return result;
  }));
}

/** Scores the workbook (at `request.period`, with the schede when `request.people`) and writes the results. */
export async function scoreWorkbook(lang: Lang, onProgress?: (message: string) => void, options: ExcelHostOptions = {}, request: ScoreRequest = {}): Promise<Summary> {
  return summarize(await scoreAndWrite(lang, onProgress, options, request));
}

/**
 * The pane's host. It keeps the people of its last scoring in memory (the runtime is shared by the pane and
 * the ribbon, and nothing leaves the machine), so opening a card costs no request; a card at another period,
 * or before any scoring in this session, is scored again from the workbook, without writing.
 */
export function excelHost(lang: Lang, options: ExcelHostOptions = {}): PanelHost {
  const run = options.run ?? defaultRun;
  const withAdapter = <T>(job: (adapter: ExcelAdapter, context: Excel.RequestContext) => Promise<T>) =>
    guarded(lang, () => run((context) => job(new ExcelAdapter(context, options), context)));
  let last: { period: string | undefined; people: PersonResult[] } | null = null;
  const remember = (result: ScoreResult) => {
    last = { period: result.period?.key, people: result.people?.people ?? [] };
  };
  return {
    score: async (onProgress, request = {}) => {
      const result = await scoreAndWrite(lang, onProgress, options, request);
      remember(result);
      return summarize(result);
    },
    person: async (name, period) => {
      if (last === null || last.period !== period) {
        remember(await withAdapter(async (adapter) => {
          const read = await adapter.read();
          return scorePlan(read.input, { workbook: read.sheets, period });
        }));
      }
      return last?.people.find((p) => p.name === name) ?? null;
    },
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
