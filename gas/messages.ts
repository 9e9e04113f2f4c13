/**
 * Every sentence the Apps Script project shows (menu, toasts, alerts, errors), Italian first. The core's
 * own messages (issues, PlanError) come already translated; these are the host's.
 */
import type { Lang } from '../src/core/index.js';

export const GAS_TEXT = {
  'menu.score': { it: 'Calcola punteggi', en: 'Score plan' },
  'menu.people': { it: 'Calcola schede', en: 'Score scorecards' },
  'menu.panel': { it: 'Apri pannello', en: 'Open panel' },
  'menu.template': { it: 'Crea modello', en: 'Create template' },
  'menu.snapshot': { it: 'Istantanea per revisione', en: 'Snapshot for review' },
  'menu.log': { it: 'Registro modifiche', en: 'Change log' },
  'score.done': {
    it: 'Risultato dell\'ente: {score} — {rating}. Segnalazioni: {error} errori, {warning} avvisi, {info} informazioni.',
    en: 'Entity result: {score} — {rating}. Issues: {error} errors, {warning} warnings, {info} notes.',
  },
  'people.done': {
    it: 'Schede individuali scritte nel foglio {sheet}: {n} persone.',
    en: 'Individual scorecards written to the {sheet} sheet: {n} people.',
  },
  'people.none': {
    it: 'Nessuna persona da valutare: aggiungere il foglio Assegnazioni o la colonna Responsabile.',
    en: 'Nobody to score: add an Assignments sheet or an Owner column.',
  },
  'template.created': { it: 'Creati: {sheets}', en: 'Created: {sheets}' },
  'template.present': { it: 'Il modello è già presente.', en: 'The template is already there.' },
  'snapshot.done': { it: 'Istantanea protetta: {sheets}', en: 'Protected snapshot: {sheets}' },
  'snapshot.nothing': { it: 'Nessun foglio da fotografare: manca Indicatori.', en: 'Nothing to snapshot: there is no Indicators sheet.' },
  'busy': {
    it: 'Un altro utente sta calcolando i punteggi di questo file. Riprova tra qualche secondo.',
    en: 'Someone else is scoring this spreadsheet right now. Try again in a few seconds.',
  },
  'sheet.notFound': { it: 'Il foglio {sheet} non esiste più.', en: 'Sheet {sheet} no longer exists.' },
  'cell.notFound': { it: 'La cella {cell} del foglio {sheet} non esiste.', en: 'Cell {cell} of sheet {sheet} does not exist.' },
  'error.title': { it: 'Cruscotto: operazione non riuscita', en: 'Cruscotto: the operation failed' },
  'error.permission': {
    it: 'Non hai il permesso di modificare questo file (o un foglio è protetto): {detail}',
    en: 'You are not allowed to edit this file (or a sheet is protected): {detail}',
  },
  'error.timeout': {
    it: 'Google Fogli non ha risposto in tempo. Riprova; se il file è molto grande, chiudi le altre schede aperte su di esso.',
    en: 'Google Sheets did not answer in time. Try again; with a very large file, close other tabs open on it.',
  },
  'error.unexpected': { it: 'Errore imprevisto: {detail}', en: 'Unexpected error: {detail}' },
  'sidebar.failed': {
    it: 'Il pannello non si è aperto: {detail}. Chiudilo e riaprilo da Cruscotto > Apri pannello.',
    en: 'The panel could not open: {detail}. Close it and open it again from Cruscotto > Open panel.',
  },
} as const;

export type GasTextKey = keyof typeof GAS_TEXT;

export function text(lang: Lang, key: GasTextKey, params: Record<string, string | number> = {}): string {
  return GAS_TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
