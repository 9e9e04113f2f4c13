/** `cruscotto init`: the empty template workbook (Obiettivi, Indicatori, Impostazioni with drop-downs). */
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { templatePlan } from '../../core/index.js';
import { applyWritePlan, writeWorkbook } from '../../io/xlsx.js';
import type { CommandLine } from '../args.js';
import { checkOutputFolder, workbookOutput, writeFailure } from '../files.js';
import { CliError, type Io } from '../terminal.js';
import { say } from '../text.js';

export async function initCommand(line: CommandLine, io: Io): Promise<number> {
  const { lang } = line;
  const { file, extended } = workbookOutput(line.positional[0], lang);
  checkOutputFolder(file, lang);
  if (existsSync(file) && !line.options.force) throw new CliError(say(lang, 'exists', { file }));
  if (extended) io.err(say(lang, 'addedExtension', { file }));
  const workbook = new ExcelJS.Workbook();
  applyWritePlan(workbook, templatePlan(lang));
  try {
    await writeWorkbook(workbook, file);
  } catch (e) {
    throw writeFailure(file, e, lang);
  }
  io.out(say(lang, 'created', { file }));
  return 0;
}
