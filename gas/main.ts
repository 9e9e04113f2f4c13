/**
 * The entry points Apps Script sees. Apps Script finds handlers only as top-level functions, so each is
 * assigned to `global` here and gas-webpack-plugin writes the matching top-level declaration (with its
 * JSDoc, which gives the custom functions their autocomplete help) into Code.js. The work is in the
 * modules: menu.ts, review.ts, changelog.ts, sidebar-api.ts, functions.ts, with adapter.ts under them.
 * Every entry point catches: a menu item shows an alert, a trigger a toast, the sidebar and the formulas a
 * translated message.
 */
import { fromMenu, fromTrigger } from './host.js';
import { addMenu, openAuditLog, openSidebar, scoreFromMenu, scorePeopleFromMenu, snapshotFromMenu, templateFromMenu } from './menu.js';
import { logEdit } from './changelog.js';
import { serverFunctions as server } from './sidebar-api.js';
import { customFunction } from './functions.js';
import type { Method } from '../src/core/index.js';
import type { ScoreRequest } from '../src/ui/panel-host.js';

declare const global: Record<string, unknown>;

/** Adds the Cruscotto menu when the spreadsheet opens. */
global.onOpen = function onOpen() {
  try {
    addMenu();
  } catch (e) {
    // onOpen has no dialog to show; without the menu the user can still use the formulas.
    console.error(e);
  }
};

/** Scores the plan in this spreadsheet and writes results, Sintesi and Segnalazioni. */
global.scorePlan = fromMenu(function scorePlan() {
  return scoreFromMenu();
});

/**
 * Scores the plan and writes the Schede individuali sheet: one row per person with results, organisational
 * and behaviour components, total and band. The data stays in the spreadsheet.
 */
global.scorePeople = fromMenu(function scorePeople() {
  return scorePeopleFromMenu();
});

/** Opens the Cruscotto sidebar. */
global.showSidebar = fromMenu(function showSidebar() {
  openSidebar();
});

/** Creates the template sheets that are missing; existing sheets are never overwritten. */
global.createTemplate = fromMenu(function createTemplate() {
  return templateFromMenu();
});

/**
 * Freezes the scored sheets for review: "Revisione YYYY-MM-DD" holds Indicatori, with Obiettivi and
 * Sintesi beside it, values only, protected so reviewers comment on a fixed version.
 */
global.snapshot = fromMenu(function snapshot() {
  return snapshotFromMenu();
});

/** Shows the change log of Override, Nota, Consuntivo and Target edits. */
global.showAuditLog = fromMenu(function showAuditLog() {
  openAuditLog();
});

/**
 * Records every edit of Override, Nota, Consuntivo and Target cells of Indicatori in the Registro sheet,
 * so the OIV's adjustments are never lost between versions.
 */
global.onEdit = fromTrigger(function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit) {
  logEdit(e);
});

// google.script.run targets for the sidebar (typed for it by sidebar-api.ts).

/** Sidebar: scores the plan (at a period, with the schede if asked) and returns the summary to show. */
global.sidebarScore = function sidebarScore(request?: ScoreRequest) {
  return server.sidebarScore(request);
};

/** Sidebar: one person's card, scored at the period the sidebar shows; null when nobody has that name. */
global.sidebarPerson = function sidebarPerson(name: string, period?: string) {
  return server.sidebarPerson(name, period);
};

/** Sidebar: year and method currently in Impostazioni. */
global.sidebarLoadSettings = function sidebarLoadSettings() {
  return server.sidebarLoadSettings();
};

/** Sidebar: writes year and method into Impostazioni. */
global.sidebarSaveSettings = function sidebarSaveSettings(settings: { year: number | null; method: Method | null }) {
  server.sidebarSaveSettings(settings);
};

/** Sidebar: creates the missing template sheets. */
global.sidebarCreateTemplate = function sidebarCreateTemplate() {
  return server.sidebarCreateTemplate();
};

/** Sidebar: selects the cell an issue points at. */
global.sidebarSelectCell = function sidebarSelectCell(sheetName: string, cell: string) {
  server.sidebarSelectCell(sheetName, cell);
};

/** Sidebar: the user's language. */
global.sidebarLang = function sidebarLang() {
  return server.sidebarLang();
};

// Custom functions: the core's function table, answering as the Excel ones do.

/**
 * Punteggio di un indicatore (0,95 = 95%) dato consuntivo e target, con soglia, direzione e metodo facoltativi.
 *
 * @param {number|string} actual Consuntivo: numero, percentuale, data o si/no.
 * @param {number|string} target Target, anche come testo: ">= 45,00 %", "<= -12", "Entro 31-12-2025", "= si".
 * @param {number|string} threshold [facoltativo] Soglia minima: sotto di essa il punteggio è 0.
 * @param {string} direction [facoltativo] max (più alto è meglio) o min, per target senza comparatore.
 * @param {string} method [facoltativo] proporzionale (predefinito), fasce, soglia o binario; oppure una tabella di fasce ("99%:100%; 80%:80%; 0%:0%") e un tetto ("proporzionale; tetto 120%"), separati da ";".
 * @return Il punteggio come frazione.
 * @customfunction
 */
global.ACHIEVEMENT = function ACHIEVEMENT(actual: unknown, target: unknown, threshold?: unknown, direction?: unknown, method?: unknown) {
  return customFunction('ACHIEVEMENT', [actual, target, threshold, direction, method]);
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
  return customFunction('WEIGHTED', [scores, weights]);
};

/**
 * Valore numerico di un target scritto come testo (percentuali come frazione, date come numero di serie).
 *
 * @param {string} target Target, es. ">= 45,00 %".
 * @return Il valore del target.
 * @customfunction
 */
global.TARGETVALUE = function TARGETVALUE(target: unknown) {
  return customFunction('TARGETVALUE', [target]);
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
  return customFunction('RATING', [score, scale]);
};
