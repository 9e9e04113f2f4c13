/**
 * The files a command is given, checked before any work: inputs that exist and are xlsx, outputs whose
 * folder exists and whose name says what is written. A failed write becomes one sentence naming the file.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Lang } from '../core/index.js';
import { CliError } from './terminal.js';
import { say } from './text.js';

/** Formats people save plans in that are not xlsx: they get "save it as .xlsx", not a reader's error. */
const OTHER_FORMATS = new Set(['.ods', '.fods', '.xls', '.xlsb', '.csv', '.tsv', '.txt', '.numbers']);

export function checkInputFile(file: string, lang: Lang): void {
  if (!existsSync(file)) throw new CliError(say(lang, 'notFound', { file }));
  const ext = extname(file).toLowerCase();
  if (OTHER_FORMATS.has(ext)) throw new CliError(say(lang, 'saveAsXlsx', { file, ext }));
}

/**
 * The name a workbook is written under: an ".xlsx" name as given, a name without extension gets ".xlsx"
 * (the caller says so), any other extension is refused, since Excel will not open xlsx content named
 * ".csv" or ".ods". `allowed` adds the input's own extension (a scored ".xlsm" stays ".xlsm").
 */
export function workbookOutput(file: string, lang: Lang, allowed: readonly string[] = []): { file: string; extended: boolean } {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || allowed.includes(ext)) return { file, extended: false };
  if (ext === '') return { file: `${file}.xlsx`, extended: true };
  throw new CliError(say(lang, 'outputNotXlsx', { file, suggestion: `${file.slice(0, -ext.length)}.xlsx` }));
}

/** A missing folder is found before the input is read, not after minutes of work. */
export function checkOutputFolder(file: string, lang: Lang): void {
  const folder = dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CliError(say(lang, 'noFolder', { folder, file }));
}

/** A write that failed anyway (permissions, a file open in Excel on Windows, a folder by that name). */
export function writeFailure(file: string, error: unknown, lang: Lang): CliError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new CliError(say(lang, 'noFolder', { folder: dirname(file), file }));
  const reason =
    code === 'EACCES' || code === 'EPERM' ? say(lang, 'reasonDenied')
      : code === 'EISDIR' ? say(lang, 'reasonFolder')
        : code === 'EBUSY' ? say(lang, 'reasonBusy')
          : code === 'ENOSPC' ? say(lang, 'reasonFull')
            : (error as Error)?.message ?? String(error);
  return new CliError(say(lang, 'cannotWrite', { file, reason }));
}

/** Whether two paths name one file (the output need not exist yet; its folder must). */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      try {
        return join(realpathSync(dirname(p)), basename(p));
      } catch {
        return resolve(p);
      }
    }
  };
  return real(a) === real(b);
}
