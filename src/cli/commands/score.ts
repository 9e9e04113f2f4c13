/** `cruscotto score`: the scored copy of a workbook, its --json, and a short summary on the terminal. */
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import {
  INDICATOR_COLUMNS, SHEETS, findSheet, formatPercent, methodLabel, resultJsonText, scorePlan, type Lang, type PlanInput, type ScoreResult,
} from '../../core/index.js';
import { FILE_MESSAGES, WorkbookFileError } from '../../io/errors.js';
import { readWorkbookFile } from '../../io/read.js';
import { writeScoredCopy } from '../../io/write.js';
import type { WorkbookRead } from '../../core/index.js';
import type { CommandLine } from '../args.js';
import { checkInputFile, checkOutputFolder, sameFile, workbookOutput, writeFailure } from '../files.js';
import { CliError, type Io } from '../terminal.js';
import { say } from '../text.js';
import { checkYear } from '../year.js';
import { checkPeriod } from '../period.js';

/** Above this size (compressed) a workbook holds hundreds of thousands of rows: see `collectEarly`. */
export const LARGE_WORKBOOK_BYTES = 16 * 2 ** 20;
const GROWING_FLAG = '--heap-growing-percent';

let collectingEarly = false;

function userSetGrowing(): boolean {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes(GROWING_FLAG.slice(2)));
}

/**
 * While a large workbook is read and scored, V8 collects garbage when its heap has grown by 30% since
 * the last full collection, instead of the up to 300% it allows itself on a machine with memory to spare
 * (a 1,000,000-row plan peaked at 2.3 GB of which 1.4 GB was garbage). No heap limit is set, so nothing
 * that fits in memory can run out of it; a smaller workbook, or a user's own flag, is left alone.
 */
export function collectEarly(file: string): boolean {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return false;
  }
  if (size < LARGE_WORKBOOK_BYTES || userSetGrowing()) return false;
  setFlagsFromString(`${GROWING_FLAG}=30`);
  collectingEarly = true;
  return true;
}

/** V8's own heap growth again (0 = its default) once the results are released: the write keeps only the write plan. */
export function collectAsUsual(): void {
  if (collectingEarly) setFlagsFromString(`${GROWING_FLAG}=0`);
  collectingEarly = false;
}

/**
 * Reads and scores one workbook. Progress is printed only in a language already chosen (--lang): without
 * it the workbook decides the language, and nothing is printed before the workbook has been read.
 * A warning about --year is printed even when quiet.
 */
export async function loadAndScore(
  file: string, options: { year?: number; period?: string; lang?: Lang }, io: Io, quiet = false,
): Promise<{ input: PlanInput; result: ScoreResult; workbook: WorkbookRead }> {
  checkInputFile(file, options.lang ?? 'it');
  collectEarly(file);
  if (options.lang && !quiet) io.err(say(options.lang, 'reading', { file }));
  const workbook = await readWorkbookFile(file).catch((e: unknown) => {
    // The reader says it in both languages; the commonest case is said in the run's language.
    if (e instanceof WorkbookFileError && e.message === FILE_MESSAGES.unreadable(file)) {
      throw new CliError(say(options.lang ?? 'it', 'unreadable', { file }));
    }
    throw e;
  });
  const { input } = workbook;
  if (options.lang && !quiet) io.err(say(options.lang, 'scoring', { file: basename(file) }));
  const result = scorePlan(input, { ...options, workbook: workbook.sheets });
  checkPeriod(result, options.period, findSheet(input.sheets, SHEETS.indicators)?.name ?? SHEETS.indicators[result.lang], result.lang);
  const warning = checkYear(input, options.year, result.lang);
  if (warning) io.err(warning);
  return { input, result, workbook };
}

function defaultOut(file: string, lang: Lang): string {
  const ext = extname(file) || '.xlsx';
  return join(dirname(file), `${basename(file, ext)}${lang === 'it' ? '-valutato' : '-scored'}${ext}`);
}

export async function scoreCommand(line: CommandLine, io: Io): Promise<number> {
  const file = line.positional[0];
  const { year, period, quiet, strict } = line.options;
  const progress = quiet ? undefined : io;
  const jsonFile = line.options.json ?? null;
  const inPlace = line.options.inPlace === true;
  if (inPlace && line.options.out !== undefined) throw new CliError(say(line.lang, 'inPlaceWithOut'));
  const given = line.options.out === undefined ? null : workbookOutput(line.options.out, line.lang, [extname(file).toLowerCase()]);
  for (const output of [given?.file, jsonFile]) if (output) checkOutputFolder(output, line.lang);
  if (given && sameFile(given.file, file)) throw new CliError(say(line.lang, 'sameFile', { file: given.file }));
  // Everything derived from the results is made inside this call, so the input tables and the results
  // can be collected before the file is written (only the write plan is carried through the write). The
  // JSON is written here, in pieces, to a temporary file renamed once the workbook is written.
  const { writePlan, lang, out, jsonTemp, summary, errors } = await (async () => {
    let loaded: { input: PlanInput; result: ScoreResult } | null = await loadAndScore(file, { year, period, lang: line.options.lang }, io, quiet);
    const { result } = loaded;
    const out = inPlace ? file : given?.file ?? defaultOut(file, result.lang);
    const summary = quiet ? [] : summaryLines(file, loaded.input, result, [out, ...(jsonFile ? [jsonFile] : [])]);
    // The input tables are not needed past the summary: released before the JSON is written (at a
    // million rows their arrays are about 130 MB the results do not share).
    loaded = null;
    return {
      writePlan: result.writePlan,
      lang: result.lang,
      out,
      jsonTemp: jsonFile ? writeJsonTemp(jsonFile, result) : null,
      summary,
      errors: result.issues.filter((i) => i.severity === 'error').length,
    };
  })();
  collectAsUsual();
  if (given?.extended) progress?.err(say(lang, 'addedExtension', { file: out }));
  progress?.err(say(lang, 'writing', { file: out }));
  try {
    await writeScoredCopy(file, out, writePlan, { inPlace });
  } catch (e) {
    removeQuietly(jsonTemp);
    // A refused or unreadable file is already one sentence; a failed write is explained by its code.
    if (e instanceof Error && e.name === 'WorkbookFileError' && (e as { code?: string }).code) throw writeFailure(out, e, lang);
    throw e;
  }
  if (jsonFile && jsonTemp) {
    try {
      renameSync(jsonTemp, jsonFile);
    } catch (e) {
      removeQuietly(jsonTemp);
      throw writeFailure(jsonFile, e, lang);
    }
  }
  for (const text of summary) io.out(text);
  if (strict && errors > 0) {
    io.err(say(lang, 'strictFail'));
    return 1;
  }
  return 0;
}

function removeQuietly(file: string | null): void {
  if (!file) return;
  try {
    unlinkSync(file);
  } catch {
    /* never created or already gone */
  }
}

/**
 * The --json text written beside `jsonFile` under a temporary name, one piece at a time (a million
 * indicators are hundreds of MB of text, never held as one string). Returns the temporary file's path.
 */
function writeJsonTemp(jsonFile: string, result: ScoreResult): string {
  const temp = join(dirname(resolve(jsonFile)), `.${basename(jsonFile)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd = -1;
  try {
    fd = openSync(temp, 'wx', 0o666);
    try {
      // Replacing a file keeps its permissions, as writing over it did.
      fchmodSync(fd, statSync(jsonFile).mode & 0o7777);
    } catch {
      /* a new file: the default mode */
    }
    for (const piece of resultJsonText(result)) {
      const bytes = Buffer.from(piece, 'utf8');
      // writeSync may write less than it was given; the rest goes in the next call.
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
    }
    closeSync(fd);
    return temp;
  } catch (e) {
    if (fd >= 0) {
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    removeQuietly(temp);
    throw writeFailure(jsonFile, e, result.lang);
  }
}

/** The sheet the issues were written to (the core may rename it beside a user's own sheet). */
function issuesSheet(result: ScoreResult): string {
  return result.writePlan.sheets.find((s) => s.owner === 'issues')?.sheet ?? SHEETS.issues[result.lang];
}

/** The entity's result, or why there is none and what to fill in (an empty template says n.d. otherwise). */
function entityLines(file: string, input: PlanInput, result: ScoreResult): string[] {
  const lang = result.lang;
  if (result.entity.score !== null) {
    return [say(lang, 'entity', { score: formatPercent(result.entity.score, lang), rating: result.entity.rating ?? 'n.d.' })];
  }
  const sheetName = findSheet(input.sheets, SHEETS.indicators)?.name ?? SHEETS.indicators[lang];
  if (result.indicators.length === 0) {
    return [say(lang, 'noIndicators', { sheet: sheetName }), say(lang, 'noIndicatorsHint', { file })];
  }
  if (result.indicators.every((i) => i.achievement === null && !i.overridden)) {
    return [
      say(lang, 'noActuals', { count: result.indicators.length }),
      say(lang, 'noActualsHint', { column: INDICATOR_COLUMNS.actual[lang], sheet: sheetName, file }),
    ];
  }
  return [say(lang, 'noScore', { sheet: issuesSheet(result) })];
}

function summaryLines(file: string, input: PlanInput, result: ScoreResult, outputs: string[]): string[] {
  const lang = result.lang;
  const count = (s: string) => result.issues.filter((i) => i.severity === s).length;
  const lines = [
    say(lang, 'title', { file: basename(file), year: result.settings.year ?? '-', method: methodLabel(result.settings.method, lang) }),
    ...entityLines(file, input, result),
    say(lang, 'counts', {
      objectives: result.objectives.filter((o) => o.score !== null).length,
      objectivesAll: result.objectives.length,
      indicators: result.indicators.filter((i) => i.score !== null).length,
      indicatorsAll: result.indicators.length,
    }),
    say(lang, 'issues', { error: count('error'), warning: count('warning'), info: count('info'), sheet: issuesSheet(result) }),
  ];
  // A user sheet named like an output sent the results elsewhere: say where, or they look lost.
  for (const renamed of result.issues.filter((i) => i.code === 'output.renamed')) lines.push(renamed.message);
  const errors = result.issues.filter((i) => i.severity === 'error').slice(0, 5);
  if (errors.length) {
    lines.push(say(lang, 'firstIssues'));
    for (const e of errors) lines.push(`  ${e.sheet}!${e.cell || '-'}  ${e.message}`);
  }
  lines.push(say(lang, 'outputs', { files: outputs.join(', ') }));
  return lines;
}
