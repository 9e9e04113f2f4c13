/** `cruscotto diff`: what changed between two versions of a plan, on the terminal and optionally as HTML. */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { diffPlans, formatDiffText, renderDiff } from '../../report/diff.js';
import type { CommandLine } from '../args.js';
import { checkOutputFolder, writeFailure } from '../files.js';
import type { Io } from '../terminal.js';
import { say } from '../text.js';
import { loadAndScore } from './score.js';

export async function diffCommand(line: CommandLine, io: Io): Promise<number> {
  // Both versions are scored in one language (the one asked, else Italian), so their texts compare.
  const { lang } = line;
  const [before, after] = line.positional;
  const html = line.options.html;
  if (html !== undefined) checkOutputFolder(html, lang);
  const options = { year: line.options.year, period: line.options.period, lang };
  const a = await loadAndScore(before, options, io, line.options.quiet);
  const b = await loadAndScore(after, options, io, line.options.quiet);
  const diff = diffPlans({ ...a, name: basename(before), options }, { ...b, name: basename(after), options });
  io.out(formatDiffText(diff, lang));
  if (html !== undefined) {
    const page = renderDiff(diff, lang);
    try {
      writeFileSync(html, page);
    } catch (e) {
      throw writeFailure(html, e, lang);
    }
    io.out(say(lang, 'diffWritten', { file: html }));
  }
  return 0;
}
