/** `cruscotto report`: the HTML report of a scored workbook, and the schede di valutazione individuale. */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { PEOPLE_SHEETS, scorePeople, type Lang } from '../../core/index.js';
import { renderReport } from '../../report/html.js';
import { renderSchede } from '../../report/schede.js';
import type { CommandLine } from '../args.js';
import { checkOutputFolder, writeFailure } from '../files.js';
import { CliError, type Io } from '../terminal.js';
import { say } from '../text.js';
import { loadAndScore } from './score.js';

function write(file: string, page: string, lang: Lang): void {
  try {
    writeFileSync(file, page);
  } catch (e) {
    throw writeFailure(file, e, lang);
  }
}

export async function reportCommand(line: CommandLine, io: Io): Promise<number> {
  const file = line.positional[0];
  const { html, schede } = line.options;
  if (html === undefined && schede === undefined) throw new CliError(say(line.lang, 'needHtml'));
  for (const output of [html, schede]) if (output !== undefined) checkOutputFolder(output, line.lang);
  const { input, result } = await loadAndScore(
    file, { year: line.options.year, period: line.options.period, lang: line.options.lang }, io, line.options.quiet,
  );
  const lang = result.lang;
  // Checked before anything is written: asking for schede of a plan without people is a mistake.
  const people = schede === undefined ? null : scorePeople(input, result, lang);
  if (people && people.source === 'none') throw new CliError(say(lang, 'noPeople', { sheet: PEOPLE_SHEETS.assignments[lang] }));
  if (html !== undefined) {
    // Without --completo the report decides: in full for a small plan, exceptions in full and the rest
    // summarised for a large one (a 100k-indicator page in full takes a minute to open).
    write(html, renderReport(result, { lang, sourceName: basename(file), ...(line.options.completo ? { complete: true } : {}) }), lang);
    io.out(say(lang, 'reportWritten', { file: html }));
  }
  if (people && schede !== undefined) {
    // The schede hold personal data: a document of their own, never inside the published report.
    write(schede, renderSchede(people, result, { lang, sourceName: basename(file) }), lang);
    io.out(say(lang, 'schedeWritten', { file: schede, count: people.people.length }));
  }
  return 0;
}
