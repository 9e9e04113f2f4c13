/**
 * The custom functions' bodies: thin wrappers over the core's function table, so they answer as in Excel.
 * A recalculation calls them thousands of times in one execution, so the spreadsheet's time zone is read
 * once (not SpreadsheetApp.getActiveSpreadsheet() per call) and each distinct date is converted once.
 * Nothing here writes or shows anything: Sheets forbids it inside a formula.
 */
import { callFunction } from '../src/core/index.js';
import { appsScriptServices, serialInZone, type SheetsServices } from './adapter.js';

let zone: string | null = null;
const serials = new Map<number, number>();
let services: SheetsServices | null = null;

function timeZone(): string {
  if (zone === null) zone = SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetTimeZone() ?? Session.getScriptTimeZone();
  return zone;
}

function convert(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(convert);
  if (v instanceof Date) {
    services ??= appsScriptServices();
    return serialInZone(v, timeZone(), services.formatDate, serials);
  }
  return v;
}

export function customFunction(name: string, values: unknown[]): number | string {
  try {
    return callFunction(name, values.map(convert));
  } catch (e) {
    // The cell shows the message as the #ERROR! tooltip; the core's argument errors are already worded.
    throw new Error((e as Error).message);
  }
}
