/**
 * The Apps Script project: menu, sidebar entry points, review workflow and custom functions. Apps Script
 * finds handlers only as top-level functions, so each is assigned to `global` and gas-webpack-plugin
 * writes the matching top-level declaration (with its JSDoc) into Code.js.
 */
import {
  a1, callFunction, findHeaderRow, findSheet, missingTemplatePlan, normalizeHeader, paneSettings, scorePlan as scoreTables,
  settingsUpdatePlan, summarize, formatPercent, SHEETS, INDICATOR_COLUMNS, type Lang, type Method, type Summary,
} from '../src/core/index.js';
import { applyWritePlan, readPlan, serialInZone } from './adapter.js';

declare const global: Record<string, unknown>;

const REGISTRY = 'Registro';
const REGISTRY_HEADER = ['Data e ora', 'Foglio', 'Cella', 'Colonna', 'Valore precedente', 'Nuovo valore'];

function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

function userLang(): Lang {
  try {
    return /^en/i.test(Session.getActiveUserLocale()) ? 'en' : 'it';
  } catch {
    return 'it';
  }
}

const MENU = {
  it: ['Calcola punteggi', 'Apri pannello', 'Crea modello', 'Istantanea per revisione', 'Registro modifiche'],
  en: ['Score plan', 'Open panel', 'Create template', 'Snapshot for review', 'Change log'],
};

/** Adds the Cruscotto menu when the spreadsheet opens. */
global.onOpen = function onOpen() {
  const [score, panel, template, snap, log] = MENU[userLang()];
  SpreadsheetApp.getUi()
    .createMenu('Cruscotto')
    .addItem(score, 'scorePlan')
    .addItem(panel, 'showSidebar')
    .addItem(template, 'createTemplate')
    .addSeparator()
    .addItem(snap, 'snapshot')
    .addItem(log, 'showAuditLog')
    .addToUi();
};

/** Scores the plan in this spreadsheet and writes results, Sintesi and Segnalazioni. */
global.scorePlan = function scorePlan(): Summary {
  const ss = spreadsheet();
  let result;
  try {
    result = scoreTables(readPlan(ss));
  } catch (e) {
    ss.toast((e as Error).message, 'Cruscotto', 10);
    throw e;
  }
  applyWritePlan(ss, result.writePlan);
  const summary = summarize(result);
  const it = summary.lang === 'it';
  ss.toast(
    `${it ? 'Risultato dell\'ente' : 'Entity result'}: ${formatPercent(summary.entity.score, summary.lang)} — ${summary.entity.rating ?? 'n.d.'}. ` +
      `${it ? 'Segnalazioni' : 'Issues'}: ${summary.issueCounts.error} / ${summary.issueCounts.warning} / ${summary.issueCounts.info}.`,
    'Cruscotto',
    10,
  );
  return summary;
};

/** Opens the Cruscotto sidebar. */
global.showSidebar = function showSidebar() {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Cruscotto');
  SpreadsheetApp.getUi().showSidebar(html);
};

/** Creates the template sheets that are missing; existing sheets are never overwritten. */
global.createTemplate = function createTemplate(): string[] {
  const ss = spreadsheet();
  const lang = userLang();
  const plan = missingTemplatePlan(readPlan(ss), lang);
  applyWritePlan(ss, plan);
  const created = plan.sheets.map((s) => s.sheet);
  ss.toast(created.length ? `${lang === 'it' ? 'Creati' : 'Created'}: ${created.join(', ')}` : lang === 'it' ? 'Il modello è già presente.' : 'The template is already there.', 'Cruscotto', 5);
  return created;
};

function reviewDate(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  return Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
}

/**
 * Freezes the scored sheets for review: "Revisione YYYY-MM-DD" holds Indicatori, with Obiettivi and
 * Sintesi beside it, values only, protected so reviewers comment on a fixed version.
 */
global.snapshot = function snapshot(): string[] {
  const ss = spreadsheet();
  const base = `Revisione ${reviewDate(ss)}`;
  let name = base;
  for (let n = 2; ss.getSheetByName(name); n++) name = `${base} (${n})`;
  // Names only: Sintesi is not plan input, so look the sheets up by name rather than through readPlan.
  const names: Record<string, []> = Object.fromEntries(ss.getSheets().map((s) => [s.getName(), []]));
  const sources = [SHEETS.indicators, SHEETS.objectives, SHEETS.summary]
    .map((kind) => findSheet(names, kind)?.name)
    .filter((s): s is string => !!s);
  const made: string[] = [];
  sources.forEach((source, i) => {
    const original = ss.getSheetByName(source) as GoogleAppsScript.Spreadsheet.Sheet;
    const copy = original.copyTo(ss).setName(i === 0 ? name : `${name} · ${source}`);
    // Formulas become values: the snapshot must not change when the plan does.
    const range = copy.getDataRange();
    range.setValues(range.getValues());
    const protection = copy.protect().setDescription(`Cruscotto: ${name}`);
    protection.removeEditors(protection.getEditors());
    if (protection.canDomainEdit()) protection.setDomainEdit(false);
    made.push(copy.getName());
  });
  ss.toast(`${made.join(', ')}`, 'Cruscotto', 5);
  return made;
};

function registrySheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  let sheet = ss.getSheetByName(REGISTRY);
  if (!sheet) {
    sheet = ss.insertSheet(REGISTRY);
    sheet.getRange(1, 1, 1, REGISTRY_HEADER.length).setValues([REGISTRY_HEADER]).setFontWeight('bold');
    sheet.setFrozenRows(1);
  }
  return sheet;
}

/** Shows the change log of Override, Nota, Consuntivo and Target edits. */
global.showAuditLog = function showAuditLog() {
  registrySheet(spreadsheet()).activate();
};

const LOGGED = [INDICATOR_COLUMNS.override, INDICATOR_COLUMNS.note, INDICATOR_COLUMNS.actual, INDICATOR_COLUMNS.target];

function isLoggedHeader(header: unknown): boolean {
  const n = normalizeHeader(header as string).replace(/\s*(?:anno\s*)?(?:19|20)\d\d$/, '');
  return LOGGED.some((spec) => spec.aliases.includes(n));
}

/**
 * Records every edit of Override, Nota, Consuntivo and Target cells of Indicatori in the Registro sheet,
 * so the OIV's adjustments are never lost between versions. Sheets gives the old value only for a
 * single-cell edit.
 */
global.onEdit = function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit) {
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
  const when = Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd HH:mm:ss');
  const timeZone = ss.getSpreadsheetTimeZone();
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
  log.getRange(log.getLastRow() + 1, 1, rows.length, REGISTRY_HEADER.length).setValues(rows);
};

// google.script.run targets for the sidebar.

/** Sidebar: scores the plan and returns the summary to show. */
global.sidebarScore = function sidebarScore(): Summary {
  return (global.scorePlan as () => Summary)();
};

/** Sidebar: year and method currently in Impostazioni. */
global.sidebarLoadSettings = function sidebarLoadSettings(): { year: number | null; method: Method | null } {
  return paneSettings(readPlan(spreadsheet()));
};

/** Sidebar: writes year and method into Impostazioni. */
global.sidebarSaveSettings = function sidebarSaveSettings(settings: { year: number | null; method: Method | null }) {
  const ss = spreadsheet();
  applyWritePlan(ss, settingsUpdatePlan(readPlan(ss), settings, userLang()));
};

/** Sidebar: selects the cell an issue points at. */
global.sidebarSelectCell = function sidebarSelectCell(sheetName: string, cell: string) {
  const sheet = spreadsheet().getSheetByName(sheetName);
  if (!sheet) throw new Error(`Foglio ${sheetName} non trovato / Sheet ${sheetName} not found`);
  sheet.activate();
  sheet.getRange(cell).activate();
};

/** Sidebar: the user's language. */
global.sidebarLang = function sidebarLang(): Lang {
  return userLang();
};

// Custom functions: thin wrappers over the core's function table, so they answer as in Excel.

function args(values: unknown[]): unknown[] {
  let timeZone: string | null = null;
  const cache = new Map<number, number>();
  const convert = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(convert);
    if (v instanceof Date) {
      timeZone ??= SpreadsheetApp.getActiveSpreadsheet()?.getSpreadsheetTimeZone() ?? Session.getScriptTimeZone();
      return serialInZone(v, timeZone, cache);
    }
    return v;
  };
  return values.map(convert);
}

function call(name: string, values: unknown[]): number | string {
  try {
    return callFunction(name, args(values));
  } catch (e) {
    throw new Error((e as Error).message);
  }
}

/**
 * Punteggio di un indicatore (0,95 = 95%) dato consuntivo e target, con soglia, direzione e metodo facoltativi.
 *
 * @param {number|string} actual Consuntivo: numero, percentuale, data o si/no.
 * @param {number|string} target Target, anche come testo: ">= 45,00 %", "<= -12", "Entro 31-12-2025", "= si".
 * @param {number|string} threshold [facoltativo] Soglia minima: sotto di essa il punteggio è 0.
 * @param {string} direction [facoltativo] max (più alto è meglio) o min, per target senza comparatore.
 * @param {string} method [facoltativo] proporzionale (predefinito), fasce, soglia o binario.
 * @return Il punteggio come frazione.
 * @customfunction
 */
global.ACHIEVEMENT = function ACHIEVEMENT(actual: unknown, target: unknown, threshold?: unknown, direction?: unknown, method?: unknown) {
  return call('ACHIEVEMENT', [actual, target, threshold, direction, method]);
};

/**
 * Media ponderata dei punteggi per i pesi; celle vuote o n.d. escluse e pesi rinormalizzati; senza pesi, media semplice.
 *
 * @param {number[][]} scores Intervallo dei punteggi.
 * @param {number[][]} weights Intervallo dei pesi, della stessa dimensione.
 * @return La media come frazione.
 * @customfunction
 */
global.WEIGHTED = function WEIGHTED(scores: unknown, weights: unknown) {
  return call('WEIGHTED', [scores, weights]);
};

/**
 * Valore numerico di un target scritto come testo (percentuali come frazione, date come numero di serie).
 *
 * @param {string} target Target, es. ">= 45,00 %".
 * @return Il valore del target.
 * @customfunction
 */
global.TARGETVALUE = function TARGETVALUE(target: unknown) {
  return call('TARGETVALUE', [target]);
};

/**
 * Valutazione di un punteggio secondo la scala (predefinita: 90%:Eccellente; 75%:Buono; 60%:Sufficiente; 0%:Insufficiente).
 *
 * @param {number|string} score Punteggio (frazione o percentuale).
 * @param {string} scale [facoltativo] Scala, es. "90%:Eccellente; 60%:Sufficiente; 0%:Insufficiente".
 * @return Il giudizio.
 * @customfunction
 */
global.RATING = function RATING(score: unknown, scale?: unknown) {
  return call('RATING', [score, scale]);
};
