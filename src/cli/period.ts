/**
 * `--period` against the periods the plan has. The core scores its default period when the one asked is not
 * among the columns (and says so among the issues, as it must for `periodo` in Impostazioni); on the command
 * line that is a mistake to correct, like a `--year` without its Target column: the command stops, before
 * any file is written, and lists the periods it could score.
 */
import type { Lang, ScoreResult } from '../core/index.js';
import { CliError } from './terminal.js';
import { say } from './text.js';

/** Throws when the period asked cannot be scored. */
export function checkPeriod(result: ScoreResult, period: string | undefined, sheet: string, lang: Lang): void {
  if (period === undefined) return;
  if (!result.period || !result.periods) throw new CliError(say(lang, 'periodNoColumns', { period, sheet }));
  if (!result.issues.some((i) => i.code === 'period.unknown')) return;
  // Each by its short name, with the header's own words when they differ (S1 (1° semestre)).
  const named = (p: { key: string; label: string; yearEnd: boolean }) =>
    p.yearEnd ? `${p.key} (${say(lang, 'periodYearEnd')})` : p.label && p.label !== p.key ? `${p.key} (${p.label})` : p.key;
  const periods = result.periods.map(named).join(', ');
  throw new CliError(say(lang, 'periodUnknown', { period, sheet, periods }));
}
