/**
 * The change log: every edit of Override, Nota, Consuntivo and Target cells of Indicatori goes to the
 * Registro sheet, so the OIV's adjustments are never lost between versions.
 */
import { a1, findHeaderRow, normalizeHeader, SHEETS, INDICATOR_COLUMNS } from '../src/core/index.js';
import type { Spreadsheet } from './host.js';

const REGISTRY = 'Registro';
const REGISTRY_HEADER = ['Data e ora', 'Foglio', 'Cella', 'Colonna', 'Valore precedente', 'Nuovo valore'];

export function registrySheet(ss: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  let sheet = ss.getSheetByName(REGISTRY);
  if (!sheet) {
    sheet = ss.insertSheet(REGISTRY);
    sheet.getRange(1, 1, 1, REGISTRY_HEADER.length).setValues([REGISTRY_HEADER]).setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  return sheet;
}

const LOGGED = [INDICATOR_COLUMNS.override, INDICATOR_COLUMNS.note, INDICATOR_COLUMNS.actual, INDICATOR_COLUMNS.target];

function isLoggedHeader(header: unknown): boolean {
  const n = normalizeHeader(header as string).replace(/\s*(?:anno\s*)?(?:19|20)\d\d$/, '');
  return LOGGED.some((spec) => spec.aliases.includes(n));
}

/** Sheets gives the old value only for a single-cell edit. */
export function logEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  const name = sheet.getName();
  if (!SHEETS.indicators.aliases.includes(normalizeHeader(name))) return;
  const ss = e.source;
  // The headers may sit below a title: look for them in the top rows, as the core does.
  const top = sheet.getRange(1, 1, Math.max(1, Math.min(20, sheet.getLastRow())), Math.max(1, sheet.getLastColumn())).getValues();
  const headerRow = findHeaderRow(top, INDICATOR_COLUMNS.code) + 1;
  const headers = top[headerRow - 1];
  const firstRow = range.getRow();
  const firstCol = range.getColumn();
  if (firstRow + range.getNumRows() - 1 <= headerRow) return;
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  const values = single ? [[e.value ?? range.getValue()]] : range.getValues();
  const timeZone = ss.getSpreadsheetTimeZone();
  const when = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm:ss');
  const show = (v: unknown) => (v instanceof Date ? Utilities.formatDate(v, timeZone, 'dd/MM/yyyy') : v === undefined || v === null ? '' : v);
  const rows: unknown[][] = [];
  values.forEach((row, i) => row.forEach((value, j) => {
    const r = firstRow + i;
    const c = firstCol + j;
    if (r <= headerRow || !isLoggedHeader(headers[c - 1])) return;
    rows.push([when, name, a1(r - 1, c - 1), headers[c - 1], single ? show(e.oldValue) : '', show(value)]);
  }));
  if (rows.length === 0) return;
  const log = registrySheet(ss);
  const next = log.getLastRow() + 1;
  if (next + rows.length - 1 > log.getMaxRows()) log.insertRowsAfter(log.getMaxRows(), next + rows.length - 1 - log.getMaxRows());
  // Plain text first: an old value such as "1.450" must be logged as written, not read as a number.
  log.getRange(next, 1, rows.length, REGISTRY_HEADER.length).setNumberFormat('@').setValues(rows);
}
