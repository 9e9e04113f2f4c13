/**
 * `--year` against the columns the plan has. A year with no Target column of its own, in a plan with
 * year columns and no plain Target, would score the few rows that happen to have a target elsewhere: the
 * command stops and lists the years it could score. A plain Target column read for a year other than the
 * one in Impostazioni is scored, with a warning, since the column itself does not say its year.
 */
import {
  INDICATOR_COLUMNS, SHEETS, findColumn, findHeaderRow, findSheet, readSettings, type Lang, type PlanInput,
} from '../core/index.js';
import { findYearColumns } from '../core/table.js';
import { CliError } from './terminal.js';
import { say } from './text.js';

/** Throws when the year cannot be scored; returns a warning to print, or null. */
export function checkYear(input: PlanInput, year: number | undefined, lang: Lang): string | null {
  if (year === undefined) return null;
  const indicators = findSheet(input.sheets, SHEETS.indicators);
  if (!indicators) return null;
  const headers = indicators.table[findHeaderRow(indicators.table, INDICATOR_COLUMNS.code)] ?? [];
  const years = findYearColumns(headers, INDICATOR_COLUMNS.target);
  if (years.has(year)) return null;
  const plain = findColumn(headers, INDICATOR_COLUMNS.target);
  if (plain < 0) {
    if (years.size === 0) return null; // no Target column at all: the core reports it at its cell
    const list = [...years.keys()].sort((a, b) => a - b).join(', ');
    throw new CliError(say(lang, 'yearNoColumn', { year, sheet: indicators.name, years: list }));
  }
  const column = String(headers[plain]).trim();
  if (years.size > 0) return say(lang, 'yearPlainColumn', { year, column, sheet: indicators.name });
  const settings = findSheet(input.sheets, SHEETS.settings);
  const settingsYear = settings ? readSettings(settings.table, settings.name, lang).settings.year : null;
  if (settingsYear !== null && settingsYear !== year) {
    return say(lang, 'yearOtherThanSettings', { year, column, sheet: indicators.name, settings: settings?.name ?? '', settingsYear });
  }
  return null;
}
