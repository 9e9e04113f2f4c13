/** `cruscotto diff`: what changed between two versions of a plan, on the terminal and optionally as HTML. */
import { writeFileSync } from 'node:fs';
import { diffPlans, formatDiffText, renderDiff } from '../../report/diff.js';
import type { CommandLine } from '../args.js';
import { CliError, type Io } from '../terminal.js';
import { say } from '../text.js';
import { loadAndScore } from './score.js';

export async function diffCommand(line: CommandLine, io: Io): Promise<number> {
  // Both versions are scored in one language (the one asked, else Italian), so their texts compare.
  const { lang } = line;
  const [before, after] = line.positional;
  const progress = line.options.quiet ? undefined : io;
  const a = await loadAndScore(before, { year: line.options.year, lang }, progress);
  const b = await loadAndScore(after, { year: line.options.year, lang }, progress);
  const diff = diffPlans(a, b);
  io.out(formatDiffText(diff, lang));
  const html = line.options.html;
  if (html !== undefined) {
    const page = renderDiff(diff, lang);
    try {
      writeFileSync(html, page);
    } catch (e) {
      throw new CliError(say(lang, 'cannotWrite', { file: html, reason: (e as Error).message }));
    }
    io.out(say(lang, 'diffWritten', { file: html }));
  }
  return 0;
}
