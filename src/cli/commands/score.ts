/** `cruscotto score`: the scored copy of a workbook, its --json, and a short summary on the terminal. */
import { writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import {
  formatPercent, methodLabel, resultJson, scorePlan, type Lang, type PlanInput, type ScoreResult,
} from '../../core/index.js';
import { applyWritePlan, readPlanFile, writeWorkbook, type Workbook } from '../../io/xlsx.js';
import type { CommandLine } from '../args.js';
import { CliError, type Io } from '../terminal.js';
import { say } from '../text.js';

/**
 * Reads and scores one workbook. Progress is printed only in a language already chosen (--lang): without
 * it the workbook decides the language, and nothing is printed before the workbook has been read.
 */
export async function loadAndScore(
  file: string, options: { year?: number; lang?: Lang }, progress?: Io,
): Promise<{ input: PlanInput; result: ScoreResult; workbook: Workbook }> {
  if (options.lang) progress?.err(say(options.lang, 'reading', { file }));
  const { input, workbook } = await readPlanFile(file);
  if (options.lang) progress?.err(say(options.lang, 'scoring', { file: basename(file) }));
  const result = scorePlan(input, options);
  return { input, result, workbook };
}

function defaultOut(file: string, lang: Lang): string {
  const ext = extname(file) || '.xlsx';
  return join(dirname(file), `${basename(file, ext)}${lang === 'it' ? '-valutato' : '-scored'}${ext}`);
}

export async function scoreCommand(line: CommandLine, io: Io): Promise<number> {
  const file = line.positional[0];
  const { year, quiet, strict } = line.options;
  const progress = quiet ? undefined : io;
  const jsonFile = line.options.json ?? null;
  // Everything derived from the results is made inside this call, so the results themselves can be
  // collected before ExcelJS builds the file (a large plan's write plan is a lot to carry through it).
  const { workbook, lang, out, json, summary, errors } = await (async () => {
    const { result, workbook } = await loadAndScore(file, { year, lang: line.options.lang }, progress);
    applyWritePlan(workbook, result.writePlan);
    const out = line.options.out ?? defaultOut(file, result.lang);
    return {
      workbook,
      lang: result.lang,
      out,
      json: jsonFile ? JSON.stringify(resultJson(result), null, 2) + '\n' : null,
      summary: quiet ? [] : summaryLines(file, result, [out, ...(jsonFile ? [jsonFile] : [])]),
      errors: result.issues.filter((i) => i.severity === 'error').length,
    };
  })();
  progress?.err(say(lang, 'writing', { file: out }));
  try {
    await writeWorkbook(workbook, out);
  } catch (e) {
    throw new CliError(say(lang, 'cannotWrite', { file: out, reason: (e as Error).message }));
  }
  if (jsonFile && json) {
    try {
      writeFileSync(jsonFile, json);
    } catch (e) {
      throw new CliError(say(lang, 'cannotWrite', { file: jsonFile, reason: (e as Error).message }));
    }
  }
  for (const text of summary) io.out(text);
  if (strict && errors > 0) {
    io.err(say(lang, 'strictFail'));
    return 1;
  }
  return 0;
}

function summaryLines(file: string, result: ScoreResult, outputs: string[]): string[] {
  const lang = result.lang;
  const count = (s: string) => result.issues.filter((i) => i.severity === s).length;
  const lines = [
    say(lang, 'title', { file: basename(file), year: result.settings.year ?? '-', method: methodLabel(result.settings.method, lang) }),
    say(lang, 'entity', { score: formatPercent(result.entity.score, lang), rating: result.entity.rating ?? 'n.d.' }),
    say(lang, 'counts', {
      objectives: result.objectives.filter((o) => o.score !== null).length,
      objectivesAll: result.objectives.length,
      indicators: result.indicators.filter((i) => i.score !== null).length,
      indicatorsAll: result.indicators.length,
    }),
    say(lang, 'issues', { error: count('error'), warning: count('warning'), info: count('info'), sheet: lang === 'it' ? 'Segnalazioni' : 'Issues' }),
  ];
  const errors = result.issues.filter((i) => i.severity === 'error').slice(0, 5);
  if (errors.length) {
    lines.push(say(lang, 'firstIssues'));
    for (const e of errors) lines.push(`  ${e.sheet}!${e.cell || '-'}  ${e.message}`);
  }
  lines.push(say(lang, 'outputs', { files: outputs.join(', ') }));
  return lines;
}
