/** `cruscotto report`: the HTML report of a scored workbook. */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { renderReport } from '../../report/html.js';
import type { CommandLine } from '../args.js';
import { checkOutputFolder, writeFailure } from '../files.js';
import { CliError, type Io } from '../terminal.js';
import { say } from '../text.js';
import { loadAndScore } from './score.js';

export async function reportCommand(line: CommandLine, io: Io): Promise<number> {
  const file = line.positional[0];
  const html = line.options.html;
  if (html === undefined) throw new CliError(say(line.lang, 'needHtml'));
  checkOutputFolder(html, line.lang);
  const { result } = await loadAndScore(file, { year: line.options.year, lang: line.options.lang }, io, line.options.quiet);
  const lang = result.lang;
  // Without --completo the report decides: in full for a small plan, exceptions in full and the rest
  // summarised for a large one (a 100k-indicator page in full takes a minute to open).
  const page = renderReport(result, { lang, sourceName: basename(file), ...(line.options.completo ? { complete: true } : {}) });
  try {
    writeFileSync(html, page);
  } catch (e) {
    throw writeFailure(html, e, lang);
  }
  io.out(say(lang, 'reportWritten', { file: html }));
  return 0;
}
